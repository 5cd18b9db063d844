"""Case numbers and access codes: how people type them, and the keyed hashes the database keeps instead.

People copy a case number from a letter in many ways ("wsc-ii-s 6151.1234.2024", "WSC II S 6151 1234 2024"):
only its letters and digits matter, so that is the key it is looked up by. Access codes avoid letters and digits
that look alike (0/O, 1/I/L) and are compared as keyed hashes in constant time.
"""

import hashlib
import hmac
import re
import secrets

from django.conf import settings

ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 10
NUMBER_MAX_LENGTH = 40
_NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Z]")


def number_key(number: str) -> str:
    """The lookup key of a case number: upper-case letters and digits only."""
    return _NOT_ALPHANUMERIC.sub("", number.upper())


def number_display(number: str) -> str:
    """The number as stored for people to read: upper case, single spaces, no surrounding blanks."""
    return " ".join(number.upper().split())


def number_hash(number: str) -> str:
    """A keyed hash of the case number for logs and rate limits: the same case gives the same value."""
    return keyed_hash("case-number", number_key(number))


def last_digits(number: str) -> str:
    """What an e-mail may say about a case: the end of its number (e.g. "1234.2024"), so the reader recognises it.

    Office numbers end in a serial number and the year; both together tell a person's cases apart, and without
    the rest of the number they identify nobody.
    """
    groups = re.findall(r"[0-9A-Z]+", number.upper())
    return ".".join(groups[-2:]) if len(groups) >= 2 else number_key(number)[-4:]


def access_code_new() -> str:
    """A fresh code for the filing receipt, grouped for reading aloud: e.g. K7PX3-MQAB9."""
    code = "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


def access_code_normalize(code: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", code.upper())


def access_code_hash(code: str) -> str:
    return keyed_hash("access-code", access_code_normalize(code))


def access_code_matches(code: str, stored_hash: str) -> bool:
    """Constant-time comparison; an empty stored hash (no code issued yet) never matches."""
    candidate = access_code_hash(code)
    return hmac.compare_digest(candidate, stored_hash or "0" * len(candidate)) and bool(stored_hash)


def keyed_hash(purpose: str, value: str) -> str:
    return hmac.new(settings.HASHING_KEY.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()
