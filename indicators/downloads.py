"""Downloads of observations, CSV and XLSX, written from ``observation_columns.COLUMNS``.

The rows are read from the database in chunks and written out as they come, so that memory
stays flat whatever their number. The CSV is streamed and starts with a UTF-8 byte-order mark
so that Excel opens the Chinese text correctly. The XLSX is written by XlsxWriter in its
constant-memory mode (each row goes to a temporary file as it is written) and sent from that
file once complete: a spreadsheet is a zip archive, whose directory comes last.
"""

import csv
import io
import itertools
import tempfile

import xlsxwriter
from django.http import FileResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

from .observation_columns import BOOLEAN, COLUMNS, DATE, DECIMAL, INTEGER, NAMES, RowReader

CHUNK_SIZE = 2000
ROWS_PER_WRITE = 500
HEAVY_FIELDS = ("bulletin__body", "bulletin__raw_text", "bulletin__summary", "indicator__description")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's limit of rows in a sheet, the header's included.
XLSX_MAX_ROWS = 1_048_576
# Text a spreadsheet could take for a formula; numbers and dates are left as they are.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def for_download(queryset):
    """The observations with what a row shows, one query, without the bulletins' long texts."""
    return queryset.select_related("indicator", "region", "bulletin").defer(*HEAVY_FIELDS)


def _defused(value):
    return f"'{value}" if value.startswith(_FORMULA_PREFIXES) else value


def _observations(queryset, as_read):
    """The observations, read with ``iterator()`` in chunks; the query has run on return.

    An error of the database (one that is down) is raised to the caller while it can still
    answer with an error page, rather than once the response has started and can only be cut.
    """
    observations = for_download(queryset).iterator(chunk_size=CHUNK_SIZE)
    if as_read is not None:
        observations = _each_chunk(observations, as_read)
    first = next(observations, None)
    return iter(()) if first is None else itertools.chain([first], observations)


def _each_chunk(observations, as_read):
    """The rows, each chunk passed through ``as_read`` (a page's worth of queries per chunk)."""
    for chunk in iter(lambda: list(itertools.islice(observations, CHUNK_SIZE)), []):
        yield from as_read(chunk)


def observation_rows(queryset, *, absolute_url, as_read=None):
    """One list of the columns' values per observation (Python values, None where empty)."""
    reader = RowReader(absolute_url)
    for observation in _observations(queryset, as_read):
        yield [column.read(observation, reader) for column in COLUMNS]


def observation_csv_rows(queryset, *, absolute_url, as_read=None):
    """The header, then one row of text per observation (empty cells for nulls, formulas defused).

    ``absolute_url(path)`` makes a public URL absolute, e.g. ``request.build_absolute_uri``;
    ``as_read(rows)`` gives the rows as they are to be written (``history.with_versions_applied``).
    """
    rows = observation_rows(queryset, absolute_url=absolute_url, as_read=as_read)
    first = next(rows, None)  # the query runs now
    return itertools.chain([NAMES], _csv_cells(rows if first is None else itertools.chain([first], rows)))


def _csv_cells(rows):
    free_text = [column.free_text for column in COLUMNS]
    for row in rows:
        yield [
            "" if value is None
            else ("true" if value else "false") if isinstance(value, bool)  # as JSON writes them
            else _defused(value) if defuse else value
            for value, defuse in zip(row, free_text, strict=True)
        ]


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
    """Every observation of ``queryset`` (already public and filtered) as a CSV download."""
    return csv_response(
        observation_csv_rows(queryset, absolute_url=request.build_absolute_uri, as_read=as_read),
        filename=filename,
    )


def write_xlsx(rows, target):
    """The header and ``rows`` as the one sheet of a workbook written to ``target`` (a file).

    Numbers are numbers and dates dates, so that a spreadsheet sorts and sums them; the value
    as written stays in ``value`` as text beside them. Text is written as text (never a formula).
    At most ``XLSX_MAX_ROWS`` rows fit in a sheet: a ``ValueError`` past them.
    """
    workbook = xlsxwriter.Workbook(
        target, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = workbook.add_worksheet("observations")
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, NAMES, bold)
    sheet.freeze_panes(1, 0)
    writers = []
    for column in COLUMNS:
        if column.kind in (INTEGER, DECIMAL) and column.name != "value":
            writers.append(lambda r, c, v: sheet.write_number(r, c, v if isinstance(v, int) else float(v)))
        elif column.kind == DATE:
            writers.append(lambda r, c, v: sheet.write_datetime(r, c, v, date_format))
        elif column.kind == BOOLEAN:
            writers.append(lambda r, c, v: sheet.write_boolean(r, c, v))
        else:
            writers.append(lambda r, c, v: sheet.write_string(r, c, str(v)))
    for number, row in enumerate(rows, start=1):
        if number >= XLSX_MAX_ROWS:
            workbook.close()
            raise ValueError(f"more than {XLSX_MAX_ROWS - 1} rows do not fit in a spreadsheet")
        for index, value in enumerate(row):
            if value is not None and value != "":
                writers[index](number, index, value)
    workbook.close()


def observations_xlsx_response(queryset, *, request, filename="observations.xlsx", as_read=None):
    """Every observation of ``queryset`` as an XLSX attachment, written to a temporary file
    (memory stays flat) and sent from it."""
    rows = observation_rows(queryset, absolute_url=request.build_absolute_uri, as_read=as_read)
    target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    try:
        write_xlsx(rows, target)
    except BaseException:
        target.close()
        raise
    target.seek(0)
    return FileResponse(target, as_attachment=True, filename=filename, content_type=XLSX_MEDIA_TYPE)
