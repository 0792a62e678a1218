import json
from hashlib import md5

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS
from django.core.paginator import EmptyPage, InvalidPage
from django.utils.functional import cached_property
from django.utils.http import quote_etag
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ErrorDetail, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ecoportal.caching.generation import current_memo_key, memoize
from ecoportal.caching.paginator import MemoPaginator


class PortalPagination(PageNumberPagination):
    """Page-number pagination with a client-chosen, bounded page size.

    A ``page`` or ``page_size`` that cannot be (not a whole number, out of range, past the
    last page) is a 400 naming the parameter: a client's mistake, not a missing resource. An
    empty value is the same as none.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    page_query_description = (
        "Page number, from 1 (or `last`). A value that is not a whole number, below 1 or past "
        "the last page is answered with 400 naming `page`."
    )

    @property
    def page_size_query_description(self):
        return (
            f"Results per page, 1 to {self.max_page_size} (default {self.page_size}). Any other "
            "value is answered with 400 naming `page_size`."
        )

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if not value:
            return self.page_size
        try:
            size = int(value)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            message = _("请输入 1 到 %(max)d 之间的整数。") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [ErrorDetail(message, code="out_of_range")]})
        return size

    def check_parameters(self, request):
        """Reject a malformed ``page`` or ``page_size`` where no page is read (a CSV download).

        They would be ignored there, but a client that sends one expects it to mean something.
        """
        self.get_page_size(request)
        number = request.query_params.get(self.page_query_param)
        if number and number not in self.last_page_strings and not (number.isdigit() and int(number) >= 1):
            raise ValidationError({self.page_query_param: [_("请输入大于 0 的整数。")]})

    def get_page_number(self, request, paginator):
        number = super().get_page_number(request, paginator)
        # Validated here so that the error names the parameter (DRF would answer a bare 404).
        try:
            return paginator.validate_number(number)
        except InvalidPage as exc:
            code = "out_of_range" if isinstance(exc, EmptyPage) else "invalid"
            raise ValidationError({self.page_query_param: [ErrorDetail(str(exc), code=code)]}) from exc

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
                parameter["example"] = 1
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                }
                parameter["example"] = self.page_size
        return parameters

    def get_paginated_response(self, data):
        return Response({
            "count": self.page.paginator.count,
            "page": self.page.number,
            "pages": self.page.paginator.num_pages,
            "page_size": self.page.paginator.per_page,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        })

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        properties = response_schema["properties"]
        properties = response_schema["properties"] = {
            "count": properties["count"],
            "page": {"type": "integer", "minimum": 1, "example": 2, "description": "This page's number, from 1."},
            "pages": {
                "type": "integer", "minimum": 1, "example": 3,
                "description": "Number of pages (1 when there are no results): `page=last` is this one.",
            },
            "page_size": {"type": "integer", "minimum": 1, "example": 20, "description": "Results per page."},
            **{name: value for name, value in properties.items() if name != "count"},
        }
        properties["count"]["description"] = "Number of results across all pages."
        properties["next"]["description"] = "The next page; null on the last page."
        properties["next"]["example"] = "https://example.org/api/v1/bulletins/?page=3"
        properties["previous"]["description"] = "The previous page; null on the first page."
        properties["previous"]["example"] = "https://example.org/api/v1/bulletins/?page=1"
        response_schema["required"] = ["count", "page", "pages", "page_size", "next", "previous", "results"]
        return response_schema


class MemoPagination(PortalPagination):
    """``PortalPagination`` through ``MemoPaginator``, the page's items serialized once.

    Named by the query parameters, which decide the rows; the items also depend on the site's
    address (``MemoItemsMixin``). The API's bulletin list cost 7.3–9.0 ms of CPU
    with its items kept and 11.8–15.4 without (20,000 bulletins, in-process, 2026-12-06), the
    hand-written ``.values()`` view 4.3–6.2: without them the list is under 0.4× that view.
    """

    def django_paginator_class(self, queryset, per_page):
        """The paginator of ``queryset``'s pages, named by the query parameters but the page."""
        filters = sorted((name, values) for name, values in self.request.query_params.lists() if name != self.page_query_param)
        paginator = self.memo_paginator(queryset)
        return paginator(
            queryset, per_page, memo_name=f"api:{queryset.model._meta.label_lower}:{filters}",
            count_name=self.count_name(queryset),
        )

    def memo_paginator(self, queryset):
        """The ``MemoPaginator`` (or subclass) that reads ``queryset``'s pages."""
        return MemoPaginator

    #: Query parameters that change no count.
    COUNTLESS = {"page", "page_size", "ordering", "format"}

    def count_name(self, queryset):
        """The memo name of the count, when another list counts the same rows (None: its own)."""
        return None

    def unfiltered(self):
        return not set(self.request.query_params) - self.COUNTLESS

    def paginate_queryset(self, queryset, request, view=None):
        """DRF's, but the page is returned unread: its rows are read (or their kept copy
        unpickled, 20 bulletins and their related rows) only if its items are not kept."""
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        self.page = paginator.page(self.get_page_number(request, paginator))
        self.display_page_controls = paginator.num_pages > 1 and self.template is not None
        return self.page


