"""SLM-tier throughput on sample_docs/ against two baselines on the same machine and model.

  (a) floor: raw llama-cpp-python calls on the exact prompts docsieve builds, generating as many tokens as
      docsieve decodes, with nothing around them (no PDF parsing, no candidates, no routing);
  (b) naive: instructor + llama-cpp-python, the whole document in one prompt per document, the model writing
      the full JSON answer, no prompt-prefix reuse (the KV cache is reset for every document).

Prints docs/s for each and the ratios, then one line of JSON. Targets: docsieve >= 0.9 x floor, >= 2 x naive.

    .venv/bin/python benchmarks/throughput.py                       # default model, all sample docs
    .venv/bin/python benchmarks/throughput.py --model smollm2-135m --limit 6
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.grounding import GroundingIndex  # noqa: E402
from extractors.llama_local import LlamaExtractor, load_llama  # noqa: E402
from extractors.pdf import read_document_text  # noqa: E402
from extractors.routing import route_result  # noqa: E402
from flows.settings import Settings  # noqa: E402
from schemas.document import DocumentRef  # noqa: E402
from schemas.registry import load_schema  # noqa: E402


def sample_pdfs(limit: int | None) -> list[Path]:
    names = [json.loads(line)["file"] for line in (ROOT / "sample_docs" / "truth.jsonl").read_text().splitlines()]
    return [ROOT / "sample_docs" / n for n in names][:limit]


def run_docsieve(paths: list[Path], extractor: LlamaExtractor) -> tuple[float, list[tuple[str, int]]]:
    """The real SLM tier (read PDF, extract, route); returns seconds and the (prompt, decode steps) it used."""
    spec = load_schema("invoice")
    calls: list[tuple[str, int]] = []
    real_prompt = extractor._prompt

    def recording_prompt(*args):  # benchmark-only hook: remember the prompts for the floor
        prompt = real_prompt(*args)
        calls.append((prompt, 0))
        return prompt

    extractor._prompt = recording_prompt
    started = time.perf_counter()
    for path in paths:
        doc = read_document_text(DocumentRef(str(path)), path.read_bytes())
        result = extractor.extract(doc, spec)
        if calls and calls[-1][1] == 0:
            calls[-1] = (calls[-1][0], max(1, result.completion_tokens))
        route_result(result, spec, GroundingIndex(doc.text), 0.8)
    return time.perf_counter() - started, calls


def run_floor(llm, calls: list[tuple[str, int]]) -> float:
    llm.reset()
    started = time.perf_counter()
    for prompt, steps in calls:
        llm.create_completion(prompt, max_tokens=steps, temperature=0.0)
    return time.perf_counter() - started


def run_naive(llm, paths: list[Path], max_tokens: int) -> float:
    """What a first attempt looks like: instructor on llama-cpp-python, full text, full JSON, no cache reuse."""
    import instructor

    from schemas.invoice import InvoiceFields

    client = instructor.patch(create=llm.create_chat_completion_openai_v1, mode=instructor.Mode.JSON_SCHEMA)
    started = time.perf_counter()
    for path in paths:
        text = read_document_text(DocumentRef(str(path)), path.read_bytes()).text
        llm.reset()  # no prefix reuse between documents
        try:
            client(messages=[{"role": "user", "content": f"Extract the invoice fields.\n\n{text}"}],
                   response_model=InvoiceFields, max_retries=0, max_tokens=max_tokens, temperature=0.0)
        except Exception:  # tiny models often produce invalid JSON; the time is what we measure
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="bundled model name or GGUF path [default: settings]")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sample documents")
    parser.add_argument("--naive-max-tokens", type=int, default=400)
    args = parser.parse_args()

    llama = Settings().llama
    extractor = LlamaExtractor(args.model or llama.model, cache_dir=llama.cache_dir, n_ctx=llama.n_ctx,
                               n_threads=llama.n_threads)
    llm = load_llama(extractor.path, extractor.n_ctx, extractor.n_threads)
    paths = sample_pdfs(args.limit)
    n = len(paths)

    t_ours, calls = run_docsieve(paths, extractor)
    print(f"docsieve: {n / t_ours:.3f} docs/s ({t_ours / n:.2f} s/doc)", flush=True)
    t_floor = run_floor(llm, calls)
    print(f"floor:    {n / t_floor:.3f} docs/s ({t_floor / n:.2f} s/doc)", flush=True)
    t_naive = run_naive(llm, paths, args.naive_max_tokens)
    print(f"naive:    {n / t_naive:.3f} docs/s ({t_naive / n:.2f} s/doc)", flush=True)
    print(f"ratios: docsieve/floor {t_floor / t_ours:.2f} (target >= 0.9), docsieve/naive {t_naive / t_ours:.2f} "
          f"(target >= 2)")
    print(json.dumps({"docs_per_s": round(n / t_ours, 4), "floor_docs_per_s": round(n / t_floor, 4),
                      "naive_docs_per_s": round(n / t_naive, 4), "docs": n, "model": extractor.name}))


if __name__ == "__main__":
    main()
