"""copilot.models over real HTTP (tests/openai_server.py via litellm), FakeModel and the guard."""

from __future__ import annotations

import socket
import time

import litellm
import pytest
from openai_server import delay, malformed, ok, openai_server, start_server, status  # noqa: F401

from copilot.errors import ConfigError, ModelError, NetworkBlockedError
from copilot.models import ChatModel, FakeModel, LiteLLMModel, ensure_allowed, get_model, is_loopback, is_remote

MESSAGES = [
    {"role": "system", "content": "You are a helpful agent."},
    {"role": "user", "content": "Missä pakettini on? Seurantakoodi JJFI123."},
]


def http_model(server, **kwargs) -> LiteLLMModel:
    kwargs.setdefault("backoff_base", 0.01)
    return LiteLLMModel("openai/test-model", api_base=server.base_url, api_key="test-key", **kwargs)


# ----------------------------------------------------------------------------- over HTTP


def test_complete_returns_text_and_sends_our_messages(openai_server):
    openai_server.enqueue(ok("Pakettisi on matkalla."))
    assert http_model(openai_server).complete(MESSAGES) == "Pakettisi on matkalla."
    [body] = openai_server.chat_requests
    assert body["messages"] == MESSAGES
    assert body["model"] == "test-model"
    assert not body.get("stream")


def test_stream_yields_pieces_that_join_to_the_reply(openai_server):
    openai_server.enqueue(ok("Hei, pakettisi on matkalla ja perillä huomenna."))
    pieces = list(http_model(openai_server).stream(MESSAGES))
    assert len(pieces) > 3
    assert "".join(pieces) == "Hei, pakettisi on matkalla ja perillä huomenna."
    [body] = openai_server.chat_requests
    assert body["stream"] is True
    assert body["messages"] == MESSAGES


def test_429_then_success_is_retried_respecting_retry_after(openai_server):
    openai_server.enqueue(status(429, retry_after="3"), ok("done"))
    model = http_model(openai_server)
    sleeps: list[float] = []
    model.sleep = sleeps.append
    assert model.complete(MESSAGES) == "done"
    assert sleeps == [3.0]
    assert len(openai_server.chat_requests) == 2


def test_retry_after_is_capped(openai_server):
    openai_server.enqueue(status(429, retry_after="120"), ok("done"))
    model = http_model(openai_server, timeout=30.0)
    sleeps: list[float] = []
    model.sleep = sleeps.append
    assert model.complete(MESSAGES) == "done"
    assert sleeps == [10.0]


def test_retry_after_beyond_budget_fails_at_once(openai_server):
    openai_server.enqueue(status(429, retry_after="5"), ok("never"))
    model = http_model(openai_server, timeout=2.0)
    model.sleep = lambda s: pytest.fail(f"should not sleep {s}s past the budget")
    with pytest.raises(ModelError, match="rate limited"):
        model.complete(MESSAGES)
    assert len(openai_server.chat_requests) == 1


def test_500_then_success_is_retried(openai_server):
    openai_server.enqueue(status(500), ok("recovered"))
    assert http_model(openai_server).complete(MESSAGES) == "recovered"
    assert len(openai_server.chat_requests) == 2


def test_stream_retries_before_first_piece(openai_server):
    openai_server.enqueue(status(503), ok("streamed after retry"))
    assert "".join(http_model(openai_server).stream(MESSAGES)) == "streamed after retry"
    assert len(openai_server.chat_requests) == 2


def test_persistent_500_raises_model_error_after_retries(openai_server):
    openai_server.default = status(500)
    with pytest.raises(ModelError, match=r"server error \(500\) after 3 attempts"):
        http_model(openai_server, max_retries=2).complete(MESSAGES)
    assert len(openai_server.chat_requests) == 3


def test_auth_error_is_not_retried_and_names_the_key(openai_server):
    openai_server.enqueue(status(401, message="invalid api key"))
    with pytest.raises(ModelError, match="API key") as info:
        http_model(openai_server).complete(MESSAGES)
    assert "OPENAI_API_KEY" in str(info.value)
    assert len(openai_server.chat_requests) == 1


