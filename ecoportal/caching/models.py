from django.db import models


class Generation(models.Model):
    """The content generation: the site's row (``scope`` "site") and one per scope a publication
    moves (``caching.generation.scoped``), the authority every cached entry is keyed by.

    ``number`` moves on after every committed change of public content and when a scheduled
    item comes due; ``next_due`` is that moment (computed once per generation, when
    ``due_known`` is false). Moments are UNIX times in microseconds, read without conversion
    on every request. Runtime state, not content: backups leave it out.
    """

    scope = models.CharField(max_length=200, unique=True, default="site")
    number = models.BigIntegerField()
    began = models.BigIntegerField()
    next_due = models.BigIntegerField(null=True)
    due_known = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return str(self.number)
