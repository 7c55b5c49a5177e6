"""The commit reuses the rows the preview parsed, and stays right when the file, the date or the roster changed
between the preview and "Ghi": whatever depends on the database is checked again, all or nothing."""

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.org import services
from canhgiac.org.importer import cache, jobs, parse
from canhgiac.org.models import Person, Placement, RosterImport

from .conftest import HEADER, good_rows, upload, xlsx_bytes

pytestmark = pytest.mark.django_db


def preview(unit, actor, rows, name="ds.xlsx"):
    imp = services.roster_import_start(unit=unit, upload=upload(name, xlsx_bytes(rows)), actor=actor)
    assert imp.can_commit, imp.problems
    return imp


def no_reading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the commit read the file although the preview kept its rows")

    monkeypatch.setattr(jobs, "read_table", refuse)


def test_commit_writes_the_rows_kept_by_the_preview_without_reading_the_file(
    tree, ward_manager, media, monkeypatch
):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    assert cache.path_for(imp).exists()
    no_reading(monkeypatch)
    imp = services.roster_import_commit(imp=imp, actor=ward_manager)
    assert imp.status == RosterImport.Status.DONE and imp.created_count == 3
    people = {p.staff_code: p for p in Person.objects.all()}
    assert people["HG002"].full_name == "Trần Thị Bình" and people["HG002"].phone == "+84912345002"
    assert people["HG001"].date_of_birth == dt.date(1975, 4, 2)
    assert people["HG003"].phone == "+84389123456"
    for person in people.values():
        expected = Person(
            **{f: getattr(person, f) for f in ("full_name", "position", "email", "phone", "staff_code")}
        )
        expected.refresh_derived()
        assert (person.search_text, person.sort_name) == (expected.search_text, expected.sort_name)
    assert Placement.objects.filter(valid_to__isnull=True, valid_from__isnull=True).count() == 3
    assert not cache.path_for(imp).exists()  # kept only until the commit


def test_without_kept_rows_the_commit_reads_the_file_again(tree, ward_manager, media):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    cache.path_for(imp).write_bytes(b"not what the preview wrote")
    imp = services.roster_import_commit(imp=imp, actor=ward_manager)
    assert imp.status == RosterImport.Status.DONE and Person.objects.count() == 3


def test_a_changed_file_is_read_again(tree, ward_manager, media):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    rows = good_rows()
    rows[1][1] = "Nguyễn Văn Anh"
    with open(imp.file.path, "wb") as handle:  # the stored upload is not what was previewed any more
        handle.write(xlsx_bytes(rows))
    services.roster_import_commit(imp=imp, actor=ward_manager)
    assert Person.objects.get(staff_code="HG001").full_name == "Nguyễn Văn Anh"


def test_kept_rows_expire_with_the_day(tree, ward_manager, media, monkeypatch):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(cache.timezone, "localdate", lambda: tomorrow)  # birth dates are judged against today
    assert cache.load(imp, cache.key_for(imp, cache.file_digest(imp.file.path))) is None


def test_a_unit_closed_after_the_preview_rejects_the_whole_file(tree, coordinator, ward_manager, media):
    imp = preview(tree.communes, coordinator, good_rows())
    services.unit_close(
        unit=tree.hong_gai, closed_on=dt.date(2026, 1, 1), reason="Sáp nhập", actor=coordinator
    )
    imp = services.roster_import_commit(imp=imp, actor=coordinator)
    assert imp.status == RosterImport.Status.REJECTED and imp.rejected_count == 3
    assert "đã đóng từ 01/01/2026" in imp.problems["2"][0]
    assert not Person.objects.exists() and not Placement.objects.exists()


def test_a_staff_code_taken_elsewhere_after_the_preview_rejects_everything(tree, ward_manager, media):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    Person.objects.create(unit=tree.bai_chay, full_name="Trần Thị Bình", staff_code="HG002")
    imp = services.roster_import_commit(imp=imp, actor=ward_manager)
    assert imp.status == RosterImport.Status.REJECTED and imp.rejected_count == 1
    assert "ngoài phạm vi" in imp.problems["3"][0]
    assert Person.objects.count() == 1  # HG001 and HG003 were not written either


def test_a_person_added_after_the_preview_is_updated_not_duplicated(tree, ward_manager, media):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    assert imp.created_count == 3
    Person.objects.create(
        unit=tree.hong_gai, full_name="Trần Thị Bình", staff_code="HG002", position="Văn thư"
    )
    imp = services.roster_import_commit(imp=imp, actor=ward_manager)
    assert (imp.created_count, imp.updated_count, imp.unchanged_count) == (2, 1, 0)
    binh = Person.objects.get(staff_code="HG002")
    assert binh.position == "Công chức Tư pháp - Hộ tịch" and binh.phone == "+84912345002"
    assert Person.objects.count() == 3 and binh.placements.count() == 1


def test_two_rows_that_are_one_person_are_both_rejected(tree, ward_manager, media):
    Person.objects.create(
        unit=tree.hong_gai, full_name="Phạm Văn Long", staff_code="HG070", email="long@hg.vn"
    )
    rows = [
        HEADER,
        [1, "Phạm Văn Long", "HG070", "Văn thư", "06685", "", "", "", ""],
        [2, "Phạm Văn Long", "", "Văn thư", "06685", "", "", "long@hg.vn", ""],
    ]
    imp = services.roster_import_start(
        unit=tree.hong_gai, upload=upload("ds.xlsx", xlsx_bytes(rows)), actor=ward_manager
    )
    assert imp.rejected_count == 2 and not imp.can_commit
    assert "Dòng này và dòng 3 cùng chỉ một người (Phạm Văn Long)" in imp.problems["2"][0]
    assert "Dòng này và dòng 2 cùng chỉ một người" in imp.problems["3"][0]
    assert not cache.path_for(imp).exists()  # nothing to commit: nothing kept


