"""Complaint domain data. Thin models: fields, constraints, small properties.

State changes live in `workflow.services`; nothing here moves a complaint.
"""

import secrets
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models.functions import Coalesce, Least
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField

from .localization import localized
from .state_machine import ComplaintStateMachine
from .states import (
    STAFF_INTAKE_CHANNELS,
    Channel,
    ClosureReason,
    ContactMethod,
    DeadlineProfile,
    EventKind,
    InvestigationLevel,
    Language,
    Severity,
    SlaState,
    Status,
    Visibility,
)


class ChoiceLabelsModel(models.Model):
    """`get_<field>_display()` without rebuilding the field's choices on every call.

    Django's own builds a dict of every choice each time, and hashing each lazy label
    translates it: an event's `get_kind_display()` translated some 40 labels to show one (about
    0.1 ms; a timeline of 50 events paid 5 ms). The labels are kept per field, still lazy, so
    each call shows the active language's text."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        labels = field.__dict__.get("_memnun_choice_labels")
        if labels is None:
            labels = field._memnun_choice_labels = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class BilingualNameMixin(ChoiceLabelsModel):
    name_tr = models.CharField(_("ad (Türkçe)"), max_length=200)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=200)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Unit(BilingualNameMixin):
    """A department that resolves complaints (R3)."""

    slug = models.SlugField(unique=True)
    email = models.EmailField(_("birim e-postası"), blank=True)
    is_active = models.BooleanField(default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="complaint_units",
        verbose_name=_("üyeler"),
        help_text=_(
            "Bu birimin şikâyetlerini gören ve işleyen personel ile birim yöneticileri. "
            "Kalite yöneticileri her birimi görür."
        ),
    )

    class Meta:
        ordering = ["name_tr"]
        verbose_name = _("birim")
        verbose_name_plural = _("birimler")


class Category(BilingualNameMixin):
    slug = models.SlugField(unique=True)
    default_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="categories")
    default_severity = models.PositiveSmallIntegerField(choices=Severity, default=Severity.MEDIUM)
    deadline_profile = models.CharField(
        max_length=32, choices=DeadlineProfile, default=DeadlineProfile.ONE_BUSINESS_DAY
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name_tr"]
        verbose_name = _("kategori")
        verbose_name_plural = _("kategoriler")


class AlternativeRoute(ChoiceLabelsModel):
    """An internal or external route the customer may take after rejecting a resolution (R14)."""

    class Kind(models.TextChoices):
        INTERNAL = "internal", _("Kurum içi")
        EXTERNAL = "external", _("Kurum dışı")

    kind = models.CharField(max_length=16, choices=Kind)
    name_tr = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)
    description_tr = models.TextField(blank=True)
    description_en = models.TextField(blank=True)
    url = models.URLField(blank=True)
    deadline_tr = models.CharField(max_length=300, blank=True)
    deadline_en = models.CharField(max_length=300, blank=True)
    categories = models.ManyToManyField(
        Category,
        blank=True,
        related_name="alternative_routes",
        help_text=_("Boş bırakılırsa her kategori için geçerlidir."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["kind", "sort_order", "pk"]
        verbose_name = _("alternatif çözüm yolu")
        verbose_name_plural = _("alternatif çözüm yolları")

    def __str__(self) -> str:
        return self.name_tr


class ContactChannel(ChoiceLabelsModel):
    """How the public reaches the complaints desk: the five intake channels of R2.

    Editors keep the addresses, numbers and hours as a snippet; the public site lists them.
    """

    kind = models.CharField(
        _("kanal"), max_length=16, choices=[(c, Channel(c).label) for c in STAFF_INTAKE_CHANNELS]
    )
    name_tr = models.CharField(_("ad (Türkçe)"), max_length=200)
    name_en = models.CharField(_("ad (İngilizce)"), max_length=200)
    value = models.CharField(
        _("adres / numara"),
        max_length=300,
        blank=True,
        help_text=_("E-posta adresi, telefon numarası, posta adresi ya da hesap adı."),
    )
    url = models.URLField(_("bağlantı"), blank=True)
    hours_tr = models.CharField(_("çalışma saatleri (Türkçe)"), max_length=200, blank=True)
    hours_en = models.CharField(_("çalışma saatleri (İngilizce)"), max_length=200, blank=True)
    note_tr = models.TextField(_("açıklama (Türkçe)"), blank=True)
    note_en = models.TextField(_("açıklama (İngilizce)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sıra"), default=0)
    is_active = models.BooleanField(_("yayında"), default=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("iletişim kanalı")
        verbose_name_plural = _("iletişim kanalları")

    def __str__(self) -> str:
        return self.name_tr

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def hours(self) -> str:
        return localized(self, "hours")

    @property
    def note(self) -> str:
        return localized(self, "note")


class ReferenceCounter(ChoiceLabelsModel):
    """Last complaint number handed out per year (MMN-<year>-<number>)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last_number}"


