"""Language-prefixed queue pages: the ticket on a phone (public) and the staff's desk console and day screens."""

from django.urls import path

from infopoints import views_points, views_queue, views_ticket

app_name = "queue"

urlpatterns = [
    path("queue/<str:token>/", views_ticket.ticket, name="ticket"),
    path("queue/<str:token>/status/", views_ticket.ticket_status, name="ticket_status"),
    path("staff/queue/", views_queue.desks, name="desks"),
    path("staff/queue/desks/<int:desk_id>/", views_queue.console, name="console"),
    path("staff/queue/desks/<int:desk_id>/open/", views_queue.desk_open, name="desk_open"),
    path("staff/queue/desks/<int:desk_id>/close/", views_queue.desk_close, name="desk_close"),
    path("staff/queue/desks/<int:desk_id>/case/", views_queue.case_status, name="case_status"),
    path("staff/queue/desks/<int:desk_id>/<str:action>/", views_queue.action, name="action"),
    path("staff/points/", views_points.points, name="points"),
    path("staff/points/<slug:place_slug>/", views_points.point_day, name="point_day"),
]
