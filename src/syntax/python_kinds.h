// Names the tree-sitter-python node kinds and fields that extraction dispatches on,
// as small integers looked up once per grammar, so a walk compares numbers instead
// of strings. Input: TSNode; output: PyKind. Knows nothing of Django.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>

namespace djcost {

/// Named node kinds of tree-sitter-python that callers distinguish; every other
/// kind (and every anonymous token) is kOther.
enum class PyKind : std::uint8_t {
  kOther,
  kModule,
  kBlock,
  kError,
  kComment,
  // Statements.
  kExpressionStatement,
  kImportStatement,
  kImportFromStatement,
  kFutureImportStatement,
  kClassDefinition,
  kFunctionDefinition,
  kDecoratedDefinition,
  kDecorator,
  kIfStatement,
  kElifClause,
  kElseClause,
  kForStatement,
  kWhileStatement,
  kTryStatement,
  kExceptClause,
  kExceptGroupClause,
  kFinallyClause,
  kWithStatement,
  kMatchStatement,
  kCaseClause,
  kReturnStatement,
  // Import parts.
  kDottedName,
  kAliasedImport,
  kRelativeImport,
  kImportPrefix,
  kWildcardImport,
  // Expressions.
  kAssignment,
  kAugmentedAssignment,
  kIdentifier,
  kAttribute,
  kCall,
  kArgumentList,
  kKeywordArgument,
  kListSplat,
  kDictionarySplat,
  kString,
  kConcatenatedString,
  kInterpolation,
  kInteger,
  kFloat,
  kTrue,
  kFalse,
  kNone,
  kList,
  kTuple,
  kSet,
  kDictionary,
  kPair,
  kParenthesizedExpression,
  kBinaryOperator,
  kBooleanOperator,
  kUnaryOperator,
  kExpressionList,
  kLambda,
  kSubscript,
  // Parameters.
  kParameters,
  kTypedParameter,
  kDefaultParameter,
  kTypedDefaultParameter,
  kListSplatPattern,
  kDictionarySplatPattern,
};

/// The kind of `node` (aliases resolved as tree-sitter reports them).
PyKind KindOf(TSNode node);

/// Field ids of the Python grammar, resolved once.
struct PyFields {
  TSFieldId name = 0;
  TSFieldId alias = 0;
  TSFieldId body = 0;
  TSFieldId superclasses = 0;
  TSFieldId parameters = 0;
  TSFieldId definition = 0;
  TSFieldId function = 0;
  TSFieldId arguments = 0;
  TSFieldId object = 0;
  TSFieldId attribute = 0;
  TSFieldId left = 0;
  TSFieldId right = 0;
  TSFieldId operator_ = 0;
  TSFieldId argument = 0;
  TSFieldId key = 0;
  TSFieldId value = 0;
  TSFieldId module_name = 0;
  TSFieldId type = 0;
  TSFieldId condition = 0;
};

const PyFields& Fields();

}  // namespace djcost
