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
  return EndsWith(callee, ".mapping.update") || EndsWith(callee, "environ.setdefault");
}

void DropUnreadArguments(FileFacts* facts) {
  for (CallStatement& c : facts->calls) {
    if (LinkReadsArguments(c)) continue;
    std::vector<Expr>().swap(c.call.items);  // frees, where clear() keeps the capacity
    c.call.keywords = {};
    c.loop = Boxed<LoopContext>();
  }
}

}  // namespace djcost
