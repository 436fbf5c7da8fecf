"""Texts of the demo site, a fictional trust-service provider (data only; `demo.py` loads it).

Each page: `key`, `parent` (another page's key, None for the home page), `model`,
`show_in_menus`, and its fields per language (`tr`, `en`). StreamField values are Wagtail's
raw JSON (`{"type": ..., "value": ...}`). Links to other demo pages are written by key: a
button's `"page": "page:<key>"`, a rich-text link `<a href="page:<key>">`; the loader turns
them into page ids. `earlier_versions` are published before the current text (R1: each
published revision of the policy is a version).
"""

COMPANY_NAME = "Kalkan Güven Hizmetleri A.Ş."
SITE_NAME = "Kalkan Güven"
COMPLAINTS_EMAIL = "sikayet@kalkanguven.example"
PRIVACY_EMAIL = "kvkk@kalkanguven.example"
PHONE = "+90 212 555 00 00"
ADDRESS = "Esentepe Mah. Kalkan Sok. No: 12, 34394 Şişli / İstanbul"


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _callout(title, html, tone="info"):
    return {"type": "callout", "value": {"tone": tone, "title": title, "text": html}}


def _button(label, page=None, url=""):
    return {"type": "button", "value": {"label": label, "page": page, "url": url}}


def _step(title, html, deadline=""):
    return {"title": title, "text": html, "deadline": deadline}


def _question(question, html):
    return {"type": "question", "value": {"question": question, "answer": html}}


_MAILTO = f'<a href="mailto:{COMPLAINTS_EMAIL}">{COMPLAINTS_EMAIL}</a>'
_PRIVACY_MAILTO = f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>'

# --- home ---------------------------------------------------------------------------------

HOME = {
    "key": "home",
    "parent": None,
    "model": "cms_pages.HomePage",
    "show_in_menus": False,
    "tr": {
        "title": "Ana sayfa",
        "slug": "ana-sayfa",
        "seo_title": "Kalkan Güven | Şikâyet ve müşteri memnuniyeti",
        "search_description": (
            "Kalkan Güven'in e-imza, elektronik sertifika, zaman damgası ve KEP hizmetleriyle "
            "ilgili şikâyetinizi iletin, her adımını izleyin."
        ),
        "intro": (
            "E-imza, elektronik sertifika, zaman damgası ve KEP hizmetlerimizle ilgili her "
            "şikâyeti kayda alır, sonuçlanana kadar izleriz."
        ),
        "hero_title": "Bir sorun mu yaşadınız? Birlikte çözelim.",
        "hero_text": (
            "Şikâyetinizi web formundan, e-postayla, telefonla, yüz yüze ya da sosyal medyadan "
            "iletebilirsiniz. Aldığımızı hemen bildirir, 1 iş günü içinde yanıt verir ya da ne "
            "zaman sonuçlanacağını söyleriz."
        ),
        "body": [
            _heading("Üç adımda başvuru"),
            {
                "type": "steps",
                "value": {
                    "title": "",
                    "steps": [
                        _step(
                            "Şikâyetinizi iletin",
                            '<p>Üye olmadan <a href="page:complaint_form">şikâyet formunu</a> '
                            'doldurun ya da hesabınızla <a href="/portal/">müşteri portalından'
                            "</a> başvurun.</p>",
                        ),
                        _step(
                            "Başvuru numaranızı alın",
                            "<p>Her şikâyete MMN-2026-000123 biçiminde bir numara veririz. Bu "
                            "numarayla şikâyetinizin her adımını görürsünüz.</p>",
                            "Kayıt anında",
                        ),
                        _step(
                            "Yanıtımızı alın",
                            "<p>Şikâyetinizi 1 iş günü içinde yanıtlarız. Çözüm daha uzun "
                            "sürecekse tahmini tarihi size bildiririz.</p>",
                            "1 iş günü",
                        ),
                    ],
                },
            },
            _callout(
                "Sertifika sorun bildirimi",
                "<p>Özel anahtarınızın ele geçirildiğinden ya da bir sertifikanın hatalı "
                f"düzenlendiğinden şüpheleniyorsanız hemen {_MAILTO} adresine yazın. Bu "
                "bildirimleri günün her saati izler, 24 saat içinde ön rapor göndeririz.</p>",
                tone="important",
            ),
            _paragraph(
                '<p>Şikâyetleri nasıl ele aldığımızı <a href="page:process">şikâyet süreci</a> '
                'sayfasında, size verdiğimiz sözleri <a href="page:policy">Müşteri Memnuniyeti '
                "Politikamızda</a> bulabilirsiniz.</p>"
            ),
        ],
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "seo_title": "Kalkan Güven | Complaints and customer satisfaction",
        "search_description": (
            "Tell Kalkan Güven about a problem with our e-signature, certificate, time-stamping "
            "or registered e-mail services and follow every step of your complaint."
        ),
        "intro": (
            "Every complaint about our e-signature, certificate, time-stamping and registered "
            "e-mail services is recorded and followed through to the end."
        ),
        "hero_title": "Something went wrong? Let's put it right together.",
        "hero_text": (
            "Tell us through our web form, by e-mail, by phone, in person or on social media. "
            "We confirm that we have your complaint straight away and answer within one "
            "business day, or tell you when it will be resolved."
        ),
        "body": [
            _heading("Three steps to a complaint"),
            {
                "type": "steps",
                "value": {
                    "title": "",
                    "steps": [
                        _step(
                            "Tell us what happened",
                            '<p>Fill in our <a href="page:complaint_form">complaint form</a> '
                            'without an account, or sign in to the <a href="/portal/">customer '
                            "portal</a>.</p>",
                        ),
                        _step(
                            "Get your reference",
                            "<p>Every complaint gets a reference such as MMN-2026-000123, so "
                            "you can follow each step we take.</p>",
                            "As soon as it is recorded",
                        ),
                        _step(
                            "Hear back from us",
                            "<p>We answer within one business day. If a fix takes longer, we "
                            "tell you the date we expect to resolve it.</p>",
                            "1 business day",
                        ),
                    ],
                },
            },
            _callout(
                "Certificate problem reports",
                "<p>If you suspect that a private key has been compromised or a certificate "
                f"was mis-issued, e-mail {_MAILTO} right away. We watch these reports around "
                "the clock and send a preliminary report within 24 hours.</p>",
                tone="important",
            ),
            _paragraph(
                '<p>Read <a href="page:process">how we handle complaints</a> and what we '
                'promise you in our <a href="page:policy">Customer Satisfaction Policy</a>.</p>'
            ),
        ],
    },
}

# --- about us and its children ------------------------------------------------------------

