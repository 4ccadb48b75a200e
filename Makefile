# Two commands set up and run everything on a fresh machine:
#   make demo   install into .venv and run faultlines on the bundled demo corpus
#   make test   install into .venv (with test extras) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install clean ui

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the package metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/faultlines demo --db faultlines-demo.db

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Maintainers only: re-vendor the web UI's npm packages (needs Node and npm; CI does not run it).
ui:
	ui/build

clean:
	rm -rf $(VENV) faultlines-demo.db* *.egg-info test-output ui/node_modules
