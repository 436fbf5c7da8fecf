"""Demo complaints filed by the demo customers themselves through the portal (R2)."""

from workflow.demo.scenario import Scenario

HAKEM = "https://www.turkiye.gov.tr/tuketici-sikayeti-uygulamasi"

TURKISH = [
    Scenario(
        subject="E-imza kartım yeni bilgisayarda tanınmıyor",
        description=(
            "Windows 11 yüklü yeni dizüstü bilgisayarımda e-imza kartım okuyucuya takılıyken "
            'imza uygulaması "kart bulunamadı" hatası veriyor. Sürücüleri sitenizden indirip '
            "kurdum, eski bilgisayarımda aynı kart sorunsuz çalışıyordu. Yarın e-Devlet "
            "üzerinden imzalamam gereken belgeler var, acil destek rica ediyorum."
        ),
        category="e-signature-device",
    ),
    Scenario(
        subject="Sertifika yenileme başvurum iki haftadır onay bekliyor",
        description=(
            "Nitelikli elektronik sertifikamın süresi ayın 28'inde doluyor. Yenileme "
            "başvurusunu iki hafta önce yaptım ve ödemesini kredi kartıyla tamamladım, ancak "
            'başvuru durumu hâlâ "evrak kontrolünde" görünüyor. Sertifikam dolarsa işimi '
            "yapamayacağım."
        ),
        category="certificate-issuance",
        steps=(("ack", "email", "Başvurunuz elimize ulaştı, sertifika birimine iletildi."),),
    ),
    Scenario(
        subject="Aynı sertifika için iki kez ücret alındı",
        description=(
            "Mali mühür sertifikası yenilemesi için ödeme yaparken sayfa hata verdi, tekrar "
            "denedim. Kredi kartı ekstremde aynı gün 1.450 TL'lik iki ayrı çekim görünüyor. "
            "Fazladan alınan tutarın iadesini istiyorum."
        ),
        category="billing",
        steps=(
            ("ack", "email", ""),
            ("assign", "billing"),
            (
                "estimate",
                3,
                "Ödeme kuruluşundan işlem kayıtlarını istedik; iade işlemini üç iş günü içinde "
                "tamamlamayı öngörüyoruz.",
            ),
        ),
    ),
    Scenario(
        subject="KEP hesabıma gelen iletiler görünmüyor",
        description=(
            "Bir icra dairesinin KEP ile gönderdiğini söylediği tebligat KEP hesabımda yok. "
            "Gönderen taraf iletinin teslim edildiğine dair delil dosyasını paylaştı. Yasal "
            "sürenin işlemeye başlamış olmasından endişe ediyorum."
        ),
        category="registered-email",
        steps=(
            ("ack", "email", ""),
            ("assign", "technical-support"),
            (
                "ask",
                "İletinin gönderildiği tarih ve saati ile gönderici KEP adresini paylaşabilir "
                "misiniz? Elinizdeki delil dosyasının (.eml) bir kopyası da incelemeyi "
                "hızlandırır.",
            ),
        ),
    ),
    Scenario(
        subject="Çevrim içi ödeme sayfası kart bilgisinden sonra hata veriyor",
        description=(
            "Sertifika yenileme ücretini ödemek istediğimde 3D Secure adımından sonra "
            '"işlem tamamlanamadı" sayfası açılıyor. Üç farklı kartla denedim, sonuç aynı.'
        ),
        category="website",
        steps=(
            ("ack", "email", ""),
            ("assign", "technical-support"),
            (
                "propose",
                "Ödeme altyapısındaki sertifika güncellemesinden kaynaklanan hata giderildi. "
                "Ödemenizi tekrar deneyebilirsiniz; dilerseniz havale/EFT ile ödeme için size "
                "özel bir ödeme kodu da tanımlayabiliriz.",
            ),
        ),
    ),
    Scenario(
        subject="Yenileme ücreti web sitesinde ilan edilenden yüksek",
        description=(
            "Web sitenizde 3 yıllık e-imza yenilemesi 1.200 TL olarak görünmesine rağmen "
            "ödeme adımında 1.650 TL tahsil edildi. Aradaki farkın iadesini talep ediyorum."
        ),
        category="billing",
        steps=(
            ("ack", "email", ""),
            ("assign", "billing"),
            (
                "propose",
                "Sitedeki fiyat, kart okuyucu içermeyen pakete aittir; siparişinizde kart "
                "okuyucu da yer aldığından tutar doğrudur. Yaşanan karışıklık için bir sonraki "
                "yenilemenizde kullanabileceğiniz %20 indirim tanımlamayı öneriyoruz.",
            ),
            (
                "reject",
                "Kart okuyucu seçmedim, sepete kendiliğinden eklenmiş. İndirim değil, farkın "
                "iadesini istiyorum.",
            ),
            (
                "route",
                HAKEM,
                2,
                "TÜBİS-2026-448812",
                "e-Devlet üzerinden tüketici hakem heyetine başvurdum.",
            ),
        ),
    ),
    Scenario(
        subject="Nitelikli sertifikamda soyadım hatalı yazılmış",
        description=(
            'Yeni teslim aldığım nitelikli elektronik sertifikada soyadım "Yilmaz" olarak, '
            'Türkçe karakter olmadan yazılmış. Nüfus kayıtlarımda "Yılmaz" olarak geçiyor; '
            "bazı kurumlar imzamı bu nedenle reddediyor."
        ),
        category="certificate-issuance",
        steps=(
            ("ack", "email", ""),
            ("assign", "certificate-operations"),
            (
                "propose",
                "Sertifikanız MERNİS kaydınıza göre ücretsiz olarak yeniden düzenlenecek ve "
                "hatalı sertifika iptal edilecek. Yeni sertifika mevcut kartınıza uzaktan "
                "yüklenebilir; ek bir ödeme gerekmez.",
            ),
            ("accept",),
        ),
    ),
    Scenario(
        subject="PIN blokesi kaldırılamıyor",
        description=(
            "PIN kodumu üç kez yanlış girdiğim için kartım bloke oldu. Sitenizdeki PUK ile "
            'bloke kaldırma adımlarını izledim ancak uygulama "PUK doğrulanamadı" diyor. '
            "PUK zarfımı kaybetmedim, doğru kodu girdiğimden eminim."
        ),
        category="e-signature-device",
        steps=(
            ("ack", "email", ""),
            ("assign", "technical-support"),
            (
                "ask",
                "Kart üzerindeki seri numarasını ve kullandığınız uygulamanın sürümünü yazar "
                "mısınız?",
            ),
            ("answer", "Seri numarası AKİS-2231-7781, uygulama sürümü 4.2.1."),
            (
                "propose",
                "Kullandığınız uygulama sürümü yeni nesil kartlardaki PUK işlemini "
                "desteklemiyor. 4.3 sürümüne güncelleyip bloke kaldırma adımını tekrar "
                "yaptığınızda kartınız açılacaktır; uzaktan bağlantı ile birlikte de "
                "yapabiliriz.",
            ),
            ("accept",),
            ("implemented", "Uzaktan bağlantı ile uygulama güncellendi, PIN blokesi kaldırıldı."),
            ("survey", 5, 4, "Sorun çözüldü ama ilk yanıt biraz gecikti."),
        ),
    ),
    Scenario(
        subject="Kurye e-imza kartını teslim etmeden geri götürdü",
        description=(
            'Kurye adresime geldiğinde evde olmama rağmen zili çalmadan "adreste '
            'bulunamadı" notu bırakmış. Kartımı ne zaman alabileceğimi öğrenmek istiyorum.'
        ),
        category="service-quality",
        steps=(
            ("ack", "email", ""),
            ("withdraw", "Kurye bugün yeniden geldi, kartımı teslim aldım. Teşekkürler."),
            ("survey", 4, 4, ""),
        ),
    ),
    Scenario(
        subject="Kullanmadığım sertifika için iade talebi",
        description=(
            "Şirketimiz adına aldığımız nitelikli sertifikayı çalışanımız işten ayrıldığı için "
            "hiç kullanmadık. Sertifikanın iptalini ve kalan süreye karşılık gelen ücretin "
            "iadesini istiyorum."
        ),
        category="billing",
        steps=(
            ("ack", "email", ""),
            ("assign", "billing"),
            (
                "propose",
                "Sertifikanız talebiniz üzerine iptal edildi. Nitelikli sertifika kişiye özel "
                "üretildiğinden, sözleşmenin 7.3 maddesi uyarınca düzenlendikten sonra ücret "
                "iadesi yapılamamaktadır; bunun yerine yeni çalışanınız için %30 indirim "
                "sunabiliriz.",
            ),
            (
                "reject",
                "Sertifika hiç kullanılmadı; ücretin en azından kısmen iadesini bekliyorum.",
            ),
            (
                "review",
                "final",
                "Sözleşme hükmü ve önceki benzer kararlar yeniden değerlendirildi.",
                "Kurul incelemesi sonucunda iade yapılamayacağı kararı korunmuştur; %30 indirim "
                "teklifimiz 6 ay geçerlidir. Aşağıdaki kurum dışı başvuru yollarını "
                "kullanabilirsiniz.",
            ),
            ("survey", 2, 3, "Karar beklediğim gibi değildi ama süreç hakkında bilgilendirildim."),
        ),
    ),
    Scenario(
        subject="Mali mühür sertifikası e-Fatura portalında geçersiz görünüyor",
        description=(
            'Yeni yüklenen mali mühür sertifikamız GİB e-Fatura portalında "sertifika zinciri '
            'doğrulanamadı" hatası veriyor. Faturalarımızı gönderemiyoruz.'
        ),
        category="certificate-issuance",
        steps=(
            ("ack", "email", ""),
            ("assign", "certificate-operations"),
            (
                "propose",
                "Ara sertifikanın eksik yüklendiği görüldü. Güncel ara sertifika paketini "
                "e-posta ile gönderdik; kurulum sonrası zincir doğrulanacaktır.",
            ),
            ("accept",),
            ("implemented", "Ara sertifika paketi kuruldu, portalda imza doğrulandı."),
            (
                "reopen",
                "Müşteri, sunucu yeniden başlatıldıktan sonra hatanın tekrarladığını bildirdi.",
            ),
            (
                "propose",
                "Sunucunuzdaki eski sertifika deposu her açılışta yeniden yükleniyormuş. "
                "Uzaktan bağlantıyla kalıcı ayarı yapmayı öneriyoruz.",
            ),
            ("accept",),
            ("implemented", "Kalıcı ayar yapıldı; iki yeniden başlatmadan sonra da sorun yok."),
            ("survey", 4, 3, "İkinci denemede çözüldü."),
        ),
    ),
    Scenario(
        subject="Kişisel verilerimin hangi amaçla işlendiğini öğrenmek istiyorum",
        description=(
            "6698 sayılı Kanun'un 11. maddesi kapsamında, hakkımda hangi kişisel verileri "
            "işlediğinizi, hangi amaçla işlediğinizi ve kimlerle paylaştığınızı öğrenmek "
            "istiyorum."
        ),
        category="personal-data",
        steps=(
            ("ack", "email", ""),
            ("assign", "data-protection"),
            (
                "ask",
                "Kimliğinizi doğrulayabilmemiz için başvurunuzu e-imzanızla imzalayarak ya da "
                "kayıtlı e-posta adresinizden yeniden iletebilir misiniz?",
            ),
            ("answer", "Başvurumu e-imzalı PDF olarak ekledim, kayıtlı adresimden de gönderdim."),
            (
                "estimate",
                20,
                "Kimliğiniz doğrulandı. Yanıtımızı yasal süre olan 30 gün dolmadan ileteceğiz.",
            ),
        ),
    ),
]

