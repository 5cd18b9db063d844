"""Notices (list, page, Atom feed, e-mail subscriptions), FAQ, fees and partner institutions: thin views."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal import selectors, services
from portal.forms import NoticeSubscriptionForm
from portal.models import FaqEntry, Notice, Partner
from portal.page_cache import public_page
from portal.page_views import Page, counts_views
from portal.text import TermMarker, content_version

NOTICES_PER_PAGE = 10
FEED_ITEMS = 20
FEED_CACHE_SECONDS = 60 * 15


# --- Notices --------------------------------------------------------------------------------------------------


def _pick(value: str, options: dict, problems: list[str], problem: str):
    """The option named by a filter parameter; an unknown value is ignored and the reader told so."""
    if not value:
        return None
    if value in options:
        return options[value]
    problems.append(problem)
    return None


@require_safe
@counts_views(Page.NOTICES)
@public_page
def notice_list(request):
    places, guides = selectors.notice_filter_choices()
    problems: list[str] = []
    place = _pick(
        request.GET.get("place", ""),
        {option.slug: option for option in places},
        problems,
        _("The place you chose is not known; all notices are shown."),
    )
    guide = _pick(
        request.GET.get("procedure", ""),
        {option.slug: option for option in guides},
        problems,
        _("The procedure you chose is not known; all notices are shown."),
    )
    paginator = Paginator(selectors.notices_for_list(place=place, guide=guide), NOTICES_PER_PAGE)
    page_number = request.GET.get("page", "1")
    if not re.fullmatch(r"[0-9]{1,6}", page_number) or not 1 <= int(page_number) <= paginator.num_pages:
        if page_number != "1":
            problems.append(_("That page of the list does not exist; the first page is shown."))
        page_number = "1"
    chosen = {"place": place.slug if place else "", "procedure": guide.slug if guide else ""}
    context = {
        "page": paginator.page(int(page_number)),
        "places": places,
        "guides": guides,
        "chosen": chosen,
        "problems": problems,
        "filter_query": urlencode({name: value for name, value in chosen.items() if value}),
        "now": timezone.now(),
    }
    return render(request, "portal/notice_list.html", context)


@require_safe
@counts_views(Page.NOTICE, item_from="slug")
@public_page
def notice_detail(request, slug: str):
    try:
        notice = selectors.notice_for_page(slug=slug)
    except Notice.DoesNotExist as exc:
        raise Http404 from exc
    return _notice_page(request, notice)


@never_cache
@login_required
@permission_required("portal.view_notice", raise_exception=True)
def notice_preview(request, slug: str):
    """Editors see a draft or scheduled notice exactly as it will look, with a preview banner."""
    try:
        notice = selectors.notice_for_page(slug=slug, include_unpublished=True)
    except Notice.DoesNotExist as exc:
        raise Http404 from exc
    return _notice_page(request, notice, preview=True)


def _notice_page(request, notice: Notice, *, preview: bool = False):
    expired = notice.is_expired()
    context = {
        "notice": notice,
        "expired": expired,
        "preview": preview,
        "term_marker": TermMarker.for_language(get_language()),
    }
    # An expired notice still answers (people follow old links), but with 410 Gone and a clear note.
    return render(request, "portal/notice_detail.html", context, status=410 if expired and not preview else 200)


class NoticeFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Notices of the Foreigners' Affairs Department, Wielkopolska Voivodeship Office in Poznań")

    def subtitle(self):
        return _("Changes, closures and new rules for foreigners in Wielkopolska.")

    def link(self):
        return reverse("notice_list")

    def items(self):
        return selectors.notices_for_list()[:FEED_ITEMS]

    def item_title(self, notice):
        return notice.title

    def item_description(self, notice):
        return notice.summary

    def item_link(self, notice):
        return notice.get_absolute_url()

    def item_pubdate(self, notice):
        return notice.published_at

    def item_updateddate(self, notice):
        return notice.updated_at


@require_safe
def notice_feed(request):
    """The Atom feed in the page's language, cached until published content changes (or 15 minutes pass)."""
    key = f"notice-feed:{get_language()}:{content_version()}"
    cached = cache.get(key)
    if cached is None:
        response = NoticeFeed()(request)
        cached = (response.content, response["Content-Type"])
        cache.set(key, cached, FEED_CACHE_SECONDS)
    return HttpResponse(cached[0], content_type=cached[1])


