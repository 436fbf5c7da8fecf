def test_healthz_answers_when_database_is_up(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_staff_groups_exist_after_migrate_with_admin_access(db):
    from django.contrib.auth.models import Group

    from workflow.groups import MANAGER_GROUP, STAFF_GROUP

    staff = Group.objects.get(name=STAFF_GROUP)
    codenames = set(staff.permissions.values_list("codename", flat=True))
    assert {"handle_complaint", "access_admin", "view_notification"} <= codenames
    assert "review_process" in Group.objects.get(name=MANAGER_GROUP).permissions.values_list(
        "codename", flat=True
    )


def test_healthz_answers_503_when_the_database_does_not(client, db, monkeypatch):
    from django.db import connection
    from django.db.utils import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:  # undone before the test database is rolled back
        patch.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_pages_carry_a_content_security_policy(client, db):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
