"""Site-wide views of the public site: search, language switch, robots.txt, sitemap."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE)
        if not paginator.count:
            # The database backend matches whole words; Turkish suffixes ("Politikası") need
            # the prefix match of the titles' autocomplete index.
            paginator = Paginator(pages.autocomplete(query), SEARCH_RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "cms_pages/search.html", {"search_query": query, "search_results": results}
    )


@require_POST
def switch_language(request):
    """Remember the chosen language and go to the page in that language.

    Unlike Django's `set_language`, the target is not re-translated: the language switcher
    already points at the translated page, whose slug may differ."""
    language = request.POST.get("language", "")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    if language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(target)
    translation.activate(language)
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_GET
def robots_txt(request):
    return TemplateResponse(
        request,
        "cms_pages/robots.txt",
        {"sitemap_url": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists the pages under the site's root page only; translations of
    the home page are its siblings, so every language's tree is listed here."""

    def items(self):
        root = self.get_wagtail_site().root_page
        paths = Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        )
        in_any_tree = Q()
        for path in paths:
            in_any_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
