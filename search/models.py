from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The searchable text of one bulletin, cut into words separated by spaces (``text.segment``).

    Every bulletin has one, whatever its state: visibility is decided at query time by
    ``Bulletin.objects.published()``, so a scheduled bulletin is found from its publish time on
    with no job to run. The database's own full-text structure is derived from these rows and
    is not known to the ORM (migration 0002): on SQLite the FTS5 table ``search_fts``, kept in
    step by triggers; on PostgreSQL the generated ``tsvector`` column ``vector`` with a GIN index.
    A later migration that rebuilds this table on SQLite must recreate those triggers.
    """

    bulletin = models.OneToOneField(
        "bulletins.Bulletin",
        verbose_name=_("公报"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.TextField(_("标题分词"))
    summary = models.TextField(_("摘要分词"), blank=True, help_text=_("摘要与成果清单的标题。"))
    body = models.TextField(_("正文分词"), blank=True, help_text=_("正文与成果清单各条的内容。"))
    indexed_at = models.DateTimeField(_("索引时间"), auto_now=True)

    class Meta:
        ordering = ["bulletin"]
        verbose_name = _("检索文档")
        verbose_name_plural = _("检索文档")

    def __str__(self):
        return f"{self.bulletin_id}: {self.title[:40]}"
