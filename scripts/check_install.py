"""Post-install check: llama-cpp-python must be the portable build, and the bundled models must resolve.

pip reuses a cached wheel for later installs; if one was built natively on an AMX machine, it segfaults.
Rebuild it here with the portable flags when that is the case.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    import llama_cpp

    info = llama_cpp.llama_print_system_info().decode()
    if "AMX = 1" in info or "AMX_INT8 = 1" in info:
        print("llama-cpp-python was built with AMX kernels (they crash on this CPU); rebuilding portable…")
        env = dict(os.environ, CMAKE_ARGS="-DGGML_NATIVE=OFF")
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--force-reinstall", "--no-deps",
                               "--no-cache-dir", "llama-cpp-python"], env=env)
        return subprocess.call([sys.executable, __file__])
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from extractors.models import BUNDLED_MODELS, resolve_model
    from flows.settings import Settings

    cache = Settings().llama.cache_dir
    for name in BUNDLED_MODELS:
        print(f"model {name}: {resolve_model(name, cache)}")
    print(f"llama.cpp: {info.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
