"""Reads of the enquiry desk that carry a rule: who sees which enquiry, what a view lists, what a private link
opens, and what editors learn from the questions.

One rule of visibility (`enquiries_visible_to`) serves the lists, the detail page and every action, so they cannot
disagree: the helpline's consultants see the helpline's enquiries, staff of a place see that place's, coordinators
and administrators see all.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import connection
from django.db.models import BooleanField, Count, DateTimeField, Expression, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from infopoints import sla
from infopoints.models import CannedAnswer, Enquiry, EnquiryAttachment, EnquiryMessage, SuggestionOpen
from infopoints.models.enquiries import STATUS_CATEGORY, StatusCategory, statuses_in
from portal import roles
from portal.models import User
from portal.permissions_cache import group_names

LINK_SALT = "infopoints.enquiry-link"
OPEN_STATUSES = statuses_in(StatusCategory.OPEN)
# The desk's default view: open and paused. The partial index `enquiry_desk_listed_due` has the same condition.
LISTED_STATUSES = OPEN_STATUSES + statuses_in(StatusCategory.PAUSED)
HELPLINE = "helpline"

# The condition of the partial index `enquiry_desk_counts` (models.Enquiry.Meta), written the same way so that
# PostgreSQL sees that the index covers the query.
NOT_CLOSED = ~Q(status=Enquiry.Status.CLOSED)

VIEWS = ("all", "mine", "unassigned", "due_soon", "overdue", "waiting", "done")


def sees_every_team(user: User) -> bool:
    if user.is_superuser:
        return True
    return not group_names(user).isdisjoint({roles.COORDINATOR, roles.ADMINISTRATOR})


def enquiries_visible_to(user: User) -> QuerySet[Enquiry]:
    """The enquiries `user` may see and work on: their team's (helpline, their places), or all for coordinators."""
    if not user.is_authenticated or not user.has_perm("infopoints.view_enquiry"):
        return Enquiry.objects.none()
    if sees_every_team(user):
        return Enquiry.objects.all()
    team = Q(place__in=user.places.all())
    if roles.HOTLINE_CONSULTANT in group_names(user):
        team |= Q(place__isnull=True)
    return Enquiry.objects.filter(team)


@dataclass(frozen=True)
class DeskFilters:
    view: str = "all"
    team: str = ""  # "helpline" or a place id
    language: str = ""
    status: str = ""
    topic: str = ""  # a category id or "other"
    channel: str = ""
    q: str = ""


def _apply_view(queryset: QuerySet[Enquiry], view: str, *, user: User, now: datetime) -> QuerySet[Enquiry]:
    if view == "mine":
        return queryset.filter(assignee=user).exclude(status=Enquiry.Status.CLOSED)
    if view == "unassigned":
        return queryset.filter(assignee__isnull=True, status__in=OPEN_STATUSES)
    if view == "due_soon":
        return queryset.filter(status__in=OPEN_STATUSES, due_at__gte=now, due_at__lt=now + sla.DUE_SOON)
    if view == "overdue":
        return queryset.filter(status__in=OPEN_STATUSES, due_at__lt=now)
    if view == "waiting":
        return queryset.filter(status=Enquiry.Status.WAITING)
    if view == "done":
        return queryset.filter(status__in=statuses_in(StatusCategory.DONE))
    return queryset.filter(status__in=LISTED_STATUSES)


def _search(queryset: QuerySet[Enquiry], q: str) -> QuerySet[Enquiry]:
    q = " ".join(q.split())[:200]
    if not q:
        return queryset
    reference = Q(reference=q.upper())  # stored upper-case; the unique index answers it
    if connection.vendor == "postgresql":
        # The expression of the GIN index `enquiry_search_text_fts` (migration 0002), so the index answers it.
        matches = RawSQL(
            "to_tsvector('simple'::regconfig, \"infopoints_enquiry\".\"search_text\") "
            "@@ websearch_to_tsquery('simple'::regconfig, %s)",
            [q],
            output_field=BooleanField(),
        )
        return queryset.filter(reference | Q(matches))
    text = Q()
    for word in q.split()[:8]:
        text &= (
            Q(subject__icontains=word)
            | Q(search_text__icontains=word)
            | Q(requester_name__icontains=word)
            | Q(requester_email__icontains=word)
            | Q(requester_phone__icontains=word)
            | Q(case_number__icontains=word)
            | Q(reference__icontains=word)
        )
    return queryset.filter(reference | text)


