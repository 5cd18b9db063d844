"""Parsing real mail for the enquiry desk: every kind of message in tests/infopoints/eml/ is a file as a mail
program or server writes it (headers encoded, bodies in their own charsets and transfer encodings)."""

import sys
import time
import types
from pathlib import Path
from unittest import mock

import pytest

from infopoints import mail_intake
from infopoints.mail_intake import ParsedAttachment, ParsedEmail, Rejected, parse_email, reference_in_subject
from infopoints.mail_text import strip_quoted_history

EML = Path(__file__).parent / "eml"


def eml(name: str) -> bytes:
    return (EML / name).read_bytes()


def parsed(name: str) -> ParsedEmail:
    result = parse_email(eml(name))
    assert isinstance(result, ParsedEmail), result
    return result


# --- Headers, charsets and transfer encodings ------------------------------------------------------------------


def test_polish_utf8_quoted_printable_mail_is_decoded_with_its_encoded_subject_and_name():
    message = parsed("utf8_polish_quoted_printable.eml")
    assert message.subject == "Pytanie o kartę pobytu – jak długo?"
    assert message.from_name == "Żaneta Łukasiewicz-Gęba"
    assert message.from_address == "zaneta@example.net"
    assert message.message_id == "<pl-utf8-1@example.net>"
    assert "jak długo czeka się na kartę pobytu w Poznaniu" in message.text
    assert message.language_hint == "pl"
    assert message.in_reply_to == "" and message.references == []


def test_iso_8859_2_body_and_header_are_decoded():
    message = parsed("iso8859_2_polish_8bit.eml")
    assert message.subject == "Praca w czasie oczekiwania na decyzję"
    assert message.from_name == "Paweł Źróbek"
    assert "pracować w czasie oczekiwania na decyzję wojewody" in message.text


def test_windows_1250_outlook_reply_keeps_threading_headers_and_drops_the_original_message():
    message = parsed("windows1250_outlook_reply.eml")
    assert message.subject == "RE: [ZG-2026-004211] Brakujące dokumenty"
    assert reference_in_subject(message.subject) == "ZG-2026-004211"
    assert message.in_reply_to == "<enquiry-4211-reply-1@example.gov.pl>"
    assert message.references == ["<enquiry-4211@example.gov.pl>", "<enquiry-4211-reply-1@example.gov.pl>"]
    assert message.text == (
        "Dziękuję za odpowiedź. Przesyłam brakujące zaświadczenie o zatrudnieniu jutro.\n\nKrzysztof Wąsik"
    )
    assert message.language_hint == "pl"  # from Content-Language


def test_koi8_r_base64_russian_reply_is_decoded_and_gmail_history_without_a_verb_is_stripped():
    message = parsed("koi8r_russian_base64_reply.eml")
    assert message.subject == "Re: Вопрос об отпечатках пальцев"
    assert message.from_name == "Ёрий Эдуардович"
    assert message.text.startswith("Здравствуйте!")
    assert message.text.endswith("Ёрий Эдуардович")
    assert "Инфолиния" not in message.text and "Infolinia" not in message.text
    assert message.language_hint == "ru"


def test_windows_1251_ukrainian_reply_is_decoded_and_quoted_history_is_stripped():
    message = parsed("windows1251_ukrainian_reply.eml")
    assert message.subject == "Re: Питання щодо паспорта"
    assert message.from_name == "Ґалина Їжак"
    assert message.text == (
        "Добрий день!\n\nЧи можу я подати заяву на дозвіл на проживання, якщо мій паспорт закінчується через "
        "місяць? Дякую, Ґалина Їжак"
    )
    assert message.language_hint == "uk"


def test_a_wrongly_declared_charset_still_gives_readable_polish():
    message = parsed("wrong_charset_declared.eml")
    assert message.text == "Czy można złożyć wniosek przez pełnomocnika? Dziękuję."


def test_mail_without_message_id_gets_a_stable_one_derived_from_its_content():
    first = parsed("no_message_id.eml")
    assert first.message_id.endswith("@no-message-id.invalid>")
    assert parse_email(eml("no_message_id.eml")).message_id == first.message_id


# --- HTML and quoted history ---------------------------------------------------------------------------------------


def test_html_only_mail_becomes_text_without_scripts_styles_images_or_quoted_history():
    message = parsed("html_only_with_script_and_tracking.eml")
    assert message.text == (
        "Hello,\n\nI would like to ask about the EU Blue Card & my residence card.\n"
        "Is the fee paid at the office?\n\n- passport\n- contract\n\nThank you, Amir"
    )
    for leftover in ("alert", "color: red", "tracker", "pixel", "Newsletter", "Previous answer", "<", "javascript"):
        assert leftover not in message.text
    assert message.language_hint == "en"


