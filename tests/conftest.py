import pytest

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
def _empty_cache():
    """Rate limits, throttles and used TOTP codes live in the cache: every test starts clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
