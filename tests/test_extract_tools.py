"""Outcomes from tool work, on small tool-loop conversations written here entry by entry.

Each conversation is built in code (several shells and tools: pytest, npm, cargo, go test, curl,
kubectl, terraform, psql, git) and parsed by the real transcript parser; the assertions are about
structure: which runs failed, which later run closed the failure, what the bullet cites.
"""

from __future__ import annotations

import pytest
from tool_conv import Conv

from memoryd.flush.extract.shell import identity, raw_segments
from memoryd.flush.extract.tools import fit, fit_all, text_failure
from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def test_failing_tests_then_fix_then_passing_is_one_outcome_citing_all_three() -> None:
    c = Conv()
    c.user("the invoice tests are red, can you fix them?")
    fail = c.run(
        "pytest tests/test_invoice.py -q",
        "FAILED tests/test_invoice.py::test_total - AssertionError: 3 != 4\n3 failed, 12 passed in 0.41s",
        code=1,
    )
    fix = c.edit("src/invoice.py")
    ok = c.run("pytest tests/test_invoice.py -q", "15 passed in 0.39s")
    report = c.say("All 15 invoice tests pass now; the rounding in `total()` used floor instead of round.")
    found = outcomes(c.items())
    assert len(found) == 1
    item = found[0]
    assert {fail, fix, ok, report} <= set(item.entry_ids)
    assert "test_total" in item.text and "15" in item.text and "src/invoice.py" in item.text
    assert not item.must_keep
    assert len(item.text) <= 300


def test_another_subcommand_passing_does_not_close_a_failing_push() -> None:
    c = Conv()
    c.user("push the branch")
    push = c.run(
        "git push origin feature-9",
        "! [rejected]        feature-9 -> feature-9 (non-fast-forward)\nerror: failed to push some refs",
        code=1,
    )
    c.run("git status", "On branch feature-9\nnothing to commit, working tree clean")
    c.run("npm test", "Tests: 40 passed, 40 total")
    c.say("The push was rejected because the remote has newer commits.")
    found = outcomes(c.items())
    assert len(found) == 1
    assert found[0].must_keep and push in found[0].entry_ids
    assert "git push" in found[0].text and "failing" in found[0].text.lower()


def test_a_passing_push_closes_the_failing_push() -> None:
    c = Conv()
    c.user("push it")
    c.run("git push origin feature-9", "error: failed to push some refs\nhint: Updates were rejected", code=1)
    c.run("git pull --rebase origin feature-9", "Successfully rebased and updated refs/heads/feature-9.")
    ok = c.run(
        "git push origin feature-9", "To github.com:acme/app.git\n   1a2b3c4..5d6e7f8  feature-9 -> feature-9"
    )
    found = outcomes(c.items())
    assert len(found) == 1 and not found[0].must_keep and ok in found[0].entry_ids


def test_http_error_with_exit_code_zero_is_an_unresolved_failure() -> None:
    c = Conv()
    c.user("is the api healthy after the deploy?")
    probe = c.run(
        "curl -si https://api.example.net/health", "HTTP/1.1 503 Service Unavailable\ncontent-length: 0"
    )
    c.say("The health endpoint answers 503.")
    found = outcomes(c.items())
    assert len(found) == 1 and found[0].must_keep and probe in found[0].entry_ids
    assert "503" in found[0].text


def test_http_status_printed_by_curl_w_then_recovery_is_one_resolved_outcome() -> None:
    c = Conv()
    c.user("check the shop endpoint")
    url = "https://shop.example.net/api/cart"
    first = c.run(f"curl -s -o /dev/null -w '%{{http_code}}' {url}", "502")
    c.run("kubectl rollout restart deploy/cart -n shop", "deployment.apps/cart restarted")
    for _ in range(5):  # polling while it comes back
        c.run(f"curl -s -o /dev/null -w '%{{http_code}}' {url}", "502")
    last = c.run(f"curl -s -o /dev/null -w '%{{http_code}}' {url}", "200")
    c.say("The cart API is back: 200 after restarting deploy/cart.")
    found = outcomes(c.items())
    assert len(found) == 1
    assert not found[0].must_keep and {first, last} <= set(found[0].entry_ids)
    assert "502" in found[0].text


