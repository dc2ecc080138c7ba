#include "cli/facts_json.h"

#include <nlohmann/json.hpp>

#include "render/json_out.h"

namespace djcost {

namespace {

using Json = nlohmann::ordered_json;

const char* ExprKindName(ExprKind kind) {
  switch (kind) {
    case ExprKind::kOther: return "other";
    case ExprKind::kName: return "name";
    case ExprKind::kString: return "string";
    case ExprKind::kNumber: return "number";
    case ExprKind::kTrue: return "true";
    case ExprKind::kFalse: return "false";
    case ExprKind::kNone: return "none";
    case ExprKind::kList: return "list";
    case ExprKind::kDict: return "dict";
    case ExprKind::kCall: return "call";
    case ExprKind::kBinOp: return "binop";
    case ExprKind::kFString: return "fstring";
  }
  return "other";
}

const char* FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kSource: return "source";
    case FileKind::kTest: return "test";
    case FileKind::kMigration: return "migration";
    case FileKind::kSettings: return "settings";
    case FileKind::kUrls: return "urls";
  }
  return "source";
}

Json ExprJson(const Expr& e) {
  Json j{{"kind", ExprKindName(e.kind)}, {"text", e.text}, {"line", e.line}};
  if (!e.items.empty()) {
    j["items"] = Json::array();
    for (const auto& item : e.items) j["items"].push_back(ExprJson(item));
  }
  if (!e.keywords.empty()) {
    j["keywords"] = Json::array();
    for (const auto& [key, value] : e.keywords) {
      j["keywords"].push_back({{"key", key}, {"value", ExprJson(value)}});
    }
  }
  return j;
}

Json ExprsJson(const std::vector<Expr>& exprs) {
  Json j = Json::array();
  for (const auto& e : exprs) j.push_back(ExprJson(e));
  return j;
}

Json AssignmentJson(const Assignment& a) {
  Json j = {{"target", a.target},
            {"value", ExprJson(a.value)},
            {"augmented", a.augmented},
            {"conditional", a.conditional},
            {"line", a.line}};
  if (a.guard >= 0) j["guard"] = a.guard;  // an index into "guards"
  if (a.loop >= 0) j["loop"] = a.loop;     // an index into "loops"
  return j;
}

Json CallStatementJson(const CallStatement& c) {
  Json call = {{"call", ExprJson(c.call)}, {"scope", c.scope},
               {"conditional", c.conditional}, {"line", c.line}};
  if (c.guard >= 0) call["guard"] = c.guard;
  if (c.loop) {
    call["loop"] = {{"variable", c.loop->variable}, {"iterable", ExprJson(c.loop->iterable)}};
  }
  return call;
}

Json LocalListJson(const LocalList& list) {
  Json j = {{"assignments", Json::array()}, {"calls", Json::array()}};
  for (const auto& a : list.assignments) j["assignments"].push_back(AssignmentJson(a));
  for (const auto& c : list.calls) j["calls"].push_back(CallStatementJson(c));
  return j;
}

Json FunctionJson(const FunctionDef& f) {
  Json calls = Json::array();
  for (const auto& c : f.calls) calls.push_back({{"callee", c.callee}, {"line", c.line}, {"count", c.count}});
  Json j = {{"name", f.name},          {"scope", f.scope},   {"decorators", ExprsJson(f.decorators)},
            {"parameters", f.parameters}, {"calls", calls},   {"is_async", f.is_async},
            {"line", f.line},          {"end_line", f.end_line}};
  if (f.returned) j["returned"] = ExprJson(*f.returned);
  if (f.local_list) j["local_list"] = LocalListJson(*f.local_list);
  if (f.local_names) {
    j["local_names"] = Json::array();
    for (const auto& a : *f.local_names) j["local_names"].push_back(AssignmentJson(a));
  }
  return j;
}

}  // namespace

void WriteFactsJson(const FileFacts& facts, std::ostream& out) {
  Json j;
  j["file"] = {{"path", facts.file.path}, {"kind", FileKindName(facts.file.kind)}, {"size", facts.file.size}};
  j["parsed"] = facts.parsed;
  j["counts_alone"] = facts.counts_alone;
  if (facts.file.kind == FileKind::kTest) {
    j["class_headers"] = Json::array();
    for (const auto& h : facts.class_headers) {
      j["class_headers"].push_back({{"name", h.name}, {"bases", h.bases}});
    }
  }
  j["parse_errors"] = facts.parse_errors;
  j["lines"] = {{"code", facts.lines.code}, {"comment", facts.lines.comment}, {"blank", facts.lines.blank}};
  j["imports"] = Json::array();
  for (const auto& i : facts.imports) {
    j["imports"].push_back({{"module", i.module}, {"level", i.level}, {"name", i.name},
                            {"alias", i.alias}, {"star", i.star}, {"module_level", i.module_level}, {"conditional", i.conditional},
                            {"line", i.line}});
  }
  j["assignments"] = Json::array();
  for (const auto& a : facts.assignments) j["assignments"].push_back(AssignmentJson(a));
  j["classes"] = Json::array();
  for (const auto& c : facts.classes) {
    Json x{{"name", c.name}, {"scope", c.scope}, {"bases", ExprsJson(c.bases)}};
    x["keywords"] = Json::array();
    for (const auto& [key, value] : c.keywords) x["keywords"].push_back({{"key", key}, {"value", ExprJson(value)}});
    x["decorators"] = ExprsJson(c.decorators);
    x["methods"] = Json::array();
    for (const auto& m : c.methods) x["methods"].push_back(FunctionJson(m));
    x["attributes"] = Json::array();
    for (const auto& a : c.attributes) x["attributes"].push_back(AssignmentJson(a));
    x["has_meta"] = c.has_meta;
    x["meta"] = Json::array();
    for (const auto& a : c.meta) x["meta"].push_back(AssignmentJson(a));
    x["meta_bases"] = ExprsJson(c.meta_bases);
    x["line"] = c.line;
    x["end_line"] = c.end_line;
    j["classes"].push_back(std::move(x));
  }
  j["functions"] = Json::array();
  for (const auto& f : facts.functions) j["functions"].push_back(FunctionJson(f));
  j["calls"] = Json::array();
  for (const auto& c : facts.calls) j["calls"].push_back(CallStatementJson(c));
  if (!facts.guards.empty()) {
    j["guards"] = Json::array();
    for (const auto& guard : facts.guards) {
      Json conditions = Json::array();
      for (const auto& c : guard) {
        if (c.setting.empty()) {
          conditions.push_back({{"app", c.app}, {"installed", c.installed}});
        } else {
          conditions.push_back({{"setting", c.setting}, {"truthy", c.installed}, {"fallback", c.fallback}});
        }
      }
      j["guards"].push_back(std::move(conditions));
    }
  }
  if (!facts.loops.empty()) {
    j["loops"] = Json::array();
    for (const auto& loop : facts.loops) {
      j["loops"].push_back({{"variable", loop.variable}, {"iterable", ExprJson(loop.iterable)}});
    }
  }
  j["diagnostics"] = Json::array();
  for (const auto& d : facts.diagnostics) {
    j["diagnostics"].push_back({{"severity", d.severity == Severity::kError ? "error" : "warning"},
                                {"code", d.code}, {"file", d.location.path},
                                {"line", d.location.line}, {"message", d.message}});
  }
  WriteJsonDocument(j, out);
}

}  // namespace djcost
