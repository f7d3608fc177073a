# Monitor: `make run` serves the demo site, `make test` runs the whole suite.
# Both set everything up first; nothing else needs installing on a fresh machine.

PYTHON ?= python3
UV_VERSION := 0.13.8
BOOTSTRAP := .bootstrap
UV := $(BOOTSTRAP)/bin/uv
export UV_PYTHON_DOWNLOADS := never
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test lint format bench bench-peer bench-scale bench-search soak clean chromium wrk

$(UV):
	$(PYTHON) -m venv $(BOOTSTRAP)
	$(BOOTSTRAP)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

setup: $(UV)
	$(UV) sync --frozen --quiet
	@mkdir -p var

run: setup
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	@# The task worker (scheduled publication) runs beside the web server and stops with it.
	trap 'kill 0' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py db_worker --interval 5 --no-reload & \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup chromium
	$(PY) -m pytest $(PYTEST_ARGS)

# The browser tests need Debian's chromium: installed here only when that needs no prompt
# (root with apt-get); otherwise those tests skip and say why.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	fi

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# In-process figures, then Monitor under gunicorn and wrk.
bench: setup wrk
	$(PY) -m bench

# Minutes of reads at saturation while editors publish, edit and correct, with PostgreSQL
# restarted and Redis stopped in the middle, all of the soak's own on 127.0.0.1 (see
# bench/soak.py; SOAK_SECONDS and the other knobs there). Fails on any 500, any 5xx outside
# the database's outage, any acknowledged save missing afterwards.
soak: setup wrk
	$(PY) -m bench soak

# Monitor's pages beside Wagtail 8 and a minimal view in one run of the peer harness
# (PEER_BENCH, by default ../shared/peer-bench; see bench/peer.py).
bench-peer: setup wrk
	$(PY) -m bench peer

# The archive-size measurements on PostgreSQL (BENCH_DATABASE_URL, by default
# monitor_scale on 127.0.0.1:5432, dropped and made again): 100,000 articles and 1,000,000
# events unless BENCH_ARTICLES and BENCH_EVENTS say otherwise (see bench/scale.py).
bench-scale: setup
	$(PY) -m bench scale

# Full-text search over 100,000 articles (BENCH_ARTICLES), on SQLite by default or on the
# PostgreSQL database of BENCH_SEARCH_DATABASE_URL (dropped and made again; see bench/search.py).
bench-search: setup
	$(PY) -m bench search

# Debian's wrk package, installed here when that needs no prompt, as chromium is.
wrk:
	@if ! command -v wrk >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	fi

clean:
	rm -rf $(VENV) $(BOOTSTRAP) var .pytest_cache
