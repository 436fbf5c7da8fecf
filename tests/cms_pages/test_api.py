"""Headless content API (/api/v2/): every page type, both languages, images, documents."""

import pytest

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "home": ("cms_pages.HomePage", ["hero_title", "hero_text", "body"]),
    "about": ("cms_pages.ContentPage", ["body"]),
    "policy": ("cms_pages.PolicyPage", ["body", "version", "version_number"]),
    "process": ("cms_pages.ProcessPage", ["steps", "body", "alternative_routes"]),
    "form": ("cms_pages.ComplaintFormPage", ["privacy_notice", "body"]),
    "faq": ("cms_pages.FAQPage", ["questions"]),
    "contact": ("cms_pages.ContactPage", ["body", "channels"]),
    "statistics": ("cms_pages.StatisticsPage", ["months", "figures"]),
}


def test_policy_is_listed_in_both_languages_with_its_version(site_tree, client):
    response = client.get("/api/v2/pages/?type=cms_pages.PolicyPage&fields=*")

    assert response.status_code == 200
    items = response.json()["items"]
    by_language = {item["language"]: item for item in items}
    assert set(by_language) == {"tr", "en"}
    turkish = by_language["tr"]
    assert turkish["title"] == "Müşteri Memnuniyeti Politikası"
    assert turkish["body"][0]["value"] == "<p>Metin</p>"
    assert turkish["version"] == site_tree["tr"]["policy"].live_revision_id
    assert turkish["version_number"] == 1
    assert turkish["meta"]["locale"] == "tr"
    assert turkish["translations"] == [
        {
            "id": site_tree["en"]["policy"].pk,
            "language": "en",
            "title": "Policy (en)",
            "url": "/en/about-en/policy-en/",
        }
    ]


@pytest.mark.parametrize("key", list(PAGE_TYPES))
def test_every_page_type_exposes_its_fields(site_tree, client, key):
    page_type, fields = PAGE_TYPES[key]

    response = client.get(f"/api/v2/pages/?type={page_type}&fields=*&locale=en")

    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["id"] == site_tree["en"][key].pk
    assert item["language"] == "en"
    for field in [*fields, "intro", "translations"]:
        assert field in item, field


def test_locale_filter_and_translation_lookup(site_tree, client):
    english = client.get("/api/v2/pages/?locale=en").json()["items"]
    assert {item["meta"]["locale"] for item in english} == {"en"}
    assert len(english) == 8

    policy = site_tree["tr"]["policy"]
    response = client.get(f"/api/v2/pages/?translation_of={policy.pk}&locale=en")
    assert [item["id"] for item in response.json()["items"]] == [site_tree["en"]["policy"].pk]


def test_drafts_are_not_served(site_tree, client):
    faq = site_tree["tr"]["faq"]
    faq.unpublish()

    response = client.get(f"/api/v2/pages/{faq.pk}/")

    assert response.status_code == 404


def test_statistics_figures_have_no_personal_data(site_tree, client, customer, category):
    from workflow.services import file_complaint

    file_complaint(
        actor=customer,
        category=category,
        subject="Gizli konu",
        description="açıklama",
        preferred_contact_method="email",
    )
    from django.core.cache import cache

    cache.clear()
    response = client.get("/api/v2/pages/?type=cms_pages.StatisticsPage&fields=figures")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Gizli konu" not in body
    assert customer.email not in body
    figures = response.json()["items"][0]["figures"]
    assert figures["min_count"] == 5


def test_images_and_documents_endpoints_answer(client, db):
    for endpoint in ["images", "documents"]:
        response = client.get(f"/api/v2/{endpoint}/")
        assert response.status_code == 200
        assert response.json()["meta"]["total_count"] == 0


def test_content_api_is_read_only(site_tree, client):
    response = client.post("/api/v2/pages/", {"title": "x"})

    assert response.status_code == 405


def test_cors_only_for_configured_origins(site_tree, client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://front.example.com"]

    allowed = client.get("/api/v2/pages/", headers={"Origin": "https://front.example.com"})
    other = client.get("/api/v2/pages/", headers={"Origin": "https://evil.example.com"})
    not_content = client.get("/healthz", headers={"Origin": "https://front.example.com"})

    assert allowed["Access-Control-Allow-Origin"] == "https://front.example.com"
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in not_content
