"""Demo register: the 22 cases of January–May 2023 behind dispatch 1509/UBND-NC (45,2 billion VND), imported from
an Excel register through the real importer, then a steady flow of cases from June 2023 until today across
Quảng Ninh's communes and wards, two methods rising in the last three months, identifiers linked and published.

Deterministic for a given day (its own random generator); idempotent (skips when the 2023 import exists). All
victims, numbers, accounts and links are fictitious.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import random

from django.utils import timezone

from canhgiac.accounts.models import User
from canhgiac.core.text import fold
from canhgiac.knowledge.models import ScamMethod
from canhgiac.org.models import Unit

from . import demo_data as data
from .models import (
    LOCALITY_KINDS,
    AgeBand,
    Case,
    CaseEvent,
    CaseIdentifier,
    CaseImport,
    CaseStatus,
    ClosureReason,
    OffenderAbroad,
    Victim,
)

INVESTIGATOR_EMAIL = "dieutra@congan.quangninh.gov.vn"
IMPORT_NAME = "So theo doi vu viec lua dao 5 thang dau nam 2023.xlsx"
# Numbers the scam checker's own demo uses: never reuse them here.
RESERVED = {
    "0369125478",
    "0587214369",
    "0392847156",
    "0868531274",
    "0977364210",
    "0912408553",
    "0375906318",
    "0358412907",
}


def load(ctx) -> None:
    if CaseImport.objects.filter(original_name=IMPORT_NAME).exists():
        ctx.say("  Sổ vụ việc: đã có")
        return
    investigator = User.objects.filter(email=INVESTIGATOR_EMAIL).first()
    if investigator is None or not ScamMethod.objects.exists():
        ctx.say("  Sổ vụ việc: chưa có điều tra viên hoặc danh mục phương thức, bỏ qua")
        return
    rng = random.Random(15_092_023)
    gen = _Generator(rng)
    imp = _import_2023(investigator, gen)
    created = _flow(rng, gen, investigator)
    from .selectors import rising_methods

    rising = ", ".join(f"{m['slug']} ({m['previous']}→{m['recent']})" for m in rising_methods())
    ctx.say(
        f"  Sổ vụ việc: nhập sổ 5 tháng đầu năm 2023 ({imp.get_status_display()}, {imp.created_count} vụ), "
        f"thêm {created} vụ đến nay; đang gia tăng: {rising or 'không'}"
    )


class _Generator:
    """Fictitious people, numbers, accounts and links, never repeating."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set(RESERVED)

    def phone(self) -> str:
        while True:
            number = self.rng.choice(data.MOBILE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
            if number not in self.used:
                self.used.add(number)
                return f"{number[:4]} {number[4:7]} {number[7:]}"

    def account(self) -> str:
        bank = self.rng.choice(data.BANKS)
        length = self.rng.choice([10, 12, 13, 14])
        digits = str(self.rng.randrange(1, 10)) + "".join(
            str(self.rng.randrange(10)) for _ in range(length - 1)
        )
        return f"{bank} {digits}"

    def handle(self, words: str, *, dots: bool = True) -> str:
        separator = self.rng.choice(["_", ".", ""] if dots else ["_", ""])
        return f"{words}{separator}{self.rng.choice(data.HANDLES)}{self.rng.randrange(10, 99)}"

    def person(self, group: str, occurred: dt.date, locality: str, year: int | None = None) -> dict:
        from canhgiac.org.demo import vietnamese_name

        low, high = {"student": (2000, 2008), "retiree": (1945, 1964)}.get(group, (1962, 2001))
        year = year or self.rng.randint(low, min(high, occurred.year - 14))
        female = self.rng.random() < 0.5
        century = (0 if year < 2000 else 2) + (1 if female else 0)
        return {
            "full_name": vietnamese_name(self.rng),
            "birth_year": year,
            "phone": self.phone(),
            "id_number": f"022{century}{year % 100:02d}{self.rng.randrange(10**6):06d}",
            "address": f"Tổ {self.rng.randint(1, 30)}, khu {self.rng.randint(1, 12)}, {locality}",
        }


def _identifiers(gen: _Generator, slug: str, channel: str, amount: int) -> list[str]:
    rng = gen.rng
    out = []
    if channel in ("call", "sms") or (channel == "zalo" and rng.random() < 0.5):
        out.append(gen.phone())
    if channel == "zalo" and not out:
        out.append("zalo.me/" + gen.phone().replace(" ", ""))
    if channel == "telegram":
        out.append(
            "telegram @" + gen.handle(rng.choice(["nhiemvu", "dautu", "hotro", "sanvang"]), dots=False)
        )
    if channel in ("facebook", "tiktok") and rng.random() < 0.7:
        site = "facebook.com/" if channel == "facebook" else "tiktok.com/@"
        out.append(
            site
            + gen.handle(rng.choice(["tuan.chungkhoan", "shop.gia.re", "hotro.lay.lai.tien", "linh.kieu"]))
        )
    if channel in ("website", "app") or (
        slug in ("trang-web-gia-mao", "ung-dung-gia-co-quan-nha-nuoc") and rng.random() < 0.5
    ):
        out.append(rng.choice(data.FAKE_DOMAINS))
    if amount and rng.random() < 0.8:
        out.append(gen.account())
    return out


# --- January–May 2023, through the importer ---------------------------------------------------------------


def _import_2023(investigator, gen: _Generator):
    import xlsxwriter
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .services.imports import case_import_commit, case_import_start

    rng = gen.rng
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("5 thang 2023")
    bold = book.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1}
    )
    sheet.merge_range(
        0,
        0,
        0,
        16,
        "CÔNG AN TỈNH QUẢNG NINH — PHÒNG AN NINH MẠNG VÀ PHÒNG CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO",
    )
    sheet.merge_range(
        1,
        0,
        1,
        16,
        "SỔ THEO DÕI VỤ VIỆC LỪA ĐẢO CHIẾM ĐOẠT TÀI SẢN TRÊN KHÔNG GIAN MẠNG (từ 01/01/2023 đến 31/5/2023)",
    )
    heads = [
        "STT",
        "Số tin báo",
        "Ngày tiếp nhận",
        "Ngày xảy ra",
        "Xã, phường",
        "Phương thức, thủ đoạn",
        "Kênh",
        "Số tiền bị chiếm đoạt",
        "Nghề nghiệp",
        "Đối tượng ở nước ngoài",
        "Tình trạng giải quyết",
    ]
    for col, text in enumerate(heads):
        sheet.merge_range(3, col, 4, col, text, bold)
    sheet.merge_range(3, 11, 3, 13, "Nạn nhân", bold)
    sheet.write_row(4, 11, ["Họ tên", "Năm sinh", "Địa chỉ"], bold)
    sheet.merge_range(3, 14, 3, 15, "Đối tượng", bold)
    sheet.write_row(4, 14, ["Số điện thoại", "Số tài khoản"], bold)
    sheet.merge_range(3, 16, 4, 16, "Tóm tắt", bold)
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    methods = dict(ScamMethod.objects.values_list("slug", "number"))
    for index, (month, day, locality, slug, amount, group, birth, abroad, status) in enumerate(
        data.DISPATCH_2023
    ):
        occurred = dt.date(2023, month, day)
        reported = occurred + dt.timedelta(days=rng.randint(0, 9))
        channel = rng.choice(data.PROFILES[slug][3])
        person = gen.person(group, occurred, locality, birth)
        ids = _identifiers(gen, slug, channel, amount)
        phones = "; ".join(i for i in ids if i[0].isdigit())
        accounts = "; ".join(i for i in ids if i.split(" ")[0] in data.BANKS)
        row = 5 + index
        sheet.write_number(row, 0, index + 1)
        sheet.write_string(row, 1, f"{index + 1:02d}/TB-PA05")
        sheet.write_datetime(row, 2, dt.datetime.combine(reported, dt.time()), date_format)
        sheet.write_string(row, 3, occurred.strftime("%d/%m/%Y"))  # as people type it: text
        sheet.write_string(row, 4, locality.replace("Phường ", "P. ") if index % 3 == 0 else locality)
        sheet.write_string(row, 5, str(methods.get(slug) or slug))
        sheet.write_string(
            row,
            6,
            {
                "call": "Gọi điện",
                "zalo": "Zalo",
                "telegram": "Telegram",
                "facebook": "Facebook",
                "sms": "Tin nhắn",
                "website": "Trang web",
                "tiktok": "TikTok",
            }.get(channel, "Khác"),
        )
        sheet.write_string(row, 7, _as_typed(amount, index))
        sheet.write_string(row, 8, data.GROUP_WORDS[group])
        sheet.write_string(row, 9, abroad)
        sheet.write_string(row, 10, status)
        sheet.write_string(row, 11, person["full_name"].upper() if index % 5 == 0 else person["full_name"])
        sheet.write_number(row, 12, person["birth_year"])
        sheet.write_string(row, 13, person["address"])
        sheet.write_string(row, 14, phones)
        sheet.write_string(row, 15, accounts)
        sheet.write_string(row, 16, rng.choice(data.SUMMARIES[slug]))
    footer = 6 + len(data.DISPATCH_2023)
    sheet.write_string(footer, 0, "Tổng cộng: 22 vụ")
    sheet.write_string(footer + 2, 12, "Người lập biểu")
    book.close()
    root = Unit.objects.filter(depth=1).first()
    upload = SimpleUploadedFile(IMPORT_NAME, out.getvalue())
    imp = case_import_start(unit=root, upload=upload, actor=investigator)
    if imp.can_commit:
        imp = case_import_commit(imp=imp, actor=investigator)
    return imp


