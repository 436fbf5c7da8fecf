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