def test_build_errors_in_output_make_a_failure_that_a_test_run_does_not_close() -> None:
    c = Conv()
    c.user("build the frontend")
    build = c.run(
        "npm run build",
        "ERROR in src/app.ts:12:5\nTS2322: Type 'string' is not assignable to type 'number'.\n"
        "webpack 5.91.0 compiled with 1 error in 2110 ms",
    )  # exit code 0: the wrapper swallowed it
    c.run("npm test", "Tests:       12 passed, 12 total")
    found = outcomes(c.items())
    assert len(found) == 1 and found[0].must_keep and build in found[0].entry_ids


def test_a_long_polling_loop_of_the_same_failing_command_gives_one_item() -> None:
    c = Conv()
    c.user("wait for the rollout")
    for i in range(20):
        c.run(
            "kubectl rollout status deploy/web -n prod --timeout=10s",
            f'Waiting for deployment "web" rollout to finish: {i % 3} of 3 updated replicas are available...\n'
            "error: timed out waiting for the condition",
            code=1,
        )
    c.run("kubectl rollout status deploy/web -n prod", 'deployment "web" successfully rolled out')
    c.say("Rollout of deploy/web finished: 3 of 3 replicas are available.")
    found = outcomes(c.items())
    assert len(found) == 1 and not found[0].must_keep
    assert len(found[0].entry_ids) <= 6


def test_an_error_a_fix_swaps_for_another_in_one_turn_is_one_outcome() -> None:
    c = Conv()
    c.user("make go test pass")
    c.run(
        "go test ./pkg/store/...",
        "--- FAIL: TestPut (0.00s)\n    store_test.go:41: KeyError: missing\nFAIL",
        code=1,
    )
    c.edit("pkg/store/store.go")
    c.run(
        "go test ./pkg/store/...",
        "--- FAIL: TestGet (0.00s)\n    panic: IndexError: out of range\nFAIL",
        code=1,
    )
    c.edit("pkg/store/get.go")
    c.run("go test ./pkg/store/...", "ok  \texample.com/pkg/store\t0.012s")
    found = outcomes(c.items())
    # one failure told by how it ended, citing the first error's run too (round 3: the split
    # into two outcomes was a false positive on fresh6)
    assert len(found) == 1 and not found[0].must_keep
    assert "b0000003" in found[0].entry_ids and "IndexError" in found[0].text


def test_cargo_and_terraform_failures_are_told_apart() -> None:
    c = Conv()
    c.user("run the tests and apply the infra")
    c.run(
        "cargo test -p core",
        "test parse::tests::roundtrip ... FAILED\ntest result: FAILED. 41 passed; 1 failed; 0 ignored",
        code=101,
    )
    c.edit("core/src/parse.rs")
    c.run("cargo test -p core", "test result: ok. 42 passed; 0 failed; 0 ignored")
    tf = c.run("terraform apply -auto-approve", "Error: creating S3 Bucket (logs-7): BucketAlreadyExists")
    found = outcomes(c.items())
    assert len(found) == 2
    resolved = [i for i in found if not i.must_keep]
    still = [i for i in found if i.must_keep]
    assert len(resolved) == 1 and "42 passed" in resolved[0].text
    assert len(still) == 1 and tf in still[0].entry_ids and "BucketAlreadyExists" in still[0].text


def test_psql_script_errors_with_exit_zero_are_a_failure() -> None:
    c = Conv()
    c.user("apply the migration")
    run = c.run(
        "psql -h db1 -d shop -f migrations/0042.sql",
        'BEGIN\npsql:migrations/0042.sql:3: ERROR:  column "currency" of relation "orders" already exists\nROLLBACK',
    )
    found = outcomes(c.items())
    assert len(found) == 1 and found[0].must_keep and run in found[0].entry_ids


def test_error_words_in_data_that_was_read_are_not_failures() -> None:
    c = Conv()
    c.user("what do the logs say?")
    c.run(
        "kubectl logs deploy/web -n prod --tail=50",
        "ERROR: upstream timed out\nTraceback (most recent call last):",
    )
    c.run("cat /var/log/app/app.log", "2026-11-21 ERROR something broke\nFAILED job 7")
    c.call("read", {"path": "notes/errors.md"}, "# Errors\nerror: 3 failed, 2 errored")
    c.say("The log shows upstream timeouts from the payments service.")
    assert outcomes(c.items()) == []