def _as_typed(amount: int, index: int) -> str:
    """Amounts written the several ways registers hold them."""
    if index % 4 == 0 and amount >= 1_000_000_000:
        return f"{amount / 1_000_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " tỷ"
    if index % 4 == 1 and amount % 1_000_000 == 0:
        return f"{amount // 1_000_000} triệu"
    if index % 4 == 2:
        return f"{amount:,}".replace(",", ".") + " đ"
    return f"{amount:,}".replace(",", ".")


# --- June 2023 until today -------------------------------------------------------------------------------


def _months(start: dt.date, end: dt.date):
    day = start
    while day <= end:
        yield day
        day = (day + dt.timedelta(days=32)).replace(day=1)


def _status(rng: random.Random, age_days: int) -> tuple[str, str]:
    if age_days > 365:
        table = [
            ("prosecuted", "", 25),
            ("suspended", "", 48),
            ("closed", "concluded", 12),
            ("closed", "not_fraud", 5),
            ("closed", "transferred", 3),
            ("verifying", "", 7),
        ]
    elif age_days > 90:
        table = [
            ("verifying", "", 35),
            ("prosecuted", "", 20),
            ("suspended", "", 33),
            ("closed", "concluded", 6),
            ("closed", "not_fraud", 6),
        ]
    else:
        table = [
            ("reported", "", 45),
            ("verifying", "", 45),
            ("prosecuted", "", 5),
            ("closed", "not_fraud", 5),
        ]
    return rng.choices([(s, r) for s, r, _w in table], weights=[w for *_x, w in table])[0]


