#include "snippet_case.h"

namespace djcost::testing {
namespace {

class FunctionsTest : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(FunctionsTest, Extracts) {
  EXPECT_EQ(DumpFacts(ExtractSnippet(GetParam().source)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FunctionsTest,
    ::testing::Values(
        SnippetCase{"ViewWithFoldedCalls",
                    "@require_http_methods(['GET', 'POST'])\n"
                    "def order_list(request):\n"
                    "    if request.method == 'POST':\n"
                    "        form = OrderForm(request.POST)\n"
                    "        return redirect('orders')\n"
                    "    orders = Order.objects.filter(paid=True)\n"
                    "    return render(request, 'orders.html', {'orders': orders, 'n': len(orders)})\n"
                    "\n"
                    "def again(request):\n"
                    "    render(request, 'a.html')\n"
                    "    render(request, 'b.html')\n",
                    "def 2-7: @require_http_methods(['GET', 'POST']) order_list(request)\n"
                    "  calls 4: OrderForm\n"
                    "  calls 5: redirect\n"
                    "  calls 6: Order.objects.filter\n"
                    "  calls 7: render\n"
                    "  calls 7: len\n"
                    "def 9-11: again(request)\n"
                    "  calls 10: render x2\n"
                    "call 10: render(request, 'a.html') in again\n"
                    "call 11: render(request, 'b.html') in again\n"},
        // The call-site walk skips subtrees without a '(' (no call can be
        // there): calls deep in subscripts, f-strings, comprehensions and
        // conditionals are still found, and a '(' in a string finds nothing.
        SnippetCase{"CallsAnywhereInAnExpression",
                    "def f(request):\n"
                    "    x = data[key(1)].attr[0] + y.z\n"
                    "    label = f\"{fmt(x)!r} (done)\"\n"
                    "    note = '(not a call)' + \"also ( not\"\n"
                    "    items = {k: v for k, v in pairs() if ok(v)}\n"
                    "    return a if cond else (b or build())[x]\n",
                    "def 1-6: f(request)\n"
                    "  calls 2: key\n"
                    "  calls 3: fmt\n"
                    "  calls 5: pairs\n"
                    "  calls 5: ok\n"
                    "  calls 6: build\n"},
        // A node whose only '(' is its first byte holds no call: argument
        // lists, tuples and parentheses of plain values are passed over, and
        // calls in them, chained, called through parentheses or as a lone
        // generator argument are all found.
        SnippetCase{"CallsInsideParentheses",
                    "def g(request):\n"
                    "    t = (a, b)\n"
                    "    u = ((first(), (second(1),)),)\n"
                    "    v = (handler)(request).chain(x)(y)\n"
                    "    w = total(len(s) for s in (names))\n"
                    "    return outer((inner((deep()))))\n",
                    "def 1-6: g(request)\n"
                    "  calls 3: first\n"
                    "  calls 3: second\n"
                    "  calls 4: handler().chain()\n"
                    "  calls 4: handler().chain\n"
                    "  calls 4: handler\n"
                    "  calls 5: total\n"
                    "  calls 5: len\n"
                    "  calls 6: outer\n"
                    "  calls 6: inner\n"
                    "  calls 6: deep\n"},
        // A module-level function with one return of what may be url patterns
        // keeps the value (link walks it as a URL helper); views, methods,
        // nested functions and functions with two returns keep none.
        SnippetCase{"ReturnedUrlPatterns",
                    "def meta_path(model):\n"
                    "    if model is None:\n"
                    "        raise ValueError('no model')\n"
                    "    return path('metadata/', Meta.as_view())\n"
                    "def crud(prefix):\n"
                    "    def inner():\n"
                    "        return path('x/', v)\n"
                    "    return [re_path(prefix, v), path('', include('a.urls'))]\n"
                    "def either(flag):\n"
                    "    if flag:\n"
                    "        return path('a/', v)\n"
                    "    return path('b/', v)\n"
                    "def view(request):\n"
                    "    return render(request, 'a.html')\n"
                    "class Api:\n"
                    "    def urls(self):\n"
                    "        return path('c/', v)\n",
                    "class 15-17: Api()\n"
                    "  method 16-17: Api.urls(self)\n"
                    "    calls 17: path\n"
                    "def 1-4: meta_path(model)\n"
                    "  calls 3: ValueError\n"
                    "  calls 4: path\n"
                    "  calls 4: Meta.as_view\n"
                    "  returns path('metadata/', Meta.as_view())\n"
                    "def 5-8: crud(prefix)\n"
                    "  calls 8: re_path\n"
                    "  calls 8: path\n"
                    "  calls 8: include\n"
                    "  returns [re_path(prefix, v), path('', include('a.urls'))]\n"
                    "def 6-7: crud.inner()\n"
                    "  calls 7: path\n"
                    "def 9-12: either(flag)\n"
                    "  calls 11: path x2\n"
                    "def 13-14: view(request)\n"
                    "  calls 14: render\n"},
        // `return NAME` is kept when NAME is a parameter (addons-server's
        // decorate(decorator, urlconf)); other names (`return result`) are not.
        SnippetCase{"ReturnedParameter",
                    "def decorate(decorator, urlconf):\n"
                    "    wrap(urlconf, decorator)\n"
                    "    return urlconf\n"
                    "def view(request):\n"
                    "    result = render(request, 'a.html')\n"
                    "    return result\n",
                    "def 1-3: decorate(decorator, urlconf)\n"
                    "  calls 2: wrap\n"
                    "  returns urlconf\n"
                    "def 4-6: view(request)\n"
                    "  calls 5: render\n"
                    "call 2: wrap(urlconf, decorator) in decorate\n"},
        // `return NAME` of a local list built of url patterns keeps the
        // statements that build it (AWX's get_urlpatterns()), and the calls it
        // is passed to; a list returned twice keeps nothing.
        SnippetCase{"ReturnedLocalList",
                    "def get_urlpatterns(prefix=None):\n"
                    "    urls = other = [path('a/', v)]\n"
                    "    urls += [path(f'{prefix}/', include('app.urls'))]\n"
                    "    if settings.DEBUG:\n"
                    "        urls.append(path('debug/', v))\n"
                    "    for p in PAGES:\n"
                    "        urls.extend([re_path(p, v)])\n"
                    "    register(urls)\n"
                    "    other.append(x)\n"
                    "    return urls\n"
                    "def twice(flag):\n"
                    "    urls = [path('a/', v)]\n"
                    "    if flag:\n"
                    "        return urls\n"
                    "    return urls\n",
                    "def 1-10: get_urlpatterns(prefix)\n"
                    "  calls 2: path x3\n"
                    "  calls 3: include\n"
                    "  calls 5: urls.append\n"
                    "  calls 7: urls.extend\n"
                    "  calls 7: re_path\n"
                    "  calls 8: register\n"
                    "  calls 9: other.append\n"
                    "  returns urls\n"
                    "    built 2: urls = [path('a/', v)]\n"
                    "    built 3: urls += [path(f'{prefix}/', include('app.urls'))]\n"
                    "    built 5: urls.append(path('debug/', v)) in get_urlpatterns (conditional) "
                    "[guard 0]\n"
                    "    built 7: urls.extend([re_path(p, v)]) in get_urlpatterns (conditional) "
                    "(for p in PAGES)\n"
                    "    built 8: register(urls) in get_urlpatterns\n"
                    "def 11-15: twice(flag)\n"
                    "  calls 12: path\n"
                    "call 5: urls.append(path('debug/', v)) in get_urlpatterns (conditional) "
                    "[guard 0]\n"
                    "call 7: urls.extend([re_path(p, v)]) in get_urlpatterns (conditional) "
                    "(for p in PAGES)\n"
                    "call 8: register(urls) in get_urlpatterns\n"
                    "call 9: other.append(x) in get_urlpatterns\n"
                    "guard 0: +settings.DEBUG\n"},
        // A helper's locals bound once, unconditionally, to what may be a
        // string are kept for its routes to read (zds-site's `base_pattern`);
        // a name bound twice, under an `if`, a parameter rebound, a display
        // and the list returned are not.
        SnippetCase{"HelperLocalNames",
                    "def get_beta_pages(kind):\n"
                    "    base = 'beta/<int:pk>'\n"
                    "    nested = f'{kind}/{base}'\n"
                    "    twice = 'a'\n"
                    "    twice = 'b'\n"
                    "    kind = kind or 'x'\n"
                    "    if flag:\n"
                    "        maybe = 'c'\n"
                    "    table = {'a': 1}\n"
                    "    pages = [path(f'{base}/', v)]\n"
                    "    return pages\n",
                    "def 1-11: get_beta_pages(kind)\n"
                    "  calls 10: path\n"
                    "  returns pages\n"
                    "    built 10: pages = [path(f'{base}/', v)]\n"
                    "    local 2: base = 'beta/<int:pk>'\n"
                    "    local 3: nested = f'{kind}/{base}'\n"},
        // A tastypie resource's prepend_urls() keeps what it returns, as a
        // module-level helper does; other methods' returns are not kept. Its
        // `class Meta(Base.Meta)` keeps the Meta's bases.
        SnippetCase{"TastypieResourceUrlsAndMetaBases",
                    "class EntryResource(BaseResource):\n"
                    "    class Meta(BaseResource.Meta):\n"
                    "        resource_name = 'entry'\n"
                    "    def prepend_urls(self):\n"
                    "        return [url(r'^(?P<resource_name>%s)/s/$' % self._meta.resource_name, v)]\n"
                    "    def other(self):\n"
                    "        return [url(r'^x/$', v)]\n"
                    "class NoteResource(ModelResource):\n"
                    "    def prepend_urls(self):\n"
                    "        return []\n",
                    "class 1-7: EntryResource(BaseResource) meta(BaseResource.Meta)\n"
                    "  meta 3: resource_name = 'entry'\n"
                    "  method 4-5: EntryResource.prepend_urls(self)\n"
                    "    calls 5: url\n"
                    "    returns [url(('^(?P<resource_name>%s)/s/$' % self._meta.resource_name), v)]\n"
                    "  method 6-7: EntryResource.other(self)\n"
                    "    calls 7: url\n"
                    "class 8-10: NoteResource(ModelResource)\n"
                    "  method 9-10: NoteResource.prepend_urls(self)\n"
                    "    returns []\n"},
        // drf-extensions' chain is kept as `item = router.register(...)` then
        // `item.register(...)`, the items named so no code can bind them.
        SnippetCase{"RegisterChains",
                    "router.register('a', A) \\\n"
                    "    .register('b', B, parents_query_lookups=['a'])\n"
                    "router.register('c', C)\n",
                    "assign 1: (register 1 8) = router.register('a', A)\n"
                    "call 2: (register 1 8).register('b', B, parents_query_lookups=['a'])\n"
                    "call 3: router.register('c', C)\n"},
        SnippetCase{"ParametersOfEveryShape",
                    "async def f(a, b: int, c=1, d: str = 'x', /, *args, e, f=2, **kwargs) -> R:\n"
                    "    pass\n"
                    "def g(*, key):\n"
                    "    pass\n",
                    "def 1-2: async f(a, b, c, d, *args, e, f, **kwargs)\n"
                    "def 3-4: g(key)\n"},
        SnippetCase{"NestedFunctionsOwnTheirCalls",
                    "def outer(x=default()):\n"
                    "    first()\n"
                    "    @decorate(make())\n"
                    "    def inner(y=compute()):\n"
                    "        second()\n"
                    "    return [lambda: third() for _ in range(2)]\n",
                    "def 1-6: outer(x)\n"
                    "  calls 2: first\n"
                    "  calls 3: decorate\n"
                    "  calls 3: make\n"
                    "  calls 4: compute\n"
                    "  calls 6: third\n"
                    "  calls 6: range\n"
                    "def 4-5: @decorate(make()) outer.inner(y)\n"
                    "  calls 5: second\n"
                    "call 2: first() in outer\n"
                    "call 5: second() in outer.inner\n"},
        SnippetCase{"ChainedAndUnnamedCallees",
                    "def run(sql):\n"
                    "    with connection.cursor() as cursor:\n"
                    "        cursor.execute(sql)\n"
                    "    connection.cursor().execute(sql)\n"
                    "    handlers[0](sql)\n"
                    "    log(f'ran {describe(sql)}')\n",
                    "def 1-6: run(sql)\n"
                    "  calls 2: connection.cursor x2\n"
                    "  calls 3: cursor.execute\n"
                    "  calls 4: connection.cursor().execute\n"
                    "  calls 6: log\n"
                    "  calls 6: describe\n"
                    "call 3: cursor.execute(sql) in run (conditional)\n"
                    "call 4: ?(sql) in run\n"
                    "call 5: ?(sql) in run\n"
                    "call 6: log(f'ran {describe(sql)}') in run\n"},
        // NetBox's router: a method of a subscripted object keeps its subscript.
        SnippetCase{"MethodOfASubscriptedObjectKeepsTheSubscript",
                    "class R:\n"
                    "    def __init__(self):\n"
                    "        self.routes[0].mapping.update({'put': 'bulk_update'})\n"
                    "        self.routes[i].mapping.update({})\n",
                    "class 1-4: R()\n"
                    "  method 2-4: R.__init__(self)\n"
                    "call 3: self.routes[0].mapping.update({'put': 'bulk_update'}) in R.__init__\n"
                    "call 4: ?({}) in R.__init__\n"},
        SnippetCase{"ReceiverDecoratorsKeepEverySignal",
                    "@receiver([post_save, post_delete], sender=Order, dispatch_uid='x')\n"
                    "def on_change(sender, instance, **kwargs):\n"
                    "    order_changed.send(sender=sender)\n",
                    "def 2-3: @receiver([post_save, post_delete], sender=Order, dispatch_uid='x') "
                    "on_change(sender, instance, **kwargs)\n"
                    "  calls 3: order_changed.send\n"
                    "call 3: order_changed.send(sender=sender) in on_change\n"},
        SnippetCase{"ParenthesesAndSplatsAreLookedThrough",
                    "def bits(n):\n"
                    "    print('v', *sys.version.split())\n"
                    "    return (n).bit_length()\n",
                    "def 1-3: bits(n)\n"
                    "  calls 2: print\n"
                    "  calls 2: sys.version.split\n"
                    "  calls 3: n.bit_length\n"
                    "call 2: print('v', ?()) in bits\n"},
        SnippetCase{"StackedDecorators",
                    "@api_view(['GET'])\n@permission_classes([IsAuthenticated])\n"
                    "def me(request):\n    return Response(1)\n",
                    "def 3-4: @api_view(['GET']) @permission_classes([IsAuthenticated]) me(request)\n"
                    "  calls 4: Response\n"}),
    CaseName);

}  // namespace
}  // namespace djcost::testing
