"""Everything a process loads on its first requests, loaded once before the workers are forked.

A fresh worker spent about 250 ms of its first request loading translation catalogs, another
100 ms compiling the page templates and half a second loading jieba's dictionary for its first
search; measured again, its first request (a page from the page cache) took 1.3–2.0 s, against
0.19–0.20 s after ``warm_up()`` (in-process, load 7, 2026-12-06).
gunicorn replaces every worker after ``max_requests``, so on a busy server one of them was
always starting: its first requests, and those queued behind them, waited (the 99th percentile
of a constant response was 700 ms against 20 ms without replacements). With
``preload_app``, gunicorn.conf.py calls ``warm_up()`` in the arbiter once the application is
loaded; each worker then starts from a copy of this memory.

Nothing here opens a database or cache connection: a connection made before the fork would be
shared by every worker.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.dispatch import Signal
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

#: Sent by ``warm_up()``: an app connects what it loads on its first requests (in its ready()).
warming_up = Signal()


def warm_up():
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("公报")
    get_resolver().reverse_dict  # noqa: B018 - populates the resolver's lookup tables
    for name in _project_templates():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):  # a partial that is not a template
            logger.debug("not compiled ahead: %s", name)
    warming_up.send(sender=None)  # the apps' own (search: jieba's dictionary)
    from ecoportal.caching.generation import release

    release()  # hashes the code and templates that key cached pages


def _project_templates():
    """Names of the site's own templates (templates/ and the project's apps), not Django's."""
    roots = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]]
    roots += [Path(settings.BASE_DIR) / app / "templates" for app in ("bulletins", "indicators", "search", "ecoportal")]
    for root in roots:
        for path in sorted(root.rglob("*.html")) if root.is_dir() else ():
            yield path.relative_to(root).as_posix()
