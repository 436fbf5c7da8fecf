"""Units, categories, alternative routes and contact channels of the demo trust-service
provider (R2, R3, R14).

Idempotent: rows are looked up by slug (routes by URL or Turkish name, channels by kind) and
created only when missing, so running it again never duplicates a row nor undoes an editor's
change in the CMS.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from workflow.models import AlternativeRoute, Category, ContactChannel, CorrectiveAction, Unit
from workflow.states import DeadlineProfile, Severity

UNITS = [
    ("customer-service", "Müşteri Hizmetleri", "Customer Service", "musteri-hizmetleri"),
    ("certificate-operations", "Sertifika Operasyonları", "Certificate Operations", "sertifika"),
    ("data-protection", "Kişisel Verilerin Korunması", "Data Protection", "kvkk"),
    ("billing", "Faturalama", "Billing", "faturalama"),
    ("technical-support", "Teknik Destek", "Technical Support", "teknik-destek"),
]


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name_tr: str
    name_en: str
    unit: str
    severity: int = Severity.MEDIUM
    profile: str = DeadlineProfile.ONE_BUSINESS_DAY


CATEGORIES = [
    CategorySpec("billing", "Fatura ve ödeme", "Billing and payment", "billing"),
    CategorySpec(
        "certificate-issuance",
        "Sertifika başvurusu ve yenileme",
        "Certificate application and renewal",
        "certificate-operations",
    ),
    CategorySpec(
        "certificate-problem-report",
        "Sertifika sorun bildirimi (hatalı düzenleme, anahtar ele geçirilmesi)",
        "Certificate problem report (mis-issuance, key compromise)",
        "certificate-operations",
        Severity.CRITICAL,
        DeadlineProfile.CALENDAR_24_HOURS,
    ),
    CategorySpec(
        "e-signature-device",
        "E-imza kartı, USB token ve sürücüler",
        "E-signature card, USB token and drivers",
        "technical-support",
        Severity.HIGH,
    ),
    CategorySpec(
        "registered-email",
        "Kayıtlı elektronik posta (KEP)",
        "Registered electronic mail (KEP)",
        "technical-support",
        Severity.HIGH,
    ),
    CategorySpec(
        "personal-data",
        "Kişisel veriler (KVKK başvurusu)",
        "Personal data (KVKK request)",
        "data-protection",
        Severity.HIGH,
        DeadlineProfile.CALENDAR_30_DAYS,
    ),
    CategorySpec(
        "service-quality",
        "Hizmet kalitesi ve çağrı merkezi",
        "Service quality and call centre",
        "customer-service",
    ),
    CategorySpec(
        "website",
        "Web sitesi ve çevrim içi işlemler",
        "Website and online services",
        "technical-support",
        Severity.LOW,
    ),
]

# Consumer disputes: everything a consumer buys from us, not data-protection requests nor
# third-party certificate problem reports (those have their own bodies).
CONSUMER = [
    "billing",
    "certificate-issuance",
    "e-signature-device",
    "registered-email",
    "service-quality",
    "website",
]
TRUST_SERVICES = [
    "certificate-issuance",
    "certificate-problem-report",
    "e-signature-device",
    "registered-email",
]

ROUTES = [
    {
        "kind": AlternativeRoute.Kind.INTERNAL,
        "sort_order": 0,
        "name_tr": "Müşteri Memnuniyeti Kurulu'na itiraz",
        "name_en": "Appeal to the Customer Satisfaction Board",
        "description_tr": (
            "Kararımızı kabul etmiyorsanız, şikâyeti inceleyen birimden bağımsız olan ve genel "
            "müdür yardımcısının başkanlık ettiği Müşteri Memnuniyeti Kurulu'na itiraz "
            "edebilirsiniz. İtirazınızı bu başvurunun sayfasından yazmanız yeterlidir; Kurul "
            "dosyanın tamamını yeniden değerlendirir ve gerekirse yönetime taşır."
        ),
        "description_en": (
            "If you do not accept our decision, you may appeal to the Customer Satisfaction "
            "Board, which is independent of the unit that investigated your complaint and is "
            "chaired by a deputy general manager. Write your appeal on this complaint's page; "
            "the Board reviews the whole file and escalates it to management if needed."
        ),
        "deadline_tr": "İtirazınız en geç 10 iş günü içinde sonuçlandırılır.",
        "deadline_en": "Your appeal is decided within 10 business days at the latest.",
        "categories": [],
    },
    {
        "kind": AlternativeRoute.Kind.EXTERNAL,
        "sort_order": 10,
        "name_tr": "Tüketici Hakem Heyeti",
        "name_en": "Consumer Arbitration Committee (Tüketici Hakem Heyeti)",
        "description_tr": (
            "6502 sayılı Tüketicinin Korunması Hakkında Kanun'un 68. maddesi uyarınca, değeri "
            "her yıl ilan edilen parasal sınırın altında kalan uyuşmazlıklarda il veya ilçe "
            "tüketici hakem heyetine başvurmak zorunludur. Başvuru ücretsizdir; e-Devlet "
            "üzerinden TÜBİS ile, posta yoluyla ya da heyete giderek yapılabilir."
        ),
        "description_en": (
            "Under article 68 of Consumer Protection Law no. 6502, disputes below the monetary "
            "limit announced every year must first go to the provincial or district consumer "
            "arbitration committee. Applying is free: online through e-Devlet (TÜBİS), by post "
            "or in person."
        ),
        "url": "https://www.turkiye.gov.tr/tuketici-sikayeti-uygulamasi",
        "deadline_tr": (
            "Parasal sınırın altındaki uyuşmazlıklarda zorunlu ilk adımdır; heyet başvuruyu en "
            "geç 6 ay içinde karara bağlar."
        ),
        "deadline_en": (
            "The mandatory first step below the monetary limit; the committee decides within "
            "6 months of the application."
        ),
        "categories": CONSUMER,
    },
    {
        "kind": AlternativeRoute.Kind.EXTERNAL,
        "sort_order": 20,
        "name_tr": "Arabuluculuk, ardından tüketici mahkemesi",
        "name_en": "Mediation, then the consumer court",
        "description_tr": (
            "Parasal sınırın üzerindeki uyuşmazlıklarda tüketici mahkemesinde dava açmadan "
            "önce arabulucuya başvurmak dava şartıdır (6502 sayılı Kanun m. 73/A). Başvuru "
            "adliyelerdeki arabuluculuk bürolarına yapılır; anlaşma sağlanamazsa son tutanakla "
            "tüketici mahkemesinde dava açılabilir."
        ),
        "description_en": (
            "Above the monetary limit, mediation is a precondition of a lawsuit at the consumer "
            "court (Law no. 6502, art. 73/A). Apply to the mediation office of the courthouse; "
            "if no agreement is reached, the final minutes let you sue at the consumer court."
        ),
        "url": "https://adb.adalet.gov.tr/",
        "deadline_tr": (
            "Arabulucu görevlendirildiği tarihten itibaren 3 hafta içinde sonuçlandırır; "
            "zorunlu hâllerde süre en fazla 1 hafta uzatılabilir."
        ),
        "deadline_en": (
            "The mediator concludes within 3 weeks of appointment, extendable by at most "
            "1 week when necessary."
        ),
        "categories": CONSUMER,
    },
    {
        "kind": AlternativeRoute.Kind.EXTERNAL,
        "sort_order": 30,
        "name_tr": "Kişisel Verileri Koruma Kurulu",
        "name_en": "Personal Data Protection Board (KVKK)",
        "description_tr": (
            "Kişisel verilerinize ilişkin başvurunuz reddedilir, yanıtımızı yetersiz bulursanız "
            "ya da süresinde yanıt vermezsek 6698 sayılı KVKK'nın 14. maddesi uyarınca "
            "Kurul'a şikâyette bulunabilirsiniz. Veri sorumlusu olarak başvurunuzu en geç 30 "
            "gün içinde yanıtlamakla yükümlüyüz (m. 13)."
        ),
        "description_en": (
            "If your personal-data request is refused, you find our answer insufficient, or we "
            "do not answer in time, you may complain to the Board under article 14 of the "
            "Personal Data Protection Law no. 6698. As data controller we must answer your "
            "request within 30 days (art. 13)."
        ),
        "url": "https://www.kvkk.gov.tr/",
        "deadline_tr": (
            "Yanıtı öğrendiğiniz tarihten itibaren 30 gün, her hâlde başvuru tarihinden "
            "itibaren 60 gün içinde."
        ),
        "deadline_en": (
            "Within 30 days of learning our answer, and in any case within 60 days of your request."
        ),
        "categories": ["personal-data"],
    },
    {
        "kind": AlternativeRoute.Kind.EXTERNAL,
        "sort_order": 40,
        "name_tr": "Bilgi Teknolojileri ve İletişim Kurumu (BTK)",
        "name_en": "Information and Communication Technologies Authority (BTK)",
        "description_tr": (
            "Elektronik sertifika hizmet sağlayıcıları ve KEP hizmet sağlayıcıları 5070 sayılı "
            "Elektronik İmza Kanunu kapsamında BTK'nın denetimindedir. Nitelikli sertifika, "
            "e-imza veya KEP hizmetimizle ilgili çözülemeyen şikâyetinizi BTK'ya iletebilirsiniz."
        ),
        "description_en": (
            "Electronic certificate service providers and registered e-mail (KEP) providers are "
            "supervised by BTK under Electronic Signature Law no. 5070. You may take an "
            "unresolved complaint about our qualified certificate, e-signature or KEP service "
            "to BTK."
        ),
        "url": "https://www.btk.gov.tr/",
        "deadline_tr": (
            "Yasal bir başvuru süresi yoktur; başvurunuza bu şikâyetin numarasını ve "
            "kararımızı ekleyin."
        ),
        "deadline_en": (
            "No statutory time limit; include this complaint's reference and our decision."
        ),
        "categories": TRUST_SERVICES,
    },
    {
        "kind": AlternativeRoute.Kind.EXTERNAL,
        "sort_order": 50,
        "name_tr": "Tarayıcı kök sertifika programları (Mozilla, Chrome, Apple, Microsoft)",
        "name_en": "Browser root programs (Mozilla, Chrome, Apple, Microsoft)",
        "description_tr": (
            "SSL/TLS sertifikalarımız CA/Browser Forum Temel Gereksinimleri'ne tabidir. Bir "
            "sertifika sorun bildiriminizin yeterince ele alınmadığını düşünüyorsanız kök "
            "sertifika programlarına bildirebilirsiniz: Mozilla (Bugzilla, CA Certificate "
            "Compliance), Chrome Root Program (https://g.co/chrome/root-policy), Apple Root "
            "Certificate Program (https://www.apple.com/certificateauthority/ca_program.html) "
            "ve Microsoft Trusted Root Program (https://aka.ms/RootCert)."
        ),
        "description_en": (
            "Our SSL/TLS certificates are subject to the CA/Browser Forum Baseline "
            "Requirements. If you believe your certificate problem report was not handled "
            "properly, you may report it to the root programs: Mozilla (Bugzilla, CA "
            "Certificate Compliance), the Chrome Root Program (https://g.co/chrome/root-policy), "
            "the Apple Root Certificate Program "
            "(https://www.apple.com/certificateauthority/ca_program.html) and the Microsoft "
            "Trusted Root Program (https://aka.ms/RootCert)."
        ),
        "url": "https://wiki.mozilla.org/CA",
        "deadline_tr": (
            "Ön raporumuzu 24 saat içinde (CA/B Forum TG 4.9.5) almadıysanız hemen "
            "bildirebilirsiniz; başka süre sınırı yoktur."
        ),
        "deadline_en": (
            "You may report at once if our preliminary report did not reach you within 24 hours "
            "(CA/B Forum BR 4.9.5); there is no other time limit."
        ),
        "categories": ["certificate-problem-report"],
    },
]

# R2: the five ways in. Certificate problem reports are read around the clock (CA/B Forum
# Baseline Requirements 4.9.3), so the e-mail channel is open 24/7.
CHANNELS = [
    {
        "kind": "web_form",
        "sort_order": 0,
        "name_tr": "Web sitesi şikâyet formu",
        "name_en": "Complaint form on our website",
        "hours_tr": "Her gün 24 saat",
        "hours_en": "24 hours a day, every day",
        "note_tr": (
            'Üye olmadan "Şikâyet bildir" sayfasından ya da hesabınızla müşteri portalından '
            "başvurabilirsiniz. Başvuru numaranız ve takip bağlantınız hemen e-postanıza gelir."
        ),
        "note_en": (
            'Use the "File a complaint" page without an account, or the customer portal if you '
            "have one. Your reference and tracking link arrive by e-mail straight away."
        ),
    },
    {
        "kind": "email",
        "sort_order": 10,
        "name_tr": "Şikâyet e-posta adresi",
        "name_en": "Complaints e-mail address",
        "value": "sikayet@kalkanguven.example",
        "hours_tr": ("Hafta içi 09:00–18:00 yanıtlanır; sertifika sorun bildirimleri 7/24 izlenir"),
        "hours_en": "Answered weekdays 09:00–18:00; certificate problem reports watched 24/7",
        "note_tr": (
            "Sertifika sorun bildirimlerinde (anahtar ele geçirilmesi, hatalı düzenlenmiş "
            'sertifika) konu satırına "Sertifika sorun bildirimi" yazın ve sertifikanın seri '
            "numarasını ekleyin; 24 saat içinde ön rapor göndeririz."
        ),
        "note_en": (
            "For a certificate problem report (key compromise, mis-issued certificate), put "
            '"Certificate problem report" in the subject line and include the certificate\'s '
            "serial number; we send a preliminary report within 24 hours."
        ),
    },
    {
        "kind": "phone",
        "sort_order": 20,
        "name_tr": "Müşteri iletişim hattı",
        "name_en": "Customer contact line",
        "value": "+90 212 555 00 00",
        "hours_tr": "Hafta içi 09:00–18:00 (resmî tatiller hariç)",
        "hours_en": "Weekdays 09:00–18:00 (closed on public holidays)",
        "note_tr": (
            "Görüşme sırasında şikâyetinizi kaydeder, başvuru numaranızı söyler ve size "
            "hangi yolla dönmemizi istediğinizi sorarız."
        ),
        "note_en": (
            "We record your complaint during the call, give you its reference and ask how "
            "you would like us to get back to you."
        ),
    },
    {
        "kind": "face_to_face",
        "sort_order": 30,
        "name_tr": "Merkez ofis müşteri masası",
        "name_en": "Customer desk at our head office",
        "value": "Esentepe Mah. Kalkan Sok. No: 12, 34394 Şişli / İstanbul",
        "hours_tr": "Hafta içi 09:00–18:00 (resmî tatiller hariç)",
        "hours_en": "Weekdays 09:00–18:00 (closed on public holidays)",
        "note_tr": (
            "Randevu gerekmez. Kimliğinizi ve varsa e-imza kartınızı ya da USB token'ınızı "
            "yanınızda getirmeniz incelemeyi hızlandırır."
        ),
        "note_en": (
            "No appointment needed. Bringing your ID and, if relevant, your e-signature card "
            "or USB token speeds things up."
        ),
    },
    {
        "kind": "social_media",
        "sort_order": 40,
        "name_tr": "Sosyal medya hesaplarımız",
        "name_en": "Our social media accounts",
        "value": "@KalkanGuven (X, Instagram, LinkedIn)",
        "hours_tr": "Hafta içi 09:00–18:00",
        "hours_en": "Weekdays 09:00–18:00",
        "note_tr": (
            "Kişisel bilgilerinizi ya da sertifika ayrıntılarını herkese açık paylaşmayın; "
            "bize özel mesaj gönderin, şikâyetinizi kaydedip size özelden dönelim."
        ),
        "note_en": (
            "Please do not post personal details or certificate information publicly; send us "
            "a direct message and we will record your complaint and reply privately."
        ),
    },
]


@dataclass
class ReferenceData:
    units: dict[str, Unit]
    categories: dict[str, Category]
    routes: list[AlternativeRoute]
    channels: list[ContactChannel]


@transaction.atomic
def ensure_reference_data() -> ReferenceData:
    """Create the demo units, categories, routes and channels that are missing; return all."""
    units = {}
    for slug, name_tr, name_en, mailbox in UNITS:
        units[slug], _ = Unit.objects.get_or_create(
            slug=slug,
            defaults={"name_tr": name_tr, "name_en": name_en, "email": f"{mailbox}@example.com"},
        )
    categories = {}
    for spec in CATEGORIES:
        categories[spec.slug], _ = Category.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name_tr": spec.name_tr,
                "name_en": spec.name_en,
                "default_unit": units[spec.unit],
                "default_severity": spec.severity,
                "deadline_profile": spec.profile,
            },
        )
    routes = []
    for spec in ROUTES:
        fields = {key: value for key, value in spec.items() if key != "categories"}
        lookup = {"url": fields["url"]} if fields.get("url") else {"name_tr": fields["name_tr"]}
        route, created = AlternativeRoute.objects.get_or_create(**lookup, defaults=fields)
        if created:
            route.categories.set([categories[slug] for slug in spec["categories"]])
        routes.append(route)
    channels = [
        ContactChannel.objects.get_or_create(kind=spec["kind"], defaults=spec)[0]
        for spec in CHANNELS
    ]
    return ReferenceData(units=units, categories=categories, routes=routes, channels=channels)


def root_cause_action(category: Category, owner) -> CorrectiveAction:
    """The standing corrective action for recurring complaints of a category (R6, R9)."""
    action, _ = CorrectiveAction.objects.get_or_create(
        kind=CorrectiveAction.Kind.CORRECTIVE,
        title=f"Kök neden analizi: {category.name_tr}",
        defaults={
            "description": (
                "Bu kategoride tekrarlayan şikâyetlerin ortak kök nedeni incelenecek ve kalıcı "
                "önlem belirlenecek."
            ),
            "owner": owner,
            "due_date": timezone.localdate() + timedelta(days=30),
        },
    )
    return action
