from __future__ import annotations

import multiprocessing
import os

import pytest

from copilot import Copilot
from copilot.errors import EmbeddingMismatchError, StoreError
from copilot.knowledge import load_knowledge
from tests.kb import write_kb


@pytest.fixture()
def kb(tmp_path):
    return write_kb(tmp_path / "kb")


def test_first_index_embeds_everything_then_nothing(home, kb):
    cp = Copilot()
    first = cp.index(kb)
    assert len(first.sync.added) == 5 and first.sync.chunks_embedded >= 5
    assert cp.store.where == str(home / "store")  # COPILOT_HOME sets the default store
    again = Copilot().index(kb)
    assert again.sync.unchanged == 5 and again.sync.chunks_embedded == 0 and not again.sync.changed


def test_changed_file_is_reembedded_and_deleted_file_removed(home, kb):
    cp = Copilot()
    cp.index(kb)
    path = kb / "tele/billing-error.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nAlso send an SMS.\n", encoding="utf-8")
    (kb / "paketti/automaatti-koodi.md").unlink()
    report = cp.index(kb).sync
    assert report.updated == ["tele/billing-error"]
    assert report.removed == ["paketti/automaatti-koodi"]
    assert report.unchanged == 3
    ids = {m["doc_id"] for m in cp.store.all_chunks()[2]}
    assert "paketti/automaatti-koodi" not in ids
    assert any("Also send an SMS" in t for t in cp.store.all_chunks()[1])


def test_file_that_breaks_keeps_its_previous_chunks(home, kb):
    cp = Copilot()
    cp.index(kb)
    (kb / "tele/faq-billing.md").write_bytes(b"---\ntitle: [broken\n---\nx")
    report = cp.index(kb)
    assert report.sync.kept_on_error == ["tele/faq-billing"]
    assert "tele/faq-billing" in {m["doc_id"] for m in cp.store.all_chunks()[2]}


def test_store_built_with_other_model_is_refused_until_rebuild(home, kb, monkeypatch):
    cp = Copilot()
    cp.index(kb)
    monkeypatch.setattr(type(cp.store.embedder), "model_id", "other/model")
    other = Copilot()
    with pytest.raises(EmbeddingMismatchError, match="--rebuild"):
        other.search("paketti")
    rebuilt = Copilot().index(kb, rebuild=True)
    assert len(rebuilt.sync.added) == 5
    assert Copilot().search("paketti")


def test_search_before_index_says_run_index(home):
    with pytest.raises(StoreError, match="copilot index"):
        Copilot().search("paketti")


def _index_in_child(kb: str, home: str, queue) -> None:
    os.environ["COPILOT_HOME"] = home
    report = Copilot().index(kb)
    queue.put((len(report.sync.added), report.sync.unchanged))


def test_two_index_runs_at_once_do_not_corrupt_the_store(home, kb):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_index_in_child, args=(str(kb), str(home), queue)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    results = sorted(queue.get(timeout=5) for _ in procs)
    # the lock serialises them: one run adds all five, the other finds them unchanged
    assert results == [(0, 5), (5, 0)]
    cp = Copilot()
    ids, _, metas, _ = cp.store.all_chunks()
    assert len(ids) == len(set(ids))
    assert {m["doc_id"] for m in metas} == {d.id for d in load_knowledge(kb).documents}
