from __future__ import annotations

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from canhgiac.core.forms import VnDateInput
from canhgiac.core.money import MoneyError, parse_money
from canhgiac.knowledge.models import Channel, ScamMethod

from .identifiers import Parsed, classify
from .models import AllowlistEntry, Dispute, Identifier

MIN_FILL_SECONDS = (
    3  # a person needs more than this to fill a form; settings.SCAMCHECK_MIN_FILL_SECONDS overrides
)
FORM_TTL = 6 * 60 * 60
_SIGNER_SALT = "scamcheck.form-started"


def min_fill_seconds() -> int:
    return int(getattr(settings, "SCAMCHECK_MIN_FILL_SECONDS", MIN_FILL_SECONDS))


class BootstrapForm(forms.Form):
    """Bootstrap classes on every widget, and "is-invalid" on the fields that have errors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class HumanCheckMixin(BootstrapForm):
    """Abuse control without third-party CAPTCHAs: a honeypot field and a minimum time to fill the form."""

    website = forms.CharField(
        required=False,
        label=_("Trang web"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["started"] = signing.TimestampSigner(salt=_SIGNER_SALT).sign(str(int(time.time())))

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Không gửi được biểu mẫu. Vui lòng tải lại trang và thử lại."))
        token = self.data.get(self.add_prefix("started"), "")
        try:
            signing.TimestampSigner(salt=_SIGNER_SALT).unsign(token, max_age=FORM_TTL)
            started = int(token.split(":", 1)[0])
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("Biểu mẫu đã hết hạn. Thông tin bạn nhập vẫn còn đây, hãy kiểm tra lại rồi bấm gửi.")
            ) from None
        if time.time() - started < min_fill_seconds():
            raise forms.ValidationError(
                _("Bạn gửi hơi nhanh. Hãy kiểm tra lại thông tin rồi bấm gửi lần nữa.")
            )
        return data


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class CheckForm(BootstrapForm):
    q = forms.CharField(
        label=_("Số điện thoại, số tài khoản, đường link hoặc nội dung tin nhắn"),
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": _("Hãy dán số điện thoại, số tài khoản, đường link hoặc tin nhắn cần kiểm tra.")
        },
    )


def parse_identifier_lines(text: str) -> list[Parsed]:
    """One identifier per line, as typed; ValidationError naming each line it could not read."""
    parsed: list[Parsed] = []
    errors = []
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        found = classify(line[:300])
        if not found:
            errors.append(
                _(
                    "Dòng %(n)d (“%(line)s”) không nhận ra là số điện thoại, số tài khoản, đường link hay tài khoản mạng xã hội."
                )
                % {"n": number, "line": line[:60]}
            )
            continue
        first = found[0]
        if first.kind == "social" and len(found) > 1 and line.startswith("@"):
            errors.append(
                _("Dòng %(n)d (“%(line)s”): ghi rõ “telegram %(line)s” hoặc “tiktok %(line)s”.")
                % {"n": number, "line": line[:40]}
            )
            continue
        if all((p.kind, p.value, p.qualifier) != (first.kind, first.value, first.qualifier) for p in parsed):
            parsed.append(first)
    if errors:
        raise forms.ValidationError(errors)
    return parsed


class ReportForm(HumanCheckMixin):
    class Contact:
        ANONYMOUS = "anonymous"
        NAMED = "named"

    identifiers = forms.CharField(
        label=_("Số điện thoại, số tài khoản, đường link, tài khoản mạng xã hội của kẻ gian"),
        help_text=_(
            "Mỗi dòng một mục. Số tài khoản nên ghi kèm tên ngân hàng, ví dụ: “Vietcombank 0011 0041 23456”."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": _(
                "Hãy nhập ít nhất một số điện thoại, số tài khoản, đường link hoặc tài khoản mạng xã hội."
            )
        },
    )
    message_text = forms.CharField(
        label=_("Nội dung tin nhắn nhận được (nếu có)"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    method = forms.ModelChoiceField(
        label=_("Thủ đoạn"),
        queryset=ScamMethod.objects.none(),
        required=False,
        empty_label=_("Chưa rõ"),
    )
    channel = forms.ChoiceField(label=_("Kẻ gian liên hệ qua"), choices=Channel.choices, initial=Channel.SMS)
    occurred_on = forms.DateField(label=_("Ngày xảy ra"), required=False, widget=VnDateInput())
    amount_lost = forms.CharField(
        label=_("Số tiền bị mất (đồng)"),
        required=False,
        max_length=24,
        help_text=_("Để trống nếu bạn chưa mất tiền. Ví dụ: 5.000.000"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    description = forms.CharField(
        label=_("Diễn biến sự việc"),
        required=False,
        max_length=10_000,
        help_text=_(
            "Kẻ gian đã nói gì, yêu cầu gì, bạn đã làm gì. Nội dung này chỉ Công an đọc, không công khai."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    images = MultipleImageField(
        label=_("Ảnh chụp màn hình, ảnh bằng chứng (tối đa 5 ảnh)"),
        required=False,
        help_text=_(
            "JPG, PNG hoặc WebP, mỗi ảnh đến 8 MB. Thông tin vị trí, thiết bị trong ảnh được tự động xóa."
        ),
    )
    unit = forms.ModelChoiceField(
        label=_("Nơi bạn sinh sống (xã, phường)"),
        queryset=None,
        required=False,
        empty_label=_("Không muốn cho biết"),
    )
    contact = forms.ChoiceField(
        label=_("Thông tin liên hệ"),
        choices=[
            (Contact.ANONYMOUS, _("Gửi ẩn danh")),
            (Contact.NAMED, _("Để lại thông tin để Công an liên hệ khi cần")),
        ],
        initial=Contact.ANONYMOUS,
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(label=_("Họ và tên"), required=False, max_length=120)
    reporter_phone = forms.CharField(label=_("Số điện thoại"), required=False, max_length=20)
    reporter_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    contact_consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để Công an dùng thông tin này liên hệ với tôi về phản ánh (Nghị định 13/2023/NĐ-CP)."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from canhgiac.org.models import Unit

        self.fields["method"].queryset = ScamMethod.objects.published().order_by("number", "name")
        self.fields["unit"].queryset = Unit.objects.filter(
            kind__in=["ward", "commune", "special_zone"]
        ).order_by("name")

    def clean_identifiers(self):
        return parse_identifier_lines(self.cleaned_data["identifiers"])

    def clean_amount_lost(self):
        try:
            return parse_money(self.cleaned_data.get("amount_lost"))
        except MoneyError as exc:
            if exc.code == "negative":
                raise forms.ValidationError(_("Số tiền không thể âm.")) from None
            raise forms.ValidationError(
                _("Chưa đọc được số tiền. Ghi số tiền bằng chữ số, ví dụ 5.000.000, 5 triệu hoặc 1,2 tỷ.")
            ) from None

    def clean(self):
        data = super().clean()
        if data.get("contact") == self.Contact.NAMED:
            if not (data.get("reporter_phone") or data.get("reporter_email")):
                self.add_error(
                    "reporter_phone", _("Hãy để lại số điện thoại hoặc thư điện tử, hoặc chọn gửi ẩn danh.")
                )
            if not data.get("contact_consent"):
                self.add_error("contact_consent", _("Hãy đồng ý để Công an liên hệ, hoặc chọn gửi ẩn danh."))
        if not (data.get("description") or "").strip() and not (data.get("message_text") or "").strip():
            self.add_error("description", _("Hãy kể lại sự việc hoặc dán nội dung tin nhắn nhận được."))
        return data


class TrackForm(BootstrapForm):
    ma = forms.CharField(
        label=_("Mã theo dõi"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "PA-XXXX-XXXX"}),
    )

    def clean_ma(self):
        code = re.sub(r"\s", "", self.cleaned_data["ma"]).upper()
        if not re.fullmatch(r"(PA|KN)-[A-Z0-9]{4}-[A-Z0-9]{4}", code):
            raise forms.ValidationError(
                _("Mã theo dõi có dạng PA-XXXX-XXXX (phản ánh) hoặc KN-XXXX-XXXX (khiếu nại).")
            )
        return code


class DisputeForm(HumanCheckMixin):
    identifier = forms.CharField(
        label=_("Số điện thoại, số tài khoản, đường link hoặc tài khoản bị đưa vào danh sách"),
        max_length=300,
    )
    relation = forms.ChoiceField(
        label=_("Bạn là"),
        choices=Dispute.Relation.choices,
        widget=forms.RadioSelect,
        initial=Dispute.Relation.OWNER,
    )
    claimant_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    claimant_phone = forms.CharField(label=_("Số điện thoại liên hệ"), required=False, max_length=20)
    claimant_email = forms.EmailField(label=_("Thư điện tử"), required=False)
    statement = forms.CharField(
        label=_("Trình bày"),
        max_length=10_000,
        help_text=_("Vì sao định danh này là của bạn, bạn dùng vào việc gì, từ khi nào."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    images = MultipleImageField(
        label=_("Ảnh bằng chứng (bắt buộc, tối đa 5 ảnh)"),
        required=False,
        help_text=_(
            "Ví dụ: ảnh thông tin thuê bao trong ứng dụng nhà mạng, ảnh sao kê, giấy đăng ký kinh doanh."
        ),
    )
    consent = forms.BooleanField(
        label=_("Tôi cam đoan thông tin là đúng sự thật và đồng ý để Công an liên hệ xác minh."),
        required=False,
    )

    def clean_identifier(self):
        found = classify(self.cleaned_data["identifier"])
        if not found:
            raise forms.ValidationError(_("Không nhận ra định danh này. Nhập đúng như khi tra cứu."))
        return found[0]


class VerifyForm(BootstrapForm):
    identifiers = forms.ModelMultipleChoiceField(
        label=_("Định danh được xác minh"),
        queryset=Identifier.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    method = forms.ModelChoiceField(
        label=_("Thủ đoạn"),
        queryset=ScamMethod.objects.none(),
        required=False,
        empty_label=_("Giữ như phản ánh"),
    )
    reason = forms.CharField(
        label=_("Căn cứ xác minh (công khai)"),
        help_text=_("Người dân sẽ đọc câu này khi tra cứu. Không ghi thông tin cá nhân của người phản ánh."),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    public_note = forms.CharField(label=_("Lời nhắn cho người phản ánh"), required=False, max_length=500)

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["identifiers"].queryset = (
            report.identifiers.all() if report else Identifier.objects.none()
        )
        self.fields["method"].queryset = ScamMethod.objects.order_by("number", "name")
        if report is not None and not self.is_bound:
            self.initial["identifiers"] = list(report.identifiers.values_list("pk", flat=True))


class RejectForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do không chấp nhận (nội bộ)"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    public_note = forms.CharField(label=_("Lời nhắn cho người phản ánh"), required=False, max_length=500)


class MergeForm(BootstrapForm):
    into = forms.CharField(
        label=_("Gộp vào phản ánh có mã"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "PA-XXXX-XXXX"}),
    )
    reason = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def clean_into(self):
        return re.sub(r"\s", "", self.cleaned_data["into"]).upper()


class ListingActionForm(BootstrapForm):
    ACTIONS = [
        ("verify", _("Xác minh là lừa đảo")),
        ("confirm", _("Đã xem xét lại: giữ nguyên xác minh")),
        ("clear", _("Gỡ khỏi danh sách")),
    ]
    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)
    method = forms.ModelChoiceField(
        label=_("Thủ đoạn"), queryset=ScamMethod.objects.none(), required=False, empty_label=_("Chưa rõ")
    )
    reason = forms.CharField(label=_("Căn cứ"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].queryset = ScamMethod.objects.order_by("number", "name")


class DisputeDecisionForm(BootstrapForm):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[("uphold", _("Chấp nhận: gỡ khỏi danh sách")), ("reject", _("Không chấp nhận: giữ nguyên"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Căn cứ quyết định (người khiếu nại sẽ đọc)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class AllowlistForm(BootstrapForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=AllowlistEntry.Kind.choices)
    raw = forms.CharField(label=_("Số, tài khoản, tên miền hoặc tên thương hiệu"), max_length=300)
    organisation = forms.CharField(label=_("Cơ quan, tổ chức sở hữu"), max_length=200)
    category = forms.ChoiceField(label=_("Nhóm"), choices=AllowlistEntry.Category.choices)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=300)


class AllowlistEditForm(BootstrapForm):
    organisation = forms.CharField(label=_("Cơ quan, tổ chức sở hữu"), max_length=200)
    category = forms.ChoiceField(label=_("Nhóm"), choices=AllowlistEntry.Category.choices)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=300)
