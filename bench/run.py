"""Server time and page weight for Find Help at a realistic size. See bench/README.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/findhelp_bench \
        .venv/bin/python bench/run.py --services 50000 --requests 200

Sets up the database it is given (migrate, load_directory, generate_directory up to the
target), then sends a fixed, seeded mix of requests through Django in-process with
django.test.Client and reports p50/p95/max per group as a markdown table. No network: nothing
listens on a port, and it stops after the fixed number of requests.

Django and the project's modules are imported inside the functions that run after
django.setup() (configure_environment() chooses the settings first).
"""

import argparse
import datetime
import gzip
import math
import os
import platform
import random
import re
import sys
import time
from pathlib import Path

from request_mix import request_groups  # bench/request_mix.py: run.py runs as a script

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100
BUDGET_BYTES = 80 * 1024
WARM_UP = 5


def configure_environment():
    """Enough settings to run standalone, without touching anything already set."""
    if not os.environ.get("DATABASE_URL"):
        sys.exit(
            "Set DATABASE_URL to the database to measure, e.g. "
            "postgres://postgres@127.0.0.1:5432/findhelp_bench (it will be filled with "
            "generated services)."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault(
        "DJANGO_SECRET_KEY", "benchmark-only-secret-key-not-for-production-fifty-characters"
    )
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_DEBUG"] = "0"  # measure what production runs: no debug toolbar, caching
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    # Server time is the work a page takes: the same URL asked twice must not come from the
    # page cache (directory/caching.py). bench/load measures throughput with it.
    os.environ["FINDHELP_PAGE_CACHE"] = "0"
    sys.path.insert(0, str(ROOT))


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


class QueryCounter:
    """Counts the database queries a request makes, at negligible cost to its timing."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure_one(client, url, result):
    """Time one request and add it to the group's result."""
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    result["timings"].append((elapsed, url))
    result["queries"].add(counter.count)
    statuses = result["statuses"]
    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1


def measure_groups(client, groups, time_limit):
    """Timings in ms, query counts and statuses for every group's URLs, after a warm-up.

    The requests take turns round the groups (the first of each, then the second of each…),
    so a change in the machine's speed during the run, which on these shared machines can be
    twofold, falls on every group alike. Stops early, and says so, after time_limit seconds
    per group.
    """
    results = {name: {"timings": [], "statuses": {}, "queries": set()} for name, _ in groups}
    for _, urls in groups:
        for url in urls[:WARM_UP]:
            client.get(url)
    deadline = time.monotonic() + time_limit * len(groups)
    for position in range(max((len(urls) for _, urls in groups), default=0)):
        if position and time.monotonic() > deadline:
            break
        for name, urls in groups:
            if position < len(urls):
                measure_one(client, urls[position], results[name])
    for (_, urls), result in zip(groups, results.values(), strict=True):
        result["queries"] = sorted(result["queries"])
        result["stopped"] = len(result["timings"]) < len(urls)
    return results


def summarise(name, result):
    if result is None:
        return f"| {name} | not available (404) | | | | | | |"
    times = sorted(elapsed for elapsed, _ in result["timings"])
    p95 = percentile(times, 0.95)
    statuses = ", ".join(f"{code}×{n}" for code, n in sorted(result["statuses"].items()))
    queries = result["queries"]
    query_range = f"{queries[0]}" if len(queries) == 1 else f"{queries[0]}–{queries[-1]}"
    verdict = "met" if p95 < TARGET_MS and all(c < 500 for c in result["statuses"]) else "MISSED"
    if result["stopped"]:
        verdict = f"MISSED (stopped after {len(times)}: over the time limit)"
    return (
        f"| {name} | {len(times)} | {percentile(times, 0.5):.1f} | {p95:.1f} | {times[-1]:.1f} "
        f"| {query_range} | {statuses} | {verdict} |"
    )


# Page weight -------------------------------------------------------------------------------

ASSET_PATTERN = re.compile(
    r"""<(?:link[^>]+rel=["']?stylesheet["']?[^>]*href|script[^>]+src)=["']([^"']+)["']""",
    re.IGNORECASE,
)
ASSET_PATTERN_HREF_FIRST = re.compile(
    r"""<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?stylesheet""", re.IGNORECASE
)


def gzip_size(content):
    return len(gzip.compress(content, compresslevel=6))


def asset_size(url):
    """Bytes a browser receives for a static file: the .gz WhiteNoise serves, if there is one."""
    from django.conf import settings

    relative = url.split("?")[0].removeprefix(settings.STATIC_URL)
    path = Path(settings.STATIC_ROOT) / relative
    compressed = path.with_name(path.name + ".gz")
    if compressed.exists():
        return compressed.stat().st_size, "gzip (.gz)"
    if path.exists():
        return gzip_size(path.read_bytes()), "gzip (computed)"
    return None, "missing from STATIC_ROOT"


def page_weight(client, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    if response.status_code != 200:
        return [f"{url} answered {response.status_code}; no page weight measured."]
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        html_bytes, how = len(content), "gzip (by the site)"
        content = gzip.decompress(content)
    else:
        html_bytes, how = gzip_size(content), "gzip level 6 (as a front server would)"
    html = content.decode()
    assets = list(
        dict.fromkeys(ASSET_PATTERN.findall(html) + ASSET_PATTERN_HREF_FIRST.findall(html))
    )
    rows = [f"| {url} (HTML, {len(content):,} bytes raw) | {html_bytes:,} | {how} |"]
    total = html_bytes
    for asset in assets:
        size, asset_how = asset_size(asset)
        rows.append(f"| {asset} | {size if size is None else f'{size:,}'} | {asset_how} |")
        total += size or 0
    verdict = "met" if total < BUDGET_BYTES else "MISSED"
    return [
        "| what | bytes transferred | how |",
        "| --- | ---: | --- |",
        *rows,
        f"| **total** | **{total:,}** ({total / 1024:.1f} KB) | budget 80 KB: {verdict} |",
    ]


# Set-up ------------------------------------------------------------------------------------


def prepare_database(target, seed):
    from django.core.management import call_command

    from directory.models import Service

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    if (ROOT / "fixtures" / "directory.json").exists():
        call_command("load_directory", verbosity=0)
    generated = Service.objects.filter(slug__startswith="gen-").count()
    if generated < target:
        print(f"Generating {target - generated} services (this takes a minute)…", file=sys.stderr)
        call_command("generate_directory", services=target, seed=seed, verbosity=0)
    # No VACUUM here: the bulk commands run ANALYZE on what they wrote (directory/maintenance.py),
    # so this measures the site as it is straight after a load or an import.
    return generated < target


def cpu_speed_ms():
    """Milliseconds for a fixed pure-Python loop: how fast this machine was just now.

    The machines here share their cores, and their speed varies by 2x from hour to hour; the
    figure lets two reports be compared fairly.
    """
    best = math.inf
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        best = min(best, time.perf_counter() - start)
    return best * 1000


def describe_machine():
    from django import get_version
    from django.db import connection

    from directory.models import Service

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = connection.vendor
    return [
        f"- date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"- machine: {os.cpu_count()} CPU cores, {platform.machine()}, {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}, Django {get_version()}, {database}",
        f"- services: {Service.objects.count():,} ({Service.objects.published().count():,} "
        "published)",
        f"- CPU speed: a 1,000,000-step Python loop took {cpu_speed_ms():.0f} ms (lower is "
        "faster; the same loop is timed again at the end of the report)",
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=50_000, help="generated services wanted")
    parser.add_argument("--requests", type=int, default=200, help="requests per group")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--time-limit",
        type=float,
        default=60,
        help="seconds per group before it stops early (a page far over target)",
    )
    options = parser.parse_args(argv)

    configure_environment()
    import django

    django.setup()
    import logging

    from django.test import Client

    logging.getLogger("django.request").setLevel(logging.ERROR)  # 404s are reported below
    generated_now = prepare_database(options.services, options.seed)

    client = Client(raise_request_exception=False)
    rng = random.Random(options.seed)
    setup = (
        "generated in this run, measured straight after (generate_directory's own ANALYZE, "
        "no VACUUM)"
        if generated_now
        else "reused from an earlier run (no VACUUM by this script)"
    )
    lines = ["## Environment", "", *describe_machine(), f"- data: {setup}"]
    lines += ["- page cache: off (each request does the whole work; bench/load measures it on)"]
    lines += ["", "## Server time (ms)", ""]
    lines += [
        "| group | requests | p50 | p95 | max | queries per request | statuses | "
        f"p95 < {TARGET_MS} ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    groups, built = [], {}
    for name, probe_url, urls in request_groups(rng, options.requests):
        if probe_url not in built:  # a 404 here means the page is not built yet
            built[probe_url] = client.get(probe_url).status_code != 404
        groups.append((name, urls if built[probe_url] else []))
    print(f"Measuring {len(groups)} groups, in turn…", file=sys.stderr)
    results = measure_groups(client, [(n, u) for n, u in groups if u], options.time_limit)
    slowest = []
    for name, _ in groups:
        result = results.get(name)
        lines.append(summarise(name, result))
        if result:
            elapsed, url = max(result["timings"])
            slowest.append(f"- {name}: {elapsed:.1f} ms `{url}`")
    lines += ["", "Slowest request in each group:", "", *slowest]
    lines += ["", "## Bytes transferred for /services/", "", *page_weight(client, "/services/")]
    lines += ["", f"CPU speed at the end: the same loop took {cpu_speed_ms():.0f} ms."]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
