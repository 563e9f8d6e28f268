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

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence

from extract.model import DocType, Document, ExpiryBasis, ForceLevel, Status, Validity, Warning_

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
    """``day`` moved by ``months`` calendar months, clamped to the target month's last day.

    Same result as ``dateutil.relativedelta(months=months)``: 2024-02-29 + 12 → 2025-02-28.
    """
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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


def until_repealed(doc: Document) -> bool:
    """True for a regulation or rule (``UNTIL_REPEALED_LEVELS``) that states no 有效期 and
    no end: it is in force until repealed (长期有效), and no validity is missing."""
    return doc.force_level in UNTIL_REPEALED_LEVELS and doc.validity is None and doc.expiry_date is None


def names_of(doc: Document) -> tuple[str, ...]:
    """The names a repeal clause may give ``doc`` (``Document.repeals`` entries): its 文号
    or 令/公告 number, and its title in 《》."""
    return tuple(name for name in (doc.doc_number, f"《{doc.title}》") if name)


# --------------------------------------------------------------------------- across the archive


def publication_order(doc: Document) -> tuple[str, int]:
    """Publication order across the archive: issue id (``2023-04`` sorts by date), position."""
    return doc.issue, doc.position


def repeals_by_number(documents: Iterable[Document]) -> dict[str, Document]:
    """Each repealed 文号, 令 number or 《title》 → the first document in publication order
    that repeals it."""
    found: dict[str, Document] = {}
    for doc in sorted(documents, key=publication_order):
        for number in doc.repeals:
            found.setdefault(number.strip(), doc)
    return found


def repealed_ids(documents: Iterable[Document]) -> set[str]:
    """文号 of the documents that a document in the archive repeals (``Document.repeals``).

    The repealed document need not be in the archive itself (e.g. 温州市人民政府令第147号).
    """
    return set(repeals_by_number(documents))


def repeal_date(repealer: Document) -> dt.date | None:
    """The day a repeal takes effect: when the repealing document does (else its 成文日期)."""
    fact = repealer.effective_date or repealer.signed_date
    return fact.value if fact else None


def repealer_of(doc: Document, repeals: dict[str, Document]) -> Document | None:
    """The document that repeals ``doc`` by any of its names (``repeals_by_number``), if any."""
    return next((repeals[name] for name in names_of(doc) if name in repeals and repeals[name] is not doc), None)


def is_repealed(doc: Document, repeals: dict[str, Document], as_of: dt.date) -> bool:
    repealer = repealer_of(doc, repeals)
    if repealer is None:
        return False
    since = repeal_date(repealer)
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
    if said and own and (period_months(said), said.until) != (period_months(own), own.until):
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
    for doc in sorted(documents, key=publication_order):
        for number in doc.references:
            repealer = repeals.get(number.strip())
            if (repealer is None or publication_order(doc) <= publication_order(repealer)
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
    for doc in sorted(documents, key=publication_order):
        target = by_number.get(doc.interprets or "")
        if doc.type is DocType.INTERPRETATION and target:
            found.extend(_interpretation_conflicts(doc, target))
        found.extend(_effective_before_signed(doc))
        found.extend(_trial_too_long(doc))
    found.extend(_repealed_cited(documents, repeals_by_number(documents)))
    return tuple(found)
