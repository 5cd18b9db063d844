"""Turning one e-mail, as the mail server hands it over, into a message for the enquiry desk.

People write to the helpline's address from every mail program there is: Polish, Ukrainian and Russian text in
whatever charset their program chose, HTML-only messages, replies with the whole history quoted below, photos of
documents. Mail programs and servers write too: out-of-office replies, bounces, read receipts, and now and then
two autoresponders answering each other for ever. `parse_email` keeps the first kind and refuses the second
without opening its body, so that no enquiry is opened for a robot and no robot is ever answered (which is how
mail loops start).

Nothing here touches the database: `parse_email` is pure apart from a per-sender counter in the cache (the
defence against loops), and `receive` hands an accepted message to the enquiry desk's service, which decides
whether it joins an enquiry (reference in the subject, `In-Reply-To`/`References`) or opens a new one.

Bad mail is never an exception: it is a `Rejected` result with a short reason code, which callers log (never with
an address or a subject: those are personal data).
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser
from email.utils import getaddresses, parseaddr

from django.conf import settings

from infopoints.mail_text import html_to_text, language_from_header, language_of, strip_quoted_history

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str
    content_type: str  # from the content's magic bytes, never from what the sender declared
    data: bytes


@dataclass
class ParsedEmail:
    message_id: str  # "<id@host>"; made up from the content when the sender gave none
    in_reply_to: str  # "<id@host>" or ""
    references: list[str]
    from_address: str
    from_name: str
    subject: str
    text: str  # plain text, quoted history removed; HTML-only mail converted to text
    language_hint: str  # "pl", "en", "uk", "ru" or "" when the text does not tell
    attachments: list[ParsedAttachment]
    # Attachments that were not kept ("name: reason"), so staff can tell the person what did not arrive.
    dropped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    """Mail deliberately not taken in. `reason` is a short code, safe to log."""

    reason: str


# Reason codes (stable: they end up in logs and in the command's output).
OVERSIZE = "oversize"
EMPTY = "empty"
AUTO_REPLY = "auto-reply"
BOUNCE = "bounce"
TOO_MANY_PARTS = "too-many-parts"
TOO_DEEP = "too-deep"
LOOP = "loop"
NO_SENDER = "no-sender"
UNPARSEABLE = "unparseable"

REFERENCE_RE = re.compile(r"\b([A-Z]{2})-(\d{4})-(\d{6})\b")
MESSAGE_ID_RE = re.compile(r"<[^<>\s]+>")
BOUNDARY_RE = re.compile(rb'boundary\s*=\s*"?([^";\r\n]{1,200})', re.IGNORECASE)
# Precedence values that mean "a program sent this" (RFC 3834 section 2; `list` is mailing-list traffic).
AUTOMATIC_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
# An MTA gives up after about 25-100 hops (RFC 5321 section 6.3); a message that has travelled this far is looping.
MAX_RECEIVED_HEADERS = 30

MAGIC = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)


def reference_in_subject(subject: str) -> str:
    """The enquiry reference (`ZG-2026-004211`) a reply carries in its subject, or "".

    Mail programs keep the subject when replying ("Re: [ZG-2026-004211] …", "Odp: …", "AW: …") and some lower-case
    it or wrap it in brackets; the reference is matched wherever it stands, upper-cased.
    """
    match = REFERENCE_RE.search((subject or "").upper())
    return match.group(0) if match else ""


# --- Limits (settings, read at call time so tests and deployments can change them) ---------------------------


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def max_message_bytes() -> int:
    return _limit("ENQUIRY_MAIL_MAX_BYTES", 25 * 1024 * 1024)


# --- Parsing --------------------------------------------------------------------------------------------------


def parse_email(raw: bytes) -> ParsedEmail | Rejected:
    """Parse one RFC 5322 message; a `ParsedEmail` for a person's mail, `Rejected` for everything else.

    The checks run cheapest first, so hostile mail costs little: size before anything is parsed, then the
    headers alone (auto-replies and bounces are refused without their body being decoded), then a count of MIME
    parts in the raw bytes (a MIME bomb is refused before the parser builds thousands of objects), and only then
    the full parse.
    """
    if len(raw) > max_message_bytes():
        return Rejected(OVERSIZE)
    if not raw.strip():
        return Rejected(EMPTY)
    try:
        headers = BytesHeaderParser(policy=policy.default).parsebytes(raw)
        automatic = _automatic_mail(headers)
        if automatic:
            return Rejected(automatic)
        max_parts = _limit("ENQUIRY_MAIL_MAX_PARTS", 100)
        # Every container (multipart or attached message) declares itself; counting the declarations bounds
        # both the parts and the depth the parser would build.
        if len(re.findall(rb"multipart/|message/rfc822", raw, flags=re.IGNORECASE)) > max_parts:
            return Rejected(TOO_MANY_PARTS)
        # Each part starts with a line "--boundary": counting those lines bounds the parts of every container.
        boundaries = {b.strip() for b in BOUNDARY_RE.findall(raw) if b.strip()}
        if len(boundaries) > max_parts:
            return Rejected(TOO_MANY_PARTS)
        if sum(raw.count(b"\n--" + boundary) for boundary in boundaries) > 2 * max_parts + 2:
            return Rejected(TOO_MANY_PARTS)
        result = _parsed(BytesParser(policy=policy.default).parsebytes(raw), raw)
    except RecursionError:
        return Rejected(TOO_DEEP)
    except Exception as exc:
        # The email package raises many kinds of error on badly broken mail; none of it is worth a retry, and
        # bad mail must never make the mail server try again. (Nothing in this block touches a service.)
        logger.info("enquiry mail unparseable: %s", type(exc).__name__)
        return Rejected(UNPARSEABLE)
    # Outside the block above on purpose: if the cache is down, that is a temporary failure to report, not bad mail.
    if isinstance(result, ParsedEmail) and _sender_over_limit(result.from_address):
        return Rejected(LOOP)
    return result


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError):
        return ""
    return str(value).strip() if value is not None else ""


def _automatic_mail(headers: Message) -> str:
    """The reason code if the headers show a program sent this mail (RFC 3834, RFC 3464), else ""."""
    auto_submitted = _header(headers, "Auto-Submitted").lower()
    if auto_submitted and auto_submitted.split(";")[0].strip() != "no":
        return AUTO_REPLY
    if _header(headers, "Precedence").lower() in AUTOMATIC_PRECEDENCE:
        return AUTO_REPLY
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Autoresponder"):
        if name in headers:
            return AUTO_REPLY
    content_type = headers.get_content_type()
    if content_type == "multipart/report" or content_type == "message/delivery-status":
        return BOUNCE  # delivery status notifications and read receipts (disposition notifications) alike
    return_path = _header(headers, "Return-Path")
    if return_path and parseaddr(return_path)[1] in ("", "<>"):
        return BOUNCE  # the null reverse path is only for notifications (RFC 5321 section 4.5.5)
    sender = parseaddr(_header(headers, "From"))[1].lower()
    if sender.split("@")[0] in ("mailer-daemon", "postmaster"):
        return BOUNCE
    own = str(getattr(settings, "ENQUIRY_MAIL_ADDRESS", "") or "").lower()
    if own and (sender == own or own in _header(headers, "X-Loop").lower()):
        return LOOP
    if len(headers.get_all("Received") or []) > MAX_RECEIVED_HEADERS:
        return LOOP
    return ""


def _tree_too_big(message: Message) -> str:
    max_parts = _limit("ENQUIRY_MAIL_MAX_PARTS", 100)
    max_depth = _limit("ENQUIRY_MAIL_MAX_DEPTH", 8)
    count = 0
    stack = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        if count > max_parts:
            return TOO_MANY_PARTS
        if depth > max_depth:
            return TOO_DEEP
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend((child, depth + 1) for child in payload if isinstance(child, Message))
    return ""


def _parsed(message: EmailMessage, raw: bytes) -> ParsedEmail | Rejected:
    too_big = _tree_too_big(message)
    if too_big:
        return Rejected(too_big)

    from_name, from_address = _sender(message)
    if not from_address:
        return Rejected(NO_SENDER)

    body_part, attachment_parts = _body_and_attachments(message)
    text = ""
    if body_part is not None:
        decoded = _decode_text(body_part)
        if body_part.get_content_type() == "text/html":
            decoded = html_to_text(decoded)
        text = strip_quoted_history(_normalise_newlines(decoded))
    attachments, dropped = _attachments(attachment_parts)
    if not text.strip() and not attachments:
        return Rejected(EMPTY)

    message_id = _first_message_id(_header(message, "Message-ID"))
    if not message_id:
        # Without one, replies cannot thread and a second delivery cannot be recognised; one derived from the
        # content keeps both working (the same bytes always give the same id).
        message_id = f"<{hashlib.sha256(raw).hexdigest()[:32]}@no-message-id.invalid>"
    subject = " ".join(_header(message, "Subject").split())
    language = language_from_header(_header(message, "Content-Language")) or language_of(text)
    return ParsedEmail(
        message_id=message_id,
        in_reply_to=_first_message_id(_header(message, "In-Reply-To")),
        references=MESSAGE_ID_RE.findall(_header(message, "References")),
        from_address=from_address,
        from_name=from_name,
        subject=subject[:500],
        text=text,
        language_hint=language,
        attachments=attachments,
        dropped=dropped,
    )


def _first_message_id(value: str) -> str:
    match = MESSAGE_ID_RE.search(value or "")
    return match.group(0) if match else ""


def _sender(message: Message) -> tuple[str, str]:
    """(display name, address) of the first address in `From`.

    `Reply-To` is deliberately not used: a forged one would send our confirmation to a third party.
    """
    for display_name, address in getaddresses([_header(message, "From")]):
        address = address.strip()
        if "@" in address and " " not in address and len(address) <= 254:
            return " ".join(display_name.split())[:200], address
    return "", ""


def _is_attachment(part: Message) -> bool:
    disposition = (part.get_content_disposition() or "").lower()
    return disposition == "attachment" or (disposition == "inline" and bool(part.get_filename()))


def _body_and_attachments(message: Message) -> tuple[Message | None, list[Message]]:
    """The part to show as the message's text (plain text preferred to HTML) and the parts that are files."""
    plain = html = None
    files: list[Message] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        content_type = part.get_content_type()
        if _is_attachment(part):
            files.append(part)
        elif content_type == "text/plain" and plain is None:
            plain = part
        elif content_type == "text/html" and html is None:
            html = part
        elif content_type.startswith(("text/", "message/")) and not _is_attachment(part):
            continue  # alternative renderings (text/calendar, text/enriched) and forwarded headers: not files
        else:
            files.append(part)  # an inline image or document without a disposition is still a file
    return (plain if plain is not None else html), files


