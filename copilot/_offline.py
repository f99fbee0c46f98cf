"""Offline defaults, applied before litellm, tiktoken or chromadb is imported.

- litellm must not fetch its model cost map at import;
- tiktoken must read the encodings that litellm ships instead of downloading;
- Chroma must not send telemetry.
Each is a ``setdefault``: an operator can still override it on purpose.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path


def _litellm_tokenizers_dir() -> str | None:
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "litellm_core_utils" / "tokenizers"
    return str(path) if path.is_dir() else None


def apply() -> None:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    os.environ.setdefault("LITELLM_TELEMETRY", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    tok_dir = _litellm_tokenizers_dir()
    if tok_dir:
        os.environ.setdefault("TIKTOKEN_CACHE_DIR", tok_dir)


apply()
