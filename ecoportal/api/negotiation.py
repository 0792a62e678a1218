"""DRF's content negotiation, its answer remembered by what decides it."""

from rest_framework.negotiation import DefaultContentNegotiation


class RememberedNegotiation(DefaultContentNegotiation):
    """``DefaultContentNegotiation``, the renderer and media type it chose remembered for the
    renderers offered, the ``format`` asked for and the ``Accept`` header sent.

    Its choice depends on nothing else, and nearly every request of the API sends one of a few
    headers (none, ``application/json``, a browser's): parsing the header and matching each
    media type against each renderer took 45 µs of CPU a request, a look-up takes a few. What
    it refuses (an unknown format, a 406) is not remembered, and at most ``REMEMBERED`` choices
    are: the header is the client's to write.
    """

    REMEMBERED = 256
    _chosen = {}

    def select_renderer(self, request, renderers, format_suffix=None):
        asked = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        offered = tuple((type(renderer), renderer.media_type, renderer.format) for renderer in renderers)
        key = (offered, asked, request.META.get("HTTP_ACCEPT"))
        chosen = self._chosen.get(key)
        if chosen is None:
            renderer, media_type = super().select_renderer(request, renderers, format_suffix)
            chosen = (next(index for index, offer in enumerate(renderers) if offer is renderer), media_type)
            if len(self._chosen) < self.REMEMBERED:
                self._chosen[key] = chosen
        index, media_type = chosen
        return renderers[index], media_type
