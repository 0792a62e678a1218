from rest_framework.pagination import PageNumberPagination


class PortalPagination(PageNumberPagination):
    """Page-number pagination with a client-chosen, bounded page size."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
