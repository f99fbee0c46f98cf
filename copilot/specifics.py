"""Concrete details in customer text: tracking ids, order and case numbers, phones, e-mails,
dates, times, amounts, IBANs and pickup/shelf codes (Finnish and English, pasted SMS too).

Pure regular expressions plus checksums (IBAN mod-97); no network, no state.
``extract_specifics`` returns non-overlapping spans in text order. When detectors claim the
same characters the stronger one wins: e-mail, IBAN, carrier formats, then numbers named by a
context word ("tilausnumero", "tracking", "koodi", ...), then dates/times/amounts, then phones;
ties go to the longer match. Bare numbers without a context word or a known shape are left out.

The low-level finders (``find_emails``, ``find_ibans``, ``find_phones``, ``number_runs``) are
public because ``copilot.privacy`` reuses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

KINDS: tuple[str, ...] = ("tracking_id", "order_number", "case_number", "phone", "email",
                          "date", "time", "amount", "iban", "code")


@dataclass(frozen=True)
class Specific:
    """One detail found in a text: ``text[start:end] == value``."""

    kind: str
    value: str
    start: int
    end: int
    source: str = "message"


Span = tuple[int, int]

_SP = "[ \u00a0\u202f]"            # spaces seen in pasted text (incl. no-break spaces)
_END = r"(?![\w-]|[.,:/]\w)"       # value ends: not inside a longer token / decimal / date

# --- e-mail ----------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


def find_emails(text: str) -> list[Span]:
    """Spans of e-mail addresses."""
    return [m.span() for m in _EMAIL.finditer(text)]


# --- IBAN ------------------------------------------------------------------------------------

_IBAN_LENGTHS: dict[str, int] = {
    "FI": 18, "AX": 18, "SE": 24, "NO": 15, "DK": 18, "IS": 26, "EE": 20, "LV": 21, "LT": 20,
    "DE": 22, "AT": 20, "CH": 21, "LI": 21, "NL": 18, "BE": 16, "LU": 20, "FR": 27, "MC": 27,
    "ES": 24, "PT": 25, "IT": 27, "SM": 27, "GB": 22, "IE": 22, "PL": 28, "CZ": 24, "SK": 24,
    "HU": 28, "SI": 19, "HR": 21, "RO": 24, "BG": 22, "GR": 27, "CY": 28, "MT": 31, "UA": 29,
}
_IBAN_START = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}")
_IBAN_SEP = " \u00a0\u202f"


def iban_is_valid(value: str) -> bool:
    """True when ``value`` (spaces allowed) is an IBAN with a correct mod-97 checksum."""
    s = re.sub(r"[\s]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", s):
        return False
    expected = _IBAN_LENGTHS.get(s[:2])
    if expected is not None and len(s) != expected:
        return False
    digits = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(digits) % 97 == 1


def _iban_char_ends(text: str, start: int) -> list[int]:
    """End offsets after each IBAN character from ``start`` (single spaces allowed between)."""
    ends: list[int] = []
    i = start
    while i < len(text) and len(ends) < 34:
        if text[i].isascii() and text[i].isalnum():
            i += 1
            ends.append(i)
        elif (text[i] in _IBAN_SEP and i + 1 < len(text) and text[i + 1].isascii()
              and text[i + 1].isalnum() and ends):
            i += 1
        else:
            break
    return ends


def find_ibans(text: str) -> list[Span]:
    """Spans of checksum-valid IBANs, compact ("FI2112345600000785") or grouped by spaces."""
    spans: list[Span] = []
    pos = 0
    for m in _IBAN_START.finditer(text):
        if m.start() < pos:
            continue
        ends = _iban_char_ends(text, m.start())
        known = _IBAN_LENGTHS.get(m.group()[:2].upper())
        lengths = [known] if known else list(range(min(len(ends), 34), 14, -1))
        for n in lengths:
            if n > len(ends):
                continue
            end = ends[n - 1]
            if end < len(text) and text[end].isalnum():
                continue
            if iban_is_valid(text[m.start():end]):
                spans.append((m.start(), end))
                pos = end
                break
    return spans


# --- numbers made of digit groups (phones, cards) ------------------------------------------

_NUM_TOKEN = re.compile(r"\+?(?:\(\d{1,4}\)|\d+)")
_GAP = re.compile(rf"{_SP}?[-–]?{_SP}?")


def number_runs(text: str) -> list[list[Span]]:
    """Runs of digit groups joined by one space or dash on one line, e.g. "040 123 4567".

    Each run is a list of group spans; a group may carry a leading "+" or parentheses.
    """
    runs: list[list[Span]] = []
    cur: list[Span] = []
    for m in _NUM_TOKEN.finditer(text):
        if cur:
            gap = text[cur[-1][1]:m.start()]
            joined = gap or text[cur[-1][1] - 1] == ")" or m.group().startswith("(")
            if joined and _GAP.fullmatch(gap) and not m.group().startswith("+"):
                cur.append(m.span())
                continue
            runs.append(cur)
        cur = [m.span()]
    if cur:
        runs.append(cur)
    return runs


def clean_start(text: str, start: int) -> bool:
    """No letter, digit or joining punctuation right before ``start``."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_+/.,-–@#")


