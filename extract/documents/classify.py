"""Stage 4, classify: ``Item`` -> ``DocType``, 文种 (``form_of``) and 效力级别 (``force_level``).

Chinese official documents name their genre (公文文种, GB/T 9704 and the 党政机关公文处理
工作条例 第八条) at the end of the title: …的通知, …办法, …实施意见. A notice that promulgates
another text (关于印发《X》的通知) takes the genre of X: promulgating a 办法 or 方案 makes
a normative measure, promulgating a list (目录, 名单) stays a notice. Regulations, 规章 and
行政法规 are measures; an order (令) is titled by the text it promulgates (see ``split``).
"""

from __future__ import annotations

import re

from extract.model import DocType, ForceLevel, Item

# Forms of laws (《立法法》: 法, and the 民法典): above the levels of ``force_level``.
LAW_FORMS = ("法典", "法")
# Genres of normative texts (规范性文件 and plans) and laws: the item is a measure.
MEASURE_GENRES = ("办法", "方案", "意见", "规定", "细则", "规则", "规划", "计划", "措施", "制度", "标准", "准则", "条例", "政策", "决定", *LAW_FORMS)
# Genres that inform or list without regulating.
NOTICE_GENRES = ("通知", "通报", "通告", "公告", "批复", "函", "目录", "名单", "清单", "要点", "报告")
# 文种 a title can end with: the 15 of 党政机关公文处理工作条例 第八条 (决议、决定、命令（令）、
# 公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要), the forms of laws and
# rules (条例、规定、办法、细则、规则, 《立法法》 and 《规章制定程序条例》第六条) and of plans.
FORMS = (
    "条例", "规定", "办法", "细则", "规则", "意见", "方案", "规划", "计划", "措施", "决议", "决定",
    "命令", "令", "公报", "公告", "通告", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要",
    *LAW_FORMS,  # after 办法, which also ends with 法
)
PROMULGATES = re.compile(r"关于(?:印发|转发|公布|发布)(?P<name>.+?)的(?:通知|决定)$")
SECTION_TYPES = (
    (re.compile(r"解读"), DocType.INTERPRETATION),
    (re.compile(r"简讯|动态|要闻"), DocType.BRIEF),
    (re.compile(r"记事|大事记"), DocType.CALENDAR),
    (re.compile(r"统计"), DocType.STATISTICS),
)
# A 人民代表大会 or its 常务委员会: a province's or a 设区的市's adopts 地方性法规 (《立法法》
# 第八十条、第八十一条); the 全国人民代表大会's texts are laws, above these levels.
LEGISLATURE = re.compile(r"^(?P<national>全国)?[\u4e00-\u9fff]{0,20}人民代表大会(?:常务委员会)?$")
STATE_COUNCIL = re.compile(r"^(?:中华人民共和国)?国务院$")


def classify(item: Item) -> DocType:
    """The item's type: interpretation, brief, calendar and statistics by title or section;
    notice or measure by the genre word ending the (promulgated) title; otherwise other."""
    title = re.sub(r"\s+", "", item.title)
    if "解读" in title:
        return DocType.INTERPRETATION
    for pattern, doc_type in SECTION_TYPES:
        if pattern.search(item.section) or doc_type in (DocType.CALENDAR, DocType.STATISTICS) and pattern.search(title):
            return doc_type
    genre_source = _promulgated_name(title)
    if genre_source.endswith(MEASURE_GENRES):
        return DocType.MEASURE
    # a 公文 title reads 发文机关 + 关于 + 事由 + 文种; a bare list title (发文目录) is no notice
    if "关于" in title and (genre_source.endswith(NOTICE_GENRES) or title.endswith(NOTICE_GENRES)):
        return DocType.NOTICE
    return DocType.OTHER


def _promulgated_name(title: str) -> str:
    """The name of what a 印发/转发 title promulgates (else the title), without 《》 and a
    closing note （试行）, （2023—2027年）."""
    name = m["name"] if (m := PROMULGATES.search(title)) else title
    name = re.sub(r"[（(][^（）()]*[）)]$", "", name.strip("《》"))
    return name.rstrip("》")


def form_of(title: str, doc_type: DocType) -> str | None:
    """The 文种 of a notice or measure: the genre word ending the text it promulgates when
    that is one of ``FORMS`` (印发…办法的通知 -> 办法), else the one ending its own title
    (印发…目录的通知 -> 通知); None for other types or a title with no 文种."""
    if doc_type not in (DocType.MEASURE, DocType.NOTICE):
        return None
    title = re.sub(r"\s+", "", title)
    for name in (_promulgated_name(title), title):
        if found := next((form for form in FORMS if name.endswith(form)), None):
            return found
    return None


def force_level(doc_type: DocType, *, order_issuer: str | None, adopted_by: str | None, registration_number: str | None, form: str | None = None) -> ForceLevel | None:
    """效力级别 of a notice or measure, from who made it and how (None for other types):

    - promulgated by a 国务院令 → ``ADMINISTRATIVE_REGULATION`` (《立法法》第七十七条: 行政法规
      由总理签署国务院令公布);
    - promulgated by another government's 令 → ``GOVERNMENT_RULE`` (《规章制定程序条例》
      第三十二条: 规章由省长或者市长签署命令予以公布);
    - adopted by a local 人民代表大会 or its 常务委员会 (``adopted_by``, without 届次 and
      session) → ``LOCAL_REGULATION`` (《立法法》第八十条、第八十一条); by the 全国人民代表大会
      or its 常务委员会 → None (a law: no level of this scale);
    - registered with a ZJCC 登记号 → ``NORMATIVE_DOCUMENT`` (浙江省行政规范性文件管理办法:
      a 行政规范性文件 is registered and numbered);
    - otherwise → ``POLICY_DOCUMENT``.

    A law (``form`` 法 or 法典, or adopted by the 全国人民代表大会) stands above these
    levels: None.
    """
    if doc_type not in (DocType.MEASURE, DocType.NOTICE) or form in LAW_FORMS:
        return None
    if order_issuer:
        return ForceLevel.ADMINISTRATIVE_REGULATION if STATE_COUNCIL.match(order_issuer) else ForceLevel.GOVERNMENT_RULE
    if adopted_by and (legislature := LEGISLATURE.match(adopted_by)):
        return None if legislature["national"] else ForceLevel.LOCAL_REGULATION
    if registration_number:
        return ForceLevel.NORMATIVE_DOCUMENT
    return ForceLevel.POLICY_DOCUMENT
