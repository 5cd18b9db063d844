"""The rows of the enquiry desk's lists and their deadline cell (shared with an enquiry's page).

Drawn here rather than in a template loop or an included template: a list draws fifty rows of nine cells, and
the template engine spent more time on them than the page's queries took."""

from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from infopoints.sla import DueState

register = template.Library()


@register.filter
def due_cell(row) -> str:
    """`row`: a selectors.DeskRow (its due_state and due_text)."""
    if row.due_state == DueState.OVERDUE:
        return format_html('<span class="due due-overdue"><strong>{}</strong> · {}</span>', gettext("overdue"),
                           row.due_text)
    if row.due_state == DueState.SOON:
        return format_html('<span class="due due-soon"><strong>{}</strong> · {}</span>', gettext("due soon"),
                           row.due_text)
    if row.due_state == DueState.ON_TIME:
        return format_html('<span class="due">{}</span>', row.due_text)
    if row.due_state == DueState.PAUSED:
        return format_html('<span class="due due-paused">{}</span>', gettext("paused"))
    return "–"


ROW_CLASS = {DueState.OVERDUE: " is-overdue", DueState.SOON: " is-due-soon"}


@register.simple_tag
def desk_table_rows(rows) -> SafeString:
    """`rows`: selectors.DeskRow of a list page, one <tr> each (the columns of _desk_content.html's head). Every
    value is escaped with the standard library's html.escape, which Django's own escape wraps: its lazy-string
    checks per value cost more than the escaping."""
    lines = []
    for row in rows:
        priority = f"<strong>{escape(row.priority)}</strong>" if row.is_priority else escape(row.priority)
        lines.append(
            f'<tr class="enquiry-row{ROW_CLASS.get(row.due_state, "")}"><td><a class="reference" '
            f'href="{escape(row.url)}">{escape(row.reference)}</a><br><span class="meta">{escape(row.channel)}</span>'
            f"</td><td>{escape(row.subject or '–')}</td><td>{due_cell(row)}</td><td>{escape(row.status)}</td>"
            f"<td>{priority}</td><td>{escape(row.team)}</td><td lang=\"{escape(row.language)}\">"
            f"{escape(row.language_label)}</td><td>{escape(row.topic)}</td><td>{escape(row.assignee or '–')}</td></tr>"
        )
    return mark_safe("\n".join(lines))  # noqa: S308 - every value above is escaped
