"""Storage fixtures: one moto S3 server per session on loopback, reset between tests, reached through boto3."""

from __future__ import annotations

import logging
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from storage.s3 import S3Options


class AtomicWrites:
    """WSGI wrapper that handles one write request at a time, as S3 commits each object atomically.

    moto checks `If-None-Match: *` and stores the object in two steps, so two racing conditional PUTs can
    both succeed (3% of 16-way races with a short GIL switch interval), and a PUT that overwrites a key
    another PUT is answering fails with a 500 ("I/O operation on closed file"). S3 guarantees one 200 and
    412/409 for the rest; serialising writes on the server gives the fake that guarantee. Reads stay
    concurrent, and nothing on the client side (boto3, the project's code) is changed.
    """

    def __init__(self, app):
        self.app, self.lock = app, threading.Lock()

    def __call__(self, environ, start_response):
        if environ["REQUEST_METHOD"] in ("GET", "HEAD"):
            return self.app(environ, start_response)
        with self.lock:
            return list(self.app(environ, start_response))


@pytest.fixture(scope="session")
def moto_server() -> str:
    """moto's S3 server on a free loopback port: real HTTP, real boto3 client, real S3 protocol."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one access-log line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    server._server.app = AtomicWrites(server._server.app)  # before the first request
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def clear_s3_caches() -> None:
    """Clients are cached per S3Options and stores per (uri, options): a test must not get the previous one."""
    import storage.s3
    from flows import pipeline

    storage.s3._clients.clear()
    pipeline.cached_store.cache_clear()


@pytest.fixture
def s3_env(moto_server, monkeypatch, tmp_path) -> str:
    """An empty moto, and the environment the project reads pointed at it; returns the endpoint URL."""
    urllib.request.urlopen(urllib.request.Request(f"{moto_server}/moto-api/reset", method="POST"), timeout=10).read()
    for var in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    # the developer's ~/.aws must not leak in (a profile's endpoint or role would bypass moto)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("DOCSIEVE_STORAGE_S3_ENDPOINT_URL", moto_server)
    clear_s3_caches()
    yield moto_server
    clear_s3_caches()


@pytest.fixture
def s3_options(s3_env) -> S3Options:
    """The S3Options a run builds from its settings (so from DOCSIEVE_STORAGE_S3_*)."""
    from flows.settings import StorageSettings

    st = StorageSettings()
    assert st.s3_endpoint_url == s3_env
    return S3Options(st.s3_endpoint_url, st.s3_region, st.aws_credentials_block, st.s3_max_attempts)


@pytest.fixture
def s3(s3_env):
    """A boto3 client of the test's own, for arranging buckets and checking results. The code under test
    uses its own client (`storage.s3.s3_client`), so hooks on it count only the project's calls."""
    import boto3
    from botocore.config import Config

    return boto3.client("s3", endpoint_url=s3_env, config=Config(max_pool_connections=32))


def put_objects(client, bucket: str, objects: dict[str, bytes]) -> None:
    """Upload many objects in parallel (moto answers one request per thread)."""
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(lambda kv: client.put_object(Bucket=bucket, Key=kv[0], Body=kv[1]), objects.items()))


def list_keys(client, bucket: str, prefix: str = "") -> list[str]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
    return [obj["Key"] for page in pages for obj in page.get("Contents", [])]


@pytest.fixture
def sample_pdfs() -> dict[str, bytes]:
    """sample_docs/*.pdf by file name."""
    from tests.conftest import SAMPLE_DOCS

    return {p.name: p.read_bytes() for p in sorted(Path(SAMPLE_DOCS).glob("*.pdf"))}


def assert_one_winner_per_race(store, rounds: int, contenders: int = 16) -> None:
    """`contenders` threads call create_exclusive on the same new key at once; exactly one may win."""
    import threading

    for round_no in range(rounds):
        key, barrier, wins = f"race-{round_no}", threading.Barrier(contenders), []

        def contender(i: int):
            barrier.wait()
            if store.create_exclusive(key, f"owner-{i}".encode()):
                wins.append(i)

        threads = [threading.Thread(target=contender, args=(i,)) for i in range(contenders)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(wins) == 1
        assert store.read(key) == f"owner-{wins[0]}".encode()
