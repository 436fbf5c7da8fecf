"""Request limits: malformed or oversize bodies get 400 / 413 in the caller's language."""

import pytest
from django.conf import settings as settings_module
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from workflow.models import Complaint

DEEP_JSON = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def client_():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("tr", "JSON gövdesi çok derin iç içe geçmiş."),
        ("en", "The JSON body is nested too deeply."),
    ],
)
def test_deeply_nested_json_on_the_api_is_400(client_, customer, language, message):
    client_.force_login(customer)

    response = client_.post(
        "/api/v1/complaints/",
        DEEP_JSON,
        content_type="application/json",
        headers={"accept-language": language},
    )

    assert response.status_code == 400
    assert response.json() == {"detail": message}
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_deeply_nested_json_on_the_headless_login_is_400(client_):
    response = client_.post(
        "/_allauth/browser/v1/auth/login",
        DEEP_JSON,
        content_type="application/json",
        headers={"accept-language": "en"},
    )

    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "errors": [{"message": "The JSON body is nested too deeply.", "code": "invalid"}],
    }


# --- 413: oversize bodies and uploads -------------------------------------------------------

MESSAGE = {
    "tr": "İstek çok büyük: gönderilen veri ya da dosya izin verilen boyutu aşıyor.",
    "en": "Request too large: the data or file sent is over the allowed size.",
}


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the oversize body was read")

    readline = read


def claiming(size: int) -> dict:
    """Headers of a request that announces `size` bytes and must be refused before reading."""
    return {"CONTENT_LENGTH": str(size), "wsgi.input": UnreadableBody()}


def complaint_fields(category, **extra) -> dict:
    return {
        "category": category.pk,
        "subject": "E-imza yenileme gecikti",
        "description": "Başvurum üç gündür onay bekliyor.",
        "preferred_contact_method": "email",
        **extra,
    }


def test_an_eleven_mib_json_body_on_the_api_is_413_in_json(client_, customer):
    client_.force_login(customer)
    body = '{"subject": "' + "x" * (11 * 1024 * 1024) + '"}'

    response = client_.post("/api/v1/complaints/", body, content_type="application/json")

    assert response.status_code == 413
    assert response.json() == {"detail": MESSAGE["tr"]}
    assert not Complaint.objects.exists()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_an_announced_60_mib_upload_on_the_api_is_refused_unread(client_, customer, language):
    client_.force_login(customer)

    response = client_.post(
        "/api/v1/complaints/",
        content_type="multipart/form-data; boundary=x",
        headers={"accept-language": language},
        **claiming(60 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert response.json() == {"detail": MESSAGE[language]}


def test_a_file_part_over_the_upload_limit_on_the_api_is_413(client_, customer, category, settings):
    settings.MEMNUN_MAX_UPLOAD_SIZE = 1024
    client_.force_login(customer)
    upload = SimpleUploadedFile("fatura.pdf", b"%PDF" + b"0" * 5000, "application/pdf")

    response = client_.post(
        "/api/v1/complaints/", {**complaint_fields(category), "category": "billing", "file": upload}
    )

    assert response.status_code == 413
    assert response.json() == {"detail": MESSAGE["tr"]}
    assert not Complaint.objects.exists()


def test_an_oversize_portal_filing_form_is_a_413_page(client_, customer, category, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048  # a form body without files, over the limit
    client_.force_login(customer)

    response = client_.post(
        "/portal/complaints/new/",
        complaint_fields(category, description="ş" * 5000),
        headers={"accept-language": "en"},
    )

    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert MESSAGE["en"] in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_file_part_over_the_upload_limit_on_the_portal_form_is_413(
    client_, customer, category, settings
):
    settings.MEMNUN_MAX_UPLOAD_SIZE = 1024
    client_.force_login(customer)
    upload = SimpleUploadedFile("ek.bin", b"0" * 5000)

    response = client_.post(
        "/portal/complaints/new/", {**complaint_fields(category), "attachment": upload}
    )

    assert response.status_code == 413
    assert MESSAGE["tr"] in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["tr", "en"])
def test_an_oversize_guest_form_is_refused_unread_with_a_page(client_, language):
    client_.cookies[settings_module.LANGUAGE_COOKIE_NAME] = language

    response = client_.post(
        "/portal/guest/file/",
        content_type="application/x-www-form-urlencoded",
        **claiming(60 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert MESSAGE[language] in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()
    assert not Complaint.objects.exists()


def test_a_file_part_over_the_upload_limit_on_the_guest_form_is_413(client_, category, settings):
    settings.MEMNUN_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("ek.bin", b"0" * 5000)
    data = complaint_fields(
        category,
        contact_name="Ayşe Yılmaz",
        contact_email="ayse@example.com",
        privacy_notice="on",
        website="",
        attachment=upload,
    )

    response = client_.post("/portal/guest/file/", data)

    assert response.status_code == 413
    assert MESSAGE["tr"] in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_an_oversize_headless_request_is_413_in_allauths_shape(client_):
    response = client_.post(
        "/_allauth/browser/v1/auth/login",
        content_type="application/json",
        headers={"accept-language": "en"},
        **claiming(60 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert response.json() == {
        "status": 413,
        "errors": [{"message": MESSAGE["en"], "code": "too_large"}],
    }


def test_a_body_within_the_limits_is_served(client_, customer, category):
    client_.force_login(customer)
    upload = SimpleUploadedFile("ek.txt", b"0" * 5000)

    response = client_.post(
        "/portal/complaints/new/", {**complaint_fields(category), "attachment": upload}
    )

    assert response.status_code == 302
    assert Complaint.objects.count() == 1
