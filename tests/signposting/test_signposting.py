"""Issue 26: posters, wallet cards, waiting-room lists and QR codes for a borough
(/signposting/), and the short address a QR code carries (/go/<borough>/)."""

import dataclasses
import logging
import re
import shutil
import subprocess
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.test import Client

from directory.templatetags.directory_tags import tel_href
from pages import helplines
from pages.london import BOROUGH_NAMES
from tests.factories import make_service
from tests.navigator.conftest import plain

pytestmark = pytest.mark.django_db

MATERIALS = ("poster", "cards", "waiting-room")


def html_of(response):
    assert response.status_code == 200, response.status_code
    assert not response.cookies
    return unescape(response.content.decode())


def decode_qr(image_bytes, suffix, tmp_path):
    """What a phone's camera reads from the image: zbar (Debian's zbar-tools)."""
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: scripts/test installs zbar-tools"
    path = tmp_path / f"qr.{suffix}"
    path.write_bytes(image_bytes)
    out = subprocess.run(
        [zbarimg, "--quiet", "--raw", str(path)], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_the_page_offers_every_london_borough_and_asks_which(client):
    html = html_of(client.get("/signposting/"))
    assert "<h1>Posters, cards and QR codes</h1>" in html
    for slug, name in BOROUGH_NAMES.items():
        assert f'<option value="{slug}">{name}</option>' in html
    assert len(BOROUGH_NAMES) == 33
    for setting in ("School or college", "GP practice", "Youth club", "Library"):
        assert setting in html
    assert "Under 5" in html and "18 to 25" in html


def test_choosing_a_borough_gives_the_three_materials_and_the_qr_downloads(client):
    html = html_of(client.get("/signposting/?borough=barnet&age_band=11-to-15&setting=school"))
    assert "For Barnet, ages 11 to 15, school or college" in html
    for material in MATERIALS:
        assert f'href="/signposting/barnet/{material}/?age_band=11-to-15&setting=school"' in html
    assert 'download="find-help-barnet-school-qr-code.svg"' in html
    assert 'download="find-help-barnet-school-qr-code.png"' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("borough=", "Choose the borough the poster or cards are for"),
        ("borough=atlantis", "Choose a London borough from the list"),
        ("borough=barnet&age_band=99", "We do not recognise that age group, so it is not used"),
        ("borough=barnet&setting=pub", "We do not recognise that setting, so it is not used"),
    ],
)
def test_a_bad_choice_gets_a_clear_message(client, query, message):
    html = html_of(client.get(f"/signposting/?{query}"))
    assert "There is a problem" in html and message in html


@pytest.mark.parametrize("material", MATERIALS)
def test_a_bad_age_group_or_setting_on_a_material_is_left_out_and_said(client, material):
    html = html_of(client.get(f"/signposting/camden/{material}/?age_band=x&setting=%00"))
    assert "We do not recognise that age group, so it is not used" in html
    assert "We do not recognise that setting, so it is not used" in html


@pytest.mark.parametrize("material", MATERIALS)
def test_a_borough_not_in_london_is_not_found(client, material):
    assert client.get(f"/signposting/atlantis/{material}/").status_code == 404
    assert client.get("/signposting/atlantis/qr-code.png").status_code == 404


@pytest.mark.parametrize("borough", sorted(BOROUGH_NAMES))
def test_every_borough_has_a_poster_with_its_24_hour_line_childline_and_shout(client, borough):
    html = html_of(client.get(f"/signposting/{borough}/poster/"))
    local = helplines.local_urgent_line(borough)
    if local:
        assert f'href="tel:{tel_href(local.phone)}">{local.phone}</a>' in html
    else:  # no local line listed: NHS 111, option 2 reaches it
        assert 'href="tel:111">111</a>, choose 2' in html
    assert f'href="tel:{tel_href("0800 1111")}">0800 1111</a>' in html
    assert 'Text SHOUT to <a href="sms:85258?&body=SHOUT">85258</a>' in html
    assert f"/go/{borough}/" in html
    assert "Worried about how you feel?" in html
    assert f"alt=\"QR code. Scan it with a phone's camera to open testserver/go/{borough}/" in html


