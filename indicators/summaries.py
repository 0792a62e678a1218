"""Series summaries: what the public pages show of each series, kept up to date as it changes.

The catalogue, the home page's headline cards, an indicator's charts and a region's panels show
the newest figures of each series (indicator, region, qualifier) and counts per indicator. At
100,000 bulletins (1,000,000 figures, 2,996 series) computing them from the figures took the
catalogue's first reader after a publication 2.5 s, an indicator page's 0.7 s. Instead each
series has one ``SeriesSummary`` row, rewritten in the transaction of whatever changes the
series — a bulletin saved (published, withdrawn, archived, trashed, edited), a figure saved or
deleted (corrected, withdrawn), a region's level changed — and only for the series that changed:
a publication touches the few series its figures are in. A scheduled bulletin changes nothing
when it falls due: the first page read after that moment brings the summaries of its series up
to date (``catch_up``, one query on every read otherwise). Writes that send no signal
(``update()``, ``bulk_create``) call ``refresh_figures`` or ``rebuild`` themselves (bulk writes
under ``suspend_invalidation()`` detach these receivers and rebuild after);
``manage.py rebuild_summaries`` writes every row afresh from the figures (``rebuild``), and
``tests/indicators/test_summaries.py`` checks that it gives what the incremental writes gave.

Every row is computed from ``Observation.objects.published()`` and nothing else, and the pages
read the figures it names through ``published()`` again: nothing unpublished can be shown.
"""

import json
import zlib

from django.contrib.postgres.aggregates import JSONBAgg
from django.db import connection, connections, transaction
from django.db.models import Count, Min, Q, Sum
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTransform
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from ecoportal.caching import generation

from .models import Indicator, Observation, SeriesSummary, SummaryClock

DEPTH = 100  # newest levels kept per series: an indicator table's first page (``TABLE_PAGE_SIZE``)
#: The windows pages read a series through (``panels``): a headline card's newest 4 figures per
#: series, a catalogue or region card's 12, an indicator page's 40.
WINDOWS = (4, 12, 40)



def key_of(indicator_id, region_id, qualifier):
    """A series' unique key (NULL regions compare equal here, unlike in a unique constraint)."""
    return f"{indicator_id}:{region_id or ''}:{zlib.crc32(qualifier.encode()):08x}:{len(qualifier)}"


def _series_filter(indicator_id, region_id, qualifier):
    region = {"region__isnull": True} if region_id is None else {"region_id": region_id}
    return {"indicator_id": indicator_id, "qualifier": qualifier, **region}


def _lock(key):
    """Two transactions writing one series take turns (PostgreSQL; SQLite has one writer), and
    the second reads the figures once the first has committed."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(key.encode())])


def order_key(observation):
    """Where a series' newest figure falls in ``widest_first`` order, ties as in ``NEWEST_FIRST``."""
    from .series import breadth

    end, issued = observation.period_end, observation.bulletin.issued_on
    return [
        breadth(observation), end is None, -end.toordinal() if end else 0, bool(observation.qualifier),
        issued is None, -issued.toordinal() if issued else 0, -observation.pk,
    ]


def parts_of(figures):
    """The series as readers see them (``series.group_series``) among ``figures``, the newest
    figures of one stored series, newest first: each one's newest figure, where it falls
    (``order_key``) and what places its bar (``bar_of``), and its dated figures (one per period end, oldest first) for a line."""
    from .series import series_key

    grouped = {}
    for observation in figures:
        grouped.setdefault(series_key(observation), []).append(observation)
    parts = []
    for members in grouped.values():
        by_end = {}
        for observation in members:
            if observation.period_end is not None:
                by_end.setdefault(observation.period_end, observation)
        dated = [by_end[end] for end in sorted(by_end)]
        parts.append({
            "order": order_key(members[0]),
            "latest": members[0].pk,
            "dated": [o.pk for o in dated],
            "end": dated[-1].period_end.toordinal() if dated else None,
            "bar": bar_of(members[0]),
        })
    return parts


def bar_of(observation):
    """What chooses a newest figure's bar (``series.comparison_members``) besides its period
    end: [period start, period label, qualifier, value, normalised value, unit]."""
    start, normalised = observation.period_start, observation.value_normalised
    return [
        _ordinal(start), observation.period_label, observation.qualifier, str(observation.value),
        None if normalised is None else str(normalised), observation.unit,
    ]


def _public_levels(indicator_id, region_id, qualifier):
    return (
        Observation.objects.published().filter(kind="level", **_series_filter(indicator_id, region_id, qualifier))
        .for_charts().newest_first()
    )


def _row(indicator_id, region_id, qualifier, counts, newest):
    """The summary of a series: ``counts`` (of every public figure, of the levels), ``newest``
    its newest public levels as (id, period end, issue date, figure or None), newest first."""
    figures = [row[3] for row in newest[: max(WINDOWS)]]
    return SeriesSummary(
        key=key_of(indicator_id, region_id, qualifier), indicator_id=indicator_id, region_id=region_id,
        qualifier=qualifier, public_count=counts[0], level_count=counts[1],
        newest=[[pk, _ordinal(end), _ordinal(issued)] for pk, end, issued, _ in newest],
        parts={f"w{window}": parts_of(figures[:window]) for window in WINDOWS},
    )


