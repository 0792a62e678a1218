"""CSV downloads of observations, shared by the API and the indicator pages.

The file is streamed: rows are read from the database in chunks and written out as they come,
so that memory stays flat whatever the number of rows. It starts with a UTF-8 byte-order mark
so that Excel opens the Chinese text correctly.
"""

import csv
import io
import itertools

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from .observation_units import unit_columns

CHUNK_SIZE = 2000
ROWS_PER_WRITE = 500
HEAVY_FIELDS = ("bulletin__body", "bulletin__raw_text", "bulletin__summary", "indicator__description")

COLUMNS = [
    "id",
    "indicator",
    "indicator_name",
    "indicator_name_en",
    "region",
    "period_start",
    "period_end",
    "period_label",
    "value",
    "unit",
    "unit_en",
    "unit_code",
    "value_normalised",
    "normalised_unit",
    "value_in_indicator_unit",
    "indicator_unit",
    "qualifier",
    "quote",
    "bulletin",
    "bulletin_url",
    "source_url",
]
# Text a spreadsheet could take for a formula; numbers and dates are left as they are.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def for_download(queryset):
    """The observations with what a row shows, one query, without the bulletins' long texts."""
    return queryset.select_related("indicator", "region", "bulletin").defer(*HEAVY_FIELDS)


def reported_value(observation):
    """The value as written in the source, as a decimal string (thousands separators dropped)."""
    return observation.value_text.replace(",", "")


def _text(value):
    return f"'{value}" if value.startswith(_FORMULA_PREFIXES) else value


def observation_csv_rows(queryset, *, absolute_url, as_read=None):
    """The header, then one row per observation, read with ``iterator()`` in chunks.

    The query runs here, before any row is asked for: an error of the database (one that is
    down) is raised to the caller while it can still answer with an error page, rather than
    once the response has started and can only be cut. ``absolute_url(path)`` makes a public
    URL absolute, e.g. ``request.build_absolute_uri``.
    """
    observations = for_download(queryset).iterator(chunk_size=CHUNK_SIZE)
    if as_read is not None:
        observations = _each_chunk(observations, as_read)
    first = next(observations, None)
    return _rows(observations if first is None else itertools.chain([first], observations), absolute_url)


def _rows(observations, absolute_url):
    yield COLUMNS
    bulletin_urls = {}
    for observation in observations:
        bulletin = observation.bulletin
        if bulletin.pk not in bulletin_urls:
            bulletin_urls[bulletin.pk] = absolute_url(bulletin.get_absolute_url())
        bulletin_url = bulletin_urls[bulletin.pk]
        units = {key: "" if value is None else value for key, value in unit_columns(observation).items()}
        yield [
            observation.pk,
            observation.indicator.code,
            _text(observation.indicator.name),
            _text(observation.indicator.name_en),
            observation.region.slug if observation.region else "",
            observation.period_start or "",
            observation.period_end or "",
            _text(observation.period_label),
            reported_value(observation),
            observation.unit,
            units["unit_en"],
            units["unit_code"],
            "" if observation.value_normalised is None else observation.value_normalised,
            units["normalised_unit"],
            units["value_in_indicator_unit"],
            units["indicator_unit"],
            _text(observation.qualifier),
            _text(observation.quote),
            bulletin.slug,
            bulletin_url,
            f"{bulletin_url}#obs-{observation.pk}",
        ]


def _each_chunk(observations, as_read):
    """The rows, each chunk passed through ``as_read`` (a page's worth of queries per chunk)."""
    for chunk in iter(lambda: list(itertools.islice(observations, CHUNK_SIZE)), []):
        yield from as_read(chunk)


def _encode(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    for count, row in enumerate(rows, start=1):
        writer.writerow(row)
        if count % ROWS_PER_WRITE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(rows, *, filename):
    """A streamed CSV attachment (UTF-8 with BOM) of ``rows``, an iterable of lists."""
    response = StreamingHttpResponse(_encode(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def observations_csv_response(queryset, *, request, filename="observations.csv", as_read=None):
    """Every observation of ``queryset`` (already public and filtered) as a CSV download;
    ``as_read(rows)`` gives the rows as they are to be written (``history.with_versions_applied``)."""
    return csv_response(
        observation_csv_rows(queryset, absolute_url=request.build_absolute_uri, as_read=as_read),
        filename=filename,
    )
