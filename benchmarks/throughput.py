"""SLM-tier throughput on sample_docs/ against two baselines on the same machine and model.

  (a) floor: raw llama-cpp-python on the same model work with nothing around it (no PDF parsing, no
      candidates, no routing): for each document, the exact tokens docsieve evaluated (prompt and answer)
      in one call, then as many sampled tokens as docsieve made real choices. A stricter variant, the prompt
      only plus the same number of sampled tokens, leaves out the answer tokens docsieve must evaluate and is
      printed as well.
  (b) naive: instructor + llama-cpp-python, the whole document in one prompt per document, the model writing
      the full JSON answer, no prompt-prefix reuse (the KV cache is reset for every document).

docsieve and the floors run document by document in turn, each on its own copy of the model (so each keeps
its own KV cache), because this shared machine's speed drifts by a third over minutes: running one whole
pass after the other would measure the drift. The naive loop is far slower and runs last.

Prints docs/s for each and the ratios, then one line of JSON. Targets: docsieve >= 0.9 x floor, >= 2 x naive.

    .venv/bin/python benchmarks/throughput.py                       # default model, all sample docs
    .venv/bin/python benchmarks/throughput.py --model smollm2-135m --limit 6 --skip-naive
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
from extractors.llama_local import LlamaExtractor, load_llama, open_llama  # noqa: E402
from extractors.pdf import read_document_text  # noqa: E402
from extractors.routing import route_result  # noqa: E402
from flows.settings import Settings  # noqa: E402
from schemas.document import DocumentRef  # noqa: E402
from schemas.registry import load_schema  # noqa: E402


def sample_pdfs(limit: int | None) -> list[Path]:
    names = [json.loads(line)["file"] for line in (ROOT / "sample_docs" / "truth.jsonl").read_text().splitlines()]
    return [ROOT / "sample_docs" / n for n in names][:limit]


def _new_llama(extractor: LlamaExtractor):
    """Another copy of the model with the extractor's settings: a KV cache of its own."""
    return open_llama(extractor.path, extractor.n_ctx, extractor.n_threads)


def _no_end_of_generation(llm) -> dict[int, float]:
    """Forbid every end-of-generation token so a floor call samples exactly max_tokens tokens."""
    import llama_cpp

    return {t: -float("inf") for t in range(llm.n_vocab()) if llama_cpp.llama_vocab_is_eog(llm._model.vocab, t)}


def run_interleaved(paths: list[Path], extractor: LlamaExtractor) -> dict[str, float]:
    """Seconds spent by docsieve, the floor and the strict floor, one document at a time for each."""
    spec = load_schema("invoice")
    ours = load_llama(extractor.path, extractor.n_ctx, extractor.n_threads)  # the instance docsieve uses
    floor, strict = _new_llama(extractor), _new_llama(extractor)
    ban = _no_end_of_generation(floor)
    prompts: list[str] = []
    real_prompt = extractor._prompt

    def recording_prompt(*args):  # benchmark-only hook: remember the prompt for the strict floor
        prompts.append(real_prompt(*args))
        return prompts[-1]

    extractor._prompt = recording_prompt
    seconds = {"docsieve": 0.0, "floor": 0.0, "strict": 0.0}
    for path in paths:
        prompts.clear()
        started = time.perf_counter()
        doc = read_document_text(DocumentRef(str(path)), path.read_bytes())
        result = extractor.extract(doc, spec)
        route_result(result, spec, GroundingIndex.of(doc), 0.8)
        seconds["docsieve"] += time.perf_counter() - started
        if not prompts:  # code alone decided every field: no model work to compare with
            continue
        steps = max(1, result.completion_tokens)
        evaluated = ours.input_ids[: ours.n_tokens].tolist()  # prompt and answer tokens, as docsieve fed them
        # the chosen tokens are among the evaluated ones; the floor samples them instead
        for name, llm, prompt in (("floor", floor, evaluated[:-steps]), ("strict", strict, prompts[-1])):
            started = time.perf_counter()
            llm.create_completion(prompt, max_tokens=steps, temperature=0.0, logit_bias=ban)
            seconds[name] += time.perf_counter() - started
    return seconds


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
    parser.add_argument("--skip-naive", action="store_true", help="docsieve and floor only (quicker iterations)")
    args = parser.parse_args()

    llama = Settings().llama
    extractor = LlamaExtractor(args.model or llama.model, cache_dir=llama.cache_dir, n_ctx=llama.n_ctx,
                               n_threads=llama.n_threads)
    paths = sample_pdfs(args.limit)
    n = len(paths)

    t = run_interleaved(paths, extractor)
    t_ours, t_floor = t["docsieve"], t["floor"]
    print(f"docsieve: {n / t_ours:.3f} docs/s ({t_ours / n:.2f} s/doc)", flush=True)
    print(f"floor:    {n / t_floor:.3f} docs/s ({t_floor / n:.2f} s/doc)", flush=True)
    print(f"strict floor (answer tokens left out): {n / t['strict']:.3f} docs/s ({t['strict'] / n:.2f} s/doc), "
          f"ratio {t['strict'] / t_ours:.2f}", flush=True)
    figures = {"docs_per_s": round(n / t_ours, 4), "floor_docs_per_s": round(n / t_floor, 4),
               "strict_floor_docs_per_s": round(n / t["strict"], 4)}
    print(f"ratio docsieve/floor {t_floor / t_ours:.2f} (target >= 0.9)")
    if not args.skip_naive:
        t_naive = run_naive(_new_llama(extractor), paths, args.naive_max_tokens)
        print(f"naive:    {n / t_naive:.3f} docs/s ({t_naive / n:.2f} s/doc)", flush=True)
        print(f"ratio docsieve/naive {t_naive / t_ours:.2f} (target >= 2)")
        figures["naive_docs_per_s"] = round(n / t_naive, 4)
    print(json.dumps({**figures, "docs": n, "model": extractor.name}))


if __name__ == "__main__":
    main()
