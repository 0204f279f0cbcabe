"""What a command does, read off its shape: ``crontab -l`` lists the table (a look, no result of its
own), and a script run by its path is judged by its name as ``bash script.sh`` is (conversations
built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract.shell import raw_segments, segment_effect
from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _effect(command: str) -> list[str]:
    return [segment_effect(words, raw) for raw, words in raw_segments(command)]


def test_crontab_list_is_a_read_and_installing_a_table_a_change() -> None:
    assert _effect("crontab -l") == ["read"]
    assert _effect("ssh nas 'crontab -l'") == ["read"]
    assert _effect("crontab /tmp/new.cron") == ["change"]


def test_a_script_run_by_its_path_is_judged_by_its_name() -> None:
    assert _effect("./deploy.sh web") == ["change"]
    assert _effect("sudo /usr/local/bin/sync-photos.sh") == ["change"]
    assert _effect("/opt/tools/show-status.sh") == ["read"]


def test_a_script_whose_name_says_nothing_goes_by_its_subcommand() -> None:
    assert _effect("./manage.py migrate") == ["change"]
    assert _effect("./manage.py showmigrations") == ["read"]


def _lookup(c: Conv, ask: str, report: str) -> None:
    c.user(ask)
    c.run("crontab -l", "15 3 * * * /opt/tools/cleanup-tmp.sh >> /var/log/cleanup.log 2>&1")
    c.say(report)


def test_reading_the_cron_table_to_answer_is_no_outcome_en() -> None:
    c = Conv()
    _lookup(
        c,
        "When exactly does the tmp cleanup job run on this box? I keep forgetting and need to plan around it.",
        "The cleanup runs every night at 03:15 and logs to /var/log/cleanup.log.",
    )
    assert outcomes(c.items()) == []


def test_reading_the_cron_table_to_answer_is_no_outcome_es() -> None:
    c = Conv()
    _lookup(
        c,
        "¿A qué hora se ejecuta exactamente la limpieza de tmp en esta máquina? Siempre lo olvido y necesito saberlo.",
        "La limpieza se ejecuta cada noche a las 03:15 y escribe en /var/log/cleanup.log.",
    )
    assert outcomes(c.items()) == []


def _run_backup(c: Conv, ask: str, report: str) -> str:
    c.user(ask)
    ran = c.run(
        "sudo /usr/local/bin/backup-photos.sh",
        "Files: 412 new, 9 changed, 80211 unmodified\nsnapshot 7b21c0de saved",
    )
    c.say(report)
    return ran


def test_a_backup_script_run_by_its_path_gives_the_outcome_en() -> None:
    c = Conv()
    ran = _run_backup(
        c,
        "The photo backup missed the last two nights, can you run it by hand now so we have a fresh copy?",
        "The backup ran: snapshot 7b21c0de saved with 412 new files.",
    )
    (out,) = outcomes(c.items())
    assert ran in out.entry_ids and "7b21c0de" in out.text


def test_a_backup_script_run_by_its_path_gives_the_outcome_de() -> None:
    c = Conv()
    ran = _run_backup(
        c,
        "Das Foto-Backup ist die letzten zwei Nächte ausgefallen, kannst du es jetzt von Hand laufen lassen?",
        "Das Backup ist gelaufen: Snapshot 7b21c0de mit 412 neuen Dateien gespeichert.",
    )
    (out,) = outcomes(c.items())
    assert ran in out.entry_ids and "7b21c0de" in out.text
