"""Models of the site core: staff and places (core), the audit trail of staff actions (audit), guides and their
translation state (guides), notices, FAQ and partner institutions (info), project figures and application
forms (office)."""

from portal.models.audit import AuditEvent
from portal.models.core import (
    OpeningHours,
    OutboundEmail,
    PendingTask,
    Place,
    Service,
    SpokenLanguage,
    User,
    UserManager,
)
from portal.models.guides import (
    Category,
    ContentRevision,
    GlossaryTerm,
    Guide,
    GuideChange,
    GuideDocument,
    GuideFaq,
    GuideFee,
    GuideMistake,
    GuideSource,
    GuideStep,
    MistakeReport,
    TranslationStatus,
)
from portal.models.info import (
    FaqEntry,
    Notice,
    NoticeDelivery,
    NoticeSubscription,
    Partner,
    PartnerTopic,
)
from portal.models.office import ApplicationForm, ApplicationFormFile, ProjectFigure
from portal.models.stats import PageViewDay

__all__ = [
    "ApplicationForm",
    "ApplicationFormFile",
    "ProjectFigure",
    "AuditEvent",
    "Category",
    "ContentRevision",
    "GlossaryTerm",
    "Guide",
    "GuideChange",
    "GuideDocument",
    "GuideFaq",
    "GuideFee",
    "GuideMistake",
    "GuideSource",
    "GuideStep",
    "FaqEntry",
    "Notice",
    "PageViewDay",
    "NoticeDelivery",
    "NoticeSubscription",
    "Partner",
    "PartnerTopic",
    "MistakeReport",
    "OpeningHours",
    "OutboundEmail",
    "PendingTask",
    "Place",
    "Service",
    "SpokenLanguage",
    "TranslationStatus",
    "User",
    "UserManager",
]
