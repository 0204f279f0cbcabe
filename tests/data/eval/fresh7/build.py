"""Build the fresh7 split: 11 hand-written conversations of an engineering team lead.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor; the envelope
(header, ids, parent chain, timestamps, usage, sender metadata, tool-call ids) comes from
``tests/data/eval/envelope.py``. ``python build.py`` rewrites this folder; ``--out DIR`` writes elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

HERE = Path(__file__).resolve().parent
TG = ("Dana Okafor", "dana_okafor", "6120447815")
CWD = "/home/dana/.openclaw/workspace"


def c01() -> Conv:
    c = Conv("01-sprint-49-planning", "2026-11-30T08:12:00", 1, "control-ui", cwd=CWD)
    c.u(
        "morning! sprint 49 planning today. Capacity notes: Aisha is out 8-10 Dec, Tomás is on call the "
        "first week so count him at half. Can you draft a scope from the board export? It's in "
        "planning/sprint49-candidates.csv"
    )
    c.a(
        "Good morning. Let me read the export first.",
        tools=[("read", {"path": "planning/sprint49-candidates.csv"})],
    )
    c.r(
        "key,title,points,component\n"
        "PAY-412,Refund webhook retries with backoff,8,payments-api\n"
        "PAY-430,Ledger export to S3 (daily parquet),5,ledger\n"
        "PAY-398,Currency rounding cleanup (JPY/KWD),5,payments-api\n"
        "PAY-377,Kotlin SDK spike,8,sdk\n"
        "PAY-441,Dark mode for the merchant dashboard,3,dashboard\n"
        "PAY-445,Alert on settlement file delay,3,ledger\n"
        "PAY-450,Upgrade Postgres driver to 3.2,2,payments-api\n"
        "PAY-452,Merchant onboarding copy fixes,2,dashboard"
    )
    p1 = c.a(
        "Here's a draft, with capacity at roughly 34 points (Aisha out three days, Tomás at half):\n\n"
        "1. **PAY-412** refund webhook retries (8): Aisha, since she wrote the webhook dispatcher\n"
        "2. **PAY-430** ledger export to S3 (5): Mei\n"
        "3. **PAY-398** currency rounding (5): defer to sprint 50, it touches the same code as PAY-412\n"
        "4. **PAY-377** Kotlin SDK spike (8): drop it, nobody has asked for it since the summer\n"
        "5. Everything else (PAY-441, 445, 450, 452 = 10 points) goes in as listed\n"
        "6. Cap the sprint at 34 points\n\n"
        "Tell me what to change."
    )
    d1 = c.u(
        "1 yes but Jonas owns it, not Aisha, she's out mid-sprint. 2 fine. 3 no: rounding goes in, finance "
        "has been waiting on it since October. 4 agreed, kill it. 6 make it 36, the intern starts Monday "
        "and can take the small stuff."
    )
    c.a(
        "Updated:\n\n- PAY-412 (8) Jonas\n- PAY-430 (5) Mei\n- PAY-398 (5) in this sprint\n- PAY-377 dropped\n"
        "- PAY-441, 445, 450, 452 (10)\n\nThat's 28 + 10 = 33... let me recount: 8 + 5 + 5 + 3 + 3 + 2 + 2 = 28. "
        "So 28 points against a cap of 36, you have 8 points of room. Want to pull anything else in?"
    )
    c.u("hm I thought we'd be tight. what's the next thing on the board after those?")
    c.a(
        "Not in this export. The CSV only has these eight candidates; the rest of the board isn't in the "
        "file. I can't see Jira directly from here."
    )
    d2 = c.u(
        "ok then leave the room as buffer, we always overrun on payments stuff anyway. Actually, drop "
        "PAY-441 too, dark mode can wait for the dashboard redesign in Q1."
    )
    c.a("Done: PAY-441 is out, 25 points committed, 11 points of buffer under the 36 cap.")
    f1 = c.u(
        "One rule I want in the planning notes so I stop repeating it: we never pull a ticket into a "
        "sprint without written acceptance criteria. No exceptions for 'small' tickets."
    )
    c.a(
        "I'll add it to the planning README.",
        tools=[
            (
                "edit",
                {
                    "path": "planning/README.md",
                    "oldText": "## Rules\n",
                    "newText": "## Rules\n- Never pull a ticket into a sprint without written acceptance "
                    "criteria (small tickets included).\n",
                },
            )
        ],
    )
    e1 = c.r("Edited planning/README.md: 1 replacement.")
    c.a("Added under Rules in planning/README.md.")
    t1 = c.u(
        "great. action items from this: Jonas splits PAY-412 into subtasks by Wednesday 2 Dec. Mei writes "
        "the acceptance criteria for PAY-398 by tomorrow, she knows the JPY edge cases. And I'll brief the "
        "intern myself."
    )
    c.a(
        "Noted:\n- Jonas: split PAY-412 into subtasks, by Wed 2 Dec\n- Mei: acceptance criteria for PAY-398, "
        "by Tue 1 Dec\n- You: brief the intern"
    )
    c.u("perfect. how's your morning going btw, busy?")
    c.a("Quiet so far, you're my first planning session of the day. Good luck with the kickoff!")
    c.u("thanks 🙂")
    c.item(
        "decision",
        "Sprint 49: PAY-412 refund webhook retries in scope, owned by Jonas (not Aisha)",
        [p1, d1],
        True,
    )
    c.item("decision", "Sprint 49: PAY-430 ledger export to S3 in scope, owned by Mei", [p1, d1], True)
    c.item(
        "decision",
        "Rejected: deferring PAY-398 currency rounding to sprint 50; it goes into sprint 49 (finance waiting since October)",
        [p1, d1],
        True,
    )
    c.item("decision", "Kotlin SDK spike PAY-377 dropped", [p1, d1], True)
    c.item("decision", "Sprint 49 capped at 36 points; the unused room stays as buffer", [p1, d1, d2], True)
    c.item(
        "decision",
        "PAY-441 dark mode dropped from sprint 49, waits for the Q1 dashboard redesign",
        [d2],
        True,
    )
    c.item(
        "fact",
        "Team rule: never pull a ticket into a sprint without written acceptance criteria",
        [f1, e1],
        True,
    )
    c.item("todo", "Jonas splits PAY-412 into subtasks by Wednesday 2 Dec", [t1])
    c.item("todo", "Mei writes the acceptance criteria for PAY-398 by Tuesday 1 Dec", [t1])
    c.noise += ["how's your morning going", "Let me read the export first", "you have 8 points of room"]
    return c


def c02() -> Conv:
    c = Conv("02-backend-hiring-loop", "2026-11-24T13:05:00", 1, "pi", cwd=CWD)
    c.u(
        "I need to redesign our backend hiring loop. Current loop is 5 rounds and we lost two good "
        "candidates in November to faster offers. Question one: take-home or live pairing for the coding "
        "round?"
    )
    p1 = c.a(
        "Trade-offs in short:\n\n- **Take-home** (3-4 h): fairer to nervous candidates, but it adds 3-5 "
        "days to the loop and people with families drop out.\n- **Live pairing** (90 min on a real-ish "
        "bug): same day, shows how they talk through problems, costs one engineer's afternoon.\n\n"
        "Given that you're losing people to speed, I'd go with live pairing."
    )
    d1 = c.u("yeah, the faster one. pairing it is, on our own repo snapshot not a leetcode thing.")
    c.a("Got it. Want me to sketch the full loop around it?")
    c.u("yes please, aim for 3 rounds max, all done within one week")
    p2 = c.a(
        "Proposal:\n\n1. **Recruiter screen** (30 min), unchanged\n2. **Live pairing** (90 min) on the "
        "repo snapshot, two interviewers\n3. **System design + values** (60 min) with you and one senior\n\n"
        "Debrief within 24 hours of the last round, decision by a single hiring manager (you), no "
        "committee. Offer out within 48 hours."
    )
    d2 = c.u(
        "Mostly yes. Change two things: the debrief stays a group thing, 15 min, everyone who interviewed, "
        "I don't want to decide alone. And split values out of round 3, Marcus wants to run that as a "
        "separate 30 min chat. So it's 4 short rounds, still inside a week. OK?"
    )
    c.a(
        "OK: screen (30) -> pairing (90) -> system design (60) -> values chat with Marcus (30), 15-min group "
        "debrief with all interviewers within 24 h, offer within 48 h, everything inside one week."
    )
    c.u("what did the two we lost say exactly? do you have the notes")
    c.a(
        "Let me check the recruiting notes.",
        tools=[("bash", {"command": "ls recruiting/ && grep -il 'declined' recruiting/*.md"})],
    )
    c.r("2026-11-candidates.md\nloop-v1.md\nrubric-draft.md\nrecruiting/2026-11-candidates.md")
    c.a("", tools=[("bash", {"command": "grep -i -A2 'declined' recruiting/2026-11-candidates.md"})])
    f0 = c.r(
        "- R. Haddad: declined 11-09, accepted an offer from a fintech 'who closed in 6 days'\n"
        "- J. Lindqvist: declined 11-18, 'process felt long, 3 weeks from first call'"
    )
    c.a(
        "Both cite speed: one took an offer that closed in 6 days, the other said 3 weeks from first call "
        "felt long. The new loop would fix both."
    )
    f1 = c.u(
        "Right. Also, for your notes: our salary band for senior backend in Berlin is 85-100k, and we "
        "never negotiate above the band top, we escalate to the VP instead."
    )
    c.a("Noted: senior backend Berlin band 85-100k; above 100k goes to the VP, never negotiated directly.")
    t1 = c.u(
        "Who does what: Priya writes the pairing rubric by 4 Dec. Marcus drafts his values questions by "
        "the 8th. I'll update the job post myself."
    )
    c.a("Got it: Priya, pairing rubric by 4 Dec; Marcus, values questions by 8 Dec; you, the job post.")
    q1 = c.u(
        "one thing I'm not sure about: do juniors get the system design round too, or something lighter? "
        "I'll ask Marcus, he ran the junior program at his last place."
    )
    c.a("Makes sense. I'll leave that open until you've heard from him.")
    c.u("thx, that's it for now")
    c.item(
        "decision",
        "Coding round: live pairing (90 min) on our own repo snapshot, not a take-home",
        [p1, d1],
        True,
    )
    c.item(
        "decision",
        "New backend loop: screen 30 min, pairing 90 min, system design 60 min, separate 30 min values chat by Marcus; 15-min group debrief within 24 h; offer within 48 h; all within one week",
        [p2, d2],
        True,
    )
    c.item(
        "fact",
        "Lost November candidates both cited loop speed (offer closed in 6 days; 3 weeks felt long)",
        [f0],
    )
    c.item(
        "fact",
        "Senior backend Berlin salary band is 85-100k; never negotiate above the band top, escalate to the VP",
        [f1],
        True,
    )
    c.item("todo", "Priya writes the pairing rubric by 4 Dec", [t1])
    c.item("todo", "Marcus drafts the values questions by 8 Dec", [t1])
    c.item(
        "open_question",
        "Do junior candidates get the system design round or something lighter? Dana asks Marcus",
        [q1],
    )
    c.noise += [
        "Let me check the recruiting notes",
        "what did the two we lost say exactly",
        "that's it for now",
    ]
    return c


def c03() -> Conv:
    c = Conv("03-checkout-502-incident", "2026-11-26T15:40:00", 1, "control-ui", cwd=CWD)
    c.u(
        "checkout-api is throwing 502s since about 16:30, PagerDuty fired, Tomás is on it but I want a "
        "second pair of eyes. We deployed v4.18.0 at 16:20. Cluster is prod-eu, namespace payments."
    )
    c.a(
        "On it. Let me look at the pods and recent logs.",
        tools=[
            (
                "bash",
                {"command": "kubectl -n payments get pods -l app=checkout-api -o wide --context prod-eu"},
            )
        ],
    )
    c.r(
        "NAME                            READY   STATUS    RESTARTS   AGE\n"
        "checkout-api-7d9f6c8b5-2xkqp    1/1     Running   0          21m\n"
        "checkout-api-7d9f6c8b5-9hwzt    1/1     Running   0          21m\n"
        "checkout-api-7d9f6c8b5-lq4mn    1/1     Running   0          20m"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "kubectl -n payments logs deploy/checkout-api --since=15m --context prod-eu | grep -i error | tail -5"
                },
            )
        ],
    )
    c.r(
        "2026-11-26T15:41:02Z ERROR pool: timeout acquiring connection after 5000ms (in use 5/5)\n"
        "2026-11-26T15:41:02Z ERROR handler /v2/checkout: upstream db unavailable\n"
        "2026-11-26T15:41:03Z ERROR pool: timeout acquiring connection after 5000ms (in use 5/5)\n"
        "2026-11-26T15:41:04Z ERROR pool: timeout acquiring connection after 5000ms (in use 5/5)\n"
        "2026-11-26T15:41:04Z ERROR handler /v2/checkout: upstream db unavailable"
    )
    c.a(
        "Pods are up, but every instance is exhausting its DB pool at 5/5 connections. We normally run "
        "with 40. Something in v4.18.0 shrank the pool."
    )
    c.u("Tomás says just restart them first, it helped last time. go ahead")
    c.a(
        "Restarting the deployment.",
        tools=[
            ("bash", {"command": "kubectl -n payments rollout restart deploy/checkout-api --context prod-eu"})
        ],
    )
    c.r("deployment.apps/checkout-api restarted")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "kubectl -n payments rollout status deploy/checkout-api --timeout=120s --context prod-eu"
                },
            )
        ],
    )
    c.r(
        'Waiting for deployment "checkout-api" rollout to finish: 1 of 3 updated replicas are available...\n'
        'deployment "checkout-api" successfully rolled out'
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -o /dev/null -w '%{http_code}\\n' https://checkout.internal.example.net/healthz/deep"
                },
            )
        ],
    )
    fail1 = c.r("502")
    c.a(
        "The restart didn't help: the deep health check still returns 502. Let me see what the pool is configured to."
    )
    c.a("", tools=[("read", {"path": "deploy/checkout-api/prod.env"})])
    c.r(
        "APP_ENV=production\nDB_HOST=pg-payments-01.prod-eu.internal\nDB_PORT=5432\nDB_USER=checkout\n"
        "DB_PASSWORD=vR7#qLm2!tPz9xWc\nDB_POOL_MAX=40\nREDIS_URL=redis://cache-02.prod-eu.internal:6379/0"
    )
    c.a(
        "",
        tools=[
            ("bash", {"command": "git -C services/checkout-api log --oneline v4.17.3..v4.18.0 -- config/"})
        ],
    )
    c.r(
        "a41c9e2 config: rename DB_* settings to DATABASE_* for the new settings loader\n"
        "77b02fd config: default pool size 5 when unset"
    )
    cause = c.a(
        "Found it. v4.18.0 renamed the settings: the app now reads `DATABASE_POOL_MAX`, but prod.env still "
        "sets `DB_POOL_MAX=40`, so the pool falls back to the new default of 5 (commit 77b02fd). "
        "Two options:\n\n1. Hot-patch: add `DATABASE_POOL_MAX=40` to the config map and reload\n"
        "2. Roll back to v4.17.3 and fix the env forward in v4.18.1\n\nThe hot-patch is faster if the "
        "reload works."
    )
    c.u("try the hot patch")
    c.a(
        "Patching the config map and triggering a reload.",
        tools=[
            (
                "bash",
                {
                    "command": "kubectl -n payments patch configmap checkout-api-env --context prod-eu "
                    '-p \'{"data":{"DATABASE_POOL_MAX":"40"}}\' && '
                    "kubectl -n payments exec deploy/checkout-api --context prod-eu -- /app/bin/reload-config"
                },
            )
        ],
    )
    fail2 = c.r(
        "configmap/checkout-api-env patched\n"
        "reload-config: reading /etc/checkout/env\n"
        "reload-config: error: key DATABASE_POOL_MAX is not reloadable at runtime (requires restart)\n"
        "reload-config: 0 keys applied"
    )
    c.a(
        "The command exited 0, but the reload applied nothing: pool size can't be changed at runtime. I "
        "could restart again with the patched map, but I don't know what else the rename touched. I'd "
        "roll back now."
    )
    rb_ok = c.u("agreed, roll back to v4.17.3. the rest of the rename we sort out tomorrow")
    c.a(
        "Rolling back.",
        tools=[
            (
                "bash",
                {
                    "command": "helm -n payments rollback checkout-api 0 --kube-context prod-eu --dry-run 2>&1 | head -3"
                },
            )
        ],
    )
    c.r("Error: invalid revision 0: revision numbers start at 1", exit_code=1)
    c.a(
        "Wrong revision number, let me list the history.",
        tools=[("bash", {"command": "helm -n payments history checkout-api --kube-context prod-eu --max 3"})],
    )
    c.r(
        "REVISION  UPDATED                   STATUS      CHART               APP VERSION\n"
        "117       2026-11-25 10:02:11       superseded  checkout-api-2.9.0  4.17.3\n"
        "118       2026-11-26 16:20:40       deployed    checkout-api-2.10.0 4.18.0"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {"command": "helm -n payments rollback checkout-api 117 --kube-context prod-eu --wait=false"},
            )
        ],
    )
    c.r("Rollback was a success! Happy Helming!")
    for i, ready in enumerate(["0 of 3", "1 of 3", "1 of 3", "2 of 3", "2 of 3"]):
        c.a(
            "Waiting for the rollout." if i == 0 else "",
            tools=[
                (
                    "bash",
                    {
                        "command": "kubectl -n payments rollout status deploy/checkout-api --context prod-eu --timeout=20s"
                    },
                )
            ],
            gap=20.0,
        )
        c.r(
            f'Waiting for deployment "checkout-api" rollout to finish: {ready} updated replicas are available...\n'
            "error: timed out waiting for the condition",
            exit_code=1,
        )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "kubectl -n payments rollout status deploy/checkout-api --context prod-eu --timeout=20s"
                },
            )
        ],
        gap=20.0,
    )
    c.r('deployment "checkout-api" successfully rolled out')
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "for i in 1 2 3 4 5; do curl -s -o /dev/null -w '%{http_code} ' https://checkout.internal.example.net/healthz/deep; sleep 10; done; echo"
                },
            )
        ],
    )
    fixed = c.r("200 200 200 200 200 ")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "kubectl -n payments logs deploy/checkout-api --since=3m --context prod-eu | grep -c 'pool: timeout'"
                },
            )
        ],
    )
    c.r("0")
    fix_msg = c.a(
        "Rolled back to v4.17.3 (helm revision 117). Deep health check is 200 five times in a row and there "
        "are no pool timeouts in the last 3 minutes. 502s started 16:30, cleared about 17:12."
    )
    c.u("phew. ok thank you. Tomás confirms the error rate is back to baseline on the dashboard")
    c.a("Good. Do you want to do the quick review now while it's fresh?")
    c.u("yes, 10 minutes. first: who writes the postmortem?")
    pm = c.a(
        "Tomás was the responder, so he'd be the natural author, with you reviewing. Due by Monday so it "
        "goes into the weekly ops review?"
    )
    pm_ok = c.u("Tomás, but due Tuesday 1 Dec, Monday he's off.")
    c.a("Tomás writes the postmortem, due Tue 1 Dec.")
    rule = c.u(
        "Second, from now on checkout-api always goes out as a canary first: 10% for 30 minutes before "
        "full rollout. No more straight deploys on that service."
    )
    c.a("Understood: checkout-api always deploys as a canary, 10% for 30 minutes, then full rollout.")
    t2 = c.u("third, Jonas adds an alert on pool saturation above 80% by Friday 4 Dec.")
    c.a("Noted: Jonas, pool saturation alert (> 80%), by Fri 4 Dec.")
    t3 = c.u(
        "and the forward fix: Mei renames the env keys in prod.env and ships v4.18.1, behind the canary of course. by Monday"
    )
    c.a("Noted: Mei, rename the env keys in prod.env and ship v4.18.1 via canary, by Mon 30 Nov.")
    rb_offer = c.a("One more thing: want me to write what we did today as a runbook for the on-call folder?")
    rb_yes = c.u("yes do it, runbooks/checkout-api-502.md")
    c.a(
        "Writing it.",
        tools=[
            (
                "write",
                {
                    "path": "runbooks/checkout-api-502.md",
                    "content": "# checkout-api returns 502\n\n"
                    "1. `kubectl -n payments logs deploy/checkout-api --since=15m --context prod-eu | grep -i error`\n"
                    "2. If `pool: timeout acquiring connection`: compare the pool size in use with DATABASE_POOL_MAX\n"
                    "3. A pool-size change needs a restart; `reload-config` cannot apply it\n"
                    "4. If a deploy is the cause: `helm -n payments history checkout-api`, then "
                    "`helm -n payments rollback checkout-api <REVISION>`\n"
                    "5. Watch `kubectl -n payments rollout status deploy/checkout-api` until rolled out\n"
                    "6. Verify: `/healthz/deep` returns 200 and no pool timeouts in the logs\n",
                },
            )
        ],
    )
    rb_file = c.r("Wrote 612 bytes to runbooks/checkout-api-502.md")
    c.a("Saved to runbooks/checkout-api-502.md.")
    q = c.u(
        "last thing, and I don't have an answer: why did nobody catch the rename in staging? staging has "
        "the same env file layout. Let's not guess now, it goes into the postmortem."
    )
    c.a("Fair. I'll leave it as an open question for the postmortem.")
    c.u("thanks, good work today")
    c.a("Thanks. Hope the rest of the evening is quiet.")
    c.item(
        "outcome",
        "checkout-api 502s (DB pool 5/5 after v4.18.0 renamed DB_POOL_MAX to DATABASE_POOL_MAX): restart and runtime reload failed; rollback to v4.17.3 (helm revision 117) fixed it",
        [fail1, fail2, fixed, fix_msg],
    )
    c.item(
        "decision",
        "checkout-api rolled back to v4.17.3 instead of hot-patching; the rename is fixed forward",
        [cause, rb_ok],
        True,
    )
    c.item("todo", "Tomás writes the checkout-api postmortem, due Tuesday 1 Dec", [pm, pm_ok])
    c.item(
        "fact",
        "Rule: checkout-api always deploys as a canary first, 10% for 30 minutes, then full rollout",
        [rule],
        True,
    )
    c.item("todo", "Jonas adds a pool saturation alert (above 80%) by Friday 4 Dec", [t2])
    c.item("todo", "Mei renames the env keys in prod.env and ships v4.18.1 via canary by Monday", [t3])
    c.item(
        "procedure",
        "Runbook for checkout-api 502 saved to runbooks/checkout-api-502.md: logs, pool check, helm history and rollback, rollout status, deep health check",
        [rb_offer, rb_yes, rb_file],
    )
    c.item(
        "open_question",
        "Why did staging not catch the DB_* to DATABASE_* rename? Left for the postmortem",
        [q],
    )
    c.canaries += ["vR7#qLm2!tPz9xWc"]
    c.noise += [
        "Let me look at the pods",
        "Waiting for the rollout",
        "good work today",
        "Hope the rest of the evening is quiet",
    ]
    return c


def c04() -> Conv:
    c = Conv("04-observability-contract", "2026-11-27T09:30:00", 1, "telegram", sender=TG, cwd=CWD)
    c.u(
        "hey, quick one. Our Datadog contract is up. I have quotes from Grafana Cloud and Honeycomb in vendors/observability-quotes.md, compare them?"
    )
    c.a("Sure, reading them now.", tools=[("read", {"path": "vendors/observability-quotes.md"})])
    c.r(
        "# Observability quotes (Nov 2026)\n\n"
        "## Datadog (current)\n- Infra: $23/host/month, APM: $36/host/month\n- Logs: $0.10/GB ingested\n\n"
        "## Grafana Cloud\n- $19/host/month incl. APM, logs $0.50/GB retained 30d\n- 12-month commit, 8% discount\n\n"
        "## Honeycomb\n- Flat $2,400/month up to 1.5B events, no per-host fee\n- Logs not included\n\n"
        "Hosts: see inventory."
    )
    wrong = c.a(
        "With 24 hosts: Datadog about $1,416/month before logs, Grafana Cloud about $456 (before the 8% "
        "commit discount), Honeycomb a flat $2,400 but without logs. Grafana Cloud is clearly cheapest."
    )
    corr = c.u("we have 42 hosts, not 24. redo it")
    redo = c.a(
        "Sorry, with 42 hosts:\n\n- **Datadog**: 42 × ($23 + $36) = $2,478/month + logs\n"
        "- **Grafana Cloud**: 42 × $19 = $798/month, $734 with the 12-month commit, + logs\n"
        "- **Honeycomb**: $2,400 flat, logs would need a separate tool\n\n"
        "Grafana Cloud is still the cheapest by a wide margin; Honeycomb is close to Datadog once you add a log tool."
    )
    pick = c.u("the cheaper one then. 12 month commit is fine")
    c.a("Grafana Cloud with the 12-month commit. I'll note it.")
    rem = c.u(
        "and please remember: the Datadog contract auto-renews on 31 January unless we cancel in writing "
        "30 days before. So the cancellation must be out by 1 January at the latest."
    )
    c.a(
        "Remembered: Datadog auto-renews 31 January, written cancellation needed 30 days before, so by 1 January."
    )
    c.u("also remember the Grafana portal login for me: dana.okafor@example.com, password Kestrel-88-copper")
    c.a(
        "I'd rather not keep a password in my notes, they aren't a safe place for it. Put it in the team "
        "password manager (1Password, I think you said?) and I'll just remember that it lives there."
    )
    c.u("fair enough, yes it's in 1Password already")
    t = c.u("Lena from legal needs to review the Grafana DPA before we sign. I'll ask her to do it by 11 Dec")
    c.a("Noted: Lena reviews the Grafana Cloud DPA by 11 Dec.")
    offer = c.a("Should I draft the Datadog cancellation letter now, so it's ready?")
    defer = c.u("not yet. wait until Lena signs off, then we'll see. remind me?")
    c.a(
        "I'll set a reminder for 14 Dec to check on the DPA and the cancellation letter.",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "at": "2026-12-14T09:00:00+01:00",
                    "text": "Check Lena's DPA review; draft Datadog cancellation (deadline 1 Jan)",
                },
            )
        ],
    )
    rem_ok = c.r('{"ok":true,"id":"rem_81f2","at":"2026-12-14T08:00:00Z"}')
    c.a("Reminder set for Mon 14 Dec, 09:00.")
    c.u("👍 thanks")
    c.item("fact", "Correction: we have 42 hosts, not 24", [wrong, corr], True)
    c.item(
        "decision",
        "Observability vendor: Grafana Cloud with the 12-month commit (about $734/month for 42 hosts)",
        [redo, pick],
        True,
    )
    c.item(
        "fact",
        "Datadog contract auto-renews on 31 January unless cancelled in writing 30 days before (by 1 January)",
        [rem],
        True,
    )
    c.item("todo", "Lena reviews the Grafana Cloud DPA by 11 Dec", [t])
    c.item(
        "open_question",
        "Datadog cancellation letter deferred until Lena signs off; reminder set for 14 Dec",
        [offer, defer, rem_ok],
    )
    c.canaries += ["Kestrel-88-copper"]
    c.noise += ["quick one", "reading them now", "it's in 1Password already"]
    return c


def c05() -> Conv:
    c = Conv("05-release-zug-de", "2026-11-23T07:50:00", 1, "control-ui", cwd=CWD)
    c.u(
        "Moin! Wir wollen weg von den Ad-hoc-Releases. Kannst du mir einen Vorschlag für einen festen Release-Zug machen? Web-App und API, 6 Teams."
    )
    p = c.a(
        "Moin! Vorschlag:\n\n- **Takt**: alle zwei Wochen, Dienstag\n- **Branch-Cut**: Donnerstag davor, 12:00\n"
        "- **Staging-Soak**: Freitag bis Montag\n- **Release-Captain**: rotiert pro Zug unter den Teamleads\n"
        "- **Hotfixes**: jederzeit, aber nur mit Freigabe des Captains\n\nPasst das?"
    )
    d = c.u(
        "Fast. Takt wöchentlich statt zweiwöchentlich, sonst werden die Züge zu voll. Branch-Cut dann "
        "Montag 12:00, Release Mittwoch. Der Rest ist gut so."
    )
    c.a(
        "Also: wöchentlich, Branch-Cut Montag 12:00, Release Mittwoch, Soak dazwischen, rotierender Captain, Hotfixes nur mit Freigabe des Captains."
    )
    r1 = c.u(
        "Und eine Regel, die ich fest verankert haben will: freitags wird nie deployt. Auch keine Hotfixes, außer bei einem SEV1."
    )
    c.a("Verstanden: Freitags keine Deploys, Hotfixes nur bei SEV1.")
    c.u("Wer ist eigentlich gerade für die Release-Pipeline zuständig? Ich hab den Überblick verloren")
    c.a(
        "Lass mich in der CODEOWNERS-Datei nachsehen.",
        tools=[("bash", {"command": "grep -n 'release' .github/CODEOWNERS"})],
    )
    look = c.r(".github/CODEOWNERS:14:/.github/workflows/release*.yml  @platform-team @k-brandt")
    c.a(
        "Laut CODEOWNERS gehören die Release-Workflows dem @platform-team, mit Katrin Brandt (@k-brandt) als Einzelperson."
    )
    c.u("Ah stimmt, Katrin. Gut. Schreib die Schritte für den Captain bitte nach docs/release-zug.md")
    proc = c.a(
        "Mache ich.",
        tools=[
            (
                "write",
                {
                    "path": "docs/release-zug.md",
                    "content": "# Release-Zug (wöchentlich)\n\n1. Montag 12:00: `git switch -c release/$(date +%G-w%V) main` und pushen\n"
                    "2. Montag bis Mittwoch: Soak auf staging, Smoke-Tests `make smoke ENV=staging`\n"
                    "3. Mittwoch 10:00: Go/No-Go im #releases-Kanal\n4. Mittwoch: `make release ENV=prod` aus dem Release-Branch\n"
                    "5. Tag setzen: `git tag v$(date +%Y.%m.%d)` und Changelog posten\n6. Freitags nie deployen (Ausnahme: SEV1)\n",
                },
            )
        ],
    )
    pf = c.r("Wrote 421 bytes to docs/release-zug.md")
    c.a("Liegt in docs/release-zug.md.")
    t = c.u(
        "Super. Katrin baut bis 4. Dezember den automatischen Branch-Cut als geplanten Workflow. Erster Zug läuft am 9. Dezember."
    )
    c.a(
        "Notiert: Katrin, automatischer Branch-Cut per Workflow bis 4. Dezember; erster Release-Zug am Mittwoch, 9. Dezember."
    )
    q = c.u(
        "Offen ist noch, ob das Mobile-Team mitfährt. Die haben den App-Store-Review dazwischen. Das klär ich nächste Woche mit Jens."
    )
    c.a("Gut, das bleibt offen bis zu deinem Gespräch mit Jens.")
    c.u("Danke dir, schönen Tag noch")
    c.item(
        "decision",
        "Release-Zug: wöchentlich, Branch-Cut Montag 12:00, Release Mittwoch, rotierender Release-Captain, Hotfixes nur mit Freigabe des Captains",
        [p, d],
        True,
    )
    c.item("fact", "Regel: freitags wird nie deployt, auch keine Hotfixes, außer bei SEV1", [r1], True)
    c.item(
        "fact",
        "Die Release-Workflows gehören laut CODEOWNERS dem @platform-team und Katrin Brandt (@k-brandt)",
        [look],
    )
    c.item(
        "procedure",
        "Ablauf des Release-Zugs für den Captain in docs/release-zug.md: Branch-Cut, Soak mit make smoke, Go/No-Go, make release ENV=prod, Tag und Changelog",
        [proc, pf],
    )
    c.item("todo", "Katrin baut bis 4. Dezember den automatischen Branch-Cut als geplanten Workflow", [t])
    c.item("fact", "Der erste Release-Zug läuft am 9. Dezember", [t])
    c.item(
        "open_question",
        "Fährt das Mobile-Team mit (App-Store-Review)? Klärt Dana nächste Woche mit Jens",
        [q],
    )
    c.noise += [
        "schönen Tag noch",
        "Lass mich in der CODEOWNERS-Datei nachsehen",
        "ich hab den Überblick verloren",
    ]
    return c


def c06() -> Conv:
    c = Conv("06-astreinte-rotation-fr", "2026-11-25T10:15:00", 1, "pi", cwd=CWD)
    c.u(
        "Salut. Il faut refaire la rotation d'astreinte pour décembre et janvier. On est cinq : Tomás, Mei, Jonas, Aisha et Karim. Tu proposes quoi ?"
    )
    p = c.a(
        "Je propose :\n\n1. Rotation **hebdomadaire**, relais le lundi à 10:00\n2. Un **secondaire** chaque semaine (la personne de la semaine suivante)\n"
        "3. Pendant les fêtes (21 déc. - 4 jan.), des demi-semaines pour que personne ne fasse Noël et le Nouvel An\n\nÇa te va ?"
    )
    d = c.u(
        "Pour le 1 et le 2, oui. Pour les fêtes, je préfère autre chose : ceux qui travaillent pendant les "
        "fêtes, Karim et Aisha, prennent ces deux semaines, et ils récupèrent deux jours chacun en janvier."
    )
    c.a(
        "D'accord : Karim la semaine du 21 décembre, Aisha celle du 28, et deux jours de récupération chacun en janvier. Je monte le planning ?"
    )
    c.u("vas-y")
    c.a(
        "Je crée les créneaux dans le calendrier d'astreinte.",
        tools=[
            (
                "calendar",
                {
                    "action": "create_series",
                    "calendar": "oncall-payments",
                    "weekly_handover": "MO 10:00",
                    "order": ["Tomás", "Mei", "Jonas", "Karim", "Aisha", "Tomás", "Mei", "Jonas", "Karim"],
                    "start": "2026-11-30",
                },
            )
        ],
    )
    fail = c.r('{"ok":false,"error":"calendar oncall-payments: permission denied for user agent@openclaw"}')
    c.a("Ça a échoué : je n'ai pas les droits d'écriture sur le calendrier oncall-payments.")
    c.u("ah oui. je t'ai ajouté comme éditeur, réessaie")
    c.a(
        "",
        tools=[
            (
                "calendar",
                {
                    "action": "create_series",
                    "calendar": "oncall-payments",
                    "weekly_handover": "MO 10:00",
                    "order": ["Tomás", "Mei", "Jonas", "Karim", "Aisha", "Tomás", "Mei", "Jonas", "Karim"],
                    "start": "2026-11-30",
                },
            )
        ],
    )
    ok = c.r('{"ok":true,"created":9,"first":"2026-11-30T10:00:00+01:00","last":"2027-01-25T10:00:00+01:00"}')
    c.a("C'est fait : 9 semaines créées, du 30 novembre au 25 janvier, relais le lundi à 10:00.")
    rule = c.u(
        "Une règle pour la suite : jamais deux semaines d'astreinte d'affilée pour la même personne, même en cas d'échange."
    )
    c.a("Noté : jamais deux semaines d'affilée pour la même personne, échanges compris.")
    c.u("Et garde ma clé PagerDuty pour que tu puisses faire les échanges toi-même : u+Zx3kQ9vLp2WnR8sT4y")
    c.a(
        "Je préfère ne pas la stocker : une clé d'API n'a pas sa place dans mes notes. Si tu veux que je "
        "fasse les échanges, le mieux est une clé de service dédiée, limitée aux plannings, dans le coffre."
    )
    t = c.u("ok, Karim crée cette clé de service d'ici vendredi 4 décembre")
    c.a("Noté : Karim crée une clé de service PagerDuty limitée aux plannings, d'ici le vendredi 4 décembre.")
    c.u("merci, bonne journée")
    c.item(
        "decision",
        "Astreinte : rotation hebdomadaire, relais le lundi à 10:00, avec un secondaire (la personne de la semaine suivante)",
        [p, d],
        True,
    )
    c.item(
        "decision",
        "Fêtes : Karim (semaine du 21 décembre) et Aisha (semaine du 28) prennent l'astreinte et récupèrent deux jours chacun en janvier ; pas de demi-semaines",
        [p, d],
        True,
    )
    c.item(
        "outcome",
        "Planning créé dans le calendrier oncall-payments : 9 semaines du 30 novembre au 25 janvier, après un échec de droits corrigé",
        [fail, ok],
    )
    c.item(
        "fact",
        "Règle : jamais deux semaines d'astreinte d'affilée pour la même personne, même en cas d'échange",
        [rule],
        True,
    )
    c.item(
        "todo",
        "Karim crée une clé de service PagerDuty limitée aux plannings d'ici le vendredi 4 décembre",
        [t],
    )
    c.canaries += ["u+Zx3kQ9vLp2WnR8sT4y"]
    c.noise += ["bonne journée", "Tu proposes quoi", "Je crée les créneaux"]
    return c


def c07() -> Conv:
    c = Conv("07-cloud-cost-cuts", "2026-11-19T12:20:00", 1, "pi", cwd=CWD)
    c.u(
        "Finance wants 15% off our cloud bill by Q1. Current run rate is about $61k/month. Can you pull the cost breakdown by service for October?"
    )
    c.a(
        "Let me pull it from Cost Explorer.",
        tools=[
            (
                "bash",
                {
                    "command": "aws ce get-cost-and-usage --time-period Start=2026-10-01,End=2026-11-01 --granularity MONTHLY --metrics UnblendedCost --group-by Type=DIMENSION,Key=SERVICE --profile finops"
                },
            )
        ],
    )
    c.r(
        "An error occurred (ExpiredTokenException) when calling the GetCostAndUsage operation: The security token included in the request is expired",
        exit_code=254,
    )
    c.a("The finops profile's session token expired. Can you refresh it (`aws sso login --profile finops`)?")
    c.u("done")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "aws ce get-cost-and-usage --time-period Start=2026-10-01,End=2026-11-01 --granularity MONTHLY --metrics UnblendedCost --group-by Type=DIMENSION,Key=SERVICE --profile finops --output text | sort -k3 -nr | head -6"
                },
            )
        ],
    )
    costs = c.r(
        "GROUPS  Amazon EC2              24310.55\nGROUPS  Amazon RDS              14120.02\nGROUPS  Amazon S3                7904.18\n"
        "GROUPS  AWS Data Transfer       6233.71\nGROUPS  Amazon ElastiCache      3861.40\nGROUPS  Amazon CloudWatch       2788.09"
    )
    c.a(
        "October top six: EC2 $24.3k, RDS $14.1k, S3 $7.9k, data transfer $6.2k, ElastiCache $3.9k, CloudWatch $2.8k. Let me look at where EC2 goes."
    )
    for env, cost in [("prod", "14880.12"), ("staging", "6102.77"), ("ci", "3327.66")]:
        c.a(
            "",
            tools=[
                (
                    "bash",
                    {
                        "command": f"aws ce get-cost-and-usage --time-period Start=2026-10-01,End=2026-11-01 --granularity MONTHLY --metrics UnblendedCost --filter file://filters/ec2-{env}.json --profile finops --output text"
                    },
                )
            ],
        )
        c.r(f"TOTAL   UnblendedCost   {cost}   USD")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "aws rds describe-db-instances --profile finops --query 'DBInstances[].[DBInstanceIdentifier,DBInstanceClass,MultiAZ]' --output text"
                },
            )
        ],
    )
    c.r(
        "pg-payments-01   db.r6g.4xlarge   True\npg-payments-stg  db.r6g.2xlarge   True\npg-analytics     db.r6g.4xlarge   False"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -H 'Authorization: Bearer dd_api_7f3c91e0b24a4d8e9c55aa01b6e2f7d3' 'https://api.example-metrics.io/v1/query?q=avg:cpu{host:pg-payments-stg}&from=-30d' | jq '.series[0].avg'"
                },
            )
        ],
    )
    c.r("6.4")
    p = c.a(
        "Proposal, roughly $10.4k/month (17%):\n\n"
        "1. **Staging EC2 off outside working hours** (19:00-07:00 and weekends): ~$3.6k\n"
        "2. **pg-payments-stg**: drop Multi-AZ and go to db.r6g.large (it averages 6% CPU): ~$2.1k\n"
        "3. **Graviton for CI runners** (m7g instead of m6i): ~$0.9k\n"
        "4. **S3 lifecycle**: move logs older than 30 days to Glacier Instant Retrieval: ~$2.4k\n"
        "5. **CloudWatch**: cut debug log retention from 90 to 14 days: ~$1.4k\n"
        "6. **Reserved instances for prod RDS**, 1 year, no upfront: ~$3k more, but it's a commitment\n\n"
        "Which of these do you want?"
    )
    d = c.u(
        "1 yes. 2 yes but keep Multi-AZ, staging failovers are how we test the runbook; just downsize. "
        "3 yes. 4 no, legal wants logs hot for 90 days because of the audit. 5 yes. 6 not now, ask me again "
        "after the Q1 headcount is clear."
    )
    c.a(
        "So: 1, 2 (downsize only, keep Multi-AZ), 3 and 5 go ahead; 4 is rejected because of the 90-day audit "
        "requirement; 6 waits until Q1 headcount is clear. Without 4 and 6 that's about $7.3k, 12%. To reach "
        "15% we'd need another ~$1.9k."
    )
    c.u("what about the analytics db, pg-analytics. nobody uses it at night")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "aws cloudwatch get-metric-statistics --namespace AWS/RDS --metric-name DatabaseConnections --dimensions Name=DBInstanceIdentifier,Value=pg-analytics --start-time 2026-11-12T00:00:00Z --end-time 2026-11-19T00:00:00Z --period 3600 --statistics Maximum --profile finops --output text | awk '$2==0' | wc -l"
                },
            )
        ],
    )
    c.r("121")
    p2 = c.a(
        "pg-analytics had zero connections in 121 of the last 168 hours. Stopping it outside 07:00-19:00 on "
        "weekdays would save ~$2.2k, which gets you to about 15.6%."
    )
    c.u("do it, stop it nightly.")
    c.a("OK: pg-analytics stops nightly. I'll write the schedule once you've looked at the list.")
    c.u(
        "wait, hold on. Nadia's team runs the dbt models at 02:00 on pg-analytics. stopping it nightly breaks that"
    )
    p3 = c.a(
        "Good catch. Alternative: keep it running and downsize it from db.r6g.4xlarge to db.r6g.2xlarge. "
        "Saves ~$1.9k, dbt at night keeps working, and you land at exactly 15%."
    )
    d2 = c.u("yes, the downsize instead. no nightly stop.")
    c.a("Understood: pg-analytics is downsized to db.r6g.2xlarge, no nightly stop.")
    c.u("write the plan to finops/2026-q1-cuts.md so I can send it to finance")
    c.a(
        "Writing it.",
        tools=[
            (
                "write",
                {
                    "path": "finops/2026-q1-cuts.md",
                    "content": "# Q1 cloud cost cuts (target 15%)\n\n"
                    "- Staging EC2 off 19:00-07:00 and weekends: $3.6k\n- pg-payments-stg to db.r6g.large, Multi-AZ kept: $1.9k\n"
                    "- CI runners on Graviton (m7g): $0.9k\n- CloudWatch debug logs 14 days: $1.4k\n"
                    "- pg-analytics to db.r6g.2xlarge: $1.9k\n\nTotal about $9.7k/month = 15.9%\n\n"
                    "Not doing: S3 Glacier for logs (audit needs 90 days hot). Later: RDS reservations after Q1 headcount.\n",
                },
            )
        ],
    )
    w = c.r("Wrote 402 bytes to finops/2026-q1-cuts.md")
    c.a("Saved to finops/2026-q1-cuts.md. Estimated total $9.7k/month, 15.9%.")
    t = c.u(
        "owners: Jonas does the staging schedule by 11 Dec, Karim does both database resizes in the maintenance window on 15 Dec, Mei does the CI runners whenever, no date."
    )
    c.a(
        "Noted: Jonas, staging schedule by 11 Dec; Karim, both RDS resizes in the 15 Dec window; Mei, Graviton CI runners (no date)."
    )
    c.u("and the CloudWatch retention, you can do that now? it's just a setting")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "for g in $(aws logs describe-log-groups --log-group-name-prefix /debug/ --profile finops --query 'logGroups[].logGroupName' --output text); do aws logs put-retention-policy --log-group-name $g --retention-in-days 14 --profile finops && echo ok $g; done"
                },
            )
        ],
    )
    c.r(
        "An error occurred (AccessDeniedException) when calling the PutRetentionPolicy operation: User: arn:aws:sts::418220917734:assumed-role/finops-readonly/dana is not authorized to perform: logs:PutRetentionPolicy",
        exit_code=254,
    )
    c.a(
        "The finops profile is read-only, so I can't change retention with it. Is there a profile with write access to logs?"
    )
    c.u("use --profile platform-admin")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "for g in $(aws logs describe-log-groups --log-group-name-prefix /debug/ --profile platform-admin --query 'logGroups[].logGroupName' --output text); do aws logs put-retention-policy --log-group-name $g --retention-in-days 14 --profile platform-admin && echo ok $g; done"
                },
            )
        ],
    )
    c.r("ok /debug/checkout-api\nok /debug/ledger\nok /debug/payments-api\nok /debug/webhooks")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "aws logs describe-log-groups --log-group-name-prefix /debug/ --profile platform-admin --query 'logGroups[].[logGroupName,retentionInDays]' --output text"
                },
            )
        ],
    )
    cw = c.r(
        "/debug/checkout-api    14\n/debug/dashboard       90\n/debug/ledger  14\n/debug/payments-api     14\n/debug/webhooks 14"
    )
    c.a(
        "Four of the five /debug/ groups are at 14 days now. /debug/dashboard is still at 90: it didn't "
        "come back in the first listing, probably pagination. Let me set it directly."
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "aws logs put-retention-policy --log-group-name /debug/dashboard --retention-in-days 14 --profile platform-admin && echo ok"
                },
            )
        ],
    )
    cw2 = c.r("ok")
    c.a("All five /debug/ log groups are at 14 days retention.")
    c.u("nice. that's enough for today")
    c.item(
        "decision",
        "Cost cuts: staging EC2 off 19:00-07:00 and weekends; Graviton m7g CI runners; CloudWatch debug log retention 14 days",
        [p, d],
        True,
    )
    c.item(
        "decision",
        "pg-payments-stg downsized to db.r6g.large, Multi-AZ kept (staging failovers test the runbook)",
        [p, d],
        True,
    )
    c.item(
        "decision",
        "Rejected: S3 logs to Glacier after 30 days; legal needs logs hot for 90 days for the audit",
        [p, d],
        True,
    )
    c.item(
        "open_question", "Reserved instances for prod RDS: ask again after the Q1 headcount is clear", [p, d]
    )
    c.item(
        "decision",
        "pg-analytics: downsize to db.r6g.2xlarge and keep it running (dbt models at 02:00)",
        [p2, p3, d2],
        True,
    )
    c.item("outcome", "Plan written to finops/2026-q1-cuts.md: about $9.7k/month, 15.9% of the bill", [w])
    c.item("todo", "Jonas sets up the staging EC2 schedule by 11 Dec", [t])
    c.item(
        "todo",
        "Karim does the pg-payments-stg and pg-analytics resizes in the maintenance window on 15 Dec",
        [t],
    )
    c.item("todo", "Mei moves the CI runners to Graviton (no date)", [t])
    c.item(
        "outcome",
        "CloudWatch retention set to 14 days on all five /debug/ log groups (finops profile read-only; used platform-admin)",
        [cw, cw2],
    )
    c.item(
        "fact",
        "October cloud cost top services: EC2 $24.3k, RDS $14.1k, S3 $7.9k, data transfer $6.2k",
        [costs],
    )
    c.canaries += ["dd_api_7f3c91e0b24a4d8e9c55aa01b6e2f7d3"]
    c.noise += ["Let me pull it from Cost Explorer", "that's enough for today", "probably pagination"]
    return c


def c08() -> Conv:
    c = Conv("08-friday-offsite-chat", "2026-11-27T16:40:00", 1, "telegram", sender=TG, cwd=CWD)
    c.u("hey, it's Friday and my brain is done. entertain me for 5 min")
    c.a("Happy Friday! Want a riddle, a fun fact, or just someone to complain to about the week?")
    c.u("fun fact please")
    c.a(
        "Octopuses have three hearts, and two of them stop beating when they swim. That's why they prefer crawling."
    )
    c.u("ha, relatable. I also prefer crawling into the weekend")
    c.a("Very fair. Any plans?")
    c.u(
        "the team offsite was today actually, we did a bouldering place. I fell off the easiest wall twice lol"
    )
    c.a("Falling off the easy wall is a rite of passage. Did everyone survive?")
    c.u(
        "everyone survived. Jonas is weirdly good at it. what is the word for the grades in bouldering again, the V something?"
    )
    c.a(
        "The V-scale (V0, V1, ...) from the US; in Europe you'll often see the Fontainebleau scale instead, like 4, 5+, 6A."
    )
    c.u("right, Font grades, the gym uses those. ok I'm off, have a nice weekend")
    c.a("You too, enjoy the sore arms tomorrow!")
    c.noise += [
        "Octopuses have three hearts",
        "the V-scale",
        "Fontainebleau scale",
        "have a nice weekend",
        "I fell off the easiest wall",
    ]
    return c


def c09() -> Conv:
    c = Conv("09-okr-trimestre-es", "2026-11-20T09:05:00", 1, "control-ui", cwd=CWD)
    c.u(
        "Hola. Tengo que cerrar los OKR del equipo de pagos para el primer trimestre. ¿Me das tres opciones para el objetivo principal?"
    )
    p = c.a(
        "Claro. Tres opciones:\n\n1. **Fiabilidad**: 99,95 % de disponibilidad en checkout-api y cero incidentes SEV1\n"
        "2. **Velocidad**: tiempo medio de integración de un comercio nuevo de 10 a 4 días\n"
        "3. **Coste**: bajar el coste por transacción un 20 %\n\n¿Cuál encaja mejor?"
    )
    d = c.u("La segunda. La fiabilidad ya la medimos como SLO, no hace falta un OKR para eso.")
    c.a("Perfecto: objetivo principal, reducir el tiempo de integración de comercios de 10 a 4 días.")
    wrong = c.a("Por cierto, según tus notas, el tiempo medio actual es de 10 días hábiles, ¿correcto?")
    corr = c.u("No, son 12 días naturales, no 10 hábiles. Lo midió Aisha en octubre.")
    c.a(
        "Corregido: el punto de partida son 12 días naturales (medido por Aisha en octubre), el objetivo sigue siendo 4."
    )
    c.u("¿Qué resultados clave propondrías?")
    p2 = c.a(
        "Propuesta:\n\n- KR1: onboarding de sandbox automatizado (sin tickets manuales)\n- KR2: documentación de la API con ejemplos en 3 lenguajes\n"
        "- KR3: 80 % de los comercios nuevos integrados en 4 días o menos\n- KR4: encuesta de satisfacción de comercios ≥ 4,5/5"
    )
    d2 = c.u("KR1, KR2 y KR3 sí. El KR4 fuera, la encuesta la lleva otro equipo y no la controlamos.")
    c.a("Quedan KR1, KR2 y KR3; KR4 descartado.")
    t = c.u("Mei se encarga del KR1 y presenta un plan antes del 12 de diciembre. Jonas hace el KR2.")
    c.a("Anotado: Mei, plan del KR1 antes del 12 de diciembre; Jonas, KR2.")
    q = c.u(
        "Lo que no sé es si meter un segundo objetivo de coste o dejarlo en uno. Lo pienso el fin de semana."
    )
    c.a("Vale, lo dejamos abierto hasta que lo decidas.")
    c.u("Gracias, buen día")
    c.item(
        "decision",
        "Objetivo principal del primer trimestre: reducir el tiempo de integración de comercios nuevos a 4 días (fiabilidad ya se mide como SLO)",
        [p, d],
        True,
    )
    c.item(
        "fact",
        "Corrección: el tiempo de integración actual es de 12 días naturales, no 10 hábiles (medido por Aisha en octubre)",
        [wrong, corr],
        True,
    )
    c.item(
        "decision",
        "Resultados clave: KR1 sandbox automatizado, KR2 documentación de la API en 3 lenguajes, KR3 80 % de comercios en 4 días",
        [p2, d2],
        True,
    )
    c.item("decision", "Rechazado: KR4 encuesta de satisfacción, la lleva otro equipo", [p2, d2], True)
    c.item("todo", "Mei presenta el plan del KR1 antes del 12 de diciembre", [t])
    c.item("todo", "Jonas se encarga del KR2 (documentación de la API)", [t])
    c.item("open_question", "¿Un segundo objetivo de coste o solo uno? Dana lo piensa el fin de semana", [q])
    c.noise += ["buen día", "¿Cuál encaja mejor?", "Tres opciones"]
    return c


def c10() -> Conv:
    c = Conv("10-postmortem-vorlage-de", "2026-12-01T13:30:00", 1, "pi", cwd=CWD)
    c.u(
        "Hi. Ich will unsere Postmortem-Vorlage überarbeiten, die ist von 2023. Lies mal docs/postmortem-template.md und die Bot-Konfiguration in ops/pm-bot.yaml."
    )
    c.a(
        "Ich lese beide Dateien.",
        tools=[("read", {"path": "docs/postmortem-template.md"}), ("read", {"path": "ops/pm-bot.yaml"})],
    )
    c.r("# Postmortem\n\n## Zusammenfassung\n## Zeitleiste\n## Ursache\n## Schuldige Person\n## Maßnahmen\n")
    c.r(
        "channel: '#incidents'\nwebhook: https://hooks.slack.com/services/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\ndue_days: 3\n"
    )
    p = c.a(
        "Vorschläge zur Vorlage:\n\n- „Schuldige Person“ streichen, Postmortems sollen schuldfrei sein\n"
        "- „Auswirkung“ (Kunden, Umsatz, Dauer) als eigenen Abschnitt ergänzen\n- Bei „Maßnahmen“ pro Zeile Owner und Datum verlangen\n"
        "- Frist im Bot von 3 auf 5 Werktage erhöhen"
    )
    d = c.u("Die ersten drei ja. Die Frist bleibt bei 3 Tagen, sonst vergisst man die Hälfte.")
    c.a(
        "Ich passe die Vorlage an.",
        tools=[
            (
                "write",
                {
                    "path": "docs/postmortem-template.md",
                    "content": "# Postmortem (schuldfrei)\n\n## Zusammenfassung\n## Auswirkung\n"
                    "Kunden, Umsatz, Dauer\n## Zeitleiste\n## Ursache\n## Maßnahmen\n| Maßnahme | Owner | Datum |\n",
                },
            )
        ],
    )
    w = c.r("Wrote 164 bytes to docs/postmortem-template.md")
    c.a(
        "Erledigt: schuldfrei, mit Abschnitt Auswirkung und Owner/Datum pro Maßnahme. Frist im Bot unverändert 3 Tage."
    )
    c.u("Wer reviewt eigentlich die Postmortems bei uns?")
    c.a("Laut der alten Vorlage steht dazu nichts. Ich hatte Katrin notiert, stimmt das?")
    corr = c.u("Nein, nicht Katrin. Ich reviewe sie selbst, und bei SEV1 zusätzlich der VP Engineering.")
    c.a("Korrigiert: du reviewst die Postmortems selbst, bei SEV1 zusätzlich der VP Engineering.")
    c.u("Schreib noch rein, wie man ein Postmortem startet, dann muss ich das nicht jedes Mal erklären")
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "docs/postmortem-template.md",
                    "oldText": "# Postmortem (schuldfrei)\n",
                    "newText": "# Postmortem (schuldfrei)\n\n"
                    "So startest du: 1. `cp docs/postmortem-template.md postmortems/$(date +%F)-<dienst>.md` "
                    "2. Zeitleiste aus dem #incidents-Kanal übernehmen 3. PR öffnen und Dana als Reviewer setzen "
                    "4. Innerhalb von 3 Tagen mergen\n",
                },
            )
        ],
    )
    e = c.r("Edited docs/postmortem-template.md: 1 replacement.")
    c.a("Steht jetzt oben in der Vorlage.")
    t = c.u(
        "Danke. Tomás nimmt die neue Vorlage gleich für das checkout-Postmortem, das bis Dienstag fällig ist."
    )
    c.a("Gut, dann ist sie gleich im Einsatz.")
    c.u("passt, bis später")
    c.item(
        "decision",
        "Postmortem-Vorlage: „Schuldige Person“ gestrichen (schuldfrei), Abschnitt Auswirkung ergänzt, Owner und Datum pro Maßnahme",
        [p, d],
        True,
    )
    c.item("decision", "Abgelehnt: Frist im Bot auf 5 Werktage erhöhen; sie bleibt bei 3 Tagen", [p, d], True)
    c.item("outcome", "Neue Vorlage in docs/postmortem-template.md geschrieben", [w])
    c.item(
        "fact",
        "Korrektur: Dana reviewt die Postmortems selbst (nicht Katrin), bei SEV1 zusätzlich der VP Engineering",
        [corr],
        True,
    )
    c.item(
        "procedure",
        "Postmortem starten: Vorlage nach postmortems/<datum>-<dienst>.md kopieren, Zeitleiste aus #incidents, PR mit Dana als Reviewer, innerhalb von 3 Tagen mergen",
        [e],
    )
    c.item("todo", "Tomás schreibt das checkout-Postmortem mit der neuen Vorlage bis Dienstag", [t])
    c.canaries += [
        "https://hooks.slack.com/services/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",
        "q8XwV2nTk4LmR9sJ3dYf6aHc",
    ]
    c.noise += ["Ich lese beide Dateien", "bis später", "Steht jetzt oben in der Vorlage"]
    return c


def c11() -> Conv:
    c = Conv("11-tests-instables-fr", "2026-12-02T14:10:00", 1, "control-ui", cwd=CWD)
    c.u(
        "Bonjour. La CI de payments-api est rouge une fois sur trois depuis lundi. Tu peux regarder quels tests sont instables ?"
    )
    c.a(
        "Je regarde les dernières exécutions.",
        tools=[
            (
                "bash",
                {
                    "command": "gh run list -R acme/payments-api --workflow ci.yml --limit 20 --json conclusion -q '[.[] | .conclusion] | group_by(.) | map({(.[0]): length}) | add'"
                },
            )
        ],
    )
    c.r('{"failure":7,"success":13}')
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "gh run list -R acme/payments-api --workflow ci.yml --status failure --limit 7 --json databaseId -q '.[].databaseId' | xargs -I{} gh run view {} -R acme/payments-api --log-failed | grep -o 'FAILED [^ ]*' | sort | uniq -c"
                },
            )
        ],
    )
    found = c.r(
        "      5 FAILED tests/integration/test_refunds.py::test_refund_webhook_retry\n      2 FAILED tests/integration/test_ledger.py::test_export_parquet"
    )
    p = c.a(
        "7 échecs sur 20. Deux tests : test_refund_webhook_retry (5 fois) et test_export_parquet (2 fois). "
        "Je propose de les mettre en quarantaine (marqueur `flaky`, exclus du job bloquant) le temps de les corriger."
    )
    d = c.u(
        "Ok pour la quarantaine, mais seulement test_export_parquet. Le retry des webhooks, c'est justement ce qu'on livre ce sprint, on le corrige tout de suite."
    )
    c.a(
        "Compris : test_export_parquet en quarantaine, test_refund_webhook_retry corrigé maintenant. Je lance le test seul en boucle."
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "cd services/payments-api && for i in $(seq 1 10); do pytest -q tests/integration/test_refunds.py::test_refund_webhook_retry -p no:randomly 2>&1 | tail -1; done"
                },
            )
        ],
    )
    r1 = c.r(
        "1 passed in 2.31s\n1 passed in 2.28s\n1 failed in 5.02s\n1 passed in 2.30s\n1 passed in 2.29s\n1 failed in 5.01s\n1 passed in 2.33s\n1 passed in 2.27s\n1 passed in 2.31s\n1 failed in 5.03s",
        exit_code=1,
    )
    c.a(
        "3 échecs sur 10, toujours après 5 s : ça ressemble à un timeout. Je regarde le test.",
        tools=[
            (
                "bash",
                {
                    "command": "grep -n 'timeout\\|sleep' services/payments-api/tests/integration/test_refunds.py"
                },
            )
        ],
    )
    c.r("41:    retry_after = 4.5  # seconds\n57:    resp = wait_for_webhook(mock_server, timeout=5)")
    c.a(
        "Le premier retry arrive après 4,5 s plus une gigue, et le test n'attend que 5 s. J'augmente le délai à 10 s.",
        tools=[
            (
                "edit",
                {
                    "path": "services/payments-api/tests/integration/test_refunds.py",
                    "oldText": "timeout=5)",
                    "newText": "timeout=10)",
                },
            )
        ],
    )
    c.r("Edited services/payments-api/tests/integration/test_refunds.py: 1 replacement.")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "cd services/payments-api && for i in $(seq 1 10); do pytest -q tests/integration/test_refunds.py::test_refund_webhook_retry -p no:randomly 2>&1 | tail -1; done"
                },
            )
        ],
    )
    r2 = c.r(
        "1 passed in 6.12s\n1 passed in 5.98s\n1 passed in 6.40s\n1 passed in 6.05s\n1 passed in 9.87s\n1 passed in 6.11s\n1 passed in 6.02s\n1 failed in 10.04s\n1 passed in 6.20s\n1 passed in 6.08s"
    )
    c.a(
        "Mieux, mais pas réglé : 1 échec sur 10, cette fois après 10 s. Le délai n'est donc pas la seule cause : "
        "par moments, le retry n'arrive jamais. Il faudrait regarder le planificateur de retries lui-même."
    )
    rule = c.u(
        "Bon. On n'y arrivera pas aujourd'hui. Règle pour l'équipe au passage : on ne met jamais un test en quarantaine sans ticket et sans propriétaire."
    )
    c.a("Noté : jamais de quarantaine sans ticket ni propriétaire.")
    t = c.u(
        "Donc : ticket PAY-460 pour test_export_parquet, propriétaire Mei. Et Jonas reprend le retry des webhooks demain matin."
    )
    c.a(
        "Noté : PAY-460 pour test_export_parquet (Mei) ; Jonas reprend test_refund_webhook_retry demain matin, le 3 décembre."
    )
    c.u("merci, à demain")
    c.item(
        "decision",
        "Quarantaine (marqueur flaky) pour test_export_parquet seulement ; test_refund_webhook_retry est corrigé tout de suite",
        [p, d],
        True,
    )
    c.item(
        "fact",
        "Tests instables de payments-api : test_refund_webhook_retry (5 échecs sur 20) et test_export_parquet (2 sur 20)",
        [found],
    )
    c.item(
        "outcome",
        "test_refund_webhook_retry échoue toujours : délai passé de 5 à 10 s, encore 1 échec sur 10 ; le retry n'arrive parfois jamais",
        [r1, r2],
        True,
    )
    c.item("fact", "Règle : jamais de test en quarantaine sans ticket et sans propriétaire", [rule], True)
    c.item("todo", "Mei est propriétaire du ticket PAY-460 pour test_export_parquet", [t])
    c.item("todo", "Jonas reprend test_refund_webhook_retry demain matin (3 décembre)", [t])
    c.noise += ["Je regarde les dernières exécutions", "à demain", "Je lance le test seul en boucle"]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11]

if __name__ == "__main__":
    main(CONVS, HERE)
