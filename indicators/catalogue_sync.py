"""The reference catalogue written into the database.

The database holds the indicators in use; the reference file holds the vocabulary. Writing one
into the other never overwrites what editors maintain: an indicator that exists gets only the
reference fields it has left empty (aliases, definitions, unit code, limits), and a reference
indicator is created when it is first needed (``indicator_for_code``: a figure filed under it,
a proposal accepted) or when asked (``catalogue_apply(create=True)``,
``manage.py load_reference_catalogue --create``), so the public catalogue does not fill with
indicators that have no figures.

The functions take the model classes as arguments so that migrations can pass their own.
"""

from django.db import transaction

from . import units
from .catalogue import Catalogue

# Indicator field: how it is read from a catalogue entry.
_REFERENCE_FIELDS = {
    "unit_code": lambda entry: entry.unit,
    "other_unit_codes": lambda entry: " ".join(entry.other_units),
    "aliases_zh": lambda entry: "\n".join(entry.aliases_zh),
    "aliases_en": lambda entry: "\n".join(entry.aliases_en),
    "definition": lambda entry: entry.definition_zh,
    "definition_en": lambda entry: entry.definition_en,
    "same_as": lambda entry: entry.same_as,
}


def _models(indicator_model, limit_model):
    if indicator_model is None or limit_model is None:
        from .models import Indicator, IndicatorLimit

        return indicator_model or Indicator, limit_model or IndicatorLimit
    return indicator_model, limit_model


def new_indicator_fields(entry):
    """The fields of an indicator created from ``entry``."""
    unit = units.get(entry.unit)
    fields = {
        "code": entry.code,
        "name": entry.name_zh,
        "name_en": entry.name_en,
        "unit": unit.symbol_zh,
        "unit_en": unit.symbol_en,
        "category": entry.category,
        "higher_is_better": entry.higher_is_better,
    }
    fields.update({field: read(entry) for field, read in _REFERENCE_FIELDS.items()})
    return fields


def _add_limits(limit_model, indicator, entry):
    limit_model.objects.bulk_create(
        limit_model(
            indicator=indicator, value=limit.value, unit_code=limit.unit,
            basis=limit.basis_zh, basis_en=limit.basis_en,
        )
        for limit in entry.limits
    )


@transaction.atomic
def catalogue_apply(catalogue=None, *, create=False, indicator_model=None, limit_model=None):
    """Fill the empty reference fields of the indicators the catalogue knows; returns
    ``(filled, created)`` counts. With ``create``, add the catalogue's missing indicators."""
    Indicator, IndicatorLimit = _models(indicator_model, limit_model)
    catalogue = catalogue or Catalogue.from_reference()
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    with_limits = set(IndicatorLimit.objects.values_list("indicator_id", flat=True))
    filled = created = 0
    for entry in catalogue:
        indicator = existing.get(entry.code)
        if indicator is None:
            if create:
                indicator = Indicator.objects.create(**new_indicator_fields(entry))
                _add_limits(IndicatorLimit, indicator, entry)
                created += 1
            continue
        changed = [
            field for field, read in _REFERENCE_FIELDS.items()
            if not getattr(indicator, field) and read(entry)
        ]
        for field in changed:
            setattr(indicator, field, _REFERENCE_FIELDS[field](entry))
        if changed:
            indicator.save(update_fields=changed)
        if entry.limits and indicator.pk not in with_limits:
            _add_limits(IndicatorLimit, indicator, entry)
            changed.append("limits")
        filled += bool(changed)
    return filled, created


def indicator_for_code(code, *, catalogue=None):
    """The indicator with this code, created from the reference catalogue on first use; None
    when neither the database nor the catalogue knows the code."""
    from .models import Indicator, IndicatorLimit

    indicator = Indicator.objects.filter(code=code).first()
    if indicator is not None:
        return indicator
    entry = (catalogue or Catalogue.from_reference()).get(code)
    if entry is None:
        return None
    with transaction.atomic():
        indicator, created = Indicator.objects.get_or_create(code=code, defaults=new_indicator_fields(entry))
        if created:
            _add_limits(IndicatorLimit, indicator, entry)
    return indicator
