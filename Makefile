# memnun — `make run` serves the demo site, `make test` runs every check.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.PHONY: run test lint migrate demo messages deploy-check bench clean

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
	@echo "  memnun is starting on http://127.0.0.1:$${PORT:-8000}/  (Ctrl-C stops web, worker and scheduler)"
	@echo "  Customer:       musteri@example.com / $${DEMO_PASSWORD:-memnun-demo}   -> /portal/"
	@echo "  Staff:          personel@example.com / $${DEMO_PASSWORD:-memnun-demo}  -> /admin/"
	@echo "  Content editor: editor@example.com / $${DEMO_PASSWORD:-memnun-demo}    -> /admin/"
	@echo "  API docs: http://127.0.0.1:$${PORT:-8000}/api/v1/docs/   health: /healthz"
	@echo ""
	$(BIN)/honcho start -f Procfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

deploy-check: $(STAMP)
	SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=memnun.example.com \
	DATABASE_URL=$${DATABASE_URL:-sqlite:///:memory:} EMAIL_URL=smtp://mail.example.com:587?tls=1 \
	DJANGO_SETTINGS_MODULE=config.settings.production $(PYTHON) manage.py check --deploy --fail-level WARNING

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: $(STAMP) messages lint deploy-check
	DJANGO_SETTINGS_MODULE=config.settings.test $(PYTHON) manage.py makemigrations --check --dry-run
	@set +e; DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/pytest -n 2 $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing the run"; exit 1; fi; exit $$rc

bench: migrate
	$(PYTHON) manage.py generate_complaints --count $${COUNT:-100000}

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles
