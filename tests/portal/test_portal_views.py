"""The customer portal's pages (/portal/): what a signed-in customer sees and can do."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories import AlternativeRouteFactory, CategoryFactory
from tests.workflow.helpers import PROPOSAL, QUESTION, complaint_in, nothing_changes, reload
from workflow import services
from workflow.models import (
    Complaint,
    ComplaintEvent,
    InformationRequest,
    RouteApplication,
    SatisfactionSurvey,
)
from workflow.states import ClosureReason, EventKind, Status

pytestmark = pytest.mark.django_db

NOT_NOW = "Bu işlem şikâyetin şu anki durumunda yapılamaz."


@pytest.fixture
def portal(client, customer):
    client.force_login(customer)
    return client


@pytest.fixture
def make(customer, staff, category):
    def make(status, **options):
        return complaint_in(status, customer=customer, staff=staff, category=category, **options)

    return make


def detail_url(complaint, action=""):
    return f"/portal/complaints/{complaint.reference}/{action + '/' if action else ''}"


def back_to(complaint):
    """Where an action sends the customer: the detail page, at the messages."""
    return detail_url(complaint) + "#main"


def page(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- who may see what ------------------------------------------------------------------------


def test_list_shows_own_complaints_only_newest_first(portal, make, other_customer, staff, category):
    older = make(Status.RECEIVED, subject="Eski şikâyet")
    newer = make(Status.RESOLUTION_PROPOSED, subject="Yeni şikâyet")
    theirs = complaint_in(
        Status.RECEIVED, customer=other_customer, staff=staff, category=category, subject="Başkası"
    )

    response = portal.get("/portal/")

    assert response.status_code == 200
    html = page(response)
    assert newer.reference in html
    assert older.reference in html
    assert theirs.reference not in html
    assert "Başkası" not in html
    assert html.index(newer.reference) < html.index(older.reference)
    assert "Çözüm önerildi" in html  # the status label
    assert "Çözüm önerisini kabul edin veya reddedin" in html  # the next step
    assert 'href="/portal/complaints/new/"' in html


def list_row(html: str, complaint) -> str:
    """The list's table row of `complaint`."""
    start = html.rindex("<tr", 0, html.index(f">{complaint.reference}</a>"))
    return html[start : html.index("</tr>", start)]


