import io

import pytest
from django.core.management import call_command

from infopoints.models import CannedAnswer, Enquiry
from portal.models import AuditEvent
from tests.infopoints.enquiry_helpers import media_in_tmp  # noqa: F401 (autouse fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("short_demo_history")]


def test_demo_enquiries_cover_channels_languages_teams_and_statuses_and_load_twice(settings):
    settings.DEBUG = True
    for _run in range(2):
        call_command("load_demo", stdout=io.StringIO())
    # The indicator reports' history adds older enquiries, erased as after their retention time: not these.
    enquiries = Enquiry.objects.filter(erased_at__isnull=True)
    assert enquiries.count() == 24
    assert set(enquiries.values_list("channel", flat=True)) == set(Enquiry.Channel.values)
    assert set(enquiries.values_list("language", flat=True)) == {"pl", "en", "uk", "ru"}
    assert {"new", "in_progress", "waiting", "answered"} <= set(enquiries.values_list("status", flat=True))
    assert enquiries.filter(place__isnull=True).exists() and enquiries.filter(place__isnull=False).exists()
    assert CannedAnswer.objects.count() == 3
    assert all(answer.body_uk and answer.body_ru and answer.body_en for answer in CannedAnswer.objects.all())
    assert AuditEvent.objects.filter(action="enquiry.reply").exists()
