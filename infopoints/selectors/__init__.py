"""Reads of the information points, one module per domain; the public names are re-exported here."""

from infopoints.selectors.enquiries import (  # noqa: F401
    DeskFilters,
    LinkState,
    attachment_for_staff,
    canned_answer_text,
    canned_answers_for,
    desk_counts,
    enquiries_visible_to,
    enquiry_for_link,
    enquiry_for_staff,
    enquiry_link_token,
    enquiry_list,
    learning_report,
    sees_every_team,
    team_members,
    teams_for,
)
from infopoints.selectors.enquiry_jsm import (  # noqa: F401
    enquiry_for_jsm,
    enquiry_ids_to_sync_with_jsm,
)
from infopoints.selectors.queue import *  # noqa: F403, E402
