"""Cover files: served under /media/ only while a bulletin may be seen with them; removed from
storage once replaced, cleared or their bulletin deleted (after the change commits)."""

import pytest
from django.urls import reverse

from bulletins import images
from bulletins.models import Bulletin
from ecoportal.publishing import Status
from tests.bulletins.test_admin import form_data
from tests.bulletins.test_images import image_bytes, upload
from tests.factories import make_bulletin, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def with_cover(bulletin, name="cover.jpg"):
    processed = images.process_cover_image(upload(image_bytes(), name=name))
    bulletin.cover_image = processed.original
    bulletin.cover_rendition = processed.rendition
    bulletin.cover_alt = "秸秆离田作业现场"
    bulletin.save()
    return bulletin


def stored(media_root, bulletin):
    return [media_root / getattr(bulletin, field).name for field in ("cover_image", "cover_rendition")]


# Serving -----------------------------------------------------------------------------------


def test_a_published_bulletins_cover_and_rendition_are_served_with_safe_headers(client, media_root):
    bulletin = with_cover(make_bulletin())
    for field, path in zip(("cover_image", "cover_rendition"), stored(media_root, bulletin), strict=True):
        url = getattr(bulletin, field).url
        assert url.startswith("/media/covers/")
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == path.read_bytes()
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert response["Cache-Control"] == "public, max-age=300"


def test_the_detail_page_links_the_cover_it_serves(client):
    bulletin = with_cover(make_bulletin())
    page = client.get(bulletin.get_absolute_url()).content.decode()
    assert bulletin.cover_rendition.url in page
    assert client.get(bulletin.cover_rendition.url).status_code == 200


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.IN_REVIEW},
        {"status": Status.ARCHIVED},
        {"status": Status.PUBLISHED, "publish_at": "future"},
        {"status": Status.PUBLISHED, "deleted_at": "now"},
    ],
    ids=["draft", "in-review", "archived", "scheduled", "trash"],
)
def test_a_hidden_bulletins_cover_is_not_served_to_readers_but_is_to_editors(client, hidden):
    from datetime import timedelta

    from django.utils import timezone

    kwargs = dict(hidden)
    if kwargs.get("publish_at") == "future":
        kwargs["publish_at"] = timezone.now() + timedelta(days=1)
    if kwargs.get("deleted_at") == "now":
        kwargs["deleted_at"] = timezone.now()
    bulletin = with_cover(make_bulletin(**kwargs))
    assert client.get(bulletin.cover_image.url).status_code == 404
    assert client.get(bulletin.cover_rendition.url).status_code == 404
    client.force_login(make_user(groups=["Editor"]))
    response = client.get(bulletin.cover_rendition.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "path",
    ["/media/covers/2026/01/nobody.jpg", "/media/covers/../../etc/passwd", "/media/notes.txt", "/media/covers/x.svg"],
)
def test_a_file_no_bulletin_shows_is_not_served(client, media_root, path):
    (media_root / "covers" / "2026" / "01").mkdir(parents=True)
    (media_root / "covers" / "2026" / "01" / "nobody.jpg").write_bytes(image_bytes())
    (media_root / "notes.txt").write_text("private")
    assert client.get(path).status_code == 404


# Removal -----------------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(make_user(groups=["Editor"]))
    return client


def post_change(client, bulletin, **extra):
    data = form_data(bulletin, cover_alt="图")
    data.update(extra)
    return client.post(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), data)


def test_a_replaced_cover_is_removed_from_disk_once_the_save_commits(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    bulletin = with_cover(make_bulletin(status=Status.DRAFT, publish_at=None), name="old.jpg")
    old_files = stored(media_root, bulletin)
    with django_capture_on_commit_callbacks() as callbacks:
        response = post_change(editor_client, bulletin, cover_image=upload(image_bytes(), name="new.jpg"))
        assert response.status_code == 302
        assert all(path.exists() for path in old_files)  # not before the commit
    for callback in callbacks:
        callback()
    bulletin = Bulletin.objects.get(pk=bulletin.pk)
    assert not any(path.exists() for path in old_files)
    assert all(path.exists() for path in stored(media_root, bulletin))
    assert sorted(p.name for p in media_root.rglob("*.jpg")) == sorted(p.name for p in stored(media_root, bulletin))


def test_a_cleared_cover_is_removed_from_disk(editor_client, media_root, django_capture_on_commit_callbacks):
    bulletin = with_cover(make_bulletin(status=Status.DRAFT, publish_at=None))
    old_files = stored(media_root, bulletin)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(editor_client, bulletin, **{"cover_image-clear": "on", "cover_alt": ""})
    assert response.status_code == 302
    assert not any(path.exists() for path in old_files)
    assert not any(media_root.rglob("*.jpg"))


def test_a_deleted_bulletins_covers_are_removed_from_disk(media_root, django_capture_on_commit_callbacks):
    bulletin = with_cover(make_bulletin())
    files = stored(media_root, bulletin)
    with django_capture_on_commit_callbacks(execute=True):
        Bulletin.objects.filter(pk=bulletin.pk).only("id").delete()
    assert not any(path.exists() for path in files)


def test_a_change_rolled_back_keeps_the_cover(media_root, django_capture_on_commit_callbacks):
    from django.db import transaction

    bulletin = with_cover(make_bulletin())
    files = stored(media_root, bulletin)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        Bulletin.objects.get(pk=bulletin.pk).delete()
        raise RuntimeError("the request failed after the delete")
    assert all(path.exists() for path in files)


def test_a_file_another_bulletin_still_names_is_kept(media_root, django_capture_on_commit_callbacks):
    first = with_cover(make_bulletin())
    second = make_bulletin()
    Bulletin.objects.filter(pk=second.pk).update(cover_image=first.cover_image.name, cover_alt="图")
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert (media_root / first.cover_image.name).exists()
    assert not (media_root / first.cover_rendition.name).exists()


def test_a_transition_reads_no_cover_names(django_assert_num_queries):
    from bulletins.cover_files import _remember_stored_covers

    bulletin = make_bulletin()
    with django_assert_num_queries(0):
        _remember_stored_covers(Bulletin, bulletin, update_fields=["status", "version", "updated_at"])
