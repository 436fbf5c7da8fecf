"""Attachments: type decided from content, limits, permission, event (workflow.services)."""

import pytest

from tests.workflow import attachment_files as files
from tests.workflow.helpers import complaint_in, file, last_event, nothing_changes
from workflow import services
from workflow.errors import ComplaintNotFound, InvalidInput, TooLarge, TransitionNotAllowed
from workflow.models import Attachment
from workflow.states import EventKind, Status, Visibility
from workflow.uploads import safe_name

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("fatura.pdf", files.PDF, "application/pdf"),
        ("ekran.png", files.PNG, "image/png"),
        ("foto.jpg", files.JPEG, "image/jpeg"),
        ("notlar.txt", files.TEXT, "text/plain"),
        ("banka.eml", files.EML, "message/rfc822"),
        (
            "dilekce.docx",
            files.DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "tablo.xlsx",
            files.XLSX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("kanitlar.zip", files.ZIP, "application/zip"),
    ],
)
def test_allowed_types_are_stored_with_the_type_found_in_the_content(
    customer, category, name, content, content_type
):
    complaint = file(customer, category)
    before = files.stored_files()
    # the browser's claimed type is ignored
    upload = files.upload(name, content, content_type="text/html")
    attachment = services.add_attachment(complaint=complaint, actor=customer, file=upload)

    assert attachment.content_type == content_type
    assert attachment.original_name == name
    assert attachment.size == len(content)
    assert attachment.file.read() == content
    assert files.stored_files() - before == {attachment.file.name}
    assert attachment.file.name.startswith(f"attachments/{complaint.pk}/")
    assert name not in attachment.file.name  # a random name, not the customer's
    event = last_event(complaint)
    assert event.kind == EventKind.ATTACHMENT
    assert event.visibility == Visibility.CUSTOMER
    assert event.data == {"name": name, "size": len(content), "content_type": content_type}
    assert attachment.event == event


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sayfa.html", files.HTML),
        ("resim.svg", files.SVG),
        ("resim.png", files.SVG_BARE),
        ("fatura.pdf", files.EXE),  # an executable renamed .pdf
        ("belge.pdf", files.ELF),
        ("notlar.txt", files.SHELL),
        ("karisik.zip", files.ZIP_WITH_HTML),
        ("ic-ice.zip", files.ZIP_IN_ZIP),
        ("makro.docx", files.DOCM),  # macros are code
        ("bos.txt", b""),
        ("ikili.txt", b"abc\x00def"),
    ],
)
def test_refused_types_store_nothing(customer, category, name, content):
    complaint = file(customer, category)
    before = files.stored_files()
    with nothing_changes(complaint), pytest.raises(InvalidInput) as refused:
        services.add_attachment(
            complaint=complaint, actor=customer, file=files.upload(name, content)
        )
    assert refused.value.http_status == 400
    assert "file" in refused.value.errors
    assert files.stored_files() == before
    assert not Attachment.objects.exists()


def test_a_zip_bomb_is_refused(customer, category):
    complaint = file(customer, category)
    before = files.stored_files()
    with nothing_changes(complaint), pytest.raises(InvalidInput) as refused:
        services.add_attachment(
            complaint=complaint, actor=customer, file=files.upload("bomba.zip", files.ZIP_BOMB)
        )
    assert "çok büyüyor" in refused.value.message
    assert files.stored_files() == before


def test_an_oversize_file_is_413_and_stores_nothing(customer, category, settings):
    settings.MEMNUN_ATTACHMENT_MAX_BYTES = 1024 * 1024
    complaint = file(customer, category)
    before = files.stored_files()
    big = files.upload("buyuk.txt", b"a" * (1024 * 1024 + 1))
    with nothing_changes(complaint), pytest.raises(TooLarge) as refused:
        services.add_attachment(complaint=complaint, actor=customer, file=big)
    assert refused.value.http_status == 413
    assert refused.value.message == "Dosya çok büyük: bir dosya en fazla 1 MB olabilir."
    assert files.stored_files() == before


