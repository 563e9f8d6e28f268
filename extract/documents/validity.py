"""时效性 rules: when a normative document takes effect, when it expires, whether it is in force.

All dates are ``datetime.date`` and serialise as ISO 8601 (``YYYY-MM-DD``). Periods follow
the inclusive convention of normative documents: a period counts its first day, so
``有效期5年`` from 2023-05-10 ends on 2028-05-09 and the expiry day itself is still in force.
Adding years or months clamps to the end of a shorter month (2024-02-29 + 1 year is
2025-02-28, so that period ends 2025-02-27; 2025-08-31 − 6 months is 2025-02-28).

The functions are pure: no wall clock, ``as_of`` is always passed in. The site's views of
these rules (the validity page, its exports) are in :mod:`extract.site.validity_view`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from dateutil.relativedelta import relativedelta

from extract.documents.names import known_names
from extract.model import DocType, Document, ExpiryBasis, ForceLevel, Status, Validity, Warning_
from extract.pdf.text import normalize_for_match

#: Days before expiry from which an in-force document is flagged 即将失效.
EXPIRING_SOON_DAYS = 180
#: Months before expiry when a document is due for evaluation (评估), per review practice.
EVALUATION_LEAD_MONTHS = 6
#: A 试行/暂行 measure with a longer 有效期 than this many months is reported.
TRIAL_MAX_MONTHS = 5 * 12
#: 效力级别 whose texts stay in force until repealed or amended when they state no term:
#: laws, regulations and rules are made without an 有效期 (《立法法》, 《规章制定程序条例》);
#: only 行政规范性文件 and plans carry one.
UNTIL_REPEALED_LEVELS = frozenset({ForceLevel.ADMINISTRATIVE_REGULATION, ForceLevel.LOCAL_REGULATION, ForceLevel.GOVERNMENT_RULE})
#: What the validity page and exports say of such a text (glossary: "In force until repealed").
UNTIL_REPEALED_LABEL = "长期有效"


# --------------------------------------------------------------------------- date rules


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (negative: back), clamped to the target
    month's last day, by ``dateutil.relativedelta``: 2024-02-29 + 12 → 2025-02-28."""
    return day + relativedelta(months=months)


def period_months(validity: Validity) -> int | None:
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
    months = period_months(validity) if validity else None
    if effective and months:
        return add_months(effective, months) - dt.timedelta(days=1), ExpiryBasis.COMPUTED
    if plan_end_year:
        return dt.date(plan_end_year, 12, 31), ExpiryBasis.PLAN_PERIOD
    return None, ExpiryBasis.UNKNOWN


@dataclass(frozen=True)
class StatusFacts:
    """The dates a document's 时效性 is computed from (all inclusive calendar days).

    ``effective`` is the first day in force (施行日期), ``expiry`` the last (失效日期),
    ``repealed_on`` the day a repeal by a later document takes effect (that document's
    施行日期, else its 成文日期). ``repealed_undated`` marks a repeal whose day is unknown (the
    repealing document has neither date): it counts from any day. The browser's twin is
    the facts object ``{effective, expiry, repealedOn}`` of ``templates/assets/status.js``
    (``repealedOn: "undated"`` for ``repealed_undated``).
    """

    effective: dt.date | None = None
    expiry: dt.date | None = None
    repealed_on: dt.date | None = None
    repealed_undated: bool = False

    def repealed_by(self, as_of: dt.date) -> bool:
        """Whether a repeal has taken effect on ``as_of``."""
        return self.repealed_undated or (self.repealed_on is not None and self.repealed_on <= as_of)


