// "Did you mean" for configuration errors: the closest known word to a
// misspelled key or id, by edit distance. Input: a word and the candidates;
// output: the suggestion or nothing. Pure; no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace djcost {

/// Optimal string alignment distance: insertions, deletions, substitutions and
/// transpositions of two adjacent characters each cost 1 ("tema" -> "team" is 1).
int EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" when none is close enough to be a
/// plausible typo: at most max(2, size / 3) edits, and fewer edits than `word`
/// has characters. Ties go to the candidate listed first.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// ` (did you mean "x"?)` for the closest candidate, or "" when there is none.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace djcost
