"""Open demo complaints that staff logged from the phone line, e-mail, the service desk and
social media (R2), with the time the person actually got in touch (`days_ago`)."""

from functools import partial

from workflow.demo.scenario import Scenario
from workflow.demo.users import CUSTOMER

BTK = "https://www.btk.gov.tr/"

Staff = partial(Scenario, by="staff")

SCENARIOS = [
    Staff(
        subject="Çağrı merkezinde 40 dakika bekletildim",
        description=(
            "Müşteri, sertifika yenilemesiyle ilgili soru sormak için çağrı merkezini aradığını, "
            "40 dakika beklediğini ve hattın iki kez düştüğünü belirtti. Geri aranmak istiyor."
        ),
        category="service-quality",
        channel="phone",
        days_ago=1,
        contact_name="Hasan Çelik",
        contact_phone="+90 532 555 01 17",
        preferred="phone",
    ),
    Staff(
        subject="Yetkisiz düzenlenmiş olabilecek SSL sertifikası bildirimi",
        description=(
            "Bir güvenlik araştırmacısı, Sertifika Şeffaflığı (CT) kayıtlarında "
            "odeme.ornek-magaza.com.tr alan adı için kurumumuzca düzenlenmiş ve alan adı "
            "sahibince talep edilmediği belirtilen bir sertifika bulunduğunu bildirdi. "
            "Sertifika seri numarası bildirimde yer alıyor."
        ),
        category="certificate-problem-report",
        channel="email",
        days_ago=0.1,
        contact_name="Deniz Arslan",
        contact_email="deniz.arslan@example.net",
    ),
    Staff(
        subject="Token sürücüsü macOS güncellemesinden sonra çalışmıyor",
        description=(
            "Müşteri, macOS'u güncelledikten sonra USB token'ın imza uygulamasında "
            "görünmediğini, güncellemeden önce sorunsuz çalıştığını telefonla iletti."
        ),
        category="e-signature-device",
        channel="phone",
        days_ago=3,
        contact_name="Murat Aydın",
        contact_phone="+90 533 555 02 48",
        contact_email="murat.aydin@example.net",
        preferred="phone",
        steps=(("ack", "phone", "Müşteri telefonla arandı, başvurunun alındığı bildirildi."),),
    ),
    Staff(
        subject="Kimlik doğrulama randevum sistemde görünmüyor",
        description=(
            "Müşteri, kimlik doğrulaması için randevu saatinde şubeye geldiğini ancak "
            "randevusunun sistemde bulunmadığını, bir saat beklettikten sonra geri "
            "gönderildiğini yüz yüze bildirdi."
        ),
        category="certificate-issuance",
        channel="face_to_face",
        days_ago=5,
        contact_name="Fatma Koç",
        contact_email="fatma.koc@example.net",
        contact_phone="+90 535 555 03 90",
        preferred="face_to_face",
        steps=(
            ("ack", "face_to_face", "Şube yetkilisi müşteriye başvurusunun alındığını bildirdi."),
        ),
    ),
    Staff(
        subject="Mobil uygulamada oturum açılamıyor",
        description=(
            "X hesabımızdan gelen mesaj: Mobil uygulamanın son sürümünde e-posta ve şifreyle "
            "giriş yapınca ekran boş kalıyor, uygulamayı silip kurmak işe yaramadı."
        ),
        category="website",
        channel="social_media",
        days_ago=1,
        contact_name="Selin Öztürk",
        contact_email="selin.ozturk@example.net",
        preferred="social_media",
        steps=(("ack", "social_media", "Özel mesajla başvurunun alındığı bildirildi."),),
    ),
    Staff(
        subject="KEP iletisinin teslim raporu eksik",
        description=(
            "Avukat olan müşterimiz, müvekkili adına gönderdiği KEP iletisinin delil "
            "dosyasında teslim zaman damgası bulunmadığını ve dosyayı mahkemeye sunamadığını "
            "e-postayla bildirdi."
        ),
        category="registered-email",
        channel="email",
        days_ago=10,
        contact_name="Av. Kemal Yıldız",
        contact_email="kemal.yildiz@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "technical-support"),
            (
                "note",
                "Aynı gün gönderilen 14 iletide zaman damgası sunucusu yanıt vermemiş; "
                "zaman damgası birimiyle birlikte inceleniyor.",
            ),
            (
                "estimate",
                4,
                "Delil dosyası zaman damgası sunucusu kayıtlarından yeniden üretilecek; dört "
                "gün içinde size iletmeyi öngörüyoruz.",
            ),
        ),
    ),
    Staff(
        subject="e-Fatura tutarı sözleşmeden farklı",
        description=(
            "Müşteri, kurumsal sözleşmede yıllık 40 sertifika için anlaşılan birim fiyat yerine "
            "liste fiyatından fatura kesildiğini telefonla bildirdi."
        ),
        category="billing",
        channel="phone",
        days_ago=7,
        contact_name="Burak Şen",
        contact_phone="+90 542 555 04 12",
        contact_email="burak.sen@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "billing"),
            (
                "message",
                "Sözleşmenizi ve faturayı karşılaştırıyoruz; gerekirse fark için iade faturası "
                "düzenleyeceğiz.",
            ),
        ),
    ),
    Staff(
        subject="Kurumsal SSL sertifikası için alan adı doğrulaması başarısız",
        description=(
            "Web formundan gelen başvuru: OV SSL sertifikası için DNS TXT kaydını eklediğimiz "
            'hâlde doğrulama üç gündür "kayıt bulunamadı" sonucunu veriyor.'
        ),
        category="certificate-issuance",
        channel="web_form",
        days_ago=12,
        contact_name="Gökhan Polat",
        contact_email="gokhan.polat@example.net",
        contact_phone="+90 216 555 05 33",
        steps=(
            ("ack", "email", ""),
            ("assign", "certificate-operations"),
            (
                "ask",
                "TXT kaydını hangi alt alan adına eklediniz? Kaydın tam değerini paylaşır mısınız?",
            ),
            (
                "answer",
                "Müşteri telefonla aradı: kayıt _dnsauth alt alan adına eklenmiş, değer e-postada.",
            ),
            (
                "estimate",
                2,
                "Kaydınızın yetkili ad sunucularına henüz yayılmadığını gördük; iki gün içinde "
                "yeniden doğrulayıp sonucu bildireceğiz.",
            ),
        ),
    ),
    Staff(
        subject="Açık rızamı geri almama rağmen pazarlama SMS'leri devam ediyor",
        description=(
            "Müşteri, üç hafta önce ticari elektronik ileti onayını geri aldığını ancak "
            "kampanya SMS'lerinin gelmeye devam ettiğini e-postayla bildirdi."
        ),
        category="personal-data",
        channel="email",
        days_ago=4,
        contact_name="Ebru Kılıç",
        contact_email="ebru.kilic@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "data-protection"),
            (
                "ask",
                "SMS'lerin geldiği telefon numarasını ve son iletinin tarihini paylaşabilir "
                "misiniz?",
            ),
        ),
    ),
    Staff(
        subject="Kart okuyucu siparişi teslim edilmedi",
        description=(
            "Müşteri, 10 gün önce verdiği kart okuyucu siparişinin kargo takipte "
            '"dağıtımda" göründüğünü ancak teslim edilmediğini telefonla bildirdi.'
        ),
        category="e-signature-device",
        channel="phone",
        days_ago=6,
        customer=CUSTOMER,
        contact_phone="+90 532 555 06 61",
        steps=(
            ("ack", "phone", "Müşteri arandı, kargo şirketiyle görüşüleceği söylendi."),
            ("assign", "customer-service"),
            (
                "ask",
                "Teslimat adresinizde bir değişiklik oldu mu? Güncel açık adresinizi yazar "
                "mısınız?",
            ),
        ),
    ),
    Staff(
        subject="Çağrı merkezi temsilcisi yanlış bilgi verdi",
        description=(
            "Müşteri, temsilcinin sertifikasının uzaktan yenilenebileceğini söylediğini, "
            "ancak başvuru sırasında şubeye gelmesinin istendiğini telefonla iletti."
        ),
        category="service-quality",
        channel="phone",
        days_ago=9,
        contact_name="Orhan Güneş",
        contact_phone="+90 505 555 07 29",
        preferred="phone",
        steps=(
            ("ack", "phone", ""),
            (
                "propose",
                "Sertifikanızın süresi dolmadığı için uzaktan yenileme mümkündür. Başvurunuzu "
                "bu yolla tamamlamanız için size bir bağlantı gönderiyoruz; temsilcimize de "
                "ek eğitim verilecektir.",
            ),
        ),
    ),
    Staff(
        subject="KEP adresi açılışı gecikti",
        description=(
            "Şirket yetkilisi, KEP adresi başvurusunun beş iş günüdür sonuçlanmadığını ve "
            "ihale evrakı gönderme süresinin dolmak üzere olduğunu e-postayla bildirdi."
        ),
        category="registered-email",
        channel="email",
        days_ago=15,
        contact_name="Nazlı Erdem",
        contact_email="nazli.erdem@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "technical-support"),
            (
                "propose",
                "Eksik görünen imza sirküleri daha önce iletildiği hâlde dosyaya eklenmemişti. "
                "Hesabınız bugün açıldı; ilk yıl hizmet bedelinden bir aylık ücret düşülecektir.",
            ),
        ),
    ),
    Staff(
        subject="Taksit sayısı yanlış uygulandı",
        description=(
            "Instagram mesajı: Kampanyada altı taksit yazmasına rağmen ödemem tek çekim "
            "olarak alındı."
        ),
        category="billing",
        channel="social_media",
        days_ago=20,
        contact_name="Cansu Aksoy",
        contact_email="cansu.aksoy@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "billing"),
            (
                "propose",
                "Kampanya yalnızca anlaşmalı bankaların kartlarında geçerli olduğundan tahsilat "
                "tek çekim yapılmıştır.",
            ),
            ("reject", "Kampanya sayfasında banka koşulu yazmıyordu."),
            (
                "review",
                "revise",
                "Kampanya sayfasında banka koşulunun gerçekten yer almadığı doğrulandı.",
                "Tek çekim yapılan tutarı iade edip aynı tutarı altı eşit taksitle yeniden tahsil "
                "etmeyi öneriyoruz.",
            ),
        ),
    ),
    Staff(
        subject="Sertifika teslim süresi taahhüdü aşıldı, zararımın karşılanmasını istiyorum",
        description=(
            "Müşteri, bir iş günü içinde teslim taahhüt edilen sertifikanın dört günde teslim "
            "edildiğini, bu sürede ihaleye teklif veremediğini e-postayla bildirdi."
        ),
        category="certificate-issuance",
        channel="email",
        days_ago=18,
        contact_name="Tolga Karaca",
        contact_email="tolga.karaca@example.net",
        steps=(
            ("ack", "email", ""),
            ("assign", "certificate-operations"),
            (
                "propose",
                "Gecikme için özür dileriz. Hızlı teslim ücretini iade ediyoruz; dolaylı "
                "zararlar sözleşme gereği karşılanamamaktadır.",
            ),
            ("reject", "Yalnızca hızlı teslim ücretinin iadesi kaybımı karşılamıyor."),
        ),
    ),
    Staff(
        subject="Arızalı kart değişimi için ücret istendi",
        description=(
            "Müşteri şubeye gelerek garanti süresindeki kartının arızalandığını, değişim için "
            "yeni kart ücreti istendiğini bildirdi."
        ),
        category="e-signature-device",
        channel="face_to_face",
        days_ago=25,
        contact_name="İsmail Doğan",
        contact_email="ismail.dogan@example.net",
        contact_phone="+90 538 555 08 74",
        steps=(
            ("ack", "face_to_face", ""),
            ("assign", "technical-support"),
            (
                "propose",
                "Yapılan incelemede kartta fiziksel hasar tespit edildi; garanti kapsamı dışında "
                "olduğundan yarı fiyatına değişim öneriyoruz.",
            ),
            ("reject", "Kart kırık değildi, çip kendiliğinden bozuldu."),
            ("route", BTK, 1, "", "Müşteri BTK'ya başvurduğunu telefonla bildirdi."),
        ),
    ),
    Staff(
        subject="KEP kutusu kota uyarısı hatalı",
        description=(
            'Müşteri, KEP kutusunda yalnızca 20 ileti olmasına rağmen "kota dolu" uyarısı '
            "aldığını ve ileti alamadığını telefonla bildirdi."
        ),
        category="registered-email",
        channel="phone",
        days_ago=14,
        contact_name="Serkan Bulut",
        contact_phone="+90 530 555 09 15",
        contact_email="serkan.bulut@example.net",
        steps=(
            ("ack", "phone", ""),
            ("assign", "technical-support"),
            (
                "propose",
                "Kota hesabındaki hata düzeltilecek ve kutunuz 2 GB'a ücretsiz genişletilecek.",
            ),
            ("accept",),
        ),
    ),
    Staff(
        subject='İptal edilen sertifika OCSP\'de "geçerli" görünüyor',
        description=(
            'Bir banka, iptal ettirdiği sertifikanın OCSP sorgusunda hâlâ "good" yanıtı '
            "döndüğünü e-postayla bildirdi; SİL'de ise iptal görünüyor."
        ),
        category="certificate-problem-report",
        channel="email",
        days_ago=3,
        contact_name="Levent Tuna",
        contact_email="levent.tuna@example.net",
        steps=(
            ("ack", "email", "Ön rapor 24 saat içinde bildirene ve sertifika sahibine iletildi."),
            ("assign", "certificate-operations"),
            (
                "corrective",
                "corrective",
                "OCSP yanıtlayıcı önbelleği iptal kayıtlarıyla eşzamanlanmıyor",
                "İptal kaydı veritabanına yazıldığında OCSP önbelleği geçersiz kılınacak; "
                "SİL ile OCSP yanıtları her saat karşılaştırılıp fark alarm üretecek.",
                14,
            ),
            (
                "propose",
                "OCSP önbelleği temizlendi; iptal kaydı artık tüm yanıtlayıcılarda görünüyor.",
            ),
            ("accept",),
        ),
    ),
    Staff(
        subject="İmzalı PDF'ler Adobe Reader'da \"geçersiz\" görünüyor",
        description=(
            'Müşteri, e-imzayla imzaladığı PDF\'lerin alıcı tarafında "imza geçersiz" olarak '
            "göründüğünü telefonla bildirdi."
        ),
        category="e-signature-device",
        channel="phone",
        days_ago=28,
        contact_name="Barış Kurt",
        contact_phone="+90 531 555 11 40",
        contact_email="baris.kurt@example.net",
        steps=(
            ("ack", "phone", ""),
            ("assign", "technical-support"),
            (
                "propose",
                "Alıcının kök sertifikamızı güven listesine eklemesi gerekiyor; kılavuzu ilettik.",
            ),
            ("reject", "Alıcı kurum buna yanaşmıyor; imzanın kendiliğinden doğrulanması gerekir."),
            (
                "review",
                "reinvestigate",
                "AATL listesine başvuru durumu araştırılacak.",
                "İtirazınız üzerine konu yeniden incelemeye alındı.",
            ),
            ("note", "Adobe AATL başvurusunun durumu ürün yönetiminden soruldu."),
        ),
    ),
    Staff(
        subject="Gecikme bedelinin silinmesi talebi",
        description=(
            "Müşteri, ödemesini bankasının sistem arızası yüzünden bir gün geç yaptığını, "
            "faturasına eklenen gecikme bedelinin silinmesini telefonla istedi."
        ),
        category="billing",
        channel="phone",
        days_ago=6,
        contact_name="Selin Aydın",
        contact_phone="+90 532 555 27 81",
        contact_email="selin.aydin@example.net",
        steps=(
            ("ack", "phone", ""),
            ("assign", "billing"),
            ("propose", "Gecikme bedelinin yarısını bir sonraki faturanızdan düşebiliriz."),
            ("reject", "Gecikme bankadan kaynaklandı; bedelin tamamının silinmesini istiyorum."),
            (
                # R14 four eyes: proposed by the billing handler, waiting for a manager
                "propose_final",
                "Banka yazısı sunulmadı; sözleşmenin 5.2 maddesi uygulanıyor.",
                "Gecikme bedeli sözleşme gereği tahakkuk etmiştir; yarısını düşme teklifimiz "
                "geçerlidir. Aşağıdaki başvuru yollarını kullanabilirsiniz.",
            ),
        ),
    ),
]
