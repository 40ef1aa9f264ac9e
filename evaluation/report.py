"""Eval numbers: per-field accuracy, exact rate, the risk-coverage curve, and the calibrated threshold."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from evaluation.harness import EvalRecord


@dataclass
class CurvePoint:
    threshold: float  # accept when confidence >= threshold
    coverage: float  # share of all documents accepted
    field_accuracy: float  # share of scored fields right, over accepted documents
    exact_rate: float  # share of accepted documents with every field right
    accepted: int


def field_table(records: list[EvalRecord]) -> dict[str, tuple[int, int]]:
    """field -> (correct, scored)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in records:
        for name, ok in r.fields.items():
            table[name][0] += int(ok)
            table[name][1] += 1
    return {k: (v[0], v[1]) for k, v in table.items()}


def accuracy(records: list[EvalRecord]) -> tuple[float, float]:
    """(field accuracy, exact rate) of a set of records; (1, 1) when empty."""
    scored = sum(r.n_fields for r in records)
    if not records or not scored:
        return 1.0, 1.0
    return sum(r.n_correct for r in records) / scored, sum(r.exact for r in records) / len(records)


def risk_coverage(records: list[EvalRecord]) -> list[CurvePoint]:
    """Accept valid answers in order of confidence; one point per distinct confidence value."""
    n = len(records)
    ranked = sorted((r for r in records if r.valid), key=lambda r: -r.confidence)
    points, accepted = [], []
    for i, r in enumerate(ranked):
        accepted.append(r)
        if i + 1 < len(ranked) and ranked[i + 1].confidence == r.confidence:
            continue
        fa, ex = accuracy(accepted)
        points.append(CurvePoint(r.confidence, len(accepted) / n if n else 0, fa, ex, len(accepted)))
    return points


def calibrate(records: list[EvalRecord], target: float = 0.97, min_accepted: int = 3) -> CurvePoint | None:
    """The lowest threshold whose accepted answers reach `target` field accuracy (highest coverage)."""
    best = None
    for p in risk_coverage(records):
        if p.field_accuracy >= target and p.accepted >= min_accepted:
            best = p  # points go from high to low threshold, so the last qualifying one covers most
    return best


def accepted_at(records: list[EvalRecord], threshold: float) -> list[EvalRecord]:
    """The answers routing would accept at `threshold`: valid ones whose confidence reaches it."""
    return [r for r in records if r.valid and r.confidence >= threshold]


def write_report(records: list[EvalRecord], out_dir: Path, *, title: str, threshold: float,
                 target: float = 0.97) -> Path:
    """report.md + risk_coverage.png (+ the per-document records) in `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # routes as they would be at `threshold` (records may come from a run with another threshold)
    accepted = accepted_at(records, threshold)
    escalated = [r for r in records if r.route != "failed" and r not in accepted]
    all_fa, all_ex = accuracy(records)
    acc_fa, acc_ex = accuracy(accepted)
    esc_fa, esc_ex = accuracy(escalated)
    n = len(records) or 1
    secs = sum(r.seconds for r in records)
    best = calibrate(records, target)
    lines = [
        f"# {title}", "",
        f"{len(records)} documents, {secs / n:.1f} s/doc, threshold in use {threshold:.3f}", "",
        "| answers | docs | coverage | field accuracy | exact docs |", "|---|---|---|---|---|",
        f"| all SLM answers | {len(records)} | 100% | {all_fa:.1%} | {all_ex:.1%} |",
        f"| accepted (tier slm) | {len(accepted)} | {len(accepted) / n:.1%} | {acc_fa:.1%} | {acc_ex:.1%} |",
        f"| escalated (to frontier) | {len(escalated)} | {len(escalated) / n:.1%} | {esc_fa:.1%} | {esc_ex:.1%} |",
        "",
        "## Per field", "", "| field | all | accepted |", "|---|---|---|",
    ]
    acc_table = field_table(accepted)
    for name, (ok, total) in sorted(field_table(records).items()):
        a_ok, a_total = acc_table.get(name, (0, 0))
        acc_txt = f"{a_ok}/{a_total} ({a_ok / a_total:.0%})" if a_total else "-"
        lines.append(f"| {name} | {ok}/{total} ({ok / total:.0%}) | {acc_txt} |")
    lines += ["", "## Risk-coverage", "",
              f"Calibrated threshold for {target:.0%} accepted field accuracy: "
              + (f"**{best.threshold:.3f}** (coverage {best.coverage:.1%}, field accuracy {best.field_accuracy:.1%}, "
                 f"exact {best.exact_rate:.1%})" if best else "**none reaches the target**"),
              "", "![risk-coverage](risk_coverage.png)", "",
              "| threshold | coverage | field accuracy | exact |", "|---|---|---|---|"]
    for p in risk_coverage(records):
        lines.append(f"| {p.threshold:.3f} | {p.coverage:.1%} | {p.field_accuracy:.1%} | {p.exact_rate:.1%} |")
    (out_dir / "report.md").write_text("\n".join(lines) + "\n")
    plot_curve(records, out_dir / "risk_coverage.png", title=title, target=target)
    return out_dir / "report.md"


def plot_curve(records: list[EvalRecord], path: Path, *, title: str, target: float) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pts = risk_coverage(records)
    fig, ax = plt.subplots(figsize=(6, 4), dpi=110)
    ax.plot([p.coverage for p in pts], [p.field_accuracy for p in pts], marker=".", label="field accuracy")
    ax.plot([p.coverage for p in pts], [p.exact_rate for p in pts], marker=".", label="exact documents")
    ax.axhline(target, color="grey", linestyle="--", linewidth=1, label=f"target {target:.0%}")
    ax.set_xlabel("coverage (share of documents accepted by the SLM tier)")
    ax.set_ylabel("accuracy of accepted answers")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_title(title, fontsize=9)
    ax.legend(loc="lower left", fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
