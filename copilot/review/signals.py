"""Shared detectors: reply segments (greeting / body / sign-off), time commitments,
first-person actions, phrase matching. Pure functions over ``text.Token`` sequences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from copilot.review import lexicon as L
from copilot.review.text import Doc, Sentence, Token

# --------------------------------------------------------------------------- regexes
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:fi|com|net|org|eu|se|io)"
                    r"(?:/[^\s,)]*)?", re.I)
EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
PHONE_RE = re.compile(r"(?<![\w-])(?:\+358|\+\d{2,3}|0)\d{1,3}(?:[ -]?\d{2,4}){1,4}(?![\w-])")
CLOCK_RE = re.compile(r"\b(?:klo|kello|at|by|before|until)\s*\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}:\d{2}\b|"
                      r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b", re.I)
DATE_RE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\b\d{1,2}\s+(?:january|february|march|april|may|june|"
                     r"july|august|september|october|november|december)\b|\b(?:january|february|march|april|"
                     r"may|june|july|august|september|october|november|december)\s+\d{1,2}\b", re.I)
WITHIN_RE = re.compile(r"\b(?:within|in|next)\s+(?:\d+|one|two|three|a|an|24|48)\s*(?:-\s*\d+\s*)?"
                       r"(?:business\s+|banking\s+|working\s+)?(?:minutes?|hours?|days?|weeks?)\b|"
                       r"\b\d+\s*(?:[–-]\s*\d+\s*)?(?:minuutin|tunnin|päivän|arkipäivän|pankkipäivän|"
                       r"viikon)\s*(?:sisällä|kuluessa|päästä|aikana)\b|\b\d+\s*minuutissa\b", re.I)
_DAYS = r"(?:ma|ti|ke|to|pe|la|su|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
OPENING_HOURS_RE = re.compile(
    rf"\b{_DAYS}\s*[–-]\s*{_DAYS}(?:\s*(?:klo\s*)?\d{{1,2}}(?:[.:]\d{{2}})?\s*[–-]\s*\d{{1,2}}(?:[.:]\d{{2}})?)?"
    rf"|\b(?:joka\s+päivä|arkisin|päivittäin|daily|weekdays|every\s+day|{_DAYS})\s*(?:klo\s*|from\s*)?"
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:[–-]|to)\s*\d{1,2}(?:[.:]\d{2})?"
    r"|\b(?:aukiolo|aukioloaj|opening\s+hours|avoinna|palvelemme|open\s+from)\w*", re.I)
VAGUE_TIME_RE = re.compile(r"\b(?:mahdollisimman\s+pian|pian|piakkoin|lähiaikoina|as\s+soon\s+as\s+possible|"
                           r"soon|shortly|in\s+due\s+course|asap)\b", re.I)
GREETING_RE = re.compile(
    r"^(?:hei|heippa|moi|moikka|terve|hyvä|arvoisa|huomenta|päivää|iltaa|hello|hi|hey|dear|greetings|"
    r"good\s+(?:morning|afternoon|evening))\b(?:\s+(?:[A-ZÅÄÖ][\w'’.-]*|ja|and|&|asiakas|asiakkaamme|"
    r"customer|there|team|kaikki))*\s*[,!.:–—-]?\s*", re.I)
SIGNOFF_RE = re.compile(
    r"^(?:terveisin|ystävällisin|parhain|lämpimin|yst\.|t\.|regards|kind\s+regards|best|best\s+regards|"
    r"warm\s+regards|many\s+thanks|sincerely|yours|cheers|br|kiittäen|toivottaen|with\s+best)\b", re.I)
CODE_RE = re.compile(r"\b(?=[\w-]*\d)[A-Za-zÅÄÖåäö0-9]+(?:[-/][A-Za-z0-9]+)*\b")
NUMBER_CLAIM_RE = re.compile(
    r"(?:€\s?)?\d+(?:[.,]\d+)?(?:\s*[–/-]\s*\d+(?:[.,]\d+)?)?\s*(?:%|€|e\b|euroa?|eur\b)?")


# --------------------------------------------------------------------------- segments
@dataclass(frozen=True)
class Seg:
    """A reply sentence with its role and the tokens that remain after a greeting prefix."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    role: str  # greeting | pleasantry | body | closer | signoff

    @property
    def start(self) -> int:
        return self.tokens[0].start if self.tokens else self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def n(self) -> int:
        return len(self.tokens)

    def clauses(self) -> list[tuple[Token, ...]]:
        cached = self.__dict__.get("_clauses")
        if cached is None:
            cached = self._clauses_uncached()
            self.__dict__["_clauses"] = cached
        return cached

    def _clauses_uncached(self) -> list[tuple[Token, ...]]:
        keep = set(id(t) for t in self.tokens)
        out = []
        for c in self.sentence.clauses():
            c2 = tuple(t for t in c if id(t) in keep)
            if c2:
                out.append(c2)
        return out


