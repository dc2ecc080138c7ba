// The field order here is the format: any change to it, or to Inventory, must
// change the link memo's key (src/CMakeLists.txt hashes these sources for that).
#include "cache/inventory_codec.h"

#include "cache/byte_stream.h"

namespace djcost {
namespace {

// One overload of Put and Get per type, so that lists and records read as the
// structs they mirror, field by field in declaration order.
void Put(ByteWriter& w, const std::string& s) { w.String(s); }
void Put(ByteWriter& w, int v) { w.Signed(v); }
void Put(ByteWriter& w, bool v) { w.Varint(v ? 1 : 0); }

template <typename T>
void Put(ByteWriter& w, const std::vector<T>& list);

void Put(ByteWriter& w, const Location& l) {
  Put(w, l.path);
  Put(w, l.line);
  Put(w, l.column);
}

void Put(ByteWriter& w, const Diagnostic& d) {
  w.Varint(static_cast<std::uint64_t>(d.severity));
  Put(w, d.code);
  Put(w, d.location);
  Put(w, d.message);
}

void Put(ByteWriter& w, const App& a) {
  Put(w, a.label);
  Put(w, a.module);
  Put(w, a.path);
  Put(w, a.installed);
}

void Put(ByteWriter& w, const Endpoint& e) {
  Put(w, e.route);
  Put(w, e.method);
  Put(w, e.view);
  Put(w, e.handler);
  Put(w, e.name);
  Put(w, e.app);
  w.Varint(static_cast<std::uint64_t>(e.kind));
  Put(w, e.location);
  Put(w, e.view_location);
  Put(w, e.in_tests);
}

void Put(ByteWriter& w, const ExternalRoute& r) {
  Put(w, r.route);
  Put(w, r.target);
  Put(w, r.reason);
  Put(w, r.location);
}

void Put(ByteWriter& w, const Relation& r) {
  Put(w, r.field);
  Put(w, r.kind);
  Put(w, r.target);
  Put(w, r.target_app);
  Put(w, r.cross_app);
  Put(w, r.line);
}

void Put(ByteWriter& w, const Model& m) {
  Put(w, m.name);
  Put(w, m.qualname);
  Put(w, m.app);
  w.Varint(static_cast<std::uint64_t>(m.kind));
  Put(w, m.bases);
  Put(w, m.field_count);
  Put(w, m.relations);
  Put(w, m.managers);
  Put(w, m.overrides);
  Put(w, m.is_user_model);
  Put(w, m.in_tests);
  Put(w, m.location);
}

void Put(ByteWriter& w, const AdminRegistration& a) {
  Put(w, a.model);
  Put(w, a.admin_class);
  Put(w, a.site);
  Put(w, a.app);
  Put(w, a.inlines);
  Put(w, a.actions);
  Put(w, a.custom_methods);
  Put(w, a.list_display);
  Put(w, a.location);
}

void Put(ByteWriter& w, const SignalReceiver& s) {
  Put(w, s.signal);
  Put(w, s.handler);
  Put(w, s.sender);
  Put(w, s.dispatch_uid);
  Put(w, s.builtin);
  Put(w, s.via);
  Put(w, s.app);
  Put(w, s.location);
}

void Put(ByteWriter& w, const CustomSignal& s) {
  Put(w, s.qualname);
  Put(w, s.app);
  Put(w, s.location);
  Put(w, s.send_sites);
}

void Put(ByteWriter& w, const Finding& f) {
  Put(w, f.kind);
  Put(w, f.detail);
  Put(w, f.app);
  Put(w, f.location);
}

void Put(ByteWriter& w, const FileTotals& t) {
  Put(w, t.files);
  Put(w, t.lines.code);
  Put(w, t.lines.comment);
  Put(w, t.lines.blank);
}

// Defined after every overload it may call on an item.
template <typename T>
void Put(ByteWriter& w, const std::vector<T>& list) {
  w.Varint(list.size());
  for (const T& item : list) Put(w, item);
}

// Reads back what Put wrote; a failed read leaves the reader's error flag set.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : r_(bytes) {}
  bool ok() const { return r_.ok() && r_.done(); }

  void Get(std::string* s) { *s = r_.String(); }
  void Get(int* v) { *v = r_.Int(); }
  void Get(bool* v) { *v = r_.Bool(); }
  template <typename E>
  void GetEnum(E* e, std::uint64_t last) {
    std::uint64_t v = r_.Varint();
    if (v > last) {
      Corrupt();
      return;
    }
    *e = static_cast<E>(v);
  }

  template <typename T>
  void Get(std::vector<T>* list) {
    std::size_t n = r_.Count();
    list->clear();
    list->resize(n);
    for (T& item : *list) {
      if (!r_.ok()) return;
      Get(&item);
    }
  }

