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


# `file.py:Class` imports (executes) that file, like `python file.py`: say so wherever a schema is accepted.
SCHEMA_HELP = "Built-in name, package.module:Class, or file.py:Class (the file is executed: trust it)."


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
@click.option("--schema", default="invoice", show_default=True, help=SCHEMA_HELP)
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
@click.option("--schema", default="invoice", show_default=True, help=SCHEMA_HELP)
@click.option("--model", default=None, help="Bundled model name or GGUF path.")
def extract(pdf, schema, model):
    """Extract one PDF and print the answer, without Prefect or any output files."""
    from extractors.base import get_extractor
    from extractors.grounding import GroundingIndex
    from extractors.pdf import read_document_text
    from extractors.routing import route_result
    from flows.settings import Settings
    from schemas.document import DocumentRef
    from schemas.registry import load_schema

    settings = Settings()
    try:
        spec = load_schema(schema)
        extractor = get_extractor("llama", model=model or settings.llama.model, cache_dir=settings.llama.cache_dir)
        path = os.path.abspath(pdf)
        doc = read_document_text(DocumentRef(path), open(path, "rb").read())
        result = extractor.extract(doc, spec)
        threshold = settings.threshold_for(spec.name, spec.version, extractor.name)
        decision = route_result(result, spec, GroundingIndex.of(doc), threshold)
    except DocsieveError as exc:
        _fail(exc)
    click.echo(json.dumps({"route": decision.route.value, "reason": decision.reason and decision.reason.value,
                           "detail": decision.detail, "confidence": result.confidence, "threshold": threshold,
                           "data": decision.data or result.data, "seconds": round(result.seconds, 2)},
                          indent=2, ensure_ascii=False, default=str))


def _run_eval(docs_dir, truth, schema, model, threshold):
    from pathlib import Path

    from evaluation.harness import evaluate, load_truth
    from extractors.base import get_extractor
    from flows.settings import Settings
    from schemas.registry import load_schema

    settings = Settings()
    spec = load_schema(schema)
    llama = settings.llama
    extractor = get_extractor("llama", model=model or llama.model, cache_dir=llama.cache_dir, n_ctx=llama.n_ctx,
                              n_threads=llama.n_threads, max_options=llama.max_options,
                              excerpt_chars=llama.excerpt_chars, use_model=llama.use_model)
    if threshold is None:
        threshold = settings.threshold_for(spec.name, spec.version, extractor.name)
    docs = load_truth(Path(truth))
    with click.progressbar(length=len(docs), label="extracting", file=sys.stderr) as bar:
        records = evaluate(Path(docs_dir), docs, spec, extractor, threshold, progress=lambda r: bar.update(1))
    return settings, spec, extractor.name, threshold, records


@main.command("eval")
@click.argument("docs_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--truth", required=True, type=click.Path(exists=True, dir_okay=False),
              help="truth.jsonl: one {file, fields} per line, file relative to DOCS_DIR; null = not scored.")
@click.option("--schema", default="invoice", show_default=True, help=SCHEMA_HELP)
@click.option("--model", default=None, help="Bundled model name or GGUF path.")
@click.option("--threshold", type=float, default=None, help="Acceptance threshold [default: the calibrated one].")
@click.option("--report", "report_dir", default="report", show_default=True, type=click.Path(file_okay=False),
              help="Folder for report.md, risk_coverage.png and records.jsonl.")
def eval_cmd(docs_dir, truth, schema, model, threshold, report_dir):
    """Score the SLM tier against ground truth: per-field accuracy, exact rate, risk-coverage curve."""
    from pathlib import Path

    from evaluation.harness import save_records
    from evaluation.report import accuracy, calibrate, write_report

    try:
        settings, spec, model_name, threshold, records = _run_eval(docs_dir, truth, schema, model, threshold)
    except DocsieveError as exc:
        _fail(exc)
    out = Path(report_dir)
    out.mkdir(parents=True, exist_ok=True)
    save_records(records, out / "records.jsonl")
    # DOCSIEVE_LLAMA_USE_MODEL=false scores code's answers alone: the title says so, not the model's name
    tier = model_name if settings.llama.use_model else f"code only (model off; threshold of {model_name})"
    report = write_report(records, out, title=f"{spec.name} v{spec.version} with {tier} on {docs_dir}",
                          threshold=threshold)
    accepted = [r for r in records if r.route == "accepted"]
    fa, ex = accuracy(records)
    afa, aex = accuracy(accepted)
    best = calibrate(records)
    click.echo(f"{len(records)} documents: field accuracy {fa:.1%}, exact {ex:.1%}; accepted at {threshold:.3f}: "
               f"{len(accepted)} ({afa:.1%} field accuracy, {aex:.1%} exact)")
    if best:
        click.echo(f"97% accepted field accuracy reachable at threshold {best.threshold:.3f}, "
                   f"coverage {best.coverage:.1%}")
    click.echo(f"report: {report}")


