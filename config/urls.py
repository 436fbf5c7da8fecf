from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms_pages import views as cms_views
from cms_pages.api import api_router
from config.admin_login import admin_login
from workflow.views import healthz

handler400 = "config.request_limits.bad_request"  # RequestDataTooBig → 413

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # One login form for everyone: allauth's (rate limits, MFA stage). Wagtail's own login
    # form would accept a password alone, so /admin/login/ only forwards, GET or POST.
    path("admin/login/", admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/v1/", include("config.api_urls")),
    path("api/v2/", api_router.urls),
    path("i18n/switch/", cms_views.switch_language, name="switch_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": cms_views.AllLanguagesSitemap}}),
    path("portal/", include("portal.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves the public site: Turkish at /, English at /en/.
urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
