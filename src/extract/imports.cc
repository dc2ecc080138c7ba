#include "extract/imports.h"

#include <string>

#include "syntax/python_kinds.h"

namespace djcost {
namespace {

// "a.b.c" from a dotted_name, ignoring whitespace and comments a
// parenthesised or continued line may put between the parts.
std::string DottedText(const SyntaxTree& tree, TSNode node, ChildLister& lister) {
  std::vector<ChildNode> parts;
  lister.ListNamed(node, &parts);
  std::string name;
  for (const ChildNode& part : parts) {
    if (KindOf(part.node) != PyKind::kIdentifier) continue;
    if (!name.empty()) name += '.';
    name += tree.Text(part.node);
  }
  return name;
}

// Fills name and alias from a dotted_name or aliased_import; false for anything else.
bool ReadImportedName(const SyntaxTree& tree, TSNode node, ChildLister& lister,
                      std::string* name, std::string* alias) {
  const PyFields& f = Fields();
  PyKind kind = KindOf(node);
  if (kind == PyKind::kDottedName) {
    *name = DottedText(tree, node, lister);
    alias->clear();
    return true;
  }
  if (kind == PyKind::kAliasedImport) {
    *name = DottedText(tree, ts_node_child_by_field_id(node, f.name), lister);
    *alias = std::string(tree.Text(ts_node_child_by_field_id(node, f.alias)));
    return true;
  }
  return false;
}

}  // namespace

void ExtractImports(const SyntaxTree& tree, TSNode statement, bool module_level,
                    ChildLister& lister, std::vector<Import>* out) {
  const PyFields& f = Fields();
  const int line = static_cast<int>(ts_node_start_point(statement).row) + 1;
  PyKind kind = KindOf(statement);
  std::vector<ChildNode> children;
  lister.ListNamedWithFields(statement, &children);

  if (kind == PyKind::kImportStatement) {
    for (const ChildNode& child : children) {
      Import imp;
      imp.module_level = module_level;
      imp.line = line;
      std::string alias;
      if (!ReadImportedName(tree, child.node, lister, &imp.module, &alias)) continue;
      imp.alias = alias;
      out->push_back(std::move(imp));
    }
    return;
  }

  Import base;
  base.module_level = module_level;
  base.line = line;
  if (kind == PyKind::kFutureImportStatement) {
    base.module = "__future__";
  } else {
    TSNode module = ts_node_child_by_field_id(statement, f.module_name);
    if (KindOf(module) == PyKind::kDottedName) {
      base.module = DottedText(tree, module, lister);
    } else if (KindOf(module) == PyKind::kRelativeImport) {
      std::vector<ChildNode> parts;
      lister.ListNamed(module, &parts);
      for (const ChildNode& part : parts) {
        if (KindOf(part.node) == PyKind::kImportPrefix) {
          for (char c : tree.Text(part.node)) base.level += c == '.' ? 1 : 0;
        } else if (KindOf(part.node) == PyKind::kDottedName) {
          base.module = DottedText(tree, part.node, lister);
        }
      }
    } else {
      return;  // error recovery left no module name: nothing reliable to record
    }
  }
  for (const ChildNode& child : children) {
    if (child.field == f.module_name) continue;
    Import imp = base;
    if (KindOf(child.node) == PyKind::kWildcardImport) {
      imp.star = true;
    } else if (!ReadImportedName(tree, child.node, lister, &imp.name, &imp.alias)) {
      continue;
    }
    out->push_back(std::move(imp));
  }
}

}  // namespace djcost
