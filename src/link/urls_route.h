// How djcost writes a full route: each URLconf level's pattern text joined as
// Django joins them, with a small documented normalisation for regex levels, and
// the readable forms of DRF router and django-ninja routes.
// Pure string functions; no project knowledge.
#pragma once

#include <string>
#include <string_view>

namespace djcost {

/// One level's pattern text as it appears in a full route. path() routes are kept
/// as written. re_path()/url() regexes lose one leading '^' (every level anchors
/// at the start of what the level above left over), and, when the pattern is an
/// endpoint, one unescaped trailing '$' (the end of the route marks it already);
/// the rest of the regex is kept verbatim.
std::string RouteLevel(std::string_view pattern, bool regex, bool endpoint);

/// True when a regex ends in an unescaped '$': it matches the rest of the path
/// exactly, where `^foo/` matches every path that starts with foo/.
bool RegexEndsAnchored(std::string_view pattern);

/// django-ninja's route for `path` under the prefixes `prefix` (both as given to
/// ninja: "/books/{id}"): parts joined with '/', "//" collapsed, leading '/'
/// stripped, and `{name}` / `{int:name}` written as Django converters
/// `<name>` / `<int:name>`, as ninja does when it builds its Django patterns.
std::string NinjaRoute(std::string_view prefix, std::string_view path);

/// Joins two ninja prefixes ("/v1" + "/shop" -> "/v1/shop").
std::string JoinNinjaPrefix(std::string_view a, std::string_view b);

}  // namespace djcost
