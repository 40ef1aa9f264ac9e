"""Run reports: the CLI's closing summary and the Prefect artifacts (table, confidence histogram, progress)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.extract_documents import RunSummary

log = logging.getLogger("docsieve")

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
        "savings_vs_batch_usd": round(batch - total, 6),
    }


def histogram_text(values: list[float], threshold: float, bins: int = 10, width: int = 40) -> str:
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(v * bins)))] += 1
    top = max(counts) or 1
    lines = []
    for i, c in enumerate(counts):
        lo, hi = i / bins, (i + 1) / bins
        mark = " <- threshold" if lo <= threshold < hi else ""
        lines.append(f"{lo:.1f}-{hi:.1f} | {'#' * round(width * c / top):<{width}} {c}{mark}")
    return "\n".join(lines)


def summary_table(summary: "RunSummary") -> list[dict]:
    rows = [{"section": "documents", "item": k, "value": v} for k, v in sorted(summary.by_status_tier.items())]
    rows += [{"section": "escalation reason", "item": k, "value": v} for k, v in sorted(summary.reasons.items())]
    rows += [{"section": "failure", "item": k, "value": v} for k, v in sorted(summary.errors.items())]
    rows.append({"section": "documents", "item": "unchanged (skipped)", "value": summary.skipped_unchanged})
    rows.append({"section": "documents", "item": "reused (same bytes)", "value": summary.reused})
    rows += [{"section": "cost", "item": k, "value": v} for k, v in cost_report(summary).items()]
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


def publish_run_artifacts(summary: "RunSummary") -> None:
    """Table and markdown artifacts on the flow run; a failure here never fails the run."""
    try:
        from prefect.artifacts import create_markdown_artifact, create_table_artifact

        create_table_artifact(key="docsieve-run-summary", table=summary_table(summary),
                              description=f"docsieve run {summary.run_id[:8]}: status x tier, reasons, cost")
        failures = "\n".join(f"| `{d}` | {u} | {e[:200]} |" for d, u, e in summary.failures) or "| | none | |"
        md = (
            f"# Confidence of SLM answers\n\nAcceptance threshold: **{summary.threshold:.2f}** "
            f"(schema `{summary.schema}`, model `{summary.model}`)\n\n```\n"
            f"{histogram_text(summary.confidences, summary.threshold)}\n```\n\n"
            f"# Failed documents (first {len(summary.failures)})\n\n| doc_id | source | error |\n|---|---|---|\n"
            f"{failures}\n"
        )
        create_markdown_artifact(key="docsieve-confidence", markdown=md,
                                 description="Confidence distribution, threshold in use, failures")
    except Exception as exc:
        log.warning("run artifacts not published: %s", exc)
