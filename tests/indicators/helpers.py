"""Figures for the indicator tests: a few saved one by one, or thousands in one insert."""

from datetime import date
from decimal import Decimal

from indicators import summaries, units
from indicators.models import Observation


def yearly(bulletin, indicator, region, values, *, first_year=2019, qualifier="", unit=None):
    """Whole-year figures of one region, one per year from ``first_year``, saved one by one."""
    observations = []
    unit = unit or indicator.unit
    for offset, value in enumerate(values):
        year = first_year + offset
        text = str(value)
        observation = Observation(
            bulletin=bulletin,
            indicator=indicator,
            region=region,
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            period_label=f"{year}年",
            value=Decimal(text),
            value_text=text,
            unit=unit,
            qualifier=qualifier,
            quote=f"{year}年{qualifier}数值为{text}{unit}。",
        )
        observation.save()
        observations.append(observation)
    return observations


def bulk_figures(*, bulletins, indicators, regions, years, first_year=1900):
    """``len(bulletins) × len(indicators) × years`` figures in one bulk insert, their summaries
    refreshed.

    Region i's figures are cited by bulletin i; each bulletin's body states all of them.
    """
    rows = []
    for bulletin, region in zip(bulletins, regions, strict=True):
        for indicator in indicators:
            for year in range(first_year, first_year + years):
                text = f"{(year % 97) + 1}.5"
                rows.append(
                    Observation(
                        bulletin=bulletin,
                        indicator=indicator,
                        region=region,
                        period_start=date(year, 1, 1),
                        period_end=date(year, 12, 31),
                        period_label=f"{year}年",
                        value=Decimal(text),
                        value_text=text,
                        unit=indicator.unit,
                        value_normalised=units.normalise(Decimal(text), indicator.unit),
                        quote=f"{year}年{indicator.name}为{text}{indicator.unit}。",
                    )
                )
    Observation.objects.bulk_create(rows, batch_size=2000)
    # A bulk insert sends no signal: its series' summaries are refreshed as any such write must.
    summaries.refresh_figures(Observation.objects.filter(bulletin__in=bulletins))
    return rows
