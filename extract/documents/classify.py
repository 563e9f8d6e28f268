"""Stage 4, classify: ``Item`` -> ``DocType``, from genre words and the section.

Chinese official documents name their genre (公文文种, GB/T 9704 and the 党政机关公文处理
工作条例) at the end of the title: …的通知, …办法, …实施意见. A notice that promulgates
another text (关于印发《X》的通知) takes the genre of X: promulgating a 办法 or 方案 makes
a normative measure, promulgating a list (目录, 名单) stays a notice.
"""

from __future__ import annotations

import re

from extract.model import DocType, Item

# Genres of normative texts (规范性文件 and plans): the item is a measure.
MEASURE_GENRES = ("办法", "方案", "意见", "规定", "细则", "规则", "规划", "计划", "措施", "制度", "标准", "准则", "条例", "政策", "决定")
# Genres that inform or list without regulating.
NOTICE_GENRES = ("通知", "通报", "通告", "公告", "批复", "函", "目录", "名单", "清单", "要点", "报告")
PROMULGATES = re.compile(r"关于(?:印发|转发|公布|发布)(?P<name>.+?)的(?:通知|决定)$")
SECTION_TYPES = (
    (re.compile(r"解读"), DocType.INTERPRETATION),
    (re.compile(r"简讯|动态|要闻"), DocType.BRIEF),
    (re.compile(r"记事|大事记"), DocType.CALENDAR),
    (re.compile(r"统计"), DocType.STATISTICS),
)


def classify(item: Item) -> DocType:
    """The item's type: interpretation, brief, calendar and statistics by title or section;
    notice or measure by the genre word ending the (promulgated) title; otherwise other."""
    title = re.sub(r"\s+", "", item.title)
    if "解读" in title:
        return DocType.INTERPRETATION
    for pattern, doc_type in SECTION_TYPES:
        if pattern.search(item.section) or doc_type in (DocType.CALENDAR, DocType.STATISTICS) and pattern.search(title):
            return doc_type
    genre_source = title
    if m := PROMULGATES.search(title):
        genre_source = m["name"]
    genre_source = re.sub(r"[（(][^（）()]*[）)]$", "", genre_source.strip("《》"))  # （试行）, （2023—2027年）
    genre_source = genre_source.rstrip("》")
    if genre_source.endswith(MEASURE_GENRES):
        return DocType.MEASURE
    # a 公文 title reads 发文机关 + 关于 + 事由 + 文种; a bare list title (发文目录) is no notice
    if "关于" in title and (genre_source.endswith(NOTICE_GENRES) or title.endswith(NOTICE_GENRES)):
        return DocType.NOTICE
    return DocType.OTHER
