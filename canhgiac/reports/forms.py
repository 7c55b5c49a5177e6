"""Forms of the reports app: they parse and validate input; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from canhgiac.core.forms import VnDateInput


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        field.widget.attrs.setdefault("class", "form-control")


class UnitReportForm(forms.Form):
    """The narrative of a unit's report; `version` is the version the form was loaded with."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    number = forms.CharField(
        label=_("Số, ký hiệu văn bản"),
        max_length=60,
        required=False,
        help_text=_("Ví dụ: 45/BC-UBND (không ghi chữ “Số:”)."),
    )
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=120,
        required=False,
        help_text=_("Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH — dấu “/” để xuống dòng."),
    )
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=120, required=False)
    results = forms.CharField(
        label=_("Kết quả thực hiện"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("Các việc đã làm: hội nghị, hình thức tuyên truyền khác, kết quả nổi bật."),
    )
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    proposals = forms.CharField(
        label=_("Đề xuất, kiến nghị"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Hãy ghi rõ lý do để đơn vị biết cần sửa gì.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp đính kèm"),
        error_messages={"required": _("Hãy chọn một tệp."), "empty": _("Tệp rỗng; hãy chọn lại.")},
        help_text=_(
            "Kế hoạch, biên bản, văn bản có chữ ký (PDF, Word) hoặc ảnh (JPEG, PNG, WebP); tối đa 20 MB."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ProvinceReportForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    number = forms.CharField(
        label=_("Số, ký hiệu"), max_length=60, required=False, help_text=_("Ví dụ: 25/BC-CAT.")
    )
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False, widget=VnDateInput())
    agency_parent = forms.CharField(label=_("Cơ quan chủ quản"), max_length=150, required=False)
    agency_name = forms.CharField(label=_("Cơ quan ban hành"), max_length=150)
    intro = forms.CharField(
        label=_("Mở đầu"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Để trống: “Thực hiện Văn bản số …, Công an tỉnh tổng hợp kết quả … như sau:”."),
    )
    proposals = forms.CharField(
        label=_("Đề xuất, kiến nghị"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một nơi nhận."),
    )
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=120,
        required=False,
        help_text=_("Ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — dấu “/” để xuống dòng."),
    )
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)