class CustomerProfile(ChoiceLabelsModel):
    """A customer's contact preferences (R5): how and in which language to reach them.

    The name is the account's own (first and last name); filing reads the rest as defaults.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="customer_profile"
    )
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    preferred_contact_method = models.CharField(
        _("tercih edilen iletişim yolu"),
        max_length=16,
        choices=ContactMethod,
        default=ContactMethod.EMAIL,
    )
    language = models.CharField(
        _("bildirim dili"), max_length=2, choices=Language, default=Language.TR
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("müşteri profili")
        verbose_name_plural = _("müşteri profilleri")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.preferred_contact_method}/{self.language}"


def new_tracking_token() -> str:
    return secrets.token_urlsafe(24)


# An open complaint: `closed_at` is empty exactly while it is open (a check constraint below).
# The dashboard's counts and lists filter on this, the condition of the partial indexes below.
OPEN_COMPLAINT = models.Q(closed_at__isnull=True)
# The earliest deadline a complaint is held to now (R10): the estimated resolution time the
# customer was told, else the first-response due time, and the category's final deadline when
# that is earlier. `selectors.with_due_at` annotates it as `due_at`; the open-complaint indexes
# are built on this same expression, so a panel's "first five" is read from an index in order.
_CLOCK = Coalesce("estimated_resolution_at", "response_due_at")
# True for a closed complaint (workflow.queue.IS_CLOSED, the queue indexes' first expression)
IS_CLOSED = models.ExpressionWrapper(
    models.Q(closed_at__isnull=False), output_field=models.BooleanField()
)
DUE_AT = Least(_CLOCK, Coalesce("final_response_due_at", _CLOCK))


class Complaint(ConcurrentTransitionMixin, ComplaintStateMachine, ChoiceLabelsModel):
    reference = models.CharField(_("başvuru numarası"), max_length=24, unique=True)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("müşteri hesabı"),
        help_text=_("Boş: personelin kaydettiği veya üyeliksiz yapılan başvuru."),
    )
    contact_name = models.CharField(_("ad soyad"), max_length=200)
    contact_email = models.EmailField(_("e-posta"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    preferred_contact_method = models.CharField(
        _("tercih edilen iletişim yolu"), max_length=16, choices=ContactMethod
    )
    channel = models.CharField(_("başvuru kanalı"), max_length=16, choices=Channel)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="complaints", verbose_name=_("kategori")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("birim"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_complaints",
        verbose_name=_("sorumlu personel"),
    )
    subject = models.CharField(_("konu"), max_length=200)
    description = models.TextField(_("açıklama"))
    severity = models.PositiveSmallIntegerField(_("önem"), choices=Severity)
    investigation_level = models.CharField(
        _("inceleme düzeyi"), max_length=16, choices=InvestigationLevel
    )
    status = FSMField(
        _("durum"), max_length=24, choices=Status, default=Status.RECEIVED, protected=True
    )
    language = models.CharField(
        _("iletişim dili"), max_length=2, choices=Language, default=Language.TR
    )
    received_at = models.DateTimeField(_("alınma zamanı"))
    acknowledged_at = models.DateTimeField(_("alındı bildirimi zamanı"), null=True, blank=True)
    response_due_at = models.DateTimeField(
        _("ilk yanıt son zamanı"),
        help_text=_("R10: 1 iş günü; kategorinin kendi süresi daha kısaysa o (ör. 24 saat)."),
    )
    final_response_due_at = models.DateTimeField(
        _("nihai yanıt son zamanı"),
        null=True,
        blank=True,
        help_text=_("Kategorinin nihai yanıt için yasal süresi (ör. KVKK başvurusu: 30 gün)."),
    )
    estimated_resolution_at = models.DateTimeField(_("tahmini çözüm zamanı"), null=True, blank=True)
    estimate_communicated_at = models.DateTimeField(
        _("tahminin bildirildiği zaman"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("kapanış zamanı"), null=True, blank=True)
    closure_reason = models.CharField(
        _("kapanış nedeni"), max_length=16, choices=ClosureReason, blank=True
    )
    sla_state = models.CharField(
        _("süre durumu"), max_length=16, choices=SlaState, default=SlaState.ON_TRACK
    )
    policy_version = models.PositiveIntegerField(
        _("politika sürümü"),
        null=True,
        blank=True,
        help_text=_("Başvuru anında yürürlükte olan politika sürümü."),
    )
    # R14 four eyes: a final decision waits here for a second manager's approval; the
    # complaint stays `rejected` and the customer hears nothing until it is approved.
    final_decision_text = models.TextField(_("onay bekleyen nihai karar"), blank=True, default="")
    final_decision_proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nihai kararı öneren"),
    )
    final_decision_proposed_at = models.DateTimeField(
        _("nihai kararın önerildiği zaman"), null=True, blank=True
    )
    # What the pages and answers read of the proposals, kept on the row by the services that
    # write proposals (`services.staff.new_proposal`, `services.customer.rejected`) so that no
    # query of the proposals is needed: the newest proposal (`selectors.current_proposal`),
    # and whether any proposal was ever rejected (`selectors.routes_stage`, R14).
    newest_proposal = models.ForeignKey(
        "ResolutionProposal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("en yeni çözüm önerisi"),
    )
    proposal_rejected = models.BooleanField(
        _("bir öneri reddedildi"), default=False, editable=False
    )
    tracking_token = models.CharField(
        _("takip anahtarı"), max_length=64, unique=True, default=new_tracking_token
    )
    created_at = models.DateTimeField(_("kayıt zamanı"), auto_now_add=True)
    updated_at = models.DateTimeField(_("son değişiklik"), auto_now=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("şikâyet")
        verbose_name_plural = _("şikâyetler")
        permissions = [
            ("handle_complaint", _("Şikâyetleri işleyebilir (personel)")),
            ("review_process", _("Süreci ve raporları inceleyebilir (yönetici)")),
            (
                "manage_unit",
                _("Birimindeki şikâyetleri yeniden atayabilir, nihai kararı onaylayabilir"),
            ),
            (
                "manage_quality",
                _("Her birimi görür; düzeltici faaliyetleri ve onayları yönetir"),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-received_at"], name="complaint_status_idx"),
            models.Index(fields=["customer", "-received_at"], name="complaint_customer_idx"),
            models.Index(fields=["unit", "status"], name="complaint_unit_status_idx"),
            models.Index(fields=["category", "received_at"], name="complaint_category_idx"),
            models.Index(fields=["sla_state", "status"], name="complaint_sla_idx"),
            # the staff queue (workflow.queue): open ones first, then the earliest response
            # deadline, in every scope and filter it is read with; a page reads its index in
            # order and stops (the first expression is workflow.queue.IS_CLOSED)
            models.Index(
                IS_CLOSED, "response_due_at", "received_at", "id", name="complaint_due_idx"
            ),
            *[
                models.Index(field, IS_CLOSED, "response_due_at", name=f"complaint_{name}_due_idx")
                for field, name in (
                    ("unit", "unit"),
                    ("status", "status"),
                    ("sla_state", "sla"),
                    ("assignee", "assignee"),
                )
            ],
            models.Index(fields=["received_at", "id"], name="complaint_received_idx"),
            # the dashboard panels (selectors.dashboard_queues): open complaints only (a few
            # percent of the table), in due-time order; the trailing columns (the unit of a
            # handler's scope...) let PostgreSQL count from the index alone
            *[
                models.Index(*keys, condition=condition, name=name)
                for name, keys, condition in (
                    (
                        "complaint_open_assignee_idx",
                        ("assignee", DUE_AT, "id", "unit"),
                        OPEN_COMPLAINT,
                    ),
                    (
                        "complaint_open_unassigned_idx",
                        (DUE_AT, "id", "unit"),
                        OPEN_COMPLAINT & models.Q(assignee__isnull=True),
                    ),
                    (
                        "complaint_open_sla_idx",
                        ("sla_state", DUE_AT, "id", "unit"),
                        OPEN_COMPLAINT,
                    ),
                    (
                        "complaint_rejected_idx",
                        (DUE_AT, "id", "unit", "final_decision_proposed_at"),
                        models.Q(status="rejected"),
                    ),
                )
            ],
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(severity__gte=1, severity__lte=4),
                name="complaint_severity_1_to_4",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="closed", closed_at__isnull=False)
                    & ~models.Q(closure_reason="")
                )
                | (~models.Q(status="closed") & models.Q(closed_at__isnull=True)),
                name="complaint_closed_fields_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED

    @property
    def has_pending_final_decision(self) -> bool:
        return self.final_decision_proposed_at is not None


class ComplaintEvent(ChoiceLabelsModel):
    """Append-only record of everything that happened to a complaint (R4, R8, R12).

    Each row stores the hash of the previous row of the same complaint and its own hash,
    so editing or deleting a row breaks the chain (`workflow.audit.verify_chain`).
    """

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    sequence = models.PositiveIntegerField()
    kind = models.CharField(max_length=24, choices=EventKind)
    from_status = models.CharField(max_length=24, choices=Status, blank=True)
    to_status = models.CharField(max_length=24, choices=Status, blank=True)
    visibility = models.CharField(max_length=16, choices=Visibility, default=Visibility.CUSTOMER)
    text = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    actor_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["complaint_id", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "sequence"], name="event_sequence_unique_per_complaint"
            )
        ]
        verbose_name = _("olay")
        verbose_name_plural = _("olaylar")

    def __str__(self) -> str:
        return f"{self.complaint_id}#{self.sequence} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("ComplaintEvent rows are append-only.")
        super().save(*args, **kwargs)


def attachment_storage():
    return storages["attachments"]


def attachment_path(instance: "Attachment", filename: str) -> str:
    # a random name without extension: nothing the customer chose ever reaches the file system
    return f"attachments/{instance.complaint_id}/{uuid.uuid4().hex}"


class Attachment(ChoiceLabelsModel):
    """A document added to a complaint (evidence, an e-mail, a photo), by either side.

    Stored under a random name in the "attachments" storage, never served by URL: only the
    complainant and complaint staff download it, through permission-checked views.
    """

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=attachment_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("dosya adı"), max_length=200)
    size = models.PositiveBigIntegerField(_("boyut (bayt)"))
    content_type = models.CharField(_("içerik türü"), max_length=100)
    visibility = models.CharField(max_length=16, choices=Visibility, default=Visibility.CUSTOMER)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    event = models.OneToOneField(
        ComplaintEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachment"
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("ek")
        verbose_name_plural = _("ekler")

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.original_name}"


class InformationRequest(ChoiceLabelsModel):
    """A question staff asked the complainant while investigating (R7)."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="information_requests"
    )
    question = models.TextField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    asked_at = models.DateTimeField()
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["asked_at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.question[:50]}"


class ResolutionProposal(ChoiceLabelsModel):
    """A decision or action proposed to the complainant (R12, R13, R14)."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Yanıt bekleniyor")
        ACCEPTED = "accepted", _("Kabul edildi")
        REJECTED = "rejected", _("Reddedildi")
        SUPERSEDED = "superseded", _("Yerine yenisi önerildi")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="proposals")
    text = models.TextField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    proposed_at = models.DateTimeField()
    decision = models.CharField(max_length=16, choices=Decision, default=Decision.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)
    routes_offered = models.ManyToManyField(AlternativeRoute, blank=True, related_name="+")
    implemented_at = models.DateTimeField(null=True, blank=True)
    implementation_note = models.TextField(blank=True)

    class Meta:
        ordering = ["proposed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.text[:50]} ({self.decision})"


class RouteApplication(ChoiceLabelsModel):
    """The customer's own record: "I applied to X on <date>, reference Y" (R14)."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="route_applications"
    )
    route = models.ForeignKey(AlternativeRoute, on_delete=models.PROTECT, related_name="+")
    applied_on = models.DateField()
    external_reference = models.CharField(max_length=100, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.route_id} {self.applied_on}"