def _sort_keys_after_search(field: F) -> Expression:
    """The same order, but one no index gives: PostgreSQL then finds the matches with the full-text index and sorts
    them. Given an index in the list's order, it walks that instead, computing the text vector of every enquiry
    until fifty match: fast for a common word, seconds for a rare one among thousands of open enquiries."""
    return ExpressionWrapper(field + timedelta(0), output_field=DateTimeField())


def enquiry_list(*, user: User, filters: DeskFilters, now: datetime | None = None) -> QuerySet[Enquiry]:
    """One view of the desk, filtered and searched, oldest deadline first (one query whatever the page size)."""
    now = now or timezone.now()
    queryset = _apply_view(enquiries_visible_to(user), filters.view, user=user, now=now)
    if filters.team == HELPLINE:
        queryset = queryset.filter(place__isnull=True)
    elif filters.team.isdigit():
        queryset = queryset.filter(place_id=int(filters.team))
    if filters.language:
        queryset = queryset.filter(language=filters.language)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    if filters.topic == "other":
        queryset = queryset.filter(topic__isnull=True)
    elif filters.topic.isdigit():
        queryset = queryset.filter(topic_id=int(filters.topic))
    queryset = _search(queryset, filters.q)
    due: Expression | F = F("due_at")
    created: Expression | F = F("created_at")
    if filters.q.strip() and connection.vendor == "postgresql":
        due, created = _sort_keys_after_search(F("due_at")), _sort_keys_after_search(F("created_at"))
    # Done: newest first. Otherwise the nearest deadline first, the same on both databases (paused and done ones
    # have none that counts).
    order = [created.desc()] if filters.view == "done" else [due.asc(nulls_last=True), created.asc()]
    # search_text (up to 20,000 characters a row) is for the WHERE clause only: 50 rows of it would be wasted.
    return queryset.select_related("topic", "place", "assignee").defer("search_text").order_by(*order, "pk")


@dataclass(frozen=True)
class DeskRow:
    """One line of a desk list, every value ready to show: the list's template only prints them (50 rows of
    model methods, choice labels and an include per row cost the page more than its queries)."""

    pk: int
    url: str
    reference: str
    channel: str
    subject: str
    due_state: str  # sla.DueState
    due_text: str  # the deadline in Polish time, "5.12 14:30"; empty if none counts
    status: str
    priority: str
    is_priority: bool  # above normal: shown in bold
    team: str
    language: str  # the code, for the cell's lang attribute
    language_label: str
    topic: str
    assignee: str


# The columns a desk row is drawn from: a page of the list is read as plain values (`enquiry_list(...).values(*)`),
# not as models with their place, topic and assignee (whose translated columns alone are dozens).
DESK_ROW_FIELDS = ("pk", "reference", "channel", "subject", "due_at", "status", "priority", "place_id", "language",
                   "topic_id", "assignee__name", "assignee__email")
SUBJECT_SHOWN = 80  # characters of a subject in a list
DATED_STATES = (sla.DueState.OVERDUE, sla.DueState.SOON, sla.DueState.ON_TIME)


