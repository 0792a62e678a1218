"""Read-only API of indicators and observations; observations also download as CSV and XLSX."""

from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers as drf_serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from bulletins.models import Bulletin, Region
from ecoportal.api.fields import EXAMPLE_SITE
from ecoportal.api.pagination import MemoItemsMixin
from ecoportal.api.schema import PerViewSchema
from ecoportal.api.viewsets import PublicApiSchema, PublicReadOnlyViewSet, error_responses
from ecoportal.http_caching import download_not_modified

from .. import history
from ..choices import ReviewState
from ..downloads import (
    XLSX_MEDIA_TYPE,
    for_download,
    observations_csv_response,
    observations_xlsx_response,
)
from ..filters import IndicatorFilterSet, ObservationFilterSet
from ..metadata import column_descriptions, observations_metadata
from ..models import Indicator, Observation, ObservationVersion, VersionEvent
from . import serializers

AS_OF = OpenApiParameter(
    "as_of", OpenApiTypes.DATETIME,
    description=(
        "What the portal said at this moment (ISO 8601; without a zone, Beijing time): figures of "
        "bulletins public now and published by then, with the values they had then (before any "
        "later correction); figures withdrawn since are included, figures added since are not. "
        "Filters apply to each figure's current indicator and region."
    ),
    examples=[OpenApiExample("A moment", value="2024-03-01T00:00:00+08:00")],
)


METADATA_EXAMPLE = {
    "title": "PM2.5浓度：环境公报所载数值",
    "csv": f"{EXAMPLE_SITE}/api/v1/observations/?indicator=pm25&region=heilongjiang&format=csv",
    "filters": {"indicator": ["pm25"], "region": ["heilongjiang"]},
    "as_of": None,
    "rows": 1,
    "indicators": [{
        "code": "pm25", "name": "PM2.5浓度", "name_en": "PM2.5 concentration",
        # The reference catalogue's definition (empty where an indicator has none yet).
        "definition": "…", "definition_en": "…",
        "description": "", "unit": "微克/立方米", "unit_en": "μg/m³", "unit_code": "ug/m3", "category": "air",
        "higher_is_better": False, "rows": 1,
    }],
    "sources": [{
        "slug": "heilongjiang-2024-work-conference", "title": "2024年黑龙江省生态环境保护工作会议在哈尔滨召开",
        "issued_on": "2024-01-29", "published_at": "2024-01-29T01:00:00Z", "source_url": None, "original_url": None,
        "url": f"{EXAMPLE_SITE}/bulletins/heilongjiang-2024-work-conference/",
        "publisher": {
            "slug": "heilongjiang-shengtai-huanjing", "name": "黑龙江生态环境",
            "name_en": "Heilongjiang Ecology and Environment", "url": None,
        },
        "rows": 1,
    }],
    "publishers": ["黑龙江生态环境"],
    "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/", "is_default": True},
    "terms": "数值及其原文摘自各发布机构的公报…",
    "citation": "生态环境公报：《PM2.5浓度：环境公报所载数值》。原始来源：黑龙江生态环境。…",
    "operator": None,
    "date_of_data": {"period_start": "2023-01-01", "period_end": "2023-12-31", "last_updated": "2024-01-29T01:00:00Z"},
    "date_downloaded": "20…",
    "columns": column_descriptions(),
}


class DownloadRenderer(BaseRenderer):
    """Negotiates a download format; the view writes the file itself (``indicators.downloads``)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("Observation downloads are written by the view, see indicators.downloads.")


class CSVRenderer(DownloadRenderer):
    """``format=csv`` or ``Accept: text/csv``."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"


class XLSXRenderer(DownloadRenderer):
    """``format=xlsx`` or ``Accept:`` the spreadsheet's media type."""

    media_type = XLSX_MEDIA_TYPE
    format = "xlsx"
    charset = None


DOWNLOADS = {CSVRenderer.format: observations_csv_response, XLSXRenderer.format: observations_xlsx_response}


DOWNLOAD_DESCRIPTIONS = {
    "csv": "Every matching observation (not one page), the columns of the JSON's fields, UTF-8 "
    "with a byte-order mark, as an attachment named after the filters.",
    "xlsx": "Every matching observation (not one page), the columns of the JSON's fields, as one "
    "sheet of an Excel workbook (numbers as numbers, dates as dates), as an attachment.",
}