ABOUT = {
    "key": "about",
    "parent": "home",
    "model": "cms_pages.ContentPage",
    "show_in_menus": True,
    "tr": {
        "title": "Hakkımızda",
        "slug": "hakkimizda",
        "seo_title": "Hakkımızda | Kalkan Güven",
        "search_description": (
            "Kalkan Güven Hizmetleri A.Ş.: BTK yetkili elektronik sertifika hizmet sağlayıcısı; "
            "nitelikli e-imza, e-mühür, zaman damgası, KEP ve SSL/TLS sertifikaları."
        ),
        "intro": (
            "2009'dan bu yana kişilere ve kurumlara güvenli elektronik imza ve sertifika "
            "hizmetleri sunuyoruz."
        ),
        "body": [
            _paragraph(
                f"<p>{COMPANY_NAME}, 5070 sayılı Elektronik İmza Kanunu kapsamında Bilgi "
                "Teknolojileri ve İletişim Kurumu'nun (BTK) yetkilendirdiği bir elektronik "
                "sertifika hizmet sağlayıcısıdır. İstanbul'daki merkezimizde ve iki yedek veri "
                "merkezimizde 180 çalışanımızla hizmet veriyoruz.</p>"
            ),
            _heading("Hizmetlerimiz"),
            _paragraph(
                "<ul><li>Nitelikli elektronik sertifika (e-imza) ve mobil imza</li>"
                "<li>Kurumlar için elektronik mühür</li>"
                "<li>Zaman damgası</li>"
                "<li>Kayıtlı elektronik posta (KEP)</li>"
                "<li>SSL/TLS ve kod imzalama sertifikaları</li></ul>"
            ),
            _heading("Nasıl çalışıyoruz?"),
            _paragraph(
                "<p>Sertifika hizmetlerimiz her yıl bağımsız kuruluşlarca ETSI standartlarına "
                "göre denetlenir. Bilgi güvenliği yönetimimiz ISO/IEC 27001'e, şikâyet "
                "yönetimimiz ISO 10002'ye dayanır.</p>"
            ),
            _heading("Politikalarımız"),
            _paragraph(
                '<p><a href="page:vision">Vizyonumuzu ve misyonumuzu</a>, müşterilerimize '
                'verdiğimiz sözleri anlatan <a href="page:policy">Müşteri Memnuniyeti '
                'Politikamızı</a> ve <a href="page:privacy">kişisel verilerinizi nasıl '
                "koruduğumuzu</a> bu bölümde bulabilirsiniz.</p>"
            ),
        ],
    },
    "en": {
        "title": "About us",
        "slug": "about-us",
        "seo_title": "About us | Kalkan Güven",
        "search_description": (
            "Kalkan Güven is a certificate service provider authorised by Türkiye's ICT "
            "Authority: qualified e-signatures, e-seals, time stamps, registered e-mail and "
            "SSL/TLS."
        ),
        "intro": (
            "Since 2009 we have provided secure electronic signature and certificate services "
            "to people and organisations."
        ),
        "body": [
            _paragraph(
                f"<p>{COMPANY_NAME} is an electronic certificate service provider authorised "
                "by Türkiye's Information and Communication Technologies Authority (BTK) under "
                "Electronic Signature Law no. 5070. Our 180 people work from our head office "
                "in Istanbul and two backup data centres.</p>"
            ),
            _heading("What we do"),
            _paragraph(
                "<ul><li>Qualified electronic certificates (e-signature) and mobile signature"
                "</li><li>Electronic seals for organisations</li>"
                "<li>Time stamping</li>"
                "<li>Registered electronic mail (KEP)</li>"
                "<li>SSL/TLS and code-signing certificates</li></ul>"
            ),
            _heading("How we work"),
            _paragraph(
                "<p>Independent auditors assess our certificate services against the ETSI "
                "standards every year. Our information security management follows ISO/IEC "
                "27001 and our complaints handling follows ISO 10002.</p>"
            ),
            _heading("Our policies"),
            _paragraph(
                '<p>In this section you will find our <a href="page:vision">vision and '
                'mission</a>, our <a href="page:policy">Customer Satisfaction Policy</a> and '
                '<a href="page:privacy">how we protect your personal data</a>.</p>'
            ),
        ],
    },
}

VISION = {
    "key": "vision",
    "parent": "about",
    "model": "cms_pages.ContentPage",
    "show_in_menus": True,
    "tr": {
        "title": "Vizyon ve misyon",
        "slug": "vizyon-ve-misyon",
        "seo_title": "Vizyon ve misyon | Kalkan Güven",
        "search_description": (
            "Kalkan Güven'in vizyonu, misyonu, değerleri ve bu değerleri hayata geçiren "
            "politikaları."
        ),
        "intro": "Neyi hedeflediğimiz, bunun için ne yaptığımız ve neye değer verdiğimiz.",
        "body": [
            _heading("Vizyonumuz"),
            _paragraph(
                "<p>Elektronik ortamda atılan her imzanın ve gönderilen her belgenin kâğıttaki "
                "kadar güvenilir olduğu bir Türkiye.</p>"
            ),
            _heading("Misyonumuz"),
            _paragraph(
                "<p>Güvenli, erişilebilir ve mevzuata tam uyumlu güven hizmetleri sunmak; "
                "müşterilerimizin sorunlarını hızla ve şeffaf biçimde çözmek.</p>"
            ),
            _heading("Değerlerimiz"),
            _paragraph(
                "<ul><li><b>Güvenilirlik:</b> Söz verdiğimiz süreye ve standarda uyarız.</li>"
                "<li><b>Şeffaflık:</b> Kararlarımızı gerekçesiyle açıklarız.</li>"
                "<li><b>Erişilebilirlik:</b> Bize hangi kanaldan ulaşırsanız ulaşın aynı "
                "özeni görürsünüz.</li>"
                "<li><b>Sürekli iyileştirme:</b> Her şikâyetten bir ders çıkarırız.</li></ul>"
            ),
            _heading("Politikalarımız"),
            _button("Müşteri Memnuniyeti Politikası", page="page:policy"),
            _button("Kişisel Verilerin Korunması", page="page:privacy"),
        ],
    },
    "en": {
        "title": "Vision and mission",
        "slug": "vision-and-mission",
        "seo_title": "Vision and mission | Kalkan Güven",
        "search_description": (
            "Kalkan Güven's vision, mission and values, and the policies that put them into "
            "practice."
        ),
        "intro": "What we aim for, how we get there and what we care about.",
        "body": [
            _heading("Our vision"),
            _paragraph(
                "<p>A Türkiye where every signature made and every document sent online is as "
                "trustworthy as one on paper.</p>"
            ),
            _heading("Our mission"),
            _paragraph(
                "<p>To provide trust services that are secure, accessible and fully compliant, "
                "and to solve our customers' problems quickly and openly.</p>"
            ),
            _heading("Our values"),
            _paragraph(
                "<ul><li><b>Reliability:</b> we keep to the deadlines and standards we promise."
                "</li><li><b>Transparency:</b> we explain our decisions and the reasons for "
                "them.</li><li><b>Accessibility:</b> whichever way you reach us, you get the "
                "same care.</li><li><b>Continual improvement:</b> every complaint teaches us "
                "something.</li></ul>"
            ),
            _heading("Our policies"),
            _button("Customer Satisfaction Policy", page="page:policy"),
            _button("Privacy notice", page="page:privacy"),
        ],
    },
}

