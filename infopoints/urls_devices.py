"""Pages for registered devices (not language-prefixed: the kiosk chooses the language on screen)."""

from django.urls import path

from infopoints import views_devices, views_display, views_kiosk

app_name = "queue_devices"

urlpatterns = [
    path("devices/enrol/<str:token>/", views_devices.enrol, name="enrol"),
    path("kiosk/<slug:place_slug>/", views_kiosk.start, name="kiosk_start"),
    path("kiosk/<slug:place_slug>/<str:language>/", views_kiosk.matters, name="kiosk_matters"),
    path("kiosk/<slug:place_slug>/<str:language>/ticket/", views_kiosk.take, name="kiosk_take"),
    path("kiosk/<slug:place_slug>/<str:language>/check-in/", views_kiosk.check_in, name="kiosk_check_in"),
    path("kiosk/<slug:place_slug>/<str:language>/ticket/<str:token>/", views_kiosk.ticket, name="kiosk_ticket"),
    path("display/<slug:place_slug>/", views_display.display, name="display"),
    path("display/<slug:place_slug>/board/", views_display.board, name="display_board"),
]
