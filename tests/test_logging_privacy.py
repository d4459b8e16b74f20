"""No personal data in logged URLs: the access log leaves out query strings and the Referer."""

import runpy
from datetime import timedelta
from pathlib import Path

from gunicorn.config import Config
from gunicorn.glogging import Logger

ROOT = Path(__file__).resolve().parent.parent


class _Response:
    status = "200 OK"
    sent = 512
    headers = [("Content-Type", "text/html")]


def test_gunicorn_access_log_line_has_no_search_terms():
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    config = Config()
    config.set("access_log_format", conf["access_log_format"])
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/zaken/?q=Jansen+Dorpsstraat",
        "PATH_INFO": "/zaken/",
        "QUERY_STRING": "q=Jansen+Dorpsstraat",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": "https://woonoverlast.example.nl/zaken/?q=de+Vries",
        "HTTP_USER_AGENT": "Firefox",
    }
    logger = Logger(config)
    atoms = logger.atoms(_Response(), [], environ, timedelta(milliseconds=12))
    line = conf["access_log_format"] % atoms
    assert '"GET /zaken/ HTTP/1.1" 200' in line
    assert "Jansen" not in line and "Vries" not in line and "q=" not in line


def test_the_image_and_compose_start_gunicorn_where_it_finds_this_config():
    # gunicorn reads ./gunicorn.conf.py from its working directory; both start it in /app.
    assert "WORKDIR /app" in (ROOT / "Dockerfile").read_text()
    assert "--access-logformat" not in (ROOT / "Dockerfile").read_text()
    assert "--access-logformat" not in (ROOT / "docker-compose.yml").read_text()