class ObservationSchema(PublicApiSchema):
    """A download (``/observations.csv``, ``.xlsx``) is an operation of its own, whose 200 is the
    file alone: a generated client never parses a CSV as JSON."""

    def get_response_serializers(self):
        responses = super().get_response_serializers()
        download = getattr(self.view, "download_format", None)
        if download:
            renderer = {"csv": CSVRenderer, "xlsx": XLSXRenderer}[download]
            del responses[(200, "application/json")]
            schema = OpenApiTypes.STR if download == "csv" else OpenApiTypes.BINARY
            responses = {
                (200, renderer.media_type): OpenApiResponse(schema, description=DOWNLOAD_DESCRIPTIONS[download]),
                **responses,
            }
        return responses

    def _is_list_view(self, serializer=None):
        # A download's 200 is one file, not a list of them (its filters stay those of a list).
        if serializer is not None and getattr(self.view, "download_format", None):
            return False
        return super()._is_list_view(serializer)

    def get_tags(self):
        return ["observations"] if getattr(self.view, "download_format", None) else super().get_tags()

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation and getattr(self.view, "download_format", None):
            # The address says the format.
            operation["parameters"] = [p for p in operation.get("parameters", []) if p["name"] != "format"]
        return operation

    def get_operation_id(self):
        download = getattr(self.view, "download_format", None)
        return f"observations_download_{download}" if download else super().get_operation_id()