class _RowLabels:
    """What every row of a page shares: choice labels in the current language, names, the detail address."""

    def __init__(self, *, place_names: dict[int, str], topic_names: dict[int, str]):
        from django.urls import reverse
        from django.utils.translation import gettext

        def labels(choices: list[tuple[str, Any]]) -> dict[str, str]:
            return {value: str(label) for value, label in choices}

        self.channels, self.statuses = labels(Enquiry.Channel.choices), labels(Enquiry.Status.choices)
        self.priorities, self.languages = labels(Enquiry.Priority.choices), labels(Enquiry.Language.choices)
        self.helpline, self.other = gettext("helpline"), gettext("other")
        self.place_names, self.topic_names = place_names, topic_names
        # "<list>/<pk>/" is the detail's pattern (urls_enquiries): one reverse() for the page, not one per row.
        self.list_url = reverse("enquiries:list")

    def row(self, values: dict[str, Any], *, now: datetime) -> DeskRow:
        status, due_at = values["status"], values["due_at"]
        state = sla.due_state(category=STATUS_CATEGORY[status], due_at=due_at, now=now)
        due = due_at.astimezone(sla.WARSAW) if state in DATED_STATES else None
        subject = values["subject"]
        return DeskRow(
            pk=values["pk"],
            url=f"{self.list_url}{values['pk']}/",
            reference=values["reference"],
            channel=self.channels.get(values["channel"], values["channel"]),
            subject=subject if len(subject) <= SUBJECT_SHOWN else subject[: SUBJECT_SHOWN - 1].rstrip() + "…",
            due_state=state,
            due_text=f"{due.day}.{due:%m %H:%M}" if due else "",
            status=self.statuses.get(status, status),
            priority=self.priorities.get(values["priority"], values["priority"]),
            is_priority=values["priority"] != Enquiry.Priority.NORMAL,
            team=self.helpline if values["place_id"] is None else self.place_names.get(values["place_id"], ""),
            language=values["language"],
            language_label=self.languages.get(values["language"], values["language"]),
            topic=self.topic_names.get(values["topic_id"], "") or self.other,
            assignee=values["assignee__name"] or values["assignee__email"] or "",
        )


def desk_rows(
    values: Iterable[dict[str, Any]], *, now: datetime, place_names: dict[int, str], topic_names: dict[int, str]
) -> list[DeskRow]:
    """The rows of one page of `enquiry_list(...).values(*DESK_ROW_FIELDS)` (no query of their own): the names of
    places and topics come from the page's filters, which list them already."""
    labels = _RowLabels(place_names=place_names, topic_names=topic_names)
    return [labels.row(row, now=now) for row in values]


def desk_facts(enquiry: Enquiry, *, now: datetime) -> DeskRow:
    """The same values for one enquiry read with its place, topic and assignee (its page's facts)."""
    values = {field: getattr(enquiry, field) for field in DESK_ROW_FIELDS if "__" not in field}
    assignee = enquiry.assignee
    values.update({"assignee__name": assignee.name if assignee else "", "assignee__email": assignee.email if assignee
                   else ""})
    places = {enquiry.place.pk: enquiry.place.name} if enquiry.place is not None else {}
    topics = {enquiry.topic.pk: enquiry.topic.name} if enquiry.topic is not None else {}
    return _RowLabels(place_names=places, topic_names=topics).row(values, now=now)


def desk_counts(*, user: User, now: datetime | None = None) -> dict[str, int]:
    """How many enquiries each view holds for `user` (one query).

    None of the counted views holds closed enquiries, the great majority of the table: leaving them out lets the
    partial index `enquiry_desk_counts` answer, rather than a scan of every enquiry ever received. Counting
    `status` (never null) rather than the key lets it answer from the index alone, without reading the rows."""
    now = now or timezone.now()
    open_q = Q(status__in=OPEN_STATUSES)
    counts = enquiries_visible_to(user).filter(NOT_CLOSED).aggregate(
        all=Count("status", filter=Q(status__in=LISTED_STATUSES)),
        mine=Count("status", filter=Q(assignee=user) & ~Q(status=Enquiry.Status.CLOSED)),
        unassigned=Count("status", filter=open_q & Q(assignee__isnull=True)),
        due_soon=Count("status", filter=open_q & Q(due_at__gte=now, due_at__lt=now + sla.DUE_SOON)),
        overdue=Count("status", filter=open_q & Q(due_at__lt=now)),
        waiting=Count("status", filter=Q(status=Enquiry.Status.WAITING)),
    )
    return counts