def clean_end(text: str, end: int) -> bool:
    """Nothing that would continue the number right after ``end``."""
    if end >= len(text):
        return True
    nxt = text[end]
    if nxt.isalnum() or nxt in "_@":
        return False
    return not (nxt in ".,:-–/" and end + 1 < len(text) and text[end + 1].isdigit())


def phone_is_plausible(raw: str) -> bool:
    """Finnish national number (040 123 4567, 09 123 4567) or international (+358 40 ...)."""
    digits = re.sub(r"\D", "", raw)
    grouped = bool(re.search(r"[^\d+]", raw))
    raw = raw.lstrip("(")
    if raw.startswith("+") or raw.startswith("00"):
        cc = digits[2:] if raw.startswith("00") else digits
        if not 8 <= len(cc) <= 15 or cc[0] == "0":
            return False
        if cc.startswith("358"):
            national = cc[3:].removeprefix("0")
            return 6 <= len(national) <= 10
        return True
    if not raw.startswith("0") or len(digits) < 2 or digits[1] == "0":
        return False
    mobile = digits.startswith(("04", "050"))
    low = 9 if not grouped else (8 if mobile else 7)
    return low <= len(digits) <= 10


_MAX_GROUPS = 10   # no phone or card number has more groups ...
_MAX_DIGITS = 19   # ... or more digits


def _longest_valid(text: str, groups: list[Span], i: int, ok: Callable[[str], bool]
                   ) -> int | None:
    """Largest j such that groups[i:j] forms a valid number (checked with ``ok``)."""
    limit, digits = i, 0
    while limit < min(len(groups), i + _MAX_GROUPS):
        digits += sum(c.isdigit() for c in text[groups[limit][0]:groups[limit][1]])
        if digits > _MAX_DIGITS:
            break
        limit += 1
    for j in range(limit, i, -1):
        start, end = groups[i][0], groups[j - 1][1]
        if j - i > 1 and groups[j - 1][1] - groups[j - 1][0] < 2:
            continue  # a lone trailing digit is not part of the number
        if clean_end(text, end) and ok(text[start:end]):
            return j
    return None


def grouped_numbers(text: str, ok: Callable[[str], bool]) -> list[Span]:
    """Spans of digit-group runs (or their sub-runs) accepted by ``ok(raw) -> bool``."""
    spans: list[Span] = []
    for groups in number_runs(text):
        i = 0
        while i < len(groups):
            j = None
            if clean_start(text, groups[i][0]):
                j = _longest_valid(text, groups, i, ok)
            if j is None:
                i += 1
                continue
            spans.append((groups[i][0], groups[j - 1][1]))
            i = j
    return spans


def find_phones(text: str) -> list[Span]:
    """Spans of phone numbers: Finnish national formats and +/00 international ones."""
    return grouped_numbers(text, phone_is_plausible)


# --- carrier formats and context-driven numbers ---------------------------------------------

_TRACKING_SHAPES = [
    re.compile(r"(?<![\w])(?:JJFI|JJSE|JJDK|JJNO|JVGL|JD)\d{8,22}(?![\w])"),  # Posti, DHL
    re.compile(r"(?<![\w])[A-Z]{2}\d{9}[A-Z]{2}(?![\w])"),                      # UPU S10
    re.compile(r"(?<![\w])1Z[0-9A-Z]{16}(?![\w])"),                             # UPS
    re.compile(rf"(?<![\w])PP(?:{_SP}|-)?\d{{2,6}}(?:(?:{_SP}|-)?\d{{2,6}}){{1,4}}(?!\d)"),
]
_CASE_SHAPE = re.compile(
    r"(?<![\w-])(?:CS|CASE|TKT|TCK|SR|INC|REQ|TIK)-?\d{2,}(?:-\d{2,})*(?![\w-])")
