"""S3 (and S3-compatible: MinIO, R2, Ceph) as a store, through boto3. A PUT is atomic, so writes are too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from schemas.errors import ConfigurationError, DocumentReadError, TransientError
from storage.base import ObjectInfo


@dataclass(frozen=True)
class S3Options:
    """How to reach S3. Unset fields fall back to the standard AWS chain (env, profile, instance role),
    including `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_S3` for a custom endpoint."""

    endpoint_url: str | None = None
    region: str | None = None
    credentials_block: str | None = None  # a prefect-aws AwsCredentials block name
    max_attempts: int = 8


_clients: dict[S3Options, Any] = {}


def s3_client(options: S3Options = S3Options()):
    """One boto3 client per process and options (clients are thread-safe; sessions are not)."""
    if options not in _clients:
        import boto3
        from botocore.config import Config

        config = Config(retries={"max_attempts": options.max_attempts, "mode": "standard"}, max_pool_connections=32)
        if options.credentials_block:
            from prefect_aws import AwsCredentials

            session = AwsCredentials.load(options.credentials_block).get_boto3_session()
        else:
            session = boto3.session.Session()
        _clients[options] = session.client(
            "s3", endpoint_url=options.endpoint_url, region_name=options.region, config=config
        )
    return _clients[options]


def parse_s3_uri(uri: str) -> tuple[str, str]:
    rest = uri[len("s3://"):]
    bucket, _, key = rest.partition("/")
    if not bucket:
        raise ConfigurationError(f"bad S3 URI {uri!r}: expected s3://bucket/prefix")
    return bucket, key


class S3Store:
    def __init__(self, uri: str, options: S3Options = S3Options()):
        self.bucket, prefix = parse_s3_uri(uri)
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.root = f"s3://{self.bucket}/{self.prefix}".rstrip("/")
        self.options = options

    @property
    def client(self):
        return s3_client(self.options)

    def uri(self, key: str) -> str:
        return f"s3://{self.bucket}/{self.prefix}{key}"

    def check_access(self) -> None:
        """Fail fast with one clear sentence when the bucket is missing or the credentials are wrong."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.list_objects_v2(Bucket=self.bucket, Prefix=self.prefix, MaxKeys=1)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise ConfigurationError(f"cannot list s3://{self.bucket}/{self.prefix}: {code or exc}") from None
        except BotoCoreError as exc:  # no credentials, bad endpoint
            raise ConfigurationError(f"cannot reach s3://{self.bucket}: {exc}") from None

    def iter_objects(self, prefix: str = "", start_after: str | None = None) -> Iterator[ObjectInfo]:
        # A paginator yields 1,000 keys per page: a million keys never sit in memory at once.
        kwargs = {"Bucket": self.bucket, "Prefix": self.prefix + prefix}
        if start_after:
            kwargs["StartAfter"] = self.prefix + start_after
        for page in self.client.get_paginator("list_objects_v2").paginate(**kwargs):
            for obj in page.get("Contents", []):
                key = obj["Key"][len(self.prefix):]
                if key and not key.endswith("/"):
                    yield ObjectInfo(key, obj["Size"], obj["LastModified"])

    def read(self, key: str) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=self.prefix + key)["Body"].read()
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "404"):
                raise FileNotFoundError(self.uri(key)) from None
            raise DocumentReadError(f"cannot read {self.uri(key)}: {code or exc}", uri=self.uri(key)) from None
        except BotoCoreError as exc:
            raise DocumentReadError(f"cannot read {self.uri(key)}: {exc}", uri=self.uri(key)) from None

    def read_if_exists(self, key: str) -> bytes | None:
        try:
            return self.read(key)
        except FileNotFoundError:
            return None

    def write(self, key: str, data: bytes) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data)
        except (BotoCoreError, ClientError) as exc:
            _raise_if_transient(exc, f"cannot write {self.uri(key)}")
            raise

    def create_exclusive(self, key: str, data: bytes) -> bool:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            # S3 conditional writes: the PUT fails with 412 if the key exists (AWS since 2024, MinIO, moto).
            # A store that ignores If-None-Match would overwrite silently and break the commit lock.
            self.client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data, IfNoneMatch="*")
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            if code in ("PreconditionFailed", "ConditionalRequestConflict") or status in (409, 412):
                return False
            _raise_if_transient(exc, f"cannot create {self.uri(key)}")
            raise
        except BotoCoreError as exc:
            _raise_if_transient(exc, f"cannot create {self.uri(key)}")
            raise
        return True

    def delete(self, key: str) -> None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            self.client.delete_object(Bucket=self.bucket, Key=self.prefix + key)
        except (BotoCoreError, ClientError) as exc:
            _raise_if_transient(exc, f"cannot delete {self.uri(key)}")
            raise


_RETRYABLE_CODES = {"SlowDown", "Throttling", "ThrottlingException", "RequestTimeout", "InternalError",
                    "ServiceUnavailable", "OperationAborted"}


def _raise_if_transient(exc: Exception, what: str) -> None:
    """Raise a TransientError when a later retry can help (no connection, 5xx, throttling after boto3's own
    retries), so the flow retries the shard; return for the rest (no such bucket, access denied, no credentials)."""
    from botocore.exceptions import ClientError, ConnectionError as BotoConnectionError, HTTPClientError

    if isinstance(exc, ClientError):
        code = exc.response.get("Error", {}).get("Code", "")
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0
        if code in _RETRYABLE_CODES or status >= 500:
            raise TransientError(f"{what}: {code or status}; a later retry may succeed") from exc
    elif isinstance(exc, (BotoConnectionError, HTTPClientError)):  # connection refused, reset or timed out
        raise TransientError(f"{what}: {exc}; a later retry may succeed") from exc
