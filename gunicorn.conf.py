"""Gunicorn settings read from the working directory (the image's /app) whatever the command line says.

The access log must not show the secret part of signed links (booking management and confirmation links): the
logger class redacts it from the request line, the path and the referrer. See README, "Production".
"""

logger_class = "portal.access_log.RedactingGunicornLogger"
