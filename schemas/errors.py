"""Error types. Retryability lives in the type: `TransientError` may succeed on retry, `TerminalError` never will."""

from __future__ import annotations


class DocsieveError(Exception):
    """Base of every error docsieve raises on purpose."""

    retryable: bool = False


class TerminalError(DocsieveError):
    """Retrying will not help: the input or the configuration is wrong."""

    retryable = False


class TransientError(DocsieveError):
    """May succeed on a later attempt (network, throttling, a busy model worker)."""

    retryable = True


class DocumentError(TerminalError):
    """One document cannot be processed. The run goes on; the document gets a `failed` row.

    `code` is a stable machine-readable label (`corrupt`, `encrypted`, `empty`, `no_text`,
    `oversized`, `timeout`, `unsupported_type`); the message is for humans.
    """

    def __init__(self, code: str, message: str, *, uri: str | None = None):
        super().__init__(message)
        self.code = code
        self.uri = uri


class DocumentReadError(TransientError):
    """The bytes of one document could not be fetched (after the storage client's own retries)."""

    code = "read_error"

    def __init__(self, message: str, *, uri: str | None = None):
        super().__init__(message)
        self.uri = uri


class ConfigurationError(TerminalError):
    """The run cannot start: bad source URI, unknown schema, missing model file, bad settings."""


class SchemaNotFound(ConfigurationError):
    """A `--schema` value names no built-in schema, module, file or class."""


class ModelNotFound(ConfigurationError):
    """A model name or GGUF path does not resolve to a loadable file."""


class ModelUnavailable(TransientError):
    """The model failed while the run was going; the shard is retried."""


class FrontierError(TransientError):
    """A Batch API call failed in a way a later poll or resubmission can fix."""
