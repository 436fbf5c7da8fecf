"""The vocabulary of the complaint domain: states, channels, kinds (DESIGN.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Alındı")
    ACKNOWLEDGED = "acknowledged", _("Alındığı bildirildi")
    INVESTIGATING = "investigating", _("İnceleniyor")
    AWAITING_CUSTOMER = "awaiting_customer", _("Müşteriden bilgi bekleniyor")
    RESOLUTION_PROPOSED = "resolution_proposed", _("Çözüm önerildi")
    REJECTED = "rejected", _("Çözüm reddedildi")
    IMPLEMENTING = "implementing", _("Çözüm uygulanıyor")
    CLOSED = "closed", _("Kapatıldı")


OPEN_STATUSES = [s.value for s in Status if s != Status.CLOSED]


class ClosureReason(models.TextChoices):
    RESOLVED = "resolved", _("Çözüldü")
    FINAL_DECISION = "final_decision", _("Nihai karar")
    WITHDRAWN = "withdrawn", _("Geri çekildi")


class Channel(models.TextChoices):
    PORTAL = "portal", _("Müşteri portalı")
    WEB_FORM = "web_form", _("Web sitesi şikâyet formu")
    EMAIL = "email", _("E-posta")
    PHONE = "phone", _("Telefon")
    FACE_TO_FACE = "face_to_face", _("Yüz yüze")
    SOCIAL_MEDIA = "social_media", _("Sosyal medya")


STAFF_INTAKE_CHANNELS = ["email", "phone", "face_to_face", "social_media", "web_form"]


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("E-posta")
    PHONE = "phone", _("Telefon")
    FACE_TO_FACE = "face_to_face", _("Yüz yüze")
    POST = "post", _("Posta")
    SOCIAL_MEDIA = "social_media", _("Sosyal medya")


# the values alone, as the actions' API inputs list them (workflow.api.inputs): the OpenAPI
# schema names that enum once (ENUM_NAME_OVERRIDES), whichever field of which action uses it
CONTACT_METHODS = [method.value for method in ContactMethod]


class Severity(models.IntegerChoices):
    LOW = 1, _("Düşük")
    MEDIUM = 2, _("Orta")
    HIGH = 3, _("Yüksek")
    CRITICAL = 4, _("Kritik")


class InvestigationLevel(models.TextChoices):
    BASIC = "basic", _("Temel")
    STANDARD = "standard", _("Standart")
    ROOT_CAUSE = "root_cause", _("Kök neden analizi")


class DeadlineProfile(models.TextChoices):
    ONE_BUSINESS_DAY = "one_business_day", _("1 iş günü (R10)")
    CALENDAR_24_HOURS = "calendar_24_hours", _("24 takvim saati (sertifika sorun bildirimi)")
    CALENDAR_30_DAYS = "calendar_30_days", _("30 takvim günü (kişisel veri başvurusu)")


class SlaState(models.TextChoices):
    ON_TRACK = "on_track", _("Zamanında")
    AT_RISK = "at_risk", _("Risk altında")
    BREACHED = "breached", _("Süre aşıldı")


class EventKind(models.TextChoices):
    STATUS_CHANGE = "status_change", _("Durum değişikliği")
    MESSAGE = "message", _("Mesaj")
    INFORMATION_REQUEST = "information_request", _("Bilgi talebi")
    ESTIMATE = "estimate", _("Tahmini çözüm zamanı")
    PROPOSAL = "proposal", _("Çözüm önerisi")
    DECISION = "decision", _("Karar")
    ASSIGNMENT = "assignment", _("Atama")
    NOTE = "note", _("İç not")
    ROUTE_RECORD = "route_record", _("Alternatif yol başvurusu")
    SURVEY = "survey", _("Memnuniyet anketi")
    ATTACHMENT = "attachment", _("Belge eklendi")
    CORRECTIVE_ACTION = "corrective_action", _("Düzeltici/önleyici faaliyet")


class Visibility(models.TextChoices):
    CUSTOMER = "customer", _("Müşteri görür")
    INTERNAL = "internal", _("Yalnız personel")


class Language(models.TextChoices):
    TR = "tr", "Türkçe"
    EN = "en", "English"
