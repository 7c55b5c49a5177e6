"""Forms of the campaigns app. They only parse and validate input; rules live in services."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Person, Unit

from .models import DEFAULT_RESPONSIBLE_KINDS, WEEKDAYS, Campaign, Conference, ConferenceFile, Format, Speaker
from .services.campaigns import CAMPAIGN_FIELDS
from .services.speakers import SPEAKER_FIELDS

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time", "class": "form-control"}, format="%H:%M")
DATETIME = forms.DateTimeInput(
    attrs={"type": "datetime-local", "class": "form-control"}, format="%Y-%m-%dT%H:%M"
)
CHECKS = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})


def _style(form: forms.Form) -> None:
    """Bootstrap classes on every widget that has none."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'— ' * max(0, obj.depth - 1)}{obj.name}"


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{'— ' * max(0, obj.depth - 1)}{obj.name}"


class MethodChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.name}" if obj.number else obj.name


def methods_field(label, required=False):
    return MethodChoiceField(
        label=label,
        queryset=ScamMethod.objects.published().order_by("number", "name"),
        required=required,
        widget=CHECKS,
    )


class CampaignForm(forms.ModelForm):
    audience_units = UnitMultipleChoiceField(
        label=_("Đối tượng: đơn vị (kể cả đơn vị trực thuộc)"),
        queryset=Unit.objects.filter(depth__lte=3).order_by("path"),
        widget=forms.SelectMultiple(attrs={"size": 10, "class": "form-select"}),
        help_text=_("Giữ Ctrl (hoặc ⌘) để chọn nhiều. Chọn tỉnh để áp dụng cho toàn tỉnh."),
    )
    audience_groups = forms.MultipleChoiceField(
        label=_("Đối tượng: nhóm cán bộ"),
        choices=Person.StaffGroup.choices,
        required=False,
        widget=CHECKS,
        help_text=_("Không chọn nhóm nào: mọi nhóm."),
    )
    responsible_kinds = forms.MultipleChoiceField(
        label=_("Đơn vị phải thực hiện"),
        choices=[
            (k, label) for k, label in Unit.Kind.choices if k not in {Unit.Kind.PROVINCE, Unit.Kind.BLOCK}
        ],
        initial=list(DEFAULT_RESPONSIBLE_KINDS),
        widget=CHECKS,
        help_text=_(
            "Khi triển khai, các đơn vị loại này trong phạm vi đối tượng (không nằm dưới một đơn vị đã chọn) "
            "được lập danh sách thực hiện."
        ),
    )
    reminder_days = forms.CharField(
        label=_("Nhắc hạn trước (ngày)"),
        required=False,
        initial="14, 7, 3, 1",
        help_text=_(
            "Các số ngày trước hạn gửi thư nhắc đầu mối đơn vị, cách nhau dấu phẩy. Để trống: không nhắc."
        ),
    )

    class Meta:
        model = Campaign
        fields = [*CAMPAIGN_FIELDS, "audience_units"]
        widgets = {
            "legal_date": DATE,
            "starts_on": DATE,
            "deadline": DATE,
            "needs_due_on": DATE,
            "report_due_on": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
            "legal_subject": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["reminder_days"] = ", ".join(str(d) for d in self.instance.reminder_days)
            self.initial["audience_units"] = list(self.instance.audience_units.all())
        _style(self)

    def clean_reminder_days(self):
        raw = self.cleaned_data.get("reminder_days") or ""
        try:
            days = sorted(
                {int(part) for part in raw.replace(";", ",").split(",") if part.strip()}, reverse=True
            )
        except ValueError:
            raise forms.ValidationError(
                _("Ghi các số ngày, cách nhau dấu phẩy, ví dụ: 14, 7, 3, 1.")
            ) from None
        if any(d < 0 or d > 90 for d in days):
            raise forms.ValidationError(_("Mỗi số ngày từ 0 đến 90."))
        return days

    def clean(self):
        data = super().clean()
        starts_on, deadline = data.get("starts_on"), data.get("deadline")
        if starts_on and deadline and deadline < starts_on:
            self.add_error("deadline", _("Hạn hoàn thành phải sau ngày bắt đầu."))
        for key in ("needs_due_on", "report_due_on"):
            day = data.get(key)
            if day and starts_on and day < starts_on:
                self.add_error(key, _("Hạn này phải sau ngày bắt đầu chiến dịch."))
        return data

    def validate_constraints(self):
        """The date and percentage rules are checked above with Vietnamese messages."""

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("audience_units", None)
        return data


class ConferenceForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Chiến dịch"), queryset=Campaign.objects.none())
    unit = UnitChoiceField(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Tên hội nghị"), max_length=255)
    day = forms.DateField(label=_("Ngày"), widget=DATE)
    start_time = forms.TimeField(label=_("Bắt đầu"), widget=TIME)
    end_time = forms.TimeField(label=_("Kết thúc"), widget=TIME)
    mode = forms.ChoiceField(
        label=_("Hình thức"),
        choices=Conference.Mode.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    venue = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    online_link = forms.CharField(
        label=_("Đường dẫn phòng họp trực tuyến"),
        max_length=500,
        required=False,
        help_text=_("Dán đường dẫn Zoom, Google Meet, Microsoft Teams hoặc phần mềm họp của tỉnh."),
    )
    audience = forms.CharField(label=_("Thành phần tham dự"), max_length=300, required=False)
    expected_attendance = forms.IntegerField(
        label=_("Số người dự kiến"), min_value=0, max_value=5000, initial=0
    )
    speaker_requested = forms.BooleanField(
        label=_("Đề nghị Công an tỉnh cử báo cáo viên"), required=False, initial=True
    )
    requested_methods = methods_field(_("Chuyên đề mong muốn (phương thức lừa đảo)"))
    request_note = forms.CharField(
        label=_("Đề nghị khác"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, viewer, units, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["campaign"].queryset = campaigns
        _style(self)

    @classmethod
    def initial_from(cls, conference: Conference) -> dict:
        start, end = timezone.localtime(conference.starts_at), timezone.localtime(conference.ends_at)
        return {
            "campaign": conference.campaign_id,
            "unit": conference.unit_id,
            "title": conference.title,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "mode": conference.mode,
            "venue": conference.venue,
            "online_link": conference.online_link,
            "audience": conference.audience,
            "expected_attendance": conference.expected_attendance,
            "speaker_requested": conference.speaker_requested,
            "requested_methods": list(conference.requested_methods.all()),
            "request_note": conference.request_note,
        }

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start and end:
            data["starts_at"] = timezone.make_aware(datetime.combine(day, start))
            data["ends_at"] = timezone.make_aware(datetime.combine(day, end))
            if end <= start:
                self.add_error("end_time", _("Giờ kết thúc phải sau giờ bắt đầu."))
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        keys = ("title", "starts_at", "ends_at", "mode", "venue", "online_link", "audience")
        values = {k: (data[k].strip() if isinstance(data[k], str) else data[k]) for k in keys}
        values |= {
            "expected_attendance": data["expected_attendance"],
            "speaker_requested": data["speaker_requested"],
            "request_note": data["request_note"],
        }
        return values


class AssignForm(forms.Form):
    speaker = forms.ModelChoiceField(label=_("Báo cáo viên"), queryset=Speaker.objects.active())
    topic = forms.CharField(label=_("Nội dung đảm nhận"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ReportForm(forms.Form):
    minutes = forms.CharField(
        label=_("Tóm tắt kết quả hội nghị"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Nội dung đã tuyên truyền, số người dự, ý kiến trao đổi, kiến nghị của đơn vị."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class FileForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tệp"), choices=ConferenceFile.Kind.choices)
    upload = forms.FileField(label=_("Tệp"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class WalkInForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    unit_text = forms.CharField(label=_("Cơ quan, đơn vị"), max_length=200, required=False)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=30)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})
        self.fields["full_name"].widget.attrs.update({"autocomplete": "name"})


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Danh sách tham dự (.xlsx, .xls, .csv)"),
        help_text=_("Cột “Họ và tên” bắt buộc; nên có “Mã cán bộ” hoặc “Số điện thoại” để nhận đúng người."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class NeedsForm(forms.Form):
    formats = forms.MultipleChoiceField(
        label=_("Hình thức tuyên truyền phù hợp"), choices=Format.choices, required=False, widget=CHECKS
    )
    topics = methods_field(_("Chuyên đề cần tuyên truyền"))
    other_topics = forms.CharField(
        label=_("Nội dung khác"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sessions_wanted = forms.IntegerField(label=_("Số buổi đề nghị"), min_value=1, max_value=50, initial=1)
    preferred_period = forms.CharField(label=_("Thời gian thuận lợi"), max_length=200, required=False)
    priority_groups = forms.MultipleChoiceField(
        label=_("Nhóm cần ưu tiên"), choices=Person.StaffGroup.choices, required=False, widget=CHECKS
    )
    speaker_needed = forms.BooleanField(
        label=_("Cần Công an tỉnh cử báo cáo viên"), required=False, initial=True
    )
    notes = forms.CharField(
        label=_("Đề xuất, kiến nghị"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class FulfilForm(forms.Form):
    done_on = forms.DateField(label=_("Ngày hoàn thành"), widget=DATE)
    reference = forms.CharField(label=_("Văn bản, căn cứ"), max_length=200, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class SpeakerForm(forms.ModelForm):
    available_weekdays = forms.TypedMultipleChoiceField(
        label=_("Ngày có thể báo cáo"), choices=WEEKDAYS, coerce=int, required=False, widget=CHECKS
    )
    methods = methods_field(_("Chuyên đề đảm nhận"))

    class Meta:
        model = Speaker
        fields = [*SPEAKER_FIELDS, "methods"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        from canhgiac.accounts.models import User
        from canhgiac.core.roles import Role

        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            memberships__role=Role.SPEAKER, memberships__is_active=True
        ).distinct()
        self.fields["user"].required = False
        self.fields["user"].help_text = _("Gắn tài khoản để báo cáo viên tự xem lịch báo cáo của mình.")
        police = Unit.objects.filter(kind=Unit.Kind.POLICE).first()
        units = Unit.objects.filter(path__startswith=police.path) if police else Unit.objects.all()
        self.fields["unit"] = UnitChoiceField(label=_("Đơn vị công tác"), queryset=units, required=False)
        if self.instance.pk:
            self.initial["available_weekdays"] = self.instance.available_weekdays
        _style(self)


class BusyForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Từ"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    ends_at = forms.DateTimeField(label=_("Đến"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M"])
    reason = forms.CharField(label=_("Lý do"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ParticipantForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.open().order_by("path"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)
