"""Everything the checks read, computed once per review (cached where it repeats)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from copilot.case import Case
from copilot.language import detect_language
from copilot.review import signals as S
from copilot.review.text import Doc, Token, cached_doc, make_doc

_SIGNATURE_RE = re.compile(
    r"(?:^|[–—\-.!?,:)]|\bt\.|\n)\s*((?:[A-ZÅÄÖ][\w'’-]+\s+){0,2}[A-ZÅÄÖ][\w'’-]+"
    r"(?:\s+(?:ja|and|&)\s+(?:[A-ZÅÄÖ][\w'’-]+\s*){1,2})?)(?:,\s*[A-ZÅÄÖ][\w-]+)?"
    r"(?:,?\s*[\d +-]{6,})?\s*$")
_NUM_NORM_RE = re.compile(r"\s*[–—-]\s*")


def norm_number(s: str) -> str:
    s = s.replace("\u00a0", " ").strip().replace(",", ".")
    s = _NUM_NORM_RE.sub("-", s)
    return s.replace(" ", "")


@dataclass(frozen=True)
class KnowledgeIndex:
    keys: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    text_lower: str


def _pairs(keys: list[str], window: int = 2) -> set[tuple[str, str]]:
    out = set()
    for i, a in enumerate(keys):
        for b in keys[i + 1:i + 1 + window]:
            if a != b:
                out.add((a, b) if a < b else (b, a))
    return out


@lru_cache(maxsize=128)
def knowledge_index(texts: tuple[str, ...], lang: str) -> KnowledgeIndex:
    keys: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    numbers: set[str] = set()
    for text in texts:
        doc = cached_doc(text, lang)
        for s in doc.sentences:
            ck = [t.key for t in s.tokens if t.content]
            keys.update(ck)
            pairs |= _pairs(ck)
        for m in S.NUMBER_CLAIM_RE.finditer(text):
            v = norm_number(m.group(0).rstrip("€ ").lstrip("€ "))
            if v:
                numbers.add(v)
                numbers.update(re.findall(r"\d+(?:\.\d+)?", v))
    return KnowledgeIndex(frozenset(keys), frozenset(pairs), frozenset(numbers),
                          "\n".join(texts).lower())


@dataclass(frozen=True)
class MessageInfo:
    doc: Doc
    keys: frozenset[str]
    codes: frozenset[str]  # lower-cased tokens with digits (order ids, dates, amounts)
    names: frozenset[str]  # lower-cased person names (signature, profile)
    propers: frozenset[str]  # keys of capitalised words inside the message (places, products, people)


@lru_cache(maxsize=256)
def message_info(text: str, lang: str, profile_name: str | None) -> MessageInfo:
    doc = cached_doc(text, lang)
    keys = frozenset(t.key for t in doc.tokens if t.content and not t.has("num"))
    codes = frozenset(m.group(0).lower() for m in S.CODE_RE.finditer(text) if len(m.group(0)) >= 2)
    names: set[str] = set()
    m = _SIGNATURE_RE.search(text.strip())
    if m:
        names.update(w.lower() for w in re.findall(r"[A-ZÅÄÖ][\w'’-]+", m.group(1)))
    if profile_name:
        names.update(w.lower() for w in profile_name.split())
    propers = set()
    for sent in doc.sentences:
        for t in sent.tokens[1:]:
            if t.cap and not t.has("num") and len(t.low) > 2 and t.low not in ("i", "i'm", "i've"):
                propers.add(t.key)
    return MessageInfo(doc, keys, codes, frozenset(names), frozenset(propers))


@lru_cache(maxsize=512)
def _message_lang(text: str) -> str:
    return detect_language(text)


def reply_language(text: str, default: str) -> str:
    """detect_language on a bounded sample: the side panel calls this on every edit."""
    if len(text) > 260:
        head = text[:200].rsplit(" ", 1)[0]
        tail = text[-60:].split(" ", 1)[-1]
        text = head + " " + tail
    return detect_language(text, default=default)


class Context:
    """Reply + case + knowledge, analysed once. Checks read attributes; nothing mutates."""

    def __init__(self, reply: str, case: Case | str | None = None, knowledge: list[str] | None = None):
        self.reply_text = reply or ""
        self.case = Case.coerce(case) if case is not None else None
        self.knowledge = tuple(k for k in (knowledge or []) if isinstance(k, str) and k.strip())
        if self.case is not None:
            self.customer_lang = self.case.lang or _message_lang(self.case.message)
        else:
            self.customer_lang = None
        words = len(S.CODE_RE.sub(" ", self.reply_text).split())
        detected = reply_language(self.reply_text, default=self.customer_lang or "en")
        if words < 3 and self.customer_lang:
            detected = self.customer_lang
        self.detected_lang = detected
        # analyse the reply with fi or en rules (other languages get the English rules' neutral results)
        self.lang = detected if detected in ("fi", "en") else (
            self.customer_lang if self.customer_lang in ("fi", "en") else "en")
        self.doc = make_doc(self.reply_text, self.lang)
        self.segs = S.segments(self.doc)
        self.body = S.body(self.segs)

    @cached_property
    def hint_lang(self) -> str:
        return self.detected_lang if self.detected_lang in ("fi", "en") else self.lang

    @cached_property
    def kb(self) -> KnowledgeIndex | None:
        if not self.knowledge:
            return None
        return knowledge_index(self.knowledge, self.lang)

    @cached_property
    def message(self) -> MessageInfo | None:
        if self.case is None:
            return None
        text = self.case.all_customer_text()
        return message_info(text, self.lang, self.case.customer.name)

    @cached_property
    def _token_kinds(self) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
        """Start offsets of reply tokens that are (specific, topic, message) words -- computed once."""
        m = self.message
        if m is None:
            return frozenset(), frozenset(), frozenset()
        kb_nums = self.kb.numbers if self.kb else frozenset()
        kb_keys = self.kb.keys if self.kb else frozenset()
        spec, topic, msg = set(), set(), set()
        for t in self.doc.tokens:
            if t.has("num"):
                if t.low in m.codes and len(t.low) >= 2 and t.low not in kb_nums:
                    spec.add(t.start)
                continue
            if t.cap and (t.low in m.names or t.lemma in m.names or (t.key in m.propers and t.key not in kb_keys)):
                spec.add(t.start)
            if t.content and t.key in m.keys:
                msg.add(t.start)
                if t.key not in kb_keys:
                    topic.add(t.start)
        return frozenset(spec), frozenset(topic), frozenset(msg)

    def specific_tokens(self, toks) -> list[Token]:
        """Tokens that refer to this customer's own details: codes/numbers from the message that the
        knowledge does not also contain, the customer's name, proper names from the message."""
        spec = self._token_kinds[0]
        return [t for t in toks if t.start in spec]

    def topic_tokens(self, toks) -> list[Token]:
        """Content words shared with the customer's message but not just echoed knowledge."""
        topic = self._token_kinds[1]
        return [t for t in toks if t.start in topic]

    def message_tokens(self, toks) -> list[Token]:
        """Content words shared with the customer's message."""
        msg = self._token_kinds[2]
        return [t for t in toks if t.start in msg]

    @cached_property
    def link_tokens(self) -> dict[int, bool]:
        """First token of each URL / email / phone number in the reply -> is it the customer's own number."""
        codes = self.message.codes if self.message else frozenset()
        starts = [t.start for t in self.doc.tokens]
        out: dict[int, bool] = {}
        import bisect

        for rx in (S.URL_RE, S.EMAIL_RE, S.PHONE_RE):
            for m in rx.finditer(self.reply_text):
                i = bisect.bisect_left(starts, m.start())
                if i < len(starts) and starts[i] < m.end():
                    own = rx is S.PHONE_RE and all(p.strip("+()-").lower() in codes for p in m.group(0).split())
                    out.setdefault(starts[i], own)
        return out

    @cached_property
    def time_starts(self) -> frozenset[int]:
        """Start offsets of reply tokens that are part of a concrete time (opening hours excluded)."""
        return S.time_token_starts(self.doc.tokens, self.reply_text, self.lang)

    def timed(self, toks) -> bool:
        ts = self.time_starts
        return any(t.start in ts for t in toks)

    @cached_property
    def actions(self) -> list[tuple[S.Seg, S.Action]]:
        out = []
        names = self.message.names if self.message else frozenset()
        for sg in self.body:
            first = sg.sentence.tokens[:1]
            addressed = bool(first) and first[0].low in names and \
                self.reply_text[first[0].end:first[0].end + 1] == ","  # "Raili, uusi kuljetus on tilattu"
            for a in S.first_person_actions(sg.tokens, self.lang):
                out.append((sg, a))
            for a in S.passive_done(sg.tokens, self.lang, addressed):
                out.append((sg, a))
        return out

    @cached_property
    def commitments(self) -> list[S.Seg]:
        """Body sentences with a first-person action or a named party acting towards the customer, with a time."""
        out = []
        acted = {id(sg) for sg, _ in self.actions}
        for sg in self.body:
            if not self.timed(sg.tokens):
                continue
            if id(sg) in acted or S.third_party_commitment(sg.tokens, self.lang):
                out.append(sg)
        return out
