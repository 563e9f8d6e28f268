"""时效性: when each normative document takes effect, when it expires, and whether it is in force.

All dates are ``datetime.date`` and serialise as ISO 8601 (``YYYY-MM-DD``). Periods follow
the inclusive convention of normative documents: a period counts its first day, so
``有效期5年`` from 2023-05-10 ends on 2028-05-09 and the expiry day itself is still in force.
Adding years or months clamps to the end of a shorter month (2024-02-29 + 1 year is
2025-02-28, so that period ends 2025-02-27; 2025-08-31 − 6 months is 2025-02-28).

The functions are pure: no wall clock, ``as_of`` is always passed in. ``write_validity`` is
the only function that touches the file system; it writes the validity page, its exports
and the browser script that recomputes status on the day the page is read.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from .ics import AllDayEvent, all_day_calendar
from .model import DocType, Document, ExpiryBasis, Status, Validity, Warning_

#: Days before expiry from which an in-force document is flagged 即将失效.
EXPIRING_SOON_DAYS = 180
#: Months before expiry when a document is due for evaluation (评估), per review practice.
EVALUATION_LEAD_MONTHS = 6
#: A 试行/暂行 measure with a longer 有效期 than this many months is reported.
TRIAL_MAX_MONTHS = 5 * 12

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SCRIPT = TEMPLATES / "assets" / "validity.js"

STATUS_LABELS = {
    Status.NOT_YET_IN_FORCE: "尚未生效",
    Status.IN_FORCE: "现行有效",
    Status.EXPIRED: "已失效",
    Status.REPEALED: "已废止",
}
BASIS_LABELS = {
    ExpiryBasis.STATED: "明确规定",
    ExpiryBasis.COMPUTED: "推算",
    ExpiryBasis.PLAN_PERIOD: "规划期",
    ExpiryBasis.UNKNOWN: "未知",
}

PdfUrl = Callable[[Document], str]


# --------------------------------------------------------------------------- date rules


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the target month's last day.

    Same result as ``dateutil.relativedelta(months=months)``: 2024-02-29 + 12 → 2025-02-28.
    """
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_months(validity: Validity) -> int | None:
    """The 有效期 in months, or None when it is not given as a period."""
    if validity.years:
        return validity.years * 12
    return validity.months or None


def expiry_from(
    effective: dt.date | None, validity: Validity | None, plan_end_year: int | None
) -> tuple[dt.date | None, ExpiryBasis]:
    """The 失效日期 (last day in force, inclusive) and how it was obtained.

    In order of precedence:

    - ``validity.until`` stated outright (有效期至2025年5月14日) → that date, ``STATED``;
    - ``effective`` + ``validity.years`` or ``.months`` − 1 day → ``COMPUTED``
      (2023-05-10 + 5 years → 2028-05-09; 2024-02-29 + 1 year → 2025-02-27);
    - ``plan_end_year`` from a plan period （2023—2027年） → 2027-12-31, ``PLAN_PERIOD``;
    - otherwise ``(None, UNKNOWN)``.
    """
    if validity and validity.until:
        return validity.until, ExpiryBasis.STATED
    months = _period_months(validity) if validity else None
    if effective and months:
        return _add_months(effective, months) - dt.timedelta(days=1), ExpiryBasis.COMPUTED
    if plan_end_year:
        return dt.date(plan_end_year, 12, 31), ExpiryBasis.PLAN_PERIOD
    return None, ExpiryBasis.UNKNOWN


def status_on(
    effective: dt.date | None, expiry: dt.date | None, as_of: dt.date, repealed: bool = False
) -> Status | None:
    """时效性 on ``as_of``.

    ``REPEALED`` wins over the dates. Otherwise ``NOT_YET_IN_FORCE`` before ``effective``,
    ``EXPIRED`` after ``expiry`` (the expiry day itself is still in force), else
    ``IN_FORCE``; None when the document has neither date, so no period applies.
    """
    if repealed:
        return Status.REPEALED
    if effective is None and expiry is None:
        return None
    if effective and as_of < effective:
        return Status.NOT_YET_IN_FORCE
    if expiry and as_of > expiry:
        return Status.EXPIRED
    return Status.IN_FORCE