_POLICY_INTRO_TR = (
    "Şikâyetlerinizi nasıl karşıladığımızı ve size neyi taahhüt ettiğimizi anlatan, "
    "yönetim kurulumuzca onaylanmış politikamız."
)
_POLICY_OPENING_TR = _paragraph(
    "<p>Kalkan Güven olarak müşteri memnuniyetini hizmet kalitemizin ölçüsü sayarız. Bu "
    "politika, ISO 10002 standardına dayanan Müşteri Memnuniyeti Yönetim Sistemimizin "
    "temelidir ve bütün çalışanlarımız için bağlayıcıdır.</p>"
)
_POLICY_COMMITMENTS_TR = (
    "<li><b>Erişilebilirlik.</b> Şikâyetinizi web sitemizdeki formdan, e-postayla, telefonla, "
    "yüz yüze ya da sosyal medya hesaplarımızdan ücretsiz iletebilirsiniz.</li>"
    "<li><b>Bilgilendirme.</b> Şikâyetinizi aldığımızı tercih ettiğiniz yolla bildirir; "
    "aldığımız her kararı ve attığımız her adımı size hemen iletiriz.</li>"
    "<li><b>Zamanında yanıt.</b> 1 iş günü içinde çözemediğimiz şikâyetler için tahmini çözüm "
    "tarihini bildiririz.</li>"
    "<li><b>Tarafsız inceleme.</b> Her şikâyeti ilgili uzman birimde, ciddiyeti ve ne sıklıkla "
    "tekrarlandığıyla orantılı bir özenle inceleriz.</li>"
    "<li><b>Gizlilik.</b> Kişisel verilerinizi yalnızca şikâyetinizi sonuçlandırmak için, "
    "6698 sayılı Kanun'a uygun olarak işleriz.</li>"
    "<li><b>İzlenebilirlik.</b> Her şikâyeti kabulünden sonuçlanmasına kadar Şikâyet ve Takip "
    "Formu'nda kayıt altında tutarız.</li>"
    "<li><b>Sürekli iyileştirme.</b> Şikâyetleri ve memnuniyet anketlerini analiz eder, "
    "sorunun kaynağını gideren düzeltici ve önleyici faaliyetleri uygularız.</li>"
)
_POLICY_ROUTES_TR = (
    "<li><b>Alternatif çözüm yolları.</b> Önerdiğimiz çözümü kabul etmezseniz şikâyetiniz açık "
    "kalır. İtirazınızı kaydeder, başvurabileceğiniz kurum içi ve kurum dışı yolları "
    "süreleriyle birlikte bildirir, makul bütün yollar tükenene ya da memnun kalana kadar "
    "şikâyetinizi izlemeyi sürdürürüz.</li>"
)
_POLICY_RESPONSIBILITY_TR = [
    _heading("Sorumluluk ve gözden geçirme"),
    _paragraph(
        "<p>Politikanın uygulanmasından genel müdürümüz sorumludur. Sistem her yıl iç "
        "denetimden ve yönetimin gözden geçirmesinden geçer; politika bu gözden geçirmelerin "
        "sonucuna göre güncellenir ve yürürlükteki sürümü bu sayfada yayımlanır.</p>"
    ),
]

# The version number and date come from the page's publishing history (the page header shows
# them); the text never names a version, so it cannot contradict the header after an approval.
_POLICY_VERSION_NOTE_TR = _callout(
    "Hangi sürüm sizin için geçerli?",
    "<p>Şikâyetinizi yaptığınız gün yürürlükte olan sürüm, şikâyet kaydınızda saklanır.</p>",
)
_POLICY_INTRO_EN = (
    "Our policy, approved by our board, on how we handle your complaints and what we commit to."
)
_POLICY_OPENING_EN = _paragraph(
    "<p>At Kalkan Güven we measure the quality of our service by how satisfied our customers "
    "are. This policy is the foundation of our customer satisfaction management system, which "
    "follows ISO 10002, and it binds everyone who works for us.</p>"
)
_POLICY_COMMITMENTS_EN = (
    "<li><b>Easy to reach.</b> You can complain free of charge through the form on our "
    "website, by e-mail, by phone, in person or through our social media accounts.</li>"
    "<li><b>Kept informed.</b> We confirm that we have your complaint in the way you prefer, "
    "and tell you about every decision and every step as soon as it is taken.</li>"
    "<li><b>Timely answers.</b> If we cannot resolve your complaint within one business day, "
    "we tell you when we expect to.</li>"
    "<li><b>Fair investigation.</b> The right specialist team looks into every complaint, with "
    "care in proportion to how serious it is and how often it happens.</li>"
    "<li><b>Confidentiality.</b> We use your personal data only to resolve your complaint, in "
    "line with the Personal Data Protection Law no. 6698.</li>"
    "<li><b>A full record.</b> Each complaint is tracked on its Complaint and Tracking Form "
    "from the moment we receive it until it is closed.</li>"
    "<li><b>Continual improvement.</b> We analyse complaints and satisfaction surveys and take "
    "corrective and preventive action to remove the causes of problems.</li>"
)
_POLICY_ROUTES_EN = (
    "<li><b>Alternative routes.</b> If you do not accept the resolution we propose, your "
    "complaint stays open. We record your objection, tell you which internal and external "
    "routes are open to you and their deadlines, and keep following your complaint until every "
    "reasonable route has been tried or you are satisfied.</li>"
)
_POLICY_RESPONSIBILITY_EN = [
    _heading("Responsibility and review"),
    _paragraph(
        "<p>Our general manager is responsible for putting this policy into practice. The "
        "system is audited internally and reviewed by management every year; the policy is "
        "updated in the light of those reviews, and the version in force is always published "
        "on this page.</p>"
    ),
]
_POLICY_VERSION_NOTE_EN = _callout(
    "Which version applies to you?",
    "<p>The version in force on the day you file a complaint is recorded with your complaint.</p>",
)