def enquiry_for_staff(*, user: User, enquiry_id: int) -> Enquiry | None:
    """One enquiry with its thread and files, if `user` may see it (three queries)."""
    return (
        enquiries_visible_to(user)
        .select_related("topic", "place", "assignee", "merged_into")
        .defer("search_text")
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=EnquiryMessage.objects.select_related("author").prefetch_related(
                    Prefetch("attachments", queryset=EnquiryAttachment.objects.all())
                ),
            )
        )
        .filter(pk=enquiry_id)
        .first()
    )


def attachment_for_staff(*, user: User, attachment_id: int) -> EnquiryAttachment | None:
    return (
        EnquiryAttachment.objects.filter(pk=attachment_id, message__enquiry__in=enquiries_visible_to(user))
        .select_related("message")
        .first()
    )


def team_members(enquiry: Enquiry) -> QuerySet[User]:
    """Who the enquiry can be assigned to: active staff of its team (the helpline's consultants or the place's
    staff) and coordinators."""
    team = Q(groups__name=roles.HOTLINE_CONSULTANT) if enquiry.place_id is None else Q(places=enquiry.place_id)
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(team | Q(groups__name=roles.COORDINATOR))
        .distinct()
        .order_by("name", "email")
    )


def teams_for(user: User) -> list[tuple[str, str]]:
    """(value, label) of the teams the user can filter by."""
    from django.utils.translation import gettext

    from portal.models import Place

    everything = sees_every_team(user)
    places = Place.objects.all() if everything else user.places.all()
    choices = []
    if everything or roles.HOTLINE_CONSULTANT in group_names(user):
        choices.append((HELPLINE, gettext("helpline")))
    choices += [(str(place.pk), place.name) for place in places.order_by("order", "slug")]
    return choices


def canned_answers_for(enquiry: Enquiry) -> list[CannedAnswer]:
    """The canned answers in use, those of the enquiry's topic first (one query; for the choice, so without their
    texts and guides, which `canned_answer_text` reads for the one chosen)."""
    answers = list(CannedAnswer.objects.filter(is_active=True).defer(*_translated("body")))
    return sorted(answers, key=lambda answer: (answer.topic_id != enquiry.topic_id, answer.order, answer.pk))


def _translated(field: str) -> list[str]:
    return [field, *(f"{field}_{code}" for code, _name in settings.LANGUAGES)]


def canned_answer_text(answer: CannedAnswer, *, language: str) -> str:
    """The answer's text in `language` (Polish where not translated) with its guides' addresses under it."""
    from portal.selectors import guide_url_in

    body = getattr(answer, f"body_{language}", "") or answer.body_pl
    links = [settings.SITE_URL + guide_url_in(guide, language) for guide in answer.guides.all()]
    return body.strip() + ("\n\n" + "\n".join(links) if links else "")


# --- The private link of the person who asked ---------------------------------------------------------------


def enquiry_link_token(enquiry: Enquiry) -> str:
    return signing.dumps([enquiry.pk, enquiry.link_key], salt=LINK_SALT)


class LinkState:
    VALID = "valid"
    INVALID = "invalid"  # tampered, or never ours
    ERASED = "erased"  # a real link to an enquiry whose data was erased


def enquiry_for_link(*, token: str) -> tuple[str, Enquiry | None]:
    """What a private link opens: the enquiry with its public thread (no internal notes), or why not."""
    try:
        enquiry_id, key = signing.loads(token, salt=LINK_SALT)
        enquiry_id = int(enquiry_id)
    except (signing.BadSignature, TypeError, ValueError):
        return LinkState.INVALID, None
    enquiry = (
        Enquiry.objects.filter(pk=enquiry_id)
        .select_related("topic")
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=EnquiryMessage.objects.exclude(kind=EnquiryMessage.Kind.NOTE).prefetch_related("attachments"),
                to_attr="public_messages",
            )
        )
        .first()
    )
    if enquiry is None or enquiry.erased_at is not None or not enquiry.link_key:
        return LinkState.ERASED, None
    if not key or key != enquiry.link_key:
        return LinkState.INVALID, None
    return LinkState.VALID, enquiry