class IndicatorViewSet(PublicReadOnlyViewSet):
    """The indicator catalogue: what is measured, in which unit, and which way is better."""

    public_model = Indicator
    serializer_class = serializers.IndicatorSerializer
    filterset_class = IndicatorFilterSet
    lookup_field = "code"


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "format", OpenApiTypes.STR, enum=["json"],
                description=(
                    "`json`, the default. `csv` and `xlsx` are accepted too and download every "
                    "matching observation as one file: the operations `/observations.csv` and "
                    "`/observations.xlsx` document them."
                ),
                examples=[OpenApiExample("JSON", value="json", summary="A page of observations in JSON")],
            ),
            AS_OF,
        ]
    ),
    metadata=extend_schema(
        filters=True,
        parameters=[AS_OF],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description=(
                    "The companion of the CSV with the same filters (its `Link: rel=\"describedby\"`), "
                    "as Our World in Data publishes beside its downloads: `title`, `csv`, `filters`, "
                    "`rows`, `indicators` (definition, unit, unit code), `sources` (each bulletin with "
                    "its publisher and the rows it states), `publishers`, `licence`, `terms`, "
                    "`citation`, `date_of_data` (the period covered, the last publication or "
                    "correction), `date_downloaded` and `columns` (what each CSV column means). With "
                    "`as_of`, that of the CSV of that moment: its figures, indicators and periods "
                    "as they read then, `as_of` saying when (null without it)."
                ),
                examples=[OpenApiExample("PM2.5 in Heilongjiang", value=METADATA_EXAMPLE)],
            ),
            **error_responses(detail=False),
        },
    ),
    history=extend_schema(
        # Responses given here replace the schema's own, so its error answers are named again.
        responses={200: serializers.ObservationHistorySerializer, **error_responses(detail=True)},
        description="The figure as published, then each correction or withdrawal, oldest first.",
    ),
)
class ObservationViewSet(MemoItemsMixin, PublicReadOnlyViewSet):
    """Figures stated by published bulletins, each with its verbatim sentence and source link."""

    public_model = Observation
    serializer_class = serializers.ObservationSerializer
    filterset_class = ObservationFilterSet
    schema = PerViewSchema(ObservationSchema)
    lookup_value_regex = r"[0-9]+"
    list_query_params = ("as_of",)
    filtered_actions = ("list", "metadata")
    #: Filters that narrow the figures down (an indicator, a region, a bulletin, a period).
    NARROWING = ("indicator", "region", "bulletin", "year", "period_from", "period_to", "period")

    def public_queryset(self):
        """With a narrowing filter, each figure's bulletin is looked up by its key
        (``published_in_scope``): joined from every public bulletin, SQLite read all their
        figures to count one indicator's in a province (1.1 s at 200,000 figures, 56–73 ms
        looked up). Unfiltered, the join stays: it reads every figure either way, faster."""
        if any(self.request.query_params.get(name) for name in self.NARROWING):
            return Observation.objects.published_in_scope()
        return super().public_queryset()

    def get_queryset(self):
        moment = self.as_of()
        if moment is None:
            return for_download(super().get_queryset())
        return for_download(history.as_of(Observation.objects.all(), moment))

    def as_of(self):
        """The moment ``as_of`` asks for, or None; a 400 naming it when it is not one."""
        text = self.request.query_params.get("as_of") if self.action in ("list", "metadata") else None
        if not text:
            return None
        try:
            moment = drf_serializers.DateTimeField().to_internal_value(text)
        except ValidationError:
            raise ValidationError({"as_of": [_("请输入 ISO 8601 格式的日期时间，例如 2024-03-01T00:00:00+08:00。")]}) from None
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)

    def get_serializer(self, *args, **kwargs):
        if kwargs.get("many") and args and self.as_of() is not None:
            args = (history.with_versions_applied(args[0]), *args[1:])
        return super().get_serializer(*args, **kwargs)

    @action(detail=False, methods=["get"], url_path="metadata", pagination_class=None)
    def metadata(self, request):
        """The companion of the CSV with the same filters: title, indicators (definition, unit),
        sources (bulletins and publishers), licence, terms, citation and the date of the data."""
        queryset = self.filter_queryset(self.get_queryset())
        csv_url = self.csv_url(request)
        return Response(observations_metadata(
            queryset, request=request, csv_url=csv_url, filters=self.filter_values(), as_of=self.as_of(),
        ))

    def allowed_query_params(self):
        # The metadata of a past moment's CSV takes its moment too.
        return super().allowed_query_params() | ({"as_of"} if self.action == "metadata" else set())

    def filter_values(self):
        """The filters asked for, as given (several values as a list)."""
        many = self.repeatable_query_params()
        return {
            name: ([v for value in values for v in value.split(",") if v] if name in many else values[-1])
            for name, values in self.request.query_params.lists()
            if name in self.filterset_class.base_filters and any(values)
        }

    def csv_url(self, request):
        query = request.query_params.copy()
        query.pop("page", None)
        query.pop("page_size", None)
        query["format"] = CSVRenderer.format
        return request.build_absolute_uri(f"{reverse('api:observation-list')}?{query.urlencode()}")

    def metadata_url(self, request):
        query = request.query_params.copy()
        for name in ("format", "page", "page_size"):
            query.pop(name, None)
        url = reverse("api:observation-metadata")
        return request.build_absolute_uri(f"{url}?{query.urlencode()}" if query else url)

    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def history(self, request, pk=None):
        """A public figure's versions: as published, then each correction or withdrawal."""
        public = Bulletin.objects.published().filter(pk=OuterRef("bulletin_id"))
        withdrawn = ObservationVersion.objects.filter(observation=OuterRef("pk"), event=VersionEvent.WITHDRAWN)
        figure = get_object_or_404(
            Observation.objects.filter(Exists(public))
            .filter(Q(review_state=ReviewState.ACCEPTED) | Exists(withdrawn))
            .select_related("bulletin"),
            pk=pk,
        )
        versions = list(figure.versions.select_related("correction").order_by("at", "number"))
        entries = history.public_history(figure, versions)
        codes = dict(Indicator.objects.filter(pk__in={e["data"].get("indicator_id") for e in entries})
                     .values_list("pk", "code"))
        slugs = dict(Region.objects.filter(pk__in={e["data"].get("region_id") for e in entries})
                     .values_list("pk", "slug"))
        rows = [
            {
                **entry["data"], "event": entry["event"], "at": entry["at"],
                "indicator": codes.get(entry["data"].get("indicator_id")),
                "region": slugs.get(entry["data"].get("region_id")),
                "value": (entry["data"].get("value_text") or "").replace(",", ""),
                "note": entry["correction"].note if entry["correction"] else "",
                "note_url": request.build_absolute_uri(entry["correction"].get_absolute_url())
                if entry["correction"] else None,
            }
            for entry in entries
        ]
        return Response(serializers.ObservationHistorySerializer({"id": figure.pk, "versions": rows}).data)

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers += [CSVRenderer(), XLSXRenderer()]
        return renderers

    def list(self, request, *args, **kwargs):
        download = DOWNLOADS.get(request.accepted_renderer.format)
        if download is not None:
            if self.paginator is not None:
                self.paginator.check_parameters(request)
            queryset = self.filter_queryset(self.get_queryset())
            # After the parameters are checked (a 400 is never a 304), before the query runs.
            not_modified = download_not_modified(request, variant=request.accepted_renderer.format)
            if not_modified is not None:
                return not_modified
            as_read = history.with_versions_applied if self.as_of() is not None else None
            filename = self.download_filename(request.accepted_renderer.format)
            response = download(queryset, request=request, filename=filename, as_read=as_read)
            # Its companion (of the same moment, with as_of): what the file holds, its sources,
            # licence and citation.
            response["Link"] = f'<{self.metadata_url(request)}>; rel="describedby"; type="application/json"'
            return response
        return super().list(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if isinstance(response, Response) and isinstance(renderer, DownloadRenderer):
            # An error (bad filter, throttled) asked for as a download is still answered in JSON.
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def download_filename(self, extension):
        """``observations-pm25-heilongjiang-2023.csv`` from the (already validated) filters."""
        parts = [
            "+".join(part for value in self.request.query_params.getlist(name) for part in value.split(",") if part)
            for name in ObservationFilterSet.Meta.fields
            if name != "ordering" and self.request.query_params.get(name)
        ]
        return "-".join(["observations", *parts]) + f".{extension}"


class ObservationDownloadViewSet(ObservationViewSet):
    """``/api/v1/observations.csv`` and ``.xlsx``: the list's ``?format=csv|xlsx`` at an address
    of its own, so that the schema documents each download as an operation of its own."""

    #: Set per route (``as_view(download_format=…)``).
    download_format = None
    pagination_class = None

    def get_renderers(self):
        return [{"csv": CSVRenderer, "xlsx": XLSXRenderer}[self.download_format]()]

    def perform_content_negotiation(self, request, force=False):
        renderer = self.get_renderers()[0]
        return renderer, renderer.media_type

    def allowed_query_params(self):
        # The address says the format.
        return super().allowed_query_params() - {"format"}
