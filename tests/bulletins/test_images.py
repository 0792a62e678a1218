"""Cover images: only real, bounded JPEG/PNG/WebP; EXIF stripped; a rendition; errors in the form."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from bulletins import images
from bulletins.models import Bulletin, Revision
from ecoportal.publishing import Status
from tests.bulletins.test_admin import form_data
from tests.factories import make_bulletin, make_user


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def image_bytes(fmt="JPEG", size=(1600, 900), exif=True, mode="RGB"):
    image = Image.new(mode, size, (30, 120, 60) if mode == "RGB" else None)
    buffer = io.BytesIO()
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCam"  # Make
        data[0x0131] = "GPS-leaking software"  # Software
        kwargs["exif"] = data.tobytes()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def upload(content, name="cover.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_with_declared_size(width, height):
    """A tiny PNG file whose header claims ``width`` × ``height`` pixels (a decompression bomb)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


# The processing function ---------------------------------------------------------------------


def test_jpeg_is_re_encoded_without_exif_and_gets_a_rendition():
    processed = images.process_cover_image(upload(image_bytes()))
    original = Image.open(io.BytesIO(processed.original.read()))
    rendition = Image.open(io.BytesIO(processed.rendition.read()))
    assert original.format == "JPEG" and original.size == (1600, 900)
    assert not original.getexif()
    assert b"SecretCam" not in processed.original.open().read()
    assert rendition.size == (1200, 675)
    assert not rendition.getexif()


@pytest.mark.parametrize("fmt,name", [("PNG", "a.png"), ("WEBP", "a.webp")])
def test_png_and_webp_are_accepted(fmt, name):
    processed = images.process_cover_image(upload(image_bytes(fmt, size=(800, 600), exif=False), name=name))
    assert Image.open(io.BytesIO(processed.original.read())).format == fmt
    assert processed.rendition.name.endswith(name.rsplit(".", 1)[1])


def test_small_images_keep_their_size_in_the_rendition():
    processed = images.process_cover_image(upload(image_bytes(size=(640, 480))))
    assert Image.open(io.BytesIO(processed.rendition.read())).size == (640, 480)


def test_exif_orientation_is_applied_to_the_pixels():
    image = Image.new("RGB", (200, 100))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    processed = images.process_cover_image(upload(buffer.getvalue()))
    assert Image.open(io.BytesIO(processed.original.read())).size == (100, 200)


def test_a_text_file_named_png_is_refused():
    with pytest.raises(ValidationError) as error:
        images.process_cover_image(upload(b"just some text, not an image\n" * 10, name="fake.png"))
    assert error.value.code == "invalid_image"


def test_a_truncated_image_is_refused():
    data = image_bytes("PNG", size=(400, 400), exif=False)
    with pytest.raises(ValidationError):
        images.process_cover_image(upload(data[: len(data) // 2], name="cut.png"))


@pytest.mark.parametrize("width,height", [(8000, 6000), (30000, 30000), (100000, 100000)])
def test_a_decompression_bomb_is_refused(width, height):
    with pytest.raises(ValidationError) as error:
        images.process_cover_image(upload(png_with_declared_size(width, height), name="bomb.png"))
    assert error.value.code == "too_many_pixels"


def test_an_oversized_file_is_refused():
    big = b"\xff\xd8\xff" + b"\0" * (images.MAX_FILE_SIZE + 1)
    with pytest.raises(ValidationError) as error:
        images.process_cover_image(upload(big))
    assert error.value.code == "file_too_large"


def test_a_gif_is_refused_as_unsupported():
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, "GIF")
    with pytest.raises(ValidationError) as error:
        images.process_cover_image(upload(buffer.getvalue(), name="a.gif"))
    assert error.value.code == "unsupported_format"


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError):
        images.process_cover_image(upload(b"", name="empty.jpg"))


# Through the admin form ------------------------------------------------------------------------


@pytest.fixture
def editor_client(client):
    client.force_login(make_user(groups=["Editor"]))
    return client


def post_cover(client, bulletin, file, **fields):
    data = form_data(bulletin, **fields)
    data["cover_image"] = file
    return client.post(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), data)


@pytest.mark.django_db
def test_admin_upload_stores_clean_image_and_rendition(editor_client, media_root):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None)
    response = post_cover(editor_client, bulletin, upload(image_bytes()), cover_alt="秸秆离田作业现场")
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.cover_image and bulletin.cover_rendition
    with bulletin.cover_image.open("rb") as stored:
        content = stored.read()
    assert b"SecretCam" not in content
    assert Image.open(io.BytesIO(content)).size == (1600, 900)
    with bulletin.cover_rendition.open("rb") as stored:
        assert Image.open(stored).size[0] == 1200
    assert Revision.objects.get(bulletin=bulletin).data["fields"]["cover_rendition"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "file",
    [
        upload(b"not an image at all", name="fake.png", content_type="image/png"),
        upload(png_with_declared_size(100000, 100000), name="bomb.png", content_type="image/png"),
        upload(b"\xff\xd8\xff" + b"\0" * (images.MAX_FILE_SIZE + 10), name="huge.jpg"),
    ],
    ids=["text-as-png", "decompression-bomb", "oversized"],
)
def test_admin_bad_upload_is_a_form_error_and_nothing_is_saved(editor_client, media_root, file):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None, title="原标题")
    response = post_cover(editor_client, bulletin, file, cover_alt="说明", title="一起提交的新标题")
    assert response.status_code == 200
    assert "cover_image" in response.context["adminform"].form.errors
    stored = Bulletin.objects.get(pk=bulletin.pk)
    assert stored.title == "原标题" and not stored.cover_image and stored.version == 1
    assert not Revision.objects.filter(bulletin=bulletin).exists()
    assert not any(media_root.rglob("*.*"))


@pytest.mark.django_db
def test_admin_requires_alt_text_with_an_image(editor_client):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None)
    response = post_cover(editor_client, bulletin, upload(image_bytes()), cover_alt="")
    assert response.status_code == 200
    assert "cover_alt" in response.context["adminform"].form.errors
    assert not Bulletin.objects.get(pk=bulletin.pk).cover_image


@pytest.mark.django_db
def test_admin_clearing_the_image_clears_the_rendition(editor_client):
    bulletin = make_bulletin(status=Status.DRAFT, publish_at=None)
    post_cover(editor_client, bulletin, upload(image_bytes()), cover_alt="图")
    bulletin.refresh_from_db()
    data = form_data(bulletin, cover_alt="")
    data["cover_image-clear"] = "on"
    response = editor_client.post(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), data)
    assert response.status_code == 302
    bulletin.refresh_from_db()
    assert not bulletin.cover_image and not bulletin.cover_rendition
