"""What an uploaded file really is, decided from its content, never from its name.

Allowed: PDF, PNG, JPEG, plain text, e-mail messages (.eml), DOCX, XLSX and ZIP archives of
those. HTML, SVG, scripts and executables are refused, and so is an archive that would unpack
into far more than it weighs (a "zip bomb").
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

import filetype
from django.conf import settings
from django.utils.translation import gettext

from .errors import InvalidInput, TooLarge

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
TEXT = "text/plain"
EML = "message/rfc822"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"

# the file name's extension must say what the content is; otherwise the canonical one is added
EXTENSIONS = {
    PDF: (".pdf",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
    TEXT: (".txt", ".log", ".csv"),
    EML: (".eml",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    ZIP: (".zip",),
}
BINARY_TYPES = {PDF, PNG, JPEG}
# what browsers treat as markup or code when they sniff the start of a "text" file
MARKUP = re.compile(rb"<\s*(html|!doctype|svg|script|iframe|object|embed|\?xml)|^#!", re.I)
HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,76}:[ \t]?\S", re.M)
EML_HEADERS = re.compile(rb"^(from|subject|received|message-id|return-path):", re.I | re.M)
MAX_ZIP_MEMBERS = 500
MAX_NAME_LENGTH = 150


@dataclass(frozen=True)
class Upload:
    """A checked upload: its bytes, a safe display name and the detected content type."""

    content: bytes
    name: str
    content_type: str

    @property
    def size(self) -> int:
        return len(self.content)


def refused(message: str | None = None) -> InvalidInput:
    message = message or gettext(
        "Bu dosya türü kabul edilmiyor. PDF, PNG, JPEG, TXT, EML, DOCX, XLSX ya da bunları "
        "içeren bir ZIP dosyası yükleyin."
    )
    return InvalidInput(message, errors={"file": [message]})


def too_large(message: str) -> TooLarge:
    return TooLarge(message, errors={"file": [message]})


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def check_file_size(size: int) -> None:
    limit = settings.MEMNUN_ATTACHMENT_MAX_BYTES
    if size > limit:
        raise too_large(
            gettext("Dosya çok büyük: bir dosya en fazla %(size)s MB olabilir.")
            % {"size": megabytes(limit)}
        )


def safe_name(name: str) -> str:
    """The file's own name only (no folders, no control or invisible characters), short."""
    name = PureWindowsPath(PurePosixPath(name or "").name).name  # both kinds of separator
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = unicodedata.normalize("NFC", name).strip().lstrip(".").strip()
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        extension = extension[:10] if dot else ""
        name = f"{(stem or name)[: MAX_NAME_LENGTH - len(extension) - 1]}.{extension}".rstrip(".")
    return name or "dosya"


def named_for(name: str, content_type: str) -> str:
    """`name` with an extension that matches the content (a .txt called .html stays text)."""
    extensions = EXTENSIONS[content_type]
    if name.lower().endswith(extensions):
        return name
    return f"{name}{extensions[0]}"


def _text_type(content: bytes) -> str | None:
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if MARKUP.search(head):
        return None
    header_block = head.split(b"\r\n\r\n")[0].split(b"\n\n")[0]
    if HEADER_LINE.match(header_block) and EML_HEADERS.search(header_block):
        return EML
    return TEXT


def _zip_type(content: bytes, *, nested: bool) -> str:
    """DOCX, XLSX, or a ZIP whose every member is an allowed, non-archive type."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise refused() from error
    limit = settings.MEMNUN_ATTACHMENT_ZIP_MAX_UNCOMPRESSED_BYTES
    ratio = settings.MEMNUN_ATTACHMENT_ZIP_MAX_RATIO
    unpacked = sum(info.file_size for info in members)
    if (
        len(members) > MAX_ZIP_MEMBERS
        or unpacked > limit
        or unpacked > ratio * max(len(content), 1)
        or any(info.flag_bits & 0x1 for info in members)  # encrypted: cannot be checked
    ):
        raise refused(gettext("Bu arşiv açıldığında çok büyüyor ya da şifreli; kabul edilmiyor."))
    names = {info.filename for info in members}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise refused()  # an Office file with macros is a program
    if "[Content_Types].xml" in names:
        if any(name.startswith("word/") for name in names):
            return DOCX
        if any(name.startswith("xl/") for name in names):
            return XLSX
        raise refused()
    if nested:
        raise refused()  # an archive inside an archive is not looked into
    read = 0
    for info in members:
        with archive.open(info) as member:
            # never trust the declared size: read at most what is left of the budget
            data = member.read(limit - read + 1)
        read += len(data)
        if read > limit:
            raise refused(
                gettext("Bu arşiv açıldığında çok büyüyor ya da şifreli; kabul edilmiyor.")
            )
        _content_type(data, nested=True)
    return ZIP


def _content_type(content: bytes, *, nested: bool = False) -> str:
    if not content:
        raise refused(gettext("Dosya boş."))
    if content.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_type(content, nested=nested)
    kind = filetype.guess(content)
    if kind is not None:
        if kind.mime in BINARY_TYPES:
            return kind.mime
        raise refused()
    text_type = _text_type(content)
    if text_type is None:
        raise refused()
    return text_type


def inspect_upload(file) -> Upload:
    """Read an uploaded file (Django `UploadedFile` or any file with `.name`) and check it.

    Raises `TooLarge` (413) over the per-file limit, `InvalidInput` (400) for a refused type.
    """
    size = getattr(file, "size", None)
    if size is not None:
        check_file_size(size)
    file.seek(0)
    content = file.read(settings.MEMNUN_ATTACHMENT_MAX_BYTES + 1)
    check_file_size(len(content))
    content_type = _content_type(content)
    return Upload(
        content=content,
        name=named_for(safe_name(getattr(file, "name", "")), content_type),
        content_type=content_type,
    )
