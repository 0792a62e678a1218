from django import forms
from django.utils.translation import gettext_lazy as _

from .text import MAX_QUERY_LENGTH, QueryError, parse_query


class SearchForm(forms.Form):
    """The words to search for; too long or without any letter or digit is a form error."""

    q = forms.CharField(
        label=_("搜索词"),
        required=False,
        strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("搜索词太长：最多 %(limit_value)d 个字符，现在是 %(show_value)d 个。")
        },
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        try:
            query = parse_query(text)
        except QueryError as error:  # pragma: no cover - max_length catches it first
            raise forms.ValidationError(str(error)) from error
        if text and not query:
            raise forms.ValidationError(
                _("搜索词里没有可检索的文字或数字，请换个说法。"), code="no_words"
            )
        self.query = query
        return text
