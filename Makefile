# The two commands of the README:  make run  (dashboard on the shipped data)  and  make test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
# make serve: PROCESSES app processes behind nginx on SERVE_PORT, for users who reach SERVE_HOST
PROCESSES  ?= 2
SERVE_PORT ?= 8080
SERVE_HOST ?= localhost

.PHONY: run serve test store bench screenshot clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

store: $(BIN)/.installed
	$(BIN)/python -m spotlight_dash build --if-changed

run: store
	./scripts/system-deps.sh  # Chromium and fonts: the app's chart exports need them too
	$(BIN)/streamlit run app.py --server.port $(PORT)

serve: store  # docs/deploying.md
	./scripts/system-deps.sh
	$(BIN)/python scripts/serve.py --processes $(PROCESSES) --port $(SERVE_PORT) --host $(SERVE_HOST)

test: $(BIN)/.installed
	./scripts/system-deps.sh
	$(BIN)/python -m pytest -q

bench: $(BIN)/.installed
	$(BIN)/python -m spotlight_dash bench --scale 1 1000 --json bench.json

screenshot: $(BIN)/.installed  # docs/overview.png, the README's picture of the Overview
	./scripts/system-deps.sh
	$(BIN)/python scripts/screenshot.py

clean:
	rm -rf $(VENV) data/store
