"""Statistics tables (统计资料) as CSV downloads and growth-rate bar charts.

Monthly indicator tables in the gazette have a label column, a unit column, and value
columns in pairs: a level (当月, 累计) followed by its year-on-year change (同比±%). The
levels of different rows have different units and cannot share an axis; the changes are all
percentages, so the chart shows those: one horizontal bar per row and change column.

The table stays the accessible source of the numbers: the chart is an image whose
``<title>``/``<desc>`` say what it shows and point to the table.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from extract.model import BlockKind, DocType, Document, TableGrid

# A column heading holding a year-on-year change: 同比±%, 同比增长(%), 比上年同期±%.
CHANGE_HEADING = re.compile(r"同比|比上年同期|增长")
# Chinese statistical tables mark a sub-item ("of which") with a leading #.
SUB_ITEM = re.compile(r"^[#＃]\s*")
NUMBER = re.compile(r"^[-−+]?\d+(?:\.\d+)?$")

# Chart geometry, in SVG user units (CSS pixels at 100 %).
WIDTH = 600
LABEL_WIDTH = 200  # room for a 14-character indicator name at 13 px
VALUE_ROOM = 50  # room right of the longest bar for its value
BAR = 13
GAP = 12  # between rows
TOP = 44  # legend
BOTTOM = 24  # zero-axis label
SERIES_COLOURS = ("#1a5a96", "#b5470f")  # both ≥ 4.5:1 on white


@dataclass(frozen=True)
class Series:
    """One change column: its name (e.g. ``当月同比±%``) and a value per chart row (None: blank)."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class GrowthChart:
    """Year-on-year changes (percent) of a table's rows, one series per change column."""

    title: str
    rows: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class Bar:
    """A bar as drawn: SVG rectangle in user units, its value and label position."""

    x: float
    y: float
    width: float
    height: float
    colour: str
    value: float
    label_x: float
    label_anchor: str


@dataclass(frozen=True)
class ChartLayout:
    """The chart's geometry, ready for ``templates/partials/chart.svg.j2``."""

    chart: GrowthChart
    width: int
    height: int
    zero_x: float
    row_labels: tuple[tuple[str, float], ...]  # (text, baseline y)
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, str, float], ...]  # (name, colour, x)


def _cells(grid: TableGrid) -> list[list[str]]:
    """The grid as rows of strings; a cell covered from the left is empty."""
    return [[cell or "" for cell in row] for row in grid.rows]


def table_csv(grid: TableGrid) -> str:
    """The table as CSV (RFC 4180, CRLF line ends), header rows first, text as printed.

    A cell merged downwards repeats its text in each row (as in ``TableGrid``); one merged
    from the left is empty. Write it with a BOM so spreadsheet programs read UTF-8.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(_cells(grid))
    return out.getvalue()


def _number(text: str) -> float | None:
    text = text.strip().replace("−", "-")
    return float(text) if NUMBER.match(text) else None


def growth_chart(grid: TableGrid, title: str) -> GrowthChart | None:
    """The year-on-year changes of a statistics table, or None when it has none.

    A change column is one whose heading (last header row, else the first row) matches
    ``CHANGE_HEADING``; its series is named after the heading before it plus its own
    (``当月 同比±%``). Rows without any change value are left out.
    """
    rows = _cells(grid)
    if len(rows) < 2:
        return None
    heading_row = max(grid.header_rows, 1) - 1
    headings = rows[heading_row]
    columns = [c for c, text in enumerate(headings) if c > 0 and CHANGE_HEADING.search(text)]
    if not columns:
        return None
    body = rows[heading_row + 1 :]
    values = [[_number(row[c]) if c < len(row) else None for c in columns] for row in body]
    kept = [(row, vals) for row, vals in zip(body, values) if any(v is not None for v in vals)]
    if not kept:
        return None
    names = tuple(f"{headings[c - 1]} {headings[c]}".strip() for c in columns)
    return GrowthChart(
        title=title,
        rows=tuple(SUB_ITEM.sub("其中：", row[0].strip()) for row, _ in kept),
        series=tuple(Series(name, tuple(vals[i] for _, vals in kept)) for i, name in enumerate(names)),
    )


def lay_out_chart(chart: GrowthChart) -> ChartLayout:
    """Geometry of a horizontal grouped bar chart with a zero line (negative bars go left)."""
    values = [v for s in chart.series for v in s.values if v is not None]
    low, high = min(0.0, *values), max(0.0, *values)
    plot = WIDTH - LABEL_WIDTH - 2 * VALUE_ROOM
    scale = plot / ((high - low) or 1.0)
    zero_x = LABEL_WIDTH + VALUE_ROOM + (-low) * scale
    group = BAR * len(chart.series) + GAP
    bars: list[Bar] = []
    labels: list[tuple[str, float]] = []
    for row, name in enumerate(chart.rows):
        top = TOP + row * group
        labels.append((name, top + BAR * len(chart.series) / 2 + 4.5))
        for index, series in enumerate(chart.series):
            value = series.values[row]
            if value is None:
                continue
            length = abs(value) * scale
            x = zero_x if value >= 0 else zero_x - length
            end = x + length + 4 if value >= 0 else x - 4
            bars.append(Bar(round(x, 1), top + index * BAR, round(length, 1), BAR - 2, SERIES_COLOURS[index % 2],
                            value, round(end, 1), "start" if value >= 0 else "end"))
    legend = tuple((s.name, SERIES_COLOURS[i % 2], LABEL_WIDTH + i * 160.0) for i, s in enumerate(chart.series))
    height = TOP + group * len(chart.rows) + BOTTOM
    return ChartLayout(chart, WIDTH, height, round(zero_x, 1), tuple(labels), tuple(bars), legend)


@dataclass(frozen=True)
class TableExport:
    """A table of a statistics document with its downloads, written next to the page.

    ``number`` is 1-based among the document's tables; files are ``table-<number>.csv`` and,
    when the table has change columns, ``table-<number>.svg``.
    """

    number: int
    grid: TableGrid
    chart: ChartLayout | None

    @property
    def csv(self) -> str:
        return table_csv(self.grid)

    @property
    def csv_name(self) -> str:
        return f"table-{self.number}.csv"

    @property
    def svg_name(self) -> str | None:
        return f"table-{self.number}.svg" if self.chart else None


def table_exports(doc: Document) -> tuple[TableExport, ...]:
    """The exports of a 统计资料 document's tables; other types get none."""
    if doc.type is not DocType.STATISTICS:
        return ()
    grids = [block.table for block in doc.blocks if block.kind is BlockKind.TABLE and block.table]
    exports = []
    for number, grid in enumerate(grids, start=1):
        chart = growth_chart(grid, doc.title)
        exports.append(TableExport(number, grid, lay_out_chart(chart) if chart else None))
    return tuple(exports)
