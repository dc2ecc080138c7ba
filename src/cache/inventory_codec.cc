// The field order here is the format: any change to it, or to Inventory, must
// change the link memo's key (src/CMakeLists.txt hashes these sources for that).
#include "cache/inventory_codec.h"

#include <type_traits>

#include "cache/byte_stream.h"

namespace djcost {
namespace {

// One list of fields per record, walked alike by the writer (const records) and
// the reader (mutable ones), so the two can never disagree on the format.
template <typename T, typename U>
concept Is = std::is_same_v<std::remove_const_t<T>, U>;

template <typename T, typename F> requires Is<T, Location>
void Fields(T& l, F& f) { f(l.path); f(l.line); f(l.column); }

template <typename T, typename F> requires Is<T, Diagnostic>
void Fields(T& d, F& f) { f(d.severity); f(d.code); f(d.location); f(d.message); }

template <typename T, typename F> requires Is<T, App>
void Fields(T& a, F& f) { f(a.label); f(a.module); f(a.path); f(a.installed); }

template <typename T, typename F> requires Is<T, Endpoint>
void Fields(T& e, F& f) {
  f(e.route); f(e.method); f(e.view); f(e.handler); f(e.name); f(e.app); f(e.kind);
  f(e.location); f(e.view_location); f(e.in_tests);
}

template <typename T, typename F> requires Is<T, ExternalRoute>
void Fields(T& r, F& f) { f(r.route); f(r.target); f(r.reason); f(r.location); }

template <typename T, typename F> requires Is<T, Relation>
void Fields(T& r, F& f) {
  f(r.field); f(r.kind); f(r.target); f(r.target_app); f(r.cross_app); f(r.line);
}

template <typename T, typename F> requires Is<T, Model>
void Fields(T& m, F& f) {
  f(m.name); f(m.qualname); f(m.app); f(m.kind); f(m.bases); f(m.field_count);
  f(m.relations); f(m.managers); f(m.overrides); f(m.is_user_model); f(m.in_tests);
  f(m.location);
}

template <typename T, typename F> requires Is<T, AdminRegistration>
void Fields(T& a, F& f) {
  f(a.model); f(a.admin_class); f(a.site); f(a.app); f(a.inlines); f(a.actions);
  f(a.custom_methods); f(a.list_display); f(a.location);
}

template <typename T, typename F> requires Is<T, SignalReceiver>
void Fields(T& s, F& f) {
  f(s.signal); f(s.handler); f(s.sender); f(s.dispatch_uid); f(s.builtin); f(s.via);
  f(s.app); f(s.location);
}

template <typename T, typename F> requires Is<T, CustomSignal>
void Fields(T& s, F& f) { f(s.qualname); f(s.app); f(s.location); f(s.send_sites); }

template <typename T, typename F> requires Is<T, Finding>
void Fields(T& x, F& f) { f(x.kind); f(x.detail); f(x.app); f(x.location); }

template <typename T, typename F> requires Is<T, FileTotals>
void Fields(T& t, F& f) { f(t.files); f(t.lines.code); f(t.lines.comment); f(t.lines.blank); }

template <typename T, typename F> requires Is<T, Inventory>
void Fields(T& inv, F& f) {
  f(inv.settings_module); f(inv.root_urlconf); f(inv.auth_user_model); f(inv.installed_apps);
  f(inv.django_requirement); f(inv.django_source);
  f(inv.urlconf_fallback); f(inv.apps); f(inv.endpoints); f(inv.external_routes);
  f(inv.models); f(inv.admin_registrations); f(inv.admin_registrations_external);
  f(inv.signal_receivers); f(inv.custom_signals); f(inv.findings); f(inv.source);
  f(inv.tests); f(inv.migrations); f(inv.files_parsed); f(inv.files_with_parse_errors);
  f(inv.diagnostics);
}

// The largest value of each enum the format holds.
constexpr std::uint64_t LastOf(Severity) { return static_cast<std::uint64_t>(Severity::kError); }
constexpr std::uint64_t LastOf(EndpointKind) { return static_cast<std::uint64_t>(EndpointKind::kPage); }
constexpr std::uint64_t LastOf(ModelKind) { return static_cast<std::uint64_t>(ModelKind::kProxy); }

struct Writer {
  ByteWriter w;
  void operator()(const std::string& s) { w.String(s); }
  void operator()(int v) { w.Signed(v); }
  void operator()(bool v) { w.Varint(v ? 1 : 0); }
  template <typename E> requires std::is_enum_v<E>
  void operator()(E e) { w.Varint(static_cast<std::uint64_t>(e)); }
  template <typename T>
  void operator()(const std::vector<T>& list) {
    w.Varint(list.size());
    for (const T& item : list) (*this)(item);
  }
  template <typename T> requires std::is_class_v<T>
  void operator()(const T& record) { Fields(record, *this); }
};

// A failed read leaves the reader's sticky error flag set; the rest reads zeros.
struct Reader {
  ByteReader r;
  void operator()(std::string& s) { s = r.String(); }
  void operator()(int& v) { v = r.Int(); }
  void operator()(bool& v) { v = r.Bool(); }
  template <typename E> requires std::is_enum_v<E>
  void operator()(E& e) {
    std::uint64_t v = r.Varint();
    if (v > LastOf(E{})) r.View(r.left() + 1);  // out of range: corrupt
    e = static_cast<E>(v > LastOf(E{}) ? 0 : v);
  }
  template <typename T>
  void operator()(std::vector<T>& list) {
    list.clear();
    list.resize(r.Count());  // Count() refuses more items than bytes left
    for (T& item : list) {
      if (!r.ok()) return;
      (*this)(item);
    }
  }
  template <typename T> requires std::is_class_v<T>
  void operator()(T& record) { Fields(record, *this); }
};

}  // namespace

void EncodeInventory(const Inventory& inv, std::string* out) {
  Writer writer{ByteWriter(out)};
  Fields(inv, writer);
}

bool DecodeInventory(std::string_view bytes, Inventory* inv) {
  Reader reader{ByteReader(bytes)};
  Fields(*inv, reader);
  return reader.r.ok() && reader.r.done();
}

}  // namespace djcost