def status_on(facts: StatusFacts, as_of: dt.date) -> Status | None:
    """时效性 on ``as_of``: the one rule every surface shows (``status.js`` mirrors it).

    ``REPEALED`` from the day a repeal takes effect, whatever the dates. Otherwise
    ``NOT_YET_IN_FORCE`` before ``effective``, ``EXPIRED`` after ``expiry`` (the expiry day
    itself is still in force), else ``IN_FORCE``; None when the document has neither date,
    so no period applies. Shared cases: ``tests/data/status_cases.json``.
    """
    if facts.repealed_by(as_of):
        return Status.REPEALED
    if facts.effective is None and facts.expiry is None:
        return None
    if facts.effective and as_of < facts.effective:
        return Status.NOT_YET_IN_FORCE
    if facts.expiry and as_of > facts.expiry:
        return Status.EXPIRED
    return Status.IN_FORCE


def expiring_soon(expiry: dt.date | None, as_of: dt.date, days: int = EXPIRING_SOON_DAYS) -> bool:
    """True when ``expiry`` falls within ``days`` days from ``as_of`` (0 to ``days``, inclusive)."""
    return expiry is not None and 0 <= (expiry - as_of).days <= days


def evaluation_due(expiry: dt.date) -> dt.date:
    """The date by which a document is due for evaluation: ``expiry`` − 6 months (clamped)."""
    return add_months(expiry, -EVALUATION_LEAD_MONTHS)