def segments(doc: Doc) -> list[Seg]:
    segs: list[Seg] = []
    signed_off = False
    for i, s in enumerate(doc.sentences):
        toks = s.tokens
        role = "body"
        if SIGNOFF_RE.match(s.text) or signed_off and not _clause_like(toks):
            # the sign-off and the signature lines under it (names, titles, numbers); a full clause
            # after it ("PS. ...", a sentence after the name) is still read as the body
            signed_off = True
            segs.append(Seg(s, toks, "signoff"))
            continue
        if i == 0:
            m = GREETING_RE.match(s.text)
            if m:
                cut = s.start + m.end()
                toks = tuple(t for t in toks if t.start >= cut)
                if not toks:
                    segs.append(Seg(s, s.tokens, "greeting"))
                    continue
        if _pleasantry(toks, doc.lang):
            role = "pleasantry"
        segs.append(Seg(s, toks, role))
    # trailing short exclamations are closers ("Mukavaa kesää!", "Stay safe online!")
    for j in range(len(segs) - 1, -1, -1):
        sg = segs[j]
        if sg.role == "signoff":
            continue
        if sg.role in ("body", "pleasantry") and sg.n <= 6 and sg.sentence.text.rstrip().endswith("!") \
                and not any(t.has("2p") and t.has("verb") for t in sg.tokens) and j > 0:
            segs[j] = Seg(sg.sentence, sg.tokens, "closer")
            continue
        break
    return segs


_CLAUSE_FEATS = frozenset(["verb", "2p", "modal", "pron1", "pron2", "imp"])


def _clause_like(toks: Sequence[Token]) -> bool:
    """A sentence with a verb or a personal pronoun -- not a name / title / phone line of a signature."""
    words = [t for t in toks if not t.has("num")]
    return len(words) >= 3 and any(not _CLAUSE_FEATS.isdisjoint(t.feats) for t in words)


def _pleasantry(toks: Sequence[Token], lang: str) -> bool:
    if not toks or len(toks) > 8:
        return False
    phrases = L.FI_CANNED_THANKS if lang == "fi" else L.EN_CANNED_THANKS
    return any(find_phrase(toks, p, gap=3) for p in phrases)


def body(segs: Iterable[Seg]) -> list[Seg]:
    return [s for s in segs if s.role == "body"]


# --------------------------------------------------------------------------- matching helpers
def tok_is(t: Token, words: Iterable[str] | str) -> bool:
    if isinstance(words, str):
        return t.low == words or t.lemma == words or t.vlemma == words
    ws = words if isinstance(words, (set, frozenset)) else set(words)
    return t.low in ws or t.lemma in ws or (bool(t.vlemma) and t.vlemma in ws)


