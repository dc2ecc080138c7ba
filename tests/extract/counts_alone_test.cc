// What a test file's bytes say without a parse: TestFileCountsAlone (parsed in
// a scan's first pass) and ClassHeaders (for link/test_reach.h's model test).
#include <gtest/gtest.h>

#include "extract/counts_alone.h"

namespace djcost {
namespace {

bool Alone(const char* bytes, const char* path = "shop/tests/test_views.py") {
  return TestFileCountsAlone(path, bytes);
}

TEST(TestFileCountsAlone, SendingASignalDoes) {
  EXPECT_TRUE(Alone("def test(self):\n    ticket_closed.send(sender=None)\n"));
  EXPECT_TRUE(Alone("def test(self):\n    sig.send_robust (sender=None)\n"));
  EXPECT_TRUE(Alone("def test(self):\n    signals.done \\\n        .send(\n        None)\n"));
  EXPECT_FALSE(Alone("mail.send_mail('a')\nself.sender.sendall()\nsend(x)\n"));
  EXPECT_FALSE(Alone("class Temp(models.Model):\n    pass\n"));  // classes: ClassHeaders
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

// "name: base, base" per header.
std::string Headers(const char* bytes) {
  std::string out;
  for (const ClassHeader& h : ClassHeaders(bytes)) {
    out += h.name + ":";
    for (const std::string& b : h.bases) out += " " + b;
    out += "\n";
  }
  return out;
}

TEST(ClassHeaders, NamesAndBasesLastNames) {
  EXPECT_EQ(Headers(""), "");
  EXPECT_EQ(Headers("def test_it():\n    assert 1\n"), "");
  EXPECT_EQ(Headers("from django.test import TestCase\n\n"
                    "class BookTests(TestCase):\n    pass\n"
                    "class Api(APITestCase, LoginTestMixin):\n    pass\n"
                    "class V(ViewTestCases.GetObjectViewTestCase,\n"
                    "        # a comment between bases\n"
                    "        unittest.TestCase):\n    pass\n"
                    "class Plain:\n    pass\n"
                    "class Empty():\n    pass\n"
                    "def test_x(self):\n    class M(models.Model):\n        pass\n"
                    "\tclass Tabbed (Base):\n"),
            "BookTests: TestCase\n"
            "Api: APITestCase LoginTestMixin\n"
            "V: GetObjectViewTestCase TestCase\n"
            "Plain:\n"
            "Empty:\n"
            "M: Model\n"
            "Tabbed: Base\n");
  // Anything but a dotted name is "?".
  EXPECT_EQ(Headers("class T(TestCase, metaclass=Meta):\n    pass\n"
                    "class G(Generic[X]):\n    pass\n"
                    "class C(make_base()):\n    pass\n"
                    "class T2(\n    Base,\n):\n    pass\n"
                    "class Unclosed(TestCase\n"),
            "T: TestCase ?\nG: ?\nC: ?\nT2: Base\nUnclosed: ?\n");
  // Not class headers.
  EXPECT_EQ(Headers("x = 'class Foo(models.Model)'\nsubclass(Model)\nmy_class (Model)\n"), "");
}

}  // namespace
}  // namespace djcost
