"""Writes of the information points, one module per domain; this package re-exports the public names."""

from infopoints.services.queue import *  # noqa: F403
from infopoints.services.queue import __all__ as _queue_all

__all__ = [*_queue_all]
