"""Urgent help on a phone: buttons a thumb can hit, the ones that matter most first."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)

IPHONE_SE = {"width": 375, "height": 667}
MIN_TARGET = 44  # px: WCAG 2.5.5's target size, and the NHS's


def box(page, name):
    return page.get_by_role("link", name=name).first.bounding_box()


def test_999_and_the_local_line_are_large_buttons_on_the_first_screen(new_page):
    page = new_page(**IPHONE_SE)
    page.goto("/urgent-help/?borough=westminster")
    for name in ["Call 999", "Call 0800 023 4650", "Call 111, option 2"]:
        button = box(page, name)
        assert button["height"] >= MIN_TARGET, name
        assert button["width"] >= IPHONE_SE["width"] - 40, name  # full width on a phone
    assert box(page, "Call 999")["y"] + box(page, "Call 999")["height"] <= IPHONE_SE["height"]
    local = box(page, "Call 0800 023 4650")
    assert local["y"] + local["height"] <= IPHONE_SE["height"]
    assert page.get_by_role("link", name="Call 999").first.get_attribute("href") == "tel:999"
    assert axe_violations(page) == []


def test_childline_chat_text_and_calls_are_buttons_too(new_page):
    page = new_page(**IPHONE_SE)
    page.goto("/urgent-help/")
    chat = page.get_by_role("link", name="Chat online to Childline")
    assert chat.get_attribute("href").startswith("https://www.childline.org.uk/")
    for name in ["Chat online to Childline", "Text SHOUT to 85258", "Call Samaritans: 116 123"]:
        assert box(page, name)["height"] >= MIN_TARGET, name
