// cli::Run: CLI11 turns the arguments into ScanOptions (or a subcommand's
// values); the commands do the rest. Every message goes to the given streams.
#include "cli/run.h"

#include <CLI/CLI.hpp>

#include "cli/ci_commands.h"
#include "cli/commands.h"
#include "render/render.h"

#ifndef DJCOST_VERSION
#define DJCOST_VERSION "unknown"
#endif
#ifndef DJCOST_GRAMMAR_VERSION
#define DJCOST_GRAMMAR_VERSION "unknown"
#endif

namespace djcost {

namespace {

std::string FormatHelp() {
  std::string help = "report format:";
  for (const auto& r : Renderers()) help += " " + r.name + " (" + r.description + ");";
  help.pop_back();
  return help;
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        bool show_progress) {
  CLI::App app{"Estimates the cost of moving a Django project to FastAPI, from its code.",
               "djcost"};
  app.footer("Exit codes: 0 success, 1 a threshold (--fail-above, --fail-on-growth, "
             "--fail-on-risk) exceeded, 2 bad usage or input.\n"
             "Commands: djcost rules [PATH] (rates in effect), djcost facts FILE.py (debug),\n"
             "djcost diff BASE.json HEAD.json (delta), djcost aggregate REPORT.json... "
             "(portfolio).\nSee man djcost, docs/cli.md and docs/ci.md.");
  ScanOptions scan;
  bool version = false;
  app.add_flag("--version", version, "Print the djcost and tree-sitter-python versions");
  app.add_option("PATH", scan.path, "Root folder of the Django repository to scan");
  app.add_option("--format", scan.format, FormatHelp())->capture_default_str();
  app.add_option("-o,--output", scan.output, "Write the report to FILE (atomically)")
      ->option_text("FILE");
  app.add_option("--rules", scan.rules_file, "Rules file (JSON or TOML) over the defaults")
      ->option_text("FILE");
  app.add_option("--settings", scan.settings,
                 "Django settings module to read (over the settings option and manage.py's)")
      ->option_text("MODULE");
  app.add_option("--jobs", scan.jobs,
                 "Worker threads (parsing; link uses two unless 1); 0 means one per core")
      ->option_text("N");
  app.add_option("--team", scan.team, "Team size: adds calendar weeks")->option_text("N");
  app.add_option("--weekly-cost", scan.weekly_cost, "Cost of one engineer-week: adds money")
      ->option_text("X");
  app.add_option("--currency", scan.currency, "Currency of --weekly-cost")->capture_default_str();
  app.add_option("--hot", scan.hot, "Route glob of the hot paths the split moves (repeatable)")
      ->option_text("PATTERN");
  app.add_option("--traffic", scan.traffic,
                 "Access log (common/combined) or CSV path,count: the split moves the busiest "
                 "API endpoints")
      ->option_text("FILE");
  app.add_option("--max-file-size", scan.max_file_size, "Skip (and name) larger .py files")
      ->option_text("BYTES")
      ->capture_default_str();
  app.add_option("--exclude", scan.excludes, "Glob of paths not to scan (repeatable)")
      ->option_text("GLOB");
  app.add_option("--fail-above", scan.fail_above,
                 "Exit 1 when STRATEGY's P50 is above WEEKS, e.g. split=10")
      ->option_text("STRATEGY=WEEKS");
  app.add_flag("--no-cache", scan.no_cache, "Parse every file; neither read nor write the fact cache");
  app.add_option("--cache-dir", scan.cache_dir,
                 "Keep the fact cache in DIR (default: $XDG_CACHE_HOME/djcost or ~/.cache/djcost)")
      ->option_text("DIR");
  scan.progress = show_progress;

  CLI::App* rules = app.add_subcommand("rules", "Print the rates in effect and where each came from");
  std::string rules_path, rules_file;
  rules->add_option("PATH", rules_path, "Repository whose pyproject.toml overrides apply");
  rules->add_option("--rules", rules_file, "Rules file (JSON or TOML) over the defaults")
      ->option_text("FILE");
  CLI::App* facts = app.add_subcommand("facts", "Dump one file's extracted facts as JSON");
  std::string facts_file;
  facts->add_option("FILE", facts_file, "A Python file")->required();
  CiCommandLine ci;  // diff, aggregate, --baseline and the CI thresholds
  AddCiCommandLine(app, &ci);
  app.require_subcommand(0, 1);

  // CLI11 takes the arguments reversed, without the program name.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  if (!reversed.empty()) reversed.pop_back();
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e, out, err);  // --help
    return Fail(err, e.what());
  }
  if (version) {
    out << "djcost " << DJCOST_VERSION << "\ntree-sitter-python " << DJCOST_GRAMMAR_VERSION << "\n";
    return kExitOk;
  }
  if (rules->parsed()) return RunRulesCommand(rules_path, rules_file, out, err);
  if (facts->parsed()) return RunFactsCommand(facts_file, out, err);
  if (int code = 0; RunCiCommandLine(ci, scan, out, err, &code)) return code;
  return RunScanCommand(scan, out, err);
}

}  // namespace djcost
