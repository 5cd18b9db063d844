from django.urls import path

from infopoints import views_enquiries

app_name = "enquiries"

urlpatterns = [
    path("", views_enquiries.desk, name="list"),
    path("call/", views_enquiries.call_log, name="call"),
    path("learning/", views_enquiries.learning, name="learning"),
    path("attachments/<int:pk>/", views_enquiries.attachment, name="attachment"),
    path("<int:pk>/", views_enquiries.detail, name="detail"),
    path("<int:pk>/<slug:act>/", views_enquiries.action, name="action"),
]