def test_count_and_total_limits_per_complaint(customer, category, settings):
    settings.MEMNUN_ATTACHMENTS_PER_COMPLAINT = 2
    complaint = file(customer, category)
    for _ in range(2):
        services.add_attachment(
            complaint=complaint, actor=customer, file=files.upload("a.pdf", files.PDF)
        )
    with pytest.raises(TooLarge, match="en fazla 2 dosya"):
        services.add_attachment(
            complaint=complaint, actor=customer, file=files.upload("c.pdf", files.PDF)
        )
    settings.MEMNUN_ATTACHMENTS_PER_COMPLAINT = 20
    settings.MEMNUN_ATTACHMENT_TOTAL_BYTES = 2 * len(files.PDF) + 10
    with pytest.raises(TooLarge, match="toplam"):
        services.add_attachment(
            complaint=complaint, actor=customer, file=files.upload("c.pdf", files.PDF)
        )
    assert complaint.attachments.count() == 2


def test_another_customer_cannot_add_and_is_told_no_such_complaint(
    customer, other_customer, category
):
    complaint = file(customer, category)
    with nothing_changes(complaint), pytest.raises(ComplaintNotFound):
        services.add_attachment(
            complaint=complaint, actor=other_customer, file=files.upload("a.pdf", files.PDF)
        )


def test_closed_complaint_takes_no_documents(customer, staff, category):
    complaint = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    with nothing_changes(complaint), pytest.raises(TransitionNotAllowed):
        services.add_attachment(
            complaint=complaint, actor=customer, file=files.upload("a.pdf", files.PDF)
        )


def test_staff_may_keep_a_document_internal_a_customer_may_not(customer, staff, category):
    complaint = file(customer, category)
    internal = services.add_attachment(
        complaint=complaint,
        actor=staff,
        file=files.upload("ic.pdf", files.PDF),
        visibility=Visibility.INTERNAL,
    )
    assert internal.visibility == Visibility.INTERNAL
    assert last_event(complaint).visibility == Visibility.INTERNAL
    own = services.add_attachment(
        complaint=complaint,
        actor=customer,
        file=files.upload("b.pdf", files.PDF),
        visibility=Visibility.INTERNAL,
    )
    assert own.visibility == Visibility.CUSTOMER


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd.txt"),
        ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        ("/var/www/fatura.pdf", "fatura.pdf"),
        ("fa\u202etura\x00\n.pdf", "fatura.pdf"),
        ("...", "dosya.txt"),
        ("sayfa.html", "sayfa.html.txt"),  # text named like a web page stays text
        ("x" * 300 + ".pdf", "x" * 146 + ".pdf"),
    ],
)
def test_path_tricks_in_names_are_harmless(customer, category, given, kept):
    content = files.PDF if kept.endswith(".pdf") else files.TEXT
    complaint = file(customer, category)
    attachment = services.add_attachment(
        complaint=complaint, actor=customer, file=files.upload(given, content)
    )
    assert attachment.original_name == kept
    assert attachment.file.name.startswith(f"attachments/{complaint.pk}/")
    assert ".." not in attachment.file.name


def test_safe_name_never_keeps_a_folder():
    assert "/" not in safe_name("a/b/c.pdf")
    assert "\\" not in safe_name("a\\b\\c.pdf")


def test_filing_with_attachments_is_all_or_nothing(customer, category):
    before = files.stored_files()
    with pytest.raises(InvalidInput) as refused:
        file(
            customer,
            category,
            attachments=[files.upload("a.pdf", files.PDF), files.upload("b.html", files.HTML)],
        )
    assert "attachments" in refused.value.errors
    assert not customer.complaints.exists()
    assert files.stored_files() == before

    complaint = file(customer, category, attachments=[files.upload("a.pdf", files.PDF)])
    assert [a.original_name for a in complaint.attachments.all()] == ["a.pdf"]
    assert complaint.events.filter(kind=EventKind.ATTACHMENT).count() == 1


def test_a_guest_files_with_an_attachment(category):
    complaint = services.file_complaint(
        actor=None,
        category=category,
        subject="Kart aidatı",
        description="Aidat iade edilmedi.",
        preferred_contact_method="email",
        contact_name="Ayşe Yılmaz",
        contact_email="ayse@example.com",
        attachments=[files.upload("banka.eml", files.EML)],
    )
    attachment = complaint.attachments.get()
    assert attachment.content_type == "message/rfc822"
    assert attachment.uploaded_by is None
