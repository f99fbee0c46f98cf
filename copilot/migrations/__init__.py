"""Numbered schema migrations of the reply journal.

Each module ``NNNN_name.py`` here has ``VERSION: int`` (== NNNN) and ``upgrade(conn)`` taking a
SQLAlchemy ``Connection`` inside an open transaction. Migrations are frozen once released: change
the schema by adding the next number, never by editing an old file. They must work on SQLite and
PostgreSQL (use SQLAlchemy Core constructs, not dialect-specific SQL).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

_NAME = re.compile(r"^(\d{4})_\w+$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable


def discover() -> list[Migration]:
    """All migrations of this package, in version order; checks numbering is gapless and unique."""
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        m = _NAME.match(info.name)
        if not m:
            continue
        module: ModuleType = importlib.import_module(f"{__name__}.{info.name}")
        version = getattr(module, "VERSION", None)
        if version != int(m.group(1)) or not callable(getattr(module, "upgrade", None)):
            raise RuntimeError(f"migration {info.name}: VERSION must be {int(m.group(1))} and upgrade(conn) defined")
        found.append(Migration(version, info.name, module.upgrade))
    found.sort(key=lambda mig: mig.version)
    expected = list(range(1, len(found) + 1))
    if [mig.version for mig in found] != expected:
        raise RuntimeError(f"journal migrations must be numbered 1..n without gaps, got {[m.version for m in found]}")
    return found