  void Get(Location* l) {
    Get(&l->path);
    Get(&l->line);
    Get(&l->column);
  }
  void Get(Diagnostic* d) {
    GetEnum(&d->severity, static_cast<std::uint64_t>(Severity::kError));
    Get(&d->code);
    Get(&d->location);
    Get(&d->message);
  }
  void Get(App* a) {
    Get(&a->label);
    Get(&a->module);
    Get(&a->path);
    Get(&a->installed);
  }
  void Get(Endpoint* e) {
    Get(&e->route);
    Get(&e->method);
    Get(&e->view);
    Get(&e->handler);
    Get(&e->name);
    Get(&e->app);
    GetEnum(&e->kind, static_cast<std::uint64_t>(EndpointKind::kPage));
    Get(&e->location);
    Get(&e->view_location);
    Get(&e->in_tests);
  }
  void Get(ExternalRoute* r) {
    Get(&r->route);
    Get(&r->target);
    Get(&r->reason);
    Get(&r->location);
  }
  void Get(Relation* r) {
    Get(&r->field);
    Get(&r->kind);
    Get(&r->target);
    Get(&r->target_app);
    Get(&r->cross_app);
    Get(&r->line);
  }
  void Get(Model* m) {
    Get(&m->name);
    Get(&m->qualname);
    Get(&m->app);
    GetEnum(&m->kind, static_cast<std::uint64_t>(ModelKind::kProxy));
    Get(&m->bases);
    Get(&m->field_count);
    Get(&m->relations);
    Get(&m->managers);
    Get(&m->overrides);
    Get(&m->is_user_model);
    Get(&m->in_tests);
    Get(&m->location);
  }
  void Get(AdminRegistration* a) {
    Get(&a->model);
    Get(&a->admin_class);
    Get(&a->site);
    Get(&a->app);
    Get(&a->inlines);
    Get(&a->actions);
    Get(&a->custom_methods);
    Get(&a->list_display);
    Get(&a->location);
  }
  void Get(SignalReceiver* s) {
    Get(&s->signal);
    Get(&s->handler);
    Get(&s->sender);
    Get(&s->dispatch_uid);
    Get(&s->builtin);
    Get(&s->via);
    Get(&s->app);
    Get(&s->location);
  }
  void Get(CustomSignal* s) {
    Get(&s->qualname);
    Get(&s->app);
    Get(&s->location);
    Get(&s->send_sites);
  }
  void Get(Finding* f) {
    Get(&f->kind);
    Get(&f->detail);
    Get(&f->app);
    Get(&f->location);
  }
  void Get(FileTotals* t) {
    Get(&t->files);
    Get(&t->lines.code);
    Get(&t->lines.comment);
    Get(&t->lines.blank);
  }

 private:
  // ByteReader's flag is sticky; a View past the end sets it.
  void Corrupt() { r_.View(r_.left() + 1); }

  ByteReader r_;
};

}  // namespace

void EncodeInventory(const Inventory& inv, std::string* out) {
  ByteWriter w(out);
  Put(w, inv.settings_module);
  Put(w, inv.root_urlconf);
  Put(w, inv.auth_user_model);
  Put(w, inv.installed_apps);
  Put(w, inv.urlconf_fallback);
  Put(w, inv.apps);
  Put(w, inv.endpoints);
  Put(w, inv.external_routes);
  Put(w, inv.models);
  Put(w, inv.admin_registrations);
  Put(w, inv.admin_registrations_external);
  Put(w, inv.signal_receivers);
  Put(w, inv.custom_signals);
  Put(w, inv.findings);
  Put(w, inv.source);
  Put(w, inv.tests);
  Put(w, inv.migrations);
  Put(w, inv.files_parsed);
  Put(w, inv.files_with_parse_errors);
  Put(w, inv.diagnostics);
}

bool DecodeInventory(std::string_view bytes, Inventory* inv) {
  Reader r(bytes);
  r.Get(&inv->settings_module);
  r.Get(&inv->root_urlconf);
  r.Get(&inv->auth_user_model);
  r.Get(&inv->installed_apps);
  r.Get(&inv->urlconf_fallback);
  r.Get(&inv->apps);
  r.Get(&inv->endpoints);
  r.Get(&inv->external_routes);
  r.Get(&inv->models);
  r.Get(&inv->admin_registrations);
  r.Get(&inv->admin_registrations_external);
  r.Get(&inv->signal_receivers);
  r.Get(&inv->custom_signals);
  r.Get(&inv->findings);
  r.Get(&inv->source);
  r.Get(&inv->tests);
  r.Get(&inv->migrations);
  r.Get(&inv->files_parsed);
  r.Get(&inv->files_with_parse_errors);
  r.Get(&inv->diagnostics);
  return r.ok();
}

}  // namespace djcost
