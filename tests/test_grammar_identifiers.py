"""Unit tests of ``extract.grammar.identifiers``: 文号, 令/公告 numbers and ZJCC registration numbers
parse from the ways gazettes print them and format back to one canonical spelling."""

from __future__ import annotations

import pytest

from extract.grammar.identifiers import (
    DecreeNumber,
    order_head,
    parse_number,
    DocNumber,
    DocNumberQuery,
    RegistrationNumber,
    file_slug,
    find_doc_numbers,
    find_registration_number,
    is_identifier_line,
)


def test_bad_value():
    with pytest.raises(ValueError, match="abc"):
        DocNumber.parse("abc")


@pytest.mark.parametrize("value", ["", "温政办2023年42号", "温政办〔23〕42号", "〔2023〕42号", "温政办〔2023〕号"])
def test_bad_doc_numbers_raise_naming_the_value(value):
    with pytest.raises(ValueError) as error:
        DocNumber.parse(value)
    assert value in str(error.value)


@pytest.mark.parametrize("value", ["abc", "ZJCC01-23-0007", "ZJCC-2023-0007", "ZJDC01-2023-0007"])
def test_bad_registration_numbers_raise_naming_the_value(value):
    with pytest.raises(ValueError, match=value):
        RegistrationNumber.parse(value)


@pytest.mark.parametrize(
    "printed",
    [
        "温政办〔2023〕42号",  # GB/T 9704 六角括号
        "温政办[2023]42号",  # ASCII square brackets (web copies)
        "温政办［2023］42号",  # full-width square brackets
        "温政办（2023）42号",  # full-width round brackets
        "温政办(2023)42号",  # ASCII round brackets
        "温政办 〔2023〕 42 号",  # spaces from a justified line
    ],
)
def test_doc_number_in_every_bracket_style_parses_to_one_canonical_form(printed):
    number = DocNumber.parse(printed)
    assert (number.prefix, number.year, number.seq) == ("温政办", 2023, 42)
    assert str(number) == "温政办〔2023〕42号"


@pytest.mark.parametrize("canonical", ["温政办〔2023〕42号", "浙政发〔2021〕7号", "温政发〔2019〕103号"])
def test_canonical_doc_number_prints_back_unchanged(canonical):
    assert str(DocNumber.parse(canonical)) == canonical


def test_doc_number_slug_from_pinyin_initials_year_and_number():
    assert DocNumber.parse("温政办〔2023〕42号").slug == "wzb-2023-42"
    assert DocNumber.parse("浙政发〔2021〕7号").slug == "zzf-2021-7"


@pytest.mark.parametrize("printed", ["ZJCC01-2023-0007", "ZJCC01–2023–0007", "ZJCC01—2023—0007", "ZJCC01－2023－0007"])
def test_registration_number_dashes_become_ascii_hyphens(printed):
    assert str(RegistrationNumber.parse(printed)) == "ZJCC01-2023-0007"


def test_registration_number_keeps_leading_zeros_of_the_sequence():
    number = RegistrationNumber.parse("ZJCC03-2022-0015")
    assert (number.cls, number.year, number.seq) == ("03", 2022, "0015")


def test_find_registration_number_in_a_title_block_line():
    assert find_registration_number("温政办〔2023〕42号 ZJCC01–2023–0008") == "ZJCC01-2023-0008"
    assert find_registration_number("没有统一编号") is None


def test_find_doc_numbers_finds_decree_numbers():
    text = "《温州市城市绿化管理办法》（温州市人民政府令第147号）同时废止。"
    assert find_doc_numbers(text) == ["温州市人民政府令第147号"]


def test_find_doc_numbers_keeps_order_without_repeats():
    text = (
        "根据《实施意见》（浙政发〔2021〕7号）和《管理办法》（温州市人民政府令第147号），"
        "参照《通知》（温政办[2022]15号），落实《实施意见》（浙政发〔2021〕7号）要求。"
    )
    assert find_doc_numbers(text) == ["浙政发〔2021〕7号", "温州市人民政府令第147号", "温政办〔2022〕15号"]


def test_find_doc_numbers_canonicalises_brackets():
    assert find_doc_numbers("（温政办［2023］42号）") == ["温政办〔2023〕42号"]


def test_find_doc_numbers_in_running_text_leaves_out_the_words_before_it():
    text = "依据温政办〔2023〕42号和温政发〔2022〕7号文件精神"
    assert find_doc_numbers(text) == ["温政办〔2023〕42号", "温政发〔2022〕7号"]


def test_identifier_lines_are_only_a_number():
    assert is_identifier_line("温政办〔2023〕42号")
    assert is_identifier_line("ZJCC01-2023-0008")
    assert is_identifier_line("温 政 办 〔2023〕 42 号")
    assert not is_identifier_line("关于印发温州市某办法的通知")
    assert not is_identifier_line("根据温政办〔2023〕42号文件要求，现通知如下：")


