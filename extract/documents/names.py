"""The names a document goes by, for finding it from another document's text.

A later document names an earlier one by its title, often without the issuer
(GB/T 9704 标题 = 发文机关 + 关于 + 事由 + 文种, and citations drop the 发文机关), or by the
title of the measure a 关于印发《X》的通知 promulgates. Used to link a 政策解读 to what it
explains and a repeal to what it repeals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.model import BlockKind, Document

PROMULGATED = re.compile(r"关于(?:印发|转发|公布|发布)(?P<name>.+)的(?:通知|决定)$")


def known_names(doc: Document) -> Iterable[str]:
    """``doc``'s title; the title from 关于 on (issuer dropped); its title blocks (an attached
    measure's own title); and the name a 关于印发《X》的通知 promulgates, without 《》."""
    title = re.sub(r"\s+", "", doc.title)
    yield title
    if "关于" in title and not title.startswith("关于"):
        yield title[title.index("关于"):]
    for block in doc.blocks:
        if block.kind is BlockKind.TITLE or block.level == 1:
            yield block.text
    if match := PROMULGATED.search(title):
        yield match["name"].strip("《》")
