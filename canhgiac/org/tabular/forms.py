"""The manual column mapping of an import preview: one select per column of the file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ColumnMappingForm(forms.Form):
    """One select per column of the file (which field it holds, or nothing) and the header row number.

    Subclasses (or callers) give `fields` ({field: label}), `key_fields` (at least one must be chosen) and
    `key_message` (the error when none is).
    """

    header_row = forms.IntegerField(label=_("Dòng tiêu đề"), min_value=1, max_value=1000)

    def __init__(
        self,
        *args,
        columns=(),
        mapping=None,
        header_row=1,
        fields: dict | None = None,
        key_fields=(),
        key_message="",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.choice_labels = dict(fields or {})
        self.key_fields = tuple(key_fields)
        self.key_message = key_message
        choices = [("", _("— Bỏ qua —"))] + list(self.choice_labels.items())
        self.fields["header_row"].initial = header_row
        self.fields["header_row"].widget.attrs.setdefault("class", "form-control")
        self.column_fields = []
        for index, label in enumerate(columns):
            name = f"col_{index}"
            self.fields[name] = forms.ChoiceField(
                label=label or _("Cột %(n)s") % {"n": index + 1},
                choices=choices,
                required=False,
                initial=(mapping or {}).get(str(index), ""),
            )
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
            self.column_fields.append(name)

    def clean(self):
        data = super().clean()
        chosen = [data.get(name) for name in self.column_fields if data.get(name)]
        duplicates = {c for c in chosen if chosen.count(c) > 1}
        if duplicates:
            names = ", ".join(str(self.choice_labels[d]) for d in sorted(duplicates))
            raise forms.ValidationError(
                _("Mỗi thông tin chỉ ghép với một cột; đang trùng: %(names)s.") % {"names": names}
            )
        if self.key_fields and not set(self.key_fields) & set(chosen):
            raise forms.ValidationError(self.key_message)
        return data

    def mapping(self) -> dict[int, str]:
        return {
            int(name.split("_")[1]): self.cleaned_data[name]
            for name in self.column_fields
            if self.cleaned_data.get(name)
        }
