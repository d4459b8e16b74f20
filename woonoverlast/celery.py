import os

from celery import Celery
from celery.signals import worker_process_init

from woonoverlast import startup_heap

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "woonoverlast.settings")

app = Celery("woonoverlast")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The units inside cases/ (docs/adr/0017) keep their tasks beside their services.
app.autodiscover_tasks(["cases.notifications", "cases.retention", "cases.documents.inzage"])


@worker_process_init.connect
def _freeze_startup_heap(**_kwargs):
    startup_heap.freeze()