@require_http_methods(["GET", "POST"])
def notice_subscribe(request):
    places, guides = selectors.notice_filter_choices()
    form = NoticeSubscriptionForm(request.POST or None, places=places, guides=guides)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            outcome = services.notice_subscription_request(
                email=form.cleaned_data["email"],
                language=get_language(),
                place_ids=form.cleaned_data["places"],
                guide_ids=form.cleaned_data["guides"],
                client_key=selectors.client_address(request),
            )
            if outcome == services.SubscribeOutcome.SENT:
                return render(request, "portal/notice_subscription_done.html", {"step": "requested"})
            form.add_error(None, _("You have asked several times in a short while. Please try again in an hour."))
            status = 429
        else:
            status = 400
    return render(request, "portal/notice_subscribe.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def notice_subscription_confirm(request, token: str):
    """GET shows a button (mail scanners open links, and must not subscribe anyone); POST confirms."""
    if request.method == "POST":
        subscription = services.notice_subscription_confirm(token=token)
        step = "confirmed" if subscription else "invalid"
        return render(
            request, "portal/notice_subscription_done.html", {"step": step}, status=200 if subscription else 400
        )
    return render(request, "portal/notice_subscription_action.html", {"action": "confirm"})


@never_cache
@require_http_methods(["GET", "POST"])
def notice_unsubscribe(request, token: str):
    if request.method == "POST":
        done = services.notice_unsubscribe(token=token)
        step = "unsubscribed" if done else "invalid"
        return render(request, "portal/notice_subscription_done.html", {"step": step}, status=200 if done else 400)
    return render(request, "portal/notice_subscription_action.html", {"action": "unsubscribe"})


# --- FAQ ----------------------------------------------------------------------------------------------------


@require_safe
@public_page
def faq_list(request):
    answered = request.GET.get("answered", "")
    context = {
        "groups": selectors.faq_by_category(),
        "answered": answered,
        "term_marker": TermMarker.for_language(get_language()),
    }
    return render(request, "portal/faq_list.html", context)


@require_safe
@counts_views(Page.FAQ, item_from="slug")
def faq_detail(request, slug: str):
    response = _faq_page(request, slug)  # raises Http404 first, so unknown entries are never counted
    services.faq_view_count(slug=slug)
    return response


@public_page
def _faq_page(request, slug: str):
    try:
        entry = selectors.faq_for_page(slug=slug)
    except FaqEntry.DoesNotExist as exc:
        raise Http404 from exc
    context = {"entry": entry, "answered": request.GET.get("answered", ""), "term_marker": _marker()}
    return render(request, "portal/faq_detail.html", context)


@never_cache
@login_required
@permission_required("portal.view_faqentry", raise_exception=True)
def faq_preview(request, slug: str):
    try:
        entry = selectors.faq_for_page(slug=slug, include_drafts=True)
    except FaqEntry.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "portal/faq_detail.html", {"entry": entry, "preview": True, "term_marker": _marker()})


def _marker() -> TermMarker:
    return TermMarker.for_language(get_language())


# No CSRF token: FAQ pages are cached for everyone, so they carry no per-reader token and set no cookie. A vote
# carries nothing but yes or no; votes from other sites are refused by their Origin, and each address has a
# small daily allowance per entry (see `services.faq_feedback_record`).
@csrf_exempt
@require_POST
def faq_feedback(request, slug: str):
    """Count "was this helpful?"; with htmx the form is replaced by a thank-you, without it the page reloads."""
    origin = request.headers.get("Origin", "")
    # This site as the browser sees it: the request's host, or SITE_URL (behind the proxy the port may differ).
    own_hosts = {request.get_host(), *(urlsplit(trusted).netloc for trusted in settings.CSRF_TRUSTED_ORIGINS)}
    if origin and urlsplit(origin).netloc not in own_hosts:
        return HttpResponseForbidden(_("Answer on this site."), content_type="text/plain; charset=utf-8")
    answers = request.POST.getlist("helpful")
    if answers not in (["yes"], ["no"]):
        return HttpResponseBadRequest(_("Choose yes or no."), content_type="text/plain; charset=utf-8")
    if not services.faq_feedback_record(
        slug=slug, helpful=answers == ["yes"], client_key=selectors.client_address(request)
    ):
        raise Http404
    if request.htmx:
        return render(request, "portal/_faq_feedback.html", {"entry_slug": slug, "answered": slug})
    back = request.POST.get("back") == "entry"
    target = reverse("faq_detail", kwargs={"slug": slug}) if back else reverse("faq_list")
    return redirect(f"{target}?answered={slug}#{slug}")


# --- Fees and partner institutions ------------------------------------------------------------------------------


@require_safe
@counts_views(Page.FEES)
@public_page
def fee_list(request):
    return render(request, "portal/fee_list.html", {"fees": selectors.fees_overview()})


@require_safe
@counts_views(Page.HELP)
@public_page
def partner_list(request):
    topics, languages, towns = selectors.partner_filter_choices()
    problems: list[str] = []
    topic = _pick(
        request.GET.get("topic", ""),
        {t.code: t for t in topics},
        problems,
        _("The topic you chose is not known; it was left out of the search."),
    )
    language = _pick(
        request.GET.get("language", ""),
        {lang.code: lang for lang in languages},
        problems,
        _("The language you chose is not known; it was left out of the search."),
    )
    town = _pick(
        request.GET.get("town", ""),
        {town: town for town in towns},
        problems,
        _("The town you chose is not known; it was left out of the search."),
    )
    partners = selectors.partners_published(topic=topic, language=language, town=town or "")
    context = {
        "partners": partners,
        "topics": topics,
        "languages": languages,
        "towns": towns,
        "topic": topic,
        "language": language,
        "town": town or "",
        "problems": problems,
        "filtered": bool(topic or language or town),
    }
    return render(request, "portal/partner_list.html", context)


@never_cache
@login_required
@permission_required("portal.view_partner", raise_exception=True)
def partner_preview(request, slug: str):
    """Editors see an institution as readers will, published or not."""
    try:
        partner = selectors.partner_for_preview(slug=slug)
    except Partner.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "portal/partner_list.html", {"partners": [partner], "preview": True})