def expiring_soon(expiry: dt.date | None, as_of: dt.date, days: int = EXPIRING_SOON_DAYS) -> bool:
    """True when ``expiry`` falls within ``days`` days from ``as_of`` (0 to ``days``, inclusive)."""
    return expiry is not None and 0 <= (expiry - as_of).days <= days


def evaluation_due(expiry: dt.date) -> dt.date:
    """The date by which a document is due for evaluation: ``expiry`` − 6 months (clamped)."""
    return _add_months(expiry, -EVALUATION_LEAD_MONTHS)


def _rule(effective: dt.date | None, validity: Validity | None, expiry: dt.date | None,
          basis: ExpiryBasis) -> str:
    """How ``expiry`` was obtained, in words, for the tooltip and the exports."""
    if basis is ExpiryBasis.COMPUTED and effective and validity:
        return (f"施行日期 {effective.isoformat()} 起算，有效期{validity.label()}，含首日，"
                f"至 {expiry.isoformat() if expiry else ''} 止（施行日期 + 期限 − 1日）")
    if basis is ExpiryBasis.PLAN_PERIOD and expiry:
        return f"规划期截至 {expiry.year} 年末：{expiry.isoformat()}"
    if basis is ExpiryBasis.STATED:
        return "文件明确规定的有效期截止日"
    return ""


# --------------------------------------------------------------------------- across the archive


def _order(doc: Document) -> tuple[str, int]:
    """Publication order across the archive: issue id (``2023-04`` sorts by date), position."""
    return doc.issue, doc.position


def _repeals(documents: Iterable[Document]) -> dict[str, Document]:
    """Each repealed 文号 → the first document in publication order that repeals it."""
    found: dict[str, Document] = {}
    for doc in sorted(documents, key=_order):
        for number in doc.repeals:
            found.setdefault(number.strip(), doc)
    return found


def repealed_ids(documents: Iterable[Document]) -> set[str]:
    """文号 of the documents that a document in the archive repeals (``Document.repeals``).

    The repealed document need not be in the archive itself (e.g. 温州市人民政府令第147号).
    """
    return set(_repeals(documents))


def _repeal_date(repealer: Document) -> dt.date | None:
    """The day a repeal takes effect: when the repealing document does (else its 成文日期)."""
    fact = repealer.effective_date or repealer.signed_date
    return fact.value if fact else None


def _is_repealed(doc: Document, repeals: dict[str, Document], as_of: dt.date) -> bool:
    repealer = repeals.get((doc.doc_number or "").strip())
    if repealer is None:
        return False
    since = _repeal_date(repealer)
    return since is None or since <= as_of


def _name(doc: Document) -> str:
    return f"{doc.doc_number or doc.id}《{doc.title}》"


def _interpretation_conflicts(interp: Document, target: Document) -> Iterable[Warning_]:
    """A 政策解读 whose stated 施行日期 or 有效期 differs from its target document's."""
    stated, actual = interp.stated_effective_date, target.effective_date
    if stated and actual and stated.value != actual.value:
        yield Warning_(
            kind="validity-conflict",
            message=(f"政策解读 {interp.title} 称 {target.doc_number} 自 {stated.value.isoformat()} "
                     f"起施行，而该文件规定 {actual.value.isoformat()}。 / The interpretation "
                     f"{interp.id} states {target.doc_number} takes effect on "
                     f"{stated.value.isoformat()}; the document itself says "
                     f"{actual.value.isoformat()}."),
            page=stated.evidence.page, item=interp.id)
    said, own = interp.stated_validity, target.validity
    if said and own and (_period_months(said), said.until) != (_period_months(own), own.until):
        yield Warning_(
            kind="validity-conflict",
            message=(f"政策解读 {interp.title} 称 {target.doc_number} 有效期{said.label()}，"
                     f"而该文件规定有效期{own.label()}。 / The interpretation {interp.id} "
                     f"states a validity of {said.label()} for {target.doc_number}; the "
                     f"document itself says {own.label()}."),
            page=said.evidence.page if said.evidence else None, item=interp.id)


