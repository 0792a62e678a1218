"""What editors teach the importer: a region's own wording of an indicator.

An import files a figure whose wording the catalogue does not know as a candidate proposing a
new indicator named from that wording. When an editor files such a figure under an existing
indicator instead, the wording is kept for the bulletin's region (``Wording``), and the
importer reads it as that indicator in the region's later bulletins (``aliases_of``): a bureau
words its monthly report the same way each month, so one correction serves the next issues.
"""

from .catalogue import Catalogue, alias_key
from .models import Wording


def learn(observation, *, by, catalogue=None):
    """Keep the wording of ``observation``'s proposal for its bulletin's region when an editor
    filed it under an existing indicator. The ``Wording`` kept (or already kept), or None when
    there is nothing to learn: no proposal, no indicator, no region, or a wording the
    catalogue already reads as some indicator (that is the catalogue's to change)."""
    text = observation.proposed_indicator_name.strip()
    region_id = observation.bulletin.region_id
    if not (text and observation.indicator_id and region_id) or len(alias_key(text)) < 2:
        return None
    catalogue = catalogue or Catalogue.from_database()
    if catalogue.codes_for_alias(text):
        return None
    # The latest filing wins: an editor who files the wording elsewhere later corrects it.
    wording, _created = Wording.objects.update_or_create(
        region_id=region_id,
        text=text[:100],
        defaults={"indicator_id": observation.indicator_id, "created_by": by},
    )
    return wording


def filed(observation, *, by):
    """An editor gave a candidate that proposed an indicator an existing one: the proposal is
    settled (its fields cleared, before the caller saves) and its wording learnt. The
    ``Wording`` learnt, or None."""
    wording = learn(observation, by=by)
    observation.proposed_indicator_name = ""
    observation.proposed_indicator_unit = ""
    observation.proposed_indicator_category = ""
    return wording


def aliases_of(region_id):
    """``(indicator code, wording)`` pairs editors taught for this region (one query)."""
    if region_id is None:
        return []
    return list(Wording.objects.filter(region_id=region_id).values_list("indicator__code", "text"))


def catalogue_for(region_id, catalogue):
    """``catalogue`` with what editors taught for this region."""
    return catalogue.with_aliases(aliases_of(region_id))
