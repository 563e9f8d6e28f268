"""Stage 3, split: ``LaidOutIssue`` -> ``SplitIssue`` (items in gazette order).

With a 目录 (table of contents) the items are its entries: each entry's title is found in
the body at or after its printed page, compared without line breaks and without the
bracketed notes a 目录 adds and a body title does not carry (the promulgating 公告 or 令
number, the 文号, a 试行 note). An entry not found that way starts at the first title
block after its printed page (reported as a low-confidence split), so that a document
never swallows the next one. Without one, items start at title blocks (type much
larger than the body), at section banners of picture pages, and at the centred headings
of a news-brief (简讯) section. A title block that repeats the name of the measure its
notice or order promulgates (印发《X》的通知 … X; 《X》已经…通过，现予公布 … X), or follows
an 附件 line, is the attachment's title inside the same item, not a new item.

An order (GB/T 9704 命令格式; 《规章制定程序条例》第三十二条 公布令) is one item with what it
promulgates: the order's name (中华人民共和国国务院令, 温州市人民政府令) over its 第N号 line
always starts an item, whose title is that of the promulgated text (the 目录 names it so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from extract.grammar.identifiers import ORDER_SEQ, find_doc_numbers, is_identifier_line, order_head
from extract.model import Block, BlockKind, IssueIdentity, Item, LaidOutIssue, PageInfo, SplitIssue, TocEntry, Warning_
from extract.pdf.layout import LEADER, LEADER_DOT
from extract.pdf.text import normalize_for_match

TOC_SECTION = re.compile(r"^[【\[［]\s*(?P<section>[^】\]］]{1,20})\s*[】\]］]$")
TOC_ENTRY = re.compile(rf"^(?P<title>.+?)\s*{LEADER_DOT}{{3,}}\s*(?P<folio>\d{{1,4}})\s*$")
# A bracketed note closing a 目录 entry or title that names how the text was issued rather
# than what it is: （温州市人民代表大会常务委员会公告第75号）, （国务院令第535号）,
# （温政办〔2023〕42号）, （试行）, （2021年10月14日…公布）. Matched on normalize_for_match
# text, whose brackets are ASCII.
ANNOTATION = re.compile(r"\((?P<note>[^()]*(?:号|试行|暂行|公布|通过|修正|修订)[^()]*)\)$")
ORDER_HEAD_REACH = 12  # blocks an order's head (name, number, 公布 sentence, signer, date) spans at most
# The text an order promulgates, named in its 公布 sentence: 《X》已经…通过，现予公布
PROMULGATED_NAME = re.compile(r"《(?P<name>[^《》]+)》")
ISSUE_NUMBER = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*第\s*(?P<number>\d{1,2})\s*期")
SERIAL = re.compile(r"总\s*第\s*(?P<serial>\d{1,4})\s*期")
FILE_ISSUE = re.compile(r"(?P<year>(?:19|20)\d{2})[-_](?P<number>\d{1,2})(?!\d)")
TITLE_KINDS = (BlockKind.TITLE, BlockKind.HEADING, BlockKind.BANNER, BlockKind.PARAGRAPH)
BRIEF_SECTION = re.compile(r"简讯|动态|要闻")
NOT_RECOGNISED = "not recognised as a gazette issue: no masthead / issue number"
# PDF titles that producers write when the author gave none (reportlab: untitled).
PLACEHOLDER_TITLES = frozenset({"untitled", "无标题", "anonymous"})
MATCH_RATIO = 0.92  # fuzzy title match, for titles with a mis-set character


@dataclass(frozen=True)
class _Start:
    title_first: int  # index of the first title block (identifier lines before it included)
    title_last: int  # index of the last title block; title_first - 1 for an order, whose head is body
    title: str
    section: str
    confident: bool

    @property
    def order(self) -> bool:
        return self.title_last < self.title_first


def split_items(laid: LaidOutIssue) -> SplitIssue:
    """Split an issue's blocks into items; blocks before the first item are front matter."""
    blocks = laid.blocks
    identity = issue_identity(laid)
    toc, toc_indexes = parse_toc(blocks)
    warnings: list[Warning_] = []
    if toc:
        starts = _starts_from_toc(blocks, toc, laid.pages, toc_indexes, warnings)
    else:
        starts = _starts_from_titles(blocks, laid.pages)
    items = _items(blocks, starts, set(toc_indexes))
    first = starts[0].title_first if starts else len(blocks)
    front_blocks = list(blocks[:first]) + [blocks[i] for i in toc_indexes]
    front = {p for b in front_blocks for p in range(b.pages[0], b.pages[1] + 1)}
    item_pages = {p for item in items for p in range(item.pages[0], item.pages[1] + 1)}
    if not identity.recognised:
        warnings.append(Warning_("not-a-gazette-issue", f"{NOT_RECOGNISED}; published under the PDF's own title 「{identity.title}」"))
    warnings += [
        Warning_("low-confidence-split", f"条目「{item.title[:30]}」未在目录中找到，分篇依据版式推断。", item.pages[0], item.title, english=f"item 「{item.title[:30]}」 was found without the 目录")
        for item in items
        if not item.confident
    ]
    return SplitIssue(
        identity=identity,
        items=tuple(items),
        toc=tuple(toc),
        front_pages=tuple(sorted(front - item_pages)),
        layout=laid,
        warnings=tuple(warnings),
    )