def _effective_before_signed(doc: Document) -> Iterable[Warning_]:
    if doc.effective_date and doc.signed_date and doc.effective_date.value < doc.signed_date.value:
        eff, signed = doc.effective_date.value.isoformat(), doc.signed_date.value.isoformat()
        yield Warning_(
            kind="effective-before-signed",
            message=(f"{_name(doc)} 施行日期 {eff} 早于成文日期 {signed}。 / {doc.id} takes "
                     f"effect on {eff}, before it was signed on {signed}."),
            page=doc.effective_date.evidence.page, item=doc.id)


def _trial_too_long(doc: Document) -> Iterable[Warning_]:
    validity = doc.validity
    if not (validity and validity.trial):
        return
    months = _period_months(validity)
    if months is None and validity.until and doc.effective_date:
        # A stated end date: measure it from the effective date by the same convention.
        limit = expiry_from(doc.effective_date.value, Validity(months=TRIAL_MAX_MONTHS), None)[0]
        too_long = limit is not None and validity.until > limit
    else:
        too_long = months is not None and months > TRIAL_MAX_MONTHS
    if too_long:
        yield Warning_(
            kind="trial-validity-too-long",
            message=(f"{_name(doc)} 为试行/暂行文件，有效期{validity.label()}超过5年。 / {doc.id} "
                     f"is a trial (试行/暂行) measure with a validity of {validity.label()}, "
                     f"over 5 years."),
            page=validity.evidence.page if validity.evidence else None, item=doc.id)


def _repealed_cited(documents: Sequence[Document], repeals: dict[str, Document]
                    ) -> Iterable[Warning_]:
    """A document published after a repeal that still cites the repealed 文号.

    The repealing document and interpretations of it name the repealed document in order to
    repeal or explain the repeal, so they are not reported.
    """
    for doc in sorted(documents, key=_order):
        for number in doc.references:
            repealer = repeals.get(number.strip())
            if (repealer is None or _order(doc) <= _order(repealer)
                    or doc.interprets == repealer.doc_number):
                continue
            yield Warning_(
                kind="repealed-cited",
                message=(f"{_name(doc)} 引用了已由 {repealer.doc_number} 废止的 {number}。 / "
                         f"{doc.id} cites {number}, repealed by {repealer.doc_number}."),
                item=doc.id)


def consistency_checks(documents: Sequence[Document]) -> tuple[Warning_, ...]:
    """Validity conflicts across the archive, for the validity page and the build report.

    Kinds: ``validity-conflict`` (a 政策解读's stated 施行日期/有效期 differs from its
    target's), ``effective-before-signed``, ``trial-validity-too-long`` (试行/暂行 over 5
    years) and ``repealed-cited`` (a later document cites a repealed one). Messages are in
    Chinese and English and name both documents and dates.
    """
    by_number = {doc.doc_number: doc for doc in documents if doc.doc_number}
    found: list[Warning_] = []
    for doc in sorted(documents, key=_order):
        target = by_number.get(doc.interprets or "")
        if doc.type is DocType.INTERPRETATION and target:
            found.extend(_interpretation_conflicts(doc, target))
        found.extend(_effective_before_signed(doc))
        found.extend(_trial_too_long(doc))
    found.extend(_repealed_cited(documents, _repeals(documents)))
    return tuple(found)


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class Source:
    """A sentence that dates came from: which facts (``labels``), its page and a PDF link.

    ``href`` is site-relative (``pdf/wzgb-2023-04.pdf#page=13``) or None without a PDF.
    """

    labels: tuple[str, ...]
    sentence: str
    page: int
    href: str | None


