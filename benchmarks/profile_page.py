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
import time

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


if __name__ == "__main__":
    main()
