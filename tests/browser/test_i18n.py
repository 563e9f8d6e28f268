"""English in the browser: the language switcher keeps the document; scripts write English."""

from tests.han_scan import unmarked_chinese

DOC = "doc/wzb-2023-42/"  # 温政办〔2023〕42号


def switch_to(page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang={lang}]")
    page.wait_for_load_state()


def test_switcher_lands_on_the_same_document(page, site_url):
    page.goto(site_url + DOC)
    assert page.locator("html").get_attribute("lang") == "zh"
    chinese_number = page.locator('tr[data-key="doc_number"] td').inner_text()

    switch_to(page, "en")
    assert page.url == site_url + "en/" + DOC
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator('tr[data-key="doc_number"] th').inner_text() == "Document No."
    assert page.locator('tr[data-key="doc_number"] td').inner_text() == chinese_number
    assert page.locator(".gz-original").get_attribute("lang") == "zh"

    switch_to(page, "zh")
    assert page.url == site_url + DOC
    assert page.locator('tr[data-key="doc_number"] th').inner_text() == "文号"


def test_switcher_names_chinese_in_chinese(page, site_url):
    page.goto(site_url + "en/")
    link = page.locator(".md-select__link[hreflang=zh]")
    assert link.get_attribute("lang") == "zh"
    assert link.inner_text().strip() == "中文"


def test_english_pages_stay_english_after_scripts_run(page, site_url):
    """validity.js rewrites statuses and counts: in the page's language, from the page."""
    for path in ("en/validity/", "en/" + DOC):
        page.goto(site_url + path)
        page.wait_for_selector("[data-validity-today]:not([hidden]), .validity-panel")
        assert unmarked_chinese(page.content()) == [], path
    page.goto(site_url + "en/validity/")
    assert page.locator("[data-validity-count]").inner_text().startswith("Documents: ")
    assert page.locator("[data-validity-today]").inner_text() == "(today)"


def test_english_search_results_are_english_but_for_the_documents_own_text(page, site_url):
    """Issuer and issue names in English, types and statuses too; titles, excerpts and 文号
    stay Chinese and are marked so."""
    page.goto(site_url + "en/search/?q=" + "公租房")
    page.wait_for_selector(".gz-result .gz-result__excerpt mark")
    assert unmarked_chinese(page.content()) == []
    facts = page.locator(".gz-result__facts").first.inner_text()
    assert "2023, No. 4 (Serial No. 248)" in facts and "In force" in facts
    issuers = page.locator(".gz-search__facets").inner_text()
    assert "General Office of Wenzhou Municipal People's Government" in issuers


def test_english_search_without_hits_offers_the_chinese_search(page, site_url):
    """Documents are searched in their Chinese text: an English query that finds nothing says
    so and links the Chinese search page with the same words."""
    page.goto(site_url + "en/search/?q=housing")
    page.wait_for_selector(".gz-search[data-state=done]")
    status = page.locator(".gz-search__status")
    assert "Documents are searched in their Chinese text." in status.inner_text()
    link = status.locator("a")
    assert link.get_attribute("href") == "../../search/?q=housing"
    link.click()
    page.wait_for_selector(".gz-search[data-state=done]")
    assert page.url == site_url + "search/?q=housing"
