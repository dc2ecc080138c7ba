// The field order here is the format: any change to it, or to FileFacts, must
// change the cache key (cache/cache_key.cc hashes the data headers for that).
#include "cache/fact_codec.h"

#include "cache/byte_stream.h"

namespace djcost {
namespace {

// Deeper expressions than the extractor builds mean corruption; the limit keeps
// a corrupt input from exhausting the stack.
constexpr int kMaxDepth = 512;

void Put(ByteWriter& w, const Expr& e) {
  w.Varint(static_cast<std::uint64_t>(e.kind));
  w.String(e.text);
  w.Line(e.line);
  w.Varint(e.items.size());
  for (const Expr& item : e.items) Put(w, item);
  w.Varint(e.keywords.size());
  for (const auto& [key, value] : e.keywords) {
    w.String(key);
    Put(w, value);
  }
}

void Put(ByteWriter& w, const std::vector<Expr>& exprs) {
  w.Varint(exprs.size());
  for (const Expr& e : exprs) Put(w, e);
}

void Put(ByteWriter& w, const Import& i) {
  w.String(i.module);
  w.Signed(i.level);
  w.String(i.name);
  w.String(i.alias);
  w.Varint(i.star);
  w.Varint(i.module_level);
  w.Varint(i.conditional);
  w.Line(i.line);
}

void Put(ByteWriter& w, const Assignment& a) {
  w.String(a.target);
  Put(w, a.value);
  w.Varint(a.augmented);
  w.Varint(a.conditional);
  w.Signed(a.guard);
  w.Line(a.line);
  w.Signed(a.loop);
}

void Put(ByteWriter& w, const std::vector<Assignment>& list) {
  w.Varint(list.size());
  for (const Assignment& a : list) Put(w, a);
}

void Put(ByteWriter& w, const CallStatement& s) {
  Put(w, s.call);
  w.String(s.scope);
  w.Varint(s.conditional);
  w.Signed(s.guard);
  w.Line(s.line);
  w.Varint(s.loop ? 1 : 0);
  if (s.loop) {
    w.String(s.loop->variable);
    Put(w, s.loop->iterable);
  }
}

void Put(ByteWriter& w, const LocalList& list) {
  Put(w, list.assignments);
  w.Varint(list.calls.size());
  for (const CallStatement& s : list.calls) Put(w, s);
}

void Put(ByteWriter& w, const FunctionDef& f) {
  w.String(f.name);
  w.String(f.scope);
  Put(w, f.decorators);
  w.Varint(f.parameters.size());
  for (const std::string& p : f.parameters) w.String(p);
  w.Varint(f.calls.size());
  for (const CallSite& c : f.calls) {
    w.String(c.callee);
    w.Line(c.line);
    w.Signed(c.count);
  }
  w.Varint(f.returned ? 1 : 0);
  if (f.returned) Put(w, *f.returned);
  w.Varint(f.local_list ? 1 : 0);
  if (f.local_list) Put(w, *f.local_list);
  w.Varint(f.local_names ? 1 : 0);
  if (f.local_names) Put(w, *f.local_names);
  w.Varint(f.is_async);
  w.Line(f.line);
  w.Line(f.end_line);
}

void Put(ByteWriter& w, const std::vector<FunctionDef>& list) {
  w.Varint(list.size());
  for (const FunctionDef& f : list) Put(w, f);
}

void Put(ByteWriter& w, const ClassDef& c) {
  w.String(c.name);
  w.String(c.scope);
  Put(w, c.bases);
  w.Varint(c.keywords.size());
  for (const auto& [key, value] : c.keywords) {
    w.String(key);
    Put(w, value);
  }
  Put(w, c.decorators);
  Put(w, c.methods);
  Put(w, c.attributes);
  Put(w, c.meta);
  Put(w, c.meta_bases);
  w.Varint(c.has_meta);
  w.Line(c.line);
  w.Line(c.end_line);
}

void Put(ByteWriter& w, const Diagnostic& d) {
  w.Varint(static_cast<std::uint64_t>(d.severity));
  w.String(d.code);
  w.String(d.location.path);
  w.Line(d.location.line);
  w.Signed(d.location.column);
  w.String(d.message);
}

// Decoding mirrors Put; each Get returns false once the reader has failed.
class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : r_(bytes) {}
  ByteReader& reader() { return r_; }

