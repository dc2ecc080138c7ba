// Reads which Django release a project installs from its requirement files:
// lock files (poetry.lock, uv.lock, pdm.lock, Pipfile.lock), requirements*.txt
// and requirements/*.txt, pyproject.toml, Pipfile, setup.cfg and setup.py, in
// the scan root and in each folder between it and a marker (manage.py,
// pyproject.toml, ...). Input: the root and discovery's markers; output: a
// DjangoRelease. Reads those few files only; an unreadable one is skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/django_release.h"

namespace djcost {

/// The release a PEP 440 specifier set allows at most ("==5.0.4", ">=4.2,<5.0",
/// "~=4.2", "==4.2.*", ">=3.2" for unbounded); nullopt when it is not one.
std::optional<DjangoRelease> ParseSpecifier(std::string_view specifier);

/// The same for Poetry's constraints ("^5.0", "~4.2", "4.2.*", "*", "5.0.4",
/// alternatives joined by "||"), which also accept PEP 440's.
std::optional<DjangoRelease> ParsePoetryConstraint(std::string_view constraint);

/// Django's requirement in one line of a requirements file or setup.cfg
/// ("Django[argon2]>=4.2,<5.0 ; python_version >= '3.10'  # LTS"); nullopt when the
/// line names another package, or Django without a version.
std::optional<DjangoRelease> ParseRequirementLine(std::string_view line);

/// What the files of one kind say, from their text; `name` is the file's name
/// (poetry.lock, Pipfile.lock, pyproject.toml, Pipfile, setup.py, setup.cfg or a
/// requirements file). `source` of the result is the line, as ":N", when known.
std::optional<DjangoRelease> ReadPinFile(std::string_view name, std::string_view text);

/// The project's release: exact pins (lock files, "==") before bounded ranges,
/// before unbounded ones; among equals, the folder nearest the root first. Unknown
/// (known() false) when no file pins Django.
DjangoRelease FindDjangoRelease(const std::string& root, const std::vector<std::string>& markers);

}  // namespace djcost
