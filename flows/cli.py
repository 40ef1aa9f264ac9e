"""docsieve: pull structured fields out of documents, cheaply.

A local small model reads every document; what it cannot answer confidently goes to a frontier model
through the OpenAI Batch API at half price. Results land as Parquet, one row per document.

\b
Example:
    docsieve run sample_docs --output out/
    docsieve run s3://bucket/invoices/2026/11/ --output s3://bucket/extracted/ --workers 2
    duckdb -c "select status, tier, count(*) from read_parquet('out/**/*.parquet') group by all"
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timezone

import click

from schemas.errors import DocsieveError


def _fail(exc: Exception) -> None:
    raise click.ClickException(str(exc)) from None


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


@click.group(help=__doc__)
@click.version_option(package_name="docsieve")
def main() -> None:
    pass


@main.command()
@click.argument("source")
@click.option("--output", "-o", required=True, help="Directory or s3://bucket/prefix for the Parquet dataset.")
@click.option("--schema", default="invoice", show_default=True,
              help="Built-in name, package.module:Class, or file.py:Class (the file is executed: trust it).")
@click.option("--model", default=None, help="Bundled model (smollm2-135m, qwen2.5-coder-0.5b, gemma3-270m) or a GGUF "
              "path. [default: DOCSIEVE_LLAMA_MODEL or qwen2.5-coder-0.5b]")
@click.option("--prefix", default="", help="Only keys under this prefix of the source.")
@click.option("--modified-since", type=click.DateTime(), default=None, help="Only objects modified at/after (UTC).")
@click.option("--modified-until", type=click.DateTime(), default=None, help="Only objects modified before (UTC).")
@click.option("--id", "doc_ids", multiple=True, help="Only this document (doc id, URI or file name); repeatable.")
@click.option("--limit", type=int, default=None, help="Stop after listing this many documents.")
@click.option("--shard-size", type=int, default=None, help="Documents per Prefect task. [default: 200]")
@click.option("--task-runner", type=click.Choice(["threads", "processes", "dask"]), default=None,
              help="How shards run in parallel. [default: threads]")
@click.option("--workers", type=int, default=None, help="Parallel shards. [default: 1]")
@click.option("--reprocess", is_flag=True, help="Extract again even documents already done.")
@click.option("--no-frontier", is_flag=True, help="Do not queue escalated documents for the Batch API.")
@click.option("--max-frontier-usd", type=float, default=None, help="Cap on this run's estimated frontier spend.")
@click.option("--wait", "wait_seconds", type=float, default=0, help="Wait up to N seconds for this run's batches.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def run(source, output, schema, model, prefix, modified_since, modified_until, doc_ids, limit, shard_size,
        task_runner, workers, reprocess, no_frontier, max_frontier_usd, wait_seconds, as_json):
    """Run the extraction flow over SOURCE (directory, glob, s3://bucket/prefix or manifest file)."""
    from flows.extract_documents import extract_documents
    from flows.runtime import prefect_runtime

    with prefect_runtime():
        try:
            result = extract_documents(
                source=source, output=output, schema=schema, model=model, prefix=prefix,
                modified_since=_utc(modified_since), modified_until=_utc(modified_until), doc_ids=list(doc_ids),
                limit=limit, shard_size=shard_size, task_runner=task_runner, workers=workers, reprocess=reprocess,
                frontier=not no_frontier, max_frontier_usd=max_frontier_usd, wait_frontier_seconds=wait_seconds,
            )
        except DocsieveError as exc:
            _fail(exc)
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        click.echo(result["text"] if "text" in result else json.dumps(result, default=str))


@main.command()
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False))
@click.option("--schema", default="invoice", show_default=True, help="Schema name, module:Class or file.py:Class.")
@click.option("--model", default=None, help="Bundled model name or GGUF path.")
def extract(pdf, schema, model):
    """Extract one PDF and print the answer, without Prefect or any output files."""
    from extractors.base import get_extractor
    from extractors.grounding import GroundingIndex
    from extractors.pdf import read_pdf
    from extractors.routing import route_result
    from flows.settings import Settings
    from schemas.document import DocumentRef
    from schemas.registry import load_schema

    settings = Settings()
    try:
        spec = load_schema(schema)
        extractor = get_extractor("llama", model=model or settings.llama.model, cache_dir=settings.llama.cache_dir)
        path = os.path.abspath(pdf)
        doc = read_pdf(DocumentRef(path), open(path, "rb").read())
        result = extractor.extract(doc, spec)
        threshold = settings.threshold_for(spec.name, spec.version, extractor.name)
        decision = route_result(result, spec, GroundingIndex(doc.text), threshold)
    except DocsieveError as exc:
        _fail(exc)
    click.echo(json.dumps({"route": decision.route.value, "reason": decision.reason and decision.reason.value,
                           "detail": decision.detail, "confidence": result.confidence, "threshold": threshold,
                           "data": decision.data or result.data, "seconds": round(result.seconds, 2)},
                          indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    sys.exit(main())
