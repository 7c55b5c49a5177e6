"""The message analyzer: red flags with spans, look-alike domains, the n-gram model, verdicts."""

from __future__ import annotations

import json
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from canhgiac.core.text import fold
from canhgiac.scamcheck.analyzer import NO_SIGNAL, SCAM, SUSPICIOUS, analyze, combine, sanitize
from canhgiac.scamcheck.analyzer.corpus import corpus_fingerprint, load_corpus, split
from canhgiac.scamcheck.analyzer.model import (
    ARTIFACT,
    WORD_PATTERN,
    char_wb_ngrams,
    load_model,
    prepare,
    word_ngrams,
)
from canhgiac.scamcheck.links import parse_link
from canhgiac.scamcheck.lookalike import detector_for, skeleton
from canhgiac.scamcheck.textmap import fold_with_map, original_span

POLICE_CALL = (
    "Tôi là cán bộ Công an tỉnh. Anh KHÔNG ĐƯỢC NÓI VỚI AI về cuộc gọi này. Anh phải chuyển toàn bộ tiền "
    "vào tài khoản tạm giữ của cơ quan điều tra để chứng minh trong sạch."
)


# --- folding with positions ----------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_fold_with_map_is_exactly_core_fold(text):
    folded, index = fold_with_map(text)
    assert folded == fold(text)
    assert len(index) == len(folded)
    assert index == sorted(index)
    assert all(0 <= i < len(text) for i in index)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậềếểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ ĐĂÂÊÔƠƯ.,\n",
        min_size=1,
        max_size=120,
    )
)
def test_spans_of_folded_matches_land_on_the_same_letters(text):
    folded, index = fold_with_map(text)
    for start in range(0, len(folded), 7):
        end = min(len(folded), start + 5)
        a, b = original_span(index, text, start, end)
        assert fold(text[a:b]) == folded[start:end].strip() or folded[start:end].strip() in fold(text[a:b])


def test_fold_with_map_stays_exact_when_its_translation_table_is_full(monkeypatch):
    from canhgiac.scamcheck import textmap

    full = dict.fromkeys(range(0x4E00, 0x4E00 + 20_000), "x")
    monkeypatch.setattr(textmap, "_TABLE", full)
    assert fold_with_map("Đà  Nẵng\tQuảng Ninh") == (fold("Đà  Nẵng\tQuảng Ninh"), [0, 1, 2, *range(4, 19)])


def test_decomposed_input_keeps_its_marks_in_spans():
    text = unicodedata.normalize("NFD", "Chuyển tiền ngay")
    folded, index = fold_with_map(text)
    start = folded.index("tien")
    a, b = original_span(index, text, start, start + 4)
    assert unicodedata.normalize("NFC", text[a:b]) == "tiền"


# --- red flags -----------------------------------------------------------------------------------------


def test_red_flags_match_with_and_without_diacritics_and_map_back(methods):
    with_marks = analyze(POLICE_CALL, lookup=False)
    without = analyze(fold(POLICE_CALL), lookup=False)
    codes = {hit.code for hit in with_marks.red_flags}
    assert codes == {"cong-an-yeu-cau-chuyen-tien", "giu-bi-mat"}
    assert {hit.code for hit in without.red_flags} == codes
    secret = next(hit for hit in with_marks.red_flags if hit.code == "giu-bi-mat")
    start, end = secret.spans[0]
    assert POLICE_CALL[start:end] == "KHÔNG ĐƯỢC NÓI VỚI AI"  # the original, diacritics and case intact
    assert secret.excerpts == ("KHÔNG ĐƯỢC NÓI VỚI AI",)
    transfer = next(hit for hit in with_marks.red_flags if hit.code == "cong-an-yeu-cau-chuyen-tien")
    assert "tài khoản tạm giữ" in POLICE_CALL[transfer.spans[0][0] : transfer.spans[0][1]]
    assert with_marks.verdict in {SUSPICIOUS, SCAM}
    assert with_marks.methods[0]["slug"] == "gia-danh-cong-an-vien-kiem-sat-toa-an"