def test_a_poster_for_parents_of_young_children_asks_their_question(client):
    html = html_of(client.get("/signposting/westminster/poster/?age_band=under-5"))
    assert "Worried about how your child feels?" in html


@pytest.mark.parametrize("material", MATERIALS)
def test_every_number_comes_from_helplines_py(client, monkeypatch, material):
    """Change a number in pages/helplines.py and every material shows the new one."""
    childline = dataclasses.replace(helplines.CHILDLINE, phone="0800 000 1111")
    cnwl = dataclasses.replace(helplines.CNWL, phone="0800 000 4650")
    shout = dataclasses.replace(helplines.SHOUT, text_number="85000")
    monkeypatch.setitem(helplines.NATIONAL_LINES, "childline", childline)
    monkeypatch.setitem(helplines.NATIONAL_LINES, "shout", shout)
    monkeypatch.setitem(helplines.LOCAL_URGENT_LINES, "westminster", cnwl)
    html = html_of(client.get(f"/signposting/westminster/{material}/"))
    assert f'href="tel:{tel_href("0800 000 1111")}">0800 000 1111</a>' in html
    assert f'href="tel:{tel_href("0800 000 4650")}">0800 000 4650</a>' in html
    assert "sms:85000" in html
    for old in ("0800 1111<", "0800 023 4650", "sms:85258"):
        assert old not in html


def test_a_sheet_has_ten_wallet_cards_each_read_once_by_a_screen_reader(client):
    html = html_of(client.get("/signposting/hackney/cards/"))
    cards = re.findall(r'<li class="app-wallet-card"( aria-hidden="true")?>', html)
    assert len(cards) == 10
    assert cards.count("") == 1  # the first; the nine copies are hidden from screen readers
    assert 'href="tel:111">111</a>, option 2' in html  # Hackney: no local line listed


def test_go_sends_a_qr_scan_to_the_navigator_with_the_borough_answered(client):
    response = client.get("/go/westminster/")
    assert response.status_code == 302
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert plain(response["Location"]) == "/help/?borough=westminster"
    # The navigator reads it: the danger question first, then the borough already chosen.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Is anyone in danger now?" in page.content.decode()


@pytest.mark.parametrize("setting", ["school", "gp", "youth-club", "library", "<b>x", "a" * 500])
def test_the_from_code_is_never_kept_and_an_unknown_one_is_ignored(
    client, setting, caplog, django_assert_num_queries
):
    caplog.set_level(logging.DEBUG)
    with django_assert_num_queries(0):
        response = client.get("/go/camden/", {"from": setting})
    assert response.status_code == 302
    assert plain(response["Location"]) == "/help/?borough=camden"
    assert setting not in response["Location"]
    assert setting not in caplog.text
    assert not response.cookies


def test_go_with_a_borough_not_in_london_starts_the_navigator_which_asks(client):
    response = client.get("/go/atlantis/")
    assert response.status_code == 302 and response["Location"] == "/help/"


@pytest.mark.parametrize("setting", ["", "school"])
def test_the_qr_code_png_scans_to_the_short_address_and_lands_on_the_navigator(
    client, tmp_path, setting
):
    query = f"?setting={setting}" if setting else ""
    response = client.get(f"/signposting/kensington-and-chelsea/qr-code.png{query}")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    suffix = f"-{setting}" if setting else ""
    assert (
        f'filename="find-help-kensington-and-chelsea{suffix}-qr-code.png"'
        in (response["Content-Disposition"])
    )
    scanned = decode_qr(response.content, "png", tmp_path)
    expected = "http://testserver/go/kensington-and-chelsea/"
    assert scanned == (f"{expected}?from={setting}" if setting else expected)
    parts = urlsplit(scanned)
    landed = Client().get(f"{parts.path}?{parts.query}", follow=True)
    assert landed.redirect_chain[0][1] == 302
    assert plain(landed.redirect_chain[-1][0]) == "/help/?borough=kensington-and-chelsea"
    assert "Is anyone in danger now?" in landed.content.decode()


