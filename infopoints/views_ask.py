"""The public side of the enquiry desk: the question form at /<lang>/ask/ with suggestions from the guides and FAQ,
and the private page of a signed link where the person reads our answers and writes back.

Without JavaScript the first step (the question) is sent and the suggestions are listed above the rest of the
form; with htmx they appear while the person types. Opening a suggestion goes through `ask_open`, which counts it
under a random draft key (no personal data) before redirecting to the guide or answer.
"""

import secrets

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from infopoints import selectors, services
from infopoints.attachments import AttachmentRefused
from infopoints.forms_enquiries import AskForm, PersonReplyForm, QuestionForm
from portal.search import faq_search, guides_search, query_clean
from portal.selectors import client_address, faq_published, guides_published

MAX_GUIDE_SUGGESTIONS = 5
SENT_SESSION_KEY = "ask-sent-reference"


def _suggestions(question: str) -> tuple[list, list]:
    query, _cut = query_clean(question)
    if not query:
        return [], []
    language = get_language()
    return guides_search(query=query, language=language).results[:MAX_GUIDE_SUGGESTIONS], faq_search(
        query=query, language=language
    )


def _draft(value: str) -> str:
    value = (value or "").strip()
    return value if value.isalnum() and 16 <= len(value) <= 32 else secrets.token_hex(16)


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request):
    """Step one (the question) and step two (topic, e-mail, files), one address; the step is in the POST."""
    step = request.POST.get("step") if request.method == "POST" else "1"
    if request.method == "GET":
        form = QuestionForm(initial={"draft": secrets.token_hex(16)})
        return render(request, "infopoints/ask/question.html", {"form": form})
    if step == "1":
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return render(request, "infopoints/ask/question.html", {"form": form}, status=400)
        question, draft = form.cleaned_data["question"], _draft(form.cleaned_data["draft"])
        guides, faqs = _suggestions(question)
        details = AskForm(initial={"question": question, "draft": draft, "suggestions_shown": len(guides) + len(faqs)})
        return render(request, "infopoints/ask/details.html",
                      {"form": details, "guides": guides, "faqs": faqs, "draft": draft})
    form = AskForm(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = services.enquiry_submit_web(
                language=get_language(),
                question=data["question"],
                email=data["email"],
                topic=None if data["topic"] == "other" else data["topic"],
                case_number=data["case_number"],
                name=data["name"],
                files=data["files"],
                draft_key=data["draft"],
                suggestions_shown=data["suggestions_shown"],
                client_key=client_address(request),
                honeypot=data["website"],
            )
        except AttachmentRefused as refusal:
            form.add_error("files", str(refusal.message))
        else:
            if result.outcome == services.AskOutcome.RATE_LIMITED:
                form.add_error(
                    None, _("You have sent several questions in a short while. Please try again in an hour.")
                )
                status = 429
            else:
                if result.enquiry is not None:
                    request.session[SENT_SESSION_KEY] = result.enquiry.reference
                return redirect("ask_sent")
    draft = _draft(request.POST.get("draft", ""))
    return render(request, "infopoints/ask/details.html", {"form": form, "guides": [], "faqs": [], "draft": draft},
                  status=status)


@require_safe
def ask_suggestions(request):
    """The htmx fragment of suggestions for the question typed so far."""
    guides, faqs = _suggestions(request.GET.get("question", "")[:1000])
    response = render(request, "infopoints/ask/_suggestions.html",
                      {"guides": guides, "faqs": faqs, "draft": _draft(request.GET.get("draft", "")),
                       "typed": bool(request.GET.get("question", "").strip())})
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def ask_open(request, kind: str, pk: int):
    """Count that a suggestion was opened, then go to it."""
    url = None
    if kind == "guide":
        guide = guides_published().filter(pk=pk).first()
        url = guide.get_absolute_url() if guide is not None else None
    elif kind == "faq":
        faq = faq_published().filter(pk=pk).first()
        url = faq.get_absolute_url() if faq is not None else None
    if url is None:
        raise Http404
    draft = request.GET.get("d", "")
    if draft.isalnum() and 16 <= len(draft) <= 32:
        services.suggestion_open_record(
            draft_key=draft, language=get_language(), guide_id=pk if kind == "guide" else None,
            faq_id=pk if kind == "faq" else None,
        )
    return redirect(url)


@never_cache
@require_safe
def ask_sent(request):
    reference = request.session.get(SENT_SESSION_KEY, "")
    return render(request, "infopoints/ask/sent.html", {"reference": reference})


@never_cache
@require_http_methods(["GET", "POST"])
def ask_thread(request, token: str):
    """The person's private page: our answers and their messages, and a form to write back."""
    state, enquiry = selectors.enquiry_for_link(token=token)
    if enquiry is None:
        return render(request, "infopoints/ask/invalid.html", {"erased": state == selectors.LinkState.ERASED},
                      status=410 if state == selectors.LinkState.ERASED else 404)
    form = PersonReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enquiry_reply_from_person(token=token, body=form.cleaned_data["body"],
                                               files=form.cleaned_data["files"])
        except AttachmentRefused as refusal:
            form.add_error("files", str(refusal.message))
        else:
            messages.success(request, _("Thank you. Your message has been added to your enquiry."))
            return redirect(reverse("ask_thread", kwargs={"token": token}))
    response = render(request, "infopoints/ask/thread.html", {"enquiry": enquiry, "form": form},
                      status=400 if form.errors else 200)
    # The token is the key. The site-wide Referrer-Policy (same-origin) already keeps it from linked sites;
    # "no-referrer" would make browsers send "Origin: null" with the reply form, which CSRF checks refuse.
    response["X-Robots-Tag"] = "noindex"
    return response
