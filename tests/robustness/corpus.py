"""The robustness corpus: bad and odd PDFs made on demand, each as Chinese official PDFs
break in the wild.

Good text and fake bold are drawn with reportlab (its built-in STSong-Light CID font needs no
font file). The font failures need font dictionaries reportlab never writes, so those PDFs
are written as raw bytes by ``RawPdf``: a Type0/Identity-H font with a bad or missing
ToUnicode map, and a simple font declared WinAnsi that is drawn with GBK bytes. Broken
files (truncated, empty, encrypted, no pages) are made from the good ones.

Every maker takes the path to write and returns it. Geometry is in points, A4-sized pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image  # pillow: a dependency of reportlab
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

SONG = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(SONG))
A4 = (595.0, 842.0)
BODY_SIZE = 16.0
TITLE_SIZE = 22.0

# A short notice: a title block (文号, title) and body lines in the body size.
DOC_NUMBER = "温政发〔2024〕3号"
TITLE = "温州市人民政府关于做好防汛工作的通知"
BODY = (
    "各县（市、区）人民政府，市政府直属各单位：",
    "为做好今年防汛工作，现将有关事项通知如下。",
    "一、压实防汛责任，落实各项措施。",
)
SIGNATURE = ("温州市人民政府", "2024年5月6日")


# --------------------------------------------------------------------------- reportlab


def _draw_notice(pdf: canvas.Canvas, title: str, body: Sequence[str], doc_number: str, copies: int = 1) -> None:
    """One page: 文号, the title (drawn ``copies`` times 0.3 pt apart: fake bold), body."""
    width, height = A4
    pdf.setFont(SONG, BODY_SIZE)
    pdf.drawCentredString(width / 2, height - 120, doc_number)
    pdf.setFont(SONG, TITLE_SIZE)
    for copy in range(copies):
        pdf.drawCentredString(width / 2 + 0.3 * copy, height - 170 - 0.2 * copy, title)
    pdf.setFont(SONG, BODY_SIZE)
    for index, line in enumerate(body):
        pdf.drawString(72, height - 230 - 28 * index, line)
    bottom = height - 230 - 28 * len(body) - 40
    for index, line in enumerate(SIGNATURE):
        pdf.drawRightString(width - 90, bottom - 28 * index, line)


def good_notice(path: Path, title: str = TITLE, body: Sequence[str] = BODY, doc_number: str = DOC_NUMBER, pdf_title: str | None = None) -> Path:
    """A clean one-page notice; with ``pdf_title`` naming a gazette issue (温州市人民政府公报
    2024年第1期) it is recognised as an issue, else reported as not one."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    if pdf_title:
        pdf.setTitle(pdf_title)
    _draw_notice(pdf, title, body, doc_number)
    pdf.save()
    return path


def fake_bold(path: Path, copies: int) -> Path:
    """A notice whose title is drawn ``copies`` (2–4) times a fraction of a point apart."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _draw_notice(pdf, TITLE, BODY, DOC_NUMBER, copies=copies)
    pdf.save()
    return path


# Text that HTML, markdown or jinja would act on if it were not escaped.
HOSTILE_TITLE = "关于<script>alert(1)</script>{{ 7*7 }}的通知"
HOSTILE_LINE = "{{ 7*7 }} {% raw %} <b>粗</b> [链接](http://x)"
DOTDOT_DOC_NUMBER = "../../温政发〔2024〕9号"
OCR_LINE = "二、按照浙政发[2oi6]ii号文件要求执行。"


def hostile_text(path: Path) -> Path:
    """A notice whose title and body carry HTML, jinja and markdown syntax."""
    return good_notice(path, title=HOSTILE_TITLE, body=("各单位：", HOSTILE_LINE))


def dotdot_doc_number(path: Path) -> Path:
    """A notice whose 文号 line starts with ``../../``, as if to climb out of the site."""
    return good_notice(path, doc_number=DOTDOT_DOC_NUMBER)


def ocr_noise(path: Path) -> Path:
    """A notice whose text layer reads like noisy OCR: a 文号 with letters for digits."""
    return good_notice(path, body=(*BODY, OCR_LINE))


def shifted_baseline(path: Path) -> Path:
    """A notice setting its digits in Times-Roman raised or lowered 1.5–2 pt off the Chinese
    baseline, as producers mixing a Latin font do."""
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _draw_notice(pdf, TITLE, (), DOC_NUMBER)

    def runs(x: float, baseline: float, parts: Sequence[str]) -> None:
        for part in parts:
            latin = part.isascii()
            font, rise = ("Times-Roman", 1.8 if part != "5" else -1.5) if latin else (SONG, 0.0)
            pdf.setFont(font, BODY_SIZE)
            pdf.drawString(x, baseline + rise, part)
            x += pdf.stringWidth(part, font, BODY_SIZE)

    runs(72, height - 230, ("本通知自", "2024", "年", "6", "月", "1", "日起施行，有效期", "5", "年。"))
    pdf.save()
    return path


TOC_TITLES = (
    TITLE,
    "温州市人民政府关于加强秋冬季安全生产工作的通知",
    "温州市人民政府办公室关于做好节假日值班工作的通知",
)


def toc_with_leader_dots(path: Path) -> Path:
    """Four pages: a 目录 whose three entries run over leader dots to their page numbers,
    then the three notices it lists, one a page."""
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(SONG, TITLE_SIZE)
    pdf.drawCentredString(width / 2, height - 100, "目　　录")
    pdf.setFont(SONG, 12)
    pdf.drawString(72, height - 150, "【市政府文件】")
    dot = pdf.stringWidth(".", SONG, 12)
    for page, title in enumerate(TOC_TITLES, start=2):
        baseline = height - 180 - 24 * page
        pdf.drawString(72, baseline, title)
        leader_from = 72 + pdf.stringWidth(title, SONG, 12) + 2
        folio_from = width - 72 - pdf.stringWidth(str(page), SONG, 12)
        pdf.drawString(leader_from, baseline, "." * int((folio_from - leader_from - 2) / dot))
        pdf.drawString(folio_from, baseline, str(page))
    for number, title in enumerate(TOC_TITLES, start=3):
        pdf.showPage()
        _draw_notice(pdf, title, BODY, f"温政发〔2024〕{number}号")
    pdf.save()
    return path


def _draw_scan(pdf: canvas.Canvas) -> None:
    """A page's worth of grey picture, as a scanner without OCR leaves it."""
    pdf.drawImage(ImageReader(Image.new("L", (60, 80), color=200)), 72, 200, width=450, height=600)


