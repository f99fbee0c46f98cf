from __future__ import annotations

import pytest

from copilot import Copilot
from copilot.errors import UsageError
from copilot.retrieval import rrf
from tests.kb import write_kb


@pytest.fixture(scope="module")
def cp(tmp_path_factory):
    root = tmp_path_factory.mktemp("retrieval")
    kb = write_kb(root / "kb")
    copilot = Copilot(store=root / "store")
    copilot.index(kb)
    return copilot


def test_rrf_rewards_agreement():
    fused = rrf([["a", "b", "c"], ["b", "a"], ["b"]])
    assert max(fused, key=fused.get) == "b"
    assert fused["c"] == pytest.approx(1 / 63)


@pytest.mark.parametrize("query, expected", [
    ("en saa pakettia ulos automaatista, koodi ei toimi", "paketti/automaatti-koodi"),
    ("tekstarissa luki hyllykoodi B12 ja et ota henkkarit mukaan??", "paketti/hyllykoodi"),
    ("lainan maksupäivää siirrettiin väärin", "pankki/lainan-erapaiva"),
    ("I was billed two times this month", "tele/billing-error"),
    ("my loan due date was moved the wrong way", "pankki/lainan-erapaiva"),  # English → Finnish doc
])
def test_hybrid_finds_the_instruction(cp, query, expected):
    results = cp.search(query, k=3)
    assert results[0].id == expected
    assert len({r.id for r in results}) == len(results)  # deduplicated to documents


def test_modes_and_filters(cp):
    q = "charged twice on my invoice"
    assert cp.search(q, k=5, mode="dense")[0].id == "tele/billing-error"
    assert cp.search(q, k=5, mode="lexical")[0].id in {"tele/billing-error", "tele/faq-billing"}
    faq = cp.search(q, k=5, audience="customer")
    assert [r.id for r in faq] == ["tele/faq-billing"]
    assert {r.lang for r in cp.search("paketti", k=5, lang="fi")} == {"fi"}
    tagged = cp.search("paketti koodi", k=5, tags=["sms"])
    assert [r.id for r in tagged] == ["paketti/hyllykoodi"]
    assert cp.search("paketti", k=5, tags=["no-such-tag"]) == []


def test_result_shape(cp):
    r = cp.search("hyllykoodi", k=1)[0]
    assert set(r.to_dict()) == {"id", "title", "score", "source", "text"}
    assert r.source == "paketti/hyllykoodi.md" and r.text


@pytest.mark.parametrize("kwargs", [{"query": "  "}, {"query": "x", "k": 0}, {"query": "x", "mode": "magic"}])
def test_bad_search_input(cp, kwargs):
    with pytest.raises(UsageError):
        cp.search(**kwargs)
