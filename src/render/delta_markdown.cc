// RenderDeltaMarkdown: the pull-request comment or CI job summary. The headline
// first, then each strategy's P50/P80 before and after, then the items added
// and removed per category with file:line. Nothing changed: one short line.
#include <cmath>

#include "delta/categories.h"
#include "render/delta_render.h"
#include "render/format.h"
#include "util/strings.h"

namespace djcost {

namespace {

// Inline code: routes hold `<int:pk>`, which would otherwise read as HTML.
std::string Code(const std::string& text) {
  std::string escaped;
  for (char c : text) escaped += (c == '\n' || c == '\r') ? ' ' : c;
  return escaped.find('`') == std::string::npos ? "`" + escaped + "`" : "`` " + escaped + " ``";
}

std::string Plain(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '<' || c == '>' || c == '*' || c == '|') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

// Changes get two decimals: one endpoint is 0.05 engineer-weeks.
std::string SignedWeeks(double weeks) {
  std::string text = FormatFixed(weeks, 2);
  if (text == "-0.00") text = "0.00";
  return (weeks > 0 && text != "0.00" ? "+" : "") + text;
}

std::string Change(double base, double head, bool with_percent) {
  std::string text = SignedWeeks(head - base);
  if (with_percent && base > 0 && text != "0.00") {
    std::string pct = FormatFixed((head - base) / base * 100.0, 0);
    if (pct != "0" && pct != "-0") text += " (" + std::string(head > base ? "+" : "") + pct + "%)";
  }
  return text;
}

void Items(const char* verb, bool added, const Delta& delta, std::ostream& out) {
  bool any = false;
  for (const auto& c : delta.categories) any |= !(added ? c.added : c.removed).empty();
  if (!any) return;
  out << "### " << verb << "\n\n";
  for (const auto& c : delta.categories) {
    const auto& items = added ? c.added : c.removed;
    if (items.empty()) continue;
    const ItemCategory* category = FindItemCategory(c.id);
    std::string heading = c.id == "risks" ? (added ? "New risks" : "Risks gone") : category->plural;
    heading[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(heading[0])));
    out << "**" << heading << " (" << items.size() << ")**\n\n";
    for (const auto& item : items) {
      out << "- " << (c.id == "risks" ? Plain(item.title) : Code(item.title));
      if (!item.location.path.empty()) out << " at " << Code(FormatLocation(item.location));
      out << "\n";
    }
    out << "\n";
  }
}

}  // namespace

void RenderDeltaMarkdown(const Delta& delta, std::ostream& out) {
  if (!delta.Changed()) {
    out << DeltaHeadline(delta) << "\n";
    return;
  }
  out << "## djcost delta: " << (delta.project.empty() ? "project" : delta.project) << "\n\n";
  out << DeltaHeadline(delta) << "\n\n";
  out << "| Strategy | P50 before | P50 after | Change | P80 before | P80 after | Change |\n"
         "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& s : delta.strategies) {
    out << "| " << s.id << " | " << (s.in_base ? FormatWeeks(s.base_p50) : "–") << " | "
        << (s.in_head ? FormatWeeks(s.head_p50) : "–") << " | "
        << Change(s.base_p50, s.head_p50, true) << " | "
        << (s.in_base ? FormatWeeks(s.base_p80) : "–") << " | "
        << (s.in_head ? FormatWeeks(s.head_p80) : "–") << " | "
        << Change(s.base_p80, s.head_p80, false) << " |\n";
  }
  out << "\nEngineer-weeks";
  if (delta.base_loc_code != delta.head_loc_code) {
    out << "; code lines " << delta.base_loc_code << " → " << delta.head_loc_code;
  }
  out << ". ";
  if (delta.base_recommendation == delta.head_recommendation) {
    out << "Recommendation unchanged: " << delta.head_recommendation << ".\n\n";
  } else {
    out << "Recommendation changed from " << delta.base_recommendation << " to "
        << delta.head_recommendation << ".\n\n";
  }
  Items("Added", true, delta, out);
  Items("Removed", false, delta, out);
}

}  // namespace djcost
