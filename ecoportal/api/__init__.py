"""The public read API's shared parts: the base viewset, pagination, schema inspectors, serializer
fields, and the v1 URLs (``urls``), on which each app's ``api/routes.py`` registers its viewsets."""
