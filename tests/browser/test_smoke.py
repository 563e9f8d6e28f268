"""The built site loads in Chromium: home page title and the navigation tabs."""


def test_home_page_loads_with_chinese_title(page, site_url):
    page.goto(site_url)
    assert "温州市人民政府公报" in page.title()
    assert page.locator("html").get_attribute("lang") == "zh"
