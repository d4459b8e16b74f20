"""The load test's CPU accounting (tests/load/cpu.py, tests/load/summary.py)."""

import json
import os
import subprocess
import sys

from tests.load import cpu, summary

BURN = "end = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"


def test_a_process_tree_sample_grows_with_the_cpu_its_children_use():
    child = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            sys.executable,
            "-c",
            f"import sys, time\nsys.stdin.readline()\n{BURN}print(flush=True)\n"
            "sys.stdin.readline()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        before = cpu.sample(os.getpid())["gunicorn"]
        child.stdin.write("go\n")
        child.stdin.flush()
        child.stdout.readline()  # burnt 0.3 s of CPU, still running
        after = cpu.sample(os.getpid())["gunicorn"]
    finally:
        child.kill()
        child.wait()
    assert after - before >= 0.25


def test_run_records_the_cpu_time_of_the_command(tmp_path):
    out = tmp_path / "locust.json"
    assert cpu.main(["run", str(out), "--", sys.executable, "-c", f"import time\n{BURN}"]) == 0
    assert json.loads(out.read_text())["locust"] >= 0.25


def test_the_summary_divides_the_cpu_by_the_requests_and_caps_the_rate(tmp_path, monkeypatch):
    before, after, locust = (tmp_path / name for name in ("b.json", "a.json", "l.json"))
    before.write_text(json.dumps({"gunicorn": 10.0, "postgresql": 5.0}))
    after.write_text(json.dumps({"gunicorn": 40.0, "postgresql": 11.0}))
    locust.write_text(json.dumps({"locust": 4.0}))
    monkeypatch.setattr(summary.os, "cpu_count", lambda: 2)
    line = summary.cpu_per_request(1000, before, after, locust)
    assert line == (
        "CPU per verzoek: gunicorn 30.0 ms, postgresql 6.0 ms, locust 4.0 ms; samen 40.0 ms: "
        "2 kernen geven hooguit 50 verzoeken/s"
    )
