"""Training: courses and lessons, the question bank, quizzes, attempts and answers, results, certificates,
and the password-free personal links/codes by which staff members reach them."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canhgiac.core.models import TimeStamped
from canhgiac.core.roles import READ_ROLES
from canhgiac.core.scoping import scope_q
from canhgiac.core.text import fold


class Difficulty(models.IntegerChoices):
    EASY = 1, _("Dễ")
    MEDIUM = 2, _("Trung bình")
    HARD = 3, _("Khó")


# --- courses and lessons -------------------------------------------------------------------------------


class Course(TimeStamped):
    """A course: lessons to read, a pre-test (needs assessment) and a post-test that earns a certificate."""

    slug = models.SlugField(_("mã khóa học"), max_length=80, unique=True)
    title = models.CharField(_("tên khóa học"), max_length=200)
    summary = models.TextField(_("giới thiệu"), blank=True)
    is_published = models.BooleanField(_("đang mở cho học viên"), default=False)
    source_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("khóa học")
        verbose_name_plural = _("khóa học")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course_detail", args=[self.slug])


class Lesson(TimeStamped):
    course = models.ForeignKey(
        Course, verbose_name=_("khóa học"), on_delete=models.CASCADE, related_name="lessons"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    slug = models.SlugField(_("mã bài học"), max_length=80)
    title = models.CharField(_("tên bài học"), max_length=200)
    summary = models.CharField(_("tóm tắt"), max_length=400, blank=True)
    body = models.TextField(
        _("nội dung"), help_text=_("Văn bản định dạng; mã HTML ngoài danh sách cho phép bị loại bỏ.")
    )
    methods = models.ManyToManyField(
        "knowledge.ScamMethod", verbose_name=_("phương thức lừa đảo"), blank=True, related_name="lessons"
    )
    image = models.ImageField(_("ảnh minh họa"), upload_to="training/lessons/%Y/", blank=True)
    image_caption = models.CharField(_("chú thích ảnh"), max_length=200, blank=True)
    video = models.FileField(_("video"), upload_to="training/videos/%Y/", blank=True)
    minutes = models.PositiveSmallIntegerField(_("thời lượng đọc (phút)"), default=5)
    is_published = models.BooleanField(_("đã công bố"), default=True)
    source_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = _("bài học")
        ordering = ["course", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["course", "slug"], name="lesson_unique_slug")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:lesson_detail", args=[self.course.slug, self.slug])


# --- question bank -------------------------------------------------------------------------------------


class QuestionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Question(TimeStamped):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Một đáp án đúng")
        MULTIPLE = "multiple", _("Nhiều đáp án đúng")
        TRUE_FALSE = "true_false", _("Đúng / Sai")
        SCENARIO = "scenario", _("Tình huống: đây có phải lừa đảo?")

    class Channel(models.TextChoices):
        SMS = "sms", _("Tin nhắn SMS")
        CHAT = "chat", _("Ứng dụng trò chuyện (Zalo, Messenger, Telegram)")

    kind = models.CharField(_("loại câu hỏi"), max_length=12, choices=Kind.choices, default=Kind.SINGLE)
    method = models.ForeignKey(
        "knowledge.ScamMethod",
        verbose_name=_("phương thức"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    difficulty = models.PositiveSmallIntegerField(
        _("độ khó"), choices=Difficulty.choices, default=Difficulty.MEDIUM
    )
    text = models.TextField(_("câu hỏi"))
    explanation = models.TextField(_("giải thích"), help_text=_("Hiện cho học viên sau khi nộp bài."))
    scenario_channel = models.CharField(
        _("kênh tình huống"), max_length=8, choices=Channel.choices, blank=True
    )
    scenario_sender = models.CharField(_("người gửi hiển thị"), max_length=100, blank=True)
    scenario_messages = models.JSONField(
        _("các tin nhắn"),
        default=list,
        blank=True,
        help_text=_("Danh sách tin nhắn: {“from”: “them” hoặc “me”, “text”: “...”}."),
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)
    source_key = models.CharField(max_length=80, blank=True, editable=False)
    search_text = models.TextField(editable=False, default="")

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("ngân hàng câu hỏi")
        ordering = ["method__number", "difficulty", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"], condition=~Q(source_key=""), name="question_unique_source_key"
            )
        ]
        indexes = [models.Index(fields=["method", "difficulty", "is_active"])]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:
        texts = [self.text, self.explanation, self.scenario_sender]
        texts += [m.get("text", "") for m in self.scenario_messages or [] if isinstance(m, dict)]
        self.search_text = fold(" ".join(texts))

    @property
    def is_multiple(self) -> bool:
        return self.kind == self.Kind.MULTIPLE


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("phương án"), max_length=400)
    is_correct = models.BooleanField(_("đúng"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("phương án trả lời")
        verbose_name_plural = _("phương án trả lời")
        ordering = ["question", "order", "id"]

    def __str__(self):
        return self.text


# --- quizzes -------------------------------------------------------------------------------------------


class Quiz(TimeStamped):
    class Kind(models.TextChoices):
        PRE = "pre", _("Kiểm tra đầu vào (đánh giá nhu cầu)")
        POST = "post", _("Kiểm tra cuối khóa")
        PRACTICE = "practice", _("Luyện tập")

    course = models.ForeignKey(
        Course, verbose_name=_("khóa học"), on_delete=models.CASCADE, related_name="quizzes"
    )
    kind = models.CharField(_("loại bài kiểm tra"), max_length=10, choices=Kind.choices, default=Kind.POST)
    slug = models.SlugField(_("mã bài kiểm tra"), max_length=80, unique=True)
    title = models.CharField(_("tên bài kiểm tra"), max_length=200)
    instructions = models.TextField(_("hướng dẫn"), blank=True)
    methods = models.ManyToManyField(
        "knowledge.ScamMethod",
        verbose_name=_("phương thức"),
        blank=True,
        help_text=_("Để trống: lấy câu hỏi của mọi phương thức."),
        related_name="+",
    )
    difficulties = models.JSONField(
        _("độ khó"), default=list, blank=True, help_text=_("Để trống: mọi độ khó.")
    )
    method_weights = models.JSONField(
        _("trọng số theo phương thức"),
        default=dict,
        blank=True,
        help_text=_("{mã phương thức: trọng số}; phương thức có trọng số cao được hỏi nhiều hơn."),
    )
    weight_by_incidents = models.BooleanField(
        _("hỏi nhiều hơn về phương thức đang xảy ra"),
        default=False,
        help_text=_(
            "Tăng số câu về các phương thức có nhiều vụ việc trong 12 tháng qua và đang gia tăng (theo sổ vụ việc "
            "của Công an tỉnh). Mọi phương thức vẫn có mặt."
        ),
    )
    question_count = models.PositiveSmallIntegerField(_("số câu hỏi"), default=20)
    time_limit_minutes = models.PositiveSmallIntegerField(_("thời gian làm bài (phút)"), default=20)
    pass_mark = models.PositiveSmallIntegerField(_("điểm đạt (%)"), default=70)
    max_attempts = models.PositiveSmallIntegerField(_("số lần làm tối đa"), default=3)
    opens_at = models.DateTimeField(_("mở từ"), null=True, blank=True)
    closes_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    is_published = models.BooleanField(_("đang mở"), default=False)
    source_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("bài kiểm tra")
        verbose_name_plural = _("bài kiểm tra")
        ordering = ["course", "kind", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(pass_mark__lte=100), name="quiz_pass_mark_percent"),
            models.CheckConstraint(condition=Q(question_count__gte=1), name="quiz_has_questions"),
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True)
                | Q(closes_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="quiz_closes_after_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.is_published:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    @property
    def grants_certificate(self) -> bool:
        return self.kind == self.Kind.POST


# --- attempts ------------------------------------------------------------------------------------------


class AttemptQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "unit", roles=roles))

    def submitted(self):
        return self.exclude(submitted_at__isnull=True)

    def overdue(self, now=None):
        return self.filter(submitted_at__isnull=True, deadline__lte=now or timezone.now())


class Attempt(models.Model):
    """One sitting of a quiz by a person: the drawn questions in their shuffled order, then the grade."""

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="quiz_attempts")
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đơn vị của người làm bài khi bắt đầu."),
    )
    number = models.PositiveSmallIntegerField(_("lần làm"), default=1)
    started_at = models.DateTimeField(_("bắt đầu lúc"), default=timezone.now)
    deadline = models.DateTimeField(_("hạn nộp"))
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    auto_submitted = models.BooleanField(_("hệ thống tự nộp"), default=False)
    question_ids = models.JSONField(default=list)
    option_order = models.JSONField(default=dict)  # {"question id": [option ids in shown order]}
    correct_count = models.PositiveSmallIntegerField(default=0)
    question_count = models.PositiveSmallIntegerField(default=0)
    score = models.PositiveSmallIntegerField(_("điểm (%)"), null=True, blank=True)
    passed = models.BooleanField(_("đạt"), null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt làm bài")
        verbose_name_plural = _("lượt làm bài")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "person", "number"], name="attempt_unique_number"),
            models.UniqueConstraint(
                fields=["quiz", "person"], condition=Q(submitted_at__isnull=True), name="attempt_one_open"
            ),
        ]
        indexes = [models.Index(fields=["submitted_at", "deadline"]), models.Index(fields=["unit", "quiz"])]

    def __str__(self):
        return f"{self.person} — {self.quiz} (lần {self.number})"

    def get_absolute_url(self):
        return reverse("training:attempt_take", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None

    def seconds_left(self, now=None) -> int:
        now = now or timezone.now()
        return max(0, int((self.deadline - now).total_seconds()))

    @property
    def minutes_left(self) -> int:
        return -(-self.seconds_left() // 60)

    def is_overdue(self, now=None) -> bool:
        return self.submitted_at is None and (now or timezone.now()) >= self.deadline


class Answer(models.Model):
    """The options a person chose for one question of an attempt; one row per (attempt, question), upserted."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    selected = models.JSONField(default=list)  # option ids
    answered_at = models.DateTimeField(default=timezone.now)
    is_correct = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="answer_unique_question")]

    def __str__(self):
        return f"{self.attempt_id}/{self.question_id}: {self.selected}"


