"""Validity page: expiry rules, status boundaries, consistency checks, page and exports.

The sample documents are built from the facts printed in 温州市人民政府公报 2023年第4期, not
from program output; "today" is always passed in, never read from the clock.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import icalendar
import jinja2
import pytest

from extract.documents import validity as v
from extract.model import DatedFact, DocType, Document, Evidence, ExpiryBasis, ForceLevel, Status, Validity
from extract.site import validity_view as view
from extract.site.environment import make_environment
from extract.site.status_view import status_globals

ROOT = Path(__file__).resolve().parent.parent
D = dt.date.fromisoformat
AS_OF = D("2026-11-29")  # the as-of date of expected.json


def fact(iso: str, sentence: str, page: int) -> DatedFact:
    return DatedFact(D(iso), Evidence(sentence, page))


def make(id: str, position: int, type: DocType = DocType.MEASURE, **fields) -> Document:
    fields.setdefault("title", id)
    fields.setdefault("pages", (position, position))
    return Document(id=id, issue="2023-04", position=position, section="", type=type,
                    blocks=(), **fields)


def plan(id: str, position: int, title: str, pages: tuple[int, int], **fields) -> Document:
    """A plan document as tag leaves it: the plan period's end year gives the expiry."""
    expiry, basis = v.expiry_from(None, None, 2027)
    return make(id, position, title=title, expiry_basis=basis, pages=pages,
                expiry_date=DatedFact(expiry, Evidence(title, pages[0])), **fields)


OFFICE = "温州市人民政府办公室"


def sample_documents() -> tuple[Document, ...]:
    """The sample issue's dated documents and interpretations, from the printed text."""
    return (
        plan("wzf-2023-17", 1, "温州市人民政府关于印发温州市大力实施科技创新“八大抓手”全面融入省"
             "“315”科技创新体系实施方案（2023—2027年）的通知", (4, 10),
             doc_number="温政发〔2023〕17号", issuer="温州市人民政府",
             signed_date=fact("2023-04-14", "温州市人民政府 2023年4月14日", 4)),
        make("wzb-2023-40", 2, title="温州市人民政府办公室关于进一步规范乡镇（街道）消防工作的实施意见",
             doc_number="温政办〔2023〕40号", registration_number="ZJCC01-2023-0007", issuer=OFFICE,
             signed_date=fact("2023-04-03", "温州市人民政府办公室 2023年4月3日", 13),
             effective_date=fact("2023-05-15", "本实施意见自2023年5月15日起实施，有效期10年。", 13),
             validity=Validity(years=10, evidence=Evidence("本实施意见自2023年5月15日起实施，有效期10年。", 13)),
             pages=(11, 13)),
        make("wzb-2023-42", 3, title="温州市人民政府办公室关于印发温州市区公共租赁住房保障管理办法的通知",
             doc_number="温政办〔2023〕42号", registration_number="ZJCC01-2023-0008", issuer=OFFICE,
             signed_date=fact("2023-04-06", "温州市人民政府办公室 2023年4月6日", 14),
             effective_date=fact("2023-05-10", "本办法自2023年5月10日起施行，有效期5年。", 18),
             validity=Validity(years=5, evidence=Evidence("本办法自2023年5月10日起施行，有效期5年。", 18)),
             repeals=("温州市人民政府令第147号",), references=("温州市人民政府令第147号",),
             pages=(14, 18)),
        make("wzb-2023-44", 4, title="温州市人民政府办公室关于印发温州市区城市地下综合管廊管理办法（试行）的通知",
             doc_number="温政办〔2023〕44号", registration_number="ZJCC01-2023-0009", issuer=OFFICE,
             signed_date=fact("2023-04-13", "温州市人民政府办公室 2023年4月13日", 19),
             effective_date=fact("2023-05-15", "本办法自2023年5月15日起施行，有效期2年。", 22),
             validity=Validity(years=2, trial=True,
                               evidence=Evidence("本办法自2023年5月15日起施行，有效期2年。", 22)),
             pages=(19, 22)),
        plan("wzb-2023-45", 5, "温州市人民政府办公室关于印发浙江省“415X”先进制造业集群建设温州行动方案"
             "（2023—2027年）的通知", (23, 27), doc_number="温政办〔2023〕45号", issuer=OFFICE,
             signed_date=fact("2023-04-13", "温州市人民政府办公室 2023年4月13日", 23)),
        make("wzb-2023-46", 6, DocType.NOTICE, doc_number="温政办〔2023〕46号", issuer=OFFICE,
             signed_date=fact("2023-04-17", "温州市人民政府办公室 2023年4月17日", 29)),
        make("jd-wzb-2023-40", 7, DocType.INTERPRETATION,
             title="关于《关于进一步规范乡镇（街道）消防工作的实施意见》的政策解读",
             issuer="温州市消防救援支队", interprets="温政办〔2023〕40号",
             stated_effective_date=fact("2023-05-05", "《关于进一步规范乡镇（街道）消防工作的实施意见》"
                                        "自2023年5月5日起实施，有效期10年。", 30),
             stated_validity=Validity(years=10), pages=(30, 30)),
        make("jd-wzb-2023-44", 8, DocType.INTERPRETATION,
             title="关于《温州市区城市地下综合管廊管理办法（试行）》的政策解读",
             issuer="温州市住房和城乡建设局", interprets="温政办〔2023〕44号",
             stated_effective_date=fact("2023-05-15", "答：本办法自2023年5月15日起施行，有效期2年。", 33),
             stated_validity=Validity(years=2), pages=(33, 33)),
        make("brief-1", 9, DocType.BRIEF, title="市对口工作领导小组会议召开"),
    )


