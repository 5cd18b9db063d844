from django import template
from django.utils.safestring import SafeString

from portal.text import plain_text_to_html

register = template.Library()


@register.simple_tag(takes_context=True)
def rich_text(context, text: str) -> SafeString:
    """Editors' plain text as paragraphs and lists, with glossary terms explained (first use on the page)."""
    return plain_text_to_html(text, context.get("term_marker"))


@register.filter
def plain_paragraphs(text: str) -> SafeString:
    return plain_text_to_html(text)
