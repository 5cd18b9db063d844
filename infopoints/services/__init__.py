"""Writes of the information points, one module per domain; the public names are re-exported here."""

from infopoints.services.enquiries import AskOutcome as AskOutcome
from infopoints.services.enquiries import enquiry_assign as enquiry_assign
from infopoints.services.enquiries import enquiry_call_log as enquiry_call_log
from infopoints.services.enquiries import enquiry_merge as enquiry_merge
from infopoints.services.enquiries import enquiry_note_add as enquiry_note_add
from infopoints.services.enquiries import enquiry_priority_set as enquiry_priority_set
from infopoints.services.enquiries import enquiry_receive_email as enquiry_receive_email
from infopoints.services.enquiries import enquiry_record_in_person as enquiry_record_in_person
from infopoints.services.enquiries import enquiry_reply as enquiry_reply
from infopoints.services.enquiries import enquiry_reply_from_person as enquiry_reply_from_person
from infopoints.services.enquiries import enquiry_status_set as enquiry_status_set
from infopoints.services.enquiries import enquiry_submit_partner as enquiry_submit_partner
from infopoints.services.enquiries import enquiry_submit_web as enquiry_submit_web
from infopoints.services.enquiries import enquiry_team_set as enquiry_team_set
from infopoints.services.enquiries import suggestion_open_record as suggestion_open_record
from infopoints.services.enquiry_core import EnquiryError as EnquiryError
from infopoints.services.enquiry_core import thread_headers as thread_headers
from infopoints.services.enquiry_jsm import enquiry_jsm_comment_receive as enquiry_jsm_comment_receive
from infopoints.services.enquiry_jsm import enquiry_jsm_key_set as enquiry_jsm_key_set
from infopoints.services.enquiry_jsm import enquiry_message_jsm_mirrored as enquiry_message_jsm_mirrored
from infopoints.services.enquiry_retention import enquiries_auto_close as enquiries_auto_close
from infopoints.services.enquiry_retention import enquiries_erase_closed as enquiries_erase_closed
from infopoints.services.enquiry_retention import enquiry_digests_send as enquiry_digests_send
from infopoints.services.queue import *  # noqa: F403, E402
from infopoints.services.reports import report_job_build as report_job_build  # noqa: E402
from infopoints.services.reports import report_job_request as report_job_request  # noqa: E402
from infopoints.services.reports import report_jobs_purge as report_jobs_purge  # noqa: E402
from infopoints.services.rollups import RollupError as RollupError  # noqa: E402
from infopoints.services.rollups import rollup_day_compute as rollup_day_compute  # noqa: E402
from infopoints.services.rollups import rollups_days_compute as rollups_days_compute  # noqa: E402
from infopoints.services.rollups import rollups_pending_compute as rollups_pending_compute  # noqa: E402
