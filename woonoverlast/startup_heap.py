"""Keep the objects a process starts with out of the garbage collector's full passes.

A worker process holds a few hundred thousand objects from its start (Django, the apps,
their modules and caches) that live as long as it does. Python's oldest-generation
collection walks all of them each time it runs, and rendering a PDF allocates enough to
run it once or twice per agenda: about 100 ms each time, a fifth of an agenda PDF's time
(`make bench-agenda`, docs/adr/0028). `gc.freeze()` moves what exists now into a permanent
generation that collections skip; what the process creates later is collected as before.
Called once per process, after the application is loaded and before the work starts:
gunicorn's master before it forks its workers (gunicorn.conf.py; with `preload_app` the
workers share those pages), each Celery pool process when it starts (woonoverlast/celery.py).
"""

import gc


def freeze() -> int:
    """Freeze the objects that exist now; the number frozen in all."""
    gc.collect()  # no garbage of the start goes into the permanent generation
    gc.freeze()
    return gc.get_freeze_count()
