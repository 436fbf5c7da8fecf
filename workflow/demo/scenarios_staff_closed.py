"""Closed demo complaints that staff logged (resolved, final decision, withdrawn)."""

from functools import partial

from workflow.demo.scenario import Scenario
from workflow.demo.users import CUSTOMER

Staff = partial(Scenario, by="staff")

SCENARIOS = [
    Staff(
        subject="Özel anahtar herkese açık depoda yayımlanmış (anahtar ele geçirilmesi)",
        description=(
            "Bir güvenlik ekibi, bir müşterimize ait SSL sertifikasının özel anahtarının "
            "herkese açık bir kod deposunda bulunduğunu, kanıt olarak imzalı bir mesajla "
            "bildirdi."
        ),
        category="certificate-problem-report",
        channel="email",
        days_ago=45,
        contact_name="Aylin Ekinci",
        contact_email="aylin.ekinci@example.net",
        steps=(
            ("ack", "email", "Ön rapor bildirene ve sertifika sahibine 24 saat içinde iletildi."),
            ("assign", "certificate-operations"),
            (
                "corrective",
                "correction",
                "Ele geçirilen anahtara ait sertifikanın 24 saat içinde iptali",
                "Sertifika iptal edildi, abone bilgilendirildi, aynı anahtarla düzenlenmiş "
                "başka sertifika olmadığı doğrulandı.",
                1,
            ),
            ("propose", "Sertifika iptal edildi; abone yeni anahtarla sertifika başvurusu yaptı."),
            ("accept",),
            ("implemented", "İptal ve yeni düzenleme tamamlandı, olay raporu yayımlandı."),
        ),
    ),
    Staff(
        subject="Fatura adresi yanlış düzenlenmiş",
        description=(
            "Müşteri, faturasında şirketinin eski adresinin yer aldığını telefonla bildirdi."
        ),
        category="billing",
        channel="phone",
        days_ago=30,
        customer=CUSTOMER,
        contact_phone="+90 532 555 06 61",
        steps=(
            ("ack", "phone", ""),
            ("propose", "Faturanız güncel adresinizle yeniden düzenlenecek."),
            ("accept",),
            ("implemented", "Düzeltilmiş fatura e-posta ile gönderildi."),
            ("survey", 5, 5, "Hızlı ve ilgiliydiniz."),
        ),
    ),
    Staff(
        subject="Kart PIN zarfı eksik teslim edildi",
        description="Müşteri şubede teslim aldığı paketten PIN/PUK zarfının çıkmadığını bildirdi.",
        category="e-signature-device",
        channel="face_to_face",
        days_ago=50,
        contact_name="Hülya Tekin",
        contact_email="hulya.tekin@example.net",
        steps=(
            ("ack", "face_to_face", ""),
            ("assign", "certificate-operations"),
            ("propose", "Yeni PIN/PUK zarfı kayıtlı adresinize kuryeyle gönderilecek."),
            ("accept",),
            ("implemented", "Zarf teslim edildi, müşteri kartını etkinleştirdi."),
        ),
    ),
    Staff(
        subject="Sertifika sorgulama sayfası çalışmıyor",
        description="Facebook yorumu: Sertifika doğrulama sayfanız iki gündür hata veriyor.",
        category="website",
        channel="social_media",
        days_ago=35,
        contact_name="Onur Yalçın",
        contact_email="onur.yalcin@example.net",
        steps=(
            ("ack", "social_media", ""),
            ("assign", "technical-support"),
            (
                "propose",
                "Sayfa yeniden yayında; arızaya yol açan sertifika süresi dolumu giderildi.",
            ),
            ("accept",),
            ("implemented", "Sayfanın izlenmesine sertifika süresi alarmı eklendi."),
        ),
    ),
    Staff(
        subject="KVKK kapsamında verilerimin silinmesi talebi",
        description=(
            "Müşteri, hizmet ilişkisi sona erdiği için saklama süresi dolan verilerinin "
            "silinmesini e-postayla talep etti."
        ),
        category="personal-data",
        channel="email",
        days_ago=55,
        contact_name="Pınar Uçar",
        contact_email="pinar.ucar@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "data-protection"),
            (
                "propose",
                "Yasal saklama yükümlülüğü sona eren verileriniz silinecek; 5070 sayılı Kanun "
                "gereği 20 yıl saklanması gereken sertifika kayıtları bu kapsam dışındadır.",
            ),
            ("accept",),
            ("implemented", "Silme işlemi tamamlandı, müşteriye tutanak gönderildi."),
        ),
    ),
    Staff(
        subject="Başvuru evraklarım kayboldu",
        description=(
            "Müşteri, şubeye teslim ettiği başvuru evraklarının sistemde görünmediğini bildirdi."
        ),
        category="certificate-issuance",
        channel="phone",
        days_ago=8,
        contact_name="Yusuf Kaplan",
        contact_phone="+90 534 555 10 02",
        preferred="phone",
        steps=(
            ("ack", "phone", ""),
            ("withdraw", "Müşteri evrakların taranıp yüklendiğini gördüğünü telefonla bildirdi."),
        ),
    ),
    Staff(
        subject="Temsilcinin kaba davranışı nedeniyle tazminat talebi",
        description=(
            "Müşteri, şubedeki temsilcinin kendisine kaba davrandığını ve bu nedenle manevi "
            "tazminat talep ettiğini e-postayla bildirdi."
        ),
        category="service-quality",
        channel="email",
        days_ago=40,
        contact_name="Meltem Acar",
        contact_email="meltem.acar@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "customer-service"),
            ("propose", "Yaşadığınız deneyim için özür dileriz; temsilcimizle görüşülmüştür."),
            ("reject", "Yazılı bir özür ve tazminat bekliyorum."),
            (
                "review",
                "final",
                "Kamera kayıtları ve şube yöneticisinin raporu incelendi.",
                "Yazılı özrümüz ektedir; tazminat talebiniz kabul edilmemiştir. Kurum içi ve "
                "kurum dışı başvuru yolları aşağıdadır.",
            ),
        ),
    ),
    Staff(
        subject="Mis-issued OV certificate: wrong organisation name",
        description=(
            "A relying party reported that an OV certificate issued by us shows the previous "
            "trading name of the organisation, which changed six months ago."
        ),
        category="certificate-problem-report",
        channel="email",
        days_ago=20,
        contact_name="Daniel Novak",
        contact_email="daniel.novak@example.org",
        language="en",
        steps=(
            (
                "ack",
                "email",
                "Preliminary report sent to the reporter and the subscriber within 24 hours.",
            ),
            ("assign", "certificate-operations"),
            (
                "corrective",
                "preventive",
                "Re-check organisation details against the trade registry before OV issuance",
                "Validation now queries the trade registry on the day of issuance instead of "
                "reusing data up to 398 days old.",
                30,
            ),
            ("propose", "The certificate was revoked and reissued with the current name."),
            ("accept",),
            ("implemented", "Revoked within 5 days as required; incident report published."),
        ),
    ),
]
