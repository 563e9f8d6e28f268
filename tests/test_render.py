"""Rendering: escaping of extracted text, tables, paths kept inside docs/, pages written."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from extract.model import BBox, TableGrid
from extract.site import render
from extract.site.environment import make_environment
from extract.site.markup import md_escape, safe_segment


@pytest.fixture
def docs(tmp_path, sample_issue, source_dir, as_of):
    """docs/ rendered from the sample issue, with one failed PDF."""
    docs_dir = tmp_path / "docs"
    render.render_site([sample_issue], docs_dir, as_of, source_dir, failures=["bad.pdf: no text layer"])
    return docs_dir


def test_md_escape_defuses_html_and_jinja():
    escaped = md_escape("<script>alert(1)</script> {{ x }} {% y %}")
    assert "<" not in escaped and "{{" not in escaped and "{%" not in escaped
    assert escaped.startswith("&#60;script&#62;")


@pytest.mark.parametrize(
    "line, start",
    [("# 标题", "&#35;"), ("- 列表", "&#45;"), ("+ 列表", "&#43;"), ("1. 编号", "1&#46;"), ("2) 编号", "2&#41;"),
     ("    缩进", "缩进"), ("===", "&#61;")],
)
def test_md_escape_defuses_block_syntax_at_line_start(line, start):
    assert md_escape(line).startswith(start)


def test_md_escape_keeps_cjk_and_drops_control_characters():
    assert md_escape("第一条\x00　总则") == "第一条　总则"
    assert md_escape("\x00- 列表").startswith("&#45;")
    assert md_escape("甲\n乙", inline=True) == "甲 乙"
    assert md_escape(None) == ""


def table_html(grid: TableGrid) -> str:
    """The ``table_html`` macro of the document body, as a page renders it."""
    return make_environment().from_string('{% from "partials/blocks.md.j2" import table_html %}{{ table_html(grid) }}').render(grid=grid)


def test_table_html_rowspan_colspan_and_header(merged_cells_table):
    html = table_html(merged_cells_table)
    assert "<thead>\n<tr><th>序号</th><th>名称</th><th>承办单位</th></tr>\n</thead>" in html
    assert '<td rowspan="2">市住建局</td>' in html
    assert "<tr><td>2</td><td>乙办法</td></tr>" in html
    assert '<td colspan="2">合计</td>' in html


def test_table_html_without_header_and_escaped_cells():
    grid = TableGrid(bbox=BBox(0, 0, 100, 10), rows=(("<b>", "a\nb"),))
    html = table_html(grid)
    assert "<th" not in html and "<thead>" not in html
    assert "<td>&#60;b&#62;</td><td>a<br>b</td>" in html


@pytest.mark.parametrize("bad", ["", ".", "..", "a/b", "a\\b", "a\0b"])
def test_safe_segment_rejects_escapes(bad):
    with pytest.raises(ValueError, match="Invalid path segment"):
        safe_segment(bad)


def test_document_id_cannot_escape_docs(tmp_path, source_dir, hostile_brief, make_issue, as_of):
    evil = dataclasses.replace(hostile_brief, id="../../outside")
    with pytest.raises(ValueError):
        render.render_site([make_issue(evil)], tmp_path / "docs", as_of, source_dir)
    assert not (tmp_path / "outside").exists()


def test_pages_written(docs):
    for page in ["index.md", "issues/index.md", "issues/2023-04/index.md", "doc/measure-dated/index.md",
                 "types/index.md", "types/measure.md", "years/index.md", "years/2023.md", "report.md",
                 "api/documents.json", "api/issues.json", "api/report.json", "pdf/sample.pdf", "assets/gazette.css"]:
        assert (docs / page).is_file(), page


def test_validity_page_and_exports_written(docs):
    for name in ("validity/index.md", "en/validity/index.md", "api/validity.csv", "api/validity.json", "validity.ics",
                 "assets/validity.js", "assets/status.js", "assets/status-labels.js"):
        assert (docs / name).is_file(), name
    rows = json.loads((docs / "api/validity.json").read_text(encoding="utf-8"))["documents"]
    assert [row["id"] for row in rows] == ["measure-dated"]


def test_hostile_text_renders_as_text(docs):
    page = (docs / "doc/brief-hostile/index.md").read_text(encoding="utf-8")
    assert "<script>" not in page and "{{" not in page and "{%" not in page
    assert "\n# 不是标题" not in page and "\n- 不是列表" not in page
    assert 'title: "&#60;script&#62;' in page  # front matter title escaped too
    assert "提取存疑" in page  # uncertain note


def test_document_page_metadata_body_and_pdf_link(docs):
    page = (docs / "doc/measure-dated/index.md").read_text(encoding="utf-8")
    for label in ["文号", "登记号", "发文机关", "成文日期", "施行日期", "有效期", "失效日期", "时效性"]:
        assert f"<th>{label}</th>" in page
    assert re.search(r'<tr data-key="status" class="validity-panel" data-effective="2023-05-10" data-expiry="2028-05-09" '
                     r'data-repealed-on=""><th>时效性</th><td><span class="gz-status" data-status-of="measure-dated" '
                     r'data-status="in_force" data-effective="2023-05-10" data-expiry="2028-05-09" data-repealed-on="">'
                     r'现行有效</span>', page)
    assert '<tr data-key="form"><th>文种</th><td>办法</td></tr>' in page
    assert '<tr data-key="force_level"><th>效力级别</th><td>行政规范性文件</td></tr>' in page
    assert "\n## 第一章　总则\n" in page  # the document's outermost heading: h2, below the page's h1
    assert '<p class="gz-signature">2023年4月6日</p>' in page
    assert '<td rowspan="2">市住建局</td>' in page
    assert "../../pdf/sample.pdf#page=1" in page


def test_a_brief_shows_only_the_fields_found(docs):
    page = (docs / "doc/brief-hostile/index.md").read_text(encoding="utf-8")
    for key in ["doc_number", "registration_number", "signed_date", "effective_date", "validity", "expiry_date", "status"]:
        assert f'<tr data-key="{key}">' not in page
    assert '<tr data-key="issuer">' in page and '<tr data-key="pages">' in page


def test_interpretation_links_its_target(docs):
    page = (docs / "doc/interp-undated/index.md").read_text(encoding="utf-8")
    assert '<a href="../../doc/measure-dated/">温政办〔2023〕42号</a>' in page


def test_issue_page_lists_documents_in_gazette_order(docs):
    page = (docs / "issues/2023-04/index.md").read_text(encoding="utf-8")
    positions = [page.index(f"doc/{doc_id}/index.md") for doc_id in ["measure-dated", "brief-hostile", "interp-undated"]]
    assert positions == sorted(positions)
    assert '<a href="../../pdf/sample.pdf">下载本期 PDF</a>' in page


def test_report_lists_failures_and_warnings_by_kind(docs):
    page = (docs / "report.md").read_text(encoding="utf-8")
    assert "bad.pdf: no text layer" in page
    assert "### 缺少文号（1）" in page  # the kind in the page's words, not its code
    assert "missing-doc-number" not in page
    assert "| 4 | brief-hostile | no 文号 in the title block |" in page


def test_stale_pages_are_removed(tmp_path, source_dir, dated_measure, hostile_brief, make_issue, as_of):
    docs_dir = tmp_path / "docs"
    render.render_site([make_issue(dated_measure, hostile_brief)], docs_dir, as_of, source_dir)
    render.render_site([make_issue(dated_measure)], docs_dir, as_of, source_dir)
    assert not (docs_dir / "doc/brief-hostile").exists()


def test_render_is_deterministic(tmp_path, sample_issue, source_dir, as_of):
    outputs = []
    for name in ("a", "b"):
        render.render_site([sample_issue], tmp_path / name, as_of, source_dir)
        outputs.append({p.relative_to(tmp_path / name): p.read_bytes() for p in sorted((tmp_path / name).rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
