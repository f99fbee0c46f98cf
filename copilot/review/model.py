"""Result types shared by every check (see ARCHITECTURE.md, "copilot/review")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["penalty", "positive"]


@dataclass(frozen=True)
class Span:
    """Character offsets into the reply (``reply[start:end] == text``)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Reason:
    """One short human hint, in the reply's language, optionally pointing at a span."""

    message: str
    span: Span | None = None


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one check.

    ``score`` is 0..1 where 1 is best for every check (a penalty check's score is
    ``1 - severity``). ``passed`` is the check's own verdict.
    """

    name: str
    kind: Kind
    score: float
    passed: bool
    reasons: list[Reason] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)  # measured features, for reports/debugging

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Review:
    """All checks for one reply plus the overall 0-100 score."""

    score: float
    checks: dict[str, CheckResult]
    flags: list[str]
    lang: str

    @property
    def passed(self) -> bool:
        return not self.flags

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "lang": self.lang, "flags": list(self.flags),
                "checks": {name: c.to_dict() for name, c in self.checks.items()}}

    def reasons(self) -> list[tuple[str, Reason]]:
        """(check name, reason) for every failed check, penalty checks first."""
        out: list[tuple[str, Reason]] = []
        ordered = sorted(self.checks.values(), key=lambda c: (c.kind != "penalty", c.name))
        for c in ordered:
            if not c.passed:
                out.extend((c.name, r) for r in c.reasons)
        return out
