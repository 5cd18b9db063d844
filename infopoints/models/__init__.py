"""Models of the information points, one module per domain (enquiries; the queue adds its own)."""

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

__all__ = [
    "STATUS_CATEGORY",
    "CannedAnswer",
    "Enquiry",
    "EnquiryAttachment",
    "EnquiryMessage",
    "EnquiryYearCounter",
    "StatusCategory",
    "SuggestionOpen",
]
