"""Turning what the agent types into ``Message``s, and back (pure, no Streamlit)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from copilot import Message

# "asiakas: …", "Agentti - …", "customer: …", "Me: …" (prefix, then ":" / "-" / ">")
_ROLE_WORDS = {
    "customer": "customer", "asiakas": "customer", "client": "customer", "kund": "customer",
    "agent": "agent", "agentti": "agent", "asiakaspalvelu": "agent", "me": "agent", "minä": "agent",
    "support": "agent", "cs": "agent", "kundtjänst": "agent",
}
_TURN = re.compile(r"^\s*(?P<role>[^\W\d_]+)\s*[:>\-–]\s?(?P<text>.*)$")
_OUT = {"fi": {"customer": "asiakas", "agent": "agentti", "system": "järjestelmä"},
        "en": {"customer": "customer", "agent": "agent", "system": "system"}}


def parse_history(text: str | None) -> list[Message]:
    """One turn per line: ``asiakas: …`` / ``agentti: …`` (or ``customer:`` / ``agent:``).

    A line without a role prefix continues the previous turn; the first turn without a prefix is
    the customer's. Blank lines are skipped.
    """
    turns: list[tuple[str, list[str]]] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        m = _TURN.match(line)
        role = _ROLE_WORDS.get(m.group("role").casefold()) if m else None
        if role and m and m.group("text").strip():
            turns.append((role, [m.group("text").strip()]))
        elif turns:
            turns[-1][1].append(line)
        else:
            turns.append(("customer", [line]))
    return [Message(role=role, text="\n".join(lines)) for role, lines in turns]  # type: ignore[arg-type]


def format_history(history: Iterable[Message | Mapping[str, Any]], lang: str = "fi") -> str:
    """The inverse of ``parse_history`` (for reopening a case from the journal)."""
    names = _OUT.get(lang, _OUT["en"])
    lines = []
    for m in history:
        role = m.get("role") if isinstance(m, Mapping) else m.role
        text = m.get("text") if isinstance(m, Mapping) else m.text
        if text:
            lines.append(f"{names.get(str(role), str(role))}: {' '.join(str(text).split())}")
    return "\n".join(lines)


_SIGNOFF = re.compile(
    r"^\s*(ystävällisin terveisin|ystävällisesti|terveisin|parhain terveisin|yst\.?\s*terv|"
    r"kiitos ja hyvää|hyvää (päivän|päivää|jatkoa|viikonloppua)|mukavaa päivän|"
    r"best regards|kind regards|regards|best wishes|many thanks|thank you|thanks|sincerely|"
    r"have a (nice|good|great))",
    re.IGNORECASE,
)


def insert_sentence(reply: str, sentence: str) -> str:
    """Put ``sentence`` as its own paragraph before the sign-off (or at the end when there is none)."""
    sentence = sentence.strip()
    if not sentence:
        return reply
    body = reply.rstrip()
    if not body:
        return sentence
    paragraphs = re.split(r"\n\s*\n", body)
    for i in range(len(paragraphs) - 1, max(len(paragraphs) - 3, 0), -1):
        if _SIGNOFF.match(paragraphs[i]):
            return "\n\n".join(paragraphs[:i] + [sentence] + paragraphs[i:])
    # a sign-off glued to the last paragraph ("...\nTerveisin\nAnna")
    lines = body.splitlines()
    for j in range(len(lines) - 1, max(len(lines) - 4, 0), -1):
        if _SIGNOFF.match(lines[j]):
            return "\n".join(lines[:j]).rstrip() + "\n\n" + sentence + "\n\n" + "\n".join(lines[j:])
    return body + "\n\n" + sentence
