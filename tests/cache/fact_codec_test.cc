// The fact codec: every fixture file's facts survive a round trip, and damaged
// encodings are refused without crashing.
#include "cache/fact_codec.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "discover/discover.h"
#include "extract/extract.h"
#include "syntax/python_parser.h"

namespace djcost {
namespace {

std::vector<FileFacts> FixtureFacts() {
  std::vector<FileFacts> out;
  PythonParser parser;
  std::filesystem::path root = std::filesystem::path(DJCOST_SOURCE_DIR) / "fixtures";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::string path = std::filesystem::relative(entry.path(), root).generic_string();
    out.push_back(ExtractFile(SourceFile{path, ClassifyPath(path), 0}, bytes.str(), parser));
  }
  return out;
}

TEST(FactCodec, EveryFixtureFileRoundTrips) {
  std::vector<FileFacts> all = FixtureFacts();
  ASSERT_GT(all.size(), 20u);
  for (const FileFacts& facts : all) {
    std::string encoded;
    EncodeFacts(facts, &encoded);
    FileFacts decoded;
    decoded.file = facts.file;
    ASSERT_TRUE(DecodeFacts(encoded, &decoded)) << facts.file.path;
    EXPECT_EQ(decoded, facts) << facts.file.path;
  }
}

// A helper's returned local list (fixtures/patterns/urls/helpers' AWX-shaped
// admin_patterns) is part of the round trip above; guard that it stays there.
TEST(FactCodec, FixturesHoldAReturnedLocalList) {
  size_t lists = 0;
  for (const FileFacts& facts : FixtureFacts()) {
    for (const FunctionDef& f : facts.functions) {
      if (f.local_list) ++lists;
    }
  }
  EXPECT_GT(lists, 0u);
}

// A damaged guard index in a returned local list is refused, as one in the
// module's own statements is.
TEST(FactCodec, RefusesALocalListGuardOutOfRange) {
  FileFacts facts;
  facts.file = {"a.py", FileKind::kSource, 3};
  FunctionDef fn;
  fn.name = "get_urlpatterns";
  fn.returned = Expr{ExprKind::kName, 4, "urls", {}, {}};
  LocalList list;
  Assignment a;
  a.target = "urls";
  a.value = Expr{ExprKind::kList, 2, "", {}, {}};
  a.guard = 3;  // the file has no guards
  list.assignments.push_back(a);
  fn.local_list = list;
  facts.functions.push_back(fn);
  std::string encoded;
  EncodeFacts(facts, &encoded);
  FileFacts decoded;
  EXPECT_FALSE(DecodeFacts(encoded, &decoded));
  facts.functions[0].local_list->assignments[0].guard = -1;
  encoded.clear();
  EncodeFacts(facts, &encoded);
  ASSERT_TRUE(DecodeFacts(encoded, &decoded));
  decoded.file = facts.file;
  EXPECT_EQ(decoded, facts);
}

TEST(FactCodec, KeepsDiagnosticsAndUnparsedFiles) {
  FileFacts facts;
  facts.file = {"a.py", FileKind::kSource, 3};
  facts.parse_errors = 2;
  facts.lines = {5, 1, -0};
  facts.diagnostics.push_back({Severity::kError, "parse-error", {"a.py", 3, 7}, "x"});
  std::string encoded;
  EncodeFacts(facts, &encoded);
  FileFacts decoded;
  decoded.file = facts.file;
  ASSERT_TRUE(DecodeFacts(encoded, &decoded));
  EXPECT_EQ(decoded, facts);
}

TEST(FactCodec, RefusesEveryTruncationAndTrailingBytes) {
  std::vector<FileFacts> all = FixtureFacts();
  // The richest file: most bytes of encoding.
  std::string encoded;
  for (const FileFacts& facts : all) {
    std::string e;
    EncodeFacts(facts, &e);
    if (e.size() > encoded.size()) encoded = e;
  }
  for (size_t n = 0; n < encoded.size(); ++n) {
    FileFacts decoded;
    EXPECT_FALSE(DecodeFacts(std::string_view(encoded).substr(0, n), &decoded)) << n;
  }
  FileFacts decoded;
  EXPECT_FALSE(DecodeFacts(encoded + "x", &decoded));
}

TEST(FactCodec, SurvivesDamagedBytes) {
  std::vector<FileFacts> all = FixtureFacts();
  std::string encoded;
  EncodeFacts(all.front(), &encoded);
  // Every byte set to a few bad values: decoding may fail or give other facts,
  // but must never crash or allocate wildly.
  for (size_t i = 0; i < encoded.size(); ++i) {
    for (char bad : {'\x00', '\x7f', '\xff'}) {
      std::string damaged = encoded;
      damaged[i] = bad;
      FileFacts decoded;
      (void)DecodeFacts(damaged, &decoded);
    }
  }
  FileFacts decoded;
  EXPECT_FALSE(DecodeFacts(std::string(64, '\xff'), &decoded));
  EXPECT_FALSE(DecodeFacts("", &decoded));
}

}  // namespace
}  // namespace djcost
