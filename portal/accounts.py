"""How django-allauth treats accounts here: staff only, created by an administrator, never by sign-up."""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.outbox import email_enqueue


class StaffAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails (password reset, security notices) go through the outbox like every other: the
        per-recipient limits apply, and the reset link is erased from the row once it is sent."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, ctx)
        if message.content_subtype == "html":
            text, html = "", message.body
        else:
            text = message.body
            alternatives = getattr(message, "alternatives", [])
            html = next((body for body, mimetype in alternatives if mimetype == "text/html"), "")
        email_enqueue(
            to_address=email,
            subject=message.subject,
            body_text=text,
            body_html=html,
            language=get_language() or "pl",
            dedupe_key=f"account-{template_prefix.rsplit('/', 1)[-1]}:{uuid.uuid4()}",
        )


class StaffLoginForm(LoginForm):
    """allauth's login form with its e-mail label in our catalogue: allauth's own "Email" has no Ukrainian entry
    that wins over other catalogues, so the Ukrainian login page said "Email:"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail address")
