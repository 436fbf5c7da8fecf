"""The product's URLs plus two reference pages only the benchmark serves:

- `/bench/bare/`: a trivial view behind the same middleware that only reads who is signed in
  (the session and user lookups every signed-in page pays for), the floor every page of
  `benchmarks/pages.py` is compared with;
- `/bench/admin/`: an empty Wagtail admin page (title, breadcrumbs, no content) behind
  Wagtail's own admin-access check: what the console's shell alone costs (the sidebar menu with
  its permission checks, the admin's templates, the user's admin preferences), for reading the
  console pages' figures.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.generic import TemplateView
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from config.urls import *  # noqa: F403
from config.urls import urlpatterns as product_urlpatterns


def bare(request):
    # reads who is signed in, as every page of a signed-in person does (session and user)
    return HttpResponse(
        "ok" if request.user.is_authenticated else "anonymous", content_type="text/plain"
    )


class EmptyAdminPage(WagtailAdminTemplateMixin, TemplateView):
    template_name = "wagtailadmin/generic/base.html"
    page_title = "Benchmark"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/admin/", require_admin_access(EmptyAdminPage.as_view()), name="bench_admin"),
    *product_urlpatterns,
]
