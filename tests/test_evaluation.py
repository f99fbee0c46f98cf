"""Eval runner: dataset loading and errors, metrics maths, outputs, baseline gate, HTML escaping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copilot.errors import DatasetError, UsageError
from copilot.evaluation import (EvalCase, false_flag_rate, histogram, label_metrics, load_dataset, prf,
                                render_report, run_eval)

FI_MSG = "Korttini lakkasi toimimasta, kun vaihdoin puhelinnumeroni. Vuokra pitäisi maksaa huomenna! – Maija Virtanen"
EN_MSG = "My card stopped working after I changed my phone number. Rent is due tomorrow! – Sam Taylor"
KB_FI = ("Kortin sulku: Kun asiakkaan puhelinnumero vaihtuu verkkopankissa, kortti voidaan sulkea automaattisesti "
         "24 tunnin ajaksi. Suljetun kortin voi avata uudelleen, kun asiakkaan henkilöllisyys on varmistettu.")

ROWS = [
    {"id": "good-fi", "customer_message": FI_MSG, "knowledge": [KB_FI],
     "reply": "Hei Maija, pahoittelen! Avasin korttisi juuri, ja se toimii 30 minuutin kuluttua, joten ehdit maksaa "
              "vuokran huomenna.",
     "labels": {"copy_paste": 0, "accusatory": 0, "deflection": 0}},
    {"id": "defl-fi", "customer_message": FI_MSG, "knowledge": [KB_FI],
     "reply": "Hei Maija, kortin avaamiseen liittyvissä asioissa kannattaa olla yhteydessä konttoriin.",
     "labels": {"copy_paste": 0, "accusatory": 0, "deflection": 1}},
    {"id": "acc-en", "customer_message": EN_MSG,
     "reply": "Hello Sam. You should have read the instructions before changing your number.",
     "labels": {"copy_paste": 0, "accusatory": 1, "deflection": 0}},
    {"id": "good-en", "customer_message": EN_MSG, "lang": "en",
     "history": [{"role": "customer", "text": "Hello?"}, {"role": "agent", "text": "Hi, how can I help?"}],
     "reply": "Hi Sam, I'm sorry! I've reopened your card and it will work again within 30 minutes, so the rent "
              "can go out tomorrow.",
     "labels": {"copy_paste": 0, "accusatory": 0, "deflection": 0}},
]


def write(path: Path, rows, extra_lines=()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- dataset
def test_load_dataset_fields(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS + [{"id": 7, "customer_message": "Hei", "note": "x"}]))
    assert [c.id for c in cases] == ["good-fi", "defl-fi", "acc-en", "good-en", "7"]
    assert cases[0].knowledge == [KB_FI] and cases[0].labels["deflection"] == 0
    assert cases[3].lang == "en" and cases[3].history[1]["role"] == "agent"
    assert cases[4].reply is None and cases[4].meta == {"note": "x"}
    assert cases[3].to_case().history[0].text == "Hello?"


def test_blank_lines_are_skipped(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS[:1], extra_lines=["", "   "]))
    assert len(cases) == 1


@pytest.mark.parametrize("line,needle", [
    ('{"id": "x", "customer_message": "hei",}', "not valid JSON"),
    ('["not", "an", "object"]', "JSON object"),
    ('{"customer_message": "hei"}', 'missing "id"'),
    ('{"id": "x"}', "customer_message"),
    ('{"id": "x", "customer_message": "hei", "reply": 3}', '"reply" must be a string'),
    ('{"id": "x", "customer_message": "hei", "labels": {"rude": 1}}', "unknown label 'rude'"),
    ('{"id": "x", "customer_message": "hei", "labels": {"deflection": 2}}', "must be 0 or 1"),
    ('{"id": "x", "customer_message": "hei", "history": [{"role": "boss", "text": "x"}]}', "role"),
    ('{"id": "x", "customer_message": "hei", "knowledge": ["kb-card-block"]}', "no resolver"),
    ('{"id": "good-fi", "customer_message": "hei"}', "duplicate id"),
])
def test_bad_line_names_file_line_and_fix(tmp_path, line, needle):
    path = write(tmp_path / "bad.jsonl", ROWS[:1], extra_lines=[line])
    with pytest.raises(DatasetError) as err:
        load_dataset(path)
    msg = str(err.value)
    assert f"{path}:2" in msg
    assert needle in msg


def test_knowledge_ids_are_resolved(tmp_path):
    rows = [{"id": "a", "customer_message": "hei", "knowledge": ["kb-card", "A full knowledge text, not an id."]}]
    path = write(tmp_path / "d.jsonl", rows)
    cases = load_dataset(path, resolve_knowledge={"kb-card": "Kortti avataan."}.get)
    assert cases[0].knowledge == ["Kortti avataan.", "A full knowledge text, not an id."]
    with pytest.raises(DatasetError, match="unknown knowledge id 'kb-card'"):
        load_dataset(path, resolve_knowledge=lambda _id: None)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(DatasetError, match="not found"):
        load_dataset(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="no cases"):
        load_dataset(tmp_path / "empty.jsonl")


# ----------------------------------------------------------------------------- metrics maths
def test_prf_known_answer():
    rows = [
        {"id": "1", "labels": {"deflection": 1}, "flags": ["deflection"]},  # TP
        {"id": "2", "labels": {"deflection": 1}, "flags": []},              # FN
        {"id": "3", "labels": {"deflection": 0}, "flags": ["deflection"]},  # FP
        {"id": "4", "labels": {"deflection": 0}, "flags": []},              # TN
        {"id": "5", "labels": {"deflection": 1}, "flags": ["deflection"]},  # TP
    ]
    m = label_metrics(rows)["deflection"]
    assert (m["tp"], m["fp"], m["fn"], m["tn"], m["support"]) == (2, 1, 1, 1, 3)
    assert m["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert "copy_paste" not in label_metrics(rows)  # no rows carry that label
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)
    assert prf(3, 1, 0) == pytest.approx((0.75, 1.0, 6 / 7))


def test_false_flag_rate_and_histogram():
    rows = [{"id": "a", "labels": {"deflection": 0}, "flags": ["copy_paste"]},
            {"id": "b", "labels": {"deflection": 0, "accusatory": 0}, "flags": []},
            {"id": "c", "labels": {"deflection": 1}, "flags": []}]
    ff = false_flag_rate(rows)
    assert ff["good"] == 2 and ff["flagged"] == 1 and ff["rate"] == 0.5 and ff["ids"] == ["a"]
    assert false_flag_rate([{"id": "x", "flags": []}]) is None
    h = histogram([0, 9.9, 10, 55, 100])
    assert h["counts"] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 1] and len(h["edges"]) == 11


# ----------------------------------------------------------------------------- run_eval outputs
def test_run_eval_writes_results_summary_report(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS))
    out = tmp_path / "out"
    summary = run_eval(cases, out, progress=False)
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines]
    assert [r["id"] for r in rows] == ["good-fi", "defl-fi", "acc-en", "good-en"]
    for r in rows:
        assert set(r) >= {"id", "reply", "score", "flags", "checks"}
        assert set(r["checks"]) >= {"copy_paste", "accusatory", "deflection", "empathy"}
    by_id = {r["id"]: r for r in rows}
    assert by_id["defl-fi"]["flags"] == ["deflection"]
    assert by_id["acc-en"]["flags"] == ["accusatory"]
    assert by_id["good-fi"]["flags"] == [] and by_id["good-fi"]["score"] >= 70
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data["n"] == 4 and data["labelled"] == 4
    assert data["metrics"]["deflection"]["f1"] == 1.0 and data["metrics"]["accusatory"]["support"] == 1
    assert data["false_flag_rate"]["rate"] == 0.0
    assert set(data["pass_rate_per_check"]) >= {"copy_paste", "accusatory", "deflection"}
    assert sum(data["histogram"]["counts"]) == 4
    assert summary.exit_code == 0 and summary.mean_score == data["mean_score"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<svg" in html and "<script" not in html
    assert "Penalty checks against labels" in html
    text = "\n".join(summary.lines())
    assert "precision" in text and "recall" in text and "F1" in text and "deflection" in text


def test_fail_under_gate(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS))
    summary = run_eval(cases, tmp_path / "o", fail_under=99.5, progress=False)
    assert summary.exit_code != 0
    assert any("fail-under" in f for f in summary.failures)


def test_baseline_regression_exit_code(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS))
    base = tmp_path / "base"
    assert run_eval(cases, base, progress=False).exit_code == 0
    same = run_eval(cases, tmp_path / "same", baseline_dir=base, progress=False)
    assert same.exit_code == 0 and same.data["baseline"]["delta_mean"] == 0.0

    # a worse run: the good Finnish reply turns into a deflection -> mean drops and deflection F1 drops
    worse_rows = [dict(r) for r in ROWS]
    worse_rows[0]["reply"] = "Hei Maija, ota yhteyttä konttoriin."
    worse = load_dataset(write(tmp_path / "w.jsonl", worse_rows))
    reg = run_eval(worse, tmp_path / "worse", baseline_dir=base, progress=False)
    assert reg.exit_code != 0
    assert any("mean score dropped" in f for f in reg.failures)
    assert any("deflection F1 dropped" in f for f in reg.failures)
    html = (tmp_path / "worse" / "report.html").read_text(encoding="utf-8")
    assert "Against the baseline" in html and "good-fi" in html


def test_f1_drop_alone_is_a_regression(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS))
    base = tmp_path / "base"
    run_eval(cases, base, progress=False)
    data = json.loads((base / "summary.json").read_text(encoding="utf-8"))
    data["metrics"]["accusatory"]["f1"] = 1.0 + 0.5  # pretend the baseline was better
    data["mean_score"] = 0.0
    (base / "summary.json").write_text(json.dumps(data), encoding="utf-8")
    reg = run_eval(cases, tmp_path / "now", baseline_dir=base, progress=False)
    assert reg.exit_code != 0 and reg.failures == [f for f in reg.failures if "accusatory F1" in f]


def test_missing_baseline_is_a_usage_error(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS))
    with pytest.raises(UsageError, match="baseline"):
        run_eval(cases, tmp_path / "o", baseline_dir=tmp_path / "none", progress=False)


def test_html_escapes_user_text(tmp_path):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    rows = [{"id": "<b>id</b>", "customer_message": "Hei <i>", "reply": "Ota yhteyttä konttoriin. " + evil,
             "labels": {"deflection": 1}}]
    cases = load_dataset(write(tmp_path / "d.jsonl", rows))
    run_eval(cases, tmp_path / "o", progress=False)
    html = (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>id</b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;id&lt;/b&gt;" in html
    assert "<mark" in html  # the offending span is highlighted


def test_render_report_highlights_spans_safely():
    rows = [{"id": "x", "score": 10.0, "flags": ["deflection"], "reply": "a <b> c",
             "checks": {"deflection": {"passed": False, "reasons": [
                 {"message": 'hint "q"', "span": {"start": 2, "end": 5, "text": "<b>"}}]}}}]
    summary = {"n": 1, "scored": 1, "errors": 0, "labelled": 0, "mean_score": 10.0, "median_score": 10.0,
               "pass_rate": 0.0, "pass_rate_per_check": {"deflection": 0.0}, "histogram": histogram([10.0]),
               "failures": []}
    html = render_report(rows, summary)
    assert '<mark title="deflection: hint &#34;q&#34;">&lt;b&gt;</mark>' in html


def test_drafter_fills_missing_replies_and_errors_are_recorded(tmp_path):
    rows = [{"id": "a", "customer_message": EN_MSG}, {"id": "b", "customer_message": EN_MSG}]
    cases = load_dataset(write(tmp_path / "d.jsonl", rows))
    with pytest.raises(UsageError, match="drafter"):
        run_eval(cases, tmp_path / "o", progress=False)

    def drafter(case: EvalCase) -> str:
        if case.id == "b":
            raise RuntimeError("model down")
        return "Hi Sam, I've reopened your card – it works again within 30 minutes."

    summary = run_eval(cases, tmp_path / "o", drafter=drafter, progress=False)
    rows_out = [json.loads(x) for x in (tmp_path / "o" / "results.jsonl").read_text().splitlines()]
    assert rows_out[0]["drafted"] is True and rows_out[0]["reply"].startswith("Hi Sam")
    assert "model down" in rows_out[1]["error"]
    assert summary.data["errors"] == 1


def test_workers_keep_order_and_results(tmp_path):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS * 1 + [dict(r, id=r["id"] + "-2") for r in ROWS]))
    one = run_eval(cases, tmp_path / "one", progress=False)
    many = run_eval(cases, tmp_path / "many", workers=4, progress=False)
    a = (tmp_path / "one" / "results.jsonl").read_text()
    b = (tmp_path / "many" / "results.jsonl").read_text()
    assert a == b and one.data["mean_score"] == many.data["mean_score"]


def test_judge_is_called_and_stored(tmp_path):
    class FakeJudgeResult:
        def to_dict(self):
            return {"checks": {"empathy": {"score": 0.8, "passed": True, "reason": "ok"}}}

    class FakeJudge:
        calls = []

        def judge(self, reply, customer_message, lang, knowledge=()):
            self.calls.append((reply, lang))
            return FakeJudgeResult()

    judge = FakeJudge()
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS[:2]))
    summary = run_eval(cases, tmp_path / "o", judge=judge, progress=False)
    assert len(judge.calls) == 2 and judge.calls[0][1] == "fi"
    rows = [json.loads(x) for x in (tmp_path / "o" / "results.jsonl").read_text().splitlines()]
    assert rows[0]["judge"]["checks"]["empathy"]["score"] == 0.8
    assert summary.data["judge"]["mean_per_check"]["empathy"] == 0.8


def test_progress_bar_does_not_break(tmp_path, capsys):
    cases = load_dataset(write(tmp_path / "d.jsonl", ROWS[:1]))
    assert run_eval(cases, tmp_path / "o", progress=True).exit_code == 0
