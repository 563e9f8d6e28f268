"""The typed model that flows through the pipeline.

Stages and the types they exchange (one module per stage)::

    read.read_pdf        Path            -> SourceDocument   (pages of glyphs, rules, tables)
    layout.lay_out       SourceDocument  -> LaidOutIssue     (blocks in reading order)
    split.split_items    LaidOutIssue    -> SplitIssue       (items in gazette order)
    classify.classify    Item            -> DocType
    tag.tag_issue        SplitIssue      -> Issue            (typed, tagged documents)
    quality.check_text_quality, accounting.account_pages
                         Issue           -> Issue            (flagged pages, page accounting)
    render.render_site   Archive         -> files in docs/

Units: coordinates are PDF points (1/72 in) with the origin at the top-left of the page
(pdfplumber's ``top``/``bottom`` convention); pages are 1-based; dates are ``datetime.date``
and serialise as ISO 8601. Everything is frozen: a stage returns new objects, never edits
its input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


@dataclass(frozen=True)
class BBox:
    """A rectangle in points, origin top-left of the page."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


# --------------------------------------------------------------------------- read


@dataclass(frozen=True)
class Glyph:
    """One character as drawn, after overprint (fake-bold) duplicates are merged.

    ``size`` is the font size in points; ``overprint`` counts how many times the glyph was
    drawn at (almost) the same place — 1 normally, 2–4 for fake bold.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    overprint: int = 1

    @property
    def bold(self) -> bool:
        return self.overprint > 1 or "bold" in self.font.lower() or "hei" in self.font.lower()


@dataclass(frozen=True)
class Rule:
    """A ruling line or the edge of a drawn rectangle (points)."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class TableGrid:
    """A ruled table found on a page.

    ``rows`` holds cell texts row by row; a cell merged downwards repeats its text in every
    row it covers, and ``rowspans`` lists it as ``(row, col, span)``, 0-based over all rows
    (the manuscript's convention); a position covered from the left is ``None``.
    """

    bbox: BBox
    rows: tuple[tuple[str | None, ...], ...]
    rowspans: tuple[tuple[int, int, int], ...] = ()
    header_rows: int = 0  # leading rows that are column headings (rendered as <th>)


@dataclass(frozen=True)
class SourcePage:
    """What ``read`` knows of one page: glyphs outside tables, tables, rules, images."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    tables: tuple[TableGrid, ...] = ()
    rules: tuple[Rule, ...] = ()
    images: tuple[BBox, ...] = ()
    fills: tuple[BBox, ...] = ()  # filled (shaded) rectangles: section banners, table heads
    repairs: tuple[str, ...] = ()  # text repairs applied on this page, for the report


@dataclass(frozen=True)
class SourceDocument:
    """A PDF as read: its pages and metadata. ``path`` is the file it came from."""

    path: Path
    pages: tuple[SourcePage, ...]
    title: str = ""
    font_bbox_unreadable: tuple[str, ...] = ()  # pdfminer's distinct "Could not get FontBBox" messages, kept not logged


# --------------------------------------------------------------------------- layout


class BlockKind(str, Enum):
    """What a block of text is on the page."""

    TITLE = "title"  # a line of a title block (large type)
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"
    CAPTION = "caption"  # text under a picture
    BANNER = "banner"  # a section banner (shaded bar or letter-spaced section name)
    SIGNATURE = "signature"
    ADDRESSEE = "addressee"


@dataclass(frozen=True)
class Block:
    """A unit of text in reading order.

    ``size`` is the dominant font size (points) and ``bold`` whether most glyphs were drawn
    bold (overprinted or a heavy face). ``align`` is ``left``, ``center``, ``right`` or
    ``justify`` relative to the block's column. ``pages`` is the first and last 1-based page
    the block spans (a paragraph may run over a column or page break).
    """

    kind: BlockKind
    text: str
    pages: tuple[int, int]
    bbox: BBox
    size: float = 0.0
    bold: bool = False
    align: str = "left"
    level: int = 0  # headings: 1 = attached document title, 2 = 一、/第一章, 3 = （一）/1.
    table: TableGrid | None = None
    credit: str | None = None  # captions: the photographer's credit （…/摄）
    indent: bool = False  # first line indented (GB/T 9704: two characters)


@dataclass(frozen=True)
class PageInfo:
    """What layout learned about a page beyond its blocks.

    ``running`` holds the running header/footer texts that were dropped; ``folio`` the
    printed page number (e.g. ``"7"``) when one was found.
    """

    number: int
    running: tuple[str, ...] = ()
    folio: str | None = None
    text_chars: int = 0  # glyphs on the page, before running heads were removed


@dataclass(frozen=True)
class Warning_:
    """Something the extractor was unsure about, for the extraction report.

    ``message`` is one line in the site's source language (Chinese) where it is written so,
    ``english`` the same in English; a warning with only ``message`` shows it everywhere.
    """

    kind: str  # e.g. "no-text", "text-quality", "unassigned-page", "missing-doc-number"
    message: str
    page: int | None = None
    item: str | None = None
    english: str | None = None

    def text(self, english: bool) -> str:
        """The message for a page or console in English (``english``) or Chinese."""
        return (self.english or self.message) if english else self.message

    def line(self, source: str, english: bool = False) -> str:
        """``source, page N: message`` (the message in English with ``english``)."""
        where = f"{source}, page {self.page}" if self.page else source
        return f"{where}: {self.text(english)}"


@dataclass(frozen=True)
class LaidOutIssue:
    """An issue's pages as blocks in reading order."""

    source: SourceDocument
    blocks: tuple[Block, ...]
    pages: tuple[PageInfo, ...]
    body_size: float  # dominant body-text font size, points
    warnings: tuple[Warning_, ...] = ()


