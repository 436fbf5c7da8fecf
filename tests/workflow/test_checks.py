"""The system check that keeps complaint attachments away from public URLs."""

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
