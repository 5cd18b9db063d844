"""Set up the booking-rush benchmark: one day of a bench service at the Poznań headquarters, 300 seats, released.

Used by bench/rush.py only (it refuses to run with DEBUG off, like load_demo).
"""

from datetime import time, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from appointments import availability, services
from appointments.models import BookableService, Schedule, ScheduleHours, Slot
from portal.models import Place

SERVICE_CODE = "bench-rush"
PLACE_SLUG = "poznan-foreigners-department"
SEATS = 300
DESKS = 2


class Command(BaseCommand):
    help = "Create the benchmark's released day: 150 times of 2 desks (300 seats) of service 'bench-rush'."

    @transaction.atomic
    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Benchmark data is for the bench database only: run it with DEBUG=1.")
        place = Place.objects.get(slug=PLACE_SLUG)
        service, _ = BookableService.objects.update_or_create(
            code=SERVICE_CODE, defaults={"name_pl": "Bench: wizyta", "name_en": "Bench: visit", "max_people": 1}
        )
        schedule, _ = Schedule.objects.get_or_create(place=place, service=service)
        Slot.objects.filter(service=service).delete()
        schedule.hours.all().delete()
        day = services.local_today() + timedelta(days=3)
        while day.weekday() >= 5 or day in services.public_holidays(day.year):
            day += timedelta(days=1)
        # 150 times of 5 minutes from 07:00 to 19:30, two desks each: 300 seats, all released now.
        ScheduleHours.objects.create(
            schedule=schedule, weekday=day.weekday(), starts=time(7), ends=time(19, 30), slot_minutes=5, desks=DESKS
        )
        services.slots_generate(schedule_ids=[schedule.pk])
        Slot.objects.filter(service=service).exclude(starts_at__date=day).delete()
        Slot.objects.filter(service=service).update(opens_at=timezone.now() - timedelta(minutes=1))
        availability.seats_changed([(service.pk, place.pk)])  # the slots were changed here past the services
        seats = sum(Slot.objects.filter(service=service).values_list("capacity", flat=True))
        if seats != SEATS:
            raise CommandError(f"expected {SEATS} seats, made {seats}")
        self.stdout.write(f"bench-rush: {seats} seats on {day.isoformat()} at {PLACE_SLUG}")
