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
