"""Identifiers of Chinese official documents: 文号 (``DocNumber``), 令 and 公告 numbers
(``DecreeNumber``), ZJCC registration numbers (``RegistrationNumber``), and the ways a
reader types a 文号 into a search box (``QUERY_DOC_NUMBER_FORMS``, ``DocNumberQuery``).

Each identifier parses from the ways it is printed (any bracket style, spaces inside:
温政办〔2022〕71 号, 第　535　号) and formats back to one canonical spelling; ``parse``
raises ``ValueError("Invalid …: {value}")`` for anything else, and ``str(parse(s))`` is
the canonical form. The URL slug of a document derives from its number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

# The year brackets of a 文号: 〔〕 by the standard; gazettes and OCR also give [] ［］ () （） 【】.
YEAR_OPEN, YEAR_CLOSE = "〔\\[［(（【", "〕\\]］)）】"


def doc_number_pattern(year: str = r"(?:19|20)\d{2}", seq: str = r"\d{1,4}") -> re.Pattern[str]:
    """The 文号 grammar (GB/T 9704 §7.2.3 发文字号: 机关代字 + 〔年份〕 + 序号 + 号) with the
    given year and sequence patterns; ``extract.pdf.quality`` widens them to the letters
    OCR reads for digits."""
    return re.compile(
        rf"""
        (?P<prefix>[\u4e00-\u9fff]{{1,12}}?)            # 机关代字: 温政办, 浙委办发, 应急消
        \s*[{YEAR_OPEN}]\s*(?P<year>{year})\s*[{YEAR_CLOSE}]  # 〔2023〕 in any bracket style
        \s*第?\s*(?P<seq>{seq})\s*号                    # 42号, 71 号 (spaced), 第42号 (some prefixes)
        """,
        re.VERBOSE,
    )


DOC_NUMBER = doc_number_pattern()
# 令 and 公告 numbers: no year, numbered within the issuer's series.
DECREE_NUMBER = re.compile(
    r"""
    (?P<issuer>[\u4e00-\u9fff]{2,30}?)   # 温州市人民政府, 中华人民共和国国务院, 温州市人民代表大会常务委员会
    \s*(?P<kind>令|公告)                 # 令: a 公布令 (《规章制定程序条例》第三十二条); 公告: how a
                                        # standing committee promulgates a local regulation (《立法法》)
    \s*第\s*(?P<seq>\d{1,5})\s*号        # 第　535　号: printed with spaces or U+3000 inside
    """,
    re.VERBOSE,
)
# 浙江省行政规范性文件统一编号: ZJCC + 2-digit issuer class + year + sequence; printed with
# en dashes, hyphens or em dashes (ZJCC01–2023–0007).
REGISTRATION_NUMBER = re.compile(
    r"""
    ZJCC\s*(?P<cls>\d{2})\s*[-–—－]\s*   # issuer class
    (?P<year>\d{4})\s*[-–—－]\s*          # year
    (?P<seq>\d{4})                        # sequence within the year
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class DocNumber:
    """A 文号 such as 温政办〔2023〕42号."""

    prefix: str
    year: int
    seq: int

    @classmethod
    def parse(cls, value: str) -> "DocNumber":
        match = DOC_NUMBER.fullmatch(value.strip())
        if not match:
            raise ValueError(f"Invalid 文号: {value}")
        return cls(match["prefix"], int(match["year"]), int(match["seq"]))

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.seq}号"

    @property
    def slug(self) -> str:
        """URL slug: pinyin initials of the prefix, year, number — 温政办〔2023〕42号 -> wzb-2023-42."""
        return f"{_initials(self.prefix) or 'doc'}-{self.year}-{self.seq}"


# The country's name before a national issuer is left out of slugs: 国务院令第535号 is how
# the order is cited.
_NATIONAL = "中华人民共和国"


def _initials(name: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER) if p and p[0].isalpha()).lower()


