"""Models of the information points, one module per domain (the queue, the enquiry desk); re-exported here."""

from infopoints.models.enquiries import (
    STATUS_CATEGORY,
    CannedAnswer,
    Enquiry,
    EnquiryAttachment,
    EnquiryMessage,
    EnquiryYearCounter,
    StatusCategory,
    SuggestionOpen,
)
from infopoints.models.queue import DayCounter, Desk, Device, Matter, Ticket
from infopoints.models.reports import ReportJob

__all__ = [
    "STATUS_CATEGORY",
    "CannedAnswer",
    "DayCounter",
    "Desk",
    "Device",
    "Enquiry",
    "EnquiryAttachment",
    "EnquiryMessage",
    "EnquiryYearCounter",
    "Matter",
    "ReportJob",
    "StatusCategory",
    "SuggestionOpen",
    "Ticket",
]
