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
  if (last == "append" || last == "extend" || last == "insert") {
    return call.scope.empty() || EndsWith(callee, ".registry.extend");
  }
  if (last == "include") return call.scope.empty();  // django-split-settings
  return EndsWith(callee, ".mapping.update") || EndsWith(callee, "environ.setdefault");
}

}  // namespace djcost
