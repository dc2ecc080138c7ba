#include "link/signals.h"

#include <gtest/gtest.h>

#include "link/models_test_support.h"

namespace djcost {
namespace {

using testing::SnippetProject;
using testing::Where;

std::string DumpReceivers(const std::vector<SignalReceiver>& receivers) {
  std::string out;
  for (const auto& r : receivers) {
    out += r.signal + " <- " + r.handler + " sender=" + r.sender + " uid=" + r.dispatch_uid +
           (r.builtin ? " builtin" : "") + " via=" + r.via + " app=" + r.app + " " +
           Where(r.location) + "\n";
  }
  return out;
}

std::string DumpCustom(const std::vector<CustomSignal>& signals) {
  std::string out;
  for (const auto& s : signals) {
    out += s.qualname + " app=" + s.app + " " + Where(s.location) + " sends=[";
    for (size_t i = 0; i < s.send_sites.size(); ++i) {
      out += (i ? "," : "") + Where(s.send_sites[i]);
    }
    out += "]\n";
  }
  return out;
}

class FindSignalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    p_.Add("shop/__init__.py", "");
    p_.Add("shop/models.py", R"py(from django.db import models


class Order(models.Model):
    pass
)py");
    p_.Add("shop/signals.py", R"py(from django.dispatch import Signal
from django import dispatch

order_placed = Signal()
order_paid = dispatch.Signal()


class Signals:
    refunded = Signal()
)py");
    p_.Add("shop/receivers.py", R"py(from django.conf import settings
from django.contrib.auth import user_logged_in
from django.db.models import signals
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver

from .models import Order
from .signals import order_placed


@receiver(post_save, sender=Order)
def on_order_saved(sender, instance, **kwargs):
    pass


@receiver([pre_save, pre_delete], sender="shop.Order")
def audit(sender, instance, **kwargs):
    pass


@receiver(user_logged_in, dispatch_uid="login-points")
def on_login(sender, user, **kwargs):
    pass


@receiver(signals.post_delete, sender=settings.AUTH_USER_MODEL)
def on_user_deleted(sender, instance, **kwargs):
    pass


@receiver(order_placed)
def confirm(sender, order, **kwargs):
    pass
)py");
    p_.Add("shop/handlers.py", R"py(import socket

from allauth.account import signals as allauth_signals
from django.db import connection as db
from django.db.models.signals import post_delete, post_save

from .models import Order


def on_save(sender, instance, **kwargs):
    pass


def on_delete(sender, instance, **kwargs):
    pass


def on_signup(request, user, **kwargs):
    pass


post_delete.connect(receiver=on_delete, sender=Order, dispatch_uid="shop.on_delete")
allauth_signals.user_signed_up.connect(on_signup)
db.connect()
socket.connect(("localhost", 80))
post_save.connect(on_save, sender=Order)
post_save.connect(on_save, Order)
)py");
    p_.Add("shop/apps.py", R"py(from django.apps import AppConfig
from django.db.models.signals import post_save


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        from . import handlers
        from .signals import order_paid

        def on_paid(sender, **kwargs):
            pass

        post_save.connect(handlers.on_save)
        order_paid.connect(on_paid)
)py");
    p_.Add("shop/views.py", R"py(from . import signals
from .signals import Signals, order_placed


def checkout(request):
    order_placed.send(sender=None, order=1)
    ok = signals.order_paid.send_robust(sender=None)
    Signals.refunded.send(sender=None)
    return ok


order_placed.send(sender=None)
)py");
    p_.Add("shop/tests.py", R"py(from shop.signals import order_placed


def test_it():
    handler = object()
    order_placed.connect(handler)
    order_placed.send(sender=None)
)py",
           FileKind::kTest);
    p_.Build();
  }

  SnippetProject p_;
};