@dataclass(frozen=True)
class DecreeNumber:
    """A 令 or 公告 number: 中华人民共和国国务院令第535号, 温州市人民代表大会常务委员会公告第75号."""

    issuer: str
    kind: str  # 令 or 公告
    seq: int

    @classmethod
    def parse(cls, value: str) -> "DecreeNumber":
        match = DECREE_NUMBER.fullmatch(value.strip())
        if not match:
            raise ValueError(f"Invalid 令/公告 number: {value}")
        return cls(match["issuer"], match["kind"], int(match["seq"]))

    def __str__(self) -> str:
        return f"{self.issuer}{self.kind}第{self.seq}号"

    @property
    def slug(self) -> str:
        """URL slug: pinyin initials of issuer and kind, number — 中华人民共和国国务院令第535号
        -> gwyl-535, 温州市人民政府令第147号 -> wzsrmzfl-147."""
        return f"{_initials(self.issuer.removeprefix(_NATIONAL) + self.kind) or 'doc'}-{self.seq}"


# An order's head as GB/T 9704 命令格式 prints it: the order's name (发文机关 + 令) on one
# line, its number on the next: 中华人民共和国国务院令 / 第　535　号.
ORDER_NAME = re.compile(r"(?P<issuer>[\u4e00-\u9fff]{2,30}?)\s*令")
ORDER_SEQ = re.compile(r"第\s*(?P<seq>\d{1,5})\s*号")


def order_head(name_line: str, number_line: str = "") -> DecreeNumber | None:
    """The 令 number an order's head prints, from its name line and the line below it
    (``"中华人民共和国国务院令", "第　535　号"``), or from one line holding both
    (``温州市人民政府令第147号``); None when the lines are no order's head."""
    name = re.sub(r"\s+", "", name_line)
    if (match := DECREE_NUMBER.fullmatch(name)) and match["kind"] == "令":
        return DecreeNumber(match["issuer"], "令", int(match["seq"]))
    if (head := ORDER_NAME.fullmatch(name)) and (number := ORDER_SEQ.fullmatch(number_line.strip())):
        return DecreeNumber(head["issuer"], "令", int(number["seq"]))
    return None


def parse_number(value: str) -> DocNumber | DecreeNumber:
    """A 文号 or a 令/公告 number; ValueError naming ``value`` for anything else."""
    for kind in (DocNumber, DecreeNumber):
        try:
            return kind.parse(value)
        except ValueError:
            continue
    raise ValueError(f"Invalid 文号 or 令/公告 number: {value}")


@dataclass(frozen=True)
class RegistrationNumber:
    """A ZJCC registration number, canonically with ASCII hyphens: ZJCC01-2023-0007."""

    cls: str
    year: int
    seq: str

    @classmethod
    def parse(cls, value: str) -> "RegistrationNumber":
        match = REGISTRATION_NUMBER.fullmatch(value.strip())
        if not match:
            raise ValueError(f"Invalid registration number: {value}")
        return cls(match["cls"], int(match["year"]), match["seq"])

    def __str__(self) -> str:
        return f"ZJCC{self.cls}-{self.year}-{self.seq}"


def position_id(issue_id: str, position: int) -> str:
    """The id of a document without a 文号: its issue and 1-based position in gazette order.

    ``position_id("2023-04", 17)`` -> ``2023-04-item-17``. The word keeps it from reading as
    a date (2023-04-17). Raises ValueError for a position below 1.
    """
    if position < 1:
        raise ValueError(f"Invalid position: {position} (positions are 1-based)")
    return f"{issue_id}-item-{position}"


