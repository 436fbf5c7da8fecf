"""The customer's own data: name and contact preferences (R5), and the download of everything
held about them (KVKK art. 11)."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from workflow import services
from workflow.errors import InvalidInput

from . import forms
from .export import personal_data_zip, profile_data, zip_file_name
from .views import CustomerRequiredMixin

SAVED = _("Bilgileriniz kaydedildi.")


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
    """/portal/my-data/: what we hold, and the button that downloads it."""

    template_name = "portal/my_data.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "profile": profile_data(user),
            "complaint_count": user.complaints.count(),
        }


class MyDataDownloadView(CustomerRequiredMixin, View):
    """/portal/my-data/download/: a ZIP of `data.json`, the tracking forms and the customer's
    documents, named in the page's language."""

    def get(self, request):
        response = FileResponse(
            personal_data_zip(request.user, get_language() or "tr"),
            as_attachment=True,
            filename=zip_file_name(),
            content_type="application/zip",
        )
        response["Cache-Control"] = "private, no-store"
        return response
