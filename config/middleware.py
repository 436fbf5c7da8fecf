from django.conf import settings
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
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
