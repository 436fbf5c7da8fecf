"""Headless content API (Wagtail API v2) at /api/v2/: pages, images, documents, preview."""

from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.http import Http404
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages in every language; `?locale=en`, `?type=cms_pages.PolicyPage`,
    `?translation_of=<id>` filter them. Open to everyone, whatever the API v1 defaults are."""

    permission_classes = [AllowAny]


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    permission_classes = [AllowAny]


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    permission_classes = [AllowAny]


class PagePreviewAPIViewSet(PublicPagesAPIViewSet):
    """A draft as the headless front end previews it: `?content_type=app.model&token=...`.

    The token is signed by Wagtail when an editor clicks preview and expires after a day."""

    known_query_parameters = PublicPagesAPIViewSet.known_query_parameters | {
        "content_type",
        "token",
    }

    def listing_view(self, request):
        self.action = "detail_view"  # the draft with all its fields, as a page detail
        page = self.get_object()
        serializer = self.get_serializer(page)
        return Response(serializer.data)

    def detail_view(self, request, pk):
        return self.listing_view(request)

    def get_object(self):
        app_label, _, model = self.request.GET.get("content_type", "").partition(".")
        token = self.request.GET.get("token", "")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        page_model = content_type.model_class()
        if page_model is None or not hasattr(page_model, "get_page_from_preview_token"):
            raise Http404
        try:
            page = page_model.get_page_from_preview_token(token)
        except BadSignature as error:
            raise Http404 from error
        if page is None:
            raise Http404
        return page


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
