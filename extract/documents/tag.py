"""Stage 5, tag: ``SplitIssue`` -> ``Issue`` of typed, tagged ``Document``s.

Sources of each field, in order of preference:

* 文号 and ZJCC registration number: the title block's identifier lines, then the 目录's
  bracket, then an order's head (中华人民共和国国务院令 第535号 -> 中华人民共和国国务院令第535号),
  then the 公告 number of a regulation's 公布 line.
* issuer (发文机关): the body named in an order's head; the body that adopted a regulation,
  without 届次 and session (``legislation.legislature``); the title's 发文机关 before 关于
  (GB/T 9704 标题 = 发文机关 + 关于 + 事由 + 文种); a 解读机关 line; a 「…制」 credit line;
  the signature's body without a 代章 bracket (the body that lends its seal is not the issuer).
* 成文日期: the signature's date line (GB/T 9704 §7.3.5); for an order, the order's date.
* adopted / approved / promulgated / amended dates: a regulation's head lines, an order's
  公布 sentence and date (``legislation``).
* 施行日期 and 有效期: the sentence 「自YYYY年M月D日起施行，有效期N年」 of the document text;
  「自公布/发布/印发/签发之日起施行」 means the day it was promulgated (the order's date or the
  公布 line), else the 成文日期. A plan period in the title （2023—2027年） gives the 失效日期
  12-31 of its last year.
* 文种 and 效力级别: ``classify.form_of`` and ``classify.force_level``.
* 失效日期: ``validity.expiry_from``. 时效性 depends on the date and on the rest of the
  archive, so it is not a field of ``Document``: ``validity.archive_status`` computes it.
* repeals: ``repeals.repeal_targets`` (…同时废止, 决定废止《X》, lists and tables of repealed
  documents).

Every date keeps the sentence and page it came from (``Evidence``).

Document ids, which are the site's permalinks (``doc/<id>/``): the 文号 slug
(``wzb-2023-42``); for a 政策解读, ``jd-`` and its target's slug; else the issue and the
item's position in gazette order (``2023-04-item-17``). None depends on the type or on
what else was extracted, so improving classification or tagging never moves a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from extract.documents import validity as rules
from extract.documents import legislation
from extract.documents.classify import classify, force_level, form_of
from extract.documents.names import known_names
from extract.documents.repeals import repeal_targets
from extract.documents.split import title_key
from extract.grammar.dates import DATE, NUMERAL, numeral, parse_date
from extract.grammar.identifiers import (
    file_slug,
    find_doc_numbers,
    find_registration_number,
    is_identifier_line,
    parse_number,
    position_id,
)
from extract.model import (
    Block,
    BlockKind,
    DatedFact,
    DocType,
    Document,
    Evidence,
    ForceLevel,
    Issue,
    Item,
    SplitIssue,
    Validity,
    Warning_,
)
from extract.pdf.text import normalize_for_match

# 自2023年5月15日起施行 / 自2023年5月15日起实施 / 2023年5月15日起执行
EFFECTIVE = re.compile(rf"(?:自|从|于)?\s*(?P<date>{DATE.pattern})\s*起\s*(?:施行|实施|执行|生效)", re.VERBOSE)
EFFECTIVE_ON_ISSUE = re.compile(r"自(?:印发|发布|公布|签发)之日起\s*(?:施行|实施|执行|生效)")
VALIDITY_PERIOD = re.compile(rf"有效期(?:为|限为)?\s*(?P<n>{NUMERAL})\s*(?P<unit>年|个月)")
VALIDITY_UNTIL = re.compile(rf"有效期(?:至|到|截至)\s*(?P<date>{DATE.pattern})", re.VERBOSE)
PLAN_PERIOD = re.compile(r"[（(]\s*(?P<start>(?:19|20)\d{2})\s*(?:年)?\s*[—–\-－~～至]+\s*(?P<end>(?:19|20)\d{2})\s*年?\s*[）)]")
ISSUER_IN_TITLE = re.compile(r"^(?P<issuer>[\u4e00-\u9fff、]{2,40}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|厅|委|院|署|部|会|中心|支队))关于")
# 解读机关：温州市住房和城乡建设局 — up to the next label when a layout runs the lines on
# (…建设局解读人：姚必华).
INTERPRETER = re.compile(r"(?:解读机关|解读单位|解读部门)[:：]\s*(?P<issuer>[^\s，。；：:]+?)(?=解读人|联系人|联系电话|[\s，。；]|$)")
CREDITED_ISSUER = re.compile(r"^(?P<issuer>[\u4e00-\u9fff]{2,30}?)(?:制|编制|提供)$")
# A body that lends its seal to another's document: …综合组（国家卫生健康委代章）.
SEAL_LENT = re.compile(r"\s*[（(][^（）()]*代章[）)]\s*$")
# A title a repeal clause names, unless a number in brackets right after it names it better:
# 《温州市区公共租赁住房保障办法》（温州市人民政府令第147号）同时废止.
INTERPRETS = re.compile(r"关于?《(?P<name>.+)》的?(?:政策)?解读")
TRIAL = re.compile(r"试行|暂行")
SENTENCE_END = re.compile(r"(?<=[。；！？])")


def tag_issue(split: SplitIssue) -> Issue:
    """Tag every item of ``split``. Nothing in the result depends on the date of the build."""
    issue_id = split.identity.id or file_slug(split.layout.source.path.stem)
    toc_numbers = {title_key(e.title): e.doc_number for e in split.toc if e.doc_number}
    documents: list[Document] = []
    for position, item in enumerate(split.items, start=1):
        doc_type = classify(item)
        doc = tag_item(item, doc_type, issue_id, position, toc_numbers.get(title_key(item.title)))
        if doc.id == "" or any(d.id == doc.id for d in documents):
            doc = replace(doc, id=position_id(issue_id, position))
        documents.append(doc)
    documents = link_interpretations(documents)
    warnings = list(split.layout.warnings) + list(split.warnings) + list(_missing_fields(documents))
    return Issue(
        id=issue_id,
        identity=split.identity,
        pdf_name=split.layout.source.path.name,
        page_count=len(split.layout.source.pages),
        documents=tuple(documents),
        front_pages=split.front_pages,
        warnings=tuple(warnings),
    )


def tag_item(item: Item, doc_type: DocType, issue_id: str, position: int, toc_doc_number: str | None = None) -> Document:
    """One item -> a ``Document`` with identifiers, issuer, dates, validity and repeals."""
    head = " ".join(b.text for b in item.title_blocks if is_identifier_line(b.text))
    normative = doc_type in (DocType.MEASURE, DocType.NOTICE)
    order = legislation.order_facts(item.blocks) if normative else None
    steps = legislation.enactment_steps(item.blocks) if normative and order is None else ()
    promulgated = order.date if order else legislation.first_step(steps, legislation.PROMULGATED)
    numbers = find_doc_numbers(head) or ([toc_doc_number] if toc_doc_number else [])
    numbers += [str(order.number)] if order else [n for s in steps if s.action == legislation.PROMULGATED for n in find_doc_numbers(s.body)]
    doc_number = numbers[0] if numbers else None
    text = document_text(item.blocks)
    sentences = list(_sentences(item.blocks))
    signed = (order.date if order else _signed_date(item.blocks)) if normative else None
    effective = _effective(sentences, promulgated or signed) if normative else None
    validity = _validity(sentences, item.title) if normative else None
    plan_end = _plan_end_year(item) if doc_type is DocType.MEASURE else None
    expiry_value, basis = rules.expiry_from(effective.value if effective else None, validity, plan_end)
    expiry = None
    if expiry_value:
        evidence = (validity.evidence if validity and validity.evidence else None) or _title_evidence(item)
        expiry = DatedFact(expiry_value, evidence)
    repeals = repeal_targets(item.blocks, doc_number, item.title) if normative else ()
    references = tuple(n for n in find_doc_numbers(text) if n != doc_number and n not in repeals)
    registration = find_registration_number(head)
    legislature = legislation.legislature(steps)
    form = form_of(item.title, doc_type)
    doc = Document(
        id=parse_number(doc_number).slug if doc_number else "",
        issue=issue_id,
        position=position,
        section=item.section,
        type=doc_type,
        title=item.title,
        blocks=item.blocks,
        pages=item.pages,
        doc_number=doc_number,
        registration_number=registration,
        issuer=order.number.issuer if order else legislature or _issuer(item, doc_type),
        form=form,
        force_level=force_level(doc_type, order_issuer=order.number.issuer if order else None, adopted_by=legislature, registration_number=registration, form=form),
        signer=order.signer if order else None,
        signed_date=signed,
        adopted_date=order.adopted if order else legislation.first_step(steps, legislation.ADOPTED),
        approved_date=legislation.first_step(steps, legislation.APPROVED),
        promulgated_date=promulgated,
        amended_dates=tuple(s.fact for s in steps if s.action == legislation.AMENDED),
        effective_date=effective,
        validity=validity,
        expiry_date=expiry,
        expiry_basis=basis,
        repeals=repeals,
        references=references,
        text=text,
    )
    if doc_type is DocType.INTERPRETATION:
        doc = replace(doc, stated_effective_date=_effective(sentences, None), stated_validity=_validity(sentences, ""))
    return doc


# ------------------------------------------------------------------ text


def document_text(blocks: Sequence[Block]) -> str:
    """The body as plain text: one line per block, table rows as lines of tab-separated
    cells (a merged cell's covered positions empty), a caption followed by its credit."""
    lines: list[str] = []
    for block in blocks:
        if block.kind is BlockKind.TABLE and block.table is not None:
            if block.text:
                lines.append(block.text)
            lines.extend("\t".join(cell or "" for cell in row) for row in block.table.rows)
        elif block.kind is BlockKind.CAPTION and block.credit:
            lines.append(f"{block.text}\n{block.credit}")
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _sentences(blocks: Iterable[Block]) -> Iterable[tuple[str, int]]:
    for block in blocks:
        if block.kind is BlockKind.TABLE:
            continue
        for sentence in SENTENCE_END.split(block.text):
            if sentence.strip():
                yield sentence.strip(), block.pages[0]


# ------------------------------------------------------------------ dates


def _signed_date(blocks: Sequence[Block]) -> DatedFact | None:
    for block in blocks:
        if block.kind is BlockKind.SIGNATURE and (day := parse_date(block.text)):
            return DatedFact(day, Evidence(block.text, block.pages[0]))
    return None


def _effective(sentences: Sequence[tuple[str, int]], issued: DatedFact | None) -> DatedFact | None:
    """The first 施行 clause's date; 「自公布之日起施行」 and the like give ``issued`` (the
    day the text was promulgated or signed), with the clause as evidence."""
    for sentence, page in sentences:
        if match := EFFECTIVE.search(sentence):
            day = parse_date(match["date"])
            if day:
                return DatedFact(day, Evidence(sentence, page))
        if issued and EFFECTIVE_ON_ISSUE.search(sentence):
            return DatedFact(issued.value, Evidence(sentence, page))
    return None


def _validity(sentences: Sequence[tuple[str, int]], title: str) -> Validity | None:
    trial = bool(TRIAL.search(title))
    for sentence, page in sentences:
        if match := VALIDITY_UNTIL.search(sentence):
            return Validity(until=parse_date(match["date"]), trial=trial, evidence=Evidence(sentence, page))
        if match := VALIDITY_PERIOD.search(sentence):
            count = numeral(match["n"])
            if match["unit"] == "年":
                return Validity(years=count, trial=trial, evidence=Evidence(sentence, page))
            return Validity(months=count, trial=trial, evidence=Evidence(sentence, page))
    return None


def _plan_end_year(item: Item) -> int | None:
    """The last year of a plan period in the title or the attached document's title."""
    titles = [item.title] + [b.text for b in item.blocks if b.kind is BlockKind.TITLE or b.level == 1]
    for title in titles:
        if match := PLAN_PERIOD.search(title):
            return int(match["end"])
    return None


def _title_evidence(item: Item) -> Evidence:
    return Evidence(item.title, item.pages[0])


# ------------------------------------------------------------------ people and links


def _issuer(item: Item, doc_type: DocType) -> str | None:
    if match := ISSUER_IN_TITLE.match(re.sub(r"\s+", "", item.title)):
        return match["issuer"]
    for block in item.blocks:
        if match := INTERPRETER.search(block.text):
            return match["issuer"]
    for block in item.blocks[:3]:
        if block.align == "right" and (match := CREDITED_ISSUER.match(block.text.strip())):
            return match["issuer"]
    if doc_type in (DocType.MEASURE, DocType.NOTICE):
        names = [SEAL_LENT.sub("", b.text) for b in item.blocks if b.kind is BlockKind.SIGNATURE and not parse_date(b.text)]
        return names[0] if names else None
    return None


def link_interpretations(documents: Sequence[Document]) -> list[Document]:
    """Set ``interprets`` on each 政策解读 to the 文号 of the document whose title — with or
    without its issuer, or the title of the measure it promulgates — its own title names."""
    names: dict[str, str] = {}
    for doc in documents:
        if not doc.doc_number:
            continue
        for name in known_names(doc):
            names.setdefault(normalize_for_match(name), doc.doc_number)
    linked = []
    for doc in documents:
        if doc.type is DocType.INTERPRETATION and (match := INTERPRETS.search(re.sub(r"\s+", "", doc.title))):
            target = names.get(normalize_for_match(match["name"]))
            if target:
                doc = replace(doc, interprets=target, id=f"jd-{parse_number(target).slug}")
        linked.append(doc)
    return linked


def _missing_fields(documents: Sequence[Document]) -> Iterable[Warning_]:
    """Fields a document of its kind should print and did not: a 文号 and 成文日期 for
    notices and measures (a local regulation is adopted, not signed, and has neither unless
    its 公告 is printed); a 施行日期/有效期 for measures, except regulations and rules in
    force until repealed (``validity.until_repealed``)."""
    for doc in documents:
        adopted = doc.force_level is ForceLevel.LOCAL_REGULATION and doc.adopted_date is not None
        if doc.type in (DocType.MEASURE, DocType.NOTICE) and not adopted:
            if not doc.doc_number:
                yield Warning_("missing-doc-number", "未找到文号。", doc.pages[0], doc.id, english="no 文号 found for a government document")
            if not doc.signed_date:
                yield Warning_("missing-signed-date", "落款中未找到成文日期。", doc.pages[0], doc.id, english="no 成文日期 found in the signature")
        if doc.type is DocType.MEASURE and not doc.expiry_date and not rules.until_repealed(doc):
            yield Warning_("missing-validity", "未找到施行日期、有效期或规划期。", doc.pages[0], doc.id, english="measure without 施行日期/有效期 or plan period")
        if doc.type is DocType.INTERPRETATION and not doc.interprets:
            yield Warning_("interpretation-unlinked", "本期中未找到所解读的文件。", doc.pages[0], doc.id, english="the interpreted document was not found in this issue")
