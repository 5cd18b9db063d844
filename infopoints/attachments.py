"""Files people send with their enquiries: PDF, JPEG or PNG only, recognized by their first bytes (a renamed
.exe is refused whatever it is called), at most `ENQUIRY_ATTACHMENT_MAX_BYTES` each and
`ENQUIRY_ATTACHMENTS_PER_MESSAGE` per message. Used by the web form, the reply page and e-mail intake."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)


@dataclass(frozen=True)
class IncomingFile:
    filename: str
    data: bytes
    content_type: str = ""  # what the sender claimed; only the content decides


class AttachmentRefused(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def sniff(data: bytes) -> str:
    """The content type the bytes really are, among the allowed ones; "" for anything else."""
    for signature, content_type in SIGNATURES:
        if data.startswith(signature):
            return content_type
    return ""


def max_bytes() -> int:
    return settings.ENQUIRY_ATTACHMENT_MAX_BYTES


def max_count() -> int:
    return settings.ENQUIRY_ATTACHMENTS_PER_MESSAGE


def check_files(files: list[IncomingFile]) -> list[tuple[IncomingFile, str]]:
    """Each file with its real content type; raises AttachmentRefused naming the first problem."""
    if len(files) > max_count():
        raise AttachmentRefused(_("You can attach at most %(count)d files.") % {"count": max_count()})
    checked = []
    for incoming in files:
        if not incoming.data:
            raise AttachmentRefused(_("The file %(name)s is empty.") % {"name": incoming.filename[:80]})
        if len(incoming.data) > max_bytes():
            raise AttachmentRefused(
                _("The file %(name)s is larger than %(size)d MB.")
                % {"name": incoming.filename[:80], "size": max_bytes() // (1024 * 1024)}
            )
        content_type = sniff(incoming.data)
        if not content_type:
            raise AttachmentRefused(
                _("The file %(name)s is not a PDF, JPEG or PNG file.") % {"name": incoming.filename[:80]}
            )
        checked.append((incoming, content_type))
    return checked


def message_attachments(argument: str) -> list[tuple[str, bytes, str]]:
    """The files of one outgoing enquiry message, for its e-mail (none once erased or gone)."""
    from infopoints.models import EnquiryAttachment

    if not argument.isdigit():
        return []
    files = []
    for attachment in EnquiryAttachment.objects.filter(message_id=int(argument), message__kind="outgoing"):
        with attachment.file.open("rb") as handle:
            files.append((attachment.filename, handle.read(), attachment.content_type))
    return files
