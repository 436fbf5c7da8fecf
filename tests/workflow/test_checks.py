"""The system checks that keep complaint attachments and "my data" ZIPs away from public URLs."""

from portal.checks import data_exports_not_public
from workflow.checks import attachments_not_public


def test_the_configured_attachment_storage_passes():
    assert attachments_not_public(None) == []


def test_attachments_inside_media_root_are_an_error(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": "/media/private/"},
        },
    }
    assert [error.id for error in attachments_not_public(None)] == [
        "workflow.E002",
        "workflow.E003",
    ]


def test_missing_attachment_storage_is_an_error(settings):
    settings.STORAGES = {
        key: value for key, value in settings.STORAGES.items() if key != "attachments"
    }
    assert [error.id for error in attachments_not_public(None)] == ["workflow.E001"]


def test_the_data_exports_storage_is_checked_alike(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "data_exports": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "exports", "base_url": "/media/exports/"},
        },
    }
    assert attachments_not_public(None) == []
    errors = data_exports_not_public(None)
    assert [error.id for error in errors] == ["workflow.E002", "workflow.E003"]
    assert "data_exports storage" in errors[0].msg
    del settings.STORAGES["data_exports"]
    assert [error.id for error in data_exports_not_public(None)] == ["workflow.E001"]
