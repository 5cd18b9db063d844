"""Reads of the information points, one module per domain; the public names are re-exported here."""

from infopoints.selectors.enquiries import DESK_ROW_FIELDS as DESK_ROW_FIELDS
from infopoints.selectors.enquiries import DeskFilters as DeskFilters
from infopoints.selectors.enquiries import LinkState as LinkState
from infopoints.selectors.enquiries import attachment_for_staff as attachment_for_staff
from infopoints.selectors.enquiries import canned_answer_text as canned_answer_text
from infopoints.selectors.enquiries import canned_answers_for as canned_answers_for
from infopoints.selectors.enquiries import desk_counts as desk_counts
from infopoints.selectors.enquiries import desk_facts as desk_facts
from infopoints.selectors.enquiries import desk_rows as desk_rows
from infopoints.selectors.enquiries import enquiries_visible_to as enquiries_visible_to
from infopoints.selectors.enquiries import enquiry_for_link as enquiry_for_link
from infopoints.selectors.enquiries import enquiry_for_staff as enquiry_for_staff
from infopoints.selectors.enquiries import enquiry_link_token as enquiry_link_token
from infopoints.selectors.enquiries import enquiry_list as enquiry_list
from infopoints.selectors.enquiries import learning_report as learning_report
from infopoints.selectors.enquiries import sees_every_team as sees_every_team
from infopoints.selectors.enquiries import team_members as team_members
from infopoints.selectors.enquiries import teams_for as teams_for
from infopoints.selectors.enquiry_jsm import enquiry_for_jsm as enquiry_for_jsm
from infopoints.selectors.enquiry_jsm import enquiry_ids_to_sync_with_jsm as enquiry_ids_to_sync_with_jsm
from infopoints.selectors.queue import *  # noqa: F403, E402
