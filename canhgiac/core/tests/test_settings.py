"""Start-up fails fast with one clear line on a bad value."""

import os
import subprocess
import sys

import pytest

from canhgiac.settings import ConfigError, parse_database_url


def run_check(**env):
    full_env = {**os.environ, **env}
    full_env.pop("PYTEST_CURRENT_TEST", None)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**full_env, "DJANGO_SETTINGS_MODULE": "canhgiac.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_bad_database_url_stops_start_up_with_one_line():
    result = run_check(DATABASE_URL="mysql://root@localhost/canhgiac")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "DATABASE_URL" in lines[0] and "không hỗ trợ" in lines[0]


def test_bad_boolean_stops_start_up_with_one_line():
    result = run_check(DEBUG="maybe")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "DEBUG='maybe'" in result.stderr


def test_password_is_not_echoed():
    with pytest.raises(ConfigError) as excinfo:
        parse_database_url("postgres://user:secret@host:notaport/db")
    assert "secret" not in str(excinfo.value.code)


def test_parse_database_url():
    pg = parse_database_url(
        "postgresql://postgres:p%40ss@127.0.0.1:5432/canhgiac?sslmode=disable&conn_max_age=60"
    )
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "canhgiac",
        "postgres",
        "p@ss",
        "127.0.0.1",
        "5432",
    )
    assert pg["OPTIONS"] == {"sslmode": "disable"} and pg["CONN_MAX_AGE"] == 60
    assert parse_database_url("sqlite:////tmp/x.db")["NAME"] == "/tmp/x.db"
    assert parse_database_url("sqlite:///var/x.db")["NAME"] == "var/x.db"
    with pytest.raises(ConfigError):
        parse_database_url("postgres://host/")


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True