def test_each_list_row_says_the_status_the_date_and_whose_turn_it_is(portal, make, customer):
    surveyed = make(Status.CLOSED, subject="Anketi doldurulmuş")
    services.submit_survey(complaint=surveyed, actor=customer, resolution_score=5, process_score=5)
    unsurveyed = make(Status.CLOSED, subject="Anket bekliyor")
    english = make(Status.AWAITING_CUSTOMER, subject="Card not delivered", language="en")

    html = page(portal.get("/portal/"))

    row = list_row(html, unsurveyed)
    assert f'href="/portal/complaints/{unsurveyed.reference}/"' in row
    assert 'class="badge badge--closed">Kapatıldı</span>' in row
    received = timezone.localtime(unsurveyed.received_at)
    assert f'<time datetime="{received.isoformat()}">' in row
    assert f">{date_format(received, 'SHORT_DATE_FORMAT')}</time>" in row
    assert 'class="next-step next-step--action"' in row
    assert "Memnuniyet anketini doldurun" in row  # their turn: a link to the survey
    row = list_row(html, surveyed)
    assert "Yapmanız gereken bir şey yok" in row
    assert "next-step--action" not in row
    row = list_row(html, english)
    assert '<span lang="en">Card not delivered</span>' in row
    assert "Sorumuzu yanıtlayın" in row

    html = page(portal.get("/portal/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Fill in the satisfaction survey" in list_row(html, unsurveyed)
    assert ">Closed</span>" in list_row(html, unsurveyed)


def test_an_empty_list_invites_to_file_a_complaint(portal):
    response = portal.get("/portal/")
    assert "Henüz bir şikâyetiniz yok" in page(response)


@pytest.mark.parametrize(
    "path", ["/portal/", "/portal/complaints/new/", "/portal/complaints/MMN-2026-000001/"]
)
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_post_to_an_action_changes_nothing(client, make):
    complaint = make(Status.RESOLUTION_PROPOSED)
    with nothing_changes(complaint):
        response = client.post(detail_url(complaint, "accept"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_are_sent_to_the_staff_console(client, staff):
    client.force_login(staff)
    for path in ("/portal/", "/portal/complaints/new/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_another_customers_complaint_is_not_found(portal, other_customer, staff, category):
    theirs = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=other_customer, staff=staff, category=category
    )
    assert portal.get(detail_url(theirs)).status_code == 404
    with nothing_changes(theirs):
        assert portal.post(detail_url(theirs, "accept")).status_code == 404
        response = portal.post(detail_url(theirs, "reject"), {"reason": "Hayır"})
        assert response.status_code == 404


def test_actions_answer_only_post(portal, make):
    complaint = make(Status.RESOLUTION_PROPOSED)
    assert portal.get(detail_url(complaint, "accept")).status_code == 405
    assert reload(complaint).status == Status.RESOLUTION_PROPOSED


# --- filing ----------------------------------------------------------------------------------


def test_filing_a_complaint_end_to_end(portal, customer, category):
    CategoryFactory(slug="retired", name_tr="Eski kategori", is_active=False)
    form = page(portal.get("/portal/complaints/new/"))
    assert "Fatura" in form  # the active category, named in Turkish
    assert "Eski kategori" not in form

    response = portal.post(
        "/portal/complaints/new/",
        {
            "category": category.pk,
            "subject": "E-imza yenileme gecikti",
            "description": "Başvurum üç gündür onay bekliyor.",
            "preferred_contact_method": "phone",
            "phone": "+90 555 000 00 00",
        },
    )

    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail_url(complaint) + "#main"  # focus on the message
    assert complaint.customer == customer
    assert complaint.channel == "portal"
    assert complaint.status == Status.RECEIVED
    assert complaint.category == category
    assert complaint.contact_phone == "+90 555 000 00 00"
    assert complaint.language == "tr"
    detail = portal.get(response["Location"])
    assert f"Şikâyetiniz alındı. Başvuru numaranız: {complaint.reference}" in page(detail)
    assert "E-imza yenileme gecikti" in page(detail)


def test_filing_in_english_records_the_language(portal, category):
    portal.cookies["django_language"] = "en"
    assert "Billing" in page(portal.get("/portal/complaints/new/"))
    portal.post(
        "/portal/complaints/new/",
        {
            "category": category.pk,
            "subject": "Late renewal",
            "description": "Three days waiting.",
            "preferred_contact_method": "email",
        },
    )
    assert Complaint.objects.get().language == "en"


def test_filing_with_bad_input_shows_the_errors_and_keeps_the_input(portal, category):
    response = portal.post(
        "/portal/complaints/new/",
        {
            "category": category.pk,
            "subject": "   ",
            "description": "Açıklamam burada duruyor",
            "preferred_contact_method": "fax",
        },
    )
    assert response.status_code == 200
    html = page(response)
    assert "Şikâyetiniz kaydedilmedi" in html
    assert "Bu alan zorunludur." in html  # subject
    assert "fax mevcut seçeneklerden biri değil" in html  # preferred contact method
    assert "Açıklamam burada duruyor" in html
    assert Complaint.objects.count() == 0


def test_filing_to_be_called_needs_a_phone_number(portal, category):
    response = portal.post(
        "/portal/complaints/new/",
        {
            "category": category.pk,
            "subject": "Aranmak istiyorum",
            "description": "Lütfen beni arayın.",
            "preferred_contact_method": "phone",
            "phone": "",
        },
    )
    assert response.status_code == 200
    assert "Telefonla aranmak istiyorsanız bir telefon numarası yazın." in page(response)
    assert "Aranmak istiyorum" in page(response)
    assert Complaint.objects.count() == 0


# --- acting on a complaint -------------------------------------------------------------------


def test_accept_the_proposed_resolution(portal, make):
    complaint = make(Status.RESOLUTION_PROPOSED)
    html = page(portal.get(detail_url(complaint)))
    assert PROPOSAL in html
    assert f'action="{detail_url(complaint, "accept")}#accept-errors"' in html

    response = portal.post(detail_url(complaint, "accept"), follow=True)

    assert response.redirect_chain == [(back_to(complaint), 302)]
    assert reload(complaint).status == Status.IMPLEMENTING
    assert "Çözümü kabul ettiniz." in " ".join(messages_of(response))
    assert detail_url(complaint, "accept") not in page(response)


def test_reject_needs_a_reason_then_shows_the_routes(portal, make):
    AlternativeRouteFactory()
    complaint = make(Status.RESOLUTION_PROPOSED)
    assert "Tüketici Hakem Heyeti" not in page(portal.get(detail_url(complaint)))

    with nothing_changes(complaint):
        response = portal.post(detail_url(complaint, "reject"), {"reason": "  "})
    assert response.status_code == 400
    assert "Bu alan zorunludur." in page(response)

    response = portal.post(
        detail_url(complaint, "reject"), {"reason": "İade istiyorum."}, follow=True
    )
    assert reload(complaint).status == Status.REJECTED
    assert complaint.proposals.get().rejection_reason == "İade istiyorum."
    html = page(response)
    assert "Tüketici Hakem Heyeti" in html
    assert "https://tuketici.ticaret.gov.tr/" in html
    assert f'action="{detail_url(complaint, "route")}#route-errors"' in html


def test_answer_the_information_request(portal, make):
    complaint = make(Status.AWAITING_CUSTOMER)
    assert QUESTION in page(portal.get(detail_url(complaint)))

    response = portal.post(detail_url(complaint, "answer"), {"answer": "Fatura no: 42"})

    assert response.status_code == 302
    assert reload(complaint).status == Status.INVESTIGATING
    request = InformationRequest.objects.get(complaint=complaint)
    assert request.answer == "Fatura no: 42"


def test_send_a_message(portal, make):
    complaint = make(Status.INVESTIGATING)
    response = portal.post(
        detail_url(complaint, "message"), {"text": "Ek bilgi: dekont ekte."}, follow=True
    )
    assert "Mesajınız iletildi." in messages_of(response)
    assert reload(complaint).status == Status.INVESTIGATING
    assert complaint.events.filter(kind=EventKind.MESSAGE, text="Ek bilgi: dekont ekte.").exists()
    assert "Ek bilgi: dekont ekte." in page(response)


def test_a_message_over_the_size_limit_is_refused_beside_the_field(portal, make):
    complaint = make(Status.INVESTIGATING)

    with nothing_changes(complaint):
        response = portal.post(detail_url(complaint, "message"), {"text": "x" * 5001})

    assert response.status_code == 400
    assert 'maxlength="5000"' in page(response)
    assert not complaint.events.filter(kind=EventKind.MESSAGE).exists()


def test_withdraw_needs_the_confirmation(portal, make):
    complaint = make(Status.INVESTIGATING)
    with nothing_changes(complaint):
        response = portal.post(detail_url(complaint, "withdraw"), {"reason": "Çözüldü"})
    assert response.status_code == 400
    assert "Geri çekmek için bu kutuyu işaretleyin." in page(response)
    assert "Çözüldü" in page(response)  # what the customer typed is kept

    portal.post(detail_url(complaint, "withdraw"), {"reason": "Çözüldü", "confirm": "on"})
    complaint = reload(complaint)
    assert complaint.status == Status.CLOSED
    assert complaint.closure_reason == ClosureReason.WITHDRAWN


def test_survey_once_the_complaint_is_closed(portal, make):
    complaint = make(Status.CLOSED)
    assert f'action="{detail_url(complaint, "survey")}#survey-errors"' in page(
        portal.get(detail_url(complaint))
    )
    answers = {"resolution_score": "4", "process_score": "5", "comment": "Hızlıydı."}

    response = portal.post(detail_url(complaint, "survey"), answers, follow=True)

    survey = SatisfactionSurvey.objects.get(complaint=complaint)
    assert (survey.resolution_score, survey.process_score, survey.comment) == (4, 5, "Hızlıydı.")
    assert detail_url(complaint, "survey") not in page(response)
    with nothing_changes(complaint):
        response = portal.post(detail_url(complaint, "survey"), answers, follow=True)
    assert NOT_NOW in messages_of(response)


def test_survey_scores_are_one_to_five(portal, make):
    complaint = make(Status.CLOSED)
    with nothing_changes(complaint):
        response = portal.post(
            detail_url(complaint, "survey"), {"resolution_score": "9", "process_score": "3"}
        )
    assert response.status_code == 400


def test_record_a_route_application(portal, make):
    route = AlternativeRouteFactory()
    complaint = make(Status.REJECTED)
    tomorrow = timezone.localdate() + timedelta(days=1)

    with nothing_changes(complaint):
        response = portal.post(
            detail_url(complaint, "route"),
            {"route": route.pk, "applied_on": tomorrow.isoformat(), "external_reference": "X-1"},
        )
    assert response.status_code == 400
    assert "Bugünden ileri olmayan bir tarih girin." in page(response)
    assert "X-1" in page(response)

    response = portal.post(
        detail_url(complaint, "route"),
        {
            "route": route.pk,
            "applied_on": timezone.localdate().isoformat(),
            "external_reference": "THH-7",
        },
        follow=True,
    )
    application = RouteApplication.objects.get(complaint=complaint)
    assert (application.route, application.external_reference) == (route, "THH-7")
    assert "Başvurunuz kaydedildi." in messages_of(response)
    assert "THH-7" in page(response)  # on the timeline


@pytest.mark.parametrize(
    ("action", "status", "data"),
    [
        ("accept", Status.INVESTIGATING, {}),
        ("reject", Status.IMPLEMENTING, {"reason": "Hayır"}),
        ("answer", Status.INVESTIGATING, {"answer": "42"}),
        ("message", Status.CLOSED, {"text": "Merhaba"}),
        ("withdraw", Status.CLOSED, {"confirm": "on"}),
        ("survey", Status.INVESTIGATING, {"resolution_score": "5", "process_score": "5"}),
        ("route", Status.INVESTIGATING, {"applied_on": "2026-01-05"}),
    ],
)
def test_an_action_refused_in_the_current_state_changes_nothing(portal, make, action, status, data):
    route = AlternativeRouteFactory()
    complaint = make(status)
    if action == "route":
        data = {**data, "route": route.pk}

    with nothing_changes(complaint):
        response = portal.post(detail_url(complaint, action), data, follow=True)

    assert response.redirect_chain == [(back_to(complaint), 302)]
    assert NOT_NOW in messages_of(response)


def test_a_stale_form_with_bad_input_says_the_action_is_no_longer_possible(portal, make):
    complaint = make(Status.INVESTIGATING)  # no proposal to reject any more
    with nothing_changes(complaint):
        response = portal.post(detail_url(complaint, "reject"), {"reason": ""}, follow=True)
    assert response.redirect_chain == [(back_to(complaint), 302)]
    assert NOT_NOW in messages_of(response)


# --- what the page shows ---------------------------------------------------------------------


def test_internal_notes_never_appear(portal, make, staff):
    complaint = make(Status.INVESTIGATING)
    services.add_note(
        complaint=complaint,
        actor=staff,
        text="İÇ NOT: müşteri daha önce de yazdı",
        visibility="internal",
    )
    services.add_note(complaint=complaint, actor=staff, text="Merhaba, inceliyoruz.")

    html = page(portal.get(detail_url(complaint)))

    assert "İÇ NOT" not in html
    assert "Merhaba, inceliyoruz." in html


def test_the_timeline_shows_the_unit_of_an_assignment(portal, make, category, staff):
    complaint = make(Status.INVESTIGATING, assignee=staff)
    html = page(portal.get(detail_url(complaint)))
    assert f"{category.default_unit.name_tr} birimine yönlendirildi" in html
    assert "Atama" in html
    assert "Alındı" in html  # status change labels
    assert "İnceleniyor" in html


def test_the_page_is_in_turkish_by_default_and_english_with_the_cookie(portal, make):
    complaint = make(Status.RESOLUTION_PROPOSED)

    turkish = page(portal.get(detail_url(complaint)))
    assert '<html lang="tr">' in turkish
    assert "Çözüm önerildi" in turkish
    assert "Öneriyi kabul ediyorum" in turkish

    portal.cookies["django_language"] = "en"
    english = page(portal.get(detail_url(complaint)))
    assert '<html lang="en">' in english
    assert "Resolution proposed" in english
    assert "Çözüm önerildi" not in english
    assert "Billing" in english  # the category in English


def test_the_language_switcher_changes_the_portal_language(portal, make):
    response = portal.post("/i18n/switch/", {"language": "en", "next": "/portal/"})
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert "My complaints" in page(portal.get("/portal/"))


def test_the_sign_in_page_uses_the_site_layout(client):
    html = page(client.get("/accounts/login/"))
    assert 'class="skip-link"' in html
    assert 'action="/i18n/switch/"' in html
    assert 'name="password"' in html
    assert "<main" in html


@pytest.mark.parametrize(
    ("language", "url", "labels"),
    [
        ("tr", "/accounts/login/", ["E-posta", "Şifre", "Beni hatırla"]),
        ("tr", "/accounts/signup/", ["E-posta", "Adınız", "Soyadınız", "Şifre", "Şifre (tekrar)"]),
        ("en", "/accounts/login/", ["Email", "Password", "Remember Me"]),
        ("en", "/accounts/signup/", ["Email", "First name", "Last name", "Password"]),
    ],
)
def test_account_form_labels_have_no_trailing_colon(client, language, url, labels):
    client.cookies["django_language"] = language
    html = page(client.get(url))
    for label in labels:
        assert f">{label}</label>" in html
        assert f"{label}:" not in html


# --- query counts ----------------------------------------------------------------------------


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_list_queries_do_not_grow_with_the_complaints(portal, make, django_assert_max_num_queries):
    for _ in range(3):
        make(Status.RESOLUTION_PROPOSED)
    make(Status.CLOSED)
    few = queries(portal, "/portal/")
    for _ in range(5):
        make(Status.REJECTED)
        make(Status.CLOSED)
    with django_assert_max_num_queries(few):
        response = portal.get("/portal/")
    assert page(response).count("badge--rejected") == 5
    assert page(response).count("badge--closed") == 6


def test_detail_queries_do_not_grow_with_the_events(
    portal, make, customer, staff, django_assert_max_num_queries
):
    route = AlternativeRouteFactory()
    complaint = make(Status.REJECTED, assignee=staff)

    def add_events(count):
        for number in range(count):
            services.add_note(complaint=complaint, actor=customer, text=f"Mesaj {number}")
            services.record_route_application(
                complaint=complaint,
                actor=customer,
                route=route,
                applied_on=timezone.localdate(),
                external_reference=f"R-{number}",
            )

    add_events(1)
    few = queries(portal, detail_url(complaint))
    add_events(20)
    assert ComplaintEvent.objects.filter(complaint=complaint).count() > 40
    with django_assert_max_num_queries(few):
        response = portal.get(detail_url(complaint))
    assert "R-19" in page(response)


# --- the detail page says what is true now -------------------------------------------------


def detail(portal, complaint) -> str:
    return portal.get(f"/portal/complaints/{complaint.reference}/").content.decode()


def test_after_a_revised_proposal_is_accepted_and_carried_out_no_rejection_is_claimed(
    portal, make, customer, staff
):
    AlternativeRouteFactory()
    complaint = make(Status.REJECTED)
    assert "Önerimizi kabul etmediniz" in detail(portal, complaint)
    services.review_rejection(
        complaint=complaint, actor=staff, decision="revise", text="Ücretin tamamını iade ederiz."
    )
    page = detail(portal, reload(complaint))
    assert "Önceki önerimizi kabul etmediniz; yeni önerimiz yukarıda." in page

    services.accept_resolution(complaint=complaint, actor=customer)
    services.mark_implemented(complaint=complaint, actor=staff, note="İade yapıldı.")

    page = detail(portal, reload(complaint))
    assert "kabul etmediniz" not in page
    assert 'id="routes"' not in page
    assert "Çözümden ne kadar memnunsunuz?" in page  # resolved: the survey asks about it


def test_a_route_record_keeps_the_routes_current_name_after_the_rejection_is_past(
    portal, client, make, customer, staff
):
    route = AlternativeRouteFactory(name_tr="Hakem heyeti")
    complaint = make(Status.REJECTED)
    services.record_route_application(
        complaint=complaint, actor=customer, route=route, applied_on=timezone.localdate()
    )
    services.review_rejection(
        complaint=complaint, actor=staff, decision="revise", text="Ücretin tamamını iade ederiz."
    )
    services.accept_resolution(complaint=complaint, actor=customer)
    route.name_tr = "Tüketici Hakem Heyeti (il)"
    route.save()

    page = detail(portal, reload(complaint))  # no routes offered now: they are read for the record
    assert 'id="routes"' not in page
    assert "Tüketici Hakem Heyeti (il)" in page
    tracking = client.get(f"/portal/track/{complaint.tracking_token}/").content.decode()
    assert "Tüketici Hakem Heyeti (il)" in tracking


def test_a_withdrawn_complaints_survey_does_not_ask_about_a_resolution(portal, make):
    complaint = make(Status.CLOSED, closure=ClosureReason.WITHDRAWN)

    page = detail(portal, complaint)

    assert "Şikâyetinizi geri çektiniz." in page
    assert "Şikâyetinizin sonucundan ne kadar memnunsunuz?" in page
    assert "Çözüm" not in page.split('id="survey"')[1].split("</section>")[0]


def test_a_final_decision_says_so_with_the_routes(portal, make):
    AlternativeRouteFactory()
    complaint = make(Status.CLOSED, closure=ClosureReason.FINAL_DECISION)

    page = detail(portal, complaint)

    assert "Şikâyetiniz nihai kararımızla kapatıldı. Karara katılmıyorsanız" in page
    assert "Verdiğimiz nihai karardan ne kadar memnunsunuz?" in page
    assert "Tüketici Hakem Heyeti" in page
