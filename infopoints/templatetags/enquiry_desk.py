"""The deadline cell of the enquiry desk, shared by its lists and an enquiry's page.

A filter rather than an included template: a list draws it fifty times, and an include per row cost the page more
than its queries."""

from django import template
from django.utils.html import format_html
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
