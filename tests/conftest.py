import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import CategoryFactory, CustomerFactory, StaffFactory


@pytest.fixture
def customer(db):
    return CustomerFactory()


@pytest.fixture
def other_customer(db):
    return CustomerFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def category(db):
    return CategoryFactory(slug="billing", name_tr="Fatura", name_en="Billing")


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request made with `Accept-Language: en`
    leaves English active in the thread, which would leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
