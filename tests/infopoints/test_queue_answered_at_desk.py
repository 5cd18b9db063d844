"""The desk console records a question answered at the desk with the ticket, in one step (issue #11, "in person")."""

from infopoints import services
from infopoints.models import Enquiry
from infopoints.services import Outcome
from tests.infopoints.conftest import issue


def test_finishing_with_the_answered_question_records_an_in_person_enquiry(kiosk, matters, open_desk, clerk):
    issue(kiosk, matters["A"])
    ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
    services.ticket_finish(ticket_id=ticket.pk, user=clerk, outcome=Outcome(
        served=True, topic="information", language="uk", resolved=True, answered="Jak przedłużyć wizę?"))
    enquiry = Enquiry.objects.get()
    assert (enquiry.channel, enquiry.status, enquiry.language) == ("in_person", "answered", "uk")
    assert enquiry.place_id == ticket.place_id and enquiry.assignee == clerk
    assert enquiry.requester_email == "" and enquiry.requester_name == ""


def test_finishing_without_a_summary_or_as_a_no_show_records_no_enquiry(kiosk, matters, open_desk, clerk):
    for outcome in (Outcome(served=True, topic="information"), Outcome(served=False, answered="anything")):
        issue(kiosk, matters["A"])
        ticket = services.ticket_call_next(desk_id=open_desk.pk, user=clerk)
        services.ticket_finish(ticket_id=ticket.pk, user=clerk, outcome=outcome)
    assert not Enquiry.objects.exists()
