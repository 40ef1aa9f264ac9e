# The two commands of the README: `make run` (set up, then extract sample_docs/) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.docsieve-installed

.PHONY: install run test clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# llama.cpp's default native build uses this CPU's AMX kernels, which segfault here
	@# (ggml_backend_amx_mul_mat): build portable AVX2 code instead. It compiles for ~10 min the first time.
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PY) -m pip install -e '.[test]'
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PY) scripts/check_install.py
	@touch $(STAMP)

run: install
	$(VENV)/bin/docsieve run sample_docs --output out/

test: install
	$(PY) -m pytest

clean:
	rm -rf out/ .pytest_cache
