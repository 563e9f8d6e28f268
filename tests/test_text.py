"""Unit tests of ``extract.pdf.text``: glyphs to line text and lines to paragraphs, the way
Chinese typesetting expects (no spaces between Han characters, spaces between Latin words)."""

from __future__ import annotations

from extract.model import Glyph
from extract.pdf.text import group_rows, is_cjk, join_glyph_lines, join_lines, line_text, normalize_for_match


def glyphs(text: str, x0: float = 0.0, top: float = 100.0, size: float = 10.0, gap: float = 0.0) -> list[Glyph]:
    """``text`` set on one baseline: Han and full-width glyphs one em wide, others half an
    em, each followed by ``gap`` points (the spread of a justified line)."""
    out, x = [], x0
    for char in text:
        width = size if is_cjk(char) else size / 2
        out.append(Glyph(char, x, top, x + width, top + size, size, "FangSong"))
        x += width + gap
    return out


def test_justified_han_glyphs_gain_no_space():
    # a justified line spreads its glyphs 6 pt (0.6 em) apart: still one word
    assert line_text(glyphs("各县市区人民政府", gap=6.0)) == "各县市区人民政府"


def test_justified_line_with_full_width_punctuation_gains_no_space():
    assert line_text(glyphs("现将《办法》印发给你们，请认真贯彻执行。", gap=3.0)) == "现将《办法》印发给你们，请认真贯彻执行。"


def test_drawn_space_is_kept_once():
    line = glyphs("第一章", x0=0) + glyphs("  ", x0=30) + glyphs("总则", x0=40)
    assert line_text(line) == "第一章 总则"


def test_space_between_latin_words_set_apart():
    line = glyphs("Wenzhou", x0=0) + glyphs("City", x0=35 + 4)  # a 4 pt (0.4 em) gap
    assert line_text(line) == "Wenzhou City"


def test_no_space_inside_a_latin_word_or_number():
    assert line_text(glyphs("ZJCC01-2023-0008")) == "ZJCC01-2023-0008"


def test_no_space_between_han_and_a_number_set_apart():
    line = glyphs("有效期", x0=0) + glyphs("5", x0=34) + glyphs("年", x0=43)
    assert line_text(line) == "有效期5年"


def test_line_text_reads_glyphs_left_to_right_whatever_their_order():
    assert line_text(list(reversed(glyphs("温州市")))) == "温州市"


def test_join_lines_rejoins_a_doc_number_broken_over_the_line_end():
    assert join_lines("（温政办〔2021〕16", "号）同时废止。") == "（温政办〔2021〕16号）同时废止。"


def test_join_lines_rejoins_a_date_broken_over_the_line_end():
    assert join_lines("本办法自2023年5", "月10日起施行") == "本办法自2023年5月10日起施行"


def test_join_lines_joins_han_lines_without_space():
    assert join_lines("为进一步加强", "城市管理工作") == "为进一步加强城市管理工作"


def test_join_lines_puts_a_space_between_two_english_words():
    assert join_lines("Wenzhou Municipal", "Government") == "Wenzhou Municipal Government"


def test_join_lines_with_an_empty_side_returns_the_other():
    assert join_lines("", "温州") == "温州"
    assert join_lines("温州", "") == "温州"


def test_group_rows_splits_baselines_top_to_bottom():
    rows = group_rows(glyphs("下一行", top=120) + glyphs("第一行", top=100))
    assert ["".join(g.text for g in row) for row in rows] == ["第一行", "下一行"]


def test_group_rows_keeps_a_slightly_raised_glyph_on_its_line():
    line = glyphs("温州", top=100) + glyphs("市", x0=20, top=101.5)  # 0.15 em off the baseline
    assert len(group_rows(line)) == 1


def test_join_glyph_lines_reads_a_two_line_cell_as_one_text():
    cell = glyphs("温州市住房和", top=100) + glyphs("城乡建设局", top=114)
    assert join_glyph_lines(cell) == "温州市住房和城乡建设局"


def test_is_cjk_covers_han_and_full_width_punctuation_not_latin():
    assert all(is_cjk(c) for c in "温〔〕（），：、《》。")
    assert not any(is_cjk(c) for c in "A1-(),:")


def test_normalize_for_match_ignores_whitespace_and_bracket_style():
    assert normalize_for_match("温政办 [2023] 42号") == normalize_for_match("温政办〔2023〕42号")
    assert normalize_for_match("2023—2027年") == normalize_for_match("2023-2027年")
