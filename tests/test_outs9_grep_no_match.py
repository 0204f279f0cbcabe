"""A run whose exit code 1 comes from a final ``grep`` that matched nothing (``grep -c`` printing 0,
``grep -q``, no output at all) is grep's answer, not a failure: no failure chain, no "still failing".
A grep that prints an error, or exit 2, still fails. Conversations written here, in en/de/es."""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract.shell import found_nothing, raw_segments


def _segs(command: str) -> list[tuple[str, list[str]]]:
    return raw_segments(command)


def test_count_of_zero_is_no_failure() -> None:
    assert found_nothing(
        _segs("make build && grep -c 'TODO' out/report.txt"), "0\n\nCommand exited with code 1", 1
    )


def test_quiet_grep_and_empty_output_are_no_failure() -> None:
    assert found_nothing(_segs("grep -q secret config.env"), "Command exited with code 1", 1)
    assert found_nothing(_segs("journal.sh | grep ERROR"), "", 1)


def test_grep_errors_and_other_programs_still_fail() -> None:
    assert not found_nothing(
        _segs("grep -n x missing.txt"), "grep: missing.txt: No such file or directory", 1
    )
    assert not found_nothing(_segs("grep -c x a.txt"), "0", 2)
    assert not found_nothing(_segs("grep -c x a.txt; pytest"), "0", 1)
    assert not found_nothing(_segs("grep -c x a.txt"), "3", 1)


def test_en_nothing_left_to_find_is_no_open_failure() -> None:
    t = Transcript()
    t.user("strip the debug flags from the release config please")
    t.bash("sed -i 's/^debug=.*//' conf/release.ini", "")
    t.bash("./gradlew assembleRelease -q && grep -c '^debug=' build/release.ini", "0", code=1)
    t.assistant(
        "grep finds 0 debug lines now, exit 1 only means no match: the release build has no debug flags left."
    )
    outcomes = of_kind(t.items(), "outcome")
    assert not any(o.must_keep for o in outcomes)
    assert not any("grep -c" in o.text for o in outcomes)


def test_de_quiet_grep_after_a_build_is_no_failure() -> None:
    t = Transcript()
    t.user("prüf bitte, ob im Build noch die alte API-Adresse drin ist")
    t.bash("npm run build && grep -rq 'api-alt.intern' dist/", "", code=1)
    t.assistant("Gebaut, und in dist/ steht die alte Adresse api-alt.intern nirgends mehr.")
    outcomes = of_kind(t.items(), "outcome")
    assert not any(o.must_keep for o in outcomes)
    assert not any(o.text.startswith(("Schlägt weiter fehl", "Still failing")) for o in outcomes)


def test_es_count_of_zero_after_a_fix_is_no_open_failure() -> None:
    t = Transcript()
    t.user("quita las filas duplicadas de socios.csv")
    t.bash(
        "python3 dedup.py socios.csv && cut -d';' -f1 socios.csv | sort | uniq -d | grep -c .", "0", code=1
    )
    t.assistant("Listo: socios.csv ya no tiene ningún duplicado (grep cuenta 0).")
    outcomes = of_kind(t.items(), "outcome")
    assert not any(o.must_keep for o in outcomes)
    assert not any(o.text.startswith(("Sigue fallando", "Still failing")) for o in outcomes)
