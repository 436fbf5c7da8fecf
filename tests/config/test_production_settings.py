"""Production settings keep database connections open (and check them before reuse), and on
PostgreSQL prepare the statements a connection repeats."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
READ = (
    "import json; from config.settings import production as p; "
    "print(json.dumps({k: p.DATABASES['default'].get(k) for k in "
    "('CONN_MAX_AGE', 'CONN_HEALTH_CHECKS', 'ENGINE', 'NAME', 'OPTIONS')}))"
)


def production_database(**environment) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "CONN_MAX_AGE"}
    env |= {
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "memnun.example.com",
        "DATABASE_URL": "postgres://memnun@db.example.com:5432/memnun",
        "EMAIL_URL": "smtp://mail.example.com:587?tls=1",
        **environment,
    }
    done = subprocess.run(
        [sys.executable, "-c", READ], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_production_keeps_connections_for_a_minute_and_checks_them():
    database = production_database()
    assert database == {
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "memnun",
        "OPTIONS": {"server_side_binding": True, "prepare_threshold": 5},
    }


def test_conn_max_age_comes_from_the_environment():
    assert production_database(CONN_MAX_AGE="300")["CONN_MAX_AGE"] == 300
    assert production_database(CONN_MAX_AGE="0")["CONN_MAX_AGE"] == 0


def test_statements_are_prepared_unless_a_pooler_forbids_it():
    # Django turns psycopg's preparing off unless `prepare_threshold` is given
    assert production_database()["OPTIONS"]["prepare_threshold"] == 5
    assert not production_database(DATABASE_SERVER_SIDE_BINDING="0")["OPTIONS"]
