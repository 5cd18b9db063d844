"""Status changes from the office's case management system: a CSV or XLSX file in the admin, or JSON over the API.

Both paths end in `rows_apply`, which checks and applies each row inside its own savepoint, so a bad row is
reported and skipped without leaving half of itself behind. A dry run applies everything the same way and
then rolls the whole transaction back: the preview is exactly what applying would do.

Columns (the first row of a file is the header; the JSON uses the same names):
  case_number, status, occurred_at                     required
  note, internal_note                                  optional: the note to the applicant (Polish) and for staff
  procedure, place, filed_on, access_code              only to create a case the portal does not know yet

Every import states the places it may change (`selectors.PlaceScope`: the officer's places, the token's, or
explicitly office-wide). A row about a case of another place is refused with exactly the message of an unknown
case, in the preview too, so an import cannot be used to learn which case numbers exist elsewhere. A new case
can be created only at a place in the scope.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from cases import codes, services
from cases.models import Case, CaseStatus, Procedure
from cases.selectors import PlaceScope
from portal.selectors import places_published

REQUIRED_COLUMNS = ("case_number", "status", "occurred_at")
OPTIONAL_COLUMNS = ("note", "internal_note", "procedure", "place", "filed_on", "access_code")
MAX_FILE_ROWS = 5000
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NOTE_LENGTH = 2000
# An XLSX file is compressed: 5 MB can unpack to hundreds of thousands of rows, so its unpacked size is capped too.
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
# Dates the office's cases can have: anything outside is a typo (and 0001-01-01 cannot even be moved to UTC).
EARLIEST_DATE = date(1990, 1, 1)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, in the officer's language."""


class RowError(Exception):
    pass


@dataclass(frozen=True)
class RowResult:
    row: int
    case_number: str
    outcome: str  # "recorded", "case-created", "duplicate" or "error"
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome != "error"


# --- Reading files ------------------------------------------------------------------------------------------


def rows_from_file(uploaded) -> list[dict[str, str]]:
    """The rows of an uploaded CSV (UTF-8, comma or semicolon) or XLSX file as dicts keyed by column name."""
    name = (uploaded.name or "").lower()
    if uploaded.size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB. Split it into smaller files."))
    if name.endswith(".csv"):
        table = _csv_table(uploaded.read())
    elif name.endswith(".xlsx"):
        table = _xlsx_table(uploaded.read())
    else:
        raise ImportFileError(_("Choose a CSV or XLSX file."))
    return _rows_with_header(table)


