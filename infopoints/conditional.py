"""Answering polls with `304 Not Modified` while the place's queue version (the ETag) has not changed."""

from django.http import HttpResponseNotModified


def etag_for(*parts) -> str:
    return '"' + "-".join(str(part) for part in parts) + '"'


def not_modified(request, etag: str):
    """A 304 when the client already has this version; None when it must be drawn."""
    if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
        response = HttpResponseNotModified()
        response["ETag"] = etag
        response["Cache-Control"] = "no-cache"
        return response
    return None


def with_etag(response, etag: str):
    response["ETag"] = etag
    # Revalidate every time (cheap: a 304 costs no query), never show a stale queue.
    response["Cache-Control"] = "no-cache"
    return response
