"""Query parameters an endpoint does not read are refused, not silently ignored.

A misspelt filter (``regoin=``), a single-valued parameter given twice, a ``format`` not offered
or ``q`` where there is no search would otherwise answer with everything, unfiltered, and look
right. Each is a 400 that names the parameter and lists what the endpoint accepts.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ErrorDetail, ValidationError


def _listed(names):
    return ", ".join(sorted(names))


class StrictQueryParamsMixin:
    """For a DRF view: ``allowed_query_params()`` are the only parameters it takes, once each."""

    #: Parameters the view reads itself on lists, beside its filters and pages (``as_of``…).
    list_query_params = ()
    #: Actions that take the list's filters (a list, and what describes it).
    filtered_actions = ("list",)

    def repeatable_query_params(self):
        """The filters that take several values (``region=a,b``), which may also be repeated."""
        filterset_class = getattr(self, "filterset_class", None)
        if self.action not in self.filtered_actions or filterset_class is None:
            return set()
        return {name for name, filter_ in filterset_class.base_filters.items() if getattr(filter_, "accepts_many", False)}

    def allowed_query_params(self):
        allowed = {"format"}
        filterset_class = getattr(self, "filterset_class", None)
        if self.action in self.filtered_actions and filterset_class is not None:
            allowed.update(filterset_class.base_filters)
        if self.action == "list":
            paginator = self.paginator
            if paginator is not None:
                allowed.update({paginator.page_query_param, paginator.page_size_query_param})
            allowed.update(self.list_query_params)
        return allowed

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404:
            # A path's suffix (``slug.nope``) names no resource: that stays a 404. ``?format=``
            # is a parameter, and one not offered is a malformed request.
            if self.format_kwarg:
                raise
            offered = [renderer.format for renderer in self.get_renderers()]
            message = _("未知格式“%(value)s”；可用：%(allowed)s。") % {
                "value": request.query_params.get("format", "")[:40], "allowed": _listed(offered)}
            raise ValidationError({"format": [ErrorDetail(message, code="unknown_format")]}) from None

    def unknown_parameter_message(self, name, allowed):
        if name == "q":
            # Words are searched in bulletins only: say where, not just that it is unknown.
            return _("此接口不支持搜索（q）；搜索公报请用 /api/v1/bulletins/?q=。可用：%(allowed)s。") % {
                "allowed": _listed(allowed)}
        return _("未知参数；可用：%(allowed)s。") % {"allowed": _listed(allowed)}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = self.allowed_query_params()
        repeatable = self.repeatable_query_params()
        errors = {}
        for name, values in request.query_params.lists():
            if name not in allowed:
                errors[name] = [ErrorDetail(self.unknown_parameter_message(name, allowed), code="unknown_parameter")]
            elif len(values) > 1 and name not in repeatable:
                errors[name] = [ErrorDetail(_("此参数只能出现一次。"), code="repeated_parameter")]
        if errors:
            raise ValidationError(errors)