ENGLISH = [
    Scenario(
        subject="Cannot download my certificate from the customer portal",
        description=(
            "The download button on the certificate page of the customer portal does nothing "
            "in Firefox and Chrome. I need the certificate file to configure our mail server."
        ),
        category="website",
        by="customer_en",
        language="en",
    ),
    Scenario(
        subject="Identity verification video call keeps failing",
        description=(
            "I live abroad and was told I could verify my identity by video call. The call has "
            "dropped three times at the passport step and I have to start again each time."
        ),
        category="certificate-issuance",
        by="customer_en",
        language="en",
        steps=(
            ("ack", "email", ""),
            ("assign", "certificate-operations"),
            (
                "ask",
                "Which browser and device do you use for the call, and at what time of day did "
                "the calls drop? We would like to book an agent for you directly.",
            ),
        ),
    ),
    Scenario(
        subject="Charged in TRY instead of EUR as quoted",
        description=(
            "Our quote for twenty SSL certificates was in euros, but the invoice is in Turkish "
            "lira at a rate well above the quote date's rate."
        ),
        category="billing",
        by="customer_en",
        language="en",
        steps=(
            ("ack", "email", ""),
            ("assign", "billing"),
            (
                "propose",
                "We will issue a corrected invoice at the exchange rate of the quote date and "
                "refund the difference to the card used for payment.",
            ),
        ),
    ),
    Scenario(
        subject="Token not recognised on Ubuntu 24.04",
        description=(
            "The USB token works on Windows, but on Ubuntu 24.04 the signing tool says no "
            "token is present. The Linux drivers from your website install without errors."
        ),
        category="e-signature-device",
        by="customer_en",
        language="en",
        steps=(
            ("ack", "email", ""),
            ("assign", "technical-support"),
            ("ask", "Could you send us the output of `pcsc_scan` with the token plugged in?"),
            ("answer", "It shows the reader but says 'card state: unresponsive'."),
            (
                "propose",
                "The token needs the newer CCID driver. Our updated Linux package (3.1) "
                "includes it; please install it and restart the pcscd service.",
            ),
            ("accept",),
            ("implemented", "Customer confirmed signing works with the 3.1 package."),
            ("survey", 5, 5, "Clear instructions, thank you."),
        ),
    ),
    Scenario(
        subject="No English-speaking agent on the support line",
        description=(
            "I called the support line twice and both times the agent could not continue in "
            "English. Your website says support is available in English."
        ),
        category="service-quality",
        by="customer_en",
        language="en",
        steps=(
            ("ack", "email", ""),
            ("assign", "customer-service"),
            (
                "propose",
                "English-speaking support is available by e-mail and by booked call-back. We "
                "have booked a call-back with an English-speaking specialist for you.",
            ),
            (
                "reject",
                "A call-back is not the same as the phone support your website promises; the "
                "website should be corrected or the service provided.",
            ),
        ),
    ),
    Scenario(
        subject="Renewal reminder e-mails not received",
        description=(
            "My certificate expired without any reminder. I have checked the spam folder; "
            "nothing arrived from you in the last three months."
        ),
        category="certificate-issuance",
        by="customer_en",
        language="en",
        steps=(
            ("ack", "email", ""),
            (
                "withdraw",
                "I found the reminders in an old mailbox; my contact address was out of date.",
            ),
        ),
    ),
]

SCENARIOS = [*TURKISH, *ENGLISH]
