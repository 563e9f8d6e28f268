"""The static API: extracted issues serialised to JSON files under ``docs/api/``.

mkdocs copies ``docs/api/*.json`` to ``site/api/``. Three files:

``documents.json``
    ``{"as_of", "documents": [record, ...]}``, documents in issue order, issues oldest
    first. A record has the public keys ``id, issue, type, title, doc_number,
    registration_number, issuer, signed_date, effective_date, validity, expiry_date, status,
    interprets, repeals, references, pages, url, text``, ``form`` (文种: 条例, 办法, 通知 …),
    ``force_level`` (效力级别: administrative_regulation, local_regulation,
    government_rule, normative_document, policy_document or null), ``until_repealed``
    (a regulation or rule stating no term: in force until repealed, 长期有效), ``signer``
    (an order's), ``adopted_date, approved_date, promulgated_date, amended_dates`` (how a
    regulation or order was made; ``repeals`` may hold a 《title》 a 废止 clause names) plus
    the extras ``section,
    position, expiry_basis, uncertain, stated_effective_date, stated_validity, pdf_url,
    evidence``, ``repealed_by`` (id of the archive's document that repeals it),
    ``repealed_on`` (the day that repeal takes effect, null when unknown or none),
    ``title_en`` (the translator's English title, null when there is none;
    the English page is ``en/`` + ``url``) and ``former_urls`` (URLs, in the form of
    ``url``, where earlier releases published the document and which now redirect to
    ``url``; usually empty — see :mod:`extract.site.former_ids`).
``issues.json``
    ``{"as_of", "issues": [{id, title, year, number, serial, pdf, page_count, documents}]}``.
``report.json``
    ``{"as_of", "failures": [line, ...], "issues": [{id, pdf, page_count, front_pages,
    warnings: [{kind, message, page, item}], warning_counts: {kind: n}, accounting:
    {page_count, in_documents, front_matter, unassigned}, page_quality: [{page, chars,
    cid, replacement, private_use, latin1, compat, verdict}], uncertain_documents: [id],
    missing_fields: [{id, title, pages, missing: [kind]}], low_confidence_splits:
    [{title, page, message}]}], unresolved_repeals: [{target, repealer_id, repealer_number}]}``
    (see :mod:`extract.site.report`); ``unresolved_repeals`` are repeals whose target the
    archive does not hold (or the extractor could not match).

``status`` and the other ``as_of``-dependent values come from
:func:`extract.documents.validity.archive_status`, as on every page.

Dates are ISO 8601 strings or null, enums their ``.value``. Output is deterministic: the
same issues and as-of date give byte-identical files (sorted keys, no timestamps).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from extract.documents.validity import ArchiveStatus, DocumentStatus
from extract.model import DatedFact, Document, Evidence, Issue, PageAccounting, PageQuality, Validity, Warning_
from extract.site.former_ids import former_ids
from extract.site.report import accounting_of, low_confidence_splits, missing_fields, warning_counts

JsonDict = dict[str, Any]

def document_url(doc: Document) -> str:
    """The document page's URL relative to the site root, e.g. ``doc/wzb-2023-40/``."""
    return f"doc/{doc.id}/"


def pdf_url(pdf_name: str, page: int | None = None) -> str:
    """The issue PDF's URL relative to the site root, optionally opened at a 1-based page."""
    url = f"pdf/{pdf_name}"
    return f"{url}#page={page}" if page else url


def iso(value: dt.date | DatedFact | None) -> str | None:
    """A date (or a dated fact's date) as ``YYYY-MM-DD``; None stays None."""
    if value is None:
        return None
    if isinstance(value, DatedFact):
        value = value.value
    return value.isoformat()


def evidence_record(evidence: Evidence) -> JsonDict:
    return {"sentence": evidence.sentence, "page": evidence.page}


def validity_record(validity: Validity | None) -> JsonDict | None:
    """``{"years", "months", "until", "label", "trial"}`` or None when no 有效期 was found."""
    if validity is None:
        return None
    return {
        "years": validity.years,
        "months": validity.months,
        "until": iso(validity.until),
        "label": validity.label(),
        "trial": validity.trial,
    }


