// How test classes are named, for telling a test case from a class a test file
// defines that the report may count (a test model). Depends on the standard
// library only.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace djcost {

/// A base named as test classes are: unittest's and Django's test cases, a
/// project's `BaseAPITestCase`, NetBox's `ViewTestCases.GetObjectViewTestCase`
/// (its last name), `object`. Not a bare `...Test`: a model may be a `LabTest`.
inline bool NamedAsTestCase(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kSuffixes = {
      "TestCase", "TestCases", "Tests", "TestBase", "TestMixin", "TestsMixin", "TestCaseMixin"};
  return name == "object" ||
         std::any_of(kSuffixes.begin(), kSuffixes.end(),
                     [&](std::string_view suffix) { return name.ends_with(suffix); });
}

}  // namespace djcost
