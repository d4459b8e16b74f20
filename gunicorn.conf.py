"""gunicorn settings, read from the working directory (/app in the image) on every start.

The access log records the path without its query string and without the Referer: the case
list search sends names and addresses as ?q=..., and those must not end up in log files.

Workers and threads were chosen with `make load` (docs/adr/0027-load-test.md); WEB_CONCURRENCY
and GUNICORN_THREADS override them for a machine with more cores.
"""

import os

from woonoverlast import startup_heap

access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)s'
accesslog = "-"

workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Django and the apps are imported once in the master, before the workers are forked: they
# start at once and share those pages of memory.
preload_app = True


def pre_fork(server, worker):
    # The loaded application, once more for each worker forked: see woonoverlast/startup_heap.py.
    startup_heap.freeze()