POLICY = {
    "key": "policy",
    "parent": "about",
    "model": "cms_pages.PolicyPage",
    "show_in_menus": True,
    "earlier_versions": {
        "tr": [
            {
                "intro": _POLICY_INTRO_TR,
                "body": [
                    _POLICY_OPENING_TR,
                    _heading("Taahhütlerimiz"),
                    _paragraph(f"<ol>{_POLICY_COMMITMENTS_TR}</ol>"),
                    *_POLICY_RESPONSIBILITY_TR,
                ],
            }
        ],
        "en": [
            {
                "intro": _POLICY_INTRO_EN,
                "body": [
                    _POLICY_OPENING_EN,
                    _heading("Our commitments"),
                    _paragraph(f"<ol>{_POLICY_COMMITMENTS_EN}</ol>"),
                    *_POLICY_RESPONSIBILITY_EN,
                ],
            }
        ],
    },
    "tr": {
        "title": "Müşteri Memnuniyeti Politikası",
        "slug": "musteri-memnuniyeti-politikasi",
        "seo_title": "Müşteri Memnuniyeti Politikası | Kalkan Güven",
        "search_description": (
            "Kalkan Güven'in ISO 10002'ye dayanan müşteri memnuniyeti politikası: "
            "taahhütlerimiz, süreler, alternatif çözüm yolları ve sürekli iyileştirme."
        ),
        "intro": _POLICY_INTRO_TR,
        "body": [
            _POLICY_OPENING_TR,
            _heading("Taahhütlerimiz"),
            _paragraph(f"<ol>{_POLICY_COMMITMENTS_TR}{_POLICY_ROUTES_TR}</ol>"),
            *_POLICY_RESPONSIBILITY_TR,
            _POLICY_VERSION_NOTE_TR,
        ],
    },
    "en": {
        "title": "Customer Satisfaction Policy",
        "slug": "customer-satisfaction-policy",
        "seo_title": "Customer Satisfaction Policy | Kalkan Güven",
        "search_description": (
            "Kalkan Güven's customer satisfaction policy, based on ISO 10002: our commitments, "
            "deadlines, alternative routes and continual improvement."
        ),
        "intro": _POLICY_INTRO_EN,
        "body": [
            _POLICY_OPENING_EN,
            _heading("Our commitments"),
            _paragraph(f"<ol>{_POLICY_COMMITMENTS_EN}{_POLICY_ROUTES_EN}</ol>"),
            *_POLICY_RESPONSIBILITY_EN,
            _POLICY_VERSION_NOTE_EN,
        ],
    },
}

PRIVACY = {
    "key": "privacy",
    "parent": "about",
    "model": "cms_pages.ContentPage",
    "show_in_menus": True,
    "tr": {
        "title": "Kişisel Verilerin Korunması",
        "slug": "kisisel-verilerin-korunmasi",
        "seo_title": "KVKK aydınlatma metni | Kalkan Güven",
        "search_description": (
            "Şikâyet başvurularında işlenen kişisel veriler, işleme amaçları, hukuki sebepler, "
            "saklama süreleri ve KVKK kapsamındaki haklarınız."
        ),
        "intro": (
            "Şikâyetiniz sırasında hangi kişisel verilerinizi, neden ve ne kadar süreyle "
            "işlediğimizi açıklayan aydınlatma metni."
        ),
        "body": [
            _paragraph(
                "<p>Bu metin, 6698 sayılı Kişisel Verilerin Korunması Kanunu'nun (KVKK) 10. "
                f"maddesi uyarınca veri sorumlusu {COMPANY_NAME} tarafından, şikâyet "
                "başvurularınız sırasında işlenen kişisel veriler hakkında sizi bilgilendirmek "
                "için hazırlanmıştır.</p>"
            ),
            _heading("Hangi verilerinizi işliyoruz?"),
            _paragraph(
                "<ul><li>Kimlik: adınız ve soyadınız</li>"
                "<li>İletişim: e-posta adresiniz, telefon numaranız</li>"
                "<li>Şikâyet bilgileri: konu, açıklama, eklediğiniz belgeler, sertifika seri "
                "numarası, sizinle yazışmalarımız ve görüşme notları</li>"
                "<li>İşlem güvenliği: portal oturum kayıtları ve IP adresi</li>"
                "<li>Memnuniyet anketine verdiğiniz yanıtlar</li></ul>"
            ),
            _heading("Hangi amaçlarla ve hangi hukuki sebeplere dayanarak?"),
            _paragraph(
                "<p>Verilerinizi şikâyetinizi almak, incelemek, sonuçlandırmak ve size bilgi "
                "vermek; sertifika sorun bildirimlerinde ve tüketici mevzuatında öngörülen "
                "yükümlülüklerimizi yerine getirmek; hizmet kalitemizi ölçmek ve iyileştirmek "
                "için işleriz. Hukuki sebeplerimiz KVKK'nın 5/2. maddesindeki sözleşmenin "
                "ifası (c), hukuki yükümlülük (ç), bir hakkın tesisi, kullanılması veya "
                "korunması (e) ve meşru menfaattir (f).</p>"
            ),
            _heading("Kimlerle paylaşıyoruz?"),
            _paragraph(
                "<p>Yalnızca gerektiğinde ve gerektiği kadar: talep etmeleri hâlinde yetkili "
                "kurumlarla (BTK, tüketici hakem heyetleri, mahkemeler, Kişisel Verileri Koruma "
                "Kurulu), sertifika sorun bildirimlerinde ilgili sertifikanın sahibiyle ve "
                "verilerin yurt içinde barındırıldığı hizmet sağlayıcılarımızla. Verilerinizi "
                "yurt dışına aktarmayız.</p>"
            ),
            _heading("Ne kadar saklıyoruz?"),
            _paragraph(
                "<p>Kapatılan şikâyetleri ilgili mevzuattaki zamanaşımı süreleri boyunca "
                "saklar, süre dolunca anonimleştiririz. Anonim veriler yalnızca istatistik için "
                "kullanılır.</p>"
            ),
            _heading("Haklarınız"),
            _paragraph(
                "<p>KVKK'nın 11. maddesi uyarınca verilerinizin işlenip işlenmediğini öğrenme, "
                "bilgi isteme, düzeltilmesini veya silinmesini isteme, aktarıldığı kişileri "
                "öğrenme, yalnızca otomatik sistemlerle yapılan analizin aleyhinize sonuçlarına "
                "itiraz etme ve zararınızın giderilmesini isteme haklarına sahipsiniz. "
                "Başvurunuzu şikâyet formunda “Kişisel veriler (KVKK başvurusu)” konusunu "
                f"seçerek ya da {_PRIVACY_MAILTO} adresine yazarak yapabilirsiniz; en geç 30 gün "
                "içinde ücretsiz yanıtlarız. Üyeyseniz portaldan kayıtlı verilerinizin bir "
                "kopyasını hemen indirebilirsiniz.</p>"
            ),
        ],
    },
    "en": {
        "title": "Privacy notice",
        "slug": "privacy-notice",
        "seo_title": "Privacy notice (KVKK) | Kalkan Güven",
        "search_description": (
            "The personal data we process when you complain, why, on what legal grounds, how "
            "long we keep it and your rights under Türkiye's data protection law."
        ),
        "intro": (
            "Which personal data we process when you make a complaint, why, and for how long."
        ),
        "body": [
            _paragraph(
                f"<p>{COMPANY_NAME}, as data controller, gives you this notice under article "
                "10 of the Personal Data Protection Law no. 6698 (KVKK) about the personal data "
                "we process when you make a complaint.</p>"
            ),
            _heading("What we process"),
            _paragraph(
                "<ul><li>Identity: your first and last name</li>"
                "<li>Contact details: your e-mail address and phone number</li>"
                "<li>Your complaint: subject, description, attached documents, certificate "
                "serial number, our correspondence and notes of our conversations</li>"
                "<li>Security records: portal session logs and IP address</li>"
                "<li>Your answers to our satisfaction survey</li></ul>"
            ),
            _heading("Why, and on what legal grounds"),
            _paragraph(
                "<p>We use your data to receive, investigate and resolve your complaint and to "
                "keep you informed; to meet our obligations for certificate problem reports "
                "and under consumer law; and to measure and improve our service. Our legal "
                "grounds are those in article 5(2) KVKK: performing a contract (c), a legal "
                "obligation (ç), establishing, exercising or defending a right (e) and our "
                "legitimate interests (f).</p>"
            ),
            _heading("Who we share it with"),
            _paragraph(
                "<p>Only when necessary, and only what is necessary: public authorities that "
                "ask for it (BTK, consumer arbitration committees, courts, the Personal Data "
                "Protection Board); the holder of a certificate that a problem report concerns; "
                "and our service providers that host data in Türkiye. We do not transfer your "
                "data abroad.</p>"
            ),
            _heading("How long we keep it"),
            _paragraph(
                "<p>We keep closed complaints for the limitation periods set by law and then "
                "anonymise them. Anonymised data is used only for statistics.</p>"
            ),
            _heading("Your rights"),
            _paragraph(
                "<p>Under article 11 KVKK you may ask whether we process your data, ask for "
                "information about it, have it corrected or erased, learn who it was shared "
                "with, object to decisions made solely by automated means and claim "
                "compensation for any damage. Apply through the complaint form with the topic "
                f"“Personal data (KVKK request)” or write to {_PRIVACY_MAILTO}; we answer free "
                "of charge within 30 days at the latest. If you have an account, you can "
                "download a copy of your data from the portal straight away.</p>"
            ),
        ],
    },
}

