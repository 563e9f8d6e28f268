"""The validity page and its exports: views of the 时效性 rules in
:mod:`extract.documents.validity`.

Writers return files (``{relative path: bytes}``) and touch no file system:
``validity_page`` gives the page in one language (``validity/index.md``), ``validity_exports``
the language-independent CSV, JSON and iCalendar exports, both from the rows and checks
made once per build (``Archive.validity_rows``, ``Archive.consistency``). ``validity_globals`` are what the
page and every document's metadata panel call. The browser script that recomputes status on
the day the page is read (``assets/validity.js``) is copied with the other assets.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields

import jinja2
from markupsafe import Markup

from extract.documents.validity import (
    UNTIL_REPEALED_LABEL,
    ArchiveStatus,
    evaluation_due,
    expiring_soon,
    expiry_rule,
    publication_order,
)
from extract.model import DocType, Document, ExpiryBasis, ForceLevel, Status, Warning_
from extract.site.ics import AllDayEvent, all_day_calendar
from extract.site.status_labels import STATUS_LABELS

BASIS_LABELS = {
    ExpiryBasis.STATED: "明确规定",
    ExpiryBasis.COMPUTED: "推算",
    ExpiryBasis.PLAN_PERIOD: "规划期",
    ExpiryBasis.UNKNOWN: "未知",
}

PdfUrl = Callable[[Document], str]


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

    ``url`` is site-relative (``doc/<id>/``); ``validity`` is the label (``5年``, or
    ``长期有效`` when ``until_repealed``: a regulation or rule stating no term, in force until
    repealed); ``form`` is the 文种 and ``force_level`` the 效力级别 (``Document``);
    ``expiry_rule`` says how ``expiry_date`` was obtained; ``repealed_on`` is the day the
    repeal by ``repealed_by`` takes effect; ``repeals`` lists the 文号 this document repeals;
    ``pdf_href`` links the document's first page. ``status`` and the repeal come from
    :func:`extract.documents.validity.archive_status`, like every other surface's.
    """

    id: str
    url: str
    type: DocType
    doc_number: str | None
    registration_number: str | None
    title: str
    issuer: str | None
    form: str | None
    force_level: ForceLevel | None
    signed_date: dt.date | None
    effective_date: dt.date | None
    validity: str
    until_repealed: bool
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
        # Field by field rather than dataclasses.asdict, which deep-copies every value: the
        # rows are all flat but for their sources (called twice per row and build, 2,400 rows
        # at 240 issues).
        data = {}
        for name in _ROW_FIELDS:
            value = getattr(self, name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, (Status, ExpiryBasis, DocType, ForceLevel)):
                value = value.value
            data[name] = value
        data["sources"] = [asdict(source) for source in self.sources]
        return data


_ROW_FIELDS = tuple(f.name for f in fields(ValidityRow))


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


def has_validity(doc: Document, status: ArchiveStatus) -> bool:
    """Whether ``doc`` belongs on the validity page: a dated or repealed normative document.

    Interpretations are left out: their dates describe another document.
    """
    if doc.type is DocType.INTERPRETATION:
        return False
    return any((doc.effective_date, doc.validity, doc.expiry_date, status.of(doc).repeal))


def _row(doc: Document, status: ArchiveStatus, pdf_url: PdfUrl | None) -> ValidityRow:
    own = status.of(doc)
    facts, repeal = own.facts, own.repeal
    pdf = pdf_url(doc) if pdf_url else None
    return ValidityRow(
        id=doc.id, url=f"doc/{doc.id}/", type=doc.type, doc_number=doc.doc_number,
        registration_number=doc.registration_number, title=doc.title, issuer=doc.issuer,
        form=doc.form, force_level=doc.force_level,
        signed_date=doc.signed_date.value if doc.signed_date else None,
        effective_date=facts.effective,
        validity=doc.validity.label() if doc.validity else UNTIL_REPEALED_LABEL if own.until_repealed else "",
        until_repealed=own.until_repealed,
        expiry_date=facts.expiry, expiry_basis=own.expiry_basis,
        expiry_rule=expiry_rule(facts.effective, doc.validity, facts.expiry, own.expiry_basis),
        status=own.status,
        expiring_soon=own.status is Status.IN_FORCE and expiring_soon(facts.expiry, status.as_of),
        evaluation_due=evaluation_due(facts.expiry) if facts.expiry else None,
        repealed_by=(repeal.repealer_number or repeal.repealer_id) if repeal else None,
        repealed_on=repeal.on if repeal else None, repeals=doc.repeals,
        sources=_sources(doc, pdf), pdf_href=f"{pdf}#page={doc.pages[0]}" if pdf else None)