def image_only_middle_page(path: Path) -> Path:
    """Three pages: a notice, a scanned page (one picture, no text layer), more text."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _draw_notice(pdf, TITLE, BODY, DOC_NUMBER)
    pdf.showPage()
    _draw_scan(pdf)
    pdf.showPage()
    pdf.setFont(SONG, BODY_SIZE)
    pdf.drawString(72, A4[1] - 120, "二、加强监测预警，及时发布信息。")
    pdf.save()
    return path


def scan_only(path: Path) -> Path:
    """One page holding only a picture: no text layer at all."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _draw_scan(pdf)
    pdf.save()
    return path


def encrypted(path: Path, user_password: str = "user-secret") -> Path:
    """A notice that opens only with a user password nobody gave us (with ``""``: opens
    without one, the owner password guarding only printing and copying)."""
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=StandardEncryption(user_password, ownerPassword="owner-secret"))
    _draw_notice(pdf, TITLE, BODY, DOC_NUMBER)
    pdf.save()
    return path


def truncated(path: Path) -> Path:
    """A good notice cut off after 60 % of its bytes (an interrupted download)."""
    good_notice(path)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) * 6 // 10])
    return path


def zero_bytes(path: Path) -> Path:
    """An empty file, as a failed copy leaves it."""
    path.write_bytes(b"")
    return path


def not_a_pdf(path: Path) -> Path:
    """An HTML error page saved under a .pdf name."""
    path.write_text("<html><body>404 Not Found</body></html>\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- raw bytes


class RawPdf:
    """A minimal PDF written byte by byte: numbered objects, a page tree, an xref table.

    ``add`` stores an object body and returns its number; ``stream`` stores a stream;
    ``page`` adds a page drawing ``content`` with ``fonts`` (resource name -> font object
    number). ``write`` lays out the file with correct xref offsets.
    """

    def __init__(self) -> None:
        self.objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree, filled in by write
        self.pages: list[int] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def stream(self, data: bytes, entries: bytes = b"") -> int:
        return self.add(b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data))

    def page(self, content: bytes, fonts: dict[str, int]) -> int:
        font_refs = b" ".join(b"/%s %d 0 R" % (name.encode(), number) for name, number in fonts.items())
        contents = self.stream(content)
        number = self.add(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << %s >> >> /Contents %d 0 R >>"
            % (int(A4[0]), int(A4[1]), font_refs, contents)
        )
        self.pages.append(number)
        return number

    def write(self, path: Path) -> Path:
        kids = b" ".join(b"%d 0 R" % n for n in self.pages)
        self.objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        self.objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(self.pages))
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self.objects) + 1, xref)
        path.write_bytes(bytes(out))
        return path


def _text_lines(font: str, size: float, lines: Sequence[bytes], top: float = 120, leading: float = 28) -> bytes:
    """A content stream showing each line (a PDF string, hex or literal) from the left margin."""
    ops = [b"BT /%s %g Tf" % (font.encode(), size)]
    for index, line in enumerate(lines):
        ops.append(b"1 0 0 1 72 %g Tm %s Tj" % (A4[1] - top - leading * index, line))
    ops.append(b"ET")
    return b"\n".join(ops)


def _to_unicode_cmap(mapping: dict[int, str]) -> bytes:
    """A ToUnicode CMap mapping 2-byte codes to text (BMP characters)."""
    chars = b"\n".join(b"<%04X> <%04X>" % (code, ord(text)) for code, text in mapping.items())
    return b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange",
            b"%d beginbfchar\n%s\nendbfchar" % (len(mapping), chars),
            b"endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    )


