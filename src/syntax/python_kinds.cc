#include "syntax/python_kinds.h"

#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "syntax/python_parser.h"

namespace djcost {
namespace {

constexpr std::pair<std::string_view, PyKind> kNamedKinds[] = {
    {"module", PyKind::kModule},
    {"block", PyKind::kBlock},
    {"ERROR", PyKind::kError},
    {"comment", PyKind::kComment},
    {"expression_statement", PyKind::kExpressionStatement},
    {"import_statement", PyKind::kImportStatement},
    {"import_from_statement", PyKind::kImportFromStatement},
    {"future_import_statement", PyKind::kFutureImportStatement},
    {"class_definition", PyKind::kClassDefinition},
    {"function_definition", PyKind::kFunctionDefinition},
    {"decorated_definition", PyKind::kDecoratedDefinition},
    {"decorator", PyKind::kDecorator},
    {"if_statement", PyKind::kIfStatement},
    {"elif_clause", PyKind::kElifClause},
    {"else_clause", PyKind::kElseClause},
    {"for_statement", PyKind::kForStatement},
    {"while_statement", PyKind::kWhileStatement},
    {"try_statement", PyKind::kTryStatement},
    {"except_clause", PyKind::kExceptClause},
    {"except_group_clause", PyKind::kExceptGroupClause},
    {"finally_clause", PyKind::kFinallyClause},
    {"with_statement", PyKind::kWithStatement},
    {"match_statement", PyKind::kMatchStatement},
    {"case_clause", PyKind::kCaseClause},
    {"return_statement", PyKind::kReturnStatement},
    {"dotted_name", PyKind::kDottedName},
    {"aliased_import", PyKind::kAliasedImport},
    {"relative_import", PyKind::kRelativeImport},
    {"import_prefix", PyKind::kImportPrefix},
    {"wildcard_import", PyKind::kWildcardImport},
    {"assignment", PyKind::kAssignment},
    {"augmented_assignment", PyKind::kAugmentedAssignment},
    {"identifier", PyKind::kIdentifier},
    {"attribute", PyKind::kAttribute},
    {"call", PyKind::kCall},
    {"argument_list", PyKind::kArgumentList},
    {"keyword_argument", PyKind::kKeywordArgument},
    {"list_splat", PyKind::kListSplat},
    {"dictionary_splat", PyKind::kDictionarySplat},
    {"string", PyKind::kString},
    {"concatenated_string", PyKind::kConcatenatedString},
    {"interpolation", PyKind::kInterpolation},
    {"integer", PyKind::kInteger},
    {"float", PyKind::kFloat},
    {"true", PyKind::kTrue},
    {"false", PyKind::kFalse},
    {"none", PyKind::kNone},
    {"list", PyKind::kList},
    {"tuple", PyKind::kTuple},
    {"set", PyKind::kSet},
    {"dictionary", PyKind::kDictionary},
    {"pair", PyKind::kPair},
    {"parenthesized_expression", PyKind::kParenthesizedExpression},
    {"binary_operator", PyKind::kBinaryOperator},
    {"boolean_operator", PyKind::kBooleanOperator},
    {"unary_operator", PyKind::kUnaryOperator},
    {"expression_list", PyKind::kExpressionList},
    {"lambda", PyKind::kLambda},
    {"subscript", PyKind::kSubscript},
    {"parameters", PyKind::kParameters},
    {"typed_parameter", PyKind::kTypedParameter},
    {"default_parameter", PyKind::kDefaultParameter},
    {"typed_default_parameter", PyKind::kTypedDefaultParameter},
    {"list_splat_pattern", PyKind::kListSplatPattern},
    {"dictionary_splat_pattern", PyKind::kDictionarySplatPattern},
};

// Indexed by symbol id. Anonymous tokens share names with named nodes ("lambda",
// "none"), so only named symbols are mapped.
std::vector<PyKind> BuildKindTable() {
  const TSLanguage* language = PythonLanguage();
  uint32_t count = ts_language_symbol_count(language);
  std::vector<PyKind> table(count + 1, PyKind::kOther);
  for (uint32_t symbol = 0; symbol < count; ++symbol) {
    auto id = static_cast<TSSymbol>(symbol);
    if (ts_language_symbol_type(language, id) != TSSymbolTypeRegular) continue;
    const char* name = ts_language_symbol_name(language, id);
    if (name == nullptr) continue;
    for (const auto& [kind_name, kind] : kNamedKinds) {
      if (kind_name == name) {
        table[symbol] = kind;
        break;
      }
    }
  }
  return table;
}

TSFieldId FieldId(const char* name) {
  return ts_language_field_id_for_name(PythonLanguage(), name,
                                       static_cast<uint32_t>(std::strlen(name)));
}

PyFields BuildFields() {
  PyFields f;
  f.name = FieldId("name");
  f.alias = FieldId("alias");
  f.body = FieldId("body");
  f.superclasses = FieldId("superclasses");
  f.parameters = FieldId("parameters");
  f.definition = FieldId("definition");
  f.function = FieldId("function");
  f.arguments = FieldId("arguments");
  f.object = FieldId("object");
  f.attribute = FieldId("attribute");
  f.left = FieldId("left");
  f.right = FieldId("right");
  f.operator_ = FieldId("operator");
  f.argument = FieldId("argument");
  f.key = FieldId("key");
  f.value = FieldId("value");
  f.module_name = FieldId("module_name");
  f.type = FieldId("type");
  f.condition = FieldId("condition");
  return f;
}

}  // namespace

PyKind KindOf(TSNode node) {
  // Built once, read-only afterwards; function-local statics initialise thread-safely.
  static const std::vector<PyKind> table = BuildKindTable();
  if (ts_node_is_null(node)) return PyKind::kOther;
  TSSymbol symbol = ts_node_symbol(node);
  if (symbol == static_cast<TSSymbol>(-1)) return PyKind::kError;  // ts_builtin_sym_error
  if (symbol >= table.size()) return PyKind::kOther;
  return table[symbol];
}

const PyFields& Fields() {
  static const PyFields fields = BuildFields();
  return fields;
}

}  // namespace djcost
