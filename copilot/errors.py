"""One error root. Every message says what was wrong and what to do.

- ``UsageError``: the integrator or user called us wrongly (bad argument, bad file).
- ``CopilotRuntimeError``: something failed at run time (store, model, lock).
"""

from __future__ import annotations


class CopilotError(Exception):
    """Root of every error this package raises on purpose."""


class UsageError(CopilotError):
    """Wrong input from the caller: fix the call, the file or the option."""


class ConfigError(UsageError):
    """A setting is missing or invalid."""


class KnowledgeError(UsageError):
    """The knowledge folder cannot be used (missing, empty, nothing valid)."""


class DatasetError(UsageError):
    """An eval or query dataset file is malformed."""


class CopilotRuntimeError(CopilotError):
    """A failure while running: store, model, lock."""


class StoreError(CopilotRuntimeError):
    """The vector store cannot be opened or used."""


class EmbeddingMismatchError(StoreError):
    """The store was built with another embedding model."""


class StoreBusyError(StoreError):
    """Another process holds the store's write lock."""


class ModelError(CopilotRuntimeError):
    """The language model call failed (after retries)."""


class NetworkBlockedError(ModelError):
    """A real model request was refused because tests are running."""


class JournalError(CopilotRuntimeError):
    """The reply journal cannot be read or written."""
