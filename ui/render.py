"""Safe HTML fragments for the panel (pure, no Streamlit).

Every piece of user, customer or model text goes through ``html.escape`` before it is wrapped in
markup; callers pass the result to ``st.html`` (which also sanitises with DOMPurify).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

_BOX = ("white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere;font-size:0.95rem;"
        "line-height:1.5;padding:0.6rem 0.75rem;border:1px solid rgba(49,51,63,0.2);border-radius:0.5rem;")
_MARK = "background:#ffe08a;border-bottom:2px solid #e0a800;padding:0 1px;border-radius:2px;"
_MARK_BAD = "background:#ffd3d3;border-bottom:2px solid #d33;padding:0 1px;border-radius:2px;"


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


_MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:=&\"'%^@;,/?")


def md_escape(text: object) -> str:
    """Text for st.markdown/st.caption with every Markdown (and Streamlit directive) character escaped."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in ("" if text is None else str(text)))


def list_html(lines: Iterable[str]) -> str:
    items = "".join(f'<li style="margin:0.1rem 0">{esc(line)}</li>' for line in lines)
    return f'<ul style="margin:0 0 0 1.1rem;padding:0;font-size:0.9rem">{items}</ul>'


def text_html(text: str, *, box: bool = True, muted: bool = False) -> str:
    """Plain text as escaped HTML with line breaks kept."""
    style = (_BOX if box else "white-space:pre-wrap;overflow-wrap:anywhere;")
    if muted:
        style += "color:rgba(49,51,63,0.75);"
    return f'<div style="{style}">{esc(text)}</div>'


def locate(text: str, start: int, end: int, snippet: str | None) -> tuple[int, int] | None:
    """A span's offsets checked against ``text``; re-found by its snippet when the offsets are stale."""
    n = len(text)
    if 0 <= start < end <= n and (not snippet or text[start:end] == snippet):
        return start, end
    if snippet:
        i = text.find(snippet)
        if i >= 0:
            return i, i + len(snippet)
    return None


def highlight_html(text: str, marks: Iterable[tuple[int, int, str, bool]], *, only_marked: bool = False) -> str:
    """``text`` with ``<mark>``s over the given ranges: (start, end, hint, severe).

    Overlapping ranges are merged per segment; the hints become the ``title`` tooltip. All text is
    escaped; nothing from ``text`` or a hint can become markup. ``only_marked``: show just the
    paragraphs that hold a mark, "…" between them (compact for a narrow panel).
    """
    n = len(text)
    clean = [(max(0, s), min(n, e), hint, severe) for s, e, hint, severe in marks if max(0, s) < min(n, e)]
    if not only_marked or not clean:
        return f'<div style="{_BOX}">{_marked(text, 0, n, clean)}</div>'
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    paragraphs = [(a, len(text[:b].rstrip())) for a, b in paragraphs]
    keep = [(a, b) for a, b in paragraphs if any(s < b and a < e for s, e, _, _ in clean)]
    gap = '<div style="opacity:0.5;margin:0.2rem 0">…</div>'
    body = gap.join(f"<div>{_marked(text, a, b, clean)}</div>" for a, b in keep)
    if keep and keep[0] != paragraphs[0]:
        body = gap + body
    if keep and keep[-1] != paragraphs[-1]:
        body += gap
    return f'<div style="{_BOX}">{body}</div>'


