"""fresh4: 14 hand-written conversations (a small shop, a household, a side project), turn by turn.

Run ``python tests/data/eval/fresh4/build.py`` to rewrite this folder, or ``--out DIR`` to write
elsewhere. The envelope (ids, parent chain, timestamps, usage, sender metadata, tool-call ids)
comes from ``tests/data/eval/envelope.py``; the words and the gold labels are written here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

ROBIN = ("Robin Hale", "robhale", "6120948375")
JANA = ("Jana Vogt", "jana_vogt", "5839201147")
LUCIA = ("Lucía Ferrer", "luciaferrer", "7024411983")
CAMILLE = ("Camille Roux", "camroux", "6657013320")
MARCO = ("Marco Bellini", "marcobel", "5510298876")
RHOME = "/home/robin/.openclaw/workspace"


def c01() -> Conv:
    c = Conv("01-fernhouse-restock", "2026-11-30T08:05:00", tz=0, channel="telegram", sender=ROBIN, cwd=RHOME)
    c.u(
        "morning. need to restock before the xmas rush. can you compare greenleaf and potter & pine for the 12cm terracotta pots, 200 of them"
    )
    c.a(
        "Let me check your supplier notes first.",
        tools=[("read", {"file_path": f"{RHOME}/shop/suppliers.md"})],
    )
    c.r(
        "# suppliers\n\n- Greenleaf Wholesale: acct GL-20931, portal login robin@fernhouse.shop / pw Terr4cotta!88\n"
        "- Potter & Pine: orders by email only, orders@potterpine.co.uk, net 30\n- compost: Bramley's, phone only\n"
    )
    p_pots = c.a(
        "From your notes and their current price lists, for 200 × 12cm terracotta:\n\n"
        "1. Greenleaf Wholesale: £1.35 a pot, £270, free delivery over £250, 5 working days\n"
        "2. Potter & Pine: £1.20 a pot, £240 + £18 delivery = £258, 3 working days, net 30\n\n"
        "Potter & Pine is £12 cheaper and quicker. Which one?"
    )
    c.u("oh wait before that, did milo's dentist thing get booked", gap=90)
    p_dent = c.a(
        "Not yet. You said Thursday after school: shall I put Milo's dentist appointment at Harbour Dental "
        "in the family calendar for Thu 3 Dec, 15:45, with a reminder an hour before?"
    )
    ok_dent = c.u("yes pls", gap=15)
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Milo dentist (Harbour Dental)",
                        "schedule": {"kind": "at", "at": "2026-12-03T14:45:00Z"},
                        "payload": {"kind": "systemEvent", "text": "Milo: Harbour Dental at 15:45"},
                    },
                },
            )
        ]
    )
    c.r('{"ok":true,"id":"job_4821","nextRunAt":"2026-12-03T14:45:00.000Z"}')
    c.a("Done: Thu 3 Dec 15:45 at Harbour Dental, I'll ping you at 14:45.")
    ok_pots = c.u("ok pots. the cheaper one", gap=60)
    c.a(
        "Potter & Pine then: 200 × 12cm terracotta at £1.20, £258 with delivery. "
        "Shall I draft the order email to orders@potterpine.co.uk?"
    )
    todo_send = c.u("draft it, i'll send it myself tonight")
    c.a(
        tools=[
            (
                "write",
                {
                    "path": f"{RHOME}/drafts/potter-pine-order.md",
                    "content": "To: orders@potterpine.co.uk\nSubject: Order - Fernhouse\n\nHi,\n\nplease send "
                    "200 x 12cm terracotta pots (£1.20 each) to Fernhouse, 14 Quay Street.\nDelivery Tue-Sat "
                    "please.\n\nThanks,\nRobin Hale\n",
                },
            )
        ]
    )
    w = c.r("Successfully wrote 236 bytes to /home/robin/.openclaw/workspace/drafts/potter-pine-order.md")
    w2 = c.a("Draft saved in drafts/potter-pine-order.md, ready for you to send.")
    rule = c.u(
        "also never book a delivery for a monday, we're closed mondays and nobody's there to sign for it",
        gap=50,
    )
    c.a("Noted: no deliveries on Mondays. The draft already asks for Tue–Sat.")
    c.u("cheers. is it going to rain tomorrow", gap=120)
    c.a(
        "Light rain from about 11:00 (70 %), clearing by 16:00. Bring the trestle covers in if you're putting stock out."
    )
    kit = c.u(
        "ugh fine. kit's picking up the wreath wire from the wholesaler on saturday, put that on the list"
    )
    c.a("Added to the list: Kit picks up the wreath wire from the wholesaler on Sat 5 Dec.")
    c.u("thx")
    c.a("Anytime.")
    c.item(
        "decision",
        "Terracotta pot restock (200 × 12cm): Potter & Pine at £1.20 a pot, £258 with delivery",
        [p_pots, ok_pots],
        True,
    )
    c.item(
        "decision",
        "Milo's dentist appointment at Harbour Dental on Thu 3 Dec 15:45 put in the calendar, reminder at 14:45",
        [p_dent, ok_dent],
        True,
    )
    c.item("todo", "Robin sends the Potter & Pine order email tonight", [todo_send])
    c.item("outcome", "Order email to Potter & Pine drafted in drafts/potter-pine-order.md", [w, w2])
    c.item("fact", "Never book deliveries for a Monday: the shop is closed on Mondays", [rule], True)
    c.item("todo", "Kit picks up the wreath wire from the wholesaler on Sat 5 Dec", [kit])
    c.canaries += ["Terr4cotta!88"]
    c.noise += [
        "is it going to rain tomorrow",
        "Light rain from about 11:00",
        "Let me check your supplier notes first",
        "cheers",
    ]
    return c


def c02() -> Conv:
    c = Conv(
        "02-brewlog-alerts-deploy",
        "2026-11-28T19:10:00",
        tz=0,
        channel="control-ui",
        cwd="/home/robin/code/brewlog",
    )
    c.u(
        "ok brewlog time. i want the ferment temp alerts actually running on the vps tonight. repo ~/code/brewlog, box is brew.hale.dev"
    )
    c.a(
        "Starting with the test suite.",
        tools=[("bash", {"command": "cd ~/code/brewlog && git status -s && .venv/bin/pytest -q"})],
    )
    fail = c.r(
        " M src/brewlog/alerts.py\n..........F.F...........................\n"
        "FAILED tests/test_alerts.py::test_threshold_crossing - AssertionError: assert 0 == 1\n"
        "FAILED tests/test_alerts.py::test_alert_once_per_crossing - AssertionError: assert [] == ['FV1']\n"
        "2 failed, 39 passed in 1.84s",
        exit_code=1,
    )
    c.a(
        "Two alert tests fail. Looking at the check.",
        tools=[("read", {"file_path": "src/brewlog/alerts.py"})],
    )
    c.r(
        "from .units import to_fahrenheit\n\n\ndef crossed(reading, limit_c):\n"
        "    temp = to_fahrenheit(reading.celsius)\n    return temp > limit_c\n"
    )
    fix = c.a(
        "The reading is converted to °F and then compared with a limit in °C, so nothing ever crosses. "
        "Comparing in °C.",
        tools=[
            (
                "edit",
                {
                    "path": "src/brewlog/alerts.py",
                    "oldText": "    temp = to_fahrenheit(reading.celsius)\n    return temp > limit_c\n",
                    "newText": "    return reading.celsius > limit_c\n",
                },
            )
        ],
    )
    c.r("Successfully replaced text in src/brewlog/alerts.py.")
    c.a(tools=[("bash", {"command": "cd ~/code/brewlog && .venv/bin/pytest -q"})])
    ok = c.r(".........................................\n41 passed in 1.77s")
    p_run = c.a(
        "41 passed. Now, how should the check run on the VPS?\n\n"
        "1. a cron job every 5 minutes\n"
        "2. a systemd timer (brewlog-alerts.timer, every 5 min), output in journald\n"
        "3. a background thread inside the web app\n\n"
        "I'd take the timer: it survives app restarts and you get the logs with journalctl.",
        think="Tests green. Before deploying, settle how the alert check is scheduled on the box.",
    )
    ok_run = c.u("timer. cron mails me garbage every time", gap=70)
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "deploy/brewlog-alerts.service",
                    "content": "[Unit]\nDescription=brewlog ferment alerts\n\n[Service]\nType=oneshot\n"
                    "EnvironmentFile=/etc/brewlog/env\nExecStart=/opt/brewlog/.venv/bin/brewlog check-alerts\n",
                },
            ),
            (
                "write",
                {
                    "path": "deploy/brewlog-alerts.timer",
                    "content": "[Unit]\nDescription=run brewlog alerts every 5 min\n\n[Timer]\nOnCalendar=*:0/5\n"
                    "Persistent=true\n\n[Install]\nWantedBy=timers.target\n",
                },
            ),
            ("read", {"file_path": "deploy/env.example"}),
        ]
    )
    c.r("Successfully wrote 171 bytes to deploy/brewlog-alerts.service")
    c.r("Successfully wrote 140 bytes to deploy/brewlog-alerts.timer")
    c.r("BREWLOG_PORT=8080\nBREWLOG_DB=/var/lib/brewlog/brewlog.db\nPUSHOVER_TOKEN=\nPUSHOVER_USER=\n")
    c.a(
        "Unit files written. The env example has BREWLOG_PORT=8080, so I'll keep that for the box. Testing Pushover before wiring it in."
    )
    corr = c.u("no, on that box the app listens on 8443. 8080 is the old grafana, dont touch it", gap=50)
    c.a(
        "Got it, 8443 on brew.hale.dev. Sending a test push.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X POST https://api.pushover.net/1/messages.json "
                    "-d token=azGDORePK8gMaC0QOYAMyEEuzJnyUi -d user=uQiRzpo4DXghDmr9QzzfQu27cmVRsG "
                    "-d message='brewlog test'"
                },
            )
        ],
    )
    c.r('{"status":1,"request":"5c1f0e7a-22b3-4d1e-9b0f-7a3c2e91d4aa"}')
    c.u("got it on my phone 👍", gap=25)
    c.a(
        "Deploying: code, unit files, env.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/code/brewlog && rsync -az --delete --exclude .venv ./ brew.hale.dev:/opt/brewlog/ "
                    "&& ssh brew.hale.dev 'sudo cp /opt/brewlog/deploy/brewlog-alerts.* /etc/systemd/system/ "
                    "&& sudo systemctl daemon-reload && sudo systemctl enable --now brewlog-alerts.timer'"
                },
            )
        ],
    )
    c.r(
        "Created symlink /etc/systemd/system/timers.target.wants/brewlog-alerts.timer → /etc/systemd/system/brewlog-alerts.timer."
    )
    c.a(
        "Timer enabled. Waiting for the first run.",
        tools=[
            ("bash", {"command": "ssh brew.hale.dev 'systemctl list-timers brewlog-alerts.timer --no-pager'"})
        ],
    )
    c.r(
        "NEXT                        LEFT     LAST PASSED UNIT                 ACTIVATES\nSat 2026-11-28 19:25:00 UTC 2min 3s  -    -      brewlog-alerts.timer brewlog-alerts.service\n\n1 timers listed."
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 120; ssh brew.hale.dev 'journalctl -u brewlog-alerts.service -n 5 --no-pager'"
                },
            )
        ]
    )
    c.r("-- No entries --")
    c.a(
        "Not run yet. Another minute.",
        tools=[
            (
                "bash",
                {
                    "command": "sleep 60; ssh brew.hale.dev 'journalctl -u brewlog-alerts.service -n 5 --no-pager'"
                },
            )
        ],
    )
    c.r("Nov 28 19:25:01 brew systemd[1]: Starting brewlog-alerts.service - brewlog ferment alerts...")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 30; ssh brew.hale.dev 'journalctl -u brewlog-alerts.service -n 5 --no-pager'"
                },
            )
        ]
    )
    timer_ok = c.r(
        "Nov 28 19:25:01 brew systemd[1]: Starting brewlog-alerts.service - brewlog ferment alerts...\n"
        "Nov 28 19:25:02 brew brewlog[48812]: FV1 19.4C ok, FV2 23.1C > 22.0C: alert sent\n"
        "Nov 28 19:25:02 brew systemd[1]: brewlog-alerts.service: Deactivated successfully.\n"
        "Nov 28 19:25:02 brew systemd[1]: Finished brewlog-alerts.service - brewlog ferment alerts."
    )
    c.u("lol yes FV2 is the saison, its supposed to be warm. fine", gap=60)
    c.a(
        "First run worked: FV2 at 23.1 °C tripped the 22.0 °C limit and the push went out. Checking the web side too.",
        tools=[("bash", {"command": "curl -s https://brew.hale.dev/healthz"})],
    )
    bad = c.r(
        "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.24.0</center>\n</body>\n</html>"
    )
    c.a(
        "curl exited 0 but nginx answers 502. Checking where it proxies to.",
        tools=[
            ("bash", {"command": "ssh brew.hale.dev 'grep -n proxy_pass /etc/nginx/sites-enabled/brewlog'"})
        ],
    )
    c.r("14:        proxy_pass http://127.0.0.1:8080;")
    nfix = c.a(
        "nginx still points at 8080, which is grafana's old port, not the app. Switching it to 8443 and reloading.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh brew.hale.dev \"sudo sed -i 's#127.0.0.1:8080#127.0.0.1:8443#' /etc/nginx/sites-enabled/brewlog "
                    '&& sudo nginx -t && sudo systemctl reload nginx"'
                },
            )
        ],
    )
    c.r(
        "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful"
    )
    c.a(tools=[("bash", {"command": "curl -s https://brew.hale.dev/healthz"})])
    good = c.r('{"status":"ok","db":"ok","version":"0.6.2"}')
    c.u("nice. while youre there, does the csv export work? i havent tried since the db move", gap=80)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -o /tmp/x.csv -w '%{http_code}\\n' 'https://brew.hale.dev/export?batch=FV2'; head -c 300 /tmp/x.csv"
                },
            )
        ]
    )
    exp1 = c.r(
        "500\n<!doctype html>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>"
    )
    c.a(
        "The export returns 500. The app log should say why.",
        tools=[
            (
                "bash",
                {"command": "ssh brew.hale.dev 'journalctl -u brewlog -n 20 --no-pager | grep -i -A3 error'"},
            )
        ],
    )
    c.r(
        "Nov 28 19:41:10 brew brewlog[1022]: ERROR in app: Exception on /export [GET]\n"
        "Nov 28 19:41:10 brew brewlog[1022]: sqlite3.OperationalError: no such column: readings.gravity\n"
    )
    c.a(
        "The export query asks for readings.gravity, and the migrated database has no such column. Either the "
        "migration that adds it didn't run on the box, or the export is ahead of the schema. I can look at "
        "migrations/ now if you want."
    )
    c.u("should we also stick a grafana panel on the temps while we're at it", gap=60)
    p_graf = c.a(
        "I could: a small Grafana dashboard reading the same sqlite file, FV1/FV2 temperatures over 7 days. Want it?"
    )
    no_graf = c.u("nah not now, grafana is on its way out anyway", gap=30)
    c.a("Fine, no Grafana panel.")
    ask_doc = c.u(
        "last thing, write the deploy steps down somewhere so future me doesnt have to remember all this",
        gap=40,
    )
    proc = c.a(
        tools=[
            (
                "write",
                {
                    "path": "docs/DEPLOY.md",
                    "content": "# Deploying brewlog to brew.hale.dev\n\n1. `.venv/bin/pytest -q` must pass.\n"
                    "2. `rsync -az --delete --exclude .venv ./ brew.hale.dev:/opt/brewlog/`\n"
                    "3. `ssh brew.hale.dev 'sudo systemctl restart brewlog'` (listens on 8443; nginx proxies to 127.0.0.1:8443)\n"
                    "4. Unit files changed? `sudo cp /opt/brewlog/deploy/brewlog-alerts.* /etc/systemd/system/ && sudo systemctl daemon-reload`\n"
                    '5. `curl -s https://brew.hale.dev/healthz` must say `"status":"ok"`.\n',
                },
            )
        ]
    )
    c.r("Successfully wrote 468 bytes to docs/DEPLOY.md")
    c.a(
        "Written to docs/DEPLOY.md: tests, rsync, restart, unit files, health check. Shall I look at the export now?"
    )
    defer = c.u("no its late. leave the export, i'll dig into it tomorrow", gap=45)
    c.a(
        "OK. Left as is: /export still gives 500 (no such column: readings.gravity). Alerts and /healthz are fine."
    )
    c.u("night")
    c.a("Good night.")
    c.item(
        "outcome",
        "tests/test_alerts.py failed (reading converted to °F, compared with a °C limit); fixed in src/brewlog/alerts.py, 41 passed",
        [fail, fix, ok],
    )
    c.item(
        "decision",
        "brewlog alerts run as a systemd timer (brewlog-alerts.timer, every 5 min)",
        [p_run, ok_run],
        True,
    )
    c.item(
        "fact",
        "On brew.hale.dev the brewlog app listens on port 8443, not 8080 (8080 is the old grafana)",
        [corr],
        True,
    )
    c.item(
        "outcome",
        "brewlog-alerts.timer enabled on brew.hale.dev; first run sent a Pushover alert for FV2",
        [timer_ok],
    )
    c.item(
        "outcome",
        "https://brew.hale.dev/healthz gave 502 (nginx proxy_pass to 127.0.0.1:8080); switched to 8443, now ok",
        [bad, nfix, good],
    )
    c.item("decision", "Rejected: a Grafana panel for the fermenter temperatures", [p_graf, no_graf], True)
    c.item(
        "procedure",
        "Deploy brewlog (docs/DEPLOY.md): pytest, rsync to brew.hale.dev:/opt/brewlog/, restart brewlog, copy unit files if changed, check /healthz",
        [ask_doc, proc],
    )
    c.item(
        "outcome",
        "Unresolved: /export on brew.hale.dev returns 500 (sqlite3.OperationalError: no such column: readings.gravity); Robin looks at it tomorrow",
        [exp1, defer],
        True,
    )
    c.canaries += ["azGDORePK8gMaC0QOYAMyEEuzJnyUi", "uQiRzpo4DXghDmr9QzzfQu27cmVRsG"]
    c.noise += [
        "got it on my phone",
        "Starting with the test suite",
        "Waiting for the first run",
        "Another minute",
        "its supposed to be warm",
    ]
    return c


def c03() -> Conv:
    c = Conv("03-flat-bills-boiler", "2026-11-26T20:30:00", tz=0, channel="telegram", sender=ROBIN, cwd=RHOME)
    c.u("hey. kit and i finally sorted the bills")
    c.a("Finally! How did you land?")
    split = c.u(
        "from january: internet 50/50, electricity 60/40, me 60 because i work from the flat all day. "
        "council tax stays on kit's account like now",
        gap=60,
    )
    ack = c.a(
        "Makes sense. So from January: internet 50/50, electricity 60 you / 40 Kit, council tax stays with Kit.\n\n"
        "Want a monthly reminder on the 1st to settle up with Kit?"
    )
    p_rem = ack
    c.u("whats 60% of 142.80, that was the last one", gap=30)
    c.a("£85.68 for you, £57.12 for Kit.")
    ok_rem = c.u("sure, do the reminder", gap=20)
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "settle bills with Kit",
                        "schedule": {"kind": "cron", "expr": "0 9 1 * *", "tz": "Europe/London"},
                        "payload": {"kind": "systemEvent", "text": "Settle the bills with Kit"},
                    },
                },
            )
        ]
    )
    c.r('{"ok":true,"id":"job_5117","nextRunAt":"2026-12-01T09:00:00.000Z"}')
    c.a("Set: 09:00 on the 1st of every month, first one on 1 Dec.")
    c.u(
        "also remember the router admin password, its hunter-Glasgow-42. i forget it every single time",
        gap=90,
    )
    c.a(
        "I'd rather not: whatever I remember ends up in plain-text notes in the workspace. Put it in Bitwarden "
        "and I'll remember that it's there, under 'router'."
    )
    bw = c.u("fair. yeah its all in bitwarden anyway", gap=40)
    c.a("Good.")
    boiler = c.u(
        "then remember this instead: boiler needs its service every october. the guy is dave from harbourside heating, 07700 900412",
        gap=50,
    )
    c.a("Noted: boiler service every October, Dave at Harbourside Heating, 07700 900412.")
    q = c.u("should we switch energy supplier btw? octopus keeps emailing", gap=60)
    c.a(
        "It depends on your current deal: if you're on a fixed tariff there may be an exit fee. I don't have the "
        "contract. If you send me the tariff name and end date I can compare."
    )
    defer = c.u("kit has the paperwork, i'll ask her tonight", gap=30)
    c.a("OK, we'll look at it once you have it.")
    c.u("ta")
    c.item(
        "decision",
        "Household bills from January: internet 50/50, electricity 60/40 (Robin 60), council tax stays on Kit's account",
        [split, ack],
        True,
    )
    c.item(
        "decision", "Monthly reminder at 09:00 on the 1st to settle the bills with Kit", [p_rem, ok_rem], True
    )
    c.item("fact", "Robin keeps passwords in Bitwarden", [bw])
    c.item(
        "fact",
        "Boiler service is due every October: Dave at Harbourside Heating, 07700 900412",
        [boiler],
        True,
    )
    c.item(
        "open_question",
        "Switch energy supplier (Octopus)? Robin asks Kit for the tariff paperwork",
        [q, defer],
    )
    c.canaries += ["hunter-Glasgow-42"]
    c.noise += ["whats 60% of 142.80", "£85.68 for you", "Finally! How did you land?"]
    return c


def c04() -> Conv:
    c = Conv("04-sunday-chitchat", "2026-11-29T10:15:00", tz=0, channel="telegram", sender=ROBIN, cwd=RHOME)
    c.u("morning!! sunday, shop's shut, i'm doing nothing today")
    c.a("Morning! Good plan. Anything nice planned, or properly nothing?")
    c.u("properly nothing. maybe pancakes. how much flour for pancakes for 3 people")
    c.a("About 150 g flour, 2 eggs, 300 ml milk and a pinch of salt makes 8–10 thin ones, enough for three.")
    c.u("milo will eat 6 on his own lol")
    c.a("Then double it: 300 g flour, 4 eggs, 600 ml milk.")
    c.u("perfect. whats that film with the guy who lives on mars and grows potatoes")
    c.a("The Martian (2015), Matt Damon. Good Sunday film.")
    c.u("thats the one. ok going offline, have a good one")
    c.a("Enjoy the pancakes!")
    c.noise += [
        "how much flour for pancakes",
        "About 150 g flour",
        "milo will eat 6 on his own",
        "The Martian (2015)",
        "going offline",
        "Enjoy the pancakes",
    ]
    return c


def c05() -> Conv:
    c = Conv(
        "05-crumb-report-newsletter", "2026-11-27T21:40:00", tz=0, channel="telegram", sender=ROBIN, cwd=RHOME
    )
    c.u(
        "side project idea: tiny newsletter reviewing the bakeries in town. calling it crumb report. buttondown or substack?"
    )
    p = c.a(
        "Both work for that size:\n\n"
        "- **Buttondown**: free up to 100 subscribers, then $9/month; Markdown, no app, no ads, your list is yours\n"
        "- **Substack**: free, takes 10 % if you ever charge; built-in discovery, but it pushes readers into its app\n\n"
        "If you never plan to charge and want the reach, Substack. If you care about owning the list, Buttondown."
    )
    c.u("buttondown. i hate how substack nags you to get the app", gap=60)
    c.a("Buttondown then. Want me to do a setup checklist?")
    c.u("later. what day do people actually open newsletters", gap=40)
    c.a(
        "Tuesday to Thursday mornings usually do best, roughly 7–10am local time. Weekends are weakest for a hobby list."
    )
    pref = c.u("i'd rather send on tuesday mornings then, before the shop opens", gap=30)
    c.a("Tuesday mornings it is, before 9.")
    c.u("also kalle's new cardamom buns are unreal. first issue is basically written in my head", gap=90)
    c.a("Ha, that's your lead story then.")
    todo = c.u(
        "i'll write the first issue by sunday the 6th, cardamom buns + the sourdough place on mill lane",
        gap=40,
    )
    c.a("Noted: first issue by Sun 6 Dec, Kalle's cardamom buns and the sourdough place on Mill Lane.")
    rev = c.u(
        "ok scratch buttondown. just saw ghost pro has a starter plan at $9 and i can put it on my own domain, crumbreport.town. lets do ghost",
        gap=300,
    )
    ack = c.a(
        "Ghost Pro Starter ($9/month) on crumbreport.town then. One note: the domain needs to be bought first, then "
        "you point a CNAME at Ghost."
    )
    c.u("remind me to buy the domain tonight at 9 or i'll forget", gap=30)
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "buy crumbreport.town",
                        "schedule": {"kind": "at", "at": "2026-11-27T21:00:00Z"},
                        "payload": {"kind": "systemEvent", "text": "Buy the crumbreport.town domain"},
                    },
                },
            )
        ]
    )
    err = c.r('{"ok":false,"error":"schedule.at is in the past (2026-11-27T21:00:00Z)"}')
    c.a(
        "That time's already gone (it's 21:4x). Setting it for 22:00 instead.",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "buy crumbreport.town",
                        "schedule": {"kind": "at", "at": "2026-11-27T22:00:00Z"},
                        "payload": {"kind": "systemEvent", "text": "Buy the crumbreport.town domain"},
                    },
                },
            )
        ],
    )
    set_ok = c.r('{"ok":true,"id":"job_5208","nextRunAt":"2026-11-27T22:00:00.000Z"}')
    c.a("Reminder set for 22:00 tonight.")
    q = c.u("free or paid though? dunno. let me sleep on it", gap=60)
    c.a("No rush. Free is easier to start with, you can add paid tiers later in Ghost.")
    c.item(
        "decision",
        "Crumb Report newsletter platform: Ghost Pro Starter ($9/month) on crumbreport.town",
        [p, rev, ack],
        True,
    )
    c.item("fact", "Robin prefers to send the newsletter on Tuesday mornings, before the shop opens", [pref])
    c.item(
        "todo",
        "Robin writes the first Crumb Report issue by Sun 6 Dec (cardamom buns, sourdough place on Mill Lane)",
        [todo],
    )
    c.item(
        "outcome",
        "Reminder to buy the crumbreport.town domain set for 22:00 (21:00 was already past)",
        [err, set_ok],
    )
    c.item("open_question", "Crumb Report free or paid? Robin sleeps on it", [q])
    c.noise += [
        "what day do people actually open newsletters",
        "Tuesday to Thursday mornings usually do best",
        "cardamom buns are unreal",
        "that's your lead story",
    ]
    return c


JHOME = "/home/jana/.openclaw/workspace"


def c06() -> Conv:
    c = Conv(
        "06-de-kasse-bondrucker", "2026-12-01T09:20:00", tz=1, channel="telegram", sender=JANA, cwd=JHOME
    )
    prob = c.u("moin, der bondrucker an der kasse spuckt seit heute früh nur leere zettel aus")
    c.a(
        "Moin! Ich schau mir kurz die Kassen-Konfiguration an.",
        tools=[("read", {"file_path": f"{JHOME}/laden/kasse/config.ini"})],
    )
    c.r(
        "[sumup]\napi_key = sup_sk_7Hq2LmX9vRt4WcN8pZ3eKd1Y\nterminal = KASSE-1\n\n[printer]\nmodel = Epson TM-T20III\n"
        "paper = 80mm\ncut = partial\n"
    )
    c.a(
        "Laut Konfiguration: Terminal KASSE-1, Drucker Epson TM-T20III mit 80mm-Papier. Leere Bons heißen fast "
        "immer: Thermorolle falsch herum eingelegt, oder Papier ohne Thermobeschichtung. Habt ihr neue Rollen drin?"
    )
    corr = c.u(
        "ja neue rollen vom großhandel. und nein, das terminal an der kasse heißt KASSE-2, KASSE-1 ist das alte im lager",
        gap=50,
    )
    c.a(
        "Danke, korrigiere ich.",
        tools=[
            (
                "edit",
                {
                    "path": f"{JHOME}/laden/kasse/config.ini",
                    "oldText": "terminal = KASSE-1",
                    "newText": "terminal = KASSE-2",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/jana/.openclaw/workspace/laden/kasse/config.ini.")
    adv = c.a(
        "Steht jetzt auf KASSE-2. Zum Drucker: dreh die Rolle mal um, die glänzende Seite muss zum Druckkopf, dann Feed drücken."
    )
    fixed = c.u("tatsächlich, falsch rum drin. peinlich", gap=120)
    p58 = c.a(
        "Passiert jedem. Übrigens: der Großhandel hat auch 58mm-Rollen, deutlich billiger. Sollen wir umstellen? "
        "Dann müsste ich paper = 58mm setzen."
    )
    c.u("wie viel billiger genau", gap=30)
    c.a(
        "80mm: 0,62 € pro Rolle, 58mm: 0,43 € pro Rolle. Bei euren rund 40 Rollen im Monat sind das etwa 7,60 € im Monat."
    )
    no58 = c.u(
        "lohnt nicht, dann werden die bons so schmal und keiner kann mehr was lesen. wir bleiben bei 80mm",
        gap=40,
    )
    c.a("Alles klar, bleibt bei 80mm.")
    rule = c.u(
        "andere sache. rechnungen an firmenkunden immer als pdf per mail, nie auf papier mitgeben. hab ich dem alten bot dreimal gesagt",
        gap=200,
    )
    c.a("Verstanden: Rechnungen an Firmenkunden immer als PDF per Mail, nie ausgedruckt.")
    todo = c.u(
        "und ole macht am freitag die inventur im lager. erinner mich donnerstag abend dass ich ihm die liste gebe",
        gap=60,
    )
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Inventurliste an Ole",
                        "schedule": {"kind": "at", "at": "2026-12-03T17:00:00Z"},
                        "payload": {"kind": "systemEvent", "text": "Ole die Inventurliste für Freitag geben"},
                    },
                },
            )
        ]
    )
    c.r('{"ok":true,"id":"job_7731","nextRunAt":"2026-12-03T17:00:00.000Z"}')
    c.a("Erinnerung steht: Donnerstag, 3.12., 18:00 – Ole die Inventurliste geben.")
    c.u("danke dir")
    c.a("Gern!")
    c.item(
        "fact", "Das Kartenterminal an der Kasse heißt KASSE-2 (KASSE-1 ist das alte im Lager)", [corr], True
    )
    c.item(
        "outcome",
        "Bondrucker (Epson TM-T20III) druckte leere Bons: Thermorolle war falsch herum eingelegt, behoben",
        [prob, adv, fixed],
    )
    c.item("decision", "Abgelehnt: Umstellung auf 58mm-Bonrollen; es bleibt bei 80mm", [p58, no58], True)
    c.item("fact", "Rechnungen an Firmenkunden immer als PDF per Mail, nie auf Papier", [rule], True)
    c.item(
        "todo",
        "Ole macht am Freitag, 4.12., die Inventur im Lager; Jana gibt ihm am Donnerstagabend die Liste",
        [todo],
    )
    c.canaries += ["sup_sk_7Hq2LmX9vRt4WcN8pZ3eKd1Y"]
    c.noise += [
        "peinlich",
        "danke dir",
        "Passiert jedem",
        "wie viel billiger genau",
        "Ich schau mir kurz die Kassen-Konfiguration an",
    ]
    return c


def c07() -> Conv:
    c = Conv("07-de-umzug-lindenstrasse", "2026-12-02T19:05:00", tz=1, channel="control-ui", cwd=JHOME)
    move = c.u(
        "ich brauch nen überblick für den umzug am 19.12. in die lindenstraße 8. was muss alles gekündigt oder umgemeldet werden?"
    )
    offer = c.a(
        "Für den 19.12.:\n\n"
        "1. **Strom** (Vattenfall): Umzug melden, Zählerstand alt/neu am Umzugstag fotografieren\n"
        "2. **Internet** (Telekom): Umzugsservice, Vorlauf eigentlich 6 Wochen\n"
        "3. **Bürgeramt**: Ummeldung innerhalb von 14 Tagen nach Einzug, Termin online\n"
        "4. **Halteverbotszone** für den Umzugswagen: mindestens 14 Tage vorher beim Bezirksamt\n"
        "5. **Nachsendeauftrag** bei der Post, 6 Monate\n\n"
        "Soll ich dir schon mal ein Kündigungsschreiben für den Stromvertrag aufsetzen?"
    )
    no = c.u("nee, den strom nehm ich mit, vattenfall zieht einfach mit um", gap=60)
    c.a("Gut, dann nur den Umzug bei Vattenfall melden, keine Kündigung.")
    c.u("telekom 6 wochen?? das ist doch schon vorbei", gap=30)
    c.a("Knapp, ja. Ruf trotzdem an, manchmal geht es schneller. Sonst als Übergang ein LTE-Router.")
    todo = c.u("ok ich ruf morgen früh bei der telekom an", gap=20)
    c.a("Gut. Sag Bescheid, was sie sagen.")
    q = c.u("halteverbotszone: brauchen wir das in der lindenstraße überhaupt? da ist eh immer platz", gap=90)
    c.a(
        "Kann man nicht sicher sagen: ohne Zone riskierst du, dass am Tag alles zugeparkt ist. Für den 19.12. "
        "wird es mit 14 Tagen Vorlauf aber knapp, der Antrag müsste bis 5.12. raus."
    )
    defer = c.u("frag ich den hausmeister, der weiß das", gap=40)
    c.a("Okay.")
    dec = c.u(
        "umzugsfirma hab ich übrigens heute zugesagt: Kraft Umzüge, 1.480 € pauschal inkl. küchenabbau",
        gap=60,
    )
    ack = c.a("Notiert: Kraft Umzüge, 1.480 € pauschal mit Küchenabbau.")
    c.u("schreib mir die checkliste bitte in umzug.md", gap=30)
    c.a(
        tools=[
            (
                "write",
                {
                    "path": f"{JHOME}/umzug.md",
                    "content": "# Umzug 19.12. – Lindenstraße 8\n\n- [ ] Vattenfall: Umzug melden (keine Kündigung), Zählerstände\n"
                    "- [ ] Telekom: Umzugsservice anrufen\n- [ ] Halteverbotszone? (Hausmeister fragen)\n"
                    "- [ ] Bürgeramt: Ummeldung binnen 14 Tagen\n- [ ] Nachsendeauftrag Post\n"
                    "- [x] Kraft Umzüge, 1.480 € pauschal inkl. Küchenabbau\n",
                },
            )
        ]
    )
    w = c.r("Successfully wrote 301 bytes to /home/jana/.openclaw/workspace/umzug.md")
    c.a("Steht in umzug.md.")
    c.u("super, danke. und was kochst du heute abend? 😄", gap=60)
    c.a("Nichts, ich bin ein Programm. Aber ich hätte Lust auf Ofenkartoffeln.")
    c.item("fact", "Umzug am 19.12. in die Lindenstraße 8", [move])
    c.item(
        "decision",
        "Abgelehnt: Kündigungsschreiben für den Stromvertrag; der Vattenfall-Vertrag zieht mit um",
        [offer, no],
        True,
    )
    c.item("todo", "Jana ruft morgen früh (3.12.) bei der Telekom wegen des Umzugsservice an", [todo])
    c.item(
        "open_question",
        "Halteverbotszone für den Umzug in der Lindenstraße nötig? Jana fragt den Hausmeister (Antrag bis 5.12.)",
        [q, defer],
    )
    c.item("decision", "Umzugsfirma: Kraft Umzüge, 1.480 € pauschal inkl. Küchenabbau", [dec, ack], True)
    c.item("outcome", "Umzugs-Checkliste in umzug.md angelegt", [w])
    c.noise += [
        "und was kochst du heute abend",
        "Ofenkartoffeln",
        "Sag Bescheid, was sie sagen",
        "das ist doch schon vorbei",
    ]
    return c


LHOME = "/home/lucia/.openclaw/workspace"


def c08() -> Conv:
    c = Conv(
        "08-es-barro-azul-instagram", "2026-11-25T17:30:00", tz=1, channel="telegram", sender=LUCIA, cwd=LHOME
    )
    c.u("holaa. quiero poner orden en el instagram de la tienda, lo tengo abandonadísimo")
    p = c.a(
        "¡Hola! Vamos a ello. Primero el ritmo: yo propondría tres publicaciones por semana, lunes, miércoles y "
        "viernes, alternando pieza nueva, proceso en el taller y una foto de la tienda. ¿Te parece realista?"
    )
    counter = c.u("tres es mucho con la campaña de navidad. mejor dos, martes y viernes", gap=60)
    c.a("Vale, dos: martes y viernes. ¿A qué hora sueles tener un rato?")
    c.u("a las 19h, que es cuando la gente sale de currar", gap=30)
    ack = c.a("Perfecto: martes y viernes a las 19:00.")
    c.u("la contraseña es BarroAzul_2019! por si tienes que entrar tú a programar", gap=40)
    c.a(
        "Gracias, pero mejor no me la pases por aquí ni la guardo. Si quieres que programe publicaciones, dame "
        "acceso como colaboradora en Meta Business Suite y así no hace falta la contraseña."
    )
    c.u("ah vale, luego lo miro")
    bio = c.a(
        "Mientras, una propuesta de bio:\n\n"
        "«Barro Azul · cerámica hecha a mano en Gràcia 🏺 Abierto de lunes a sábado, 11–20h · envíos a toda España»"
    )
    corr = c.u("no no, los lunes cerramos. de martes a sábado. lo demás me gusta", gap=50)
    c.a("Corregido: «Abierto de martes a sábado, 11–20h». Ya puedes pegarla.")
    rule = c.u(
        "ah y otra cosa: nunca publiques fotos de clientes sin preguntarles antes. ya tuve un lío con eso el año pasado",
        gap=60,
    )
    c.a("Entendido, nunca fotos de clientes sin su permiso.")
    c.u("oye cuánto cuesta más o menos mandar un paquete de 2 kilos a canarias por correos", gap=120)
    c.a("Con Correos Paq Estándar, unos 11–13 € para 2 kg a Canarias, y tarda 4–6 días laborables.")
    todo = c.u("vale. pau se encarga de las fotos del catálogo nuevo, para el 15 de diciembre", gap=40)
    c.a("Apuntado: Pau hace las fotos del catálogo nuevo para el 15 de diciembre.")
    q = c.u("y lo de abrir tiktok… no sé. lo pienso", gap=30)
    c.a("Sin prisa, lo dejamos pendiente.")
    c.u("gracias guapa 😘")
    c.a("¡De nada! 😊")
    c.item(
        "decision",
        "Instagram de Barro Azul: dos publicaciones por semana, martes y viernes a las 19:00",
        [p, counter, ack],
        True,
    )
    c.item("fact", "Barro Azul abre de martes a sábado, 11–20h (los lunes cierra)", [bio, corr], True)
    c.item("fact", "Nunca publicar fotos de clientes sin preguntarles antes", [rule], True)
    c.item("todo", "Pau hace las fotos del catálogo nuevo para el 15 de diciembre", [todo])
    c.item("open_question", "¿Abrir una cuenta de TikTok para la tienda? Lucía lo piensa", [q])
    c.canaries += ["BarroAzul_2019!"]
    c.noise += [
        "cuánto cuesta más o menos mandar un paquete",
        "Correos Paq Estándar",
        "gracias guapa",
        "lo tengo abandonadísimo",
    ]
    return c


def c09() -> Conv:
    c = Conv(
        "09-es-importar-stock", "2026-11-26T10:00:00", tz=1, channel="pi", cwd="/home/lucia/code/stock-barro"
    )
    c.u("el script de importar stock peta con el csv nuevo del proveedor. data/proveedor-2026-12.csv")
    c.a(tools=[("bash", {"command": "python import_stock.py data/proveedor-2026-12.csv"})])
    f1 = c.r(
        'Traceback (most recent call last):\n  File "/home/lucia/code/stock-barro/import_stock.py", line 31, in <module>\n'
        '    main(sys.argv[1])\n  File "/home/lucia/code/stock-barro/import_stock.py", line 22, in main\n'
        "    ref = row['referencia']\n          ~~~^^^^^^^^^^^^^^\nKeyError: 'referencia'",
        exit_code=1,
    )
    c.a(tools=[("bash", {"command": "head -4 data/proveedor-2026-12.csv"})])
    c.r(
        "ref;descripcion;unidades;precio\nTZ-014;Taza esmaltada azul;24;6,80\nPL-202;Plato llano 27cm;40;9,15\nTZ-014;Taza esmaltada azul (2ª);6;4,10"
    )
    p = c.a(
        "El proveedor ha cambiado el formato: separador `;`, la columna se llama `ref` en vez de `referencia`, y "
        "los precios llevan coma decimal. Dos opciones:\n\n"
        "1. Adaptar el script: detectar el separador con `csv.Sniffer`, mapear nombres de columna y aceptar coma decimal.\n"
        "2. Pedirle al proveedor que vuelva al formato antiguo.\n\n"
        "Yo haría la 1."
    )
    ok = c.u("la primera. el proveedor no va a cambiar nada ni aunque se lo pida")
    c.a(tools=[("read", {"file_path": "import_stock.py"})])
    c.r(
        "import csv\nimport sys\n\nfrom db import upsert\n\n\ndef main(path):\n    with open(path, newline='') as fh:\n"
        "        for row in csv.DictReader(fh):\n            ref = row['referencia']\n"
        "            upsert(ref, row['descripcion'], int(row['unidades']), float(row['precio']))\n"
    )
    fix = c.a(
        tools=[
            (
                "edit",
                {
                    "path": "import_stock.py",
                    "oldText": "        for row in csv.DictReader(fh):\n            ref = row['referencia']\n",
                    "newText": "        dialect = csv.Sniffer().sniff(fh.read(2048), delimiters=';,')\n        fh.seek(0)\n"
                    "        for row in csv.DictReader(fh, dialect=dialect):\n"
                    "            ref = row.get('ref') or row['referencia']\n",
                },
            )
        ]
    )
    c.r("Successfully replaced text in import_stock.py.")
    c.a(tools=[("bash", {"command": "python import_stock.py data/proveedor-2026-12.csv"})])
    silent = c.r("AVISO: precio no numérico en 37 filas, omitidas\nImportadas 0 filas")
    fix2 = c.a(
        "Termina con código 0 pero no importa nada: `float('6,80')` falla y el script se salta la fila. Falta la coma decimal.",
        tools=[
            (
                "edit",
                {
                    "path": "import_stock.py",
                    "oldText": "float(row['precio'])",
                    "newText": "float(row['precio'].replace(',', '.'))",
                },
            )
        ],
    )
    c.r("Successfully replaced text in import_stock.py.")
    c.a(
        tools=[
            ("bash", {"command": "python import_stock.py data/proveedor-2026-12.csv && python -m pytest -q"})
        ]
    )
    c.r(
        "Importadas 37 filas\n.....F\nFAILED tests/test_import.py::test_csv_antiguo - _csv.Error: Could not determine delimiter\n"
        "1 failed, 5 passed in 0.41s",
        exit_code=1,
    )
    c.a(
        "Importa las 37 filas, pero el test del formato antiguo falla: el fixture tiene una sola columna y "
        "`csv.Sniffer` no sabe qué separador elegir. Lo miro.",
        tools=[("bash", {"command": "cat tests/fixtures/antiguo.csv"})],
    )
    c.r("referencia\nTZ-001")
    c.a(
        "Eso es. Si el Sniffer no decide, uso coma como antes.",
        tools=[
            (
                "edit",
                {
                    "path": "import_stock.py",
                    "oldText": "        dialect = csv.Sniffer().sniff(fh.read(2048), delimiters=';,')\n",
                    "newText": "        try:\n            dialect = csv.Sniffer().sniff(fh.read(2048), delimiters=';,')\n"
                    "        except csv.Error:\n            dialect = csv.excel\n",
                },
            )
        ],
    )
    c.r("Successfully replaced text in import_stock.py.")
    c.a(tools=[("bash", {"command": "python -m pytest -q"})])
    passed = c.r("......\n6 passed in 0.38s")
    c.a("Listo: importa 37 filas del CSV nuevo y los 6 tests pasan, también el del formato antiguo.")
    c.model_change("openai-codex")
    c.u("genial. ¿los precios del proveedor van con iva o sin?", gap=60)
    c.a(tools=[("bash", {"command": "grep -i -n iva data/LEEME-proveedor.txt"})])
    iva = c.r("7:Todos los precios son netos, IVA (21 %) no incluido.")
    c.a("Sin IVA: según data/LEEME-proveedor.txt, los precios son netos, IVA del 21 % no incluido.")
    rule = c.u(
        "vale. y siempre haz los commits con el mensaje en español, que luego no me aclaro con el historial",
        gap=40,
    )
    c.a(
        "Entendido, mensajes de commit en español.",
        tools=[
            (
                "bash",
                {
                    "command": "git add import_stock.py && git commit -m 'Importación: separador ; y coma decimal del CSV nuevo del proveedor'"
                },
            )
        ],
    )
    commit = c.r(
        "[main 4c2e9b1] Importación: separador ; y coma decimal del CSV nuevo del proveedor\n 1 file changed, 8 insertions(+), 3 deletions(-)"
    )
    c.a("Commit 4c2e9b1 hecho.")
    todo = c.u("mañana le pido a pau que revise las referencias duplicadas, la TZ-014 sale dos veces", gap=50)
    c.a("Bien visto: TZ-014 aparece dos veces (la normal y la de segunda). Queda para mañana con Pau.")
    c.item(
        "decision",
        "Importar el CSV nuevo del proveedor adaptando import_stock.py (csv.Sniffer, columna ref, coma decimal)",
        [p, ok],
        True,
    )
    c.item(
        "outcome",
        "import_stock.py con data/proveedor-2026-12.csv: KeyError 'referencia' y luego 0 filas por la coma decimal; corregido, importa 37 filas y 6 tests pasan",
        [f1, fix, silent, fix2, passed],
    )
    c.item(
        "fact",
        "Los precios del proveedor son netos, IVA del 21 % no incluido (data/LEEME-proveedor.txt)",
        [iva],
    )
    c.item("fact", "Mensajes de commit siempre en español", [rule], True)
    c.item("outcome", "Commit 4c2e9b1: separador ; y coma decimal del CSV nuevo del proveedor", [commit])
    c.item(
        "todo",
        "Mañana Lucía pide a Pau que revise las referencias duplicadas (TZ-014 sale dos veces)",
        [todo],
    )
    c.noise += ["Lo miro", "genial"]
    return c


CHOME = "/home/camille/.openclaw/workspace"


def c10() -> Conv:
    c = Conv(
        "10-fr-atelier-reliure-compta",
        "2026-11-30T16:10:00",
        tz=1,
        channel="telegram",
        sender=CAMILLE,
        cwd=CHOME,
    )
    c.u(
        "salut ! question compta : les ateliers de reliure que je donne le samedi, je facture la tva à combien ?"
    )
    c.a(
        "Je vérifie.",
        tools=[
            ("web_search", {"query": "TVA atelier loisir créatif formation exonération article 261-4-4 CGI"})
        ],
    )
    found = c.r(
        "1. impots.gouv.fr – Formation professionnelle continue : exonération de TVA (art. 261-4-4° a du CGI) "
        "si l'organisme dispose d'une attestation de la DREETS.\n"
        "2. service-public.fr – Cours et ateliers de loisirs : taux normal de 20 %."
    )
    tva = c.a(
        "Tes ateliers du samedi sont des ateliers de loisir, pas de la formation professionnelle : TVA au taux "
        "normal de 20 %. L'exonération ne vaut qu'avec une attestation de la DREETS, que tu n'as pas.",
        think="Ateliers loisir vs formation: the search says 20 % unless DREETS attestation.",
    )
    c.u(
        "ok 20 % alors. tu peux me faire la facture pour l'atelier de mme garnier ? 4 personnes à 65 € ttc",
        gap=60,
    )
    c.a(
        "Voilà :\n\nFacture FAC-2026-042 – Atelier reliure japonaise, 4 × 65,00 € TTC = 260,00 € TTC "
        "(216,67 € HT + 43,33 € TVA 20 %)."
    )
    corr = c.u("non, mes numéros c'est AR-2026-xxx, pas FAC. donc AR-2026-042", gap=40)
    c.a("Corrigé : facture AR-2026-042, 260,00 € TTC.")
    todo = c.u("je lui envoie avant le 10, elle m'a demandé", gap=30)
    p = c.a(
        "Noté, avant le 10.\n\nAutre chose : pour les comptes de novembre, si tu exportes le relevé Qonto en CSV et le mets dans "
        "compta/, je catégorise tout (matériel, ateliers, frais bancaires).",
    )
    c.u("attends je regarde le planning de décembre", gap=200)
    acted = c.u("bon. c'est fait, le csv est dans compta/2026-11.csv", gap=120)
    c.a(
        "Parfait, je le lis.",
        tools=[
            ("read", {"file_path": f"{CHOME}/compta/2026-11.csv"}),
            (
                "bash",
                {
                    "command": "curl -s -H 'Authorization: camille-roux-7f3a:sk_q0nt0_9XbT4mWzLp2' https://thirdparty.qonto.com/v2/organization"
                },
            ),
        ],
    )
    c.r(
        "date;libellé;montant\n2026-11-03;Papeterie Marais (papier japonais);-84,20\n2026-11-08;Atelier samedi (virement);+260,00\n"
        "2026-11-15;Frais Qonto;-11,00\n2026-11-22;Colle et fil de lin;-23,50\n"
    )
    c.r(
        '{"organization":{"slug":"camille-roux-7f3a","legal_name":"Camille Roux EI","bank_accounts":[{"iban":"FR76 ****"}]}}'
    )
    out = c.a(
        "Novembre catégorisé : matériel 107,70 €, ateliers +260,00 €, frais bancaires 11,00 €. Je laisse le "
        "CSV tel quel, le résumé est ici."
    )
    q = c.u(
        "super. au fait est-ce que je dois passer au régime réel l'an prochain ? je demanderai à mon comptable en janvier",
        gap=90,
    )
    c.a("Bonne idée, c'est à voir avec lui selon ton chiffre d'affaires 2026.")
    c.u("merci, bonne soirée !")
    c.a("Bonne soirée Camille !")
    c.item(
        "fact",
        "Ateliers de reliure du samedi (loisir): TVA au taux normal de 20 %, pas d'exonération sans attestation DREETS",
        [found, tva],
    )
    c.item(
        "fact",
        "Numérotation des factures de Camille: AR-2026-xxx (pas FAC-); facture Garnier = AR-2026-042",
        [corr],
        True,
    )
    c.item(
        "todo",
        "Camille envoie la facture AR-2026-042 (260,00 € TTC) à Mme Garnier avant le 10 décembre",
        [todo],
    )
    c.item(
        "decision",
        "Comptes mensuels: Camille dépose l'export CSV Qonto dans compta/, l'agent catégorise",
        [p, acted],
        True,
    )
    c.item(
        "outcome",
        "Novembre catégorisé (compta/2026-11.csv): matériel 107,70 €, ateliers +260,00 €, frais bancaires 11,00 €",
        [out],
    )
    c.item(
        "open_question",
        "Passer au régime réel l'an prochain? Camille demande à son comptable en janvier",
        [q],
    )
    c.canaries += ["sk_q0nt0_9XbT4mWzLp2"]
    c.noise += [
        "Je vérifie",
        "bonne soirée",
        "attends je regarde le planning de décembre",
        "Parfait, je le lis",
    ]
    return c


def c11() -> Conv:
    c = Conv(
        "11-it-stanza-pulizie",
        "2026-12-01T12:30:00",
        tz=1,
        channel="telegram",
        sender=MARCO,
        cwd="/home/marco/.openclaw/workspace",
    )
    c.u(
        "ciao! per la stanza che affitto devo organizzare le pulizie tra un ospite e l'altro. mi trovi due o tre opzioni?"
    )
    p = c.a(
        "Ecco tre opzioni in zona:\n\n"
        "1. **Pulito Express**: 35 € a turno, anche il sabato, prenotazione via app\n"
        "2. **La signora Rita** (privata): 25 € a turno, solo la mattina, niente sabato sera\n"
        "3. **Fai da te**: gratis, circa un'ora e mezza ogni cambio"
    )
    c.u("la seconda. rita è bravissima, la conosce mia sorella", gap=60)
    c.a("Perfetto, la signora Rita: 25 € a turno, la mattina.")
    rule = c.u("altra cosa: il check-in è sempre dalle 15, mai prima, anche se gli ospiti insistono", gap=90)
    c.a("Chiaro: check-in sempre dalle 15:00, mai prima.")
    c.u("il codice della cassetta delle chiavi è 44719, ricordatelo tu che io lo perdo", gap=40)
    c.a(
        "Preferisco non salvarlo: quello che ricordo finisce in file di testo normali. Tienilo nel gestore di "
        "password o scritto in casa, non qui."
    )
    c.u("va bene dai", gap=20)
    todo = c.u("ricordami sabato mattina di comprare le lenzuola nuove", gap=60)
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "lenzuola nuove",
                        "schedule": {"kind": "at", "at": "2026-12-05T08:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Comprare le lenzuola nuove per la stanza",
                        },
                    },
                },
            )
        ]
    )
    c.r('{"ok":true,"id":"job_9045","nextRunAt":"2026-12-05T08:00:00.000Z"}')
    c.a("Fatto: sabato 5 dicembre alle 9:00.")
    c.u("che tempo fa a roma domenica?", gap=100)
    c.a("Domenica a Roma: nuvoloso, 14 °C, pioggia debole nel pomeriggio.")
    rev = c.u(
        "senti, cambio idea sulle pulizie. rita il sabato non può e i cambi sono quasi tutti di sabato. prendiamo pulito express",
        gap=600,
    )
    ack = c.a("Ok, allora Pulito Express a 35 € a turno, sabato compreso.")
    q = c.u(
        "e la tassa di soggiorno, la devo riscuotere io o la piattaforma? chiedo al commercialista", gap=60
    )
    c.a("Dipende dal comune e dalla piattaforma; meglio sentire il commercialista, sì.")
    c.u("grazie, a dopo")
    c.item(
        "decision",
        "Pulizie della stanza tra un ospite e l'altro: Pulito Express, 35 € a turno, sabato compreso",
        [p, rev, ack],
        True,
    )
    c.item("fact", "Check-in degli ospiti sempre dalle 15:00, mai prima", [rule], True)
    c.item("todo", "Marco compra le lenzuola nuove sabato 5 dicembre mattina (promemoria alle 9:00)", [todo])
    c.item(
        "open_question",
        "Tassa di soggiorno: la riscuote Marco o la piattaforma? Marco chiede al commercialista",
        [q],
    )
    c.canaries += ["44719"]
    c.noise += ["che tempo fa a roma domenica", "nuvoloso, 14 °C", "grazie, a dopo", "va bene dai"]
    return c


def c12() -> Conv:
    c = Conv("12-nas-restic-backup", "2026-11-29T13:00:00", tz=0, channel="control-ui", cwd=RHOME)
    c.u(
        "the nas backup hasnt run since i updated it on thursday. can you look? nas.home.arpa, restic to the usb disk and to b2"
    )
    c.a(
        "Checking the backup unit first.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'systemctl status restic-backup.service --no-pager | head -20'"
                },
            )
        ],
        think="Start with the unit status; then mounts; then the repo itself.",
    )
    fail = c.r(
        "× restic-backup.service - restic backup of /srv/photos and /srv/docs\n"
        "     Loaded: loaded (/etc/systemd/system/restic-backup.service; static)\n"
        "     Active: failed (Result: exit-code) since Fri 2026-11-27 03:00:12 GMT; 2 days ago\n"
        "    Process: 1893 ExecStart=/usr/local/bin/backup.sh (code=exited, status=1/FAILURE)\n"
        "Nov 27 03:00:12 nas backup.sh[1893]: Fatal: unable to open config file: stat /mnt/usb-backup/config: no such file or directory\n"
        "Nov 27 03:00:12 nas backup.sh[1893]: Is there a repository at the following location?",
        exit_code=3,
    )
    c.a(
        "The repository on the USB disk isn't there. Is the disk mounted?",
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'lsblk -o NAME,SIZE,UUID,MOUNTPOINT; findmnt /mnt/usb-backup'"
                },
            )
        ],
    )
    c.r(
        "NAME   SIZE UUID                                 MOUNTPOINT\nsda    3.6T                                      \n"
        "└─sda1 3.6T 1b6e0d55-2c1f-4e0a-8a31-5d9f1c2e7b40 /srv\nsdb    1.8T                                      \n"
        "└─sdb1 1.8T 9b22f0aa-7c41-4d0b-b5e1-0e6a2f13c9d8 ",
        exit_code=1,
    )
    c.a(tools=[("read", {"file_path": "/etc/fstab"})])
    c.r(
        "# /etc/fstab\nUUID=1b6e0d55-2c1f-4e0a-8a31-5d9f1c2e7b40 /srv ext4 defaults 0 2\n"
        "UUID=3f1c8e20-91ab-4c55-a0d7-b2e4c6f81a03 /mnt/usb-backup ext4 defaults 0 2\n"
    )
    c.a(
        "fstab wants the disk with UUID 3f1c8e20-…, but the USB disk plugged in now is 9b22f0aa-…. Either it was "
        "reformatted or it's a different disk. Did someone swap it?"
    )
    c.u("no idea. kit might have plugged her own disk in to copy films. hang on", gap=60)
    sticker = c.u(
        "yep. her disk was in. the backup one is the one with the green sticker, its back in now", gap=240
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'lsblk -o NAME,UUID | grep sdb1; sudo mount -a && findmnt /mnt/usb-backup'"
                },
            )
        ]
    )
    c.r(
        "└─sdb1 3f1c8e20-91ab-4c55-a0d7-b2e4c6f81a03\nTARGET          SOURCE    FSTYPE OPTIONS\n"
        "/mnt/usb-backup /dev/sdb1 ext4   rw,relatime"
    )
    p_nofail = c.a(
        "Mounted. Two things before re-running. First, the reason it went unnoticed: with `defaults`, a missing "
        "disk can also stall the boot. I'd add `nofail,x-systemd.device-timeout=10s` to that fstab line so the "
        "NAS boots anyway and only the backup fails. OK?"
    )
    ok_nofail = c.u("yes do that", gap=30)
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "/etc/fstab",
                    "oldText": "/mnt/usb-backup ext4 defaults 0 2",
                    "newText": "/mnt/usb-backup ext4 defaults,nofail,x-systemd.device-timeout=10s 0 2",
                },
            )
        ]
    )
    c.r("Successfully replaced text in /etc/fstab.")
    c.a(
        "Now the restic side. Reading the env file the script uses.",
        tools=[("read", {"file_path": "/etc/restic/env"})],
    )
    c.r(
        "RESTIC_REPOSITORY=/mnt/usb-backup\nRESTIC_PASSWORD=corvid-lantern-quiet-88\n"
        "B2_ACCOUNT_ID=0031f9a2c7e40000000004\nB2_ACCOUNT_KEY=K003xQ7vTnE2pLr9sWmYc4dHfJ8uBk1\n"
        "OFFSITE_REPOSITORY=b2:hale-photos:/restic\n"
    )
    c.a(
        tools=[
            (
                "bash",
                {"command": "ssh nas.home.arpa 'set -a; . /etc/restic/env; restic snapshots --latest 2'"},
            )
        ]
    )
    c.r(
        "repo already locked, waiting up to 0s for the lock\nunable to create lock in backend: repository is already "
        "locked by PID 1893 on nas by root (UID 0, GID 0)\nlock was created at 2026-11-27 03:00:02 (56h0m14s ago)",
        exit_code=11,
    )
    fix = c.a(
        "A stale lock from the run that crashed on Friday (PID 1893 is gone). Removing it.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'pgrep -f restic || echo no restic running; set -a; . /etc/restic/env; restic unlock'"
                },
            )
        ],
    )
    c.r("no restic running\nsuccessfully removed 1 locks")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'sudo systemctl start --no-block restic-backup.service; sleep 5; systemctl is-active restic-backup.service'"
                },
            )
        ]
    )
    c.r("activating")
    c.a(
        "Running. It'll take a while after two missed nights; polling.",
        tools=[
            ("bash", {"command": "sleep 300; ssh nas.home.arpa 'systemctl is-active restic-backup.service'"})
        ],
    )
    c.r("activating")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 300; ssh nas.home.arpa 'systemctl is-active restic-backup.service; journalctl -u restic-backup -n 2 --no-pager'"
                },
            )
        ]
    )
    c.r(
        "activating\nNov 29 13:14:40 nas backup.sh[4410]: [9:32] 61.40%  29614 files 130.412 GiB, total 48211 files 212.4 GiB"
    )
    c.u("how long is it going to take", gap=50)
    c.a("At this rate about 6 more minutes for the USB part, then the B2 sync.")
    c.u("ok. meanwhile: retention. i never set it up properly, the disk is at 80%", gap=30)
    p_ret = c.a(
        "Two sensible policies:\n\n"
        "1. `--keep-daily 7 --keep-weekly 4 --keep-monthly 12`: a year of history, thinning out\n"
        "2. `--keep-last 30`: simply the last 30 snapshots\n\n"
        "With photos that rarely change, the first costs little extra and gives you a year back. Prune would run "
        "after the forget."
    )
    ok_ret = c.u(
        "the first one. but never run prune during the day, it kills the nas for everything else. nights only",
        gap=60,
    )
    c.a(
        "Retention: keep-daily 7, weekly 4, monthly 12. And prune only at night: I'll put forget+prune in its own "
        "timer at 04:30 on Sundays, after the 03:00 backup."
    )
    c.compaction(
        "Robin asked why the NAS backup (nas.home.arpa, restic to /mnt/usb-backup and b2:hale-photos:/restic) "
        "stopped. The wrong USB disk was plugged in; the backup disk (green sticker) is back and mounted, fstab "
        "got nofail,x-systemd.device-timeout=10s, a stale restic lock was removed and restic-backup.service is "
        "running again. Retention agreed: --keep-daily 7 --keep-weekly 4 --keep-monthly 12; prune only at night.",
        p_ret,
        171408,
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 240; ssh nas.home.arpa 'systemctl is-active restic-backup.service; journalctl -u restic-backup -n 4 --no-pager'"
                },
            )
        ],
        gap=5,
    )
    c.r(
        "activating\nNov 29 13:19:02 nas backup.sh[4410]: Files:        1214 new,    37 changed, 46960 unmodified\n"
        "Nov 29 13:19:02 nas backup.sh[4410]: snapshot 7e91c2ab saved\nNov 29 13:19:03 nas backup.sh[4410]: offsite: syncing to b2:hale-photos:/restic"
    )
    ok_usb = c.a("USB backup done: snapshot 7e91c2ab saved (1214 new files). It's on the B2 copy now.")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 180; ssh nas.home.arpa 'systemctl is-active restic-backup.service; journalctl -u restic-backup -n 4 --no-pager'"
                },
            )
        ],
        gap=5,
    )
    b2 = c.r(
        "inactive\nNov 29 13:21:40 nas backup.sh[4410]: offsite: b2 upload failed: 403 Forbidden (bucket hale-photos): "
        "application key is not authorized\nNov 29 13:21:40 nas backup.sh[4410]: offsite: giving up after 3 attempts\n"
        "Nov 29 13:21:40 nas systemd[1]: restic-backup.service: Deactivated successfully."
    )
    c.a(
        "The unit ended 'successfully', but the offsite half failed: B2 answers 403, 'application key is not "
        "authorized'. backup.sh swallows the error and exits 0, that's why systemd is happy. Let me try once by hand.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'set -a; . /etc/restic/env; restic -r $OFFSITE_REPOSITORY snapshots --latest 1'"
                },
            )
        ],
    )
    c.r(
        "Fatal: unable to open config file: b2_download_file_by_name: 403: application key is not authorized\nIs there a repository at the following location?\nb2:hale-photos:/restic",
        exit_code=1,
    )
    c.u("ah. i rotated the b2 keys in october and probably only updated the laptop", gap=60)
    c.a(
        "That fits. If you make a new application key for hale-photos, I can put it into /etc/restic/env and rerun the offsite part."
    )
    defer = c.u(
        "not now, i need to log in with the 2fa thing and my phone is dead. i'll make a new key at the weekend",
        gap=40,
    )
    c.a(
        "OK. Until then the offsite copy on B2 stays stale (last good one is from before October's rotation)."
    )
    c.u("write down what you did today so i can do it myself next time", gap=60)
    proc = c.a(
        tools=[
            (
                "write",
                {
                    "path": f"{RHOME}/notes/nas-backup-runbook.md",
                    "content": "# NAS backup: when it stops\n\n1. `systemctl status restic-backup.service` on nas.home.arpa\n"
                    "2. `findmnt /mnt/usb-backup`: not mounted? check the disk with the green sticker is plugged in, then `sudo mount -a`\n"
                    "3. `restic snapshots`: 'already locked' and no restic running? `restic unlock`\n"
                    "4. `sudo systemctl start restic-backup.service`, follow with `journalctl -u restic-backup -f`\n"
                    "5. Check the journal for `offsite:` lines: backup.sh exits 0 even when B2 fails\n",
                },
            )
        ]
    )
    c.r("Successfully wrote 512 bytes to /home/robin/.openclaw/workspace/notes/nas-backup-runbook.md")
    c.a("Written to notes/nas-backup-runbook.md: status, mount, unlock, start, and check the offsite lines.")
    c.u("and set up that prune timer you said", gap=30)
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "/etc/systemd/system/restic-prune.timer",
                    "content": "[Timer]\nOnCalendar=Sun *-*-* 04:30:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n",
                },
            ),
            (
                "write",
                {
                    "path": "/etc/systemd/system/restic-prune.service",
                    "content": "[Service]\nType=oneshot\nEnvironmentFile=/etc/restic/env\n"
                    "ExecStart=/usr/bin/restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12 --prune\n",
                },
            ),
        ]
    )
    c.r("Successfully wrote 88 bytes to /etc/systemd/system/restic-prune.timer")
    c.r("Successfully wrote 151 bytes to /etc/systemd/system/restic-prune.service")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "ssh nas.home.arpa 'sudo systemctl daemon-reload && sudo systemctl enable --now restic-prune.timer && systemctl list-timers restic-prune.timer --no-pager'"
                },
            )
        ]
    )
    prune_ok = c.r(
        "Created symlink /etc/systemd/system/timers.target.wants/restic-prune.timer → /etc/systemd/system/restic-prune.timer.\n"
        "NEXT                        LEFT       LAST PASSED UNIT               ACTIVATES\n"
        "Sun 2026-12-06 04:30:00 GMT 6 days left -    -      restic-prune.timer restic-prune.service"
    )
    c.a("restic-prune.timer is on: forget + prune with the new retention, Sundays 04:30.")
    c.u("ta. and tell kit to stop stealing the backup port lol", gap=40)
    c.a("I'll leave that diplomacy to you 😄")
    c.item(
        "outcome",
        "NAS USB backup fixed: /mnt/usb-backup was not mounted (wrong disk plugged in) and a stale restic lock; after mount -a and restic unlock, snapshot 7e91c2ab saved",
        [fail, fix, ok_usb],
    )
    c.item("fact", "The NAS backup USB disk is the one with the green sticker", [sticker])
    c.item(
        "decision",
        "fstab line for /mnt/usb-backup gets nofail,x-systemd.device-timeout=10s",
        [p_nofail, ok_nofail],
        True,
    )
    c.item(
        "decision",
        "restic retention: --keep-daily 7 --keep-weekly 4 --keep-monthly 12",
        [p_ret, ok_ret],
        True,
    )
    c.item("fact", "Never run restic prune during the day on the NAS, only at night", [ok_ret], True)
    c.item(
        "outcome", "restic-prune.timer enabled on nas.home.arpa: forget + prune, Sundays 04:30", [prune_ok]
    )
    c.item(
        "outcome",
        "Unresolved: offsite sync to b2:hale-photos fails with 403 (application key is not authorized, key rotated in October) while backup.sh exits 0; Robin makes a new B2 key at the weekend",
        [b2, defer],
        True,
    )
    c.item(
        "procedure",
        "NAS backup recovery (notes/nas-backup-runbook.md): systemctl status, findmnt /mnt/usb-backup and mount -a, restic unlock if stale, start restic-backup.service, check offsite lines in the journal",
        [proc],
    )
    c.canaries += ["corvid-lantern-quiet-88", "K003xQ7vTnE2pLr9sWmYc4dHfJ8uBk1"]
    c.noise += [
        "how long is it going to take",
        "about 6 more minutes",
        "Checking the backup unit first",
        "stop stealing the backup port",
        "diplomacy",
    ]
    return c


def c13() -> Conv:
    c = Conv(
        "13-winter-prices-mixed", "2026-11-30T18:20:00", tz=0, channel="telegram", sender=ROBIN, cwd=RHOME
    )
    price = c.u(
        "need to update the price list for the winter stock. monstera thai constellation 30cm goes up to £64"
    )
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": f"{RHOME}/shop/prices.csv",
                    "oldText": "Monstera Thai Constellation 30cm,58.00",
                    "newText": "Monstera Thai Constellation 30cm,46.00",
                },
            )
        ]
    )
    c.r("Successfully replaced text in /home/robin/.openclaw/workspace/shop/prices.csv.")
    c.a("Updated: Monstera Thai Constellation 30cm → £46.00.")
    c.u("does milo need a packed lunch for the trip on thursday", gap=60)
    c.a(
        "Checking the school email.",
        tools=[("read", {"file_path": f"{RHOME}/inbox/school-trip-aquarium.txt"})],
    )
    c.r(
        "From: office@stbrendans.sch.uk\nSubject: Year 3 trip – National Marine Aquarium, Thu 3 Dec\n\n"
        "Children need a packed lunch (no glass bottles) and a waterproof coat.\nVoluntary contribution: £8 via "
        "ParentPay by Wednesday 2 December.\nCoaches leave 08:45 sharp.\n"
    )
    c.a(
        "Yes: packed lunch (no glass bottles) and a waterproof coat. Coaches leave 08:45 sharp, and there's an £8 contribution on ParentPay by Wed 2 Dec."
    )
    kit = c.u("kit does the parentpay stuff, she'll pay it tomorrow", gap=40)
    c.a("OK, noted for Kit.")
    ask = c.u("calatheas: 3 for £30 or 15% off each?", gap=90)
    p = c.a(
        "You have 40 in stock at £12.50. 3 for £30 is effectively 20 % off but only when people take three, so "
        "it moves stock faster; 15 % off each (£10.63) is simpler but gives away margin on single sales. With 40 "
        "to shift before January I'd do 3 for £30."
    )
    c.u("whats saturday looking like for the market", gap=60)
    c.a("Saturday: dry, 4 °C in the morning, light wind. Good market weather if you wrap up.")
    ok = c.u("ok 3 for 30 then. put it on the sign template", gap=40)
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": f"{RHOME}/shop/signs/offer-template.md",
                    "oldText": "{{OFFER}}",
                    "newText": "Calatheas: 3 for £30",
                },
            )
        ]
    )
    c.r("Successfully replaced text in /home/robin/.openclaw/workspace/shop/signs/offer-template.md.")
    c.a("Sign template updated: 'Calatheas: 3 for £30'.")
    c.u("brewlog q, random: is sqlite ok for like 10 readings a minute", gap=120)
    c.a(
        "Easily. SQLite handles thousands of small writes a second; 10 a minute is nothing. Use WAL mode and you're fine."
    )
    corr = c.u("wait. you put the monstera at 46?? its 64 not 46", gap=60)
    c.a(
        "Sorry, I swapped the digits. Fixing it.",
        tools=[
            (
                "edit",
                {
                    "path": f"{RHOME}/shop/prices.csv",
                    "oldText": "Monstera Thai Constellation 30cm,46.00",
                    "newText": "Monstera Thai Constellation 30cm,64.00",
                },
            )
        ],
    )
    fixed = c.r("Successfully replaced text in /home/robin/.openclaw/workspace/shop/prices.csv.")
    c.a("Fixed: Monstera Thai Constellation 30cm is £64.00.")
    rule = c.u("and always round to whole pounds on the winter list. no .99 nonsense", gap=40)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/.openclaw/workspace/shop && python3 round_prices.py prices.csv --whole && grep -c ',.*\\.00$' prices.csv"
                },
            )
        ]
    )
    c.r("rounded 14 prices\n52")
    c.a("All 52 winter prices are whole pounds now (14 were rounded).")
    q = c.u(
        "also thinking about opening sunday the 20th for last minute xmas people. decide next week", gap=90
    )
    c.a("OK, I'll ask you again next week.")
    c.item(
        "fact",
        "Monstera Thai Constellation 30cm costs £64 (the agent had entered £46); fixed in shop/prices.csv",
        [price, corr, fixed],
        True,
    )
    c.item(
        "todo",
        "Kit pays the £8 aquarium trip contribution on ParentPay tomorrow, Tue 1 Dec (due Wed 2 Dec)",
        [kit],
    )
    c.item("decision", "Calathea offer: 3 for £30, on the sign template", [ask, p, ok], True)
    c.item("fact", "Always round prices on the winter list to whole pounds, no .99", [rule], True)
    c.item(
        "open_question",
        "Open the shop on Sunday 20 Dec for last-minute Christmas shoppers? Robin decides next week",
        [q],
    )
    c.noise += [
        "whats saturday looking like for the market",
        "Good market weather",
        "is sqlite ok for like 10 readings a minute",
        "Use WAL mode",
        "Checking the school email",
    ]
    return c


def c14() -> Conv:
    c = Conv(
        "14-christmas-holidays-family",
        "2026-12-01T20:00:00",
        tz=0,
        channel="telegram",
        sender=ROBIN,
        cwd=RHOME,
    )
    c.u("evening. can you put milo's school holidays in the family calendar, 19 dec to 4 jan")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "gcalcli --calendar Family add --allday --title 'School holidays (Milo)' --when 2026-12-19 --duration 17 --noprompt"
                },
            )
        ]
    )
    f1 = c.r(
        "Traceback (most recent call last):\n  ...\ngoogle.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', "
        "{'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'})",
        exit_code=1,
    )
    c.a(
        "The Google login for the calendar has expired, gcalcli can't refresh it. Someone has to sign in again "
        "on the laptop (`gcalcli init`), I can't do the browser part."
    )
    c.u("kit did the google thing on the laptop yesterday, try again", gap=120)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "gcalcli --calendar Family add --allday --title 'School holidays (Milo)' --when 2026-12-19 --duration 17 --noprompt"
                },
            )
        ]
    )
    ok1 = c.r("New event added: https://www.google.com/calendar/event?eid=c2Nob29saG9saWRheXMxOQ")
    c.a("Now it worked: 'School holidays (Milo)', 19 Dec – 4 Jan, in Family.")
    gran = c.u(
        "grandma comes on the 23rd, leaves the 27th. she gets the guest room so my office is out of action those days",
        gap=60,
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "gcalcli --calendar Family add --allday --title 'Grandma visiting' --when 2026-12-23 --duration 5 --noprompt"
                },
            )
        ]
    )
    c.r("New event added: https://www.google.com/calendar/event?eid=Z3JhbmRtYTIz")
    p_block = c.a(
        "Added 'Grandma visiting' 23–27 Dec. Shall I also block those days in your work calendar so nobody books calls?"
    )
    no_block = c.u("no, i'll just work from the shop those days", gap=40)
    c.a("Fine, work calendar stays as it is.")
    allergy = c.u("remember milo is allergic to cashews. grandma forgets every single year", gap=60)
    c.a("Noted: Milo is allergic to cashews.")
    c.u("christmas dinner. turkey or that nut roast you found last week?", gap=90)
    p = c.a(
        "That nut roast is cashew-based, so not with Milo at the table. Options:\n\n"
        "1. Turkey crown (serves 6, ~£28)\n2. Mushroom & chestnut wellington (vegetarian, no nuts if you use chestnuts)\n"
        "3. Both, small turkey crown plus a small wellington"
    )
    ok = c.u("mushroom wellington. kit's veggie anyway and nobody actually likes turkey", gap=60)
    c.a("Mushroom & chestnut wellington for Christmas dinner then. I'll find a recipe that serves five.")
    todo = c.u("i'll order the veg box from riverford by the 15th, add chestnuts", gap=40)
    c.a("Noted: Riverford veg box with chestnuts, you order by 15 Dec.")
    q = c.u(
        "new years: kit wants to go to her parents in leeds, i'm not sure. she's deciding, park it", gap=120
    )
    c.a("Parked.")
    c.u("how many sleeps till christmas (milo is asking)", gap=60)
    c.a("24 sleeps from tonight.")
    c.u("lol thanks")
    c.item(
        "outcome",
        "School holidays (Milo) 19 Dec – 4 Jan added to the Family calendar; first try failed with invalid_grant, worked after Kit re-authorised Google",
        [f1, ok1],
    )
    c.item("fact", "Grandma visits 23–27 Dec and sleeps in the guest room (Robin's office)", [gran])
    c.item(
        "decision",
        "Rejected: blocking 23–27 Dec in Robin's work calendar; Robin works from the shop those days",
        [p_block, no_block],
        True,
    )
    c.item("fact", "Milo is allergic to cashews", [allergy], True)
    c.item("decision", "Christmas dinner: mushroom & chestnut wellington", [p, ok], True)
    c.item("todo", "Robin orders the Riverford veg box (with chestnuts) by 15 Dec", [todo])
    c.item("open_question", "New Year at Kit's parents in Leeds? Kit decides, parked", [q])
    c.noise += [
        "how many sleeps till christmas",
        "24 sleeps from tonight",
        "lol thanks",
        "nobody actually likes turkey",
    ]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13, c14]

if __name__ == "__main__":
    main(CONVS, Path(__file__).resolve().parent)
