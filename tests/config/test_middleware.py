"""Pages about one person are never cached: the portal, the account pages and the API."""

import re

import pytest

from tests.cms_pages.conftest import build_site_tree

pytestmark = pytest.mark.django_db


def cache_directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    [
        "/portal/",
        "/accounts/login/",
        "/_allauth/browser/v1/config",
        "/api/v1/categories/",
        "/api/v1/complaints/",
    ],
)
def test_private_areas_are_private_and_not_stored(client, url):
    directives = cache_directives(client.get(url))

    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_a_customers_own_complaint_list_is_not_stored(client, customer):
    client.force_login(customer)

    response = client.get("/portal/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)


def test_the_public_site_stays_cacheable(client):
    build_site_tree()

    response = client.get("/")

    assert response.status_code == 200
    assert "no-store" not in cache_directives(response)


def policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {name: values for name, *values in directives}


def test_the_public_site_and_the_portal_allow_no_inline_script_or_style(client, customer):
    build_site_tree()
    client.force_login(customer)

    for url in ["/", "/en/", "/portal/", "/accounts/email/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert "'unsafe-inline'" not in csp["script-src"], url
        assert "'unsafe-inline'" not in csp["style-src"], url
        assert csp["script-src"] == ["'self'"], url  # our pages have no inline script


@pytest.mark.urls("tests.config.nonce_urls")
def test_an_inline_script_runs_only_with_the_answers_own_nonce(client):
    answers = [client.get("/portal/inline/") for _ in range(2)]

    nonces = []
    for response in answers:
        script_src = policy(response)["script-src"]
        assert "'unsafe-inline'" not in script_src
        nonce = script_src[1].removeprefix("'nonce-").removesuffix("'")
        assert f'<script nonce="{nonce}">' in response.content.decode()
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@pytest.mark.parametrize("url", ["/admin/login/", "/api/v1/docs/"])
def test_the_admin_and_the_api_docs_keep_their_inline_scripts(client, url):
    csp = policy(client.get(url))

    assert "'unsafe-inline'" in csp["script-src"]
    assert not any(value.startswith("'nonce-") for value in csp["script-src"])
    assert csp["object-src"] == ["'none'"]


def test_our_templates_have_no_inline_style_and_no_script_without_the_nonce():
    from django.conf import settings

    templates = settings.BASE_DIR / "templates"
    # an e-mail's HTML is read by mail programs, not served under our CSP: its styles are inline
    # because most mail programs drop a <style> sheet (templates/email/layout.html)
    for template in templates.rglob("*.html"):
        source = template.read_text()
        if template.is_relative_to(templates / "email"):
            continue
        assert " style=" not in source, template
        for tag in re.findall(r"<script\b[^>]*>", source):
            assert "src=" in tag or 'nonce="{{ csp_nonce }}"' in tag, (template, tag)
