#include "snippet_case.h"

namespace djcost::testing {
namespace {

class StatementsTest : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(StatementsTest, Extracts) {
  EXPECT_EQ(DumpFacts(ExtractSnippet(GetParam().source)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StatementsTest,
    ::testing::Values(
        SnippetCase{"UrlConf",
                    "urlpatterns = [\n"
                    "    path('', views.index, name='index'),\n"
                    "    path('orders/<int:pk>/', views.OrderDetail.as_view(), name=\"order\"),\n"
                    "    re_path(r'^api/(?P<v>v\\d)/', include((router.urls, 'api'), namespace='api')),\n"
                    "    path('admin/', admin.site.urls),\n"
                    "]\n"
                    "urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)\n"
                    "if settings.DEBUG:\n"
                    "    urlpatterns += [path('__debug__/', include('debug_toolbar.urls'))]\n",
                    "assign 1: urlpatterns = [path('', views.index, name='index'), "
                    "path('orders/<int:pk>/', views.OrderDetail.as_view(), name='order'), "
                    "re_path('^api/(?P<v>v\\\\d)/', include([router.urls, 'api'], namespace='api')), "
                    "path('admin/', admin.site.urls)]\n"
                    "assign 7: urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)\n"
                    "assign 9: urlpatterns += [path('__debug__/', include('debug_toolbar.urls'))] "
                    "(conditional) [guard 0]\n"
                    "guard 0: +settings.DEBUG\n"},
        // Conditions on INSTALLED_APPS: what each branch implies, for link to test.
        SnippetCase{"InstalledAppsGuards",
                    "if 'billing' in settings.INSTALLED_APPS:\n"
                    "    urlpatterns += a\n"
                    "elif not apps.is_installed('legal') and DEBUG:\n"
                    "    urlpatterns.append(b)\n"
                    "else:\n"
                    "    urlpatterns = c\n"
                    "    if 'x' not in INSTALLED_APPS or 'y' not in INSTALLED_APPS:\n"
                    "        pass\n"
                    "    else:\n"
                    "        register(d)\n"
                    "if settings.DEBUG or 'z' in INSTALLED_APPS:\n"
                    "    register(e)\n"
                    "if f'{a}' in INSTALLED_APPS and 'w' is INSTALLED_APPS:\n"
                    "    register(f)\n",
                    "assign 2: urlpatterns += a (conditional) [guard 0]\n"
                    "assign 6: urlpatterns = c (conditional) [guard 1]\n"
                    "call 4: urlpatterns.append(b) (conditional) [guard 2]\n"
                    "call 10: register(d) (conditional) [guard 3]\n"
                    "call 12: register(e) (conditional)\n"
                    "call 14: register(f) (conditional)\n"
                    "guard 0: +billing\n"
                    "guard 1: -billing\n"  // `not a and b` false says nothing of a
                    "guard 2: -billing -legal\n"
                    "guard 3: -billing +x +y\n"},
        // Conditions on a setting's truth (credentials' `if settings.BADGES_ENABLED:`),
        // getattr's literal default kept; an unread default or a lower-case
        // attribute says nothing.
        SnippetCase{"SettingGuards",
                    "if settings.BADGES_ENABLED:\n"
                    "    urlpatterns += a\n"
                    "if not getattr(settings, 'X_ON', False):\n"
                    "    register(b)\n"
                    "else:\n"
                    "    register(c)\n"
                    "if getattr(settings, 'Y', some_default()):\n"
                    "    register(d)\n"
                    "if settings.debug_toolbar:\n"
                    "    register(e)\n",
                    "assign 2: urlpatterns += a (conditional) [guard 0]\n"
                    "call 4: register(b) (conditional) [guard 1]\n"
                    "call 6: register(c) (conditional) [guard 2]\n"
                    "call 8: register(d) (conditional)\n"
                    "call 10: register(e) (conditional)\n"
                    "guard 0: +settings.BADGES_ENABLED\n"
                    "guard 1: -settings.X_ON=0\n"
                    "guard 2: +settings.X_ON=0\n"},
        // A module-level assignment in a loop keeps the loop (made once for both).
        SnippetCase{"AssignmentsInLoops",
                    "for app in settings.PLUGINS:\n"
                    "    urls += [path('', include(f'{app}.urls'))]\n"
                    "    names = app\n"
                    "class A:\n"
                    "    for x in y:\n"
                    "        z = x\n",
                    "assign 2: urls += [path('', include(f'{app}.urls'))] (conditional) [loop 0]\n"
                    "assign 3: names = app (conditional) [loop 0]\n"
                    "class 4-6: A()\n"
                    "  attr 6: z = x (conditional)\n"
                    "loop 0: for app in settings.PLUGINS\n"},
        SnippetCase{"Settings",
                    "ROOT_URLCONF = 'shop.urls'\n"
                    "AUTH_USER_MODEL = 'accounts.User'\n"
                    "INSTALLED_APPS = (\n    'django.contrib.admin',\n    'shop.apps.ShopConfig',\n)\n"
                    "DEBUG = os.environ.get('DEBUG') == '1'\n"
                    "X = Y = None\n"
                    "a, b = 1, 2\n"
                    "os.environ['K'] = 'v'\n"
                    "settings.TIMEOUT = 5\n"
                    "COUNT -= 1\n",
                    "assign 1: ROOT_URLCONF = 'shop.urls'\n"
                    "assign 2: AUTH_USER_MODEL = 'accounts.User'\n"
                    "assign 3: INSTALLED_APPS = ['django.contrib.admin', 'shop.apps.ShopConfig']\n"
                    "assign 7: DEBUG = <os.environ.get('DEBUG') == '1'>\n"
                    "assign 8: X = None\n"
                    "assign 8: Y = None\n"
                    "assign 11: settings.TIMEOUT = 5\n"},
        SnippetCase{"ConditionalForms",
                    "try:\n    A = 1\nexcept ImportError:\n    A = 2\nelse:\n    B = 3\nfinally:\n    C = 4\n"
                    "with x:\n    D = 5\nfor i in y:\n    E = 6\nwhile z:\n    F = 7\n"
                    "if a:\n    G = 8\nelif b:\n    H = 9\nelse:\n    I = 10\n"
                    "match m:\n    case 1:\n        J = 11\n",
                    "assign 2: A = 1 (conditional)\n"
                    "assign 4: A = 2 (conditional)\n"
                    "assign 6: B = 3 (conditional)\n"
                    "assign 8: C = 4 (conditional)\n"
                    "assign 10: D = 5 (conditional)\n"
                    "assign 12: E = 6 (conditional) [loop 0]\n"
                    "assign 14: F = 7 (conditional)\n"
                    "assign 16: G = 8 (conditional)\n"
                    "assign 18: H = 9 (conditional)\n"
                    "assign 20: I = 10 (conditional)\n"
                    "assign 23: J = 11 (conditional)\n"
                    "loop 0: for i in y\n"},
        SnippetCase{"RegistrationsAndConnections",
                    "admin.site.register(Order)\n"
                    "admin.site.register([Item, Line], ItemAdmin)\n"
                    "shop_site.unregister(Group)\n"
                    "router.register(r'orders', OrderViewSet, basename='order')\n"
                    "post_save.connect(on_save, sender=Order, dispatch_uid='s')\n"
                    "result = register(x)\n"
                    "await notify()\n"
                    "class ShopConfig(AppConfig):\n"
                    "    def ready(self):\n"
                    "        if True:\n"
                    "            order_paid.connect(handler)\n",
                    "assign 6: result = register(x)\n"
                    "class 8-11: ShopConfig(AppConfig)\n"
                    "  method 9-11: ShopConfig.ready(self)\n"
                    "    calls 11: order_paid.connect\n"
                    "call 1: admin.site.register(Order)\n"
                    "call 2: admin.site.register([Item, Line], ItemAdmin)\n"
                    "call 3: shop_site.unregister(Group)\n"
                    "call 4: router.register('orders', OrderViewSet, basename='order')\n"
                    "call 5: post_save.connect(on_save, sender=Order, dispatch_uid='s')\n"
                    "call 11: order_paid.connect(handler) in ShopConfig.ready (conditional)\n"},
        // A call statement knows the innermost `for NAME in ...` of its scope; a
        // tuple target, a for's else clause and a def in the loop know none.
        SnippetCase{"LoopsAroundCallStatements",
                    "for MC in Metric.__subclasses__():\n"
                    "    admin.site.register(MC)\n"
                    "    for m in (A, B):\n"
                    "        if m:\n"
                    "            site.register(m)\n"
                    "    def later(x):\n"
                    "        site.register(x)\n"
                    "else:\n"
                    "    done(MC)\n"
                    "for k, v in pairs:\n"
                    "    site.register(k, v)\n",
                    "def 6-7: later(x)\n"
                    "  calls 7: site.register\n"
                    "call 2: admin.site.register(MC) (conditional) (for MC in Metric.__subclasses__())\n"
                    "call 5: site.register(m) (conditional) (for m in [A, B])\n"
                    "call 7: site.register(x) in later\n"
                    "call 9: done(MC) (conditional)\n"
                    "call 11: site.register(k, v) (conditional) (for k,v in pairs)\n"},
        // A generated loop over a huge literal is not copied into every call.
        SnippetCase{"LongLoopIterableIsNotCopied",
                    "for m in [" + std::string(5000, ' ') + "A]:\n"
                    "    site.register(m)\n",
                    "call 2: site.register(m) (conditional) (for m in <[" + std::string(63, ' ') +
                        "...>)\n"},
        SnippetCase{"CustomSignalDefinitions",
                    "from django.dispatch import Signal\n"
                    "order_paid = Signal()\n"
                    "order_shipped = dispatch.Signal(providing_args=['order'])\n",
                    "import 1: from django.dispatch import Signal\n"
                    "assign 2: order_paid = Signal()\n"
                    "assign 3: order_shipped = dispatch.Signal(providing_args=['order'])\n"}),
    CaseName);

}  // namespace
}  // namespace djcost::testing
