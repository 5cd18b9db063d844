"""One way to render a form field, for every form of the site.

Every field is drawn by ``templates/forms/field.html`` (through ``{{ field.as_field_group }}`` or ``{{ form }}``):
the label, the help text and the errors each get an id, and Django's ``BoundField`` ties them to the input with
``aria-describedby`` and marks a field with errors ``aria-invalid="true"`` (or, for radio buttons and check
boxes, describes the whole ``fieldset``). Keeping this in one template means a screen reader hears the error of
every field, not only of the forms someone remembered to wire by hand.

A form may set ``field_group_class`` (the wrapper of a single input, "field" by default) and
``fieldset_class`` (the wrapper of a group of choices, "choices" by default) to keep a page's look.
"""

from django.forms.renderers import TemplatesSetting

FIELD_TEMPLATE = "forms/field.html"


class PortalFormRenderer(TemplatesSetting):
    """Django's renderer over the project's template engine, so project templates can override form templates."""

    field_template_name = FIELD_TEMPLATE
