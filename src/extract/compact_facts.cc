#include "extract/compact_facts.h"

#include <vector>

namespace djcost {
namespace {

template <typename T>
void Shrink(std::vector<T>& v) {
  if (v.capacity() > v.size()) v.shrink_to_fit();
}

template <typename T>
void Shrink(SparseList<T>& v) {
  v.shrink_to_fit();
}

void Compact(Expr& e) {
  Shrink(e.items);
  Shrink(e.keywords);
  for (Expr& item : e.items) Compact(item);
  for (auto& [key, value] : e.keywords) Compact(value);
}

void Compact(std::vector<Expr>& exprs) {
  Shrink(exprs);
  for (Expr& e : exprs) Compact(e);
}

void Compact(std::vector<Assignment>& assignments) {
  Shrink(assignments);
  for (Assignment& a : assignments) Compact(a.value);
}

void Compact(FunctionDef& fn) {
  Compact(fn.decorators);
  Shrink(fn.parameters);
  Shrink(fn.calls);
}

}  // namespace

void CompactFacts(FileFacts* facts) {
  Shrink(facts->imports);
  Compact(facts->assignments);
  Shrink(facts->classes);
  for (ClassDef& cls : facts->classes) {
    Compact(cls.bases);
    Shrink(cls.keywords);
    for (auto& [key, value] : cls.keywords) Compact(value);
    Compact(cls.decorators);
    Shrink(cls.methods);
    for (FunctionDef& m : cls.methods) Compact(m);
    Compact(cls.attributes);
    Compact(cls.meta);
  }
  Shrink(facts->functions);
  for (FunctionDef& fn : facts->functions) Compact(fn);
  Shrink(facts->calls);
  for (CallStatement& call : facts->calls) {
    Compact(call.call);
    if (call.loop) Compact(call.loop->iterable);
  }
  Shrink(facts->diagnostics);
}

}  // namespace djcost