class MemoItemsMixin:
    """A list viewset with ``MemoPagination``: a page read again builds and serializes nothing.

    The whole answer (count, links, items) is kept, named by the address asked for (the site's,
    the path and every query parameter as given): read again, no queryset is built or filtered
    and no filter's value looked up (the API's figures of an indicator in a province: two
    queries, and 3.8–7.6 ms of CPU with the items kept). An address whose parameters are
    refused (400) keeps nothing. It is kept as the JSON ``JSONRenderer`` makes of it
    (``KeptJSONResponse``); its items are made plain JSON values first: DRF's URL values
    (``Hyperlink``) carry their whole row.
    """

    pagination_class = MemoPagination
    #: The kept answer, if the throttle read it with the client's count.
    read_already = None

    @cached_property
    def kept_name(self):
        return f"api:list-json:{self.request.build_absolute_uri()}"

    def read_with_count(self):
        """The kept answer's key, for the throttle to read in its round trip to the same cache
        (``AnonymousRateThrottle``): a page read again then costs one round trip, not two. The
        content generation is read for it before the client's rate is judged (a refused request
        reads it too)."""
        if self.action != "list" or self.request.accepted_renderer.format != "json":
            return []
        if settings.PAGE_CACHE_ALIAS != DEFAULT_CACHE_ALIAS:
            return []  # the throttle counts in the default cache
        key = current_memo_key(self.kept_name)
        return [] if key is None else [key]

    def counted_with(self, found):
        self.read_already = found

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != "json":
            return Response(self.paginated_data())  # the browsable API draws its page links from the paginator
        return KeptJSONResponse(*memoize(self.kept_name, self.rendered_page, read=self.read_already))

    def rendered_page(self):
        """The answer as ``JSONRenderer`` renders it by default, and its ETag (``KeptJSONResponse``)."""
        content = JSONRenderer().render(self.paginated_data())
        return content, quote_etag(md5(content, usedforsecurity=False).hexdigest())

    def paginated_data(self):
        self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        items = json.loads(JSONRenderer().render(self.get_serializer(list(self.paginator.page), many=True).data))
        return self.get_paginated_response(items).data


class KeptJSONResponse(Response):
    """A ``Response`` whose JSON is kept as rendered: sent as it is where ``JSONRenderer`` would
    render it the same (no ``indent`` asked for in ``Accept``), else rendered from its data.

    Kept as bytes, a page read again is neither unpickled as values nor encoded again: the API's
    bulletin list cost 1.29–1.33 ms of CPU read again, against 1.52–1.59 kept as values (the
    figures of an indicator in a province 1.33–1.36 against 1.60–1.65; 2,000 demo bulletins,
    in-process, SQLite, 2026-12-07). The bytes, the ``Content-Type`` and so the ``ETag`` are
    those ``Response`` would make; the ETag is made when the bytes are kept, as
    ``set_response_etag`` makes it (``content_etag``, read by ``conditional_public_response``).
    """

    def __init__(self, content, etag, **kwargs):
        self.kept, self.kept_etag = content, etag
        super().__init__(**kwargs)

    @property
    def data(self):
        """The answer's values, read back from the kept bytes only if something asks for them."""
        if self._data is None:
            self._data = json.loads(self.kept)
        return self._data

    @data.setter
    def data(self, value):
        self._data = value

    @property
    def rendered_content(self):
        renderer = getattr(self, "accepted_renderer", None)
        if type(renderer) is JSONRenderer and self.content_type is None and self._data is None and (
            renderer.get_indent(self.accepted_media_type, self.renderer_context) is None
        ):
            self["Content-Type"] = renderer.media_type  # as ``Response.rendered_content`` says it
            self.content_etag = self.kept_etag
            return self.kept
        return super().rendered_content