def test_bad_request_is_not_retried(openai_server):
    openai_server.enqueue(status(400, message="unknown parameter"))
    with pytest.raises(ModelError, match=r"rejected the request \(400\)"):
        http_model(openai_server).complete(MESSAGES)
    assert len(openai_server.chat_requests) == 1


def test_timeout_raises_within_budget(openai_server):
    openai_server.enqueue(delay(2.0))
    model = http_model(openai_server, timeout=0.5)
    start = time.monotonic()
    with pytest.raises(ModelError, match="timed out"):
        model.complete(MESSAGES)
    assert time.monotonic() - start < 0.5 + 1.0


def test_retries_share_one_timeout_budget(openai_server):
    openai_server.enqueue(status(500), delay(2.0))
    model = http_model(openai_server, timeout=0.6, max_retries=5)
    start = time.monotonic()
    with pytest.raises(ModelError, match="timed out"):
        model.complete(MESSAGES)
    assert time.monotonic() - start < 0.6 + 1.0


def test_per_call_timeout_overrides_default(openai_server):
    openai_server.enqueue(delay(2.0))
    start = time.monotonic()
    with pytest.raises(ModelError, match="timed out"):
        http_model(openai_server, timeout=30.0).complete(MESSAGES, timeout=0.3)
    assert time.monotonic() - start < 0.3 + 1.0


def test_malformed_body_raises_clear_model_error(openai_server):
    openai_server.enqueue(malformed())
    with pytest.raises(ModelError, match="malformed response body") as info:
        http_model(openai_server).complete(MESSAGES)
    assert "'openai/test-model'" in str(info.value)
    assert "\n" not in str(info.value)
    assert len(openai_server.chat_requests) == 1


def test_empty_content_raises_model_error(openai_server):
    openai_server.enqueue(ok(""))
    with pytest.raises(ModelError, match="empty reply"):
        http_model(openai_server).complete(MESSAGES)


def test_empty_stream_raises_model_error(openai_server):
    openai_server.enqueue(ok(""))
    with pytest.raises(ModelError, match="empty stream"):
        list(http_model(openai_server).stream(MESSAGES))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_raises_model_error():
    model = LiteLLMModel(
        "openai/test-model", api_base=f"http://127.0.0.1:{_closed_port()}/v1", api_key="k", backoff_base=0.01, timeout=5
    )
    with pytest.raises(ModelError, match="cannot reach .* check api_base"):
        model.complete(MESSAGES)


def test_server_embeddings_are_deterministic():
    with start_server(embedding_dim=8) as server:
        first = litellm.embedding(model="openai/test-emb", input=["hei", "moi"], api_base=server.base_url, api_key="k")
        again = litellm.embedding(model="openai/test-emb", input=["hei"], api_base=server.base_url, api_key="k")
    vectors = [d["embedding"] for d in first.data]
    assert len(vectors) == 2 and len(vectors[0]) == 8
    assert vectors[0] != vectors[1]
    assert again.data[0]["embedding"] == pytest.approx(vectors[0], abs=1e-6)


# ----------------------------------------------------------------------------- fake model


def test_fake_model_scripted_replies_repeat_last_and_record_calls():
    model = FakeModel(["first", "second"])
    assert [model.complete(MESSAGES) for _ in range(3)] == ["first", "second", "second"]
    assert model.calls == [MESSAGES] * 3
    assert isinstance(model, ChatModel)


def test_fake_model_stream_yields_word_pieces():
    model = FakeModel(["Hei, pakettisi on matkalla."])
    pieces = list(model.stream(MESSAGES))
    assert pieces == ["Hei, ", "pakettisi ", "on ", "matkalla."]
    assert model.calls == [MESSAGES]


