"""The yardstick every benchmark is read against.

It goes through the whole middleware stack but touches neither the database nor the cache, so its
requests per second are what gunicorn, Django and this machine can do at most. A page's figure means
something only as a fraction of this one measured in the same run.
"""

from django.http import HttpResponse


def minimal(request):
    return HttpResponse("ok", content_type="text/plain")
