from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from portal.api import CategoryViewSet, CustomerComplaintViewSet
from portal.me_api import MeExportView, MeView
from portal.pdf_views import TrackingFormAPIView
from staff.api import StaffComplaintViewSet, StaffUnitViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("complaints", CustomerComplaintViewSet, basename="complaint")
router.register("categories", CategoryViewSet, basename="category")
router.register("staff/complaints", StaffComplaintViewSet, basename="staff-complaint")
router.register("staff/units", StaffUnitViewSet, basename="staff-unit")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("complaints/<str:reference>/tracking-form.pdf", TrackingFormAPIView.as_view()),
    path("me/", MeView.as_view(), name="api-me"),
    path("me/export/", MeExportView.as_view(), name="api-me-export"),
    *router.urls,
]
