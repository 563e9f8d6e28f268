"""Languages: the glossary, t(), dates, marking Chinese, translators' files, title_en."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from extract.build import theme_hook
from extract.paths import TEMPLATES_DIR, TRANSLATIONS_DIR
from extract.site import i18n, render
from extract.site.labels import TYPE_LABELS
from extract.site.status_labels import STATUS_LABELS
from extract.documents.validity import archive_status
from extract.site.api import documents_payload
from extract.site.translations import load_translations, parse_translation, unknown_ids
from extract.site.validity_view import BASIS_LABELS

GLOSSARY = TRANSLATIONS_DIR / "glossary.en.yml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def english(tmp_path) -> i18n.Language:
    """English from a small glossary: sections, a top-level entry and patterns."""
    write(
        tmp_path / "glossary.en.yml",
        "types:\n  通知: Notice\n"
        "patterns:\n  '{n}年': '{n} years'\n  '至{date}': 'until {date}'\n"
        "  '{y}年第{n}期': '{y}, No. {n}'\n  '{y}年第{n}期（总第{s}期）': '{y}, No. {n} (Serial No. {s})'\n"
        "第 {page} 页: page {page}\n",
    )
    return i18n.language("en", tmp_path)


def test_bad_glossary_names_the_file(tmp_path):
    bad = write(tmp_path / "glossary.en.yml", "types:\n  通知: Notice\nsections:\n  通知: Circular\n")
    with pytest.raises(ValueError, match=r"glossary\.en\.yml.*'通知' has two English texts"):
        i18n.load_glossary(bad)
    write(bad, "通知: ''\n")
    with pytest.raises(ValueError, match="needs an English string"):
        i18n.load_glossary(bad)
    write(bad, "'{x}': anything\n")
    with pytest.raises(ValueError, match="needs literal text"):
        i18n.load_glossary(bad)


def test_unknown_language_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Unknown language 'fr'"):
        i18n.language("fr", tmp_path)


def test_chinese_is_the_source_and_passes_through():
    zh = i18n.Language("zh")
    assert zh.t("文号") == "文号"
    assert zh.t("第 {page} 页", page=3) == "第 3 页"
    assert zh.date(dt.date(2023, 5, 10)) == "2023-05-10"
    assert zh.mark_chinese("温政办〔2023〕42号") == "温政办〔2023〕42号"


def test_t_looks_up_sections_top_level_and_placeholders(english):
    assert english.t("通知") == "Notice"
    assert english.t("第 {page} 页", page=14) == "page 14"


def test_t_escapes_text_and_values_but_not_markup_values(english):
    assert english.t("<b>") == "&lt;b&gt;"
    assert english.t("第 {page} 页", page="<i>") == "page &lt;i&gt;"
    assert english.t("第 {page} 页", page=english.mark_chinese("十四")) == 'page <span lang="zh">十四</span>'


def test_missing_entry_stays_chinese_so_the_scan_finds_it(english):
    assert english.t("未收录的说明") == "未收录的说明"
    assert english.lookup("未收录的说明") is None


def test_patterns_translate_generated_text_longest_first(english):
    assert english.t("5年") == "5 years"
    assert english.t("2023年第4期（总第248期）") == "2023, No. 4 (Serial No. 248)"
    assert english.t("2023年第4期") == "2023, No. 4"


def test_pattern_values_that_are_iso_dates_are_written_in_english(english):
    assert english.t("至2025-05-14") == "until 14 May 2025"


@pytest.mark.parametrize("day, text", [(dt.date(2023, 5, 10), "10 May 2023"), (dt.date(2024, 2, 29), "29 February 2024")])
def test_english_dates(day, text, english):
    assert english.date(day) == text
    assert english.date(None) == "—"


def test_chinese_runs_are_marked_on_english_pages(english):
    marked = english.mark_chinese("Cites 温政办〔2023〕42号; ZJCC01-2023-0008")
    assert marked == 'Cites <span lang="zh">温政办〔2023〕42号</span>; ZJCC01-2023-0008'
    assert english.mark_chinese("2023年4月6日") == '<span lang="zh">2023年4月6日</span>'
    assert english.mark_chinese("《4月份市政府记事》") == '<span lang="zh">《4月份市政府记事》</span>'
    assert english.mark_chinese("<b>文号</b>") == '&lt;b&gt;<span lang="zh">文号</span>&lt;/b&gt;'


def test_project_glossary_loads_and_covers_every_label_the_code_defines():
    glossary = i18n.load_glossary(GLOSSARY)
    labels = [*TYPE_LABELS.values(), *STATUS_LABELS.values(), *BASIS_LABELS.values()]
    assert [label for label in labels if label not in glossary.entries] == []


# t("…") or t('…') with a literal first argument, in page and theme templates (not
# material's own lang.t).
T_CALL = re.compile(r"""(?<![\w.])t\((?:"([^"]+)"|'([^']+)')\s*[,)]""")


