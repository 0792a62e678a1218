"""Who runs the portal, how to reach them and under which licence the data is offered.

One reading of the settings, shared by the footer, the about page and the API's root, so that
the three never say different things. What the operator has not set is reported as unset.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _


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


def data_terms():
    """The data's terms beside the licence: the API root and every download's metadata."""
    return _("数值及其原文摘自各发布机构的公报，原文版权归原发布机构所有；引用时请注明原发布机构和本站。")


def site_name():
    english = (get_language() or "").lower().startswith("en")
    return "EcoPortal" if english else settings.SITE_NAME


def citation(title, url, day, *, sources=()):
    """How to cite what ``url`` gave on ``day``: the portal (its operator when set), the title,
    the sources' publishers, the address, the day and the licence, in the reader's language."""
    operator = portal().operator
    who = f"{site_name()} ({operator})" if operator else site_name()
    parts = [_("%(who)s：《%(title)s》。") % {"who": who, "title": title}]
    if sources:
        parts.append(_("原始来源：%(names)s。") % {"names": _("、").join(sources)})
    parts.append(_("%(url)s，%(day)s 读取。数据许可：%(licence)s。") % {
        "url": url, "day": day.isoformat(), "licence": licence().name,
    })
    return "".join(parts) if not get_language().lower().startswith("en") else " ".join(parts)


def schema_info(result, generator, request, public):
    """drf-spectacular hook: the schema's ``info`` names the licence, the contact and the terms,
    and ``servers`` the site's address (``SITE_URL``), from the same settings as the footer."""
    data_licence = licence()
    site = settings.SITE_URL.rstrip("/")
    info = result["info"]
    info["license"] = {"name": data_licence.name}
    if data_licence.url:
        info["license"]["url"] = data_licence.url
    if data_licence.is_default:
        info["license"]["name"] += " (default: the operator has not set PORTAL_LICENCE)"
    info["termsOfService"] = f"{site}/about/"
    contact = {"url": f"{site}/about/"}
    if settings.PORTAL_OPERATOR_EN or settings.PORTAL_OPERATOR:
        contact["name"] = settings.PORTAL_OPERATOR_EN or settings.PORTAL_OPERATOR
    if settings.PORTAL_CONTACT_EMAIL:
        contact["email"] = settings.PORTAL_CONTACT_EMAIL
    info["contact"] = contact
    result["servers"] = [{"url": site, "description": "This portal (SITE_URL)."}]
    return result


def context_processor(request):
    """``portal`` in every template: the footer names the operator, contact and licence."""
    return {"portal": portal()}