class AttemptMethodScore(models.Model):
    """The grade of one attempt on one method: the per-method score of results and dashboards."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="method_scores")
    method = models.ForeignKey("knowledge.ScamMethod", on_delete=models.PROTECT, related_name="+")
    correct = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "method"], name="method_score_unique")]

    def __str__(self):
        return f"{self.attempt_id}/{self.method_id}: {self.correct}/{self.total}"


class QuizResultQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "unit", roles=roles))


class QuizResult(models.Model):
    """A person's standing on a quiz, kept up to date at each grading: dashboards group these rows."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="results")
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="quiz_results")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Quiz.Kind.choices)
    attempts = models.PositiveSmallIntegerField(default=0)
    best_score = models.PositiveSmallIntegerField(default=0)
    first_score = models.PositiveSmallIntegerField(default=0)
    best_attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="best_of")
    passed = models.BooleanField(default=False)
    passed_at = models.DateTimeField(null=True, blank=True)

    objects = QuizResultQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["quiz", "person"], name="quiz_result_unique")]
        indexes = [models.Index(fields=["unit", "kind"])]

    def __str__(self):
        return f"{self.person_id}/{self.quiz_id}: {self.best_score}%"


# --- certificates --------------------------------------------------------------------------------------


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "person__unit", roles=roles))


