import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _


class TrackingForm(models.Model):
    """A rendered "Complaint and Tracking Form" PDF (R8), one per complaint and language.

    Rendered by the task worker (portal.tasks) and served until the complaint changes: it is
    current while `version` equals `portal.tracking_forms.version_of(complaint)`.
    """

    complaint = models.ForeignKey(
        "workflow.Complaint", on_delete=models.CASCADE, related_name="tracking_forms"
    )
    language = models.CharField(_("dil"), max_length=8)
    version = models.CharField(_("sürüm"), max_length=64)
    pdf = models.BinaryField()
    rendered_at = models.DateTimeField(_("oluşturulma zamanı"))

    class Meta:
        verbose_name = _("takip formu")
        verbose_name_plural = _("takip formları")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "language"], name="one_tracking_form_per_language"
            )
        ]

    def __str__(self):
        return f"{self.complaint_id} {self.language} {self.version}"


def data_export_storage():
    return storages["data_exports"]


def data_export_path(instance: "DataExport", filename: str) -> str:
    # a random name: the archive is reached only through the owner's download view
    return f"data-exports/{uuid.uuid4().hex}.zip"


class DataExport(models.Model):
    """A customer's request for everything held about them (KVKK art. 11) as a ZIP.

    Built by the task worker (portal.tasks.prepare_data_export), kept in the private
    "data_exports" storage until `expires_at`, then deleted by `expire_data_exports`.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Hazırlanıyor")
        READY = "ready", _("Hazır")
        FAILED = "failed", _("Hazırlanamadı")
        EXPIRED = "expired", _("Süresi doldu")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    language = models.CharField(_("dil"), max_length=8)
    state = models.CharField(_("durum"), max_length=16, choices=State, default=State.PENDING)
    file = models.FileField(
        storage=data_export_storage, upload_to=data_export_path, max_length=200, blank=True
    )
    size = models.PositiveBigIntegerField(_("boyut (bayt)"), null=True, blank=True)
    created_at = models.DateTimeField(_("istenme zamanı"))
    ready_at = models.DateTimeField(_("hazır olma zamanı"), null=True, blank=True)
    expires_at = models.DateTimeField(_("son indirme zamanı"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("veri dışa aktarımı")
        verbose_name_plural = _("veri dışa aktarımları")
        constraints = [
            # a second request while one is being prepared starts nothing (portal.data_exports)
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state="pending"),
                name="one_pending_data_export_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.state} {self.created_at:%Y-%m-%d %H:%M}"
