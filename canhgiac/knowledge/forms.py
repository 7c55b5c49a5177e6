from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from .filetypes import ACCEPTED_HELP, MAX_UPLOAD, SIZE_LIMITS, human_size
from .models import Audience, Channel, Material, ScamMethod, Visibility
from .services.methods import EDITABLE_FIELDS


class LinesField(forms.CharField):
    """A list of strings typed one per line."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


def _size_help() -> str:
    labels = dict(Material.Kind.choices)
    limits = ", ".join(f"{labels[k]} {human_size(v)}" for k, v in SIZE_LIMITS.items())
    return f"{ACCEPTED_HELP} Dung lượng tối đa: {limits}."


class MethodForm(forms.ModelForm):
    steps = LinesField(label=_("Diễn biến (mỗi bước một dòng)"), required=False)
    do_list = LinesField(label=_("Nên làm (mỗi ý một dòng)"), required=False)
    dont_list = LinesField(label=_("Không bao giờ làm (mỗi ý một dòng)"), required=False)
    channels = forms.MultipleChoiceField(
        label=_("Kênh tiếp cận"), choices=Channel.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    related = forms.ModelMultipleChoiceField(
        label=_("Phương thức liên quan"),
        queryset=ScamMethod.objects.only("slug", "name", "number"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    note = forms.CharField(
        label=_("Ghi chú cho lần sửa này"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: “Bổ sung dấu hiệu theo cảnh báo mới của Bộ Công an”."),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ScamMethod
        fields = [*EDITABLE_FIELDS, "related"]  # what services.method_update accepts
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "legal_basis": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["related"].queryset = ScamMethod.objects.exclude(pk=self.instance.pk).only(
                "slug", "name", "number"
            )
            self.fields["revision"].initial = self.instance.revision
        for _name, field in self.fields.items():
            if not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.HiddenInput):
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)


class RedFlagForm(forms.Form):
    code = forms.SlugField(
        label=_("Mã"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "data-flag-field": ""}),
    )
    text = forms.CharField(
        label=_("Dấu hiệu"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "data-flag-field": ""}),
    )
    patterns = LinesField(
        label=_("Mẫu nhận diện (biểu thức chính quy, viết thường không dấu, mỗi mẫu một dòng)"),
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "class": "form-control font-monospace small",
                "spellcheck": "false",
                "data-flag-field": "",
            }
        ),
    )
    weight = forms.FloatField(
        label=_("Trọng số (0–1)"),
        min_value=0.05,
        max_value=1,
        initial=0.6,
        widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.05", "data-flag-field": ""}),
    )
    existing = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def has_changed(self):
        return super().has_changed() and bool(self.data.get(self.add_prefix("text"), "").strip())


class ExampleForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Kênh"), choices=Channel.choices, widget=forms.Select(attrs={"class": "form-select"})
    )
    sender = forms.CharField(
        label=_("Người gửi hiển thị"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    text = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"})
    )


class BaseRedFlagFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if (
            "DELETE" in form.fields
        ):  # the pattern tester sends the flags as typed, minus those marked for deletion
            form.fields["DELETE"].widget.attrs["data-flag-field"] = ""


RedFlagFormSet = formset_factory(
    RedFlagForm, formset=BaseRedFlagFormSet, extra=2, can_delete=True, max_num=30
)
ExampleFormSet = formset_factory(ExampleForm, extra=1, can_delete=True, max_num=10)


class MethodCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Tên phương thức"), max_length=200, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    group = forms.ChoiceField(
        label=_("Nhóm"), choices=ScamMethod.Group.choices, widget=forms.Select(attrs={"class": "form-select"})
    )
    summary = forms.CharField(
        label=_("Tóm tắt"), required=False, widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"})
    )


class _MaterialFields(forms.Form):
    title = forms.CharField(
        label=_("Tên tài liệu"), max_length=200, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    description = forms.CharField(
        label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"})
    )
    visibility = forms.ChoiceField(
        label=_("Ai được xem và tải"),
        choices=Visibility.choices,
        initial=Visibility.OFFICIALS,
        widget=forms.RadioSelect,
    )
    methods = forms.ModelMultipleChoiceField(
        label=_("Phương thức lừa đảo liên quan"),
        queryset=ScamMethod.objects.only("slug", "name", "number"),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "form-select", "size": 8}),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Dành cho"), choices=Audience.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class MaterialCreateForm(_MaterialFields):
    kind = forms.ChoiceField(
        label=_("Loại tài liệu"),
        choices=Material.Kind.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    file = forms.FileField(
        label=_("Tệp"),
        help_text=_size_help(),
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )
    note = forms.CharField(
        label=_("Ghi chú phiên bản"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    field_order = ["title", "kind", "file", "description", "visibility", "methods", "audiences", "note"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                _("Tệp nặng %(size)s, vượt giới hạn chung %(limit)s.")
                % {"size": human_size(upload.size), "limit": human_size(MAX_UPLOAD)}
            )
        return upload


class MaterialEditForm(_MaterialFields):
    pass


class MaterialVersionForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp mới"),
        help_text=_size_help(),
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
    )
    note = forms.CharField(
        label=_("Điểm mới của phiên bản"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
