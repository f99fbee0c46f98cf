from __future__ import annotations

import pytest

from copilot.errors import KnowledgeError
from copilot.knowledge import load_knowledge
from tests.kb import write_kb


def test_loads_front_matter_and_defaults(tmp_path):
    result = load_knowledge(write_kb(tmp_path))
    assert not result.issues
    docs = {d.id: d for d in result.documents}
    assert set(docs) == {"paketti/hyllykoodi", "paketti/automaatti-koodi", "pankki/lainan-erapaiva",
                         "tele/billing-error", "tele/faq-billing"}
    billing = docs["tele/billing-error"]  # id defaults to the relative path without suffix
    assert billing.title == "Invoice charged twice"
    assert billing.tags == ("telecom", "billing")
    assert docs["tele/faq-billing"].audience == "customer"
    assert docs["paketti/hyllykoodi"].source == "paketti/hyllykoodi.md"


def test_title_from_heading_and_language_detected(tmp_path):
    (tmp_path / "ohje.txt").write_text("# Kortin sulku\nKortti on suljettu väärinkäytösepäilyn vuoksi. "
                                        "Avaa kortti, kun asiakkaan henkilöllisyys on varmistettu.", encoding="utf-8")
    doc = load_knowledge(tmp_path).documents[0]
    assert (doc.id, doc.title, doc.lang, doc.audience) == ("ohje", "Kortin sulku", "fi", "agent")


@pytest.mark.parametrize("name, content, reason", [
    ("broken.md", b"---\ntitle: [unclosed\n---\nBody text here.", "broken YAML front matter"),
    ("unclosed.md", b"---\ntitle: x\nBody without closing", "never closed"),
    ("latin1.md", "# Otsikko\nPäivä ja yö".encode("latin-1"), "not UTF-8"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary content"),
    ("empty.md", b"---\ntitle: Empty\n---\n   \n", "empty body"),
    ("audience.md", b"---\naudience: everyone\n---\nText.", "audience"),
])
def test_bad_file_is_one_line_issue_and_good_files_still_load(tmp_path, name, content, reason):
    write_kb(tmp_path)
    (tmp_path / name).write_bytes(content)
    result = load_knowledge(tmp_path)
    assert len(result.documents) == 5
    assert len(result.issues) == 1
    line = str(result.issues[0])
    assert line.startswith(name + ":") and reason in line and "\n" not in line


def test_duplicate_id_names_both_files(tmp_path):
    write_kb(tmp_path)
    (tmp_path / "copy.md").write_text("---\nid: tele/faq-billing\n---\nOther text.", encoding="utf-8")
    result = load_knowledge(tmp_path)
    assert [str(i) for i in result.issues] == [
        "tele/faq-billing.md: duplicate id 'tele/faq-billing' (already used by copy.md); give it a unique id"
    ]


def test_missing_and_empty_dirs_are_clear_errors(tmp_path):
    with pytest.raises(KnowledgeError, match="does not exist"):
        load_knowledge(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("not an instruction", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="no .md or .txt files"):
        load_knowledge(tmp_path / "empty")
