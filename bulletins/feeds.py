from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from ecoportal.portal import portal
from ecoportal.publishing import shows_published_only

from .models import Bulletin, Correction

FEED_SIZE = 30


@shows_published_only
class LatestBulletinsFeed(Feed):
    title = settings.SITE_NAME
    link = "/bulletins/"
    description = _("生态环境部门发布的最新公报")

    def items(self):
        """The newest bulletins and corrections of published figures, newest first."""
        bulletins = list(Bulletin.objects.published().for_listing().order_by("-publish_at", "-id")[:FEED_SIZE])
        corrections = list(
            Correction.objects.published().filter(made_at__isnull=False)
            .select_related("bulletin", "bulletin__publisher").order_by("-made_at", "-id")[:FEED_SIZE]
        )
        return sorted(bulletins + corrections, key=self.item_pubdate, reverse=True)[:FEED_SIZE]

    def item_title(self, item):
        if isinstance(item, Correction):
            return _("更正：%(title)s") % {"title": item.bulletin.title}
        return item.title

    def item_description(self, item):
        if isinstance(item, Correction):
            return f"“{item.original}” → “{item.corrected}”：{item.note}"
        return item.summary or item.body[:200]

    def item_pubdate(self, item):
        return item.made_at if isinstance(item, Correction) else item.publish_at

    def item_updateddate(self, item):
        return item.made_at if isinstance(item, Correction) else item.updated_at

    def item_author_name(self, item):
        """The publisher, or the source as the bulletin names it; else the portal, which
        republished it: an Atom entry must have an author (RFC 4287, 4.1.2)."""
        bulletin = item.bulletin if isinstance(item, Correction) else item
        if bulletin.publisher:
            return bulletin.publisher.name
        return bulletin.source_name or portal().operator or settings.SITE_NAME

    def item_categories(self, item):
        return [] if isinstance(item, Correction) else [topic.name for topic in item.topics.all()]


class LatestBulletinsAtomFeed(LatestBulletinsFeed):
    feed_type = Atom1Feed
    subtitle = LatestBulletinsFeed.description
