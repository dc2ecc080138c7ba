// Test helpers: extract facts from an inline snippet and dump them one per line
// in a Python-like form, so a test compares one readable block of text.
#pragma once

#include <string>
#include <string_view>

#include "data/file_facts.h"
#include "extract/extract.h"

namespace djcost::testing {

inline FileFacts ExtractSnippet(std::string_view source, std::string path = "app/mod.py") {
  static PythonParser parser;
  SourceFile file;
  file.path = std::move(path);
  file.size = source.size();
  return ExtractFile(file, source, parser);
}

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "'";
}

inline std::string DumpExpr(const Expr& e) {
  auto join = [](const Expr& x, bool with_keywords) {
    std::string out;
    for (const Expr& item : x.items) {
      if (!out.empty()) out += ", ";
      out += DumpExpr(item);
    }
    if (with_keywords) {
      for (const auto& [key, value] : x.keywords) {
        if (!out.empty()) out += ", ";
        out += key + "=" + DumpExpr(value);
      }
    }
    return out;
  };
  switch (e.kind) {
    case ExprKind::kOther: return "<" + e.text + ">";
    case ExprKind::kName: return e.text;
    case ExprKind::kString: return Quote(e.text);
    case ExprKind::kNumber: return e.text;
    case ExprKind::kTrue: return "True";
    case ExprKind::kFalse: return "False";
    case ExprKind::kNone: return "None";
    case ExprKind::kList: return "[" + join(e, false) + "]";
    case ExprKind::kDict: {
      std::string out;
      for (const auto& [key, value] : e.keywords) {
        if (!out.empty()) out += ", ";
        out += Quote(key) + ": " + DumpExpr(value);
      }
      return "{" + out + "}";
    }
    case ExprKind::kCall: return (e.text.empty() ? "?" : e.text) + "(" + join(e, true) + ")";
    case ExprKind::kBinOp:
      return "(" + DumpExpr(e.items.at(0)) + " " + e.text + " " + DumpExpr(e.items.at(1)) + ")";
    case ExprKind::kFString: return "f" + Quote(e.text);
  }
  return "?";
}

inline std::string DumpDecorators(const std::vector<Expr>& decorators) {
  std::string out;
  for (const Expr& d : decorators) out += "@" + DumpExpr(d) + " ";
  return out;
}

// ` meta(Base.Meta)` for a Meta that subclasses others; "" otherwise.
inline std::string DumpMetaBases(const ClassDef& c) {
  std::string out;
  for (const Expr& b : c.meta_bases) out += (out.empty() ? "" : ", ") + DumpExpr(b);
  return out.empty() ? "" : "(" + out + ")";
}

inline std::string DumpAssignment(const std::string& tag, const Assignment& a) {
  return tag + " " + std::to_string(a.line) + ": " + a.target + (a.augmented ? " += " : " = ") +
         DumpExpr(a.value) + (a.conditional ? " (conditional)" : "") +
         (a.guard < 0 ? "" : " [guard " + std::to_string(a.guard) + "]") +
         (a.loop < 0 ? "" : " [loop " + std::to_string(a.loop) + "]") + "\n";
}

inline std::string DumpCallStatement(const std::string& tag, const CallStatement& s) {
  return tag + " " + std::to_string(s.line) + ": " + DumpExpr(s.call) +
         (s.scope.empty() ? "" : " in " + s.scope) + (s.conditional ? " (conditional)" : "") +
         (s.guard < 0 ? "" : " [guard " + std::to_string(s.guard) + "]") +
         (!s.loop ? "" : " (for " + s.loop->variable + " in " + DumpExpr(s.loop->iterable) + ")") +
         "\n";
}

inline std::string DumpFunction(const std::string& tag, const std::string& indent,
                                const FunctionDef& f) {
  std::string params;
  for (const std::string& p : f.parameters) params += (params.empty() ? "" : ", ") + p;
  std::string out = indent + tag + " " + std::to_string(f.line) + "-" +
                    std::to_string(f.end_line) + ": " + DumpDecorators(f.decorators) +
                    (f.is_async ? "async " : "") +
                    (f.scope.empty() ? "" : f.scope + ".") + f.name + "(" + params + ")\n";
  for (const CallSite& c : f.calls) {
    out += indent + "  calls " + std::to_string(c.line) + ": " + c.callee +
           (c.count > 1 ? " x" + std::to_string(c.count) : "") + "\n";
  }
  if (f.returned) out += indent + "  returns " + DumpExpr(*f.returned) + "\n";
  if (f.local_list) {
    const std::string built = indent + "    built";
    for (const Assignment& a : f.local_list->assignments) out += DumpAssignment(built, a);
    for (const CallStatement& s : f.local_list->calls) out += DumpCallStatement(built, s);
  }
  if (f.local_names) {
    for (const Assignment& a : *f.local_names) out += DumpAssignment(indent + "    local", a);
  }
  return out;
}

inline std::string DumpImport(const Import& i) {
  std::string out = "import " + std::to_string(i.line) + ": ";
  if (i.name.empty() && !i.star) {
    out += "import " + i.module;
  } else {
    out += "from " + std::string(i.level, '.') + i.module + " import " + (i.star ? "*" : i.name);
  }
  if (!i.alias.empty()) out += " as " + i.alias;
  if (!i.module_level) out += " (local)";
  if (i.conditional) out += " (conditional)";
  return out + "\n";
}

/// Every fact but line counts, one per line; nested facts indented.
inline std::string DumpFacts(const FileFacts& facts) {
  std::string out;
  for (const Import& i : facts.imports) out += DumpImport(i);
  for (const Assignment& a : facts.assignments) out += DumpAssignment("assign", a);
  for (const ClassDef& c : facts.classes) {
    std::string bases;
    for (const Expr& b : c.bases) bases += (bases.empty() ? "" : ", ") + DumpExpr(b);
    for (const auto& [key, value] : c.keywords) {
      bases += (bases.empty() ? "" : ", ") + key + "=" + DumpExpr(value);
    }
    out += "class " + std::to_string(c.line) + "-" + std::to_string(c.end_line) + ": " +
           DumpDecorators(c.decorators) + (c.scope.empty() ? "" : c.scope + ".") + c.name + "(" +
           bases + ")" + (c.has_meta ? " meta" : "") + DumpMetaBases(c) + "\n";
    for (const Assignment& a : c.attributes) out += DumpAssignment("  attr", a);
    for (const Assignment& a : c.meta) out += DumpAssignment("  meta", a);
    for (const FunctionDef& m : c.methods) out += DumpFunction("method", "  ", m);
  }
  for (const FunctionDef& f : facts.functions) out += DumpFunction("def", "", f);
  for (const CallStatement& s : facts.calls) out += DumpCallStatement("call", s);
  for (size_t l = 0; l < facts.loops.size(); ++l) {
    out += "loop " + std::to_string(l) + ": for " + facts.loops[l].variable + " in " +
           DumpExpr(facts.loops[l].iterable) + "\n";
  }
  for (size_t g = 0; g < facts.guards.size(); ++g) {
    out += "guard " + std::to_string(g) + ":";
    for (const AppCondition& c : facts.guards[g]) {
      out += (c.installed ? " +" : " -") +
             (c.setting.empty() ? c.app
                                : "settings." + c.setting +
                                      (c.fallback < 0 ? "" : "=" + std::to_string(c.fallback)));
    }
    out += "\n";
  }
  for (const Diagnostic& d : facts.diagnostics) {
    out += "diagnostic " + d.code + " " + d.location.path + ":" + std::to_string(d.location.line) +
           ": " + d.message + "\n";
  }
  return out;
}

}  // namespace djcost::testing