def test_unpublished_methods_and_broken_patterns_are_ignored(methods):
    result = analyze("Số này chắc ăn 100%, chưa đóng ngoặc", lookup=False)
    assert not any(hit.code in {"so-chac-an", "mau-hong"} for hit in result.red_flags)


def test_editing_a_red_flag_reaches_the_analyzer_at_once(methods):
    from canhgiac.knowledge.models import RedFlag

    assert not analyze("Nhận quà tri ân khách hàng", lookup=False).red_flags
    RedFlag.objects.create(
        method=methods["fake_site"], code="qua-tri-an", text="Quà tri ân", patterns=["qua tri an"]
    )
    assert [hit.code for hit in analyze("Nhận quà tri ân khách hàng", lookup=False).red_flags] == [
        "qua-tri-an"
    ]


# --- look-alike domains --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("vietcombаnk.com", "homograph"),  # Cyrillic а
        ("xn--vietcombnk-6qi.com", "homograph"),  # the same, as the browser shows it
        ("vietcombạnk.vn", "homograph"),
        ("vіetcombank.com.vn", "homograph"),  # Cyrillic і on the right suffix
        ("vietc0mbank.com", "digit_swap"),
        ("agr1bank.com.vn", "digit_swap"),
        ("techcornbank.com", "digit_swap"),
        ("vietconbank.com", "typo"),
        ("viettcombank.net", "typo"),
        ("vietcombank-hotro.com", "brand_with_words"),
        ("hotrovietcombank.top", "brand_with_words"),
        ("vcb-xacthuc.top", "brand_with_words"),
        ("vietcombank.com", "wrong_suffix"),
        ("dichvucong.vn", "wrong_suffix"),
        ("bidv.online", "wrong_suffix"),
        ("vietcombank.com.vn.dang-nhap.top", "official_in_subdomain"),
        ("cong-gov-vn.com", "government"),
    ],
)
def test_look_alike_domains(host, reason):
    finding = detector_for().check(parse_link(host))
    assert finding is not None, host
    assert finding.reason == reason
    assert finding.text


@pytest.mark.parametrize(
    "host",
    [
        "vietcombank.com.vn",
        "ib.vietcombank.com.vn",
        "dichvucong.gov.vn",
        "congan.quangninh.gov.vn",
        "tuoitre.vn",
        "thuvienphapluat.vn",
        "abb-robotics.com",
        "phuongdong-hotel.vn",
        "congan.com.vn",
        "shopeefood.vn",
        "google.com",
    ],
)
def test_real_and_unrelated_domains_are_not_look_alikes(host):
    assert detector_for().check(parse_link(host)) is None


def test_allowlisted_domains_count_as_official(db):
    detector = detector_for(frozenset({"vietcombank-hotro.com"}))
    assert detector.check(parse_link("vietcombank-hotro.com")) is None


def test_skeleton_maps_confusables():
    assert skeleton("Vietc0mbаnk") == skeleton("vietcombank")
    assert skeleton("techcornbank") == skeleton("techcombank")


def test_link_signals_and_lookalikes_make_a_plain_message_suspicious(db):
    text = "Quý khách vui lòng cập nhật thông tin tại vietcombаnk.com/xac-thuc trước 17h hôm nay."
    result = analyze(text, lookup=False)
    assert result.verdict in {SUSPICIOUS, SCAM}
    assert result.identifiers[0].lookalike.reason == "homograph"
    apk = analyze("Tải ứng dụng tại http://203.0.113.9/app-vay.apk để nhận tiền", lookup=False)
    assert set(apk.identifiers[0].signals) == {"ip_host", "apk"}
    assert apk.verdict != NO_SIGNAL


# --- the model -----------------------------------------------------------------------------------------


def test_our_ngrams_equal_scikit_learns():
    from sklearn.feature_extraction.text import TfidfVectorizer

    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5), lowercase=False).build_analyzer()
    words = TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), lowercase=False, token_pattern=WORD_PATTERN
    ).build_analyzer()
    for text in [
        "a",
        "ab",
        "chuyen khoan  ngay",
        " x  yz  vietcombank-hotro.com ",
        "",
        "ck 500k vao tk-tam giu, 0000",
    ]:
        assert char_wb_ngrams(text, 1, 5) == chars(text)
        assert word_ngrams(text, 1, 2) == words(text)


