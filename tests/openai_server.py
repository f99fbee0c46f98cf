"""A small OpenAI-compatible HTTP server for tests (stdlib only, loopback only).

Endpoints: ``POST /v1/chat/completions`` (JSON or SSE stream) and ``POST /v1/embeddings``
(deterministic vectors from a hash of the text). Behaviour is scripted with a queue::

    with start_server() as srv:
        srv.enqueue(status(429, retry_after="0"), ok("Hei!"))
        model = LiteLLMModel("openai/test-model", api_base=srv.base_url, api_key="test")

When the queue is empty the server's ``default`` behaviour answers. Every request body is
recorded in ``srv.requests``; ``srv.max_in_flight`` measures concurrency.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

MAX_DELAY = 2.0
Text = str | Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class Behaviour:
    """One scripted answer: ``kind`` is ok | status | malformed; ``delay`` waits first."""

    kind: str
    text: Text = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def ok(text: Text = "Hello from the test server.") -> Behaviour:
    """A normal answer; ``text`` may be a function of the request body."""
    return Behaviour("ok", text=text)


def status(code: int, *, retry_after: str | None = None, message: str = "scripted error") -> Behaviour:
    """An HTTP error with an OpenAI-style error body (and Retry-After if given)."""
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return Behaviour("status", text=message, status=code, headers=headers)


def delay(seconds: float, then: Behaviour | None = None) -> Behaviour:
    """Wait (at most 2 s, cut short at shutdown), then answer like ``then``."""
    base = then or ok()
    return Behaviour(base.kind, base.text, base.status, base.headers, min(seconds, MAX_DELAY))


def malformed() -> Behaviour:
    """HTTP 200 with a body that is not JSON."""
    return Behaviour("malformed")


def embedding_vector(text: str, dim: int) -> list[float]:
    """Deterministic unit vector derived from sha256 of the text."""
    raw = b""
    counter = 0
    while len(raw) < dim * 4:
        raw += hashlib.sha256(f"{counter}:{text}".encode()).digest()
        counter += 1
    ints = struct.unpack(f"<{dim}I", raw[: dim * 4])
    vec = [i / 0xFFFFFFFF * 2.0 - 1.0 for i in ints]
    norm = sum(v * v for v in vec) ** 0.5 or 1.0
    return [v / norm for v in vec]


@dataclass
class RecordedRequest:
    path: str
    body: Any
    headers: dict[str, str]


class OpenAITestServer:
    """Threaded server state: queue, recordings, in-flight counter, shutdown event."""

    def __init__(self, *, embedding_dim: int = 16, latency: float = 0.0) -> None:
        self.embedding_dim = embedding_dim
        self.latency = min(latency, MAX_DELAY)
        self.chunk_gap = 0.0  # seconds between streamed chunks (a model that types, for benchmarks)
        self.default: Behaviour = ok()
        self.requests: list[RecordedRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._queue: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """The api_base to give litellm: ``http://127.0.0.1:PORT/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r.body for r in self.requests if r.path.endswith("/chat/completions")]

    def enqueue(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self._queue.extend(behaviours)

    def next_behaviour(self) -> Behaviour:
        with self._lock:
            return self._queue.popleft() if self._queue else self.default

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def start(self) -> "OpenAITestServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release any delayed handler, stop serving, close the socket."""
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def _chat_body(model: str, text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": max(1, len(text.split())), "total_tokens": 2},
    }


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _pieces(text: str) -> Iterator[str]:
    """Split text into word-sized pieces that join back to the original."""
    words = text.split(" ")
    for i, word in enumerate(words):
        yield word if i == len(words) - 1 else word + " "


def _make_handler(server: OpenAITestServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence stderr
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server naming
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw or b"{}")
            except json.JSONDecodeError:
                body = raw.decode("utf-8", "replace")
            server.record(RecordedRequest(self.path, body, dict(self.headers)))
            server.enter()
            try:
                self._dispatch(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)
            finally:
                server.leave()

        def _dispatch(self, body: Any) -> None:
            if self.path.rstrip("/").endswith("/chat/completions"):
                self._chat(body if isinstance(body, dict) else {})
            elif self.path.rstrip("/").endswith("/embeddings"):
                self._embeddings(body if isinstance(body, dict) else {})
            else:
                self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

        def _chat(self, body: dict[str, Any]) -> None:
            behaviour = server.next_behaviour()
            wait = behaviour.delay + server.latency
            if wait:
                server.stopping.wait(wait)
            if behaviour.kind == "status":
                error = {"error": {"message": behaviour.text, "type": "server_error", "code": str(behaviour.status)}}
                self._send_json(behaviour.status, error, behaviour.headers)
            elif behaviour.kind == "malformed":
                self._send_raw(200, b'{"id": "chatcmpl-test", "choices": [ not json', "application/json")
            else:
                text = behaviour.text(body) if callable(behaviour.text) else behaviour.text
                model = str(body.get("model", "test-model"))
                if body.get("stream"):
                    self._stream(model, text)
                else:
                    self._send_json(200, _chat_body(model, text))

        def _stream(self, model: str, text: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            events = [_chunk(model, {"role": "assistant", "content": ""})]
            events += [_chunk(model, {"content": piece}) for piece in _pieces(text)]
            events.append(_chunk(model, {}, "stop"))
            for i, event in enumerate(events):
                if i > 1 and server.chunk_gap:
                    server.stopping.wait(min(server.chunk_gap, MAX_DELAY))
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

        def _embeddings(self, body: dict[str, Any]) -> None:
            inputs = body.get("input", [])
            texts = [inputs] if isinstance(inputs, str) else [str(i) for i in inputs]
            dim = int(body.get("dimensions") or server.embedding_dim)
            as_base64 = body.get("encoding_format") == "base64"
            data = []
            for index, text in enumerate(texts):
                vector: Any = embedding_vector(text, dim)
                if as_base64:
                    vector = base64.b64encode(struct.pack(f"<{dim}f", *vector)).decode()
                data.append({"object": "embedding", "index": index, "embedding": vector})
            tokens = sum(len(t.split()) for t in texts)
            payload = {
                "object": "list",
                "data": data,
                "model": body.get("model", "test-embedding"),
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            }
            self._send_json(200, payload)

        def _send_json(self, code: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            self._send_raw(code, json.dumps(payload).encode(), "application/json", headers)

        def _send_raw(self, code: int, data: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()

    return Handler


@contextmanager
def start_server(*, embedding_dim: int = 16, latency: float = 0.0) -> Iterator[OpenAITestServer]:
    """Run a test server on 127.0.0.1:<free port> for the duration of the block."""
    server = OpenAITestServer(embedding_dim=embedding_dim, latency=latency).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def openai_server() -> Iterator[OpenAITestServer]:
    """A fresh server per test (import this fixture into the test module)."""
    with start_server() as server:
        yield server
