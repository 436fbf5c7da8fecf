"""Text pools for generated benchmark complaints: short, varied, in Turkish and English.

Subjects and descriptions are combined with a random detail sentence, so full-text search and
list pages see varied rows rather than one string repeated a million times.
"""

SUBJECTS = {
    "billing": {
        "tr": [
            (
                "Aynı ödeme iki kez çekildi",
                "Kartımdan aynı sipariş için iki ayrı tahsilat yapıldı.",
            ),
            ("Fatura tutarı sözleşmeden farklı", "Faturada anlaşılan birim fiyat uygulanmamış."),
            ("Fatura adresi hatalı", "Faturada şirketimizin eski adresi yer alıyor."),
            ("İade hâlâ yapılmadı", "İptal ettiğim siparişin ücreti iade edilmedi."),
            ("Taksit uygulanmadı", "Kampanyadaki taksit seçeneği ödemede uygulanmadı."),
        ],
        "en": [
            ("Charged twice for one order", "My card was charged twice for the same order."),
            ("Invoice in the wrong currency", "The invoice is in lira, the quote was in euros."),
        ],
    },
    "certificate-issuance": {
        "tr": [
            ("Sertifika yenileme gecikti", "Yenileme başvurum günlerdir onay bekliyor."),
            ("Sertifikada ad soyad hatalı", "Sertifikamda adım nüfus kaydımdan farklı yazılmış."),
            ("Alan adı doğrulaması başarısız", "DNS kaydını eklememe rağmen doğrulama geçmiyor."),
            ("Mali mühür teslim edilmedi", "Mali mühür başvurumuz onaylandı ama teslim edilmedi."),
            (
                "Kimlik doğrulama randevusu iptal edildi",
                "Randevum bana haber verilmeden iptal edildi.",
            ),
        ],
        "en": [
            ("Renewal still pending", "My renewal request has been pending for a week."),
            ("Video identification keeps failing", "The identification call drops every time."),
        ],
    },
    "certificate-problem-report": {
        "tr": [
            (
                "Yetkisiz düzenlenmiş sertifika bildirimi",
                "CT kayıtlarında talep etmediğimiz bir sertifika var.",
            ),
            ("Özel anahtar ele geçirildi", "Sertifikanın özel anahtarı herkese açık bir depoda."),
            (
                "İptal edilen sertifika OCSP'de geçerli",
                "İptal edilen sertifika için OCSP 'good' diyor.",
            ),
        ],
        "en": [
            ("Possible mis-issuance", "A certificate in CT logs was not requested by us."),
            ("Key compromise report", "The private key of a certificate was published online."),
        ],
    },
    "e-signature-device": {
        "tr": [
            ("E-imza kartı tanınmıyor", "Kart okuyucuya takılı kartı imza uygulaması görmüyor."),
            ("PIN blokesi kaldırılamıyor", "PUK kodum kabul edilmiyor, kartım bloke."),
            (
                "Token sürücüsü çalışmıyor",
                "İşletim sistemi güncellemesinden sonra token görünmüyor.",
            ),
            ("İmzalı belge geçersiz görünüyor", "İmzaladığım PDF alıcıda geçersiz görünüyor."),
            ("Kart okuyucu arızalı geldi", "Yeni kart okuyucu bilgisayara bağlanınca tanınmıyor."),
        ],
        "en": [
            ("Token not recognised", "The signing tool does not detect my USB token."),
            ("Card blocked after PIN attempts", "My card is blocked and the PUK is refused."),
        ],
    },
    "registered-email": {
        "tr": [
            ("KEP iletisi ulaşmadı", "Gönderildiği söylenen KEP iletisi kutumda yok."),
            ("KEP delil dosyası eksik", "Teslim delilinde zaman damgası bulunmuyor."),
            ("KEP hesabı açılışı gecikti", "KEP adresi başvurum günlerdir sonuçlanmadı."),
            ("KEP kota uyarısı hatalı", "Kutum boş olduğu hâlde kota dolu uyarısı alıyorum."),
        ],
        "en": [("Registered e-mail not delivered", "A KEP message sent to me never arrived.")],
    },
    "personal-data": {
        "tr": [
            (
                "Kişisel verilerime erişim talebi",
                "Hakkımda işlenen verilerin bir kopyasını istiyorum.",
            ),
            (
                "Verilerimin silinmesi talebi",
                "Saklama süresi dolan verilerimin silinmesini istiyorum.",
            ),
            (
                "İzin vermediğim SMS'ler geliyor",
                "Rızamı geri almama rağmen kampanya SMS'i alıyorum.",
            ),
        ],
        "en": [("Request for a copy of my data", "I request a copy of the data you hold on me.")],
    },
    "service-quality": {
        "tr": [
            ("Çağrı merkezinde uzun bekleme", "Çağrı merkezinde yarım saatten fazla bekledim."),
            (
                "Temsilci yanlış bilgi verdi",
                "Temsilcinin söyledikleri başvuru sırasında geçersiz çıktı.",
            ),
            ("Geri arama yapılmadı", "Geri aranacağım söylendi ama kimse aramadı."),
            ("Kurye teslimat yapmadı", "Kurye adreste olmama rağmen teslimat yapmadı."),
        ],
        "en": [("No call-back received", "I was promised a call-back that never came.")],
    },
    "website": {
        "tr": [
            ("Ödeme sayfası hata veriyor", "Kart bilgilerini girdikten sonra işlem tamamlanmıyor."),
            ("Sertifika indirilemiyor", "Müşteri panelinde sertifika indirme düğmesi çalışmıyor."),
            ("Mobil uygulamada giriş yapılamıyor", "Giriş yaptıktan sonra ekran boş kalıyor."),
        ],
        "en": [("Cannot log in to the portal", "The portal shows an error after I log in.")],
    },
}