def _descriptor(raw: RawPdf, name: bytes) -> int:
    return raw.add(
        b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0"
        b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>" % name
    )


def identity_font_pdf(path: Path, lines: Sequence[str], to_unicode: dict[str, str] | None) -> Path:
    """One page in a Type0 font with Identity-H encoding and no embedded program.

    Each distinct character of ``lines`` gets a CID (1, 2, …) in order of first use. With
    ``to_unicode`` None the font has no ToUnicode map (readers see ``(cid:N)``); otherwise
    the map sends each CID to ``to_unicode.get(char, char)`` — a bad map, e.g. ⽇ for 日.
    """
    cids: dict[str, int] = {}
    for char in "".join(lines):
        cids.setdefault(char, len(cids) + 1)
    raw = RawPdf()
    name = b"FZFSK--GBK1-0"  # a Founder font name, as such PDFs carry
    descendant = raw.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % (name, _descriptor(raw, name))
    )
    cmap = b""
    if to_unicode is not None:
        mapping = {cid: to_unicode.get(char, char) for char, cid in cids.items()}
        cmap = b" /ToUnicode %d 0 R" % raw.stream(_to_unicode_cmap(mapping))
    font = raw.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R]%s >>"
        % (name, descendant, cmap)
    )
    shown = [b"<%s>" % "".join(f"{cids[c]:04X}" for c in line).encode() for line in lines]
    raw.page(_text_lines("F1", BODY_SIZE, shown), {"F1": font})
    return raw.write(path)


def gbk_as_winansi_pdf(path: Path, lines: Sequence[str]) -> Path:
    """One page in a simple font declared WinAnsi, named by raw GBK bytes (小标宋), without
    ToUnicode, drawn with the GBK bytes of ``lines``: readers see Latin-1 (±±¶·ÐÇ for 北斗星)."""
    raw = RawPdf()
    name = b"".join(b"#%02X" % byte for byte in "小标宋".encode("gbk"))
    widths = b" ".join([b"500"] * 224)  # half an em per byte: a GBK character is two bytes
    font = raw.add(
        b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255 /Widths [%s]"
        b" /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>" % (name, widths, _descriptor(raw, name))
    )
    shown = [b"<%s>" % line.encode("gbk").hex().upper().encode() for line in lines]
    raw.page(_text_lines("F1", BODY_SIZE, shown), {"F1": font})
    return raw.write(path)


def corrupt_middle_page(path: Path) -> Path:
    """Three pages in Helvetica; the middle page's content stream is broken bytes."""
    raw = RawPdf()
    font = raw.add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    raw.page(_text_lines("F1", TITLE_SIZE, [b"(Page one)"]), {"F1": font})
    raw.page(b"BT /F1 16 Tf 72 700 Td (Page two \x00\xff garbage ] >> stream ET Tj", {"F1": font})
    raw.page(_text_lines("F1", TITLE_SIZE, [b"(Page three)"]), {"F1": font})
    return raw.write(path)


def no_pages(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    return RawPdf().write(path)


# --------------------------------------------------------------------------- the corpus

# Every PDF of the corpus by file name, with its maker; test_corpus.py asserts the outcome of each.
MAKERS = {
    "fake-bold-x2.pdf": lambda path: fake_bold(path, 2),
    "fake-bold-x4.pdf": lambda path: fake_bold(path, 4),
    "cid-no-tounicode.pdf": lambda path: identity_font_pdf(path, [TITLE, *BODY], None),
    "gbk-as-winansi.pdf": lambda path: gbk_as_winansi_pdf(path, ["北斗星通知", *BODY]),
    "kangxi-radicals.pdf": lambda path: identity_font_pdf(path, ["日常工作月报", *BODY], {"日": "⽇", "工": "⼯", "月": "⽉"}),
    "pua-only.pdf": lambda path: identity_font_pdf(
        path, [TITLE, *BODY], {c: chr(0xE000 + i) for i, c in enumerate(dict.fromkeys(TITLE + "".join(BODY)))}
    ),
    "hostile-text.pdf": hostile_text,
    "doc-number-dotdot.pdf": dotdot_doc_number,
    "ocr-noise.pdf": ocr_noise,
    "shifted-baseline.pdf": shifted_baseline,
    "toc-leader-dots.pdf": toc_with_leader_dots,
    "image-only-page.pdf": image_only_middle_page,
    "scan-only.pdf": scan_only,
    "encrypted.pdf": encrypted,
    "owner-password-only.pdf": lambda path: encrypted(path, user_password=""),
    "truncated.pdf": truncated,
    "zero-bytes.pdf": zero_bytes,
    "not-a-pdf.pdf": not_a_pdf,
    "no-pages.pdf": no_pages,
    "corrupt-page.pdf": corrupt_middle_page,
}


def make(folder: Path, *names: str) -> list[Path]:
    """Write the named corpus PDFs (all when no name is given) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [MAKERS[name](folder / name) for name in (names or MAKERS)]
