# memnun — `make run` serves the demo site, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= config.settings.dev
# The address `make run` serves and prints. honcho would otherwise hand the web process its own
# default (5000); it gets this one with -p, and e-mail links follow it through SITE_URL.
PORT ?= 8000
SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run check-run-address test test-suite test-dates lint migrate demo messages deploy-check bench bench-pages clean

$(PYTHON):
	@py=$$(scripts/find-python) && echo "Creating $(VENV) with $$py" && "$$py" -m venv $(VENV)

$(STAMP): $(PYTHON) requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

messages: $(STAMP)
	@$(PYTHON) manage.py compilemessages --ignore=.venv -v 0

migrate: $(STAMP) messages
	$(PYTHON) manage.py migrate --no-input -v 0
	$(PYTHON) manage.py createcachetable

demo: migrate
	$(PYTHON) manage.py load_demo_data

run: demo
	@echo ""
	@echo "  memnun is starting on $(SITE_URL)/  (Ctrl-C stops web, worker and scheduler)"
	@echo "  Customer:       musteri@example.com / $${DEMO_PASSWORD:-memnun-demo}   -> /portal/"
	@echo "  Handler:        personel@example.com / $${DEMO_PASSWORD:-memnun-demo}  -> /admin/ (technical support; fatura@example.com: billing)"
	@echo "  Unit manager:   birim.yonetici@example.com / $${DEMO_PASSWORD:-memnun-demo} -> /admin/"
	@echo "  Quality mgr:    yonetici@example.com / $${DEMO_PASSWORD:-memnun-demo}  -> /admin/ (all units, approvals)"
	@echo "  Content editor: editor@example.com / $${DEMO_PASSWORD:-memnun-demo}    -> /admin/"
	@echo "  API docs: $(SITE_URL)/api/v1/docs/   health: $(SITE_URL)/healthz"
	@echo ""
	SITE_URL=$(SITE_URL) WAGTAILADMIN_BASE_URL=$(SITE_URL) $(BIN)/honcho start -f Procfile -p $(PORT)

# Start `make run`, read the address it prints and check that the site answers there.
check-run-address: demo
	scripts/check-run-address

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

deploy-check: $(STAMP)
	SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=memnun.example.com \
	DATABASE_URL=$${DATABASE_URL:-sqlite:///:memory:} EMAIL_URL=smtp://mail.example.com:587?tls=1 \
	DJANGO_SETTINGS_MODULE=config.settings.production $(PYTHON) manage.py check --deploy --fail-level WARNING

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: $(STAMP) messages lint deploy-check test-suite

# The migrations check and the whole pytest suite, without the lint gates (`.ci/run` runs this
# a second time against PostgreSQL, after `make test` has linted the same files).
test-suite: $(STAMP) messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(PYTHON) manage.py makemigrations --check --dry-run
	@set +e; DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -n 2 $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing the run"; exit 1; fi; exit $$rc

# The modules that reason about dates, run again under other "todays" and server time zones:
# inside the 1-10 December window, a year boundary in a DST-observing zone, the day European
# clocks spring forward, and the last second of February in UTC (tests/conftest.py).
DATE_SENSITIVE_TESTS := tests/workflow/test_statistics.py tests/workflow/test_sla.py \
	tests/workflow/test_deadlines.py tests/workflow/test_services_intake.py \
	tests/workflow/test_services_staff.py tests/workflow/test_services_edges.py \
	tests/workflow/test_notifications.py tests/workflow/test_audit.py \
	tests/workflow/test_demo_data.py tests/portal/test_tracking_form.py \
	tests/portal/test_portal_views.py
TEST_DATES := 2026-12-05T10:00:00@Europe/Istanbul 2026-12-31T23:30:00@America/New_York \
	2027-03-28T03:30:00@Europe/Berlin 2027-02-28T23:59:30@UTC

# On SQLite (no DATABASE_URL) the sessions start from one migrated file (tests/conftest.py).
test-dates: $(STAMP) messages
	@set -e; template=""; \
	if [ -z "$$DATABASE_URL" ]; then \
	  template=$$(mktemp --suffix=.sqlite3); trap 'rm -f "$$template"' EXIT; \
	  DATABASE_URL=sqlite:///$$template DJANGO_SETTINGS_MODULE=config.settings.test \
	    $(PYTHON) manage.py migrate --no-input -v 0; \
	fi; \
	for when in $(TEST_DATES); do \
	  echo "=== date-sensitive tests on $${when%@*} ($${when#*@}) ==="; \
	  MEMNUN_TEST_DB_TEMPLATE=$$template MEMNUN_TEST_NOW=$${when%@*} MEMNUN_TEST_TZ=$${when#*@} \
	    DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -q -n 2 $(DATE_SENSITIVE_TESTS); \
	done

bench: migrate
	$(PYTHON) manage.py generate_complaints --count $${COUNT:-100000}

# Customer and staff pages against a bare view, over HTTP with the production settings
# (benchmarks/README.md); DATABASE_URL: a database benchmarks/generate_complaints.sh filled.
bench-pages: $(STAMP)
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL (see benchmarks/README.md)"; exit 2; }
	$(PYTHON) benchmarks/pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
