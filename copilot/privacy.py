"""Mask personal data before text leaves the process; restore it in the model's draft.

``PiiMasker`` (one per case) swaps personal data for placeholders such as ``[PHONE_1]`` and
keeps the mapping, so the same value gets the same placeholder across every text of the case
and ``unmask`` can put the originals back into the model output.

Masked kinds: HETU (Finnish personal identity code, checksum verified), IBAN (mod-97), CARD
(13-19 digits, Luhn), PHONE (Finnish formats and +/00 international), EMAIL and ADDRESS
(Finnish and English street addresses, optional postcode and city). Tracking ids, order and
case numbers, codes, amounts, dates and times (see ``copilot.specifics``) are kept: the agent
needs them and they are not personal data. Names are not detected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from copilot.errors import UsageError
from copilot.specifics import (extract_specifics, find_emails, find_ibans, find_phones,
                               grouped_numbers)

PII_KINDS: tuple[str, ...] = ("HETU", "IBAN", "CARD", "PHONE", "EMAIL", "ADDRESS")

# Specific kinds the agent needs; weak PII detectors (card, phone, address) yield to them.
KEEP_KINDS = frozenset({"tracking_id", "order_number", "case_number", "code", "amount", "date",
                        "time"})
_STRONG = frozenset({"EMAIL", "IBAN", "HETU"})
_PRIORITY = {"EMAIL": 100, "IBAN": 95, "HETU": 90, "CARD": 85, "PHONE": 60, "ADDRESS": 50}

_SP = "[ \u00a0\u202f]"


@dataclass(frozen=True)
class PiiMatch:
    """One piece of personal data: ``text[start:end] == value``."""

    kind: str
    value: str
    start: int
    end: int


# --- Finnish personal identity code (henkilötunnus) -------------------------------------------

_HETU = re.compile(r"(?<![\w+-])(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])(?![\w-])",
                   re.IGNORECASE)
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURY = {"+": 1800, "-": 1900, "U": 1900, "V": 1900, "W": 1900, "X": 1900, "Y": 1900,
            "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}


def hetu_is_valid(value: str) -> bool:
    """True for a henkilötunnus with a real birth date and the right check character."""
    m = _HETU.fullmatch(value.strip())
    if not m:
        return False
    dd, mm, yy, sign, num, check = m.groups()
    try:
        date(_CENTURY[sign.upper()] + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return _HETU_CHECK[int(dd + mm + yy + num) % 31] == check.upper()


def _find_hetus(text: str) -> Iterator[tuple[int, int]]:
    for m in _HETU.finditer(text):
        if hetu_is_valid(m.group()):
            yield m.span()


# --- payment cards ------------------------------------------------------------------------------

def luhn_is_valid(digits: str) -> bool:
    """Luhn (mod-10) checksum of a digit string."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_is_plausible(raw: str) -> bool:
    """13-19 digits, spaces or dashes between groups, card-network first digit, Luhn valid."""
    if re.search(r"[^\d \u00a0\u202f-]", raw):
        return False
    digits = re.sub(r"\D", "", raw)
    return 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn_is_valid(digits)


def _find_cards(text: str) -> list[tuple[int, int]]:
    return grouped_numbers(text, card_is_plausible)


# --- street addresses ---------------------------------------------------------------------------

_FI_STREET = (r"(?:katu|kadu(?:lla|lle|lta|n)|tie(?:llä|lle|ltä|n)?|kuja(?:lla|lle|lta|n)?"
              r"|polku|polulla|väylä(?:llä|n)?|kaari|kaarella|rinne|rinteellä|ranta|rannalla"
              r"|tori|torilla|aukio|aukiolla|puistikko|bulevardi|esplanadi|kaarre|penger"
              r"|laituri|raitti|mäki|mäellä|kumpu|ahde|tanhua)")
_FI_ADDRESS = re.compile(
    rf"(?<![\w-])[A-ZÅÄÖ][a-zåäöéü-]*?{_FI_STREET}(?![\w])"
    rf"{_SP}+\d{{1,4}}(?:[-–]\d{{1,4}})?[a-z]?(?![\w.,:]\d)"
    rf"(?:{_SP}*[A-Ha-h](?![\w]){_SP}*(?:\d{{1,3}}(?![\w]))?)?"
    rf"(?:,?{_SP}*(?:as\.?|asunto|lh\.?|huoneisto|krs\.?){_SP}*\d{{1,3}}(?![\w]))?"
    rf"(?:,?\s*(?:FI-)?\d{{5}}{_SP}+[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ]?[a-zåäö]+)?"
    rf"(?![\w]))?")
_EN_STREET = (r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Boulevard|Blvd|Way"
              r"|Place|Pl|Square|Sq|Close|Crescent|Terrace|Gardens|Grove|Row|Parkway|Highway)")
