"""A worker killed in the middle of the reminder sweep: the task is redelivered, and the
reminders it had already created are not created twice."""

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from cases.models import Notification, Stage
from cases.notifications.tasks import sweep_reminders
from tests.factories import make_case, seed_reference_data, set_case_state

ROOT = Path(__file__).resolve().parents[2]
CASES = 200  # enough that the kill lands mid-sweep; case set-up is most of the time

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not settings.CELERY_BROKER_URL.startswith("redis"),
        reason="redelivery after a worker's death is a Redis broker feature",
    ),
]


def _start_worker(queue: str) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        # Longer than the worker's restart: the redelivery comes from the periodic scan for
        # expired tasks, not from the one a starting worker happens to make.
        "CELERY_VISIBILITY_TIMEOUT": "8",
    }
    return subprocess.Popen(  # noqa: S603 (a fixed command line, no outside input)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "woonoverlast",
            "worker",
            "--pool=solo",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            queue,
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_loses_no_reminder_and_duplicates_none(consulent):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs the PostgreSQL test database")
    seed_reference_data()
    consulent.email = ""  # no e-mail tasks: this test is about the sweep itself
    consulent.save()
    long_ago = timezone.now() - timedelta(days=60)
    melding = Stage.objects.get(workflow__name="Standaard woonoverlast", code="melding")
    for _ in range(CASES):
        case = make_case(consulent)
        set_case_state(case, consulent, stage=melding, stage_entered_at=long_ago)
    created = lambda: Notification.objects.filter(recipient=consulent).count()  # noqa: E731

    queue = f"test-redelivery-{uuid.uuid4().hex[:8]}"
    first = _start_worker(queue)
    try:
        sweep_reminders.apply_async(queue=queue)
        assert _wait_for(lambda: created() >= 20, timeout=60), "the sweep did not start"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        done_when_killed = created()
        assert done_when_killed < 2 * CASES, "the sweep finished before the kill; raise CASES"
    finally:
        if first.poll() is None:
            first.kill()

    second = _start_worker(queue)
    try:
        # Stage over target and far over target: two reminders per case, once each.
        assert _wait_for(lambda: created() == 2 * CASES, timeout=90), (
            f"after redelivery {created()} of {2 * CASES} reminders exist"
        )
        time.sleep(3)  # a duplicate delivery would show up here
        assert created() == 2 * CASES
        per_key = Notification.objects.values("key").distinct().count()
        assert per_key == 2 * CASES
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=15)
        except subprocess.TimeoutExpired:
            second.kill()
