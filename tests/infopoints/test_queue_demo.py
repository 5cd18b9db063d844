"""The demo queue: every place has matters, desks and devices; Poznań has a realistic morning, made once a day."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from infopoints import demo_queue
from infopoints.models import Desk, Device, Matter, Ticket
from portal.demo.loader import load_places, load_staff

pytestmark = pytest.mark.django_db


def test_demo_queue_covers_seven_places_and_a_morning_in_poznan_and_runs_twice():
    load_places()
    load_staff()
    for _run in range(2):
        out = io.StringIO()
        demo_queue.load(out)
    assert Matter.objects.values("place").distinct().count() == 7
    assert Desk.objects.values("place").distinct().count() == 7
    assert Device.objects.filter(kind="kiosk").count() == Device.objects.filter(kind="display").count() == 7
    tickets = Ticket.objects.filter(place__slug=demo_queue.HEADQUARTERS)
    assert tickets.count() == 27
    assert tickets.filter(status="waiting").count() == 6
    assert tickets.filter(status="parked").count() == 1
    assert tickets.filter(status="called").count() == 1
    assert tickets.filter(status="served").count() == 18
    assert "enrol this browser" in out.getvalue()


def test_the_printed_enrolment_link_turns_a_browser_into_the_poznan_display():
    load_places()
    load_staff()
    out = io.StringIO()
    demo_queue.load(out)
    link = next(line.split("http://127.0.0.1:8000")[1] for line in out.getvalue().splitlines()
                if "display" in line.lower() and "enrol" in line)
    client = Client()
    assert client.post(link).status_code == 302
    page = client.get(reverse("queue_devices:display", args=[demo_queue.HEADQUARTERS]))
    assert page.status_code == 200
