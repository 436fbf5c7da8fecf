"""Staff must have used a second factor in this session before they reach complaint data
(production settings)."""

import json
from urllib.parse import urlencode

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workflow.rules import has_required_second_factor, has_second_factor_set_up

# Where complaint data lives for staff; the account pages stay reachable to set MFA up.
STAFF_AREAS = ("/admin/", "/api/v1/staff/")
MFA_NEEDED = _(
    "Personel hesaplarının bu oturumda iki adımlı doğrulamayı (TOTP) tamamlaması gerekir."
)


class StaffMfaRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(STAFF_AREAS)
            and request.user.is_authenticated
            and not has_required_second_factor(request.user, request.session)
        ):
            if request.path_info.startswith("/api/"):
                return HttpResponseForbidden(
                    json.dumps({"detail": str(MFA_NEEDED)}), content_type="application/json"
                )
            if not has_second_factor_set_up(request.user):
                return redirect("mfa_activate_totp")
            # signed in with the password alone: enter a code, then back to where they were
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
        return self.get_response(request)
