# The portal's front door. `make run` and `make test` do all the set-up on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench setup lint messages vendor clean

$(STAMP): requirements.txt
	@test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP)

## Run the portal at http://127.0.0.1:8000 with a Celery worker, SQLite and the 2010 demo.
run: $(STAMP)
	scripts/run.sh

## Run the whole test suite (unit, worker and browser tests).
test: $(STAMP)
	scripts/test.sh

## Measure the pages, mailings and PDFs at 1x and 10x (results in var/bench and the README).
bench: $(STAMP)
	scripts/bench.sh $(BENCH_ARGS)

## Ruff, the layers between apps (import-linter, contracts in pyproject.toml) and complete migrations.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

## Refresh the French and Spanish catalogues from the code and templates.
messages: $(STAMP)
	$(PY) manage.py makemessages -l fr -l es --ignore=.venv --ignore=var --no-obsolete
	$(PY) manage.py makemessages -d djangojs -l fr -l es --ignore=.venv --ignore=var --ignore=static/vendor --ignore=tests/vendor --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

vendor:
	scripts/vendor.sh

clean:
	rm -rf var
