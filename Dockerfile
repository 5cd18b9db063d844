# One image for web, worker and beat. Build: docker compose build
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# Pango for WeasyPrint (PDFs); DejaVu covers Polish, Ukrainian and Russian letters.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
COPY portal/__init__.py portal/__init__.py
RUN pip install --upgrade pip && pip install .  # dependencies only change with pyproject.toml: cached layer
COPY . .
RUN pip install --no-deps . \
 && DEBUG=1 python manage.py compile_translations \
 && DEBUG=1 STATIC_ROOT=/app/var/static python manage.py collectstatic --noinput -v 0 \
 && python -c "import secrets; print(secrets.token_hex(8))" > /app/RELEASE \
 && useradd --system --home /app --uid 1000 kierunek \
 && mkdir -p /app/var/media && chown -R kierunek /app/var

USER kierunek
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s\" %(s)s %(b)s %(L)ss", "--access-logfile", "-"]