def _decode_text(part: Message) -> str:
    """The text of a part, whatever its transfer encoding and charset (declared, missing or wrong)."""
    payload = _payload_bytes(part)
    declared = (part.get_content_charset() or "").strip().strip('"').lower()
    candidates = [c for c in (declared, "utf-8") if c and c not in ("unknown-8bit", "x-unknown")]
    for charset in candidates:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    # Undeclared 8-bit text from a Polish or Cyrillic Windows program: the commonest cases, by letters found.
    cyrillic = payload.decode("cp1251", errors="replace")
    if sum("\u0400" <= ch <= "\u04ff" for ch in cyrillic) > len(payload) // 4:
        return cyrillic
    return payload.decode("cp1250", errors="replace")


def _payload_bytes(part: Message) -> bytes:
    """The decoded content of a part that is not multipart (bytes for every such part; b"" when empty)."""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _attachments(parts: list[Message]) -> tuple[list[ParsedAttachment], list[str]]:
    max_count = _limit("ENQUIRY_MAIL_MAX_ATTACHMENTS", 10)
    max_bytes = _limit("ENQUIRY_MAIL_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
    kept: list[ParsedAttachment] = []
    dropped: list[str] = []
    for index, part in enumerate(parts, start=1):
        name = _safe_filename(part.get_filename() or "")
        data = _payload_bytes(part)
        kind = next(((content_type, ext) for magic, content_type, ext in MAGIC if data.startswith(magic)), None)
        shown = name or f"attachment-{index}"
        if kind is None:
            dropped.append(f"{shown}: type")
            continue
        if len(data) > max_bytes:
            dropped.append(f"{shown}: size")
            continue
        if len(kept) >= max_count:
            dropped.append(f"{shown}: count")
            continue
        content_type, ext = kind
        if not name:
            name = f"attachment-{index}{ext}"
        kept.append(ParsedAttachment(filename=name, content_type=content_type, data=data))
    return kept, dropped


def _safe_filename(name: str) -> str:
    """A name to show and to store under: no path, no control characters, not too long."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    if len(name) > 100:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 95 - len(ext)] + dot + ext) if dot and len(ext) <= 5 else name[:100]
    return name


def _sender_over_limit(address: str) -> bool:
    """A sender writing more often than a person does (two autoresponders answering each other, a script)."""
    from portal.services import over_hourly_limit

    per_hour = _limit("ENQUIRY_MAIL_PER_SENDER_PER_HOUR", 20)
    return over_hourly_limit(prefix="enquiry-mail-sender", client_key=address.lower(), per_hour=per_hour)


# --- Hand-over to the enquiry desk ------------------------------------------------------------------------------


def log_id(parsed_or_raw: ParsedEmail | bytes) -> str:
    """A short, non-reversible id of a message for log lines (a Message-ID can carry a person's domain)."""
    source = parsed_or_raw.message_id.encode() if isinstance(parsed_or_raw, ParsedEmail) else parsed_or_raw
    return hashlib.sha256(source).hexdigest()[:12]


def receive(raw: bytes) -> ParsedEmail | Rejected:
    """Take in one message: parse it and, if it is a person's mail, give it to the enquiry desk.

    Returns what was decided; raises only on a temporary failure (the database is down), so that the mail
    server or the IMAP poll tries again later. The desk's service must treat a second delivery of the same
    `message_id` as already received (mail servers and IMAP polls deliver at least once, not exactly once).
    """
    result = parse_email(raw)
    if isinstance(result, Rejected):
        logger.info("enquiry mail rejected: %s (%d bytes, id %s)", result.reason, len(raw), log_id(raw))
        return result
    # Imported here, not at the top: the enquiry desk's services are built beside this module and import the
    # models, which this module (and the tests of parsing) must not need.
    from infopoints.services.enquiries import enquiry_receive_email

    enquiry_receive_email(message=result)
    logger.info(
        "enquiry mail accepted: id %s, %d attachment(s) kept, %d dropped",
        log_id(result),
        len(result.attachments),
        len(result.dropped),
    )
    return result
