"""The staff roles of issue 10: two units, a handler of each, a unit manager of the first,
a quality manager and a content editor."""

import pytest
from django.contrib.auth.models import Group

from cms_pages.permissions import CONTENT_EDITORS_GROUP
from tests.factories import (
    CategoryFactory,
    HandlerFactory,
    QualityManagerFactory,
    UnitFactory,
    UnitManagerFactory,
    UserFactory,
)


@pytest.fixture
def unit_a(db):
    return UnitFactory(slug="unit-a", name_tr="Birim A", name_en="Unit A")


@pytest.fixture
def unit_b(db):
    return UnitFactory(slug="unit-b", name_tr="Birim B", name_en="Unit B")


@pytest.fixture
def category_a(unit_a):
    return CategoryFactory(slug="category-a", default_unit=unit_a)


@pytest.fixture
def category_b(unit_b):
    return CategoryFactory(slug="category-b", default_unit=unit_b)


@pytest.fixture
def handler_a(unit_a):
    return HandlerFactory(units=[unit_a])


@pytest.fixture
def handler_b(unit_b):
    return HandlerFactory(units=[unit_b])


@pytest.fixture
def unit_manager_a(unit_a):
    return UnitManagerFactory(units=[unit_a])


@pytest.fixture
def quality_manager(db):
    return QualityManagerFactory()


@pytest.fixture
def content_editor(db):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS_GROUP))
    return editor
