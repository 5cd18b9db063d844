"""The coordinators' indicator dashboard at `/<lang>/staff/reports/`, its CSV/XLSX exports and the PDF report.

The period comes from a GET form, so a report's address can be bookmarked and shared; every table links to its
export with the same period. A bad period or an unknown place is a form error on the page, never an error page.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from infopoints import services
from infopoints.forms_reports import PeriodForm
from infopoints.models import ReportJob
from infopoints.reports import charts, exports
from infopoints.reports.indicators import TABLE_SLUGS, indicator_report
from infopoints.reports.periods import period_of
from infopoints.views_queue import staff_required
from portal import selectors as portal_selectors

PERMISSION = "infopoints.view_indicators"
JOB_REFRESH_SECONDS = 2


def _form(request, data):
    places = portal_selectors.places_for_staff(request.user)
    return PeriodForm(data or None, places=places), places


def _chosen(form):
    """(period, place) of a valid form, or of this month everywhere when nothing was asked yet."""
    if form.is_bound:
        return form.cleaned_data["period"], form.cleaned_data.get("place")
    return period_of("month", timezone.localdate()), None


def _charts(report) -> list[dict]:
    drawn = [
        {"svg": charts.bar_chart(bars, chart_id=f"bars-{n}"), "title": bars.title,
         "rows": [(label, value) for label, value in bars.items]}
        for n, bars in enumerate(report.bars)
    ]
    drawn += [
        {"svg": charts.line_chart(line, chart_id=f"line-{n}", step=report.period.step), "title": line.title,
         "rows": line.points, "dates": True}
        for n, line in enumerate(report.lines)
    ]
    return drawn


@staff_required(PERMISSION)
@require_GET
def dashboard(request):
    form, places = _form(request, request.GET)
    context: dict = {"form": form, "report": None}
    if not form.is_bound or form.is_valid():
        period, place = _chosen(form)
        report = indicator_report(period, place=place, places=list(places))
        context.update(report=report, charts=_charts(report), query=request.GET.urlencode(),
                       jobs=ReportJob.objects.filter(requested_by=request.user)[:5],
                       language_choices=exports.PDF_LANGUAGES,
                       # The PDF form repeats the period as hidden fields: no ids, which the form above has.
                       period_hidden=PeriodForm(request.GET or None, places=places, auto_id=False))
    return render(request, "infopoints/reports/dashboard.html", context, status=200 if context["report"] else 400)


@staff_required(PERMISSION)
@require_GET
def export(request, slug: str, fmt: str):
    if slug not in TABLE_SLUGS or fmt not in ("csv", "xlsx"):
        raise Http404
    form, places = _form(request, request.GET)
    if form.is_bound and not form.is_valid():
        return render(request, "infopoints/reports/dashboard.html", {"form": form, "report": None}, status=400)
    period, place = _chosen(form)
    table = indicator_report(period, place=place, places=list(places)).table(slug)
    name = f"indicators-{slug}-{period.first_day.isoformat()}-{period.last_day.isoformat()}"
    if fmt == "csv":
        response = HttpResponse(exports.table_csv(table), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(exports.table_xlsx(table, period=period), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@staff_required(PERMISSION)
@require_POST
def pdf_request(request):
    form, _places = _form(request, request.POST)
    language = request.POST.get("language", "pl")
    if not form.is_valid() or language not in dict(exports.PDF_LANGUAGES):
        return render(request, "infopoints/reports/dashboard.html", {"form": form, "report": None}, status=400)
    job = services.report_job_request(
        user=request.user, period=form.cleaned_data["period"], place=form.cleaned_data.get("place"),
        language=language,
    )
    return redirect("reports:pdf_status", job_id=job.pk)


def _job(request, job_id: int) -> ReportJob:
    # Reports hold no personal data, but a coordinator's list shows only the reports they asked for.
    return get_object_or_404(ReportJob.objects.defer("pdf"), pk=job_id, requested_by=request.user)


@staff_required(PERMISSION)
@require_GET
def pdf_status(request, job_id: int):
    job = _job(request, job_id)
    template = "infopoints/reports/_job.html" if request.htmx else "infopoints/reports/job.html"
    return render(request, template, {"job": job, "refresh_seconds": JOB_REFRESH_SECONDS})


@staff_required(PERMISSION)
@require_GET
def pdf_download(request, job_id: int):
    job = _job(request, job_id)
    if job.status != ReportJob.Status.READY:
        return redirect("reports:pdf_status", job_id=job.pk)
    pdf = ReportJob.objects.values_list("pdf", flat=True).get(pk=job.pk)
    name = f"indicators-{job.period_start.isoformat()}-{job.period_end.isoformat()}-{job.language}.pdf"
    return FileResponse(iter([bytes(pdf)]), content_type="application/pdf", as_attachment=True, filename=name)
