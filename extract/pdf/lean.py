"""A lean pdfplumber page: chars carry only the keys ``extract.pdf.read`` uses, with the values
pdfplumber's full parse gives them.

Why: for every glyph drawn, pdfminer's layout device builds an ``LTChar`` (bbox, width,
height, matrix, colour space, graphic state …), pdfplumber tags it with its marked-content id
and then resolves all its attributes into a dict of about 25 keys; the pipeline reads eight.
On a text page that is a third of the parse (``bench/profile.md``). ``LeanDevice`` computes
the eight values as the glyph is drawn and keeps them in a plain dict; everything else the page
holds (rects, lines, curves, images: a few per page) goes through pdfminer and pdfplumber
unchanged, so pdfplumber's table finder, ``edges`` and ``rects`` work as before.
``tests/test_read.py`` compares the lean values with pdfplumber's full parse.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pdfplumber
from pdfminer.layout import LTContainer, LTItem, LTPage
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import Matrix, apply_matrix_rect
from pdfplumber.page import PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
from pdfplumber.utils.exceptions import PdfminerException

# The keys of a pdfplumber char that ``read.merge_overprints`` reads; lean chars hold only these.
CHAR_KEYS = ("text", "upright", "x0", "top", "x1", "bottom", "size", "fontname")


class LeanDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device (pdfplumber 0.11 over pdfminer.six 20260107), except that a
    glyph becomes a ``CHAR_KEYS`` dict in ``chars`` (drawing order) instead of an ``LTChar``
    in the layout tree.

    The values are computed with pdfminer's arithmetic (``LTChar.__init__``: advance, the box
    from the font's descent or vertical displacement, ``apply_matrix_rect``, ``upright``, size =
    height, or width for vertical fonts) followed by pdfplumber's (``Page.process_object``: y
    flipped against the page height in points, shifted by the MediaBox origin; byte font names
    fixed; text normalised with the PDF's ``unicode_norm``), in the same order of operations,
    so every float is the same.
    """

    def __init__(self, rsrcmgr: PDFResourceManager, page: pdfplumber.page.Page) -> None:
        super().__init__(rsrcmgr, pageno=page.page_number, laparams=None)
        self.chars: list[dict] = []
        self._height = page.height
        self._mb_x0, self._mb_top = page.mediabox[:2]
        self._norm = page.pdf.unicode_norm
        # font -> its name as pdfplumber gives it; keyed by the object (not its id), so a font
        # freed after a form XObject cannot hand its name to a new font at the same address
        self._fontnames: dict[PDFFont, str] = {}

    def render_char(
        self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float, cid: int,
        ncs: PDFColorSpace, graphicstate: PDFGraphicState,
    ) -> float:
        """Record one glyph; returns its advance (text space), as pdfminer's device does."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv = font.char_width(cid) * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            vx, vy = font.char_disp(cid)  # type: ignore[misc]  # a tuple for vertical fonts
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        a, b, c, d, _, _ = matrix
        x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        fontname = self._fontnames.get(font)
        if fontname is None:
            name = font.fontname
            fontname = self._fontnames[font] = fix_fontname_bytes(name) if isinstance(name, bytes) else name
        mb_x0, mb_top, height = self._mb_x0, self._mb_top, self._height
        self.chars.append({
            "text": unicodedata.normalize(self._norm, text) if self._norm is not None else text,
            "upright": a * d * scaling > 0 and b * c <= 0,
            "x0": x0 + mb_x0 if mb_x0 else x0,
            "x1": x1 + mb_x0 if mb_x0 else x1,
            "top": (height - y1) + mb_top,
            "bottom": (height - y0) + mb_top,
            "size": x1 - x0 if vertical else y1 - y0,
            "fontname": fontname,
        })
        return adv


class LeanPage(pdfplumber.page.Page):
    """A pdfplumber page parsed with ``LeanDevice``: ``chars`` are ``CHAR_KEYS`` dicts with
    pdfplumber's values, every other object is pdfplumber's own dict."""

    _lean_chars: list[dict]

    @classmethod
    def of(cls, page: pdfplumber.page.Page) -> "LeanPage":
        """The same page of the same open PDF, parsed lean."""
        return cls(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)

    @property
    def layout(self) -> LTPage:
        """pdfminer's layout tree of the page, without chars (they are in ``_lean_chars``);
        raises ``PdfminerException`` as ``Page.layout`` does."""
        if hasattr(self, "_layout"):
            return self._layout
        device = LeanDevice(self.pdf.rsrcmgr, self)
        try:
            PDFPageInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
        except Exception as error:
            raise PdfminerException(error) from error
        self._lean_chars = device.chars
        self._layout = device.get_result()
        return self._layout

    def parse_objects(self) -> dict[str, list[dict]]:
        """``{object type: [object dict]}`` as ``Page.parse_objects``, chars lean."""
        layout = self.layout
        objects: dict[str, list[dict]] = defaultdict(list)
        if self._lean_chars:
            objects["char"] = self._lean_chars
        stack = [iter(layout._objs)]
        while stack:
            obj: LTItem | None = next(stack[-1], None)
            if obj is None:
                stack.pop()
            elif isinstance(obj, LTContainer):  # a form XObject: its contents (no layout analysis)
                stack.append(iter(obj._objs))
            else:
                parsed = self.process_object(obj)
                if parsed["object_type"] != "anno":
                    objects[parsed["object_type"]].append(parsed)
        return dict(objects)
