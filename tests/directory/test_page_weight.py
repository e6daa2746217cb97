"""Every public page, with everything it loads, under 50 KB as the app itself sends it: the
page gzipped by the site (config/page_cache.py), the CSS, JS and images as WhiteNoise serves
them to a browser that takes gzip. A size, not a timing, so it holds on any machine."""

import re

import pytest

BUDGET = 50 * 1024
ASSET = re.compile(
    r"""<(?:link[^>]+href|script[^>]+src|img[^>]+src)=["'](/static/[^"']+)["']""", re.IGNORECASE
)
CSS_URL = re.compile(r"""url\(["']?(/static/[^"')]+)["']?\)""")
PAGES = [
    "/",
    "/services/",
    "/services/?borough=westminster&age=15",
    "/services/?q=anxiety",
    "/services/kooth-bi-borough/",
    "/help/",
    "/help/results/?who=young-person&age=15&borough=westminster&need=anxiety&impact=a-lot"
    "&urgent=no",
    "/urgent-help/",
    "/shortlist/?service=kooth-bi-borough&service=childline",
    "/privacy/",
]


def sent(client, url):
    """(bytes on the wire, body as the browser reads it) for a gzip-accepting browser."""
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip", follow=True)
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    size = len(body)
    if response.get("Content-Encoding") == "gzip":
        import gzip

        body = gzip.decompress(body)
    return size, body


def transferred(client, url):
    size, html = sent(client, url)
    sizes = {url: size}
    assets = ASSET.findall(html.decode())
    for asset in assets:
        sizes[asset], body = sent(client, asset)
        if asset.split("?")[0].endswith(".css"):
            for image in CSS_URL.findall(body.decode()):
                sizes[image] = sent(client, image)[0]
    return sizes


@pytest.mark.parametrize("url", PAGES)
def test_every_public_page_is_under_50_kb_with_its_assets(client, real_directory_read, url):
    sizes = transferred(client, url)
    assert any(name.endswith(".css") for name in sizes)
    assert sum(sizes.values()) < BUDGET, sizes


def test_pages_are_sent_gzipped(client, real_directory_read):
    response = client.get("/services/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < 12 * 1024
