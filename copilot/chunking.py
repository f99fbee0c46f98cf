"""Heading-aware, token-sized chunks (langchain-text-splitters, lengths counted by tiktoken)."""

from __future__ import annotations

from dataclasses import dataclass

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from copilot.knowledge import Document
from copilot.tokens import count_tokens

CHUNK_TOKENS = 256
OVERLAP_TOKENS = 32
_HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]


@dataclass(frozen=True)
class Chunk:
    id: str  # "<doc id>::<n>"
    doc_id: str
    index: int
    text: str  # what is shown (section text)
    embed_text: str  # what is embedded and searched: title + heading path + text
    section: str = ""  # heading path inside the document ("" before the first sub-heading)


_header_splitter = MarkdownHeaderTextSplitter(headers_to_split_on=_HEADERS, strip_headers=True)
_token_splitter = RecursiveCharacterTextSplitter(
    chunk_size=CHUNK_TOKENS,
    chunk_overlap=OVERLAP_TOKENS,
    length_function=count_tokens,
    separators=["\n\n", "\n", ". ", " ", ""],
)


def chunk_document(doc: Document) -> list[Chunk]:
    sections = _header_splitter.split_text(doc.text) or []
    chunks: list[Chunk] = []
    for section in sections:
        path = [section.metadata[key] for _, key in _HEADERS if section.metadata.get(key)]
        for piece in _token_splitter.split_text(section.page_content):
            piece = piece.strip()
            if not piece:
                continue
            heading = " > ".join(h for h in path if h != doc.title)
            prefix = doc.title + (f" — {heading}" if heading else "")
            n = len(chunks)
            chunks.append(Chunk(f"{doc.id}::{n}", doc.id, n, piece, f"{prefix}\n{piece}", heading))
    if not chunks:  # headings only, or text the header splitter dropped
        chunks.append(Chunk(f"{doc.id}::0", doc.id, 0, doc.text, f"{doc.title}\n{doc.text}"))
    return chunks