def evidence_of(doc: Document) -> JsonDict:
    """The sentence and page each of the document's dates was read from, by field name."""
    facts = {
        "signed_date": doc.signed_date,
        "adopted_date": doc.adopted_date,
        "approved_date": doc.approved_date,
        "promulgated_date": doc.promulgated_date,
        "effective_date": doc.effective_date,
        "expiry_date": doc.expiry_date,
        "stated_effective_date": doc.stated_effective_date,
    }
    evidence = {name: evidence_record(fact.evidence) for name, fact in facts.items() if fact}
    if doc.amended_dates:
        evidence["amended_dates"] = [evidence_record(fact.evidence) for fact in doc.amended_dates]
    for name, validity in (("validity", doc.validity), ("stated_validity", doc.stated_validity)):
        if validity is not None and validity.evidence is not None:
            evidence[name] = evidence_record(validity.evidence)
    return evidence


def document_record(doc: Document, own: DocumentStatus, pdf_name: str, title_en: str | None = None,
                    former: Sequence[str] = ()) -> JsonDict:
    """One entry of ``documents.json``; ``own`` is the document's status in the archive
    (``ArchiveStatus.of``), ``pdf_name`` the issue PDF's file name, ``title_en`` the
    translated title, if any, and ``former`` the ids earlier releases gave the document."""
    repeal = own.repeal
    return {
        "id": doc.id,
        "issue": doc.issue,
        "position": doc.position,
        "section": doc.section,
        "type": doc.type.value,
        "title": doc.title,
        "title_en": title_en,
        "doc_number": doc.doc_number,
        "registration_number": doc.registration_number,
        "issuer": doc.issuer,
        "form": doc.form,
        "force_level": doc.force_level.value if doc.force_level else None,
        "signer": doc.signer,
        "signed_date": iso(doc.signed_date),
        "adopted_date": iso(doc.adopted_date),
        "approved_date": iso(doc.approved_date),
        "promulgated_date": iso(doc.promulgated_date),
        "amended_dates": [iso(fact) for fact in doc.amended_dates],
        "effective_date": iso(doc.effective_date),
        "validity": validity_record(doc.validity),
        "expiry_date": iso(doc.expiry_date),
        "expiry_basis": doc.expiry_basis.value,
        "status": own.status.value if own.status else None,
        "repealed_by": repeal.repealer_id if repeal else None,
        "repealed_on": repeal.on.isoformat() if repeal and repeal.on else None,
        "until_repealed": own.until_repealed,
        "interprets": doc.interprets,
        "repeals": list(doc.repeals),
        "references": list(doc.references),
        "stated_effective_date": iso(doc.stated_effective_date),
        "stated_validity": validity_record(doc.stated_validity),
        "uncertain": doc.uncertain,
        "pages": list(doc.pages),
        "url": document_url(doc),
        "former_urls": [f"doc/{former_id}/" for former_id in former],
        "pdf_url": pdf_url(pdf_name, doc.pages[0]),
        "evidence": evidence_of(doc),
        "text": doc.text,
    }


def issue_record(issue: Issue) -> JsonDict:
    """One entry of ``issues.json``."""
    identity = issue.identity
    return {
        "id": issue.id,
        "title": identity.title,
        "year": identity.year,
        "number": identity.number,
        "serial": identity.serial,
        "pdf": pdf_url(issue.pdf_name),
        "page_count": issue.page_count,
        "documents": [doc.id for doc in issue.documents],
    }


def warning_record(warning: Warning_) -> JsonDict:
    return {
        "kind": warning.kind,
        "message": warning.message,
        "message_en": warning.english,
        "page": warning.page,
        "item": warning.item,
    }


def flat_record(value: PageAccounting | PageQuality) -> JsonDict:
    """A flat dataclass as a JSON object: its fields by name, tuples as lists."""
    return {name: list(v) if isinstance(v, tuple) else v for name, v in asdict(value).items()}


