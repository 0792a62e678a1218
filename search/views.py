from django.core.paginator import Paginator
from django.views.generic import ListView

from bulletins.filters import BulletinFilterSet
from bulletins.models import Bulletin
from ecoportal.publishing import PublicQuerysetMixin

from .forms import SearchForm
from .query import search_bulletins
from .text import MAX_QUERY_LENGTH

PAGE_SIZE = 20


class SearchView(PublicQuerysetMixin, ListView):
    """``/search/?q=``: published bulletins matching the words, best first, with the passage."""

    public_model = Bulletin
    paginate_by = PAGE_SIZE
    template_name = "search/results.html"
    context_object_name = "results"

    def get_queryset(self):
        self.search_form = SearchForm(self.request.GET)
        filters = BulletinFilterSet.for_page(self.request.GET)
        self.filter_form = filters.form
        if not self.search_form.is_valid() or not self.search_form.cleaned_data["q"]:
            self.query = None
            return []
        self.query = self.search_form.query
        # The ranking is kept per content generation, named by the filters that chose the rows.
        return search_bulletins(
            self.query,
            queryset=filters.filter_valid(self.public_queryset().for_listing()),
            memo_name=f"page:{self.filter_form.canonical_query()}",
        )

    def paginate_queryset(self, queryset, page_size):
        # get_page() turns page=abc, -1 or 99999 into the nearest real page instead of a 404.
        paginator = Paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            search_form=self.search_form,
            filter_form=self.filter_form,
            search_query=self.request.GET.get("q", ""),
            searched=self.query is not None,
            # More matches than were ranked: the count shown is "at least".
            count_is_estimate=self.query is not None and self.object_list.count_is_estimate,
            max_length=MAX_QUERY_LENGTH,
            query_string=query.urlencode(),
            **kwargs,
        )
