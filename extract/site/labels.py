"""Chinese labels of the document types (``extract.model.DocType``) and 效力级别 values
(``extract.model.ForceLevel``), as the pages, the search facets and the validity page show
them; English is in ``translations/glossary.en.yml`` (sections ``types``, ``force_levels``)."""

from __future__ import annotations

from extract.model import DocType, ForceLevel

FORCE_LEVEL_LABELS = {
    ForceLevel.ADMINISTRATIVE_REGULATION: "行政法规",
    ForceLevel.LOCAL_REGULATION: "地方性法规",
    ForceLevel.GOVERNMENT_RULE: "政府规章",
    ForceLevel.NORMATIVE_DOCUMENT: "行政规范性文件",
    ForceLevel.POLICY_DOCUMENT: "政策性文件",
}

# Document types as the site names them (English: glossary section ``types``).
TYPE_LABELS = {
    DocType.NOTICE: "通知",
    DocType.MEASURE: "政策文件",
    DocType.INTERPRETATION: "政策解读",
    DocType.BRIEF: "政务简讯",
    DocType.CALENDAR: "政府记事",
    DocType.STATISTICS: "统计资料",
    DocType.OTHER: "其他",
}
