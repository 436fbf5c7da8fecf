"""The company's voice in everything memnun sends: e-mails (notifications and accounts) and the
tracking-form PDF show the same name, sender, colours and postal address.

- name: `MEMNUN_SITE_NAME` (env `SITE_NAME`) when set, else the default Wagtail Site's
  *site name* (Settings → Sites), else `WAGTAIL_SITE_NAME`. Never the host name.
- sender: `DEFAULT_FROM_EMAIL`; a bare address gets the name as its display name.
- logo: static/img/logo.png (static/img/logo.svg at 72×72 px, twice its size in the e-mail).
- address: `MEMNUN_COMPANY_ADDRESS` (env `COMPANY_ADDRESS`) when set, else the active
  face-to-face contact channel's address that editors keep in the CMS.
"""

from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import parseaddr
from urllib.parse import urljoin

from django.conf import settings
from django.templatetags.static import static
from wagtail.models import Site

from .models import ContactChannel
from .states import Channel

# The site's own colours (static/css/memnun.css); e-mail clients ignore external CSS.
PRIMARY = "#0b6e4f"
PRIMARY_DARK = "#085a40"
PRIMARY_SOFT = "#e6f2ed"
INK = "#1b2a35"
MUTED = "#5b6b78"
LINE = "#d8e0e6"
BACKGROUND = "#f4f6f8"


@dataclass(frozen=True)
class Brand:
    name: str
    site_url: str
    address: str
    from_email: str

    @property
    def portal_url(self) -> str:
        return f"{self.site_url}/portal/"

    @property
    def logo_url(self) -> str:
        """The PNG logo (mail clients do not show SVG) at an address a mail client can fetch:
        the site's, or the static files' own host when STATIC_URL is absolute."""
        return urljoin(f"{self.site_url}/", static("img/logo.png"))


def site_name() -> str:
    if getattr(settings, "MEMNUN_SITE_NAME", ""):
        return settings.MEMNUN_SITE_NAME
    site = Site.objects.filter(is_default_site=True).values_list("site_name", flat=True).first()
    return site or settings.WAGTAIL_SITE_NAME


def company_address() -> str:
    if getattr(settings, "MEMNUN_COMPANY_ADDRESS", ""):
        return settings.MEMNUN_COMPANY_ADDRESS
    return (
        ContactChannel.objects.filter(is_active=True, kind=Channel.FACE_TO_FACE)
        .exclude(value="")
        .values_list("value", flat=True)
        .first()
        or ""
    )


def from_email(name: str | None = None) -> str:
    """`DEFAULT_FROM_EMAIL`, with the company's name shown when the setting has none."""
    display, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return str(Address(display_name=display or name or site_name(), addr_spec=address))


def brand() -> Brand:
    """Everything a sender needs, read once (two small queries)."""
    name = site_name()
    return Brand(
        name=name,
        site_url=settings.MEMNUN_SITE_URL.rstrip("/"),
        address=company_address(),
        from_email=from_email(name),
    )
