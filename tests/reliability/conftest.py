"""Fixtures of the reliability suite: the session's Prefect server, moto S3 and the fake Batch API come from the
shared conftest files; here, an in-process flow runner with the scripted extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

# moto's S3 server on loopback and the environment pointed at it (real boto3 client, real HTTP)
from tests.storage.conftest import moto_server, s3, s3_env, s3_options  # noqa: F401


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "out"


@pytest.fixture
def run(prefect_server, fake_extractor, out):
    """extract-documents in this process with the scripted extractor; no frontier unless asked."""
    from flows.extract_documents import extract_documents

    def _run(source, **kwargs):
        kwargs.setdefault("output", str(out))
        kwargs.setdefault("frontier", False)
        kwargs.setdefault("extractor", "fake")
        return extract_documents(source=str(source), **kwargs)

    return _run


@pytest.fixture
def src(tmp_path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    return folder