TEST_F(FindSignalsTest, ReceiversFromDecoratorsAndConnectCalls) {
  std::vector<Diagnostic> diagnostics;
  SignalInventory found = FindSignals(p_.index(), p_.settings, p_.apps(), &diagnostics);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "allauth.account.signals.user_signed_up <- shop.handlers.on_signup sender= uid= "
            "builtin via=connect app=shop shop/handlers.py:23\n"
            "django.contrib.auth.signals.user_logged_in <- shop.receivers.on_login sender= "
            "uid=login-points builtin via=receiver app=shop shop/receivers.py:21\n"
            "django.db.models.signals.post_delete <- shop.handlers.on_delete "
            "sender=shop.models.Order uid=shop.on_delete builtin via=connect app=shop "
            "shop/handlers.py:22\n"
            "django.db.models.signals.post_delete <- shop.receivers.on_user_deleted "
            "sender=django.contrib.auth.models.User uid= builtin via=receiver app=shop "
            "shop/receivers.py:26\n"
            "django.db.models.signals.post_save <- shop.handlers.on_save sender= uid= builtin "
            "via=connect app=shop shop/apps.py:15\n"
            "django.db.models.signals.post_save <- shop.handlers.on_save sender=shop.models.Order "
            "uid= builtin via=connect app=shop shop/handlers.py:26\n"
            "django.db.models.signals.post_save <- shop.receivers.on_order_saved "
            "sender=shop.models.Order uid= builtin via=receiver app=shop shop/receivers.py:11\n"
            "django.db.models.signals.pre_delete <- shop.receivers.audit sender=shop.models.Order "
            "uid= builtin via=receiver app=shop shop/receivers.py:16\n"
            "django.db.models.signals.pre_save <- shop.receivers.audit sender=shop.models.Order "
            "uid= builtin via=receiver app=shop shop/receivers.py:16\n"
            "shop.signals.order_paid <- shop.apps.ShopConfig.ready.on_paid sender= uid= "
            "via=connect app=shop shop/apps.py:16\n"
            "shop.signals.order_placed <- shop.receivers.confirm sender= uid= via=receiver "
            "app=shop shop/receivers.py:31\n");
  EXPECT_TRUE(diagnostics.empty());
}

TEST_F(FindSignalsTest, CustomSignalsWithTheirSendSites) {
  SignalInventory found = FindSignals(p_.index(), p_.settings, p_.apps(), nullptr);
  EXPECT_EQ(DumpCustom(found.custom_signals),
            "shop.signals.Signals.refunded app=shop shop/signals.py:9 sends=[shop/views.py:8]\n"
            "shop.signals.order_paid app=shop shop/signals.py:5 sends=[shop/views.py:7]\n"
            "shop.signals.order_placed app=shop shop/signals.py:4 "
            "sends=[shop/tests.py:7,shop/views.py:6,shop/views.py:12]\n");
}

TEST_F(FindSignalsTest, CustomUserModelSenderFollowsTheSetting) {
  p_.settings.auth_user_model.value = "shop.Order";
  SignalInventory found = FindSignals(p_.index(), p_.settings, p_.apps(), nullptr);
  std::string senders;
  for (const auto& r : found.receivers) {
    if (r.handler == "shop.receivers.on_user_deleted") senders += r.sender + "\n";
  }
  EXPECT_EQ(senders, "shop.models.Order\n");
}

TEST(FindSignalsGetModelTest, SendersNamedThroughGetModel) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  p.Add("shop/apps.py", R"py(from django.apps import AppConfig, apps
from django.db.models.signals import post_save, pre_save


def on_save(sender, **kwargs):
    pass


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        post_save.connect(on_save, sender=self.get_model("Order"))
        pre_save.connect(on_save, sender=apps.get_model("shop", "order"))
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.db.models.signals.post_save <- shop.apps.on_save sender=shop.models.Order "
            "uid= builtin via=connect app=shop shop/apps.py:13\n"
            "django.db.models.signals.pre_save <- shop.apps.on_save sender=shop.models.Order "
            "uid= builtin via=connect app=shop shop/apps.py:14\n");
}

// authentik: handlers made where they are connected (`self.method`, partial,
// a lambda) are new objects at each connect, so two sites are two receivers;
// a module function connected twice is one.
TEST(FindSignalsGetModelTest, HandlersMadeAtTheConnectAreOnePerSite) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/a.py", R"py(from functools import partial
from django.core.signals import request_finished


def on_done(sender, **kwargs):
    pass


class Middleware:
    def __init__(self):
        request_finished.connect(self.on_finish)
        request_finished.connect(partial(on_done, flag=True))
        request_finished.connect(on_done)
)py");
  p.Add("shop/b.py", R"py(from functools import partial
from django.core.signals import request_finished
from shop.a import on_done


class Other:
    def __init__(self):
        request_finished.connect(self.on_finish)
        request_finished.connect(partial(on_done, flag=False))
        request_finished.connect(on_done)
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.core.signals.request_finished <- partial sender= uid= builtin via=connect "
            "app= shop/a.py:12\n"
            "django.core.signals.request_finished <- partial sender= uid= builtin via=connect "
            "app= shop/b.py:9\n"
            "django.core.signals.request_finished <- self.on_finish sender= uid= builtin "
            "via=connect app= shop/a.py:11\n"
            "django.core.signals.request_finished <- self.on_finish sender= uid= builtin "
            "via=connect app= shop/b.py:8\n"
            "django.core.signals.request_finished <- shop.a.on_done sender= uid= builtin "
            "via=connect app= shop/a.py:13\n");
}

