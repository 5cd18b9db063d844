"""How django-allauth treats accounts here: staff only, created by an administrator, never by sign-up."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm
from django.utils.translation import gettext_lazy as _


class StaffAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False


class StaffLoginForm(LoginForm):
    """allauth's login form with its e-mail label in our catalogue: allauth's own "Email" has no Ukrainian entry
    that wins over other catalogues, so the Ukrainian login page said "Email:"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail address")