def _csv_table(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_table(content: bytes) -> list[list[str]]:
    """The first sheet's rows, read as a stream and abandoned as soon as there are more than the limit."""
    import openpyxl  # only officers importing files need it loaded

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise ImportFileError(_("The file could not be read as an XLSX workbook.")) from exc
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError(_("The file has more than %(count)d rows. Split it.") % {"count": MAX_FILE_ROWS})
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(_("The file could not be read as an XLSX workbook.")) from exc
    try:
        table = []
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            cells = [_cell_text(cell) for cell in row]
            if any(cell.strip() for cell in cells):
                table.append(cells)
            if len(table) > MAX_FILE_ROWS + 1:  # the header and one row too many: stop reading here
                break
    finally:
        workbook.close()
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rows_with_header(table: list[list[str]]) -> list[dict[str, str]]:
    table = [row for row in table if any(str(cell).strip() for cell in row)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [str(cell).strip().lower() for cell in table[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    unknown = [column for column in header if column and column not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise ImportFileError(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if len(table) - 1 > MAX_FILE_ROWS:
        raise ImportFileError(_("The file has more than %(count)d rows. Split it.") % {"count": MAX_FILE_ROWS})
    return [
        {column: str(value).strip() for column, value in zip(header, row, strict=False) if column} for row in table[1:]
    ]


# --- Applying rows ------------------------------------------------------------------------------------------


def rows_apply(
    rows: list[dict],
    *,
    channel: str,
    scope: PlaceScope,
    changed_by=None,
    integration=None,
    create_missing: bool = False,
    dry_run: bool = False,
) -> list[RowResult]:
    """Check and apply each row on its own, within `scope`; with dry_run nothing stays in the database."""
    catalogue = {
        "statuses": {status.code: status for status in CaseStatus.objects.all()},
        "procedures": {procedure.code: procedure for procedure in Procedure.objects.all()},
        # Places outside the scope are as unknown as places that do not exist.
        "places": {place.slug: place for place in places_published() if scope.allows(place.pk)},
        "scope": scope,
    }
    results = []
    with transaction.atomic():
        for index, row in enumerate(rows, start=1):
            number = _text(row, "case_number")[: codes.NUMBER_MAX_LENGTH + 10] if isinstance(row, dict) else ""
            try:
                with transaction.atomic():
                    outcome = _apply_row(
                        row,
                        catalogue,
                        channel=channel,
                        changed_by=changed_by,
                        integration=integration,
                        create_missing=create_missing,
                    )
            except RowError as exc:
                results.append(RowResult(index, number, "error", str(exc)))
            else:
                results.append(RowResult(index, number, outcome))
        if dry_run:
            transaction.set_rollback(True)
    return results


def _apply_row(row: dict, catalogue: dict, *, channel, changed_by, integration, create_missing: bool) -> str:
    if not isinstance(row, dict):
        raise RowError(_("The row is not a set of named columns."))
    number = _text(row, "case_number")
    if not number:
        raise RowError(_("The case number is missing."))
    if len(codes.number_key(number)) > codes.NUMBER_MAX_LENGTH or not codes.number_key(number):
        raise RowError(_("The case number is not valid."))
    status = catalogue["statuses"].get(_text(row, "status"))
    if status is None:
        raise RowError(_("Unknown status code “%(code)s”.") % {"code": _text(row, "status")[:40]})
    occurred_at = _moment(_text(row, "occurred_at"))
    note = _text(row, "note")
    internal_note = _text(row, "internal_note")
    if len(note) > MAX_NOTE_LENGTH or len(internal_note) > MAX_NOTE_LENGTH:
        raise RowError(_("A note is longer than %(count)d characters.") % {"count": MAX_NOTE_LENGTH})

    case = Case.objects.filter(number_key=codes.number_key(number), anonymized_at__isnull=True).first()
    elsewhere = case is not None and not catalogue["scope"].allows(case.place_id)
    if case is None or elsewhere:
        if not create_missing:
            raise RowError(unknown_case_message())
        _case_from_row(row, catalogue, status, occurred_at, channel, changed_by, integration, elsewhere=elsewhere)
        return "case-created"
    _event, created = services.case_status_set(
        case=case,
        status=status,
        occurred_at=occurred_at,
        channel=channel,
        note_to_applicant=note,
        internal_note=internal_note,
        changed_by=changed_by,
        integration=integration,
    )
    return "recorded" if created else "duplicate"


def unknown_case_message() -> str:
    """The one answer for a case the portal does not know and for a case of a place outside the scope."""
    return _("Unknown case. Allow creating missing cases to add it.")


def _case_from_row(
    row, catalogue, status, occurred_at, channel, changed_by, integration, *, elsewhere: bool = False
) -> Case:
    procedure = catalogue["procedures"].get(_text(row, "procedure"))
    if procedure is None:
        raise RowError(_("To create the case, give a known procedure code."))
    place = catalogue["places"].get(_text(row, "place"))
    if place is None:
        raise RowError(_("To create the case, give one of your places (its address in the site)."))
    filed_on = parse_date(_text(row, "filed_on")) if _is_date(_text(row, "filed_on")) else None
    if filed_on is None or filed_on > timezone.localdate(occurred_at):
        raise RowError(_("To create the case, give the filing date (YYYY-MM-DD), not after the status date."))
    if elsewhere:
        # Case numbers are unique, so a complete row for a number in use elsewhere cannot become a case; the
        # answer is the one a number taken a moment ago by another import would get, and says no more.
        raise RowError(number_in_use_message())
    try:
        with transaction.atomic():
            return _case_create(row, procedure, place, filed_on, status, occurred_at, channel, changed_by, integration)
    except IntegrityError as exc:
        raise RowError(number_in_use_message()) from exc


def number_in_use_message() -> str:
    return _("This case number cannot be used for a new case. Check it against the office's system.")


def _case_create(row, procedure, place, filed_on, status, occurred_at, channel, changed_by, integration) -> Case:
    return services.case_create(
        number=_text(row, "case_number"),
        procedure=procedure,
        place=place,
        filed_on=filed_on,
        status=status,
        occurred_at=occurred_at,
        channel=channel,
        access_code=_text(row, "access_code"),
        note_to_applicant=_text(row, "note"),
        internal_note=_text(row, "internal_note"),
        changed_by=changed_by,
        integration=integration,
    )


def _text(row: dict, column: str) -> str:
    """A cell as text; a list or an object sent in its place (the API takes any JSON) counts as empty."""
    value = row.get(column)
    if value is None or not isinstance(value, str | int | float):
        return ""
    return str(value).strip()


def _is_date(value: str) -> bool:
    try:
        parsed = parse_date(value)
    except ValueError:
        return False
    return parsed is not None and EARLIEST_DATE <= parsed <= timezone.localdate() + timedelta(days=1)


def _moment(value: str) -> datetime:
    """A date (taken as the start of that day in Poland) or a date and time; never in the future."""
    try:
        moment = parse_datetime(value)
        day = parse_date(value) if moment is None else None
        if day is not None:
            moment = datetime.combine(day, time.min)
    except ValueError:
        moment = None
    if moment is None:
        raise RowError(
            _("The date “%(value)s” is not valid; write YYYY-MM-DD or YYYY-MM-DD HH:MM.") % {"value": value[:30]}
        )
    # Checked on the date as written, before any time-zone arithmetic (which overflows near year 1 and 9999).
    if moment.date() < EARLIEST_DATE:
        raise RowError(_("The date is before %(year)d.") % {"year": EARLIEST_DATE.year})
    if moment.date() > timezone.localdate() + timedelta(days=1):
        raise RowError(_("The date is in the future."))
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    if moment > timezone.now() + timedelta(hours=1):
        raise RowError(_("The date is in the future."))
    return moment