  bool Get(Expr* e, int depth = 0) {
    if (depth > kMaxDepth) return false;
    std::uint64_t kind = r_.Varint();
    if (kind > static_cast<std::uint64_t>(ExprKind::kFString)) return false;
    e->kind = static_cast<ExprKind>(kind);
    e->text = r_.String();
    e->line = r_.Int();
    e->items.resize(r_.Count());
    for (Expr& item : e->items) {
      if (!Get(&item, depth + 1)) return false;
    }
    // Appended, not resize()d: clang 14 with libstdc++ 12 cannot default-construct
    // a pair holding the recursive Expr.
    for (std::size_t n = r_.Count(); n > 0; --n) {
      auto& [key, value] = e->keywords.emplace_back(r_.String(), Expr{});
      if (!Get(&value, depth + 1)) return false;
    }
    return r_.ok();
  }

  bool Get(std::vector<Expr>* list) {
    list->resize(r_.Count());
    for (Expr& e : *list) {
      if (!Get(&e)) return false;
    }
    return r_.ok();
  }

  bool Get(Import* i) {
    i->module = r_.String();
    i->level = r_.Int();
    i->name = r_.String();
    i->alias = r_.String();
    i->star = r_.Bool();
    i->module_level = r_.Bool();
    i->conditional = r_.Bool();
    i->line = r_.Int();
    return r_.ok();
  }

  bool Get(Assignment* a) {
    a->target = r_.String();
    if (!Get(&a->value)) return false;
    a->augmented = r_.Bool();
    a->conditional = r_.Bool();
    a->guard = r_.Int();
    a->line = r_.Int();
    a->loop = r_.Int();
    return r_.ok();
  }

  bool Get(FunctionDef* f) {
    f->name = r_.String();
    f->scope = r_.String();
    if (!Get(&f->decorators)) return false;
    f->parameters.resize(r_.Count());
    for (std::string& p : f->parameters) p = r_.String();
    f->calls.resize(r_.Count());
    for (CallSite& c : f->calls) {
      c.callee = r_.String();
      c.line = r_.Int();
      c.count = r_.Int();
    }
    if (r_.Bool()) {
      Expr returned;
      if (!Get(&returned)) return false;
      f->returned = std::move(returned);
    }
    if (r_.Bool()) {
      LocalList list;
      if (!GetList(&list.assignments) || !GetList(&list.calls)) return false;
      f->local_list = std::move(list);
    }
    if (r_.Bool()) {
      std::vector<Assignment> names;
      if (!GetList(&names)) return false;
      f->local_names = std::move(names);
    }
    f->is_async = r_.Bool();
    f->line = r_.Int();
    f->end_line = r_.Int();
    return r_.ok();
  }

  bool Get(ClassDef* c) {
    c->name = r_.String();
    c->scope = r_.String();
    if (!Get(&c->bases)) return false;
    for (std::size_t n = r_.Count(); n > 0; --n) {
      auto& [key, value] = c->keywords.emplace_back(r_.String(), Expr{});
      if (!Get(&value)) return false;
    }
    if (!Get(&c->decorators) || !GetList(&c->methods) || !GetList(&c->attributes) ||
        !GetList(&c->meta) || !Get(&c->meta_bases)) {
      return false;
    }
    c->has_meta = r_.Bool();
    c->line = r_.Int();
    c->end_line = r_.Int();
    return r_.ok();
  }

  bool Get(CallStatement* s) {
    if (!Get(&s->call)) return false;
    s->scope = r_.String();
    s->conditional = r_.Bool();
    s->guard = r_.Int();
    s->line = r_.Int();
    if (r_.Bool()) {
      LoopContext loop;
      loop.variable = r_.String();
      if (!Get(&loop.iterable)) return false;
      s->loop = std::move(loop);
    }
    return r_.ok();
  }

  bool Get(std::vector<AppCondition>* guard) {
    guard->resize(r_.Count());
    for (AppCondition& c : *guard) {
      c.app = r_.String();
      c.installed = r_.Bool();
      c.setting = r_.String();
      c.fallback = r_.Int();
    }
    return r_.ok();
  }

  bool Get(ClassHeader* h) {
    h->name = r_.String();
    h->bases.resize(r_.Count());
    for (std::string& base : h->bases) base = r_.String();
    return r_.ok();
  }

  bool Get(LoopContext* loop) {
    loop->variable = r_.String();
    return Get(&loop->iterable);
  }

  bool Get(Diagnostic* d) {
    std::uint64_t severity = r_.Varint();
    if (severity > static_cast<std::uint64_t>(Severity::kError)) return false;
    d->severity = static_cast<Severity>(severity);
    d->code = r_.String();
    d->location.path = r_.String();
    d->location.line = r_.Int();
    d->location.column = r_.Int();
    d->message = r_.String();
    return r_.ok();
  }