@dataclass(frozen=True)
class ValidityRow:
    """One document's 时效性 as of a date: a row of the validity page and its exports.

    ``url`` is site-relative (``doc/<id>/``); ``validity`` is the label (``5年``);
    ``expiry_rule`` says how ``expiry_date`` was obtained; ``repealed_on`` is the day the
    repeal by ``repealed_by`` takes effect; ``repeals`` lists the 文号 this document repeals;
    ``pdf_href`` links the document's first page.
    """

    id: str
    url: str
    type: DocType
    doc_number: str | None
    registration_number: str | None
    title: str
    issuer: str | None
    signed_date: dt.date | None
    effective_date: dt.date | None
    validity: str
    expiry_date: dt.date | None
    expiry_basis: ExpiryBasis
    expiry_rule: str
    status: Status | None
    expiring_soon: bool
    evaluation_due: dt.date | None
    repealed_by: str | None
    repealed_on: dt.date | None
    repeals: tuple[str, ...]
    sources: tuple[Source, ...]
    pdf_href: str | None

    @property
    def year(self) -> int | None:
        """The document's year for the filter: 成文 year, else the year it takes effect."""
        day = self.signed_date or self.effective_date
        return day.year if day else None

    def as_json(self) -> dict:
        """The row as plain JSON values: dates ISO 8601, enums as their API strings."""
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, dt.date):
                data[key] = value.isoformat()
            elif isinstance(value, (Status, ExpiryBasis, DocType)):
                data[key] = value.value
        return data


def _expiry(doc: Document) -> tuple[dt.date | None, ExpiryBasis]:
    """The tagged 失效日期 when present (tag knows plan periods), else derived from the text."""
    if doc.expiry_date:
        return doc.expiry_date.value, doc.expiry_basis
    return expiry_from(doc.effective_date.value if doc.effective_date else None, doc.validity, None)


def _sources(doc: Document, pdf: str | None) -> tuple[Source, ...]:
    """Evidence for each date, one entry per distinct sentence, in the order of the columns."""
    facts = [("成文日期", doc.signed_date and doc.signed_date.evidence),
             ("施行日期", doc.effective_date and doc.effective_date.evidence),
             ("有效期", doc.validity and doc.validity.evidence),
             ("失效日期", doc.expiry_date and doc.expiry_date.evidence)]
    merged: dict[tuple[str, int], list[str]] = {}
    for label, evidence in facts:
        if evidence:
            merged.setdefault((evidence.sentence, evidence.page), []).append(label)
    return tuple(Source(tuple(labels), sentence, page, f"{pdf}#page={page}" if pdf else None)
                 for (sentence, page), labels in merged.items())


def has_validity(doc: Document) -> bool:
    """Whether ``doc`` belongs on the validity page: a dated or repealed normative document.

    Interpretations are left out: their dates describe another document.
    """
    return doc.type is not DocType.INTERPRETATION and any(
        (doc.effective_date, doc.validity, doc.expiry_date, doc.status is Status.REPEALED))


def _row(doc: Document, as_of: dt.date, repeals: dict[str, Document], pdf_url: PdfUrl | None
         ) -> ValidityRow:
    effective = doc.effective_date.value if doc.effective_date else None
    expiry, basis = _expiry(doc)
    repealer = repeals.get((doc.doc_number or "").strip())
    repealed = _is_repealed(doc, repeals, as_of) or doc.status is Status.REPEALED
    status = status_on(effective, expiry, as_of, repealed)
    pdf = pdf_url(doc) if pdf_url else None
    return ValidityRow(
        id=doc.id, url=f"doc/{doc.id}/", type=doc.type, doc_number=doc.doc_number,
        registration_number=doc.registration_number, title=doc.title, issuer=doc.issuer,
        signed_date=doc.signed_date.value if doc.signed_date else None,
        effective_date=effective, validity=doc.validity.label() if doc.validity else "",
        expiry_date=expiry, expiry_basis=basis,
        expiry_rule=_rule(effective, doc.validity, expiry, basis), status=status,
        expiring_soon=status is Status.IN_FORCE and expiring_soon(expiry, as_of),
        evaluation_due=evaluation_due(expiry) if expiry else None,
        repealed_by=repealer.doc_number if repealer else None,
        repealed_on=_repeal_date(repealer) if repealer else None, repeals=doc.repeals,
        sources=_sources(doc, pdf), pdf_href=f"{pdf}#page={doc.pages[0]}" if pdf else None)


