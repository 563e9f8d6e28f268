"""Document ids of the previous release, which the site keeps serving as redirects.

The previous release published a document without a 文号 (or whose 文号 slug was taken
already) at ``doc/<issue>-<type>-<n>/``: ``n`` counted, from 1 per ``DocType`` value, the
documents of the issue that got such an id, in gazette order. A 政策解读 linked to the
document it interprets was then renamed ``jd-<slug>``, as it still is. Those documents now
live at ``doc/<issue>-item-<position>/`` (:func:`extract.grammar.identifiers.position_id`); a
published URL must never break, so each old id gets a redirect page and is listed in the
API (``former_urls`` in ``documents.json``).
"""

from __future__ import annotations

from collections import Counter

from extract.grammar.identifiers import parse_number
from extract.model import Issue


def former_ids(issue: Issue) -> dict[str, str]:
    """``{former id: current id}`` for the documents of ``issue`` whose id changed.

    Rule of the previous release's ``tag.tag_issue`` (see the module docstring), replayed
    on the documents in gazette order with their current types. A former id never equals
    a current one: ``item`` is no ``DocType`` value, and 文号 slugs start with letters.
    """
    counters: Counter[str] = Counter()
    taken: set[str] = set()
    moved: dict[str, str] = {}
    for doc in sorted(issue.documents, key=lambda d: d.position):
        former = parse_number(doc.doc_number).slug if doc.doc_number else ""
        if former == "" or former in taken:
            counters[doc.type.value] += 1
            former = f"{issue.id}-{doc.type.value}-{counters[doc.type.value]}"
            if doc.interprets is None:
                moved[former] = doc.id
        # A 文号 slug is not redirected even when the archive now qualifies this document's
        # id (pipeline.distinct_ids): the slug's page still belongs to its first holder.
        taken.add(former)
    return moved
