#include "link/admin_counts.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

namespace djcost {
namespace {

constexpr int kMaxDepth = 8;

// Methods of Django's BaseModelAdmin, ModelAdmin and InlineModelAdmin (Django
// 2.2 to 5.x): defining one of these customises the admin, it is not new code
// of the project's own.
bool IsModelAdminApi(std::string_view name) {
  static const std::set<std::string_view> kApi = {
      "__init__", "__str__", "__repr__", "action_checkbox", "add_view", "change_view",
      "changeform_view", "changelist_view", "check", "construct_change_message",
      "delete_model", "delete_queryset", "delete_view", "formfield_for_choice_field",
      "formfield_for_dbfield", "formfield_for_foreignkey", "formfield_for_manytomany",
      "get_action", "get_action_choices", "get_actions", "get_autocomplete_fields",
      "get_changeform_initial_data", "get_changelist", "get_changelist_form",
      "get_changelist_formset", "get_changelist_instance", "get_deleted_objects",
      "get_empty_value_display", "get_exclude", "get_extra", "get_field_queryset",
      "get_fields", "get_fieldsets", "get_form", "get_formset", "get_formset_kwargs",
      "get_formsets_with_inlines", "get_inline_formsets", "get_inline_instances",
      "get_inlines", "get_list_display", "get_list_display_links", "get_list_filter",
      "get_list_select_related", "get_max_num", "get_min_num", "get_model_perms",
      "get_object", "get_ordering", "get_paginator", "get_prepopulated_fields",
      "get_preserved_filters", "get_queryset", "get_readonly_fields", "get_search_fields",
      "get_search_results", "get_sortable_by", "get_urls", "get_view_on_site_url",
      "has_add_permission", "has_change_permission", "has_delete_permission",
      "has_module_permission", "has_view_or_change_permission", "has_view_permission",
      "history_view", "log_addition", "log_change", "log_deletion", "log_deletions",
      "lookup_allowed", "media", "message_user", "render_change_form",
      "render_delete_form", "response_action", "response_add", "response_change",
      "response_delete", "response_post_save_add", "response_post_save_change",
      "save_form", "save_formset", "save_model", "save_related", "to_field_allowed",
      "urls"};
  return kApi.count(name) > 0;
}

class Counter {
 public:
  explicit Counter(const ProjectIndex& index) : index_(index) {}

  // The entries of a list-valued class attribute, through the MRO.
  int CountAttribute(const std::string& qualname, std::string_view attribute,
                     bool skip_str) const {
    int file = -1;
    const Assignment* a = index_.FindAttribute(qualname, attribute, &file);
    if (!a) return 0;
    std::vector<const Expr*> items;
    Expand(file, a->value, &items, 0);
    int n = 0;
    for (const Expr* e : items) {
      if (skip_str && e->kind == ExprKind::kString && e->text == "__str__") continue;
      ++n;
    }
    return n;
  }

 private:
  void Expand(int file, const Expr& e, std::vector<const Expr*>* out, int depth) const {
    if (depth > kMaxDepth) return;
    switch (e.kind) {
      case ExprKind::kNone:
        return;
      case ExprKind::kList:
        for (const auto& item : e.items) out->push_back(&item);
        return;
      case ExprKind::kBinOp:
        if (e.text == "+" && e.items.size() == 2) {
          Expand(file, e.items[0], out, depth + 1);
          Expand(file, e.items[1], out, depth + 1);
          return;
        }
        break;
      case ExprKind::kCall:
        if ((e.text == "list" || e.text == "tuple") && e.items.size() == 1) {
          Expand(file, e.items[0], out, depth + 1);
          return;
        }
        break;
      case ExprKind::kName: {
        Symbol s = index_.Resolve(file, e.text);
        // `BaseAdmin.actions`: another class's attribute.
        if (s.kind == Symbol::Kind::kClass && !s.remainder.empty() &&
            s.remainder.find('.') == std::string::npos) {
          int f = -1;
          if (const Assignment* a = index_.FindAttribute(s.qualname, s.remainder, &f)) {
            Expand(f, a->value, out, depth + 1);
            return;
          }
        }
        if (s.kind == Symbol::Kind::kVariable && s.remainder.empty()) {
          std::vector<ListItem> items;
          index_.ExpandList(file, e, &items);
          for (const auto& item : items) out->push_back(item.expr);
          return;
        }
        break;
      }
      default:
        break;
    }
    out->push_back(&e);
  }

  const ProjectIndex& index_;
};

}  // namespace

AdminCounts CountAdminClass(const ProjectIndex& index, const std::string& qualname) {
  AdminCounts counts;
  if (!index.FindClass(qualname, nullptr)) return counts;
  Counter counter(index);
  counts.inlines = counter.CountAttribute(qualname, "inlines", false);
  counts.actions = counter.CountAttribute(qualname, "actions", false);
  counts.list_display = counter.CountAttribute(qualname, "list_display", true);

  std::set<std::string> known_methods;
  for (const auto& a : index.Ancestors(qualname)) {
    if (index.FindClass(a, nullptr)) continue;
    if (const KnownClass* known = index.FindKnownClass(a)) {
      known_methods.insert(known->methods.begin(), known->methods.end());
    }
  }
  std::set<std::string> custom;
  for (const auto& a : index.Ancestors(qualname)) {
    const ClassDef* cls = index.FindClass(a, nullptr);
    if (!cls) continue;
    for (const auto& m : cls->methods) {
      if (!IsModelAdminApi(m.name) && !known_methods.count(m.name)) custom.insert(m.name);
    }
  }
  counts.custom_methods = static_cast<int>(custom.size());
  return counts;
}

}  // namespace djcost
