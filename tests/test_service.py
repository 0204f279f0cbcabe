"""``memoryd service install|uninstall``: real files in a temporary XDG_CONFIG_HOME, nothing else touched."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from memoryd import service

REPO = Path(__file__).resolve().parent.parent
VENV_MEMORYD = Path(sys.executable).parent / "memoryd"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "PATH": "", **extra}


def _files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_the_shipped_unit_is_the_rendered_template() -> None:
    assert (REPO / "systemd" / "memoryd.service").read_text(encoding="utf-8") == service.render_unit()
    assert "ExecStart=%h/.local/bin/memoryd run\n" in service.render_unit()


def test_install_writes_the_unit_with_the_real_program_and_prints_the_steps(tmp_path: Path) -> None:
    out = io.StringIO()
    assert service.install(_env(tmp_path), out, exec_path=str(VENV_MEMORYD)) == 0
    unit = tmp_path / "cfg" / "systemd" / "user" / "memoryd.service"
    text = unit.read_text(encoding="utf-8")
    assert f"ExecStart={VENV_MEMORYD} run\n" in text
    assert text == service.render_unit(str(VENV_MEMORYD))
    assert _files_under(tmp_path) == ["cfg/systemd/user/memoryd.service"]
    printed = out.getvalue()
    for step in (
        "systemctl --user daemon-reload",
        "systemctl --user enable --now memoryd",
        "loginctl enable-linger $USER",
    ):
        assert step in printed


def test_install_again_is_a_no_op(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    out = io.StringIO()
    assert service.install(env, out, exec_path=str(VENV_MEMORYD)) == 0
    assert "already up to date" in out.getvalue()


def test_install_refuses_to_overwrite_a_different_unit_without_force(tmp_path: Path) -> None:
    env = _env(tmp_path)
    unit = service.unit_path(env)
    unit.parent.mkdir(parents=True)
    unit.write_text("[Service]\nExecStart=/usr/bin/true\n")
    out = io.StringIO()
    assert service.install(env, out, exec_path=str(VENV_MEMORYD)) == 1
    assert "--force" in out.getvalue()
    assert unit.read_text() == "[Service]\nExecStart=/usr/bin/true\n"

    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD), force=True) == 0
    assert unit.read_text(encoding="utf-8") == service.render_unit(str(VENV_MEMORYD))


def test_install_refuses_a_program_that_does_not_exist(tmp_path: Path) -> None:
    out = io.StringIO()
    assert service.install(_env(tmp_path), out, exec_path=str(tmp_path / "nope" / "memoryd")) == 1
    assert "not an existing" in out.getvalue()
    assert not (tmp_path / "cfg").exists()


def test_install_finds_memoryd_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["pytest"])
    env = _env(tmp_path, PATH=str(VENV_MEMORYD.parent))
    assert service.install(env, io.StringIO()) == 0
    assert f"ExecStart={VENV_MEMORYD} run\n" in service.unit_path(env).read_text(encoding="utf-8")


def test_install_without_a_script_falls_back_to_python_dash_m(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["pytest"])
    env = _env(tmp_path)
    assert service.install(env, io.StringIO()) == 0
    expected = f"ExecStart={service.systemd_quote(sys.executable)} -m memoryd run\n"
    assert expected in service.unit_path(env).read_text(encoding="utf-8")


def test_systemd_quote_escapes_specifiers_and_blanks() -> None:
    assert service.systemd_quote("/opt/memoryd/bin/memoryd") == "/opt/memoryd/bin/memoryd"
    assert service.systemd_quote("/home/a b/100%/$x") == '"/home/a b/100%%/$$x"'


def test_uninstall_removes_only_the_unit_and_prints_the_reload(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    keep = service.unit_dir(env) / "other.service"
    keep.write_text("[Service]\nExecStart=/usr/bin/true\n")
    out = io.StringIO()
    assert service.uninstall(env, out) == 0
    assert not service.unit_path(env).exists()
    assert keep.exists()
    assert "systemctl --user daemon-reload" in out.getvalue()
    assert "disable" not in out.getvalue()  # not enabled: nothing to disable

    again = io.StringIO()
    assert service.uninstall(env, again) == 0
    assert "nothing to do" in again.getvalue()


def test_uninstall_of_an_enabled_unit_says_disable_first_and_keeps_the_file(tmp_path: Path) -> None:
    env = _env(tmp_path)
    assert service.install(env, io.StringIO(), exec_path=str(VENV_MEMORYD)) == 0
    wants = service.unit_dir(env) / "default.target.wants"
    wants.mkdir()
    (wants / service.UNIT_NAME).symlink_to(service.unit_path(env))
    out = io.StringIO()
    assert service.uninstall(env, out) == 1
    assert service.unit_path(env).exists()  # systemctl still needs it to stop the service
    text = out.getvalue()
    assert text.index("systemctl --user disable --now memoryd") < text.index("memoryd service uninstall\n")
    assert service.uninstall(env, io.StringIO(), force=True) == 0
    assert not service.unit_path(env).exists()
