"""Models of the site core: staff and places (core), guides and their translation state (guides)."""

from portal.models.core import OpeningHours, OutboundEmail, Place, Service, SpokenLanguage, User, UserManager
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

__all__ = [
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
    "MistakeReport",
    "OpeningHours",
    "OutboundEmail",
    "Place",
    "Service",
    "SpokenLanguage",
    "TranslationStatus",
    "User",
    "UserManager",
]