# ------------------------------------------------------------------ identity


def issue_identity(laid: LaidOutIssue) -> IssueIdentity:
    """Year, number and serial of the issue from the cover (first pages), the running
    heads, the PDF title, then the file name (``wzgb-2023-04.pdf``).

    A PDF is recognised as a gazette issue by a masthead (a title block naming a …公报) or
    a printed issue number (2023年第4期, 总第248期) on its first pages, running heads or PDF
    title. One that is not (a law, a report, a company filing) keeps its own title: the
    PDF's title, else its first title block, else the file name.
    """
    early = " ".join(b.text for b in laid.blocks if b.pages[0] <= 3)
    running = " ".join(t for p in laid.pages for t in p.running)
    printed = [early, laid.source.title, running]
    masthead = next((b.text for b in laid.blocks if b.kind is BlockKind.TITLE and "公报" in b.text), "")
    recognised = bool(masthead) or any(ISSUE_NUMBER.search(t) or SERIAL.search(t) for t in printed)
    sources = [*printed, laid.source.path.stem]
    year = number = serial = None
    for text in sources:
        if year is None and (m := ISSUE_NUMBER.search(text)):
            year, number = int(m["year"]), int(m["number"])
        if serial is None and (m := SERIAL.search(text)):
            serial = int(m["serial"])
    if year is None and (m := FILE_ISSUE.search(laid.source.path.stem)):
        year, number = int(m["year"]), int(m["number"])
    if not recognised:
        first_title = next((b.text for b in laid.blocks if b.kind is BlockKind.TITLE), "")
        pdf_title = "" if laid.source.title.strip().lower() in PLACEHOLDER_TITLES else laid.source.title.strip()
        own = pdf_title or first_title.strip() or laid.source.path.stem
        return IssueIdentity(title=own, year=year, number=number, serial=serial, recognised=False)
    title = masthead or laid.source.title
    title = re.sub(r"\s*\d{4}\s*年.*$", "", title).strip() or "公报"
    return IssueIdentity(title=title, year=year, number=number, serial=serial)


# ------------------------------------------------------------------ table of contents


def parse_toc(blocks: Sequence[Block]) -> tuple[list[TocEntry], list[int]]:
    """The 目录's entries and the indexes of the blocks it occupies; ([], []) without one.

    A 目录 is a page with at least three leader-dot lines; 【…】 lines name sections; an
    entry wrapped over two lines is one paragraph after reflow, or two blocks joined here.
    """
    pages: dict[int, int] = {}
    for block in blocks:
        if LEADER.search(block.text):
            pages[block.pages[0]] = pages.get(block.pages[0], 0) + 1
    toc_pages = {p for p, n in pages.items() if n >= 3}
    if not toc_pages:
        return [], []
    while (following := max(toc_pages) + 1) in pages:  # a 目录 running onto the next page
        toc_pages.add(following)
    entries: list[TocEntry] = []
    indexes: list[int] = []
    section = ""
    pending = ""
    for index, block in enumerate(blocks):
        if block.pages[0] not in toc_pages:
            continue
        indexes.append(index)
        text = block.text.strip()
        if m := TOC_SECTION.match(text):
            section, pending = m["section"].strip(), ""
            continue
        if m := TOC_ENTRY.match(pending + text):
            title, doc_number = _entry_title(m["title"].strip())
            entries.append(TocEntry(section=section, title=title, folio=int(m["folio"]), doc_number=doc_number))
            pending = ""
        elif block.kind is BlockKind.PARAGRAPH:
            pending += text
    return entries, indexes


