#include "cli/traffic_file.h"

#include <filesystem>

#include "estimate/traffic.h"
#include "util/atomic_file.h"

namespace djcost {

namespace fs = std::filesystem;

bool LoadTraffic(const std::string& root, const std::string& from_command_line,
                 const std::string& from_pyproject, TrafficInput* input, std::string* error) {
  *input = TrafficInput{};
  if (from_command_line.empty() && from_pyproject.empty()) return true;
  std::string path = from_command_line;
  std::string shown = "--traffic " + from_command_line;
  if (path.empty()) {
    fs::path p(from_pyproject);
    path = p.is_absolute() ? p.string() : (fs::path(root) / p).string();
    shown = "traffic = \"" + from_pyproject + "\" in pyproject.toml";
  }
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    *error = shown + ": no such file";
    return false;
  }
  if (fs::is_directory(path, ec)) {
    *error = shown + ": a folder, not a traffic file";
    return false;
  }
  std::string text, read_error;
  if (!ReadFile(path, &text, &read_error)) {
    *error = shown + ": " + read_error;
    return false;
  }
  input->name = fs::path(path).filename().string();
  TrafficParse parsed = ParseTraffic(text, input->name);
  if (parsed.requests == 0) {
    *error = shown +
             ": no request found (expected an access log in the common or combined format, or "
             "CSV rows of path,count)";
    return false;
  }
  input->entries = std::move(parsed.entries);
  input->diagnostics = std::move(parsed.diagnostics);
  return true;
}

}  // namespace djcost