def test_zero_failures_in_a_summary_is_a_pass() -> None:
    assert not text_failure("==== 12 passed, 0 failed in 1.2s ====")
    assert not text_failure("Found 0 errors. Watching for file changes.")
    assert not text_failure("Tests: 5, Assertions: 9, Failures: 0.")
    assert not text_failure("    return Response(body, status=404)")  # source code a run printed
    passed = "\n".join(f"tests/test_x.py::test_failover_{i} PASSED" for i in range(300))
    assert text_failure(passed + "\n==== 1 failed, 299 passed in 3.1s ====") and not text_failure(passed)
    assert text_failure("\x1b[31mFAILED\x1b[0m tests/test_a.py::test_x")
    assert text_failure("Tests:       2 failed, 10 passed, 12 total")
    assert text_failure("FAILED (failures=2, errors=1)")
    assert text_failure("Traceback (most recent call last):\n  File 'x.py'")
    assert text_failure("fatal: not a git repository")
    assert text_failure('{"status": 500, "error": "internal"}')
    assert text_failure("job 7 errored after 3 retries")
    assert (
        text_failure("Failed to connect to db-1:5432")
        and text_failure("HTTP 502")
        and text_failure("status code 500")
    )
    assert not text_failure("| orders_daily | dbt_run | failed")  # a listing of states is data
    assert not text_failure('{"status": 200, "items": []}')


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("git push origin main", ("git", "push", "origin")),
        ("npm run build", ("npm", "run build", "")),
        ("pytest tests/test_a.py::test_x -q", ("pytest", "", "tests/test_a.py")),
        (
            "curl -s -o /dev/null -w '%{http_code}' https://api.x.io/health?v=1",
            ("curl", "", "https://api.x.io/health"),
        ),
        ("kubectl -n prod rollout status deploy/web", ("kubectl", "rollout status", "deploy/web")),
        ("pip install requests==2.32", ("pip", "install", "requests")),
        ("sudo systemctl restart nginx", ("systemctl", "restart", "nginx")),
        ("uv run pytest tests/test_b.py", ("pytest", "", "tests/test_b.py")),
        ("docker compose -f deploy/x.yml up -d", ("docker", "compose up", "deploy/x.yml")),
        ("kubectl apply -f k8s/web.yaml", ("kubectl", "apply", "k8s/web.yaml")),
        ("restic -r /mnt/backup snapshots", ("restic", "snapshots", "/mnt/backup")),
        ("npm --prefix web run build", ("npm", "run build", "")),
    ],
)
def test_command_identity_is_program_subcommand_and_main_target(
    command: str, expected: tuple[str, str, str]
) -> None:
    [(_, words)] = raw_segments(command)
    assert identity(words) == expected


def test_fit_cuts_at_a_clause_outside_brackets_and_code() -> None:
    s = "The migration failed on staging, because `lock_timeout (2 s)` expired, and a report held the table lock"
    out = fit(s, 80)
    assert out == "The migration failed on staging, because `lock_timeout (2 s)` expired"
    assert fit("short one", 80) == "short one"
    assert fit_all(["one part", "a second part that is long " * 10, "third"], 60) == "one part; third"


def test_an_action_outcome_states_the_closing_report_not_the_command_echo() -> None:
    c = Conv()
    c.user("deploy the api to staging")
    deploy = c.run(
        "helm upgrade api charts/api -n staging --set image.tag=2.14.1",
        'Release "api" has been upgraded. Happy Helming!\nREVISION: 42',
    )
    report = c.say("Deployed api 2.14.1 to staging as Helm revision 42. Want me to run the smoke tests next?")
    (item,) = outcomes(c.items())
    assert {deploy, report} <= set(item.entry_ids)
    assert "revision 42" in item.text and "2.14.1" in item.text
    assert "Want me" not in item.text and "helm upgrade" not in item.text


def test_bullets_are_cut_at_clause_boundaries_not_mid_word() -> None:
    c = Conv()
    c.user("fix the flaky checkout test")
    c.run(
        "npx playwright test e2e/checkout.spec.ts",
        "  1) e2e/checkout.spec.ts:41:5 › applies a discount code ────────\n"
        "    TimeoutError: locator.click: Timeout 5000ms exceeded while waiting for the Apply button "
        "to become enabled after typing the discount code into the field\n  1 failed\n  5 passed (14.2s)",
        code=1,
    )
    c.say(
        "The Apply button stays disabled until the debounced value is validated, because e41b9d2 raised the "
        "shared debounce from 150 ms to 400 ms, so a fast user (or Playwright) who clicks right after typing "
        "hits a disabled button, which the test reports as a timeout on the click."
    )
    c.edit("src/components/checkout/DiscountField.tsx")
    c.run("npx playwright test e2e/checkout.spec.ts", "  6 passed (12.9s)")
    c.say("Checkout e2e is green again: 6 of 6 pass, and the discount code applies right after typing.")
    (item,) = outcomes(c.items())
    assert len(item.text) <= 300 and "6 of 6" in item.text
    for part in item.text.split("; "):
        assert not part.endswith(("the", "a", "to", "of", ",")), part


