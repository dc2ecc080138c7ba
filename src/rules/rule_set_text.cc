#include "rules/rule_set_text.h"

#include <charconv>
#include <cstdio>
#include <system_error>

namespace djcost {
namespace {

// Length-prefixed fields, so that no two different rule sets serialise alike.
class Writer {
 public:
  void Put(std::string_view field) {
    text_ += std::to_string(field.size());
    text_ += ':';
    text_ += field;
  }
  void PutCount(size_t n) { Put(std::to_string(n)); }
  // %.17g gives back the same double when read.
  void PutNumber(double value) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    Put(buf);
  }
  void PutList(const std::vector<std::string>& items) {
    PutCount(items.size());
    for (const auto& item : items) Put(item);
  }
  std::string Take() { return std::move(text_); }

 private:
  std::string text_;
};

class Reader {
 public:
  explicit Reader(std::string_view text) : rest_(text) {}

  bool Get(std::string_view* field) {
    size_t colon = rest_.find(':');
    size_t size = 0;
    if (colon == std::string_view::npos || !Number(rest_.substr(0, colon), &size) ||
        rest_.size() - colon - 1 < size) {
      return false;
    }
    *field = rest_.substr(colon + 1, size);
    rest_.remove_prefix(colon + 1 + size);
    return true;
  }
  bool Get(std::string* field) {
    std::string_view view;
    if (!Get(&view)) return false;
    field->assign(view);
    return true;
  }
  bool Expect(std::string_view word) {
    std::string_view field;
    return Get(&field) && field == word;
  }
  // Counts are bounded by the text left, so a damaged count cannot ask for
  // more memory than the text could fill.
  bool GetCount(size_t* n) { return GetNumber(n) && *n <= rest_.size(); }
  // A field that is a number (an int, a count, a double) and nothing else.
  template <typename T>
  bool GetNumber(T* value) {
    std::string_view field;
    return Get(&field) && Number(field, value);
  }
  bool GetList(std::vector<std::string>* items) {
    size_t n = 0;
    if (!GetCount(&n)) return false;
    items->resize(n);
    for (auto& item : *items) {
      if (!Get(&item)) return false;
    }
    return true;
  }
  bool AtEnd() const { return rest_.empty(); }

 private:
  template <typename T>
  static bool Number(std::string_view text, T* value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
    return ec == std::errc() && end == text.data() + text.size();
  }

  std::string_view rest_;
};

bool ReadRate(Reader& in, Rate* r) {
  std::string_view kind;
  if (!(in.Get(&r->id) && in.Get(&r->description) && in.Get(&r->unit) &&
        in.GetNumber(&r->low) && in.GetNumber(&r->likely) && in.GetNumber(&r->high) &&
        in.Get(&kind) && in.Get(&r->source) && in.Get(&r->rationale) && in.Get(&r->origin))) {
    return false;
  }
  r->assumed = kind == "assumed";
  return r->assumed || kind == "documented";
}

bool ReadClass(Reader& in, KnownClass* c) {
  size_t changes = 0;
  if (!(in.Get(&c->qualname) && in.GetList(&c->aliases) && in.GetList(&c->bases) &&
        in.GetList(&c->methods) && in.GetList(&c->tags) && in.GetCount(&changes))) {
    return false;
  }
  c->changes.resize(changes);
  for (KnownChange& change : c->changes) {
    size_t parts = 0;
    if (!in.GetCount(&parts)) return false;
    change.django.resize(parts);
    for (int& part : change.django) {
      if (!in.GetNumber(&part)) return false;
    }
    if (!in.GetList(&change.http_method_names)) return false;
  }
  return true;
}

bool ReadFunction(Reader& in, KnownFunction* f) {
  return in.Get(&f->qualname) && in.GetList(&f->aliases) && in.GetList(&f->methods) &&
         in.GetList(&f->tags);
}

// "word", a count, then that many entries, each read by `read_one`.
template <typename T, typename ReadOne>
bool ReadSection(Reader& in, std::string_view word, std::vector<T>* entries, ReadOne read_one) {
  size_t n = 0;
  if (!in.Expect(word) || !in.GetCount(&n)) return false;
  entries->resize(n);
  for (T& entry : *entries) {
    if (!read_one(in, &entry)) return false;
  }
  return true;
}

void WriteRate(Writer& out, const Rate& r) {
  out.Put(r.id);
  out.Put(r.description);
  out.Put(r.unit);
  out.PutNumber(r.low);
  out.PutNumber(r.likely);
  out.PutNumber(r.high);
  out.Put(r.assumed ? "assumed" : "documented");
  out.Put(r.source);
  out.Put(r.rationale);
  out.Put(r.origin);
}

void WriteClass(Writer& out, const KnownClass& c) {
  out.Put(c.qualname);
  out.PutList(c.aliases);
  out.PutList(c.bases);
  out.PutList(c.methods);
  out.PutList(c.tags);
  out.PutCount(c.changes.size());
  for (const KnownChange& change : c.changes) {
    out.PutCount(change.django.size());
    for (int part : change.django) out.Put(std::to_string(part));
    out.PutList(change.http_method_names);
  }
}

void WriteFunction(Writer& out, const KnownFunction& f) {
  out.Put(f.qualname);
  out.PutList(f.aliases);
  out.PutList(f.methods);
  out.PutList(f.tags);
}

// What ReadSection reads: "word", a count, then each entry.
template <typename T, typename WriteOne>
void WriteSection(Writer& out, std::string_view word, const std::vector<T>& entries,
                  WriteOne write_one) {
  out.Put(word);
  out.PutCount(entries.size());
  for (const T& entry : entries) write_one(out, entry);
}

}  // namespace

std::string RuleSetText(const RuleSet& rules) {
  Writer out;
  WriteSection(out, "rates", rules.rates, WriteRate);
  WriteSection(out, "classes", rules.classes, WriteClass);
  WriteSection(out, "functions", rules.functions, WriteFunction);
  out.Put("builtin_signals");
  out.PutList(rules.builtin_signals);
  out.Put("options");
  out.PutCount(rules.options.size());
  for (const auto& [key, value] : rules.options) {
    out.Put(key);
    out.Put(value);
  }
  return out.Take();
}

bool ReadRuleSetText(std::string_view text, RuleSet* out) {
  Reader in(text);
  size_t n = 0;
  if (!ReadSection(in, "rates", &out->rates, ReadRate) ||
      !ReadSection(in, "classes", &out->classes, ReadClass) ||
      !ReadSection(in, "functions", &out->functions, ReadFunction)) {
    return false;
  }
  if (!in.Expect("builtin_signals") || !in.GetList(&out->builtin_signals)) return false;
  if (!in.Expect("options") || !in.GetCount(&n)) return false;
  out->options.clear();
  for (size_t i = 0; i < n; ++i) {
    std::string key, value;
    if (!in.Get(&key) || !in.Get(&value)) return false;
    out->options.emplace(std::move(key), std::move(value));
  }
  out->version.clear();
  return in.AtEnd();
}

}  // namespace djcost