def report_record(issue: Issue) -> JsonDict:
    """One entry of ``report.json``: the issue's warnings in the order they were raised,
    where its pages went, flagged pages, and documents to check."""
    return {
        "id": issue.id,
        "pdf": issue.pdf_name,
        "page_count": issue.page_count,
        "front_pages": list(issue.front_pages),
        "warnings": [warning_record(w) for w in issue.warnings],
        "warning_counts": warning_counts(issue),
        "accounting": flat_record(accounting_of(issue)),
        "page_quality": [flat_record(q) for q in issue.page_quality],
        "uncertain_documents": [doc.id for doc in issue.documents if doc.uncertain],
        "missing_fields": [
            {"id": m.document.id, "title": m.document.title, "pages": list(m.document.pages), "missing": list(m.kinds)}
            for m in missing_fields(issue)
        ],
        "low_confidence_splits": [
            {"title": w.item, "page": w.page, "message": w.message} for w in low_confidence_splits(issue)
        ],
    }


def document_records(
    issues: Sequence[Issue], status: ArchiveStatus, titles_en: Mapping[str, str] | None = None,
    texts: Iterable[Issue] | None = None,
) -> Iterator[JsonDict]:
    """The records of ``documents.json`` in order, made as they are read. ``status`` is the
    archive's (``archive_status``); ``titles_en`` maps document ids to English titles
    (translators' files); ``texts``: the same issues with their documents' texts, read once
    (default: ``issues`` themselves)."""
    titles_en = titles_en or {}
    former: dict[str, list[str]] = {}
    for issue in issues:
        for former_id, doc_id in former_ids(issue).items():
            former.setdefault(doc_id, []).append(former_id)
    for issue in issues if texts is None else texts:
        for doc in issue.documents:
            yield document_record(doc, status.of(doc), issue.pdf_name, titles_en.get(doc.id), former.get(doc.id, ()))


def documents_payload(
    issues: Sequence[Issue], status: ArchiveStatus, titles_en: Mapping[str, str] | None = None
) -> JsonDict:
    """``documents.json`` as one object (``document_records``)."""
    return {"as_of": status.as_of.isoformat(), "documents": list(document_records(issues, status, titles_en))}


def documents_json(records: Iterable[JsonDict], as_of: dt.date) -> bytearray:
    """``documents.json`` written one record at a time: the bytes of
    ``dumps({"as_of", "documents": records})``, without holding the records, so memory
    follows the file rather than its objects."""
    out = bytearray(b'{\n "as_of": ' + json.dumps(as_of.isoformat()).encode() + b',\n "documents": [')
    separator = b"\n"
    for record in records:
        # The record one level deeper: JSON text has no raw newline inside a string.
        lines = dumps(record).rstrip("\n").split("\n")
        out += separator + "\n".join("  " + line for line in lines).encode()
        separator = b",\n"
    out += b"]\n}\n" if separator == b"\n" else b"\n ]\n}\n"
    return out


def issues_payload(issues: Sequence[Issue], as_of: dt.date) -> JsonDict:
    return {"as_of": as_of.isoformat(), "issues": [issue_record(i) for i in issues]}


def report_payload(issues: Sequence[Issue], status: ArchiveStatus, failures: Sequence[str]) -> JsonDict:
    return {
        "as_of": status.as_of.isoformat(),
        "failures": list(failures),
        "issues": [report_record(i) for i in issues],
        "unresolved_repeals": [
            {"target": r.target, "repealer_id": r.repealer_id, "repealer_number": r.repealer_number}
            for r in status.unresolved
        ],
    }


def dumps(payload: JsonDict) -> str:
    """Stable JSON text: UTF-8 characters kept, sorted keys, one-space indent, final newline."""
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def api_files(
    issues: Sequence[Issue],
    status: ArchiveStatus,
    failures: Sequence[str] = (),
    titles_en: Mapping[str, str] | None = None,
    texts: Iterable[Issue] | None = None,
) -> dict[str, bytes]:
    """``{"api/documents.json", "api/issues.json", "api/report.json": UTF-8 JSON}``.

    ``issues`` must already be in publication order; ``status`` is their
    ``archive_status``; ``failures`` are one-line messages for
    PDFs that could not be extracted; ``titles_en`` English titles by document id;
    ``texts`` the same issues with their documents' texts (default: ``issues``).
    """
    return {
        "api/documents.json": documents_json(document_records(issues, status, titles_en, texts), status.as_of),
        "api/issues.json": dumps(issues_payload(issues, status.as_of)).encode(),
        "api/report.json": dumps(report_payload(issues, status, failures)).encode(),
    }
