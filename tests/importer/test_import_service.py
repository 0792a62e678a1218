"""Importing raw text: drafts, candidates, duplicates, dry runs, bad input, command and admin."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from bulletins.models import AchievementList, Bulletin
from ecoportal.publishing import Status
from importer import hooks
from importer.document import PLACEHOLDER_PREFIX
from importer.management.commands.import_bulletin import Command as ImportCommand
from importer.service import (
    ImportSession,
    import_bulletin_bytes,
    import_bulletin_text,
    import_files,
)
from indicators.choices import Category, ReviewState
from indicators.models import Observation, ObservationVersion, VersionEvent
from search.models import SearchDocument
from search.query import search_bulletins
from search.text import segment
from tests.factories import make_indicator, make_publisher, make_region

SAMPLES = Path(__file__).resolve().parent / "samples"
URL = "/admin/bulletins/import/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    """A small indicator catalogue (codes the matching rules know, and one they do not)."""
    return {
        "ratio": make_indicator(
            code="air-good-days-ratio", name="环境空气质量优良天数比例", unit="%"
        ),
        "days": make_indicator(code="air-good-days", name="环境空气质量优良天数", unit="天"),
        "pm25": make_indicator(
            code="pm25", name="PM2.5浓度", unit="微克/立方米", higher_is_better=False
        ),
        "boilers": make_indicator(
            code="coal-boilers-eliminated", name="淘汰燃煤锅炉", unit="台", category=Category.AIR
        ),
        "cases": make_indicator(
            code="enforcement-cases-filed",
            name="生态环境行政执法立案",
            unit="件",
            category=Category.ENFORCEMENT,
        ),
        "fines": make_indicator(
            code="fines", name="罚款（处罚）金额", unit="万元", category=Category.ENFORCEMENT
        ),
        "pipes": make_indicator(
            code="pipes-built",
            name="新建污水管网长度",
            unit="公里",
            category=Category.INFRASTRUCTURE,
        ),
    }


@pytest.fixture
def jiangyu(db):
    return make_region(slug="jiangyu", name="江屿市", name_en="Jiangyu")


def sample(name):
    return (SAMPLES / name).read_bytes()


def import_sample(name, **kwargs):
    return import_bulletin_bytes(sample(name), filename=name, **kwargs)


# --- What an import creates -----------------------------------------------------------------


def test_import_creates_a_draft_bulletin_with_raw_text_beside_the_cleaned_body(catalogue, jiangyu):
    user = User.objects.create_user("editor")
    result = import_sample("wechat_jiangyu.txt", by=user)
    assert result.created, result.message
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert bulletin.status == Status.DRAFT
    assert bulletin.publish_at is None
    assert bulletin.created_by == user
    assert bulletin.title == "江屿市2023年生态环境质量持续向好"
    assert bulletin.raw_text == sample("wechat_jiangyu.txt").decode("utf-8")
    assert bulletin.content_hash == Bulletin.hash_text(bulletin.raw_text)
    assert "ad1 webp" in bulletin.raw_text and "ad1 webp" not in bulletin.body
    assert bulletin.region == jiangyu
    assert bulletin.source_name == "江屿生态环境"
    assert bulletin.issued_at_text == "2024-01-15 08:30"
    assert bulletin.summary and bulletin.summary in bulletin.body
    assert not Bulletin.objects.published().filter(pk=bulletin.pk).exists()


def test_the_import_starts_the_bulletins_history_with_a_revision(catalogue, jiangyu):
    user = User.objects.create_user("editor")
    result = import_sample("wechat_jiangyu.txt", by=user)
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    revision = bulletin.revisions.get()
    assert (revision.number, revision.by) == (1, user)
    assert revision.note == "导入：wechat_jiangyu.txt"
    assert revision.data["version"] == bulletin.version
    assert len(revision.data["observations"]) == bulletin.observations.count() > 0


def test_import_creates_the_achievement_list_in_order(catalogue, jiangyu):
    result = import_sample("highlights_lanxi.txt")
    achievement_list = AchievementList.objects.get(bulletin_id=result.bulletin_id)
    assert achievement_list.title == "澜溪市2024年生态环境保护十大亮点"
    assert achievement_list.slug == result.slug
    assert [(i.number, i.title) for i in achievement_list.items.all()][:2] == [
        (1, "空气质量创历史最好水平"),
        (2, "水环境质量稳中向好"),
    ]
    assert result.achievement_items == 5


def test_the_search_entry_is_written_once_after_commit_with_the_achievement_items(
    django_capture_on_commit_callbacks, monkeypatch
):
    from search import index

    calls = []
    original = index.index_bulletins
    monkeypatch.setattr(
        index, "index_bulletins", lambda ids: calls.append(set(ids)) or original(ids)
    )
    with django_capture_on_commit_callbacks() as callbacks:
        result = import_sample("highlights_lanxi.txt")
    # Nothing indexed inside the transaction (the items did not exist yet when the list was saved).
    assert not SearchDocument.objects.filter(bulletin_id=result.bulletin_id).exists()
    for callback in callbacks:
        callback()
    assert calls == [{result.bulletin_id}]
    document = SearchDocument.objects.get(bulletin_id=result.bulletin_id)
    assert segment("生态修复扎实推进") in document.summary
    assert segment("帮扶指导排污许可证申领单位") in document.body


def test_an_imported_draft_is_found_by_an_achievement_item_title(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        result = import_sample("highlights_lanxi.txt")
    # update() sends no signal: the search entry stays the one the import wrote.
    Bulletin.objects.filter(pk=result.bulletin_id).update(
        status=Status.PUBLISHED, publish_at=timezone.now()
    )
    assert [b.pk for b in search_bulletins("执法监管力度加大")[:5]] == [result.bulletin_id]


def test_a_dry_run_or_a_failed_import_indexes_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_sample("highlights_lanxi.txt", dry_run=True)
    assert callbacks == [] and not SearchDocument.objects.exists()


def test_figures_become_candidate_observations_for_review(catalogue, jiangyu):
    result = import_sample("wechat_jiangyu.txt")
    observations = Observation.objects.filter(bulletin_id=result.bulletin_id)
    found = {
        (o.indicator.code, o.value_text, o.unit)
        for o in observations
        if o.indicator and o.kind != "target"
    }
    assert {
        ("air-good-days-ratio", "91.5", "%"),
        ("pm25", "28", "微克/立方米"),
        ("coal-boilers-eliminated", "126", "台"),
        ("enforcement-cases-filed", "218", "件"),
        ("fines", "1265.8", "万元"),
        ("pipes-built", "36.5", "公里"),
    } <= found
    # The threshold (10蒸吨/小时以下) is no figure, and the 2025 target (90%) is kept as a target.
    assert ("air-good-days-ratio", "90", "%") not in found
    assert all(o.kind == "target" for o in observations if o.value_text == "90")
    for observation in observations:
        assert observation.review_state == ReviewState.CANDIDATE
        assert observation.region == jiangyu
        assert observation.derived or observation.value_text in observation.quote
        assert (
            observation.quote.replace("。", "") in Bulletin.objects.get(pk=result.bulletin_id).body
        )
        assert observation.value_normalised is not None
        observation.full_clean()
    assert not Observation.objects.published().filter(bulletin_id=result.bulletin_id).exists()
    contribution = result.contributions[0]
    assert contribution.count == observations.count()


def test_each_imported_figure_starts_its_history_with_a_created_version(catalogue, jiangyu, editor):
    started = timezone.now()
    result = import_sample("wechat_jiangyu.txt", by=editor)
    observations = list(Observation.objects.filter(bulletin_id=result.bulletin_id))
    assert observations
    versions = {
        v.observation_id: v for v in ObservationVersion.objects.filter(observation__in=observations)
    }
    assert set(versions) == {o.pk for o in observations}
    for observation in observations:
        version = versions[observation.pk]
        assert (version.number, version.event, version.by) == (1, VersionEvent.CREATED, editor)
        assert started <= version.at <= timezone.now()
        assert version.data["value_text"] == observation.value_text
        assert version.data["review_state"] == ReviewState.CANDIDATE


def test_a_dry_run_records_no_version(catalogue, jiangyu, editor):
    import_sample("wechat_jiangyu.txt", by=editor, dry_run=True)
    assert not ObservationVersion.objects.exists()


def test_an_imported_figure_accepted_and_published_shows_as_of_its_publication_only(
    catalogue, jiangyu, editor
):
    from indicators import history
    from indicators.review import observations_review

    result = import_sample("wechat_jiangyu.txt", by=editor)
    figure = Observation.objects.filter(
        bulletin_id=result.bulletin_id, indicator__code="pm25"
    ).first()
    observations_review([figure], state=ReviewState.ACCEPTED, by=editor)
    published_at = timezone.now()
    Bulletin.objects.filter(pk=result.bulletin_id).update(
        status=Status.PUBLISHED, publish_at=published_at
    )
    events = list(
        ObservationVersion.objects.filter(observation=figure).values_list("event", flat=True)
    )
    assert events == [VersionEvent.CREATED, VersionEvent.ACCEPTED]
    shown = history.as_of(Observation.objects.filter(pk=figure.pk), published_at)
    assert list(shown.values_list("pk", flat=True)) == [figure.pk]
    before = history.as_of(
        Observation.objects.filter(pk=figure.pk), published_at - timezone.timedelta(seconds=1)
    )
    assert not before.exists()


def test_candidate_period_is_the_sentence_period_or_the_bulletin_period(catalogue, jiangyu):
    result = import_sample("wechat_jiangyu.txt")
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert (bulletin.period_start.isoformat(), bulletin.period_end.isoformat()) == (
        "2023-01-01",
        "2023-12-31",
    )
    ratio = Observation.objects.get(bulletin=bulletin, value_text="91.5")
    assert ratio.period_label == "2023年"
    pipes = Observation.objects.get(bulletin=bulletin, value_text="36.5")
    assert pipes.period_label == ""
    assert (pipes.period_start, pipes.period_end) == (bulletin.period_start, bulletin.period_end)
    fines = Observation.objects.get(bulletin=bulletin, value_text="1265.8")
    assert fines.period_label == "全年"


def test_figures_matching_no_indicator_are_proposed_not_guessed(catalogue, jiangyu):
    result = import_sample("wechat_jiangyu.txt")
    # "完成45家企业挥发性有机物综合治理": no indicator of this database counts such companies;
    # the reference catalogue's is proposed under its own name, not filed under another.
    companies = Observation.objects.get(bulletin_id=result.bulletin_id, value_text="45")
    assert companies.indicator is None
    assert companies.proposed_indicator_name == "实施挥发性有机物排放综合治理的企业"
    assert companies.review_state == ReviewState.CANDIDATE
    assert any("新指标建议" in w for w in result.warnings)


def test_the_summary_names_the_numbers_no_figure_was_read_from(catalogue):
    # The copy broke the unit after 21: no figure is read from it, so the editor is told.
    result = import_bulletin_text(
        "澜溪市空气质量简报\n\n2021年，澜溪市二氧化氮年均浓度为21 微克/ 立方米，优良天数比例为90.1%。",
        filename="x.txt",
    )
    assert Observation.objects.filter(bulletin_id=result.bulletin_id, value_text="90.1").exists()
    (note,) = [w for w in result.warnings if "没有读成候选数值" in w]
    assert note.startswith("1 个数字") and "21（…" in note and "90.1" not in note


def test_without_an_indicator_catalogue_the_bulletin_is_still_imported(db):
    result = import_sample("wechat_jiangyu.txt")
    assert result.created
    candidates = Observation.objects.filter(bulletin_id=result.bulletin_id)
    # Nothing is filed under an indicator that does not exist: every figure is a proposal.
    assert result.contributions[0].count == candidates.count() > 0
    assert not candidates.filter(indicator__isnull=False).exists()
    assert not candidates.filter(proposed_indicator_name="").exists()


# --- Publisher and region -------------------------------------------------------------------


def test_publisher_is_found_by_the_source_name_and_gives_the_region(db):
    lanxi = make_region(slug="lanxi", name="澜溪市")
    bureau = make_publisher(slug="lanxi-bureau", name="澜溪市生态环境局", region=lanxi)
    other = make_region(slug="other", name="别处市")
    result = import_bulletin_text(
        "生态环境简报\n来源：澜溪市生态环境局\n\n别处市来人参观，全市新增公园3个。",
        filename="x.txt",
    )
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert bulletin.publisher == bureau
    assert bulletin.region == lanxi
    assert bulletin.region != other


def test_region_named_in_the_title_wins_over_the_publishers_region(db):
    province = make_region(slug="south", name="南岭省", level="province")
    city = make_region(slug="beilan", name="北岚市", parent=province)
    make_publisher(slug="south-dept", name="南岭省生态环境厅", region=province)
    result = import_bulletin_text(
        "北岚市：碧水蓝天展新颜\n来源：南岭省生态环境厅\n\n全市优良天数300天。", filename="x.txt"
    )
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert bulletin.region == city
    assert bulletin.publisher.slug == "south-dept"


def test_region_from_the_body_only_when_it_dominates_and_with_a_warning(db):
    make_region(slug="yunze", name="云泽市")
    text = "工作简报\n云泽市推进治理。云泽市新建公园2个。云泽市完成造林。"
    result = import_bulletin_text(text, filename="x.txt")
    assert Bulletin.objects.get(pk=result.bulletin_id).region.slug == "yunze"
    assert any("按正文推断" in w for w in result.warnings)


def test_explicit_publisher_and_region_override_the_text(db, jiangyu):
    other = make_region(slug="elsewhere", name="别处市")
    publisher = make_publisher(slug="given", name="指定机构")
    result = import_sample("wechat_jiangyu.txt", publisher=publisher, region=other)
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert (bulletin.publisher, bulletin.region) == (publisher, other)


def test_a_city_the_text_does_not_name_stays_unknown_with_its_label(db):
    text = "工作汇报\n□市今年生态环境持续改善。□市新建公园3个。□市完成造林1万亩。"
    result = import_bulletin_text(text, filename="x.txt")
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert bulletin.region is None
    assert bulletin.region_label == "□市"


def test_byline_without_a_matching_publisher_is_kept_as_the_source(db):
    result = import_bulletin_text(
        "生态安全屏障\n某某市生态环境局\n生态是立市之本。", filename="x.txt"
    )
    assert Bulletin.objects.get(pk=result.bulletin_id).source_name == "某某市生态环境局"


def test_an_invalid_original_link_is_dropped_with_a_warning(db):
    result = import_bulletin_text("标题\n正文一句。\n原文链接:http://exa mple", filename="x.txt")
    assert result.created
    assert Bulletin.objects.get(pk=result.bulletin_id).original_url == ""


# --- Duplicates, dry runs, transactions -----------------------------------------------------


def test_the_same_text_is_skipped_not_duplicated(catalogue, jiangyu):
    first = import_sample("wechat_jiangyu.txt")
    second = import_sample("wechat_jiangyu.txt")
    assert first.created and second.skipped
    assert second.bulletin_id == first.bulletin_id
    assert "已导入过" in second.message
    assert Bulletin.objects.count() == 1


def test_sources_shipped_in_the_fixtures_are_recognised_and_skipped(portal_fixtures):
    count = Bulletin.objects.count()
    session = ImportSession()
    for path in sorted((Path(settings.BASE_DIR) / "fixtures" / "sources").glob("*.txt")):
        result = import_bulletin_bytes(path.read_bytes(), filename=path.name, session=session)
        assert result.skipped, path.name
    assert Bulletin.objects.count() == count


def test_crlf_and_byte_order_mark_do_not_defeat_duplicate_detection(db):
    text = sample("portal_beilan.txt").decode("utf-8")
    first = import_bulletin_text(text, filename="a.txt")
    second = import_bulletin_bytes(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"), filename="b.txt"
    )
    assert first.created and second.skipped


def test_a_text_whose_bulletin_is_in_the_trash_is_still_skipped(db):
    first = import_sample("portal_beilan.txt")
    Bulletin.objects.filter(pk=first.bulletin_id).update(deleted_at=timezone.now())
    second = import_sample("portal_beilan.txt")
    assert second.skipped
    assert "回收站" in second.message


def test_dry_run_reports_everything_and_writes_nothing(catalogue, jiangyu):
    result = import_sample("wechat_jiangyu.txt", dry_run=True)
    assert result.created and result.dry_run
    assert result.bulletin_id is None
    assert result.achievement_items == 3
    assert result.contributions[0].count >= 6
    assert "将创建草稿" in result.describe()
    assert not Bulletin.objects.exists()
    assert not Observation.objects.exists()
    assert not AchievementList.objects.exists()


def test_a_failure_after_the_bulletin_was_saved_leaves_nothing_behind(
    catalogue, jiangyu, monkeypatch
):
    def broken(context):
        raise RuntimeError("hook exploded")

    monkeypatch.setattr(hooks, "_hooks", [*hooks._hooks, broken])
    hooks.discover()
    result = import_sample("wechat_jiangyu.txt")
    assert result.failed
    assert "未保存任何内容" in result.message and "hook exploded" in result.message
    assert not Bulletin.objects.exists()
    assert not Observation.objects.exists()
    assert not AchievementList.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "文件为空"),
        (b"\x00\x01binary\x00" * 10, "二进制"),
        ("Qualité améliorée à 91 %".encode("cp1252") * 5, "编码"),
        (("标题\n" + "，".join(["7"] * 25_000)).encode(), "数字"),
    ],
)
def test_bad_input_fails_with_a_message_and_writes_nothing(db, data, message):
    result = import_bulletin_bytes(data, filename="bad.txt")
    assert result.failed
    assert message in result.message
    assert not Bulletin.objects.exists()


def test_huge_text_fails_with_the_limit_in_the_message(db, settings):
    settings.BULLETIN_IMPORT_MAX_BYTES = 4096
    result = import_bulletin_text("标题\n" + "正文。" * 2000, filename="big.txt")
    assert result.failed and "上限" in result.message


def test_a_file_above_the_limit_is_refused_with_its_real_size(db, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("正文。".encode() * (11 * 1024 * 1024 // 18))  # 5.5 MB
    out, _err = run_command_failing(str(big))
    assert "文件过大（5.5 MB），超过导入上限 2.0 MB" in out
    assert not Bulletin.objects.exists()


def test_the_commands_help_states_the_size_limit(settings):
    settings.BULLETIN_IMPORT_MAX_BYTES = 3 * 1024 * 1024
    out = io.StringIO()
    parser = ImportCommand(stdout=out).create_parser("manage.py", "import_bulletin")
    assert "3.0 MB" in parser.format_help() and "GB18030" in parser.format_help()


def test_text_that_is_only_page_furniture_fails_clearly(db):
    result = import_bulletin_text("ad1 webp\n展开全部\n分享\n", filename="junk.txt")
    assert result.failed
    assert "正文" in result.message
    assert not Bulletin.objects.exists()


def test_batch_import_continues_after_a_failure_and_counts_outcomes(db):
    session = ImportSession()
    batch = import_files(
        [
            ("a.txt", sample("portal_beilan.txt")),
            ("b.txt", b""),
            ("c.txt", sample("portal_beilan.txt")),
        ],
        session=session,
    )
    assert [r.outcome for r in batch.results] == ["created", "failed", "skipped"]
    assert (batch.created, batch.skipped, batch.failed) == (1, 1, 1)
    assert "创建 1，跳过 1，失败 1" in batch.summary()


def test_no_title_gets_a_placeholder_the_editor_must_replace(db):
    result = import_bulletin_text(
        "1\n\n空气质量改善\n\n全年优良天数300天。\n\n2\n\n水质向好\n\n达标率100%。\n\n3\n\n执法加大\n\n立案52件。",
        filename="clip.txt",
    )
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert bulletin.title.startswith(PLACEHOLDER_PREFIX)
    assert not result.title_found
    assert any("没有标题" in w for w in result.warnings)


def test_a_saved_web_page_becomes_its_text_not_its_markup(db):
    """Page source (a saved .html, or source pasted) is read as the figures are: its title, date
    and paragraphs, never its tags or scripts; the source stays in raw_text."""
    page = (
        "<html><head><title>榆溪县生态环境局发布虚构的空气质量简报</title>"
        "<script>alert(1)</script></head><body>"
        "<script>alert('x')</script>"
        "<p onclick=alert(2)>榆溪县生态环境局发布虚构的空气质量简报</p>"
        "<p>2026年11月3日 来源：榆溪县生态环境局</p>"
        "<p>2026年1—10月，榆溪县环境空气质量优良天数比例为88.8%。"
        "<a href='javascript:alert(3)'>详情</a><img src=x onerror=alert(4)></p>"
        "<p>全县共办理环境信访投诉321件。</p></body></html>"
    )
    result = import_bulletin_text(page, filename="yuxi.html")
    assert result.created, result.message
    bulletin = Bulletin.objects.get(pk=result.bulletin_id)
    assert bulletin.title == "榆溪县生态环境局发布虚构的空气质量简报"
    assert result.title_found
    for markup in ("<", "alert", "javascript:", "onerror"):
        assert markup not in bulletin.body and markup not in bulletin.summary
    assert "优良天数比例为88.8%" in bulletin.body and "321件" in bulletin.body
    # The <title> and the heading are the same line: the title once, not again atop the body.
    assert bulletin.title not in bulletin.body
    assert bulletin.raw_text == page


# --- Management command ---------------------------------------------------------------------


def run_command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_bulletin", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_command_failing(*args):
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_bulletin", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_files_with_progress_on_stderr_and_a_summary(catalogue, jiangyu):
    paths = [str(SAMPLES / "wechat_jiangyu.txt"), str(SAMPLES / "portal_beilan.txt")]
    out, err = run_command(*paths)
    assert "[############............] 1/2 wechat_jiangyu.txt" in err
    assert "2/2 portal_beilan.txt" in err
    assert "created  wechat_jiangyu.txt" in out
    assert "共 2 个：创建 2，跳过 0，失败 0" in out
    assert Bulletin.objects.count() == 2


def test_command_accepts_a_directory_and_skips_what_was_imported(db):
    run_command(str(SAMPLES))
    out, _ = run_command(str(SAMPLES))
    samples = len(list(SAMPLES.glob("*.txt")))
    assert f"跳过 {samples}" in out
    assert Bulletin.objects.count() == samples


def test_command_dry_run_writes_nothing(db):
    out, _ = run_command(str(SAMPLES / "highlights_lanxi.txt"), "--dry-run")
    assert "[dry run]" in out and "将创建草稿" in out
    assert not Bulletin.objects.exists()


def test_command_with_publisher_and_region_slugs(db, jiangyu):
    publisher = make_publisher(slug="bureau", name="某局")
    run_command(str(SAMPLES / "portal_beilan.txt"), "--publisher", "bureau", "--region", "jiangyu")
    bulletin = Bulletin.objects.get()
    assert (bulletin.publisher, bulletin.region) == (publisher, jiangyu)


def test_command_refuses_unknown_slugs_and_missing_files(db):
    with pytest.raises(CommandError, match="Unknown publisher"):
        run_command(str(SAMPLES / "portal_beilan.txt"), "--publisher", "nobody")
    with pytest.raises(CommandError, match="No such file"):
        run_command("/nonexistent/file.txt")


def test_command_fails_with_status_1_when_a_file_fails(db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="1 of 2") as raised:
        run_command(str(empty), str(SAMPLES / "portal_beilan.txt"))
    assert raised.value.returncode == 1
    assert Bulletin.objects.count() == 1


# --- Admin page -----------------------------------------------------------------------------


def staff(*, can_add=True):
    user = User.objects.create_user("staff", password="x", is_staff=True)
    if can_add:
        user.user_permissions.add(Permission.objects.get(codename="add_bulletin"))
    return user


def test_the_import_page_is_at_its_documented_address():
    assert reverse("bulletin_import:index") == URL


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_staff_without_the_add_permission_are_refused(client):
    client.force_login(staff(can_add=False))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": "标题\n正文。"}).status_code == 403
    assert not Bulletin.objects.exists()


def test_the_form_is_shown_to_editors(client):
    client.force_login(staff())
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'type="file"' in content and "multiple" in content
    assert 'enctype="multipart/form-data"' in content


def test_pasted_text_is_imported_as_a_draft_by_the_editor(client, catalogue):
    user = staff()
    client.force_login(user)
    text = sample("wechat_jiangyu.txt").decode("utf-8")
    response = client.post(URL, {"text": text})
    assert response.status_code == 200
    bulletin = Bulletin.objects.get()
    assert bulletin.status == Status.DRAFT
    assert bulletin.created_by == user
    content = response.content.decode()
    assert "已创建" in content and "江屿市2023年生态环境质量持续向好" in content


def test_several_uploaded_files_show_a_progress_bar_and_each_outcome(client):
    client.force_login(staff())
    files = [
        SimpleUploadedFile("portal.txt", sample("portal_beilan.txt"), content_type="text/plain"),
        SimpleUploadedFile(
            "gbk.txt", sample("highlights_lanxi.txt").decode("utf-8").encode("gb18030")
        ),
        SimpleUploadedFile("broken.txt", b"\x00\x00\x00binary"),
        SimpleUploadedFile("again.txt", sample("portal_beilan.txt")),
    ]
    response = client.post(URL, {"files": files})
    content = response.content.decode()
    assert '<progress value="4" max="4">' in content
    assert "共 4 个：创建 2，跳过 1，失败 1" in content
    assert "二进制" in content
    assert "GB18030" in content
    assert Bulletin.objects.count() == 2


def test_the_admin_dry_run_shows_the_preview_and_saves_nothing(client, catalogue):
    client.force_login(staff())
    response = client.post(
        URL, {"text": sample("highlights_lanxi.txt").decode("utf-8"), "dry_run": "on"}
    )
    content = response.content.decode()
    assert "预览结果（未保存）" in content
    assert "空气质量创历史最好水平" in content
    assert not Bulletin.objects.exists()


def test_an_upload_above_the_limit_is_refused_with_its_real_size(client, settings):
    settings.BULLETIN_IMPORT_MAX_BYTES = 10 * 1024
    client.force_login(staff())
    upload = SimpleUploadedFile("big.txt", "正文。".encode() * 12_000)  # 105 KB
    content = client.post(URL, {"files": [upload]}).content.decode()
    assert "文件过大（105 KB），超过导入上限 10 KB" in content
    assert not Bulletin.objects.exists()


def test_the_page_loads_its_progress_script_and_keeps_a_form_that_works_without_it(client):
    client.force_login(staff())
    content = client.get(URL).content.decode()
    assert 'src="/static/js/admin-import.js"' in content
    assert '<section id="import-live"' in content and "hidden" in content
    assert 'enctype="multipart/form-data"' in content


def test_one_file_per_request_answers_json_for_the_progress_bar(client):
    client.force_login(staff())

    def send(name, data):
        upload = SimpleUploadedFile(name, data, content_type="text/plain")
        return client.post(URL, {"files": [upload]}, HTTP_ACCEPT="application/json")

    first = send("portal.txt", sample("portal_beilan.txt"))
    assert first.status_code == 200 and first["Content-Type"] == "application/json"
    [created] = first.json()["results"]
    bulletin = Bulletin.objects.get()
    assert created["outcome"] == "created" and created["label"] == "已创建"
    assert created["link"] == reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])
    [skipped] = send("again.txt", sample("portal_beilan.txt")).json()["results"]
    assert skipped["outcome"] == "skipped" and "已导入过" in skipped["message"]
    [failed] = send("broken.txt", b"\x00\x00\x00binary").json()["results"]
    assert failed["outcome"] == "failed" and "二进制" in failed["message"]
    assert Bulletin.objects.count() == 1


def test_a_json_request_with_nothing_to_import_gets_the_form_errors(client):
    client.force_login(staff())
    response = client.post(URL, {"text": ""}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["errors"]


def test_submitting_nothing_is_a_form_error_not_a_500(client):
    client.force_login(staff())
    response = client.post(URL, {"text": "   "})
    assert response.status_code == 200
    assert "请粘贴原文或选择至少一个文件" in response.content.decode()


def test_a_docx_upload_is_imported_like_text(client):
    from tests.importer.test_import_decoding import make_docx

    client.force_login(staff())
    lines = sample("highlights_lanxi.txt").decode("utf-8").splitlines()
    upload = SimpleUploadedFile("lanxi.docx", make_docx(lines))
    response = client.post(URL, {"files": [upload]})
    assert "创建 1" in response.content.decode()
    bulletin = Bulletin.objects.get()
    assert bulletin.title == "澜溪市2024年生态环境保护十大亮点"
    assert bulletin.source_name == "澜溪市生态环境局"
    assert bulletin.achievement_list.items.count() == 5


def test_a_figure_of_a_place_the_database_lacks_proposes_that_region(catalogue):
    zhejiang = make_region(slug="zhejiang", name="浙江省", code="330000", level="province")
    result = import_bulletin_text(
        "浙江省2023年环境空气质量简报\n来源：浙江省生态环境厅\n\n"
        "2023年，全省环境空气质量优良天数比例为89.4%。海盐县优良天数比例为93.2%。",
        filename="zhejiang.txt",
    )
    assert result.created, result.message
    province = Observation.objects.get(bulletin_id=result.bulletin_id, value_text="89.4")
    assert province.region == zhejiang and province.proposed_region_name == ""
    county = Observation.objects.get(bulletin_id=result.bulletin_id, value_text="93.2")
    assert county.region is None
    assert (
        county.proposed_region_name,
        county.proposed_region_code,
        county.proposed_region_parent_code,
    ) == ("海盐县", "330424", "330400")
    assert "海盐县" in county.reasons