# How readers type a 文号 into a search box (after NFKC folding, which turns ［］（） into
# [] ()). templates/assets/search.js applies the same forms to queries, in this order.
_PREFIX = r"(?P<prefix>[\u4e00-\u9fff]{1,12}?)\s*"
_TAIL = r"\s*第?\s*(?P<seq>\d{1,4})\s*"
QUERY_DOC_NUMBER_FORMS = (
    # 温政办〔2023〕42号, 温政办[2023]42号, 温政办(2023)第42号: the printed form, any bracket
    re.compile(_PREFIX + r"[〔\[(【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\])】]" + _TAIL + r"号?文?"),
    # 温政办2023-42, 温政办2023年42号: year and sequence run together, as in file names
    re.compile(_PREFIX + r"(?P<year>(?:19|20)\d{2})\s*[-–—－年/]" + _TAIL + r"号?文?"),
    # 温政办42号: the year left out
    re.compile(_PREFIX + r"第?\s*(?P<seq>\d{1,4})\s*号文?"),
    # 42号文, 42号: how a document is named in conversation
    re.compile(r"(?P<seq>\d{1,4})\s*号文?"),
)


@dataclass(frozen=True)
class DocNumberQuery:
    """A 文号 as a reader types it: prefix and year may be missing (温政办42号, 42号文)."""

    prefix: str | None
    year: int | None
    seq: int

    @classmethod
    def parse(cls, value: str) -> "DocNumberQuery":
        """Parse any spelling of ``QUERY_DOC_NUMBER_FORMS``; ValueError for anything else."""
        text = unicodedata.normalize("NFKC", value).strip()
        for form in QUERY_DOC_NUMBER_FORMS:
            match = form.fullmatch(text)
            if match:
                fields = match.groupdict()
                year = fields.get("year")
                return cls(fields.get("prefix"), int(year) if year else None, int(fields["seq"]))
        raise ValueError(f"Invalid 文号 query: {value}")

    def matches(self, number: DocNumber) -> bool:
        """True when ``number`` agrees with every part the query gives."""
        return (
            self.seq == number.seq
            and self.prefix in (None, number.prefix)
            and self.year in (None, number.year)
        )


# Words that run into a 文号 in prose (依据温政办〔2023〕42号和温政发…): not part of the 机关代字.
LEADING_WORDS = re.compile(r"^(?:依据|根据|按照|参照|对照|执行|印发|转发|经|按|和|及|与|或|的|是|见|对|将|在|由)+")


def find_doc_numbers(text: str) -> list[str]:
    """Every 文号 and 令 number in ``text``, canonical, in order of appearance, no repeats."""
    found: list[tuple[int, str]] = []
    for match in DOC_NUMBER.finditer(text):
        prefix = LEADING_WORDS.sub("", match["prefix"]) or match["prefix"]
        found.append((match.start(), str(DocNumber(prefix, int(match["year"]), int(match["seq"])))))
    for match in DECREE_NUMBER.finditer(text):
        found.append((match.start(), str(DecreeNumber(match["issuer"], match["kind"], int(match["seq"])))))
    seen: dict[str, None] = {}
    for _, value in sorted(found):
        seen.setdefault(value, None)
    return list(seen)


def find_registration_number(text: str) -> str | None:
    """The first ZJCC registration number in ``text``, canonical, or None."""
    match = REGISTRATION_NUMBER.search(text)
    return str(RegistrationNumber(match["cls"], int(match["year"]), match["seq"])) if match else None


def is_identifier_line(text: str) -> bool:
    """True for a line that is only a 文号 or a registration number (a title block's top)."""
    stripped = re.sub(r"\s+", "", text)
    return bool(DOC_NUMBER.fullmatch(stripped) or REGISTRATION_NUMBER.fullmatch(stripped))


# Characters a slug made from a file name keeps: letters (Han included), digits, _ . -
_UNSAFE_IN_SLUG = re.compile(r"[^\w.-]+")


def file_slug(stem: str) -> str:
    """An id from a file name's stem, safe as one URL and path segment: runs of other
    characters become ``-``, leading dots and dashes go (``..`` must not name a parent
    folder); ``issue`` when nothing is left. ``wzgb 2023#4`` -> ``wzgb-2023-4``."""
    return _UNSAFE_IN_SLUG.sub("-", stem).lstrip(".-").rstrip("-") or "issue"
