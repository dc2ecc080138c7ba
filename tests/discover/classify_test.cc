#include <gtest/gtest.h>

#include "discover/discover.h"

namespace djcost {
namespace {

struct ClassifyCase {
  const char* path;
  FileKind kind;
};

class ClassifyPathTest : public ::testing::TestWithParam<ClassifyCase> {};

TEST_P(ClassifyPathTest, Classifies) {
  EXPECT_EQ(ClassifyPath(GetParam().path), GetParam().kind) << GetParam().path;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClassifyPathTest,
    ::testing::Values(ClassifyCase{"shop/models.py", FileKind::kSource},
                      ClassifyCase{"manage.py", FileKind::kSource},
                      ClassifyCase{"shop/tests.py", FileKind::kTest},
                      ClassifyCase{"shop/tests/test_models.py", FileKind::kTest},
                      ClassifyCase{"shop/tests/__init__.py", FileKind::kTest},
                      ClassifyCase{"tests/settings.py", FileKind::kTest},
                      ClassifyCase{"shuup_tests/core/utils.py", FileKind::kTest},
                      ClassifyCase{"integration_tests/models.py", FileKind::kTest},
                      ClassifyCase{"django/test/client.py", FileKind::kSource},
                      ClassifyCase{"shop/latests/views.py", FileKind::kSource},
                      ClassifyCase{"shop/test_views.py", FileKind::kTest},
                      ClassifyCase{"shop/views_test.py", FileKind::kTest},
                      ClassifyCase{"conftest.py", FileKind::kTest},
                      ClassifyCase{"shop/migrations/0001_initial.py", FileKind::kMigration},
                      ClassifyCase{"shop/migrations/__init__.py", FileKind::kMigration},
                      ClassifyCase{"shop/migrations_helper.py", FileKind::kSource},
                      ClassifyCase{"site/settings.py", FileKind::kSettings},
                      ClassifyCase{"site/settings/base.py", FileKind::kSettings},
                      ClassifyCase{"site/settings/__init__.py", FileKind::kSettings},
                      ClassifyCase{"site/urls.py", FileKind::kUrls},
                      ClassifyCase{"site/urls/api.py", FileKind::kUrls},
                      ClassifyCase{"site/testing.py", FileKind::kSource},
                      ClassifyCase{"site/contests.py", FileKind::kSource}));

}  // namespace
}  // namespace djcost
