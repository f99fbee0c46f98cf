"""Reply copilot for customer-service agents: grounded drafts, live review, eval suite.

    from copilot import Copilot
    cp = Copilot()                      # embedded defaults, offline
    cp.index()                          # sample knowledge → local Chroma store
    cp.search("en saa pakettia ulos automaatista")
"""

import copilot._offline  # noqa: F401  (offline env defaults before any third-party import)
from copilot.api import Copilot, IndexReport
from copilot.case import Case, CustomerProfile, Message
from copilot.errors import (
    ConfigError,
    CopilotError,
    CopilotRuntimeError,
    DatasetError,
    EmbeddingMismatchError,
    KnowledgeError,
    ModelError,
    StoreBusyError,
    StoreError,
    UsageError,
)
from copilot.retrieval import SearchResult

__all__ = [
    "Case",
    "ConfigError",
    "Copilot",
    "CopilotError",
    "CopilotRuntimeError",
    "CustomerProfile",
    "DatasetError",
    "EmbeddingMismatchError",
    "IndexReport",
    "KnowledgeError",
    "Message",
    "ModelError",
    "SearchResult",
    "StoreBusyError",
    "StoreError",
    "UsageError",
]