  template <typename T>
  bool GetList(std::vector<T>* list) {
    list->resize(r_.Count());
    for (T& item : *list) {
      if (!Get(&item)) return false;
    }
    return r_.ok();
  }

 private:
  ByteReader r_;
};

// Everything but the file's line counts, which EncodeFacts writes first.
void EncodeFactsAfterCounts(ByteWriter& w, const FileFacts& facts) {
  w.Varint(facts.imports.size());
  for (const Import& i : facts.imports) Put(w, i);
  Put(w, facts.assignments);
  w.Varint(facts.classes.size());
  for (const ClassDef& c : facts.classes) Put(w, c);
  Put(w, facts.functions);
  w.Varint(facts.calls.size());
  for (const CallStatement& s : facts.calls) Put(w, s);
  w.Varint(facts.guards.size());
  for (const std::vector<AppCondition>& guard : facts.guards) {
    w.Varint(guard.size());
    for (const AppCondition& c : guard) {
      w.String(c.app);
      w.Varint(c.installed);
      w.String(c.setting);
      w.Signed(c.fallback);
    }
  }
  w.Varint(facts.loops.size());
  for (const LoopContext& loop : facts.loops) {
    w.String(loop.variable);
    Put(w, loop.iterable);
  }
  w.Varint(facts.diagnostics.size());
  for (const Diagnostic& d : facts.diagnostics) Put(w, d);
  w.Varint(facts.class_headers.size());
  for (const ClassHeader& h : facts.class_headers) {
    w.String(h.name);
    w.Varint(h.bases.size());
    for (const std::string& base : h.bases) w.String(base);
  }
}

// Every guard and loop index names an entry of the file's tables (else the
// bytes are damaged).
bool GuardsInRange(const FileFacts& facts) {
  auto in_range = [&](int guard) {
    return guard >= -1 && guard < static_cast<int>(facts.guards.size());
  };
  auto assignments_in_range = [&](const std::vector<Assignment>& assignments) {
    for (const Assignment& a : assignments) {
      if (!in_range(a.guard) || a.loop < -1 || a.loop >= static_cast<int>(facts.loops.size())) {
        return false;
      }
    }
    return true;
  };
  auto calls_in_range = [&](const std::vector<CallStatement>& calls) {
    for (const CallStatement& s : calls) {
      if (!in_range(s.guard)) return false;
    }
    return true;
  };
  if (!assignments_in_range(facts.assignments) || !calls_in_range(facts.calls)) return false;
  for (const FunctionDef& f : facts.functions) {
    if (f.local_names && !assignments_in_range(*f.local_names)) return false;
    if (!f.local_list) continue;
    if (!assignments_in_range(f.local_list->assignments) || !calls_in_range(f.local_list->calls)) {
      return false;
    }
  }
  return true;
}

}  // namespace

void EncodeDiagnostic(const Diagnostic& diagnostic, std::string* out) {
  ByteWriter w(out);
  Put(w, diagnostic);
}

void EncodeFacts(const FileFacts& facts, std::string* out) {
  ByteWriter w(out);
  w.Varint(facts.parsed);
  w.Varint(facts.counts_alone);
  w.Signed(facts.parse_errors);
  w.Signed(facts.lines.code);
  w.Signed(facts.lines.comment);
  w.Signed(facts.lines.blank);
  EncodeFactsAfterCounts(w, facts);
}

void EncodeFactsShape(const FileFacts& facts, std::string* shape, std::vector<int>* lines) {
  ByteWriter w(shape);
  w.SetLinesAside(lines);
  w.Varint(facts.parsed);
  w.Varint(facts.counts_alone);
  w.Signed(facts.parse_errors);
  EncodeFactsAfterCounts(w, facts);
}

bool DecodeFacts(std::string_view bytes, FileFacts* facts) {
  Decoder d(bytes);
  ByteReader& r = d.reader();
  facts->parsed = r.Bool();
  facts->counts_alone = r.Bool();
  facts->parse_errors = r.Int();
  facts->lines.code = r.Int();
  facts->lines.comment = r.Int();
  facts->lines.blank = r.Int();
  bool ok = d.GetList(&facts->imports) && d.GetList(&facts->assignments) &&
            d.GetList(&facts->classes) && d.GetList(&facts->functions) &&
            d.GetList(&facts->calls) && d.GetList(&facts->guards) && d.GetList(&facts->loops) &&
            d.GetList(&facts->diagnostics) && d.GetList(&facts->class_headers);
  return ok && r.ok() && r.done() && GuardsInRange(*facts);
}

}  // namespace djcost
