"""The typesetter makes honest test input: every preset's PDF says what its layout truth says."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.utils import extract_text

from extract.pdf.read import LeanPage
from tests.typeset import (
    CID_FONT,
    NO_BREAK_BEFORE,
    STYLES,
    LayoutStyle,
    break_units,
    layout_truth,
    load_face,
    wrap,
)

MANUSCRIPT = Path(__file__).parent / "data" / "wzgb-2023-04.manuscript.json"
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """``text`` without whitespace: line breaks fall anywhere in CJK text."""
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class PageText:
    """What pdfplumber reads on one page, fake-bold overprints merged."""

    size: tuple[float, float]
    chars: list[dict]
    overprints: int
    text: str
    header: str
    footer: str


@dataclass(frozen=True)
class Rendered:
    style: LayoutStyle
    truth: dict
    pages: list[PageText]


def merge_overprints(chars: list[dict], offset: float) -> list[dict]:
    """Drop a fake-bold glyph's second drawing (same character, line and x within 2×offset).

    pdfplumber's ``dedupe_chars`` does the same but dominates the runtime of this module.
    """
    kept: dict[tuple[str, float], list[float]] = {}
    merged = []
    for char in chars:
        seen = kept.setdefault((char["text"], round(char["top"], 1)), [])
        if any(abs(char["x0"] - x0) <= max(offset, 0.1) * 2 for x0 in seen):
            continue
        seen.append(char["x0"])
        merged.append(char)
    return merged


def page_chars(page: pdfplumber.page.Page) -> list[dict]:
    """pdfplumber's chars of ``page`` with the keys this module reads, parsed lean
    (``extract.pdf.read.LeanPage``: pdfplumber's own values, ``tests/test_read.py``; half the
    time of a full parse), plus width, height and doctop, which pdfplumber derives the same way."""
    return [{**char, "width": char["x1"] - char["x0"], "height": char["bottom"] - char["top"],
             "doctop": page.initial_doctop + char["top"]} for char in LeanPage.of(page).chars]


def read_page(page: pdfplumber.page.Page, style: LayoutStyle) -> PageText:
    top_margin, _, bottom_margin, _ = style.margins
    all_chars = page_chars(page)
    chars = merge_overprints(all_chars, style.fake_bold)
    foot = float(page.height) - bottom_margin
    return PageText(
        size=(float(page.width), float(page.height)),
        chars=chars,
        overprints=len(all_chars) - len(chars),
        text=extract_text(chars),
        header=squash(extract_text([c for c in chars if c["bottom"] <= top_margin])),
        footer=squash(extract_text([c for c in chars if c["top"] >= foot])),
    )


@pytest.fixture(scope="session")
def manuscript() -> dict:
    return json.loads(MANUSCRIPT.read_text(encoding="utf-8"))


@pytest.fixture(scope="session", params=sorted(STYLES))
def rendered(request: pytest.FixtureRequest, typeset_fixture) -> Rendered:
    style = STYLES[request.param]
    pdf = typeset_fixture("2023-04", request.param)  # the sample manuscript (MANUSCRIPT)
    with pdfplumber.open(pdf) as doc:
        pages = [read_page(page, style) for page in doc.pages]
    return Rendered(style, layout_truth(pdf), pages)


def item_text(item: dict) -> str:
    """Every character printed for ``item``; cells under a merged cell repeat it, unprinted."""
    parts = [item["title"], item.get("doc_number") or "", item.get("registration_number") or ""]
    for block in item["blocks"]:
        parts += [block.get("text") or "", block.get("credit") or ""]
        covered = {(s["row"] + k, s["col"])
                   for s in block.get("rowspans") or [] for k in range(1, s["rowspan"])}
        parts += [cell for r, row in enumerate(block.get("rows") or [])
                  for c, cell in enumerate(row) if (r, c) not in covered]
    return squash("".join(parts))


# --------------------------------------------------------------------------- style and units


def test_bad_value() -> None:
    with pytest.raises(ValueError, match="columns: 3"):
        LayoutStyle(columns=3)
    with pytest.raises(ValueError, match="folio"):
        LayoutStyle(folio="page")


def test_required_presets_exist() -> None:
    assert {"single_column_b5", "letter_no_toc", "a4_large_type"} <= set(STYLES)
    assert all(name == style.name for name, style in STYLES.items())


def test_missing_font_falls_back_to_cid_font() -> None:
    assert load_face("/nonexistent/font.ttf", None).name == CID_FONT


def test_break_units_keep_runs_and_punctuation() -> None:
    units = break_units("编号ZJCC01–2023–0007，自2023年5月（试行）。")
    assert "ZJCC01–2023–0007，" in units
    assert "2023" in units
    assert "（试" in units and "行）。" in units


def test_wrap_obeys_line_breaking_rules(manuscript: dict) -> None:
    face = load_face(CID_FONT, None)
    for item in manuscript["items"]:
        for block in item["blocks"]:
            text = block.get("text") or ""
            lines = wrap(text, face, 10.5, 120, 99)
            assert "".join(lines).replace(" ", "") == text.replace(" ", "")
            for before, after in zip(lines, lines[1:]):
                assert after[0] not in NO_BREAK_BEFORE, (before, after)
                assert not (before[-1].isascii() and before[-1].isalnum()
                            and after[0].isascii() and after[0].isalnum()), (before, after)


# --------------------------------------------------------------------------- each preset


def test_page_size_and_count(rendered: Rendered) -> None:
    assert len(rendered.pages) == rendered.truth["page_count"]
    for page in rendered.pages:
        assert page.size == pytest.approx(rendered.style.page_size, abs=0.01)


def test_every_title_is_printed_on_its_first_page(rendered: Rendered) -> None:
    for item in rendered.truth["items"]:
        first, last = item["pages"]
        assert first <= last
        assert squash(item["title"]) in squash(rendered.pages[first - 1].text), item["id"]


def test_no_text_is_lost(rendered: Rendered, manuscript: dict) -> None:
    for item, span in zip(manuscript["items"], rendered.truth["items"]):
        first, last = span["pages"]
        printed = Counter(squash("".join(c["text"] for p in rendered.pages[first - 1:last]
                                         for c in p.chars)))
        missing = Counter(item_text(item)) - printed
        assert not missing, (item["id"], "".join(missing.elements()))


def test_no_text_outside_page_or_type_area(rendered: Rendered) -> None:
    x0, _, x1, _ = rendered.style.frame
    width, height = rendered.style.page_size
    for n, page in enumerate(rendered.pages, 1):
        for char in page.chars:
            assert 0 <= char["top"] and char["bottom"] <= height, (n, char["text"])
            assert x0 - 1 <= char["x0"] and char["x1"] <= x1 + 1, (n, char["text"], char["x0"])


def overlaps(chars: list[dict]) -> list[tuple[str, str, float, float]]:
    """Pairs of glyphs drawn over each other (by more than a third of each side)."""
    grid: dict[tuple[int, int], list[dict]] = {}
    found = []
    for char in chars:
        row, col = int(char["top"] // 20), int(char["x0"] // 20)
        for other in (o for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                      for o in grid.get((row + dy, col + dx), [])):
            across = min(char["x1"], other["x1"]) - max(char["x0"], other["x0"])
            down = min(char["bottom"], other["bottom"]) - max(char["top"], other["top"])
            if (across > min(char["width"], other["width"]) / 3
                    and down > min(char["height"], other["height"]) / 3):
                found.append((char["text"], other["text"], char["x0"], char["top"]))
        if char["text"].strip():
            grid.setdefault((row, col), []).append(char)
    return found


def test_no_glyphs_overlap(rendered: Rendered) -> None:
    for n, page in enumerate(rendered.pages, 1):
        assert not overlaps(page.chars), n


def test_running_headers_and_folios(rendered: Rendered) -> None:
    style = rendered.style
    for entry, page in zip(rendered.truth["pages"], rendered.pages):
        header, folio = entry["header"], entry["folio"]
        assert page.header == squash("".join(header or [])), entry
        assert page.footer == squash(folio or ""), entry
        if entry["kind"] != "body" or style.header_position == "none":
            assert header is None
        elif style.header_odd_only and entry["page"] % 2 == 0:
            assert header is None
        else:
            assert header and style.header_text.format(title="温州市人民政府公报", serial=248) in header
        if entry["kind"] in ("body", "toc"):
            assert folio == style.folio.format(n=entry["page"])


def test_cover_and_toc_as_configured(rendered: Rendered) -> None:
    kinds = [page["kind"] for page in rendered.truth["pages"]]
    assert (kinds[0] == "cover") == rendered.style.cover
    assert ("toc" in kinds) == rendered.style.toc


def test_toc_prints_each_items_first_page(rendered: Rendered) -> None:
    if not rendered.style.toc:
        pytest.skip("preset has no 目录")
    toc = "\n".join(page.text for entry, page in zip(rendered.truth["pages"], rendered.pages)
                    if entry["kind"] == "toc")
    printed = [int(n) for n in re.findall(r"(?:\.\s*){3,}(\d+)\s*$", toc, re.M)]
    assert printed == [item["pages"][0] for item in rendered.truth["items"]]


def test_fake_bold_as_configured(rendered: Rendered) -> None:
    overprints = sum(page.overprints for page in rendered.pages)
    assert (overprints > 0) == (rendered.style.fake_bold > 0)
