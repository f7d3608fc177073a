"""Admin pieces shared by the articles and events admins: cheap autocompletes, alias checks."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect

from articles.names import name_key


class RowAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that labels a row's current choice with the object the row already holds.

    Django's widget looks the chosen object up again for every inline row; with the inline's
    queryset select_related, a long inline then costs no query per row.
    """

    current = None

    def optgroups(self, name, value, attr=None):
        current = self.current
        if current is None or value != [str(current.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        label = self.choices.field.label_from_instance(current)
        options.append(self.create_option(name, current.pk, label, True, len(options)))
        return [(None, options, 0)]


class RowChoicesForm(forms.ModelForm):
    """Hands each row's related objects to its ``RowAutocompleteSelect`` widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, RowAutocompleteSelect):
                widget.current = getattr(self.instance, name)


class RowAutocompleteInline:
    """Inline mixin: autocomplete fields without a query per row (select_related them)."""

    form = RowChoicesForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                RowAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AliasFormSet(forms.BaseInlineFormSet):
    """Refuses an alias given twice to one owner; its existing aliases are rows here too.

    The model's clean() only looks for clashes with other outlets or actors, and the
    database would refuse the repeat with an IntegrityError.
    """

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.is_valid() or self._should_delete_form(form):
                continue
            key = name_key(form.cleaned_data.get("name") or "")
            if key and key in seen:
                form.add_error("name", "This alias is listed twice.")
            seen.add(key)
