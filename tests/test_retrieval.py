from __future__ import annotations

import pytest

from copilot import Copilot
from copilot.errors import UsageError
import numpy as np

from copilot.retrieval import LEXICAL_STAND_IN, fuse
from tests.kb import write_kb


@pytest.fixture(scope="module")
def cp(tmp_path_factory):
    root = tmp_path_factory.mktemp("retrieval")
    kb = write_kb(root / "kb")
    copilot = Copilot(store=root / "store")
    copilot.index(kb)
    return copilot


def test_fuse_is_a_convex_combination_of_normalised_scores():
    dense = {0: 0.9, 1: 0.5, 2: 0.1}  # rows 0..2 are dense candidates, row 3 is not
    lexical = [np.array([0.0, 4.0, 2.0, 0.0]), np.array([1.0, 2.0, 0.0, 0.0])]
    fused = fuse(dense, lexical, 4, dense_weight=0.6)
    assert fused == pytest.approx([0.6 + 0.2 * 0.5, 0.6 * 0.5 + 0.2 + 0.2, 0.2 * 0.5, 0.0])
    assert fuse(dense, [], 4) == pytest.approx([1.0, 0.5, 0.0, 0.0])  # dense alone takes all the weight
    assert fuse({}, lexical, 4, dense_weight=0.6) == pytest.approx([0.25, 1.0, 0.25, 0.0])


def test_fuse_lets_dense_stand_in_for_lexical_on_chunks_in_another_language():
    dense = {0: 0.9, 1: 0.5, 2: 0.1}
    lexical = [np.array([0.0, 4.0, 2.0, 0.0])]
    unseen = np.array([True, False, False, True])  # rows 0 and 3 are not in the query's language
    fused = fuse(dense, lexical, 4, dense_weight=0.6, unseen=unseen)
    assert fused == pytest.approx([0.6 + 0.4 * LEXICAL_STAND_IN, 0.6 * 0.5 + 0.4, 0.4 * 0.5, 0.0])
    assert fuse({}, lexical, 4, unseen=unseen) == pytest.approx([0.0, 1.0, 0.5, 0.0])  # nothing to stand in


@pytest.mark.parametrize("query, expected", [
    ("en saa pakettia ulos automaatista, koodi ei toimi", "paketti/automaatin-koodi-ei-toimi"),
    ("tekstarissa luki hyllykoodi B12 ja et ota henkkarit mukaan??", "paketti/hyllykoodi-tekstiviesti"),
    ("lainan maksupäivää siirrettiin väärin, nyt eräpäivä on aiemmin", "pankki/lainan-erapaiva-siirtynyt-vaarin"),
    ("the vase I ordered arrived smashed in the box", "verkkokauppa/damaged-item-on-arrival"),
    ("my loan due date was moved the wrong way", "pankki/lainan-erapaiva-siirtynyt-vaarin"),  # en → fi doc
])
def test_hybrid_finds_the_instruction_in_the_sample_knowledge(sample_copilot, query, expected):
    results = sample_copilot.search(query, k=3)
    assert expected in [r.id for r in results]
    assert len({r.id for r in results}) == len(results)  # deduplicated to documents


def test_modes_and_filters(cp):
    q = "charged twice on my invoice"
    assert "tele/billing-error" in [r.id for r in cp.search(q, k=2, mode="dense")]
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
