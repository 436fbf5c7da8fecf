"""Oversize request bodies and uploads are refused with 413 before they are read into memory.

- `RequestBodyLimitMiddleware` (first in MIDDLEWARE) refuses a body whose Content-Length is over
  `MEMNUN_MAX_REQUEST_BODY` before anything reads it;
- `UploadSizeLimitHandler` (first in FILE_UPLOAD_HANDLERS) stops a multipart file part as soon
  as it grows past `MEMNUN_MAX_UPLOAD_SIZE`;
- `bad_request` (handler400) answers Django's RequestDataTooBig (a form body over
  DATA_UPLOAD_MAX_MEMORY_SIZE, or a file part stopped above) with 413 instead of 400.

The API and allauth's headless API get JSON, pages get a page, in the caller's language.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.views import defaults

JSON_PATHS = ("/api/", "/_allauth/")


def too_large_response(request) -> HttpResponse:
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_request(
        request, check_path=True
    )
    with translation.override(language):
        message = gettext(
            "İstek çok büyük: gönderilen veri ya da dosya izin verilen boyutu aşıyor."
        )
        if request.path_info.startswith("/_allauth/"):
            body = {"status": 413, "errors": [{"message": message, "code": "too_large"}]}
            return JsonResponse(body, status=413)
        if request.path_info.startswith(JSON_PATHS):
            return JsonResponse({"detail": message}, status=413)
        page = render_to_string(
            "request_too_large.html", {"message": message, "LANGUAGE_CODE": language}
        )
    response = HttpResponse(page, status=413)
    response["Content-Language"] = language
    return response


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads nothing of a body whose length it cannot parse
        if length > settings.MEMNUN_MAX_REQUEST_BODY:
            # answered without reading the body; the server discards the unread rest
            return too_large_response(request)
        return self.get_response(request)


class UploadSizeLimitHandler(FileUploadHandler):
    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.MEMNUN_MAX_UPLOAD_SIZE:
            raise RequestDataTooBig(f"Uploaded file {self.file_name!r} is too large.")
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler (memory or temporary file) keeps the file


def bad_request(request, exception):
    if isinstance(exception, RequestDataTooBig):
        return too_large_response(request)
    return defaults.bad_request(request, exception)
