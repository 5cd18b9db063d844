"""The site's URLconf for the documents and e-mail tests, with stand-ins for the pages of the booking flow
(confirm, manage) where that branch has not added them yet, so that the e-mails can link to them."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import LocalePrefixPattern, URLResolver, include, path

from appointments import urls as appointment_urls
from portal import urls as site


def stand_in(request, token):
    return HttpResponse("stand-in")


_named = {pattern.name for pattern in appointment_urls.urlpatterns}
_appointments = path(
    "appointments/",
    include(
        (
            appointment_urls.urlpatterns
            + [
                path(route, stand_in, name=name)
                for route, name in [("confirm/<str:token>/", "confirm"), ("booking/<str:token>/", "booking")]
                if name not in _named
            ],
            "appointments",
        )
    ),
)


def _is_locale(pattern) -> bool:
    return isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern)


urlpatterns = [pattern for pattern in site.urlpatterns if not _is_locale(pattern)]
for _locale in filter(_is_locale, site.urlpatterns):
    urlpatterns += i18n_patterns(
        *[
            _appointments if getattr(pattern, "namespace", None) == "appointments" else pattern
            for pattern in _locale.url_patterns
        ],
        prefix_default_language=True,
    )

handler404 = site.handler404
handler403 = site.handler403
