"""The portal's URLs plus the minimal baseline view, served by the same gunicorn as the pages.

portal.urls is concatenated rather than `include()`d: Django refuses i18n_patterns() outside the root URLconf.
"""

from django.urls import path

from bench import baseline
from portal import urls as portal_urls

urlpatterns = [path("bench/minimal/", baseline.minimal, name="bench_minimal"), *portal_urls.urlpatterns]

handler404 = portal_urls.handler404
handler403 = portal_urls.handler403
