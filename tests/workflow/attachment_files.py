"""Small files of every kind the upload checks meet, built in memory."""

import io
import zipfile

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
EML = (
    b"Received: from mx.example.com\r\nFrom: Banka <bildirim@example.com>\r\n"
    b"To: ayse@example.com\r\nSubject: Hesap bildirimi\r\n\r\nMerhaba,\r\n"
)
TEXT = "Görüşme notlarım: 3 Mart'ta aradım.\n".encode()
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
SVG_BARE = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 64
SHELL = b"#!/bin/sh\nrm -rf ~\n"


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
DOCM = zipped(
    {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document/>",
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro",
    }
)
XLSX = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ZIP = zipped({"fatura.pdf": PDF, "notlar.txt": TEXT})
ZIP_WITH_HTML = zipped({"fatura.pdf": PDF, "index.html": HTML})
ZIP_IN_ZIP = zipped({"inner.zip": ZIP})
ZIP_BOMB = zipped({"zeros.txt": b"0" * (20 * 1024 * 1024)})  # ~20 KB unpacking to 20 MiB


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files() -> set[str]:
    """Every file in the attachments storage (in memory in tests)."""
    storage = storages["attachments"]
    found, folders = set(), [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        found |= {f"{folder}/{name}".lstrip("/") for name in files}
        folders += [f"{folder}/{name}".lstrip("/") for name in subfolders]
    return found