# --- Learning from questions (for editors) -------------------------------------------------------------------


@dataclass(frozen=True)
class LearningReport:
    since: datetime
    topics: list[dict[str, Any]]  # language, topic name, count
    unmatched: list[Enquiry]  # web questions for which the form suggested nothing
    guides_opened: list[dict[str, Any]]  # guide title, opens, opens after which the question was not sent
    faq_opened: list[dict[str, Any]]
    opened_not_sent: int  # drafts in which a suggestion was opened and no question was sent
    drafts_with_opens: int


def learning_report(*, days: int = 30, now: datetime | None = None, unmatched_limit: int = 50) -> LearningReport:
    """What people asked over the last `days`: per language the frequent topics, the web questions that matched
    no guide, and the guides and FAQ entries opened from the form's suggestions (five queries)."""
    from portal.models import Category, FaqEntry, Guide

    now = now or timezone.now()
    since = now - timedelta(days=days)
    recent = Enquiry.objects.filter(created_at__gte=since, merged_into__isnull=True)
    topic_rows = list(recent.values("language", "topic").annotate(count=Count("pk")).order_by("language", "-count"))
    names = dict(Category.objects.values_list("pk", "name"))
    topics = [
        {"language": row["language"], "topic": names.get(row["topic"], ""), "count": row["count"]}
        for row in topic_rows
    ]
    unmatched = list(
        recent.filter(suggestions_shown=0, erased_at__isnull=True)
        .select_related("topic")
        .only("pk", "reference", "language", "subject", "created_at", "topic__name")
        .order_by("-created_at")[:unmatched_limit]
    )
    opens = SuggestionOpen.objects.filter(opened_at__gte=since)
    guide_rows = list(
        opens.filter(guide__isnull=False)
        .values("guide")
        .annotate(opens=Count("pk"), not_sent=Count("pk", filter=Q(question_sent=False)))
        .order_by("-opens")[:30]
    )
    titles = dict(Guide.objects.filter(pk__in=[r["guide"] for r in guide_rows]).values_list("pk", "title"))
    guides_opened = [{"title": titles.get(r["guide"], ""), **r} for r in guide_rows]
    faq_rows = list(
        opens.filter(faq__isnull=False)
        .values("faq")
        .annotate(opens=Count("pk"), not_sent=Count("pk", filter=Q(question_sent=False)))
        .order_by("-opens")[:30]
    )
    questions = dict(FaqEntry.objects.filter(pk__in=[r["faq"] for r in faq_rows]).values_list("pk", "question"))
    faq_opened = [{"question": questions.get(r["faq"], ""), **r} for r in faq_rows]
    drafts = opens.values("draft_key").annotate(sent=Count("pk", filter=Q(question_sent=True)))
    drafts_with_opens = drafts.count()
    opened_not_sent = drafts.filter(sent=0).count()
    return LearningReport(
        since=since,
        topics=topics,
        unmatched=unmatched,
        guides_opened=guides_opened,
        faq_opened=faq_opened,
        opened_not_sent=opened_not_sent,
        drafts_with_opens=drafts_with_opens,
    )


def overdue_by_team(*, now: datetime | None = None) -> dict[int | None, list[Enquiry]]:
    """Open enquiries past their deadline, grouped by team (None: the helpline), for the daily digest."""
    now = now or timezone.now()
    grouped: dict[int | None, list[Enquiry]] = {}
    for enquiry in Enquiry.objects.filter(status__in=OPEN_STATUSES, due_at__lt=now).order_by("due_at"):
        grouped.setdefault(enquiry.place_id, []).append(enquiry)
    return grouped
