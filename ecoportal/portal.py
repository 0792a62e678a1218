"""Who runs the portal, how to reach them and under which licence the data is offered.

One reading of the settings, shared by the footer, the about page and the API's root, so that
the three never say different things. What the operator has not set is reported as unset.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language


@dataclass(frozen=True)
class Licence:
    name: str
    url: str
    is_default: bool


@dataclass(frozen=True)
class Portal:
    operator: str
    contact_email: str
    licence: Licence
    icp_filing: str


def licence():
    """The data licence: ``PORTAL_LICENCE`` (and its URL), or the default, marked as such."""
    if settings.PORTAL_LICENCE:
        return Licence(settings.PORTAL_LICENCE, settings.PORTAL_LICENCE_URL, is_default=False)
    name, url = settings.PORTAL_DEFAULT_LICENCE
    return Licence(name, url, is_default=True)


def portal():
    english = (get_language() or "").lower().startswith("en")
    operator = (english and settings.PORTAL_OPERATOR_EN) or settings.PORTAL_OPERATOR
    return Portal(
        operator=operator,
        contact_email=settings.PORTAL_CONTACT_EMAIL,
        licence=licence(),
        icp_filing=settings.ICP_FILING,
    )


def context_processor(request):
    """``portal`` in every template: the footer names the operator, contact and licence."""
    return {"portal": portal()}
