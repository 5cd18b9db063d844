"""Demo data of the site core. `manage.py load_demo` calls `load()` of every project app that has one.

The data modules here are plain Python (no Django imports), so they can be read and checked on their own.
"""


def load(stdout) -> None:
    from portal.demo.loader import load as load_portal_demo

    load_portal_demo(stdout)