def _marked(text: str, lo: int, hi: int, clean: list[tuple[int, int, str, bool]]) -> str:
    inside = [(max(s, lo), min(e, hi), h, v) for s, e, h, v in clean if max(s, lo) < min(e, hi)]
    cuts = sorted({lo, hi, *(s for s, _, _, _ in inside), *(e for _, e, _, _ in inside)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        seg = text[a:b]
        covering = [(hint, severe) for s, e, hint, severe in inside if s <= a and b <= e]
        if covering:
            hints = list(dict.fromkeys(h for h, _ in covering if h))
            style = _MARK_BAD if any(sev for _, sev in covering) else _MARK
            out.append(f'<mark style="{style}" title="{esc(" · ".join(hints))}">{esc(seg)}</mark>')
        else:
            out.append(esc(seg))
    return "".join(out)


def chips_html(items: Sequence[tuple[str, str]]) -> str:
    """Small label:value chips (detected specifics)."""
    chip = ("display:inline-block;margin:0 0.3rem 0.3rem 0;padding:0.1rem 0.5rem;border-radius:1rem;"
            "background:rgba(28,131,225,0.1);font-size:0.85rem;")
    parts = [f'<span style="{chip}"><b>{esc(k)}</b> {esc(v)}</span>' for k, v in items]
    return f'<div style="line-height:1.9">{"".join(parts)}</div>'


def timeline_html(rows: Sequence[tuple[str, str, str]]) -> str:
    """Timeline rows: (when, who, text) — newest first."""
    row = "padding:0.35rem 0;border-bottom:1px solid rgba(49,51,63,0.1);font-size:0.9rem;"
    meta = "color:rgba(49,51,63,0.65);font-size:0.8rem;"
    parts = [f'<div style="{row}"><div style="{meta}">{esc(when)} · {esc(who)}</div>'
             f'<div style="white-space:pre-wrap;overflow-wrap:anywhere;">{esc(text)}</div></div>'
             for when, who, text in rows]
    return f'<div>{"".join(parts)}</div>'


def shorten(text: str, limit: int = 160) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"


_FI_DAYS = ["ma", "ti", "ke", "to", "pe", "la", "su"]
_EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def format_when(when: datetime | None, lang: str = "fi", now: datetime | None = None) -> str:
    """A due time or timestamp in local time: "huomenna klo 12.00" / "tomorrow 12:00" / "ti 24.11. klo 9.30"."""
    if when is None:
        return "–"
    local = when.astimezone() if when.tzinfo else when
    now = now or datetime.now()
    now_local = now.astimezone() if now.tzinfo else now
    day_delta = (local.date() - now_local.date()).days
    if lang == "fi":
        clock = f"klo {local.hour}.{local.minute:02d}"
        named = {0: "tänään", 1: "huomenna", -1: "eilen"}.get(day_delta)
        if named:
            return f"{named} {clock}"
        year = f"{local.year}" if local.year != now_local.year else ""
        return f"{_FI_DAYS[local.weekday()]} {local.day}.{local.month}.{year} {clock}"
    clock = f"{local.hour:02d}:{local.minute:02d}"
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(day_delta)
    if named:
        return f"{named} {clock}"
    year = f" {local.year}" if local.year != now_local.year else ""
    return f"{_EN_DAYS[local.weekday()]} {local.day} {_EN_MONTHS[local.month - 1]}{year} {clock}"


def score_color(score: float) -> str:
    return "#1a7f37" if score >= 80 else ("#b7791f" if score >= 60 else "#cf222e")


def score_html(score: float, label: str) -> str:
    """The overall score as a labelled bar, green / amber / red."""
    pct = max(0.0, min(100.0, float(score)))
    color = score_color(pct)
    return (f'<div style="font-size:0.92rem;margin:0.1rem 0 0.2rem"><b style="color:{color}">{esc(label)}</b>'
            f'<div style="height:0.45rem;border-radius:0.25rem;background:rgba(49,51,63,0.1);margin-top:0.3rem">'
            f'<div style="width:{pct:.0f}%;height:100%;border-radius:0.25rem;background:{color}"></div></div></div>')


def _badge(ok: bool) -> str:
    color, sym = ("#1a7f37", "✓") if ok else ("#cf222e", "✗")
    return (f'<span style="display:inline-block;width:1.1em;color:{color};font-weight:700" '
            f'aria-label="{"ok" if ok else "fail"}">{sym}</span>')


def checks_html(failed: Sequence[tuple[str, int, Sequence[str]]], passed: Sequence[tuple[str, int]],
                *, passed_title: str, all_passed: str) -> str:
    """The review's checks: failed ones open with a one-line hint per reason, passed ones folded."""
    pct = 'style="opacity:0.65;font-size:0.85em"'
    items = []
    for label, score, hints in failed:
        lines = "".join(f'<div style="font-size:0.86rem;margin:0.05rem 0 0 1.1em;line-height:1.35">{esc(h)}</div>'
                        for h in hints)
        items.append(f'<div style="margin:0.3rem 0">{_badge(False)}<b>{esc(label)}</b> <span {pct}>{score}%</span>'
                     f'{lines}</div>')
    if not failed:
        items.append(f'<div style="margin:0.3rem 0">{_badge(True)}{esc(all_passed)}</div>')
    if passed:
        rows = "".join(f'<div style="margin:0.1rem 0">{_badge(True)}{esc(label)} <span {pct}>{score}%</span></div>'
                       for label, score in passed)
        items.append(f'<details style="margin-top:0.35rem"><summary style="cursor:pointer;font-size:0.9rem">'
                     f'{esc(passed_title)}</summary>{rows}</details>')
    return f'<div style="font-size:0.92rem">{"".join(items)}</div>'


PANEL_CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.75rem; padding-bottom: 3rem; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.85rem; padding-right: 0.85rem; padding-top: 2.5rem; }
}
</style>"""