_EN_ADDRESS = re.compile(
    rf"(?:(?:Flat|Apt\.?|Apartment|Unit|Suite){_SP}*\w{{1,4}},?{_SP}*)?"
    rf"(?<![\w.,])\d{{1,5}}[A-Za-z]?{_SP}+(?:[A-Z][a-z'’]+{_SP}+){{1,3}}?{_EN_STREET}(?![\w])"
    rf"(?:,?{_SP}*[A-Z][a-z]+(?:{_SP}[A-Z][a-z]+)?,?{_SP}+[A-Z]{{1,2}}\d[A-Z\d]?{_SP}?\d[A-Z]{{2}}"
    rf"(?![\w]))?")


def _find_addresses(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_FI_ADDRESS, _EN_ADDRESS):
        for m in pattern.finditer(text):
            yield m.span()


# --- detection ----------------------------------------------------------------------------------

def _candidates(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    for span in find_emails(text):
        yield "EMAIL", span
    for span in find_ibans(text):
        yield "IBAN", span
    for span in _find_hetus(text):
        yield "HETU", span
    for span in _find_cards(text):
        yield "CARD", span
    for span in find_phones(text):
        yield "PHONE", span
    for span in _find_addresses(text):
        yield "ADDRESS", span


def find_pii(text: str) -> list[PiiMatch]:
    """Personal data in ``text``, in text order, never overlapping."""
    if not text:
        return []
    keep = [(s.start, s.end) for s in extract_specifics(text) if s.kind in KEEP_KINDS]
    cands = sorted(_candidates(text), key=lambda c: (-_PRIORITY[c[0]], c[1][0] - c[1][1], c[1][0]))
    found: list[PiiMatch] = []
    for kind, (start, end) in cands:
        if any(start < e and s < end for s, e in [(f.start, f.end) for f in found]):
            continue
        if kind not in _STRONG and any(start < e and s < end for s, e in keep):
            continue
        found.append(PiiMatch(kind, text[start:end], start, end))
    return sorted(found, key=lambda f: f.start)


# --- masking --------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"[\[({<]\s*(?P<k>HETU|IBAN|CARD|PHONE|EMAIL|ADDRESS)[\s_-]*(?P<n>\d+)\s*[\])}>]"
    r"|(?<![\w\[({<])(?P<k2>HETU|IBAN|CARD|PHONE|EMAIL|ADDRESS)_(?P<n2>\d+)(?![\w\])}>])",
    re.IGNORECASE)


class PiiMasker:
    """Consistent placeholders for one case: the same value always gets the same placeholder."""

    def __init__(self) -> None:
        self._by_value: dict[str, str] = {}
        self._mapping: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    @property
    def mapping(self) -> dict[str, str]:
        """Placeholder -> original value (a copy)."""
        return dict(self._mapping)

    def _placeholder(self, kind: str, value: str) -> str:
        if value not in self._by_value:
            self._counts[kind] = self._counts.get(kind, 0) + 1
            token = f"[{kind}_{self._counts[kind]}]"
            self._by_value[value] = token
            self._mapping[token] = value
        return self._by_value[value]

    def mask(self, text: str) -> str:
        """``text`` with personal data replaced by placeholders."""
        if not isinstance(text, str):
            raise UsageError(f"mask() needs a string, got {type(text).__name__}")
        out: list[str] = []
        pos = 0
        for match in find_pii(text):
            out.append(text[pos:match.start])
            out.append(self._placeholder(match.kind, match.value))
            pos = match.end
        out.append(text[pos:])
        return "".join(out)

    def unmask(self, text: str) -> str:
        """Put the original values back; accepts "[phone_1]", "(PHONE 1)", "PHONE_1" too."""
        if not isinstance(text, str):
            raise UsageError(f"unmask() needs a string, got {type(text).__name__}")

        def restore(m: re.Match[str]) -> str:
            kind = (m["k"] or m["k2"]).upper()
            token = f"[{kind}_{int(m['n'] or m['n2'])}]"
            return self._mapping.get(token, m.group())

        return _PLACEHOLDER.sub(restore, text)

    def mask_messages(self, messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Copies of chat messages with each "content" string (or text part) masked."""
        return [self._mask_message(m) for m in messages]

    def _mask_message(self, message: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(message, dict):
            raise UsageError(f"each message must be a dict with 'role' and 'content', "
                             f"got {type(message).__name__}")
        content = message.get("content")
        if isinstance(content, str):
            return {**message, "content": self.mask(content)}
        if isinstance(content, list):
            parts = [{**p, "text": self.mask(p["text"])}
                     if isinstance(p, dict) and isinstance(p.get("text"), str) else p
                     for p in content]
            return {**message, "content": parts}
        return dict(message)


def mask_messages(messages: list[dict[str, Any]], masker: PiiMasker | None = None
                  ) -> list[dict[str, Any]]:
    """Mask each message's "content" with ``masker`` (a fresh ``PiiMasker`` when None)."""
    return (masker or PiiMasker()).mask_messages(messages)
