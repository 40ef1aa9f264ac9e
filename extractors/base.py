"""The extractor protocol and the registry that the flows pick backends from."""

from __future__ import annotations

from typing import Callable, Protocol

from schemas.document import Document
from schemas.registry import SchemaSpec
from schemas.results import ExtractionResult


class Extractor(Protocol):
    """Turns one document's text into an answer for one schema."""

    name: str  # recorded in the `model` column

    def extract(self, doc: Document, spec: SchemaSpec) -> ExtractionResult: ...


_REGISTRY: dict[str, Callable[..., Extractor]] = {}


def register(kind: str):
    """Class decorator: make an extractor available to `get_extractor(kind, ...)`."""

    def wrap(factory):
        _REGISTRY[kind] = factory
        return factory

    return wrap


def check_extractor(kind: str) -> None:
    """Raise ConfigurationError now if `kind` names no registered extractor."""
    if kind not in _REGISTRY:
        # importing the package registers the built-in backends
        import extractors.llama_local  # noqa: F401
        import extractors.null  # noqa: F401
    if kind not in _REGISTRY:
        from schemas.errors import ConfigurationError

        raise ConfigurationError(f"unknown extractor {kind!r}; known: {', '.join(sorted(_REGISTRY))}")


def get_extractor(kind: str, **options) -> Extractor:
    check_extractor(kind)
    try:
        factory = _REGISTRY[kind]
    except KeyError:
        from schemas.errors import ConfigurationError

        raise ConfigurationError(f"unknown extractor {kind!r}; known: {', '.join(sorted(_REGISTRY))}") from None
    return factory(**options)