// MediaCMS: `@receiver(social_account_updated) def social_account_updated(...)`:
// the decorator runs before the def binds the name, so it names the import.
TEST(FindSignalsGetModelTest, AReceiverNamedLikeItsSignal) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  p.Add("shop/handlers.py", R"py(from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save)
def post_save(sender, **kwargs):
    pass
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.db.models.signals.post_save <- shop.handlers.post_save sender= uid= builtin "
            "via=receiver app=shop shop/handlers.py:5\n");
}

// Kitsune: decorator factories that connect what they decorate. The signal
// or sender is a factory parameter; each place the factory decorates is a
// receiver, its parameters bound there.
TEST(FindSignalsGetModelTest, DecoratorFactoriesConnectWhatTheyDecorate) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from django.db import models
from shop.decorators import auto_delete_files


@auto_delete_files
class Image(models.Model):
    pass


class Tag(models.Model):
    pass
)py");
  p.Add("shop/decorators.py", R"py(from django.db.models.signals import pre_delete


def delete_files(sender, instance, **kwargs):
    pass


def auto_delete_files(cls):
    pre_delete.connect(delete_files, sender=cls)
    return cls


def search_receiver(signal, sender):
    def decorator(func):
        def wrapped_func(**kwargs):
            return func(**kwargs)
        signal.connect(wrapped_func, sender=sender)
        return func
    return decorator
)py");
  p.Add("shop/handlers.py", R"py(from django.db.models.signals import post_delete, post_save
from shop.decorators import search_receiver
from shop.models import Image, Tag


@search_receiver(post_save, Image)
@search_receiver(post_delete, Image)
def index_image(instance, **kwargs):
    pass


@search_receiver(post_save, sender=Tag)
def index_tag(instance, **kwargs):
    pass
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.db.models.signals.post_delete <- "
            "shop.decorators.search_receiver.decorator.wrapped_func sender=shop.models.Image uid= "
            "builtin via=connect app=shop shop/handlers.py:8\n"
            "django.db.models.signals.post_save <- "
            "shop.decorators.search_receiver.decorator.wrapped_func sender=shop.models.Image uid= "
            "builtin via=connect app=shop shop/handlers.py:8\n"
            "django.db.models.signals.post_save <- "
            "shop.decorators.search_receiver.decorator.wrapped_func sender=shop.models.Tag uid= "
            "builtin via=connect app=shop shop/handlers.py:13\n"
            "django.db.models.signals.pre_delete <- shop.decorators.delete_files "
            "sender=shop.models.Image uid= builtin via=connect app=shop shop/models.py:6\n");
}

// Kitsune: a module-level function that makes a Signal() makes one custom
// signal per module-level name bound to its call.
TEST(FindSignalsGetModelTest, SignalsMadeByAFactoryFunction) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  p.Add("shop/signals.py", R"py(from django.dispatch import Signal


def _signal_with_docs(args, doc):
    signal = Signal()
    signal.__doc__ = doc
    return signal


def helper():
    return 1


badge_awarded = _signal_with_docs(["award"], "Sent when a badge is awarded.")
badge_revoked = _signal_with_docs(["award"], "Sent when a badge is revoked.")
not_a_signal = helper()
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpCustom(found.custom_signals),
            "shop.signals.badge_awarded app=shop shop/signals.py:14 sends=[]\n"
            "shop.signals.badge_revoked app=shop shop/signals.py:15 sends=[]\n");
}

// paperless-ngx and wger: connect used as a decorator, a package's own signal
// (celery.signals, easy_thumbnails.signals) with a handler from that package;
// a `.connect` of something that is no signal stays out.
TEST(FindSignalsConnectDecoratorTest, DecoratorConnectsAndPackageSignalsCount) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  p.Add("shop/handlers.py", R"py(from celery.signals import task_prerun
from django.db import connection
from django.db.models.signals import post_save
from easy_thumbnails.files import generate_all_aliases
from easy_thumbnails.signals import saved_file

from .models import Order


@post_save.connect
def on_any_save(sender, **kwargs):
    pass


@task_prerun.connect(dispatch_uid="prerun")
def before_task(sender=None, **kwargs):
    pass


@connection.connect
def not_a_receiver():
    pass


saved_file.connect(generate_all_aliases)
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "celery.signals.task_prerun <- shop.handlers.before_task sender= "
            "uid=prerun builtin via=connect app=shop shop/handlers.py:15\n"
            "django.db.models.signals.post_save <- shop.handlers.on_any_save sender= uid= "
            "builtin via=connect app=shop shop/handlers.py:10\n"
            "easy_thumbnails.signals.saved_file <- easy_thumbnails.files.generate_all_aliases "
            "sender= uid= builtin via=connect app=shop shop/handlers.py:25\n");
}

