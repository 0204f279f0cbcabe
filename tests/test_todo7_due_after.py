"""A bare due day said as its own sentence after a task belongs to that task.

Structure (fresh7 and fresh16, two writers): "... Mei should also add the subnet to the module so it
doesn't drift. by wednesday the 25th."; "Mei renames the env keys and ships the fix. by Monday": the
task, then its due day alone, a sentence of at most a few words opening with by / bis / antes de /
avant / entro. Read together they are one dated task; the owner named before the modal keeps it
hers even when the assistant then runs a tool.
"""

from __future__ import annotations

from test_extract import Transcript, of_kind

from memoryd.flush.extract import todos


def test_the_due_day_after_the_task_in_english() -> None:
    said = ("ok, Priya should also move the backups to the new bucket.", "by friday the 11th.", "thanks")
    assert todos.due_after(said, 0) == "by friday the 11th"
    assert todos.due_after(said, 1) == ""
    t = Transcript()
    t.user("ok. tell you what, Priya should also move the backups to the new bucket. by friday the 11th.")
    t.bash("echo '- Priya: backups to new bucket by Fri 11th' >> oncall.md", "")
    t.assistant("Written to the on-call log.")
    (todo,) = of_kind(t.items(), "todo")
    assert "Priya should also move the backups" in todo.text and "friday the 11th" in todo.text


def test_the_due_day_after_the_task_in_german() -> None:
    said = ("und Jonas soll die Zertifikate auf dem Proxy tauschen.", "bis Dienstag.")
    assert todos.due_after(said, 0) == "bis Dienstag"
    assert (
        todos.due_after(
            ("Jonas tauscht die Zertifikate.", "bis Dienstag ist noch viel Zeit, wir reden morgen"), 0
        )
        == ""
    )