def _entry_title(text: str) -> tuple[str, str | None]:
    """A 目录 entry's title without a closing bracket that holds an identifier (文号, 令 or
    公告 number), and that identifier, canonical; other notes (（试行）) stay in the title."""
    match = re.search(r"[（(](?P<note>[^（）()]*)[）)]$", text)
    numbers = find_doc_numbers(match["note"]) if match else []
    if match and numbers:
        return text[: match.start()].strip(), numbers[0]
    return text, None


def title_key(text: str) -> str:
    """A title as compared between the 目录 and the body: ``normalize_for_match`` without
    the closing bracketed notes of ``ANNOTATION``, which one of the two may lack."""
    key = normalize_for_match(text)
    while match := ANNOTATION.search(key):
        key = key[: match.start()]
    return key


def _folio_to_page(pages: Sequence[PageInfo]) -> dict[int, int]:
    """Printed page number -> physical 1-based page, with the offset filled in between."""
    known = {int(p.folio): p.number for p in pages if p.folio and p.folio.isdigit()}
    offsets = sorted(number - folio for folio, number in known.items())
    offset = offsets[len(offsets) // 2] if offsets else 0
    mapping = {p.number - offset: p.number for p in pages}
    mapping.update(known)
    return mapping


def _starts_from_toc(blocks: Sequence[Block], toc: list[TocEntry], pages: Sequence[PageInfo], toc_indexes: list[int], warnings: list[Warning_]) -> list[_Start]:
    """Starts of the 目录's entries: by title (``_find_title``) in order; then each entry
    not found by title starts at the first title block after its printed page that lies
    between its neighbours' starts (low confidence, reported); an order's head starts an
    item even when no entry names it there."""
    to_page = _folio_to_page(pages)
    skip = set(toc_indexes)
    cursor = 0
    found: dict[int, _Start] = {}
    for number, entry in enumerate(toc):
        page = to_page.get(entry.folio, entry.folio) if entry.folio else None
        span = _find_title(blocks, cursor, entry.title, page, skip)
        if span is None:
            continue
        first, last = span
        key = title_key(entry.title)
        while last + 1 < len(blocks) and title_key(blocks[last + 1].text) == key:
            last += 1  # a banner and a title both naming the item
        floor = max((s.title_last + 1 for s in found.values()), default=0)
        head = _order_head_above(blocks, first, floor)
        if head is not None:
            found[number] = _Start(head, head - 1, entry.title, entry.section, True)
        else:
            found[number] = _Start(_with_identifier_lines(blocks, first, floor), last, entry.title, entry.section, True)
        cursor = last + 1
    for number, entry in enumerate(toc):
        if number in found:
            continue
        page = to_page.get(entry.folio, entry.folio) if entry.folio else None
        low = max((s.title_last + 1 for n, s in found.items() if n < number), default=0)
        high = min((s.title_first for n, s in found.items() if n > number), default=len(blocks))
        start = _title_block_between(blocks, low, high, page, skip, entry)
        if start is None:
            warnings.append(Warning_("toc-entry-not-found", f"目录条目「{entry.title}」（第{entry.folio}页）在正文中未找到。", page, entry.title, english=f"目录 entry 「{entry.title}」 (page {entry.folio}) not found in the body"))
            continue
        found[number] = start
        warnings.append(
            Warning_("toc-entry-not-found", f"目录条目「{entry.title}」（第{entry.folio}页）未按标题找到，从标题块「{start.title[:30]}」开始。", blocks[start.title_first].pages[0], entry.title, english=f"目录 entry 「{entry.title}」 (page {entry.folio}) not found by its title; it starts at the title block 「{start.title[:30]}」")
        )
    starts = [found[n] for n in sorted(found)]
    return _with_unlisted_orders(blocks, starts, skip)


def _title_block_between(blocks: Sequence[Block], low: int, high: int, page: int | None, skip: set[int], entry: TocEntry) -> _Start | None:
    """The first title block (or order head) in ``blocks[low:high]`` on or after ``page``,
    as the start of ``entry``, not confident; None when there is none."""
    for index in range(low, high):
        block = blocks[index]
        if index in skip or block.kind is not BlockKind.TITLE or page is not None and block.pages[0] < page:
            continue
        if _is_order_head(blocks, index):
            return _Start(index, index - 1, entry.title, entry.section, False)
        last = index
        while last + 1 < high and blocks[last + 1].kind is BlockKind.TITLE and blocks[last + 1].pages[0] == block.pages[0]:
            last += 1
        return _Start(_with_identifier_lines(blocks, index, low), last, entry.title, entry.section, False)
    return None


def _with_unlisted_orders(blocks: Sequence[Block], starts: list[_Start], skip: set[int]) -> list[_Start]:
    """``starts`` plus a start at every order head inside another item: an order always
    begins a document (its title is the text it promulgates)."""
    out: list[_Start] = []
    for position, start in enumerate(starts):
        out.append(start)
        end = starts[position + 1].title_first if position + 1 < len(starts) else len(blocks)
        for index in range(max(start.title_last + 1, start.title_first + 1), end):
            if index not in skip and _is_order_head(blocks, index):
                out.append(_Start(index, index - 1, _promulgated_title(blocks, index, end), start.section, False))
    return out


def _is_order_head(blocks: Sequence[Block], index: int) -> bool:
    """True when ``blocks[index]`` is a displayed (title or centred) order name followed by
    its 第N号 line, or both on one line (GB/T 9704 命令格式)."""
    block = blocks[index]
    if block.kind is not BlockKind.TITLE and block.align != "center":
        return False
    following = blocks[index + 1].text if index + 1 < len(blocks) else ""
    return order_head(block.text, following) is not None


def _order_head_above(blocks: Sequence[Block], title: int, floor: int) -> int | None:
    """Index of the order head printed above the promulgated text's title at ``title``
    (within ``ORDER_HEAD_REACH`` blocks, not before ``floor``), else None."""
    for index in range(title - 1, max(floor, title - ORDER_HEAD_REACH) - 1, -1):
        if _is_order_head(blocks, index):
            return index
    return None


def _promulgated_title(blocks: Sequence[Block], head: int, end: int) -> str:
    """The title of what the order at ``head`` promulgates: the 《》 name of its 公布
    sentence, else its first title block after the head, else the head itself."""
    for index in range(head + 1, min(head + ORDER_HEAD_REACH, end)):
        block = blocks[index]
        if "公布" in block.text and (match := PROMULGATED_NAME.search(block.text)):
            return match["name"]
        if block.kind is BlockKind.TITLE and not ORDER_SEQ.fullmatch(block.text.strip()):
            return block.text
    return blocks[head].text


def _find_title(blocks: Sequence[Block], cursor: int, title: str, page: int | None, skip: set[int]) -> tuple[int, int] | None:
    """Indexes (first, last) of the consecutive blocks on one page whose text is ``title``.

    Exact matches (whitespace and bracket style ignored) win; then fuzzy ones; blocks on
    the printed page or after are preferred to earlier ones.
    """
    target = title_key(title)
    best: tuple[float, int, int] | None = None
    for first in range(cursor, len(blocks)):
        if first in skip or page is not None and blocks[first].pages[1] < page - 1:
            continue
        if page is not None and blocks[first].pages[0] > page + 2 and best is not None:
            break
        text = ""
        for last in range(first, min(first + 6, len(blocks))):
            block = blocks[last]
            if block.kind not in TITLE_KINDS or block.pages[0] != blocks[first].pages[0]:
                break
            text += normalize_for_match(block.text)
            if title_key(text) == target:
                return first, last
            if len(text) > len(target) + 4:
                break
            ratio = SequenceMatcher(None, text, target).ratio() if abs(len(text) - len(target)) <= 4 else 0.0
            if ratio >= MATCH_RATIO and (best is None or ratio > best[0]):
                best = (ratio, first, last)
    return (best[1], best[2]) if best else None


def _with_identifier_lines(blocks: Sequence[Block], first: int, floor: int) -> int:
    """Move a title's start up over the 文号/registration lines printed above it."""
    while first - 1 >= floor and blocks[first - 1].pages[0] == blocks[first].pages[0] and is_identifier_line(blocks[first - 1].text):
        first -= 1
    return first


# ------------------------------------------------------------------ without a 目录


def _starts_from_titles(blocks: Sequence[Block], pages: Sequence[PageInfo]) -> list[_Start]:
    starts: list[_Start] = []
    section = ""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind is BlockKind.BANNER:
            section = block.text
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and following.kind in (BlockKind.CAPTION, BlockKind.PARAGRAPH) and not is_identifier_line(following.text):
                # a banner over pictures or prose names its own item (图片新闻); over a
                # document's title block it only names the section
                starts.append(_Start(index, index, block.text, section, False))
            index += 1
            continue
        if block.kind is BlockKind.TITLE and _is_order_head(blocks, index):
            section = section or _running_section(pages, block.pages[0])
            starts.append(_Start(index, index - 1, _promulgated_title(blocks, index, len(blocks)), section, True))
            index += 1
            continue
        if block.kind is BlockKind.TITLE:
            last = index
            while last + 1 < len(blocks) and blocks[last + 1].kind is BlockKind.TITLE and blocks[last + 1].pages[0] == block.pages[0]:
                last += 1
            title = "".join(b.text for b in blocks[index : last + 1])
            masthead = not starts and _is_masthead(blocks, index, last)
            if not masthead and not (starts and _is_attachment_title(blocks, index, title, starts[-1])):
                floor = starts[-1].title_last + 1 if starts else 0
                first = _with_identifier_lines(blocks, index, floor)
                starts.append(_Start(first, last, title, section or _running_section(pages, block.pages[0]), True))
            index = last + 1
            continue
        if block.kind is BlockKind.HEADING and BRIEF_SECTION.search(section) and block.align == "center":
            starts.append(_Start(index, index, block.text, section, False))
        index += 1
    return starts


def _is_masthead(blocks: Sequence[Block], first: int, last: int) -> bool:
    """A cover's name of the publication (…公报), with or without its 年第N期 line nearby."""
    near = " ".join(b.text for b in blocks[first : last + 3] if b.pages[0] == blocks[first].pages[0])
    return "公报" in blocks[first].text and bool(ISSUE_NUMBER.search(near) or blocks[first].pages[0] == 1)


def _is_attachment_title(blocks: Sequence[Block], index: int, title: str, item: _Start) -> bool:
    name = normalize_for_match(title)
    if name and name in normalize_for_match(item.title) and "印发" in item.title:
        return True
    if item.order and title_key(title) == title_key(item.title):
        return True  # the text an order promulgates
    previous = blocks[index - 1].text.strip() if index else ""
    return previous.startswith("附件")


def _running_section(pages: Sequence[PageInfo], page: int) -> str:
    info = next((p for p in pages if p.number == page), None)
    names = [t for t in (info.running if info else ()) if "公报" not in t]
    return names[0] if names else ""


# ------------------------------------------------------------------ items


def _items(blocks: Sequence[Block], starts: list[_Start], toc_indexes: set[int]) -> list[Item]:
    """Items from their starts: each runs to the next start; banners and 目录 blocks are
    not part of any item's body."""
    items = []
    for position, start in enumerate(starts):
        end = starts[position + 1].title_first if position + 1 < len(starts) else len(blocks)
        title_blocks = tuple(blocks[start.title_first : start.title_last + 1])
        body = tuple(
            blocks[i] for i in range(start.title_last + 1, end) if blocks[i].kind is not BlockKind.BANNER and i not in toc_indexes
        )
        all_blocks = title_blocks + body
        first_page = min(b.pages[0] for b in all_blocks)
        last_page = max(b.pages[1] for b in all_blocks)
        items.append(
            Item(
                section=start.section,
                title=_title_text(title_blocks, start.title),
                title_blocks=title_blocks,
                blocks=body,
                pages=(first_page, last_page),
                confident=start.confident,
            )
        )
    return items


def _title_text(title_blocks: Sequence[Block], fallback: str) -> str:
    parts: list[str] = []
    for block in title_blocks:
        if not is_identifier_line(block.text) and (not parts or block.text != parts[-1]):
            parts.append(block.text)
    return "".join(parts) or fallback
