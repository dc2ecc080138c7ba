// Matches request paths against inventoried routes the way Django's resolver
// would: path() converters (<int:pk>, <slug:s>, <uuid:u>, <path:p>, <str:s>,
// <name>) and re_path() regexes become one regular expression per route.
// Input: route strings and paths; output: which route serves a path. No I/O.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace djcost {

/// The regular expression (ECMAScript) a Django route stands for, anchored at
/// both ends. Converters become their Django patterns (unknown converters are
/// read as <str:>); Python named groups "(?P<name>" become plain groups; '^'
/// and '$' anchors of joined re_path() parts are dropped; text of a route with
/// no regex syntax is matched literally.
std::string RouteRegex(const std::string& route);

/// A set of routes compiled once, then asked which one serves a path.
class RouteMatcher {
 public:
  /// `routes` in any order. A route whose regex std::regex rejects is left out
  /// and named in `*rejected`.
  RouteMatcher(const std::vector<std::string>& routes, std::vector<std::string>* rejected);
  ~RouteMatcher();
  RouteMatcher(const RouteMatcher&) = delete;
  RouteMatcher& operator=(const RouteMatcher&) = delete;

  /// Index into `routes` of the route serving `path` (no leading '/'), or -1.
  /// When several match, the most specific wins: more literal characters,
  /// then fewer parameters, then the smaller route string (Django would take
  /// the first in urlpatterns order, which the inventory does not keep).
  /// A path that matches nothing but does with a '/' appended is taken as
  /// that route's (Django's APPEND_SLASH redirects it there).
  int Match(const std::string& path) const;

 private:
  struct Compiled;
  std::vector<std::unique_ptr<Compiled>> compiled_;
};

}  // namespace djcost
