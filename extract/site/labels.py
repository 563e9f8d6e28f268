"""Chinese labels of the 效力级别 values (``extract.model.ForceLevel``), as the document
pages, the search facets and the validity page show them; English is in
``translations/glossary.en.yml`` (section ``force_levels``)."""

from __future__ import annotations

from extract.model import ForceLevel

FORCE_LEVEL_LABELS = {
    ForceLevel.ADMINISTRATIVE_REGULATION: "行政法规",
    ForceLevel.LOCAL_REGULATION: "地方性法规",
    ForceLevel.GOVERNMENT_RULE: "政府规章",
    ForceLevel.NORMATIVE_DOCUMENT: "行政规范性文件",
    ForceLevel.POLICY_DOCUMENT: "政策性文件",
}
