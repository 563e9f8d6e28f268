"""A document page's reader links: citation line, previous/next in the issue, and relations
across the archive (interprets, interpreted by, repeals, cites, cited by)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from extract.model import BlockKind, DocType, Document
from extract.site import render
from extract.site.markup import displayed_outline, heading_marks
from extract.site.doclinks import Reference, document_links
from tests.conftest import block


@pytest.fixture
def citing_notice(dated_measure: Document) -> Document:
    """A notice of a later position that cites the measure and one 文号 not in the archive."""
    return Document(
        id="notice-citing", issue="2023-04", position=4, section="市政府办公室文件", type=DocType.NOTICE,
        title="关于执行示例管理办法的通知", blocks=(), pages=(6, 6), doc_number="温政办〔2023〕50号",
        references=(dated_measure.doc_number, "浙政办发〔2020〕1号"),
    )


@pytest.fixture
def archive(sample_issue, citing_notice, make_issue):
    return make_issue(*sample_issue.documents, citing_notice)


def test_links_between_measure_interpretation_and_citing_notice(archive):
    measure, brief, interpretation, notice = archive.documents
    links = document_links(archive.documents)
    assert links[measure.id].interpreted_by == (interpretation,)
    assert links[measure.id].cited_by == (notice,)
    assert links[measure.id].repeals == (Reference("温州市人民政府令第147号", None),)
    assert links[interpretation.id].interprets == Reference(measure.doc_number, measure)
    assert links[notice.id].cites == (Reference(measure.doc_number, measure), Reference("浙政办发〔2020〕1号", None))


def test_previous_and_next_follow_positions_within_the_issue(archive, make_issue, dated_measure):
    measure, brief, interpretation, notice = archive.documents
    other_issue = dataclasses.replace(dated_measure, id="later", issue="2023-05", doc_number=None)
    links = document_links([*archive.documents, other_issue])
    assert (links[measure.id].previous, links[measure.id].next) == (None, brief)
    assert (links[interpretation.id].previous, links[interpretation.id].next) == (brief, notice)
    assert links[notice.id].next is None
    assert (links["later"].previous, links["later"].next) == (None, None)


@pytest.fixture
def measure_page(tmp_path, archive, source_dir, as_of) -> str:
    docs_dir = tmp_path / "docs"
    render.render_site([archive], docs_dir, as_of, source_dir)
    return (docs_dir / "doc" / "measure-dated" / "index.md").read_text(encoding="utf-8")


def test_citation_line_names_issuer_title_number_issue_and_pages(measure_page):
    text = re.search(r'<span class="gz-citation-text" id="gz-citation-measure-dated">(.*?)</span> <button', measure_page).group(1)
    assert "<cite>《温州市示例管理办法》</cite>" in text
    assert re.sub(r"<[^>]+>", "", text) == ("温州市人民政府办公室：《温州市示例管理办法》（温政办〔2023〕42号），"
                    "载《温州市人民政府公报》2023年第4期（总第248期），第 1–3 页。")
    assert 'data-copy="gz-citation-measure-dated"' in measure_page and " hidden>" in measure_page


def test_document_page_links_related_documents_and_neighbours(measure_page):
    assert '<dd data-rel="interpreted-by"><a href="../../doc/interp-undated/">' in measure_page
    assert '<dd data-rel="cited-by"><a href="../../doc/notice-citing/">' in measure_page
    assert '<dd data-rel="repeals">温州市人民政府令第147号</dd>' in measure_page  # not archived: text
    assert 'rel="next" href="../../doc/brief-hostile/"' in measure_page
    assert 'rel="prev"' not in measure_page
    assert "pdf/sample.pdf#page=1" in measure_page


@pytest.mark.parametrize(
    "levels, marks",
    [
        ([3, 3], ["##", "##"]),  # only （一） headings: they are the page's sections
        ([2, 3, 2], ["##", "###", "##"]),
        ([3, 2, 3], ["##", "##", "###"]),  # a deeper heading first is not nested under nothing
        ([1, 2, 3], ["##", "###", "####"]),
    ],
)
def test_displayed_headings_start_below_h1_and_skip_none(levels, marks):
    blocks = [block(BlockKind.HEADING, f"标题{n}", level=level) for n, level in enumerate(levels)]
    blocks.insert(1, block(BlockKind.PARAGRAPH, "正文"))
    shown = displayed_outline(blocks)
    assert shown[1] == blocks[1]
    assert [heading_marks(b) for b in shown if b.kind is BlockKind.HEADING] == marks


def test_a_repeal_naming_a_title_or_an_order_number_links_the_archived_document(dated_measure):
    """《温州市…办法》同时废止 and …令第147号 resolve to the documents bearing that title or number."""
    old_rule = Document(
        id="wzsrmzfl-147", issue="2013-01", position=1, section="法规规章", type=DocType.MEASURE,
        title="温州市区公共租赁住房保障办法", blocks=(), pages=(3, 3), doc_number="温州市人民政府令第147号",
    )
    old_regulation = Document(
        id="2012-01-item-1", issue="2012-01", position=1, section="法规规章", type=DocType.MEASURE,
        title="温州市区廉租住房保障办法", blocks=(), pages=(3, 3),
    )
    repealer = dataclasses.replace(dated_measure, repeals=("《温州市区廉租住房保障办法》", "温州市人民政府令第147号"))
    links = document_links([old_regulation, old_rule, repealer])
    assert links[repealer.id].repeals == (
        Reference("《温州市区廉租住房保障办法》", old_regulation),
        Reference("温州市人民政府令第147号", old_rule),
    )
