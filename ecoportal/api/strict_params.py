"""Query parameters an endpoint does not read are refused, not silently ignored.

A misspelt filter (``regoin=``), a single-valued parameter given twice, a ``format`` not offered
or ``q`` where there is no search would otherwise answer with everything, unfiltered, and look
right. Each is a 400 that names the parameter and lists what the endpoint accepts.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError


def _listed(names):
    return ", ".join(sorted(names))


class StrictQueryParamsMixin:
    """For a DRF view: ``allowed_query_params()`` are the only parameters it takes, once each."""

    #: Parameters the view reads itself on lists, beside its filters and pages (``as_of``…).
    list_query_params = ()

    def allowed_query_params(self):
        allowed = {"format"}
        if self.action == "list":
            filterset_class = getattr(self, "filterset_class", None)
            if filterset_class is not None:
                allowed.update(filterset_class.base_filters)
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
            raise ValidationError(
                {"format": [_("未知格式“%(value)s”；可用：%(allowed)s。") % {
                    "value": request.query_params.get("format", ""), "allowed": _listed(offered)}]}
            ) from None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = self.allowed_query_params()
        errors = {}
        for name, values in request.query_params.lists():
            if name not in allowed:
                errors[name] = [_("未知参数；可用：%(allowed)s。") % {"allowed": _listed(allowed)}]
            elif len(values) > 1:
                errors[name] = [_("此参数只能出现一次。")]
        if errors:
            raise ValidationError(errors)