def test_the_shipped_model_equals_scikit_learn_on_the_held_out_messages():
    """Retrain in memory on the same split: the exported arithmetic must give scikit-learn's decision."""
    from canhgiac.scamcheck.analyzer.model import CharNgramModel
    from canhgiac.scamcheck.analyzer.training import train

    train_part, test_part = split(load_corpus())
    data, vectorizer, classifier = train(train_part)
    model = CharNgramModel(data)
    texts = [prepare(m.text) for m in test_part]
    expected = classifier.decision_function(vectorizer.transform(texts))
    for text, value in zip(texts, expected, strict=True):
        assert model.decision(text) == pytest.approx(value, abs=1e-3)


def test_the_shipped_artifact_was_trained_on_the_shipped_corpus():
    model = load_model()
    assert model is not None and ARTIFACT.stat().st_size < 1_000_000
    assert model.meta["corpus_sha256"] == corpus_fingerprint(), (
        "Kho tin nhắn đã đổi: chạy canhgiac scamcheck_train"
    )
    report = model.meta["report"]
    assert report["held_out_metrics"]["overall"]["recall"] >= 0.85
    assert report["held_out_metrics"]["overall"]["precision"] >= 0.8


def test_the_artifact_ships_the_combination_learned_with_todays_warning_phrases():
    combiner = load_model().combiner
    assert combiner["features"] == list(combine.FEATURES)
    assert combiner["warning_cues"] == combine.WARNING_CUES, (
        "Danh sách cụm từ cảnh báo đã đổi: huấn luyện lại"
    )
    weights = dict(zip(combiner["features"], combiner["weights"], strict=True))
    # What the data taught: the model and the red flags count for a scam, warning phrases against.
    assert weights["model"] > 0 and weights["flags"] > 0 and weights["links"] > 0 and weights["warning"] < 0
    assert combiner["suspicious_at"] < combiner["scam_at"]


def test_the_score_is_monotone_with_verdict_boundaries_at_half_and_nine_tenths():
    combiner = {"suspicious_at": 0.4, "scam_at": 2.4}
    values = [combine.score(z / 10, combiner) for z in range(-80, 80)]
    assert values == sorted(values) and 0 < values[0] < values[-1] < 1
    assert combine.score(0.4, combiner) == pytest.approx(0.5)
    assert combine.score(2.4, combiner) == pytest.approx(0.9)


def test_the_model_is_blind_to_diacritics():
    model = load_model()
    for message in load_corpus()[:40]:
        assert model.predict(message.text)[0] == pytest.approx(model.predict(fold(message.text))[0])


def test_the_corpus_is_large_balanced_and_names_real_methods():
    from canhgiac.knowledge.catalogue import NATIONAL_FORMS

    messages = load_corpus()
    legit = [m for m in messages if not m.is_scam]
    assert len(messages) >= 600
    assert len(legit) / len(messages) >= 0.4
    slugs = {slug for _n, slug, _g, _name in NATIONAL_FORMS}
    assert {m.group for m in messages if m.is_scam} == slugs  # every one of the 24 methods, nothing else
    hard = {"bank_otp", "bank_balance", "gov_warning", "delivery", "chat_money", "carrier"}
    assert hard <= {m.group for m in legit}
    train_part, test_part = split(messages)
    assert 0.15 < len(test_part) / len(messages) < 0.3
    assert not {m.id for m in train_part} & {m.id for m in test_part}


def test_no_red_flag_fires_on_legitimate_corpus_messages_except_warnings_that_describe_scams():
    """Warnings and advice quote the signs they warn about; the analyzer weighs their warning phrases."""
    from canhgiac.scamcheck.analyzer.evaluation import shipped_rules

    rules = shipped_rules()
    fired = []
    for message in load_corpus():
        if message.is_scam or message.group in {"gov_warning", "chat_about_scams"}:
            continue
        text = fold(message.text)
        fired += [(r.code, message.source) for r in rules if any(p.search(text) for p in r.patterns)]
    assert fired == []


