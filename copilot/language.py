"""Language identification for customer messages and replies (py3langid, model bundled)."""

from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("fi", "en", "sv")
_CANDIDATES = ["fi", "en", "sv", "et", "de", "ru", "da", "no", "nl", "fr", "es"]
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(_CANDIDATES)
    return ident


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of ``text``; ``default`` when there are no letters to judge."""
    letters = " ".join(_WORD.findall(text or ""))
    if len(letters) < 3:
        return default
    lang, _prob = _identifier().classify(letters.lower())
    return str(lang)