def test_the_qr_code_svg_describes_itself(client):
    response = client.get("/signposting/westminster/qr-code.svg")
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<title>QR code for testserver/go/westminster/</title>" in svg
    assert "<desc>QR code. Scan it with a phone" in svg


@pytest.fixture
def camden_services():
    make_service(name="Camden Talking Space", borough=["camden"], thrive=["getting-help"])
    make_service(
        name="Camden CAMHS",
        borough=["camden"],
        thrive=["getting-more-help"],
        referral=["gp", "school"],
        phone="020 3317 3500",
    )
    make_service(name="Camden Parenting Group", borough=["camden"], min_age=0, max_age=4)
    make_service(name="Barnet Only", borough=["barnet"], thrive=["getting-help"])
    make_service(name="Kooth", is_national=True, thrive=["getting-advice"])
    for number in range(5):
        make_service(name=f"Camden Advice {number}", borough=["camden"], thrive=["getting-advice"])


def test_the_waiting_room_list_groups_local_services_by_thrive_with_how_to_get_in(
    client, camden_services, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        html = html_of(client.get("/signposting/camden/waiting-room/"))
    headings = re.findall(r'<h2 id="group-([a-z-]+)">', html)
    assert headings == ["getting-advice", "getting-help", "getting-more-help"]
    assert "Camden Talking Space</a>. You can contact them yourself." in html
    assert "Camden CAMHS</a>. Your school or college can refer you. Call" in html
    assert f'href="tel:{tel_href("020 3317 3500")}"' in html
    assert "Barnet Only" not in html
    # Local first; three a category, and a link to the rest.
    advice = html[html.index('id="group-getting-advice"') : html.index('id="group-getting-help"')]
    assert "Kooth" not in advice
    assert "And 3 more in the directory:" in advice
    assert "/services/?borough=camden&thrive=getting-advice" in advice


def test_the_waiting_room_list_for_an_age_group_leaves_out_services_not_for_it(
    client, camden_services
):
    html = html_of(client.get("/signposting/camden/waiting-room/?age_band=11-to-15"))
    assert "Camden Parenting Group" not in html
    html = html_of(client.get("/signposting/camden/waiting-room/?age_band=under-5"))
    assert "Camden Parenting Group" in html and "Camden Talking Space" not in html


def test_a_borough_without_local_services_lists_national_ones_and_its_local_offer(client):
    make_service(name="Kooth", is_national=True, thrive=["getting-advice"])
    html = html_of(client.get("/signposting/bexley/waiting-room/"))
    assert "We do not list local services for Bexley yet" in html
    assert "Kooth</a> (anywhere in England)" in html
    # Once the directory lists the borough's Local Offer, the list carries it, first.
    make_service(name="Bexley SEND Local Offer", borough=["bexley"], thrive=["getting-advice"])
    html = html_of(client.get("/signposting/bexley/waiting-room/"))
    assert "We do not list local services" not in html
    advice = html[html.index('id="group-getting-advice"') :]
    assert advice.index("Bexley SEND Local Offer") < advice.index("Kooth")


def test_the_footer_links_to_the_page_for_professionals(client):
    assert 'href="/signposting/">Posters and cards for professionals</a>' in html_of(
        client.get("/")
    )


def test_the_poster_cards_and_go_need_no_database(client, django_assert_num_queries):
    """What a QR code opens, and a poster's lines, work when the database does not."""
    with django_assert_num_queries(0):
        assert client.get("/go/westminster/").status_code == 302
        assert client.get("/signposting/westminster/poster/?setting=gp").status_code == 200
        assert client.get("/signposting/westminster/cards/").status_code == 200
        assert client.get("/signposting/westminster/qr-code.svg").status_code == 200


def test_a_qr_code_is_kept_by_the_browser_only(client):
    """Its address comes from the site's address: no shared cache may keep one for all."""
    cache_control = client.get("/signposting/westminster/qr-code.png")["Cache-Control"]
    assert "private" in cache_control and "public" not in cache_control
