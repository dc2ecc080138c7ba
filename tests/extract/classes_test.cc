#include "snippet_case.h"

namespace djcost::testing {
namespace {

class ClassesTest : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(ClassesTest, Extracts) {
  EXPECT_EQ(DumpFacts(ExtractSnippet(GetParam().source)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ClassesTest,
    ::testing::Values(
        SnippetCase{"ModelWithFieldsAndMeta",
                    "class Order(TimeStamped, models.Model):\n"
                    "    total = models.DecimalField(max_digits=10, decimal_places=2)\n"
                    "    customer = models.ForeignKey('crm.Customer', on_delete=models.CASCADE)\n"
                    "    objects = OrderManager()\n"
                    "\n"
                    "    class Meta:\n"
                    "        abstract = True\n"
                    "        ordering = ['-id']\n"
                    "\n"
                    "    def save(self, *args, **kwargs):\n"
                    "        super().save(*args, **kwargs)\n",
                    "class 1-11: Order(TimeStamped, models.Model) meta\n"
                    "  attr 2: total = models.DecimalField(max_digits=10, decimal_places=2)\n"
                    "  attr 3: customer = models.ForeignKey('crm.Customer', on_delete=models.CASCADE)\n"
                    "  attr 4: objects = OrderManager()\n"
                    "  meta 7: abstract = True\n"
                    "  meta 8: ordering = ['-id']\n"
                    "  method 10-11: Order.save(self, *args, **kwargs)\n"
                    "    calls 11: super().save\n"
                    "    calls 11: super\n"
                    "call 11: ?(<*args>, **=kwargs) in Order.save\n"},
        SnippetCase{"MetaOutsideAClassIsAClass",
                    "class Meta:\n    proxy = True\n",
                    "class 1-2: Meta()\n"
                    "  attr 2: proxy = True\n"},
        SnippetCase{"KeywordsAndDecorators",
                    "@admin.register(Order, Item, site=shop_site)\n"
                    "class OrderAdmin(admin.ModelAdmin, metaclass=Registry):\n"
                    "    list_display = ('id', 'total')\n"
                    "    actions = [mark_paid]\n",
                    "class 2-4: @admin.register(Order, Item, site=shop_site) "
                    "OrderAdmin(admin.ModelAdmin, metaclass=Registry)\n"
                    "  attr 3: list_display = ['id', 'total']\n"
                    "  attr 4: actions = [mark_paid]\n"},
        SnippetCase{"NestedClassesGetScopes",
                    "class Outer:\n"
                    "    class Inner(Base):\n"
                    "        x = 1\n"
                    "    def method(self):\n"
                    "        class Local:\n"
                    "            pass\n",
                    "class 1-6: Outer()\n"
                    "  method 4-6: Outer.method(self)\n"
                    "class 2-3: Outer.Inner(Base)\n"
                    "  attr 3: x = 1\n"
                    "class 5-6: Outer.method.Local()\n"},
        SnippetCase{"ConditionalAttributesAndMethods",
                    "class V(APIView):\n"
                    "    if settings.DEBUG:\n"
                    "        permission_classes = []\n"
                    "        def get(self, request):\n"
                    "            return Response({})\n",
                    "class 1-5: V(APIView)\n"
                    "  attr 3: permission_classes = [] (conditional) [guard 0]\n"
                    "  method 4-5: V.get(self, request)\n"
                    "    calls 5: Response\n"
                    "guard 0: +settings.DEBUG\n"},
        SnippetCase{"DecoratedMethodsAndActions",
                    "class OrderViewSet(viewsets.ModelViewSet):\n"
                    "    queryset = Order.objects.all()\n"
                    "    @action(detail=True, methods=['post'])\n"
                    "    def publish(self, request, pk=None):\n"
                    "        return Response(status=204)\n",
                    "class 1-5: OrderViewSet(viewsets.ModelViewSet)\n"
                    "  attr 2: queryset = Order.objects.all()\n"
                    "  method 4-5: @action(detail=True, methods=['post']) "
                    "OrderViewSet.publish(self, request, pk)\n"
                    "    calls 5: Response\n"},
        SnippetCase{"AnnotatedAndChainedAttributes",
                    "class S(Serializer):\n"
                    "    name: str = 'x'\n"
                    "    count: int\n"
                    "    a = b = 0\n"
                    "    x, y = 1, 2\n",
                    "class 1-5: S(Serializer)\n"
                    "  attr 2: name = 'x'\n"
                    "  attr 4: a = 0\n"
                    "  attr 4: b = 0\n"},
        SnippetCase{"SerializerMeta",
                    "class OrderSerializer(serializers.ModelSerializer):\n"
                    "    class Meta:\n"
                    "        model = Order\n"
                    "        fields = '__all__'\n",
                    "class 1-4: OrderSerializer(serializers.ModelSerializer) meta\n"
                    "  meta 3: model = Order\n"
                    "  meta 4: fields = '__all__'\n"}),
    CaseName);

}  // namespace
}  // namespace djcost::testing
