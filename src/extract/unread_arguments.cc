#include "extract/unread_arguments.h"

#include <string_view>

#include "util/strings.h"

namespace djcost {

bool LinkReadsArguments(const CallStatement& call) {
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
  return EndsWith(callee, ".registry.extend") || EndsWith(callee, ".mapping.update") ||
         EndsWith(callee, "environ.setdefault") || callee == "self.method_check";
}

}  // namespace djcost
