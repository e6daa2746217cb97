"""Reads the ONS Postcode Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL)
into the Postcode table: each London postcode and its borough.

Both are CSV files with one row per postcode. The postcode is in `pcds` ("W10 5XY"), or `pcd`,
`pcd7`, `pcd8`; the local authority's GSS code in `oslaua` (ONSPD), `laua` (NSPL) or, in the
newer files, a column named after the year's boundaries (`lad23cd`, `lad24cd`…). (`oslaud` is
accepted too.) Only London
boroughs (codes starting E09) are kept. The file is read a row at a time, so the full
directory (2.7 million rows, over 1 GB) never sits in memory. Loading replaces the whole
table in one transaction, so it is safe to run again and a failed load changes nothing.
"""

import csv
import re
from dataclasses import dataclass

from django.db import transaction

from directory.models import Borough, Postcode
from directory.models.postcodes import compact_postcode

POSTCODE_COLUMNS = ("pcds", "pcd", "pcd7", "pcd8", "postcode")
AUTHORITY_COLUMNS = re.compile(r"^(oslaua|oslaud|laua|lad\d{2}cd|ladcd|lad_code|lacode)$")
LONDON_PREFIX = "E09"
BATCH_SIZE = 5000
FULL_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$")


class PostcodeFileError(ValueError):
    """The file is not a postcode directory this loader can read."""


@dataclass
class PostcodeLoadReport:
    rows: int = 0
    loaded: int = 0
    outside_london: int = 0
    unreadable: int = 0
    unknown_codes: frozenset = frozenset()


def _columns(header):
    names = {name.strip().lower(): name for name in header or []}
    postcode = next((names[c] for c in POSTCODE_COLUMNS if c in names), None)
    authorities = sorted(name for name in names if AUTHORITY_COLUMNS.match(name))
    if postcode is None or not authorities:
        raise PostcodeFileError(
            "expected a postcode column (pcds, pcd…) and a local authority column (oslaud, "
            f"laua, lad23cd…); the header has: {', '.join(header or []) or 'nothing'}"
        )
    # The older name first (oslaud, laua), else the latest year's boundaries.
    preferred = [n for n in authorities if n in ("oslaua", "oslaud", "laua")] or authorities[::-1]
    return postcode, names[preferred[0]]


def load_postcodes_file(handle):
    """Replace the Postcode table with the London rows of an ONSPD/NSPL CSV file (an open
    text file). Returns a PostcodeLoadReport."""
    reader = csv.DictReader(handle)
    postcode_column, authority_column = _columns(reader.fieldnames)
    boroughs = {borough.gss_code: borough for borough in Borough.objects.all()}
    report = PostcodeLoadReport()
    unknown = set()
    seen = set()
    with transaction.atomic():
        Postcode.objects.all().delete()
        batch = []
        for row in reader:
            report.rows += 1
            code = (row.get(authority_column) or "").strip().upper()
            if not code.startswith(LONDON_PREFIX):
                report.outside_london += 1
                continue
            postcode = compact_postcode(row.get(postcode_column))
            borough = boroughs.get(code)
            if borough is None:
                unknown.add(code)
            if borough is None or not FULL_POSTCODE.match(postcode) or postcode in seen:
                report.unreadable += 1
                continue
            seen.add(postcode)
            batch.append(Postcode(postcode=postcode, borough=borough))
            if len(batch) >= BATCH_SIZE:
                Postcode.objects.bulk_create(batch)
                report.loaded += len(batch)
                batch = []
        Postcode.objects.bulk_create(batch)
        report.loaded += len(batch)
    report.unknown_codes = frozenset(unknown)
    return report
