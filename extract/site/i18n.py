"""The site's languages: interface strings, names and dates in Chinese (the source) or English.

Chinese is the source language: templates write interface strings in Chinese and wrap them
in ``t("…")``; data (types, statuses, issuers, sections) is Chinese as extracted. English
comes from one YAML glossary, ``translations/glossary.en.yml``, whose keys are those Chinese
strings, and from per-document translation files (:mod:`extract.site.translations`).

Glossary format: a mapping whose values are either English strings (interface strings
appended at the top level) or mappings of Chinese to English (the sections ``interface``,
``types``, ``statuses``, ``issuers``, ``sections``, ``patterns`` …). All sections form one
lookup table; a key given two different English texts is an error.

A key holding ``{name}`` placeholders is a pattern. ``t("第 {page} 页", page=3)`` formats the
English pattern with the values; ``t("5年")`` with no exact entry matches the Chinese pattern
``{n}年`` and gives ``"5 years"``. A captured value that is an ISO date is written as a date
of the language. A string with no entry stays Chinese: the glossary completeness test and
the Han scan of the English site find it.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from markupsafe import Markup, escape

SOURCE_LANGUAGE = "zh"
#: Glossaries and translators' files (see :mod:`extract.site.translations`).

#: Each language's site folder relative to the Chinese site root (docs/ and site/).
LANGUAGE_ROOTS = {"zh": "", "en": "en"}

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

# Runs of Chinese text inside otherwise translated output: Han characters with the CJK
# punctuation, full-width forms, digits and Latin letters among them (2023年4月6日, 〔2023〕,
# 《…》, 《4月份…》, （…）, “415X”).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(rf"[0-9{HAN}\u3000-\u303f\uff00-\uffef《》“”‘’—…·]*[{HAN}][{HAN}\u3000-\u303f\uff00-\uffef《》“”‘’—…·0-9A-Za-z]*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def english_date(day: dt.date) -> str:
    """``2023-05-10`` -> ``"10 May 2023"`` (day month year, month in full, no locale)."""
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Glossary:
    """English for Chinese source strings, by section (``types``, ``issuers`` …).

    ``sections`` maps a section name to its entries; top-level string entries of the file
    are in the section ``interface``.
    """

    sections: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @cached_property
    def entries(self) -> dict[str, str]:
        """Every entry of every section in one table."""
        return {key: value for section in self.sections.values() for key, value in section.items()}

    @cached_property
    def patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Placeholder keys as anchored regexes (``{n}年`` -> ``^(?P<n>.+?)年$``), with their English."""
        compiled = []
        for key, english in self.entries.items():
            parts = list(string.Formatter().parse(key))
            if not any(name for _, name, _, _ in parts):
                continue
            if not any(text for text, _, _, _ in parts):
                raise ValueError(f"Glossary pattern {key!r} needs literal text around its placeholders")
            regex = "".join(re.escape(text) + (f"(?P<{name}>.+?)" if name else "") for text, name, _, _ in parts)
            literal = sum(len(text) for text, _, _, _ in parts)
            compiled.append((literal, re.compile(f"^{regex}$", re.DOTALL), english))
        # Most literal text first: "{y}年第{n}期（总第{s}期）" before "{y}年第{n}期".
        return [(regex, english) for _, regex, english in sorted(compiled, key=lambda c: -c[0])]


def load_glossary(path: Path) -> Glossary:
    """Read a glossary YAML file (format in the module docstring).

    Raises ValueError naming the file when it is not a mapping of strings, or when a key
    has two different English texts. A missing file gives an empty glossary.
    """
    if not path.exists():
        return Glossary()
    try:
        # libyaml's loader where PyYAML has it: the same SafeConstructor, ten times faster.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: not valid YAML - {error}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of Chinese strings to English")
    sections: dict[str, dict[str, str]] = {"interface": {}}
    seen: dict[str, str] = {}
    for name, value in data.items():
        section, entries = ("interface", {name: value}) if not isinstance(value, dict) else (str(name), value)
        for key, english in entries.items():
            if not isinstance(english, str) or not english.strip():
                raise ValueError(f"{path}: the entry {key!r} needs an English string, got {english!r}")
            if seen.get(str(key), english) != english:
                raise ValueError(f"{path}: {key!r} has two English texts: {seen[str(key)]!r} and {english!r}")
            seen[str(key)] = english
            sections.setdefault(section, {})[str(key)] = english
    glossary = Glossary(sections)
    try:
        glossary.patterns  # noqa: B018 - compiles the patterns now, to name the file on error
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
    return glossary


