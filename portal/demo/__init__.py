"""Demo data of the site core. `manage.py load_demo` calls `load()` of every project app that has one."""

from portal.demo.loader import load

__all__ = ["load"]
