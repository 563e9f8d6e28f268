"""The static API: schema keys, ISO dates, enum values, determinism."""

from __future__ import annotations

import json

from extract.documents.validity import archive_status
from extract.site import api
from tests.conftest import AS_OF


def own(doc):
    """``doc``'s status in an archive of its own, as of the fixtures' date."""
    return archive_status([doc], AS_OF).of(doc)


def status_of(issue, as_of):
    return archive_status(issue.documents, as_of)

PUBLIC_KEYS = {
    "id", "issue", "type", "title", "doc_number", "registration_number", "issuer", "signed_date",
    "effective_date", "validity", "expiry_date", "status", "interprets", "repeals", "references",
    "pages", "url", "text",
}


def test_document_record_has_every_public_key(dated_measure):
    record = api.document_record(dated_measure, own(dated_measure), "sample.pdf")
    assert PUBLIC_KEYS <= record.keys()


def test_dates_are_iso_strings_or_null(dated_measure, undated_interpretation):
    record = api.document_record(dated_measure, own(dated_measure), "sample.pdf")
    assert record["signed_date"] == "2023-04-06"
    assert record["effective_date"] == "2023-05-10"
    assert record["expiry_date"] == "2028-05-09"
    undated = api.document_record(undated_interpretation, own(undated_interpretation), "sample.pdf")
    assert undated["signed_date"] is None and undated["validity"] is None and undated["status"] is None


def test_enums_serialise_as_values(dated_measure):
    record = api.document_record(dated_measure, own(dated_measure), "sample.pdf")
    assert record["type"] == "measure"
    assert record["status"] == "in_force"
    assert record["expiry_basis"] == "computed"


def test_validity_record(dated_measure):
    record = api.document_record(dated_measure, own(dated_measure), "sample.pdf")
    assert record["validity"] == {"years": 5, "months": None, "until": None, "label": "5年", "trial": False}


def test_pages_url_text_and_evidence(dated_measure):
    record = api.document_record(dated_measure, own(dated_measure), "sample.pdf")
    assert record["pages"] == [1, 3]
    assert record["url"] == "doc/measure-dated/"
    assert record["pdf_url"] == "pdf/sample.pdf#page=1"
    assert record["text"] == dated_measure.text
    assert record["repeals"] == ["温州市人民政府令第147号"]
    assert record["evidence"]["effective_date"] == {"sentence": "本办法自2023年5月10日起施行", "page": 3}


def test_issue_and_report_records(sample_issue):
    issue = api.issue_record(sample_issue)
    assert issue == {
        "id": "2023-04", "title": "温州市人民政府公报", "year": 2023, "number": 4, "serial": 248,
        "pdf": "pdf/sample.pdf", "page_count": 5,
        "documents": ["measure-dated", "brief-hostile", "interp-undated"],
    }
    report = api.report_record(sample_issue)
    assert report["front_pages"] == [1]
    assert report["warnings"][0] == {
        "kind": "missing-doc-number", "message": "no 文号 in the title block", "page": 4, "item": "brief-hostile", "message_en": None,
    }


def test_written_files_are_deterministic_utf8_json(sample_issue, as_of):
    first = api.api_files([sample_issue], status_of(sample_issue, as_of), ["bad.pdf: no text layer"])
    second = api.api_files([sample_issue], status_of(sample_issue, as_of), ["bad.pdf: no text layer"])
    assert first == second and set(first) == {"api/documents.json", "api/issues.json", "api/report.json"}
    text = first["api/documents.json"].decode("utf-8")
    assert "温政办〔2023〕42号" in text  # not \\u-escaped
    assert text.endswith("}\n")
    payload = json.loads(text)
    assert payload["as_of"] == "2026-11-29"
    assert [d["id"] for d in payload["documents"]] == ["measure-dated", "brief-hostile", "interp-undated"]
    report = json.loads(first["api/report.json"])
    assert report["failures"] == ["bad.pdf: no text layer"]