@dataclass(frozen=True)
class Language:
    """One language of the site: how templates translate, write dates and mark Chinese.

    Every date a page shows goes through ``date``, ``month_day``, ``year_month`` or
    ``weekday``; ISO 8601 stays for data files (API, feeds, .ics).

    ``glossary`` is None for the source language (Chinese), whose strings are used as
    written. ``code`` is the HTML ``lang`` value; ``root`` the language's folder under the
    Chinese site root ("" or ``"en"``).
    """

    code: str
    glossary: Glossary | None = None

    @property
    def root(self) -> str:
        return LANGUAGE_ROOTS[self.code]

    @property
    def is_source(self) -> bool:
        return self.glossary is None

    def lookup(self, text: str) -> str | None:
        """``text`` in this language as plain text: its entry, else a matching pattern's
        English (see the module docstring); None when the glossary has neither. The source
        language returns ``text`` itself."""
        if self.glossary is None:
            return text
        exact = self.glossary.entries.get(text)
        if exact is not None:
            return exact
        for regex, english in self.glossary.patterns:
            found = regex.match(text)
            if found:
                return english.format(**{key: self._value(value) for key, value in found.groupdict().items()})
        return None

    def _value(self, captured: str) -> str:
        """A pattern's captured value: ISO dates in this language's form, else translated.

        Terminates: a pattern has literal text (``load_glossary`` checks), so a captured
        value is shorter than the text it came from.
        """
        if _ISO_DATE.fullmatch(captured):
            return self.date(dt.date.fromisoformat(captured))
        found = self.lookup(captured)
        return captured if found is None else found

    def t(self, text: str, **values: object) -> Markup:
        """``text`` in this language as HTML, placeholders filled from ``values``.

        The text and the glossary's English are plain text (escaped here); a value is
        escaped unless it is ``Markup``. Without an entry the text stays as it is.
        """
        if values:
            template = self.glossary.entries.get(text, text) if self.glossary else text
            return escape(template).format(**values)
        found = self.lookup(text)
        return escape(text if found is None else found)

    def date(self, day: dt.date | None) -> str:
        """A date as shown on pages: ISO 8601 in Chinese, ``10 May 2023`` in English; None -> "—"."""
        if day is None:
            return "—"
        return day.isoformat() if self.is_source else english_date(day)

    def month_day(self, day: dt.date) -> str:
        """A day of a known month and year, as calendar headings show it: ``4月3日``, ``3 April``."""
        return f"{day.month}月{day.day}日" if self.is_source else f"{day.day} {MONTHS_EN[day.month - 1]}"

    def year_month(self, day: dt.date) -> str:
        """The month of ``day``: ``2023年4月``, ``April 2023``."""
        return f"{day.year}年{day.month}月" if self.is_source else f"{MONTHS_EN[day.month - 1]} {day.year}"

    def weekday(self, day: dt.date) -> str:
        """The weekday of ``day``: ``星期一``, ``Monday``."""
        return (WEEKDAYS_ZH if self.is_source else WEEKDAYS_EN)[day.weekday()]

    def mark_chinese(self, text: str) -> Markup:
        """``text`` as HTML whose Chinese runs carry ``lang="zh"`` on a page in another language.

        ``Markup`` (e.g. the output of ``md_escape``) is kept as it is, a plain string is
        escaped first; in Chinese nothing else changes. Screen readers and search engines
        then know the language of a 文号 or title quoted on an English page.
        """
        text = escape(text)
        if self.is_source:
            return text
        return Markup(_HAN_RUN.sub(lambda run: f'<span lang="zh">{run.group()}</span>', str(text)))


def language(code: str, translations_dir: Path) -> Language:
    """The language ``code`` with its glossary from ``translations_dir/glossary.<code>.yml``.

    Raises ValueError for a code the site has no folder for, or a bad glossary file.
    """
    if code not in LANGUAGE_ROOTS:
        raise ValueError(f"Unknown language {code!r} - use one of {', '.join(LANGUAGE_ROOTS)}")
    if code == SOURCE_LANGUAGE:
        return Language(code)
    return Language(code, load_glossary(translations_dir / f"glossary.{code}.yml"))