def test_fake_model_callable_default_and_failure():
    echo = FakeModel(lambda messages: messages[-1]["content"].upper())
    assert echo.complete([{"role": "user", "content": "moi"}]) == "MOI"
    assert FakeModel().complete(MESSAGES) == FakeModel.DEFAULT_REPLY
    broken = FakeModel(fail_with=ModelError("boom"))
    with pytest.raises(ModelError, match="boom"):
        broken.complete(MESSAGES)
    assert len(broken.calls) == 1


def test_get_model_dispatch():
    fake = get_model("fake/demo")
    assert isinstance(fake, FakeModel) and fake.model_id == "fake/demo"
    assert isinstance(get_model("fake"), FakeModel)
    real = get_model("openai/test-model", api_base="http://127.0.0.1:1/v1", timeout=3, max_retries=1)
    assert isinstance(real, LiteLLMModel) and (real.timeout, real.max_retries) == (3.0, 1)
    with pytest.raises(ConfigError):
        get_model("")


# ----------------------------------------------------------------------------- guard


@pytest.fixture()
def no_litellm_calls(monkeypatch):
    monkeypatch.setattr(litellm, "completion", lambda **kw: pytest.fail("litellm.completion was called"))


@pytest.mark.parametrize("api_base", ["https://api.openai.com/v1", "http://localhost.evil.example/v1", None])
def test_guard_refuses_non_loopback_before_any_request(no_litellm_calls, api_base):
    model = LiteLLMModel("openai/gpt-4o-mini", api_base=api_base, api_key="sk-test")
    with pytest.raises(NetworkBlockedError, match="COPILOT_UNDER_TEST"):
        model.complete(MESSAGES)
    with pytest.raises(NetworkBlockedError):
        model.stream(MESSAGES)


def test_ensure_allowed_is_the_shared_guard(monkeypatch):
    ensure_allowed("openai/text-embedding-3-small", "http://127.0.0.1:8000/v1")
    with pytest.raises(NetworkBlockedError, match="text-embedding-3-small"):
        ensure_allowed("openai/text-embedding-3-small", None)
    monkeypatch.delenv("COPILOT_UNDER_TEST")
    ensure_allowed("openai/text-embedding-3-small", None)


def test_guard_not_applied_outside_tests(monkeypatch):
    seen: dict = {}

    class Reply:
        choices = [type("C", (), {"message": type("M", (), {"content": "ok"})()})()]

    def fake_completion(**kwargs):
        seen.update(kwargs)
        return Reply()

    monkeypatch.delenv("COPILOT_UNDER_TEST")
    monkeypatch.setattr(litellm, "completion", fake_completion)
    model = LiteLLMModel("openai/gpt-4o-mini", api_key="sk-test", timeout=7)
    assert model.complete(MESSAGES) == "ok"
    assert (seen["num_retries"], seen["max_retries"]) == (0, 0)  # litellm's retries are off
    assert 0 < seen["timeout"] <= 7


def test_mock_response_passthrough_is_allowed_under_test():
    model = LiteLLMModel("openai/gpt-4o-mini", mock_response="Mocked reply here")
    assert model.complete(MESSAGES) == "Mocked reply here"
    assert "".join(model.stream(MESSAGES)) == "Mocked reply here"


@pytest.mark.parametrize(
    ("model_id", "api_base", "remote"),
    [
        ("fake", None, False),
        ("fake/demo", "https://api.openai.com/v1", False),
        ("openai/x", "http://127.0.0.1:8000/v1", False),
        ("openai/x", "http://127.5.6.7/v1", False),
        ("openai/x", "http://[::1]:11434", False),
        ("ollama/llama3", "http://localhost:11434", False),
        ("openai/gpt-4o-mini", None, True),
        ("openai/x", "https://api.openai.com/v1", True),
        ("openai/x", "http://10.0.0.5:8000/v1", True),
    ],
)
def test_is_remote(model_id, api_base, remote):
    assert is_remote(model_id, api_base) is remote


def test_is_loopback_without_scheme():
    assert is_loopback("localhost:8000")
    assert not is_loopback("")
