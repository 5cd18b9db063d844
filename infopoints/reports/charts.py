"""Charts drawn on the server as inline SVG (no JavaScript, no charting library), readable in the PDF too.

Each SVG is `role="img"` named by its title; the numbers it draws are also given as text next to it (the figure's
caption and a data table), so nothing is only visible.
"""

from datetime import date

from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from infopoints.reports.indicators import Bars, Line

WIDTH = 640
BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 200
VALUE_WIDTH = 70
LINE_HEIGHT = 200
PAD = 30
BAR_COLOUR = "#1f5f99"  # contrast with white above 4.5:1, as the site's link colour
LINE_COLOUR = "#1f5f99"
AXIS_COLOUR = "#595959"


def _number(value: float) -> str:
    return f"{value:g}"


def _short(label: str, length: int = 28) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


def bar_chart(bars: Bars, *, chart_id: str) -> SafeString:
    """Horizontal bars, one per item (long place names fit on a phone), the value written at each bar's end."""
    height = max(1, len(bars.items)) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    top = max((value for _label, value in bars.items), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = []
    for n, (label, value) in enumerate(bars.items):
        y = BAR_GAP + n * (BAR_HEIGHT + BAR_GAP)
        width = round(span * value / top, 1)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 16}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"></rect>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 16}">{escape(_number(value))}</text>'
        )
    return format_html(
        '<svg class="report-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title>{}</svg>',
        WIDTH, height, chart_id, chart_id, bars.title, mark_safe("".join(parts)),  # noqa: S308  # escaped above
    )


def _tick(day: date, step: str) -> str:
    return date_format(day, "M Y" if step == "month" else "j.m")


def line_chart(line: Line, *, chart_id: str, step: str) -> SafeString:
    """A line over time with its highest value and the first and last dates written on the axes."""
    points = line.points
    top = max((value for _day, value in points), default=0) or 1
    inner_width, inner_height = WIDTH - 2 * PAD, LINE_HEIGHT - 2 * PAD
    last = max(1, len(points) - 1)
    coordinates = [
        (round(PAD + inner_width * n / last, 1), round(PAD + inner_height * (1 - value / top), 1))
        for n, (_day, value) in enumerate(points)
    ]
    path = " ".join(f"{x},{y}" for x, y in coordinates)
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="2.5" fill="{LINE_COLOUR}"></circle>' for x, y in coordinates)
    axis = (
        f'<line x1="{PAD}" y1="{PAD + inner_height}" x2="{WIDTH - PAD}" y2="{PAD + inner_height}" '
        f'stroke="{AXIS_COLOUR}"></line>'
        f'<text x="{PAD}" y="{PAD - 10}">{escape(_number(top))}</text>'
        f'<text x="{PAD}" y="{LINE_HEIGHT - 8}">{escape(_tick(points[0][0], step)) if points else ""}</text>'
        f'<text x="{WIDTH - PAD}" y="{LINE_HEIGHT - 8}" text-anchor="end">'
        f"{escape(_tick(points[-1][0], step)) if points else ''}</text>"
    )
    shape = f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2"></polyline>'
    return format_html(
        '<svg class="report-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{}-title">{}</title>{}</svg>',
        WIDTH, LINE_HEIGHT, chart_id, chart_id, line.title,
        mark_safe(axis + (shape if len(points) > 1 else "") + dots),  # noqa: S308  # numbers and escaped text only
    )
