#include "link/loop_calls.h"

#include <string>
#include <utility>

#include "link/url_helpers.h"
#include "util/strings.h"

namespace djcost {

bool BindLoopItem(const std::string& variable, const Expr& item, HelperArguments* out) {
  std::vector<std::string> names = Split(variable, ',');
  out->clear();
  if (names.size() == 1) {
    out->emplace_back(names[0], &item);
    return true;
  }
  if (item.kind != ExprKind::kList || item.items.size() != names.size()) return false;
  for (size_t i = 0; i < names.size(); ++i) out->emplace_back(names[i], &item.items[i]);
  return true;
}

std::vector<UnrolledCall> UnrollLoopCall(const ProjectIndex& index, int file,
                                         const CallStatement& call) {
  if (!call.loop) return {};
  const LoopContext& loop = *call.loop;
  std::vector<ListItem> items;
  index.ExpandList(file, loop.iterable, &items);
  if (items.empty() || (items.size() == 1 && items[0].expr == &loop.iterable)) return {};
  std::vector<UnrolledCall> out;
  for (const ListItem& item : items) {
    const Expr& value = *item.expr;
    HelperArguments arguments;
    // A dict (iterated by its keys) or a call's result is not an item we know.
    if (value.kind == ExprKind::kDict || value.kind == ExprKind::kCall ||
        !BindLoopItem(loop.variable, value, &arguments)) {
      return {};
    }
    UnrolledCall u;
    u.item_file = item.file;
    u.item_line = value.line;
    u.call = call;
    u.call.loop = Boxed<LoopContext>();
    Expr bound = BindParameters(call.call, arguments);
    u.call.call.items.clear();
    for (Expr& arg : bound.items) {
      if (IsStarred(arg) && arg.items[0].kind == ExprKind::kList) {  // *pair, a tuple
        for (Expr& part : arg.items[0].items) u.call.call.items.push_back(std::move(part));
      } else {
        u.call.call.items.push_back(std::move(arg));
      }
    }
    u.call.call.keywords = std::move(bound.keywords);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace djcost
