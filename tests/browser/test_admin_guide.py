"""The commissioner's guide (docs/admin.md), walked in a real browser by a Westminster
commissioner at desktop width: each step asserts what they see and saves the guide's
screenshot to docs/images/admin/NN-name.png. The admin's Content Security Policy is enforced
here (not bypassed, as the public pages' tests do to inject axe-core): anything it blocks fails
the test.

The screenshots are written to docs/images/admin/ only with UPDATE_GUIDE_IMAGES=1 (they
differ at each run: dates, the QR code), otherwise to a temporary folder:

    UPDATE_GUIDE_IMAGES=1 SKIP_SETUP=1 scripts/test tests/browser/test_admin_guide.py

To add a step to the guide, add a `shot(page, "NN-name")` where the step's page is showing,
and the image to docs/admin.md."""

import csv
import datetime
import io
import os
import tempfile
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from directory.models import ProblemReport, Service
from tests.factories import make_organisation, make_service

from .conftest import AXE_SCRIPT, DESKTOP, ROOT, WCAG_TAGS

pytestmark = pytest.mark.django_db(transaction=True)

IMAGES = (
    ROOT / "docs" / "images" / "admin"
    if os.environ.get("UPDATE_GUIDE_IMAGES") == "1"
    else Path(tempfile.gettempdir()) / "findhelp-guide-images"
)
VIEWPORT = {"width": DESKTOP["width"], "height": 760}
PASSWORD = "a long test password"


def shot(page, name, top=True, full_page=False):
    """The guide's screenshot of the window (or the whole page, for a short one), from the
    top of the page unless top=False (the test has scrolled to the part that matters)."""
    IMAGES.mkdir(parents=True, exist_ok=True)
    if top:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(IMAGES / f"{name}.png"), full_page=full_page)


def code_for(device, steps_ahead=0):
    """The code the commissioner's authenticator app shows (or will, steps_ahead later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def axe_violations(page):
    """As conftest.axe_violations, for a page whose CSP is on: axe-core is run through the
    DevTools protocol (page.evaluate), which the policy does not govern, not a script tag."""
    page.evaluate(AXE_SCRIPT.read_text())
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => [v.id, v.help, v.nodes.map(n => n.target.join(' '))]);
        }""",
        WCAG_TAGS,
    )


@pytest.fixture
def westminster_directory(monkeypatch, settings):
    # live_server is plain HTTP; the secure cookies of production would not be sent back.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    monkeypatch.setenv("COMMISSIONER_PASSWORD", PASSWORD)
    call_command("create_commissioner", "wendy", "--borough=westminster", stdout=StringIO())
    reviewed = timezone.localdate() - datetime.timedelta(days=60)
    council = make_organisation(name="Westminster City Council")
    youth = make_service(
        name="Westminster Youth Counselling", slug="westminster-youth-counselling",
        borough=("westminster",), phone="020 7946 0001",
        confirmed_on=reviewed, confirmed_by="wendy",
        organisation=make_organisation(name="Youth Counselling Trust"),
    )  # fmt: skip
    make_service(
        name="Church Street Family Hub", slug="church-street-family-hub",
        borough=("westminster",), phone="020 7946 0002", organisation=council,
    )  # fmt: skip
    make_service(
        name="Paddington Parents' Group", slug="paddington-parents-group",
        borough=("westminster",), status=Service.Status.DRAFT, organisation=council,
    )  # fmt: skip
    make_service(name="Kensington CAMHS", borough=("kensington-and-chelsea",))
    ProblemReport.objects.create(
        service=youth, problem="contact", details="The phone number has changed to 020 7946 0999"
    )
    return youth


@pytest.fixture
def guide_page(browser, live_server, westminster_directory):
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)  # CSP on
    page = context.new_page()
    page.set_default_timeout(10_000)
    blocked = []

    def console(message):
        # Chrome asks every page for /favicon.ico; the admin has none (a 404, not a fault).
        if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
            blocked.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda error: blocked.append(str(error)))
    yield page
    context.close()
    assert blocked == [], "the browser reported errors (CSP or script): " + "\n".join(blocked)


