"""Run reports: the CLI's closing summary and the Prefect artifacts (table, confidence histogram, progress)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.extract_documents import RunSummary
    from flows.pipeline import ConfidenceHistogram

# Rough shape of a frontier request for one document, for the what-if price of sending everything there.
PROMPT_OVERHEAD_TOKENS = 400
OUTPUT_TOKENS_PER_DOC = 350
CHARS_PER_TOKEN = 4


def frontier_price(prices: dict, model: str) -> tuple[float, float]:
    """USD per token (input, output) at synchronous list price; 0 for an unknown model."""
    entry = prices.get("frontier", {}).get(model)
    if not entry:
        return 0.0, 0.0
    return entry["input"] / 1e6, entry["output"] / 1e6


def cost_report(summary: "RunSummary") -> dict:
    """Actual cost of the run against what sending every document to the frontier would have cost."""
    f = summary.frontier or {}
    frontier_usd = float(f.get("cost_usd", 0.0))
    inp, out = frontier_price(summary.prices, summary.frontier_model)
    docs_read = summary.documents - summary.errors.get("read_error", 0)
    est_in = summary.text_chars / CHARS_PER_TOKEN + PROMPT_OVERHEAD_TOKENS * docs_read
    est_out = OUTPUT_TOKENS_PER_DOC * docs_read
    sync = est_in * inp + est_out * out
    batch = sync * float(summary.prices.get("batch_discount", 0.5))
    total = summary.slm_cost_usd + frontier_usd
    return {
        "slm_seconds": round(summary.slm_seconds, 2),
        "slm_usd": round(summary.slm_cost_usd, 6),
        "frontier_prompt_tokens": int(f.get("prompt_tokens", 0)),
        "frontier_completion_tokens": int(f.get("completion_tokens", 0)),
        "frontier_usd": round(frontier_usd, 6),
        "total_usd": round(total, 6),
        "all_frontier_sync_usd": round(sync, 6),
        "all_frontier_batch_usd": round(batch, 6),
        "savings_vs_sync_usd": round(sync - total, 6),
        "savings_vs_batch_usd": round(batch - total, 6),
    }


def histogram_text(hist: "ConfidenceHistogram", threshold: float, bins: int = 10, width: int = 40) -> str:
    """A text histogram of confidences in [0, 1], the threshold's bin marked (the UI cannot show local images)."""
    counts = hist.bins(bins)
    top = max(counts) or 1
    lines = []
    for i, c in enumerate(counts):
        lo, hi = i / bins, (i + 1) / bins
        mark = " <- threshold" if lo <= threshold < hi or (i == bins - 1 and threshold >= hi) else ""
        lines.append(f"{lo:.1f}-{hi:.1f} | {'#' * round(width * c / top):<{width}} {c}{mark}")
    return "\n".join(lines)


SUMMARY_KEY = "docsieve-run-summary"
REPORT_KEY = "docsieve-run-report"

COST_LABELS = {
    "slm_seconds": "SLM seconds",
    "slm_usd": "SLM $",
    "frontier_prompt_tokens": "frontier prompt tokens",
    "frontier_completion_tokens": "frontier completion tokens",
    "frontier_usd": "frontier $",
    "total_usd": "total $",
    "all_frontier_sync_usd": "all-frontier $ (sync prices)",
    "all_frontier_batch_usd": "all-frontier $ (batch prices)",
    "savings_vs_sync_usd": "savings $ vs all-frontier sync",
    "savings_vs_batch_usd": "savings $ vs all-frontier batch",
}


def summary_table(summary: "RunSummary") -> list[dict]:
    """Rows of the run summary table artifact: section, item, value."""
    failed = sum(summary.errors.values())

    def row(section: str, item: str, value) -> dict:
        return {"section": section, "item": item, "value": value}

    rows = [row("run", "run id", summary.run_id), row("run", "schema", summary.schema),
            row("run", "model", summary.model), row("run", "acceptance threshold", round(summary.threshold, 3)),
            row("run", "shards", summary.shards), row("run", "seconds", round(summary.seconds, 1))]
    rows += [row("documents", "listed", summary.listed), row("documents", "processed", summary.documents),
             row("documents", "unchanged (skipped)", summary.skipped_unchanged),
             row("documents", "reused (same bytes)", summary.reused)]
    # status x tier, as "status / tier" ("-": no tier, e.g. failed or waiting for the frontier)
    rows += [row("status x tier", k.replace("/", " / "), v) for k, v in sorted(summary.by_status_tier.items())]
    rows += [row("escalation reason", k, v) for k, v in sorted(summary.reasons.items())]
    rows.append(row("failures", "failed documents", failed))
    rows += [row("failures", k, v) for k, v in sorted(summary.errors.items())]
    if failed:
        rows.append(row("failures", "where listed", f"markdown artifact {REPORT_KEY} (first "
                                                    f"{len(summary.failures)}: doc id, source, error)"))
    f = summary.frontier or {}
    if f.get("status"):
        rows.append(row("frontier", "status", str(f["status"])))
    rows += [row("cost", COST_LABELS.get(k, k), v) for k, v in cost_report(summary).items()]
    return rows


