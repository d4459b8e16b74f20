"""Get the load test's database ready and write the logins of its users to a JSON file.

    python -m tests.load.prepare LOGINS.json      (run by scripts/load.sh, not by hand)

Creates the database of DATABASE_URL when it is missing (the load script points that at
`woonoverlast_load`), migrates it, seeds the demo data (seed_demo, with DEMO_PASSWORD) and
gives each browsing demo user that password and fresh backup codes. The load test logs in as
production does, password then second factor: a backup code is a second factor like an app
code, but one that sixteen simultaneous users can each use once without waiting for the
next 30-second TOTP window.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from pathlib import Path

# The partners who browse cases and meetings in the demo data (not the administrators).
USERNAMES = ["consulent", "consulent-b", "coordinator", "gemeente", "politie", "ggd"]


def main(out: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "woonoverlast.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection

    from cases.bench.database import ensure_database
    from partners import twofactor
    from partners.models import User

    password = os.environ["DEMO_PASSWORD"]
    name = connection.settings_dict["NAME"]
    created = ensure_database(connection.settings_dict, name)
    print(f"load: database {name}{' (new)' if created else ''}; migrating and seeding")
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())  # its list of logins is not for here
    logging.getLogger("woonoverlast.security").setLevel(logging.WARNING)  # a line per user
    hashed = make_password(password)  # once: hashing is deliberately slow
    users = {}
    for username in USERNAMES:
        user = User.objects.get(username=username)
        user.password = hashed  # seed_demo keeps the password of users that exist
        user.save(update_fields=["password"])
        users[username] = twofactor.new_backup_codes(user)
    out.write_text(json.dumps({"password": password, "users": users}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
