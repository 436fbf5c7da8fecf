"""Where one page's time goes: its SQL (each query's time) and its Python (cProfile), in process.

DATABASE_URL=postgres://postgres@127.0.0.1:5432/memnun_bench \
    .venv/bin/python benchmarks/profile_page.py "staff API queue (QM)" [--top 25] [--sql]

The targets, people and sessions are those of `benchmarks/pages.py` (same settings, same
accounts); the request goes through Django's test client after two warm-up requests, so the
figures leave out HTTP and gunicorn. Prints figures; asserts nothing.
"""

import argparse
import cProfile
import io
import pstats
import statistics
import time
from pathlib import Path

import pages  # noqa: F401  (settings, django.setup())
from django.db import connection
from django.test import Client


class QueryTimer:
    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append(((time.perf_counter() - started) * 1000, sql))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", help="a target name of benchmarks/pages.py")
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    parser.add_argument("--sql", action="store_true", help="print every query's text")
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime...")
    parser.add_argument(
        "--packages", action="store_true", help="also sum own time by package (django.template...)"
    )
    parser.add_argument(
        "--loop",
        type=int,
        default=0,
        help="then time this many requests without the profiler, and the bare view alike",
    )
    options = parser.parse_args()
    people = pages.people_and_pages()
    chosen = {target.name: target for target in pages.targets(*people["targets"])}
    target = chosen[options.target]
    client = Client(HTTP_ACCEPT_LANGUAGE="tr", HTTP_HOST="127.0.0.1")
    client.cookies.load(pages.session_cookie(people[target.who]))
    for _ in range(2):
        assert client.get(target.url).status_code == 200
    timer = QueryTimer()
    profile = cProfile.Profile()
    started = time.perf_counter()
    with connection.execute_wrapper(timer):
        profile.enable()
        response = client.get(target.url)
        profile.disable()
    total = (time.perf_counter() - started) * 1000
    sql_ms = sum(ms for ms, _sql in timer.queries)
    print(f"{target.name}: {target.url} -> {response.status_code}, {total:.1f} ms under cProfile")
    print(f"{len(timer.queries)} queries, {sql_ms:.1f} ms of SQL:")
    for ms, sql in sorted(timer.queries, reverse=True):
        print(f"  {ms:7.2f} ms  {sql if options.sql else sql[:150]}")
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out).sort_stats(options.sort)
    stats.print_stats(options.top)
    print(f"{stats.total_calls} Python calls")
    print(out.getvalue())
    if options.packages:
        print_packages(stats)
    if options.loop:
        bare = Client(HTTP_ACCEPT_LANGUAGE="tr", HTTP_HOST="127.0.0.1")
        bare.cookies.load(pages.session_cookie(people[target.who]))
        floor, page = loop([(bare, "/bench/bare/"), (client, target.url)], options.loop)
        print(f"in process, median of {options.loop} (wall ms, this process's CPU ms):")
        print(f"  bare view  {floor[0]:6.2f} {floor[1]:6.2f}")
        print(f"  {target.name}  {page[0]:6.2f} {page[1]:6.2f}  ({page[0] / floor[0]:.1f}× wall)")


def loop(requests: list[tuple[Client, str]], count: int) -> list[tuple[float, float]]:
    """Median wall and CPU milliseconds of each (client, url), asked in turn `count` times
    (after two untimed rounds), so that a busy moment falls on all of them alike."""
    walls = [[] for _ in requests]
    cpus = [[] for _ in requests]
    for round_number in range(count + 2):
        for index, (client, url) in enumerate(requests):
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            if round_number >= 2:
                walls[index].append((time.perf_counter() - wall) * 1000)
                cpus[index].append((time.process_time() - cpu) * 1000)
    return [
        (statistics.median(wall), statistics.median(cpu))
        for wall, cpu in zip(walls, cpus, strict=True)
    ]


def package_of(filename: str) -> str:
    """`.../site-packages/django/template/base.py` -> `django.template`; this project's files
    by app (`workflow`, `portal`...); the standard library as `python`."""
    path = Path(filename)
    if "site-packages" in path.parts:
        rest = path.parts[path.parts.index("site-packages") + 1 :]
        return ".".join(part.removesuffix(".py") for part in rest[:2])
    if path.is_relative_to(pages.ROOT):
        return path.relative_to(pages.ROOT).parts[0]
    return "python"


def print_packages(stats: pstats.Stats) -> None:
    """Own time (tottime) summed by package, largest first."""
    totals: dict[str, float] = {}
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        package = package_of(filename)
        totals[package] = totals.get(package, 0.0) + tottime
    whole = sum(totals.values()) or 1.0
    print("own time by package:")
    for package, seconds in sorted(totals.items(), key=lambda item: -item[1])[:30]:
        print(f"  {seconds * 1000:8.2f} ms {100 * seconds / whole:5.1f}%  {package}")


if __name__ == "__main__":
    main()
