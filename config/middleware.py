from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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
