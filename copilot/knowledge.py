"""Reading a knowledge folder: one instruction per Markdown/.txt file, optional YAML front matter.

Front matter keys: ``id`` (default: path relative to the root, no suffix), ``title`` (default:
first heading), ``lang`` (detected when absent), ``audience`` (``agent`` = internal instruction,
``customer`` = public FAQ text), ``tags``, ``owner``, ``updated``. Files named README.* and
files or folders starting with ``.`` or ``_`` are skipped. A bad file becomes a one-line
``LoadIssue`` and never stops the good files from loading.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from copilot.errors import KnowledgeError
from copilot.language import detect_language

SUFFIXES = (".md", ".markdown", ".txt")
AUDIENCES = ("agent", "customer")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    text: str  # body without front matter
    lang: str
    audience: str
    source: str  # path relative to the knowledge root
    content_hash: str
    tags: tuple[str, ...] = ()
    owner: str | None = None
    updated: str | None = None


@dataclass(frozen=True)
class LoadIssue:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class LoadResult:
    root: Path
    documents: list[Document] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)


class _Skip(Exception):
    """A file-level problem: becomes a LoadIssue."""


def _knowledge_files(root: Path) -> list[Path]:
    files = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith((".", "_")) for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUFFIXES and not path.stem.lower().startswith("readme"):
            files.append(path)
    return files


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise _Skip("binary content (NUL bytes); save it as UTF-8 Markdown or text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Skip(f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8") from None
    return text.replace("\r\n", "\n")


def _front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    match = _FRONT.match(text)
    if not match:
        raise _Skip("front matter opened with '---' but never closed; add a closing '---' line")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise _Skip(f"broken YAML front matter{where}; fix the syntax (key: value per line)") from None
    if not isinstance(meta, dict):
        raise _Skip("front matter is not a set of 'key: value' lines")
    return meta, text[match.end():]


def _tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)):
        raise _Skip("tags must be a list like [billing, sms] or a comma-separated string")
    return tuple(str(t).strip().lower() for t in value if str(t).strip())


def _document(root: Path, path: Path) -> Document:
    raw = path.read_bytes()
    text = _decode(raw)
    meta, body = _front_matter(text)
    body = body.strip()
    if not body:
        raise _Skip("empty body: the file has no instruction text")
    rel = path.relative_to(root).as_posix()
    doc_id = str(meta.get("id") or rel.rsplit(".", 1)[0]).strip()
    heading = _HEADING.search(body)
    title = str(meta.get("title") or (heading.group(1) if heading else path.stem.replace("-", " "))).strip()
    audience = str(meta.get("audience") or "agent").strip().lower()
    if audience not in AUDIENCES:
        raise _Skip(f"audience {audience!r} is not 'agent' or 'customer'")
    lang = str(meta.get("lang") or detect_language(f"{title}\n{body}")).strip().lower()
    updated = meta.get("updated")
    return Document(
        id=doc_id,
        title=title,
        text=body,
        lang=lang,
        audience=audience,
        source=rel,
        content_hash=hashlib.sha256(raw).hexdigest(),
        tags=_tags(meta.get("tags")),
        owner=str(meta["owner"]) if meta.get("owner") else None,
        updated=str(updated) if updated else None,
    )


def load_knowledge(root: Path | str) -> LoadResult:
    """Load every instruction under ``root``; bad files become issues, good files still load."""
    root = Path(root).expanduser()
    if not root.exists():
        raise KnowledgeError(f"knowledge dir {root} does not exist; pass the folder of .md/.txt instructions")
    if not root.is_dir():
        raise KnowledgeError(f"{root} is a file, not a folder; pass the folder that holds the instructions")
    files = _knowledge_files(root)
    if not files:
        raise KnowledgeError(f"knowledge dir {root} has no .md or .txt files; add one instruction per file")
    result = LoadResult(root=root)
    by_id: dict[str, str] = {}
    for path in files:
        rel = path.relative_to(root).as_posix()
        try:
            doc = _document(root, path)
        except _Skip as exc:
            result.issues.append(LoadIssue(rel, str(exc)))
            continue
        except OSError as exc:
            result.issues.append(LoadIssue(rel, f"cannot read ({exc.strerror}); check permissions"))
            continue
        if doc.id in by_id:
            result.issues.append(
                LoadIssue(rel, f"duplicate id {doc.id!r} (already used by {by_id[doc.id]}); give it a unique id")
            )
            continue
        by_id[doc.id] = rel
        result.documents.append(doc)
    return result
