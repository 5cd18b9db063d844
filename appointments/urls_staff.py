"""Staff pages under /<lang>/staff/appointments/: a place's day, check-in, no-shows, booking for callers."""



app_name = "appointments_staff"

urlpatterns = [
]