DETAILS = {
    "tr": [
        "Sipariş numaram {n}.",
        "Konuyla ilgili {n} numaralı kaydım var.",
        "Aynı sorunu geçen ay da yaşadım.",
        "İşlerimi aksattığı için acil çözüm bekliyorum.",
        "Ekran görüntüsünü ekledim.",
        "Daha önce iki kez aradım.",
        "",
    ],
    "en": [
        "My order number is {n}.",
        "This is urgent for our business.",
        "I have attached a screenshot.",
        "",
    ],
}

QUESTIONS = {
    "tr": [
        "Sipariş numaranızı ve işlemin tarihini paylaşabilir misiniz?",
        "Hata mesajının ekran görüntüsünü gönderebilir misiniz?",
        "Kullandığınız işletim sistemi ve uygulama sürümü nedir?",
    ],
    "en": ["Could you send us a screenshot of the error?", "Which order number is it about?"],
}
ANSWERS = {
    "tr": ["Bilgileri ekte gönderdim.", "Sipariş numarası e-postada yazıyor.", "Windows 11, 4.2."],
    "en": ["Attached, thank you.", "The order number is in my e-mail."],
}
PROPOSALS = {
    "tr": [
        "Fazla tahsil edilen tutar iade edilecektir.",
        "Sertifikanız ücretsiz olarak yeniden düzenlenecektir.",
        "Uzaktan bağlantı ile kurulum yapılmasını öneriyoruz.",
        "Eksik belge tamamlandı, başvurunuz bugün sonuçlandırılacak.",
        "Hatalı fatura iptal edilip doğrusu düzenlenecek.",
    ],
    "en": [
        "We will refund the amount charged in excess.",
        "Your certificate will be reissued free of charge.",
    ],
}
REJECTIONS = {
    "tr": ["Önerilen çözüm kaybımı karşılamıyor.", "Tam iade bekliyorum.", "Sorun devam ediyor."],
    "en": ["This does not cover my loss.", "The problem is still there."],
}
FINAL_DECISIONS = {
    "tr": ["İnceleme sonucunda kararımız korunmuştur; alternatif başvuru yolları aşağıdadır."],
    "en": ["After review our decision stands; the alternative routes are listed below."],
}
ESTIMATES = {
    "tr": ["İnceleme sürüyor; tahmini çözüm tarihini bildiriyoruz.", ""],
    "en": ["We are still investigating; here is our estimate.", ""],
}
IMPLEMENTED = {
    "tr": ["Çözüm uygulandı.", "İade tamamlandı.", "Yeni sertifika teslim edildi.", ""],
    "en": ["The resolution was carried out.", ""],
}
WITHDRAWALS = {
    "tr": ["Sorun kendiliğinden çözüldü.", "Başvurumu geri çekiyorum.", ""],
    "en": ["The problem went away.", ""],
}
CUSTOMER_MESSAGES = {
    "tr": ["Konunun takibini rica ederim.", "Ek bilgi: sorun sabah saatlerinde oluyor."],
    "en": ["Any news on this?", "More information: it happens every morning."],
}
STAFF_MESSAGES = {
    "tr": ["Başvurunuz üzerinde çalışmaya devam ediyoruz.", "Tedarikçimizden yanıt bekliyoruz."],
    "en": ["We are still working on your complaint.", "We are waiting for our supplier."],
}
NOTES = [
    "Benzer şikâyetler birimle paylaşıldı.",
    "Tedarikçiden bilgi istendi.",
    "Öncelik artırıldı.",
]
SURVEY_COMMENTS = {
    "tr": ["Teşekkürler.", "Daha hızlı olabilirdi.", "", ""],
    "en": ["Thanks.", "Could have been faster.", ""],
}

FIRST_NAMES = [
    "Ahmet", "Mehmet", "Mustafa", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Ömer", "Emre",
    "Fatma", "Ayşe", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra", "Sultan",
    "Burak", "Can", "Deniz", "Ece", "Gizem", "Kerem", "Selin", "Tolga", "Yasemin", "Çağla",
]  # fmt: skip
LAST_NAMES = [
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy", "Tekin", "Acar", "Bulut", "Ünal", "Işık",
]  # fmt: skip
