#include "link/loop_calls.h"

#include <string>
#include <utility>

#include "link/url_helpers.h"
#include "util/strings.h"

namespace djcost {

std::vector<LoopItem> BindLoopItems(const LoopContext& loop, const std::vector<ListItem>& items) {
  if (items.empty() || (items.size() == 1 && items[0].expr == &loop.iterable)) return {};
  std::vector<std::string> names = Split(loop.variable, ',');
  std::vector<LoopItem> out;
  for (const ListItem& item : items) {
    const Expr& value = *item.expr;
    if (value.kind == ExprKind::kDict || value.kind == ExprKind::kCall) return {};
    LoopItem bound{item, {}};
    if (names.size() == 1) {
      bound.names.emplace_back(names[0], &value);
    } else if (value.kind == ExprKind::kList && value.items.size() == names.size()) {
      for (size_t i = 0; i < names.size(); ++i) bound.names.emplace_back(names[i], &value.items[i]);
    } else {
      return {};
    }
    out.push_back(std::move(bound));
  }
  return out;
}

std::vector<UnrolledCall> UnrollLoopCall(const ProjectIndex& index, int file,
                                         const CallStatement& call) {
  if (!call.loop) return {};
  std::vector<ListItem> items;
  index.ExpandList(file, call.loop->iterable, &items);
  std::vector<UnrolledCall> out;
  for (const LoopItem& item : BindLoopItems(*call.loop, items)) {
    UnrolledCall u;
    u.item_file = item.item.file;
    u.item_line = item.item.expr->line;
    u.call = call;
    u.call.loop = Boxed<LoopContext>();
    Expr bound = BindParameters(call.call, item.names);
    u.call.call.text = std::move(bound.text);  // `signal.connect` over (signal, ...) items
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
