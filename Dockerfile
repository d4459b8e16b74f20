# Production image for Woonoverlast: gunicorn (web), Celery worker and Celery beat all run
# from this image; see docker-compose.yml.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    WOONOVERLAST_VAR_DIR=/var/lib/woonoverlast \
    MEDIA_ROOT=/var/lib/woonoverlast/media \
    STATIC_ROOT=/app/staticfiles \
    STATIC_MANIFEST=true \
    DEBUG=false

# The libraries WeasyPrint loads to render PDF, and a font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY . .

RUN useradd --system --home-dir /app --shell /usr/sbin/nologin woonoverlast \
    && mkdir -p /app/staticfiles /var/lib/woonoverlast/media \
    && chown -R woonoverlast /app/staticfiles /var/lib/woonoverlast
USER woonoverlast

EXPOSE 8000
CMD ["gunicorn", "woonoverlast.wsgi", "--bind", "0.0.0.0:8000"]
