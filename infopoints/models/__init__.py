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
from infopoints.models.rollups import WAIT_BUCKETS, BookingDay, EnquiryDay, QueueDay, QueueWaitDay, RollupDay

__all__ = [
    "STATUS_CATEGORY",
    "WAIT_BUCKETS",
    "BookingDay",
    "CannedAnswer",
    "DayCounter",
    "Desk",
    "Device",
    "Enquiry",
    "EnquiryAttachment",
    "EnquiryDay",
    "EnquiryMessage",
    "EnquiryYearCounter",
    "Matter",
    "QueueDay",
    "QueueWaitDay",
    "ReportJob",
    "RollupDay",
    "StatusCategory",
    "SuggestionOpen",
    "Ticket",
]
