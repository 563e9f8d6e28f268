"""How pages show a document's 时效性: one element per place, which the browser re-checks.

Every status a page shows is ``status_badge``'s element: the status as of the build's date
(``validity.archive_status``), labelled in the page's language from the one label table
(:mod:`extract.site.status_labels`), and carrying the facts it was computed from, so that
``templates/assets/status.js`` recomputes it for the reader's today with the same rules::

    <span class="gz-status" data-status-of="wzb-2023-42" data-status="in_force"
          data-effective="2023-05-15" data-expiry="2028-05-14" data-repealed-on="">现行有效</span>

``data-repealed-on`` is the day a repeal takes effect, ``undated`` when that day is unknown,
empty without a repeal.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from extract.documents.validity import ArchiveStatus, DocumentStatus, StatusFacts
from extract.site.status_labels import NO_STATUS, STATUS_LABELS

UNDATED = "undated"


def browser_facts(facts: StatusFacts) -> tuple[str, str, str]:
    """``(effective, expiry, repealedOn)`` as status.js reads them: ISO dates, ``undated``
    for a repeal of unknown day, "" for none."""
    repealed_on = UNDATED if facts.repealed_undated else (facts.repealed_on.isoformat() if facts.repealed_on else "")
    return (facts.effective.isoformat() if facts.effective else "",
            facts.expiry.isoformat() if facts.expiry else "", repealed_on)


def status_attributes(doc_id: str, own: DocumentStatus) -> dict[str, str]:
    """The data attributes of a status element (see the module docstring), in order."""
    effective, expiry, repealed_on = browser_facts(own.facts)
    return {
        "data-status-of": doc_id,
        "data-status": own.status.value if own.status else "",
        "data-effective": effective,
        "data-expiry": expiry,
        "data-repealed-on": repealed_on,
    }


def status_badge(doc_id: str, own: DocumentStatus, labels: dict[str, str]) -> Markup:
    """The status element of ``doc_id``; ``labels`` are ``status_labels`` of the page's language."""
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in status_attributes(doc_id, own).items())
    label = labels[own.status.value] if own.status else NO_STATUS
    return Markup(f'<span class="gz-status"{attributes}>{escape(label)}</span>')


def status_globals(status: ArchiveStatus, translate: Callable[[str], str]) -> dict[str, object]:
    """The template globals that show the archive's statuses: ``status_of(doc)`` (a
    ``DocumentStatus``), ``status_badge(doc)``, the element every page shows a status in,
    labelled through ``translate`` (the page language's ``t``), and
    ``status_attributes(doc)``, that element's data attributes. ``doc`` may be anything
    carrying the document's ``id`` (a validity row)."""
    labels = {key: str(translate(chinese)) for key, chinese in STATUS_LABELS.items()}
    return {
        "status_of": status.of,
        "status_badge": lambda doc: status_badge(doc.id, status.of(doc), labels),
        "status_attributes": lambda doc: status_attributes(doc.id, status.of(doc)),
    }
