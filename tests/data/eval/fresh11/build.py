"""fresh11: twelve hand-written conversations of volunteer coordinators of small nonprofits with their agent.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor. The envelope
(header, ids, parent chain, timestamps, usage, sender metadata, tool-call ids) comes from
``tests/data/eval/envelope.py``; WhatsApp sender metadata, which that module does not know, is added
by ``WConv`` below. ``python3 build.py [--out DIR]`` rewrites the split (default: this folder).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

HOME = "/home/helen/.openclaw/workspace"
CAMILLE = "/home/camille/.openclaw/workspace"
LUCIA = "/home/lucia/.openclaw/workspace"
GIULIA = "/home/giulia/.openclaw/workspace"
HELEN_TG = ("Helen Okafor", "helen_ok", "5523190477")
HELEN_WA = ("Helen Okafor", "", "447700900312")
CAMILLE_WA = ("Camille Roux", "", "33612904471")
CAMILLE_TG = ("Camille Roux", "camille_roux", "6120458833")
LUCIA_WA = ("Lucía Herrera", "", "34655018273")
GIULIA_TG = ("Giulia Ferri", "giulia_ferri", "7034412291")


class WConv(Conv):
    """A Conv that also knows the WhatsApp channel (sender metadata with the phone number)."""

    def _envelope(self, text: str, at: datetime) -> str:
        if self.channel != "whatsapp":
            return super()._envelope(text, at)
        name, _, num = self.sender
        meta = {"label": f"{name} (+{num})", "id": f"+{num}", "name": name, "e164": f"+{num}"}
        block = json.dumps(meta, indent=2, ensure_ascii=False)
        return f"Sender (untrusted metadata):\n```json\n{block}\n```\n\n{self._stamp(at)} {text}"


def wa(
    name: str,
    start: str,
    tz: int = 0,
    provider: str = "anthropic",
    cwd: str = HOME,
    who: tuple[str, str, str] = HELEN_WA,
) -> WConv:
    return WConv(name, start, tz, "whatsapp", provider=provider, sender=who, cwd=cwd)


def tg(
    name: str,
    start: str,
    tz: int = 0,
    provider: str = "anthropic",
    cwd: str = HOME,
    who: tuple[str, str, str] = HELEN_TG,
) -> WConv:
    return WConv(name, start, tz, "telegram", provider=provider, sender=who, cwd=cwd)


def ui(name: str, start: str, tz: int = 0, provider: str = "anthropic", cwd: str = HOME) -> WConv:
    return WConv(name, start, tz, "control-ui", provider=provider, cwd=cwd)


def c01() -> Conv:
    c = wa("01-saturday-pickup-shifts", "2026-12-01T18:05:00")
    c.u(
        "Evening! Hope your day was calmer than mine, three crates of squash turned up at the larder with "
        "no warning at all and we've had to invent a squash soup rota on the spot. Anyway. The real thing: "
        "I need to sort out the Saturday pickup rota for December and January. We do Tesco Extra at 8:30, "
        "the Co-op on Mill Lane at 10 and Hoffmann's bakery at 12. The volunteers who can drive are in the "
        "volunteers file, can you have a look and draft something?"
    )
    c.a(
        "Squash soup rota sounds like a good problem to have. Let me check the volunteer list.",
        tools=[("read", {"file_path": f"{HOME}/larder/volunteers.csv"})],
    )
    c.r(
        "name,phone,drives,saturdays,notes\n"
        "Jo Brennan,07700 900418,yes,from 12 Dec,away until 11 Dec\n"
        "Amir Haddad,07700 900552,yes,all,\n"
        "Bettina Kraus,07700 900613,yes,1st and 3rd,\n"
        "Kwame Mensah,07700 900774,yes,all,no early starts before 9\n"
        "Lou Parry,07700 900839,no,all,can ride along\n"
    )
    prop = c.a(
        "Four drivers plus Lou as a ride-along. Two ways to do it:\n\n"
        "1. **Fixed pairs**: the same two people every Saturday (say Amir + Lou for Tesco and the Co-op, "
        "Kwame for the bakery). Simple, but it leans on the same people every week.\n"
        "2. **Rotating rota**: each driver takes one or two runs a Saturday on a weekly rotation, Kwame "
        "never on the 8:30 Tesco run, Bettina only on the 1st and 3rd Saturdays, Jo joining from the 12th.\n\n"
        "I'd go with the rotation; it spreads the load and survives someone being ill."
    )
    agree = c.u(
        "Ooh. The second one, definitely, the fixed pairs thing is exactly how we burned Dev out last "
        "winter. And while I think of it, please hold on to this one for good: nobody does more than two "
        "shifts in a week, ever, even if they offer. People here say yes to everything in December and "
        "then vanish in March."
    )
    c.a(
        "Understood, two shifts a week is the ceiling, whatever they offer. Writing the rota now.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{HOME}/larder/rota-dec-jan.md",
                    "content": (
                        "# Saturday pickups, December-January\n\n"
                        "| Saturday | Tesco Extra 8:30 | Co-op Mill Lane 10:00 | Hoffmann's 12:00 |\n"
                        "|---|---|---|---|\n"
                        "| 5 Dec | Amir + Lou | Bettina | Kwame |\n"
                        "| 12 Dec | Amir | Kwame + Lou | Jo |\n"
                        "| 19 Dec | Bettina | Jo + Lou | Kwame |\n"
                        "| 26 Dec | Amir | Kwame | Jo |\n"
                    ),
                },
            )
        ],
    )
    wrote = c.r("Successfully wrote 352 bytes to /home/helen/.openclaw/workspace/larder/rota-dec-jan.md")
    c.a(
        "Done: larder/rota-dec-jan.md has December; January follows the same pattern. Nobody goes over two "
        "runs in any week."
    )
    jo = c.u(
        "Lovely, thank you. Small change: Jo can do the Tesco run every Saturday from the 12th, she told me "
        "at choir she'd rather have one fixed slot than bounce around. Amir keeps Tesco on the 5th. "
        "Shuffle the rest around her?"
    )
    c.a(
        "Sure, moving things around her.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{HOME}/larder/rota-dec-jan.md",
                    "oldText": "| 12 Dec | Amir | Kwame + Lou | Jo |\n| 19 Dec | Bettina | Jo + Lou | Kwame |\n"
                    "| 26 Dec | Amir | Kwame | Jo |",
                    "newText": "| 12 Dec | Jo | Kwame + Lou | Amir |\n| 19 Dec | Jo | Bettina + Lou | Kwame |\n"
                    "| 26 Dec | Jo | Kwame | Amir |",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/helen/.openclaw/workspace/larder/rota-dec-jan.md.")
    c.a(
        "Jo now has Tesco from the 12th onwards and Amir the 5th. Shall I put the Saturday runs into the "
        "shared calendar as recurring events, so the drivers get a nudge on their phones?"
    )
    c.u(
        "yes please, the food bank one though, not my personal calendar, I had a very confusing morning "
        "last year when my dentist appointment ended up in there"
    )
    c.a(
        "Adding them to the food bank calendar.",
        tools=[
            (
                "exec",
                {
                    "command": "gog calendar create --calendar 'Food Bank' --title 'Saturday "
                    "pickups' --start 2026-12-05T08:30 --end 2026-12-05T13:00 "
                    "--rrule 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20270130'"
                },
            )
        ],
    )
    r1 = c.r(
        "error: calendar 'Food Bank' not found (use `gog calendar list` to see calendar ids)", exit_code=1
    )
    fix = c.a(
        "That name doesn't exist; let me list the calendars.",
        tools=[("exec", {"command": "gog calendar list"})],
    )
    c.r(
        "ID                                          NAME\n"
        "helen.okafor@gmail.com                      Helen\n"
        "c_3f9a1e77b2@group.calendar.google.com      Larder shifts\n"
        "c_81d0c4aa5e@group.calendar.google.com      Street Festival 2027\n"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "gog calendar create --calendar c_3f9a1e77b2@group.calendar.google.com "
                    "--title 'Saturday pickups' --start 2026-12-05T08:30 --end "
                    "2026-12-05T13:00 --rrule 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20270130'"
                },
            )
        ]
    )
    ok = c.r("created event 6r0kq2v1l7 'Saturday pickups' (weekly, 9 occurrences) in Larder shifts")
    c.a("It's in: a weekly 'Saturday pickups' event in the Larder shifts calendar, 5 December to 30 January.")
    q = c.u(
        "You're a star. A question I keep going back and forth on: should we add a Wednesday evening "
        "collection from the market traders? They throw away so much. But honestly that's one for the "
        "board, not for us at half six on a Tuesday."
    )
    qa = c.a("Fair enough, I'll leave the Wednesday market collection as an open point for the board.")
    c.u("Thanks. Right, I'm off to rescue the squash. Night!")
    c.a("Good luck with the squash, and good night!")
    c.item("decision", "Saturday pickup rota: rotating weekly rota (not fixed pairs)", [prop, agree], True)
    c.item(
        "fact",
        "Standing rule: no volunteer does more than two shifts in a week, even if they offer",
        [agree],
        True,
    )
    c.item("outcome", "Saturday pickup rota for December written to larder/rota-dec-jan.md", [wrote])
    c.item(
        "todo",
        "Jo does the Tesco Extra Saturday run every Saturday from 12 December; Amir does it on 5 December",
        [jo],
    )
    c.item(
        "outcome",
        "Weekly 'Saturday pickups' event created in the Larder shifts calendar (5 December to "
        "30 January) after the 'Food Bank' calendar name was not found",
        [r1, fix, ok],
    )
    c.item(
        "open_question",
        "Add a Wednesday evening collection from the market traders? Left for the board",
        [q, qa],
    )
    c.noise += [
        "three crates of squash",
        "Let me check the volunteer list",
        "I'm off to rescue the squash",
        "Good luck with the squash",
    ]
    return c


def c02() -> Conv:
    c = tg("02-volunteer-briefing-hall", "2026-12-02T08:12:00")
    c.u("Morning! Coffee in hand, cat on keyboard, let's see how far we get.")
    c.a("Morning! Cat permitting, what are we doing today?")
    ask = c.u(
        "The street festival committee needs a room for the volunteer briefing evening, about 40 people. "
        "I've found two: St Anne's church hall, £85 for the evening, has a kitchen; or the Riverside "
        "Community Centre, £120, step-free and with a projector. St Anne's or Riverside?"
    )
    rec = c.a(
        "Both fit 40. Two things tip it: St Anne's had a ramp put in this summer (it's on their website), "
        "so access is fine at both, and the library lends a projector for free to community groups. That "
        "leaves price and the kitchen, which both favour St Anne's. I'd book St Anne's."
    )
    pick = c.u("Then the cheaper one, easy. The kitchen is a bonus, tea keeps volunteers happy.")
    c.a(
        "I'll draft the booking email to the hall secretary, Mrs Pryce.",
        tools=[
            (
                "exec",
                {
                    "command": "himalaya template save --folder Drafts <<'EOF'\n"
                    "To: bookings@stannes-hall.org.uk\n"
                    "Subject: Hall booking, Thursday 14 January 2027\n\n"
                    "Dear Mrs Pryce,\nWe would like to book the main hall on Thursday 14 "
                    "January from 18:30 to 21:30 for our festival volunteer briefing "
                    "(about 40 people), with use of the kitchen.\n\n"
                    "Best wishes,\nHelen Okafor, Millbrook Street Festival\nEOF"
                },
            )
        ],
    )
    c.r("Template saved to Drafts (id 4417)")
    c.a(
        "Draft 4417 is in the festival account's Drafts: main hall, Thursday 14 January, 18:30 to 21:30, "
        "kitchen included."
    )
    fix = c.u(
        "Ah no wait, it's not the 14th! The briefing is Thursday 21 January. The 14th is the board meeting, "
        "sorry, that's my fault for dictating it while walking the dog."
    )
    c.a(
        "No problem, changing it to the 21st.",
        tools=[
            (
                "exec",
                {
                    "command": "himalaya template save --folder Drafts --replace 4417 <<'EOF'\n"
                    "To: bookings@stannes-hall.org.uk\n"
                    "Subject: Hall booking, Thursday 21 January 2027\n\n"
                    "Dear Mrs Pryce,\nWe would like to book the main hall on Thursday 21 "
                    "January from 18:30 to 21:30 for our festival volunteer briefing "
                    "(about 40 people), with use of the kitchen.\n\n"
                    "Best wishes,\nHelen Okafor, Millbrook Street Festival\nEOF"
                },
            )
        ],
    )
    c.r("Template saved to Drafts (id 4417)")
    offer = c.a("Fixed: the draft now says Thursday 21 January. Want me to send it now?")
    no = c.u(
        "I'll send it myself from the festival account tomorrow, Mrs Pryce likes to see a human name in "
        "her inbox and she's known me since I was in the Brownies there."
    )
    c.a("That makes sense, it stays a draft for you.")
    c.u(
        "Oh, and the hall has a booking portal for the key code. Login is my email and the password is "
        "Thistle-Lantern-42, could you remember that for me so I stop hunting for the sticky note?"
    )
    c.a(
        "I'd rather not keep passwords in my notes: they sit in plain text files on this machine. A "
        "password manager is a much better home for it (Bitwarden's free plan would do), and then the "
        "sticky note can go in the shredder."
    )
    dep = c.u(
        "Fair enough, you're probably right. Maria will pay the £85 deposit by Friday 8 January, she "
        "has the charity card."
    )
    roff = c.a("Noted. Shall I remind you on Thursday 7 January to check with Maria that it's gone through?")
    yes = c.u("sure")
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Check St Anne's deposit",
                        "schedule": {"kind": "at", "at": "2027-01-07T09:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Ask Maria whether the £85 St Anne's deposit is paid",
                        },
                    },
                },
            )
        ]
    )
    c.r('{"ok":true,"jobId":"job_7c1e0b","nextRunAt":"2027-01-07T09:00:00.000Z"}')
    c.a("Reminder set for Thursday 7 January at 9:00.")
    c.u("Thanks love, you've saved my morning. The cat says hello too.")
    c.a("Hello to the cat. Have a good day!")
    c.item(
        "decision",
        "Volunteer briefing venue: St Anne's church hall (£85 for the evening, with kitchen)",
        [ask, rec, pick],
        True,
    )
    c.item(
        "fact",
        "Correction: the volunteer briefing is on Thursday 21 January, not the 14th (14 January is "
        "the board meeting)",
        [fix],
        True,
    )
    c.item(
        "decision",
        "Rejected: the agent sending the booking email; Helen sends draft 4417 to Mrs Pryce "
        "herself from the festival account tomorrow",
        [offer, no],
        True,
    )
    c.item("todo", "Maria pays the £85 St Anne's deposit by Friday 8 January with the charity card", [dep])
    c.item(
        "decision",
        "Reminder on Thursday 7 January 09:00 to check with Maria that the St Anne's deposit is paid",
        [roff, yes],
        True,
    )
    c.canaries += ["Thistle-Lantern-42"]
    c.noise += ["cat on keyboard", "tea keeps volunteers happy", "The cat says hello too", "walking the dog"]
    return c


def c03() -> Conv:
    c = ui("03-harwell-grant-report", "2026-12-03T13:40:00", cwd=f"{HOME}/grant-report")
    c.u(
        "Hi! Big one today, so settle in. The Harwell Community Fund report for this year's grant is due "
        "on 15 January and I'd like a solid draft before Christmas so I can actually enjoy the mince pies. "
        "The figures are in data/distributions-2026.csv (one row per food parcel) and the narrative bits "
        "can come from our newsletters. They want: people reached, parcels given, volunteer hours, and a "
        "page of 'what difference did the money make'. Can you start with the numbers?"
    )
    c.a(
        "Mince pies are a good deadline. Let me look at the data first.",
        tools=[
            ("exec", {"command": "head -5 data/distributions-2026.csv && wc -l data/distributions-2026.csv"})
        ],
    )
    c.r(
        "date,household_id,parcel_type,items,volunteer_hours\n"
        "2026-01-06,H0012,standard,14,0.5\n2026-01-06,H0231,family,22,0.75\n"
        "2026-01-06,H0087,standard,13,0.5\n2026-01-08,H0012,top-up,6,0.25\n"
        "6906 data/distributions-2026.csv"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "python3 -c \"import pandas as pd; d=pd.read_csv('data/distributions-"
                    "2026.csv'); print(d.household_id.nunique(), len(d), d.volunteer_hours."
                    'sum())"'
                },
            )
        ]
    )
    e1 = c.r(
        'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
        "ModuleNotFoundError: No module named 'pandas'",
        exit_code=1,
    )
    f1 = c.a(
        "pandas isn't installed here; the csv module will do.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{HOME}/grant-report/figures.py",
                    "content": (
                        "import csv\nimport sys\n\nrows = [r for r in csv.DictReader(open(sys.argv[1])) if r['date']]\n"
                        "skipped = sum(1 for r in csv.DictReader(open(sys.argv[1])) if not r['date'])\n"
                        "print('households', len({r['household_id'] for r in rows}))\n"
                        "print('parcels', len(rows))\n"
                        "print('volunteer_hours', round(sum(float(r['volunteer_hours']) for r in rows)))\n"
                        "if skipped:\n    print('WARNING: skipped rows with no date:', skipped)\n"
                    ),
                },
            )
        ],
    )
    c.r("Successfully wrote 402 bytes to /home/helen/.openclaw/workspace/grant-report/figures.py")
    c.a(tools=[("exec", {"command": "python3 figures.py data/distributions-2026.csv"})])
    p1 = c.r("households 1412\nparcels 6902\nvolunteer_hours 3118\nWARNING: skipped rows with no date: 3")
    offer = c.a(
        "The numbers for 2026 so far:\n\n- **1,412** different households\n- **6,902** parcels\n"
        "- **3,118** volunteer hours (from the per-parcel estimates)\n\n"
        "Three rows have no date and were skipped. For 'people reached' there are two honest ways to count: "
        "unique households (1,412) or visits (6,902). The fund's guidance says 'unique beneficiaries', so "
        "I'd report households there and mention the visits in the narrative. OK?"
    )
    c.u(
        "Households, yes, and mention the visits in the narrative like you say. The three dateless rows are "
        "from the hamper day, Bettina typed them in on her phone in the car park, bless her, just leave "
        "them out. Go ahead and draft the whole thing?"
    )
    agree = c.lines[-1]["id"]
    c.a(
        "Drafting it now.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{HOME}/grant-report/hcf-2026-draft.md",
                    "content": (
                        "# Harwell Community Fund: end of grant report 2026\n\nGrant: £12,000 (core costs)\n\n"
                        "## Reach\n1,412 households (6,902 parcels over the year)\n\n## Volunteers\n3,118 hours\n\n"
                        "## What difference did the money make\nThe grant paid for the van insurance, the chilled "
                        "storage and the Saturday opening, which alone accounts for a third of our visits...\n"
                    ),
                },
            )
        ],
    )
    draft = c.r(
        "Successfully wrote 1893 bytes to /home/helen/.openclaw/workspace/grant-report/hcf-2026-draft.md"
    )
    c.a(
        "Draft written to grant-report/hcf-2026-draft.md: reach, volunteers, and a page on the difference "
        "the grant made (van insurance, chilled storage, Saturday opening)."
    )
    corr = c.u(
        "Ooh, reading it now with my tea. One thing straight away: the grant was £15,000, not £12,000. "
        "£12k was the council's small grant, you've mixed the two up (I do it too, all the time)."
    )
    c.a(
        "Sorry about that, fixing it.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{HOME}/grant-report/hcf-2026-draft.md",
                    "oldText": "Grant: £12,000 (core costs)",
                    "newText": "Grant: £15,000 (core costs)",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/helen/.openclaw/workspace/grant-report/hcf-2026-draft.md.")
    c.a("Done, the report says £15,000 now.")
    c.u(
        "Lovely. Can you upload it to their portal as a draft? Their API token is in the .env in this folder, "
        "Amir set it up last year."
    )
    c.a("Let me read the .env.", tools=[("read", {"file_path": f"{HOME}/grant-report/.env"})])
    c.r(
        "HCF_PORTAL=https://portal.harwellfund.org.uk/api/v2\n"
        "HCF_TOKEN=hcfp_9Tq4mWz7Lr2Xv8Kd3Nb6\nHCF_ORG_ID=org_2231\n"
    )
    up = "curl -s -X POST -H 'Authorization: Bearer hcfp_9Tq4mWz7Lr2Xv8Kd3Nb6' "
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": up + "-F report=@hcf-2026-draft.md "
                    "https://portal.harwellfund.org.uk/api/v2/orgs/org_2231/submissions"
                },
            )
        ]
    )
    c.r('{"status":"queued","submission_id":"sub_88213"}')
    poll = (
        "curl -s -H 'Authorization: Bearer hcfp_9Tq4mWz7Lr2Xv8Kd3Nb6' "
        "https://portal.harwellfund.org.uk/api/v2/submissions/"
    )
    c.a("Queued; waiting for their checks.", tools=[("exec", {"command": "sleep 20; " + poll + "sub_88213"})])
    c.r('{"submission_id":"sub_88213","status":"processing"}')
    c.a(tools=[("exec", {"command": "sleep 30; " + poll + "sub_88213"})])
    c.r('{"submission_id":"sub_88213","status":"processing"}')
    c.a(tools=[("exec", {"command": "sleep 30; " + poll + "sub_88213"})])
    bad = c.r(
        '{"submission_id":"sub_88213","status":"rejected","reason":"attachment must be application/pdf"}'
    )
    c.a(
        "The portal only takes PDFs. Converting with pandoc.",
        tools=[("exec", {"command": "pandoc hcf-2026-draft.md -o hcf-2026-draft.pdf"})],
    )
    c.r("pdflatex not found. Please select a different --pdf-engine or install pdflatex", exit_code=47)
    c.a(
        tools=[
            ("exec", {"command": "pandoc hcf-2026-draft.md --pdf-engine=weasyprint -o hcf-2026-draft.pdf"})
        ]
    )
    c.r("weasyprint not found. Please select a different --pdf-engine or install weasyprint", exit_code=47)
    conv = c.a(
        "No PDF engine for pandoc; LibreOffice is installed, so I'll go via that.",
        tools=[
            (
                "exec",
                {
                    "command": "pandoc hcf-2026-draft.md -o hcf-2026-draft.odt && soffice "
                    "--headless --convert-to pdf hcf-2026-draft.odt"
                },
            )
        ],
    )
    c.r(
        "convert /home/helen/.openclaw/workspace/grant-report/hcf-2026-draft.odt -> "
        "/home/helen/.openclaw/workspace/grant-report/hcf-2026-draft.pdf using filter : writer_pdf_Export"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": up + "-F report=@hcf-2026-draft.pdf "
                    "https://portal.harwellfund.org.uk/api/v2/orgs/org_2231/submissions"
                },
            )
        ]
    )
    c.r('{"status":"queued","submission_id":"sub_88247"}')
    for wait in (20, 30, 30):
        c.a(tools=[("exec", {"command": f"sleep {wait}; " + poll + "sub_88247"})])
        c.r('{"submission_id":"sub_88247","status":"processing"}')
    c.a(tools=[("exec", {"command": "sleep 30; " + poll + "sub_88247"})])
    good = c.r('{"submission_id":"sub_88247","status":"accepted","visibility":"draft"}')
    c.a(
        "Uploaded: the PDF went in as submission sub_88247 and the portal accepted it as a draft. The "
        "Markdown version was rejected (PDF only), and pandoc had no PDF engine, so it went through "
        "LibreOffice."
    )
    c.compaction(
        "Helen is drafting the Harwell Community Fund 2026 report (due 15 January). Settled: 'people "
        "reached' is the 1,412 unique households, with the 6,902 parcels in the narrative; the grant was "
        "£15,000. The draft is grant-report/hcf-2026-draft.md; its PDF was uploaded and submission "
        "sub_88247 accepted as a draft.",
        first_kept=corr,
        tokens_before=171842,
    )
    c.u(
        "Hooray! Honestly, you've no idea how long this took me last year. While you're in there, could you "
        "attach the two photos from the summer festival? festival-stage.jpg and festival-soup.jpg, they're "
        "in photos/."
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": up + "-F photo=@photos/festival-stage.jpg -F photo=@photos/festival-soup.jpg "
                    "https://portal.harwellfund.org.uk/api/v2/submissions/sub_88247/attachments"
                },
            )
        ]
    )
    big = c.r(
        '{"error":"payload too large","detail":"each attachment max 2 MB; festival-stage.jpg is 6.1 MB, '
        'festival-soup.jpg is 4.8 MB"}'
    )
    c.a(
        "The portal refused both photos: 2 MB per attachment, and they're 6.1 and 4.8 MB. I can shrink them "
        "with ImageMagick and try again if you like."
    )
    later = c.u(
        "Leave the photos for now, Lou took them and I'd like to pick the nicest crop with her tomorrow, she's "
        "very particular about the soup one."
    )
    c.a("OK, the photos are not attached yet; the report itself is in.")
    ask = c.u(
        "Could you write down how you got the figures, so next year whoever does this isn't starting "
        "from zero? Probably me again, let's be honest."
    )
    c.a(
        "Writing it into the folder.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{HOME}/grant-report/HOWTO.md",
                    "content": (
                        "# Grant report figures\n\n1. Export the year's parcels to data/distributions-YYYY.csv.\n"
                        "2. Run `python3 figures.py data/distributions-YYYY.csv` (households, parcels, volunteer hours).\n"
                        "3. Report unique households as 'people reached'; mention parcels in the narrative.\n"
                        "4. Convert to PDF: `pandoc report.md -o report.odt && soffice --headless --convert-to pdf report.odt`.\n"
                        "5. Upload the PDF to the portal (token in .env) and poll the submission until 'accepted'.\n"
                    ),
                },
            )
        ],
    )
    how = c.r("Successfully wrote 468 bytes to /home/helen/.openclaw/workspace/grant-report/HOWTO.md")
    c.a(
        "It's in grant-report/HOWTO.md: export, figures.py, households as reach, PDF via LibreOffice, upload "
        "and poll."
    )
    todo = c.u(
        "Perfect. Kwame has offered to proofread the narrative, he was an English teacher for thirty years so "
        "he'll be merciless. He'll have it back by Monday 11 January. And the fund has asked whether we'd "
        "apply for their new multi-year strand. I genuinely don't know, that's a board decision, I'll bring "
        "it to the meeting on the 14th."
    )
    c.a("Good plan on both. I'll leave the multi-year question for the board on the 14th.")
    c.u("Thank you so much. Mince pies are within reach.")
    c.a("Enjoy them, you've earned a couple.")
    c.item(
        "decision",
        "Grant report 'people reached': unique households (1,412), with the 6,902 parcels in the narrative",
        [offer, agree],
        True,
    )
    c.item(
        "fact",
        "Correction: the Harwell Community Fund grant was £15,000, not £12,000 (£12,000 was the "
        "council's small grant)",
        [corr],
        True,
    )
    c.item(
        "fact",
        "2026 figures from data/distributions-2026.csv: 1,412 households, 6,902 parcels, 3,118 "
        "volunteer hours",
        [p1],
    )
    c.item("outcome", "Figures computed with figures.py (csv module) after pandas was missing", [e1, f1, p1])
    c.item("outcome", "Draft report written to grant-report/hcf-2026-draft.md", [draft])
    c.item(
        "outcome",
        "Report uploaded to the Harwell portal as PDF (via LibreOffice, pandoc had no PDF "
        "engine): submission sub_88247 accepted as draft",
        [bad, conv, good],
    )
    c.item(
        "outcome",
        "Festival photos festival-stage.jpg and festival-soup.jpg not attached: the portal "
        "limit is 2 MB per attachment; Helen picks crops with Lou tomorrow",
        [big, later],
        True,
    )
    c.item(
        "procedure",
        "Grant report figures: export to data/distributions-YYYY.csv, run figures.py, report "
        "unique households, convert to PDF via soffice, upload and poll the portal (grant-report/HOWTO.md)",
        [ask, how],
    )
    c.item("todo", "Kwame proofreads the grant report narrative by Monday 11 January", [todo])
    c.item(
        "open_question",
        "Apply for the Harwell fund's multi-year strand? For the board meeting on 14 January",
        [todo],
    )
    c.canaries += ["hcfp_9Tq4mWz7Lr2Xv8Kd3Nb6"]
    c.noise += [
        "enjoy the mince pies",
        "Let me look at the data first",
        "bless her",
        "Mince pies are within reach",
        "she's very particular about the soup one",
    ]
    return c


def c04() -> Conv:
    c = wa("04-donor-thank-yous", "2026-12-04T19:20:00", provider="openai-codex")
    c.u(
        "Hello again! Friday night and I'm doing thank-you emails, living the dream. We had a lovely "
        "December so far: can you look at donations-december.csv and get me drafts for everyone over £50? "
        "Before you start, one rule for these, always: first names, warm, signed 'Helen and the Larder "
        "team'. Never 'Dear Sir/Madam', I'd rather not send anything than send that."
    )
    rule = c.lines[-1]["id"]
    c.a(
        "First names, warm, 'Helen and the Larder team', and never 'Dear Sir/Madam'. Reading the file.",
        tools=[("read", {"file_path": f"{HOME}/larder/donations-december.csv"})],
    )
    c.r(
        "date,donor,first_name,email,amount,note\n"
        "2026-12-01,Bettina Kraus,Bettina,bettina.kraus@posteo.de,75,monthly\n"
        "2026-12-02,Millbrook Rotary,Graham,graham@millbrookrotary.org,500,Christmas appeal\n"
        "2026-12-02,Hoffmann's Bakery,Anke,anke@hoffmanns-bakery.co.uk,1200,oven repair\n"
        "2026-12-03,Dev Sharma,Dev,dev.sharma@gmal.com,60,\n"
        "2026-12-03,anonymous,,,20,\n"
    )
    prop = c.a(
        "Four donors over £50: Bettina (£75), Graham at the Rotary (£500), Anke at Hoffmann's Bakery "
        "(£1,200) and Dev (£60). Two styles I could use:\n\n"
        "- **short**: three warm lines, thanks and what it goes towards;\n"
        "- **with numbers**: the same, plus one line of impact ('this month your gift helped us hand out "
        "612 parcels').\n\nWhich do you prefer?"
    )
    pick = c.u(
        "The one with the numbers! Bettina will love that one, she's a spreadsheet person through and "
        "through. And Hoffmann's gets a handwritten card instead of an email, they paid for the oven "
        "repair, an email feels a bit thin for that."
    )
    c.a(
        "Lovely idea. Drafting the three emails with the impact line.",
        tools=[
            (
                "exec",
                {
                    "command": "for d in bettina graham dev; do himalaya template save --folder Drafts "
                    "< drafts/thanks-$d.eml; done"
                },
            )
        ],
    )
    fail = c.r(
        "Template saved to Drafts (id 4502)\nTemplate saved to Drafts (id 4503)\n"
        "error: invalid recipient 'dev.sharma@gmal.com': domain has no MX record"
    )
    c.a(
        "Two drafts saved (Bettina 4502, Graham 4503). Dev's failed: the address in the file is "
        "dev.sharma@gmal.com, which looks like a typo for gmail.com. Do you have his right address?"
    )
    fix = c.u("Ha, yes, that's Dev typing on the bus. It's dev.sharma@gmail.com.")
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "sed -i 's/gmal.com/gmail.com/' drafts/thanks-dev.eml && himalaya "
                    "template save --folder Drafts < drafts/thanks-dev.eml"
                },
            )
        ]
    )
    ok = c.r("Template saved to Drafts (id 4504)")
    offer = c.a(
        "Dev's draft is in too (4504). All three are ready; want me to send them now from the larder account?"
    )
    no = c.u(
        "No, leave them as drafts. I want to read each one before it goes out, it's the one bit of "
        "this job where I'm a control freak."
    )
    c.a("Understood, they stay as drafts. Anything for the card to Hoffmann's?")
    todo = c.u(
        "I'll write it tomorrow. Priya will post the cards on Monday the 14th, she goes past the post "
        "office on her way to the allotment. Thanks for tonight, off to watch something silly now."
    )
    c.a("Enjoy something silly, you've earned it.")
    c.item(
        "fact",
        "Standing rule for donor thank-yous: first names, warm, signed 'Helen and the Larder team'; "
        "never 'Dear Sir/Madam'",
        [rule],
        True,
    )
    c.item("decision", "Donor thank-you emails: the version with an impact numbers line", [prop, pick], True)
    c.item(
        "decision",
        "Hoffmann's Bakery (£1,200 for the oven repair) gets a handwritten card instead of an email",
        [pick],
        True,
    )
    c.item(
        "outcome",
        "Thank-you drafts saved for Bettina (4502), Graham (4503) and Dev (4504, after fixing "
        "the gmal.com typo to dev.sharma@gmail.com)",
        [fail, fix, ok],
    )
    c.item(
        "decision",
        "Rejected: sending the thank-you emails now; they stay as drafts until Helen has read each one",
        [offer, no],
        True,
    )
    c.item("todo", "Priya posts the thank-you cards on Monday 14 December", [todo])
    c.noise += [
        "living the dream",
        "she's a spreadsheet person",
        "off to watch something silly",
        "Reading the file",
    ]
    return c


def c05() -> Conv:
    c = ui("05-budget-2027-spreadsheet", "2026-12-07T10:02:00", provider="google", cwd=f"{HOME}/budget")
    c.u(
        "Good morning! Budget season, my favourite (not). The treasurer, Graham, wants the 2027 draft budget "
        "in the shared sheet by the end of the week. Last year's actuals are in actuals-2026.xlsx and the "
        "script Amir wrote is scripts/budget_summary.py. It used to just work, can you run it and tell me "
        "where we stand?"
    )
    c.a("Let me see how the script is set up.", tools=[("read", {"file_path": f"{HOME}/budget/budget.toml"})])
    c.r(
        '[sheets]\nspreadsheet_id = "1xQv8_budget2027_Mk3"\napi_key = "AIzaSyD4-fb11Lq8mQ2zR7tW0cV5nP9xK3hJ6sE"\n\n'
        '[lines]\ncategories = ["Van", "Printing", "Food purchase", "Festival", "Cargo bike fund"]\n'
    )
    c.a(tools=[("exec", {"command": "python3 scripts/budget_summary.py actuals-2026.xlsx"})])
    e1 = c.r(
        'Traceback (most recent call last):\n  File "scripts/budget_summary.py", line 41, in <module>\n'
        "    total = sheet['Printing'].sum()\nKeyError: 'Printing'",
        exit_code=1,
    )
    c.a(
        "The script can't find a 'Printing' column. Let me look at the headers.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 -c \"import openpyxl; ws=openpyxl.load_workbook('actuals-2026.xlsx')"
                    '.active; print([c.value for c in ws[1]])"'
                },
            )
        ],
    )
    c.r("['Month', 'Van', 'Printing & post', 'Food purchase', 'Festival', 'Cargo bike fund']")
    f1 = c.a(
        "Someone renamed the column to 'Printing & post'. I'll teach the script both names.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{HOME}/budget/scripts/budget_summary.py",
                    "oldText": "    total = sheet['Printing'].sum()",
                    "newText": "    col = 'Printing & post' if 'Printing & post' in sheet else "
                    "'Printing'\n    total = sheet[col].sum()",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/helen/.openclaw/workspace/budget/scripts/budget_summary.py.")
    c.a(tools=[("exec", {"command": "python3 scripts/budget_summary.py actuals-2026.xlsx"})])
    p1 = c.r(
        "2026 actuals\n  Van                 £2,310.40\n  Printing & post     £1,184.75\n"
        "  Food purchase       £6,902.10\n  Festival            £4,415.00\n  Cargo bike fund     "
        "£1,200.00\n  TOTAL              £16,012.25"
    )
    c.a(
        "It runs again. 2026 actuals: van £2,310.40, printing & post £1,184.75, food purchase £6,902.10, "
        "festival £4,415.00, cargo bike fund £1,200.00, total £16,012.25. For the 2027 draft I'd start "
        "from these, plus the known changes: van insurance goes up to £460 (the renewal letter in the "
        "inbox), food purchase +10 % for prices."
    )
    corr = c.u(
        "Nearly! The van insurance renewal is £640, not £460, I think you read the old quote. The one from "
        "NFU Mutual came on the 2nd, it's brutal. And could you round everything to whole pounds in the "
        "sheet? Graham likes it clean, pennies make his eyes glaze over."
    )
    c.a(
        "£640 then, ouch. Let me check the letter so the sheet cites the right one.",
        tools=[("exec", {"command": "himalaya envelope list --folder INBOX 'subject renewal' | head -3"})],
    )
    c.r(
        "ID    FROM              SUBJECT                               DATE\n"
        "9812  NFU Mutual        Your minibus/van renewal: £640.00     2026-12-02 08:14\n"
        "9377  NFU Mutual        Quote: van insurance £460.00          2026-10-18 16:40"
    )
    c.a(
        "Confirmed: the renewal of 2 December is £640.00; the £460 was October's quote. Building the 2027 "
        "draft with rounded figures.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 scripts/budget_summary.py actuals-2026.xlsx --draft 2027 --round "
                    "--set van_insurance=640 --uplift food=0.10 --out draft-2027.csv"
                },
            )
        ],
    )
    c.r(
        "wrote draft-2027.csv\n  Van                 £2,490\n  Printing & post     £1,185\n"
        "  Food purchase       £7,592\n  Festival            £4,415\n  Cargo bike fund     £1,200\n"
        "  TOTAL              £16,882"
    )
    prop = c.a(
        "Draft 2027: van £2,490, printing & post £1,185, food £7,592, festival £4,415, cargo bike fund "
        "£1,200, total £16,882. That's £870 over the £16,000 the board pencilled in. One offer: printing "
        "has been shrinking since the newsletter went mostly email, so moving £300 from printing & post "
        "to the cargo bike fund would get the bike bought a year earlier without touching food."
    )
    agree = c.u(
        "Perfect, that's what we'll do then. The printed newsletter is down to the forty people without "
        "email anyway. Put it in the draft and push it to Graham's sheet?"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "python3 scripts/budget_summary.py actuals-2026.xlsx --draft 2027 --round "
                    "--set van_insurance=640 --uplift food=0.10 --move printing:cargo_bike=300 "
                    "--out draft-2027.csv"
                },
            )
        ]
    )
    c.r(
        "wrote draft-2027.csv\n  Van                 £2,490\n  Printing & post     £885\n"
        "  Food purchase       £7,592\n  Festival            £4,415\n  Cargo bike fund     £1,500\n"
        "  TOTAL              £16,882"
    )
    c.a(
        "Pushing to the shared sheet.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 scripts/push_sheet.py draft-2027.csv --key "
                    "AIzaSyD4-fb11Lq8mQ2zR7tW0cV5nP9xK3hJ6sE --sheet 1xQv8_budget2027_Mk3 "
                    "--tab 'Draft 2027'"
                },
            )
        ],
    )
    push1 = c.r("batchUpdate accepted: job 7731 (status: PENDING)")
    for s in ("PENDING", "RUNNING", "RUNNING"):
        c.a(tools=[("exec", {"command": "sleep 15; python3 scripts/push_sheet.py --status 7731"})])
        c.r(f"job 7731: {s}")
    c.a(tools=[("exec", {"command": "sleep 15; python3 scripts/push_sheet.py --status 7731"})])
    push2 = c.r("job 7731: DONE (6 rows written to 'Draft 2027')")
    c.a(
        "In the sheet: the 'Draft 2027' tab now has the six lines, with £300 moved from printing & post to "
        "the cargo bike fund (£885 and £1,500)."
    )
    c.u(
        "Brilliant. Honestly, this took me two evenings last year. Quick question, what's the difference "
        "between 'restricted' and 'unrestricted' again? Graham uses the words like I should know."
    )
    c.a(
        "Restricted money can only be spent on what the donor or funder gave it for (the Harwell grant, "
        "say); unrestricted money the trustees can spend on anything within your objects."
    )
    c.u(
        "Got it, thank you, that's going on a post-it. Last thing: the festival stage hire. It's £1,100 and "
        "the invoice comes in January, but it's for the 2027 festival... does it count against 2026 or 2027?"
    )
    q = c.lines[-1]["id"]
    c.a(
        "It depends on your accounting policy: on an accruals basis it belongs to 2027, the year of the "
        "festival. If the board has no policy yet, they should pick one."
    )
    qa = c.u(
        "Then that's one for Graham and the board, I'm not deciding accounting policy before lunch. "
        "Leave it out of the draft for now."
    )
    c.a("It's left out; I've noted it as open for the board.")
    how = c.u(
        "Thanks! Before I forget: can you jot the steps down in budget/HOWTO.md, for whoever helps Graham "
        "next year? Probably me, but future me has a terrible memory."
    )
    c.a(
        tools=[
            (
                "write",
                {
                    "file_path": f"{HOME}/budget/HOWTO.md",
                    "content": (
                        "# Draft budget\n\n"
                        "1. `python3 scripts/budget_summary.py actuals-YYYY.xlsx` (check the column names if it "
                        "fails).\n"
                        "2. `python3 scripts/budget_summary.py actuals-YYYY.xlsx --draft NEXT --round --set ... "
                        "--uplift food=0.10 --out draft-NEXT.csv`.\n"
                        "3. `python3 scripts/push_sheet.py draft-NEXT.csv --key <from budget.toml> --sheet "
                        "<spreadsheet_id> --tab 'Draft NEXT'`, then poll `--status JOB` until DONE.\n"
                    ),
                },
            )
        ]
    )
    howr = c.r("Successfully wrote 431 bytes to /home/helen/.openclaw/workspace/budget/HOWTO.md")
    c.a("Written: budget/HOWTO.md has the three steps, with the key left in budget.toml, not in the notes.")
    c.u("Perfect. Off to make a very large sandwich.")
    c.a("Enjoy the sandwich!")
    c.item(
        "outcome",
        "scripts/budget_summary.py fixed for the renamed 'Printing & post' column (KeyError: "
        "'Printing') and runs again: 2026 actuals total £16,012.25",
        [e1, f1, p1],
    )
    c.item(
        "fact",
        "Correction: the van insurance renewal (NFU Mutual, 2 December) is £640, not £460 (the "
        "£460 was October's quote)",
        [corr],
        True,
    )
    c.item("fact", "Graham likes the budget sheet rounded to whole pounds", [corr])
    c.item(
        "decision",
        "2027 budget: move £300 from printing & post to the cargo bike fund (£885 and £1,500)",
        [prop, agree],
        True,
    )
    c.item(
        "outcome",
        "2027 draft budget (total £16,882) pushed to the 'Draft 2027' tab of Graham's sheet (job 7731 done)",
        [push1, push2],
    )
    c.item(
        "open_question",
        "Does the £1,100 festival stage hire count against the 2026 or 2027 budget? "
        "Left for Graham and the board; left out of the draft",
        [q, qa],
    )
    c.item(
        "procedure",
        "Draft budget: run scripts/budget_summary.py on the actuals, then --draft with --round, --set and "
        "--uplift, then scripts/push_sheet.py to the 'Draft' tab and poll --status until DONE "
        "(budget/HOWTO.md)",
        [how, howr],
    )
    c.canaries += ["AIzaSyD4-fb11Lq8mQ2zR7tW0cV5nP9xK3hJ6sE"]
    c.noise += [
        "Budget season, my favourite",
        "Let me see how the script is set up",
        "Restricted money can only be spent",
        "a very large sandwich",
        "that's going on a post-it",
    ]
    return c


def c06() -> Conv:
    c = tg("06-cargo-bike", "2026-12-08T20:31:00")
    c.u(
        "Evening! Exciting one: the cargo bike fund finally has enough in it (with the £300 we moved) so "
        "we can actually buy the thing. It's for the home deliveries round the estate, 10 to 15 crates a "
        "run. Budget up to about £6,000. What would you look at? One hard constraint: it has to fit through "
        "the side gate of the warehouse, which is 80 cm wide. Bettina measured it twice."
    )
    gate = c.lines[-1]["id"]
    prop = c.a(
        think="Gate is 80 cm. Urban Arrow Cargo L box is 70 cm, Babboe Pro Trike-E 79 cm, R&M Load 75 "
        "is 84 cm with the box, so it is out; mention it so she knows why.",
        text="Three that carry that load, and why one of them is out:\n\n"
        "1. **Urban Arrow Cargo L**: big flat box, 70 cm wide, Bosch motor, about £5,900. The comfortable "
        "choice.\n"
        "2. **Babboe Pro Trike-E**: three-wheeler, 79 cm wide (tight at the gate, but in), about £3,900; "
        "very stable when loaded, slower.\n"
        "3. **Riese & Müller Load 75**: superb, but 84 cm with the box, so it wouldn't pass the gate.\n\n"
        "So really it's the Urban Arrow or the Babboe.",
    )
    c.u(
        "Let's go with the Urban Arrow, it looks like it'd last forever and the volunteers will "
        "actually enjoy riding it."
    )
    c.a(
        "The Urban Arrow it is. The nearest dealer is Cycle Hub on Dock Road; shall I ask them about a "
        "charity discount?"
    )
    c.u("Ooh yes, worth a try. Bettina's nephew works there, so maybe mention her.")
    c.a(
        "Drafting it.",
        tools=[
            (
                "exec",
                {
                    "command": "himalaya template save --folder Drafts <<'EOF'\n"
                    "To: sales@cyclehub-dock.co.uk\nSubject: Cargo bike for "
                    "Millbrook Larder\n\nHello, we're a food bank looking at an "
                    "Urban Arrow Cargo L and a Babboe Pro Trike-E for home "
                    "deliveries. Do you offer a charity discount? Bettina "
                    "Kraus sends her regards.\nHelen\nEOF"
                },
            )
        ],
    )
    c.r("Template saved to Drafts (id 4621)")
    c.a("Draft 4621 is ready, asking about both models so you keep your options open.")
    c.u("Good thinking. Hang on, Graham's just replied in the board chat...")
    rev = c.u(
        "Right. The board says the cheaper one, the Babboe, and honestly they're right: the trike doesn't "
        "fall over when Lou loads it on the kerb, and that £2,000 is a whole winter of food purchase. So "
        "the Babboe Pro Trike-E it is, forget the Urban Arrow."
    )
    ack = c.a(
        "Makes sense: the Babboe Pro Trike-E, about £3,900. I'll change the draft to ask about the "
        "Babboe only.",
        tools=[
            (
                "exec",
                {
                    "command": "himalaya template save --folder Drafts --replace 4621 "
                    "< drafts/cyclehub-babboe.eml"
                },
            )
        ],
    )
    redraft = c.r("Template saved to Drafts (id 4621)")
    c.a("Done, 4621 now asks about the Babboe Pro Trike-E only.")
    tr = c.u(
        "Sam will do a test ride at Cycle Hub on Saturday the 19th, in the morning. Can you remind me "
        "the evening before so I can remind him? He's lovely but he forgets everything."
    )
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Sam's test ride",
                        "schedule": {"kind": "at", "at": "2026-12-18T18:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Remind Sam: Babboe test ride at Cycle Hub tomorrow morning",
                        },
                    },
                },
            )
        ]
    )
    rem = c.r('{"ok":true,"jobId":"job_8d02fa","nextRunAt":"2026-12-18T18:00:00.000Z"}')
    c.a("Reminder set for Friday 18 December at 18:00.")
    c.u("You're the best. Right, bath and bed.")
    c.a("Sleep well!")
    c.item("fact", "The cargo bike must fit through the warehouse side gate, 80 cm wide", [gate])
    c.item(
        "decision",
        "Cargo bike: Babboe Pro Trike-E (about £3,900), as the board wants",
        [prop, rev, ack],
        True,
    )
    c.item(
        "outcome",
        "Draft 4621 to Cycle Hub asks about a charity discount on the Babboe Pro Trike-E",
        [ack, redraft],
    )
    c.item("todo", "Sam test-rides the Babboe at Cycle Hub on Saturday 19 December, morning", [tr])
    c.item("outcome", "Reminder set for Friday 18 December 18:00 to remind Sam of the test ride", [tr, rem])
    c.noise += [
        "Bettina measured it twice",
        "Graham's just replied in the board chat",
        "bath and bed",
        "he forgets everything",
    ]
    return c


def c07() -> Conv:
    c = wa("07-politique-securite-fr", "2026-12-09T09:15:00", tz=1, who=CAMILLE_WA, cwd=CAMILLE)
    c.u(
        "Bonjour ! J'espère que tu vas bien. Ici il gèle, les bénévoles arrivent emmitouflés comme des "
        "bonhommes de neige. Bon, sujet sérieux : l'assurance nous demande une politique de sécurité écrite "
        "pour l'entrepôt et pour le festival. Tu peux me proposer un premier jet ? On est une petite "
        "association, il faut que ça tienne sur deux pages et que les gens la lisent vraiment."
    )
    c.a(
        "Avec plaisir. Pour deux pages, je propose cinq parties : accueil des nouveaux bénévoles, port de "
        "charges, chambre froide, fermeture de l'entrepôt, et incidents. Pour le tri, je mettrais les gants "
        "obligatoires, à cause des boîtes de conserve abîmées. Ça te va comme plan ?"
    )
    prop = c.lines[-1]["id"]
    ok = c.u(
        "Oui, parfait pour le plan et pour les gants, on a eu deux coupures en novembre. Et une règle à "
        "écrire noir sur blanc, pour toujours : jamais un bénévole seul pour fermer l'entrepôt. Toujours "
        "deux personnes, même si c'est juste pour cinq minutes."
    )
    c.a(
        "C'est noté, la fermeture se fait toujours à deux. J'écris le document.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{CAMILLE}/entrepot/politique-securite.md",
                    "content": (
                        "# Politique de sécurité : entrepôt et festival\n\n"
                        "1. Accueil : chaque nouveau bénévole fait sa première permanence en binôme.\n"
                        "2. Port de charges : pas plus de 15 kg par personne ; les caisses lourdes à deux.\n"
                        "3. Tri : gants obligatoires.\n"
                        "4. Chambre froide : la porte reste calée ouverte quand quelqu'un est dedans.\n"
                        "5. Fermeture : jamais seul, toujours deux bénévoles.\n"
                        "6. Incident : appeler le 15 (SAMU), puis prévenir la coordinatrice.\n"
                    ),
                },
            )
        ],
    )
    w = c.r(
        "Successfully wrote 561 bytes to /home/camille/.openclaw/workspace/entrepot/politique-securite.md"
    )
    c.a("Voilà, entrepot/politique-securite.md est écrit : six points, ça tient sur une page et demie.")
    corr = c.u(
        "Super, merci ! Une correction : pour l'urgence, mets le 112 et pas le 15. La moitié de nos "
        "bénévoles ne sont pas français et le 112 marche partout, avec des opérateurs qui parlent anglais."
    )
    c.a(
        "Bonne remarque, je remplace.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{CAMILLE}/entrepot/politique-securite.md",
                    "oldText": "appeler le 15 (SAMU)",
                    "newText": "appeler le 112",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/camille/.openclaw/workspace/entrepot/politique-securite.md.")
    c.a("C'est fait, le point 6 dit maintenant d'appeler le 112.")
    q = c.u(
        "Il reste une question qui me trotte dans la tête : est-ce qu'on exige une formation aux premiers "
        "secours pour les responsables de permanence ? Ça coûte environ 60 € par personne. Je ne veux pas "
        "trancher seule, je la pose au bureau en janvier."
    )
    qa = c.a("D'accord, je la laisse ouverte pour le bureau de janvier.")
    td = c.u(
        "Et Claire affichera la politique dans l'entrepôt avant le 20 janvier, elle a une plastifieuse, "
        "c'est sa grande fierté. Merci pour tout, bonne journée !"
    )
    c.a("Bonne journée, et bon courage avec le froid !")
    c.item(
        "decision",
        "Politique de sécurité : plan en cinq parties, gants obligatoires pour le tri",
        [prop, ok],
        True,
    )
    c.item(
        "fact",
        "Règle permanente : jamais un bénévole seul pour fermer l'entrepôt, toujours deux personnes",
        [ok],
        True,
    )
    c.item("outcome", "Politique de sécurité écrite dans entrepot/politique-securite.md", [w])
    c.item(
        "fact", "Correction : numéro d'urgence 112 et non le 15 dans la politique de sécurité", [corr], True
    )
    c.item(
        "open_question",
        "Exiger une formation aux premiers secours (environ 60 € par personne) pour les "
        "responsables de permanence ? Question pour le bureau en janvier",
        [q, qa],
    )
    c.item("todo", "Claire affiche la politique de sécurité dans l'entrepôt avant le 20 janvier", [td])
    c.noise += [
        "emmitouflés comme des bonhommes de neige",
        "c'est sa grande fierté",
        "bon courage avec le froid",
    ]
    return c


def c08() -> Conv:
    c = tg(
        "08-calendrier-newsletter-fr",
        "2026-12-10T17:45:00",
        tz=1,
        provider="openai-codex",
        who=CAMILLE_TG,
        cwd=CAMILLE,
    )
    c.u(
        "Coucou ! Petite question d'organisation pour la lettre d'information. Aujourd'hui on l'envoie "
        "quand quelqu'un y pense, autant dire jamais. Tu me proposes un rythme ?"
    )
    prop = c.a(
        "Deux rythmes réalistes pour une équipe bénévole :\n\n"
        "1. **Mensuel**, le premier mardi du mois, avec un numéro spécial festival en juin.\n"
        "2. **Bimestriel**, un numéro tous les deux mois, plus léger mais on perd vite le fil.\n\n"
        "Les deux marchent avec Brevo, que vous utilisez déjà."
    )
    pick = c.u("La première, sans hésiter. Si c'est tous les deux mois, on oublie.")
    hour = c.a(
        "Mensuel, donc. Pour l'heure d'envoi, je suggère 7 h 30 : vos lecteurs sont surtout des bénévoles "
        "qui lisent leurs mails avant le travail."
    )
    acted = c.u("Je viens de l'inscrire dans le planning partagé de l'équipe : premier mardi, 7 h 30.")
    c.a(
        "Très bien. Je regarde la liste dans Brevo pour préparer le premier envoi.",
        tools=[
            (
                "exec",
                {
                    "command": "curl -s -H 'api-key: xkeysib-4f8e2a91c7d3b6e05a1f-Qz7Lm2Rt' "
                    "https://api.brevo.com/v3/contacts/lists/7"
                },
            )
        ],
    )
    bad = c.r('{"code":"unauthorized","message":"Key not found"}')
    c.a(
        "Brevo répond « Key not found » : la clé utilisée n'est plus valide. Sans nouvelle clé, je ne "
        "peux pas programmer l'envoi."
    )
    later = c.u("Ah zut, c'est sûrement Lucie qui l'a régénérée. Je lui demande demain, laisse ça de côté.")
    c.a("D'accord, l'accès Brevo reste en attente d'une nouvelle clé.")
    td = c.u(
        "Sinon, Lucie écrit l'édito de février pour le 27 janvier, et Marc s'occupe des photos du marché de "
        "Noël. Tu peux me mettre un rappel le 25 pour relancer Lucie ? Gentiment, hein."
    )
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Relancer Lucie (édito)",
                        "schedule": {"kind": "at", "at": "2027-01-25T09:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Relancer gentiment Lucie pour l'édito de février",
                        },
                    },
                },
            )
        ]
    )
    rem = c.r('{"ok":true,"jobId":"job_91ab3c","nextRunAt":"2027-01-25T09:00:00.000Z"}')
    c.a("Rappel posé pour le lundi 25 janvier à 10 h, gentiment promis.")
    c.u("Merci, tu es un amour. Il fait un de ces froids, je rentre me faire une soupe.")
    c.a("Bonne soupe !")
    c.item(
        "decision",
        "Lettre d'information : mensuelle, le premier mardi du mois (numéro spécial festival en juin)",
        [prop, pick],
        True,
    )
    c.item(
        "outcome",
        "Accès à l'API Brevo refusé (« Key not found », clé invalide) : premier envoi non "
        "programmé, Camille demande une nouvelle clé à Lucie",
        [bad, later],
        True,
    )
    c.item("decision", "Heure d'envoi de la lettre : 7 h 30, le premier mardi du mois", [hour, acted], True)
    c.item("todo", "Lucie écrit l'édito de février pour le 27 janvier", [td])
    c.item("todo", "Marc s'occupe des photos du marché de Noël pour la lettre", [td])
    c.item("outcome", "Rappel posé le 25 janvier pour relancer Lucie sur l'édito", [td, rem])
    c.canaries += ["xkeysib-4f8e2a91c7d3b6e05a1f-Qz7Lm2Rt"]
    c.noise += ["autant dire jamais", "tu es un amour", "je rentre me faire une soupe"]
    return c


def c09() -> Conv:
    c = wa("09-catering-fiesta-es", "2026-12-11T12:30:00", tz=1, who=LUCIA_WA, cwd=LUCIA)
    c.u(
        "¡Hola! ¿Qué tal la semana? Aquí liadísimos con las cestas de Navidad, pero bueno, con alegría. "
        "Te cuento: para la fiesta del barrio de junio necesitamos catering para unas 300 personas. Tengo "
        "tres presupuestos en la carpeta fiesta/presupuestos. ¿Me los comparas?"
    )
    c.a(
        "¡Claro! Déjame leerlos.",
        tools=[("exec", {"command": "ls fiesta/presupuestos && cat fiesta/presupuestos/*.txt"})],
    )
    c.r(
        "casa-rosa.txt\ncatering-del-sur.txt\nsabores-lopez.txt\n"
        "Casa Rosa: 300 raciones, menú vegano y con carne, 2.850 €, incluye camareros voluntarios formados.\n"
        "Catering del Sur: 300 raciones, 3.600 €, sin opción vegana, incluye mesas.\n"
        "Sabores López: 300 raciones, 3.150 €, vegano solo bajo pedido con 30 días de antelación.\n"
    )
    prop = c.a(
        "Resumen:\n\n"
        "1. **Casa Rosa**: 2.850 €, vegano y con carne, personal incluido.\n"
        "2. **Catering del Sur**: 3.600 €, sin vegano, pero trae mesas.\n"
        "3. **Sabores López**: 3.150 €, vegano solo con 30 días de antelación.\n\n"
        "Por precio y por el menú vegano, Casa Rosa sale ganando; las mesas se las podemos pedir al "
        "ayuntamiento como el año pasado."
    )
    pick = c.u(
        "Lo de Rosa, que es la más barata y además hace vegano, la mitad del comité es vegetariana y me "
        "matarían. Y recuerda esto, que siempre se me olvida: Rosa solo acepta transferencia bancaria, "
        "nunca tarjeta ni efectivo."
    )
    c.a("Casa Rosa, entonces. Y apuntado: a Rosa se le paga siempre por transferencia.")
    q = c.u(
        "Una cosa que no sé: ¿incluimos postre? Son 450 € más. Eso lo consulto con la junta, que el año "
        "pasado hubo bronca por el presupuesto."
    )
    qa = c.a("Vale, dejo el postre pendiente hasta que lo vea la junta.")
    td = c.u(
        "Y Diego le confirma a Rosa el número de raciones antes del viernes 15 de enero, que él lleva "
        "las inscripciones."
    )
    doff = c.a("Perfecto. ¿Quieres que le prepare a Diego un borrador del correo para Rosa?")
    decl = c.u(
        "No hace falta, Diego escribe mejor que los dos juntos. ¡Gracias, guapa! Me voy a por un café."
    )
    c.a("¡Disfruta del café!")
    c.item(
        "decision",
        "Catering de la fiesta del barrio: Casa Rosa (2.850 €, menú vegano y con carne)",
        [prop, pick],
        True,
    )
    c.item(
        "fact", "Rosa (Casa Rosa) solo acepta transferencia bancaria, nunca tarjeta ni efectivo", [pick], True
    )
    c.item("open_question", "¿Incluir postre en el catering (450 € más)? Lo decide la junta", [q, qa])
    c.item("todo", "Diego confirma a Rosa el número de raciones antes del viernes 15 de enero", [td])
    c.item(
        "decision",
        "Rechazado: que el asistente prepare el borrador del correo a Rosa; Diego lo escribe él",
        [doff, decl],
        True,
    )
    c.noise += [
        "liadísimos con las cestas de Navidad",
        "Me voy a por un café",
        "Disfruta del café",
        "Déjame leerlos",
    ]
    return c


def c10() -> Conv:
    c = ui("10-orden-del-dia-junta-es", "2026-12-14T16:05:00", tz=1, provider="google", cwd=LUCIA)
    c.u(
        "Buenas tardes. Toca preparar el orden del día de la junta del jueves 21 de enero. Los temas que "
        "tengo: cuentas de 2026, la fiesta del barrio, la bici de carga, el local nuevo y ruegos y "
        "preguntas. ¿Me propones un orden?"
    )
    prop = c.a(
        "Propuesta:\n\n1. Aprobación del acta anterior\n2. Cuentas de 2026\n3. Bici de carga\n"
        "4. Local nuevo\n5. Fiesta del barrio\n6. Ruegos y preguntas\n\n"
        "Primero lo que requiere votación formal (las cuentas), luego lo demás."
    )
    counter = c.u(
        "Me gusta, pero pondría la fiesta justo después de las cuentas. Si la dejamos al final, la gente ya "
        "está cansada y es lo que más voluntarios mueve."
    )
    ok = c.a("Buena idea: la fiesta pasa al punto 3 y la bici y el local bajan uno. ¿Así?")
    fin = c.u("Vale, así queda.")
    c.a(
        "Lo guardo.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{LUCIA}/junta/orden-del-dia-2027-01.md",
                    "content": (
                        "# Junta, jueves 21 de enero de 2027\n\n1. Aprobación del acta anterior\n2. Cuentas de 2026\n"
                        "3. Fiesta del barrio\n4. Bici de carga\n5. Local nuevo\n6. Ruegos y preguntas\n"
                    ),
                },
            )
        ],
    )
    w = c.r("Successfully wrote 214 bytes to /home/lucia/.openclaw/workspace/junta/orden-del-dia-2027-01.md")
    c.a("Guardado en junta/orden-del-dia-2027-01.md.")
    corr = c.u(
        "Ay, perdona, me he equivocado de día: la junta es el viernes 22 de enero, no el jueves 21. El "
        "jueves el local parroquial lo tienen los scouts."
    )
    c.a(
        "Sin problema, lo cambio.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{LUCIA}/junta/orden-del-dia-2027-01.md",
                    "oldText": "# Junta, jueves 21 de enero de 2027",
                    "newText": "# Junta, viernes 22 de enero de 2027",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/lucia/.openclaw/workspace/junta/orden-del-dia-2027-01.md.")
    c.a("Cambiado: viernes 22 de enero.")
    c.u(
        "Gracias. Otra cosa: la contraseña del Zoom para los que se conectan desde casa es Girasol#2027, "
        "¿te la guardas para poder mandarla luego?"
    )
    c.a(
        "Prefiero no guardar contraseñas en mis notas, que quedan en texto plano. Mejor la pones tú "
        "directamente en la convocatoria, o usamos un enlace de Zoom con la contraseña incrustada."
    )
    c.u("Tienes razón, la pongo yo en la convocatoria.")
    q = c.u(
        "Y lo de subir la cuota de socios a 15 € al año, no lo meto en el orden del día todavía. No sé si "
        "es el momento, con la cuesta de enero. Lo dejamos para más adelante."
    )
    qa = c.a("De acuerdo, la subida de la cuota queda aparcada por ahora.")
    c.u("¡Gracias, de verdad! Hasta mañana.")
    c.a("¡Hasta mañana!")
    c.item(
        "decision",
        "Orden del día de la junta: la fiesta del barrio justo después de las cuentas de 2026 "
        "(punto 3), luego bici de carga y local nuevo",
        [prop, counter, ok, fin],
        True,
    )
    c.item("outcome", "Orden del día guardado en junta/orden-del-dia-2027-01.md", [w])
    c.item("fact", "Corrección: la junta es el viernes 22 de enero, no el jueves 21", [corr], True)
    c.item(
        "open_question",
        "¿Subir la cuota de socios a 15 € al año? Aplazado, no entra en este orden del día",
        [q, qa],
    )
    c.canaries += ["Girasol#2027"]
    c.noise += ["la cuesta de enero", "lo tienen los scouts", "Hasta mañana"]
    return c


def c11() -> Conv:
    c = tg("11-bancarelle-festa-it", "2026-12-15T18:40:00", tz=1, who=GIULIA_TG, cwd=GIULIA)
    c.u(
        "Ciao! Com'è andata la giornata? Io ho passato il pomeriggio a contare sedie in magazzino, 212, "
        "per la cronaca. Senti, per la festa di strada di maggio devo decidere la disposizione delle "
        "bancarelle in via Garibaldi. Ho 24 bancarelle e la strada è lunga 180 metri. Idee?"
    )
    prop = c.a(
        "212 sedie, impressionante. Per le bancarelle vedo due schemi:\n\n"
        "1. **Su un lato solo**, 24 di fila, con l'altro lato libero per i passeggini e i mezzi di "
        "soccorso.\n2. **Sui due lati**, 12 e 12, più raccolto, ma il passaggio centrale resta di circa "
        "3 metri.\n\nIo sceglierei il primo: i vigili l'anno scorso chiedevano 3,5 metri liberi."
    )
    pick = c.u("Il primo, assolutamente. Non voglio un'altra discussione con i vigili come l'anno scorso.")
    c.a(
        "Un lato solo, allora. Preparo la mappa in festa/mappa-bancarelle.md.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{GIULIA}/festa/mappa-bancarelle.md",
                    "content": (
                        "# Via Garibaldi, bancarelle (lato nord)\n\n- 1-8: cibo (vicino alle prese elettriche)\n"
                        "- 9-16: artigianato\n- 17-24: associazioni\n- Lato sud: corsia libera 3,5 m\n"
                    ),
                },
            )
        ],
    )
    w = c.r("Successfully wrote 176 bytes to /home/giulia/.openclaw/workspace/festa/mappa-bancarelle.md")
    offer = c.a("Fatto. Vuoi che scriva a tutti i titolari delle bancarelle con la loro posizione?")
    no = c.u(
        "No, grazie, li chiamo io uno per uno, molti sono anziani e una mail la perderebbero. E poi "
        "mi piace sentirli."
    )
    c.a("Capito, niente mail: li senti tu.")
    td = c.u(
        "Ah, e i gazebo li porto io dal magazzino sabato 23 gennaio, con il furgone di Paolo. Me lo segni?"
    )
    c.a("Segnato: sabato 23 gennaio, gazebo dal magazzino con il furgone di Paolo.")
    q = c.u(
        "Resta da capire se chiediamo il permesso per la musica dal vivo dopo le 22. Ne parlo con il "
        "comitato, non c'è fretta."
    )
    qa = c.a("Va bene, la musica dopo le 22 resta in sospeso finché non ne parli con il comitato.")
    c.u("Grazie mille, buona serata!")
    c.a("Buona serata a te, e riposati dopo tutte quelle sedie!")
    c.item(
        "decision",
        "Bancarelle della festa in via Garibaldi: tutte su un lato solo, l'altro lato libero (3,5 m)",
        [prop, pick],
        True,
    )
    c.item("outcome", "Mappa delle bancarelle scritta in festa/mappa-bancarelle.md", [w])
    c.item(
        "decision",
        "Rifiutato: mail ai titolari delle bancarelle; Giulia li chiama uno per uno",
        [offer, no],
        True,
    )
    c.item("todo", "Giulia porta i gazebo dal magazzino sabato 23 gennaio con il furgone di Paolo", [td])
    c.item(
        "open_question",
        "Chiedere il permesso per la musica dal vivo dopo le 22? Da discutere con il comitato",
        [q, qa],
    )
    c.noise += ["contare sedie in magazzino", "per la cronaca", "riposati dopo tutte quelle sedie"]
    return c


def c12() -> Conv:
    c = wa("12-rainy-monday-chat", "2026-12-14T07:50:00")
    c.u("Morning. It's absolutely chucking it down here and the bus is late again. How are you today?")
    c.a("Morning! Sorry about the bus. I'm fine, thanks. Anything I can help with while you wait?")
    c.u(
        "Not really, just killing time. Random question: how many grams is a cup of rice? I'm making the "
        "soup recipe from the church cookbook and it's all in cups, which is very American of it."
    )
    c.a("Uncooked long-grain rice is about 185 to 200 grams a cup; go with 190 and you won't notice.")
    c.u(
        "Ha, thank you. And how long does cooked rice keep in the fridge? We sometimes have leftovers at the "
        "larder lunch."
    )
    c.a(
        "Cool it quickly (within an hour) and it keeps a day in the fridge, two at most. Reheat it only once, "
        "until it's steaming hot."
    )
    c.u("Good to know. Oh, the bus is finally here, and it's the one with the broken heater, of course.")
    c.a("Of course it is. Stay dry!")
    c.u("Ta. Chat later.")
    c.a("Talk later!")
    c.noise += [
        "chucking it down",
        "the bus is late again",
        "how many grams is a cup of rice",
        "about 185 to 200 grams a cup",
        "keeps a day in the fridge",
        "the broken heater",
        "Stay dry",
    ]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12]

if __name__ == "__main__":
    main(CONVS, Path(__file__).resolve().parent)
