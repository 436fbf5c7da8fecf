"""Wagtail's login URL (/admin/login/) without a login form of its own.

Everyone signs in through allauth's form (its rate limits and its MFA stage); a password
posted here signs nobody in. Wagtail sends two kinds of visitors here: the signed out, who go
on to allauth's form with their `next`, and the signed in without admin access (customers),
who must not bounce between the two login pages.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext


def admin_login(request):
    if request.user.is_authenticated:
        messages.error(request, gettext("Bu hesabın yönetim paneline erişimi yok."))
        return redirect(settings.LOGIN_REDIRECT_URL)
    query = request.META.get("QUERY_STRING", "")
    login_url = reverse("account_login")
    return redirect(f"{login_url}?{query}" if query else login_url)
