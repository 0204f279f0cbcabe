"""Build the fresh5 split: 14 hand-written conversations of a software and operations engineer
(coding, reviews, deploys, data jobs, a homelab), in the terminal (pi), the control UI and Telegram.

Written turn by turn below; ``tests/data/eval/envelope.py`` adds the envelope. Run
``python tests/data/eval/fresh5/build.py`` to rewrite this folder, or ``--out DIR`` to write elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

NIKO = ("Niko Varga", "nvarga", "55190342")
HOME = "/home/niko/.openclaw/workspace"


def c01() -> Conv:
    c = Conv("01-flaky-settlement-test", "2026-11-30T08:12:00", 1, "pi", cwd="/home/niko/src/ledgerline")
    c.u(
        "morning. test_settlement_batch in tests/integration keeps failing on CI but passes for me locally. "
        "can you dig in? run it with -p no:randomly first so we see if it's ordering"
    )
    c.a(
        "Let me run it in fixed order first.",
        tools=[
            ("bash", {"command": ".venv/bin/pytest tests/integration/test_settlement.py -p no:randomly -q"})
        ],
    )
    c.r("....                                                                     [100%]\n4 passed in 3.21s")
    c.a(
        "Passes in file order. CI runs with pytest-randomly, so let me get the seed from the failed run.",
        tools=[
            (
                "bash",
                {
                    "command": "gh run list --workflow ci.yml --status failure -L 1 --json databaseId -q '.[0].databaseId' | xargs -I{} gh run view {} --log-failed | grep -E 'randomly-seed|FAILED|assert'"
                },
            )
        ],
    )
    c.r(
        "integration\tUsing --randomly-seed=2291734\n"
        "integration\tFAILED tests/integration/test_settlement.py::test_settlement_batch - AssertionError: assert 5 == 4\n"
        "integration\t E       assert len(batch.lines) == 4"
    )
    c.a(
        "Seed 2291734. Reproducing with it.",
        tools=[
            ("bash", {"command": ".venv/bin/pytest tests/integration -q -p randomly --randomly-seed=2291734"})
        ],
    )
    r_seed = c.r(
        "..F..................................\n"
        "FAILED tests/integration/test_settlement.py::test_settlement_batch - AssertionError: assert 5 == 4\n"
        "1 failed, 37 passed in 40.88s",
        exit_code=1,
    )
    a_opts = c.a(
        "Reproduced. With this seed `test_refund_reversal` runs just before it and leaves a settlement row "
        "behind: the `db` fixture in `tests/conftest.py` is module-scoped, so rows leak from one test to the next.\n\n"
        "Three ways to fix it:\n"
        "1. Make `db` function-scoped: each test recreates the schema, roughly +40 s on the suite.\n"
        "2. Wrap each test in a transaction with a SAVEPOINT and roll back. Fast, but `batch.run()` opens its "
        "own connection, so it would not see the test's uncommitted rows.\n"
        "3. Keep the scope and truncate the settlement tables in the fixture's teardown.\n\n"
        "Which one do you want?",
        think="Seed-dependent, 5 rows instead of 4. The extra row must come from a test that ran earlier in the same module. "
        "conftest: db fixture scope='module'. That is it.",
    )
    u_pick = c.u("third. the first is too slow and 2 won't work with batch.run, you said it yourself")
    c.a(
        "Truncate at teardown it is.",
        tools=[
            (
                "edit",
                {
                    "path": "tests/conftest.py",
                    "oldText": "    yield conn\n    conn.close()",
                    "newText": "    yield conn\n    conn.execute('TRUNCATE settlements RESTART IDENTITY')\n    conn.close()",
                },
            )
        ],
    )
    c.r("Successfully replaced text in tests/conftest.py.")
    c.a(
        "",
        tools=[
            ("bash", {"command": ".venv/bin/pytest tests/integration -q -p randomly --randomly-seed=2291734"})
        ],
    )
    r_fk = c.r(
        "E   psycopg.errors.FeatureNotSupported: cannot truncate a table referenced in a foreign key constraint\n"
        'DETAIL:  Table "payout_lines" references "settlements".\n'
        'HINT:  Truncate table "payout_lines" at the same time, or use TRUNCATE ... CASCADE.\n'
        "ERROR tests/integration/test_settlement.py::test_settlement_batch - psycopg.errors.FeatureNotSupported\n"
        "1 error, 36 passed, 1 failed in 39.12s",
        exit_code=1,
    )
    a_fix = c.a(
        "`payout_lines` references `settlements`. I'd rather name both tables than use CASCADE, so nothing else gets wiped by surprise.",
        tools=[
            (
                "edit",
                {
                    "path": "tests/conftest.py",
                    "oldText": "TRUNCATE settlements RESTART IDENTITY",
                    "newText": "TRUNCATE payout_lines, settlements RESTART IDENTITY",
                },
            )
        ],
    )
    c.r("Successfully replaced text in tests/conftest.py.")
    c.a(
        "",
        tools=[
            ("bash", {"command": ".venv/bin/pytest tests/integration -q -p randomly --randomly-seed=2291734"})
        ],
    )
    r_pass = c.r("......................................\n38 passed in 41.47s")
    c.a(
        "Green with the CI seed. Let me try a few more seeds to be sure it's not just this one.",
        tools=[
            (
                "bash",
                {
                    "command": "for s in 1 2 3 4 5; do .venv/bin/pytest tests/integration -q -p randomly --randomly-seed=$s | tail -1; done"
                },
            )
        ],
    )
    r_loop = c.r(
        "38 passed in 40.93s\n38 passed in 41.20s\n38 passed in 41.05s\n"
        "1 failed, 37 passed in 46.71s\n38 passed in 40.66s"
    )
    c.a(
        "Seed 4 had a failure, and the loop still exited 0 because of the `tail`. Looking at seed 4 alone.",
        tools=[
            ("bash", {"command": ".venv/bin/pytest tests/integration -q -p randomly --randomly-seed=4 -x"})
        ],
    )
    r_wh = c.r(
        "FAILED tests/integration/test_webhooks.py::test_webhook_retry - httpx.ConnectTimeout: timed out "
        "connecting to hooks.sandbox.payrail.io:443\n1 failed, 21 passed in 26.02s",
        exit_code=1,
    )
    a_wh = c.a(
        "That one is unrelated: `test_webhook_retry` opens a real connection to hooks.sandbox.payrail.io and "
        "timed out. Not an ordering problem. I could mock the sandbox, or add a retry around it?"
    )
    u_rule = c.u(
        "yeah that one talks to the payrail sandbox, it's been flaky forever. don't touch it now.\n\n"
        "and btw, never add pytest-rerunfailures to this repo, I know it's tempting. we fix flakes, we don't retry them"
    )
    c.a("Understood, no rerunfailures, and I'll leave the webhook test alone. Commit the conftest change?")
    c.u("run ruff and mypy first")
    c.a("", tools=[("bash", {"command": ".venv/bin/ruff check . && .venv/bin/mypy src tests"})])
    c.r(
        "All checks passed!\n"
        "tests/conftest.py:48: error: Function is missing a return type annotation  [no-untyped-def]\n"
        "Found 1 error in 1 file (checked 112 source files)",
        exit_code=1,
    )
    c.a(
        "The fixture never had a return annotation; mypy only looks now because the file changed. Adding it.",
        tools=[
            (
                "edit",
                {
                    "path": "tests/conftest.py",
                    "oldText": "def db(pg_url):",
                    "newText": "def db(pg_url: str) -> Iterator[psycopg.Connection]:",
                },
            )
        ],
    )
    c.r("Successfully replaced text in tests/conftest.py.")
    c.a("", tools=[("bash", {"command": ".venv/bin/ruff check . && .venv/bin/mypy src tests"})])
    c.r("All checks passed!\nSuccess: no issues found in 112 source files")
    c.a(
        "Both clean.",
        tools=[
            (
                "bash",
                {
                    "command": "git checkout -b fix/settlement-test-isolation && git commit -qam 'tests: truncate payout_lines and settlements after each integration test' && git push -u origin fix/settlement-test-isolation"
                },
            )
        ],
    )
    r_push = c.r(
        "Switched to a new branch 'fix/settlement-test-isolation'\n"
        "[fix/settlement-test-isolation 4e1c9d2] tests: truncate payout_lines and settlements after each integration test\n"
        " 1 file changed, 3 insertions(+), 2 deletions(-)\n"
        "remote: Create a pull request for 'fix/settlement-test-isolation' on GitHub by visiting:\n"
        "remote:      https://github.com/ledgerline/ledgerline/pull/new/fix/settlement-test-isolation\n"
        "branch 'fix/settlement-test-isolation' set up to track 'origin/fix/settlement-test-isolation'."
    )
    c.a("Pushed as 4e1c9d2 on fix/settlement-test-isolation. Shall I open the PR?")
    c.u("yes, against main, and put Priya as reviewer")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "gh pr create --base main --reviewer priya-n --title 'Integration tests: stop settlement rows leaking between tests' --body 'db fixture truncates payout_lines and settlements at teardown. Reproduced with --randomly-seed=2291734.'"
                },
            )
        ],
    )
    r_pr = c.r("https://github.com/ledgerline/ledgerline/pull/1187")
    c.a("PR #1187 is open against main, Priya requested as reviewer.")
    c.u("thanks. quick one: the integration job on CI, what postgres does it run against?")
    c.a("", tools=[("read", {"path": ".github/workflows/ci.yml"})])
    r_ci = c.r(
        "name: ci\non: [push, pull_request]\njobs:\n  integration:\n    runs-on: ubuntu-24.04\n    services:\n"
        "      postgres:\n        image: postgres:15\n        ports: ['5432:5432']\n        env:\n"
        "          POSTGRES_DB: ledger_test\n          POSTGRES_PASSWORD: ${{ secrets.CI_DB_PASSWORD }}\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - run: make integration\n"
    )
    a_ci = c.a(
        "A `postgres:15` service container on localhost:5432, database `ledger_test`, password from the "
        "`CI_DB_PASSWORD` repo secret."
    )
    u_todo = c.u(
        "hm, locally we're on 16. that mismatch should go at some point, not today though. put it on my list for next week"
    )
    c.a("Noted for next week: align the CI Postgres (15) with local (16).")
    c.u("cheers")

    c.item(
        "decision",
        "Integration test isolation: keep the module-scoped db fixture and truncate the settlement tables at teardown (option 3)",
        [a_opts, u_pick],
        True,
    )
    c.item(
        "outcome",
        "test_settlement_batch fixed: failed with --randomly-seed=2291734, TRUNCATE then hit the payout_lines foreign key, passes after truncating payout_lines and settlements together",
        [r_seed, r_fk, a_fix, r_pass],
    )
    c.item(
        "outcome",
        "Still failing, left alone: test_webhook_retry times out against hooks.sandbox.payrail.io (seed 4), flaky for a long time",
        [r_loop, r_wh, a_wh, u_rule],
        True,
    )
    c.item(
        "fact",
        "Never add pytest-rerunfailures to ledgerline: flaky tests get fixed, not retried",
        [u_rule],
        True,
    )
    c.item(
        "outcome",
        "Commit 4e1c9d2 pushed on fix/settlement-test-isolation; PR #1187 opened against main with priya-n as reviewer",
        [r_push, r_pr],
    )
    c.item(
        "fact",
        "CI integration job runs against a postgres:15 service container (localhost:5432, database ledger_test); local development uses Postgres 16",
        [r_ci, a_ci, u_todo],
    )
    c.item("todo", "Next week: align the CI Postgres version (15) with local (16)", [u_todo])
    c.noise += ["Let me run it in fixed order first", "Both clean", "cheers", "Shall I open the PR?"]
    return c


def c02() -> Conv:
    c = Conv("02-billing-api-staging-deploy", "2026-12-01T13:05:00", 1, "control-ui", cwd=HOME)
    tok = "eyJhbGciOiJSUzI1NiIsImtpZCI6InN0Zy1mcmEtMDEifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVwbG95ZXIifQ.kF3q9XwLrT2mZpV8sBn4HcQe7yUu1D"
    k = f"kubectl --server https://stg-fra.k8s.niko.dev:6443 --token={tok} -n billing"
    c.canaries.append(tok)
    c.u(
        "Hi. Time to get billing-api 2.14.0 onto staging. Image is built and pushed: "
        "registry.niko.dev/billing-api:2.14.0. Plan is a 10% canary with argo rollouts like last time. "
        f"The kubeconfig on this box is stale, so use the deployer token: {tok}"
    )
    c.a(
        "I'll look at the current rollout first.",
        tools=[("exec", {"command": f"{k} get rollout billing-api -o wide"})],
    )
    r_norollout = c.r('error: the server doesn\'t have a resource type "rollout"', exit_code=1)
    c.a("", tools=[("exec", {"command": f"{k} get deploy,svc -l app=billing-api"})])
    r_deploy = c.r(
        "NAME                          READY   UP-TO-DATE   AVAILABLE   AGE\n"
        "deployment.apps/billing-api   3/3     3            3           41d\n\n"
        "NAME                  TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)    AGE\n"
        "service/billing-api   ClusterIP   10.43.18.207   <none>        8080/TCP   41d"
    )
    a_opts = c.a(
        "There is no Rollout resource on stg-fra any more: billing-api is a plain Deployment with 3 replicas, "
        "so Argo Rollouts is gone from this cluster and a 10% canary isn't possible as it was.\n\n"
        "What we can do instead:\n"
        "- (a) reinstall Argo Rollouts on stg-fra just for this;\n"
        "- (b) a normal RollingUpdate of the Deployment with maxSurge 1 / maxUnavailable 0, watching the error rate;\n"
        "- (c) a manual canary: a second Deployment `billing-api-canary` with 1 replica and the same `app` label, "
        "so the Service sends it about a quarter of the traffic.\n\n"
        "(c) is the closest to what you planned."
    )
    u_c = c.u("ugh, right, Tomasz dropped argo when he rebuilt the cluster in October. do c")
    manifest = (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: billing-api-canary\n  namespace: billing\n"
        "spec:\n  replicas: 1\n  selector:\n    matchLabels: {app: billing-api, track: canary}\n  template:\n"
        "    metadata:\n      labels: {app: billing-api, track: canary}\n    spec:\n      serviceAccountName: billing-api\n"
        "      containers:\n        - name: api\n          image: registry.niko.dev/billing-api:2.14.0\n"
        "          envFrom: [{configMapRef: {name: billing-api-env}}]\n"
    )
    c.a(
        "Writing the canary manifest and applying it.",
        tools=[("write", {"path": "k8s/staging/billing-api-canary.yaml", "content": manifest})],
    )
    c.r("Successfully wrote 512 bytes to k8s/staging/billing-api-canary.yaml")
    c.a("", tools=[("exec", {"command": f"{k} apply -f k8s/staging/billing-api-canary.yaml"})])
    c.r("deployment.apps/billing-api-canary created")
    c.a("", tools=[("exec", {"command": f"{k} rollout status deploy/billing-api-canary --timeout=120s"})])
    r_to = c.r(
        'Waiting for deployment "billing-api-canary" rollout to finish: 0 of 1 updated replicas are available...\n'
        "error: timed out waiting for the condition",
        exit_code=1,
    )
    c.a("Not coming up. Checking the pod.", tools=[("exec", {"command": f"{k} get pods -l track=canary"})])
    c.r(
        "NAME                                  READY   STATUS             RESTARTS      AGE\n"
        "billing-api-canary-7f9c6d5b8-x2k4q    0/1     CrashLoopBackOff   4 (31s ago)   2m14s"
    )
    c.a("", tools=[("exec", {"command": f"{k} logs deploy/billing-api-canary --tail=8"})])
    r_key = c.r(
        "Traceback (most recent call last):\n"
        '  File "/app/billing/config.py", line 41, in load\n'
        "    refund_queue = os.environ['REFUND_QUEUE_URL']\n"
        "KeyError: 'REFUND_QUEUE_URL'"
    )
    c.a(
        "2.14.0 reads a new variable, REFUND_QUEUE_URL, and the billing-api-env ConfigMap doesn't have it. "
        "Do you have the staging value?"
    )
    u_sqs = c.u(
        "yes, new refunds queue. staging is https://sqs.eu-central-1.amazonaws.com/418233907112/billing-refunds-stg"
    )
    a_env = c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": f'{k} patch configmap billing-api-env --type merge -p \'{{"data":{{"REFUND_QUEUE_URL":"https://sqs.eu-central-1.amazonaws.com/418233907112/billing-refunds-stg"}}}}\' && {k} rollout restart deploy/billing-api-canary'
                },
            )
        ],
    )
    c.r("configmap/billing-api-env patched\ndeployment.apps/billing-api-canary restarted")
    c.a("", tools=[("exec", {"command": f"{k} rollout status deploy/billing-api-canary --timeout=180s"})])
    r_up = c.r(
        'Waiting for deployment "billing-api-canary" rollout to finish: 0 of 1 updated replicas are available...\n'
        'deployment "billing-api-canary" successfully rolled out'
    )
    q = (
        "curl -s http://prometheus.stg-fra.internal:9090/api/v1/query --data-urlencode "
        '\'query=sum(rate(http_requests_total{app="billing-api",track="canary",code=~"5.."}[2m]))\' '
        "| jq -r '.data.result[0].value[1] // \"0\"'"
    )
    c.a(
        "Canary is up. Watching its 5xx rate for a few minutes.",
        tools=[("exec", {"command": f"for i in $(seq 1 6); do {q}; sleep 30; done"})],
    )
    r_prom = c.r("0\n0\n0.0166\n0.05\n0.0833\n0.1")
    c.a(
        "The 5xx rate is climbing: 0 to 0.1 req/s in three minutes. Which route?",
        tools=[
            (
                "exec",
                {
                    "command": f"{k} logs deploy/billing-api-canary --since=5m | grep -E ' 5[0-9]{{2}} ' | tail -4"
                },
            )
        ],
    )
    r_403 = c.r(
        "2026-12-01T12:19:02Z POST /v1/refunds 500 41ms err=botocore.exceptions.ClientError: An error occurred "
        "(AccessDenied) when calling the SendMessage operation: User: arn:aws:sts::418233907112:assumed-role/"
        "billing-api-stg/botocore-session is not authorized to perform: sqs:SendMessage\n"
        "2026-12-01T12:19:33Z POST /v1/refunds 500 38ms err=botocore.exceptions.ClientError: An error occurred (AccessDenied) ..."
    )
    c.a(
        "Every 500 is POST /v1/refunds: the pod's IAM role `billing-api-stg` may not call sqs:SendMessage on the "
        "new queue. That's an IAM policy change, not something the canary can fix."
    )
    u_rev = c.u(
        "ok then forget the canary. we need the IAM change anyway, and once it's in I'd rather just roll the main "
        "deployment and be done. scale the canary to 0"
    )
    c.a(
        "Scaling it down.", tools=[("exec", {"command": f"{k} scale deploy/billing-api-canary --replicas=0"})]
    )
    c.r("deployment.apps/billing-api-canary scaled")
    a_plan = c.a(
        "Canary at 0, so staging traffic is back on 2.13 only. When the policy is in, I'll set "
        "`billing-api` to 2.14.0 as a RollingUpdate with maxSurge 1 and maxUnavailable 0 (REFUND_QUEUE_URL "
        "is already in the ConfigMap), and watch the same 5xx query. OK?"
    )
    u_yes = c.u("yes")
    u_tom = c.u(
        "Tomasz owns the iam repo, I'll ping him today to add sqs:SendMessage on billing-refunds-stg to that role. "
        "remind me tomorrow at 9 to check if it's merged",
        gap=20,
    )
    c.a(
        "",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "at": "2026-12-02T09:00:00+01:00",
                    "text": "Check whether Tomasz merged sqs:SendMessage for billing-api-stg; then roll billing-api 2.14.0 on stg-fra",
                },
            )
        ],
    )
    r_cron = c.r('{"ok": true, "id": "rem_5521", "at": "2026-12-02T08:00:00Z"}')
    c.a("Reminder set for tomorrow, 09:00.")
    c.u(
        "also write down what we learned today in docs/runbooks/staging-deploy.md, so the next person doesn't "
        "assume argo is there"
    )
    runbook = (
        "# Staging deploy (stg-fra)\n\n"
        "1. `kubectl -n billing get deploy,svc -l app=<service>`: stg-fra has no Argo Rollouts, services are plain Deployments.\n"
        "2. Diff the new version's required env against the ConfigMap (`kubectl -n billing get cm <service>-env -o yaml`) before rolling.\n"
        "3. Check the service role's IAM permissions for any new AWS resource (queues, buckets).\n"
        "4. `kubectl -n billing set image deploy/<service> api=registry.niko.dev/<service>:<version>` (RollingUpdate, maxSurge 1, maxUnavailable 0).\n"
        "5. `kubectl -n billing rollout status deploy/<service> --timeout=180s`, then watch the 5xx rate in Prometheus for 5 minutes.\n"
        "6. Roll back with `kubectl -n billing rollout undo deploy/<service>` if 5xx rises.\n"
    )
    a_rb = c.a("", tools=[("write", {"path": "docs/runbooks/staging-deploy.md", "content": runbook})])
    r_rb = c.r("Successfully wrote 742 bytes to docs/runbooks/staging-deploy.md")
    c.a(
        "Written: six steps, from checking that it's a plain Deployment to the rollback command. "
        "The token isn't in it."
    )
    u_ams = c.u(
        "good. and something to keep in mind for prod: staging is stg-fra, prod is prd-fra and prd-ams. "
        "always deploy prd-ams last, it has the big customers"
    )
    c.a("Got it: prd-fra first, prd-ams always last.")
    c.u("thanks, that's it for today")
    c.a("Have a good evening.")

    c.item(
        "fact",
        "Argo Rollouts is no longer on stg-fra (removed when Tomasz rebuilt the cluster in October); billing-api there is a plain Deployment with 3 replicas",
        [r_norollout, r_deploy, u_c],
    )
    c.item(
        "outcome",
        "billing-api-canary (2.14.0) crash-looped on KeyError: 'REFUND_QUEUE_URL'; rolled out after adding REFUND_QUEUE_URL (https://sqs.eu-central-1.amazonaws.com/418233907112/billing-refunds-stg) to the billing-api-env ConfigMap",
        [r_to, r_key, u_sqs, a_env, r_up],
    )
    c.item(
        "outcome",
        "Unresolved: POST /v1/refunds returns 500 on 2.14.0 because role billing-api-stg lacks sqs:SendMessage (AccessDenied); canary scaled to 0",
        [r_prom, r_403],
        True,
    )
    c.item(
        "decision",
        "billing-api 2.14.0 on staging: roll the main Deployment (RollingUpdate, maxSurge 1, maxUnavailable 0) once the IAM change is in",
        [a_opts, u_rev, a_plan, u_yes],
        True,
    )
    c.item(
        "todo",
        "Niko asks Tomasz today to add sqs:SendMessage on billing-refunds-stg to billing-api-stg; reminder on 2026-12-02 09:00 to check it is merged",
        [u_tom, r_cron],
    )
    c.item(
        "procedure",
        "Staging deploy runbook written to docs/runbooks/staging-deploy.md: check plain Deployment, diff env against the ConfigMap, check IAM, set image, rollout status and watch 5xx, rollout undo",
        [a_rb, r_rb],
    )
    c.item(
        "fact",
        "Clusters: staging stg-fra, prod prd-fra and prd-ams; always deploy prd-ams last",
        [u_ams],
        True,
    )
    c.noise += [
        "I'll look at the current rollout first",
        "Not coming up. Checking the pod",
        "Have a good evening",
        "Scaling it down",
    ]
    return c


def c03() -> Conv:
    c = Conv("03-nas-restic-aufraeumen", "2026-12-02T18:40:00", 1, "control-ui", cwd=HOME)
    key = "K005xQ7mWv2LrT9sYpZbN4cHdJfG8aE"
    c.canaries.append(key)
    c.u(
        "Hallo! Ich will endlich die Backups vom NAS ordentlich machen. restic läuft schon drauf, das Repo liegt "
        "bei Backblaze B2. Schau dir mal die Config an, die liegt auf dem NAS unter /etc/restic/b2.env"
    )
    c.a("Ich schaue nach.", tools=[("exec", {"command": "ssh root@192.168.1.20 cat /etc/restic/b2.env"})])
    c.r("ssh: connect to host 192.168.1.20 port 22: No route to host", exit_code=255)
    a_ask = c.a(
        "Unter 192.168.1.20 ist nichts erreichbar. Ich war davon ausgegangen, dass das NAS diese Adresse hat. "
        "Welche ist es?"
    )
    u_ip = c.u(
        "Nee, das war noch die vom alten Speedport. Seit der Fritzbox ist alles 192.168.178.x, das NAS ist "
        "192.168.178.20. Merk dir das bitte."
    )
    c.a(
        "Gemerkt: NAS = 192.168.178.20.",
        tools=[("exec", {"command": "ssh root@192.168.178.20 cat /etc/restic/b2.env"})],
    )
    r_env = c.r(
        f"B2_ACCOUNT_ID=0051a2b3c4d5e6f0000000007\nB2_ACCOUNT_KEY={key}\n"
        "RESTIC_REPOSITORY=b2:niko-nas-backup:/restic\nRESTIC_PASSWORD_FILE=/etc/restic/pw\n"
    )
    c.a(
        "Die Config ist vollständig, das Passwort liegt separat in /etc/restic/pw. Was fehlt, ist eine "
        "Aufbewahrungsregel. Ich schaue mir die Snapshots an.",
        tools=[
            (
                "exec",
                {
                    "command": "ssh root@192.168.178.20 'set -a; . /etc/restic/b2.env; restic snapshots --compact | tail -3; restic stats --mode raw-data | tail -2'"
                },
            )
        ],
    )
    c.r(
        "a81f3c2e  2026-12-02 02:00:11  nas  /volume1/data\n----------------------------------------\n"
        "214 snapshots\nStats in raw-data mode:\n  Total Size: 1.812 TiB"
    )
    a_prop = c.a(
        "214 Snapshots seit dem Start, nie aufgeräumt, 1,8 TiB im Repo. Mein Vorschlag für die Aufbewahrung:\n\n"
        "`restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 6`\n\n"
        "Also eine Woche täglich, einen Monat wöchentlich, ein halbes Jahr monatlich."
    )
    u_counter = c.u("Monatlich lieber 12, ich will ein Jahr zurückgehen können. Der Rest passt so.")
    a_ack = c.a(
        "Gut, dann `--keep-daily 7 --keep-weekly 4 --keep-monthly 12`. Ich lasse es erst mit --dry-run laufen.",
        tools=[
            (
                "exec",
                {
                    "command": "ssh root@192.168.178.20 'set -a; . /etc/restic/b2.env; restic forget --dry-run --keep-daily 7 --keep-weekly 4 --keep-monthly 12 | tail -2'"
                },
            )
        ],
    )
    c.r("Applying Policy: keep 7 daily, 4 weekly, 12 monthly snapshots\nwould remove 183 snapshots")
    a_prune = c.a(
        "183 von 214 Snapshots würden wegfallen. Soll ich es jetzt echt laufen lassen, mit --prune?"
    )
    u_night = c.u(
        "Forget ja, aber prune nicht jetzt, das zieht mir die Leitung dicht. Prune soll jede Nacht um 3 laufen."
    )
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "ssh root@192.168.178.20 'set -a; . /etc/restic/b2.env; restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12 | tail -1'"
                },
            )
        ],
    )
    r_forget = c.r("removed 183 snapshots")
    timer = "[Unit]\nDescription=restic prune\n\n[Timer]\nOnCalendar=*-*-* 03:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    c.a(
        "Forget ist durch. Jetzt der Timer für prune.",
        tools=[
            (
                "exec",
                {
                    "command": f"ssh root@192.168.178.20 'cat > /etc/systemd/system/restic-prune.timer <<EOF\n{timer}EOF\nsystemctl daemon-reload && systemctl enable --now restic-prune.timer'"
                },
            )
        ],
    )
    r_fail = c.r("Failed to enable unit: Unit restic-prune.service not found.", exit_code=1)
    service = (
        "[Unit]\nDescription=restic prune\n\n[Service]\nType=oneshot\nEnvironmentFile=/etc/restic/b2.env\n"
        "ExecStart=/usr/bin/restic prune --max-unused 5%%\n"
    )
    a_svc = c.a(
        "Zum Timer gehört eine gleichnamige Service-Unit, die fehlt noch. Lege ich an.",
        tools=[
            (
                "exec",
                {
                    "command": f"ssh root@192.168.178.20 'cat > /etc/systemd/system/restic-prune.service <<EOF\n{service}EOF\nsystemctl daemon-reload && systemctl enable --now restic-prune.timer && systemctl list-timers restic-prune.timer --no-pager | head -2'"
                },
            )
        ],
    )
    r_ok = c.r(
        "Created symlink /etc/systemd/system/timers.target.wants/restic-prune.timer → /etc/systemd/system/restic-prune.timer.\n"
        "NEXT                        LEFT     LAST PASSED UNIT                ACTIVATES\n"
        "Thu 2026-12-03 03:00:00 CET 7h left  -    -      restic-prune.timer  restic-prune.service"
    )
    c.a("Läuft: restic-prune.timer startet heute Nacht um 03:00 zum ersten Mal.")
    u_disk = c.u(
        "Super. Noch was anderes: die zweite Platte im NAS, sdb, meldet seit gestern SMART-Warnungen. Die tausche "
        "ich am Samstag, die Ersatzplatte ist bestellt. Kannst du mal schauen, wie schlimm es ist?",
        gap=90,
    )
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "ssh root@192.168.178.20 'smartctl -H -A /dev/sdb | grep -E \"result|Reallocated_Sector|Current_Pending\"'"
                },
            )
        ],
    )
    r_smart = c.r(
        "SMART overall-health self-assessment test result: PASSED\n"
        "  5 Reallocated_Sector_Ct   0x0033   100   100   010    Pre-fail  Always       -       48\n"
        "197 Current_Pending_Sector  0x0012   100   100   000    Old_age   Always       -       8"
    )
    a_offer = c.a(
        "Der Gesamtstatus sagt PASSED, aber 48 reallozierte und 8 ausstehende Sektoren: der Tausch ist richtig. "
        "Soll ich die Backups bis Samstag auf zweimal täglich stellen?"
    )
    u_no = c.u("Nein, lass mal. Einmal am Tag reicht völlig.")
    c.a("Okay, bleibt bei einmal täglich um 02:00.")
    c.u("Danke dir!")

    c.item(
        "fact",
        "Das NAS hat die IP 192.168.178.20 (nicht 192.168.1.20); seit der Fritzbox ist das Heimnetz 192.168.178.x",
        [a_ask, u_ip],
        True,
    )
    c.item(
        "fact",
        "restic auf dem NAS sichert nach Backblaze B2, Repository b2:niko-nas-backup:/restic, Konfiguration in /etc/restic/b2.env, Passwort in /etc/restic/pw",
        [r_env],
    )
    c.item(
        "decision",
        "Aufbewahrung der restic-Snapshots: --keep-daily 7 --keep-weekly 4 --keep-monthly 12",
        [a_prop, u_counter, a_ack],
        True,
    )
    c.item(
        "decision",
        "restic prune läuft nicht sofort, sondern jede Nacht um 03:00, damit die Leitung tagsüber frei bleibt",
        [a_prune, u_night],
        True,
    )
    c.item(
        "outcome",
        "restic forget entfernte 183 von 214 Snapshots; restic-prune.timer (täglich 03:00) aktiv, nachdem die fehlende restic-prune.service angelegt wurde",
        [r_forget, r_fail, a_svc, r_ok],
    )
    c.item(
        "todo", "Niko tauscht am Samstag (5. Dezember) die Platte sdb im NAS; Ersatz ist bestellt", [u_disk]
    )
    c.item(
        "fact",
        "sdb im NAS: SMART PASSED, aber 48 reallozierte und 8 ausstehende Sektoren",
        [r_smart, a_offer],
    )
    c.item(
        "decision",
        "Abgelehnt: Backups bis Samstag zweimal täglich; es bleibt bei einmal täglich",
        [a_offer, u_no],
        True,
    )
    c.noise += ["Ich schaue nach", "Danke dir", "Lege ich an"]
    return c


def c04() -> Conv:
    c = Conv("04-review-fx-cache-pr", "2026-12-03T09:31:00", 1, "pi", cwd="/home/niko/src/ledgerline")
    pw = "Hq7vZ2pLx9mKd4Rt"
    c.canaries.append(pw)
    c.u("can you review PR #1179? Marek's caching change for the fx rate lookup")
    c.a("", tools=[("bash", {"command": "gh pr diff 1179"})])
    r_diff = c.r(
        "diff --git a/src/ledgerline/fx/cache.py b/src/ledgerline/fx/cache.py\nnew file mode 100644\n"
        "+import redis\n+from ledgerline.settings import REDIS_URL, FX_CACHE_TTL\n+\n"
        "+_client = redis.Redis.from_url(REDIS_URL)\n+\n+def cached_rate(base: str, quote: str) -> Decimal:\n"
        "+    key = f'fx:{base}:{quote}'\n+    if (hit := _client.get(key)) is not None:\n+        return Decimal(hit.decode())\n"
        "+    rate = fetch_rate(base, quote)\n+    _client.setex(key, FX_CACHE_TTL, str(rate))\n+    return rate\n"
        "diff --git a/src/ledgerline/settings.py b/src/ledgerline/settings.py\n"
        f"+REDIS_URL = os.environ.get('REDIS_URL', 'redis://:{pw}@cache-01.ledger.internal:6379/2')\n"
        "+FX_CACHE_TTL = int(os.environ.get('FX_CACHE_TTL', '3600'))\n"
    )
    a_rev = c.a(
        "Three things in the diff:\n\n"
        "1. `settings.py` has a real-looking Redis password as the default for `REDIS_URL`. That has to go; the "
        "default should be empty and the app should fail at start without it.\n"
        "2. There is no fallback when Redis is down: `cached_rate` raises on every lookup.\n"
        "3. TTL 3600 s: upstream updates rates every 15 minutes, so we'd serve rates up to an hour old.\n\n"
        "And a broader question: does this need Redis at all? It's about 170 currency pairs. An in-process "
        "`cachetools.TTLCache` per worker would do, at the price of one upstream call per worker per TTL: with "
        "12 workers and a 900 s TTL that's 1152 calls a day, comfortably inside the 10,000/day limit of the rates API."
    )
    u_lim = c.u(
        "the limit is 1000 a day, not 10k. we're on the small openexchangerates plan since the summer. so 1152 doesn't fit"
    )
    a_opts = c.a(
        "Sorry, I had the old plan in mind. With 1000 calls a day the two options that fit are:\n\n"
        "- per-worker TTLCache with a 1800 s TTL: 12 × 48 = 576 calls a day, rates at most 30 minutes old, no new "
        "infrastructure;\n"
        "- shared Redis as Marek wrote it (TTL 900 s, 96 calls a day), but a managed Redis for it is about $38 a month "
        "and another thing that can be down."
    )
    u_pick = c.u("the cheaper one. 30 min staleness is fine for fx, nobody settles on spot rates")
    c.a(
        "TTLCache with 1800 s then. Posting the review.",
        tools=[
            (
                "bash",
                {
                    "command": "gh pr review 1179 --request-changes --body 'Thanks Marek! (1) Please drop the default REDIS_URL from settings.py. (2) We would rather not add Redis for ~170 pairs: use a per-worker cachetools.TTLCache with ttl=1800 (576 upstream calls/day; our openexchangerates plan allows 1000). (3) Keep FX_CACHE_TTL configurable.'"
                },
            )
        ],
    )
    r_pr = c.r("- Requested changes on pull request #1179")
    c.a("Review posted on #1179 with changes requested.")
    u_sq = c.u(
        "thanks. when it gets merged later: we always squash-merge in this repo. Marek likes merge commits, so watch out if he asks you to merge"
    )
    c.a("Noted: squash-merge only in ledgerline.")
    c.u("and do we have to rotate that redis password now that it was in a PR?")
    a_rot = c.a(
        "Yes. Even after Marek removes it, it stays in the PR's commit history on GitHub, and the repo has 30-odd "
        "people with read access. It's the password of cache-01.ledger.internal, db 2. I can't rotate it from "
        "here; who does cache-01?"
    )
    u_jana = c.u("Jana has the ops rotation this week. I'll tell her tomorrow morning")
    c.a("Okay.")
    u_q = c.u(
        "one more thought, not for now: maybe the TTL should differ per currency pair, the exotic ones barely move. "
        "let's leave that to Marek to think about"
    )
    c.a("Fine, I'll leave it out of the review; it's his call when he reworks it.")
    c.u("👍")

    c.item(
        "fact",
        "The openexchangerates plan allows 1000 calls a day (not 10,000), since the summer",
        [a_rev, u_lim],
        True,
    )
    c.item(
        "decision",
        "FX rate cache in PR #1179: per-worker cachetools.TTLCache with ttl 1800 s instead of Redis (the cheaper option, 576 calls a day)",
        [a_opts, u_pick],
        True,
    )
    c.item(
        "outcome",
        "Review posted on PR #1179 requesting changes: drop the default REDIS_URL from settings.py, no Redis, TTLCache ttl=1800, FX_CACHE_TTL configurable",
        [r_diff, r_pr],
    )
    c.item("fact", "ledgerline PRs are always squash-merged (Marek tends to use merge commits)", [u_sq], True)
    c.item(
        "todo",
        "Niko tells Jana (ops rotation) on the morning of 4 December to rotate the cache-01.ledger.internal Redis password exposed in PR #1179",
        [a_rot, u_jana],
    )
    c.item(
        "open_question",
        "Should the FX cache TTL differ per currency pair? Left to Marek",
        [u_q],
    )
    c.noise += ["Posting the review", "Three things in the diff", "Okay."]
    return c


def c05() -> Conv:
    c = Conv("05-train-delay-chat", "2026-12-02T07:48:00", 1, "telegram", sender=NIKO, cwd=HOME)
    c.u("morning. train's stuck outside Spandau again, 20 min at least")
    c.a("Morning! That's annoying. Anything I can do for you while you wait?")
    c.u(
        "entertain me. what's actually the difference between idempotent and pure? I always mix them up when I explain it"
    )
    c.a(
        "A pure function has no side effects and its result depends only on its inputs: `add(2, 3)` is always 5 and "
        "touches nothing. An idempotent operation may well have side effects, but doing it twice leaves the world the "
        "same as doing it once: `PUT /users/7 {name: 'Ana'}` or `mkdir -p`. So `rm -f file` is idempotent and "
        "not pure; `random()` is neither."
    )
    c.u("ok the mkdir -p one is good, I'll steal that")
    c.a("It's yours.")
    c.u("is there a word for 'safe to retry' that isn't idempotent")
    c.a(
        'People say "retry-safe" or "at-least-once safe". Idempotent is the precise one; '
        '"safe" in HTTP means something else again (no state change at all, like GET).'
    )
    c.u("huh. ok. we're moving again")
    c.a("Good. Hope the rest of the ride is quick.")
    c.u("what time is it in Tokyo right now btw")
    c.a("It's 16:50 in Tokyo, Wednesday afternoon: eight hours ahead of Berlin.")
    c.u("too late to bother anyone there then. thanks, ttyl")
    c.a("Bye!")
    c.noise += [
        "train's stuck outside Spandau again",
        "what's actually the difference between idempotent and pure",
        "the mkdir -p one is good",
        "we're moving again",
        "what time is it in Tokyo",
        "It's 16:50 in Tokyo",
    ]
    return c


def c06() -> Conv:
    c = Conv("06-backfill-ventas-diarias", "2026-12-01T08:20:00", 1, "control-ui", cwd=HOME)
    pw = "Rk8vT2qLm9wZ"
    c.canaries.append(pw)
    c.u(
        "Hola. El DAG ventas_diarias lleva fallando desde el 24 y hay que rellenar del 24 al 30 de noviembre. ¿Lo miras?"
    )
    c.a(
        "Claro, miro primero qué ejecuciones fallaron.",
        tools=[
            (
                "exec",
                {"command": "airflow dags list-runs -d ventas_diarias --state failed -o plain | head -9"},
            )
        ],
    )
    c.r(
        "dag_id         run_id                               state   execution_date\n"
        + "".join(
            f"ventas_diarias scheduled__2026-11-{d}T03:00:00+00:00  failed  2026-11-{d}T03:00:00+00:00\n"
            for d in range(24, 31)
        )
    )
    c.a(
        "Siete ejecuciones fallidas, del 24 al 30. Pruebo la tarea de carga de un día.",
        tools=[("exec", {"command": "airflow tasks test ventas_diarias cargar_dwh 2026-11-24"})],
    )
    r_auth = c.r(
        '[2026-12-01 08:21:14] ERROR - psycopg2.OperationalError: connection to server at "dwh-01.datos.internal" '
        '(10.20.0.14), port 5432 failed: FATAL:  password authentication failed for user "etl"',
        exit_code=1,
    )
    c.a("Falla la autenticación del usuario `etl` contra dwh-01. ¿Cambió la contraseña?")
    u_pw = c.u(f"Sí, la rotaron el viernes. La nueva es {pw}, ponla en la conexión dwh_default de Airflow")
    a_conn = c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": f"airflow connections delete dwh_default && airflow connections add dwh_default --conn-uri 'postgresql://etl:{pw}@dwh-01.datos.internal:5432/dwh'"
                },
            )
        ],
    )
    c.r(
        "Successfully deleted connection with `conn_id`=dwh_default\n"
        "Successfully added `conn_id`=dwh_default : postgresql://etl:******@dwh-01.datos.internal:5432/dwh"
    )
    c.a("", tools=[("exec", {"command": "airflow tasks test ventas_diarias cargar_dwh 2026-11-24"})])
    r_ok = c.r(
        "[2026-12-01 08:24:40] INFO - 18234 filas cargadas en ventas.hechos_diarios\n[2026-12-01 08:24:40] INFO - Marking task as SUCCESS"
    )
    a_opts = c.a(
        "Con la contraseña nueva carga bien. Para rellenar los siete días veo dos caminos:\n\n"
        "1. `airflow dags backfill` del 24 al 30 en una sola orden, secuencial: unas 2 horas.\n"
        "2. Limpiar (clear) las ejecuciones fallidas y dejar que el scheduler las relance, hasta 3 en paralelo: "
        "unos 45 minutos, pero carga más a dwh-01 en horario de oficina."
    )
    u_pick = c.u("La segunda, pero que no vayan más de 2 a la vez.")
    c.a(
        "Hecho así: un pool de 2 plazas para la tarea y clear de las fallidas.",
        tools=[
            (
                "exec",
                {
                    "command": "airflow pools set dwh_backfill 2 'backfill nov' && airflow dags clear ventas_diarias -s 2026-11-24 -e 2026-11-30 --only-failed -y"
                },
            )
        ],
    )
    c.r("Pool dwh_backfill created\nClearing 7 task instances")
    poll = "airflow dags list-runs -d ventas_diarias -s 2026-11-24 -e 2026-11-30 -o plain | awk 'NR>1{print $3}' | sort | uniq -c"
    c.a("", tools=[("exec", {"command": f"sleep 600; {poll}"})])
    c.r("      2 running\n      5 queued", gap=600)
    c.a("Van 2 en marcha, 5 en cola. Sigo mirando.", tools=[("exec", {"command": f"sleep 900; {poll}"})])
    c.r("      2 running\n      1 queued\n      4 success", gap=900)
    c.a("", tools=[("exec", {"command": f"sleep 600; {poll}"})])
    r_poll = c.r("      1 failed\n      6 success", gap=600)
    c.a(
        "Uno ha fallado. Miro cuál.",
        tools=[("exec", {"command": "airflow tasks logs ventas_diarias cargar_dwh 2026-11-28 | tail -3"})],
    )
    r_dup = c.r(
        '[2026-12-01 09:02:51] ERROR - psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "hechos_diarios_pkey"\n'
        "DETAIL:  Key (fecha, tienda_id, sku)=(2026-11-28, 112, 40017) already exists.\n"
        "[2026-12-01 09:02:51] INFO - Marking task as FAILED"
    )
    c.a(
        "El 28 ya estaba cargado a medias de la noche en que falló, y la tarea hace solo INSERT, así que choca con "
        "las filas que quedaron. Habría que borrar las filas del 28 y relanzarlo."
    )
    u_rule = c.u(
        "Borra lo del 28 y relánzalo. Y apúntate esto: las cargas de este DAG tienen que ser siempre idempotentes, "
        "delete+insert por fecha. Lucía tiene que cambiar la tarea, se lo digo yo."
    )
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": f"PGPASSWORD='{pw}' psql -h dwh-01.datos.internal -U etl dwh -c \"DELETE FROM ventas.hechos_diarios WHERE fecha = '2026-11-28'\" && airflow tasks clear ventas_diarias -t cargar_dwh -s 2026-11-28 -e 2026-11-28 -y"
                },
            )
        ],
    )
    r_del = c.r("DELETE 9120\nClearing 1 task instances")
    c.a("", tools=[("exec", {"command": f"sleep 420; {poll}"})])
    r_fin = c.r("      7 success", gap=420)
    c.a(
        "Listo: los siete días, del 24 al 30, están en success. El 28 se cargó de nuevo tras borrar 9120 filas."
    )
    u_q = c.u(
        "Genial. Otra cosa que me ronda: ¿las particiones de más de 90 días las seguimos guardando en dwh-01 o las "
        "archivamos en S3? Eso no lo decido yo, se lo pregunto a Marta el lunes.",
        gap=60,
    )
    c.a("Vale, lo dejo pendiente hasta que hables con Marta.")
    c.u("Gracias!")

    c.item(
        "outcome",
        "cargar_dwh fallaba por autenticación del usuario etl en dwh-01.datos.internal (contraseña rotada el viernes); corregido actualizando la conexión dwh_default, carga de prueba con 18234 filas",
        [r_auth, u_pw, a_conn, r_ok],
    )
    c.item(
        "decision",
        "Relleno del 24 al 30 de noviembre: clear de las ejecuciones fallidas (segunda opción), como máximo 2 a la vez (pool dwh_backfill)",
        [a_opts, u_pick],
        True,
    )
    c.item(
        "outcome",
        "Relleno terminado: el 28 falló por clave duplicada (hechos_diarios_pkey), se borraron sus 9120 filas y se relanzó; los 7 días en success",
        [r_poll, r_dup, r_del, r_fin],
    )
    c.item(
        "fact",
        "Las cargas del DAG ventas_diarias tienen que ser siempre idempotentes: delete+insert por fecha",
        [u_rule],
        True,
    )
    c.item("todo", "Lucía cambia la tarea cargar_dwh a delete+insert por fecha (Niko se lo dice)", [u_rule])
    c.item(
        "open_question",
        "¿Guardar las particiones de más de 90 días en dwh-01 o archivarlas en S3? Niko lo pregunta a Marta el lunes",
        [u_q],
    )
    c.noise += ["Miro cuál", "Sigo mirando", "Gracias!", "Claro, miro primero qué ejecuciones fallaron"]
    return c


def c07() -> Conv:
    c = Conv("07-status-page-dns", "2026-12-02T15:10:00", 1, "pi", cwd="/home/niko/src/infra")
    tok = "p3Vq7XcL0mN9bR2tY5wZ8aD1fG4hJ6kS-uE_oI3r"
    c.canaries.append(tok)
    c.u(
        "need a DNS record for the new status page: status.niko.dev, CNAME to niko-status.instatus.com. it's "
        "terraform in this repo, cloudflare provider"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {"command": "ls dns/ && grep -n 'resource \"cloudflare_record\"' dns/niko_dev.tf | head -5"},
            )
        ],
    )
    c.r(
        "niko_dev.tf\nniko_io.tf\nproviders.tf\nvariables.tf\n"
        '12:resource "cloudflare_record" "apex" {\n21:resource "cloudflare_record" "www" {\n30:resource "cloudflare_record" "grafana" {'
    )
    a_prox = c.a(
        "Adding it next to the others in dns/niko_dev.tf, proxied like `www` and `grafana`.",
        tools=[
            (
                "edit",
                {
                    "path": "dns/niko_dev.tf",
                    "oldText": 'resource "cloudflare_record" "grafana" {',
                    "newText": 'resource "cloudflare_record" "status" {\n  zone_id = var.zone_niko_dev\n  name    = "status"\n  type    = "CNAME"\n  content = "niko-status.instatus.com"\n  proxied = true\n  ttl     = 1\n}\n\nresource "cloudflare_record" "grafana" {',
                },
            )
        ],
    )
    c.r("Successfully replaced text in dns/niko_dev.tf.")
    u_corr = c.u(
        "wait, not proxied. instatus does its own TLS and the cloudflare proxy breaks their cert validation. "
        "dns only, ttl 300"
    )
    c.a(
        "Right, DNS only then.",
        tools=[
            (
                "edit",
                {
                    "path": "dns/niko_dev.tf",
                    "oldText": '  content = "niko-status.instatus.com"\n  proxied = true\n  ttl     = 1',
                    "newText": '  content = "niko-status.instatus.com"\n  proxied = false\n  ttl     = 300',
                },
            )
        ],
    )
    c.r("Successfully replaced text in dns/niko_dev.tf.")
    c.a("", tools=[("bash", {"command": "terraform -chdir=dns plan -out tf.plan"})])
    r_bad = c.r(
        '╷\n│ Error: failed to verify API token: Invalid API Token (1000)\n│\n│   with provider["registry.terraform.io/cloudflare/cloudflare"],\n'
        '│   on providers.tf line 9, in provider "cloudflare":\n╵',
        exit_code=1,
    )
    c.a(
        "The Cloudflare provider rejects the token it gets from the environment (from .envrc, I assume). Has it expired?"
    )
    c.u(f"yeah that one's dead. use this: {tok}")
    c.a(
        "",
        tools=[
            (
                "bash",
                {"command": f"CLOUDFLARE_API_TOKEN={tok} terraform -chdir=dns plan -out tf.plan | tail -8"},
            )
        ],
    )
    c.r(
        '  # cloudflare_record.status will be created\n  + resource "cloudflare_record" "status" {\n'
        '      + content = "niko-status.instatus.com"\n      + name    = "status"\n      + proxied = false\n'
        '      + ttl     = 300\n      + type    = "CNAME"\n\nPlan: 1 to add, 0 to change, 0 to destroy.'
    )
    c.a(
        "One record to add, nothing else touched: status CNAME niko-status.instatus.com, proxied false, TTL 300. Apply it?"
    )
    c.u("go")
    c.a("", tools=[("bash", {"command": f"CLOUDFLARE_API_TOKEN={tok} terraform -chdir=dns apply tf.plan"})])
    r_ap = c.r(
        "cloudflare_record.status: Creating...\ncloudflare_record.status: Creation complete after 2s [id=8f3e01b7c9d24a6e]\n\n"
        "Apply complete! Resources: 1 added, 0 changed, 0 destroyed."
    )
    c.a("", tools=[("bash", {"command": "dig +short status.niko.dev CNAME @1.1.1.1"})])
    c.r("")
    c.a(
        "No answer yet from 1.1.1.1. The record is brand new, so I'll poll for a bit.",
        tools=[
            (
                "bash",
                {
                    "command": "for i in 1 2 3 4 5 6; do dig +short status.niko.dev CNAME @1.1.1.1; sleep 20; done"
                },
            )
        ],
    )
    r_dig = c.r(
        "\n\n\nniko-status.instatus.com.\nniko-status.instatus.com.\nniko-status.instatus.com.", gap=120
    )
    c.a("Resolving now: status.niko.dev → niko-status.instatus.com.")
    c.u(f"nice. put the token in your notes so I don't have to paste it every time: {tok}")
    c.a(
        "I'd rather not keep an API token in my notes: they are plain Markdown files in the workspace and get "
        "read into every session. Better to have direnv fetch it from 1Password in .envrc; want that?"
    )
    c.u("fair. yes, do the .envrc thing, item is cloudflare-terraform in the Infra vault")
    a_env = c.a(
        "",
        tools=[
            (
                "write",
                {
                    "path": ".envrc",
                    "content": 'export CLOUDFLARE_API_TOKEN="$(op read op://Infra/cloudflare-terraform/credential)"\n',
                },
            )
        ],
    )
    r_env = c.r("Successfully wrote 76 bytes to .envrc")
    c.a("Done. After `direnv allow` it's read from 1Password each time you enter the repo.")
    u_rule = c.u(
        "good. and a rule for this repo from now on: terraform apply only from a saved plan file, never a bare apply"
    )
    c.a("Understood: plan -out first, then apply that file.")
    c.u("write the dns steps into dns/README.md while you're at it")
    steps = (
        "# DNS changes (Cloudflare via Terraform)\n\n"
        "1. Edit the zone file (`dns/niko_dev.tf` or `dns/niko_io.tf`).\n"
        "2. `terraform -chdir=dns plan -out tf.plan` and read the plan.\n"
        "3. `terraform -chdir=dns apply tf.plan` (never a bare apply).\n"
        "4. Check with `dig +short <name> @1.1.1.1`; new records can take a minute or two.\n"
    )
    a_rd = c.a("", tools=[("write", {"path": "dns/README.md", "content": steps})])
    r_rd = c.r("Successfully wrote 341 bytes to dns/README.md")
    c.a("Written, four steps.")

    c.item(
        "fact",
        "status.niko.dev must not be proxied by Cloudflare (DNS only, TTL 300): Instatus does its own TLS and the proxy breaks its certificate validation",
        [a_prox, u_corr],
        True,
    )
    c.item(
        "outcome",
        "cloudflare_record.status (status.niko.dev CNAME niko-status.instatus.com) created: plan first failed with an expired token (Invalid API Token), applied with a new one, resolves via 1.1.1.1",
        [r_bad, r_ap, r_dig],
    )
    c.item(
        "outcome",
        ".envrc in the infra repo now reads CLOUDFLARE_API_TOKEN from 1Password (op://Infra/cloudflare-terraform/credential)",
        [a_env, r_env],
    )
    c.item(
        "fact",
        "In the infra repo, terraform apply only from a saved plan file, never a bare apply",
        [u_rule],
        True,
    )
    c.item(
        "procedure",
        "DNS change steps in dns/README.md: edit the zone file, terraform -chdir=dns plan -out tf.plan, terraform -chdir=dns apply tf.plan, check with dig +short @1.1.1.1",
        [a_rd, r_rd],
    )
    c.noise += ["Right, DNS only then", "Written, four steps", "I'd rather not keep an API token in my notes"]
    return c


def c08() -> Conv:
    c = Conv(
        "08-montee-postgres-16", "2026-12-03T08:05:00", 1, "control-ui", cwd=HOME, provider="openai-codex"
    )
    c.u(
        "Bonjour. On doit passer db-main de Postgres 14 à 16 avant la fin de l'année. Tu peux me proposer un plan ?"
    )
    a_opts = c.a(
        "Bonjour ! Deux approches raisonnables pour db-main :\n\n"
        "1. **pg_upgrade --link** sur place : coupure de 10 à 15 minutes, rapide même avec de gros volumes, mais "
        "pas de retour arrière simple une fois le nouveau cluster démarré.\n"
        "2. **Réplication logique** vers un nouveau serveur en 16, puis bascule : coupure de moins d'une minute, "
        "mais chaque table répliquée doit avoir une clé primaire (ou une REPLICA IDENTITY), et les séquences "
        "sont à resynchroniser à la main.\n\n"
        "Laquelle vous convient le mieux ?"
    )
    c.u("La réplication logique, clairement. Quinze minutes de coupure en semaine, les clients vont hurler.")
    c.a(
        "D'accord. Je vérifie d'abord les tables sans clé primaire, c'est le point qui peut bloquer.",
        tools=[
            (
                "exec",
                {
                    "command": "psql -h db-main.prod.internal -U niko -d app -Atc \"SELECT n.nspname||'.'||c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid=c.relnamespace WHERE c.relkind='r' AND n.nspname NOT IN ('pg_catalog','information_schema') AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid=c.oid AND contype='p') ORDER BY pg_total_relation_size(c.oid) DESC\" | head -4; echo ...; psql -h db-main.prod.internal -U niko -d app -Atc \"SELECT count(*) FROM pg_class c WHERE relkind='r' AND relnamespace NOT IN (11, 99) AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid=c.oid AND contype='p')\""
                },
            )
        ],
    )
    r_pk = c.r(
        "audit.evenements|410 GB\npublic.sessions_legacy|12 GB\nreporting.export_tmp|3104 MB\npublic.import_lignes|880 MB\n...\n23"
    )
    a_pk = c.a(
        "23 tables sans clé primaire, dont `audit.evenements` à 410 Go, sans colonne unique. Pour celles-là il "
        "faudrait REPLICA IDENTITY FULL : chaque UPDATE ou DELETE serait alors répliqué par comparaison de ligne "
        "complète. Avec le volume d'écriture de l'audit, l'abonné en 16 risque de ne jamais rattraper son retard."
    )
    u_rev = c.u(
        "Ah, mince. Bon, on oublie la réplication logique alors. pg_upgrade --link, un dimanche tôt, et on prévient "
        "les clients une semaine avant."
    )
    a_ack = c.a(
        "Entendu : pg_upgrade --link un dimanche matin, clients prévenus une semaine avant. Je fais un essai sur une copie ?"
    )
    c.u("oui, sur db-restore-01, elle a la sauvegarde de cette nuit")
    up = (
        "sudo -u postgres /usr/lib/postgresql/16/bin/pg_upgrade -b /usr/lib/postgresql/14/bin -B /usr/lib/postgresql/16/bin "
        "-d /var/lib/postgresql/14/main -D /var/lib/postgresql/16/main -o '-c config_file=/etc/postgresql/14/main/postgresql.conf' "
        "-O '-c config_file=/etc/postgresql/16/main/postgresql.conf' --link"
    )
    c.a("", tools=[("exec", {"command": f'ssh db-restore-01 "{up} --check"'})])
    r_fail = c.r(
        "Performing Consistency Checks\n-----------------------------\nChecking cluster versions                                     ok\n"
        "Checking for presence of required libraries                   fatal\n\n"
        "Your installation references loadable libraries that are missing from the\nnew installation.  A list of problem libraries is in the file:\n"
        '    loadable_libraries.txt\n\ncould not load library "$libdir/pg_partman_bgw": ERROR:  could not access file "$libdir/pg_partman_bgw": No such file or directory\nFailure, exiting',
        exit_code=1,
    )
    a_fix = c.a(
        "Il manque l'extension pg_partman pour la version 16. Je l'installe et je relance la vérification.",
        tools=[
            (
                "exec",
                {
                    "command": f'ssh db-restore-01 "sudo apt-get install -y -q postgresql-16-partman && {up} --check | tail -2"'
                },
            )
        ],
    )
    c.r("Setting up postgresql-16-partman (5.1.0-1.pgdg24.04+1) ...\n\n*Clusters are compatible*")
    c.a(
        "Compatible. Maintenant la vraie montée, chronométrée.",
        tools=[("exec", {"command": f'ssh db-restore-01 "time {up} | tail -3"'})],
    )
    r_time = c.r(
        "Upgrade Complete\n----------------\nOptimizer statistics are not transferred by pg_upgrade.\n\nreal\t6m41.208s\nuser\t0m3.114s\nsys\t0m21.870s",
        gap=400,
    )
    c.a(
        "Sur la copie : 6 min 41 s pour pg_upgrade, puis il faut compter environ 20 minutes de "
        "`vacuumdb --all --analyze-in-stages` pendant lesquelles les requêtes sont plus lentes.\n\n"
        "Une question reste ouverte de mon côté : faut-il garder l'ancien répertoire 14 après la bascule, et "
        "combien de temps ? Avec --link, il n'est plus démarrable une fois le 16 lancé, donc il ne sert qu'à "
        "l'analyse. Je n'ai pas de réponse tranchée, c'est à décider avant le jour J."
    )
    a_q = c.lines[-1]["id"]
    u_claire = c.u(
        "Parfait. Claire doit valider la date avec le support client, d'ici jeudi 10 décembre. Et note que notre "
        "créneau de maintenance, c'est toujours le dimanche avant 7h."
    )
    c.a("Noté, les deux.")
    c.u("Écris-moi la procédure dans docs/upgrade-pg16.md")
    proc = (
        "# db-main : Postgres 14 -> 16\n\n"
        "Créneau : dimanche avant 7h. Clients prévenus une semaine avant.\n\n"
        "1. `apt-get install postgresql-16 postgresql-16-partman`\n"
        "2. `pg_upgrade ... --link --check` (doit afficher *Clusters are compatible*)\n"
        "3. Arrêter l'application, `systemctl stop postgresql@14-main`\n"
        "4. `pg_upgrade ... --link` (environ 7 min sur la copie)\n"
        "5. `systemctl start postgresql@16-main`, rouvrir l'application\n"
        "6. `vacuumdb --all --analyze-in-stages` (environ 20 min, performances dégradées)\n"
    )
    a_w = c.a("", tools=[("write", {"path": "docs/upgrade-pg16.md", "content": proc})])
    r_w = c.r("Successfully wrote 498 bytes to docs/upgrade-pg16.md")
    c.a("C'est écrit, en six étapes, avec le créneau et le délai de prévenance en tête.")
    c.u("Merci !")

    c.item(
        "decision",
        "Montée de db-main de Postgres 14 à 16 : pg_upgrade --link un dimanche tôt, clients prévenus une semaine avant",
        [a_opts, u_rev, a_ack],
        True,
    )
    c.item(
        "fact",
        "db-main a 23 tables sans clé primaire, dont audit.evenements (410 Go) sans colonne unique",
        [r_pk, a_pk],
    )
    c.item(
        "outcome",
        "Essai sur db-restore-01 : pg_upgrade --check échouait (pg_partman_bgw manquant), compatible après installation de postgresql-16-partman ; montée --link en 6 min 41 s",
        [r_fail, a_fix, r_time],
    )
    c.item(
        "open_question",
        "Faut-il garder l'ancien répertoire Postgres 14 après la bascule, et combien de temps ? À décider avant le jour J",
        [a_q],
    )
    c.item(
        "todo",
        "Claire valide la date de la montée avec le support client d'ici le jeudi 10 décembre",
        [u_claire],
    )
    c.item("fact", "Le créneau de maintenance est toujours le dimanche avant 7h", [u_claire], True)
    c.item(
        "procedure",
        "Procédure de montée Postgres 16 écrite dans docs/upgrade-pg16.md : paquets, pg_upgrade --link --check, arrêt, pg_upgrade --link, démarrage du 16, vacuumdb --analyze-in-stages",
        [a_w, r_w],
    )
    c.noise += ["Noté, les deux", "Merci !", "Je l'installe et je relance la vérification"]
    return c


def c09() -> Conv:
    c = Conv(
        "09-storefront-ci-cache", "2026-11-30T14:02:00", 1, "control-ui", cwd="/home/niko/src/storefront"
    )
    npm = "npm_4fGh8JkL2mNpQrStUvWxYz0123456789AbCd"
    c.canaries.append(npm)
    c.u(
        "storefront CI takes 14 minutes per build, mostly npm ci and next build. can you add caching? "
        "workflow is .github/workflows/build.yml"
    )
    c.a("", tools=[("read", {"path": ".github/workflows/build.yml"})])
    c.r(
        "name: build\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  build:\n"
        "    runs-on: [self-hosted, hx-runner-2]\n    env:\n"
        f"      NPM_TOKEN: {npm}\n"
        "    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n"
        "          node-version: 20\n      - run: npm ci\n      - run: npm run build\n      - uses: actions/upload-artifact@v4\n"
        "        with: {name: storefront-build, path: .next}\n"
    )
    c.a(
        "Before the cache: the workflow has an npm token written into it in plain text. It should be a repo secret "
        "(`${{ secrets.NPM_TOKEN }}`), and that token should be revoked since it's in the git history."
    )
    c.u(
        "ugh, that's the old one, it was revoked in september. but yes move it to secrets.NPM_TOKEN while you're at it"
    )
    c.a(
        "Adding `cache: npm` to setup-node, an actions/cache step for `.next/cache`, and the secret.",
        tools=[
            (
                "edit",
                {
                    "path": ".github/workflows/build.yml",
                    "oldText": f"      NPM_TOKEN: {npm}",
                    "newText": "      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
                },
            ),
            (
                "edit",
                {
                    "path": ".github/workflows/build.yml",
                    "oldText": "          node-version: 20\n      - run: npm ci",
                    "newText": "          node-version: 20\n          cache: npm\n      - uses: actions/cache@v4\n        with:\n          path: .next/cache\n          key: next-${{ hashFiles('package-lock.json') }}-${{ hashFiles('src/**') }}\n          restore-keys: next-${{ hashFiles('package-lock.json') }}-\n      - run: npm ci",
                },
            ),
        ],
    )
    c.r("Successfully replaced text in .github/workflows/build.yml.")
    c.r("Successfully replaced text in .github/workflows/build.yml.")
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "git switch -c ci/cache && git commit -qam 'ci: cache npm and .next/cache, NPM_TOKEN from secrets' && git push -qu origin ci/cache && sleep 20 && gh run watch --exit-status $(gh run list -b ci/cache -L1 --json databaseId -q '.[0].databaseId')"
                },
            )
        ],
    )
    r_503 = c.r(
        "✓ ci/cache build · 9118\nTriggered via push about 14 minutes ago\n\nJOBS\n✓ build in 14m12s (ID 24410932)\n\n"
        "ANNOTATIONS\n! Failed to restore: Cache service responded with 503\n! Failed to save: Cache service responded with 503",
        gap=860,
    )
    a_prop = c.a(
        "The run is green but nothing was cached: 14m12s, and both cache steps got a 503 from GitHub's cache "
        "service. It only warns, so the job still passes. Is hx-runner-2 behind a proxy?"
    )
    u_proxy = c.u(
        "yes, it's behind the office proxy and can't reach the cache api, I forgot. it's a persistent box though, nothing gets wiped between jobs"
    )
    a_local = c.a(
        "Then the simplest thing is a plain directory on the runner: point npm's cache at /opt/ci-cache/npm and "
        "symlink `.next/cache` to /opt/ci-cache/next before the build, and drop actions/cache. No network needed. "
        "The catch: two jobs at once on that runner share the folder, but it only runs one job at a time now."
    )
    u_sure = c.u("sure")
    a_fix = c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": ".github/workflows/build.yml",
                    "oldText": "          cache: npm\n      - uses: actions/cache@v4\n        with:\n          path: .next/cache\n          key: next-${{ hashFiles('package-lock.json') }}-${{ hashFiles('src/**') }}\n          restore-keys: next-${{ hashFiles('package-lock.json') }}-\n      - run: npm ci",
                    "newText": "      - run: mkdir -p /opt/ci-cache/npm /opt/ci-cache/next .next && ln -sfn /opt/ci-cache/next .next/cache\n      - run: npm ci --cache /opt/ci-cache/npm --prefer-offline",
                },
            )
        ],
    )
    c.r("Successfully replaced text in .github/workflows/build.yml.")
    c.a(
        "Pushing, then running it twice: the first run fills the cache, the second shows the gain.",
        tools=[
            (
                "exec",
                {
                    "command": "git commit -qam 'ci: local cache dir on hx-runner-2 instead of actions/cache' && git push -q && sleep 20 && gh run watch --exit-status $(gh run list -b ci/cache -L1 --json databaseId -q '.[0].databaseId') | grep -E 'build in'"
                },
            )
        ],
    )
    c.r("✓ build in 13m50s (ID 24411206)", gap=840)
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "gh run rerun 9119 && sleep 20 && gh run watch --exit-status 9119 | grep -E 'build in'"
                },
            )
        ],
    )
    r_warm = c.r("✓ build in 6m05s (ID 24411877)", gap=380)
    c.a(
        "Cold run 13m50s, warm run 6m05s, so about 8 minutes saved per build, and the NPM_TOKEN now comes from "
        "the secret. Branch ci/cache, PR not opened yet.\n\n"
        "One more thing I could do: add a `concurrency` group so a new push cancels the previous run on the same "
        "branch. Want that too?"
    )
    a_offer = c.lines[-1]["id"]
    u_no = c.u(
        "no, leave that. QA grabs the artifact of every run, cancelled ones would break that. open the PR and squash-merge it"
    )
    c.a(
        "",
        tools=[
            (
                "exec",
                {"command": "gh pr create -f -B main -H ci/cache && gh pr merge --squash --delete-branch"},
            )
        ],
    )
    r_pr = c.r(
        "https://github.com/niko-shop/storefront/pull/233\n✓ Squashed and merged pull request #233 (ci: local build cache on hx-runner-2)\n✓ Deleted branch ci/cache"
    )
    c.a("PR #233 squash-merged, branch deleted.")

    c.item(
        "fact",
        "hx-runner-2 (self-hosted, persistent) sits behind the office proxy and cannot reach GitHub's cache service (503)",
        [r_503, u_proxy],
    )
    c.item(
        "decision",
        "storefront CI cache: a local directory on hx-runner-2 (/opt/ci-cache/npm and /opt/ci-cache/next) instead of actions/cache",
        [a_local, u_sure],
        True,
    )
    c.item(
        "outcome",
        "storefront build time down from 14m12s (cache got 503s, nothing cached) to 6m05s on a warm local cache; NPM_TOKEN moved to secrets.NPM_TOKEN",
        [r_503, a_prop, a_fix, r_warm],
    )
    c.item(
        "decision",
        "Rejected: a concurrency group cancelling older runs, because QA uses the artifact of every run",
        [a_offer, u_no],
        True,
    )
    c.item("outcome", "PR #233 (ci/cache) squash-merged into storefront main", [r_pr])
    c.noise += ["Pushing, then running it twice", "PR #233 squash-merged, branch deleted"]
    return c


def c10() -> Conv:
    c = Conv("10-homelab-couch-notes", "2026-12-02T20:15:00", 1, "telegram", sender=NIKO, cwd=HOME)
    wifi = "Kaffeebohne-2026!"
    c.canaries.append(wifi)
    u_ups = c.u(
        "hey, some homelab stuff from the couch. I set up the UPS shutdown: the NAS shuts down at 20% battery and "
        "the proxmox box at 30%. remember that please, I'll have forgotten by next month"
    )
    a_ups = c.a("Noted: on battery, the Proxmox host goes down at 30 %, the NAS at 20 %.")
    c.u(f"and the guest wifi password, people keep asking me: {wifi}")
    c.a(
        "I'd rather not keep a password in my notes, even the guest one: they're plain files and end up in every "
        "session. A printed QR code on the fridge works better for guests; I can make you one if you like."
    )
    c.u("fine, whatever. no need for the QR")
    u_dom = c.u(
        "more important: niko.dev renews on 15 december at porkbun and the card on file expired. remind me on the "
        "12th to put the new card in",
        gap=30,
    )
    c.a(
        "",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "at": "2026-12-12T10:00:00+01:00",
                    "text": "Porkbun: replace the expired card before niko.dev renews on 15 Dec",
                },
            )
        ],
    )
    r_cron = c.r('{"ok": true, "id": "rem_5604", "at": "2026-12-12T09:00:00Z"}')
    c.a("Reminder set for Saturday 12 December, 10:00.")
    u_ha = c.u(
        "thanks. I'm also thinking about moving home assistant off the pi 4 onto a VM on the proxmox box. worth it?",
        gap=120,
    )
    c.a(
        "Arguments for: snapshots before every HA update, more RAM, and one box less to look after. The Zigbee "
        "stick can be passed through as a USB device, that works fine. Against: whenever you reboot Proxmox for "
        "updates, the lights and automations are gone for a few minutes, and the UPS would now take HA down at 30 % "
        "instead of letting it run on the Pi. It mostly depends on how much that bothers you."
    )
    u_later = c.u("hm. let me think about it over the weekend")
    c.a("Sure, no rush.")
    u_fix = c.u(
        "oh, correction on the UPS thing: the NAS is at 25%, not 20. I changed it last week and forgot",
        gap=200,
    )
    a_fix = c.a("Updated: NAS at 25 %, Proxmox host at 30 %.")
    c.u("night")
    c.a("Good night!")

    c.item(
        "fact",
        "UPS shutdown on battery: the NAS shuts down at 25 %, the Proxmox host at 30 %",
        [u_ups, a_ups, u_fix, a_fix],
        True,
    )
    c.item(
        "fact",
        "niko.dev is registered at Porkbun and renews on 15 December; the card on file has expired",
        [u_dom],
    )
    c.item(
        "todo",
        "Niko puts the new card into Porkbun on 12 December (reminder set for 2026-12-12 10:00)",
        [u_dom, r_cron],
    )
    c.item(
        "open_question",
        "Move Home Assistant from the Pi 4 to a VM on the Proxmox host? Niko thinks about it over the weekend",
        [u_ha, u_later],
    )
    c.noise += ["some homelab stuff from the couch", "Sure, no rush", "Good night", "no need for the QR"]
    return c


def c11() -> Conv:
    c = Conv("11-slowlog-skript", "2026-12-03T10:40:00", 1, "pi", cwd="/home/niko/src/edge-tools")
    c.u(
        "Ich brauche ein kleines Skript: tools/slowlog.py soll ein nginx-Access-Log von edge-01 lesen und die 20 "
        "langsamsten Requests ausgeben. Das Log ist JSON, eine Zeile pro Request, request_time ist drin. "
        "Eine Kopie von gestern liegt unter logs/access.log.1"
    )
    script = (
        "import heapq\nimport json\nimport sys\n\n\ndef main(path):\n    rows, bad = [], 0\n"
        "    with open(path) as fh:\n        for line in fh:\n            try:\n                rec = json.loads(line)\n"
        "                rows.append((rec['request_time'] + 0.0, rec['time'], rec['request']))\n"
        "            except Exception:\n                bad += 1\n"
        "    if not rows:\n        print(f'WARN: 0 von {bad} Zeilen gelesen')\n        return\n"
        "    for t, when, req in heapq.nlargest(20, rows):\n        print(f'{when}  {t:6.3f}s  {req}')\n\n\n"
        "if __name__ == '__main__':\n    main(sys.argv[1])\n"
    )
    c.a("", tools=[("write", {"path": "tools/slowlog.py", "content": script})])
    c.r("Successfully wrote 611 bytes to tools/slowlog.py")
    c.a("", tools=[("bash", {"command": ".venv/bin/python tools/slowlog.py logs/access.log.1 | head -5"})])
    r_zero = c.r("WARN: 0 von 184233 Zeilen gelesen")
    c.a(
        "Exit-Code 0, aber keine einzige Zeile gelesen. Ich schaue mir eine Zeile an.",
        tools=[("bash", {"command": "head -1 logs/access.log.1"})],
    )
    c.r(
        '{"time":"2026-12-02T23:59:58+01:00","remote":"10.0.3.7","request":"GET /api/cart HTTP/2.0","status":200,"request_time":"0.412"}'
    )
    a_fix = c.a(
        "`request_time` ist ein String, `+ 0.0` wirft also TypeError, und mein `except Exception` hat das für jede "
        "Zeile verschluckt. Ich wandle mit `float()` um und fange nur noch JSON- und Schlüsselfehler ab.",
        tools=[
            (
                "edit",
                {
                    "path": "tools/slowlog.py",
                    "oldText": "rows.append((rec['request_time'] + 0.0, rec['time'], rec['request']))\n            except Exception:",
                    "newText": "rows.append((float(rec['request_time']), rec['time'], rec['request']))\n            except (ValueError, KeyError):",
                },
            )
        ],
    )
    c.r("Successfully replaced text in tools/slowlog.py.")
    c.a(
        "",
        tools=[("bash", {"command": "time .venv/bin/python tools/slowlog.py logs/access.log.1 | head -3"})],
    )
    r_ok = c.r(
        "2026-12-02T19:41:07+01:00   4.913s  POST /api/checkout HTTP/2.0\n"
        "2026-12-02T19:41:09+01:00   4.702s  POST /api/checkout HTTP/2.0\n"
        "2026-12-02T12:03:55+01:00   3.988s  GET /api/search?q=winterjacke HTTP/2.0\n\nreal\t0m9.812s\nuser\t0m9.401s\nsys\t0m0.390s"
    )
    c.a(
        "Läuft: die langsamsten sind zwei POST /api/checkout gegen 19:41 mit knapp 5 s. Für 184 233 Zeilen braucht es 9,8 s."
    )
    u_rule = c.u(
        "Gut. Zwei Sachen: die Zeiten in der Ausgabe bitte in UTC, wir nutzen in Logs und Reports immer UTC. "
        "Und ich nehme orjson statt json, das Ding soll später über 2 GB am Tag laufen."
    )
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "tools/slowlog.py",
                    "oldText": "import heapq\nimport json\nimport sys\n",
                    "newText": "import heapq\nimport sys\nfrom datetime import UTC, datetime\n\nimport orjson\n",
                },
            ),
            (
                "edit",
                {
                    "path": "tools/slowlog.py",
                    "oldText": "rec = json.loads(line)",
                    "newText": "rec = orjson.loads(line)",
                },
            ),
            (
                "edit",
                {
                    "path": "tools/slowlog.py",
                    "oldText": "print(f'{when}  {t:6.3f}s  {req}')",
                    "newText": "utc = datetime.fromisoformat(when).astimezone(UTC)\n        print(f'{utc:%Y-%m-%dT%H:%M:%SZ}  {t:6.3f}s  {req}')",
                },
            ),
        ],
    )
    c.r("Successfully replaced text in tools/slowlog.py.")
    c.r("Successfully replaced text in tools/slowlog.py.")
    c.r("Successfully replaced text in tools/slowlog.py.")
    c.a(
        "",
        tools=[("bash", {"command": "time .venv/bin/python tools/slowlog.py logs/access.log.1 | head -3"})],
    )
    r_mod = c.r(
        'Traceback (most recent call last):\n  File "/home/niko/src/edge-tools/tools/slowlog.py", line 5, in <module>\n'
        "    import orjson\nModuleNotFoundError: No module named 'orjson'\n\nreal\t0m0.041s",
        exit_code=1,
    )
    c.a(
        "orjson ist im venv noch nicht installiert.",
        tools=[
            (
                "bash",
                {
                    "command": ".venv/bin/pip install -q orjson && time .venv/bin/python tools/slowlog.py logs/access.log.1 | head -3"
                },
            )
        ],
    )
    r_fast = c.r(
        "2026-12-02T18:41:07Z   4.913s  POST /api/checkout HTTP/2.0\n2026-12-02T18:41:09Z   4.702s  POST /api/checkout HTTP/2.0\n"
        "2026-12-02T11:03:55Z   3.988s  GET /api/search?q=winterjacke HTTP/2.0\n\nreal\t0m3.104s\nuser\t0m2.811s\nsys\t0m0.280s"
    )
    c.a("Jetzt in UTC, und mit orjson 3,1 s statt 9,8 s.")
    c.u("orjson muss dann auch in requirements-tools.txt rein")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": ".venv/bin/pip show orjson | grep Version && echo 'orjson==3.10.12' >> requirements-tools.txt && tail -3 requirements-tools.txt"
                },
            )
        ],
    )
    r_req = c.r("Version: 3.10.12\nrich==13.9.4\nclick==8.1.7\norjson==3.10.12")
    c.a("Eingetragen: orjson==3.10.12.")
    u_q = c.u(
        "Danke. Ob wir das als Cronjob direkt auf edge-01 laufen lassen, weiß ich noch nicht, das kläre ich mit Sven."
    )
    c.a("Alles klar, dann bleibt es erstmal ein Skript zum Von-Hand-Starten.")

    c.item(
        "outcome",
        "tools/slowlog.py geschrieben: der erste Lauf las stillschweigend 0 von 184233 Zeilen (request_time ist ein String), mit float() behoben; gibt die 20 langsamsten Requests aus",
        [r_zero, a_fix, r_ok],
    )
    c.item("fact", "In Logs und Reports wird immer UTC verwendet", [u_rule], True)
    c.item(
        "decision",
        "tools/slowlog.py verwendet orjson statt json (soll über 2 GB am Tag laufen)",
        [u_rule],
        True,
    )
    c.item(
        "outcome",
        "Mit orjson (nach ModuleNotFoundError im venv installiert) läuft slowlog.py in 3,1 s statt 9,8 s; orjson==3.10.12 in requirements-tools.txt eingetragen",
        [r_mod, r_fast, r_req],
    )
    c.item(
        "open_question",
        "Soll slowlog.py als Cronjob direkt auf edge-01 laufen? Niko klärt das mit Sven",
        [u_q],
    )
    c.noise += ["Ich schaue mir eine Zeile an", "Eingetragen: orjson", "Alles klar"]
    return c


def c12() -> Conv:
    c = Conv("12-redis-oom-sesiones", "2026-12-03T11:02:00", 1, "pi", cwd="/home/niko/src/sessions")
    pw = "Vz4!pQ8sLw2@Nm6"
    c.canaries.append(pw)
    rc = f"redis-cli -h cache-02.prod.internal -a '{pw}' --no-auth-warning"
    c.u(
        "Urgente: la API de sesiones devuelve 500 y en los logs sale 'OOM command not allowed when used memory > "
        f"maxmemory'. Es cache-02.prod.internal. La contraseña está en el vault pero te la pongo aquí: {pw}"
    )
    c.a(
        "Miro la memoria de Redis.",
        tools=[
            (
                "bash",
                {
                    "command": f"{rc} info memory | grep -E 'used_memory_human|maxmemory_human|maxmemory_policy'"
                },
            )
        ],
    )
    r_mem = c.r("used_memory_human:7.98G\nmaxmemory_human:8.00G\nmaxmemory_policy:noeviction")
    c.a(
        "Está lleno: 7,98 de 8 GB con la política `noeviction`, así que rechaza cualquier escritura. Veamos qué ocupa.",
        tools=[("bash", {"command": f"{rc} info keyspace"})],
    )
    c.r("# Keyspace\ndb0:keys=5210334,expires=1203,avg_ttl=81244")
    c.a(
        "5,2 millones de claves y solo 1203 con caducidad. Muestreo prefijos.",
        tools=[
            (
                "bash",
                {
                    "command": f"{rc} --scan --count 1000 | head -20000 | cut -d: -f1 | sort | uniq -c | sort -rn | head -5"
                },
            )
        ],
    )
    c.r("  18920 sess\n    811 rl\n    269 feat")
    c.a(
        "Casi todo son `sess:*`. Busco dónde se escriben.",
        tools=[
            (
                "bash",
                {
                    "command": 'grep -n "sess:" services/sessions/store.py && git log -L41,41:services/sessions/store.py --oneline | head -3'
                },
            )
        ],
    )
    r_code = c.r(
        "41:        self.r.set(f'sess:{sid}', payload)  # TODO ttl\n"
        "c81d2f0 store: move session writes to the new client (#388)\n"
    )
    a_opts = c.a(
        "Ahí está: desde el commit c81d2f0 (#388), `store.py` línea 41 guarda las sesiones sin TTL, y se han ido "
        "acumulando. Para cortar la hemorragia ahora mismo:\n\n"
        "1. Subir `maxmemory` (la máquina tiene 16 GB): alivio inmediato, pero solo aplaza el problema.\n"
        "2. Cambiar la política a `allkeys-lru`: Redis expulsa las claves menos usadas, también sesiones.\n"
        "3. `volatile-lru`: solo expulsa claves con TTL, y casi no hay. No serviría.\n\n"
        "El arreglo de verdad es poner TTL en la línea 41."
    )
    c.u("¿allkeys-lru o subir la memoria? no quiero echar a usuarios activos")
    a_both = c.a(
        "Con `allkeys-lru` se van primero las sesiones menos usadas: con 5 millones de claves frente a unos 40 000 "
        "usuarios activos al día, casi todo lo expulsado serán sesiones viejas abandonadas. Yo haría las dos cosas: "
        "`maxmemory 10gb` para tener margen y `allkeys-lru` para que no vuelva a llenarse."
    )
    u_vale = c.u("vale, las dos")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": f"{rc} config set maxmemory 10gb && {rc} config set maxmemory-policy allkeys-lru && {rc} config rewrite"
                },
            )
        ],
    )
    r_cfg = c.r("OK\nOK\nOK")
    c.a(
        "Aplicado y guardado en redis.conf. Sigo la memoria y las expulsiones unos minutos.",
        tools=[
            (
                "bash",
                {
                    "command": f"for i in 1 2 3 4 5; do {rc} info memory | grep used_memory_human; {rc} info stats | grep evicted_keys; sleep 30; done"
                },
            )
        ],
    )
    c.r(
        "used_memory_human:8.41G\nevicted_keys:0\nused_memory_human:9.12G\nevicted_keys:0\nused_memory_human:9.87G\nevicted_keys:0\n"
        "used_memory_human:9.99G\nevicted_keys:11842\nused_memory_human:9.99G\nevicted_keys:30517",
        gap=150,
    )
    c.a(
        "Ya está expulsando y se mantiene en 10 GB. ¿Y la API?",
        tools=[
            (
                "bash",
                {
                    "command": "for i in 1 2 3 4 5; do curl -s -o /dev/null -w '%{http_code} ' https://api.niko-shop.com/sessions/healthz; sleep 10; done"
                },
            )
        ],
    )
    r_200 = c.r("200 200 200 200 200 ", gap=50)
    a_ttl = c.a(
        "La API de sesiones responde 200 de nuevo. Ahora el TTL en el código: 24 h, como dice el README del servicio.",
        tools=[
            (
                "edit",
                {
                    "path": "services/sessions/store.py",
                    "oldText": "self.r.set(f'sess:{sid}', payload)  # TODO ttl",
                    "newText": "self.r.set(f'sess:{sid}', payload, ex=SESSION_TTL_S)",
                },
            )
        ],
    )
    c.r("Successfully replaced text in services/sessions/store.py.")
    c.a("", tools=[("bash", {"command": ".venv/bin/pytest services/sessions -q 2>&1 | tail -4"})])
    r_tf = c.r(
        "FAILED services/sessions/tests/test_store.py::test_store_roundtrip - AssertionError: expected call not found.\n"
        "Expected: set('sess:abc', b'{\"u\": 7}')\nActual: set('sess:abc', b'{\"u\": 7}', ex=86400)\n1 failed, 13 passed in 1.92s",
        exit_code=1,
    )
    c.a(
        "El test comprobaba justo la llamada sin TTL. Lo actualizo para que exija `ex=86400`.",
        tools=[
            (
                "edit",
                {
                    "path": "services/sessions/tests/test_store.py",
                    "oldText": "set.assert_called_once_with('sess:abc', b'{\"u\": 7}')",
                    "newText": "set.assert_called_once_with('sess:abc', b'{\"u\": 7}', ex=86400)",
                },
            )
        ],
    )
    c.r("Successfully replaced text in services/sessions/tests/test_store.py.")
    c.a("", tools=[("bash", {"command": ".venv/bin/pytest services/sessions -q 2>&1 | tail -1"})])
    r_tp = c.r("14 passed in 1.88s")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "git switch -c hotfix/session-ttl && git commit -qam 'sessions: store sessions with a 24h TTL (lost in #388)' && git push -qu origin hotfix/session-ttl && git log --oneline -1"
                },
            )
        ],
    )
    r_cm = c.r("7a3b9e1 sessions: store sessions with a 24h TTL (lost in #388)")
    c.a("Commit 7a3b9e1 en hotfix/session-ttl. ¿Lo despliego a prod?")
    c.compaction(
        "Incidente cache-02.prod.internal: Redis lleno (8 GB, noeviction) por sesiones sin TTL desde c81d2f0 (#388). "
        "Decidido: maxmemory 10gb y allkeys-lru (aplicado, API en 200). Hotfix con TTL de 24 h en store.py, tests "
        "verdes, commit 7a3b9e1 en hotfix/session-ttl.",
        r_cm,
        171204,
    )
    c.u("sí, con el pipeline de siempre")
    c.a("", tools=[("bash", {"command": "./deploy.sh sessions prod --ref hotfix/session-ttl"})])
    c.r("deploy sessions@7a3b9e1 -> prod: started (job 4471)")
    poll = "./deploy.sh status 4471"
    c.a("Desplegando. Consulto el estado.", tools=[("bash", {"command": f"sleep 60; {poll}"})])
    c.r("job 4471: rolling 2/6 pods updated", gap=60)
    c.a("", tools=[("bash", {"command": f"sleep 60; {poll}"})])
    c.r("job 4471: rolling 5/6 pods updated", gap=60)
    c.a("", tools=[("bash", {"command": f"sleep 30; {poll}"})])
    r_dep = c.r("job 4471: done, 6/6 pods on 7a3b9e1, healthz 200", gap=30)
    a_off = c.a(
        "En prod: 6/6 pods con 7a3b9e1. Las sesiones nuevas ya caducan a las 24 h.\n\n"
        "Quedan los 5 millones de claves viejas sin TTL. ¿Quieres que las recorra con SCAN y les ponga un EXPIRE?"
    )
    u_no = c.u("No, déjalas. Que se vayan solas con el LRU, no quiero otro script tocando prod hoy.")
    c.a(
        "De acuerdo. Miro la réplica, que con tanto cambio puede haberse quedado atrás.",
        tools=[
            (
                "bash",
                {
                    "command": f"{rc.replace('cache-02.prod', 'cache-02-replica.prod')} info replication | grep -E 'master_link_status|master_sync_in_progress|master_last_io'"
                },
            )
        ],
    )
    r_rep = c.r("master_link_status:down\nmaster_last_io_seconds_ago:-1\nmaster_sync_in_progress:1")
    c.a(
        "La réplica está desconectada y en resincronización completa. Espero a ver si termina.",
        tools=[
            (
                "bash",
                {
                    "command": f"sleep 120; {rc.replace('cache-02.prod', 'cache-02-replica.prod')} info replication | grep -E 'master_link_status|master_sync_in_progress'"
                },
            )
        ],
    )
    c.r("master_link_status:down\nmaster_sync_in_progress:1", gap=120)
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "ssh cache-02.prod.internal 'grep -E \"output buffer|Connection with replica\" /var/log/redis/redis-server.log | tail -3'"
                },
            )
        ],
    )
    r_buf = c.r(
        "1:M 03 Dec 2026 11:58:12.401 # Client id=9921 addr=10.30.1.12:52110 laddr=10.30.1.11:6379 fd=14 name= age=118 flags=S "
        "... scheduled to be closed ASAP for overcoming of output buffer limits.\n"
        "1:M 03 Dec 2026 11:58:12.502 # Connection with replica 10.30.1.12:6379 lost.\n"
        "1:M 03 Dec 2026 11:58:13.611 * Replica 10.30.1.12:6379 asks for synchronization"
    )
    c.a(
        "El primario corta la conexión con la réplica durante la sincronización completa porque supera "
        "`client-output-buffer-limit replica` (con 10 GB y las expulsiones, el búfer se llena), y la réplica vuelve "
        "a empezar. Habría que subir ese límite, pero es otro cambio de config en prod."
    )
    u_end = c.u(
        "déjalo así por hoy, la réplica la miramos mañana con Diego. Y que Diego escriba el postmortem, para el "
        "viernes 11. Ah, y la próxima vez: antes de tocar la config de Redis en prod, avisa siempre en #ops-incidentes."
    )
    c.a(
        "Entendido. Dejo la réplica como está, y a partir de ahora aviso en #ops-incidentes antes de cualquier cambio de config de Redis en prod."
    )
    c.u("gracias, buen trabajo")

    c.item(
        "fact",
        "Causa del OOM en cache-02.prod.internal: desde c81d2f0 (#388) services/sessions/store.py línea 41 guarda sess:* sin TTL; 5,2 millones de claves, 8 GB con noeviction",
        [r_mem, r_code, a_opts],
    )
    c.item(
        "decision",
        "cache-02: maxmemory 10gb y política allkeys-lru (las dos cosas)",
        [a_opts, a_both, u_vale],
        True,
    )
    c.item(
        "outcome",
        "La API de sesiones vuelve a responder 200 tras aplicar maxmemory 10gb y allkeys-lru en cache-02 (config rewrite)",
        [r_mem, r_cfg, r_200],
    )
    c.item(
        "outcome",
        "Hotfix TTL de 24 h (ex=86400) en store.py: test_store_roundtrip falló y se actualizó, 14 tests verdes, commit 7a3b9e1 en hotfix/session-ttl desplegado a prod (6/6 pods)",
        [a_ttl, r_tf, r_tp, r_cm, r_dep],
    )
    c.item(
        "decision",
        "Rechazado: poner EXPIRE a las claves viejas sin TTL con un script; que las expulse el LRU",
        [a_off, u_no],
        True,
    )
    c.item(
        "outcome",
        "Sin resolver: la réplica cache-02-replica no sincroniza (master_link_status:down), el primario la corta por client-output-buffer-limit replica; se mira mañana con Diego",
        [r_rep, r_buf, u_end],
        True,
    )
    c.item("todo", "Diego escribe el postmortem del incidente para el viernes 11 de diciembre", [u_end])
    c.item(
        "fact", "Antes de tocar la config de Redis en prod, avisar siempre en #ops-incidentes", [u_end], True
    )
    c.noise += [
        "Miro la memoria de Redis",
        "Muestreo prefijos",
        "Consulto el estado",
        "gracias, buen trabajo",
    ]
    return c


def c13() -> Conv:
    c = Conv("13-gw01-tls-renewal", "2026-11-26T16:30:00", 1, "pi", cwd="/home/niko/ops", provider="google")
    tok = "hdns_9Qm2Xv7LpT4rZs8KcW1nB6yD3fH5jA0e"
    c.canaries.append(tok)
    c.u(
        "the cert for git.niko.io runs out in 6 days and the renewal has been failing every night. it's on gw-01, have a look"
    )
    c.a("", tools=[("bash", {"command": "ssh gw-01 'sudo certbot renew --dry-run 2>&1 | tail -6'"})])
    r_cb = c.r(
        "Processing /etc/letsencrypt/renewal/git.niko.io.conf\n"
        "Certbot failed to authenticate some domains (authenticator: nginx). The Certificate Authority reported these problems:\n"
        "  Domain: git.niko.io\n  Type:   connection\n  Detail: 203.0.113.41: Fetching http://git.niko.io/.well-known/acme-challenge/x1Yt: Timeout during connect (likely firewall problem)\n"
        "Failed to renew certificate git.niko.io with error: Some challenges have failed.",
        exit_code=1,
    )
    c.a(
        "The HTTP-01 challenge times out: Let's Encrypt can't reach port 80. Checking the firewall.",
        tools=[("bash", {"command": "ssh gw-01 'sudo nft list ruleset | grep -n \"dport 80\"'"})],
    )
    c.r("", exit_code=1)
    c.a("No rule lets port 80 in on gw-01 any more. Was that closed on purpose?")
    u_80 = c.u("yes, we closed 80 in november after the audit. it stays closed")
    a_acme = c.a(
        "Then HTTP-01 is out and it has to be DNS-01. niko.io is on Hetzner DNS, so I'd switch to acme.sh with its "
        "`dns_hetzner` hook: one shell script, no dependencies, and it installs its own cron."
    )
    u_lego = c.u(
        "what about lego instead? single static binary, and Sven already runs it on edge-01, same setup on both boxes"
    )
    a_ok = c.a(
        "lego is just as good here, it has a `hetzner` DNS provider, and having the same tool on both boxes is a real plus. "
        "lego it is. Is there a Hetzner API token on gw-01 already?"
    )
    c.u("there should be one from when I tried the certbot plugin, /etc/letsencrypt/hetzner.ini")
    c.a("", tools=[("bash", {"command": "ssh gw-01 'sudo cat /etc/letsencrypt/hetzner.ini'"})])
    c.r(f"# certbot-dns-hetzner\ndns_hetzner_api_token = {tok}\ndns_hetzner_propagation_seconds = 60\n")
    c.a(
        "Token is there. Installing lego and requesting the certificate; the token is read on gw-01 itself so it "
        "doesn't show up in the command line.",
        tools=[
            (
                "bash",
                {
                    "command": 'ssh gw-01 \'sudo apt-get install -y -q lego >/dev/null && sudo env HETZNER_API_KEY=$(sudo awk -F" = " "/api_token/{print \\$2}" /etc/letsencrypt/hetzner.ini) lego --email ops@niko.io --dns hetzner --domains git.niko.io --path /etc/lego --accept-tos run 2>&1 | tail -4\''
                },
            )
        ],
    )
    r_lego = c.r(
        "2026/11/26 16:41:02 [INFO] [git.niko.io] acme: Waiting for DNS record propagation.\n"
        "2026/11/26 16:41:39 [INFO] [git.niko.io] The server validated our request\n"
        "2026/11/26 16:41:40 [INFO] [git.niko.io] acme: Validations succeeded; requesting certificates\n"
        "2026/11/26 16:41:42 [INFO] [git.niko.io] Server responded with a certificate.",
        gap=40,
    )
    c.a(
        "Certificate issued. Pointing nginx at it.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh gw-01 'sudo sed -i \"s#/etc/letsencrypt/live/git.niko.io/fullchain.pem#/etc/lego/certificates/git.niko.io.pem#; s#/etc/letsencrypt/live/git.niko.io/privkey.pem#/etc/lego/certificates/git.niko.io.key#\" /etc/nginx/sites-enabled/git.conf && sudo nginx -t'"
                },
            )
        ],
    )
    r_ng = c.r(
        'nginx: [emerg] cannot load certificate "/etc/lego/certificates/git.niko.io.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory)\n'
        "nginx: configuration file /etc/nginx/nginx.conf test failed",
        exit_code=1,
    )
    a_crt = c.a(
        "My mistake: lego names the chain `.crt`, not `.pem`.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh gw-01 'sudo sed -i \"s#git.niko.io.pem#git.niko.io.crt#\" /etc/nginx/sites-enabled/git.conf && sudo nginx -t && sudo systemctl reload nginx'"
                },
            )
        ],
    )
    c.r(
        "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "echo | openssl s_client -connect git.niko.io:443 -servername git.niko.io 2>/dev/null | openssl x509 -noout -enddate -issuer"
                },
            )
        ],
    )
    r_end = c.r("notAfter=Feb 24 15:41:41 2027 GMT\nissuer=C = US, O = Let's Encrypt, CN = R11")
    c.a(
        "git.niko.io now serves the new certificate, valid until 24 February 2027. For renewal I'll add a systemd "
        "timer that runs `lego renew --days 30` daily and reloads nginx, and disable certbot's timer so it stops failing."
    )
    c.u("ok")
    unit = (
        "[Unit]\nDescription=lego renew\n\n[Service]\nType=oneshot\nEnvironmentFile=/etc/lego/hetzner.env\n"
        "ExecStart=/usr/bin/lego --email ops@niko.io --dns hetzner --domains git.niko.io --path /etc/lego renew --days 30 --renew-hook 'systemctl reload nginx'\n"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": f"ssh gw-01 'sudo tee /etc/systemd/system/lego-renew.service >/dev/null <<EOF\n{unit}EOF\nprintf \"[Timer]\\nOnCalendar=daily\\nRandomizedDelaySec=1h\\nPersistent=true\\n\\n[Install]\\nWantedBy=timers.target\\n\" | sudo tee /etc/systemd/system/lego-renew.timer >/dev/null && sudo systemctl daemon-reload && sudo systemctl enable --now lego-renew.timer && sudo systemctl disable --now certbot.timer && systemctl list-timers lego-renew.timer --no-pager | sed -n 2p'"
                },
            )
        ],
    )
    r_tm = c.r(
        "Created symlink /etc/systemd/system/timers.target.wants/lego-renew.timer → /etc/systemd/system/lego-renew.timer.\n"
        'Removed "/etc/systemd/system/timers.target.wants/certbot.timer".\n'
        "Fri 2026-11-27 00:31:17 CET 7h left - - lego-renew.timer lego-renew.service"
    )
    c.a("lego-renew.timer is active, first run tonight; certbot.timer is disabled.")
    u_own = c.u(
        "put the whole thing in runbooks/tls-gw-01.md please. oh and fyi, edge-01 and its certs are Sven's, gw-01 is mine"
    )
    rb = (
        "# TLS on gw-01 (git.niko.io)\n\nPort 80 is closed on gw-01: HTTP-01 does not work, use DNS-01 (Hetzner DNS).\n\n"
        "1. Token: `/etc/lego/hetzner.env` (HETZNER_API_KEY), never in a command line.\n"
        "2. Issue: `lego --email ops@niko.io --dns hetzner --domains <name> --path /etc/lego run`\n"
        "3. nginx: `ssl_certificate /etc/lego/certificates/<name>.crt; ssl_certificate_key /etc/lego/certificates/<name>.key;` then `nginx -t` and reload.\n"
        "4. Renewal: `lego-renew.timer` (daily, `renew --days 30`, reloads nginx).\n"
        "5. Check: `openssl s_client -connect <name>:443 | openssl x509 -noout -enddate`\n"
    )
    a_rb = c.a("", tools=[("write", {"path": "runbooks/tls-gw-01.md", "content": rb})])
    r_rb = c.r("Successfully wrote 563 bytes to runbooks/tls-gw-01.md")
    c.a("Written. Noted that edge-01 is Sven's and gw-01 yours.")
    u_q = c.u(
        "one thing I keep wondering: git.niko.io could just sit behind the cloudflare tunnel and we'd need no public "
        "cert on gw-01 at all. but that's a bigger change, not now"
    )
    c.a("Makes sense to look at separately. I'll leave it as an open idea.")

    c.item(
        "fact",
        "Port 80 on gw-01 stays closed (closed in November after the audit), so HTTP-01 challenges cannot work there",
        [u_80],
        True,
    )
    c.item(
        "decision",
        "Certificates for git.niko.io on gw-01: DNS-01 via Hetzner DNS with lego (as Sven runs on edge-01), replacing certbot",
        [a_acme, u_lego, a_ok],
        True,
    )
    c.item(
        "outcome",
        "New Let's Encrypt certificate for git.niko.io issued with lego; nginx -t first failed on the .pem path, fixed to git.niko.io.crt; valid until 24 February 2027",
        [r_cb, r_lego, r_ng, a_crt, r_end],
    )
    c.item(
        "outcome",
        "lego-renew.timer (daily, renew --days 30, reloads nginx) enabled on gw-01; certbot.timer disabled",
        [r_tm],
    )
    c.item(
        "procedure",
        "TLS runbook for gw-01 written to runbooks/tls-gw-01.md: token in /etc/lego/hetzner.env, lego run with --dns hetzner, nginx .crt/.key paths and nginx -t, lego-renew.timer, openssl check",
        [a_rb, r_rb],
    )
    c.item("fact", "edge-01 and its certificates belong to Sven; gw-01 is Niko's", [u_own])
    c.item(
        "open_question",
        "Put git.niko.io behind the Cloudflare tunnel so gw-01 needs no public certificate? Not now",
        [u_q],
    )
    c.noise += ["Checking the firewall", "Pointing nginx at it", "My mistake: lego names the chain"]
    return c


def c14() -> Conv:
    c = Conv("14-aws-bill-november", "2026-12-03T12:10:00", 1, "control-ui", cwd=HOME)
    sk = "q8Hn3VbT0xLr/2KmZp9sWd4YcGf7Ej1UaRiO6tNe"
    c.canaries += [sk, "AKIA5QX7EXMPL3NIKO22"]
    c.u(
        "can you go through last month's AWS bill with me? the export is at ~/Downloads/aws-costs-2026-11.csv"
    )
    c.a("", tools=[("read", {"path": "/home/niko/Downloads/aws-costs-2026-11.csv"})])
    r_csv = c.r(
        "service,usage_type,cost_usd\nAmazonEC2,BoxUsage:m6i.xlarge,421.20\nAmazonEC2,NatGateway-Bytes,371.80\n"
        "AmazonEC2,NatGateway-Hours,40.50\nAmazonRDS,InstanceUsage:db.r6g.large,356.10\nAmazonEC2,EBS:VolumeUsage.gp2,188.40\n"
        "AmazonS3,TimedStorage-ByteHrs,94.22\nAWSDataTransfer,DataTransfer-Out-Bytes,73.15\nAmazonCloudWatch,CW:MetricMonitorUsage,61.80\n"
    )
    a_sum = c.a(
        "November comes to **$1,607.17**. The big lines:\n\n"
        "- EC2 instances (m6i.xlarge): $421.20\n"
        "- NAT gateway: $412.30, of which $371.80 is data processed (about 8.3 TB at $0.045/GB)\n"
        "- RDS db.r6g.large: $356.10\n"
        "- EBS gp2: $188.40\n\n"
        "The NAT line stands out. That much processed data usually means the workers reach S3 through the NAT. "
        "EBS is also high for three instances, so let me look for unattached volumes.",
        tools=[
            (
                "exec",
                {
                    "command": "aws ec2 describe-volumes --region us-east-1 --filters Name=status,Values=available --query 'Volumes[].[VolumeId,Size]' --output text"
                },
            )
        ],
    )
    c.r("")
    a_use1 = c.a("No unattached volumes in us-east-1.")
    u_reg = c.u("we're not in us-east-1, everything is in eu-central-1. has been since 2024")
    c.a(
        "Sorry, wrong default. Again in eu-central-1.",
        tools=[
            (
                "exec",
                {
                    "command": "aws ec2 describe-volumes --region eu-central-1 --filters Name=status,Values=available --query 'Volumes[].[VolumeId,Size]' --output text"
                },
            )
        ],
    )
    c.r(
        'Unable to locate credentials. You can configure credentials by running "aws configure".',
        exit_code=253,
    )
    c.a("There are no AWS credentials in this environment. Which profile or keys should I use?")
    c.u(f"use the billing-ro keys for now: AWS_ACCESS_KEY_ID=AKIA5QX7EXMPL3NIKO22 AWS_SECRET_ACCESS_KEY={sk}")
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": f"AWS_ACCESS_KEY_ID=AKIA5QX7EXMPL3NIKO22 AWS_SECRET_ACCESS_KEY={sk} aws ec2 describe-volumes --region eu-central-1 --filters Name=status,Values=available --query 'Volumes[].[VolumeId,Size]' --output text"
                },
            )
        ],
    )
    r_ro = c.r(
        "An error occurred (UnauthorizedOperation) when calling the DescribeVolumes operation: You are not authorized to perform this operation. "
        "User: arn:aws:iam::418233907112:user/billing-ro is not authorized to perform: ec2:DescribeVolumes",
        exit_code=254,
    )
    c.a("billing-ro may not call ec2:DescribeVolumes.")
    u_ops = c.u(
        "ah right, billing-ro only sees cost explorer. there's an ops profile in ~/.aws/config, use that one"
    )
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "aws --profile ops ec2 describe-volumes --region eu-central-1 --filters Name=status,Values=available --query 'Volumes[].[VolumeId,Size,SnapshotId,CreateTime]' --output text"
                },
            )
        ],
    )
    c.r(
        "vol-0a41c9e2f7b3d1a01\t200\tsnap-0c1e\t2025-06-02T09:14:00Z\nvol-0b77d3e1a2c4f5b02\t200\tsnap-0d2f\t2025-06-02T09:14:05Z\n"
        "vol-0c19e8f2b3a4d6c03\t100\tsnap-0e3a\t2025-09-18T15:40:11Z\nvol-0d52a1b9c8e7f3d04\t250\tsnap-0f4b\t2025-11-03T10:02:45Z\n"
        "vol-0e83b2c7d6f5a4e05\t100\tsnap-1a5c\t2026-01-21T08:30:19Z\nvol-0f94c3d8e7a6b5f06\t150\t\t2026-04-09T13:12:52Z\n"
        "vol-01a5d4e9f8b7c6a07\t150\t\t2026-07-30T17:45:03Z"
    )
    a_off = c.a(
        "Seven volumes in state `available`, 1150 GiB together: about $126 a month at gp2 prices. Five have a "
        "source snapshot, the last two (vol-0f94c3d8e7a6b5f06 and vol-01a5d4e9f8b7c6a07) don't. I can snapshot those "
        "two and then delete all seven, if you want."
    )
    u_done = c.u(
        "did it myself in the console just now, snapshotted the two first. all seven are gone", gap=300
    )
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "aws --profile ops ec2 describe-volumes --region eu-central-1 --filters Name=status,Values=available --query 'length(Volumes)'"
                },
            )
        ],
    )
    r_zero = c.r("0")
    a_s3 = c.a(
        "Confirmed, none left. About the NAT: an S3 gateway endpoint in the VPC would route the workers' S3 traffic "
        "around the NAT gateway. Gateway endpoints cost nothing, so most of the $371.80 of processed data should go. "
        "It's a small Terraform change in the vpc module."
    )
    u_yes = c.u("yes, do that one. the tf is in ~/src/infra/vpc")
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "/home/niko/src/infra/vpc/endpoints.tf",
                    "oldText": "# endpoints\n",
                    "newText": '# endpoints\nresource "aws_vpc_endpoint" "s3" {\n  vpc_id            = aws_vpc.main.id\n  service_name      = "com.amazonaws.eu-central-1.s3"\n  vpc_endpoint_type = "Gateway"\n  route_table_ids   = aws_route_table.private[*].id\n}\n',
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/niko/src/infra/vpc/endpoints.tf.")
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/src/infra/vpc && AWS_PROFILE=ops terraform plan -out s3-endpoint.plan | tail -3"
                },
            )
        ],
    )
    r_plan = c.r("  # aws_vpc_endpoint.s3 will be created\n\nPlan: 1 to add, 0 to change, 0 to destroy.")
    c.a("The plan adds exactly one resource, aws_vpc_endpoint.s3, saved as s3-endpoint.plan. Apply it?")
    u_tom = c.u("I'll apply it myself tomorrow morning, want to watch the workers while it goes in")
    c.a("Okay, the plan file is ready in ~/src/infra/vpc.")
    u_cap = c.u(
        "also, remember this: our monthly AWS budget cap is $2,000. anything above needs Ines's sign-off",
        gap=60,
    )
    c.a("Remembered: $2,000 a month, above that Ines signs off. November was $1,607.17, so under it.")
    u_q = c.u("and the EC2 and RDS: reserved instances or a savings plan?")
    a_q = c.a(
        "I can't tell from one month. A savings plan is the safer bet if you might move off m6i within a year; "
        "RIs save a bit more if the fleet stays as it is. I'd want three months of usage from Cost Explorer before "
        "saying which, so let's leave that open for now."
    )
    c.u("fair, let's leave it")

    c.item(
        "fact",
        "AWS bill November 2026: $1,607.17; biggest lines EC2 m6i.xlarge $421.20, NAT gateway $412.30 ($371.80 data processed), RDS db.r6g.large $356.10, EBS gp2 $188.40",
        [r_csv, a_sum],
    )
    c.item("fact", "All AWS resources are in eu-central-1 (since 2024), not us-east-1", [a_use1, u_reg], True)
    c.item(
        "fact",
        "The billing-ro AWS user only sees Cost Explorer (no ec2:DescribeVolumes); use the ops profile from ~/.aws/config for EC2",
        [r_ro, u_ops],
    )
    c.item(
        "decision",
        "Delete the 7 unattached gp2 volumes in eu-central-1 (1150 GiB, about $126 a month) after snapshotting the two without a snapshot: done by Niko in the console",
        [a_off, u_done, r_zero],
        True,
    )
    c.item(
        "decision",
        "Add an S3 gateway endpoint (aws_vpc_endpoint.s3) in ~/src/infra/vpc so S3 traffic bypasses the NAT gateway",
        [a_s3, u_yes],
        True,
    )
    c.item(
        "todo",
        "Niko applies s3-endpoint.plan in ~/src/infra/vpc himself on the morning of 4 December, watching the workers",
        [r_plan, u_tom],
    )
    c.item("fact", "Monthly AWS budget cap is $2,000; anything above needs Ines's sign-off", [u_cap], True)
    c.item(
        "open_question",
        "Reserved instances or a savings plan for EC2 and RDS? Left open until three months of Cost Explorer usage are reviewed",
        [u_q, a_q],
    )
    c.noise += ["No unattached volumes in us-east-1", "fair, let's leave it", "Confirmed, none left"]
    return c


if __name__ == "__main__":
    main([c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13, c14], Path(__file__).parent)