def _by_expiry(row: ValidityRow) -> tuple[bool, dt.date]:
    """Default order: by 失效日期, undated last (ties keep publication order)."""
    return row.expiry_date is None, row.expiry_date or dt.date.min


def validity_rows(documents: Sequence[Document], as_of: dt.date,
                  pdf_url: PdfUrl | None = None) -> list[ValidityRow]:
    """A row for every document with an effective date, 有效期, plan period, expiry date or
    repeal, status as of ``as_of``, sorted by 失效日期 (undated last).

    ``pdf_url(doc)`` gives the site-relative URL of the document's issue PDF
    (``pdf/wzgb-2023-04.pdf``); without it the rows carry no PDF links.
    """
    repeals = _repeals(documents)
    rows = [_row(doc, as_of, repeals, pdf_url) for doc in sorted(documents, key=_order)
            if has_validity(doc) or _is_repealed(doc, repeals, as_of)]
    return sorted(rows, key=_by_expiry)


# --------------------------------------------------------------------------- templates


def _legal_force(status: Status | None) -> str | None:
    if status is None:
        return None
    force = "InForce" if status is Status.IN_FORCE else "NotInForce"
    return f"https://schema.org/{force}"


def legislation_jsonld(row: ValidityRow) -> Markup:
    """schema.org ``Legislation`` JSON-LD for a measure, safe inside ``<script>``.

    ``<``, ``>`` and ``&`` are written as JSON ``\\u`` escapes, so no extracted text can
    close the script element; the value is still valid JSON.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": row.title,
        "legislationIdentifier": row.doc_number,
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": row.issuer}
        if row.issuer else None,
        "legislationDate": row.signed_date.isoformat() if row.signed_date else None,
        "legislationDateOfApplicability":
            row.effective_date.isoformat() if row.effective_date else None,
        "expires": row.expiry_date.isoformat() if row.expiry_date else None,
        "legislationLegalForce": _legal_force(row.status),
        "inLanguage": "zh-CN",
    }
    text = json.dumps({k: v for k, v in data.items() if v is not None},
                      ensure_ascii=False, indent=2)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def register(env: jinja2.Environment, documents: Sequence[Document],
             pdf_url: PdfUrl | None = None) -> None:
    """Give ``env``'s templates what the validity page and panel use.

    Globals: ``validity_row(doc, as_of)`` (a ``ValidityRow``, or None when the document has
    no validity facts; repeals are looked up in ``documents``), ``legislation_jsonld(row)``,
    ``STATUS_LABELS`` and ``BASIS_LABELS`` (keyed by the enum values). Call it once with the
    whole archive before rendering document pages that include
    ``partials/validity_panel.html.j2``.
    """
    repeals = _repeals(documents)

    def validity_row(doc: Document, as_of: dt.date) -> ValidityRow | None:
        if not (has_validity(doc) or _is_repealed(doc, repeals, as_of)):
            return None
        return _row(doc, as_of, repeals, pdf_url)

    env.globals.update(
        validity_row=validity_row,
        legislation_jsonld=legislation_jsonld,
        STATUS_LABELS={status.value: label for status, label in STATUS_LABELS.items()},
        BASIS_LABELS={basis.value: label for basis, label in BASIS_LABELS.items()},
    )


# --------------------------------------------------------------------------- exports

CSV_COLUMNS = (
    ("文号", "doc_number"), ("登记号", "registration_number"), ("标题", "title"),
    ("发文机关", "issuer"), ("成文日期", "signed_date"), ("施行日期", "effective_date"),
    ("有效期", "validity"), ("失效日期", "expiry_date"), ("失效日期依据", "expiry_basis"),
    ("推算规则", "expiry_rule"), ("时效性", "status"), ("即将失效", "expiring_soon"),
    ("评估日期", "evaluation_due"), ("被废止于", "repealed_by"), ("废止", "repeals"),
    ("链接", "url"),
    ("依据", "sources"),
)


def _csv_cell(key: str, row: ValidityRow, value: object) -> str:
    if key == "sources":
        return "\n".join(f"{'、'.join(s.labels)}（第{s.page}页）：{s.sentence}" for s in row.sources)
    if key == "repeals":
        return "；".join(row.repeals)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def validity_csv(rows: Sequence[ValidityRow]) -> str:
    """The rows as CSV (RFC 4180, CRLF); the header cells read ``文号 doc_number``.

    Dates are ISO 8601 and enums their API values. Prefix a BOM when writing so that
    spreadsheet programs open it as UTF-8.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"{zh} {key}" for zh, key in CSV_COLUMNS])
    for row in rows:
        data = row.as_json()
        writer.writerow([_csv_cell(key, row, data[key]) for _, key in CSV_COLUMNS])
    return out.getvalue()


