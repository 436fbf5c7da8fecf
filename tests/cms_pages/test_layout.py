"""The site's header and footer, drawn with Jinja2 (`cms_pages.layout`, templates/jinja2/layout/):
what each reader sees in each language, the forms' CSRF fields, and the engine's strictness."""

import re

import jinja2
import pytest
from django.template import engines
from django.utils import translation

from cms_pages import layout

pytestmark = pytest.mark.django_db


def _part(body: str, start: str, end: str) -> str:
    piece = body[body.index(start) :]
    return piece[: piece.index(end) + len(end)]


def _header(client, url: str, language: str = "tr") -> str:
    client.cookies["django_language"] = language
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.status_code
    return _part(response.content.decode(), '<a class="skip-link"', "</header>")


def test_a_visitor_is_offered_sign_in_and_sign_up_in_both_languages(site_tree, client):
    turkish = _header(client, "/accounts/login/")
    assert '<a class="skip-link" href="#main">İçeriğe geç</a>' in turkish
    assert re.search(r'href="/accounts/login/"\s+aria-current="page">Giriş yap</a>', turkish)
    assert re.search(r'href="/accounts/signup/"\s+>Üye ol</a>', turkish)
    assert "Çıkış yap" not in turkish
    assert 'action="/search/"' in turkish

    english = _header(client, "/accounts/signup/", "en")
    assert re.search(r'href="/accounts/signup/"\s+aria-current="page">Sign up</a>', english)
    assert ">Sign in</a>" in english
    assert 'action="/en/search/"' in english  # the search page is under the language's prefix
    assert 'placeholder="Search the site"' in english


def test_a_customer_sees_their_complaints_and_the_page_they_are_on(site_tree, client, customer):
    client.force_login(customer)
    html = _header(client, "/portal/")
    assert re.search(r'href="/portal/"\s+aria-current="page">Şikâyetlerim</a>', html)
    assert '<a href="/portal/profile/">Bilgilerim</a>' in html
    assert re.search(r'href="/accounts/email/"\s+>Hesabım</a>', html)
    assert "Personel paneli" not in html

    english = _header(client, "/accounts/email/", "en")
    assert re.search(r'href="/accounts/email/"\s+aria-current="page">My account</a>', english)
    assert re.search(r'href="/portal/"\s+>My complaints</a>', english)


def test_staff_are_sent_to_the_console(site_tree, client, staff):
    client.force_login(staff)
    html = _header(client, "/")
    assert '<a href="/admin/">Personel paneli</a>' in html
    assert "Bilgilerim" not in html


def test_every_form_of_the_header_carries_the_csrf_field(site_tree, client, customer):
    client.force_login(customer)
    html = _header(client, "/portal/")
    forms = re.findall(r'<form[^>]*method="post".*?</form>', html, flags=re.S)
    assert len(forms) == 3  # sign out, Türkçe, English
    for form in forms:
        assert re.search(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]{64}"', form), form
    # the language buttons say which is on and lead back to this page
    assert 'value="tr" lang="tr"' in html
    assert 'aria-pressed="true"' in html
    assert 'aria-pressed="false"' in html
    assert html.count('<input type="hidden" name="next" value="/portal/">') == 2


def test_the_footer_links_the_well_known_pages_and_names_the_year(site_tree, client):
    body = client.get("/accounts/login/").content.decode()
    footer = _part(body, '<footer class="site-footer">', "</footer>")
    assert "Müşteri Memnuniyeti Politikası" in footer
    assert '<li><a href="/portal/">Şikâyetlerim</a></li>' in footer
    assert f"© {layout.this_year()} " in footer


def test_links_are_reversed_per_language():
    with translation.override("tr"):
        assert layout.links()["search"] == "/search/"
    with translation.override("en"):
        assert layout.links()["search"] == "/en/search/"
        assert layout.links()["complaints"] == "/portal/"


def test_a_misspelt_name_in_a_jinja_template_is_an_error_not_an_empty_string():
    template = engines["jinja2"].from_string("{{ no_such_name }}")
    with pytest.raises(jinja2.UndefinedError):
        template.render({})


def test_jinja_templates_escape_what_they_are_given():
    template = engines["jinja2"].from_string("{{ text }}")
    assert template.render({"text": "<script>"}) == "&lt;script&gt;"