def _ordinal(day):
    return day.toordinal() if day else None


def _newest(indicator_id, region_id, qualifier):
    """The newest public levels of a series for ``_row``: the first ``max(WINDOWS)`` as figures."""
    levels = _public_levels(indicator_id, region_id, qualifier)
    keys = list(levels.values_list("pk", "period_end", "bulletin__issued_on")[:DEPTH])
    figures = list(levels[: max(WINDOWS)])
    return [(*key, figures[index] if index < len(figures) else None) for index, key in enumerate(keys)]


def refresh(series):
    """Write the summaries of ``series`` ((indicator_id, region_id, qualifier)…) from the figures;
    in a publication (``generation.scoped``), name the indicators and regions they change."""
    if generation.collecting() and series:
        from bulletins.workflow import region_scopes

        codes = Indicator.objects.filter(pk__in={s[0] for s in series}).values_list("code", flat=True)
        generation.content_changed(scopes=[*(f"indicator:{code}" for code in codes), *region_scopes({s[1] for s in series})])
    for indicator_id, region_id, qualifier in sorted({s for s in series if s[0] is not None}, key=lambda s: (s[0], s[1] or 0, s[2])):
        key = key_of(indicator_id, region_id, qualifier)
        _lock(key)
        public = Observation.objects.published().filter(**_series_filter(indicator_id, region_id, qualifier))
        counts = public.aggregate(every=Count("pk"), levels=Count("pk", filter=Q(kind="level")))
        if not counts["every"]:
            SeriesSummary.objects.filter(key=key).delete()
            continue
        row = _row(indicator_id, region_id, qualifier, (counts["every"], counts["levels"]), _newest(indicator_id, region_id, qualifier))
        SeriesSummary.objects.bulk_create(
            [row], update_conflicts=True, unique_fields=["key"],
            update_fields=["public_count", "level_count", "newest", "parts"],
        )


def series_of(figures):
    """The series of the figures of a queryset."""
    return set(figures.order_by().values_list("indicator_id", "region_id", "qualifier").distinct())


def refresh_figures(figures):
    """After figures changed without a signal (``update()``): refresh their series."""
    refresh(series_of(figures))


def rebuild():
    """Every summary written afresh from the figures, in one transaction."""
    with transaction.atomic():
        published = Observation.objects.published().order_by()
        counts = published.values_list("indicator_id", "region_id", "qualifier").annotate(
            every=Count("pk"), levels=Count("pk", filter=Q(kind="level"))
        )
        figures = {
            o.pk: o for o in published.for_charts().newest_per_series(limit=max(WINDOWS))
        }
        newest = {}
        keys = published.newest_per_series(limit=DEPTH).values_list(
            "pk", "indicator_id", "region_id", "qualifier", "period_end", "bulletin__issued_on"
        )
        for pk, indicator_id, region_id, qualifier, end, issued in keys:
            newest.setdefault((indicator_id, region_id, qualifier), []).append((pk, end, issued, figures.get(pk)))
        rows = [
            _row(indicator_id, region_id, qualifier, (every, levels), newest.get((indicator_id, region_id, qualifier), []))
            for indicator_id, region_id, qualifier, every, levels in counts
        ]
        SeriesSummary.objects.all().delete()
        SeriesSummary.objects.bulk_create(rows, batch_size=500)
        _clock_set(timezone.now())


def fill_if_empty(using="default", **kwargs):
    """After ``migrate``: a database with figures and no summaries yet (the first deploy of
    them) gets them. Later, ``manage.py rebuild_summaries`` rebuilds them on demand."""
    if SeriesSummary._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back before them
    if not SeriesSummary.objects.using(using).exists() and Observation.objects.using(using).exists():
        rebuild()


# Scheduled publications: the summaries catch up on the first read after one falls due.


def _clock_set(now):
    from bulletins.models import Bulletin

    due = Bulletin.objects.next_due(now)
    updated = SummaryClock.objects.filter(pk=1).update(checked_at=now, next_due=due)
    if not updated:
        SummaryClock.objects.create(pk=1, checked_at=now, next_due=due)


def scheduled(moment):
    """A bulletin will become public at ``moment``: the summaries catch up then."""
    clock = SummaryClock.objects.filter(pk=1).first()
    if clock is None:
        SummaryClock.objects.create(pk=1, checked_at=timezone.now(), next_due=moment)
    elif clock.next_due is None or clock.next_due > moment:
        SummaryClock.objects.filter(pk=1).update(next_due=moment)


def catch_up():
    """Before the summaries are read: those of bulletins that fell due since the last check are
    brought up to date (one query when none did)."""
    now = timezone.now()
    due = SummaryClock.objects.filter(pk=1).values_list("next_due", flat=True).first()
    if due is None or due > now:
        return
    from bulletins.models import Bulletin

    with transaction.atomic():
        clock = SummaryClock.objects.select_for_update().get(pk=1)
        if clock.next_due is None or clock.next_due > now:
            return  # another request caught up meanwhile
        came = Bulletin.objects.published().filter(publish_at__gt=clock.checked_at, publish_at__lte=now)
        refresh(series_of(Observation.objects.filter(bulletin__in=came.values("pk"))))
        _clock_set(now)


