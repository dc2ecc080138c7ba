// Which statement calls' arguments link reads. A scan keeps every file's facts
// in memory until link is done, and the arguments of calls such as
// `logger.info(...)`, `obj.save(...)` or `result.append(...)` in a function body
// were the largest share of them (a fifth of the facts on a large project) while
// no reader looks at them: a scan's walk does not copy them
// (extract/facts_walk.h, CallArguments::kLinkReads).
//
// The contract with link/: link reads a statement call's arguments (and its
// loop) only for the calls LinkReadsArguments accepts. Every statement call
// keeps its callee, scope, line and condition, which link reads for send sites
// and lookups by name. A reader of other calls' arguments must widen this test
// first; prefilter_identity_test checks that the report does not change.
// Shared by extract/ (what to copy) and link/ (link/test_reach.h reads only
// what every extraction keeps).
#pragma once

#include <string_view>

#include "data/file_facts.h"

namespace djcost {

/// True when link may read the arguments of `call`. Callee, scope, reader:
/// - `*.register(...)`, `*.unregister(...)`, anywhere: admin sites, DRF routers;
/// - `*.connect(...)`, anywhere: signal receivers;
/// - `*.add_router(...)`, anywhere: django-ninja;
/// - `*.environ.setdefault(...)`, anywhere: the settings module (manage.py's main());
/// - every call at module level: `*.append/extend/insert(...)` on lists such as
///   urlpatterns and INSTALLED_APPS (ProjectIndex::EvalListAt), `include(...)`
///   of django-split-settings' fragments (link/settings.cc), a router passed to
///   a function that registers on it (RouterCalls::NotePassed);
/// - `*.registry.extend(...)`, anywhere: one router's routes added to another;
/// - `*.mapping.update(...)`, anywhere: a router's __init__ adding methods;
/// - `self.method_check(...)`, anywhere: the methods a tastypie handler allows.
inline bool LinkReadsArguments(const CallStatement& call) {
  std::string_view callee = call.call.text;
  size_t dot = callee.rfind('.');
  std::string_view last = dot == std::string_view::npos ? callee : callee.substr(dot + 1);
  if (last == "register" || last == "unregister" || last == "connect" || last == "add_router") {
    return true;
  }
  // Module level, every call: lists grown by append/extend/insert, settings
  // fragments include()d (django-split-settings), a router passed to a function
  // that registers on it (waldur's `structure_urls.register_in(router)`).
  if (call.scope.empty()) return true;
  return callee.ends_with(".registry.extend") || callee.ends_with(".mapping.update") ||
         callee.ends_with("environ.setdefault") || callee == "self.method_check";
}

}  // namespace djcost