@pytest.fixture(scope="module")
def sample() -> tuple[Document, ...]:
    return sample_documents()


def by_id(rows):
    return {row.id: row for row in rows}


def pdf_url(doc: Document) -> str:
    return f"pdf/wzgb-{doc.issue}.pdf"


def environment(autoescape: bool = False) -> jinja2.Environment:
    """The render stage's environment; by default without autoescape, which the templates
    must not rely on."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "templates"),
                             undefined=jinja2.StrictUndefined, autoescape=autoescape)
    # The language functions (t, date, name …) the templates use, in Chinese.
    site_env = make_environment()
    env.globals.update(site_env.globals)
    env.filters.update(site_env.filters)
    return env


# --------------------------------------------------------------------------- expiry rules


@pytest.mark.parametrize("effective, validity, plan_end, expected, basis", [
    ("2023-05-10", Validity(years=5), None, "2028-05-09", ExpiryBasis.COMPUTED),
    ("2023-05-15", Validity(years=10), None, "2033-05-14", ExpiryBasis.COMPUTED),
    ("2023-05-15", Validity(years=2), None, "2025-05-14", ExpiryBasis.COMPUTED),
    ("2023-01-31", Validity(months=1), None, "2023-02-27", ExpiryBasis.COMPUTED),
    ("2023-03-01", Validity(months=18), None, "2024-08-31", ExpiryBasis.COMPUTED),
    # Leap day: + 1 year lands on 2025-02-28 (clamped), − 1 day.
    ("2024-02-29", Validity(years=1), None, "2025-02-27", ExpiryBasis.COMPUTED),
    ("2024-02-29", Validity(years=4), None, "2028-02-28", ExpiryBasis.COMPUTED),
    ("2023-05-15", Validity(years=2, until=D("2025-06-30")), None, "2025-06-30", ExpiryBasis.STATED),
    (None, Validity(until=D("2025-05-14")), None, "2025-05-14", ExpiryBasis.STATED),
    (None, None, 2027, "2027-12-31", ExpiryBasis.PLAN_PERIOD),
    (None, Validity(years=5), 2027, "2027-12-31", ExpiryBasis.PLAN_PERIOD),
    ("2023-05-15", None, None, None, ExpiryBasis.UNKNOWN),
    (None, Validity(years=5), None, None, ExpiryBasis.UNKNOWN),
    (None, None, None, None, ExpiryBasis.UNKNOWN),
])
def test_expiry_from(effective, validity, plan_end, expected, basis):
    effective = D(effective) if effective else None
    assert v.expiry_from(effective, validity, plan_end) == (D(expected) if expected else None, basis)


EFFECTIVE, EXPIRY = D("2023-05-10"), D("2028-05-09")


@pytest.mark.parametrize("today, expected", [
    ("2023-05-09", Status.NOT_YET_IN_FORCE),
    ("2023-05-10", Status.IN_FORCE),
    ("2023-05-11", Status.IN_FORCE),
    ("2028-05-08", Status.IN_FORCE),
    ("2028-05-09", Status.IN_FORCE),  # the expiry day itself is still in force
    ("2028-05-10", Status.EXPIRED),
])
def test_status_boundaries(today, expected):
    assert v.status_on(v.StatusFacts(EFFECTIVE, EXPIRY), D(today)) is expected


@pytest.mark.parametrize("today, expected", [
    ("2024-02-28", Status.NOT_YET_IN_FORCE),
    ("2024-02-29", Status.IN_FORCE),
    ("2025-02-27", Status.IN_FORCE),
    ("2025-02-28", Status.EXPIRED),
])
def test_status_leap_day_year(today, expected):
    expiry, _ = v.expiry_from(D("2024-02-29"), Validity(years=1), None)
    assert v.status_on(v.StatusFacts(D("2024-02-29"), expiry), D(today)) is expected


def test_status_with_one_date_or_none():
    assert v.status_on(v.StatusFacts(None, None), AS_OF) is None
    assert v.status_on(v.StatusFacts(EFFECTIVE, None), D("2099-01-01")) is Status.IN_FORCE
    assert v.status_on(v.StatusFacts(None, D("2027-12-31")), D("2027-12-31")) is Status.IN_FORCE
    assert v.status_on(v.StatusFacts(None, D("2027-12-31")), D("2028-01-01")) is Status.EXPIRED


@pytest.mark.parametrize("today", ["2023-05-09", "2024-01-01", "2028-05-10"])
def test_repealed_wins(today):
    assert v.status_on(v.StatusFacts(EFFECTIVE, EXPIRY, repealed_undated=True), D(today)) is Status.REPEALED
    assert v.status_on(v.StatusFacts(None, None, repealed_undated=True), D(today)) is Status.REPEALED


@pytest.mark.parametrize("today, expected", [
    ("2027-11-10", False),  # 181 days before
    ("2027-11-11", True),   # 180 days before
    ("2028-05-09", True),   # the expiry day
    ("2028-05-10", False),  # expired
])
def test_expiring_soon(today, expected):
    assert v.expiring_soon(EXPIRY, D(today)) is expected


def test_expiring_soon_window_and_unknown_expiry():
    assert v.expiring_soon(EXPIRY, D("2028-04-09"), days=30)
    assert not v.expiring_soon(EXPIRY, D("2028-04-08"), days=30)
    assert not v.expiring_soon(None, AS_OF)


@pytest.mark.parametrize("expiry, due", [
    ("2028-05-09", "2027-11-09"),
    ("2027-12-31", "2027-06-30"),
    ("2025-08-31", "2025-02-28"),
    ("2024-08-29", "2024-02-29"),
])
def test_evaluation_due(expiry, due):
    assert v.evaluation_due(D(expiry)) == D(due)


# --------------------------------------------------------------------------- the sample issue


def test_sample_acceptance(sample):
    rows = by_id(view.validity_rows(sample, v.archive_status(sample, AS_OF)))
    got = {id: (row.expiry_date, row.expiry_basis, row.status) for id, row in rows.items()}
    assert got == {
        "wzb-2023-40": (D("2033-05-14"), ExpiryBasis.COMPUTED, Status.IN_FORCE),
        "wzb-2023-42": (D("2028-05-09"), ExpiryBasis.COMPUTED, Status.IN_FORCE),
        "wzb-2023-44": (D("2025-05-14"), ExpiryBasis.COMPUTED, Status.EXPIRED),
        "wzf-2023-17": (D("2027-12-31"), ExpiryBasis.PLAN_PERIOD, Status.IN_FORCE),
        "wzb-2023-45": (D("2027-12-31"), ExpiryBasis.PLAN_PERIOD, Status.IN_FORCE),
    }


def test_rows_sorted_by_expiry(sample):
    order = [row.id for row in view.validity_rows(sample, v.archive_status(sample, AS_OF))]
    assert order == ["wzb-2023-44", "wzf-2023-17", "wzb-2023-45", "wzb-2023-42", "wzb-2023-40"]


def test_row_fields(sample):
    row = by_id(view.validity_rows(sample, v.archive_status(sample, AS_OF), pdf_url))["wzb-2023-42"]
    assert (row.doc_number, row.registration_number, row.issuer) == (
        "温政办〔2023〕42号", "ZJCC01-2023-0008", OFFICE)
    assert (row.signed_date, row.effective_date, row.validity) == (
        D("2023-04-06"), D("2023-05-10"), "5年")
    assert row.evaluation_due == D("2027-11-09")
    assert "2023-05-10" in row.expiry_rule and "2028-05-09" in row.expiry_rule
    assert row.url == "doc/wzb-2023-42/"
    assert row.pdf_href == "pdf/wzgb-2023-04.pdf#page=14"
    # One source per sentence: 施行日期 and 有效期 come from the same one.
    assert [(s.labels, s.page, s.href) for s in row.sources] == [
        (("成文日期",), 14, "pdf/wzgb-2023-04.pdf#page=14"),
        (("施行日期", "有效期"), 18, "pdf/wzgb-2023-04.pdf#page=18")]


def test_expiring_soon_flag_only_when_in_force(sample):
    rows = by_id(view.validity_rows(sample, v.archive_status(sample, D("2033-01-01"))))
    assert rows["wzb-2023-40"].expiring_soon
    assert not rows["wzb-2023-42"].expiring_soon  # expired by then
    assert not by_id(view.validity_rows(sample, v.archive_status(sample, AS_OF)))["wzb-2023-40"].expiring_soon


def test_repeals_named_in_the_archive(sample):
    [repeal] = v.resolve_repeals(sample)
    assert (repeal.target, repeal.repealer_number, repeal.on, repeal.target_id) == (
        "温州市人民政府令第147号", "温政办〔2023〕42号", D("2023-05-10"), None)


def test_repealed_document_in_archive(sample):
    old = Document(id="ling-147", issue="2019-01", position=1, section="", type=DocType.MEASURE,
                   title="温州市区公共租赁住房保障办法", blocks=(), pages=(1, 3),
                   doc_number="温州市人民政府令第147号",
                   effective_date=fact("2019-03-01", "本办法自2019年3月1日起施行。", 3))
    archive = (old, *sample)
    # The repeal takes effect with 温政办〔2023〕42号 on 2023-05-10.
    before = by_id(view.validity_rows(archive, v.archive_status(archive, D("2023-05-09"))))["ling-147"]
    after = by_id(view.validity_rows(archive, v.archive_status(archive, D("2023-05-10"))))["ling-147"]
    assert before.status is Status.IN_FORCE
    assert after.status is Status.REPEALED
    assert (after.repealed_by, after.repealed_on) == ("温政办〔2023〕42号", D("2023-05-10"))


def test_repeal_naming_a_title_repeals_a_regulation_without_a_number(sample):
    """《温州市…条例》同时废止: a local regulation has no 文号, so the title names it."""
    old = Document(id="2016-01-item-1", issue="2016-01", position=1, section="法规规章", type=DocType.MEASURE,
                   title="温州市区公共租赁住房保障办法", blocks=(), pages=(1, 3),
                   force_level=ForceLevel.LOCAL_REGULATION,
                   effective_date=fact("2016-03-01", "本办法自2016年3月1日起施行。", 3))
    repealer = dataclasses.replace(sample[0], repeals=("《温州市区公共租赁住房保障办法》",))
    archive = (old, repealer, *sample[1:])
    rows = by_id(view.validity_rows(archive, v.archive_status(archive, D("2023-05-10"))))
    assert rows[old.id].status is Status.REPEALED
    assert rows[old.id].repealed_by == repealer.doc_number


def test_a_regulation_stating_no_term_is_in_force_until_repealed(sample):
    regulation = Document(id="2021-12-item-1", issue="2021-12", position=1, section="法规规章", type=DocType.MEASURE,
                          title="温州市销售燃放烟花爆竹管理规定", blocks=(), pages=(3, 4), form="规定",
                          force_level=ForceLevel.LOCAL_REGULATION,
                          effective_date=fact("2021-12-01", "第十二条 本规定自2021年12月1日起施行。", 4))
    row = by_id(view.validity_rows((regulation,), v.archive_status((regulation,), D("2026-11-29"))))[regulation.id]
    assert (row.until_repealed, row.validity, row.expiry_date, row.status) == (True, "长期有效", None, Status.IN_FORCE)
    assert (row.form, row.force_level) == ("规定", ForceLevel.LOCAL_REGULATION)
    assert row.as_json()["force_level"] == "local_regulation"


def test_interpretation_conflict_is_reported(sample):
    warnings = v.consistency_checks(sample)
    assert [(w.kind, w.item) for w in warnings] == [("validity-conflict", "jd-wzb-2023-40")]
    chinese, english = warnings[0].message, warnings[0].english
    for needle in ("温政办〔2023〕40号", "2023-05-05", "2023-05-15", "政策解读"):
        assert needle in chinese
    for needle in ("温政办〔2023〕40号", "2023-05-05", "2023-05-15", "jd-wzb-2023-40", "interpretation"):
        assert needle in english
    assert " / " not in chinese
    assert warnings[0].page == 30


def test_stated_validity_conflict():
    target = make("a", 1, doc_number="温政办〔2023〕1号", validity=Validity(years=5),
                  effective_date=fact("2023-05-10", "自2023年5月10日起施行。", 1))
    interp = make("jd", 2, DocType.INTERPRETATION, interprets="温政办〔2023〕1号",
                  stated_validity=Validity(years=3, evidence=Evidence("有效期3年。", 2)))
    [warning] = v.consistency_checks((target, interp))
    assert warning.kind == "validity-conflict"
    assert "3年" in warning.message and "5年" in warning.message and warning.page == 2


def test_effective_before_signed():
    doc = make("a", 1, doc_number="温政办〔2023〕1号",
               signed_date=fact("2023-04-06", "2023年4月6日", 2),
               effective_date=fact("2023-04-01", "自2023年4月1日起施行。", 2))
    [warning] = v.consistency_checks((doc,))
    assert warning.kind == "effective-before-signed"
    assert "2023-04-01" in warning.message and "2023-04-06" in warning.message


@pytest.mark.parametrize("validity, reported", [
    (Validity(years=5, trial=True), False),
    (Validity(years=6, trial=True), True),
    (Validity(months=61, trial=True), True),
    (Validity(years=10, trial=False), False),
    (Validity(until=D("2028-05-09"), trial=True), False),  # exactly 5 years from 2023-05-10
    (Validity(until=D("2028-05-10"), trial=True), True),
])
def test_trial_validity_over_five_years(validity, reported):
    doc = make("a", 1, validity=validity, effective_date=fact("2023-05-10", "施行。", 1))
    kinds = [w.kind for w in v.consistency_checks((doc,))]
    assert kinds == (["trial-validity-too-long"] if reported else [])


def test_repealed_document_cited_later(sample):
    later = Document(id="wzb-2023-60", issue="2023-06", position=1, section="",
                     type=DocType.MEASURE, title="某办法", blocks=(), pages=(1, 1),
                     references=("温州市人民政府令第147号",))
    interp = make("jd-wzb-2023-42", 10, DocType.INTERPRETATION, interprets="温政办〔2023〕42号",
                  references=("温州市人民政府令第147号",))
    warnings = [w for w in v.consistency_checks((*sample, interp, later)) if w.kind == "repealed-cited"]
    # 42号 itself and its interpretation name 147号 to repeal it: only the later citation counts.
    assert [w.item for w in warnings] == ["wzb-2023-60"]
    assert "温政办〔2023〕42号" in warnings[0].message


# --------------------------------------------------------------------------- page and exports


def write_validity(documents, folder: Path, autoescape: bool = False) -> None:
    """The validity page (Chinese) and its exports, written under ``folder``."""
    status = v.archive_status(documents, AS_OF)
    env = environment(autoescape)
    env.globals.update(view.validity_globals(status, pdf_url), **status_globals(status, env.globals["t"]))
    rows, warnings = view.validity_rows(documents, status, pdf_url), v.consistency_checks(documents)
    for name, content in {**view.validity_page(rows, warnings, env, AS_OF), **view.validity_exports(rows, warnings, AS_OF)}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


@pytest.fixture(scope="module")
def built(sample, tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    write_validity(sample, docs)
    return docs


def test_files_written(built):
    for name in ("validity/index.md", "api/validity.csv", "api/validity.json", "validity.ics"):
        assert (built / name).is_file(), name


def test_build_is_byte_identical(sample, built, tmp_path):
    write_validity(sample, tmp_path)
    for path in built.rglob("*"):
        if path.is_file():
            assert (tmp_path / path.relative_to(built)).read_bytes() == path.read_bytes(), path


def test_csv_has_bom_and_round_trips_chinese(built):
    raw = (built / "api/validity.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0])[:3] == ["文号 doc_number", "登记号 registration_number", "标题 title"]
    row = next(r for r in rows if r["文号 doc_number"] == "温政办〔2023〕44号")
    assert row["标题 title"] == "温州市人民政府办公室关于印发温州市区城市地下综合管廊管理办法（试行）的通知"
    assert (row["失效日期 expiry_date"], row["时效性 status"]) == ("2025-05-14", "expired")
    assert "本办法自2023年5月15日起施行，有效期2年。" in row["依据 sources"]
    repealer = next(r for r in rows if r["文号 doc_number"] == "温政办〔2023〕42号")
    assert repealer["废止 repeals"] == "温州市人民政府令第147号"


def test_json_export(built):
    data = json.loads((built / "api/validity.json").read_text(encoding="utf-8"))
    assert data["as_of"] == "2026-11-29"
    first = data["documents"][0]
    assert (first["id"], first["expiry_date"], first["status"], first["expiry_basis"]) == (
        "wzb-2023-44", "2025-05-14", "expired", "computed")
    assert [w["item"] for w in data["warnings"]] == ["jd-wzb-2023-40"]


def test_ics_parses_with_events_per_expiry_and_evaluation(built):
    cal = icalendar.Calendar.from_ical((built / "validity.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2 * 5
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert "wzb-2023-42.expiry@gazette-site" in uids
    by_uid = {str(e["UID"]): e for e in events}
    expiry = by_uid["wzb-2023-42.expiry@gazette-site"]
    assert expiry.decoded("DTSTART") == D("2028-05-09")  # all-day: a date, not a datetime
    assert expiry.decoded("DTEND") == D("2028-05-10")
    assert by_uid["wzb-2023-42.evaluation@gazette-site"].decoded("DTSTART") == D("2027-11-09")
    assert {e.decoded("DTSTAMP").date() for e in events} == {AS_OF}
    assert "温政办〔2023〕42号" in str(expiry["SUMMARY"])


def test_page_table(built):
    page = (built / "validity/index.md").read_text(encoding="utf-8")
    # Full width; out of the theme's search index (Zensical's field limit, tests/test_zensical.py).
    assert page.startswith("---\ntitle: 有效期\nhide:\n  - navigation\n  - toc\nsearch:\n  exclude: true\n---\n")
    assert '<time datetime="2026-11-29" data-validity-as-of>2026-11-29</time>' in page
    # A document is a <tbody>: its row, then its evidence (folded by the script).
    row = re.search(r'<tbody id="wzb-2023-40".*?</tbody>', page, re.S).group(0)
    assert 'data-effective="2023-05-15" data-expiry="2033-05-14" data-repealed-on=""' in row
    assert '<a href="../doc/wzb-2023-40/">' in row
    assert 'href="../pdf/wzgb-2023-04.pdf#page=13"' in row
    assert "ZJCC01-2023-0007" in row and "现行有效" in row and "2032-11-14" in row
    repealer = re.search(r'<tbody id="wzb-2023-42".*?</tbody>', page, re.S).group(0)
    assert "<dt>同时废止</dt><dd>温州市人民政府令第147号</dd>" in repealer
    assert "推算" in row and 'title="施行日期 2023-05-15 起算' in row
    assert re.search(r'data-status="expired"[^>]*>已失效</span>', page)
    for label in ("文号", "标题", "发文机关", "成文日期", "施行日期", "有效期", "失效日期", "时效性"):
        assert '<button type="button" data-sort="' in page and f">{label}</button></th>" in page, label
    for label in ("登记号", "评估日期", "依据"):
        assert f"<dt>{label}</dt>" in row, label
    assert "2023-05-05" in page and "validity-conflict" in page
    # Default order is by expiry; rows appear in it.
    ids = re.findall(r'<tbody id="([^"]+)"', page)
    assert ids == ["wzb-2023-44", "wzf-2023-17", "wzb-2023-45", "wzb-2023-42", "wzb-2023-40"]


def test_page_has_no_blank_line_inside_html_blocks(built):
    """Python-Markdown ends a raw HTML block at a blank line and would treat the rest as text."""
    page = (built / "validity/index.md").read_text(encoding="utf-8")
    table = page[page.index("<table"):page.index("</table>")]
    assert "\n\n" not in table


@pytest.mark.parametrize("autoescape", [False, True])
def test_extracted_text_is_escaped_once(sample, tmp_path, autoescape):
    evil = make("evil", 20, title="办法<script>alert(1)</script>", doc_number="温政办〔2023〕99号",
                effective_date=fact("2023-05-10", "自<b>2023年5月10日</b>起施行。", 1))
    write_validity((*sample, evil), tmp_path, autoescape)
    page = (tmp_path / "validity/index.md").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>2023" not in page
    # Titles go through md_escape (numeric references), which also covers other languages.
    assert "办法&#60;script&#62;alert(1)&#60;/script&#62;" in page
    assert "自&lt;b&gt;2023年5月10日&lt;/b&gt;起施行。" in page
    assert "&amp;lt;" not in page and "&amp;#60;" not in page


# --------------------------------------------------------------------------- document panel


def panel(documents, doc, as_of=AS_OF) -> str:
    """The document page's metadata panel, whose status rows and JSON-LD come from the
    validity view."""
    env = environment()
    status = v.archive_status(documents, as_of)
    env.globals.update(view.validity_globals(status, pdf_url), **status_globals(status, env.globals["t"]))
    return env.get_template("partials/metadata_panel.html.j2").render(
        doc=doc, as_of=as_of, issue=SimpleNamespace(id="2023-04", pdf_name="wzgb-2023-04.pdf",
                                                identity=SimpleNamespace(year=2023, number=4, serial=248, title=None)),
        links=SimpleNamespace(interprets=SimpleNamespace(target=None)))


def jsonld(html: str) -> dict:
    [text] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(text)


def test_panel_for_a_measure(sample):
    doc = by_id(sample)["wzb-2023-42"]
    html = panel(sample, doc)
    assert 'data-effective="2023-05-10" data-expiry="2028-05-09"' in html
    assert "现行有效" in html and "2027-11-09" in html
    assert 'href="../../pdf/wzgb-2023-04.pdf#page=18"' in html
    data = jsonld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
    assert data == data | {
        "name": doc.title, "legislationIdentifier": "温政办〔2023〕42号",
        "legislationDate": "2023-04-06", "legislationDateOfApplicability": "2023-05-10",
        "expires": "2028-05-09", "legislationLegalForce": "https://schema.org/InForce"}


def test_panel_not_in_force(sample):
    data = jsonld(panel(sample, by_id(sample)["wzb-2023-44"]))
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"


def test_panel_jsonld_cannot_close_its_script(sample):
    title = "办法</script><script>alert(1)</script>&"
    doc = make("evil", 20, title=title, effective_date=fact("2023-05-10", "施行。", 1))
    html = panel((*sample, doc), doc)
    script = html[html.index('type="application/ld+json">'):]
    assert "alert(1)</script>" not in script and "<script>alert" not in script
    assert jsonld(html)["name"] == title


def test_panel_has_no_validity_rows_without_validity_facts(sample):
    docs = by_id(sample)
    for doc_id in ("brief-1", "jd-wzb-2023-40", "wzb-2023-46"):
        html = panel(sample, docs[doc_id])
        assert "validity-panel" not in html and "评估日期" not in html, doc_id
        assert "application/ld+json" not in html, doc_id


def test_panel_shows_each_fact_once(sample):
    """One panel: status, 文号, dates and evidence each appear in one row."""
    html = panel(sample, by_id(sample)["wzb-2023-42"])
    html = html[:html.index('<script type="application/ld+json">')]  # the machine-readable copy
    keys = re.findall(r'<tr data-key="([a-z_]+)"', html)
    assert len(keys) == len(set(keys))
    assert keys[0] == "status"
    assert {"doc_number", "registration_number", "effective_date", "validity", "expiry_date",
            "evaluation_due", "sources"} <= set(keys)
    assert html.count("温政办〔2023〕42号") == 1 and html.count("ZJCC01-2023-0008") == 1
