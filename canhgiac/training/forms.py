from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from canhgiac.core.images import clean_image
from canhgiac.knowledge.filetypes import detect_format
from canhgiac.knowledge.models import ScamMethod

from .models import Course, Difficulty, Lesson, Option, Question, Quiz
from .sanitize import clean_html

VIDEO_FORMATS = {"mp4", "webm"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_VIDEO_BYTES = 200 * 1024 * 1024


class Bootstrap:
    """Give every widget its Bootstrap class (form-control, form-select or form-check-input)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()


class CodeEntryForm(forms.Form):
    code = forms.CharField(
        label=_("Mã cá nhân"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "placeholder": "VD: ABCD-EFGH",
                "class": "form-control form-control-lg text-center code-input",
            }
        ),
        help_text=_("8 ký tự in trên phiếu đơn vị phát cho bạn; không phân biệt chữ hoa, chữ thường."),
    )


class LessonForm(Bootstrap, forms.ModelForm):
    methods = forms.ModelMultipleChoiceField(
        label=_("Phương thức lừa đảo"),
        queryset=ScamMethod.objects.order_by("number", "name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Lesson
        fields = [
            "title",
            "slug",
            "order",
            "summary",
            "body",
            "methods",
            "minutes",
            "image",
            "image_caption",
            "video",
            "is_published",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 16, "class": "font-monospace small"})}
        help_texts = {
            "body": _(
                "Viết bằng HTML đơn giản: <h3>, <p>, <ul>/<ol>/<li>, <strong>, <em>, <a href>, <blockquote>, bảng. "
                "Thẻ và thuộc tính khác (script, style, sự kiện) bị loại bỏ khi lưu."
            )
        }

    def clean_body(self):
        body = clean_html(self.cleaned_data.get("body"))
        if not body:
            raise ValidationError(_("Bài học cần có nội dung."))
        return body

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if not image or not hasattr(image, "content_type"):
            return image  # unchanged
        # Checked by content, turned upright, saved again from pixels: no EXIF, GPS or hidden payload.
        content, _facts = clean_image(image, max_bytes=MAX_IMAGE_BYTES)
        return content

    def clean_video(self):
        video = self.cleaned_data.get("video")
        if not video or not hasattr(video, "content_type"):
            return video
        if video.size > MAX_VIDEO_BYTES:
            raise ValidationError(_("Video lớn hơn 200 MB. Hãy nén video hoặc cắt ngắn rồi tải lên lại."))
        try:
            kind = detect_format(video, video.name)
        except ValidationError:
            kind = None
        if kind not in VIDEO_FORMATS:
            raise ValidationError(
                _("Chỉ nhận video MP4 hoặc WebM (kiểm tra theo nội dung tệp, không theo tên).")
            )
        video.seek(0)
        return video


class CourseForm(Bootstrap, forms.ModelForm):
    class Meta:
        model = Course
        fields = ["title", "slug", "summary", "is_published"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}


class QuestionForm(Bootstrap, forms.ModelForm):
    scenario_text = forms.CharField(
        label=_("Hội thoại tình huống"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Mỗi dòng một tin nhắn. Dòng bắt đầu bằng “Tôi:” là tin của người nhận; các dòng khác là tin từ người gửi."
        ),
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "method",
            "difficulty",
            "text",
            "scenario_channel",
            "scenario_sender",
            "explanation",
            "is_active",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].queryset = ScamMethod.objects.order_by("number", "name")
        if self.instance.pk and not self.is_bound:
            lines = []
            for message in self.instance.scenario_messages or []:
                prefix = "Tôi: " if message.get("from") == "me" else ""
                lines.append(prefix + message.get("text", "").replace("\n", " "))
            self.initial["scenario_text"] = "\n".join(lines)

    def clean(self):
        data = super().clean()
        messages = []
        for line in (data.get("scenario_text") or "").splitlines():
            line = line.strip()
            if not line:
                continue
            if line.lower().startswith("tôi:"):
                messages.append({"from": "me", "text": line[4:].strip()})
            else:
                messages.append({"from": "them", "text": line})
        if data.get("kind") == Question.Kind.SCENARIO:
            if not messages:
                self.add_error("scenario_text", _("Câu hỏi tình huống cần ít nhất một tin nhắn."))
            if not data.get("scenario_channel"):
                self.add_error(
                    "scenario_channel", _("Hãy chọn kênh hiển thị (SMS hoặc ứng dụng trò chuyện).")
                )
        data["scenario_messages"] = messages
        return data

    def save(self, commit=True):
        self.instance.scenario_messages = self.cleaned_data.get("scenario_messages", [])
        return super().save(commit=commit)


class BaseOptionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            f
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("text")
        ]
        kind = getattr(self.instance, "kind", None) or (self.data.get("kind") if self.data else None)
        if len(kept) < 2:
            raise ValidationError(_("Câu hỏi cần ít nhất hai phương án trả lời."))
        correct = sum(1 for f in kept if f.cleaned_data.get("is_correct"))
        if correct == 0:
            raise ValidationError(_("Hãy đánh dấu ít nhất một phương án đúng."))
        if kind != Question.Kind.MULTIPLE and correct != 1:
            raise ValidationError(
                _(
                    "Loại câu hỏi này chỉ có đúng một phương án đúng; dùng loại “Nhiều đáp án đúng” nếu cần nhiều hơn."
                )
            )


class OptionForm(Bootstrap, forms.ModelForm):
    class Meta:
        model = Option
        fields = ["text", "is_correct", "order"]

    def has_changed(self):
        # A new row left without text is an unused extra row, whatever its order or tick says.
        if not self.instance.pk and not (self.data.get(self.add_prefix("text")) or "").strip():
            return False
        return super().has_changed()


OptionFormSet = inlineformset_factory(
    Question,
    Option,
    form=OptionForm,
    formset=BaseOptionFormSet,
    fields=["text", "is_correct", "order"],
    extra=2,
    can_delete=True,
    max_num=8,
    validate_max=True,
)


class QuizForm(Bootstrap, forms.ModelForm):
    methods = forms.ModelMultipleChoiceField(
        label=_("Phương thức"),
        queryset=ScamMethod.objects.order_by("number", "name"),
        required=False,
        help_text=_("Để trống: lấy câu hỏi của mọi phương thức."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    difficulties = forms.TypedMultipleChoiceField(
        label=_("Độ khó"),
        choices=Difficulty.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Để trống: mọi độ khó."),
    )
    weights_text = forms.CharField(
        label=_("Trọng số theo phương thức"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Mỗi dòng “mã-phương-thức = trọng số”, ví dụ “dau-tu-tai-chinh-tien-ao = 3”. Mặc định là 1."
        ),
    )

    class Meta:
        model = Quiz
        fields = [
            "title", "slug", "kind", "instructions", "methods", "difficulties", "weight_by_incidents", "question_count",
            "time_limit_minutes", "pass_mark", "max_attempts", "opens_at", "closes_at", "is_published",
        ]  # fmt: skip
        widgets = {
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "opens_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "closes_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.method_weights and not self.is_bound:
            self.initial["weights_text"] = "\n".join(
                f"{k} = {v:g}" for k, v in self.instance.method_weights.items()
            )

    def clean_weights_text(self):
        slugs = set(ScamMethod.objects.values_list("slug", flat=True))
        weights = {}
        for number, line in enumerate((self.cleaned_data.get("weights_text") or "").splitlines(), start=1):
            if not line.strip():
                continue
            slug, sep, value = line.partition("=")
            slug = slug.strip()
            try:
                weight = float(value.strip().replace(",", "."))
            except ValueError:
                weight = -1
            if not sep or slug not in slugs or not 0 <= weight <= 100:
                raise ValidationError(
                    _(
                        "Dòng %(n)s chưa đúng: cần “mã-phương-thức = số từ 0 đến 100” với mã có trong danh mục."
                    )
                    % {"n": number}
                )
            weights[slug] = weight
        return weights

    def clean_pass_mark(self):
        value = self.cleaned_data["pass_mark"]
        if not 1 <= value <= 100:
            raise ValidationError(_("Điểm đạt là phần trăm, từ 1 đến 100."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("Thời điểm đóng phải sau thời điểm mở."))
        for name, low, high, label in (
            ("question_count", 1, 100, _("Số câu hỏi")),
            ("time_limit_minutes", 1, 240, _("Thời gian làm bài")),
            ("max_attempts", 1, 20, _("Số lần làm")),
        ):
            value = data.get(name)
            if value is not None and not low <= value <= high:
                self.add_error(name, _("%(l)s phải từ %(a)s đến %(b)s.") % {"l": label, "a": low, "b": high})
        return data

    def save(self, commit=True):
        self.instance.difficulties = sorted(self.cleaned_data.get("difficulties") or [])
        self.instance.method_weights = self.cleaned_data.get("weights_text") or {}
        return super().save(commit=commit)


class IssueAccessForm(Bootstrap, forms.Form):
    days = forms.IntegerField(
        label=_("Thời hạn (ngày)"), min_value=1, max_value=730, initial=180, help_text=_("Từ 1 đến 730 ngày.")
    )
    confirm = forms.BooleanField(
        label=_("Tôi hiểu: đường dẫn và mã cũ của những người này sẽ hết hiệu lực."), required=True
    )


class RevokeCertificateForm(Bootstrap, forms.Form):
    reason = forms.CharField(label=_("Lý do thu hồi"), max_length=300)


class VerifyForm(Bootstrap, forms.Form):
    code = forms.CharField(
        label=_("Mã xác minh"), max_length=20, widget=forms.TextInput(attrs={"placeholder": "CN-ABCD-EFGH"})
    )
