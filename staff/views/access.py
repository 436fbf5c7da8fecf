"""Who may open the console's complaint pages: complaint staff (in production, having used
their second factor in this session); anyone else gets 403."""

from django.core.exceptions import PermissionDenied

from workflow.rules import has_required_second_factor, is_complaint_staff


class ComplaintStaffRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (is_complaint_staff(user) and has_required_second_factor(user, request.session)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
