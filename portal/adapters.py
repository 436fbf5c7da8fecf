from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.core.mail import EmailMultiAlternatives
from django.utils.translation import get_language

from workflow import branding
from workflow.email_layout import html_email


class AccountAdapter(DefaultAccountAdapter):
    """Customers sign up themselves; staff accounts are created by administrators.

    Account e-mails (verification, password reset, security notices) speak with the company's
    voice like the notifications do: its name in the subject instead of allauth's
    "[host:port]" (Django's RequestSite when `django.contrib.sites` is not installed), sent
    from `DEFAULT_FROM_EMAIL`, text and HTML in the shared e-mail layout.
    """

    def get_login_redirect_url(self, request):
        user = request.user
        if user.is_authenticated and user.is_staff:
            return "/admin/"
        return super().get_login_redirect_url(request)

    def _brand(self) -> branding.Brand:
        return branding.brand()

    def format_email_subject(self, subject: str) -> str:
        return f"[{self._brand().name}] {subject}"

    def get_from_email(self) -> str:
        return self._brand().from_email

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        brand = self._brand()
        # allauth's templates and ours read current_site.name/.domain: the company, not the host
        site = SimpleNamespace(name=brand.name, domain=urlsplit(brand.site_url).netloc)
        user = context.get("user")
        full_name = user.get_full_name().strip() if user is not None else ""
        super().send_mail(
            template_prefix,
            email,
            {"current_site": site, "brand": brand, "greeting_name": full_name, **context},
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        message = super().render_mail(template_prefix, email, context, headers=headers)
        if isinstance(message, EmailMultiAlternatives) and not message.alternatives:
            message.attach_alternative(
                html_email(
                    subject=message.subject.partition("] ")[2] or message.subject,
                    text=message.body,
                    brand=context.get("brand"),
                    language=get_language() or "tr",
                ),
                "text/html",
            )
        return message
