"""Commitments in sent replies ("palaan asiaan huomenna klo 12 mennessä", "I'll call you tomorrow").

``find_commitments(text, now=...)`` is pure and deterministic given ``now``: it finds first-person
(or "we") promises of an action and works out when each falls due.

Rules (deadline semantics: ``due_at`` is the moment the promise is broken if nothing was done):

- A commitment needs a first-person / "we" action verb: palaan, soitan, selvitän, lähetän,
  ilmoitan, otan yhteyttä, ... (and the -mme forms, and colloquial "palataan") / I'll, I will,
  we'll, we will, I'm going to ... + call, email, get back, send, let you know, ...
  Negated forms ("I won't call", "en soita"), questions ("soitanko?") and quoted e-mail lines
  ("> Palaan asiaan huomenna") are not commitments.
- A sentence is cut into one clause per verb; the time words of a clause belong to its verb.
  Time words before the first verb count only from the same comma-separated part.
- Day: today/tänään, tomorrow/huomenna, ylihuomenna/the day after tomorrow, weekdays
  (maanantaina, maanantaihin mennessä, by/on Monday: the next such day, today included while
  the time is still ahead), "ensi viikolla"/"next week" (Friday of next week), "ensi viikon
  maanantaina"/"Monday next week", "viikon loppuun mennessä"/"by the end of the week" (Friday),
  dates 24.11. / 24.11.2026 / 2026-11-24 / 24. marraskuuta / November 24 (the next such date),
  "within 2 working days"/"kahden arkipäivän kuluessa", "within 24 hours"/"24 tunnin sisällä".
- Time: klo 12, kello 12.30, 12.30, 15:00, 3 pm, 3:30 p.m., noon, end of day, morning (12:00),
  afternoon (16:00), evening/tonight (20:00). Ranges (klo 12-14) take the later bound.
- No time: end of that working day, 16:00 ("tomorrow" -> next day 16:00). Today with no time when
  16:00 has passed -> 23:59 today.
- Neither day nor time ("I'll call you"): 16:00 of the current working day, or of the next
  working day when 16:00 has passed or it is a weekend.
- A time without a day ("klo 15 mennessä") is today, or the next working day if it has passed.
- Several days or times in one clause ("tänään tai viimeistään huomenna"): the latest counts.

``due_at`` carries the tzinfo of ``now`` (naive in, naive out). Working days are Mon-Fri;
public holidays are not known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

__all__ = ["Commitment", "find_commitments", "END_OF_DAY"]

END_OF_DAY = time(16, 0)  # end of a working day
LATE = time(23, 59)
MORNING, AFTERNOON, EVENING, NOON = time(12, 0), time(16, 0), time(20, 0), time(12, 0)


@dataclass(frozen=True)
class Commitment:
    text: str  # the clause that holds the promise
    due_at: datetime
    span: tuple[int, int]  # (start, end) of ``text`` in the input


# --------------------------------------------------------------------------- action verbs

_FI_VERBS = (
    # 1st person singular and plural of the usual customer-service promises
    "palaan", "palaamme", "palataan",
    "soitan", "soitamme", "soitetaan",
    "selvitän", "selvitämme",
    "lähetän", "lähetämme",
    "ilmoitan", "ilmoitamme",
    "otan yhteyttä", "otamme yhteyttä", "otetaan yhteyttä", "olen yhteydessä", "olemme yhteydessä",
    "ollaan yhteydessä",
    "tarkistan", "tarkistamme", "tarkastan", "tarkastamme",
    "kerron", "kerromme",
    "vastaamme",  # not "vastaan": also the postposition "against" / "otamme vastaan"
    "hoidan", "hoidamme",
    "korjaan", "korjaamme",
    "toimitan", "toimitamme",
    "päivitän", "päivitämme",
    "varmistan", "varmistamme",
    "laitan", "laitamme",
    "välitän", "välitämme",
    "kirjoitan", "kirjoitamme",
    "tiedotan", "tiedotamme",
    "katson", "katsomme",
    "käsittelen", "käsittelemme",
    "palautan", "palautamme",
)
_EN_VERBS = (
    "call", "ring", "phone", "email", "e-mail", "mail", "text", "message", "write", "reply", "respond",
    "get back", "come back", "follow up", "reach out", "be in touch", "get in touch", "contact",
    "send", "let you know", "update", "inform", "notify", "confirm", "check", "look into",
    "investigate", "find out", "sort", "fix", "arrange", "process", "refund", "make sure", "resolve",
    "deliver", "ship", "review", "escalate", "forward",
)


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace("\\ ", " ").replace(" ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


_FI_VERB_RE = re.compile(rf"(?<![\w-])(?:{_alt(_FI_VERBS)})(?![\w-])", re.IGNORECASE)
_EN_VERB_RE = re.compile(
    r"\b(?:i|we)(?:'ll|’ll|\s+will|\s+shall|'m\s+going\s+to|’m\s+going\s+to|\s+am\s+going\s+to"
    r"|'re\s+going\s+to|’re\s+going\s+to|\s+are\s+going\s+to)"
    r"(?:\s+(?!not\b|never\b)[a-z]+){0,2}?"  # "I'll personally call", "we will definitely get back"
    rf"\s+(?:{_alt(_EN_VERBS)})\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- time words

_WEEKDAYS_FI = {"maanantai": 0, "tiistai": 1, "keskiviik": 2, "torstai": 3, "perjantai": 4,
                "lauantai": 5, "sunnuntai": 6}
_WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                "saturday": 5, "sunday": 6}
_MONTHS_FI = {"tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6, "heinä": 7,
              "elo": 8, "syys": 9, "loka": 10, "marras": 11, "joulu": 12}
_MONTHS_EN = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_NUMBER_WORDS = {
    "yhden": 1, "kahden": 2, "kolmen": 3, "neljän": 4, "viiden": 5, "kuuden": 6, "seitsemän": 7,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1,
}
_NUM = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"

_EN_MONTH_NAME = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                  r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

# (kind, regex). Kinds: day (relative days), weekday, date, time, part (part of day), within.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # --- dates (before times so "24.11." is not read as 24:11)
    ("iso_date", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),
    ("fi_date", re.compile(r"(?<![\d.,:])(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\d])")),
    ("fi_month_date", re.compile(
        r"(?<![\d.])(\d{1,2})\.\s*(" + "|".join(_MONTHS_FI) + r")kuu\w*", re.IGNORECASE)),
    ("fi_month_gen", re.compile(  # "marraskuun 24. päivään mennessä"
        r"\b(" + "|".join(_MONTHS_FI) + r")kuun\s+(\d{1,2})\.", re.IGNORECASE)),
    ("en_month_date", re.compile(rf"\b{_EN_MONTH_NAME}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE)),
    ("en_date_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH_NAME}\b", re.IGNORECASE)),
    # --- relative durations
    ("within_workdays", re.compile(
        rf"\b{_NUM}\s+(?:(?:arki|työ)päivän\s+(?:kuluessa|sisällä|aikana)"
        r"|(?:working|business|work)\s+days?)", re.IGNORECASE)),
    ("within_days", re.compile(
        rf"\b{_NUM}\s+(?:päivän\s+(?:kuluessa|sisällä|aikana)|days?\b)", re.IGNORECASE)),
    ("within_hours", re.compile(
        rf"\b{_NUM}\s+(?:tunnin\s+(?:kuluessa|sisällä|aikana)|hours?\b)", re.IGNORECASE)),
    # --- relative days
    ("day+2", re.compile(r"\bylihuom(?:enna|iseen|isen)\w*|\bthe\s+day\s+after\s+tomorrow\b", re.IGNORECASE)),
    ("day+1:morning", re.compile(r"\bhuomisaamu\w*|\bhuomenaamulla\b|\btomorrow\s+morning\b", re.IGNORECASE)),
    ("day+1:afternoon", re.compile(r"\bhuomisiltapäiv\w*|\btomorrow\s+afternoon\b", re.IGNORECASE)),
    ("day+1:evening", re.compile(r"\bhuomisilta\w*|\btomorrow\s+(?:evening|night)\b", re.IGNORECASE)),
    ("day+1", re.compile(r"\bhuom(?:enna|iseen|isen|inen|iselle)\b|\btomorrow\b", re.IGNORECASE)),
    ("day+0:morning", re.compile(r"\btänä\s+aamuna\b|\bthis\s+morning\b", re.IGNORECASE)),
    ("day+0:afternoon", re.compile(r"\btänä\s+iltapäivänä\b|\bthis\s+afternoon\b", re.IGNORECASE)),
    ("day+0:evening", re.compile(r"\btänä\s+iltana\b|\btänään\s+illalla\b|\btonight\b|\bthis\s+evening\b",
                                 re.IGNORECASE)),
    ("day+0", re.compile(r"\btänään\b|\btämän\s+päivän\b|\btoday\b", re.IGNORECASE)),
    ("next_week", re.compile(r"\bensi\s+viikon(?:\s+(?:aikana|loppuun(?:\s+mennessä)?))?\b"
                             r"|\bensi\s+viikol(?:la|le)\b|\bensi\s+viikkoon\b"
                             r"|\b(?:the\s+)?end\s+of\s+next\s+week\b|\bnext\s+week\b", re.IGNORECASE)),
    ("week_end", re.compile(r"\b(?:tämän\s+)?viikon\s+(?:loppuun|aikana)\b"
                            r"|\b(?:the\s+)?end\s+of\s+(?:the|this)\s+week\b|\bthis\s+week\b",
                            re.IGNORECASE)),
    ("weekday_fi", re.compile(r"(?<![\w-])(" + "|".join(_WEEKDAYS_FI) + r")\w*", re.IGNORECASE)),
    ("weekday_en", re.compile(r"\b(" + "|".join(_WEEKDAYS_EN) + r")s?\b", re.IGNORECASE)),
    # --- times of day
    ("time_range", re.compile(
        r"\b(?:klo|kello)\s*(\d{1,2})(?:[.:](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?(?![\d])", re.IGNORECASE)),
    ("time_klo", re.compile(r"\b(?:klo|kello)\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?![\d])", re.IGNORECASE)),
    ("time_ampm", re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])", re.IGNORECASE)),
    ("time_hm", re.compile(r"(?<![\d.,:])(\d{1,2})[.:](\d{2})(?![\d]|\s*(?:€|e\b|eur|euro))", re.IGNORECASE)),
    ("time_oclock", re.compile(r"\b(\d{1,2})\s*o'?clock\b", re.IGNORECASE)),
    ("part:eod", re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+|working\s+|work\s+)?day\b"
                            r"|\beod\b|\bclose\s+of\s+business\b|\bcob\b|\bpäivän\s+(?:aikana|loppuun)\b",
                            re.IGNORECASE)),
    ("part:noon", re.compile(r"\bnoon\b|\bmidday\b|\bpuoleenpäivään\b|\bpuoleltapäivin\b", re.IGNORECASE)),
    ("part:morning", re.compile(r"\baamu(?:lla|päivällä|päivän)\b|\bin\s+the\s+morning\b", re.IGNORECASE)),
    ("part:afternoon", re.compile(r"\biltapäivä(?:llä|än|n)\b|\bin\s+the\s+afternoon\b", re.IGNORECASE)),
    ("part:evening", re.compile(r"\billalla\b|\billaksi\b|\bin\s+the\s+evening\b", re.IGNORECASE)),
]

_PARTS = {"eod": END_OF_DAY, "morning": MORNING, "afternoon": AFTERNOON, "evening": EVENING, "noon": NOON}


@dataclass
class _When:
    days: list[date] = field(default_factory=list)
    weekday_days: set[date] = field(default_factory=set)  # days named by a weekday
    times: list[time] = field(default_factory=list)
    instants: list[datetime] = field(default_factory=list)  # "within 24 hours"

    @property
    def found(self) -> bool:
        return bool(self.days or self.times or self.instants)


def _num(raw: str) -> int:
    raw = raw.lower()
    return _NUMBER_WORDS.get(raw) or int(raw)


def _next_date(now: datetime, month: int, day: int, year: int | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        d = date(now.year, month, day)
        if d < now.date():
            d = date(now.year + 1, month, day)
        return d
    except ValueError:
        return None


def _add_workdays(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _next_workday(d: date) -> date:
    return _add_workdays(d, 1)


def _valid_time(h: int, m: int) -> time | None:
    if h == 24 and m == 0:
        return LATE
    if 0 <= h <= 23 and 0 <= m <= 59:
        return time(h, m)
    return None


def _parse_when(clause: str, now: datetime) -> _When:
    """Time words in a clause -> candidate days, times and instants."""
    when = _When()
    taken: list[tuple[int, int]] = []
    weekdays: list[int] = []
    next_week = False
    today = now.date()

    def free(m: re.Match[str]) -> bool:
        s, e = m.span()
        return all(e <= a or s >= b for a, b in taken)

    for kind, rx in _PATTERNS:
        for m in rx.finditer(clause):
            if not free(m):
                continue
            g = m.groups()
            ok = True
            if kind == "iso_date":
                d = _next_date(now, int(g[1]), int(g[2]), int(g[0]))
                ok = d is not None and (when.days.append(d) or True)
            elif kind == "fi_date":
                # "12.30" without a trailing dot is a time, "24.11." (dot) is a date; "klo" handled later
                prefix = clause[max(0, m.start() - 6):m.start()].lower()
                if re.search(r"(?:klo|kello)\.?\s*$", prefix):
                    ok = False
                else:
                    d = _next_date(now, int(g[1]), int(g[0]), int(g[2]) if g[2] else None)
                    ok = d is not None and (when.days.append(d) or True)
            elif kind == "fi_month_date":
                d = _next_date(now, _MONTHS_FI[g[1].lower()], int(g[0]), None)
                ok = d is not None and (when.days.append(d) or True)
            elif kind == "fi_month_gen":
                d = _next_date(now, _MONTHS_FI[g[0].lower()], int(g[1]), None)
                ok = d is not None and (when.days.append(d) or True)
            elif kind in ("en_month_date", "en_date_month"):
                month_raw, day_raw = (g[0], g[1]) if kind == "en_month_date" else (g[1], g[0])
                d = _next_date(now, _MONTHS_EN[month_raw[:3].lower()], int(day_raw), None)
                ok = d is not None and (when.days.append(d) or True)
            elif kind == "within_workdays":
                when.days.append(_add_workdays(today, _num(g[0])))
            elif kind == "within_days":
                when.days.append(today + timedelta(days=_num(g[0])))
            elif kind == "within_hours":
                when.instants.append(now + timedelta(hours=_num(g[0])))
            elif kind.startswith("day+"):
                offset, _, part = kind[4:].partition(":")
                when.days.append(today + timedelta(days=int(offset)))
                if part:
                    when.times.append(_PARTS[part])
            elif kind == "week_end":
                when.days.append(today + timedelta(days=max(0, 4 - today.weekday())))
            elif kind == "next_week":
                next_week = True
            elif kind in ("weekday_fi", "weekday_en"):
                table = _WEEKDAYS_FI if kind == "weekday_fi" else _WEEKDAYS_EN
                weekdays.append(table[g[0].lower()])
            elif kind == "time_range":
                t = _valid_time(int(g[2]), int(g[3] or 0))
                ok = t is not None and (when.times.append(t) or True)
            elif kind in ("time_klo", "time_hm"):
                t = _valid_time(int(g[0]), int(g[1] or 0))
                ok = t is not None and (when.times.append(t) or True)
            elif kind == "time_ampm":
                h, mnt = int(g[0]), int(g[1] or 0)
                if not 1 <= h <= 12:
                    ok = False
                else:
                    h = h % 12 + (12 if g[2].lower().startswith("p") else 0)
                    t = _valid_time(h, mnt)
                    ok = t is not None and (when.times.append(t) or True)
            elif kind == "time_oclock":
                h = int(g[0])
                if 1 <= h <= 7:  # "5 o'clock" in office talk is the afternoon
                    h += 12
                t = _valid_time(h, 0)
                ok = t is not None and (when.times.append(t) or True)
            elif kind.startswith("part:"):
                when.times.append(_PARTS[kind[5:]])
            if ok:
                taken.append(m.span())

    # weekdays: the next such day (today included; resolved against the time in _due), or in next week
    monday_next = today + timedelta(days=7 - today.weekday())
    for wd in weekdays:
        d = monday_next + timedelta(days=wd) if next_week else today + timedelta(days=(wd - today.weekday()) % 7)
        when.days.append(d)
        when.weekday_days.add(d)
    if next_week and not weekdays:
        when.days.append(monday_next + timedelta(days=4))  # Friday of next week
    return when


def _due(when: _When, now: datetime) -> datetime:
    tz = now.tzinfo
    today = now.date()

    def at(d: date, t: time) -> datetime:
        return datetime.combine(d, t, tzinfo=tz)

    if not when.found:
        d = today if today.weekday() < 5 and now.time() < END_OF_DAY else _next_workday(today)
        return at(d, END_OF_DAY)

    t_given = max(when.times) if when.times else None
    candidates: list[datetime] = list(when.instants)
    if when.days:
        for d in when.days:
            t = t_given or END_OF_DAY
            due = at(d, t)
            if d in when.weekday_days and d == today and due <= now:
                due = at(d + timedelta(days=7), t)  # "perjantaina" said on Friday evening: next Friday
            elif d == today and t_given is None and due <= now:
                due = at(d, LATE)  # "today" after 16:00: still today
            candidates.append(due)
    elif t_given is not None:
        due = at(today, t_given)
        if due <= now:
            due = at(_next_workday(today), t_given)
        candidates.append(due)
    return max(candidates)


# --------------------------------------------------------------------------- sentences and clauses

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"“])|\n+")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    # quoted lines of an e-mail thread ("> Soitan huomenna") are someone else's words
    return [(s, e) for s, e in spans if text[s:e].strip() and not text[s:e].lstrip().startswith(">")]


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


def find_commitments(text: str, *, now: datetime, lang: str | None = None) -> list[Commitment]:
    """Promises of an action in ``text`` with the moment each falls due (see the module doc)."""
    if not text or not text.strip():
        return []
    lang = (lang or "").lower()[:2]
    verb_res = {"fi": [_FI_VERB_RE], "en": [_EN_VERB_RE]}.get(lang, [_FI_VERB_RE, _EN_VERB_RE])
    out: list[Commitment] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        if _is_question(sentence):
            continue
        verbs = sorted({m.start() for rx in verb_res for m in rx.finditer(sentence)})
        # one clause per verb: "soitan tänään klo 15 ja lähetän tarjouksen perjantaina" -> two
        clauses: list[list[int]] = []  # [start, end] within the sentence
        for i, v_start in enumerate(verbs):
            c_end = verbs[i + 1] if i + 1 < len(verbs) else len(sentence)
            c_start = v_start
            if i == 0:  # time words before the first verb count from its comma-separated part
                comma = max(sentence.rfind(",", 0, v_start), sentence.rfind(";", 0, v_start))
                c_start = comma + 1 if comma >= 0 else 0
            clauses.append([c_start, c_end])
        # a clause without time words shares its neighbour's: "selvitän asian ja palaan perjantaina"
        whens = [_parse_when(sentence[s:e], now) for s, e in clauses]
        i = 0
        while len(clauses) > 1 and i < len(clauses):
            if not whens[i].found:
                j = i + 1 if i + 1 < len(clauses) else i - 1
                lo, hi = min(i, j), max(i, j)
                clauses[lo:hi + 1] = [[clauses[lo][0], clauses[hi][1]]]
                whens[lo:hi + 1] = [_parse_when(sentence[clauses[lo][0]:clauses[lo][1]], now)]
                i = 0
                continue
            i += 1
        for (c_start, c_end), when in zip(clauses, whens):
            clause = sentence[c_start:c_end]
            # tidy span: drop surrounding blanks, a trailing "ja"/"and" and punctuation
            tidy = re.sub(r"(?:[\s,;]|\b(?:ja|sekä|and|then)\b)*$", "", clause, flags=re.IGNORECASE)
            lead = len(tidy) - len(tidy.lstrip())
            tidy = tidy.strip()
            if not tidy:
                continue
            start = s_start + c_start + lead
            out.append(Commitment(text=tidy, due_at=_due(when, now), span=(start, start + len(tidy))))
    return out
