"""One provider interface for chat models: ``ChatModel``, ``LiteLLMModel``, ``FakeModel``.

``get_model("fake")`` gives a scripted model for tests and demos; any other id goes to litellm.
Under tests (``COPILOT_UNDER_TEST=1``) a real request to a non-loopback api_base is refused with
``NetworkBlockedError`` before anything is sent.
"""

from __future__ import annotations

import copilot._offline  # noqa: F401  (must run before litellm is imported)

import email.utils
import ipaddress
import json
import os
import random
import re
import time
from collections.abc import Callable, Iterator
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

from copilot.errors import ConfigError, ModelError, NetworkBlockedError


def _litellm() -> Any:
    """litellm, imported on first use: it costs ~120 MB, and the offline path never needs it."""
    import litellm

    litellm.suppress_debug_info = True  # no "Give Feedback / Get Help" banners on errors
    return litellm

Messages = list[dict[str, Any]]
RETRY_AFTER_CAP = 10.0
MIN_ATTEMPT_SECONDS = 0.05


@runtime_checkable
class ChatModel(Protocol):
    """What the drafting pipeline and the judge need from a model."""

    model_id: str

    def complete(self, messages: Messages, *, timeout: float | None = None) -> str: ...

    def stream(self, messages: Messages, *, timeout: float | None = None) -> Iterator[str]: ...


# --------------------------------------------------------------------------- guard / locality


def is_fake(model_id: str) -> bool:
    return model_id == "fake" or model_id.startswith("fake/")


def is_loopback(api_base: str | None) -> bool:
    """True when api_base points at this machine (127.0.0.0/8, ::1, localhost)."""
    if not api_base:
        return False
    host = urlsplit(api_base if "//" in api_base else f"//{api_base}").hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_remote(model_id: str, api_base: str | None) -> bool:
    """Whether text sent to this model leaves the machine (decides default PII masking)."""
    return not (is_fake(model_id) or is_loopback(api_base))


def under_test() -> bool:
    return os.environ.get("COPILOT_UNDER_TEST") == "1"


def ensure_allowed(model_id: str, api_base: str | None) -> None:
    """The single test guard: under tests only loopback requests may be made."""
    if under_test() and not is_loopback(api_base):
        where = api_base or "the provider's default endpoint"
        raise NetworkBlockedError(
            f"model {model_id!r}: refused request to {where} because COPILOT_UNDER_TEST=1; "
            "use the fake model, a loopback api_base (tests/openai_server.py) or mock_response="
        )


# --------------------------------------------------------------------------- fake model


class FakeModel:
    """Scripted model: replies in order (last one repeats), records every call's messages."""

    DEFAULT_REPLY = "Thank you for your message. We are looking into this and will get back to you."

    def __init__(
        self,
        replies: list[str] | Callable[[Messages], str] | None = None,
        model_id: str = "fake",
        *,
        fail_with: Exception | None = None,
    ) -> None:
        self.model_id = model_id
        self.replies = replies
        self.fail_with = fail_with
        self.calls: list[Messages] = []

    def _next(self, messages: Messages) -> str:
        self.calls.append([dict(m) for m in messages])
        if self.fail_with is not None:
            raise self.fail_with
        if callable(self.replies):
            return self.replies(messages)
        if not self.replies:
            return self.DEFAULT_REPLY
        index = min(len(self.calls) - 1, len(self.replies) - 1)
        return self.replies[index]

    def complete(self, messages: Messages, *, timeout: float | None = None) -> str:
        return self._next(messages)

    def stream(self, messages: Messages, *, timeout: float | None = None) -> Iterator[str]:
        text = self._next(messages)
        return iter(re.findall(r"\S+\s*|\s+", text))


# --------------------------------------------------------------------------- litellm model


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes/contexts (bounded)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(seen) < 20:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _status(exc: BaseException) -> int | None:
    code = getattr(exc, "status_code", None)
    return code if isinstance(code, int) else None


def _is_malformed(exc: BaseException) -> bool:
    return any(isinstance(e, json.JSONDecodeError) for e in _chain(exc))


def _is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, _litellm().Timeout) or any(type(e).__name__.endswith("TimeoutError") for e in _chain(exc))


def _is_connection(exc: BaseException) -> bool:
    if isinstance(exc, _litellm().APIConnectionError):
        return True
    return any(type(e).__name__ in {"ConnectError", "ConnectionError", "APIConnectionError"} for e in _chain(exc)) or (
        "Connection error" in str(exc)
    )


