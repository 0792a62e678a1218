from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import DetailView, ListView

from ecoportal.caching.generation import memoize
from ecoportal.caching.paginator import MemoPaginator
from ecoportal.publishing import PublicQuerysetMixin, shows_published_only

from . import page_parts
from .filters import BulletinFilterSet, as_parameter
from .models import AchievementItem, AchievementList, Bulletin, Region
from .querysets import PUBLIC_COUNT
from .rendering import bulletin_cards, render_body

PAGE_SIZE = 20


class BulletinListView(PublicQuerysetMixin, ListView):
    public_model = Bulletin
    paginate_by = PAGE_SIZE
    template_name = "bulletins/bulletin_list.html"
    context_object_name = "bulletins"

    def get_queryset(self):
        filters = BulletinFilterSet.for_page(self.request.GET)
        self.filter_form = filters.form
        if filters.is_bound:
            self.filter_form.is_valid()  # the page's memo names are made of the valid choices
        # The rows are only made into a queryset when they are counted or read: not at all when
        # the count and the page's content are kept (building it was a fifth of such a page).
        public = super().get_queryset
        return SimpleLazyObject(lambda: filters.filter_valid(public().for_cards()))

    def get_template_names(self):
        return [self.template_name]  # not from the rows' model: that would make their queryset

    def paginate_queryset(self, queryset, page_size):
        # get_page() turns page=abc, -1 or 99999 into the nearest real page instead of a 404.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        # The page's content is kept for valid filters: they show nothing of the reader's input.
        self.content_name = paginator.memo_name if self.filter_form.markup_name() else None
        cards = SimpleLazyObject(lambda: bulletin_cards(page.object_list))
        return paginator, page, cards, SimpleLazyObject(page.has_other_pages)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The count and deep pages cost the same at any size (computed once per content change).
        form = self.filter_form
        valid = form.cleaned_data if form.is_bound else {}
        filters = sorted(
            (name, as_parameter(value))
            for name, value in valid.items()
            if value and name not in form.errors
        )
        return MemoPaginator(
            queryset, per_page, memo_name=f"bulletins:list:{filters}", count_name=None if filters else PUBLIC_COUNT,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page, **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(filter_form=self.filter_form, **kwargs)  # paginates
        if self.content_name:
            query_string = self.filter_form.canonical_query()  # kept: the same for every reader
        else:
            query = self.request.GET.copy()
            query.pop("page", None)
            query_string = query.urlencode()
        return {**context, "query_string": query_string, "content_name": self.content_name}


class BulletinDetailView(PublicQuerysetMixin, DetailView):
    public_model = Bulletin
    template_name = "bulletins/bulletin_detail.html"
    context_object_name = "bulletin"

    def get_queryset(self):
        # The body and raw text are read only when the page's content is not kept.
        return super().get_queryset().select_related("region", "publisher").defer("body", "raw_text")

    def get_object(self, queryset=None):
        # The public bulletin of a slug is kept until the content changes; a slug that names
        # none is looked up each time and keeps nothing.
        slug = self.kwargs[self.slug_url_kwarg]
        bulletin = memoize(
            f"bulletins:detail:{slug}", lambda: self.get_queryset().filter(slug=slug).first(), keep_none=False
        )
        if bulletin is None:
            raise Http404
        return bulletin

    def get_context_data(self, **kwargs):
        # The page's content (facts, the marked-up body, its figures) is its cost: Markdown, then
        # finding each quote. Its markup is kept until the content changes ({% public_fragment %}
        # keyed by ``public_page``); what it shows is read only when it is not. Editors'
        # previews, which share the template without ``public_page``, compute theirs every time.
        bulletin = self.object
        page = SimpleLazyObject(lambda: bulletin_page_context(bulletin))
        lazy = {name: SimpleLazyObject(lambda name=name: page[name]) for name in PAGE_CONTEXT}
        return super().get_context_data(public_page=bulletin.slug, **lazy, **kwargs)


PAGE_CONTEXT = ("achievement_list", "observations", "figure_groups", "body_html", "corrections")


def bulletin_page_context(bulletin):
    """What the bulletin page shows besides the bulletin; shared with the editors' preview.

    ``body_html`` is the rendered body, which the parts other apps add may mark up (indicators:
    each figure's sentence, see ``page_parts``).
    """
    achievement_list = (
        AchievementList.objects.filter(bulletin=bulletin).prefetch_related("items").first()
    )
    context = {
        "achievement_list": achievement_list,
        "observations": [],
        "figure_groups": [],
        "body_html": render_body(bulletin.body),
        "corrections": list(bulletin.corrections.order_by(F("made_at").asc(nulls_first=True), "id")),
    }
    return {**context, **page_parts.context(page_parts.BULLETIN, bulletin, context)}


class AchievementListListView(PublicQuerysetMixin, ListView):
    public_model = AchievementList
    paginate_by = PAGE_SIZE
    template_name = "bulletins/achievement_list_list.html"
    context_object_name = "achievement_lists"

    def get_queryset(self):
        return (
            super().get_queryset()
            .select_related("bulletin", "bulletin__region", "bulletin__publisher")
            .prefetch_related(Prefetch("items", AchievementItem.objects.only("id", "number", "title", "achievement_list_id")))
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


class AchievementListDetailView(PublicQuerysetMixin, DetailView):
    public_model = AchievementList
    template_name = "bulletins/achievement_list_detail.html"
    context_object_name = "achievement_list"

    def get_queryset(self):
        return (
            super().get_queryset()
            .select_related("bulletin", "bulletin__region", "bulletin__publisher")
            .prefetch_related("items")
        )


@shows_published_only
@require_safe
def region_index(request):
    """Every region, provinces with their cities, each with its count of public bulletins."""
    counts = dict(
        Bulletin.objects.published().filter(region__isnull=False)
        .order_by().values_list("region").annotate(count=Count("id"))
    )
    tree = Region.objects.as_tree()
    stack = list(tree)
    while stack:
        node = stack.pop()
        node["bulletins"] = counts.get(node["region"].pk, 0)
        stack.extend(node["children"])
    return render(request, "bulletins/region_index.html", {"tree": tree, "nav": "regions"})


@shows_published_only
def region_detail(request, slug):
    # The region of a slug is kept until the content changes (a slug that names none is looked
    # up each time and keeps nothing); its cities are read only when the page's fragment is not
    # kept: a page from kept values reads only the generation.
    region = memoize(
        f"bulletins:region:{slug}",
        lambda: Region.objects.select_related("parent").filter(slug=slug).first(),
        keep_none=False,
    )
    if region is None:
        raise Http404
    # The newest of a region's bulletins (SQLite sorts every matching row to find them), as cards.
    # Read only when the page's fragment is not kept.
    cards = SimpleLazyObject(
        lambda: memoize(
            f"bulletins:region:{region.pk}:cards",
            lambda: bulletin_cards(Bulletin.objects.published().in_region(region).for_cards()[:10]),
        )
    )
    children = SimpleLazyObject(lambda: list(region.children.all()))
    return render(
        request,
        "bulletins/region_detail.html",
        {
            "region": region,
            "children": children,
            "cards": cards,
            **page_parts.context(page_parts.REGION, region, children),
        },
    )


def latest_bulletin_cards(size=6):
    public = Bulletin.objects.published()
    return bulletin_cards(public.for_cards().ordered_slice(0, public.order_by()[:size].count()))


@shows_published_only
def home(request):
    # The page's content is one kept fragment: what it shows is read only when it is not kept.
    return render(
        request,
        "home.html",
        {
            # The six newest, through the list's order index, as cards. Counted only up to six:
            # counting every public bulletin scanned them all on PostgreSQL (24 ms at 100,000).
            "latest_bulletins": SimpleLazyObject(latest_bulletin_cards),
            "latest_achievements": SimpleLazyObject(
                lambda: list(
                    AchievementList.objects.published()
                    .only("id", "slug", "title", "year")
                    .prefetch_related("items")[:3]
                )
            ),
            **page_parts.context(page_parts.HOME),
        },
    )


@shows_published_only
@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@shows_published_only
@require_GET
@cache_control(no_store=True)
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse({"status": "error", "database": type(exc).__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
