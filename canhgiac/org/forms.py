from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canhgiac.core.forms import VnDateInput

from .importer.headers import FIELDS
from .importer.reading import KINDS
from .models import Exemption, Person, Unit
from .tabular.forms import ColumnMappingForm

INDENT = "\u00a0\u00a0\u00a0"


class UnitChoiceField(forms.ModelChoiceField):
    """Units in tree order, indented by depth so the tree reads in a select box."""

    def label_from_instance(self, obj):
        return INDENT * max(obj.depth - 1, 0) + obj.name


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        else:
            widget.attrs.setdefault("class", "form-control")


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class UnitForm(StyledForm):
    parent = UnitChoiceField(label=_("Thuộc đơn vị"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=100, required=False)
    code = forms.CharField(
        label=_("Mã đơn vị"),
        max_length=32,
        help_text=_(
            "Mã duy nhất, dùng trong tệp danh sách (ví dụ QN-STC-KT). Xã, phường dùng mã hành chính."
        ),
    )
    kind = forms.ChoiceField(label=_("Loại đơn vị"), choices=Unit.Kind.choices, initial=Unit.Kind.SUBUNIT)
    official_code = forms.CharField(label=_("Mã hành chính"), max_length=10, required=False)
    opened_on = forms.DateField(label=_("Ngày thành lập"), required=False, widget=VnDateInput())

    def __init__(self, *args, parents=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["parent"]
        else:
            self.fields["parent"].queryset = parents


class UnitMoveForm(StyledForm):
    new_parent = UnitChoiceField(label=_("Chuyển về dưới đơn vị"), queryset=Unit.objects.none())

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = targets


class UnitCloseForm(StyledForm):
    closed_on = forms.DateField(label=_("Đóng từ ngày"), widget=VnDateInput())
    closed_reason = forms.CharField(
        label=_("Lý do"),
        max_length=255,
        help_text=_("Ví dụ: Sáp nhập vào Phường Hạ Long theo Nghị quyết 1679/NQ-UBTVQH15."),
    )


class PersonForm(StyledForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    position = forms.CharField(label=_("Chức vụ, chức danh"), max_length=150, required=False)
    staff_group = forms.ChoiceField(label=_("Nhóm đối tượng"), choices=Person.StaffGroup.choices)
    staff_code = forms.CharField(
        label=_("Mã cán bộ"),
        max_length=50,
        required=False,
        help_text=_("Dùng để cập nhật khi nhập lại danh sách."),
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=30, required=False)
    date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False, widget=VnDateInput())
    status = forms.ChoiceField(label=_("Trạng thái"), choices=Person.Status.choices)
    effective_on = forms.DateField(
        label=_("Thay đổi đơn vị/trạng thái có hiệu lực từ"),
        required=False,
        widget=VnDateInput(),
        help_text=_("Trống: từ hôm nay. Dùng khi ghi nhận việc chuyển đơn vị, nghỉ dài hạn đã xảy ra trước."),
    )

    def __init__(self, *args, units=None, creating=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if creating:
            self.fields["effective_on"].label = _("Bắt đầu công tác tại đơn vị từ")
            self.fields["effective_on"].help_text = _(
                "Trống: coi như đã có trong danh sách từ trước (được tính cho cả các chiến dịch trước đây)."
            )


class ExemptionForm(StyledForm):
    reason = forms.ChoiceField(label=_("Lý do"), choices=Exemption.Reason.choices)
    starts_on = forms.DateField(label=_("Từ ngày"), widget=VnDateInput())
    ends_on = forms.DateField(
        label=_("Đến ngày"), required=False, widget=VnDateInput(), help_text=_("Trống: chưa rõ.")
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class ExemptionEndForm(StyledForm):
    ends_on = forms.DateField(label=_("Kết thúc ngày"), widget=VnDateInput())


class RosterFilterForm(StyledForm):
    q = forms.CharField(label=_("Tìm"), required=False, max_length=100)
    unit = UnitChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), required=False, empty_label=_("Tất cả")
    )
    staff_group = forms.ChoiceField(
        label=_("Nhóm"), required=False, choices=[("", _("Tất cả"))] + list(Person.StaffGroup.choices)
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả"))] + list(Person.Status.choices)
    )
    exempt = forms.ChoiceField(
        label=_("Miễn trừ"),
        required=False,
        choices=[("", _("Tất cả")), ("1", _("Đang được miễn trừ")), ("0", _("Không miễn trừ"))],
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ImportUploadForm(StyledForm):
    file = forms.FileField(
        label=_("Tệp danh sách"),
        help_text=_(
            "Excel (.xlsx, .xls) hoặc CSV; có thể có dòng tiêu đề, ô gộp, phông chữ TCVN3 (ABC) hoặc VNI."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(KINDS)}),
    )
    unit = UnitChoiceField(label=_("Nhập vào đơn vị"), queryset=Unit.objects.none())
    effective_on = forms.DateField(
        label=_("Danh sách có hiệu lực từ ngày"),
        required=False,
        widget=VnDateInput(),
        help_text=_(
            "Trống: người mới coi như đã có từ trước; chuyển đơn vị, đổi trạng thái tính từ hôm nay."
        ),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MappingForm(ColumnMappingForm):
    """One select per column of the file: which Person field it holds, or nothing."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            fields=FIELDS,
            key_fields=("full_name", "given_name"),
            key_message=_("Hãy chọn cột chứa “Họ và tên” (hoặc cột “Tên”)."),
            **kwargs,
        )
