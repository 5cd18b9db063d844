from django import template
from django.utils.safestring import SafeString, mark_safe

from portal.text import plain_text_to_html

register = template.Library()


@register.simple_tag(takes_context=True)
def rich_text(context, text: str) -> SafeString:
    """Editors' plain text as paragraphs and lists, with glossary terms explained (first use on the page)."""
    return plain_text_to_html(text, context.get("term_marker"))


@register.filter
def plain_paragraphs(text: str) -> SafeString:
    return plain_text_to_html(text)


@register.filter
def fallback_lang(item, field: str) -> SafeString:
    """' lang="pl"' when item.<field> is shown in Polish because the reader's language has no text of its own.

    Screen readers then read the Polish fallback with a Polish voice, and the translated parts with the page's.
    """
    from django.utils.translation import get_language

    from portal.selectors import field_is_translated

    if getattr(item, f"{field}_pl", "") and not field_is_translated(item, field, get_language()):
        return mark_safe(' lang="pl"')  # noqa: S308 (a constant)
    return mark_safe("")
