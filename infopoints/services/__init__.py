"""Writes of the information points, one module per domain; the public names are re-exported here."""

from infopoints.services.enquiries import (  # noqa: F401
    AskOutcome,
    EnquiryError,
    enquiry_assign,
    enquiry_call_log,
    enquiry_merge,
    enquiry_note_add,
    enquiry_priority_set,
    enquiry_receive_email,
    enquiry_record_in_person,
    enquiry_reply,
    enquiry_reply_from_person,
    enquiry_status_set,
    enquiry_submit_web,
    enquiry_team_set,
    suggestion_open_record,
    thread_headers,
)
from infopoints.services.enquiry_jsm import (  # noqa: F401
    enquiry_jsm_comment_receive,
    enquiry_jsm_key_set,
    enquiry_message_jsm_mirrored,
)
from infopoints.services.enquiry_retention import (  # noqa: F401
    enquiries_auto_close,
    enquiries_erase_closed,
    enquiry_digests_send,
)
from infopoints.services.queue import *  # noqa: F403, E402