_ORDER_SHAPE = re.compile(r"(?<![\w-])(?:ORD|ORDER|TIL)-\d{3,}(?:-\d{2,})*(?![\w-])")

_CONNECT = (r"(?:[\s:#=–-]|(?i:on|is|oli|was|nro|nr|no|n:o|number|numero|numeroni|id|ref)"
            r"(?![^\W\d_])\.?){0,8}?")
_NOT_QUANTITY = rf"(?!{_SP}?(?:€|\$|£|%|(?i:eur|euro|e\b|kpl|pcs|snt|x\b)))"


@dataclass(frozen=True)
class _ContextRule:
    kind: str
    context: str
    value: str
    min_digits: int
    priority: int


_TRACK_VALUE = rf"(?:\d{{2,6}}(?:{_SP}\d{{3,6}}){{1,6}}|[A-Za-z0-9]{{6,35}})"
_ID_VALUE = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_REF_VALUE = rf"(?:\d{{1,5}}(?:{_SP}\d{{5}})+|{_ID_VALUE})"
_CODE_VALUE = r"[A-Z0-9](?:[A-Z0-9-]{0,14}[A-Z0-9])?"

_W = r"[^\W\d_]*"  # rest of an inflected word ("tilausnumeroni", "tilauksen")
_TRACK_CTX = (rf"seuranta(?:tunnu|numero|koodi){_W}|lähetys(?:tunnu|numero){_W}"
              rf"|lähetyksen{_SP}(?:tunnu|numero){_W}|kollitunnu{_W}|paketti(?:tunnu|numero){_W}"
              rf"|paketin{_SP}(?:tunnu|numero){_W}|tracking(?:{_SP}?(?:number|code|id|nr|no))?"
              rf"|track{_SP}(?:and|&){_SP}trace|waybill|AWB"
              rf"|(?:shipment|parcel|package|consignment){_SP}?(?:number|id|no|nr)")
_ORDER_CTX = (rf"tilau(?:s|ks){_W}|order(?:number|nummer|nr|no|id)?"
              rf"|purchase{_SP}?(?:number|no|id)|beställning{_W}")
_CASE_CTX = (rf"tapau(?:s|ks){_W}|asianumero{_W}|tukipyyn(?:tö|nö){_W}"
             rf"|palvelupyyn(?:tö|nö){_W}|tiket(?:ti|i){_W}|case|ticket|support{_SP}request"
             rf"|ärende{_W}")
_REF_CTX = rf"viit(?:e|te){_W}|reference|ref"
_CODE_CTX = (rf"(?!posti){_W}koodi{_W}|PIN|(?<!zip{_SP})(?<!post{_SP})(?<!postal{_SP})"
             rf"(?:(?:pick-?up|collection|shelf|locker|access|door|unlock|release|discount"
             rf"|promo|voucher|verification|PIN){_SP}?)?codes?")

_RULES: tuple[_ContextRule, ...] = (
    _ContextRule("tracking_id", _TRACK_CTX, _TRACK_VALUE, 5, 70),
    _ContextRule("order_number", _ORDER_CTX, _ID_VALUE, 3, 70),
    _ContextRule("case_number", _CASE_CTX, _ID_VALUE, 3, 70),
    _ContextRule("case_number", _REF_CTX, _REF_VALUE, 3, 68),
    _ContextRule("code", _CODE_CTX, _CODE_VALUE, 1, 70),
)


def _compile_rule(rule: _ContextRule) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?i:{rule.context})(?![^\W\d_]){_CONNECT}"
                      rf"(?P<val>(?=[\w-]*\d){rule.value}){_END}{_NOT_QUANTITY}")


_RULE_PATTERNS = [(rule, _compile_rule(rule)) for rule in _RULES]


# --- dates -----------------------------------------------------------------------------------

_MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS_EN.update({m[:3]: n for m, n in list(_MONTHS_EN.items())})
_MONTHS_EN["sept"] = 9
_MONTH_EN_RE = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
_MONTHS_FI = {m: i + 1 for i, m in enumerate(
    ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka",
     "marras", "joulu"])}