# Reading.


def with_ids(queryset, ids):
    """``queryset`` narrowed to ``ids`` in one parameter, however many there are."""
    if connections[queryset.db].vendor == "sqlite":
        return queryset.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),)))
    return queryset.filter(pk__in=ids)


def newest(*, limit, related=(), **scope):
    """The ``limit`` newest public levels of each series in ``scope`` (``region=…``,
    ``indicator__is_headline=True``…), newest first: what ``newest_per_series`` computes."""
    catch_up()
    ids = [key[0] for kept in SeriesSummary.objects.filter(**scope).values_list("newest", flat=True) for key in kept[:limit]]
    figures = Observation.objects.published().for_charts()
    if related:
        figures = figures.select_related(*related)
    return list(with_ids(figures, ids).newest_first())


def figures_by_id(ids, *, related=()):
    """Public figures by id, as charts read them (one query)."""
    figures = Observation.objects.published().for_charts()
    if related:
        figures = figures.select_related(*related)
    return {o.pk: o for o in with_ids(figures, list(ids))}


def parts(window, **scope):
    """{indicator_id: [part…]} of every series in ``scope``, as seen through the ``window``
    newest figures of each series (one of ``WINDOWS``), the series in the order of their ids."""
    catch_up()
    summaries = SeriesSummary.objects.filter(**scope)
    found = {}
    if connections[summaries.db].vendor == "postgresql":
        # One row an indicator, its series' parts gathered in one JSON array: read one series a
        # row, the catalogue's 3,000 took 170-500 ms of wall and 16-21 of CPU (each row's value
        # decoded apart), gathered 42-53 and 7-9 (100,000 bulletins, load 8-9, 2026-12-06).
        rows = (
            summaries.order_by().values("indicator_id")
            .annotate(first=Min("id"), gathered=JSONBAgg(KeyTransform(f"w{window}", "parts"), order_by="id"))
            .order_by("first").values_list("indicator_id", "gathered")
        )
        for indicator_id, gathered in rows:
            found[indicator_id] = [part for series_parts in gathered if series_parts for part in series_parts]
        return found
    for indicator_id, series_parts in summaries.values_list("indicator_id", f"parts__w{window}"):
        found.setdefault(indicator_id, []).extend(series_parts or [])
    return found


def newest_first_key(part):
    """A part's place in ``NEWEST_FIRST`` order of its newest figure."""
    order = part["order"]
    return (order[1], order[2], order[4], order[5], order[6])


def table(indicator):
    """(count, [[(id, end, issued)…]…]) of ``indicator``'s public levels: their number, and the
    newest of each series (``DEPTH``, newest first), among which are the ``DEPTH`` newest of all."""
    catch_up()
    count, kept = 0, []
    for levels, newest in SeriesSummary.objects.filter(indicator=indicator).values_list("level_count", "newest"):
        count += levels
        kept.append(newest)
    return count, kept


def public_counts():
    """{indicator_id: its public figures}."""
    rows = SeriesSummary.objects.order_by().values_list("indicator_id").annotate(count=Sum("public_count"))
    return dict(rows)


# Keeping them up to date.


def _bulletin_saved(sender, instance, raw=False, **kwargs):
    refresh(series_of(Observation.objects.filter(bulletin_id=instance.pk)))
    if instance.is_scheduled:
        scheduled(instance.publish_at)


def _figure_saved(sender, instance, raw=False, **kwargs):
    loaded = getattr(instance, "_summary_series", None)
    current = (instance.indicator_id, instance.region_id, instance.qualifier)
    refresh({current, loaded} - {None})
    instance._summary_series = current


def _figure_deleted(sender, instance, **kwargs):
    refresh({(instance.indicator_id, instance.region_id, instance.qualifier)})


def _region_saved(sender, instance, raw=False, **kwargs):
    refresh(SeriesSummary.objects.filter(region_id=instance.pk).values_list("indicator_id", "region_id", "qualifier"))


def connect():
    from bulletins.models import Bulletin, Region

    post_save.connect(_bulletin_saved, sender=Bulletin, dispatch_uid="summaries:bulletin")
    post_save.connect(_figure_saved, sender=Observation, dispatch_uid="summaries:figure")
    post_delete.connect(_figure_deleted, sender=Observation, dispatch_uid="summaries:figure")
    post_save.connect(_region_saved, sender=Region, dispatch_uid="summaries:region")


def disconnect():
    from bulletins.models import Bulletin, Region

    post_save.disconnect(sender=Bulletin, dispatch_uid="summaries:bulletin")
    post_save.disconnect(sender=Observation, dispatch_uid="summaries:figure")
    post_delete.disconnect(sender=Observation, dispatch_uid="summaries:figure")
    post_save.disconnect(sender=Region, dispatch_uid="summaries:region")
