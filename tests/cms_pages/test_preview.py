"""Headless preview: an editor previews a draft in a separate front end."""

import json

import pytest

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example.com/preview"


@pytest.fixture
def headless(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": FRONT_END},
        "ENFORCE_TRAILING_SLASH": False,
    }


def test_front_end_reads_the_draft_with_the_preview_token(site_tree, client, headless):
    policy = site_tree["tr"]["policy"]
    policy.body = json.dumps([{"type": "paragraph", "value": "<p>Taslak metin</p>"}])
    preview = policy.create_page_preview()

    response = client.get(
        "/api/v2/page_preview/", {"content_type": "cms_pages.policypage", "token": preview.token}
    )

    assert response.status_code == 200
    assert response.json()["body"][0]["value"] == "<p>Taslak metin</p>"
    # the published page is unchanged
    live = client.get(f"/api/v2/pages/{policy.pk}/").json()
    assert live["body"][0]["value"] == "<p>Metin</p>"


@pytest.mark.parametrize(
    "params",
    [
        {"content_type": "cms_pages.policypage", "token": "forged:token"},
        {"content_type": "auth.user", "token": "x"},
        {"content_type": "nope", "token": "x"},
        {},
    ],
)
def test_bad_preview_requests_get_404(site_tree, client, headless, params):
    assert client.get("/api/v2/page_preview/", params).status_code == 404


def test_preview_modes_offer_the_front_end_only_when_configured(site_tree, settings):
    policy = site_tree["tr"]["policy"]
    assert [mode for mode, _ in policy.preview_modes] == [""]

    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": FRONT_END}}

    assert [mode for mode, _ in policy.preview_modes] == ["", "headless"]