@main.command()
@click.argument("docs_dir", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--truth", type=click.Path(exists=True, dir_okay=False), help="truth.jsonl (with DOCS_DIR).")
@click.option("--records", "records_path", type=click.Path(exists=True, dir_okay=False),
              help="records.jsonl from `docsieve eval` (instead of running the model again).")
@click.option("--schema", default="invoice", show_default=True, help=SCHEMA_HELP)
@click.option("--model", default=None, help="Bundled model name or GGUF path.")
@click.option("--target", type=float, default=0.97, show_default=True, help="Accepted field accuracy to reach.")
def calibrate(docs_dir, truth, records_path, schema, model, target):
    """Pick the acceptance threshold reaching TARGET accuracy at the highest coverage; save it for schema+model."""
    import datetime as dt
    from pathlib import Path

    from evaluation.harness import read_records
    from evaluation.report import calibrate as pick
    from extractors.models import model_label
    from flows.settings import Settings, calibration_key
    from schemas.registry import load_schema

    try:
        if records_path:
            settings, spec = Settings(), load_schema(schema)
            model_name = model_label(model or settings.llama.model)
            records = read_records(Path(records_path))
        elif docs_dir and truth:
            settings, spec, model_name, _, records = _run_eval(docs_dir, truth, schema, model, None)
        else:
            raise click.UsageError("give DOCS_DIR with --truth, or --records")
    except DocsieveError as exc:
        _fail(exc)
    best = pick(records, target)
    if best is None:
        raise click.ClickException(f"no threshold reaches {target:.0%} accepted field accuracy on these "
                                   f"{len(records)} documents; nothing saved")
    path = Path(settings.routing.calibration_file)
    saved = json.loads(path.read_text()) if path.exists() else {}
    key = calibration_key(spec.name, spec.version, model_name)
    saved[key] = {"threshold": round(best.threshold, 4), "target": target, "coverage": round(best.coverage, 4),
                  "field_accuracy": round(best.field_accuracy, 4), "exact_rate": round(best.exact_rate, 4),
                  "documents": len(records), "calibrated_at": dt.datetime.now(dt.timezone.utc).isoformat()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(saved, indent=2) + "\n")
    click.echo(f"{key}: threshold {best.threshold:.3f} -> coverage {best.coverage:.1%}, accepted field accuracy "
               f"{best.field_accuracy:.1%}; saved to {path}")


def _output_store(output: str):
    from flows.collect_frontier import s3_options
    from flows.settings import Settings
    from storage import open_store

    return open_store(output, s3_options(Settings()))


@main.command()
@click.argument("output")
def batches(output):
    """List the frontier batches under OUTPUT with their states and document counts."""
    from flows.frontier import load_records

    try:
        records = sorted(load_records(_output_store(output)), key=lambda r: r.created_at)
    except DocsieveError as exc:
        _fail(exc)
    if not records:
        click.echo("no frontier batches (nothing escalated, or nothing queued yet)")
        return
    click.echo(f"{'batch':<18}{'state':<11}{'openai status':<15}{'docs':>6}  {'result':<36}{'created (UTC)'}")
    for r in records:
        result = ", ".join(f"{k} {v}" for k, v in r.result.items() if v) or "-"
        click.echo(f"{r.key:<18}{r.state:<11}{(r.openai_status or '-'):<15}{len(r.members):>6}  {result:<36}"
                   f"{r.created_at[:19]}  {r.batch_id or ''}")


@main.command()
@click.argument("output")
@click.option("--schema", default="invoice", show_default=True, help="Schema whose rows are updated. " + SCHEMA_HELP)
@click.option("--wait", "wait_seconds", type=float, default=0, help="Keep polling up to N seconds.")
@click.option("--max-frontier-usd", type=float, default=None, help="Cap on the estimated spend of what is sent.")
def collect(output, schema, wait_seconds, max_frontier_usd):
    """Send queued escalations and fold finished batches into the rows under OUTPUT (the collect-frontier flow)."""
    from flows.collect_frontier import collect_frontier
    from flows.runtime import prefect_runtime

    with prefect_runtime():
        try:
            result = collect_frontier(output=output, schema=schema, wait_seconds=wait_seconds,
                                      max_frontier_usd=max_frontier_usd)
        except DocsieveError as exc:
            _fail(exc)
    click.echo(json.dumps(result, indent=2, default=str))


@main.command("export-finetune")
@click.argument("output")
@click.option("--to", "target", required=True, type=click.Path(dir_okay=False), help="JSONL file to write.")
@click.option("--schema", default="invoice", show_default=True, help=SCHEMA_HELP)
def export_finetune_cmd(output, target, schema):
    """Write validated frontier answers under OUTPUT as chat fine-tuning examples (document text -> JSON)."""
    from flows.finetune import export_finetune
    from pathlib import Path

    try:
        n = export_finetune(_output_store(output), schema, Path(target))
    except DocsieveError as exc:
        _fail(exc)
    click.echo(f"wrote {n} examples to {target}")


if __name__ == "__main__":
    sys.exit(main())
