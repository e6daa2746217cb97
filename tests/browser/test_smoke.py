from .conftest import PHONE, axe_violations, scrolls_sideways


def test_urgent_help_is_accessible_on_a_phone(new_page):
    page = new_page(width=PHONE["width"])
    page.goto("/urgent-help/?borough=westminster")
    assert page.get_by_role("heading", level=1).inner_text() == "Get help now"
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)
