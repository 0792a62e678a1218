"""Read-only API of indicators and observations; observations also download as CSV."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from ecoportal.api.pagination import MemoItemsMixin
from ecoportal.api.schema import PerViewSchema
from ecoportal.api.viewsets import PublicApiSchema, PublicReadOnlyViewSet

from ..downloads import for_download, observations_csv_response
from ..filters import IndicatorFilterSet, ObservationFilterSet
from ..models import Indicator, Observation
from . import serializers


class CSVRenderer(BaseRenderer):
    """Negotiates ``format=csv`` (or ``Accept: text/csv``); the view streams the file itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("Observation lists are streamed by the view, see indicators.downloads.")


class ObservationSchema(PublicApiSchema):
    def get_response_serializers(self):
        responses = super().get_response_serializers()
        if self.view.action == "list":
            responses[(200, "text/csv")] = OpenApiResponse(
                OpenApiTypes.STR,
                description=(
                    "With `format=csv`: every matching observation (not one page), same columns "
                    "as the JSON fields, UTF-8 with a byte-order mark, as an attachment."
                ),
            )
        return responses


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
                "format", OpenApiTypes.STR, enum=["json", "csv"],
                description=(
                    "`csv` downloads every matching observation as one CSV file (same filters and "
                    "ordering, no pagination). Default: JSON."
                ),
                examples=[
                    OpenApiExample("JSON", value="json", summary="A page of observations in JSON"),
                    OpenApiExample("CSV", value="csv", summary="Every matching observation as CSV"),
                ],
            )
        ]
    )
)
class ObservationViewSet(MemoItemsMixin, PublicReadOnlyViewSet):
    """Figures stated by published bulletins, each with its verbatim sentence and source link."""

    public_model = Observation
    serializer_class = serializers.ObservationSerializer
    filterset_class = ObservationFilterSet
    schema = PerViewSchema(ObservationSchema)
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return for_download(super().get_queryset())

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.action == "list":
            renderers.append(CSVRenderer())
        return renderers

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == CSVRenderer.format:
            self.paginator.check_parameters(request)
            queryset = self.filter_queryset(self.get_queryset())
            return observations_csv_response(queryset, request=request, filename=self.csv_filename())
        return super().list(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if isinstance(response, Response) and getattr(renderer, "format", None) == CSVRenderer.format:
            # An error (bad filter, throttled) asked for as CSV is still answered in JSON.
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def csv_filename(self):
        """``observations-pm25-heilongjiang-2023.csv`` from the (already validated) filters."""
        parts = [
            self.request.query_params[name]
            for name in ObservationFilterSet.Meta.fields
            if name != "ordering" and self.request.query_params.get(name)
        ]
        return "-".join(["observations", *parts]) + ".csv"