def test_every_interface_string_of_the_templates_has_english():
    english = i18n.Language("en", i18n.load_glossary(GLOSSARY))
    templates = [*TEMPLATES_DIR.rglob("*.j2"), *(TEMPLATES_DIR.parent / "overrides").rglob("*.html")]
    used = {(p.name, "".join(key)) for p in templates for key in T_CALL.findall(p.read_text(encoding="utf-8"))}
    assert len(used) > 100
    assert sorted((name, key) for name, key in used if english.lookup(key) is None) == []


@pytest.mark.parametrize(
    "day, month_day, year_month, weekday",
    [(dt.date(2023, 4, 3), "3 April", "April 2023", "Monday"), (dt.date(2024, 12, 29), "29 December", "December 2024", "Sunday")],
)
def test_calendar_dates_in_each_language(day, month_day, year_month, weekday, english):
    chinese = i18n.Language("zh")
    assert (chinese.month_day(day), chinese.year_month(day), chinese.weekday(day)) == (
        f"{day.month}月{day.day}日", f"{day.year}年{day.month}月", "星期一" if day.weekday() == 0 else "星期日")
    assert (english.month_day(day), english.year_month(day), english.weekday(day)) == (month_day, year_month, weekday)


def test_translation_file_title_summary_body(tmp_path):
    path = write(
        tmp_path / "en" / "wzb-2023-42.md",
        "---\ntitle: Measures on Public Rental Housing\nsummary: Who may apply.\n---\n\n## Chapter 1\n\nText.\n",
    )
    translation = parse_translation(path)
    assert (translation.doc_id, translation.title, translation.summary) == (
        "wzb-2023-42", "Measures on Public Rental Housing", "Who may apply.")
    assert translation.body == "## Chapter 1\n\nText."
    assert load_translations(tmp_path, "en") == {"wzb-2023-42": translation}
    assert load_translations(tmp_path / "missing", "en") == {}
    assert unknown_ids({"wzb-2023-42": translation, "typo": translation}, ["wzb-2023-42"]) == ["typo"]


@pytest.mark.parametrize("text", ["title: no front matter\n", "---\nsummary: no title\n---\n", "---\n[: bad\n---\n"])
def test_bad_translation_file_names_the_file(tmp_path, text):
    path = write(tmp_path / "en" / "x.md", text)
    with pytest.raises(ValueError, match=r"x\.md"):
        parse_translation(path)


def test_api_title_en_is_null_unless_translated(sample_issue, as_of):
    records = documents_payload([sample_issue], archive_status(sample_issue.documents, as_of), {"measure-dated": "Sample Measures"})["documents"]
    assert {r["id"]: r["title_en"] for r in records} == {
        "measure-dated": "Sample Measures", "brief-hostile": None, "interp-undated": None}
    json.dumps(records)


def test_render_writes_english_pages_with_translations(tmp_path, sample_issue, source_dir, as_of):
    translations = tmp_path / "translations"
    write(translations / "glossary.en.yml", GLOSSARY.read_text(encoding="utf-8"))
    write(translations / "en" / "measure-dated.md", "---\ntitle: Sample Measures\n---\n")
    docs = tmp_path / "docs"
    render.render_site([sample_issue], docs, as_of, source_dir, translations_dir=translations)
    translated = (docs / "en/doc/measure-dated/index.md").read_text(encoding="utf-8")
    assert "# Sample Measures" in translated
    # A title but no full text: the Chinese original still follows the notice.
    assert "Not yet translated" in translated and '<div class="gz-original" lang="zh">' in translated
    untranslated = (docs / "en/doc/interp-undated/index.md").read_text(encoding="utf-8")
    # Untranslated: a label generated from its type (and issuer, 文号 when known), marked as
    # generated, beside the Chinese title.
    h1 = re.search(r"<h1>.*</h1>", untranslated).group(0)
    assert h1.startswith('<h1><span class="gz-generated" title="English label generated from')
    assert '>Policy Interpretation' in h1 and '<span class="gz-generated__mark"> (generated)</span>' in h1
    assert h1.endswith('</span> <span lang="zh">关于《温州市示例管理办法》的政策解读</span></h1>')
    # Shared files are written once, at the Chinese root, and linked from English pages.
    assert not (docs / "en/pdf").exists() and not (docs / "en/api").exists()
    assert 'href="../../../pdf/sample.pdf#page=1"' in translated
    api = json.loads((docs / "api/documents.json").read_text(encoding="utf-8"))
    assert {r["id"]: r["title_en"] for r in api["documents"]}["measure-dated"] == "Sample Measures"


@pytest.mark.parametrize("code, text", [("zh", "文号"), ("en", "Document No.")])
def test_theme_templates_get_t_in_the_build_language(code, text):
    env = jinja2.Environment(autoescape=True)
    theme_hook.on_env(env, SimpleNamespace(theme={"language": code}), files=None)
    assert env.from_string('{{ t("文号") }}').render() == text