@pytest.mark.parametrize(
    "stem, slug",
    [
        ("wzgb-2023-04", "wzgb-2023-04"),
        ("温州公报2023年第4期", "温州公报2023年第4期"),
        ("wzgb 2023#4", "wzgb-2023-4"),
        ("..", "issue"),  # a file named ..pdf must not name the parent folder
        ("../../etc", "etc"),
        ("a\0b\\c", "a-b-c"),
        ("", "issue"),
    ],
)
def test_file_slug_is_one_safe_path_segment(stem, slug):
    assert file_slug(stem) == slug


# --------------------------------------------------------------------------- 文号 as typed


@pytest.mark.parametrize("value", ["", "温政办", "公租房", "温政办〔23〕42号", "2023-42"])
def test_bad_doc_number_queries_raise_naming_the_value(value):
    with pytest.raises(ValueError, match="Invalid 文号 query"):
        DocNumberQuery.parse(value)


# How readers type 温政办〔2023〕42号: (spelling, prefix, year) the grammar reads. The table
# tests/test_js.py runs through the browser's query parser (search.js) too.
TYPED_DOC_NUMBERS = [
    ("温政办〔2023〕42号", "温政办", 2023),
    ("温政办[2023]42号", "温政办", 2023),
    ("温政办［2023］42号", "温政办", 2023),
    ("温政办（2023）第42号", "温政办", 2023),
    ("温政办【2023】42号", "温政办", 2023),
    ("温政办2023-42", "温政办", 2023),
    ("温政办2023年42号", "温政办", 2023),
    ("温政办42号", "温政办", None),
    ("42号文", None, None),
    ("42号", None, None),
]


@pytest.mark.parametrize(("typed", "prefix", "year"), TYPED_DOC_NUMBERS)
def test_doc_number_queries_in_every_spelling_match_the_printed_number(typed, prefix, year):
    query = DocNumberQuery.parse(typed)
    assert (query.prefix, query.year, query.seq) == (prefix, year, 42)
    assert query.matches(DocNumber.parse("温政办〔2023〕42号"))


def test_doc_number_query_does_not_match_another_number():
    query = DocNumberQuery.parse("温政办42号")
    assert not query.matches(DocNumber.parse("温政发〔2023〕42号"))
    assert not query.matches(DocNumber.parse("温政办〔2023〕44号"))
    assert not DocNumberQuery.parse("温政办2022-42").matches(DocNumber.parse("温政办〔2023〕42号"))


# ------------------------------------------------------------------ 令 and 公告 numbers, spaced 文号


def test_bad_decree_number():
    with pytest.raises(ValueError, match="国务院令535号"):
        DecreeNumber.parse("国务院令535号")


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("中华人民共和国国务院令第535号", "中华人民共和国国务院令第535号"),
        ("中华人民共和国国务院令 第　535　号", "中华人民共和国国务院令第535号"),  # U+3000 as printed
        ("温州市人民政府令第147号", "温州市人民政府令第147号"),
        ("温州市人民代表大会常务委员会公告第75号", "温州市人民代表大会常务委员会公告第75号"),
    ],
)
def test_decree_numbers_parse_and_print_back(printed, canonical):
    number = DecreeNumber.parse(printed)
    assert str(number) == canonical
    assert DecreeNumber.parse(str(number)) == number


def test_decree_number_slug_leaves_out_the_country_name():
    assert DecreeNumber.parse("中华人民共和国国务院令第535号").slug == "gwyl-535"
    assert DecreeNumber.parse("温州市人民政府令第147号").slug == "wzsrmzfl-147"


def test_doc_number_printed_with_spaces_is_the_same_number():
    # 国务院应对新型冠状病毒感染疫情联防联控机制综合组 documents print 联防联控机制综发〔2022〕71 号
    assert DocNumber.parse("联防联控机制综发〔2022〕71 号") == DocNumber.parse("联防联控机制综发〔2022〕71号")
    assert find_doc_numbers("（联防联控机制综发〔2022〕71 号）") == ["联防联控机制综发〔2022〕71号"]
    assert is_identifier_line("温政办〔2022〕 71 号")


def test_parse_number_takes_either_kind_and_names_bad_input():
    assert str(parse_number("温政办〔2023〕42号")) == "温政办〔2023〕42号"
    assert str(parse_number("中华人民共和国国务院令第535号")) == "中华人民共和国国务院令第535号"
    with pytest.raises(ValueError, match="第535号"):
        parse_number("第535号")


@pytest.mark.parametrize(
    "lines, number",
    [
        (("中华人民共和国国务院令", "第　535　号"), "中华人民共和国国务院令第535号"),
        (("温州市人民政府令", "第 147 号"), "温州市人民政府令第147号"),
        (("温州市人民政府令第147号", ""), "温州市人民政府令第147号"),
        (("温州市人民政府令", "现予公布"), None),
        (("温州市人民代表大会常务委员会公告第75号", ""), None),  # a 公告, not an order
        (("中华人民共和国劳动合同法实施条例", "第一章　总　　则"), None),
    ],
)
def test_order_head_from_its_name_and_number_lines(lines, number):
    head = order_head(*lines)
    assert (str(head) if head else None) == number