def _flow(rng: random.Random, gen: _Generator, investigator) -> int:
    from .importer.commit import identifiers_for
    from .services import publication
    from .services.cases import allocate_codes, case_code

    today = timezone.localdate()
    methods = {m.slug: m for m in ScamMethod.objects.all()}
    profiles = {slug: p for slug, p in data.PROFILES.items() if slug in methods}
    slugs = list(profiles)
    units = list(Unit.objects.filter(kind__in=LOCALITY_KINDS).order_by("name"))
    weights = [data.LOCALITY_WEIGHTS.get(u.name, 1) for u in units]
    police = {u.code: u for u in Unit.objects.filter(code__in=["QN-CAT-PA05", "QN-CAT-PC02"])}
    rising_from = today - dt.timedelta(days=88)
    specs = []
    for month in _months(dt.date(2023, 6, 1), today):
        volume = {2023: 5, 2024: 7, 2025: 9}.get(month.year, 10) + rng.randint(-2, 2)
        chosen = rng.choices(slugs, weights=[profiles[s][0] for s in slugs], k=volume)
        last = min(today, (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1))
        for slug in chosen:
            occurred = month + dt.timedelta(days=rng.randint(0, (last - month).days))
            specs.append(
                (
                    slug,
                    occurred,
                    min(today, occurred + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 14]))),
                )
            )
    for slug, per_month in data.RISING.items():
        for _ in range(per_month * 3):
            reported = rising_from + dt.timedelta(days=rng.randint(0, (today - rising_from).days))
            specs.append(
                (
                    slug,
                    max(rising_from - dt.timedelta(days=5), reported - dt.timedelta(days=rng.randint(0, 4))),
                    reported,
                )
            )
    specs.sort(key=lambda s: (s[2], s[1]))
    by_year: dict[int, list] = {}
    for spec in specs:
        by_year.setdefault(spec[2].year, []).append(spec)
    cases, extras = [], []
    ring: dict[str, list[str]] = {}
    for year, items in sorted(by_year.items()):
        first = allocate_codes(year, len(items))
        for offset, (slug, occurred, reported) in enumerate(items):
            case, extra = _case(
                rng,
                gen,
                slug,
                occurred,
                reported,
                today,
                methods[slug],
                profiles[slug],
                units,
                weights,
                police,
                ring,
            )
            case.code, case.year, case.sequence = case_code(year, first + offset), year, first + offset
            case.created_by = investigator
            cases.append(case)
            extras.append(extra)
    for case in cases:
        case.search_text = fold(f"{case.code} {case.external_ref} {case.summary}")
        case.confirmed_by = investigator if case.confirmed_at else None
    Case.objects.bulk_create(cases, batch_size=500)
    if any(c.pk is None for c in cases):
        pks = dict(Case.objects.filter(code__in=[c.code for c in cases]).values_list("code", "pk"))
        for c in cases:
            c.pk = c.id = pks[c.code]
    for case, extra in zip(cases, extras, strict=True):
        case.created_at = case.updated_at = extra["created_at"]
    Case.objects.bulk_update(cases, ["created_at", "updated_at"], batch_size=500)
    Victim.objects.bulk_create(
        [Victim(case=c, **e["victim"]) for c, e in zip(cases, extras, strict=True) if e["victim"]],
        batch_size=500,
    )
    from canhgiac.scamcheck.identifiers import classify

    parsed = {raw: classify(raw)[0] for e in extras for raw in e["identifiers"]}
    stored = identifiers_for(parsed.values())
    links, events = [], []
    label = investigator.get_full_name()
    for case, extra in zip(cases, extras, strict=True):
        seen = set()
        for raw in extra["identifiers"]:
            p = parsed[raw]
            identifier = stored[(p.kind, p.value, p.qualifier)]
            if identifier.pk not in seen:
                seen.add(identifier.pk)
                links.append(
                    CaseIdentifier(
                        case=case, identifier=identifier, added_by=investigator, added_at=extra["created_at"]
                    )
                )
        for at, kind, fields in extra["events"]:
            events.append(
                CaseEvent(case=case, at=at, kind=kind, actor=investigator, actor_label=label, **fields)
            )
    CaseIdentifier.objects.bulk_create(links, batch_size=500)
    CaseEvent.objects.bulk_create(events, batch_size=500)
    for case in cases:
        if case.confirmed_at is not None:
            publication.publish(case, investigator)
    return len(cases)


