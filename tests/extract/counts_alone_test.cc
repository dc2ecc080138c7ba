// TestFileCountsAlone: which test files a scan must parse whether or not the
// project imports them.
#include <gtest/gtest.h>

#include "extract/counts_alone.h"

namespace djcost {
namespace {

bool Alone(const char* bytes, const char* path = "shop/tests/test_views.py") {
  return TestFileCountsAlone(path, bytes);
}

TEST(TestFileCountsAlone, TestCasesAndFunctionsDoNot) {
  EXPECT_FALSE(Alone(""));
  EXPECT_FALSE(Alone("def test_it():\n    assert 1\n"));
  EXPECT_FALSE(Alone("from django.test import TestCase\n\n"
                     "class BookTests(TestCase):\n    pass\n"
                     "class Api(APITestCase, LoginTestMixin):\n    pass\n"
                     "class V(ViewTestCases.GetObjectViewTestCase,\n"
                     "        # a comment between bases\n"
                     "        unittest.TestCase):\n    pass\n"
                     "class Plain:\n    pass\n"
                     "class Empty():\n    pass\n"
                     "class Old(object):\n    pass\n"));
  // Words in code and text that are not class headers.
  EXPECT_FALSE(Alone("x = 'class Foo(models.Model)'\nsubclass(Model)\nmy_class (Model)\n"));
  EXPECT_FALSE(Alone("mail.send_mail('a')\nself.sender.sendall()\nsend(x)\n"));
}

TEST(TestFileCountsAlone, ModelsAndOtherClassesDo) {
  EXPECT_TRUE(Alone("class Temp(models.Model):\n    name = models.CharField()\n"));
  EXPECT_TRUE(Alone("def test_x(self):\n    class M(Book):\n        pass\n"));
  EXPECT_TRUE(Alone("class U(AbstractUser):\n    pass\n"));
  // A model named like a test, and a test case mixed with something else.
  EXPECT_TRUE(Alone("class Proxy(LabTest):\n    pass\n"));
  EXPECT_TRUE(Alone("class T(TestCase, SomeMixin):\n    pass\n"));
  EXPECT_TRUE(Alone("class T(TestCase, metaclass=Meta):\n    pass\n"));
  EXPECT_TRUE(Alone("class T(Generic[X]):\n    pass\n"));
  EXPECT_TRUE(Alone("class T(\n    Base,\n):\n    pass\n"));
  EXPECT_TRUE(Alone("class Unclosed(TestCase\n"));
  EXPECT_TRUE(Alone("\tclass Tabbed (Base):\n"));
}

TEST(TestFileCountsAlone, SendingASignalDoes) {
  EXPECT_TRUE(Alone("def test(self):\n    ticket_closed.send(sender=None)\n"));
  EXPECT_TRUE(Alone("def test(self):\n    sig.send_robust (sender=None)\n"));
  EXPECT_TRUE(Alone("def test(self):\n    signals.done \\\n        .send(\n        None)\n"));
}

TEST(TestFileCountsAlone, FilesReadByTheirNameDo) {
  for (const char* path : {"tests/manage.py", "tests/site/wsgi.py", "tests/site/asgi.py",
                           "tests/testapp/apps.py", "tests/testapp/models.py",
                           "tests/testapp/models/__init__.py", "tests/testapp/models/book.py"}) {
    EXPECT_TRUE(Alone("", path)) << path;
  }
  EXPECT_FALSE(Alone("", "tests/testapp/views.py"));
  EXPECT_FALSE(Alone("", "tests/settings.py"));  // read when something names it
}

}  // namespace
}  // namespace djcost
