from canhgiac.core.ratelimit import hit, is_limited


def test_fixed_window_counts_per_key():
    assert all(hit("t", "1.2.3.4", limit=3, window=60) for _ in range(3))
    assert not hit("t", "1.2.3.4", limit=3, window=60)
    assert is_limited("t", "1.2.3.4", limit=3, window=60)
    assert hit("t", "5.6.7.8", limit=3, window=60)
