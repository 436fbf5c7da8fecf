from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

# Paths outside the Wagtail site: their language comes from the language cookie or the
# browser's Accept-Language, not from a URL prefix (the public site uses / and /en/).
UNPREFIXED_APPS = ("/api/", "/portal/", "/accounts/", "/_allauth/", "/admin/", "/i18n/")


class MemnunLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if request.path_info.startswith(UNPREFIXED_APPS):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language or settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)


# Pages and answers about one person: never kept by a shared cache or the browser's back button.
PRIVATE_AREAS = ("/portal/", "/accounts/", "/_allauth/", "/api/v1/")


class PrivateNoStoreMiddleware:
    """`Cache-Control: private, no-store` on the portal, account pages and the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_AREAS):
            patch_cache_control(response, private=True, no_store=True)
        return response


class InlineCspForAdminMiddleware:
    """Give the Wagtail admin and the API docs the policy that allows their inline scripts and
    styles; every other answer keeps the strict SECURE_CSP. Listed after Django's CSP
    middleware, so the override is set before that middleware writes the header (a view's own
    `csp_override` still wins)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(settings.MEMNUN_CSP_INLINE_ALLOWED_PATHS) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.MEMNUN_CSP_INLINE_ALLOWED
        return response


class DeepJsonMiddleware:
    """JSON nested deeper than Python's parser can follow is bad input (400), not a 500.

    DRF's views have their own parser for this (workflow.api.parsers); this catches the same
    RecursionError from views that call `json.loads` themselves (django-allauth's headless API).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RecursionError) or request.content_type != "application/json":
            return None
        message = gettext("JSON gövdesi çok derin iç içe geçmiş.")
        if request.path_info.startswith("/_allauth/"):
            body = {"status": 400, "errors": [{"message": message, "code": "invalid"}]}
        else:
            body = {"detail": message}
        return JsonResponse(body, status=400)
