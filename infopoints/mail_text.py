"""The text of a message as staff should read it: HTML turned into plain text, quoted history cut, language guessed.

Used by `infopoints.mail_intake` for incoming mail; pure functions on strings, nothing to do with e-mail headers.
"""

import re
from html.parser import HTMLParser

# --- HTML to text -----------------------------------------------------------------------------------------------

_SKIPPED_TAGS = {"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object", "embed"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "hr",
    "section", "article", "header", "footer", "address", "dd", "dt", "dl", "center",
}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "source", "wbr"}


class _TextExtractor(HTMLParser):
    """Readable text of an HTML mail: no scripts, styles, images (tracking pixels) or quoted history."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # open elements and whether their content is skipped
        self.pre = 0
        self.stopped = False  # Outlook's marker of the previous message was met: the rest is history

    @property
    def skipping(self) -> bool:
        return self.stopped or any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _BLOCK_TAGS and not self.skipping:
            self.chunks.append("\n")
        if tag == "li" and not self.skipping:
            self.chunks.append("- ")
        if tag in _VOID_TAGS:
            return
        classes = (attributes.get("class") or "").lower()
        quoted = tag == "blockquote" or "gmail_quote" in classes or "moz-cite-prefix" in classes
        # Outlook marks where the previous message starts; it and everything after it (siblings included) is history.
        if (attributes.get("id") or "") in ("divRplyFwdMsg", "appendonsend"):
            self.stopped = True
        self.stack.append((tag, tag in _SKIPPED_TAGS or quoted))
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS and not self.skipping:
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK_TAGS and tag not in ("li", "tr") and not self.skipping:
            self.chunks.append("\n")  # items of a list or rows of a table stay on consecutive lines

    def handle_data(self, data):
        if self.skipping:
            return
        self.chunks.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        lines = [line.strip() for line in "".join(self.chunks).split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(html: str) -> str:
    """Plain text of an HTML message, for staff to read; nothing of the HTML survives to be rendered."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return parser.text()


# --- Quoted history -----------------------------------------------------------------------------------------------

# Attribution lines that mail programs put above the quoted message, in the languages our correspondents use.
_ATTRIBUTION_RE = re.compile(
    r"^\s*("
    r"On\b.{0,300}\bwrote:"  # English (Gmail, Thunderbird, Apple Mail)
    r"|W dniu\b.{0,300}\bpisze:"  # Polish Thunderbird
    r"|.{0,300}\bnapisał(\(a\)|a)?:"  # Polish Gmail and others
    r"|.{0,300}\b(пише|писав|писала|написав|написала|написав\(ла\)):"  # Ukrainian
    r"|.{0,300}\b(пишет|писал|писала|написал|написала|написал\(а\)):"  # Russian
    r"|Am\b.{0,300}\bschrieb.{0,80}:"  # German, common among clients of employers
    r"|.{0,300}<[^<>\s]+@[^<>\s]+>,?:"  # "пн, 1 дек. 2026 г. в 10:00, Name <address>:" (Russian Gmail)
    r")\s*$",
    re.IGNORECASE,
)
_ORIGINAL_MESSAGE_RE = re.compile(
    r"^\s*-{2,}\s*(Original Message|Wiadomość oryginalna|Oryginalna wiadomość|Исходное сообщение|"
    r"Оригінальне повідомлення|Вихідне повідомлення|Forwarded message|Ursprüngliche Nachricht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_OUTLOOK_FROM_RE = re.compile(r"^\s*\*?(From|Od|От|Від|Von)\*?\s*:", re.IGNORECASE)
_OUTLOOK_NEXT_RE = re.compile(
    r"^\s*\*?(Sent|Date|To|Subject|Wysłano|Wysłane|Data|Do|Temat|Отправлено|Дата|Кому|Тема|Надіслано|Gesendet)\*?\s*:",
    re.IGNORECASE,
)


def strip_quoted_history(text: str) -> str:
    """The new part of a reply: everything from the first attribution or forwarded header on is history.

    Recognised: "On … wrote:" and its Polish, Ukrainian and Russian forms (also when the mail program wrapped it
    over two lines), Outlook's "-----Original Message-----" and its "From: / Sent: / To:" header block, the
    signature separator "-- ", and lines quoted with ">". If nothing would be left (someone forwarding a message
    without a word), the text is kept whole.
    """
    lines = text.split("\n")
    cut = len(lines)
    for index, line in enumerate(lines):
        joined = line + " " + lines[index + 1] if index + 1 < len(lines) else line
        if (
            _ATTRIBUTION_RE.match(line)
            or (line.strip() and _ATTRIBUTION_RE.match(joined) and not _ATTRIBUTION_RE.match(lines[index + 1]))
            or _ORIGINAL_MESSAGE_RE.match(line)
            or line == "-- "
            or (_OUTLOOK_FROM_RE.match(line) and any(_OUTLOOK_NEXT_RE.match(n) for n in lines[index + 1 : index + 5]))
        ):
            cut = index
            break
    kept = [line for line in lines[:cut] if not line.lstrip().startswith(">")]
    while kept and (not kept[-1].strip() or set(kept[-1].strip()) <= {"_", "-"}):
        kept.pop()  # blank lines and Outlook's "________________" rule above the history
    result = "\n".join(kept).strip()
    return result if result else text.strip()


# --- Language ---------------------------------------------------------------------------------------------------

_LANGUAGES = ("pl", "en", "uk", "ru")
_POLISH_WORDS = re.compile(r"\b(dzień dobry|jest|nie|się|proszę|pozdrawiam|karta pobytu|wniosek|sprawa)\b", re.I)
_ENGLISH_WORDS = re.compile(r"\b(the|and|is|my|please|dear|hello|regards|thank you|residence)\b", re.I)


def language_from_header(value: str) -> str:
    code = value.split(",")[0].strip().lower()[:2]
    return code if code in _LANGUAGES else ""


def language_of(text: str) -> str:
    """A guess at the language of a message, for the desk to pick who answers; "" when unsure."""
    sample = text[:5000]
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in sample)
    latin = sum(ch.isalpha() and ch.isascii() for ch in sample)
    if cyrillic > latin:
        lowered = sample.lower()
        ukrainian = sum(lowered.count(ch) for ch in "іїєґ")
        russian = sum(lowered.count(ch) for ch in "ыэъё")
        if ukrainian > russian:
            return "uk"
        if russian > ukrainian:
            return "ru"
        return ""
    if any(ch in sample.lower() for ch in "ąćęłńśźż") or len(_POLISH_WORDS.findall(sample)) >= 2:
        return "pl"
    if len(_ENGLISH_WORDS.findall(sample)) >= 2:
        return "en"
    return ""