# --- the complaints process ---------------------------------------------------------------

PROCESS = {
    "key": "process",
    "parent": "home",
    "model": "cms_pages.ProcessPage",
    "show_in_menus": True,
    "tr": {
        "title": "Şikâyet süreci",
        "slug": "sikayet-sureci",
        "seo_title": "Şikâyetleri nasıl ele alıyoruz? | Kalkan Güven",
        "search_description": (
            "Şikâyetinizin alınmasından kapatılmasına kadar her adım ve süresi: 1 iş günü "
            "içinde yanıt, sertifika sorun bildirimlerinde 24 saat, KVKK başvurularında 30 gün."
        ),
        "intro": (
            "Şikâyetinizi aldığımız andan kapattığımız güne kadar ne olduğunu ve her adımın "
            "ne kadar sürdüğünü burada bulabilirsiniz."
        ),
        "steps": [
            {"type": "step", "value": v}
            for v in [
                _step(
                    "Şikâyetinizi alırız",
                    "<p>Web formundan, e-postayla, telefonla, yüz yüze ya da sosyal medyadan "
                    "gelen her şikâyet aynı sisteme kaydedilir ve bir başvuru numarası alır.</p>",
                    "Kayıt anında",
                ),
                _step(
                    "Aldığımızı bildiririz",
                    "<p>Şikâyetinizi aldığımızı tercih ettiğiniz yolla (e-posta, telefon ya da "
                    "yüz yüze) size bildiririz.</p>",
                    "Kayıttan hemen sonra",
                ),
                _step(
                    "İlgili birime yönlendiririz",
                    "<p>Şikâyetiniz konusuna göre sertifika operasyonları, teknik destek, "
                    "faturalama, müşteri hizmetleri ya da kişisel verilerin korunması "
                    "birimine atanır. Hangi birimin ilgilendiğini şikâyetinizin sayfasında "
                    "görürsünüz.</p>",
                ),
                _step(
                    "İnceleriz",
                    "<p>Uzman ekibimiz şikâyetinizi, ne kadar ciddi olduğuna ve benzerlerinin "
                    "ne sıklıkla geldiğine göre temel, standart ya da kök neden analiziyle "
                    "inceler. Atılan her adım Şikâyet ve Takip Formu'na işlenir.</p>",
                ),
                _step(
                    "Gerekirse size danışırız",
                    "<p>Ek bilgiye ihtiyacımız olursa size telefonla, e-postayla, yüz yüze ya "
                    "da portal üzerinden sorarız. Yanıtınızı portaldan ya da e-postayı "
                    "yanıtlayarak iletebilirsiniz.</p>",
                    "Yanıtınızı beklerken süre işlemez",
                ),
                _step(
                    "Yanıt veririz",
                    "<p>Şikâyetinizi 1 iş günü içinde yanıtlarız. Çözüm daha uzun sürecekse "
                    "tahmini çözüm tarihini bildirir, o tarihe kadar sonuçlandırırız. İş günü, "
                    "resmî tatiller dışında hafta içi 09:00–18:00 arasıdır.</p>",
                    "1 iş günü ya da bildirdiğimiz tarih",
                ),
                _step(
                    "Çözüm öneririz",
                    "<p>İncelemenin sonucunu ve önerdiğimiz çözümü gerekçesiyle iletiriz. "
                    "Öneriyi portaldan ya da bize ulaşarak kabul edebilir veya "
                    "reddedebilirsiniz.</p>",
                ),
                _step(
                    "Kabul etmezseniz",
                    "<p>Ret gerekçeniz kaydedilir ve şikâyetiniz açık kalır. Dosyayı yeniden "
                    "değerlendirir, gerekirse incelemeyi yeniden başlatırız. Size açık olan kurum "
                    "içi ve kurum dışı başvuru yollarını süreleriyle birlikte bildiririz.</p>",
                ),
                _step(
                    "Uygularız",
                    "<p>Kabul ettiğiniz çözümü uygular, ne yaptığımızı kaydeder ve size "
                    "bildiririz.</p>",
                ),
                _step(
                    "Kapatır, görüşünüzü sorarız",
                    "<p>Şikâyetin kapatıldığını size bildirir, hem çözümden hem de süreçten ne "
                    "kadar memnun kaldığınızı soran kısa bir anket göndeririz. Şikâyet ve Takip "
                    "Formu'nu PDF olarak indirebilirsiniz.</p>",
                ),
            ]
        ],
        "body": [
            _heading("Özel süreler"),
            _callout(
                "Sertifika sorun bildirimleri",
                "<p>Anahtar ele geçirilmesi, hatalı düzenlenmiş sertifika ya da kötüye "
                "kullanım bildirimlerini hafta sonu ve tatil dahil günün her saati inceleriz. "
                "Bildirimi yapana ve sertifika sahibine 24 saat içinde ön rapor göndeririz; "
                "gerekirse sertifikayı iptal ederiz.</p>",
                tone="important",
            ),
            _callout(
                "Kişisel veri başvuruları",
                "<p>KVKK kapsamındaki başvurularınızı en geç 30 gün içinde ücretsiz "
                'yanıtlarız. Ayrıntılar <a href="page:privacy">aydınlatma metnimizde</a>.</p>',
            ),
            _heading("Sonuçtan memnun kalmazsanız"),
            _paragraph(
                "<p>Önerimizi reddettiğinizde şikâyetinizin sayfasında Müşteri Memnuniyeti "
                "Kurulu'na itiraz gibi kurum içi yolları ve Tüketici Hakem Heyeti, arabuluculuk, "
                "Kişisel Verileri Koruma Kurulu ya da BTK gibi kurum dışı yolları görürsünüz. "
                "Bir yola başvurduğunuzda bunu bize bildirirseniz şikâyetinizi o yol "
                "sonuçlanana kadar izlemeyi sürdürürüz.</p>"
            ),
            _heading("Şeffaflık"),
            _paragraph(
                "<p>Kaç şikâyet aldığımızı, ne kadar sürede yanıtladığımızı ve ne kadar memnun "
                "kaldığınızı anonim olarak yayımlıyoruz.</p>"
            ),
            _button("Şikâyet istatistiklerini görün", page="page:statistics"),
        ],
    },
    "en": {
        "title": "How we handle complaints",
        "slug": "complaints-process",
        "seo_title": "How we handle complaints | Kalkan Güven",
        "search_description": (
            "Every step from receiving your complaint to closing it, with deadlines: an answer "
            "within one business day, 24 hours for certificate problem reports, 30 days for "
            "data requests."
        ),
        "intro": (
            "What happens from the moment we receive your complaint until the day we close "
            "it, and how long each step takes."
        ),
        "steps": [
            {"type": "step", "value": v}
            for v in [
                _step(
                    "We receive your complaint",
                    "<p>Whether it comes through the web form, by e-mail, by phone, in person "
                    "or on social media, every complaint goes into the same system and gets a "
                    "reference.</p>",
                    "As soon as it arrives",
                ),
                _step(
                    "We confirm we have it",
                    "<p>We let you know that we have received your complaint in the way you "
                    "prefer: by e-mail, by phone or in person.</p>",
                    "Straight after it is recorded",
                ),
                _step(
                    "We pass it to the right team",
                    "<p>Depending on the subject, certificate operations, technical support, "
                    "billing, customer service or data protection takes it on. Your complaint's "
                    "page shows which team is handling it.</p>",
                ),
                _step(
                    "We investigate",
                    "<p>Our specialists look into it in proportion to how serious it is and how "
                    "often similar complaints come in: a basic check, a standard investigation "
                    "or a root-cause analysis. Every step is written on the Complaint and "
                    "Tracking Form.</p>",
                ),
                _step(
                    "We ask you if we need to",
                    "<p>If we need more details, we ask by phone, by e-mail, in person or in "
                    "the portal. You can answer in the portal or simply reply to our "
                    "e-mail.</p>",
                    "Our clock stops while we wait for you",
                ),
                _step(
                    "We answer",
                    "<p>We answer within one business day. If a fix takes longer, we tell you "
                    "the date we expect to resolve it by, and keep to it. Business days are "
                    "Monday to Friday, 09:00–18:00, except public holidays.</p>",
                    "1 business day, or the date we gave you",
                ),
                _step(
                    "We propose a resolution",
                    "<p>We explain what we found and what we propose, with our reasons. You "
                    "can accept or reject the proposal in the portal or by contacting us.</p>",
                ),
                _step(
                    "If you reject it",
                    "<p>We record your reasons and your complaint stays open. We look at the "
                    "file again and reopen the investigation if needed, and we tell you which "
                    "internal and external routes are open to you, with their deadlines.</p>",
                ),
                _step(
                    "We put it into practice",
                    "<p>We carry out the resolution you accepted, record what we did and let "
                    "you know.</p>",
                ),
                _step(
                    "We close it and ask how we did",
                    "<p>We tell you that your complaint is closed and send a short survey about "
                    "the outcome and about the process. You can download the Complaint and "
                    "Tracking Form as a PDF.</p>",
                ),
            ]
        ],
        "body": [
            _heading("Special deadlines"),
            _callout(
                "Certificate problem reports",
                "<p>We investigate reports of key compromise, mis-issued certificates or "
                "misuse around the clock, weekends and holidays included. The reporter and the "
                "certificate holder get a preliminary report within 24 hours, and we revoke "
                "the certificate where needed.</p>",
                tone="important",
            ),
            _callout(
                "Personal data requests",
                "<p>We answer requests under the data protection law free of charge within 30 "
                'days at the latest. See our <a href="page:privacy">privacy notice</a>.</p>',
            ),
            _heading("If you are not satisfied with the outcome"),
            _paragraph(
                "<p>When you reject our proposal, your complaint's page lists the internal "
                "routes, such as an appeal to our Customer Satisfaction Board, and the external "
                "ones, such as the consumer arbitration committee, mediation, the Personal Data "
                "Protection Board or BTK. Tell us when you apply to one and we will keep "
                "following your complaint until it is settled.</p>"
            ),
            _heading("Openness"),
            _paragraph(
                "<p>We publish anonymised figures on how many complaints we receive, how fast "
                "we answer and how satisfied you are.</p>"
            ),
            _button("See our complaint statistics", page="page:statistics"),
        ],
    },
}

