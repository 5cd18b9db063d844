"""How django-allauth treats accounts here: staff only, created by an administrator, never by sign-up."""

from allauth.account.adapter import DefaultAccountAdapter


class StaffAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False