def test_the_shipped_analyzer_calls_no_legitimate_corpus_message_a_scam(db):
    from canhgiac.scamcheck.analyzer.evaluation import shipped_rules

    rules = shipped_rules()
    called = [
        m.source
        for m in load_corpus()
        if not m.is_scam and analyze(m.text, lookup=False, rules=rules).verdict == SCAM
    ]
    assert called == []


def test_a_warning_that_quotes_the_signs_is_not_suspicious(db):
    from canhgiac.scamcheck.analyzer.evaluation import shipped_rules

    warning = (
        "Sở Thông tin và Truyền thông khuyến cáo: không chia sẻ ảnh căn cước, không cho mượn hoặc cho thuê tài "
        "khoản ngân hàng. Kẻ gian thu mua tài khoản ngân hàng giá cao, trả 2 triệu mỗi tháng rồi dùng để lừa đảo."
    )
    result = analyze(warning, lookup=False, rules=shipped_rules())
    assert result.red_flags and result.verdict == NO_SIGNAL
    assert any("cảnh báo, khuyến cáo" in reason for reason in result.reasons)


def test_verdicts_on_clear_cases(db):
    assert analyze("Tối nay cả nhà ăn cơm sớm nhé, 7h có họp phụ huynh.", lookup=False).verdict == NO_SIGNAL
    assert analyze("Ok em", lookup=False).verdict == NO_SIGNAL
    otp = "Ma OTP cua Quy khach la 482913, hieu luc 120 giay. Tuyet doi KHONG cung cap OTP cho bat ky ai."
    assert analyze(otp, lookup=False).verdict == NO_SIGNAL
    scam = (
        "Chúc mừng bạn được chọn làm cộng tác viên, nhiệm vụ đơn giản, hoa hồng 20%. Nạp 2 triệu để nhận nhiệm "
        "vụ combo, hoàn tiền gốc ngay sau 5 phút, tham gia nhóm Telegram để nhận việc."
    )
    assert analyze(scam, lookup=False).verdict in {SUSPICIOUS, SCAM}


def test_a_verified_identifier_makes_the_message_a_scam(db, coordinator):
    from canhgiac.scamcheck.services import identifier_get_or_create, listing_verify

    phone = identifier_get_or_create(kind="phone", raw="0369 125 478")
    listing_verify(
        identifier=phone, reason="Số dùng để giả danh Công an gọi điện.", source="manual", actor=coordinator
    )
    result = analyze("Anh gọi lại cho em số 0369.125.478 nhé")
    assert result.verdict == SCAM
    assert result.identifiers[0].status == "verified_scam"


# --- hostile input -------------------------------------------------------------------------------------


def test_sanitize_keeps_length_and_drops_what_cannot_be_shown():
    text, truncated = sanitize("a\x00b\ud800c\u2028d\n")
    assert text == "a b\ufffdc d\n" and not truncated
    assert sanitize("x" * 30_000) == ("x" * 20_000, True)


def test_analyzer_survives_hostile_input(db):
    for text in [
        "\x00\x01\x02" * 1000,
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE scamcheck_identifier; --",
        "🙂" * 5000,
        "a" * 1_000_000,
        "http://" + "a." * 2000 + "com",
        "\ud800\udfff",
    ]:
        result = analyze(text, lookup=False)
        assert result.verdict in {SCAM, SUSPICIOUS, NO_SIGNAL}
        assert len(result.text) <= 20_000


def test_segments_keep_links_whole_for_defanging(methods):
    from canhgiac.core.text import defang

    text = "Tài khoản của quý khách bị tạm khóa, xác thực ngay tại https://vietcombank-xacthuc.com/otp nhé"
    result = analyze(text, lookup=False)
    pieces = result.segments()
    assert "".join(p["text"] for p in pieces) == text
    shown = "".join(defang(p["text"]) for p in pieces)
    assert "https://" not in shown and "vietcombank-xacthuc.com" not in shown
    assert any(p["kind"] == "flag" for p in pieces) and any(p["kind"] == "identifier" for p in pieces)


# --- the command ---------------------------------------------------------------------------------------


