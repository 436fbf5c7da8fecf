"""config/gc_tuning.py: after its first request a web process moves what it has loaded out of
the cyclic collector's sight, once; MEMNUN_GC_FREEZE=0 leaves the collector alone."""

import gc

import pytest
from django.core.signals import request_finished

from config import gc_tuning


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    request_finished.disconnect(dispatch_uid=gc_tuning.DISPATCH_UID)
    gc.unfreeze()


def _receivers() -> int:
    return len(request_finished._live_receivers(None)[0])


@pytest.mark.django_db
@pytest.mark.usefixtures("unfrozen")
def test_the_first_request_freezes_what_is_loaded_once(client, monkeypatch):
    freezes = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (freezes.append(1), freeze()))
    before = _receivers()
    gc_tuning.install()
    assert _receivers() == before + 1
    assert gc.get_freeze_count() == 0

    client.get("/healthz")
    frozen = gc.get_freeze_count()
    client.get("/healthz")

    assert frozen > 10_000  # the modules, settings and URL patterns loaded so far
    assert len(freezes) == 1  # not again
    assert _receivers() == before


@pytest.mark.usefixtures("unfrozen")
def test_it_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("MEMNUN_GC_FREEZE", "0")
    before = _receivers()
    gc_tuning.install()
    assert _receivers() == before
