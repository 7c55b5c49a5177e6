"""Forms of the case register. They keep what was typed and say in Vietnamese what to fix."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canhgiac.core.forms import VnDateInput
from canhgiac.core.money import MoneyError, parse_money
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.forms import StyledForm
from canhgiac.org.models import Unit
from canhgiac.org.tabular.reading import KINDS
from canhgiac.scamcheck.identifiers import Parsed, classify

from . import rules
from .models import AgeBand, CaseStatus, Channel, ClosureReason, OffenderAbroad, VictimGroup

_NOTE = re.compile(r"^(?P<value>.+?)\s*\((?P<note>[^()]{1,200})\)\s*$")
MONEY_HELP = gettext_lazy("Ví dụ: 45.200.000, 45,2 triệu, 1,5 tỷ.")


class MethodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.name}" if obj.number else obj.name


def methods():
    return ScamMethod.objects.order_by("number", "name")


def money_value(raw, *, label: str) -> int | None:
    try:
        return parse_money(raw)
    except MoneyError as exc:
        messages = {
            "negative": _("%(label)s không thể âm."),
            "fraction": _("%(label)s tính bằng đồng, không có phần lẻ."),
        }
        message = messages.get(
            exc.code,
            _("%(label)s “%(raw)s” không đọc được: ghi bằng chữ số, ví dụ 45.200.000 hoặc 45,2 triệu."),
        )
        raise forms.ValidationError(message % {"label": label, "raw": str(raw)[:40]}) from None


def parse_identifier_lines(text: str) -> list[tuple[Parsed, str]]:
    """One identifier per line, with an optional role in brackets at the end: "0912 345 678 (số gọi đến)"."""
    found: list[tuple[Parsed, str]] = []
    errors = []
    for number, line in enumerate((line.strip() for line in (text or "").splitlines() if line.strip()), 1):
        match = _NOTE.match(line)
        value, note = (match["value"], match["note"].strip()) if match else (line, "")
        parsed = classify(value[:300])
        if not parsed:
            errors.append(
                _(
                    "Dòng %(n)d (“%(line)s”) không nhận ra là số điện thoại, số tài khoản (kèm tên ngân hàng), "
                    "đường link hay tài khoản mạng xã hội."
                )
                % {"n": number, "line": line[:60]}
            )
            continue
        first = parsed[0]
        if all(
            (p.kind, p.value, p.qualifier) != (first.kind, first.value, first.qualifier) for p, _n in found
        ):
            found.append((first, note))
    if errors:
        raise forms.ValidationError(errors)
    return found


class CaseForm(StyledForm):
    """Record or edit a case. The victim's fields exist only for investigators (`with_victim`); status,
    verification and identifiers only when recording (`creating`): later they have their own actions."""

    reported_on = forms.DateField(label=gettext_lazy("Ngày tiếp nhận"), widget=VnDateInput())
    occurred_on = forms.DateField(
        label=gettext_lazy("Ngày xảy ra"),
        widget=VnDateInput(),
        help_text=gettext_lazy("Ngày nạn nhân chuyển tiền lần đầu hoặc bị chiếm đoạt."),
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Xã, phường, đặc khu"),
        queryset=Unit.objects.none(),
        empty_label=gettext_lazy("— Chọn —"),
    )
    handling_unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị thụ lý"), queryset=Unit.objects.none(), required=False, empty_label="—"
    )
    method = MethodChoiceField(
        label=gettext_lazy("Phương thức, thủ đoạn"),
        queryset=ScamMethod.objects.none(),
        required=False,
        empty_label=gettext_lazy("— Chưa xác định —"),
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Kênh tiếp cận nạn nhân"),
        choices=[("", gettext_lazy("— Chưa rõ —")), *Channel.choices],
        required=False,
    )
    amount_lost = forms.CharField(
        label=gettext_lazy("Số tiền bị chiếm đoạt"), max_length=60, help_text=MONEY_HELP
    )
    amount_recovered = forms.CharField(
        label=gettext_lazy("Số tiền đã thu hồi"), max_length=60, required=False, help_text=MONEY_HELP
    )
    victim_group = forms.ChoiceField(
        label=gettext_lazy("Nhóm nạn nhân"), choices=[("", gettext_lazy("— Chọn —")), *VictimGroup.choices]
    )
    age_band = forms.ChoiceField(
        label=gettext_lazy("Độ tuổi nạn nhân"), choices=AgeBand.choices, initial=AgeBand.UNKNOWN
    )
    offender_abroad = forms.ChoiceField(
        label=gettext_lazy("Đối tượng hoạt động"),
        choices=OffenderAbroad.choices,
        initial=OffenderAbroad.UNKNOWN,
    )
    external_ref = forms.CharField(label=gettext_lazy("Số hồ sơ, số tin báo"), max_length=60, required=False)
    summary = forms.CharField(
        label=gettext_lazy("Tóm tắt diễn biến"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Thủ đoạn, diễn biến, số lần chuyển tiền. Không ghi thông tin cá nhân của nạn nhân ở đây."
        ),
    )
    # recording only
    status = forms.ChoiceField(
        label=gettext_lazy("Tình trạng"),
        choices=CaseStatus.choices,
        initial=CaseStatus.REPORTED,
        required=False,
    )
    closure_reason = forms.ChoiceField(
        label=gettext_lazy("Lý do kết thúc"), choices=[("", "—"), *ClosureReason.choices], required=False
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Đã xác minh có dấu hiệu lừa đảo: công bố các định danh ở trên là lừa đảo"),
        required=False,
    )
    identifiers = forms.CharField(
        label=gettext_lazy("Số điện thoại, tài khoản, đường link, tài khoản mạng xã hội đối tượng dùng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "autocomplete": "off"}),
        help_text=gettext_lazy(
            "Mỗi dòng một mục; vai trò ghi trong ngoặc ở cuối, ví dụ: “0912 345 678 (số gọi đến)”, "
            "“Techcombank 19036742185011 (tài khoản nhận tiền)”."
        ),
    )
    # investigators only
    victim_full_name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=150, required=False)
    victim_birth_year = forms.CharField(label=gettext_lazy("Năm sinh"), max_length=6, required=False)
    victim_phone = forms.CharField(label=gettext_lazy("Số điện thoại"), max_length=30, required=False)
    victim_id_number = forms.CharField(label=gettext_lazy("Số CCCD/CMND"), max_length=20, required=False)
    victim_address = forms.CharField(label=gettext_lazy("Địa chỉ"), max_length=300, required=False)

    CREATE_ONLY = ("status", "closure_reason", "confirm", "identifiers")
    VICTIM = ("victim_full_name", "victim_birth_year", "victim_phone", "victim_id_number", "victim_address")

    def __init__(self, *args, localities, police_units, creating: bool, with_victim: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.creating, self.with_victim = creating, with_victim
        self.fields["unit"].queryset = localities
        self.fields["handling_unit"].queryset = police_units
        self.fields["method"].queryset = methods()
        if not creating:
            for name in self.CREATE_ONLY:
                del self.fields[name]
        if not with_victim:
            for name in self.VICTIM:
                del self.fields[name]
        self.fields["reported_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["occurred_on"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["amount_lost"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        self.fields["amount_recovered"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    @property
    def victim_fields(self):
        return [self[name] for name in self.VICTIM if name in self.fields]

    @property
    def fact_fields(self):
        skip = set(self.VICTIM) | set(self.CREATE_ONLY)
        return [field for field in self if field.name not in skip]

    def clean_amount_lost(self):
        value = money_value(self.cleaned_data.get("amount_lost"), label=_("Số tiền bị chiếm đoạt"))
        if value is None:
            raise forms.ValidationError(_("Ghi số tiền bị chiếm đoạt (ghi 0 nếu chưa mất tiền)."))
        return value

    def clean_amount_recovered(self):
        return money_value(self.cleaned_data.get("amount_recovered"), label=_("Số tiền đã thu hồi")) or 0

    def clean_identifiers(self):
        return parse_identifier_lines(self.cleaned_data.get("identifiers", ""))

    def clean(self):
        data = super().clean()
        for field, message in rules.date_problems(data.get("reported_on"), data.get("occurred_on")).items():
            if field in data:
                self.add_error(field, message)
        for field, message in rules.amount_problems(
            data.get("amount_lost"), data.get("amount_recovered")
        ).items():
            if field in data:
                self.add_error(field, message)
        if self.creating:
            status = data.get("status") or CaseStatus.REPORTED
            data["status"] = status
            if status == CaseStatus.CLOSED and not data.get("closure_reason"):
                self.add_error("closure_reason", _("Vụ việc đã kết thúc: chọn lý do kết thúc."))
            if data.get("confirm") and data.get("closure_reason") == ClosureReason.NOT_FRAUD:
                self.add_error("confirm", _("Vụ việc không có dấu hiệu lừa đảo thì không xác minh được."))
        if self.with_victim:
            _clean, problems = rules.clean_victim(self.victim_data())
            for field, message in problems.items():
                self.add_error(f"victim_{field}", message)
        return data

    def victim_data(self) -> dict:
        source = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {name[len("victim_") :]: source.get(name, "") for name in self.VICTIM}

    def case_values(self) -> dict:
        from .services.cases import EDITABLE

        return {key: self.cleaned_data[key] for key in EDITABLE}


def victim_initial(victim) -> dict:
    if victim is None:
        return {}
    return {
        "victim_full_name": victim.full_name,
        "victim_birth_year": victim.birth_year or "",
        "victim_phone": victim.phone_display,
        "victim_id_number": victim.id_number,
        "victim_address": victim.address,
    }


def case_initial(case) -> dict:
    return {
        "reported_on": case.reported_on,
        "occurred_on": case.occurred_on,
        "unit": case.unit_id,
        "handling_unit": case.handling_unit_id,
        "method": case.method_id,
        "channel": case.channel,
        "amount_lost": f"{case.amount_lost:,}".replace(",", "."),
        "amount_recovered": f"{case.amount_recovered:,}".replace(",", ".") if case.amount_recovered else "",
        "victim_group": case.victim_group,
        "age_band": case.age_band,
        "offender_abroad": case.offender_abroad,
        "external_ref": case.external_ref,
        "summary": case.summary,
    }


class StatusForm(StyledForm):
    status = forms.ChoiceField(label=gettext_lazy("Chuyển sang"), choices=())
    closure_reason = forms.ChoiceField(
        label=gettext_lazy("Lý do kết thúc"), choices=[("", "—"), *ClosureReason.choices], required=False
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú, căn cứ"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Bắt buộc khi kết thúc vì không có dấu hiệu lừa đảo."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s, CaseStatus(s).label) for s in case.next_statuses()]


class LinkForm(StyledForm):
    identifier = forms.CharField(
        label=gettext_lazy("Số điện thoại, số tài khoản, đường link hoặc tài khoản mạng xã hội"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    note = forms.CharField(label=gettext_lazy("Vai trò trong vụ việc"), max_length=200, required=False)

    def clean_identifier(self):
        found = parse_identifier_lines(self.cleaned_data["identifier"])
        if not found:
            raise forms.ValidationError(_("Ghi một định danh."))
        return found[0][0]


class UnlinkForm(StyledForm):
    reason = forms.CharField(label=gettext_lazy("Lý do gỡ"), max_length=500, min_length=10)


class ConfirmForm(StyledForm):
    note = forms.CharField(label=gettext_lazy("Căn cứ xác minh"), required=False, max_length=1000)


BASIS_CHOICES = [("occurred", gettext_lazy("Ngày xảy ra")), ("reported", gettext_lazy("Ngày tiếp nhận"))]


class CaseFilterForm(StyledForm):
    q = forms.CharField(label=gettext_lazy("Tìm"), required=False, max_length=300)
    date_from = forms.DateField(label=gettext_lazy("Từ ngày"), required=False, widget=VnDateInput())
    date_to = forms.DateField(label=gettext_lazy("Đến ngày"), required=False, widget=VnDateInput())
    basis = forms.ChoiceField(label=gettext_lazy("Tính theo"), choices=BASIS_CHOICES, required=False)
    method = MethodChoiceField(
        label=gettext_lazy("Phương thức"),
        queryset=ScamMethod.objects.none(),
        required=False,
        empty_label=gettext_lazy("Tất cả"),
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Kênh"),
        choices=[("", gettext_lazy("Tất cả")), *Channel.choices, ("none", gettext_lazy("Chưa rõ"))],
        required=False,
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Địa bàn"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=gettext_lazy("Tất cả"),
    )
    victim_group = forms.ChoiceField(
        label=gettext_lazy("Nhóm nạn nhân"),
        choices=[("", gettext_lazy("Tất cả")), *VictimGroup.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Tình trạng"),
        choices=[("", gettext_lazy("Tất cả")), *CaseStatus.choices],
        required=False,
    )
    amount_min = forms.CharField(label=gettext_lazy("Số tiền từ"), required=False, max_length=40)
    amount_max = forms.CharField(label=gettext_lazy("đến"), required=False, max_length=40)
    confirmed = forms.ChoiceField(
        label=gettext_lazy("Xác minh lừa đảo"),
        choices=[
            ("", gettext_lazy("Tất cả")),
            ("yes", gettext_lazy("Đã xác minh")),
            ("no", gettext_lazy("Chưa xác minh")),
        ],
        required=False,
    )
    abroad = forms.ChoiceField(
        label=gettext_lazy("Đối tượng"),
        choices=[("", gettext_lazy("Tất cả")), *OffenderAbroad.choices],
        required=False,
    )

    def __init__(self, *args, localities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].queryset = methods()
        self.fields["unit"].queryset = localities

    def clean_amount_min(self):
        return money_value(self.cleaned_data.get("amount_min"), label=_("Số tiền từ"))

    def clean_amount_max(self):
        return money_value(self.cleaned_data.get("amount_max"), label=_("Số tiền đến"))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("“Đến ngày” phải sau hoặc bằng “Từ ngày”."))
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error("amount_max", _("Số tiền “đến” phải lớn hơn hoặc bằng số tiền “từ”."))
        return data


class StatsForm(StyledForm):
    date_from = forms.DateField(label=gettext_lazy("Từ ngày"), required=False, widget=VnDateInput())
    date_to = forms.DateField(label=gettext_lazy("Đến ngày"), required=False, widget=VnDateInput())
    basis = forms.ChoiceField(label=gettext_lazy("Tính theo"), choices=BASIS_CHOICES, required=False)
    compare_year = forms.IntegerField(
        label=gettext_lazy("So với cùng kỳ năm"), required=False, min_value=2000, max_value=2100
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Địa bàn"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=gettext_lazy("Toàn bộ phạm vi"),
    )
    months = forms.TypedChoiceField(
        label=gettext_lazy("Gia tăng: so sánh"),
        choices=[(3, gettext_lazy("3 tháng gần nhất")), (6, gettext_lazy("6 tháng gần nhất"))],
        coerce=int,
        required=False,
    )

    def __init__(self, *args, localities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = localities

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        start = data.get("date_from") or dt.date(today.year, 1, 1)
        end = data.get("date_to") or today
        if start > end:
            self.add_error("date_to", _("“Đến ngày” phải sau hoặc bằng “Từ ngày”."))
        elif (end - start).days > 366 * 10:
            self.add_error("date_from", _("Chọn khoảng thời gian không quá 10 năm."))
        data["start"], data["end"] = start, end
        data["basis"] = data.get("basis") or "occurred"
        data["months"] = data.get("months") or 3
        return data


class ImportUploadForm(StyledForm):
    file = forms.FileField(
        label=gettext_lazy("Tệp sổ vụ việc"),
        help_text=gettext_lazy(
            "Excel (.xlsx, .xls) hoặc CSV; có thể có dòng tiêu đề, ô gộp, phông chữ TCVN3 hoặc VNI."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(KINDS)}),
    )
    unit = forms.ModelChoiceField(label=gettext_lazy("Địa bàn của các vụ việc"), queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