def test_a_poll_that_never_passes_is_one_must_keep_item_with_what_the_user_said() -> None:
    c = Conv()
    c.user("wait until the job is green")
    first = c.run("gh run watch 8812 --exit-status", "X build  ci.yml  #8812\nX test failed in 3m2s", code=1)
    for _ in range(15):
        last = c.run(
            "gh run watch 8812 --exit-status", "X build  ci.yml  #8812\nX test failed in 3m2s", code=1
        )
    c.say("Run 8812 keeps failing in the test job: `test_sync` times out against the staging API.")
    said = c.user("leave it, the staging API is down until tomorrow")
    found = outcomes(c.items())
    assert len(found) == 1 and found[0].must_keep
    assert {first, last, said} <= set(found[0].entry_ids)
    assert "staging API is down" in found[0].text


def test_repeated_reads_and_successful_checks_are_no_outcome() -> None:
    c = Conv()
    c.user("keep an eye on the pods")
    for _ in range(20):
        c.run("kubectl get pods -n prod", "NAME    READY   STATUS    RESTARTS\nweb-1   1/1     Running   0")
        c.run("curl -fsS https://api.example.net/health", '{"status": "ok"}')
    assert outcomes(c.items()) == []


def test_a_failed_terraform_apply_fixed_and_applied_cites_the_fix() -> None:
    c = Conv()
    c.user("apply the bucket change")
    fail = c.run(
        "terraform apply -auto-approve",
        "aws_s3_bucket.logs: Creating...\nError: creating S3 Bucket (acme-logs): BucketAlreadyExists",
        code=1,
    )
    c.say("The name acme-logs is taken globally, so I renamed the bucket to acme-logs-eu1 in main.tf.")
    fix = c.edit("infra/main.tf", 'bucket = "acme-logs-eu1"\n')
    ok = c.run("terraform apply -auto-approve", "Apply complete! Resources: 2 added, 0 changed, 0 destroyed.")
    c.say("Applied: 2 resources added, the logs bucket is acme-logs-eu1 now.")
    (item,) = outcomes(c.items())
    assert {fail, fix, ok} <= set(item.entry_ids)
    assert "BucketAlreadyExists" in item.text and "acme-logs-eu1" in item.text


def test_a_flapping_probe_polled_many_times_is_one_item() -> None:
    c = Conv()
    c.user("watch the health endpoint for a while")
    for i in range(20):
        if i % 2:
            c.run("curl -si https://api.example.net/health", "HTTP/1.1 200 OK\n\nok")
        else:
            c.run(
                "curl -si https://api.example.net/health", "HTTP/1.1 503 Service Unavailable\n\nupstream down"
            )
    c.say("The endpoint flaps between 503 and 200 every few seconds.")
    assert len(outcomes(c.items())) == 1


def test_a_run_over_the_folder_closes_a_failure_of_a_file_in_it() -> None:
    c = Conv()
    c.user("fix the parser tests")
    c.run(
        "pytest tests/test_parse.py -q",
        "FAILED tests/test_parse.py::test_dates - ValueError\n1 failed",
        code=1,
    )
    c.edit("src/parse.py")
    ok = c.run("pytest tests -q", "48 passed in 2.10s")
    (item,) = outcomes(c.items())
    assert not item.must_keep and ok in item.entry_ids


def test_another_program_installing_the_same_package_closes_the_failure() -> None:
    c = Conv()
    c.user("install ripgrep")
    c.run("sudo apt-get install -y ripgrep", "E: Unable to locate package ripgrep", code=100)
    ok = c.run("cargo install ripgrep", "Installed package `ripgrep v14.1.0` (executable `rg`)")
    (item,) = outcomes(c.items())
    assert not item.must_keep and ok in item.entry_ids


def test_a_wait_that_ended_is_one_outcome_in_the_agents_words() -> None:
    c = Conv()
    c.user("start the nightly export and tell me when it finishes")
    first = c.run("systemctl status export@2291", "state: RUNNING (step 1/4) elapsed 30s")
    for i in range(2, 8):
        c.run("sleep 30", "")
        c.run("systemctl status export@2291", f"state: RUNNING (step {min(i, 4)}/4) elapsed {30 * i}s")
    last = c.run("systemctl status export@2291", "state: SUCCEEDED (step 4/4) elapsed 270s")
    report = c.say("Export run 2291 finished: SUCCEEDED after 270 s.")
    (item,) = outcomes(c.items())
    assert {first, last, report} <= set(item.entry_ids)
    assert "2291" in item.text and not item.must_keep


