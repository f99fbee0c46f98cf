"""Token counting and trimming with tiktoken, on the encodings litellm ships (no download)."""

from __future__ import annotations

from functools import lru_cache

import copilot._offline  # noqa: F401  (must precede tiktoken)
import tiktoken

ENCODING = "cl100k_base"


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))


def trim_to_tokens(text: str, max_tokens: int, *, keep: str = "head") -> str:
    """Cut ``text`` to at most ``max_tokens``; keep the head (or the tail for histories)."""
    if max_tokens <= 0:
        return ""
    ids = encoding().encode(text, disallowed_special=())
    if len(ids) <= max_tokens:
        return text
    kept = ids[:max_tokens] if keep == "head" else ids[-max_tokens:]
    return encoding().decode(kept)
