from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Customers sign up themselves; staff accounts are created by administrators."""

    def get_login_redirect_url(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff:
            return "/admin/"
        return super().get_login_redirect_url(request)