def test_a_wait_that_ended_in_a_failed_state_is_an_unresolved_failure() -> None:
    c = Conv()
    c.user("watch the deploy pipeline")
    for _ in range(4):
        c.run("gh run view 5120 --json status,conclusion", '{"status": "in_progress", "conclusion": ""}')
    last = c.run(
        "gh run view 5120 --json status,conclusion", '{"status": "completed", "conclusion": "failure"}'
    )
    c.say("Pipeline 5120 completed with conclusion failure.")
    (item,) = outcomes(c.items())
    assert item.must_keep and last in item.entry_ids


def test_a_walk_through_whose_steps_are_written_down_is_a_procedure_not_an_outcome() -> None:
    c = Conv()
    c.user("rotate the app's TLS cert, walk me through it")
    c.run("certbot renew --cert-name shop.example.net", "Congratulations, all renewals succeeded")
    c.run("sudo systemctl reload nginx", "")
    c.user("great, write these steps down for next time")
    c.say("The steps:\n1. `certbot renew --cert-name shop.example.net`\n2. `sudo systemctl reload nginx`")
    items = c.items()
    assert outcomes(items) == []
    assert [i.kind for i in items if i.kind == "procedure"] == ["procedure"]


def test_a_reply_to_options_after_a_failure_is_still_read_as_a_choice() -> None:
    c = Conv()
    c.user("why did last night's load fail?")
    c.run(
        "dbt run --select orders_daily --target prod",
        "1 of 1 ERROR creating incremental model orders_daily",
        code=1,
    )
    c.say(
        "The partition landed late. Two ways:\n\n**Option A:** add a sensor that waits for the partition.\n"
        "**Option B:** move the schedule to 05:30 UTC.\n\nWhich one?"
    )
    reply = c.user("A, definitely")
    items = c.items()
    (failure,) = outcomes(items)
    assert (
        failure.must_keep and reply not in failure.entry_ids
    )  # the reply is a choice, not about the failure
    assert any(i.kind == "decision" and reply in i.entry_ids for i in items)


@pytest.mark.parametrize(
    "command",
    [
        "",
        "-",
        "'unclosed",
        'echo "a" | ',
        "sudo",
        "npx -y",
        "cat <<EOF\nx\nEOF",
        "a && && b",
        "ssh host",
        "--flag value",
    ],
)
def test_odd_command_lines_fail_and_pass_without_error(command: str) -> None:
    c = Conv()
    c.user("try it")
    c.run(command, "error: something\nTraceback (most recent call last):", code=2)
    c.run(command, "HTTP/1.1 200 OK")
    for item in c.items():
        assert len(item.text) <= 300


def test_a_tool_that_sends_something_and_reports_a_failed_status_is_a_failure() -> None:
    c = Conv()
    c.user("send the invoice to the client")
    sent = c.call(
        "email_send", {"to": "billing@client.example", "subject": "Invoice F-0412"}, '{"status": "failed"}'
    )
    c.say("The mail server refused the message.")
    (item,) = outcomes(c.items())
    assert item.must_keep and sent in item.entry_ids


def test_the_result_clause_of_a_long_report_sentence_is_the_one_kept() -> None:
    c = Conv()
    c.user("the ui tests are red")
    c.run("make test", "FAILED packages/ui/src/Button.test.tsx\n1 failed, 60 passed", code=2)
    c.edit("packages/ui/src/Button.tsx")
    c.run("make test", "61 passed in 9.04s")
    c.say(
        "Done. packages/ui/src/Button.test.tsx failed because of an off-by-one in the tab index; "
        "I fixed packages/ui/src/Button.tsx and all 61 tests pass now."
    )
    (item,) = outcomes(c.items())
    assert "all 61 tests pass" in item.text


def test_runs_with_edits_in_between_are_work_not_a_wait() -> None:
    c = Conv()
    c.user("tune the bundle size")
    for size in (412, 398, 377):
        c.edit("webpack.config.js")
        c.run("npm run build", f"main.js {size} KiB\nwebpack compiled successfully")
    assert outcomes(c.items()) == []
