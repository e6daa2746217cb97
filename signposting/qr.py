"""QR codes, made on this server by segno: no third-party service or shortener sees a scan.

Each code holds the site's short, stable address for a borough (`/go/<borough>/`), never the
navigator's own address, so printed posters keep working when the navigator changes."""

import io

import segno

# Level Q recovers a quarter of the code: a poster that is creased, scuffed or half in shadow
# still scans. Four modules of quiet zone, as the standard asks.
ERROR_LEVEL = "q"
BORDER = 4


def make(url):
    return segno.make(url, error=ERROR_LEVEL, micro=False)


def svg(url, title, description):
    """A scalable image: for print, and for a school's newsletter. 1 unit a module; the page
    sets its size."""
    out = io.BytesIO()
    make(url).save(
        out,
        kind="svg",
        border=BORDER,
        title=title,
        desc=description,
        svgclass=None,
        lineclass=None,
        omitsize=True,  # scales to whatever box it is put in
    )
    return out.getvalue()


def png(url, scale=12):
    """A picture for documents that take no SVG: 12 pixels a module (about 5 cm wide at 300
    dpi for a 29-module code with its border)."""
    out = io.BytesIO()
    make(url).save(out, kind="png", scale=scale, border=BORDER)
    return out.getvalue()
