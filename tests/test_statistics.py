"""Statistics tables: CSV export and the growth-rate chart, on a small indicator table laid
out like the gazette's monthly table (label, unit, 当月, 同比±%, 累计, 同比±%)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from extract.model import BlockKind, DocType, Document, TableGrid
from extract.site import render
from extract.site.statistics import growth_chart, lay_out_chart, table_csv, table_exports
from tests.conftest import BOX, block


@pytest.fixture
def indicators() -> TableGrid:
    return TableGrid(
        bbox=BOX,
        rows=(
            ("指标", "单位", "当月", "同比±%", "累计", "同比±%"),
            ("一、工业增加值", "亿元", "122.33", "7.4", "477.53", "-6.4"),
            ("#住户存款", "亿元", "——", "——", "12246.37", "22.5"),
            ("二、价格指数", "%", "100.3", "——", "101.3", "——"),
        ),
        header_rows=1,
    )


def test_csv_keeps_every_cell_as_printed(indicators):
    rows = list(csv.reader(io.StringIO(table_csv(indicators))))
    assert rows == [list(row) for row in indicators.rows]
    assert table_csv(indicators).endswith("\r\n")


def test_chart_has_one_series_per_change_column_and_skips_rows_without_changes(indicators):
    chart = growth_chart(indicators, "示例指标")
    assert [s.name for s in chart.series] == ["当月 同比±%", "累计 同比±%"]
    assert chart.rows == ("一、工业增加值", "其中：住户存款")
    assert chart.series[0].values == (7.4, None)
    assert chart.series[1].values == (-6.4, 22.5)


def test_table_without_change_columns_has_no_chart():
    grid = TableGrid(bbox=BOX, rows=(("序号", "名称"), ("1", "甲")), header_rows=1)
    assert growth_chart(grid, "名单") is None


def test_negative_bars_extend_left_of_the_zero_line(indicators):
    layout = lay_out_chart(growth_chart(indicators, "示例指标"))
    negative = next(bar for bar in layout.bars if bar.value < 0)
    positive = [bar for bar in layout.bars if bar.value > 0]
    assert negative.x + negative.width == pytest.approx(layout.zero_x, abs=0.2)
    assert all(bar.x == layout.zero_x for bar in positive)
    assert max(bar.x + bar.width for bar in layout.bars) <= layout.width


def test_statistics_page_gets_csv_and_accessible_svg(tmp_path, indicators, make_issue, source_dir, as_of):
    doc = Document(id="stats", issue="2023-04", position=1, section="统计资料", type=DocType.STATISTICS,
                   title="示例指标", blocks=(block(BlockKind.TABLE, table=indicators),), pages=(1, 1))
    assert [t.csv_name for t in table_exports(doc)] == ["table-1.csv"]
    docs_dir = tmp_path / "docs"
    render.render_site([make_issue(doc)], docs_dir, as_of, source_dir)
    folder = docs_dir / "doc" / "stats"
    assert (folder / "table-1.csv").read_bytes().startswith("\ufeff指标,单位".encode())
    svg = ET.parse(folder / "table-1.svg").getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert svg.get("role") == "img"
    assert "示例指标" in svg.find("svg:title", ns).text
    assert "表 1" in svg.find("svg:desc", ns).text
    page = (folder / "index.md").read_text(encoding="utf-8")
    assert '<img src="../../doc/stats/table-1.svg"' in page and 'alt="' in page
    assert 'href="../../doc/stats/table-1.csv" download' in page
    assert "<table" in page  # the table itself stays on the page


def test_other_types_get_no_exports(dated_measure):
    assert table_exports(dated_measure) == ()