_MONTH_FI_RE = "|".join(_MONTHS_FI)
_ORD = r"(?:st|nd|rd|th)?"

_DATE_NUMERIC = re.compile(
    r"(?<![\d.,:/-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?:(?P<y>\d{4}|\d{2})(?![\d]|[.,]\d))?"
    r"(?(y)|(?!\d))"
    r"|(?<![\d.,:/-])(?P<d2>\d{1,2})(?P<s>[/-])(?P<m2>\d{1,2})(?P=s)(?P<y2>\d{4}|\d{2})(?![\d/-])"
    r"|(?<![\d.,:/-])(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?![\d-])")
_DATE_WORDS = re.compile(
    rf"(?i)(?<![\d])(?P<d>\d{{1,2}}){_ORD}(?:{_SP}+of)?{_SP}+(?P<mon>{_MONTH_EN_RE})(?![^\W\d_])\.?"
    rf"(?:,?{_SP}+(?P<y>\d{{4}})(?!\d))?"
    rf"|(?<![^\W\d_])(?P<mon2>{_MONTH_EN_RE})\.?{_SP}+(?P<d2>\d{{1,2}}){_ORD}(?![\d:.]\d|\d)"
    rf"(?:,?{_SP}+(?P<y2>\d{{4}})(?!\d))?"
    rf"|(?<![\d])(?P<d3>\d{{1,2}})\.?{_SP}?(?P<mon3>{_MONTH_FI_RE})kuuta"
    rf"(?:{_SP}+(?P<y3>\d{{4}})(?!\d))?"
    rf"|(?<![^\W\d_])(?P<mon4>{_MONTH_FI_RE})kuun{_SP}+(?P<d4>\d{{1,2}})\.")


def _valid_date(day: str, month: str | int, year: str | None) -> bool:
    y = int(year) if year else 2024  # a leap year, so 29.2. passes without a year
    if year and len(year) == 2:
        y += 2000
    try:
        date(y, int(month), int(day))
    except ValueError:
        return False
    return True


def _find_dates(text: str) -> Iterator[Span]:
    for m in _DATE_NUMERIC.finditer(text):
        if m.group("d"):
            ok = _valid_date(m["d"], m["m"], m["y"])
        elif m.group("d2"):
            ok = (_valid_date(m["d2"], m["m2"], m["y2"])      # 15/11/2026
                  or _valid_date(m["m2"], m["d2"], m["y2"]))  # 11/15/2026
        else:
            ok = _valid_date(m["d3"], m["m3"], m["y3"])
        if ok:
            yield m.span()
    for m in _DATE_WORDS.finditer(text):
        if m.group("mon"):
            ok = _valid_date(m["d"], _MONTHS_EN[m["mon"].lower()], m["y"])
        elif m.group("mon2"):
            ok = _valid_date(m["d2"], _MONTHS_EN[m["mon2"].lower()], m["y2"])
        elif m.group("mon3"):
            ok = _valid_date(m["d3"], _MONTHS_FI[m["mon3"].lower()], m["y3"])
        else:
            ok = _valid_date(m["d4"], _MONTHS_FI[m["mon4"].lower()], None)
        if ok:
            yield m.span()


# --- times -----------------------------------------------------------------------------------

_HM = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
_TIMES = [
    re.compile(rf"(?i)(?<![^\W\d_])(?:klo|kello|kl)\.?{_SP}*{_HM}"
               rf"(?:{_SP}*[-–]{_SP}*{_HM})?(?![\d])"),
    re.compile(rf"(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
               rf"(?:{_SP}?(?i:a\.m\.|p\.m\.|am|pm)(?![^\W\d_]))?"
               rf"(?:{_SP}?[-–]{_SP}?(?:[01]?\d|2[0-3]):[0-5]\d)?(?![\d:])"),
    re.compile(rf"(?<![\d:.,])(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?{_SP}?(?i:a\.m\.|p\.m\.|am|pm)"
               rf"(?![^\W\d_])"),
]
_TIME_AFTER = re.compile(rf"(?i)(?<![^\W\d_])(?:at|by|before|after|until|till|from|noin)"
                         rf"{_SP}+(?P<t>(?:[01]?\d|2[0-3])\.[0-5]\d)(?![\d]|[.,]\d)")


