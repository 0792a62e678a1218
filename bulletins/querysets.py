from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.models import F

from ecoportal.publishing import PublishableQuerySet, published_q


class RegionQuerySet(models.QuerySet):
    def as_tree(self):
        """Every region as (region, children) pairs from the top, children in code order.

        One query; the regions index lists provinces with their cities under the country.
        """
        regions = list(self.order_by("code", "slug"))
        children = {}
        for region in regions:
            children.setdefault(region.parent_id, []).append(region)

        def branch(region):
            return {"region": region, "children": [branch(child) for child in children.get(region.pk, [])]}

        return [branch(region) for region in children.get(None, [])]

    def with_descendants(self, *regions):
        """The regions themselves and every region below them (the tree is three levels deep)."""
        ids = [region.pk for region in regions]
        return self.filter(models.Q(pk__in=ids) | models.Q(parent__in=ids) | models.Q(parent__parent__in=ids))

    def with_ancestors(self, ids):
        """The regions ``ids`` and every region above them, whose pages include theirs."""
        ids = set(ids) - {None}
        return self.filter(models.Q(pk__in=ids) | models.Q(children__in=ids) | models.Q(children__children__in=ids)).distinct()


#: All that the release calendar shows of an unpublished bulletin (``announced()``).
ANNOUNCED_FIELDS = (
    "id", "title", "publish_at", "publisher__name", "publisher__name_en", "publisher__official_name_en",
)


#: The bulletins' default order (``Bulletin.Meta``): newest issue first, undated last on every
#: database (PostgreSQL's DESC alone lists NULLs first, SQLite's last).
NEWEST_FIRST = (F("issued_on").desc(nulls_last=True), F("publish_at").desc(nulls_last=True), "-pk")
#: The memo name of the number of public bulletins, which the bulletin list and the API's count
#: (``MemoPaginator``'s ``count_name``) when unfiltered.
PUBLIC_COUNT = "bulletins:public:count"
#: The index that order is read through, by ``ordered_slice`` and the API's paginator: its dated
#: part, where NULLS LAST changes nothing, in the order the index holds.
ORDER_INDEX, ORDER_INDEX_FIELDS = "bulletin_order_idx", ["-issued_on", "-publish_at", "-id"]


def through_order_index(queryset):
    """The SQL of a bulletin ``queryset`` in the default order, told to read through
    ``bulletin_order_idx``: SQLite otherwise chooses the public filter's index and sorts every
    public bulletin. Raises ``EmptyResultSet`` as ``sql_with_params()`` does."""
    connection = connections[queryset.db]
    sql, params = queryset.query.sql_with_params()
    table, index = (connection.ops.quote_name(name) for name in (queryset.model._meta.db_table, ORDER_INDEX))
    return sql.replace(f"FROM {table}", f"FROM {table} INDEXED BY {index}", 1), params


class BulletinQuerySet(PublishableQuerySet):
    def announced(self):
        """Scheduled bulletins an Editor chose to pre-announce: what the release calendar lists.

        Only ``ANNOUNCED_FIELDS`` are read, so that nothing else of an unpublished item can
        reach the page that shows them."""
        return (
            self.scheduled().filter(pre_announce=True)
            .order_by("publish_at", "id")
            .values(*ANNOUNCED_FIELDS)
        )

    def for_listing(self):
        return self.select_related("region", "publisher").prefetch_related("topics")

    def for_cards(self):
        """What a bulletin card shows (``_bulletin_card.html``): no body, no topics.

        Bodies are long; loading twenty of them to show their titles was most of a list
        page's database time.
        """
        return self.select_related("region", "publisher").only(
            "id", "slug", "title", "summary", "region_label", "source_name", "issued_on",
            "publish_at", "status", "deleted_at",
            "region__slug", "region__name", "region__name_en",
            "publisher__slug", "publisher__name", "publisher__name_en", "publisher__official_name_en",
        )

    def ordered_slice(self, bottom, top):
        """Rows ``bottom`` to ``top`` of this list, in its order; in the default order read
        through ``bulletin_order_idx``, then by primary key with the list's related rows.

        SQLite chose the public filter's index and sorted every public bulletin: a list's first
        page took 150 ms of CPU at 20,000 bulletins, 4 ms through the order index; page 896 took
        230 and 96 ms (in-process, 2026-12-06). Reading the rows again through the filter made
        it walk every public row, so they are read by id (the ids were chosen by the filter)."""
        query = self.query
        if query.distinct or list(query.order_by or self.model._meta.ordering) != list(NEWEST_FIRST):
            return list(self[bottom:top])
        ids = self._ids_in_order(bottom, top)
        rows = self.model._base_manager.using(self.db).filter(pk__in=ids).order_by()
        rows.query.select_related = query.select_related
        rows.query.deferred_loading = query.deferred_loading
        found = {row.pk: row for row in rows.prefetch_related(*self._prefetch_related_lookups)}
        return [found[pk] for pk in ids if pk in found]

    def _ids_in_order(self, bottom, top):
        # The index holds the dated bulletins in order (SQLite is told to read it); the undated
        # ones are read after them only on the page where the dated ones run out.
        dated = self.filter(issued_on__isnull=False).order_by(*ORDER_INDEX_FIELDS).values_list("pk", flat=True)
        connection = connections[self.db]
        if connection.vendor != "sqlite":
            found = list(dated[bottom:top])
        else:
            try:
                sql, params = through_order_index(dated[bottom:top])
            except EmptyResultSet:
                found = []
            else:
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    found = [row[0] for row in cursor.fetchall()]
        if len(found) == top - bottom:
            return found
        skip = 0 if found else bottom - dated.count()
        undated = self.filter(issued_on__isnull=True).order_by(*ORDER_INDEX_FIELDS[1:]).values_list("pk", flat=True)
        return found + list(undated[skip : skip + top - bottom - len(found)])

    def showing_cover_file(self, name):
        """Bulletins whose cover image or its rendition is the stored file ``name``."""
        return self.filter(models.Q(cover_image=name) | models.Q(cover_rendition=name))

    def in_year(self, year):
        """Issued in that year, or, when the issue date is unknown, covering it."""
        return self.filter(
            models.Q(issued_on__year=year)
            | models.Q(issued_on__isnull=True, period_end__year=year)
        )

    def in_region(self, region):
        from .models import Region

        return self.filter(region__in=Region.objects.with_descendants(region))


class FollowsBulletinQuerySet(models.QuerySet):
    """Rows whose visibility is their bulletin's."""

    def published(self):
        return self.filter(published_q("bulletin__"))
