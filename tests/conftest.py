import pytest
from django.conf import settings
from django.utils import translation

from tests.factories import CategoryFactory, CustomerFactory, StaffFactory


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Turkish: the locale middleware leaves the last request's language
    active in the thread, so an English request would otherwise leak into the next test."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


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
