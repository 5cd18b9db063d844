"""The benchmark driver's own logic (bench/run.py `all`): what it reads from wrk, how it sums rounds into the table,
and how it writes the README. Nothing here starts a server or touches a database."""

import re

import pytest

from bench import run

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8765/pl/appointments/bench-rush/x/?day=2026-12-04
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.10ms    5.00ms 110.00ms   90.00%
  Latency Distribution
     50%   19.00ms
     75%   22.00ms
     90%   25.00ms
     99%   41.50ms
  15000 requests in 10.00s, 50.00MB read
  Non-2xx or 3xx responses: 14968
Requests/sec:   1500.00
Transfer/sec:      5.00MB
script: 15000 expected, 0 unexpected (14968 answers as expected, 32 form GETs; unexpected statuses {})
"""


def _round(rps: float, minimal: float, *, p99: float = 40.0, unexpected: int = 0, requests: int = 100) -> dict:
    return {
        "requests_per_second": rps,
        "latency_ms": {"p50": 10.0, "p99": p99},
        "relative_to_minimal": rps / minimal,
        "socket_errors": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
        "non_2xx_3xx": 0,
        "script": {"expected": requests, "unexpected": unexpected, "detail": ""},
        "requests": requests,
    }


def test_a_scripted_run_counts_the_scripts_answers_not_wrks_non_2xx():
    figures = run.parse_wrk(WRK_OUTPUT)
    assert figures["requests_per_second"] == 1500.0
    assert figures["latency_ms"]["p99"] == 41.5
    assert figures["script"]["unexpected"] == 0
    assert run.row_errors(figures) == 0  # the 409s are what the refusal script expects


def test_a_run_without_any_answer_is_an_error():
    assert run.row_errors(_round(0.0, 1000.0, requests=0)) == 1


def test_the_row_is_the_median_of_the_rounds_and_its_share_the_median_of_each_rounds_share():
    target = run.Target("guide page, page cache", "/uk/guides/x/", goal=0.70, p99_limit_ms=20)
    rounds = [_round(700, 1000, p99=15), _round(900, 1000, p99=30), _round(800, 1000, p99=18)]
    row = run.median_row(target.label, target.path, rounds, target)
    assert (row["requests_per_second"], row["share"], row["p99_ms"]) == (800, 0.8, 18)
    assert run.row_met(row) is True
    assert run.row_met({**row, "p99_ms": 25.0}) is False  # share met, p99 not
    assert run.row_met({**row, "errors": 1}) is False
    assert run.row_met({**row, "goal": None}) is None


def test_the_table_names_the_date_the_minimal_view_and_whether_each_goal_is_met():
    minimal = run.median_row("minimal view", "/bench/minimal/", [_round(1000, 1000)])
    slow = run.median_row("search", "/uk/search/", [_round(50, 1000)], run.Target("search", "/", goal=0.10))
    table = run.all_table([minimal, slow], date="2026-12-01", minimal_rps=1000, rounds=1, duration=10, warmup=2)
    assert "2026-12-01" in table and "**1,000 requests/s**" in table
    assert "| minimal view `/bench/minimal/` | 1,000 |" in table
    assert re.search(r"\| search `/uk/search/` \| 50 \| .* \| 5% \| ≥ 10% \| \*\*no\*\* \| 0 \|", table)


def test_the_readme_table_goes_between_the_markers_and_nowhere_else():
    readme = f"intro\n{run.README_START}\nold table\n{run.README_END}\nrest\n"
    assert (
        run.readme_replace(readme, "new table\n") == f"intro\n{run.README_START}\nnew table\n{run.README_END}\nrest\n"
    )


@pytest.mark.parametrize(
    "readme",
    ["no markers at all", f"{run.README_START} only the start", f"{run.README_END} reversed {run.README_START}"],
)
def test_without_both_markers_the_readme_is_refused_clearly(readme):
    with pytest.raises(run.BenchError, match="bench:table:start"):
        run.readme_replace(readme, "table")


def test_all_has_its_own_defaults_and_the_other_scenarios_keep_theirs():
    every = run.parse_arguments(["all"])
    assert (every.rounds, every.duration, every.warmup, every.cases) == (3, 10, 2, 1_000_000)
    pages = run.parse_arguments(["pages"])
    assert (pages.duration, pages.warmup) == (15, 3)


def test_a_default_run_of_all_is_expected_to_take_at_most_twenty_minutes():
    assert sum(run.estimate_seconds(run.parse_arguments(["all"])).values()) <= 20 * 60


def test_search_queries_are_many_distinct_real_words_of_the_guides():
    phrases = run.search_phrases()
    assert len(phrases) == len(set(phrases)) >= 10_000  # enough for three rounds without asking one twice
    assert all(1 <= len(phrase.split()) <= 4 and not re.search(r"\d", phrase) for phrase in phrases)


def test_each_wrk_run_of_the_uncached_search_gets_queries_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "RESULTS_DIR", tmp_path)
    queries = run.SearchQueries(threads=2)
    warmup, measured = queries.args(2), queries.args(10)
    assert warmup[1:] == ["0", str(2 * run.SEARCH_MAX_RPS), "2"]
    assert measured[1] == str(2 * run.SEARCH_MAX_RPS)  # starts where the warm-up's range ends


def test_every_row_of_the_issue_is_measured_with_its_goal(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "RESULTS_DIR", tmp_path)
    targets = run.all_targets(day_path="/pl/appointments/bench-rush/p/?day=2026-12-04", cases=1000, threads=2)
    assert targets[0] == run.BASELINE
    goals = {target.label: target.goal for target in targets}
    assert sorted(goal for goal in goals.values() if goal is not None) == sorted(
        [0.30, 0.30, 0.15, 0.70, 0.70, 0.70, 0.50, 0.30, 0.10, 0.30, 0.30]
    )
    for target in targets[1:]:
        if target.wrk_script:  # plain GETs are checked for a 200; a script's flow by its own check
            assert target.check is not None, target.label
            assert (run.BENCH_DIR / target.wrk_script).is_file()
    assert any(dict(target.headers).get("HX-Request") == "true" for target in targets)


def test_the_refusal_posts_what_the_day_pages_form_sends():
    flow = run.RefusalFlow("/pl/appointments/bench-rush/p/?day=2026-12-04", "slot", "/details/")
    flow.slot = "42"
    assert flow.fields() == {"slot": "42", "people": "1", "day": "2026-12-04"}


def test_a_failed_flow_step_quotes_what_the_page_says():
    body = '<title>Case status</title><ul class="errorlist"><li>Check the number and the code.</li></ul>'
    assert run.page_says(body) == "; the page says: 'Check the number and the code.'"
