"""Tokens, sentences and cached word analysis for the review checks.

Every word is analysed once per (word, language) and cached (``lru_cache``): simplemma
lemma, Snowball stem of the lemma (the "key" used for overlap), and grammatical
features the checks need to know *who acts*:

- ``2p``   second person (pronoun, 2nd-person verb, possessive suffix -si/-nne)
- ``1sg`` / ``1pl``  first-person verb forms (the writer / "we")
- ``imp``  imperative (an instruction to the customer), ``neg`` negation,
  ``pass`` passive, ``past``, ``part`` (past participle), ``cond`` (conditional)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import simplemma

from copilot.review import fi_morph, lexicon

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*", re.UNICODE)
SENT_END_RE = re.compile(r"(?<=[.!?…])[\"”»')\]]*\s+(?=[\"“«(\[]?[^\W\d_])|\n\s*\n?|(?<=[.!?])\s*$")
CLAUSE_SPLIT_RE = re.compile(r"[;:–—]|,\s|\s-\s")
_LEMMA_LANGS = {"fi", "en", "sv", "et", "de", "da", "nb", "nl", "fr", "es", "ru"}
_STEMMER_NAMES = {"fi": "finnish", "en": "english", "sv": "swedish", "et": "estonian", "de": "german",
                  "da": "danish", "nl": "dutch", "fr": "french", "es": "spanish", "ru": "russian"}
_FI_VERBLIKE_END = ("aa", "ää", "ea", "eä", "ia", "iä", "oa", "öä", "ua", "yä", "da", "dä", "ta", "tä",
                    "la", "lä", "na", "nä", "ra", "rä")


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    import Stemmer

    return Stemmer.Stemmer(_STEMMER_NAMES.get(lang, "english"))


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """simplemma lemma of a lower-cased word (cached)."""
    w = word.lower().replace("’", "'")
    if lang not in _LEMMA_LANGS or not w or w.isdigit():
        return w
    try:
        out = simplemma.lemmatize(w, lang=lang)
    except Exception:  # unknown language data: fall back to the word itself
        return w
    return out.lower()


@lru_cache(maxsize=200_000)
def key(word: str, lang: str) -> str:
    """Normalised content key: Snowball stem of the lemma (unifies lemmatiser misses)."""
    lem = lemma(word, lang)
    if lem.isdigit():
        return lem
    return _stemmer(lang if lang in _STEMMER_NAMES else "en").stemWord(lem)


@dataclass(frozen=True, slots=True)
class WordInfo:
    low: str
    lemma: str
    key: str
    vlemma: str  # verb lemma from fi_morph (Finnish) or the lemma (English); "" if unknown
    feats: frozenset[str]
    stop: bool
    lang: str = ""
    cls: frozenset[str] = frozenset()  # lexicon word classes this word belongs to
    content: bool = False  # a content word (not a stop word; numbers count)


def _fi_features(low: str, lem: str) -> tuple[str, frozenset[str]]:
    feats: set[str] = set()
    vlem = ""
    hit = fi_morph.analyse(low)
    if hit:
        vlem, vf = hit
        feats |= vf
        feats.add("verb")
        if "2sg" in vf or "2pl" in vf:
            feats.add("2p")
        if "imp2sg" in vf or "imp2pl" in vf:
            feats.add("imp")
            if "imp2pl" in vf:
                feats.add("2p")
        if "neg" in vf:
            feats.add("neg")
    if low in lexicon.FI_PRON2:
        feats |= {"2p", "pron2"}
    elif low in lexicon.FI_PRON1SG:
        feats |= {"1sg", "pron1"}
    elif low in lexicon.FI_PRON1PL:
        feats |= {"1pl", "pron1pl"}
    if not hit and len(low) >= 5:
        verblike = lem.endswith(_FI_VERBLIKE_END) and lem != low
        if verblike and low.endswith("t") and not low.endswith(("eet", "neet", "tt", "vat", "vät")) \
                and low != lem + "t" and not low.endswith(("ut", "yt")):
            feats |= {"2p", "2sg", "verb", "guess"}
        elif low.endswith(("taan", "tään", "daan", "dään", "llaan", "llään", "naan", "nään", "raan",
                           "rään", "ttiin", "tiin", "ttu", "tty", "ttava", "ttävä")) and verblike:
            feats |= {"pass", "verb"}
        elif low.endswith(("nut", "nyt", "neet")) and verblike:
            feats |= {"part", "verb"}
        elif low.endswith(("isin", "isit", "isimme", "isitte")) and verblike:
            feats |= {"cond", "verb"} | ({"2p"} if low.endswith(("isit", "isitte")) else {"1sg"})
        if "verb" not in feats:
            # possessive suffixes on nouns: -si / -nsi (your), -nne (your pl.), -mme (our)
            # not the translative "-ksi" ("kuudeksi", "esimerkiksi", "vuoksi") nor a base word ending in -si
            if low.endswith(("si", "nne")) and not (low.endswith("isi") and verblike) and \
                    not low.endswith("ksi") and low not in _FI_SI_WORDS:
                feats |= {"2p", "poss2"}
            elif low.endswith("mme"):
                feats.add("poss1pl")
    if low in ("ei", "en", "et", "emme", "ette", "eivät", "eikä", "enkä", "etkä", "älä", "älkää", "ilman"):
        feats.add("neg")
    return vlem, frozenset(feats)


_FI_SI_WORDS = frozenset(["uusi", "vuosi", "kuusi", "viisi", "käsi", "vesi", "täysi", "susi", "lapsi",
                          "mesi", "hirsi", "kausi", "jousi"])


def _en_features(low: str, lem: str) -> tuple[str, frozenset[str]]:
    feats: set[str] = set()
    if low in lexicon.EN_PRON2:
        feats |= {"2p", "pron2"}
    elif low in lexicon.EN_PRON1SG:
        feats |= {"1sg", "pron1"}
    elif low in lexicon.EN_PRON1PL:
        feats |= {"1pl", "pron1pl"}
    if low in lexicon.EN_NEG or low.endswith("n't"):
        feats.add("neg")
    if low in lexicon.EN_MODAL or low.endswith(("'ll", "'d")):
        feats.add("modal")
    if low.endswith("ed") or lem != low and low in ("told", "sent", "made", "taken", "given", "done",
                                                    "known", "seen", "paid", "held", "found", "kept",
                                                    "been", "gone", "got", "gotten", "written", "spoken",
                                                    "shown", "put", "set", "read", "left", "heard"):
        feats.add("part")
    return lem, frozenset(feats)


@lru_cache(maxsize=200_000)
def analyse(word: str, lang: str) -> WordInfo:
    low = word.lower().replace("’", "'")
    lem = lemma(low, lang)
    if lang == "fi":
        vlem, feats = _fi_features(low, lem)
        stop = lem in lexicon.FI_STOP or low in lexicon.FI_STOP or (vlem in lexicon.FI_STOP and bool(vlem))
    elif lang == "en":
        vlem, feats = _en_features(low, lem)
        stop = lem in lexicon.EN_STOP or low in lexicon.EN_STOP
    else:
        vlem, feats, stop = "", frozenset(), len(low) < 3
    if low.isdigit() or any(ch.isdigit() for ch in low):
        feats = feats | {"num"}
    probe = WordInfo(low=low, lemma=lem, key="", vlemma=vlem, feats=feats, stop=stop)
    return WordInfo(low=low, lemma=lem, key=key(low, lang), vlemma=vlem, feats=feats, stop=stop, lang=lang,
                    cls=lexicon.classes_for(lang, probe), content=not stop and (len(low) > 2 or "num" in feats))


class Token:
    """One word of a text: offsets plus the cached analysis copied onto slots (fast attribute access)."""

    __slots__ = ("text", "start", "end", "info", "low", "lemma", "vlemma", "key", "feats", "cls", "content", "cap")

    def __init__(self, text: str, start: int, end: int, info: WordInfo) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.info = info
        self.low = info.low
        self.lemma = info.lemma
        self.vlemma = info.vlemma
        self.key = info.key
        self.feats = info.feats
        self.cls = info.cls
        self.content = info.content
        self.cap = text[:1].isupper()

    def has(self, feat: str) -> bool:
        return feat in self.feats

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    index: int

    @cached_property
    def _clauses(self) -> list[tuple[Token, ...]]:
        return self._split_clauses()

    def clauses(self) -> list[tuple[Token, ...]]:
        """Tokens split at clause punctuation (, ; : – —) inside the sentence (cached)."""
        return self._clauses

    def _split_clauses(self) -> list[tuple[Token, ...]]:
        if not self.tokens:
            return []
        cuts = [m.start() + self.start for m in CLAUSE_SPLIT_RE.finditer(self.text)]
        out: list[list[Token]] = [[]]
        ci = 0
        for t in self.tokens:
            while ci < len(cuts) and t.start > cuts[ci]:
                ci += 1
                if out[-1]:
                    out.append([])
            out[-1].append(t)
        return [tuple(c) for c in out if c]


def tokenize(text: str, lang: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple(Token(m.group(0), m.start() + offset, m.end() + offset, analyse(m.group(0), lang))
                 for m in WORD_RE.finditer(text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; splits at . ! ? followed by a capital and at blank lines/newlines."""
    spans = []
    pos = 0
    for m in SENT_END_RE.finditer(text):
        end = m.start()
        if text[pos:end].strip():
            spans.append((pos, end))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    # trim whitespace
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@dataclass(frozen=True)
class Doc:
    text: str
    lang: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]

    @property
    def n_words(self) -> int:
        return len(self.tokens)


def make_doc(text: str, lang: str) -> Doc:
    text = text or ""
    toks = tokenize(text, lang)
    sents = []
    ti = 0
    for i, (s, e) in enumerate(split_sentences(text)):
        group = []
        while ti < len(toks) and toks[ti].start < e:
            if toks[ti].start >= s:
                group.append(toks[ti])
            ti += 1
        sents.append(Sentence(text[s:e], s, e, tuple(group), i))
    return Doc(text, lang, toks, tuple(sents))


@lru_cache(maxsize=256)
def cached_doc(text: str, lang: str) -> Doc:
    """Docs for texts that repeat between reviews (customer message, knowledge)."""
    return make_doc(text, lang)
