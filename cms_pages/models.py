"""Page types of the public site (R1, R2, R14, R15 public half).

Every page type is translatable (Wagtail i18n + wagtail-localize), searchable and exposed in
the headless API (`/api/v2/pages/`) through `api_fields`. Domain data (contact channels,
alternative routes, statistics) is read from `workflow` through its read-only selectors.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageLogEntry
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings

from workflow.localization import channel_text, localized, route_text
from workflow.selectors import public_alternative_routes, public_contact_channels
from workflow.statistics import public_statistics_cached

from .blocks import RICH_TEXT_FEATURES, ContentStreamBlock, FAQStreamBlock, StepBlock
from .groups import policy_workflow
from .permissions import PolicyPagePermissionTester

HEADLESS_PREVIEW_MODE = "headless"


def contact_channels(language: str) -> list[dict]:
    """The intake channels (R2) in one shape for the home page, the contact page and the API."""
    return [channel_text(channel, language) for channel in public_contact_channels()]


class SitePage(HeadlessPreviewMixin, Page):
    """What every public page has: an intro, search fields, API fields, both previews."""

    intro = models.TextField(_("giriş"), blank=True, max_length=600)

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro"), APIField("language"), APIField("translations")]

    class Meta:
        abstract = True

    @property
    def language(self) -> str:
        return self.locale.language_code

    @property
    def translations(self) -> list[dict]:
        """The same page in the other languages (id, language, title, url) for a front end."""
        return [
            {
                "id": page.pk,
                "language": page.locale.language_code,
                "title": page.title,
                "url": page.url,
            }
            for page in self.get_translations().live().select_related("locale")
        ]

    # The site's own preview always works; a separate front end when one is configured.
    @property
    def preview_modes(self):
        modes = [("", _("Site"))]
        if headless_preview_settings.CLIENT_URLS:
            modes.append((HEADLESS_PREVIEW_MODE, _("Ayrı ön yüz (headless)")))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_PREVIEW_MODE and headless_preview_settings.CLIENT_URLS:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        return Page.serve_preview(self, request, mode_name)


class LeafPage(SitePage):
    """A page of the site with no subpages, under the home page or a content page."""

    parent_page_types = ["cms_pages.HomePage", "cms_pages.ContentPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True


class HomePage(SitePage):
    hero_title = models.CharField(_("karşılama başlığı"), max_length=200)
    hero_text = models.TextField(_("karşılama metni"), blank=True, max_length=600)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("içerik"))

    parent_page_types = ["wagtailcore.Page"]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    content_panels = [
        *SitePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Karşılama")
        ),
        FieldPanel("body"),
    ]
    api_fields = [
        *SitePage.api_fields,
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("ana sayfa")
        verbose_name_plural = _("ana sayfalar")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["channels"] = contact_channels(self.locale.language_code)
        return context


class ContentPage(SitePage):
    """A general page: About us, Vision and mission, other policies."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("içerik"))

    parent_page_types = ["cms_pages.HomePage", "cms_pages.ContentPage"]
    search_fields = [*SitePage.search_fields, index.SearchField("body")]
    content_panels = [*SitePage.content_panels, FieldPanel("body")]
    api_fields = [*SitePage.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("içerik sayfası")
        verbose_name_plural = _("içerik sayfaları")


class PolicyPage(LeafPage):
    """The customer-satisfaction policy (R1). Every published revision is a policy version;
    a complaint records the version in force when it was filed (`policy_version_in_force`).
    Publishing goes through the approval workflow: editors submit, approvers publish."""

    body = StreamField(ContentStreamBlock(), verbose_name=_("politika metni"))

    search_fields = [*SitePage.search_fields, index.SearchField("body")]
    content_panels = [*SitePage.content_panels, FieldPanel("body")]
    api_fields = [
        *SitePage.api_fields,
        APIField("body"),
        APIField("version"),
        APIField("version_number"),
        APIField("last_published_at"),
    ]

    class Meta:
        verbose_name = _("memnuniyet politikası sayfası")
        verbose_name_plural = _("memnuniyet politikası sayfaları")

    def permissions_for_user(self, user):
        return PolicyPagePermissionTester(user, self)

    def get_workflow(self):
        # Every policy page, wherever it sits in the tree, needs approval to be published.
        return policy_workflow() or super().get_workflow()

    @property
    def version(self) -> int | None:
        """The published revision's id: what a complaint records (unique, never reused)."""
        return self.live_revision_id

    @cached_property
    def version_number(self) -> int | None:
        """1 for the first published text of this page, 2 for the next, and so on."""
        if not self.live_revision_id:
            return None
        return (
            PageLogEntry.objects.filter(
                page=self, action="wagtail.publish", revision_id__lte=self.live_revision_id
            )
            .values("revision_id")
            .distinct()
            .count()
        ) or 1


class ProcessPage(LeafPage):
    """How complaints are handled: the steps with their deadlines, and the routes (R14)."""

    steps = StreamField([("step", StepBlock())], verbose_name=_("adımlar"))
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("içerik"))

    search_fields = [*SitePage.search_fields, index.SearchField("steps"), index.SearchField("body")]
    content_panels = [*SitePage.content_panels, FieldPanel("steps"), FieldPanel("body")]
    api_fields = [
        *SitePage.api_fields,
        APIField("steps"),
        APIField("body"),
        APIField("alternative_routes"),
    ]

    class Meta:
        verbose_name = _("şikâyet süreci sayfası")
        verbose_name_plural = _("şikâyet süreci sayfaları")

    @property
    def alternative_routes(self) -> list[dict]:
        language = self.locale.language_code
        return [
            {
                **route_text(route, language),
                "categories": [localized(c, "name", language) for c in route.categories.all()],
            }
            for route in public_alternative_routes()
        ]


class ComplaintFormPage(LeafPage):
    """Guest filing without an account; the form posts to the portal, which files the
    complaint through the workflow service and e-mails a tracking link."""

    privacy_notice = RichTextField(
        _("aydınlatma metni (KVKK)"), features=RICH_TEXT_FEATURES, blank=True
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("içerik"))

    max_count_per_parent = 1
    search_fields = [*SitePage.search_fields, index.SearchField("body")]
    content_panels = [*SitePage.content_panels, FieldPanel("privacy_notice"), FieldPanel("body")]
    api_fields = [*SitePage.api_fields, APIField("privacy_notice"), APIField("body")]

    class Meta:
        verbose_name = _("şikâyet formu sayfası")
        verbose_name_plural = _("şikâyet formu sayfaları")


class FAQPage(LeafPage):
    questions = StreamField(FAQStreamBlock(), verbose_name=_("sorular"))

    search_fields = [*SitePage.search_fields, index.SearchField("questions")]
    content_panels = [*SitePage.content_panels, FieldPanel("questions")]
    api_fields = [*SitePage.api_fields, APIField("questions")]

    class Meta:
        verbose_name = _("sık sorulan sorular sayfası")
        verbose_name_plural = _("sık sorulan sorular sayfaları")


class ContactPage(LeafPage):
    """The five intake channels of R2 (snippets kept by editors), with addresses and hours."""

    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("içerik"))

    search_fields = [*SitePage.search_fields, index.SearchField("body")]
    content_panels = [*SitePage.content_panels, FieldPanel("body")]
    api_fields = [*SitePage.api_fields, APIField("body"), APIField("channels")]

    class Meta:
        verbose_name = _("iletişim kanalları sayfası")
        verbose_name_plural = _("iletişim kanalları sayfaları")

    @property
    def channels(self) -> list[dict]:
        return contact_channels(self.locale.language_code)


class StatisticsPage(LeafPage):
    """Public, anonymised figures (R15): small counts are suppressed, no personal data."""

    months = models.PositiveSmallIntegerField(
        _("kaç ay"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("açıklama"))

    search_fields = [*SitePage.search_fields, index.SearchField("body")]
    content_panels = [*SitePage.content_panels, FieldPanel("months"), FieldPanel("body")]
    api_fields = [*SitePage.api_fields, APIField("months"), APIField("body"), APIField("figures")]

    class Meta:
        verbose_name = _("istatistik sayfası")
        verbose_name_plural = _("istatistik sayfaları")

    @property
    def figures(self) -> dict:
        return public_statistics_cached(months=self.months).as_dict()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.figures
        return context
