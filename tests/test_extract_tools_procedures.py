"""Procedures from tool work and the shape of a procedure bullet, on conversations built here."""

from __future__ import annotations

import re

from tool_conv import Conv

from memoryd.flush.extract.procedures import compact_steps
from memoryd.flush.items import Item


def procedures(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "procedure"]


def test_long_step_lists_keep_every_step_in_order_within_the_limit() -> None:
    steps = [
        f"Step number {i}: run `deploy-tool --stage {i} --region eu-central-1 --really-long-flag`"
        for i in range(1, 9)
    ]
    text = compact_steps("Deploy the stack", steps)
    assert len(text) <= 300
    numbers = [int(n) for n in re.findall(r"(\d+)\) ", text)]
    assert numbers == list(range(1, 9))
    assert text.count("`") % 2 == 0  # no code span cut open
    assert compact_steps("Short", ["`a`", "`b`"]) == "Short: 1) `a` 2) `b`"


def test_commands_that_answer_a_how_to_request_and_pass_are_a_procedure() -> None:
    c = Conv()
    ask = c.user(
        "Restore yesterday's backup to /srv and write down the steps so I can do it myself next time."
    )
    s1 = c.run(
        "restic -r /mnt/backup snapshots",
        "ID        Time                 Host\n7b1e04c9  2026-11-20 03:00:01  nas",
    )
    c.run("ls /srv", "app")
    s2 = c.run("restic -r /mnt/backup restore latest --target /srv", "restoring <Snapshot 7b1e04c9> to /srv")
    s3 = c.run("sudo systemctl restart app", "")
    c.say("Restored snapshot 7b1e04c9 to /srv and restarted the app.")
    (proc,) = procedures(c.items())
    assert (
        proc.text.index("snapshots")
        < proc.text.index("restore latest")
        < proc.text.index("systemctl restart")
    )
    assert "ls /srv" not in proc.text
    assert {ask, s1, s2, s3} <= set(proc.entry_ids)


def test_the_same_sequence_run_in_two_turns_is_one_routine() -> None:
    c = Conv()
    for version in ("1.4.1", "1.4.2"):
        c.user(f"ship {version}")
        c.run("npm run build", "webpack compiled successfully")
        for _ in range(3):
            c.run("npm test", "Tests: 20 passed, 20 total")
        c.run(f"npm publish --tag v{version}", f"+ @acme/ui@{version}")
        c.say(f"Published {version}.")
    (proc,) = procedures(c.items())
    assert proc.text.count("npm test") == 1  # a command run again and again is one step
    assert proc.text.index("npm run build") < proc.text.index("npm test") < proc.text.index("npm publish")
    assert "2" in proc.text


def test_a_sequence_that_ended_in_failure_is_no_procedure() -> None:
    c = Conv()
    c.user("how do I deploy the worker? go ahead and do it")
    c.run("docker build -t worker:5 .", "Successfully built 3f2a")
    c.run(
        "kubectl apply -f k8s/worker.yaml",
        'Error from server (Invalid): error when creating "k8s/worker.yaml"',
        code=1,
    )
    assert procedures(c.items()) == []


def test_remember_how_after_the_commands_ran_keeps_them_as_a_must_keep_procedure() -> None:
    c = Conv()
    c.user("rotate the terraform state lock")
    c.run("terraform force-unlock -force 6f1c", "Terraform state has been successfully unlocked!")
    c.run("terraform plan -out plan.bin", "Plan: 0 to add, 1 to change, 0 to destroy.")
    c.run("terraform apply plan.bin", "Apply complete! Resources: 0 added, 1 changed, 0 destroyed.")
    c.say("Unlocked the state and applied the plan: 1 changed.")
    remember = c.user("remember these steps for next time")
    procs = procedures(c.items())
    assert len(procs) == 1 and procs[0].must_keep and remember in procs[0].entry_ids
    assert (
        procs[0].text.index("force-unlock")
        < procs[0].text.index("plan -out")
        < procs[0].text.index("apply plan.bin")
    )


def test_write_down_the_steps_after_the_work_keeps_the_commands_just_run() -> None:
    c = Conv()
    ask = c.user("renew the staging certificate")
    s1 = c.run("certbot renew --cert-name staging.example.net", "Congratulations, all renewals succeeded")
    s2 = c.run("sudo systemctl reload nginx", "")
    c.say("Renewed and reloaded.")
    later = c.user("that worked, write down these steps for next time")
    c.say("Saved.")
    (proc,) = procedures(c.items())
    assert {ask, s1, s2, later} <= set(proc.entry_ids)
    assert proc.text.index("certbot renew") < proc.text.index("systemctl reload nginx")
    assert proc.text.startswith("renew the staging certificate")


def test_steps_written_down_after_a_walk_through_are_named_after_the_task() -> None:
    c = Conv()
    task = c.user("let's do this: refresh the api fixtures, can you walk me through it?")
    c.run("make fixtures", "wrote 12 files")
    c.run("git add tests/__fixtures__", "")
    keep = c.user("good. write these steps down for next time")
    listed = c.say("The steps:\n1. `make fixtures`\n2. `git add tests/__fixtures__`")
    (proc,) = procedures(c.items())
    assert proc.text.startswith("refresh the api fixtures: ")
    assert "`git add tests/__fixtures__`" in proc.text  # code spans stay as written
    assert {task, keep, listed} <= set(proc.entry_ids)
