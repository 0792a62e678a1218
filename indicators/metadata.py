"""The companion metadata of a CSV download, as Our World in Data publishes beside its grapher CSVs.

One JSON document per set of filters: what the file holds (title, the filters, how many rows),
each indicator's definition and unit, the sources (each bulletin with its publisher), the
licence and the data's terms, a citation, the date of the data (the period covered and the
last publication or correction among the rows) and of the download, and what each column
means (from ``observation_columns``, the columns' one definition). ``as_of`` describes the CSV of
a past moment: its figures as they read then.

Its cost is fixed whatever the rows: three aggregate queries over the filtered observations
(four as of a past moment).
"""

from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ecoportal import portal

from . import history, units
from .models import Indicator
from .observation_columns import COLUMNS, UNIT_VOCABULARY

INDICATOR_FIELDS = {
    "code": "indicator__code",
    "name": "indicator__name",
    "name_en": "indicator__name_en",
    "definition": "indicator__definition",
    "definition_en": "indicator__definition_en",
    "description": "indicator__description",
    "unit": "indicator__unit",
    "unit_en": "indicator__unit_en",
    "unit_code": "indicator__unit_code",
    "category": "indicator__category",
    "higher_is_better": "indicator__higher_is_better",
}
SOURCE_FIELDS = {
    "slug": "bulletin__slug",
    "title": "bulletin__title",
    "issued_on": "bulletin__issued_on",
    "published_at": "bulletin__publish_at",
    "source_url": "bulletin__source_url",
    "original_url": "bulletin__original_url",
    "publisher_slug": "bulletin__publisher__slug",
    "publisher_name": "bulletin__publisher__name",
    "publisher_name_en": "bulletin__publisher__name_en",
    "publisher_url": "bulletin__publisher__url",
}


def column_descriptions():
    """Each column with its documentation, from the one definition of the columns (without the
    list of every unit code some of them append: that is the schema's ``UnitCodeEnum``)."""
    return {column.name: column.help_text.replace(UNIT_VOCABULARY, "").strip() for column in COLUMNS}


def _in_language(chinese, english):
    english_first = (get_language() or "").lower().startswith("en")
    return (english_first and english) or chinese


def _indicator_rows_then(rows):
    """Each indicator the figures of ``history.values_then`` had then, as ``INDICATOR_FIELDS``
    name its columns, with its ``rows``: one query more than the present's join."""
    counts = dict(rows.values_list("then_indicator_id").annotate(rows=Count("pk")).order_by())
    fields = [path.removeprefix("indicator__") for path in INDICATOR_FIELDS.values()]
    for indicator in Indicator.objects.filter(pk__in=counts).order_by("code").values("pk", *fields):
        yield {f"indicator__{name}": indicator[name] for name in fields} | {"rows": counts[indicator["pk"]]}


def observations_metadata(queryset, *, request, csv_url, filters, as_of=None):
    """The metadata of the CSV of ``queryset`` (public observations, already filtered); with
    ``as_of``, ``queryset`` is ``history.as_of``'s and the figures are described as they were
    then (their indicator, period and last correction at that moment)."""
    rows = queryset.order_by()
    then = "then_" if as_of is not None else ""
    if then:
        rows = history.values_then(rows)
    summary = rows.aggregate(
        rows=Count("pk"),
        period_start=Min(f"{then}period_start"),
        period_end=Max(f"{then}period_end"),
        published=Max("bulletin__publish_at"),
        corrected=Max(f"{then}corrected_at"),
    )
    indicators = []
    indicator_rows = (
        _indicator_rows_then(rows) if then
        else rows.values(*INDICATOR_FIELDS.values()).annotate(rows=Count("pk")).order_by("indicator__code")
    )
    for row in indicator_rows:
        indicator = {key: row[field] for key, field in INDICATOR_FIELDS.items()}
        # The canonical unit as every row's ``indicator_unit`` gives it (its code, else its unit).
        canonical = units.get(indicator["unit_code"]) or units.parse_unit(indicator["unit"])
        indicator["unit_code"] = canonical.code if canonical else None
        indicators.append(indicator | {"rows": row["rows"]})
    sources = []
    for row in (
        rows.values(*SOURCE_FIELDS.values())
        .annotate(rows=Count("pk"))
        .order_by("-bulletin__issued_on", "-bulletin__publish_at", "bulletin__slug")
    ):
        source = {key: row[field] for key, field in SOURCE_FIELDS.items()}
        publisher = {
            "slug": source.pop("publisher_slug"),
            "name": source.pop("publisher_name"),
            "name_en": source.pop("publisher_name_en"),
            "url": source.pop("publisher_url") or None,
        }
        source["url"] = request.build_absolute_uri(reverse("bulletins:detail", args=[source["slug"]]))
        source["publisher"] = publisher if publisher["slug"] else None
        source["source_url"] = source["source_url"] or None
        source["original_url"] = source["original_url"] or None
        source["rows"] = row["rows"]
        sources.append(source)

    licence = portal.licence()
    site = portal.portal()
    names = _("、").join(_in_language(i["name"], i["name_en"]) for i in indicators) or _("观测值")
    title = _("%(names)s：环境公报所载数值") % {"names": names}
    updated = max(filter(None, [summary["published"], summary["corrected"]]), default=None)
    today = timezone.localdate()
    publisher_names = sorted({s["publisher"]["name"] for s in sources if s["publisher"]})
    return {
        "title": title,
        "csv": csv_url,
        "filters": filters,
        "as_of": as_of,
        "rows": summary["rows"],
        "indicators": indicators,
        "sources": sources,
        "publishers": publisher_names,
        "licence": {"name": licence.name, "url": licence.url or None, "is_default": licence.is_default},
        "terms": portal.data_terms(),
        "citation": portal.citation(title, csv_url, today, sources=publisher_names),
        "operator": site.operator or None,
        "date_of_data": {
            "period_start": summary["period_start"],
            "period_end": summary["period_end"],
            "last_updated": updated,
        },
        "date_downloaded": today,
        "columns": column_descriptions(),
    }