# --- filing -------------------------------------------------------------------------------

COMPLAINT_FORM = {
    "key": "complaint_form",
    "parent": "home",
    "model": "cms_pages.ComplaintFormPage",
    "show_in_menus": True,
    "tr": {
        "title": "Şikâyet bildir",
        "slug": "sikayet-bildir",
        "seo_title": "Şikâyet bildir | Kalkan Güven",
        "search_description": (
            "Üye olmadan şikâyetinizi iletin; başvuru numaranızı ve takip bağlantınızı "
            "e-postayla gönderelim."
        ),
        "intro": (
            "Üye olmadan şikâyetinizi iletebilirsiniz. Başvuru numaranızı ve şikâyetinizi "
            "izleyebileceğiniz bağlantıyı e-posta adresinize göndeririz."
        ),
        "privacy_notice": (
            f"<p><b>Kişisel verileriniz hakkında.</b> Bu formda verdiğiniz bilgileri, veri "
            f"sorumlusu {COMPANY_NAME} olarak yalnızca şikâyetinizi almak, incelemek, "
            "sonuçlandırmak ve size bilgi vermek için, KVKK'nın 5/2. maddesinin (c) ve (ç) "
            "bentlerine dayanarak işleriz. Bilgileriniz şikâyetinizi inceleyen birimlerimizle "
            "ve gerektiğinde yetkili kurumlarla paylaşılır; kapatılan şikâyetler saklama süresi "
            "sonunda anonimleştirilir. Haklarınız ve ayrıntılar için "
            '<a href="page:privacy">aydınlatma metninin tamamını</a> okuyabilirsiniz.</p>'
        ),
        "body": [
            _callout(
                "Hesabınız var mı?",
                "<p>Hesabınızla başvurursanız bütün şikâyetlerinizi tek yerden izler, "
                "sorularımızı ve çözüm önerilerimizi portaldan yanıtlarsınız.</p>",
            ),
            _button("Portaldan başvur", url="/portal/complaints/new/"),
            _callout(
                "Acil bir sertifika sorunu mu var?",
                "<p>Anahtar ele geçirilmesi ya da hatalı sertifika bildirimlerinde formda "
                "“Sertifika sorun bildirimi” konusunu seçin ya da doğrudan "
                f"{_MAILTO} adresine yazın. Bu bildirimlere günün her saati bakarız.</p>",
                tone="important",
            ),
        ],
    },
    "en": {
        "title": "File a complaint",
        "slug": "file-a-complaint",
        "seo_title": "File a complaint | Kalkan Güven",
        "search_description": (
            "Tell us about a problem without creating an account; we e-mail you your reference "
            "and a link to follow your complaint."
        ),
        "intro": (
            "You do not need an account to complain. We e-mail you your reference and a link "
            "where you can follow your complaint."
        ),
        "privacy_notice": (
            f"<p><b>About your personal data.</b> {COMPANY_NAME}, as data controller, uses "
            "what you enter in this form only to receive, investigate and resolve your "
            "complaint and to keep you informed, on the grounds in article 5(2)(c) and (ç) of "
            "the data protection law (KVKK). It is shared only with the teams handling your "
            "complaint and, where required, with the authorities; closed complaints are "
            "anonymised at the end of the retention period. Read the "
            '<a href="page:privacy">full privacy notice</a> for your rights and the '
            "details.</p>"
        ),
        "body": [
            _callout(
                "Have an account?",
                "<p>Complain from your account and you can follow all your complaints in one "
                "place and answer our questions and proposals in the portal.</p>",
            ),
            _button("Complain from the portal", url="/portal/complaints/new/"),
            _callout(
                "An urgent certificate problem?",
                "<p>For key compromise or a mis-issued certificate, choose the topic "
                "“Certificate problem report” in the form or write straight to "
                f"{_MAILTO}. We look at these reports around the clock.</p>",
                tone="important",
            ),
        ],
    },
}

