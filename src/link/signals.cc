#include "link/signals.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "link/loop_calls.h"
#include "link/models_resolve.h"
#include "util/strings.h"

namespace djcost {
namespace {

constexpr int kMaxAliasDepth = 8;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// `text` without a trailing ".<method>", or "" when it does not end so or the
// object is not a plain dotted name (a call's result, say).
std::string_view ObjectOf(std::string_view text, std::string_view method) {
  if (text.size() <= method.size() + 1 || !EndsWith(text, method) ||
      text[text.size() - method.size() - 1] != '.') {
    return {};
  }
  std::string_view object = text.substr(0, text.size() - method.size() - 1);
  if (object.find("()") != std::string_view::npos) return {};
  return object;
}

// What a signal expression names.
struct SignalRef {
  std::string qualname;  // canonical built-in name, repo signal's qualname, or as written
  bool builtin = false;
  bool known = false;  // a built-in or a repo signal: certainly a signal
};

// What a handler expression names.
struct HandlerRef {
  std::string qualname;
  int file = -1;  // the defining file of a repo function, else -1
  Location location;
  // A handler made where it is connected (`partial(f, x)`, a lambda,
  // `self.on_ready`): a new object at each connect, so each site is a receiver.
  bool made_at_connect = false;
};

class SignalFinder {
 public:
  SignalFinder(const ProjectIndex& index, const Settings& settings, const Apps& apps)
      : index_(index), apps_(apps), refs_(index, apps, settings.auth_user_model.value) {
    for (const auto& name : index.rules().builtin_signals) {
      builtin_.insert(name);
      by_last_[std::string(LastComponent(name))].push_back(name);
    }
  }

  SignalInventory Run() {
    const auto& files = index_.files();
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].file.kind == FileKind::kMigration || files[i].file.kind == FileKind::kTest) {
        continue;
      }
      FindDefinitions(static_cast<int>(i));
    }
    for (size_t i = 0; i < files.size(); ++i) {
      if (files[i].file.kind == FileKind::kMigration) continue;
      int file = static_cast<int>(i);
      // Tests connect mocks and temporary handlers; Django never imports them.
      if (files[i].file.kind != FileKind::kTest) {
        for (const auto& fn : files[i].functions) ReadReceiverDecorators(file, fn);
        for (const auto& call : files[i].calls) {
          if (index_.GuardHolds(file, call.guard)) ReadConnect(file, call);
        }
      }
      FindSendSites(file);
    }

