"""Admin of the information points, one module per domain."""

from infopoints.admin import (
    enquiries,  # noqa: F401
    queue,  # noqa: F401
)