def _is_retryable(exc: BaseException) -> bool:
    """429, 5xx and connection failures are worth another try; 4xx and bad bodies are not."""
    if _is_malformed(exc) or _is_timeout(exc):
        return False
    code = _status(exc)
    return _is_connection(exc) or code == 429 or (code is not None and code >= 500)


def _retry_after(exc: BaseException) -> float | None:
    """Seconds from a Retry-After header (number or HTTP date), if the error carries one."""
    for source in (getattr(exc, "litellm_response_headers", None), getattr(getattr(exc, "response", None), "headers", None)):
        value = source.get("retry-after") if source is not None else None
        if value:
            return _parse_retry_after(str(value))
    return None


def _parse_retry_after(value: str) -> float | None:
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class LiteLLMModel:
    """A chat model reached through litellm, with our own bounded retries.

    ``timeout`` is the whole budget of one ``complete()`` call, retries included. For ``stream()``
    it bounds the time to the first piece and each wait between pieces.
    """

    def __init__(
        self,
        model_id: str,
        api_base: str | None = None,
        api_key: str | None = None,
        timeout: float = 20.0,
        max_retries: int = 2,
        *,
        backoff_base: float = 0.5,
        retry_after_cap: float = RETRY_AFTER_CAP,
        **extra: Any,
    ) -> None:
        if not model_id or not model_id.strip():
            raise ConfigError("model id is empty: pass a litellm model id like 'openai/gpt-4o-mini' or 'fake'")
        if timeout <= 0:
            raise ConfigError(f"timeout must be > 0 seconds, got {timeout!r}")
        self.model_id = model_id
        self.api_base = api_base
        self.api_key = api_key
        self.timeout = float(timeout)
        self.max_retries = max(0, int(max_retries))
        self.backoff_base = backoff_base
        self.retry_after_cap = retry_after_cap
        self.extra = extra
        self.sleep: Callable[[float], None] = time.sleep  # replaceable in tests
        _litellm()  # pay the import (~1 s) here, not inside the first call's timeout budget

    # -- public API

    def complete(self, messages: Messages, *, timeout: float | None = None) -> str:
        """The reply text; raises ModelError after retries or when the budget runs out."""
        return self._with_retries(lambda remaining: self._complete_once(messages, remaining), timeout)

    def stream(self, messages: Messages, *, timeout: float | None = None) -> Iterator[str]:
        """Text pieces as they arrive. The request is made (and retried) here, up to the first
        piece, so connection and status errors raise before iteration starts."""
        first = self._with_retries(lambda remaining: self._open_stream(messages, remaining), timeout)
        return self._iter_stream(first)

    # -- one attempt

    def _request(self, messages: Messages, remaining: float, stream: bool) -> Any:
        if "mock_response" not in self.extra:
            ensure_allowed(self.model_id, self.api_base)
        kwargs: dict[str, Any] = {
            **self.extra,
            "model": self.model_id,
            "messages": messages,
            "timeout": remaining,
            "stream": stream,
            "num_retries": 0,
            "max_retries": 0,
        }
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        return _litellm().completion(**kwargs)

    def _complete_once(self, messages: Messages, remaining: float) -> str:
        response = self._request(messages, remaining, stream=False)
        try:
            content = response.choices[0].message.content
        except (AttributeError, IndexError, KeyError, TypeError):
            raise self._error("returned a response without choices[0].message.content", "check the model id and api_base") from None
        if not isinstance(content, str) or not content.strip():
            raise self._error("returned an empty reply", "check the model id and that it supports chat completions")
        return content

    def _open_stream(self, messages: Messages, remaining: float) -> Iterator[str]:
        """Open the stream and read up to the first non-empty piece (so errors here are retried)."""
        pieces = self._pieces(self._request(messages, remaining, stream=True))
        for piece in pieces:
            return _prepend(piece, pieces)
        raise self._error("returned an empty stream", "check the model id and that it supports streaming")

    @staticmethod
    def _pieces(response: Any) -> Iterator[str]:
        for chunk in response:
            try:
                piece = chunk.choices[0].delta.content
            except (AttributeError, IndexError, KeyError, TypeError):
                continue
            if piece:
                yield piece

    def _iter_stream(self, pieces: Iterator[str]) -> Iterator[str]:
        try:
            yield from pieces
        except ModelError:
            raise
        except Exception as exc:  # noqa: BLE001 - everything becomes ModelError
            raise self._translate(exc, stage="while streaming") from exc

    # -- retry loop

    def _budget(self, timeout: float | None) -> float:
        return float(timeout) if timeout is not None and timeout > 0 else self.timeout

    def _with_retries(self, attempt: Callable[[float], Any], timeout: float | None) -> Any:
        budget = self._budget(timeout)
        deadline = time.monotonic() + budget
        tries = 0
        while True:
            remaining = deadline - time.monotonic()
            try:
                return attempt(remaining)
            except ModelError:
                raise
            except Exception as exc:  # noqa: BLE001 - everything becomes ModelError
                error = exc
            if not _is_retryable(error) or tries >= self.max_retries:
                raise self._translate(error, tries=tries, budget=budget) from error
            wait = self._backoff(tries, _retry_after(error))
            if time.monotonic() + wait + MIN_ATTEMPT_SECONDS >= deadline:
                raise self._translate(error, tries=tries, budget=budget, out_of_time=True) from error
            self.sleep(wait)
            tries += 1

    def _backoff(self, tries: int, retry_after: float | None) -> float:
        """Retry-After (capped) when given, else exponential backoff with jitter."""
        if retry_after is not None:
            return min(retry_after, self.retry_after_cap)
        step = self.backoff_base * (2**tries)
        return step / 2 + random.uniform(0, step / 2)

    # -- errors

    def _error(self, what: str, fix: str) -> ModelError:
        return ModelError(f"model {self.model_id!r} {what}: {fix}")

    def _key_hint(self) -> str:
        try:
            missing = _litellm().validate_environment(self.model_id).get("missing_keys") or []
        except Exception:  # noqa: BLE001 - a hint only
            missing = []
        names = " or ".join(["COPILOT_API_KEY", *missing])
        return f"check the API key (api_key= / {names})"

    def _translate(
        self, exc: BaseException, *, tries: int = 0, budget: float | None = None, out_of_time: bool = False, stage: str = ""
    ) -> ModelError:
        """A one-line ModelError that says what failed and what to check."""
        where = self.api_base or "the provider's default endpoint"
        code = _status(exc)
        after = f" after {tries + 1} attempts" if tries else ""
        stage = f" {stage}" if stage else ""
        if _is_malformed(exc):
            return self._error(f"sent a malformed response body{stage} from {where}", "check api_base points at an OpenAI-compatible /v1 endpoint")
        if _is_timeout(exc):
            return self._error(f"timed out{stage} after {budget or self.timeout:g}s at {where}", "check api_base, the server load or raise the timeout (COPILOT_TIMEOUT)")
        if code in (401, 403):
            return self._error(f"was refused ({code}) by {where}", self._key_hint())
        if code == 404:
            return self._error(f"was not found (404) at {where}", "check the model id and api_base")
        if code == 429:
            budget_note = " (timeout budget used up)" if out_of_time else ""
            return self._error(f"is rate limited (429){after}{budget_note}", "wait, lower the request rate or check your quota")
        if code is not None and 400 <= code < 500:
            return self._error(f"rejected the request ({code}): {_short(exc)}", "check the model id and its parameters")
        if _is_connection(exc):
            return self._error(f"cannot reach {where}{after}", "check api_base and that the server is running")
        if code is not None and code >= 500:
            return self._error(f"failed with a server error ({code}){after}{stage}", "check api_base and the provider's status; try again later")
        return self._error(f"failed{stage}: {_short(exc)}", "check api_base, the API key env var and the model id")


def _short(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _prepend(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


# --------------------------------------------------------------------------- factory


def get_model(
    model_id: str,
    *,
    api_base: str | None = None,
    api_key: str | None = None,
    timeout: float = 20.0,
    max_retries: int = 2,
    **extra: Any,
) -> ChatModel:
    """``"fake"`` / ``"fake/<name>"`` → FakeModel; anything else → LiteLLMModel."""
    if not model_id or not model_id.strip():
        raise ConfigError("model id is empty: set COPILOT_MODEL to a litellm model id or 'fake'")
    if is_fake(model_id):
        return FakeModel(model_id=model_id)
    return LiteLLMModel(model_id, api_base=api_base, api_key=api_key, timeout=timeout, max_retries=max_retries, **extra)
