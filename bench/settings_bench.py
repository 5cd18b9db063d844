"""The portal's settings, unchanged except for the URLconf that adds the baseline view."""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_bench"