def test_plain_text_is_preferred_to_html_and_a_wrapped_attribution_line_and_signature_are_cut():
    message = parsed("gmail_reply_wrapped_attribution.eml")
    assert message.text == "Thanks, I will bring the documents on Friday."
    assert message.references == ["<enquiry-42@example.gov.pl>", "<enquiry-42-reply-1@example.gov.pl>"]


def test_polish_thunderbird_attribution_is_cut_and_a_lower_case_reference_is_found():
    message = parsed("thunderbird_polish_reply.eml")
    assert message.text == "Dzień dobry, w załączeniu przesyłam skan paszportu."
    assert reference_in_subject(message.subject) == "ZG-2026-000314"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes.\n\nOn Mon, 30 Nov 2026 at 14:03, Office <a@b.pl> wrote:\n> old", "Yes."),
        ("Tak.\n\npon., 30 lis 2026 o 14:03 Biuro <a@b.pl> napisał(a):\n> stare", "Tak."),
        ("Так.\n\nпн, 30 лист. 2026 р. о 14:03 Office <a@b.pl> пише:\n> старе", "Так."),
        ("Да.\n\n30.11.2026 14:03, Офис пишет:\n> старое", "Да."),
        ("Ok.\n________________________________\nOd: Biuro <a@b.pl>\nWysłane: poniedziałek\nDo: Ja\n\nstare", "Ok."),
        ("Ok.\n\n-----Wiadomość oryginalna-----\nOd: Biuro", "Ok."),
        ("line one\n> quoted in between\nline two", "line one\nline two"),
        ("> only a forwarded quote", "> only a forwarded quote"),  # nothing new: kept whole rather than emptied
        ("From: my employer I got a letter.\nIt says wait.", "From: my employer I got a letter.\nIt says wait."),
    ],
)
def test_quoted_history_is_stripped_in_every_form_we_see(text, expected):
    assert strip_quoted_history(text) == expected


# --- Attachments -------------------------------------------------------------------------------------------------


def test_attachments_are_kept_by_their_content_and_others_are_dropped_and_noted():
    message = parsed("attachments_checked_by_content.eml")
    assert message.text == "W załączeniu dokumenty."
    assert [(a.filename, a.content_type) for a in message.attachments] == [
        ("zaświadczenie.pdf", "application/pdf"),
        ("scan.png", "image/jpeg"),  # a JPEG whatever its name says
        ("photo.png", "image/png"),
    ]
    assert message.attachments[0].data.startswith(b"%PDF-1.4")
    assert message.dropped == ["passport.pdf: type", "umowa.docx: type"]  # an executable named .pdf, a Word file


def test_attachments_over_the_size_or_count_limit_are_dropped_and_noted(settings):
    settings.ENQUIRY_MAIL_MAX_ATTACHMENTS = 1
    message = parsed("attachments_checked_by_content.eml")
    assert [a.filename for a in message.attachments] == ["zaświadczenie.pdf"]
    assert "scan.png: count" in message.dropped and "photo.png: count" in message.dropped

    settings.ENQUIRY_MAIL_MAX_ATTACHMENTS = 10
    settings.ENQUIRY_MAIL_MAX_ATTACHMENT_BYTES = 60
    message = parsed("attachments_checked_by_content.eml")
    assert [a.filename for a in message.attachments] == ["photo.png"]
    assert "zaświadczenie.pdf: size" in message.dropped


def test_attachment_names_lose_paths_and_control_characters():
    assert mail_intake._safe_filename("..\\..\\windows\\evil\x07.pdf") == "evil.pdf"
    assert mail_intake._safe_filename("/etc/passwd") == "passwd"
    assert len(mail_intake._safe_filename("a" * 300 + ".pdf")) <= 100
    assert mail_intake._safe_filename("a" * 300 + ".pdf").endswith(".pdf")


# --- Robots: auto-replies, bounces, receipts, loops ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("auto_submitted_auto_replied.eml", "auto-reply"),
        ("precedence_bulk.eml", "auto-reply"),
        ("precedence_auto_reply.eml", "auto-reply"),
        ("x_autoreply.eml", "auto-reply"),
        ("x_autorespond.eml", "auto-reply"),
        ("delivery_status_notification.eml", "bounce"),
        ("read_receipt.eml", "bounce"),
        ("null_return_path.eml", "bounce"),
        ("mailer_daemon_sender.eml", "bounce"),
    ],
)
def test_automatic_mail_is_rejected_without_its_body_being_opened(name, reason):
    with mock.patch.object(mail_intake, "BytesParser", side_effect=AssertionError("body parsed")):
        assert parse_email(eml(name)) == Rejected(reason)


def test_auto_submitted_no_is_a_person_writing():
    assert parsed("auto_submitted_no_is_a_person.eml").text == "Czy mogę przyjść bez umówienia?"


