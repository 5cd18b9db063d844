"""Staff pages of the enquiry desk: the lists (mine, unassigned, due soon, overdue, waiting, by team, by language),
one enquiry with its thread and actions, the helpline's quick log and the editors' "learning from questions".

Every page is for signed-in staff with a second factor; what they see and may act on is decided by
`selectors.enquiries_visible_to` alone. Each action is a POST followed by a redirect back to the enquiry, so the
desk works without JavaScript; htmx only fills the reply box with a canned answer in place.
"""

import dataclasses
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cases.selectors import case_status_for_staff
from infopoints import desk_cache, selectors, services
from infopoints.attachments import AttachmentRefused
from infopoints.forms_enquiries import CallLogForm, DeskFilterForm, MergeForm, NoteForm, ReplyForm
from infopoints.models import CannedAnswer, Enquiry
from infopoints.selectors.enquiries import VIEWS

PAGE_SIZE = 50

VIEW_LABELS = {
    "all": _("All open"),
    "mine": _("Mine"),
    "unassigned": _("Unassigned"),
    "due_soon": _("Due soon"),
    "overdue": _("Overdue"),
    "waiting": _("Waiting for the person"),
    "done": _("Answered and closed"),
}

ERRORS = {
    "not_found": _("This enquiry does not exist or belongs to another team."),
    "not_in_team": _("This person does not work in the enquiry's team."),
    "empty": _("Write something first."),
    "merged": _("This enquiry was merged into another one; work on that one."),
    "erased": _("The personal data of this enquiry has been erased; it can no longer be changed."),
    "same": _("An enquiry cannot be merged into itself."),
    "bad_status": _("Unknown status."),
    "bad_priority": _("Unknown priority."),
    "no_callback_number": _("A call-back needs the number to call."),
}


def desk_required(permission: str = "infopoints.view_enquiry"):
    """Signed-in staff holding `permission`. That they have TOTP enrolled is checked for every staff page by
    `portal.middleware.StaffMFARequiredMiddleware` (which sends them to enrol first); not asked again here."""

    def decorator(view):
        @wraps(view)
        @never_cache
        @login_required
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


@desk_required()
@require_safe
def desk(request):
    # Drawn for the start of the minute, so that the cached copy is right for all of it (infopoints.desk_cache).
    minute = timezone.now().replace(second=0, microsecond=0)
    list_key, frame_key = desk_cache.keys(user_id=request.user.pk, language=get_language(), minute=minute,
                                          query=request.GET.urlencode())
    content, frame = desk_cache.cached(list_key, frame_key)
    if content is None:
        if frame is None:
            frame = _desk_frame(request.user, now=minute)
            desk_cache.store(frame_key, frame)
        content = _desk_content(request, frame, now=minute)
        desk_cache.store(list_key, content)
    return render(request, "infopoints/enquiries/desk.html", {"content": content})


def _desk_frame(user, *, now) -> dict:
    """What all of a person's lists show around the rows: the views' counts and the filters' choices."""
    counts = selectors.desk_counts(user=user, now=now)
    return {
        "counts": [(name, str(VIEW_LABELS[name]), counts.get(name)) for name in VIEWS],
        "teams": [(value, str(label)) for value, label in selectors.teams_for(user)],
        "topics": [(value, str(label)) for value, label in _topics()],
    }


def _desk_content(request, frame: dict, *, now) -> str:
    form = DeskFilterForm(request.GET or None, views=VIEWS)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.DeskFilters(**{key: data.get(key) or "" for key in
                                       ("view", "team", "language", "status", "channel", "topic", "q")})
    if not filters.view:
        filters = dataclasses.replace(filters, view="all")
    listed = selectors.enquiry_list(user=request.user, filters=filters, now=now).values(*selectors.DESK_ROW_FIELDS)
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    teams, topics = frame["teams"], frame["topics"]
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("view", None)
    context = {
        "page": page,
        # The filters list the places and topics the rows name: their names come from there.
        "rows": selectors.desk_rows(page.object_list, now=now,
                                    place_names={int(pk): name for pk, name in teams if pk.isdigit()},
                                    topic_names={int(pk): name for pk, name in topics if pk.isdigit()}),
        "filters": filters,
        "views": frame["counts"],
        "teams": teams,
        "languages": Enquiry.Language.choices,
        "statuses": Enquiry.Status.choices,
        "channels": Enquiry.Channel.choices,
        "topics": topics,
        "query_without_view": query.urlencode(),
    }
    return render_to_string("infopoints/enquiries/_desk_content.html", context, request=request)


def _topics():
    from infopoints.forms_enquiries import topic_choices

    return [choice for choice in topic_choices() if choice[0]]


def _enquiry(request, pk: int) -> Enquiry:
    enquiry = selectors.enquiry_for_staff(user=request.user, enquiry_id=pk)
    if enquiry is None:
        raise Http404
    return enquiry


@desk_required()
@require_safe
def detail(request, pk: int):
    enquiry = _enquiry(request, pk)
    chosen = request.GET.get("canned", "")
    reply_initial = {}
    if chosen.isdigit():
        answer = CannedAnswer.objects.filter(pk=int(chosen), is_active=True).prefetch_related("guides").first()
        if answer is not None:
            reply_initial["body"] = selectors.canned_answer_text(answer, language=enquiry.language)
    reply_form = ReplyForm(initial=reply_initial)
    if request.htmx and chosen:
        return render(request, "infopoints/enquiries/_reply_body.html", {"reply_form": reply_form})
    return _render_detail(request, enquiry, {"reply_form": reply_form})


