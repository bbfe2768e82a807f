# NeuroExam: `make run` starts the app, `make test` runs every check. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
BIN := $(VENV)/Scripts
else
BIN := $(VENV)/bin
endif
STAMP := $(VENV)/.installed

.PHONY: run test test-faults lint typecheck pytest demo docs bench clean screenshots dist dist-translations translations

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "NeuroExam needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml is newer than the last install.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

# The app's Spanish: translations/neuroexam_es.ts (committed) compiled into assets/translations/.
TS := translations/neuroexam_es.ts
QM := assets/translations/neuroexam_es.qm
$(QM): $(TS) | $(STAMP)
	@mkdir -p assets/translations
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# After changing texts in gui/: refresh the .ts (then translate what lupdate marks unfinished).
translations: $(STAMP)
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $$(find gui -name '*.py' | sort) -ts $(TS)

run: $(STAMP) $(QM)
	$(BIN)/neuroexam

lint: $(STAMP)
	$(BIN)/ruff check core gui tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

test: lint typecheck pytest

# The long crash-and-fault run: 50 SIGKILLs at random moments for each kind of operation.
test-faults: $(STAMP)
	NEUROEXAM_FAULT_RUNS=50 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m faults

demo: $(STAMP)
	$(BIN)/neuroexam demo --out demo

docs: $(STAMP)
	$(BIN)/neuroexam rules --markdown --lang en > docs/rules.md
	$(BIN)/neuroexam schema > assets/schema/patient-record.schema.json
	$(BIN)/python -m core.exchange.docs

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# The installable folder: dist/neuroexam/ (PyInstaller, one folder), checked by its own self-test.
DIST_STAMP := $(VENV)/.installed-dist
$(DIST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist]'
	@touch $(DIST_STAMP)

# The frozen build's translations (the app's .qm, the core's catalogues, Qt's qtbase_es),
# checked from build.spec alone, without building: seconds instead of minutes.
dist-translations: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q tests/test_packaging.py -k build_spec_carries

dist: $(DIST_STAMP) $(QM) dist-translations
	$(BIN)/pyinstaller build.spec --noconfirm --clean --log-level WARN
	LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 QT_QPA_PLATFORM=offscreen dist/neuroexam/neuroexam --self-test
	LC_ALL= LC_MESSAGES= LANG=es_ES.UTF-8 QT_QPA_PLATFORM=offscreen dist/neuroexam/neuroexam --self-test
	@$(BIN)/python -c "import pathlib; files = [p for p in pathlib.Path('dist/neuroexam').rglob('*') if p.is_file() and not p.is_symlink()]; size = sum(p.stat().st_size for p in files); print(f'dist/neuroexam: {size / 2**20:.1f} MiB ({size / 1e6:.1f} MB) in {len(files)} files')"

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache

# Under a real X server when there is one: the display's, else Xvfb (apt-get install xvfb and
# Qt's xcb libraries: libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 ...),
# else Qt's offscreen platform.
screenshots: $(STAMP) $(QM)
	@if [ -n "$$DISPLAY" ]; then QT_QPA_PLATFORM=xcb $(BIN)/python docs/make_screenshots.py; \
	elif command -v xvfb-run >/dev/null; then QT_QPA_PLATFORM=xcb xvfb-run -a \
	  -s "-screen 0 1920x1200x24" $(BIN)/python docs/make_screenshots.py; \
	else $(BIN)/python docs/make_screenshots.py; fi