def _case(rng, gen, slug, occurred, reported, today, method, profile, units, weights, police, ring):
    _weight, median, spread, channels, groups, abroad_share = profile
    unit = rng.choices(units, weights=weights)[0]
    channel = rng.choice(channels)
    amount = 0 if rng.random() < 0.03 else int(round(median * math.exp(rng.gauss(0, spread)), -5))
    group = rng.choices(list(groups), weights=list(groups.values()))[0]
    abroad = (
        OffenderAbroad.YES
        if rng.random() < abroad_share
        else rng.choice([OffenderAbroad.NO, OffenderAbroad.UNKNOWN])
    )
    status, reason = _status(rng, (today - reported).days)
    now = timezone.now()

    def at(day: dt.date) -> dt.datetime:
        moment = timezone.make_aware(
            dt.datetime.combine(day, dt.time(rng.randint(7, 17), rng.randint(0, 59)))
        )
        return min(moment, now - dt.timedelta(minutes=5))

    def later(day: dt.date, low: int, high: int) -> dt.date:
        return min(today, day + dt.timedelta(days=rng.randint(low, high)))

    created = at(reported)
    events = [(created, CaseEvent.Kind.CREATED, {"to_status": CaseStatus.REPORTED})]
    confirmed_at = None
    day = reported
    if status != CaseStatus.REPORTED:
        day = later(day, 1, 6)
        events.append((at(day), CaseEvent.Kind.STATUS, {"from_status": "reported", "to_status": "verifying"}))
    confirm = (
        status in ("prosecuted", "suspended")
        or reason == ClosureReason.CONCLUDED
        or (status in ("verifying",) and rng.random() < 0.5)
        or (reason == ClosureReason.TRANSFERRED and rng.random() < 0.5)
    )
    if confirm:
        day = later(day, 2, 20)
        confirmed_at = at(day)
        events.append((confirmed_at, CaseEvent.Kind.CONFIRMED, {}))
    previous = "verifying"
    if status == "prosecuted" or (status in ("suspended", "closed") and confirm and rng.random() < 0.5):
        day = later(day, 15, 80)
        events.append((at(day), CaseEvent.Kind.STATUS, {"from_status": previous, "to_status": "prosecuted"}))
        previous = "prosecuted"
    if status in ("suspended", "closed"):
        day = later(day, 30, 200)
        note = (
            "Đối tượng ở nước ngoài, chưa xác định được nơi ở."
            if status == "suspended" and abroad == OffenderAbroad.YES
            else ""
        )
        if reason == ClosureReason.NOT_FRAUD:
            note = "Kết quả xác minh: tranh chấp dân sự giữa hai bên, không có dấu hiệu lừa đảo."
        events.append(
            (at(day), CaseEvent.Kind.STATUS, {"from_status": previous, "to_status": status, "note": note})
        )
    if reason == ClosureReason.NOT_FRAUD:
        confirmed_at = None
    recovered = 0
    if amount and (status == "prosecuted" or reason == ClosureReason.CONCLUDED) and rng.random() < 0.4:
        recovered = int(round(amount * rng.uniform(0.1, 0.7), -5))
    victim = None
    age_band = AgeBand.UNKNOWN
    if rng.random() < 0.75:
        victim = gen.person(group, occurred, unit.name)
        age = occurred.year - victim["birth_year"]
        age_band = AgeBand.for_age(age)
    identifiers = []
    if ring.get(slug) and rng.random() < 0.15:
        identifiers.append(rng.choice(ring[slug]))  # the same ring, another victim
    identifiers += _identifiers(gen, slug, channel, amount)
    ring.setdefault(slug, []).extend(identifiers[-2:])
    handling = None
    if amount >= 150_000_000 or rng.random() < 0.3:
        handling = police.get("QN-CAT-PA05")
    elif rng.random() < 0.5:
        handling = police.get("QN-CAT-PC02")
    case = Case(
        external_ref=f"{rng.randint(1, 480)}/TB-{'PA05' if handling and handling.code.endswith('PA05') else 'PC02'}"
        if handling
        else "",
        reported_on=reported,
        occurred_on=min(occurred, reported),
        unit=unit,
        handling_unit=handling,
        method=method,
        channel=channel,
        amount_lost=amount,
        amount_recovered=min(recovered, amount),
        victim_group=group,
        age_band=age_band,
        offender_abroad=abroad,
        status=status,
        closure_reason=reason if status == "closed" else "",
        confirmed_at=confirmed_at,
        summary=rng.choice(data.SUMMARIES[slug]),
    )
    return case, {"created_at": created, "events": events, "victim": victim, "identifiers": identifiers}