# --------------------------------------------------------------------------- split


@dataclass(frozen=True)
class TocEntry:
    """A line of the issue's table of contents (目录)."""

    section: str
    title: str
    folio: int | None
    doc_number: str | None = None


@dataclass(frozen=True)
class Item:
    """One item of the issue: a document, interpretation, brief, the calendar, …

    ``title_blocks`` are the blocks of the title block (文号, issuer line, title lines,
    registration number); ``blocks`` is everything below it.
    """

    section: str
    title: str
    title_blocks: tuple[Block, ...]
    blocks: tuple[Block, ...]
    pages: tuple[int, int]
    confident: bool = True  # False when the split had to guess (no TOC match)


@dataclass(frozen=True)
class IssueIdentity:
    """Which issue this is: 2023年第4期（总第248期） -> year 2023, number 4, serial 248."""

    title: str
    year: int | None
    number: int | None
    serial: int | None
    recognised: bool = True  # False: no masthead and no printed issue number (a law, a report …)

    @property
    def id(self) -> str:
        if self.year and self.number:
            return f"{self.year}-{self.number:02d}"
        return ""


@dataclass(frozen=True)
class SplitIssue:
    identity: IssueIdentity
    items: tuple[Item, ...]
    toc: tuple[TocEntry, ...]
    front_pages: tuple[int, ...]  # cover, 目录: pages that belong to no item
    layout: LaidOutIssue
    warnings: tuple[Warning_, ...] = ()


# --------------------------------------------------------------------------- classify / tag


class DocType(str, Enum):
    NOTICE = "notice"
    MEASURE = "measure"
    INTERPRETATION = "interpretation"
    BRIEF = "brief"
    CALENDAR = "calendar"
    STATISTICS = "statistics"
    OTHER = "other"


class ForceLevel(str, Enum):
    """效力级别: where a text stands in the hierarchy of 《立法法》. Values are the static
    API's strings; the rule that assigns them is ``classify.force_level``."""

    ADMINISTRATIVE_REGULATION = "administrative_regulation"  # 行政法规 (国务院令)
    LOCAL_REGULATION = "local_regulation"  # 地方性法规 (人民代表大会 or its 常务委员会)
    GOVERNMENT_RULE = "government_rule"  # 规章 (省/市人民政府令)
    NORMATIVE_DOCUMENT = "normative_document"  # 行政规范性文件 (registered: ZJCC 登记号)
    POLICY_DOCUMENT = "policy_document"  # 政策性文件: a policy or work document, unregistered


class Status(str, Enum):
    """时效性 as of a date (``validity.status_on``; never stored on a document, since it
    depends on the date and the rest of the archive). Values are the static API's strings."""

    NOT_YET_IN_FORCE = "not_yet_in_force"  # 尚未生效
    IN_FORCE = "in_force"  # 现行有效
    EXPIRED = "expired"  # 已失效
    REPEALED = "repealed"  # 已废止


