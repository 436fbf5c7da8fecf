"""The customer's own data: name and contact preferences (R5), and the download of everything
held about them (KVKK art. 11)."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from workflow import services
from workflow.errors import InvalidInput

from . import forms
from .data_exports import downloadable_exports, latest_export, request_data_export
from .export import profile_data, zip_file_name
from .models import DataExport
from .views import CustomerRequiredMixin

SAVED = _("Bilgileriniz kaydedildi.")
PREPARING = _("Verilerinizi hazırlıyoruz. Hazır olunca size e-posta göndereceğiz.")
ALREADY_PREPARING = _("Verileriniz zaten hazırlanıyor. Hazır olunca size e-posta göndereceğiz.")


class ProfileView(CustomerRequiredMixin, FormView):
    """/portal/profile/: name, phone, preferred contact method, notification language."""

    template_name = "portal/profile.html"
    form_class = forms.ProfileForm

    def get_initial(self):
        return profile_data(self.request.user)

    def form_valid(self, form):
        try:
            services.update_profile(actor=self.request.user, **form.cleaned_data)
        except InvalidInput as error:
            forms.add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, SAVED)
        return redirect("portal:profile")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class MyDataView(CustomerRequiredMixin, TemplateView):
    """/portal/my-data/: what we hold, and the state of the ZIP of it (being prepared, ready
    to download until when, failed); POST asks the worker to prepare a new one."""

    template_name = "portal/my_data.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        export = latest_export(user)
        now = timezone.now()
        return {
            **super().get_context_data(**kwargs),
            "profile": profile_data(user),
            "complaint_count": user.complaints.count(),
            "export": export,
            "downloadable": export is not None
            and export.state == DataExport.State.READY
            and export.expires_at > now,
            "download_days": settings.MEMNUN_DATA_EXPORT_DAYS,
        }

    def post(self, request):
        _export, created = request_data_export(user=request.user, language=get_language() or "tr")
        if created:
            messages.success(request, PREPARING)
        else:
            messages.info(request, ALREADY_PREPARING)
        return redirect("portal:my_data")


class MyDataDownloadView(CustomerRequiredMixin, View):
    """/portal/my-data/export/<id>/download/: the prepared ZIP of `data.json`, the tracking
    forms and the customer's documents, streamed from storage and named in the page's
    language. Another person's, an expired or an unfinished one is a 404."""

    def get(self, request, export_id: int):
        export = get_object_or_404(downloadable_exports(request.user), pk=export_id)
        response = FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=zip_file_name(),
            content_type="application/zip",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
