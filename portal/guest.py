"""Complaining without an account (R2, the public web form), following the complaint by the
tracking link we e-mail (R8), and claiming it into an account later.

The public site's complaint-form page embeds the same form (`{% guest_complaint_form %}`,
portal/templatetags/portal_guest.py) and posts here: `cms_pages` never calls the services.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from wagtail.views import serve as serve_wagtail_page

from workflow import services
from workflow.api.downloads import attachment_response
from workflow.errors import ComplaintNotFound, InvalidInput, NotPermitted, TransitionNotAllowed
from workflow.localization import channel_text
from workflow.selectors import (
    complaint_for_tracking_token,
    customer_visible_attachments,
    events_for_customer,
    public_contact_channels,
)
from workflow.timeline import CUSTOMER, route_names_for, timeline_entry

from . import forms
from .throttles import GuestFilingAddressThrottle, GuestFilingThrottle, refuse_if_throttled
from .views import next_step

# What the thanks page shows after the redirect; the tracking token never goes here.
SESSION_KEY = "portal_guest_complaint"
# A failed post, for `{% guest_complaint_form %}` on the CMS page it came from (request attrs).
BOUND_FORM = "memnun_guest_complaint_form"
BOUND_FORM_SHOWN = "memnun_guest_complaint_form_shown"


def local_path(request, url: str) -> str:
    """`url` as a path on this site, or "" for anything else (no open redirect)."""
    if not url or not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path if path.startswith("/") and not path.startswith("//") else ""


def home_path() -> str:
    return "/en/" if translation.get_language() == "en" else "/"


def use_posted_language(request) -> None:
    """The form says which language the page it was on spoke (/en/... posts here, outside the
    language prefix): errors, the complaint and its e-mails use that language."""
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES):
        translation.activate(language)
        request.LANGUAGE_CODE = language


def guest_form_context(request, form, *, return_to: str = "") -> dict:
    """What `portal/_guest_complaint_form.html` needs; shared with the template tag."""
    return {
        "form": form,
        "action": reverse("portal:guest_file"),
        "return_to": local_path(request, return_to),
        "language": translation.get_language(),
        "request": request,
    }


def page_with_errors(request, form, return_to: str):
    """The public-site page the form was posted from, served again with the failed form in it,
    so the visitor keeps that page's layout and privacy notice; None when `return_to` is not a
    Wagtail page that shows the form (the form's own page is shown then)."""
    path = urlsplit(return_to).path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.func is not serve_wagtail_page:
        return None  # never run any other view with this post
    setattr(request, BOUND_FORM, form)
    try:
        response = serve_wagtail_page(request, *match.args, **match.kwargs)
    except Http404:
        return None
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200 or not getattr(request, BOUND_FORM_SHOWN, False):
        return None
    return response


class GuestFileView(FormView):
    """File a complaint without an account; the tracking link goes to the given address."""

    template_name = "portal/guest_complaint_form.html"
    form_class = forms.GuestComplaintForm

    def post(self, request, *args, **kwargs):
        use_posted_language(request)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        return {
            **context,
            **guest_form_context(
                self.request, context["form"], return_to=source.get("return_to", "")
            ),
        }

    def form_invalid(self, form):
        return_to = local_path(self.request, self.request.POST.get("return_to", ""))
        return (
            return_to and page_with_errors(self.request, form, return_to)
        ) or super().form_invalid(form)

    def form_valid(self, form):
        # Only a valid form e-mails anyone: limit those per sender and per recipient address.
        refused = refuse_if_throttled(
            self.request,
            self,
            [GuestFilingThrottle, GuestFilingAddressThrottle],
            back_url=local_path(self.request, self.request.POST.get("return_to", ""))
            or home_path(),
        )
        if refused:
            return refused
        data = form.cleaned_data
        try:
            complaint = services.file_complaint(
                actor=None,
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                contact_phone=data["phone"],
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                preferred_contact_method=data["preferred_contact_method"],
                language=translation.get_language(),
                attachments=data["attachments"],
            )
        except InvalidInput as error:
            forms.add_service_errors(form, error)
            return self.form_invalid(form)
        self.request.session[SESSION_KEY] = {
            "reference": complaint.reference,
            "email": complaint.contact_email,
            "return_to": local_path(self.request, self.request.POST.get("return_to", "")),
            "language": complaint.language,
        }
        return redirect("portal:guest_thanks")


class GuestThanksView(View):
    """The reference and where the tracking link went (never the link itself)."""

    def get(self, request):
        filed = request.session.get(SESSION_KEY)
        if not filed:
            return redirect("portal:guest_file")
        translation.activate(filed["language"])  # the language the complaint was filed in
        request.LANGUAGE_CODE = filed["language"]
        context = {**filed, "back_url": filed["return_to"] or home_path()}
        return render(request, "portal/guest_thanks.html", context)


def private_page(response):
    """The token in the URL is the key: keep it out of search engines and out of the Referer
    sent to other sites. `same-origin`, not `no-referrer`: under `no-referrer` browsers send
    `Origin: null` with the page's own claim form, and the CSRF check refuses it."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response


def tracking_link_not_found(request):
    """404 for an unknown tracking link (mistyped, or it changed when the complaint was added
    to an account), rendered by the product even with DEBUG on: our e-mails lead here, so a
    reader learns what to do next instead of meeting Django's technical page."""
    my_complaints = reverse("portal:complaints")
    context = {
        "login_url": f"{reverse('account_login')}?{urlencode({'next': my_complaints})}",
        "channels": [channel_text(channel) for channel in public_contact_channels()],
    }
    return private_page(render(request, "portal/track_not_found.html", context, status=404))


@method_decorator(never_cache, name="dispatch")
class TrackView(View):
    """R8: the complaint as its complainant sees it, by tracking link, without signing in.

    Read-only: the only thing offered is to claim it into an account.
    """

    def get(self, request, token):
        complaint = complaint_for_tracking_token(token)
        if complaint is None:
            return tracking_link_not_found(request)
        events = list(events_for_customer(complaint))
        # the category's routes, so a route record in the timeline keeps its name
        routes_by_pk = route_names_for(complaint, events)
        track_url = reverse("portal:track", args=[token])
        context = {
            "complaint": complaint,
            "timeline": [
                timeline_entry(event, audience=CUSTOMER, user=request.user, routes=routes_by_pk)
                for event in events
            ],
            "next_step": next_step(complaint),
            "attachments": customer_visible_attachments(complaint),
            "token": token,
            "login_url": f"{reverse('account_login')}?{urlencode({'next': track_url})}",
            "signup_url": f"{reverse('account_signup')}?{urlencode({'next': track_url})}",
        }
        return private_page(render(request, "portal/track.html", context))


@method_decorator(never_cache, name="dispatch")
class TrackAttachmentView(View):
    """A document of the complaint, for whoever holds its tracking link (the complainant)."""

    def get(self, request, token, attachment_id):
        complaint = complaint_for_tracking_token(token)
        if complaint is None:
            return tracking_link_not_found(request)
        attachment = next(
            (a for a in customer_visible_attachments(complaint) if a.pk == attachment_id), None
        )
        if attachment is None:
            raise Http404
        return private_page(attachment_response(attachment))


class ClaimView(LoginRequiredMixin, View):
    """Claim a complaint filed without an account into the signed-in customer's account."""

    http_method_names = ["post"]

    def handle_no_permission(self):
        # after signing in, back to the tracking page: the claim itself is a POST
        return redirect_to_login(reverse("portal:track", args=[self.kwargs["token"]]))

    def post(self, request, token):
        if complaint_for_tracking_token(token) is None:
            return tracking_link_not_found(request)
        try:
            complaint = services.claim_complaint(actor=request.user, tracking_token=token)
        except (InvalidInput, NotPermitted, ComplaintNotFound, TransitionNotAllowed) as error:
            messages.error(request, error.message)
            return redirect("portal:track", token=token)
        messages.success(
            request,
            gettext("%(reference)s numaralı şikâyet artık hesabınızda.")
            % {"reference": complaint.reference},
        )
        return redirect("portal:detail", reference=complaint.reference)
