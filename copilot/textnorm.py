"""Text normalisation for lexical search: tokens and Snowball stems (PyStemmer).

Finnish is heavily inflected and compounding ("pakettiautomaattiin" ~ "automaatista"), so
each token yields its Snowball stem plus character n-grams of that stem: the stems match
inflected forms, the n-grams match compound parts and typos.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_ALGORITHMS = {"fi": "finnish", "en": "english", "sv": "swedish"}
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
NGRAM = 4


@lru_cache(maxsize=None)
def _stemmer(lang: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_ALGORITHMS.get(lang, "english"))


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits)."""
    return [t.lower() for t in _TOKEN.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


def stems(text: str, langs: tuple[str, ...]) -> list[str]:
    """Stems of every word, once per language in ``langs`` (a query of unsure language
    is stemmed both ways; duplicates collapse)."""
    out: list[str] = []
    for w in words(text):
        seen = set()
        for lang in langs:
            s = stem(w, lang)
            if s not in seen:
                seen.add(s)
                out.append(s)
    return out


def char_ngrams(tokens: list[str], n: int = NGRAM) -> list[str]:
    """Character n-grams inside each token, with word-boundary marks (`#`)."""
    grams: list[str] = []
    for tok in tokens:
        if tok.isdigit():
            continue
        padded = f"#{tok}#"
        if len(padded) <= n:
            grams.append(padded)
            continue
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams
