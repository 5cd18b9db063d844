"""Models of the information points, one module per domain; this package re-exports the public names."""

from infopoints.models.queue import DayCounter, Desk, Device, Matter, Ticket

__all__ = ["DayCounter", "Desk", "Device", "Matter", "Ticket"]
