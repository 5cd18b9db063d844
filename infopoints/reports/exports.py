"""Every table of the indicator report as CSV (UTF-8 with a BOM, so spreadsheets read Polish letters) or XLSX."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from infopoints.reports.indicators import Table
from infopoints.reports.periods import Period

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_LANGUAGES = [("pl", "Polski"), ("en", "English")]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    """Numbers stay numbers; text that a spreadsheet would run as a formula (a search's words) is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_csv(table: Table) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(table.columns)
    writer.writerows([_cell(value) for value in row] for row in table.rows)
    return out.getvalue()


def table_xlsx(table: Table, *, period: Period) -> bytes:
    book = Workbook()
    sheet = book.create_sheet(index=0)
    book.remove(book.worksheets[1])
    sheet.title = table.slug[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_("From %(first)s to %(last)s") % {"first": period.first_day.isoformat(),
                                                      "last": period.last_day.isoformat()}])
    if table.note:
        sheet.append([table.note])
    sheet.append([])
    sheet.append(table.columns)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_cell(value) if value is not None else None for value in row])
    for number, column in enumerate(sheet.iter_cols(min_row=3), start=1):
        width = max((len(str(cell.value or "")) for cell in column), default=8)
        sheet.column_dimensions[get_column_letter(number)].width = min(60, max(10, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
