# Writes OUT: a C++ table of {path, contents} for each file in FILES (relative to ROOT).
set(body "// Generated from rules/ by rules/embed.cmake; do not edit.\n#include \"rules/embedded.h\"\n\nnamespace djcost {\n\nconst std::vector<EmbeddedFile>& EmbeddedRuleFiles() {\n  static const std::vector<EmbeddedFile> files = {\n")
foreach(f IN LISTS FILES)
  file(READ ${ROOT}/${f} content)
  string(APPEND body "    {\"${f}\", R\"djcost_embed(${content})djcost_embed\"},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n\n}  // namespace djcost\n")
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
