// Helpers for the bad-input suite: run djcost in process on a folder built at
// test time, and read what the JSON report says about diagnostics.
// Header-only test support; depends on cli::Run and nlohmann/json.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "support/temp_dir.h"
#include "support/tiny_project.h"

namespace djcost::testing {

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline RunResult RunDjcost(std::vector<std::string> args) {
  args.insert(args.begin(), "djcost");
  std::ostringstream out, err;
  RunResult r;
  r.code = Run(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

/// The JSON report of a scan that must succeed.
inline nlohmann::json ScanJson(const std::string& root, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {root, "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  RunResult r = RunDjcost(args);
  EXPECT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.err, "");
  return nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
}

/// "severity code path:line message" for each JSON diagnostic, in report order.
inline std::vector<std::string> DiagnosticLines(const nlohmann::json& report) {
  std::vector<std::string> lines;
  for (const auto& d : report.at("diagnostics")) {
    lines.push_back(d.at("severity").get<std::string>() + " " + d.at("code").get<std::string>() +
                    " " + d.at("file").get<std::string>() + ":" +
                    std::to_string(d.at("line").get<int>()) + " " +
                    d.at("message").get<std::string>());
  }
  return lines;
}

/// Every file under `root` with its contents, for "nothing changed" checks.
inline std::string TreeSnapshot(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::vector<std::string> entries;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string rel = fs::relative(it->path(), root).generic_string();
    fs::file_status s = it->symlink_status();
    std::string line = rel + " " + std::to_string(static_cast<int>(s.type())) + " " +
                       std::to_string(static_cast<unsigned>(s.permissions()));
    if (fs::is_regular_file(s)) {
      std::ifstream in(it->path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      line +=
          " " + std::to_string(text.size()) + " " + std::to_string(std::hash<std::string>{}(text));
      line += " " + std::to_string(fs::last_write_time(it->path()).time_since_epoch().count());
    } else if (fs::is_symlink(s)) {
      line += " -> " + fs::read_symlink(it->path()).string();
    }
    entries.push_back(line);
  }
  std::sort(entries.begin(), entries.end());
  std::string out;
  for (const auto& e : entries) out += e + "\n";
  return out;
}

}  // namespace djcost::testing
