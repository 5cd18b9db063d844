"""The public case-status pages. The case number travels only in POST bodies, never in a URL or a cookie.

A successful lookup puts the case id in a short-lived signed cookie (`selectors.LOOKUP_COOKIE`) and redirects to
the result page (post/redirect/get), so a refresh shows the result again instead of resubmitting the form. Neither
page writes a session: the lookup's only write is its record, and the result page is served from the cache
(`cases.result_cache`) after the same cookie check.
"""

import secrets

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cases import appeal, complaint, result_cache, selectors, services
from cases.forms import AppealForm, ComplaintForm, LookupForm, SubscriptionForm
from cases.models import Case
from portal.page_cache import CSRF_PLACEHOLDER, is_cacheable, with_visitor_csrf_token
from portal.selectors import client_address, guide_links


def _overview(case_id: int | None) -> selectors.CaseOverview | None:
    """The case opened in this browser, or None if none is (or it was anonymized since)."""
    if case_id is None:
        return None
    try:
        return selectors.case_overview(case_id=case_id)
    except Case.DoesNotExist:
        return None


def _looked_up_overview(request) -> selectors.CaseOverview | None:
    return _overview(selectors.case_looked_up(request))


def _lookup_cookie_set(response: HttpResponse, case_id: int) -> None:
    response.set_signed_cookie(
        selectors.LOOKUP_COOKIE,
        str(case_id),
        salt=selectors.LOOKUP_COOKIE_SALT,
        max_age=selectors.LOOKUP_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _lookup_closed(request) -> HttpResponse:
    response = redirect("cases:lookup")
    response.delete_cookie(selectors.LOOKUP_COOKIE, samesite="Lax")
    return response


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
            if result.outcome == services.LookupOutcome.FOUND and result.case_id is not None:
                to_result = redirect("cases:result")
                _lookup_cookie_set(to_result, result.case_id)
                return to_result
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
    case_id = selectors.case_looked_up(request)
    # Only a plain GET by a visitor with no session and no pending message is the same for everyone who opened the
    # case, so only that is cached.
    key = result_cache.page_key(case_id) if case_id is not None and is_cacheable(request) else None
    page = result_cache.cached_page(key) if key else None
    if page is not None:
        return _case_page_response(request, page)

    overview = _overview(case_id)
    if overview is None:
        messages.info(request, _("For your security the result closes after 30 minutes. Please look it up again."))
        return _lookup_closed(request)
    subscription_form = SubscriptionForm(request.POST or None)
    subscription_message = ""
    if request.method == "POST" and subscription_form.is_valid():
        outcome = services.subscription_request(
            case_id=overview.case.pk, email=subscription_form.cleaned_data["email"], language=get_language()
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
    page = _case_page(request, overview, subscription_form)
    if key is not None:
        result_cache.cached_page_store(key, page)
    return _case_page_response(request, page, status=400 if subscription_form.errors else 200)


def _case_page(request: HttpRequest, overview: selectors.CaseOverview, subscription_form) -> result_cache.CachedPage:
    """The page with markers where the CSRF token and the other apps' parts go: what may be shared by everyone who
    opened the case."""
    parts_marker = secrets.token_hex(16)
    context = {
        "overview": overview,
        "case": overview.case,
        "subscription_form": subscription_form,
        "csrf_token": CSRF_PLACEHOLDER,
        "case_page_parts_marker": parts_marker,
    }
    if overview.appeal_offered:
        context["appeal_guide"] = _appeal_guide()
    html = render_to_string("cases/result.html", context, request=request)
    return result_cache.CachedPage(
        html=html, parts_marker=parts_marker, overview=result_cache.shown_overview(overview)
    )


def _case_page_response(request: HttpRequest, page: result_cache.CachedPage, status: int = 200) -> HttpResponse:
    parts = render_to_string(
        "cases/_case_page_parts.html",
        {
            "case_page_parts": selectors.case_page_blocks(page.overview),
            "overview": page.overview,
            "case": page.overview.case,
        },
    )
    return HttpResponse(with_visitor_csrf_token(request, page.html.replace(page.parts_marker, parts, 1)), status=status)


@require_POST
def close(request):
    """Forget the lookup in this browser (a shared phone, a library computer)."""
    messages.success(request, _("The case is closed in this browser."))
    return _lookup_closed(request)


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
