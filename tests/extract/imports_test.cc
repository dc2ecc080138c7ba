#include "snippet_case.h"

namespace djcost::testing {
namespace {

class ImportsTest : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(ImportsTest, Extracts) {
  EXPECT_EQ(DumpFacts(ExtractSnippet(GetParam().source)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ImportsTest,
    ::testing::Values(
        SnippetCase{"PlainAndDotted", "import os, django.db\n",
                    "import 1: import os\n"
                    "import 1: import django.db\n"},
        SnippetCase{"Aliased", "import django.db.models as m\n",
                    "import 1: import django.db.models as m\n"},
        SnippetCase{"From", "from django.db import models, transaction as tx\n",
                    "import 1: from django.db import models\n"
                    "import 1: from django.db import transaction as tx\n"},
        SnippetCase{"RelativeLevels", "from . import views\nfrom ..core.api import (\n    A,\n    B as C,\n)\n",
                    "import 1: from . import views\n"
                    "import 2: from ..core.api import A\n"
                    "import 2: from ..core.api import B as C\n"},
        SnippetCase{"Star", "from .settings_base import *\n",
                    "import 1: from .settings_base import *\n"},
        SnippetCase{"Future", "from __future__ import annotations\n",
                    "import 1: from __future__ import annotations\n"},
        SnippetCase{"LocalImportsAreMarked",
                    "def ready(self):\n    from . import signals\n"
                    "class A:\n    import json\n",
                    "import 2: from . import signals (local)\n"
                    "import 4: import json (local)\n"
                    "class 3-4: A()\n"
                    "def 1-2: ready(self)\n"},
        SnippetCase{"ConditionalStaysModuleLevel",
                    "try:\n    from .local import *\nexcept ImportError:\n    pass\n",
                    "import 2: from .local import * (conditional)\n"}),
    CaseName);

}  // namespace
}  // namespace djcost::testing
