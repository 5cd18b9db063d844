"""Public references under concurrency: the database counter, not Python, numbers the enquiries."""

import threading

import pytest
from django.db import connection, connections

from infopoints import services
from infopoints.models import Enquiry
from tests.infopoints.enquiry_helpers import media_in_tmp  # noqa: F401 (autouse fixture)

ATTEMPTS = 16


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a database with concurrent writers")
def test_enquiries_opened_at_the_same_moment_get_distinct_consecutive_references():
    start = threading.Barrier(ATTEMPTS)
    errors: list[Exception] = []

    def attempt(number: int) -> None:
        try:
            start.wait()
            services.enquiry_receive_email(
                message=type("Mail", (), {
                    "message_id": f"<c{number}@example.org>", "in_reply_to": "", "references": [],
                    "from_address": f"p{number}@example.org", "from_name": "", "subject": "Pytanie",
                    "text": "Treść", "language_hint": "pl", "attachments": [],
                })()
            )
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(int(reference[-6:]) for reference in Enquiry.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, ATTEMPTS + 1))