def find_phrase(toks: Sequence[Token], seq: Sequence[str], gap: int = 2) -> tuple[int, int] | None:
    """Indices (first, last) where the words/lemmas of ``seq`` occur in order with <= gap tokens between."""
    n = len(toks)
    for i in range(n):
        if not tok_is(toks[i], seq[0]):
            continue
        pos, ok = i, True
        for w in seq[1:]:
            for j in range(pos + 1, min(n, pos + gap + 2)):
                if tok_is(toks[j], w):
                    pos = j
                    break
            else:
                ok = False
                break
        if ok:
            return i, pos
    return None


def negated(toks: Sequence[Token], idx: int, window: int = 3) -> bool:
    lo = max(0, idx - window)
    return any(t.has("neg") for t in toks[lo:idx])


# --------------------------------------------------------------------------- time expressions
@lru_cache(maxsize=64)
def masked_hours(text: str) -> str:
    """``text`` with opening-hours expressions blanked out (same length)."""
    return OPENING_HOURS_RE.sub(lambda m: " " * len(m.group(0)), text)


@lru_cache(maxsize=64)
def deadline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of concrete times/deadlines in ``text`` (opening hours removed)."""
    masked = masked_hours(text)
    spans = [m.span() for m in CLOCK_RE.finditer(masked)]
    spans += [m.span() for m in WITHIN_RE.finditer(masked)]
    spans += [m.span() for m in DATE_RE.finditer(masked)]
    return tuple(spans)


_FI_TIME_FIRST = frozenset(p[0] for p in L.FI_TIME_PHRASES)


def time_token_starts(toks: Sequence[Token], text: str, lang: str) -> frozenset[int]:
    """Start offsets of tokens inside a concrete time expression (words, clock, date, within ...)."""
    name = "FI_TIME" if lang == "fi" else "EN_TIME"
    masked = masked_hours(text)
    spans = deadline_spans(text)
    out = set()
    for t in toks:
        if name in t.info.cls and masked[t.start:t.end].strip():
            out.add(t.start)
    if spans:
        import bisect

        starts = [t.start for t in toks]
        for s, e in spans:
            i = max(0, bisect.bisect_right(starts, s) - 1)
            while i < len(toks) and toks[i].start < e:
                if toks[i].end > s:
                    out.add(toks[i].start)
                i += 1
    if lang == "fi":
        for i, t in enumerate(toks):
            if t.low in _FI_TIME_FIRST:
                for p in L.FI_TIME_PHRASES:
                    if p[0] == t.low and i + len(p) <= len(toks) and all(
                            tok_is(toks[i + k], w) for k, w in enumerate(p)):
                        out.update(toks[i + k].start for k in range(len(p)))
    return frozenset(out)


def has_vague_time(text: str) -> bool:
    return bool(VAGUE_TIME_RE.search(text))


# --------------------------------------------------------------------------- who acts
@dataclass(frozen=True)
class Action:
    token: Token
    kind: str  # done | will | offer | handoff
    lemma: str


_EN_SKIP = frozenset(["just", "already", "also", "now", "personally", "will", "'ll", "have", "'ve", "am",
                      "going", "to", "be", "been", "currently", "actually", "then", "immediately", "right",
                      "gone", "ahead", "and", "both", "since", "still", "can", "could", "would", "'d",
                      "shall", "definitely", "certainly", "myself", "do", "did"])
_EN_PAST_IRREG = frozenset(["sent", "made", "took", "gave", "put", "set", "found", "spoke", "told", "got",
                            "rang", "wrote", "paid", "held", "kept", "left", "brought", "done", "taken",
                            "given", "spoken", "written", "sorted", "booked", "cancelled", "called", "sought",
                            "run", "ran", "rung", "reset", "shut", "sped", "spent", "won", "bought", "caught",
                            "dealt", "gotten", "forwarded"])
_EN_SUBJ = frozenset(["i", "i've", "i'll", "i'm", "we", "we've", "we'll", "we're"])
_EN_NOT_ACTION = frozenset(["sorry", "afraid", "glad", "happy", "sure", "pleased", "been", "had", "hoped",
                            "understood", "seen", "noticed", "realised", "realized", "heard", "known", "felt",
                            "wondered", "thought", "believed", "apologised", "apologized", "thanked", "wanted",
                            "liked", "tried", "able", "unable"])


def first_person_actions(toks: Sequence[Token], lang: str) -> list[Action]:
    """Writer-as-agent actions ("avasin", "olen välittänyt", "I've cancelled", "I'll call")."""
    out: list[Action] = []
    if lang == "fi":
        n = len(toks)
        for i, t in enumerate(toks):
            f = t.feats
            if not ("1sg" in f or "1pl" in f) or "pron1" in f or "pron1pl" in f or "neg" in f:
                continue
            if negated(toks, i, 2):
                continue
            lem = t.vlemma or t.lemma
            if lem == "olla":
                # perfect: olen/olemme + participle
                for j in range(i + 1, min(n, i + 4)):
                    u = toks[j]
                    if u.has("part") and (u.vlemma or u.lemma) not in L.FI_NON_ACTION_VERBS:
                        kind = "handoff" if (u.vlemma or u.lemma) in L.FI_HANDOFF_VERBS else "done"
                        out.append(Action(u, kind, u.vlemma or u.lemma))
                        break
                continue
            if lem in ("voida", "pystyä"):
                for j in range(i + 1, min(n, i + 4)):
                    u = toks[j]
                    if "inf" in u.feats and (u.vlemma or u.lemma) in L.FI_ACTION_VERBS:
                        out.append(Action(u, "offer", u.vlemma))
                        break
                continue
            if lem in ("aikoa", "pyrkiä"):
                out.append(Action(t, "will", lem))
                continue
            if lem in ("ehtiä", "pystyä", "onnistua") and "past" in f:  # "ehdin pysäyttää" = done
                for j in range(max(0, i - 4), min(n, i + 4)):
                    u = toks[j]
                    if "inf" in u.feats and (u.vlemma or u.lemma) in L.FI_ACTION_VERBS:
                        out.append(Action(u, "done", u.vlemma or u.lemma))
                        break
                continue
            if lem in L.FI_NON_ACTION_VERBS or lem not in _FI_ACTIONISH:
                continue
            if lem == "pyytää" and any(u.has("2p") for u in toks[i + 1:i + 4]):
                continue  # "pyydän sinua ottamaan yhteyttä" is a request to the customer
            if lem in L.FI_HANDOFF_VERBS:
                kind = "handoff"
            else:
                kind = "done" if "past" in f else "will"
            out.append(Action(t, kind, lem))
        return out
    if lang == "en":
        n = len(toks)
        for i, t in enumerate(toks):
            if t.low not in _EN_SUBJ:
                continue
            perfect = t.low.endswith("'ve")
            future = t.low.endswith("'ll")
            progressive = t.low in ("i'm", "we're")
            offer = False
            for j in range(i + 1, min(n, i + 6)):
                u = toks[j]
                if u.has("neg"):
                    break
                if u.low in ("have", "'ve", "has"):
                    perfect = True
                    continue
                if u.low in ("will", "'ll", "shall", "going", "gonna"):
                    future = True
                    continue
                if u.low in ("am", "are"):
                    progressive = True
                    continue
                if u.low in ("can", "could"):
                    offer = True
                    continue
                if u.low in _EN_SKIP:
                    continue
                if u.low in _EN_NOT_ACTION or ("EN_NON_ACTION" in u.info.cls) and not (perfect or future):
                    break
                lem = u.lemma
                past_form = u.low.endswith("ed") or u.low in _EN_PAST_IRREG
                if perfect and past_form or (not future and not offer and past_form and not progressive):
                    kind = "done"
                elif progressive and u.low.endswith("ing"):
                    kind = "will"
                elif future and (u.low == lem or ("EN_ACTION_VERBS" in u.info.cls)):
                    kind = "will"
                elif offer and (u.low == lem or ("EN_ACTION_VERBS" in u.info.cls)):
                    kind = "offer"
                else:
                    break
                if ("EN_HANDOFF_VERBS" in u.info.cls) and kind != "offer":
                    kind = "handoff"
                out.append(Action(u, kind, lem))
                break
        return out
    return out


_FI_ACTIONISH = frozenset(L.FI_ACTION_VERBS) | frozenset(L.FI_HANDOFF_VERBS)
_EN_BE_PERFECT = frozenset(["has", "have", "was", "were", "is", "are"])


_CONDITIONAL_OPENERS = frozenset(["kun", "jos", "mikäli", "kunhan", "kunnes", "ennen", "jotta", "when", "if", "once",
                                  "after", "until", "before", "unless"])


def passive_done(toks: Sequence[Token], lang: str, addressed: bool = False) -> list[Action]:
    """Work already done on the customer's own case, in the passive: "korttisi on avattu",
    "lainanne eräpäivä on palautettu", "your fee has been refunded". Needs a 2nd-person anchor
    (in the sentence, or ``addressed``: elsewhere in the reply); not inside "kun / if ..." clauses."""
    if not addressed and not any(t.has("2p") for t in toks):
        return []
    out: list[Action] = []
    cut = [t.start for t in toks if t.low in _CONDITIONAL_OPENERS]

    def conditional(t: Token) -> bool:
        return any(c <= t.start for c in cut)
    if lang == "fi":
        for i, t in enumerate(toks):
            if conditional(t):
                continue
            if t.has("pass") and ("part" in t.feats or "past" in t.feats) and not negated(toks, i, 3) and \
                    (t.vlemma or t.lemma) in L.FI_ACTION_VERBS and \
                    (any(u.low in ("on", "ovat", "olivat", "oli") for u in toks[max(0, i - 3):i]) or "past" in t.feats):
                out.append(Action(t, "done", t.vlemma or t.lemma))
        return out
    if lang == "en":
        lows = [t.low for t in toks]
        for i, t in enumerate(toks):
            if conditional(t):
                continue
            if t.low == "been" and i > 0 and lows[i - 1] in _EN_BE_PERFECT and i + 1 < len(toks):
                u = toks[i + 1]
                if ("EN_ACTION_VERBS" in u.info.cls) and (u.low.endswith("ed") or u.low in _EN_PAST_IRREG) and \
                        not negated(toks, i, 3):
                    out.append(Action(u, "done", u.lemma))
        return out
    return out


THIRD_PARTY_VERBS_FI = frozenset(["soittaa", "ottaa", "palata", "lähettää", "toimittaa", "tuoda", "olla",
                                  "käsitellä", "avata", "hoitaa", "vastata", "tehdä", "tulla"])
THIRD_PARTY_VERBS_EN = frozenset(["call", "contact", "email", "get", "send", "deliver", "bring", "ring",
                                  "phone", "reply", "text", "visit", "come", "be"])


def third_party_commitment(toks: Sequence[Token], lang: str) -> bool:
    """Someone acts *towards the customer* (call you, send you ...); the caller checks the time."""
    if lang == "fi":
        verb = any((t.vlemma or t.lemma) in THIRD_PARTY_VERBS_FI and ("3sg" in t.feats or "3pl" in t.feats)
                   for t in toks)
        to_you = any(t.low in ("sinulle", "sinuun", "teille", "teihin", "sinua", "teitä", "sinut")
                     or "poss2" in t.feats for t in toks)
        return verb and to_you
    verb = any(t.lemma in THIRD_PARTY_VERBS_EN for t in toks)
    to_you = any(t.low in ("you", "your") for t in toks)
    will = any(t.low in ("will", "'ll") or t.low.endswith("'ll") for t in toks)
    return verb and to_you and will
