"""How a regulation or an order says it was made: the facts ``tag`` reads from the head of
地方性法规, 规章 and 行政法规.

- A 地方性法规 prints under its title, centred and often in brackets, one line per step:
  ``2021年8月26日 温州市第十三届人民代表大会常务委员会第四十次会议通过``, ``…批准`` (a 设区的
  市's regulation is approved by the province, 《立法法》第八十一条), ``…公告第N号公布``,
  ``…修正`` / ``…修订``. ``enactment_steps`` reads them; the adopting body without its 届次
  and session is the issuer (``legislature``).
- An order (GB/T 9704 命令格式; 《规章制定程序条例》第三十二条 公布令) prints its name and
  number (``order_head``), the 公布 sentence (《X》已经…会议通过，现予公布，自…起施行), the
  signer (``总　理　　温家宝``) and the date, then the text it promulgates: ``order_facts``.

Dates are ``DatedFact``s keeping the line and 1-based page they were read from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.grammar.dates import DATE, date_of
from extract.grammar.identifiers import DecreeNumber, order_head
from extract.model import Block, BlockKind, DatedFact, Evidence

# The steps a regulation's head lines name, by the word that ends each.
ADOPTED, APPROVED, PROMULGATED, AMENDED = "adopted", "approved", "promulgated", "amended"
_ACTIONS = ((re.compile(r"修正|修订"), AMENDED), (re.compile(r"公布$"), PROMULGATED), (re.compile(r"批准$"), APPROVED), (re.compile(r"通过$"), ADOPTED))
# Where a regulation's text begins: 第一章 / 第一条.
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+[章条节]")
HEAD_REACH = 8  # head lines a regulation prints at most
# The meeting that adopted a text: 温州市第十三届人民代表大会常务委员会第四十次会议 (届次 and
# session numbered in Chinese numerals).
_TERM = re.compile(r"第[一二三四五六七八九十百]+届")
_SESSION = re.compile(r"第[一二三四五六七八九十百\d]+次(?:全体)?(?:会议)?$")
_BODY = re.compile(r"^(?P<body>[\u4e00-\u9fff]+?会议)")
# An order's signer: an office and a name, letter-spaced (总　理　　温家宝, 市长 张某); the
# name is the last run of characters.
_SIGNER = re.compile(r"^(?P<office>[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,5}?)\s+(?P<name>[\u4e00-\u9fff·]{2,6})$")


@dataclass(frozen=True)
class EnactmentStep:
    """One head line of a regulation: ``action`` (adopted, approved, promulgated,
    amended), the date, the meeting or body named before the action, and the evidence."""

    action: str
    fact: DatedFact
    body: str


@dataclass(frozen=True)
class OrderFacts:
    """What an order's head says: its number (``DecreeNumber``), the signer (``总理 温家宝``),
    the order's date and the date the promulgated text was adopted."""

    number: DecreeNumber
    signer: str | None
    date: DatedFact | None
    adopted: DatedFact | None


def enactment_steps(blocks: Sequence[Block]) -> tuple[EnactmentStep, ...]:
    """The dated head lines of a regulation: the leading blocks before its first 第X章/第X条
    (at most ``HEAD_REACH``), read as one text cut at each date, so that lines the layout
    joined or split are read alike."""
    head: list[Block] = []
    for block in blocks[:HEAD_REACH]:
        if block.kind is BlockKind.TABLE or _ARTICLE.match(block.text.strip()):
            break
        head.append(block)
    text, pages = "", []
    for block in head:  # joined without a space: the layout may have cut one line in two
        piece = re.sub(r"\s+", " ", block.text.strip()).strip("（）() ")
        text += piece
        pages += [block.pages[0]] * len(piece)
    starts = list(DATE.finditer(text))
    steps: list[EnactmentStep] = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        line = text[match.start() : end].strip()
        rest = re.sub(r"\s+", "", text[match.end() : end]).rstrip("；;，,。")
        action = next((name for pattern, name in _ACTIONS if pattern.search(rest)), None)
        day = date_of(match)
        if action and day:
            body = m["body"] if (m := _BODY.match(rest)) else rest
            steps.append(EnactmentStep(action, DatedFact(day, Evidence(line, pages[match.start()])), body))
    return tuple(steps)


def first_step(steps: Sequence[EnactmentStep], action: str) -> DatedFact | None:
    return next((step.fact for step in steps if step.action == action), None)


def legislature(steps: Sequence[EnactmentStep]) -> str | None:
    """The body that adopted the text, without 届次 and session: 温州市第十三届人民代表大会
    常务委员会第四十次会议通过 -> 温州市人民代表大会常务委员会; None without an adoption line."""
    adopted = next((step for step in steps if step.action == ADOPTED), None)
    if adopted is None:
        return None
    return _SESSION.sub("", _TERM.sub("", adopted.body)) or None


def order_facts(blocks: Sequence[Block]) -> OrderFacts | None:
    """The facts of the order whose head opens ``blocks``; None when they open with none."""
    if not blocks:
        return None
    number = order_head(blocks[0].text, blocks[1].text if len(blocks) > 1 else "")
    if number is None:
        return None
    signer = date = adopted = None
    for block in blocks[1:HEAD_REACH + 1]:
        text = block.text.strip()
        if block.kind is BlockKind.SIGNATURE and (match := DATE.fullmatch(text)) and date is None:
            if day := date_of(match):
                date = DatedFact(day, Evidence(text, block.pages[0]))
        elif block.kind is BlockKind.SIGNATURE and (match := _SIGNER.match(text)) and signer is None:
            signer = "".join(match["office"].split()) + " " + match["name"]
        elif "公布" in text and "通过" in text and adopted is None and (match := DATE.search(text)):
            if day := date_of(match):
                adopted = DatedFact(day, Evidence(text, block.pages[0]))
        if block.kind is BlockKind.TITLE:
            break
    return OrderFacts(number, signer, date, adopted)