class CorrectiveAction(ChoiceLabelsModel):
    """Correction, corrective or preventive action defined after investigation (R9)."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Düzeltme")
        CORRECTIVE = "corrective", _("Düzeltici faaliyet")
        PREVENTIVE = "preventive", _("Önleyici faaliyet")

    class State(models.TextChoices):
        OPEN = "open", _("Açık")
        DONE = "done", _("Tamamlandı")
        VERIFIED = "verified", _("Etkinliği doğrulandı")

    kind = models.CharField(max_length=16, choices=Kind)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)

    class Effectiveness(models.TextChoices):
        EFFECTIVE = "effective", _("Etkili")
        NOT_EFFECTIVE = "not_effective", _("Etkili değil")

    state = models.CharField(max_length=16, choices=State, default=State.OPEN)
    effectiveness_check = models.TextField(_("etkinlik kontrolü notu"), blank=True)
    effectiveness_result = models.CharField(
        _("etkinlik kontrolü sonucu"), max_length=16, choices=Effectiveness, blank=True
    )
    effectiveness_checked_on = models.DateField(
        _("etkinlik kontrolü tarihi"), null=True, blank=True
    )
    effectiveness_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,  # set by `record_effectiveness_check`, never typed in
    )
    complaints = models.ManyToManyField(Complaint, related_name="corrective_actions")
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("düzeltici/önleyici faaliyet")
        verbose_name_plural = _("düzeltici/önleyici faaliyetler")
        # the console's overdue list and dashboard count: open actions past their due date
        indexes = [models.Index(fields=["state", "due_date"], name="corrective_overdue_idx")]

    def __str__(self) -> str:
        return self.title


class SatisfactionSurvey(ChoiceLabelsModel):
    """The customer's satisfaction with the resolution and with the process (R11, R15)."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="survey")
    resolution_score = models.PositiveSmallIntegerField()
    process_score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(resolution_score__gte=1, resolution_score__lte=5)
                & models.Q(process_score__gte=1, process_score__lte=5),
                name="survey_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.resolution_score}/{self.process_score}"


class Notification(ChoiceLabelsModel):
    """Outbox row: written in the same transaction as the change, sent by the task worker."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-posta")

    class State(models.TextChoices):
        PENDING = "pending", _("Bekliyor")
        SENT = "sent", _("Gönderildi")
        FAILED = "failed", _("Başarısız, yeniden denenecek")
        DEAD = "dead", _("Vazgeçildi")

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_email = models.EmailField()
    channel = models.CharField(max_length=16, choices=Channel, default=Channel.EMAIL)
    template = models.CharField(max_length=64)
    context = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=2, choices=Language, default=Language.TR)
    status = models.CharField(max_length=16, choices=State, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notification_due_idx")]
        verbose_name = _("bildirim")
        verbose_name_plural = _("bildirimler")

    def __str__(self) -> str:
        return f"{self.template} → {self.recipient_email} ({self.status})"
