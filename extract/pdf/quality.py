"""Text quality per page: is the text of a page (after ``repair``) fit to publish?

Counts, per page, the characters a reader cannot trust (see ``PageQuality``): ``(cid:N)``
placeholders and U+FFFD (a font without a usable ToUnicode map), Private Use Area code
points (Founder fonts), Latin-1 mojibake (GBK bytes shown as Latin-1 that ``repair``
could not re-decode with certainty) and Kangxi radicals or compatibility ideographs left
ununified; and 文号 whose digits came out as letters (a noisy OCR layer). A page over
the thresholds of ``QualitySettings`` is ``uncertain``: it gets a
``text-quality`` warning, and every document containing it (or a page without text) is
marked ``uncertain``, which its page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from extract.grammar.identifiers import doc_number_pattern
from extract.model import Document, Issue, PageQuality, SourcePage, Warning_
from extract.pdf.repair import is_compat_ideograph

# One placeholder pdfminer gives for a glyph it cannot map, or one visible character.
_CHARACTER = re.compile(r"\(cid:\d+\)|\S")
_CID = re.compile(r"\(cid:\d+\)")
# A 文号 whose year and number OCR read partly as look-alike letters: 浙政发[2oi6]ii号.
_OCR_DIGIT = "[0-9oOlIiZSB]"
_OCR_DOC_NUMBER = doc_number_pattern(year=f"{_OCR_DIGIT}{{4}}", seq=f"{_OCR_DIGIT}{{1,4}}")
# U+00B7 is the 间隔号 of folios (· 7 ·) and names (中国·瓯海): Chinese text, not mojibake.
_LATIN1_TEXT = frozenset("\u00b7")


@dataclass(frozen=True)
class QualitySettings:
    """When a page's text is ``uncertain``.

    Any ``(cid:N)``, U+FFFD, Private Use or unrepaired radical character is a character
    whose identity is unknown, so one is enough. Latin-1 signs do occur in good text (°,
    ±, ×, é in a foreign name), so Latin-1 counts only from ``min_latin1`` characters
    making at least ``max_latin1_share`` (0–1) of the page: GBK mojibake is two Latin-1
    characters per Chinese character, i.e. most of the text in that font.
    """

    min_latin1: int = 4
    max_latin1_share: float = 0.05

    def __post_init__(self) -> None:
        if self.min_latin1 < 1:
            raise ValueError(f"min_latin1 must be >= 1, got {self.min_latin1}")
        if not 0 < self.max_latin1_share <= 1:
            raise ValueError(f"max_latin1_share must be in (0, 1], got {self.max_latin1_share}")


def page_quality(page: SourcePage, settings: QualitySettings | None = None) -> PageQuality:
    """Count the untrustworthy characters of ``page`` (body glyphs and table cells)."""
    settings = settings or QualitySettings()
    text = "".join(_page_texts(page))
    characters = _CHARACTER.findall(text)
    counts = {
        "cid": sum(1 for c in characters if _CID.fullmatch(c)),
        "replacement": characters.count("\ufffd"),
        "private_use": sum(1 for c in characters if len(c) == 1 and _is_private_use(c)),
        "latin1": sum(1 for c in characters if len(c) == 1 and 0x80 <= ord(c) <= 0xFF and c not in _LATIN1_TEXT),
        "compat": sum(1 for c in characters if len(c) == 1 and is_compat_ideograph(c)),
        "ocr_noise": sum(1 for m in _OCR_DOC_NUMBER.finditer(text) if _digits_and_letters(m["year"] + m["seq"])),
    }
    quality = PageQuality(page=page.number, chars=len(characters), **counts)
    return replace(quality, verdict=_verdict(quality, settings))


def _page_texts(page: SourcePage) -> Iterable[str]:
    yield from (g.text for g in page.glyphs)
    for table in page.tables:
        yield from (cell for row in table.rows for cell in row if cell)


def _digits_and_letters(value: str) -> bool:
    """True for a number OCR garbled partly (2oi6), not for digits alone or a word."""
    return any(c.isdigit() for c in value) and not value.isdigit()


def _is_private_use(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _verdict(quality: PageQuality, settings: QualitySettings) -> str:
    if not quality.chars:
        return "no-text"
    latin1_counts = quality.latin1 >= settings.min_latin1 and quality.latin1 / quality.chars >= settings.max_latin1_share
    unknown = quality.cid + quality.replacement + quality.private_use + quality.compat + quality.ocr_noise
    return "uncertain" if unknown or latin1_counts else "ok"


def quality_warning(quality: PageQuality) -> Warning_:
    """The ``text-quality`` warning for an ``uncertain`` page: what was counted, what to do."""
    parts = (
        ("(cid:…)", quality.cid),
        ("U+FFFD", quality.replacement),
        ("private use", quality.private_use),
        ("Latin-1 mojibake", quality.latin1),
        ("radicals", quality.compat),
        ("文号 with letters for digits", quality.ocr_noise),
    )
    found = ", ".join(f"{name} {count}" for name, count in parts if count)
    return Warning_(
        "text-quality",
        f"本页文字存疑（{found}，共 {quality.chars} 字），请对照 PDF 核对。",
        quality.page,
        english=f"text uncertain: {found} (of {quality.chars} characters); check the text against the PDF "
        "(a font without a usable ToUnicode map, or a noisy OCR layer)",
    )


def check_text_quality(issue: Issue, pages: Sequence[SourcePage], settings: QualitySettings | None = None) -> Issue:
    """``issue`` with the quality of its pages checked: pages that are not ``ok`` recorded
    in ``page_quality``, a warning per ``uncertain`` page (pages without text are already
    reported by ``layout``), documents on such pages marked ``uncertain``."""
    flagged = tuple(q for q in (page_quality(p, settings) for p in pages) if q.verdict != "ok")
    doubtful = {q.page for q in flagged}
    documents = tuple(_mark_uncertain(doc, doubtful) for doc in issue.documents)
    warnings = tuple(quality_warning(q) for q in flagged if q.verdict == "uncertain")
    return replace(issue, documents=documents, page_quality=flagged, warnings=issue.warnings + warnings)


def _mark_uncertain(doc: Document, pages: set[int]) -> Document:
    if any(doc.pages[0] <= page <= doc.pages[1] for page in pages):
        return replace(doc, uncertain=True)
    return doc