def _render_detail(request, enquiry: Enquiry, forms: dict, status: int = 200):
    now = timezone.now()
    context = {
        "enquiry": enquiry,
        "facts": selectors.desk_facts(enquiry, now=now),
        "case": case_status_for_staff(user=request.user, number=enquiry.case_number) if enquiry.case_number else None,
        "canned": selectors.canned_answers_for(enquiry),
        "members": list(selectors.team_members(enquiry).only("pk", "name", "email")),
        "teams": selectors.teams_for(request.user) if selectors.sees_every_team(request.user) else [],
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "merge_form": forms.get("merge_form") or MergeForm(),
        "statuses": Enquiry.Status.choices,
        "priorities": Enquiry.Priority.choices,
    }
    return render(request, "infopoints/enquiries/detail.html", context, status=status)


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@desk_required("infopoints.change_enquiry")
@require_POST
def action(request, pk: int, act: str):
    user = request.user
    try:
        if act == "assign":
            assignee = request.POST.get("assignee")
            assignee_id = user.pk if assignee == "me" else _int_or_none(assignee)
            services.enquiry_assign(user=user, enquiry_id=pk, assignee_id=assignee_id)
            messages.success(request, _("Assignment saved."))
        elif act == "status":
            services.enquiry_status_set(user=user, enquiry_id=pk, status=request.POST.get("status", ""))
            messages.success(request, _("Status changed."))
        elif act == "priority":
            services.enquiry_priority_set(user=user, enquiry_id=pk, priority=request.POST.get("priority", ""))
            messages.success(request, _("Priority changed; the deadlines follow it."))
        elif act == "team":
            team = request.POST.get("team", "")
            services.enquiry_team_set(user=user, enquiry_id=pk, place_id=None if team == "helpline" else
                                      _int_or_none(team) or -1)
            messages.success(request, _("The enquiry was handed to another team."))
            if selectors.enquiry_for_staff(user=user, enquiry_id=pk) is None:
                return redirect("enquiries:list")
        elif act == "reply":
            form = ReplyForm(request.POST, request.FILES)
            if not form.is_valid():
                return _detail_with_errors(request, pk, reply_form=form)
            services.enquiry_reply(user=user, enquiry_id=pk, body=form.cleaned_data["body"],
                                   files=form.cleaned_data["files"],
                                   wait_for_person=form.cleaned_data["wait_for_person"])
            messages.success(request, _("Your answer was saved and, where we have an e-mail address, sent."))
        elif act == "note":
            note_form = NoteForm(request.POST)
            if not note_form.is_valid():
                return _detail_with_errors(request, pk, note_form=note_form)
            services.enquiry_note_add(user=user, enquiry_id=pk, body=note_form.cleaned_data["body"])
            messages.success(request, _("Note added."))
        elif act == "merge":
            merge_form = MergeForm(request.POST)
            if not merge_form.is_valid():
                return _detail_with_errors(request, pk, merge_form=merge_form)
            kept = services.enquiry_merge(user=user, duplicate_id=pk, into_reference=merge_form.cleaned_data["into"])
            messages.success(request, _("Merged: the messages are now in this enquiry."))
            return redirect("enquiries:detail", pk=kept.pk)
        else:
            raise Http404
    except services.EnquiryError as error:
        if error.code == "not_found" and act != "merge":
            raise Http404 from error
        messages.error(request, ERRORS.get(error.code, error.code))
    except AttachmentRefused as refusal:
        messages.error(request, str(refusal.message))
    return redirect("enquiries:detail", pk=pk)


def _detail_with_errors(request, pk: int, **forms):
    messages.error(request, _("Please correct the form below."))
    return _render_detail(request, _enquiry(request, pk), forms, status=400)


@desk_required()
@require_safe
def attachment(request, pk: int):
    item = selectors.attachment_for_staff(user=request.user, attachment_id=pk)
    if item is None or not item.file:
        raise Http404
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.filename,
                            content_type=item.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@desk_required("infopoints.add_enquiry")
@require_http_methods(["GET", "POST"])
def call_log(request):
    """The helpline's quick log: a call recorded in a few keystrokes, then a fresh form for the next one."""
    form = CallLogForm(request.POST or None, initial={"language": "pl", "outcome": "answered"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            enquiry = services.enquiry_call_log(
                user=request.user,
                topic=None if data["topic"] == "other" else data["topic"],
                language=data["language"],
                summary=data["summary"],
                answered=data["outcome"] == "answered",
                callback_phone=data["callback_phone"],
                case_number=data["case_number"],
            )
        except services.EnquiryError as error:
            form.add_error(None, ERRORS.get(error.code, error.code))
        else:
            messages.success(request, _("Call recorded as %(reference)s.") % {"reference": enquiry.reference})
            return redirect("enquiries:call")
    recent = selectors.enquiry_list(
        user=request.user, filters=selectors.DeskFilters(view="mine", channel="phone")
    )[:10]
    return render(request, "infopoints/enquiries/call.html", {"form": form, "recent": recent},
                  status=400 if form.errors else 200)


@desk_required("infopoints.view_enquiry_report")
@require_safe
def learning(request):
    days = request.GET.get("days", "30")
    days = int(days) if days.isdigit() and 1 <= int(days) <= 366 else 30
    report = selectors.learning_report(days=days)
    return render(request, "infopoints/enquiries/learning.html", {"report": report, "days": days,
                                                                  "periods": (7, 30, 90, 365)})