def test_analyze_command_reads_and_writes_jsonl(methods, tmp_path):
    source = tmp_path / "tin.jsonl"
    source.write_text(
        json.dumps({"id": "a1", "text": POLICE_CALL}, ensure_ascii=False)
        + "\nkhông phải json\n\n"
        + json.dumps({"id": 2, "text": "Con về đến nhà rồi mẹ ơi"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    call_command("analyze", "--jsonl", str(source), stdout=out, stderr=err)
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    assert [line["id"] for line in lines] == ["a1", 2]
    assert set(lines[0]) == {"id", "verdict", "score", "methods", "red_flags"}
    assert lines[0]["verdict"] in {SUSPICIOUS, SCAM}
    assert lines[0]["methods"][0] == "gia-danh-cong-an-vien-kiem-sat-toa-an"
    assert {flag["code"] for flag in lines[0]["red_flags"]} == {"cong-an-yeu-cau-chuyen-tien", "giu-bi-mat"}
    assert lines[1]["verdict"] == NO_SIGNAL
    assert "Dòng 2" in err.getvalue()


def test_evaluate_command_cross_validates_the_model_and_the_analyzer(db, tmp_path):
    out = StringIO()
    target = tmp_path / "danh-gia.json"
    call_command(
        "scamcheck_evaluate",
        "--folds=2",
        "--repeats=1",
        "--c=8",
        "--no-held-out",
        "--shipped-rules",
        f"--json={target}",
        stdout=out,
        stderr=StringIO(),
    )
    report = json.loads(target.read_text(encoding="utf-8"))["cross_validation"]
    assert report["messages"] == len(load_corpus()) and report["folds"] == 2
    for key in ("model", "flagged", "flagged_without_diacritics", "scam_verdict"):
        assert set(report[key]) == {"precision", "recall", "false_positive_rate", "pooled"}
        assert report[key]["pooled"]["messages"] == report["messages"]
    assert (
        report["flagged"]["recall"]["mean"] > 0.8 and report["flagged"]["false_positive_rate"]["mean"] < 0.15
    )
    assert report["flagged_without_diacritics"]["pooled"] == report["flagged"]["pooled"]
    assert "Kiểm định chéo 2 phần × 1 lần" in out.getvalue()


def test_train_command_dry_run_reports_held_out_figures(db):
    out = StringIO()
    call_command("scamcheck_train", "--dry-run", "--with-rules", stdout=out)
    report = json.loads(out.getvalue())
    assert report["held_out"] > 100
    assert set(report["held_out_metrics"]["overall"]) >= {"precision", "recall", "false_positive_rate"}
    assert report["analyzer_held_out"]["flagged"]["messages"] == report["held_out"]


def test_the_literal_precheck_never_hides_a_match_of_the_knowledge_base_patterns():
    """Every pattern the team ships, on every corpus and example message: if it matches, the pre-check passes."""
    import re

    from canhgiac.knowledge.content import METHODS
    from canhgiac.scamcheck.analyzer.redflags import literal_precheck, may_match

    patterns = [re.compile(p) for m in METHODS for flag in m["red_flags"] for p in flag["patterns"]]
    texts = [fold(m.text) for m in load_corpus()] + [
        fold(e["text"]) for m in METHODS for e in m.get("examples", [])
    ]
    checked = sum(1 for p in patterns if literal_precheck(p.pattern, p.flags))
    assert checked >= 0.9 * len(patterns)  # almost every pattern gets a pre-check
    matches = 0
    for text in texts:
        for pattern in patterns:
            if pattern.search(text):
                matches += 1
                assert may_match(pattern, text), (pattern.pattern, text)
    assert matches > 200


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"\btai khoan (?:tam giu|an toan)\b", "chuyen vao tai khoan an toan", True),
        (r"\btai khoan (?:tam giu|an toan)\b", "tai khoan cua ban", False),
        (r"(?:ab)?cde", "xcdex", True),
        (r"x{0,3}hello", "hell", False),
        (r"(?i)HELLO", "hello", True),  # flags: no pre-check
        (r"a|bcd", "a", True),  # one branch without a literal: no pre-check
    ],
)
def test_literal_precheck_cases(pattern, text, expected):
    import re

    from canhgiac.scamcheck.analyzer.redflags import may_match

    compiled = re.compile(pattern)
    assert may_match(compiled, text) is expected
    if compiled.search(text):
        assert may_match(compiled, text)