def _by_expiry(row: ValidityRow) -> tuple[bool, dt.date]:
    """Default order: by 失效日期, undated last (ties keep publication order)."""
    return row.expiry_date is None, row.expiry_date or dt.date.min


def validity_rows(documents: Sequence[Document], status: ArchiveStatus,
                  pdf_url: PdfUrl | None = None) -> list[ValidityRow]:
    """A row for every document with an effective date, 有效期, plan period, expiry date or
    repeal, status as ``status`` (``archive_status`` of the same documents) gives it, sorted
    by 失效日期 (undated last).

    ``pdf_url(doc)`` gives the site-relative URL of the document's issue PDF
    (``pdf/wzgb-2023-04.pdf``); without it the rows carry no PDF links.
    """
    rows = [_row(doc, status, pdf_url) for doc in sorted(documents, key=publication_order)
            if has_validity(doc, status)]
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


def validity_globals(status: ArchiveStatus, pdf_url: PdfUrl | None = None) -> dict[str, object]:
    """The template globals of the validity page and the document panel
    (``partials/metadata_panel.html.j2``): ``validity_row(doc)`` (a ``ValidityRow``, or None
    when the document has no validity facts), ``legislation_jsonld(row)``, ``STATUS_LABELS``
    and ``BASIS_LABELS`` (keyed by the enum values). ``status`` is the archive's
    (``archive_status``), ``pdf_url`` as in ``validity_rows``."""

    def validity_row(doc: Document) -> ValidityRow | None:
        return _row(doc, status, pdf_url) if has_validity(doc, status) else None

    return {
        "validity_row": validity_row,
        "legislation_jsonld": legislation_jsonld,
        "STATUS_LABELS": {status.value: STATUS_LABELS[status.value] for status in Status},
        "BASIS_LABELS": {basis.value: label for basis, label in BASIS_LABELS.items()},
    }


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
    ``{"as_of", "documents": [row…], "warnings": [{kind, message, page, item, english}]}``."""
    data = {"as_of": as_of.isoformat(),
            "documents": [row.as_json() for row in rows],
            "warnings": [asdict(warning) for warning in warnings]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def validity_page(rows: Sequence[ValidityRow], warnings: Sequence[Warning_], env: jinja2.Environment,
                  as_of: dt.date) -> dict[str, bytes]:
    """``{"validity/index.md": the page}`` (template ``validity.md.j2``) in ``env``'s
    language: ``rows`` (``validity_rows``) and ``warnings`` (``consistency_checks``) of the
    archive as of ``as_of``; ``env`` carries ``validity_globals`` and the status globals of
    the same status."""
    page = env.get_template("validity.md.j2").render(rows=rows, warnings=warnings, as_of=as_of)
    return {"validity/index.md": page.encode()}


def validity_exports(rows: Sequence[ValidityRow], warnings: Sequence[Warning_], as_of: dt.date) -> dict[str, bytes]:
    """The validity page's exports, the same in every language: ``api/validity.csv``
    (UTF-8 with BOM), ``api/validity.json`` and ``validity.ics``, of ``rows`` and
    ``warnings`` as in ``validity_page``. Output depends only on the arguments, so builds
    with the same ``as_of`` are byte-identical."""
    return {
        "api/validity.csv": ("\ufeff" + validity_csv(rows)).encode(),
        "api/validity.json": validity_json(rows, warnings, as_of).encode(),
        "validity.ics": validity_ics(rows, as_of),
    }