def render_text(summary: "RunSummary") -> str:
    """The closing summary the CLI prints."""
    c = cost_report(summary)
    lines = [f"docsieve run {summary.run_id[:8]}: {summary.documents} documents in {summary.seconds:.1f}s "
             f"({summary.listed} listed, {summary.skipped_unchanged} unchanged, {summary.shards} shards)"]
    for key, n in sorted(summary.by_status_tier.items()):
        status, tier = key.split("/")
        lines.append(f"  {status:<17} {('tier ' + tier) if tier != '-' else '':<14} {n:>7}")
    if summary.reasons:
        lines.append("  escalated because: " + ", ".join(f"{k} {v}" for k, v in summary.reasons.most_common()))
    if summary.errors:
        lines.append("  failed because:    " + ", ".join(f"{k} {v}" for k, v in summary.errors.most_common()))
    f = summary.frontier or {}
    if f:
        lines.append(f"  frontier: {f.get('status', '')}")
    lines.append(f"  cost: ${c['total_usd']:.4f} (SLM {c['slm_seconds']:.0f}s ${c['slm_usd']:.4f}, frontier "
                 f"${c['frontier_usd']:.4f}); all-frontier would be ${c['all_frontier_batch_usd']:.4f} batch / "
                 f"${c['all_frontier_sync_usd']:.4f} sync")
    lines.append(f"  output: {summary.output}  (schema={summary.schema}/..., threshold {summary.threshold:.2f})")
    return "\n".join(lines)


def _cell(text: str, limit: int = 200) -> str:
    """One markdown table cell: no newlines or pipes, bounded length."""
    text = " ".join(str(text).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def report_markdown(summary: "RunSummary", table_link: str | None = None) -> str:
    """The markdown artifact: headline counts, the confidence histogram with the threshold, failed documents."""
    failed = sum(summary.errors.values())
    accepted = summary.confidences.at_least(summary.threshold)
    table_ref = f"[{SUMMARY_KEY}]({table_link})" if table_link else f"`{SUMMARY_KEY}`"
    lines = [
        f"# docsieve run `{summary.run_id[:8]}`",
        "",
        f"**{summary.documents:,} documents processed** in {summary.seconds:.0f}s "
        f"({summary.listed:,} listed, {summary.skipped_unchanged:,} unchanged), **{failed:,} failed**. "
        f"Counts by status and tier, escalation reasons and costs: table artifact {table_ref}.",
        "",
        "## Confidence of SLM answers",
        "",
        f"Acceptance threshold in use: **{summary.threshold:.2f}** (schema `{summary.schema}`, model "
        f"`{summary.model}`). Answers at or above it are accepted if they also pass validation; the rest "
        f"escalate to the frontier. {len(summary.confidences):,} answers, {accepted:,} at or above the threshold.",
        "",
        "```text",
        histogram_text(summary.confidences, summary.threshold),
        "```",
        "",
        f"## Failed documents ({failed:,})",
        "",
    ]
    if summary.failures:
        if failed > len(summary.failures):
            lines += [f"First {len(summary.failures)} of {failed:,}; every failed document has a `failed` row with "
                      "`error_code` and `error` in the output.", ""]
        lines += ["| doc_id | source | error |", "|---|---|---|"]
        lines += [f"| `{_cell(d, 80)}` | {_cell(u)} | {_cell(e)} |" for d, u, e in summary.failures]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def _artifact_url(artifact_id) -> str | None:
    try:
        from prefect.settings import PREFECT_UI_URL

        ui = PREFECT_UI_URL.value()
    except Exception:
        return None
    return f"{ui.rstrip('/')}/artifacts/artifact/{artifact_id}" if ui and artifact_id else None


def publish_run_artifacts(summary: "RunSummary") -> None:
    """Table and markdown artifacts on the flow run; a failure here never fails the run."""
    try:
        from prefect.artifacts import create_markdown_artifact, create_table_artifact

        table_id = create_table_artifact(
            key=SUMMARY_KEY, table=summary_table(summary),
            description=f"docsieve run {summary.run_id[:8]}: documents by status x tier, escalation reasons, "
                        "failures, cost against all-frontier")
        create_markdown_artifact(key=REPORT_KEY, markdown=report_markdown(summary, _artifact_url(table_id)),
                                 description="Confidence distribution, threshold in use, failed documents")
    except Exception as exc:  # artifacts are a convenience; never fail a run over them
        from flows.progress import run_logger

        run_logger().warning("run artifacts not published: %s", exc)
