"""The admin page where an editor pastes text or uploads files to import as draft bulletins.

Staff only (``admin_view``: sign-in, CSRF, no caching) and only for users who may add
bulletins. The work is done by ``service``; this view reads the form, runs the import and
shows the summary: a progress bar over the files, then per file what was created, skipped
or failed and why, with a link to each draft.

With JavaScript (``static/js/admin-import.js``) the page sends one file per request and asks
for JSON (``Accept: application/json``): the same form, the same import, the results as data,
so the progress bar moves as each file answers. Without it the form posts every file at once.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from bulletins import workflow
from bulletins.models import Bulletin
from indicators import wordings
from indicators.catalogue import Catalogue
from indicators.choices import ObservationKind, ReviewState
from indicators.models import Indicator, Observation

from . import decode as decoding
from . import editor_tables, leftovers, observations, pipeline, table_text
from .forms import GridForm, ImportForm, TableForm
from .service import ImportBatch, ImportSession, import_bulletin_file, import_bulletin_text

#: The rows of a table (and of its preview) a page shows; all are read and saved.
ROWS_SHOWN = 200
#: A request too large to read is read to its end (and dropped) up to this size, so that the
#: browser gets the page with the error instead of a connection cut while it is still sending.
DRAIN_LIMIT = 64 * 1024 * 1024


@csrf_exempt  # checked by _checked_import_page, once the body is known to be readable
def import_bulletins(request):
    if not request.user.has_perm("bulletins.add_bulletin"):
        raise PermissionDenied
    if request.method == "POST":
        try:
            request.POST  # noqa: B018 - parsed here, where a body over the limit can be answered
        except RequestDataTooBig:
            # Django refuses a form over DATA_UPLOAD_MAX_MEMORY_SIZE (a pasted text of several
            # MB) before any view runs: a bare 400. Nothing is imported, so no CSRF check is
            # needed to answer with the form and its error.
            size = int(request.META.get("CONTENT_LENGTH") or 0)
            if size <= DRAIN_LIMIT:
                while request.read(64 * 1024):
                    pass
            return _import_page(request, form=ImportForm({}, oversized=size), status=413)
    return _checked_import_page(request)


def _import_page(request, form=None, status=200):
    if form is None:
        form = ImportForm(request.POST or None, request.FILES or None)
    batch = None
    wants_json = request.method == "POST" and "application/json" in request.headers.get(
        "Accept", ""
    )
    if request.method == "POST" and form.is_valid():
        batch = _run(form.cleaned_data, by=request.user)
    if wants_json:
        if batch is None:
            return JsonResponse(
                {"errors": form.errors.get_json_data()}, status=status if status != 200 else 400
            )
        return JsonResponse(
            {"summary": batch.summary(), "results": [_json_row(result) for result in batch.results]}
        )
    context = {
        **admin.site.each_context(request),
        "title": _("导入公报原文"),
        "opts": Bulletin._meta,
        "form": form,
        "batch": batch,
        "rows": [_row(result) for result in batch.results] if batch else [],
        "max_mb": decoding.max_bytes() / (1024 * 1024),
    }
    return TemplateResponse(request, "admin/bulletins/import.html", context, status=status)


_checked_import_page = csrf_protect(_import_page)


def _run(data, *, by):
    options = {
        "publisher": data["publisher"],
        "region": data["region"],
        "by": by,
        "dry_run": data["dry_run"],
        "session": ImportSession(),
    }
    batch = ImportBatch()
    if data["text"].strip():
        batch.results.append(
            import_bulletin_text(data["text"], filename=_("粘贴的文本"), **options)
        )
    for upload in data["files"]:
        batch.results.append(
            import_bulletin_file(upload, filename=upload.name, size=upload.size, **options)
        )
    return batch


def _json_row(result):
    return {
        "filename": result.filename,
        "outcome": result.outcome,
        "label": _outcome_label(result),
        "message": result.describe(),
        "warnings": [str(warning) for warning in result.warnings],
        **{key: value for key, value in _row(result).items() if key != "result"},
        "reading_label": _("在原文中查看未读成数值的数字"),
    }


def _outcome_label(result):
    if result.created:
        return _("可创建") if result.dry_run else _("已创建")
    return _("已跳过") if result.skipped else _("失败")


def _row(result):
    link = reading = ""
    if result.bulletin_id:
        try:
            link = reverse("admin:bulletins_bulletin_change", args=[result.bulletin_id])
        except NoReverseMatch:
            link = ""
        if result.created and not result.dry_run and result.unread:
            reading = reverse("bulletin_import:reading", args=[result.bulletin_id])
    return {"result": result, "link": link, "reading": reading}


def reading(request, pk):
    """A bulletin's raw text with the numbers its reading took and those it left marked
    (``leftovers``), for the editor to check against its candidates: the text as it is now,
    read again."""
    bulletin = get_object_or_404(Bulletin, pk=pk)
    if not workflow.can_view(request.user, bulletin):
        raise Http404
    document = observations.read_bulletin(bulletin)
    may_add = request.user.has_perm("indicators.add_observation")
    read = [
        (f.at, f.value_text, ("read", _what_was_read(f), ""))
        for f in document.figures
        if not f.derived
    ]
    left = [
        (
            n.at,
            n.number,
            ("left", n.context, _candidate_url(bulletin, n, document.source) if may_add else ""),
        )
        for n in document.unread
    ]
    pieces = [
        (piece, *(mark or ("", "", "")))
        for piece, mark in leftovers.marked(document.source, read + left)
    ]
    tables = (
        editor_tables.offered(document) if editor_tables.may_save(request.user, bulletin) else []
    )
    context = {
        **admin.site.each_context(request),
        "title": _("原文中读出和未读的数字：%(title)s") % {"title": bulletin.title},
        "opts": Bulletin._meta,
        "bulletin": bulletin,
        "pieces": pieces,
        "unread": len(document.unread),
        "figures": sum(1 for figure in document.figures if not figure.derived),
        "candidates": Observation.objects.filter(
            bulletin=bulletin, review_state=ReviewState.CANDIDATE
        ).count(),
        "tables": tables,
    }
    return TemplateResponse(request, "admin/bulletins/reading.html", context)


def reading_table(request, pk, line):
    """One table of a bulletin's text, read as the editor names its columns: a preview of the
    candidates it makes, then the candidates saved (``editor_tables``)."""
    bulletin = get_object_or_404(Bulletin.objects.select_related("region"), pk=pk)
    if not workflow.can_view(request.user, bulletin):
        raise Http404
    if not editor_tables.may_save(request.user, bulletin):
        raise PermissionDenied
    catalogue = wordings.catalogue_for(bulletin.region_id, Catalogue.from_database())
    document = observations.read_bulletin(bulletin, catalogue)
    source = document.source
    grid = GridForm(request.GET if "per_row" in request.GET else None)
    table = table_text.find(
        source,
        line,
        (grid.cleaned_data["per_row"], grid.cleaned_data["first"]) if grid.is_valid() else None,
    )
    if table is None and grid.is_valid():
        grid.add_error(None, _("这样分行得不到两行以上的数字，已按估计的分行显示。"))
        table = table_text.find(source, line)
    if table is None:
        raise Http404
    if table.grid and not grid.is_bound:
        grid = GridForm(initial={"per_row": table.grid[0], "first": table.grid[1]})
    indicators = list(Indicator.objects.order_by("category", "name"))
    places = editor_tables.row_places(table, bulletin, pipeline.default_gazetteer())
    form = TableForm(
        request.POST or None,
        table=table,
        indicators=indicators,
        initial=_table_initial(table, bulletin, indicators, places, document, catalogue),
    )
    planned, unfit = None, []
    if request.method == "POST" and form.is_valid():
        planned, unfit = editor_tables.plan(table, form.choices(), bulletin, places)
        if "_create" in request.POST:
            saved, already = editor_tables.save(planned, bulletin, by=request.user)
            messages.success(
                request,
                _("已从表格建立 %(saved)d 个候选数值，%(already)d 个本公报已有，未重复建立。")
                % {"saved": len(saved), "already": already},
            )
            return redirect(
                f"{reverse('admin:indicators_observation_changelist')}?"
                + urlencode(
                    {"bulletin__id__exact": bulletin.pk, "review_state__exact": "candidate"}
                )
            )
    context = {
        **admin.site.each_context(request),
        "title": _("按列读取表格：%(title)s") % {"title": bulletin.title},
        "opts": Bulletin._meta,
        "bulletin": bulletin,
        "table": table,
        "rows": [(row, places.get(row.label)) for row in table.rows[:ROWS_SHOWN]],
        "rows_not_shown": max(0, len(table.rows) - ROWS_SHOWN),
        "form": form,
        "columns": [
            (indicator, unit, kind, name)
            for (indicator, unit, kind), (name, _unit) in zip(
                form.column_fields(), table.header_names(), strict=True
            )
        ],
        "planned": planned,
        "planned_shown": planned[:ROWS_SHOWN] if planned else [],
        "unfit": unfit,
        "grid": grid if table.grid else None,
        "grid_query": urlencode({"per_row": table.grid[0], "first": table.grid[1]})
        if table.grid
        else "",
    }
    return TemplateResponse(request, "admin/bulletins/reading_table.html", context)


def _table_initial(table, bulletin, indicators, places, document, catalogue):
    """The form as the table and its reading suggest it: each column's indicator and the
    period as the reading read the table's figures (else as the header names the column, and
    the bulletin's period), rows as places where any row label is one."""
    by_code = {indicator.code: indicator for indicator in indicators}
    for indicator in indicators:
        if indicator.same_as:  # the reference's code for it, which the reading gives
            by_code.setdefault(indicator.same_as, indicator)
    suggested = editor_tables.suggested_indicators(
        table, pipeline.vocabulary_of(catalogue), by_code, document
    )
    start, end, label = editor_tables.suggested_period(table, document) or (
        bulletin.period_start,
        bulletin.period_end,
        "",
    )
    initial = {
        "table": table.fingerprint,
        "period_start": start,
        "period_end": end,
        "period_label": label,
        "rows_are_places": any(place is not None for place in places.values()),
    }
    kinds = editor_tables.suggested_kinds(table, document)
    for number, ((indicator, unit), kind) in enumerate(zip(suggested, kinds, strict=True), 1):
        initial[f"indicator_{number}"] = str(indicator.pk) if indicator else ""
        initial[f"unit_{number}"] = unit
        initial[f"kind_{number}"] = kind
    return initial


def _what_was_read(figure):
    """A read figure's indicator (or proposed one), kind, period and place, as a tooltip."""
    indicator = figure.indicator or (
        _("建议新指标：%(name)s") % {"name": figure.proposed[0]} if figure.proposed else ""
    )
    place = figure.region.name if figure.region else ""
    kind = (
        ObservationKind(figure.kind).label if figure.kind in ObservationKind.values else figure.kind
    )
    return " · ".join(str(part) for part in (indicator, kind, figure.period_label, place) if part)


def _candidate_url(bulletin, left, text):
    """The candidate form filled with what the text says of the number ``left``: its bulletin
    and region, the number as written and its sentence, in review state candidate; indicator,
    unit and period are the editor's to give."""
    start, end = left.sentence
    query = {
        "bulletin": bulletin.pk,
        "region": bulletin.region_id or "",
        "value": left.number.replace(",", ""),
        "value_text": left.number,
        "quote": text[start:end].strip(),
        # a candidate like every figure an import proposes: public only once an editor accepts it
        "review_state": ReviewState.CANDIDATE,
    }
    return f"{reverse('admin:indicators_observation_add')}?{urlencode(query)}"
