"""The admin site of the portal: its name, the editors' dashboard and the technical section.

The index is the editors' home: the apps register panels (``dashboard_panels``: callables
``request → panel or None``; bulletins: drafts, review queue, schedule…; indicators: candidate
figures), each read in a fixed number of queries. Accounts, groups and sign-in records are
tools of Administrators: they are listed together last, under their own heading, and to
nobody else.
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

#: Apps whose models are the site's machinery rather than its content.
TECHNICAL_APPS = ("auth", "axes")


def is_administrator(user):
    """Superusers and the Administrator group (who hold the user permissions)."""
    return bool(user.is_active and (user.is_superuser or user.has_perm("auth.change_user")))


class PortalAdminSite(AdminSite):
    # The portal's name where Django says "Django 管理" (header, browser tab, index heading).
    site_header = _("生态环境公报 · 编辑后台")
    site_title = _("生态环境公报")
    index_title = _("编辑工作台")
    # The list of every model beside each page takes the width lists and forms need (1280 px);
    # the breadcrumbs and the dashboard lead the way instead.
    enable_nav_sidebar = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: Panels of the dashboard, in the order registered.
        self.dashboard_panels = []

    def register_panel(self, panel):
        if panel not in self.dashboard_panels:
            self.dashboard_panels.append(panel)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        content = [app for app in apps if app["app_label"] not in TECHNICAL_APPS]
        technical = [app for app in apps if app["app_label"] in TECHNICAL_APPS]
        if not technical or not is_administrator(request.user):
            return content
        section = {
            **technical[0],
            "name": _("账号与登录安全（管理员）"),
            "models": [model for app in technical for model in app["models"]],
        }
        return [*content, section]

    def index(self, request, extra_context=None):
        panels = [panel(request) for panel in self.dashboard_panels]
        extra_context = {**(extra_context or {}), "dashboard": [panel for panel in panels if panel]}
        return super().index(request, extra_context)


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with ``PortalAdminSite`` as ``admin.site`` (INSTALLED_APPS names this)."""

    default_site = "ecoportal.admin_site.PortalAdminSite"
