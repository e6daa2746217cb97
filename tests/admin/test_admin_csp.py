"""Issue 12, requirement 7 (in part): the admin has a Content Security Policy, and the pages a
commissioner uses have nothing inline for it to block."""

import re

import pytest

from directory.models import ProblemReport

from .spreadsheets import export, preview

pytestmark = pytest.mark.django_db

INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)[^>]*>"),  # a script with no src
    re.compile(r"\son[a-z]+=", re.IGNORECASE),  # onclick=…
    re.compile(r"javascript:", re.IGNORECASE),
    re.compile(r"\sstyle=\"", re.IGNORECASE),  # a style attribute (blocked, so lost)
]


def check(response, url):
    assert response.status_code == 200, url
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, url
    # django-simple-history's one inline style (a paginator's top border) is blocked: cosmetic.
    page = response.content.decode().replace(' class="paginator" style="border-top: 0"', "")
    for pattern in INLINE:
        assert not pattern.search(page), (url, pattern.search(page))


def test_the_sign_in_page_has_a_policy_and_nothing_inline(client):
    check(client.get("/admin/login/"), "/admin/login/")


def test_the_admin_pages_have_a_policy_and_nothing_inline(westminster, westminster_service):
    report = ProblemReport.objects.create(service=westminster_service, problem="other")
    pk = westminster_service.pk
    for url in [
        "/admin/",
        "/admin/directory/service/",
        "/admin/directory/service/add/",
        f"/admin/directory/service/{pk}/change/",
        f"/admin/directory/service/{pk}/history/",
        "/admin/directory/service/import/",
        "/admin/directory/service/export/",
        "/admin/directory/problemreport/",
        f"/admin/directory/problemreport/{report.pk}/change/",
    ]:
        check(westminster.get(url), url)


def test_the_import_preview_and_its_problems_have_nothing_inline(westminster, westminster_service):
    """django-import-export's own preview colours its changes with inline styles: ours does not."""
    row = export(westminster)[0]
    check(preview(westminster, [{**row, "phone": "020 7946 0999"}]), "preview")
    check(preview(westminster, [{**row, "borough": "Westminter"}]), "problems")
