from django.urls import path

from infopoints import views_ask

urlpatterns = [
    path("", views_ask.ask, name="ask"),
    path("suggestions/", views_ask.ask_suggestions, name="ask_suggestions"),
    path("sent/", views_ask.ask_sent, name="ask_sent"),
    path("open/<str:kind>/<int:pk>/", views_ask.ask_open, name="ask_open"),
    path("<str:token>/", views_ask.ask_thread, name="ask_thread"),
]
