# One image for web, worker and beat. Build: docker compose build
#
# Two stages. The first installs the pinned dependency tree (requirements.txt, exported from uv.lock, every file
# checked against its hash) into a virtual environment; the second is the slim runtime: that environment, the
# system libraries WeasyPrint needs, and the application's code in /app, which is installed nowhere else (it is
# run from /app, so gunicorn, manage.py and `celery -A portal` all import the one copy).

# --- 1. build: the locked dependencies -------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --upgrade pip \
 && /opt/venv/bin/pip install --require-hashes --only-binary=:all: -r /tmp/requirements.txt

# --- 2. runtime ------------------------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH PYTHONPATH=/app \
    WEB_CONCURRENCY=4
# Pango for WeasyPrint (PDFs); DejaVu covers Polish, Ukrainian and Russian letters.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /app --uid 1000 kierunek

COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY . .
# Catalogues and static files are built into the image; only media (uploads) is written at run time.
RUN DEBUG=1 python manage.py compile_translations \
 && DEBUG=1 STATIC_ROOT=/app/var/static python manage.py collectstatic --noinput -v 0 \
 && python -c "import secrets; print(secrets.token_hex(8))" > /app/RELEASE \
 && mkdir -p /app/var/media && chown -R kierunek /app/var

USER kierunek
EXPOSE 8000
# gunicorn takes its number of worker processes from WEB_CONCURRENCY (about 2 × the container's cores).
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s\" %(s)s %(b)s %(L)ss", "--access-logfile", "-"]
