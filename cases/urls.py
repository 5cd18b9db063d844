from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("result/", views.result, name="result"),
    path("result/close/", views.close, name="close"),
    path("result/complaint/", views.complaint_pdf, name="complaint"),
    path("result/appeal/", views.appeal_letter, name="appeal"),
    path("updates/confirm/<str:token>/", views.subscription_confirm, name="subscription_confirm"),
    path("updates/stop/<str:token>/", views.subscription_stop, name="subscription_stop"),
]
