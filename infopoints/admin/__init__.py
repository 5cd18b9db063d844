"""Admin of the information points, one module per domain."""

from infopoints.admin import queue  # noqa: F401
