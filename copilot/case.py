"""A customer case: the latest message plus everything the agent knows around it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from copilot.errors import UsageError

Role = Literal["customer", "agent", "system"]
Channel = Literal["chat", "email", "phone", "sms", "web"]
ROLES: tuple[str, ...] = ("customer", "agent", "system")
CHANNELS: tuple[str, ...] = ("chat", "email", "phone", "sms", "web")


@dataclass(frozen=True)
class Message:
    """One earlier contact in any channel."""

    role: Role
    text: str
    at: datetime | None = None
    channel: Channel | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Message":
        role = str(data.get("role", "customer")).lower()
        if role not in ROLES:
            raise UsageError(f"history role {role!r} is not one of {ROLES}; use 'customer' or 'agent'")
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise UsageError("each history entry needs a non-empty 'text'")
        at = data.get("at") or data.get("timestamp")
        when = None
        if at:
            try:
                when = datetime.fromisoformat(str(at))
            except ValueError:
                raise UsageError(f"history timestamp {at!r} is not ISO 8601 (e.g. 2026-11-20T14:05)") from None
        channel = data.get("channel")
        if channel is not None and channel not in CHANNELS:
            raise UsageError(f"channel {channel!r} is not one of {CHANNELS}")
        return cls(role=role, text=text, at=when, channel=channel)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "text": self.text,
                "at": self.at.isoformat() if self.at else None, "channel": self.channel}


@dataclass(frozen=True)
class CustomerProfile:
    name: str | None = None
    customer_since: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Case:
    """Everything the copilot reads for one reply."""

    message: str
    history: tuple[Message, ...] = ()
    channel: Channel = "chat"
    customer: CustomerProfile = field(default_factory=CustomerProfile)
    agent_name: str | None = None
    brand: str | None = None
    lang: str | None = None  # forced reply language; detected when None
    now: datetime | None = None  # "current time" for follow-up promises; real clock when None

    def __post_init__(self) -> None:
        if not isinstance(self.message, str) or not self.message.strip():
            raise UsageError("the case needs the customer's latest message (got an empty text)")
        if self.channel not in CHANNELS:
            raise UsageError(f"channel {self.channel!r} is not one of {CHANNELS}")

    @classmethod
    def coerce(cls, value: "Case | str") -> "Case":
        if isinstance(value, Case):
            return value
        if isinstance(value, str):
            return cls(message=value)
        raise UsageError(f"expected a Case or the message text, got {type(value).__name__}")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Case":
        message = data.get("customer_message") or data.get("message") or ""
        history = tuple(Message.from_dict(m) for m in data.get("history") or [])
        profile = data.get("customer") or {}
        if isinstance(profile, str):
            profile = {"name": profile}
        return cls(
            message=message,
            history=history,
            channel=data.get("channel") or "chat",
            customer=CustomerProfile(**{k: profile.get(k) for k in ("name", "customer_since", "notes")}),
            agent_name=data.get("agent_name"),
            brand=data.get("brand"),
            lang=data.get("lang"),
        )

    def all_customer_text(self) -> str:
        """The latest message and every earlier customer turn, newest last."""
        parts = [m.text for m in self.history if m.role == "customer"]
        parts.append(self.message)
        return "\n".join(parts)