class ExpiryBasis(str, Enum):
    """How a 失效日期 was obtained."""

    STATED = "stated"  # 有效期至2025年5月14日
    COMPUTED = "computed"  # 施行 + N years − 1 day
    PLAN_PERIOD = "plan_period"  # （2023—2027年） -> 2027-12-31
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from, and its 1-based page."""

    sentence: str
    page: int


@dataclass(frozen=True)
class DatedFact:
    value: dt.date
    evidence: Evidence


@dataclass(frozen=True)
class Validity:
    """有效期: a period in years or months, or an end date stated outright."""

    years: int | None = None
    months: int | None = None
    until: dt.date | None = None
    trial: bool = False  # 试行/暂行
    evidence: Evidence | None = None

    def label(self) -> str:
        if self.years:
            return f"{self.years}年"
        if self.months:
            return f"{self.months}个月"
        if self.until:
            return f"至{self.until.isoformat()}"
        return ""


@dataclass(frozen=True)
class Document:
    """A tagged item of an issue: what the site and the static API publish."""

    id: str
    issue: str  # issue id, e.g. "2023-04"
    position: int  # 1-based order in the issue
    section: str
    type: DocType
    title: str
    blocks: tuple[Block, ...]
    pages: tuple[int, int]
    doc_number: str | None = None  # 文号, or the 令/公告 number that promulgated the text
    registration_number: str | None = None
    issuer: str | None = None
    form: str | None = None  # 文种 of the text or of what it promulgates: 条例, 办法, 通知 …
    force_level: ForceLevel | None = None  # 效力级别; None for briefs, calendars, statistics, 解读
    signer: str | None = None  # who signed an order: 总理 温家宝
    signed_date: DatedFact | None = None
    adopted_date: DatedFact | None = None  # …会议通过
    approved_date: DatedFact | None = None  # …会议批准 (a 设区的市's regulation, by the province)
    promulgated_date: DatedFact | None = None  # …公告第N号公布, or the date of a 公布令
    amended_dates: tuple[DatedFact, ...] = ()  # …修正 / …修订
    effective_date: DatedFact | None = None
    validity: Validity | None = None
    expiry_date: DatedFact | None = None
    expiry_basis: ExpiryBasis = ExpiryBasis.UNKNOWN
    interprets: str | None = None  # 文号 of the document a 政策解读 explains
    repeals: tuple[str, ...] = ()  # what it repeals or declares invalid: 文号, else 《title》
    references: tuple[str, ...] = ()
    stated_effective_date: DatedFact | None = None  # as a 政策解读 states its target's date
    stated_validity: Validity | None = None
    uncertain: bool = False  # text quality or split doubtful: flagged on the page
    text: str = ""


@dataclass(frozen=True)
class PageQuality:
    """How much of a page's text (after repair) cannot be trusted, counted in characters.

    A ``(cid:N)`` placeholder counts as one character. ``latin1`` counts U+0080–U+00FF
    letters and signs (GBK bytes shown as Latin-1), except the middle dot U+00B7 of folios
    and 中国·瓯海; ``compat`` Kangxi radicals and compatibility ideographs ``repair`` could
    not unify. ``ocr_noise`` counts 文号 whose digits are partly letters (浙政发[2oi6]ii号:
    a noisy OCR layer), not characters. ``verdict`` is ``ok``, ``no-text`` or ``uncertain``
    (see ``quality``).
    """

    page: int  # 1-based
    chars: int  # visible characters, whitespace not counted
    cid: int = 0
    replacement: int = 0  # U+FFFD
    private_use: int = 0  # U+E000–U+F8FF and planes 15–16 (Founder fonts)
    latin1: int = 0
    compat: int = 0
    ocr_noise: int = 0
    verdict: str = "ok"

    @property
    def unreadable(self) -> int:
        return self.cid + self.replacement + self.private_use + self.latin1 + self.compat

    @property
    def unreadable_share(self) -> float:
        """``unreadable`` over ``chars``, 0.0–1.0; 0.0 for a page without text."""
        return self.unreadable / self.chars if self.chars else 0.0


@dataclass(frozen=True)
class PageAccounting:
    """Where each page of the PDF ended up: in a document, in front/back matter (cover,
    目录), or nowhere (``unassigned``, reported). Each 1-based page is in exactly one of
    the three, so their lengths add up to ``page_count``."""

    page_count: int
    in_documents: tuple[int, ...]
    front_matter: tuple[int, ...]
    unassigned: tuple[int, ...]


@dataclass(frozen=True)
class Issue:
    """A whole extracted issue: identity, documents in order, and what went wrong."""

    id: str
    identity: IssueIdentity
    pdf_name: str
    page_count: int
    documents: tuple[Document, ...]
    front_pages: tuple[int, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    page_quality: tuple[PageQuality, ...] = ()  # pages whose text is not ok, in page order
    accounting: PageAccounting | None = None  # set by ``accounting.account_pages``
