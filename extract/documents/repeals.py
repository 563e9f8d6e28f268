"""Which documents a document repeals (废止) or declares invalid (宣布失效), as it names them.

Gazettes end a document's force in three ways, and each is read here the same way whatever
the issuer or the layout:

* a clause of a new measure: ``本办法自2024年2月1日起施行，《温州市…办法》（温政发〔2018〕12号）
  同时废止。``;
* a notice or decision whose subject is the repeal (关于废止…的决定/通知):
  ``经市政府同意，决定废止《…实施意见》（温政办〔2023〕40号）。`` or ``…决定对下列文件宣布失效：``
  followed by a list of the documents, one a paragraph;
* a table of a 清理 (review) result listing repealed or invalidated documents, either after
  such an introduction (``废止的规范性文件目录``) or with a column saying what became of
  each document (处理意见/清理结果: 废止, 宣布失效, 继续有效).

A target is named by 文号 (温政办〔2023〕40号, 温州市人民政府令第147号) when one is printed with
it, else by its title in 《》. Finding the target in the archive is
:func:`extract.documents.validity.resolve_repeals`' job; this module only reads text.
The verbs come from how such acts are worded under 《规章制定程序条例》第三十七条 (规章 are
repealed by a decision published like the rule) and the 规范性文件 清理 practice (废止, 宣布失效).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.grammar.identifiers import find_doc_numbers
from extract.model import Block, BlockKind, TableGrid

# The act of ending another document's force. 失效 alone is not one: 「有效期届满后自动失效」
# is about the document itself; only 宣布/予以/决定 … 失效 declares another one invalid.
REPEAL_VERB = re.compile(r"废止|停止执行|(?:宣布|予以|决定)[^，。；]{0,200}?失效")
# Clauses about what would happen, not an act: 「上位法修改或废止的，从其规定」, 「如遇…废止」.
CONDITIONAL = re.compile(r"^(?:如|若|凡|遇|因)|(?:修改|修订|调整)[或和、及]|(?:废止|失效)(?:的|时)$")
# A clause ends at these marks outside 《》 and brackets (titles may hold commas in brackets).
CLAUSE_END = "，,；;。：:"
# A document named by title, with the 文号 printed after it in brackets when there is one:
# 《温州市公共租赁住房管理办法》（温州市人民政府令第147号）.
NAMED = re.compile(r"《(?P<title>[^《》]{2,120})》\s*(?:[（(](?P<inside>[^（）()]{0,60})[）)])?")
# List entries open with an enumerator: 1. 1、 （一） 一、 ①.
ENUMERATOR = re.compile(r"^\s*(?:\d{1,3}\s*[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*")
# A heading over a list or table of ended documents: 废止的规范性文件目录, 宣布失效的规章清单.
LIST_HEADING = re.compile(r"(?:废止|失效)的[^，。；]{0,30}(?:目录|清单|名单|文件|规章)$")
# Column headings that say what became of each listed document in a 清理 table.
OUTCOME_HEADING = re.compile(r"处理意见|清理结果|清理意见|处理结果|处理方式|清理情况|审查意见|结论")
TITLE_HEADING = re.compile(r"名称|标题|文件")


def clauses(sentence: str) -> list[str]:
    """``sentence`` cut at ，；。： that stand outside 《》 and brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(sentence):
        if char in "《（(〔[":
            depth += 1
        elif char in "》）)〕]" and depth:
            depth -= 1
        elif char in CLAUSE_END and depth == 0:
            parts.append(sentence[start:index])
            start = index + 1
    parts.append(sentence[start:])
    return [part.strip() for part in parts if part.strip()]


def named_documents(text: str) -> list[str]:
    """Documents ``text`` names, in order: the 文号 printed with a 《title》, else the title in
    《》; then 文号 printed on their own."""
    found: list[str] = []
    for match in NAMED.finditer(text):
        numbers = find_doc_numbers(match["inside"] or "")
        found.append(numbers[0] if numbers else f"《{match['title'].strip()}》")
    found += find_doc_numbers(NAMED.sub("", text))
    return list(dict.fromkeys(found))


