#!/bin/sh
# Creates the application role that web, worker and beat log in as, or brings its password
# up to date (ADR 0016). The role owns nothing; `manage.py grant_app_role`, which the
# `migrate` service runs as the owner after every migrate, gives it its privileges.
#
# docker-compose.yml mounts this into the postgres image's /docker-entrypoint-initdb.d, which
# runs it once, when it initialises an empty data volume. For a volume made before the two
# roles, run it once by hand, then restart: docker compose exec postgres sh \
#   /docker-entrypoint-initdb.d/10-app-role.sh && docker compose up -d
set -eu
: "${POSTGRES_APP_USER:?set POSTGRES_APP_USER}" "${POSTGRES_APP_PASSWORD:?set POSTGRES_APP_PASSWORD}"

# psql fills in :'app_user' and :'app_password' as quoted literals, and format() quotes the
# name and the password again for the statements \gexec runs.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_user="$POSTGRES_APP_USER" -v app_password="$POSTGRES_APP_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I', :'app_user')
    WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format(
    'ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
    'PASSWORD %L', :'app_user', :'app_password') \gexec
SQL
