"""Settings of bench/run.py's servers: the portal's, with the reference views of bench/urls.py."""

from ecoportal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
