// The smallest Django project, written into a TempDir: shared by the CLI and
// robustness tests, which both need a scan that finds one of everything.
#pragma once

#include "support/temp_dir.h"

namespace djcost::testing {

/// The smallest project Django would run: settings, a URLconf with one view,
/// one model and its admin registration (one endpoint, one model, one admin).
inline void WriteTinyProject(const TempDir& dir) {
  dir.Write("manage.py",
            "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_conf.settings')\n");
  dir.Write("site_conf/__init__.py");
  dir.Write("site_conf/settings.py",
            "ROOT_URLCONF = 'site_conf.urls'\n"
            "INSTALLED_APPS = ['django.contrib.admin', 'shop']\n");
  dir.Write("site_conf/urls.py",
            "from django.contrib import admin\n"
            "from django.urls import path\n"
            "from shop import views\n"
            "urlpatterns = [\n"
            "    path('admin/', admin.site.urls),\n"
            "    path('', views.home, name='home'),\n"
            "]\n");
  dir.Write("shop/__init__.py");
  dir.Write("shop/models.py",
            "from django.db import models\n\n"
            "class Book(models.Model):\n"
            "    title = models.CharField(max_length=100)\n");
  dir.Write("shop/admin.py",
            "from django.contrib import admin\nfrom .models import Book\n\n"
            "admin.site.register(Book)\n");
  dir.Write("shop/views.py",
            "from django.shortcuts import render\n\n"
            "def home(request):\n    return render(request, 'home.html')\n");
}

}  // namespace djcost::testing
