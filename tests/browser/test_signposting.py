"""Issue 26 in a real browser: the posters, cards and waiting-room list print on the pages they
should (Chromium's own PDF, pages counted with pypdf), read at a distance, pass axe at phone and
desktop widths, and the QR code on a printed poster, read by zbar, opens the navigator with the
borough already answered."""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from tests.factories import make_service

from .conftest import DESKTOP, PHONE, axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)

THRIVE = ("getting-advice", "getting-help", "getting-more-help", "getting-risk-support")


@pytest.fixture
def westminster():
    """More services than a list shows, with long names: the one page must still hold."""
    for category in THRIVE:
        for number in range(5):
            make_service(
                name=f"Westminster {category.replace('-', ' ')} service with a long name {number}",
                borough=["westminster"],
                thrive=[category],
                referral=["self", "gp"],
                phone="020 7641 1000",
            )
    make_service(name="Kooth", is_national=True, thrive=["getting-advice"], delivery=["online"])


def pdf_page_count(page):
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("borough", ["westminster", "bexley"])  # a local line, and none
@pytest.mark.parametrize("material", ["poster", "cards", "waiting-room"])
def test_each_material_prints_on_one_a4_page(page, westminster, material, borough):
    page.goto(f"/signposting/{borough}/{material}/?age_band=11-to-15&setting=youth-club")
    assert pdf_page_count(page) == 1
    if material == "cards":
        page.emulate_media(media="print")
        boxes = page.locator(".app-wallet-card").evaluate_all(
            "cards => cards.map(c => [c.getBoundingClientRect().width, "
            "c.getBoundingClientRect().height])"
        )
        assert len(boxes) == 10
        for width, height in boxes:  # a bank card: 85.6 mm x 54 mm, at 96 px an inch
            assert abs(width - 85.6 / 25.4 * 96) < 1.5 and abs(height - 54 / 25.4 * 96) < 1.5


def test_the_poster_reads_at_a_distance(page, westminster):
    page.goto("/signposting/westminster/poster/")
    page.emulate_media(media="print")

    def points(selector):
        pixels = page.locator(selector).first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)"
        )
        return round(pixels * 72 / 96, 1)

    assert points(".app-poster__question") >= 44
    assert points(".app-poster .app-lines__number") >= 26
    assert points(".app-poster__strapline") >= 16
    qr_width = page.locator(".app-poster__qr img").bounding_box()["width"]
    assert qr_width >= 60 / 25.4 * 96  # at least 6 cm: scans from a couple of metres
    # The header, footer and on-screen controls do not print.
    for hidden in (".nhsuk-header", ".nhsuk-footer", ".app-signposting-controls"):
        assert page.locator(hidden).first.is_hidden()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_is_accessible_at_phone_and_desktop_widths(new_page, westminster, size):
    page = new_page(**size)
    for address in (
        "/signposting/",
        "/signposting/?borough=westminster&setting=gp",
        "/signposting/?borough=",  # with an error
        "/signposting/westminster/poster/",
        "/signposting/westminster/cards/",
        "/signposting/westminster/waiting-room/",
        "/signposting/hackney/poster/?age_band=under-5",
    ):
        page.goto(address)
        assert axe_violations(page) == [], address
        assert not scrolls_sideways(page), address


def test_the_numbers_on_screen_are_links_to_call_or_text(page, westminster):
    page.goto("/signposting/westminster/poster/")
    assert page.get_by_role("link", name="0800 1111").get_attribute("href").startswith("tel:")
    assert page.get_by_role("link", name="85258").get_attribute("href").startswith("sms:85258")


def test_a_scan_of_the_printed_qr_code_opens_the_navigator_with_the_borough_answered(
    page, westminster, tmp_path, live_server
):
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: scripts/test installs zbar-tools"
    page.goto("/signposting/westminster/poster/?setting=school")
    page.emulate_media(media="print")
    picture = tmp_path / "poster-qr.png"
    page.locator(".app-poster__qr").screenshot(path=str(picture))
    scanned = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(picture)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert scanned == f"{live_server.url}/go/westminster/?from=school"

    phone = page.context.new_page()
    phone.goto(scanned)
    phone.wait_for_url("**/help/?answers=*")
    assert phone.get_by_role("heading", level=1).inner_text().startswith("Is anyone in danger")
    for label in ["No", "Myself"]:
        phone.get_by_label(label, exact=True).check()
        phone.get_by_role("button", name="Continue").click()
    phone.get_by_label("How old are you?").fill("15")
    phone.get_by_role("button", name="Continue").click()
    assert phone.get_by_label("Borough").input_value() == "westminster"
    phone.get_by_role("button", name="Continue").click()
    assert "/help/need/" in phone.url
    assert not phone.context.cookies()