# --- questions ----------------------------------------------------------------------------

FAQ = {
    "key": "faq",
    "parent": "home",
    "model": "cms_pages.FAQPage",
    "show_in_menus": True,
    "tr": {
        "title": "Sık sorulan sorular",
        "slug": "sik-sorulan-sorular",
        "seo_title": "Sık sorulan sorular | Kalkan Güven şikâyet süreci",
        "search_description": (
            "Şikâyet takibi, yanıt süreleri, çözümü reddetme, sertifika sorun bildirimi, KVKK "
            "başvurusu ve takip formu hakkında sık sorulan sorular."
        ),
        "intro": "Şikâyet süreciyle ilgili en çok sorulanlar.",
        "questions": [
            _heading("Başvuru ve takip"),
            _question(
                "Şikâyetimi nasıl takip ederim?",
                "<p>Başvurunuzdan sonra size MMN-2026-000123 biçiminde bir başvuru numarası "
                "ve bir takip bağlantısı e-postayla gönderilir. Hesabınız varsa bütün "
                'şikâyetlerinizi <a href="/portal/">Şikâyetlerim</a> sayfasında görürsünüz. '
                "Her karar ve her adım size ayrıca bildirilir.</p>",
            ),
            _question(
                "Başvuru için üye olmam gerekir mi?",
                '<p>Hayır. <a href="page:complaint_form">Şikâyet formunu</a> üye olmadan '
                "doldurabilirsiniz. Üye olursanız şikâyetlerinizi tek yerden izler, "
                "sorularımıza ve önerilerimize portaldan yanıt verirsiniz.</p>",
            ),
            _question(
                "Üye olmadan yaptığım şikâyeti hesabıma nasıl bağlarım?",
                "<p>Başvuruda yazdığınız e-posta adresiyle üye olun ve adresinizi doğrulayın. "
                "Sonra size gönderdiğimiz takip bağlantısını açıp şikâyeti hesabınıza "
                "bağlayın. Bundan sonra şikâyetiniz Şikâyetlerim sayfasında görünür; eski "
                "takip bağlantısı ise güvenliğiniz için oturum açmadan çalışmaz.</p>",
            ),
            _question(
                "Ne kadar sürede yanıt alırım?",
                "<p>1 iş günü içinde. Çözüm daha uzun sürecekse tahmini tarihi bildiririz. "
                "Sertifika sorun bildirimlerinde 24 saat içinde ön rapor gönderir, kişisel "
                'veri başvurularını 30 gün içinde yanıtlarız. Ayrıntılar <a href="page:process">'
                "şikâyet süreci</a> sayfasında.</p>",
            ),
            _heading("Sonuç"),
            _question(
                "Önerilen çözümü kabul etmezsem ne olur?",
                "<p>Ret gerekçenizi yazmanız yeterli; şikâyetiniz kapanmaz. Dosyanızı yeniden "
                "değerlendiririz. Sonuçtan yine memnun kalmazsanız Müşteri Memnuniyeti "
                "Kurulu'na itiraz edebilir ya da Tüketici Hakem Heyeti, arabuluculuk, KVK "
                "Kurulu veya BTK gibi kurum dışı yollara başvurabilirsiniz. Hangi yolun "
                "sizin için geçerli olduğunu ve sürelerini şikâyetinizin sayfasında "
                "görürsünüz.</p>",
            ),
            _question(
                "Şikâyet ve Takip Formu nedir?",
                "<p>Şikâyetinizin kabulünden kapanışına kadar atılan her adımı gösteren "
                "belgedir. Portalda şikâyetinizin sayfasındaki “Takip formunu indir (PDF)” "
                "bağlantısıyla dilediğiniz an indirebilirsiniz.</p>",
            ),
            _heading("Özel başvurular"),
            _question(
                "Sertifika sorun bildirimini nasıl yaparım?",
                "<p>Özel anahtarınızın ele geçirildiğinden, bir sertifikanın hatalı "
                "düzenlendiğinden ya da kötüye kullanıldığından şüpheleniyorsanız formda "
                "“Sertifika sorun bildirimi” konusunu seçin ya da "
                f"{_MAILTO} adresine yazın; sertifikanın seri numarasını eklemeyi unutmayın. "
                "Bu bildirimlere günün her saati bakar, size ve sertifika sahibine 24 saat "
                "içinde ön rapor göndeririz.</p>",
            ),
            _question(
                "Kişisel verilerimle ilgili nasıl başvururum?",
                "<p>Formda “Kişisel veriler (KVKK başvurusu)” konusunu seçin ya da "
                f"{_PRIVACY_MAILTO} adresine yazın. Başvurunuzu en geç 30 gün içinde ücretsiz "
                'yanıtlarız. Haklarınızı <a href="page:privacy">aydınlatma metnimizde</a> '
                "bulabilirsiniz.</p>",
            ),
        ],
    },
    "en": {
        "title": "Frequently asked questions",
        "slug": "faq",
        "seo_title": "Frequently asked questions | Kalkan Güven complaints",
        "search_description": (
            "Answers about following a complaint, how long it takes, rejecting a resolution, "
            "certificate problem reports, data requests and the tracking form."
        ),
        "intro": "What people most often ask about our complaints process.",
        "questions": [
            _heading("Filing and following"),
            _question(
                "How do I follow my complaint?",
                "<p>After you file it, we e-mail you a reference such as MMN-2026-000123 and a "
                "tracking link. If you have an account, all your complaints are under "
                '<a href="/portal/">My complaints</a>. We also tell you about every decision '
                "and every step.</p>",
            ),
            _question(
                "Do I need an account to complain?",
                '<p>No. You can fill in the <a href="page:complaint_form">complaint form</a> '
                "without one. With an account you follow your complaints in one place and "
                "answer our questions and proposals in the portal.</p>",
            ),
            _question(
                "How do I add a complaint I filed without an account to my account?",
                "<p>Sign up with the e-mail address you gave in your complaint and confirm it. "
                "Then open the tracking link we sent you and add the complaint to your "
                "account. From then on it appears under My complaints, and for your security "
                "the old tracking link no longer works without signing in.</p>",
            ),
            _question(
                "How long will it take?",
                "<p>We answer within one business day. If a fix takes longer, we tell you the "
                "date we expect to resolve it. For certificate problem reports we send a "
                "preliminary report within 24 hours, and we answer personal data requests "
                'within 30 days. See <a href="page:process">how we handle complaints</a>.</p>',
            ),
            _heading("The outcome"),
            _question(
                "What if I do not accept the proposed resolution?",
                "<p>Just tell us why; your complaint stays open and we review your file "
                "again. If you are still not satisfied, you can appeal to our Customer "
                "Satisfaction Board or turn to an external body such as the consumer "
                "arbitration committee, mediation, the Personal Data Protection Board or BTK. "
                "Your complaint's page shows which routes apply to you and their deadlines.</p>",
            ),
            _question(
                "What is the Complaint and Tracking Form?",
                "<p>A document that lists every step taken on your complaint, from receipt "
                "to closure. Download it at any time with “Download the tracking form (PDF)” "
                "on your complaint's page in the portal.</p>",
            ),
            _heading("Special requests"),
            _question(
                "How do I report a problem with a certificate?",
                "<p>If you suspect that a private key was compromised, or that a certificate "
                "was mis-issued or misused, choose “Certificate problem report” in the form or "
                f"write to {_MAILTO}, including the certificate's serial number. We look at "
                "these reports around the clock and send you and the certificate holder a "
                "preliminary report within 24 hours.</p>",
            ),
            _question(
                "How do I make a request about my personal data?",
                "<p>Choose “Personal data (KVKK request)” in the form or write to "
                f"{_PRIVACY_MAILTO}. We answer free of charge within 30 days at the latest. "
                'Your rights are set out in our <a href="page:privacy">privacy notice</a>.</p>',
            ),
        ],
    },
}