def test_problems_of_a_row_come_in_the_order_the_checks_run(tree, ward_manager, media):
    rows = good_rows() + [
        [4, "An", "X" * 51, "", "99999", "Bộ đội", "12345", "", ""],
        [5, "Lê Thị Duyên", "HG009", "", "06685", "", "", "duyen@hg.vn", ""],
        [6, "Lê Thị Duyên", "HG010", "", "06685", "", "", "duyen@hg.vn", ""],
    ]
    imp = services.roster_import_start(
        unit=tree.hong_gai, upload=upload("sai.xlsx", xlsx_bytes(rows)), actor=ward_manager
    )
    problems = imp.problems["5"]
    assert [p.split(":")[0] for p in problems[:3]] == ["Số điện thoại", "Nhóm đối tượng", "Mã đơn vị"]
    assert "chỉ có một chữ" in problems[3] and problems[4] == "Mã cán bộ dài quá 50 ký tự."
    assert imp.problems["6"] == ["Thư điện tử “duyen@hg.vn” lặp lại ở các dòng 6, 7."]
    assert not cache.path_for(imp).exists()


def test_cancelling_drops_the_kept_rows(tree, ward_manager, media):
    imp = preview(tree.hong_gai, ward_manager, good_rows())
    services.roster_import_cancel(imp=imp, actor=ward_manager)
    assert not cache.path_for(imp).exists()


def test_booleans_are_not_confused_with_the_numbers_they_equal():
    seen = []

    def func(cell):
        seen.append(cell)
        return repr(cell), None

    out, errors, notes = parse.convert([True, 1.0, 1, True, 0.0, False], func)
    assert out == ["True", "1.0", "1", "True", "0.0", "False"] and not errors and not notes
    assert len(seen) == 5


TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(TEXT, TEXT, TEXT, st.one_of(st.none(), st.dates())), min_size=1, max_size=30),
    st.lists(TEXT, max_size=3),
)
def test_kept_rows_read_back_exactly(tmp_path_factory, rows, labels):
    class Upload:
        pk = 1
        file = type("F", (), {"path": str(tmp_path_factory.mktemp("kept") / "ds.xlsx")})()

    parsed = parse.Parsed(
        header_row=2,
        mapping={0: "full_name", 3: "staff_code"},
        columns=labels,
        today=dt.date(2026, 11, 28),
        row_numbers=list(range(4, 4 + len(rows))),
        full=[r[0] for r in rows],
        codes=[r[1] for r in rows],
        positions=[r[2] for r in rows],
        births=[r[3] for r in rows],
        unit_mode=parse.UNIT_NAME,
        unit_label="Đơn vị",
        unit_inputs=[("Phường  Hồng Gai", "Phường Hồng Gai"), ("6685.0", "6685")],
        unit_keys=[i % 2 for i in range(len(rows))],
        cells={0: ["Số điện thoại: sai"]},
        names={1: "Thiếu họ và tên."},
        long_codes=[0],
        notes={2: ["có nhiều số, lấy số đầu"]},
    )
    few = cache._FEW
    try:
        for cache._FEW in (few, 0):  # columns stored as indices, then as joined text
            if not cache.save(Upload, parsed, "k"):
                assert cache._FEW == 0 and any(cache.SEP in value for r in rows for value in r[:3])
                continue
            assert cache.load(Upload, "k") == parsed
            assert cache.load(Upload, "another key") is None
    finally:
        cache._FEW = few


ANY = st.text(max_size=15)
VIETNAMESE_WORD = st.text(
    alphabet="aàảãáạăằắâầấđeèéêềếiìíoòóôồốơờớuùúưừứyỳýAĂÂĐEÊOÔƠUƯ", min_size=1, max_size=7
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.lists(VIETNAMESE_WORD, min_size=1, max_size=4).map(" ".join), ANY),
            st.one_of(st.just(""), ANY),
            st.one_of(st.just(""), st.emails().map(str.lower), ANY),
            st.sampled_from(["", "+84912345678"]),
            st.one_of(st.just(""), st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True), ANY),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_derived_columns_of_new_people_match_the_model(rows):
    from canhgiac.org.importer import commit

    full, positions, emails, phones, codes = (list(column) for column in zip(*rows, strict=True))
    search_texts = commit._search_texts(full, positions, emails, phones, codes)
    sort_names = commit._sort_names(full)
    for i, (name, position, email, phone, code) in enumerate(rows):
        person = Person(full_name=name, position=position, email=email, phone=phone, staff_code=code)
        person.refresh_derived()
        assert (search_texts[i], sort_names[i]) == (person.search_text, person.sort_name)


def test_backslashes_and_empty_cells_are_stored_as_written(tree, ward_manager, media):
    rows = [
        HEADER,
        [1, "Ngô Thị Hạnh", "HG\\N", "Kế toán \\ thủ quỹ \\N", "06685", "", "", "", ""],
        [2, "Đinh Văn Tài", "HG201", "", "06685", "", "", "", ""],
    ]
    imp = preview(tree.hong_gai, ward_manager, rows)
    services.roster_import_commit(imp=imp, actor=ward_manager)
    hanh = Person.objects.get(full_name="Ngô Thị Hạnh")
    assert (hanh.staff_code, hanh.position, hanh.date_of_birth) == ("HG\\N", "Kế toán \\ thủ quỹ \\N", None)
    assert Person.objects.get(staff_code="HG201").position == ""