def clause_targets(clause: str) -> list[str]:
    """The documents a clause repeals: named from the verb on (决定废止《X》, 宣布《X》失效),
    else before it (《X》同时废止); none when the clause has no repeal verb or is conditional."""
    verb = REPEAL_VERB.search(clause)
    if verb is None or CONDITIONAL.search(clause):
        return []
    return named_documents(clause[verb.start():]) or named_documents(clause[: verb.start()])


def _entry(text: str) -> str | None:
    """A list entry's target: the document it names, else the entry itself as a title when it
    reads like one (no sentence punctuation); None when it is not an entry."""
    named = named_documents(text)
    if named:
        return named[0]
    title = ENUMERATOR.sub("", text).strip().rstrip("；;。.")
    if 2 <= len(title) <= 80 and not re.search(r"[，,。：:]", title) and ENUMERATOR.match(text):
        return f"《{title}》"
    return None


def _introduces_list(text: str) -> bool:
    """A paragraph ending in a colon after a repeal verb, or a heading naming ended documents."""
    text = text.strip()
    if LIST_HEADING.search(text.rstrip("：:")):
        return True
    verb = REPEAL_VERB.search(text)
    return text.endswith(("：", ":")) and verb is not None and not named_documents(text[verb.end():])


def _row_target(cells: Sequence[str], title_col: int | None) -> str | None:
    text = " ".join(cells)
    numbers = find_doc_numbers(text)
    if numbers:
        return numbers[0]
    named = named_documents(text)
    if named:
        return named[0]
    if title_col is not None and title_col < len(cells) and cells[title_col].strip():
        return f"《{cells[title_col].strip().strip('《》')}》"
    return None


def table_targets(grid: TableGrid, listed: bool) -> list[str]:
    """Documents a table lists as repealed: every row when the table is ``listed`` under a
    repeal heading, else the rows whose outcome column (处理意见, 清理结果 …) says 废止/失效."""
    rows = [[cell or "" for cell in row] for row in grid.rows]
    if not rows:
        return []
    head_count = grid.header_rows or (1 if not find_doc_numbers(" ".join(rows[0])) else 0)
    header = [" ".join(cells) for cells in zip(*rows[:head_count])] if head_count else []
    title_col = next((i for i, cell in enumerate(header) if TITLE_HEADING.search(cell)), None)
    outcome_col = next((i for i, cell in enumerate(header) if OUTCOME_HEADING.search(cell)), None)
    found: list[str] = []
    for cells in rows[head_count:]:
        if outcome_col is not None:
            outcome = cells[outcome_col] if outcome_col < len(cells) else ""
            if not (REPEAL_VERB.search(outcome) or "失效" in outcome) or "继续有效" in outcome:
                continue
        elif not listed:
            continue
        target = _row_target(cells, title_col)
        if target:
            found.append(target)
    return found


def repeal_targets(blocks: Sequence[Block], own_number: str | None = None, own_title: str = "") -> tuple[str, ...]:
    """Every document ``blocks`` (a document's body, in reading order) repeal or declare
    invalid: 文号 canonical (``find_doc_numbers``), else ``《title》``; in order, no repeats,
    never the document itself (``own_number``, ``《own_title》``)."""
    found: list[str] = []
    listing = False
    for block in blocks:
        if block.kind is BlockKind.TABLE and block.table is not None:
            listed = listing or bool(block.text and REPEAL_VERB.search(block.text))
            found += table_targets(block.table, listed)
            continue
        if block.kind is BlockKind.SIGNATURE:
            listing = False
            continue
        text = block.text.strip()
        if listing and (entry := _entry(text)):
            found.append(entry)
            continue
        listing = _introduces_list(text)
        for sentence in re.split(r"(?<=[。；！？])", text):
            for clause in clauses(sentence):
                found += clause_targets(clause)
    own = {own_number, "《" + re.sub(r"\s+", "", own_title) + "》"}
    return tuple(target for target in dict.fromkeys(found) if target not in own)
