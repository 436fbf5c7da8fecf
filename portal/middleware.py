"""Staff must have a second factor before they reach complaint data (production settings)."""

import json

from django.http import HttpResponseForbidden
from django.shortcuts import redirect

from workflow.rules import has_required_second_factor

# Where complaint data lives for staff; the account pages stay reachable to set MFA up.
STAFF_AREAS = ("/admin/", "/api/v1/staff/")
MFA_NEEDED = "Staff accounts need two-factor authentication (TOTP)."


class StaffMfaRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path_info.startswith(STAFF_AREAS)
            and request.user.is_authenticated
            and not has_required_second_factor(request.user)
        ):
            if request.path_info.startswith("/api/"):
                return HttpResponseForbidden(
                    json.dumps({"detail": MFA_NEEDED}), content_type="application/json"
                )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