# --- contact and statistics ---------------------------------------------------------------

CONTACT = {
    "key": "contact",
    "parent": "home",
    "model": "cms_pages.ContactPage",
    "show_in_menus": True,
    "tr": {
        "title": "İletişim",
        "slug": "iletisim",
        "seo_title": "İletişim ve şikâyet kanalları | Kalkan Güven",
        "search_description": (
            "Şikâyetinizi web formu, e-posta, telefon, yüz yüze ya da sosyal medya üzerinden "
            "iletin; adres, telefon ve çalışma saatleri."
        ),
        "intro": (
            "Şikâyetinizi size en uygun kanaldan iletin. Hangi kanalı seçerseniz seçin, "
            "şikâyetiniz aynı süreçle ve aynı sürelerle ele alınır."
        ),
        "body": [
            _heading("Merkez ofis"),
            _paragraph(
                f"<p>{COMPANY_NAME}<br/>{ADDRESS}<br/>Telefon: {PHONE}<br/>E-posta: {_MAILTO}</p>"
            ),
            _callout(
                "Günün her saati",
                "<p>Sertifika sorun bildirimlerini (anahtar ele geçirilmesi, hatalı "
                f"sertifika) {_MAILTO} adresine her an gönderebilirsiniz; 24 saat içinde ön "
                "rapor alırsınız.</p>",
                tone="important",
            ),
        ],
    },
    "en": {
        "title": "Contact us",
        "slug": "contact",
        "seo_title": "Contact and complaint channels | Kalkan Güven",
        "search_description": (
            "Complain through our web form, by e-mail, by phone, in person or on social media; "
            "our address, phone number and opening hours."
        ),
        "intro": (
            "Use whichever channel suits you best. However you reach us, your complaint "
            "follows the same process and the same deadlines."
        ),
        "body": [
            _heading("Head office"),
            _paragraph(
                f"<p>{COMPANY_NAME}<br/>{ADDRESS}, Türkiye<br/>Phone: {PHONE}<br/>E-mail: "
                f"{_MAILTO}</p>"
            ),
            _callout(
                "Around the clock",
                "<p>Certificate problem reports (key compromise, mis-issued certificates) can "
                f"be sent to {_MAILTO} at any time; you will get a preliminary report within "
                "24 hours.</p>",
                tone="important",
            ),
        ],
    },
}

STATISTICS = {
    "key": "statistics",
    "parent": "home",
    "model": "cms_pages.StatisticsPage",
    "show_in_menus": False,
    "tr": {
        "title": "Şikâyet istatistikleri",
        "slug": "sikayet-istatistikleri",
        "seo_title": "Şikâyet istatistikleri | Kalkan Güven",
        "search_description": (
            "Son 12 ayda aldığımız ve kapattığımız şikâyetler: yanıt ve sonuçlanma süreleri, "
            "memnuniyet (anonim)."
        ),
        "intro": (
            "Son 12 ayda aldığımız ve kapattığımız şikâyetler, ilk yanıt ve sonuçlanma "
            "süreleri ve memnuniyet anketlerinin sonuçları."
        ),
        "body": [
            _paragraph(
                "<p>Bu sayfadaki rakamlar anonimdir ve kişisel veri içermez. Kimsenin "
                "tanınmaması için çok küçük sayıları ayrıntılı göstermeyiz. Rakamları düzenli "
                "olarak güncelliyor ve yönetimin gözden geçirme toplantılarında "
                "değerlendiriyoruz.</p>"
            ),
            _button("Şikâyet sürecimiz", page="page:process"),
        ],
    },
    "en": {
        "title": "Complaint statistics",
        "slug": "statistics",
        "seo_title": "Complaint statistics | Kalkan Güven",
        "search_description": (
            "The complaints we received and closed in the last 12 months: response times, "
            "resolution times and satisfaction (anonymised)."
        ),
        "intro": (
            "The complaints we received and closed in the last 12 months, how quickly we "
            "answered and resolved them, and what our satisfaction surveys say."
        ),
        "body": [
            _paragraph(
                "<p>These figures are anonymised and contain no personal data. So that no one "
                "can be identified, very small numbers are not shown in detail. We update the "
                "figures regularly and discuss them at our management reviews.</p>"
            ),
            _button("How we handle complaints", page="page:process"),
        ],
    },
}

# Tree order: every page comes after its parent; siblings appear in menus in this order.
PAGES = [HOME, ABOUT, VISION, POLICY, PRIVACY, PROCESS, COMPLAINT_FORM, FAQ, CONTACT, STATISTICS]
