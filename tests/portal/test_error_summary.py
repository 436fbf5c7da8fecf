"""The error summary of a failed form (includes/error_summary.html) and the shared field markup
(portal/_fields.html): portal forms, the guest form on its CMS page and allauth's forms."""

import re

import pytest
from django.template import Context, Template

from cms_pages.models import ComplaintFormPage
from portal.forms import ComplaintForm, WithdrawConfirmForm
from tests.cms_pages.conftest import build_site_tree
from tests.factories import EmailAddressFactory
from tests.workflow.helpers import complaint_in
from workflow.models import Complaint
from workflow.states import Status

pytestmark = pytest.mark.django_db

FILE_URL = "/portal/complaints/new/"


def html(response) -> str:
    return response.content.decode()


def summary_of(page: str) -> str:
    """The summary's markup (one per page), or "" when there is none."""
    found = re.findall(r'<div class="error-summary".*?</ul>\s*</div>', page, re.S)
    assert len(found) <= 1, "more than one error summary"
    return found[0] if found else ""


def links_of(summary: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


@pytest.fixture
def portal(client, customer):
    client.force_login(customer)
    return client


def test_a_failed_filing_lists_every_error_as_a_link_to_its_field(portal, category):
    response = portal.post(FILE_URL, {"subject": "Fatura iki kez kesildi"})

    page = html(response)
    summary = summary_of(page)
    assert 'role="alert"' in summary
    assert 'tabindex="-1"' in summary
    assert "autofocus" in summary
    assert ">Sorun var</h2>" in summary
    assert "Şikâyetiniz kaydedilmedi" in summary
    assert links_of(summary) == [
        ("id_category", "Kategori: Bu alan zorunludur."),
        ("id_description", "Açıklama: Bu alan zorunludur."),
        # a radio group: the link leads to its first option
        ("id_preferred_contact_method_0", "Size nasıl ulaşalım?: Bu alan zorunludur."),
    ]
    # every target exists, and the field's own message stays beside it, tied to it
    for anchor, _ in links_of(summary):
        assert f'id="{anchor}"' in page
    assert '<ul class="errorlist" id="id_description_error">' in page
    assert re.search(r'<textarea[^>]*aria-describedby="[^"]*id_description_error', page)
    assert page.index('class="error-summary"') < page.index("<h1>")  # above the heading
    assert Complaint.objects.count() == 0


def test_a_form_without_errors_has_no_summary(portal, category):
    assert summary_of(html(portal.get(FILE_URL))) == ""


def test_the_summary_and_the_optional_marker_in_english(portal, category):
    portal.cookies["django_language"] = "en"

    page = html(portal.post(FILE_URL, {"subject": "Billing"}))

    assert ">There is a problem</h2>" in summary_of(page)
    assert ("id_category", "Category: This field is required.") in links_of(summary_of(page))
    assert re.search(r'Phone <span class="field__optional">\(optional\)</span>\s*</label>', page)


def test_required_fields_carry_required_and_optional_ones_the_marker(portal, category):
    page = html(portal.get(FILE_URL))

    assert re.search(r'<input type="text" name="subject"[^>]*required', page)
    assert re.search(r'<textarea[^>]*name="description"[^>]*required', page)
    assert not re.search(r'<input[^>]*name="phone"[^>]*required', page)
    # "Belgeler (isteğe bağlı)" in the form's own label is marked once, like the others
    assert page.count("(isteğe bağlı)") == 2
    assert 'Belgeler <span class="field__optional">(isteğe bağlı)</span>' in page


def test_a_label_that_already_says_optional_is_marked_once():
    form = WithdrawConfirmForm(data={})
    form.is_valid()

    rendered = Template('{% include "portal/_fields.html" %}').render(Context({"form": form}))

    assert rendered.count("(isteğe bağlı)") == 1
    assert 'Neden geri çekiyorsunuz? <span class="field__optional">' in rendered


def test_a_checkbox_error_is_not_prefixed_and_a_whole_form_error_is_not_a_link(client, category):
    data = {"subject": "Sertifika", "website": "http://spam.example"}  # no consent; a bot's field

    summary = summary_of(html(client.post("/portal/guest/file/", data)))

    assert "Form gönderilemedi. Lütfen yeniden gönderin." in summary
    assert not re.search(r"<a [^>]*>Form gönderilemedi", summary)
    assert (
        "guest-privacy_notice",
        "Şikâyetinizi alabilmemiz için aydınlatma metnini okuduğunuzu onaylayın.",
    ) in links_of(summary)


def test_the_guest_form_posted_from_its_cms_page_shows_its_errors_on_that_page(client, category):
    site = build_site_tree()
    form_page = site["en"]["form"]
    ComplaintFormPage.objects.filter(pk=form_page.pk).update(
        privacy_notice="<p>We process your data under the KVKK.</p>"
    )

    response = client.post(
        "/portal/guest/file/",
        {"language": "en", "return_to": form_page.url, "subject": "Certificate not revoked"},
    )

    page = html(response)
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "We process your data under the KVKK." in page  # the page's privacy notice
    assert re.search(rf"<h1[^>]*>\s*{re.escape(form_page.title)}\s*</h1>", page)  # its layout
    assert ">There is a problem</h2>" in summary_of(page)
    assert 'value="Certificate not revoked"' in page  # what the visitor typed is kept
    assert Complaint.objects.count() == 0


def test_a_return_address_that_is_not_a_cms_page_never_runs_another_view(client, category):
    response = client.post(
        "/portal/guest/file/", {"return_to": "/accounts/logout/", "subject": "Sertifika"}
    )

    page = html(response)
    assert response.status_code == 200
    assert ">Sorun var</h2>" in summary_of(page)  # the form's own page
    assert 'action="/portal/guest/file/"' in page


def test_a_failed_action_on_the_detail_page_summarises_inside_its_form(
    portal, customer, staff, category
):
    complaint = complaint_in(
        Status.RESOLUTION_PROPOSED, customer=customer, staff=staff, category=category
    )
    detail = f"/portal/complaints/{complaint.reference}/"
    assert f'action="{detail}reject/#reject-errors"' in html(portal.get(detail))

    response = portal.post(f"{detail}reject/", {"reason": ""})

    page = html(response)
    assert response.status_code == 400
    summary = summary_of(page)
    assert 'id="reject-errors"' in summary
    assert links_of(summary) == [
        ("reject-reason", "Öneriyi neden kabul etmiyorsunuz?: Bu alan zorunludur.")
    ]


def test_allauth_forms_use_the_summary_and_the_portal_field_markup(client, customer):
    page = html(client.post("/accounts/login/", {"login": "", "password": ""}))

    summary = summary_of(page)
    assert [anchor for anchor, _ in links_of(summary)] == ["id_login", "id_password"]
    assert '<div class="field field--email' in page or '<div class="field field--text' in page
    (password,) = re.findall(r'<input[^>]*name="password"[^>]*>', page)
    assert 'aria-invalid="true"' in password
    assert re.search(r'aria-describedby="[^"]*id_password_error', password)


def test_the_email_page_shows_one_summary_for_its_two_forms(client, customer):
    EmailAddressFactory(user=customer, email=customer.email)
    client.force_login(customer)

    page = html(client.post("/accounts/email/", {"action_add": "", "email": "not-an-address"}))

    assert [anchor for anchor, _ in links_of(summary_of(page))] == ["id_email"]


def test_complaint_form_fields_in_order_of_the_summary():
    form = ComplaintForm(data={})
    form.is_valid()

    rendered = Template('{% include "includes/error_summary.html" %}').render(
        Context({"form": form})
    )

    anchors = [anchor for anchor, _ in links_of(rendered)]
    assert anchors == [
        "id_category",
        "id_subject",
        "id_description",
        "id_preferred_contact_method_0",
    ]
