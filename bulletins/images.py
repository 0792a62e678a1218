"""Cover images: verified with Pillow, re-encoded without metadata, with a smaller rendition.

An upload is accepted only if it is a real JPEG, PNG or WebP image within the size and pixel
limits; anything else (a text file named .png, a truncated file, a decompression bomb) is a
``ValidationError`` naming the problem, never an exception from deep inside Pillow. Accepted
images are decoded and encoded again, which drops EXIF (camera, GPS position) and any other
embedded data, after turning the pixels the way the EXIF orientation said.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_FILE_SIZE = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
RENDITION_WIDTH = 1200
#: Pillow format name → file extension of what we store.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
JPEG_QUALITY = 85


@dataclass
class ProcessedImage:
    original: ContentFile
    rendition: ContentFile
    width: int
    height: int


def _read(upload):
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise ValidationError(
            _("图片文件过大（%(size).1f MiB），上限为 %(max)d MiB。")
            % {"size": size / 1024 / 1024, "max": MAX_FILE_SIZE // 1024 // 1024},
            code="file_too_large",
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise ValidationError(
            _("图片文件过大，上限为 %(max)d MiB。") % {"max": MAX_FILE_SIZE // 1024 // 1024},
            code="file_too_large",
        )
    if not data:
        raise ValidationError(_("上传的文件是空的。"), code="empty")
    return data


def _open(data):
    """Open and fully decode, with the decompression-bomb check turned into an error."""
    not_an_image = ValidationError(
        _("上传的文件不是有效的图片（支持 JPEG、PNG、WebP）。"), code="invalid_image"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            probe = Image.open(io.BytesIO(data))
            width, height = probe.size
            image_format = probe.format
            if image_format not in FORMATS:
                raise ValidationError(
                    _("不支持的图片格式 %(format)s（支持 JPEG、PNG、WebP）。") % {"format": image_format},
                    code="unsupported_format",
                )
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(width, height)
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(
                _("图片像素过多（可能是“解压炸弹”），上限为 %(max)d 百万像素。") % {"max": MAX_PIXELS // 1_000_000},
                code="too_many_pixels",
            ) from None
        except ValidationError:
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise not_an_image from None
    return image, image_format


def _too_many_pixels(width, height):
    return ValidationError(
        _("图片为 %(w)d×%(h)d 像素，超过上限 %(max)d 百万像素。")
        % {"w": width, "h": height, "max": MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _encode(image, image_format):
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image = image.convert("RGB") if image.mode not in ("RGB", "L") else image
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    elif image_format == "WEBP":
        image.save(buffer, "WEBP", quality=JPEG_QUALITY)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def process_cover_image(upload):
    """Validate an upload and return the clean original and its rendition, ready to store.

    Raises ``ValidationError`` for anything that is not an acceptable image.
    """
    data = _read(upload)
    image, image_format = _open(data)
    # Orientation from EXIF is applied to the pixels, then EXIF itself is not written back.
    image = ImageOps.exif_transpose(image)
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if image.mode == "P" and image.getpalette():
        clean.putpalette(image.getpalette())
        if "transparency" in image.info:
            clean.info["transparency"] = image.info["transparency"]
    extension = FORMATS[image_format]
    stem = PurePath(getattr(upload, "name", "") or "cover").stem[:60] or "cover"

    rendition = clean.copy()
    if rendition.width > RENDITION_WIDTH:
        height = max(1, round(rendition.height * RENDITION_WIDTH / rendition.width))
        if rendition.mode == "P":
            rendition = rendition.convert("RGBA")
        rendition = rendition.resize((RENDITION_WIDTH, height), Image.Resampling.LANCZOS)
    return ProcessedImage(
        original=ContentFile(_encode(clean, image_format), name=f"{stem}.{extension}"),
        rendition=ContentFile(_encode(rendition, image_format), name=f"{stem}-{RENDITION_WIDTH}w.{extension}"),
        width=clean.width,
        height=clean.height,
    )
