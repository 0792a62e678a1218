"""What indicators add to the bulletins' pages (registered in apps.py, see bulletins.page_parts)."""

from django.utils.functional import SimpleLazyObject

from . import panels
from .choices import ReviewState
from .highlight import highlight_quotes
from .models import Observation


def bulletin_figures(bulletin, context):
    """A bulletin's accepted figures, each sentence marked in the body (``#obs-<id>``); a figure
    whose sentence was not found has ``marked`` false and keeps that anchor itself."""
    observations = list(
        Observation.objects.filter(bulletin=bulletin, review_state=ReviewState.ACCEPTED)
        .select_related("indicator", "region")
        .order_by("id")
    )
    highlighted = highlight_quotes(context["body_html"], observations)
    groups = {}
    for observation in observations:
        observation.marked = observation.pk in highlighted.marked
        groups.setdefault(observation.quote, []).append(observation)
    return {
        "observations": observations,
        # One entry per sentence, with every figure it states: a sentence is quoted once.
        "figure_groups": [{"quote": quote, "figures": figures} for quote, figures in groups.items()],
        "body_html": highlighted.html,
    }


def home_cards():
    return {"headline_cards": SimpleLazyObject(panels.headline_cards)}


def region_panels(region, children):
    # ``children`` may be lazy (read only when the page's fragment is not kept): a list for
    # the query that names them.
    return {
        "children_headlines": SimpleLazyObject(lambda: panels.children_headlines(list(children))),
        "region_categories": SimpleLazyObject(lambda: panels.region_summaries(region)),
    }