def sign_in_with_password(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("wendy")
    page.get_by_label("Password").fill(PASSWORD)


def test_the_commissioners_guide(guide_page):
    page = guide_page

    # 1. Sign in: the password…
    sign_in_with_password(page)
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "01-sign-in")
    page.get_by_role("button", name="Log in").click()

    # 2. …then, the first time, set up the authenticator app with the QR code…
    page.get_by_role("heading", name="Set up your sign-in code").wait_for()
    qr = page.get_by_role("img", name="QR code to scan with your authenticator app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # data: allowed by CSP
    assert qr.evaluate("img => getComputedStyle(img).backgroundColor") == "rgb(255, 255, 255)"
    assert page.locator("#totp-key").inner_text().replace(" ", "").isalnum()
    assert axe_violations(page) == []
    shot(page, "02-set-up-code", full_page=True)
    device = TOTPDevice.objects.get(user__username="wendy")
    page.get_by_label("Code").fill(code_for(device))
    page.get_by_role("button", name="Confirm and sign in").click()
    page.locator("#your-boroughs").wait_for()

    # …and every later time, give the code the app shows.
    page.get_by_role("button", name="Log out").click()
    sign_in_with_password(page)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Enter your sign-in code").wait_for()
    page.get_by_label("Code").fill("000000" if code_for(device, 1) != "000000" else "111111")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    time.sleep(1.1)  # django-otp makes the next try wait a second after a wrong code
    page.get_by_label("Code").fill(code_for(device, 1))
    assert axe_violations(page) == []
    shot(page, "03-enter-code")
    page.get_by_role("button", name="Sign in").click()

    # 3. Find your services: the home page counts them for each of your boroughs.
    boroughs = page.locator("#your-boroughs")
    boroughs.wait_for()
    row = boroughs.get_by_role("row", name="Westminster")
    assert [cell.inner_text() for cell in row.get_by_role("cell").all()] == ["2", "1", "2", "1"]
    assert "Kensington" not in boroughs.inner_text()
    shot(page, "04-admin-home")
    row.get_by_role("link").first.click()  # the 2 published
    page.wait_for_url("**/service/?borough=westminster&status__exact=published")
    page.get_by_role("button", name="Toggle navigation").click()  # more room for the list
    results = page.locator("#result_list")
    expect(results.get_by_role("link", name="Westminster Youth Counselling")).to_be_visible()
    expect(results.get_by_role("link", name="Church Street Family Hub")).to_be_visible()
    assert "Kensington CAMHS" not in results.inner_text()
    assert "Paddington" not in results.inner_text()
    shot(page, "05-services-list")

    # 4. Edit a service.
    results.get_by_role("link", name="Westminster Youth Counselling").click()
    page.get_by_label("Phone").fill("020 7946 0999")
    page.get_by_role("heading", name="Contact").evaluate("heading => heading.scrollIntoView()")
    shot(page, "06-edit-service", top=False)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    assert Service.objects.get(slug="westminster-youth-counselling").phone == "020 7946 0999"

    # 5. Mark as reviewed: choose services, the action, Go.
    page.goto("/admin/directory/service/?borough=westminster&review=due")
    results = page.locator("#result_list")
    expect(results.get_by_role("link", name="Church Street Family Hub")).to_be_visible()
    page.get_by_role("checkbox", name="Select this object for an action - Church Street").check()
    page.locator("select[name=action]").select_option(
        label="Mark as confirmed with the service today"
    )
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist .success")).to_have_text(
        "1 marked as confirmed with the service today."
    )
    expect(page.locator(".messagelist .warning")).to_have_count(0)
    assert "Church Street Family Hub" not in page.locator("#changelist").inner_text()
    shot(page, "07-mark-reviewed")
    confirmed = Service.objects.get(slug="church-street-family-hub")
    assert (confirmed.confirmed_on, confirmed.confirmed_by) == (timezone.localdate(), "wendy")

    # 6. Handle a report: the list, then mark it resolved once the page is right.
    page.goto("/admin/")
    page.locator("#your-boroughs").get_by_role("row", name="Westminster").get_by_role(
        "link"
    ).last.click()
    results = page.locator("#result_list")
    assert "The phone number has changed" in results.inner_text()
    shot(page, "08-reports")
    results.get_by_role("checkbox").last.check()
    page.locator("select[name=action]").select_option(label="Mark resolved")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist .success")).to_have_text("1 marked resolved.")
    shot(page, "09-report-resolved")
    report = ProblemReport.objects.get()
    assert report.status == ProblemReport.Status.RESOLVED
    assert report.resolved_by.username == "wendy"

    # 7. Spreadsheets: export the list, change a cell, upload it for a preview, confirm.
    page.goto("/admin/directory/service/?borough=westminster")
    page.get_by_role("link", name="Export").click()
    page.get_by_label("Format").select_option(label="csv")
    shot(page, "10-export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Submit").click()
    exported = Path(download.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
    assert {row["slug"] for row in rows} == {
        "westminster-youth-counselling",
        "church-street-family-hub",
        "paddington-parents-group",
    }
    for row in rows:
        if row["slug"] == "church-street-family-hub":
            row["opening_hours"] = "Monday to Friday, 9am to 5pm"
    folder = Path(tempfile.mkdtemp())

    def upload(rows, name):
        path = folder / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        page.goto("/admin/directory/service/import/")
        page.get_by_label("File to import").set_input_files(str(path))
        page.get_by_label("Format").select_option(label="csv")
        page.get_by_role("button", name="Submit").click()

    # A mistyped borough: said in plain words, with what was meant, and nothing to confirm.
    mistyped = [dict(row) for row in rows]
    mistyped[-1]["borough"] = "Westminter"
    upload(mistyped, "mistyped.csv")
    expect(
        page.get_by_text("'Westminter' is not a borough — did you mean Westminster?")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    shot(page, "11-import-problems")

    upload(rows, "westminster.csv")
    preview = page.locator("table.import-preview")
    church = preview.get_by_role("row", name="Church Street Family Hub")
    expect(church).to_contain_text("Change")
    expect(church).to_contain_text("Monday to Friday, 9am to 5pm")
    expect(preview.get_by_role("row", name="Paddington")).to_contain_text("No change")
    shot(page, "12-import-preview")
    page.get_by_role("button", name="Confirm import").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    shot(page, "13-import-done")
    church_street = Service.objects.get(slug="church-street-family-hub")
    assert church_street.opening_hours == "Monday to Friday, 9am to 5pm"


def test_what_the_policy_blocks_is_caught(browser, live_server, westminster_directory):
    """The check above can fail: django-simple-history's paginator has an inline style, which
    the policy blocks, and the browser says so."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.admin.helpers import sign_in

    client = sign_in(Client(), get_user_model().objects.get(username="wendy"))
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(f"/admin/directory/service/{westminster_directory.pk}/history/")
    expect(page.get_by_role("heading", name="Change history")).to_be_visible()
    context.close()
    assert any("Content Security Policy" in message for message in messages), messages