def test_mail_naming_our_own_address_in_x_loop_is_a_loop(settings):
    settings.ENQUIRY_MAIL_ADDRESS = "infolinia@example.gov.pl"
    assert parse_email(eml("x_loop_own_address.eml")) == Rejected("loop")


def test_a_sender_hammering_the_desk_is_refused_after_the_hourly_limit(settings):
    settings.ENQUIRY_MAIL_PER_SENDER_PER_HOUR = 3
    raw = eml("utf8_polish_quoted_printable.eml")
    results = [parse_email(raw) for _ in range(5)]
    assert [isinstance(r, ParsedEmail) for r in results] == [True, True, True, False, False]
    assert results[-1] == Rejected("loop")
    assert isinstance(parse_email(eml("iso8859_2_polish_8bit.eml")), ParsedEmail)  # another sender is unaffected


def test_a_message_that_travelled_too_many_hops_is_a_loop():
    raw = eml("iso8859_2_polish_8bit.eml")
    hops = b"".join(b"Received: from relay%d.example.net by mx.example.net; 1 Dec 2026\r\n" % i for i in range(40))
    assert parse_email(hops + raw) == Rejected("loop")


# --- Hostile and empty mail ----------------------------------------------------------------------------------------


def test_an_empty_message_is_rejected():
    assert parse_email(eml("empty_body.eml")) == Rejected("empty")
    assert parse_email(b"") == Rejected("empty")
    assert parse_email(b"\r\n\r\n") == Rejected("empty")


def test_a_mime_bomb_with_thousands_of_parts_is_rejected_quickly():
    started = time.perf_counter()
    assert parse_email(eml("mime_bomb_thousands_of_parts.eml")) == Rejected("too-many-parts")
    assert time.perf_counter() - started < 0.5


def test_deeply_nested_parts_are_rejected():
    assert parse_email(eml("mime_bomb_deep_nesting.eml")) == Rejected("too-deep")


def test_a_thousand_levels_of_nesting_are_rejected_before_parsing():
    depth = 1000
    body = "".join(f"--B{i}\r\nContent-Type: multipart/mixed; boundary=\"B{i + 1}\"\r\n\r\n" for i in range(depth))
    raw = eml("utf8_polish_quoted_printable.eml").split(b"Content-Type:")[0]
    raw += b'Content-Type: multipart/mixed; boundary="B0"\r\n\r\n' + body.encode()
    with mock.patch.object(mail_intake, "BytesParser", side_effect=AssertionError("parsed")):
        assert parse_email(raw) == Rejected("too-many-parts")


def test_a_50_mb_message_is_rejected_by_its_size_before_any_parsing():
    raw = eml("attachments_checked_by_content.eml")
    padding = b"QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n" * 700_000
    huge = raw.replace(b"--MIXED--", b"--MIXED\r\nContent-Type: application/pdf\r\n\r\n" + padding + b"--MIXED--")
    assert len(huge) > 50 * 1024 * 1024
    started = time.perf_counter()
    with mock.patch.object(mail_intake, "BytesHeaderParser", side_effect=AssertionError("parsed")):
        assert parse_email(huge) == Rejected("oversize")
    assert time.perf_counter() - started < 0.1


def test_garbage_is_a_rejection_not_an_exception():
    for raw in (b"\x00\xff" * 1000, b"From: \r\n\r\nno sender", b"Content-Type: multipart/mixed\r\n\r\n--\r\n--"):
        assert isinstance(parse_email(raw), Rejected)
    assert parse_email(b"Subject: hi\r\n\r\nhello") == Rejected("no-sender")


def test_reference_in_subject_finds_the_reference_wherever_it_stands():
    assert reference_in_subject("Odp: [ZG-2026-004211] Pytanie") == "ZG-2026-004211"
    assert reference_in_subject("Re: Re: zg-2026-000001") == "ZG-2026-000001"
    assert reference_in_subject("Pytanie o kartę") == ""
    assert reference_in_subject("XZG-2026-0042111") == ""
    assert reference_in_subject("") == ""


# --- Hand-over to the enquiry desk -----------------------------------------------------------------------------------
# The desk's service (`infopoints.services.enquiries`) is built on another branch; the test puts a stand-in module
# under that name in sys.modules, so `receive` is tested here through the import it really performs.


@pytest.fixture
def enquiry_service():
    service = types.ModuleType("infopoints.services.enquiries")
    service.enquiry_receive_email = mock.Mock()
    package = types.ModuleType("infopoints.services")
    package.enquiries = service
    with mock.patch.dict(sys.modules, {"infopoints.services": package, "infopoints.services.enquiries": service}):
        yield service.enquiry_receive_email


