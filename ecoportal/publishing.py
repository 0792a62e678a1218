"""The publishable base shared by everything the public may see.

The rule "only published is public" is defined here once: ``published_q()``, and beside it
what "scheduled" means: ``scheduled_q()``. Querysets of publishable models expose them as
``published()`` and ``scheduled()``; models whose visibility follows a parent (achievement
lists, observations) call ``published_q("bulletin__")``. Public views, API
viewsets, feeds and sitemaps take their rows from ``PublicQuerysetMixin``; a function view or a
feed, which has no mixin to inherit, is marked ``shows_published_only`` (system check E001).
"""

from django.conf import settings
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("草稿")
    IN_REVIEW = "in_review", _("待审核")
    PUBLISHED = "published", _("已发布")
    ARCHIVED = "archived", _("已归档")


def published_q(prefix="", now=None):
    """The one definition of public: published, its publish time come, and not in the trash."""
    now = now or timezone.now()
    return Q(
        **{
            f"{prefix}status": Status.PUBLISHED,
            f"{prefix}publish_at__isnull": False,
            f"{prefix}publish_at__lte": now,
            f"{prefix}deleted_at__isnull": True,
        }
    )


def scheduled_q(prefix="", after=None):
    """Approved to become public later by itself: published, its publish time still to come
    (after ``after``, now by default), and not in the trash."""
    after = after or timezone.now()
    return Q(
        **{
            f"{prefix}status": Status.PUBLISHED,
            f"{prefix}publish_at__gt": after,
            f"{prefix}deleted_at__isnull": True,
        }
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def scheduled(self, after=None):
        """What will become public after ``after`` (now by default) with no one doing anything."""
        return self.filter(scheduled_q(after=after))

    def next_due(self, after):
        """The first moment after ``after`` at which one of these becomes public on its own."""
        return self.scheduled(after=after).aggregate(next=Min("publish_at"))["next"]

    def alive(self):
        """Everything not moved to the trash (what editors work with)."""
        return self.filter(deleted_at__isnull=True)


class Publishable(models.Model):
    """State, schedule and optimistic-lock version of an editorial item.

    ``status`` is not editable in forms: only the workflow module changes it.
    """

    status = models.CharField(
        _("状态"), max_length=16, choices=Status, default=Status.DRAFT, editable=False, db_index=True
    )
    publish_at = models.DateTimeField(
        _("发布时间"),
        null=True,
        blank=True,
        help_text=_("公开的时刻；晚于当前时间即为定时发布。"),
    )
    version = models.PositiveIntegerField(_("版本"), default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    deleted_at = models.DateTimeField(_("删除时间"), null=True, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
            and self.deleted_at is None
        )

    @property
    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
            and self.deleted_at is None
        )


class PublicQuerysetMixin:
    """For public views and viewsets: rows come from ``public_queryset()`` and nowhere else.

    Subclasses name ``public_model``; the model's queryset must offer ``published()``.
    """

    public_model = None

    def public_queryset(self):
        return self.public_model.objects.published()

    def get_queryset(self):
        return self.public_queryset()


def shows_announcements_only(view):
    """Marks a view that shows of unpublished items only what their pre-announcement says
    (``Bulletin.objects.announced()``: title, publisher and time); system check E001 accepts it
    in place of ``shows_published_only``, and the leak crawl checks it shows nothing more."""
    view.shows_announcements_only = True
    return view


def shows_published_only(view):
    """Marks a function view (or a feed's class) whose rows all come from ``published()``.

    A function view has no ``PublicQuerysetMixin`` to inherit. System check E001 asks each one
    in the portal's apps for this mark, so that a new one is read for the public rule before it
    is served. Views that show no rows at all (robots.txt, the health check) carry it too.
    """
    view.shows_published_only = True
    return view
