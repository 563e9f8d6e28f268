"""Old document URLs in the browser: the redirect page opens the document's page."""

import pytest

OLD, NEW = "doc/2023-04-brief-3/", "doc/2023-04-item-13/"  # 全市实施公共服务“七优享”工程推进会召开


@pytest.mark.parametrize("root", ["", "en/"])
def test_old_document_url_opens_the_document(page, site_url, root):
    page.goto(site_url + root + OLD)
    page.wait_for_url(site_url + root + NEW)
    assert page.locator("#gz-citation-2023-04-item-13").count() == 1
