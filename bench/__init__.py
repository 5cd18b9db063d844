"""Load benchmarks: the portal under gunicorn and PostgreSQL, each page measured next to a minimal view.

Run `.venv/bin/python bench/run.py --help`; see bench/README.md for what the figures mean.
"""
