"""What the gunicorn arbiter loads before forking its workers."""

from django.core.cache import caches
from django.template import engines

from ecoportal.caching.generation import release
from ecoportal.warmup import warm_up


def test_warming_up_compiles_the_site_templates_without_a_database_or_cache(monkeypatch):
    # No django_db mark: any query fails the test. No cache call either.
    monkeypatch.setattr(caches["default"], "get", lambda *a, **k: (_ for _ in ()).throw(AssertionError("cache read")))
    warm_up()
    loader = engines["django"].engine.template_loaders[0]
    compiled = {key.split("-")[0] for key in getattr(loader, "get_template_cache", {})}
    assert {"base.html", "bulletins/bulletin_list.html", "indicators/indicator_detail.html"} <= compiled
    assert release.cache_info().currsize == 1


def test_gunicorn_warms_up_in_the_arbiter_when_it_preloads():
    import runpy

    config = runpy.run_path("gunicorn.conf.py")
    assert config["preload_app"] is True and callable(config["when_ready"])


def test_what_the_arbiter_loaded_is_set_aside_from_the_garbage_collector():
    import gc
    import runpy

    config = runpy.run_path("gunicorn.conf.py")
    try:
        config["when_ready"](None)
        assert gc.get_freeze_count() > 10_000  # the loaded modules, templates and catalogs
    finally:
        gc.unfreeze()


def test_warming_up_loads_the_search_dictionary_the_search_app_registered(monkeypatch):
    import search.text

    loaded = []
    monkeypatch.setattr(search.text, "segment", loaded.append)
    warm_up()
    assert loaded == ["生态环境"]