class Certificate(models.Model):
    """Proof that a person passed a course. Names are copied so the certificate reads the same forever."""

    code = models.CharField(_("mã xác minh"), max_length=20, unique=True)
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="certificates")
    attempt = models.OneToOneField(Attempt, on_delete=models.PROTECT, related_name="certificate")
    person_name = models.CharField(_("họ và tên"), max_length=150)
    unit_name = models.CharField(_("đơn vị"), max_length=255)
    course_title = models.CharField(_("khóa học"), max_length=200)
    score = models.PositiveSmallIntegerField(_("điểm (%)"))
    issued_at = models.DateTimeField(_("cấp ngày"), default=timezone.now)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoke_reason = models.CharField(_("lý do thu hồi"), max_length=300, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = _("giấy chứng nhận")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "course"], name="certificate_one_per_course")
        ]

    def __str__(self):
        return f"{self.code} — {self.person_name}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    def get_verify_url(self):
        return reverse("training:verify", args=[self.code])


# --- password-free staff access ------------------------------------------------------------------------


class StaffAccessQuerySet(models.QuerySet):
    def visible_to(self, user, roles=READ_ROLES):
        return self.filter(scope_q(user, "person__unit", roles=roles))

    def usable(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class StaffAccess(models.Model):
    """A personal link or a short personal code. Only a digest is stored: the secret is shown once, when issued."""

    class Kind(models.TextChoices):
        LINK = "link", _("Đường dẫn cá nhân")
        CODE = "code", _("Mã cá nhân")

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="staff_accesses")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(
        _("gợi nhận"), max_length=8, blank=True, help_text=_("Vài ký tự cuối, để đối chiếu.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(_("hết hạn"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    use_count = models.PositiveIntegerField(default=0)

    objects = StaffAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("quyền vào học")
        verbose_name_plural = _("quyền vào học")
        indexes = [models.Index(fields=["person", "kind"])]

    def __str__(self):
        return f"{self.person} — {self.get_kind_display()}"

    def is_usable(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


DEFAULT_ACCESS_DAYS = 180


def default_access_expiry():
    return timezone.now() + timedelta(days=DEFAULT_ACCESS_DAYS)