def expiry_rule(effective: dt.date | None, validity: Validity | None, expiry: dt.date | None,
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


def publication_order(doc: Document) -> tuple[str, int]:
    """Publication order across the archive: issue id (``2023-04`` sorts by date), position."""
    return doc.issue, doc.position


def repeal_date(repealer: Document) -> dt.date | None:
    """The day a repeal takes effect: when the repealing document does (施行日期), else its
    成文日期 (a 决定 or 通知 that repeals takes effect when issued unless it says otherwise)."""
    fact = repealer.effective_date or repealer.signed_date
    return fact.value if fact else None


@dataclass(frozen=True)
class Repeal:
    """One document repealing (废止, 宣布失效) another, as the repealing document names it.

    ``target`` is a 文号 or ``《title》`` (``Document.repeals``); ``target_id`` the id of the
    archive's document it names, None when the archive holds none (an older document, or a
    name the extractor could not match: the extraction report lists these). ``on`` is the
    day the repeal takes effect (``repeal_date``), None when unknown.
    """

    target: str
    repealer_id: str
    repealer_number: str | None
    on: dt.date | None
    target_id: str | None = None


def _title_key(text: str) -> str:
    return normalize_for_match(text.strip().strip("《》"))


def resolve_repeals(documents: Sequence[Document]) -> tuple[Repeal, ...]:
    """Every repeal named in the archive, in publication order, with its target found.

    A 文号 target matches a document's 文号; a ``《title》`` target one of its known names
    (``names.known_names``: its title, without the issuer, or the title of what it
    promulgates). Only documents published before the repealing one can be its target (a
    repeal names an existing document); of several, the latest. Independent of any date.
    """
    ordered = sorted(documents, key=publication_order)
    repeals: list[Repeal] = []
    for index, repealer in enumerate(ordered):
        earlier = ordered[:index]
        for target in repealer.repeals:
            if target.startswith("《"):
                key = _title_key(target)
                found = [d for d in earlier if key in {_title_key(n) for n in known_names(d)}]
            else:
                found = [d for d in earlier if d.doc_number == target]
            repeals.append(Repeal(target, repealer.id, repealer.doc_number, repeal_date(repealer),
                                  found[-1].id if found else None))
    return tuple(repeals)


def until_repealed(doc: Document) -> bool:
    """True for a regulation or rule (``UNTIL_REPEALED_LEVELS``) that states no 有效期 and
    no end: it is in force until repealed (长期有效), and no validity is missing."""
    return doc.force_level in UNTIL_REPEALED_LEVELS and doc.validity is None and doc.expiry_date is None


def expiry_of(doc: Document) -> tuple[dt.date | None, ExpiryBasis]:
    """The tagged 失效日期 when present (tag knows plan periods), else derived from the
    施行日期 and 有效期."""
    if doc.expiry_date:
        return doc.expiry_date.value, doc.expiry_basis
    return expiry_from(doc.effective_date.value if doc.effective_date else None, doc.validity, None)


@dataclass(frozen=True)
class DocumentStatus:
    """A document's 时效性 on the archive's as-of date, with what it was computed from.

    ``repeal`` is the repeal that names it (the first in publication order), in effect or
    not yet; ``until_repealed`` marks a 规章/法规 without a term (长期有效).
    """

    facts: StatusFacts
    expiry_basis: ExpiryBasis
    status: Status | None
    until_repealed: bool = False
    repeal: Repeal | None = None


class HasId(Protocol):
    """Anything naming a document by its id (a ``Document``, a validity row)."""

    id: str


@dataclass(frozen=True)
class ArchiveStatus:
    """Every document's 时效性 as of one date: what every page, feed and API file shows.

    ``documents`` maps a document id to its ``DocumentStatus``; ``repeals`` lists every
    repeal named in the archive (``resolve_repeals``).
    """

    as_of: dt.date
    documents: Mapping[str, DocumentStatus]
    repeals: tuple[Repeal, ...] = ()

    def of(self, doc: Document | HasId) -> DocumentStatus:
        """The status of ``doc`` (or of anything carrying its ``id``); KeyError for a
        document not in the archive it was computed for."""
        return self.documents[doc.id]

    @property
    def unresolved(self) -> tuple[Repeal, ...]:
        """Repeals whose target is not in the archive, for the extraction report."""
        return tuple(r for r in self.repeals if r.target_id is None)


def archive_status(documents: Sequence[Document], as_of: dt.date) -> ArchiveStatus:
    """The 时效性 of every document in ``documents`` (the whole archive) on ``as_of``.

    The one function of (documents, date) the site reads status from: repeals across the
    archive (``resolve_repeals``), expiry (``expiry_of``), not-yet-in-force and
    in-force-until-repealed, combined by ``status_on``. Pure: no clock, no files.
    """
    repeals = resolve_repeals(documents)
    repeal_of: dict[str, Repeal] = {}
    for repeal in repeals:
        if repeal.target_id:
            repeal_of.setdefault(repeal.target_id, repeal)
    statuses: dict[str, DocumentStatus] = {}
    for doc in documents:
        repeal = repeal_of.get(doc.id)
        dated = doc.type is not DocType.INTERPRETATION  # its dates describe another document
        expiry, basis = expiry_of(doc) if dated else (None, ExpiryBasis.UNKNOWN)
        facts = StatusFacts(
            effective=doc.effective_date.value if dated and doc.effective_date else None,
            expiry=expiry,
            repealed_on=repeal.on if repeal else None,
            repealed_undated=bool(repeal and repeal.on is None),
        )
        statuses[doc.id] = DocumentStatus(facts, basis, status_on(facts, as_of),
                                          dated and until_repealed(doc), repeal)
    return ArchiveStatus(as_of, statuses, repeals)


def _name(doc: Document) -> str:
    return f"{doc.doc_number or doc.id}《{doc.title}》"


def _interpretation_conflicts(interp: Document, target: Document) -> Iterable[Warning_]:
    """A 政策解读 whose stated 施行日期 or 有效期 differs from its target document's."""
    stated, actual = interp.stated_effective_date, target.effective_date
    if stated and actual and stated.value != actual.value:
        yield Warning_(
            kind="validity-conflict",
            message=(f"政策解读 {interp.title} 称 {target.doc_number} 自 {stated.value.isoformat()} "
                     f"起施行，而该文件规定 {actual.value.isoformat()}。"),
            english=(f"The interpretation {interp.id} states {target.doc_number} takes effect on "
                     f"{stated.value.isoformat()}; the document itself says "
                     f"{actual.value.isoformat()}."),
            page=stated.evidence.page, item=interp.id)
    said, own = interp.stated_validity, target.validity
    if said and own and (period_months(said), said.until) != (period_months(own), own.until):
        yield Warning_(
            kind="validity-conflict",
            message=(f"政策解读 {interp.title} 称 {target.doc_number} 有效期{said.label()}，"
                     f"而该文件规定有效期{own.label()}。"),
            english=(f"The interpretation {interp.id} states a validity of {said.label()} for {target.doc_number}; the "
                     f"document itself says {own.label()}."),
            page=said.evidence.page if said.evidence else None, item=interp.id)


def _effective_before_signed(doc: Document) -> Iterable[Warning_]:
    if doc.effective_date and doc.signed_date and doc.effective_date.value < doc.signed_date.value:
        eff, signed = doc.effective_date.value.isoformat(), doc.signed_date.value.isoformat()
        yield Warning_(
            kind="effective-before-signed",
            message=f"{_name(doc)} 施行日期 {eff} 早于成文日期 {signed}。",
            english=(f"{doc.id} takes effect on {eff}, before it was signed on {signed}."),
            page=doc.effective_date.evidence.page, item=doc.id)


def _trial_too_long(doc: Document) -> Iterable[Warning_]:
    validity = doc.validity
    if not (validity and validity.trial):
        return
    months = period_months(validity)
    if months is None and validity.until and doc.effective_date:
        # A stated end date: measure it from the effective date by the same convention.
        limit = expiry_from(doc.effective_date.value, Validity(months=TRIAL_MAX_MONTHS), None)[0]
        too_long = limit is not None and validity.until > limit
    else:
        too_long = months is not None and months > TRIAL_MAX_MONTHS
    if too_long:
        yield Warning_(
            kind="trial-validity-too-long",
            message=f"{_name(doc)} 为试行/暂行文件，有效期{validity.label()}超过5年。",
            english=(f"{doc.id} is a trial (试行/暂行) measure with a validity of {validity.label()}, "
                     f"over 5 years."),
            page=validity.evidence.page if validity.evidence else None, item=doc.id)


def _repealed_cited(documents: Sequence[Document], repeals: Sequence[Repeal]) -> Iterable[Warning_]:
    """A document published after a repeal that still cites the repealed 文号.

    The repealing document and interpretations of it name the repealed document in order to
    repeal or explain the repeal, so they are not reported.
    """
    by_id = {doc.id: doc for doc in documents}
    repealer_of: dict[str, Document] = {}
    for repeal in repeals:
        repealer_of.setdefault(repeal.target, by_id[repeal.repealer_id])
    for doc in sorted(documents, key=publication_order):
        for number in doc.references:
            repealer = repealer_of.get(number.strip())
            if (repealer is None or publication_order(doc) <= publication_order(repealer)
                    or doc.interprets == repealer.doc_number):
                continue
            yield Warning_(
                kind="repealed-cited",
                message=f"{_name(doc)} 引用了已由 {repealer.doc_number} 废止的 {number}。",
                english=(f"{doc.id} cites {number}, repealed by {repealer.doc_number}."),
                item=doc.id)


def consistency_checks(documents: Sequence[Document]) -> tuple[Warning_, ...]:
    """Validity conflicts across the archive, for the validity page and the build report.

    Kinds: ``validity-conflict`` (a 政策解读's stated 施行日期/有效期 differs from its
    target's), ``effective-before-signed``, ``trial-validity-too-long`` (试行/暂行 over 5
    years) and ``repealed-cited`` (a later document cites a repealed one). Messages are in
    Chinese (``message``) and English (``english``) and name both documents and dates.
    """
    by_number = {doc.doc_number: doc for doc in documents if doc.doc_number}
    found: list[Warning_] = []
    for doc in sorted(documents, key=publication_order):
        target = by_number.get(doc.interprets or "")
        if doc.type is DocType.INTERPRETATION and target:
            found.extend(_interpretation_conflicts(doc, target))
        found.extend(_effective_before_signed(doc))
        found.extend(_trial_too_long(doc))
    found.extend(_repealed_cited(documents, resolve_repeals(documents)))
    return tuple(found)