def validity_ics(rows: Sequence[ValidityRow], as_of: dt.date) -> bytes:
    """An RFC 5545 calendar: an all-day event per 失效日期 and per 评估日期.

    UIDs derive from the document id, and DTSTAMP is ``as_of`` at 00:00 UTC, so the same
    archive and date give the same bytes. Repealed documents get no events: neither date
    matters any more.
    """
    events = []
    for row in rows:
        if row.expiry_date is None or row.status is Status.REPEALED:
            continue
        name = f"{row.doc_number or ''}《{row.title}》"
        description = "；".join(filter(None, (BASIS_LABELS[row.expiry_basis], row.expiry_rule)))
        events += [
            AllDayEvent(f"{row.id}.expiry@gazette-site", row.expiry_date, f"失效：{name}", description),
            AllDayEvent(f"{row.id}.evaluation@gazette-site", row.evaluation_due, f"评估：{name}（{row.expiry_date} 失效）", description),
        ]
    return all_day_calendar("validity", "温州市人民政府公报 规范性文件有效期", as_of, events)


def validity_json(rows: Sequence[ValidityRow], warnings: Sequence[Warning_], as_of: dt.date) -> str:
    """The static API ``api/validity.json``:
    ``{"as_of", "documents": [row…], "warnings": [{kind, message, page, item}]}``."""
    data = {"as_of": as_of.isoformat(),
            "documents": [row.as_json() for row in rows],
            "warnings": [asdict(warning) for warning in warnings]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def validity_page(documents: Sequence[Document], as_of: dt.date, env: jinja2.Environment,
                  pdf_url: PdfUrl | None = None) -> str:
    """The validity page's markdown (template ``validity.md.j2``) in ``env``'s language.

    Registers the globals the page and the document panel use (``register``) on ``env``.
    """
    register(env, documents, pdf_url)
    rows = validity_rows(documents, as_of, pdf_url)
    warnings = consistency_checks(documents)
    return env.get_template("validity.md.j2").render(rows=rows, warnings=warnings, as_of=as_of)


def write_validity(documents: Sequence[Document], as_of: dt.date, docs_dir: Path,
                   env: jinja2.Environment, pdf_url: PdfUrl | None = None) -> None:
    """Write the validity page and its exports under ``docs_dir`` (mkdocs' ``docs/``).

    Files: ``validity/index.md`` (the page, template ``validity.md.j2``),
    ``api/validity.csv`` (UTF-8 with BOM), ``api/validity.json``, ``validity.ics`` and
    ``assets/validity.js``. ``pdf_url`` as in ``validity_rows``. Output depends only on the
    arguments, so builds with the same ``as_of`` are byte-identical.
    """
    rows = validity_rows(documents, as_of, pdf_url)
    warnings = consistency_checks(documents)
    files = {
        "validity/index.md": validity_page(documents, as_of, env, pdf_url).encode(),
        "api/validity.csv": ("\ufeff" + validity_csv(rows)).encode(),
        "api/validity.json": validity_json(rows, warnings, as_of).encode(),
        "validity.ics": validity_ics(rows, as_of),
    }
    for name, content in files.items():
        path = docs_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (docs_dir / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SCRIPT, docs_dir / "assets" / "validity.js")