def test_receive_hands_accepted_mail_to_the_enquiry_service(enquiry_service, caplog):
    caplog.set_level("INFO", logger="infopoints.mail_intake")
    result = mail_intake.receive(eml("utf8_polish_quoted_printable.eml"))
    assert isinstance(result, ParsedEmail)
    enquiry_service.assert_called_once_with(message=result)
    assert "zaneta" not in caplog.text.lower() and "karta" not in caplog.text.lower()


def test_receive_logs_rejections_without_personal_data_and_never_calls_the_service(enquiry_service, caplog):
    caplog.set_level("INFO", logger="infopoints.mail_intake")
    result = mail_intake.receive(eml("x_autoreply.eml"))
    assert result == Rejected("auto-reply")
    enquiry_service.assert_not_called()
    assert "auto-reply" in caplog.text
    assert "biuro" not in caplog.text.lower() and "urlop" not in caplog.text.lower()


def test_receive_lets_a_temporary_failure_of_the_service_through(enquiry_service):
    enquiry_service.side_effect = ConnectionError("database away")
    with pytest.raises(ConnectionError):
        mail_intake.receive(eml("iso8859_2_polish_8bit.eml"))


def test_parsed_types_carry_the_agreed_fields():
    assert list(ParsedAttachment.__dataclass_fields__) == ["filename", "content_type", "data"]
    assert list(ParsedEmail.__dataclass_fields__)[:9] == [
        "message_id", "in_reply_to", "references", "from_address", "from_name", "subject", "text",
        "language_hint", "attachments",
    ]  # fmt: skip


# --- manage.py receive_email ---------------------------------------------------------------------------------------


def run_receive_email(raw: bytes) -> tuple[int, str, bytes]:
    """Pipe a message into the command as a mail server does: a write that fails (broken pipe) fails the test."""
    import os
    import subprocess

    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "manage.py", "receive_email"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=root,
        env={**os.environ, "DEBUG": "1"},
    )
    process.stdin.write(raw)
    process.stdin.close()
    stdout, stderr = process.stdout.read(), process.stderr.read()
    return process.wait(timeout=120), stdout.decode().strip(), stderr


def test_receive_email_command_exits_0_for_a_refused_auto_reply_so_the_mail_server_does_not_retry():
    returncode, stdout, stderr = run_receive_email(eml("auto_submitted_auto_replied.eml"))
    assert returncode == 0, stderr
    assert stdout == "rejected: auto-reply"
    assert b"biuro@example.net" not in stderr


def test_receive_email_command_refuses_an_oversized_message_after_reading_all_of_it():
    huge = eml("x_autoreply.eml") + b"A" * (26 * 1024 * 1024)
    returncode, stdout, stderr = run_receive_email(huge)
    assert returncode == 0, stderr
    assert stdout == "rejected: oversize"


def test_receive_email_command_hands_accepted_mail_to_the_desk(enquiry_service):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("receive_email", stdin=io.BytesIO(eml("koi8r_russian_base64_reply.eml")), stdout=out)
    assert out.getvalue().startswith("accepted: ")
    assert enquiry_service.call_args.kwargs["message"].from_address == "yuri@example.net"


def test_receive_email_command_exits_75_on_a_temporary_failure_so_the_mail_server_retries(enquiry_service):
    import io

    from django.core.management import CommandError, call_command

    enquiry_service.side_effect = OSError("database away")
    with pytest.raises(CommandError) as failure:
        call_command("receive_email", stdin=io.BytesIO(eml("koi8r_russian_base64_reply.eml")))
    assert failure.value.returncode == 75


def test_every_test_mail_cut_short_anywhere_is_parsed_or_rejected_never_an_exception(settings):
    settings.ENQUIRY_MAIL_PER_SENDER_PER_HOUR = 10**6
    for path in sorted(EML.glob("*.eml")):
        raw = path.read_bytes()
        for cut in range(0, len(raw), max(1, len(raw) // 20)):
            assert isinstance(parse_email(raw[:cut]), ParsedEmail | Rejected), (path.name, cut)


def test_a_cache_failure_while_counting_a_sender_is_a_temporary_failure_not_a_rejection():
    failing = mock.patch("portal.services.over_hourly_limit", side_effect=ConnectionError("redis away"))
    with failing, pytest.raises(ConnectionError):
        parse_email(eml("iso8859_2_polish_8bit.eml"))


def test_outlook_html_reply_keeps_only_the_new_text_above_the_previous_message():
    message = parsed("outlook_html_reply.eml")
    assert message.text == "Dzień dobry,\nprzesyłam umowę o pracę w załączniku.\nPozdrawiam\nIryna"
    assert reference_in_subject(message.subject) == "ZG-2026-000777"


def test_a_persons_mail_full_of_dashed_lines_is_not_taken_for_a_mime_bomb():
    raw = eml("iso8859_2_polish_8bit.eml") + b"".join(b"-- item %d\r\n" % i for i in range(500))
    assert isinstance(parse_email(raw), ParsedEmail)