// ralph and taiga connect one handler for several models in a loop: one
// receiver per sender; a loop over a call's result stays one receiver.
TEST(FindSignalsConnectDecoratorTest, ConnectInALoopOverModelsIsOneReceiverPerSender) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from django.db import models


class Order(models.Model):
    pass


class Invoice(models.Model):
    pass
)py");
  p.Add("shop/signals.py", R"py(from django.db.models.signals import post_save, pre_delete

from .models import Invoice, Order

AUDITED = [Order, Invoice]


def audit(sender, **kwargs):
    pass


for model in AUDITED:
    post_save.connect(audit, sender=model)

for model in file_models():
    pre_delete.connect(audit, sender=model)
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.db.models.signals.post_save <- shop.signals.audit sender=shop.models.Invoice "
            "uid= builtin via=connect app=shop shop/signals.py:13\n"
            "django.db.models.signals.post_save <- shop.signals.audit sender=shop.models.Order "
            "uid= builtin via=connect app=shop shop/signals.py:13\n"
            "django.db.models.signals.pre_delete <- shop.signals.audit sender=model uid= builtin "
            "via=connect app=shop shop/signals.py:16\n");
}

// reviewboard connects its e-mail handlers from a table, `for signal, handler,
// sender in signal_table: signal.connect(handler, sender=sender)`, in a
// function (9 receivers missed silently); course-discovery loops over
// `(post_save, post_delete)`. One receiver per item, at module level and in
// ready(); a local rebound under a condition is not read.
TEST(FindSignalsConnectDecoratorTest, ConnectInALoopOverATableOfSignalsAndHandlers) {
  SnippetProject p;
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", R"py(from django.db import models


class Order(models.Model):
    pass
)py");
  p.Add("shop/handlers.py", R"py(def on_save(sender, **kwargs):
    pass


def on_delete(sender, **kwargs):
    pass
)py");
  p.Add("shop/signals.py", R"py(from django.db.models.signals import post_delete, post_save

from .handlers import on_delete, on_save
from .models import Order

SIGNAL_TABLE = [(post_save, on_save, Order), (post_delete, on_delete, None)]

for signal, handler, sender in SIGNAL_TABLE:
    signal.connect(handler, sender=sender)
)py");
  p.Add("shop/apps.py", R"py(from django.apps import AppConfig
from django.db.models.signals import pre_delete, pre_save


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        from .handlers import on_delete, on_save

        table = ((pre_save, on_save), (pre_delete, on_delete))
        for signal, handler in table:
            signal.connect(handler, sender="shop.Order")
        for signal in (pre_save, pre_delete):
            signal.connect(on_save)
        if self.extra:
            table = []
        for signal, handler in table:
            signal.connect(handler)
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.db.models.signals.post_delete <- shop.handlers.on_delete sender= uid= "
            "builtin via=connect app=shop shop/signals.py:9\n"
            "django.db.models.signals.post_save <- shop.handlers.on_save sender=shop.models.Order "
            "uid= builtin via=connect app=shop shop/signals.py:9\n"
            "django.db.models.signals.pre_delete <- shop.handlers.on_delete "
            "sender=shop.models.Order uid= builtin via=connect app=shop shop/apps.py:13\n"
            "django.db.models.signals.pre_delete <- shop.handlers.on_save sender= uid= builtin "
            "via=connect app=shop shop/apps.py:15\n"
            "django.db.models.signals.pre_save <- shop.handlers.on_save sender= uid= builtin "
            "via=connect app=shop shop/apps.py:15\n"
            "django.db.models.signals.pre_save <- shop.handlers.on_save "
            "sender=shop.models.Order uid= builtin via=connect app=shop shop/apps.py:13\n");
}

// Kiwi TCMS: handlers in a module outside every app, connected in each app's
// ready(): each receiver belongs to the app that connects it.
TEST(FindSignalsConnectDecoratorTest, HandlerOutsideAppsTakesTheConnectingApp) {
  SnippetProject p;
  p.Add("common/__init__.py", "");
  p.Add("common/handlers.py", "def on_save(sender, **kwargs):\n    pass\n");
  p.Add("shop/__init__.py", "");
  p.Add("shop/models.py", "from django.db import models\n\nclass Order(models.Model):\n    pass\n");
  p.Add("shop/apps.py", R"py(from django.apps import AppConfig
from django.db.models.signals import post_save


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        from common.handlers import on_save

        post_save.connect(on_save, sender="shop.Order")
)py");
  p.Build();
  SignalInventory found = FindSignals(p.index(), p.settings, p.apps(), nullptr);
  EXPECT_EQ(DumpReceivers(found.receivers),
            "django.db.models.signals.post_save <- common.handlers.on_save "
            "sender=shop.models.Order uid= builtin via=connect app=shop shop/apps.py:11\n");
}

}  // namespace
}  // namespace djcost