def _find_times(text: str) -> Iterator[Span]:
    for pattern in _TIMES:
        for m in pattern.finditer(text):
            yield m.span()
    for m in _TIME_AFTER.finditer(text):
        yield m.span("t")


# --- amounts ---------------------------------------------------------------------------------

_NUM = (rf"(?:\d{{1,3}}(?:{_SP}\d{{3}})+(?:[.,]\d{{1,2}})?"
        r"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"
        r"|\d+(?:[.,]\d{1,2}|,-)?)")
_CUR_AFTER = (r"(?:€|\$|£|(?i:eur(?:o(?:a|n|t|lla|lle|sta|ssa|on|ja)?|os)?|usd|gbp|sek|kr"
              r"|snt|senttiä|cents?)(?![^\W\d_]))")
_AMOUNTS = [
    re.compile(rf"(?<![\w.,]){_NUM}{_SP}?{_CUR_AFTER}"),
    re.compile(rf"(?<![\w.,])\d+(?:[.,]\d{{1,2}})?e(?![\w])"),  # "12e", "12,50e"
    re.compile(rf"(?:€|\$|£|(?<![^\W\d_])(?:EUR|USD|GBP)){_SP}?{_NUM}(?![\d]|[.,]\d)"),
]


def _find_amounts(text: str) -> Iterator[Span]:
    for pattern in _AMOUNTS:
        for m in pattern.finditer(text):
            yield m.span()


# --- putting it together ---------------------------------------------------------------------

_PRIORITY = {"email": 100, "iban": 90, "tracking_id": 80, "date": 60, "time": 60, "amount": 60,
             "phone": 50}


def _looks_like_date_or_time(value: str) -> bool:
    return any(s == (0, len(value)) for s in _find_dates(value)) or any(
        s == (0, len(value)) for s in _find_times(value))


def _context_candidates(text: str) -> Iterator[tuple[int, str, Span]]:
    for rule, pattern in _RULE_PATTERNS:
        for m in pattern.finditer(text):
            value = m["val"]
            if sum(c.isdigit() for c in value) < rule.min_digits or _looks_like_date_or_time(value):
                continue
            if rule.kind in ("order_number", "case_number") and len(value) < 4:
                continue
            yield rule.priority, rule.kind, m.span("val")


def _candidates(text: str) -> Iterator[tuple[int, str, Span]]:
    for span in find_emails(text):
        yield _PRIORITY["email"], "email", span
    for span in find_ibans(text):
        yield _PRIORITY["iban"], "iban", span
    for pattern in _TRACKING_SHAPES:
        for m in pattern.finditer(text):
            if sum(c.isdigit() for c in m.group()) >= 8:
                yield _PRIORITY["tracking_id"], "tracking_id", m.span()
    for m in _CASE_SHAPE.finditer(text):
        yield 75, "case_number", m.span()
    for m in _ORDER_SHAPE.finditer(text):
        yield 75, "order_number", m.span()
    yield from _context_candidates(text)
    for span in _find_dates(text):
        yield _PRIORITY["date"], "date", span
    for span in _find_times(text):
        yield _PRIORITY["time"], "time", span
    for span in _find_amounts(text):
        yield _PRIORITY["amount"], "amount", span
    for span in find_phones(text):
        yield _PRIORITY["phone"], "phone", span


def resolve_overlaps(cands: list[tuple[int, str, Span]]) -> list[tuple[str, Span]]:
    """Keep the strongest, then longest, then earliest of overlapping candidates; text order."""
    kept: list[tuple[str, Span]] = []
    order = sorted(cands, key=lambda c: (-c[0], c[2][0] - c[2][1], c[2][0]))
    for _prio, kind, (start, end) in order:
        if all(end <= s or start >= e for _k, (s, e) in kept):
            kept.append((kind, (start, end)))
    return sorted(kept, key=lambda k: k[1])


def extract_specifics(text: str, *, source: str = "message") -> list[Specific]:
    """Tracking ids, order/case numbers, phones, e-mails, dates, times, amounts, IBANs and
    codes in ``text``, sorted by position and never overlapping."""
    if not text:
        return []
    kept = resolve_overlaps(list(_candidates(text)))
    return [Specific(kind, text[s:e], s, e, source) for kind, (s, e) in kept]
