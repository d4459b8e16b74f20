"""The objects a worker starts with are frozen out of the collector's full passes
(woonoverlast/startup_heap.py), in gunicorn's workers and in Celery's pool processes."""

import gc
import runpy
from pathlib import Path

import pytest
from celery.signals import worker_process_init

from woonoverlast import startup_heap
from woonoverlast.celery import _freeze_startup_heap

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process goes on collecting as before


def test_freeze_moves_the_objects_of_now_out_of_collection(unfrozen):
    assert gc.get_freeze_count() == 0
    kept = [object() for _ in range(1000)]
    frozen = startup_heap.freeze()
    assert frozen == gc.get_freeze_count() > len(kept)
    later = [[] for _ in range(1000)]  # made afterwards: collected as usual
    assert gc.get_freeze_count() == frozen
    assert all(gc.is_tracked(item) for item in later)


def test_each_celery_pool_process_freezes_when_it_starts(unfrozen):
    assert _freeze_startup_heap in [ref() for _key, ref in worker_process_init.receivers]
    worker_process_init.send(sender=None)
    assert gc.get_freeze_count() > 0


def test_gunicorn_freezes_before_it_forks_a_worker(unfrozen):
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["preload_app"] is True
    conf["pre_fork"](server=None, worker=None)
    assert gc.get_freeze_count() > 0