    SignalInventory out;
    for (auto& [key, receiver] : receivers_) out.receivers.push_back(std::move(receiver));
    std::sort(out.receivers.begin(), out.receivers.end());
    for (auto& [qualname, signal] : custom_) {
      std::sort(signal.send_sites.begin(), signal.send_sites.end());
      signal.send_sites.erase(std::unique(signal.send_sites.begin(), signal.send_sites.end()),
                              signal.send_sites.end());
      out.custom_signals.push_back(std::move(signal));
    }
    return out;
  }

 private:
  // A call creating a signal: django.dispatch.Signal, ModelSignal, a class the
  // knowledge tables tag "signal", or a repo subclass of one.
  bool IsSignalConstruction(int file, const Expr& value, int depth = 0) const {
    if (value.kind != ExprKind::kCall || value.text.empty()) return false;
    Symbol s = index_.Resolve(file, value.text);
    // Kitsune's `badge_awarded = _signal_with_docs(args, doc)`, a module-level
    // function that makes a Signal() and returns it: a signal per call.
    if (s.kind == Symbol::Kind::kFunction && s.remainder.empty() && depth == 0 &&
        s.function->scope.empty()) {
      for (const CallSite& site : s.function->calls) {
        Expr made;
        made.kind = ExprKind::kCall;
        made.text = site.callee;
        if (LastComponent(site.callee) == "Signal" && IsSignalConstruction(s.file, made, 1)) {
          return true;
        }
      }
      return false;
    }
    std::string cls;
    if (s.kind == Symbol::Kind::kClass && s.remainder.empty()) cls = s.qualname;
    if (s.kind == Symbol::Kind::kExternal) cls = FullName(s);
    if (cls.empty()) return false;
    return ReachesAny(index_, cls,
                      {"django.dispatch.Signal", "django.dispatch.dispatcher.Signal",
                       "django.db.models.signals.ModelSignal"},
                      "signal");
  }

  void AddCustom(int file, const std::string& qualname, int line) {
    if (custom_.count(qualname)) return;  // the first definition is the one reported
    CustomSignal signal;
    signal.qualname = qualname;
    signal.app = apps_.LabelForFile(file);
    signal.location = {index_.files()[file].file.path, line, 0};
    custom_.emplace(qualname, std::move(signal));
  }

  void FindDefinitions(int file) {
    const FileFacts& facts = index_.files()[file];
    for (const auto& a : facts.assignments) {
      if (a.augmented || a.target.find('.') != std::string::npos) continue;
      if (IsSignalConstruction(file, a.value)) {
        AddCustom(file, index_.QualName(file, "", a.target), a.line);
      }
    }
    for (const auto& cls : facts.classes) {
      std::string in_module = cls.scope.empty() ? cls.name : cls.scope + "." + cls.name;
      for (const auto& a : cls.attributes) {
        if (a.augmented || a.target.find('.') != std::string::npos) continue;
        if (IsSignalConstruction(file, a.value)) {
          AddCustom(file, index_.QualName(file, in_module, a.target), a.line);
        }
      }
    }
  }

  SignalRef Builtin(const std::string& name) const {
    if (builtin_.count(name)) return {name, true, true};
    // Django re-exports its signals (django.contrib.auth.user_logged_in): match
    // by name within Django when only one built-in signal has that name.
    if (StartsWith(name, "django.")) {
      auto it = by_last_.find(std::string(LastComponent(name)));
      if (it != by_last_.end() && it->second.size() == 1) return {it->second[0], true, true};
    }
    // A package's signals live in its `signals` module (easy_thumbnails.signals,
    // celery.signals, allauth.account.signals): connecting to one is a receiver.
    if (name.find(".signals.") != std::string::npos) return {name, true, true};
    return {name, false, false};
  }

  // `defined`: the module-level function whose decorator names the signal,
  // which Python reads before the def binds the function's name.
  SignalRef ResolveSignal(int file, const std::string& scope, std::string_view text,
                          int depth, const FunctionDef* defined = nullptr) const {
    if (depth > kMaxAliasDepth || text.empty()) return {std::string(text), false, false};
    Symbol s = defined && defined->scope.empty()
                   ? index_.ResolveBeforeDefinition(file, defined->name, text)
                   : ResolveInScope(index_, file, scope, text);
    switch (s.kind) {
      case Symbol::Kind::kExternal:
        return Builtin(FullName(s));
      case Symbol::Kind::kVariable:
        if (s.remainder.empty()) {
          if (custom_.count(s.qualname)) return {s.qualname, false, true};
          // `order_paid = signals.order_paid`: an alias of another signal.
          if (s.value && s.value->kind == ExprKind::kName) {
            return ResolveSignal(s.file, "", s.value->text, depth + 1);
          }
        }
        break;
      case Symbol::Kind::kClass:
        if (custom_.count(FullName(s))) return {FullName(s), false, true};
        break;
      default:
        break;
    }
    return {std::string(text), false, false};
  }

  HandlerRef ResolveHandler(int file, const std::string& scope, const Expr& e) const {
    HandlerRef h;
    h.qualname = e.text;
    h.made_at_connect = true;
    if (e.kind != ExprKind::kName) return h;
    Symbol s = ResolveInScope(index_, file, scope, e.text);
    h.made_at_connect = s.kind == Symbol::Kind::kUnknown;
    if (s.kind == Symbol::Kind::kFunction && s.remainder.empty() && s.function) {
      h.qualname = s.qualname;
      h.file = s.file;
      h.location = DefinitionLocation(index_.files()[s.file], s.function->line,
                                      s.function->decorators);
    } else if (s.kind == Symbol::Kind::kClass && s.cls && !s.remainder.empty()) {
      // A static or class method: `Handlers.on_save`.
      h.qualname = FullName(s);
      for (const auto& m : s.cls->methods) {
        if (m.name == s.remainder) {
          h.file = s.file;
          h.location = DefinitionLocation(index_.files()[s.file], m.line, m.decorators);
        }
      }
    } else if (s.kind == Symbol::Kind::kExternal) {
      h.qualname = FullName(s);
    }
    return h;
  }

  std::string SenderOf(int file, const std::string& scope, const Expr* sender) const {
    if (!sender || sender->kind == ExprKind::kNone) return "";
    return refs_.Resolve(file, scope, *sender, "", "").qualname;
  }

  // Django keys receivers by (dispatch_uid or the handler, sender): connecting
  // the same key twice keeps the first.
  // What tells apart handlers made anew at each place they are connected.
  static std::string SiteKey(const Location& at) {
    return "@" + at.path + ":" + std::to_string(at.line);
  }

  // `site`: SiteKey() of the connect, for a handler made there (each is its own).
  void AddReceiver(SignalReceiver r, const std::string& site = "") {
    auto key = std::make_tuple(r.signal, r.dispatch_uid.empty() ? r.handler + site : r.dispatch_uid,
                               r.dispatch_uid.empty(), r.sender);
    auto it = receivers_.find(key);
    if (it == receivers_.end() || r.location < it->second.location) {
      receivers_.insert_or_assign(key, std::move(r));
    }
  }

  bool IsReceiverDecorator(int file, const std::string& scope, const Expr& d) const {
    if (d.kind != ExprKind::kCall || d.text.empty()) return false;
    Symbol s = ResolveInScope(index_, file, scope, d.text);
    std::string full = FullName(s);
    if (full == "django.dispatch.receiver" || full == "django.dispatch.dispatcher.receiver") {
      return true;
    }
    const KnownFunction* known = index_.FindKnownFunction(full);
    return known && known->HasTag("receiver");
  }

  // A module function connected by a decorator: `d` carries sender= and dispatch_uid=.
  void AddDecoratedReceiver(int file, const FunctionDef& fn, const Expr& d, const SignalRef& ref,
                            const char* via) {
    const Expr* uid = d.Keyword("dispatch_uid");
    SignalReceiver r;
    r.signal = ref.qualname;
    r.builtin = ref.builtin;
    r.handler = index_.QualName(file, fn.scope, fn.name);
    r.sender = SenderOf(file, fn.scope, d.Keyword("sender"));
    r.dispatch_uid = uid && uid->kind == ExprKind::kString ? uid->text : "";
    r.via = via;
    r.app = apps_.LabelForFile(file);
    r.location = DefinitionLocation(index_.files()[file], fn.line, fn.decorators);
    AddReceiver(std::move(r));
  }

  // `@post_save.connect` or `@task_prerun.connect(sender=...)`: connect used as
  // a decorator, which passes the function as the receiver.
  void ReadConnectDecorator(int file, const FunctionDef& fn, const Expr& d) {
    if (d.kind != ExprKind::kName && d.kind != ExprKind::kCall) return;
    std::string_view object = ObjectOf(d.text, "connect");
    if (object.empty()) return;
    SignalRef ref = ResolveSignal(file, fn.scope, object, 0);
    if (ref.known) AddDecoratedReceiver(file, fn, d, ref, "connect");
  }

  void ReadReceiverDecorators(int file, const FunctionDef& fn) {
    for (const auto& d : fn.decorators) {
      ReadConnectDecorator(file, fn, d);
      if (!IsReceiverDecorator(file, fn.scope, d)) continue;
      const Expr* signals = d.items.empty() ? d.Keyword("signal") : &d.items[0];
      if (!signals) continue;
      std::vector<const Expr*> each;
      if (signals->kind == ExprKind::kList) {
        for (const auto& item : signals->items) each.push_back(&item);
      } else {
        each.push_back(signals);
      }
      for (const Expr* sig : each) {
        AddDecoratedReceiver(file, fn, d, ResolveSignal(file, fn.scope, sig->text, 0, &fn),
                             "receiver");
      }
    }
  }

  // Where a decorator names `factory` (a module-level function): the decorated
  // definition, its file and the decorator. Built on first use, once.
  struct Application {
    int file = -1;
    std::string decorated;  // qualified name of the decorated function or class
    const Expr* decorator = nullptr;
    int line = 0;
  };
  const std::vector<Application>& ApplicationsOf(const std::string& factory) {
    if (!applications_) {
      applications_.emplace();
      const auto& files = index_.files();
      for (int f = 0; f < static_cast<int>(files.size()); ++f) {
        if (files[f].file.kind == FileKind::kMigration || files[f].file.kind == FileKind::kTest) {
          continue;
        }
        auto note = [&](const std::vector<Expr>& decorators, const std::string& scope,
                        const std::string& name, int line) {
          for (const Expr& d : decorators) {
            if (d.text.empty() || (d.kind != ExprKind::kName && d.kind != ExprKind::kCall)) continue;
            const Symbol& s = index_.ResolveMemo(f, d.text);
            if (s.kind != Symbol::Kind::kFunction || !s.remainder.empty()) continue;
            (*applications_)[s.qualname].push_back({f, index_.QualName(f, scope, name), &d, line});
          }
        };
        for (const auto& fn : files[f].functions) note(fn.decorators, fn.scope, fn.name, fn.line);
        for (const auto& cls : files[f].classes) note(cls.decorators, cls.scope, cls.name, cls.line);
      }
    }
    static const std::vector<Application> kNone;
    auto it = applications_->find(factory);
    return it == applications_->end() ? kNone : it->second;
  }

  // A connect in a decorator factory whose signal is the factory's parameter
  // (Kitsune's `@search_receiver(post_save, User)` doing `signal.connect(func,
  // sender=sender)`, `@auto_delete_files` on a model): one receiver per place
  // the factory decorates, its parameters bound there. False when the signal
  // is not such a parameter or the factory decorates nothing.
  bool ReadFactoryConnect(int file, const CallStatement& call, std::string_view object,
                          const Expr& handler_arg, const Expr* sender) {
    if (call.scope.empty() || object.find('.') != std::string_view::npos) return false;
    auto [outer_name, inner_name] = SplitHead(call.scope);
    std::string outer_qual = index_.QualName(file, "", std::string(outer_name));
    const FunctionDef* outer = index_.FindFunction(outer_qual, nullptr);
    if (!outer || !outer->scope.empty()) return false;
    const FunctionDef* inner =
        inner_name.empty() ? nullptr : index_.FindFunction(index_.QualName(file, "", call.scope), nullptr);
    // The signal or the sender is what the factory is given.
    bool sender_given = sender && sender->kind == ExprKind::kName &&
                        (HasParameter(*outer, sender->text) ||
                         (inner && HasParameter(*inner, sender->text)));
    if (!HasParameter(*outer, object) && !sender_given) return false;
    const std::vector<Application>& applications = ApplicationsOf(outer_qual);
    if (applications.empty()) return false;
    for (const Application& a : applications) {
      // Django's own @receiver is such a factory, read as a decorator already.
      if (IsReceiverDecorator(a.file, "", *a.decorator)) continue;
      // Parameter -> what it is at this application: an argument, or "=qualname"
      // for the decorated definition.
      std::map<std::string, std::pair<const Expr*, std::string>, std::less<>> bound;
      const FunctionDef& takes_decorated = inner ? *inner : *outer;
      if (!takes_decorated.parameters.empty()) {
        bound[takes_decorated.parameters[0]] = {nullptr, a.decorated};
      }
      if (inner && a.decorator->kind == ExprKind::kCall) {
        for (size_t i = 0; i < a.decorator->items.size() && i < outer->parameters.size(); ++i) {
          if (outer->parameters[i].front() == '*') break;
          bound[outer->parameters[i]] = {&a.decorator->items[i], ""};
        }
        for (const auto& [key, value] : a.decorator->keywords) bound[key] = {&value, ""};
      }
      auto it = bound.find(object);
      SignalRef ref;
      if (it == bound.end()) {
        ref = ResolveSignal(file, call.scope, object, 0);
      } else if (it->second.first && it->second.first->kind == ExprKind::kName) {
        ref = ResolveSignal(a.file, "", it->second.first->text, 0);
      } else {
        continue;  // not a signal djcost can name
      }
      SignalReceiver r;
      r.signal = ref.qualname;
      r.builtin = ref.builtin;
      auto resolve = [&](const Expr* e, bool handler) -> std::string {
        if (!e) return "";
        if (e->kind == ExprKind::kName) {
          auto b = bound.find(e->text);
          if (b != bound.end()) {
            if (!b->second.first) return b->second.second;  // the decorated definition
            return handler ? ResolveHandler(a.file, "", *b->second.first).qualname
                           : SenderOf(a.file, "", b->second.first);
          }
        }
        return handler ? ResolveHandler(file, call.scope, *e).qualname
                       : SenderOf(file, call.scope, e);
      };
      r.handler = resolve(&handler_arg, true);
      r.sender = resolve(sender, false);
      r.via = "connect";
      r.app = apps_.LabelForFile(a.file);
      r.location = Location{index_.files()[a.file].file.path, a.line, 0};
      // A handler the factory defines (its `wrapped_func`) is a new function at
      // each application.
      bool made_here = r.handler.rfind(outer_qual + ".", 0) == 0;
      std::string site = made_here ? SiteKey(r.location) : "";
      AddReceiver(std::move(r), site);
    }
    return true;
  }

  static bool HasParameter(const FunctionDef& fn, std::string_view name) {
    return std::find(fn.parameters.begin(), fn.parameters.end(), name) != fn.parameters.end();
  }

  // `for signal, handler, sender in signal_table: signal.connect(handler,
  // sender=sender)` (reviewboard's e-mail notifications, 9 receivers): one
  // connect per item of a table written in this file, when the loop names the
  // signal or the handler (a loop over senders alone is read below, where the
  // items may come from anywhere).
  bool UnrollsLoop(int file, const CallStatement& call, std::string_view object,
                   const Expr& handler_arg) {
    if (!call.loop) return false;
    std::vector<std::string> names = Split(call.loop->variable, ',');
    auto loop_name = [&](std::string_view name) {
      return std::find(names.begin(), names.end(), name) != names.end();
    };
    bool names_handler = handler_arg.kind == ExprKind::kName && loop_name(handler_arg.text);
    if (!loop_name(SplitHead(object).first) && !names_handler) return false;
    std::vector<UnrolledCall> unrolled = UnrollLoopCall(index_, file, call);
    if (unrolled.empty()) return false;
    for (const UnrolledCall& u : unrolled) {
      if (u.item_file != file) return false;
    }
    for (const UnrolledCall& u : unrolled) ReadConnect(file, u.call);
    return true;
  }

  // signal.connect(receiver, sender=None, weak=True, dispatch_uid=None)
  void ReadConnect(int file, const CallStatement& call) {
    const Expr& c = call.call;
    std::string_view object = ObjectOf(c.text, "connect");
    if (object.empty()) return;
    const Expr* handler_arg = c.items.empty() ? c.Keyword("receiver") : &c.items[0];
    if (!handler_arg) return;
    const Expr* sender = c.items.size() > 1 ? &c.items[1] : c.Keyword("sender");
    if (UnrollsLoop(file, call, object, *handler_arg)) return;
    if (ReadFactoryConnect(file, call, object, *handler_arg, sender)) return;
    SignalRef ref = ResolveSignal(file, call.scope, object, 0);
    HandlerRef handler = ResolveHandler(file, call.scope, *handler_arg);
    if (!ref.known && handler.file < 0) return;  // db.connect(), socket.connect(addr)
    const Expr* uid = c.items.size() > 3 ? &c.items[3] : c.Keyword("dispatch_uid");
    SignalReceiver r;
    r.signal = ref.qualname;
    r.builtin = ref.builtin;
    r.handler = handler.qualname;
    r.sender = SenderOf(file, call.scope, sender);
    r.dispatch_uid = uid && uid->kind == ExprKind::kString ? uid->text : "";
    r.via = "connect";
    // Reported at the connect call: that is where the connection is made, and
    // what a move to another framework rewrites (the handler is named beside it).
    // A handler outside every app (Kiwi's tcms/signals.py) belongs to the app
    // whose code connects it.
    r.app = handler.file >= 0 ? apps_.LabelForFile(handler.file) : "";
    if (r.app.empty()) r.app = apps_.LabelForFile(file);
    r.location = Location{index_.files()[file].file.path, call.line, 0};
    std::string site = handler.made_at_connect ? SiteKey(r.location) : "";
    // `for model in (A, B): post_save.connect(fn, sender=model)`: one receiver
    // per sender, as Django keys them by (handler, sender).
    if (sender && call.NamesLoopVariable(*sender)) {
      std::vector<ListItem> items;
      index_.ExpandList(file, call.loop->iterable, &items);
      if (!items.empty() && call.loop->iterable.kind != ExprKind::kCall) {
        for (const ListItem& item : items) {
          SignalReceiver each = r;
          each.sender = SenderOf(item.file, item.file == file ? call.scope : "", item.expr);
          AddReceiver(std::move(each), site);
        }
        return;
      }
    }
    AddReceiver(std::move(r), site);
  }

  void AddSendSite(int file, const std::string& scope, std::string_view callee, int line) {
    std::string_view object = ObjectOf(callee, "send");
    if (object.empty()) object = ObjectOf(callee, "send_robust");
    if (object.empty()) return;
    SignalRef ref = ResolveSignal(file, scope, object, 0);
    if (!ref.known || ref.builtin) return;
    auto it = custom_.find(ref.qualname);
    if (it == custom_.end()) return;
    it->second.send_sites.push_back({index_.files()[file].file.path, line, 0});
  }

  // Statement calls and calls inside expressions (`ok = sig.send(...)`); a
  // statement call inside a function is in both, deduplicated by line later.
  void FindSendSites(int file) {
    const FileFacts& facts = index_.files()[file];
    for (const auto& call : facts.calls) AddSendSite(file, call.scope, call.call.text, call.line);
    auto from_function = [&](const FunctionDef& fn) {
      for (const auto& site : fn.calls) AddSendSite(file, BodyScope(fn), site.callee, site.line);
    };
    for (const auto& fn : facts.functions) from_function(fn);
    for (const auto& cls : facts.classes) {
      for (const auto& m : cls.methods) from_function(m);
    }
  }

  const ProjectIndex& index_;
  const Apps& apps_;
  ModelRefs refs_;
  std::set<std::string> builtin_;
  std::map<std::string, std::vector<std::string>> by_last_;
  std::map<std::string, CustomSignal> custom_;
  std::map<std::tuple<std::string, std::string, bool, std::string>, SignalReceiver> receivers_;
  std::optional<std::map<std::string, std::vector<Application>, std::less<>>> applications_;
};

}  // namespace

SignalInventory FindSignals(const ProjectIndex& index, const Settings& settings,
                            const Apps& apps, std::vector<Diagnostic>* /*diagnostics*/) {
  return SignalFinder(index, settings, apps).Run();
}

}  // namespace djcost
