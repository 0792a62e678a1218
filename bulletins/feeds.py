from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from ecoportal.publishing import shows_published_only

from .models import Bulletin

FEED_SIZE = 30


@shows_published_only
class LatestBulletinsFeed(Feed):
    title = settings.SITE_NAME
    link = "/bulletins/"
    description = _("生态环境部门发布的最新公报")

    def items(self):
        return Bulletin.objects.published().for_listing().order_by("-publish_at", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body[:200]

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.publisher.name if item.publisher else item.source_name or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class LatestBulletinsAtomFeed(LatestBulletinsFeed):
    feed_type = Atom1Feed
    subtitle = LatestBulletinsFeed.description
