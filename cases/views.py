"""The public case-status pages. The case number travels only in POST bodies and the session, never in a URL.

A successful lookup stores the case id in the session for a short while and redirects to the result page
(post/redirect/get), so a refresh shows the result again instead of resubmitting the form.
"""

import time

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cases import appeal, complaint, selectors, services
from cases.forms import AppealForm, ComplaintForm, LookupForm, SubscriptionForm
from cases.models import Case
from portal.selectors import client_address, guide_links

SESSION_KEY = selectors.LOOKUP_SESSION_KEY
# How long a successful lookup stays open in this browser: enough to read, short enough for a shared phone.
LOOKUP_SECONDS = 30 * 60


def _looked_up_case_id(request) -> int | None:
    return selectors.case_looked_up(request.session)


def _looked_up_overview(request) -> selectors.CaseOverview | None:
    """The case opened in this browser, or None if none is (or it was anonymized since)."""
    case_id = _looked_up_case_id(request)
    if case_id is None:
        return None
    try:
        return selectors.case_overview(case_id=case_id)
    except Case.DoesNotExist:
        request.session.pop(SESSION_KEY, None)
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    form = LookupForm(request.POST or None)
    status = 200
    minutes = 0
    if request.method == "POST":
        if form.is_valid():
            result = services.case_lookup(
                number=form.cleaned_data["number"],
                access_code=form.cleaned_data["access_code"],
                client_key=client_address(request),
            )
            if result.outcome == services.LookupOutcome.FOUND:
                request.session.cycle_key()
                request.session[SESSION_KEY] = {"case_id": result.case_id, "until": time.time() + LOOKUP_SECONDS}
                return redirect("cases:result")
            if result.outcome == services.LookupOutcome.LIMITED:
                # Whole minutes, rounded up; Retry-After says the same number of minutes in seconds.
                minutes = max(1, -(-result.retry_after_seconds // 60))
                form.add_error(
                    None,
                    ngettext(
                        "There have been too many attempts for this case number or from your connection. "
                        "To protect applicants' data, please wait %(minutes)d minute and try again, "
                        "or call the helpline.",
                        "There have been too many attempts for this case number or from your connection. "
                        "To protect applicants' data, please wait %(minutes)d minutes and try again, "
                        "or call the helpline.",
                        minutes,
                    )
                    % {"minutes": minutes},
                )
                status = 429
            else:
                form.add_error(
                    None,
                    _(
                        "We found no case with this number and access code. Check both on your filing receipt: "
                        "the code has ten letters and digits."
                    ),
                )
                status = 400
        else:
            status = 400
    response = render(request, "cases/lookup.html", {"form": form}, status=status)
    if status == 429:
        response["Retry-After"] = str(minutes * 60)
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def result(request):
    overview = _looked_up_overview(request)
    if overview is None:
        messages.info(request, _("For your security the result closes after 30 minutes. Please look it up again."))
        return redirect("cases:lookup")
    case_id = overview.case.pk

    subscription_form = SubscriptionForm(request.POST or None)
    subscription_message = ""
    if request.method == "POST" and subscription_form.is_valid():
        outcome = services.subscription_request(
            case_id=case_id, email=subscription_form.cleaned_data["email"], language=get_language()
        )
        if outcome == services.SubscribeOutcome.TOO_MANY:
            subscription_form.add_error("email", _("This case already has the most e-mail addresses it can have."))
        else:
            if outcome == services.SubscribeOutcome.ALREADY_ACTIVE:
                subscription_message = _("This address already receives e-mails about this case.")
            else:
                subscription_message = _("We have sent you an e-mail. Click the link in it to start receiving updates.")
            if not request.htmx:
                messages.success(request, subscription_message)
                return redirect(reverse("cases:result") + "#updates")
            subscription_form = SubscriptionForm()

    if request.htmx:
        # Only the updates section changes; htmx swaps 2xx answers, so errors come back as 200 here.
        context = {"subscription_form": subscription_form, "subscription_message": subscription_message}
        return render(request, "cases/_updates.html", context)
    context = {
        "overview": overview,
        "case": overview.case,
        "subscription_form": subscription_form,
        "case_page_parts": selectors.case_page_blocks(overview),
    }
    if overview.appeal_offered:
        context["appeal_guide"] = _appeal_guide()
    status = 400 if subscription_form.errors else 200
    return render(request, "cases/result.html", context, status=status)


@require_POST
def close(request):
    """Forget the lookup in this browser (a shared phone, a library computer)."""
    request.session.pop(SESSION_KEY, None)
    messages.success(request, _("The case is closed in this browser."))
    return redirect("cases:lookup")


@never_cache
@require_http_methods(["GET", "POST"])
def complaint_pdf(request):
    """The ponaglenie, offered only when the case is overdue or well beyond the usual time."""
    overview = _looked_up_overview(request)
    if overview is None:
        return redirect("cases:lookup")
    if not overview.complaint_offered:
        messages.info(request, _("A formal complaint about delay is not available for this case now."))
        return redirect("cases:result")
    form = ComplaintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        content = complaint.complaint_pdf_bytes(
            overview,
            language=get_language(),
            full_name=form.cleaned_data["full_name"],
            address=form.cleaned_data["address"],
            today=timezone.localdate(),
        )
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="ponaglenie-{get_language()}.pdf"'
        return response
    status = 400 if form.errors else 200
    return render(request, "cases/complaint.html", {"overview": overview, "form": form}, status=status)


def _appeal_guide() -> tuple[str, str] | None:
    return guide_links(slugs=[appeal.APPEAL_GUIDE_SLUG]).get(appeal.APPEAL_GUIDE_SLUG)


@never_cache
@require_http_methods(["GET", "POST"])
def appeal_letter(request):
    """After a refusal: the appeal as a PDF to sign, or its deadline as a calendar file; both by POST only."""
    overview = _looked_up_overview(request)
    if overview is None:
        return redirect("cases:lookup")
    if not overview.appeal_offered:
        messages.info(request, _("An appeal letter is offered only while a refusal can still be appealed."))
        return redirect("cases:result")
    today = timezone.localdate()
    action = request.POST.get("action", "pdf")
    form = AppealForm(request.POST or None, today=today, for_calendar=action == "ics")
    guide = _appeal_guide()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if action == "ics":
            deadline = appeal.appeal_deadline(data["delivered_on"])
            if deadline >= today:
                guide_url = request.build_absolute_uri(guide[1]) if guide else request.build_absolute_uri()
                content = appeal.appeal_deadline_ics(
                    deadline=deadline, place_name=overview.case.place.name, guide_url=guide_url
                )
                response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
                response["Content-Disposition"] = 'attachment; filename="odwolanie-termin.ics"'
                return response
            form.add_error(
                "delivered_on",
                _(
                    "The 14 days counted from this day have already passed. If you missed the deadline through no "
                    "fault of your own, see the appeal guide: you may ask for it to be restored."
                ),
            )
        else:
            letter = appeal.AppealLetter(
                overview=overview,
                language=get_language(),
                decision_date=data["decision_date"],
                delivered_on=data["delivered_on"],
                full_name=data["full_name"],
                address=data["address"],
            )
            response = HttpResponse(appeal.appeal_pdf_bytes(letter), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="odwolanie-{get_language()}.pdf"'
            return response
    context = {"overview": overview, "case": overview.case, "form": form, "appeal_guide": guide}
    context["appeal_days"] = appeal.APPEAL_DAYS
    return render(request, "cases/appeal.html", context, status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def subscription_confirm(request, token: str):
    subscription = services.subscription_from_token(
        token, services.SUBSCRIPTION_CONFIRM_SALT, max_age=services.SUBSCRIPTION_CONFIRM_MAX_AGE
    )
    if subscription is None:
        return render(request, "cases/subscription_invalid.html", status=404)
    # A GET only shows a button: mail scanners that open links must not confirm on the person's behalf.
    if request.method == "POST":
        services.subscription_confirm(subscription=subscription)
        return render(request, "cases/subscription_done.html", {"confirmed": True})
    return render(request, "cases/subscription_confirm.html", {"token": token})


@never_cache
@require_http_methods(["GET", "POST"])
def subscription_stop(request, token: str):
    subscription = services.subscription_from_token(token, services.SUBSCRIPTION_STOP_SALT)
    if subscription is None:
        return render(request, "cases/subscription_done.html", {"confirmed": False})
    if request.method == "POST":
        services.subscription_cancel(subscription=subscription)
        return render(request, "cases/subscription_done.html", {"confirmed": False})
    return render(request, "cases/subscription_stop.html", {"token": token})
