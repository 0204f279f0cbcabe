"""The fresh6 split: 14 hand-written conversations of a researcher and parent with a personal agent.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor; the envelope
(header, ids, parent chain, timestamps, usage, sender metadata, tool-call ids) comes from
``../envelope.py``. Run ``python build.py`` to rewrite this folder, or ``--out DIR`` to write elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from envelope import Conv, main  # noqa: E402

NORA = ("Nora Lindqvist", "nlindqvist", "61730482")
JANA = ("Jana Hofmann", "jana_hof", "50918273")
LUCIA = ("Lucía Ferrer", "luciaferrer", "73302915")
GIULIA = ("Giulia Rinaldi", "giu_rinaldi", "44871206")
WS = "/home/nora/.openclaw/workspace"


def grant_budget() -> Conv:
    c = Conv("01-grant-budget-sheet", "2026-11-23T08:12:00", 1, "control-ui", cwd=WS)
    c.u(
        "Morning. I need to get the budget section of the Volkswagen Foundation application into shape "
        "today, the 'Momentum' call. The spreadsheet is ~/grant/budget_v3.xlsx. Can you write a small "
        "python script that reads it and gives me totals per year and per category? Nothing fancy."
    )
    c.a(
        "Sure. Let me look at the workbook first.",
        tools=[
            (
                "exec",
                {
                    "command": 'cd ~/grant && ls -la && python3 -c "import openpyxl; print(openpyxl.__version__)"'
                },
            )
        ],
    )
    fail1 = c.r(
        "total 64\ndrwxr-xr-x  3 nora nora  4096 Nov 20 17:02 .\n-rw-r--r--  1 nora nora 38211 Nov 20 17:01 budget_v3.xlsx\n"
        '-rw-r--r--  1 nora nora  2210 Nov 18 09:44 notes.md\nTraceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
        "ModuleNotFoundError: No module named 'openpyxl'",
        exit_code=1,
    )
    c.a(
        "openpyxl isn't installed. I'll put it in a venv inside ~/grant so I don't touch your system python.",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/grant && python3 -m venv .venv && .venv/bin/pip install -q openpyxl pandas && .venv/bin/python -c \"import openpyxl, pandas; print('ok')\""
                },
            )
        ],
    )
    fix1 = c.r("ok")
    c.a(
        "Now the sheet names:",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/grant && .venv/bin/python -c \"import openpyxl; wb=openpyxl.load_workbook('budget_v3.xlsx'); print(wb.sheetnames)\""
                },
            )
        ],
    )
    c.r("['Overview', 'Staff', 'Travel', 'Equipment', 'Other']")
    c.a("Checking that the category sheets share the same columns.")
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/grant && .venv/bin/python -c \"import pandas as pd; print(pd.read_excel('budget_v3.xlsx', sheet_name='Travel').head(2))\""
                },
            )
        ]
    )
    c.r(
        "   year          item  amount_eur\n0  2027  CogSci 2027      2400.0\n1  2027  Szeged visit 1    900.0"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/grant && .venv/bin/python -c \"import pandas as pd; print(pd.read_excel('budget_v3.xlsx', sheet_name='Equipment').head(2))\""
                },
            )
        ]
    )
    c.r(
        "   year             item  amount_eur\n0  2027  EEG amplifier    16500.0\n1  2027  laptops (2)       1900.0"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/grant && .venv/bin/python -c \"import pandas as pd; print(pd.read_excel('budget_v3.xlsx', sheet_name='Staff').head(2))\""
                },
            )
        ]
    )
    c.r(
        "   year                role  amount_eur\n0  2027  postdoc (E13, 100%)   72000.0\n1  2027  student assistant    24000.0"
    )
    c.a(
        "I'll write the script.",
        tools=[
            (
                "write",
                {
                    "path": "/home/nora/grant/totals.py",
                    "content": "import sys\nimport pandas as pd\n\nSHEETS = ['Personnel', 'Travel', 'Equipment', 'Other']\n\n"
                    "def main(path):\n    frames = []\n    for name in SHEETS:\n        try:\n            df = pd.read_excel(path, sheet_name=name)\n"
                    "        except ValueError as exc:\n            print(f'ERROR: {exc}')\n            continue\n        df['category'] = name\n"
                    "        frames.append(df)\n    if not frames:\n        return\n    all_rows = pd.concat(frames)\n"
                    "    print(all_rows.pivot_table(index='category', columns='year', values='amount_eur', aggfunc='sum', margins=True))\n\n"
                    "if __name__ == '__main__':\n    main(sys.argv[1])\n",
                },
            )
        ],
    )
    c.r("Successfully wrote 640 bytes to /home/nora/grant/totals.py")
    c.a(
        "Running it.",
        tools=[("exec", {"command": "cd ~/grant && .venv/bin/python totals.py budget_v3.xlsx"})],
    )
    silent = c.r(
        "ERROR: Worksheet named 'Personnel' not found\nyear          2027     2028     2029       All\ncategory\n"
        "Equipment   18400.0   2500.0      0.0   20900.0\nOther        3200.0   3200.0   4100.0   10500.0\n"
        "Travel       6800.0   7400.0   9100.0   23300.0\nAll         28400.0  13100.0  13200.0   54700.0"
    )
    c.a(
        "That exited cleanly but it's wrong: I guessed the staff sheet was called 'Personnel', it's 'Staff', "
        "so the biggest block of the budget is missing from the totals. Fixing the name.",
        tools=[
            (
                "edit",
                {
                    "path": "/home/nora/grant/totals.py",
                    "oldText": "SHEETS = ['Personnel',",
                    "newText": "SHEETS = ['Staff',",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/nora/grant/totals.py")
    c.a(tools=[("exec", {"command": "cd ~/grant && .venv/bin/python totals.py budget_v3.xlsx"})])
    ok = c.r(
        "year          2027      2028      2029        All\ncategory\nEquipment   18400.0    2500.0       0.0    20900.0\n"
        "Other        3200.0    3200.0    4100.0    10500.0\nStaff       96000.0   98880.0  101846.0   296726.0\n"
        "Travel       6800.0    7400.0    9100.0    23300.0\nAll        124400.0  111980.0  115046.0   351426.0"
    )
    c.a(
        "Now it's complete. Direct costs come to €351,426 over the three years (2027-2029), of which staff is "
        "€296,726, about 84%. The Momentum call caps the total at €1M so you're well under."
    )
    c.u(
        "Great, thanks. Hmm, that's lower than I thought. Oh and before I forget: the program officer is "
        "Dr. Henrike Sauer, any formal question goes to her and not to the general hotline, she was very clear "
        "about that. Anyway. The question I actually have: overhead. The foundation allows either a flat 20% "
        "on direct costs, or the university's actual rate if we document it, which the finance office says is "
        "23.5%. Which one should I put in?"
    )
    c.a(
        "Two options then:\n\n1. **Flat 20%**: €70,285 overhead, no extra paperwork, nobody will question it.\n"
        "2. **Documented 23.5%**: €82,585, about €12,300 more, but you need the finance office's signed rate "
        "certificate attached to the application, and they're often slow in December.\n\n"
        "Given the deadline I'd lean to the flat rate, but the difference is a part-time student assistant for a year."
    )
    c.u(
        "Let me check how long finance takes for the certificate before I decide. I've sent them an email. "
        "Meanwhile can you add a column with the 20% just so I can see it?"
    )
    c.a(
        "Adding an overhead row for the 20% case.",
        tools=[
            (
                "edit",
                {
                    "path": "/home/nora/grant/totals.py",
                    "oldText": "    print(all_rows.pivot_table(index='category', columns='year', values='amount_eur', aggfunc='sum', margins=True))",
                    "newText": "    table = all_rows.pivot_table(index='category', columns='year', values='amount_eur', aggfunc='sum', margins=True)\n    table.loc['Overhead 20%'] = table.loc['All'] * 0.20\n    print(table)",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/nora/grant/totals.py")
    c.a(tools=[("exec", {"command": "cd ~/grant && .venv/bin/python totals.py budget_v3.xlsx | tail -2"})])
    c.r(
        "All            124400.0  111980.0  115046.0  351426.0\nOverhead 20%    24880.0   22396.0   23009.2   70285.2"
    )
    c.a("There it is: €70,285.20 of overhead at 20%, spread 24,880 / 22,396 / 23,009 over the three years.")
    c.u(
        "Finance replied. They can't issue the certificate before 8 January, and we submit on the 12th, too "
        "tight. So go with the flat one. Put that in the budget justification draft too, please."
    )
    ack = c.a(
        "Makes sense. I'll use the flat 20% throughout and note it in the justification.",
        tools=[("read", {"path": "/home/nora/grant/notes.md"})],
    )
    c.r(
        "# Momentum application\n\n- submission portal: https://portal.volkswagenstiftung.de (login in 1Password)\n"
        "- deadline 12 Jan 2027, 14:00 CET\n- co-applicant: Prof. Imre Kovács (Szeged)\n\n## budget justification\n\n(todo)\n"
    )
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "/home/nora/grant/notes.md",
                    "oldText": "(todo)\n",
                    "newText": "Direct costs EUR 351,426 (2027-2029), staff 84%. Overhead: flat 20% of direct costs "
                    "(EUR 70,285), as allowed by the call; no rate certificate needed.\n",
                },
            )
        ]
    )
    c.r("Successfully replaced text in /home/nora/grant/notes.md")
    c.a("Done, the justification section in notes.md now has the totals and the flat 20% overhead.")
    c.u(
        "Perfect. Last thing: Imre still owes me his CV in the foundation's two-page format. Can you remind me "
        "on Monday 30 November at 9 to chase him if I haven't got it?"
    )
    c.a(
        "Setting that reminder.",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "chase Imre CV",
                        "schedule": {"kind": "at", "at": "2026-11-30T08:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Chase Imre Kovács for his two-page CV (Momentum application)",
                        },
                    },
                },
            )
        ],
    )
    rem = c.r('{"ok":true,"jobId":"job_7f3a21","nextRunAt":"2026-11-30T08:00:00.000Z"}')
    c.a("Reminder set for Monday 30 November, 09:00 your time: chase Imre for the two-page CV.")
    c.u("thanks, that's all for now")
    c.a("Good luck with the rest of the application.")
    c.item(
        "outcome",
        "totals.py in ~/grant computes budget_v3.xlsx totals per year and category; the sheet is 'Staff' not 'Personnel'; direct costs EUR 351,426 (2027-2029)",
        [fail1, fix1, silent, ok],
    )
    c.item(
        "fact",
        "The program officer is Dr. Henrike Sauer; formal questions go to her, not the general hotline",
        [_find(c, "Dr. Henrike Sauer")],
    )
    c.item(
        "decision",
        "Overhead in the Momentum budget: the flat 20% on direct costs (EUR 70,285)",
        [_find(c, "Two options then"), _find(c, "So go with the flat one"), ack],
        True,
    )
    c.item(
        "outcome",
        "Budget justification in ~/grant/notes.md written: direct costs EUR 351,426, flat 20% overhead",
        [_find(c, "Done, the justification section")],
    )
    c.item(
        "todo",
        "Remind Nora on Monday 30 November at 09:00 to chase Imre Kovács for his two-page CV",
        [_find(c, "Imre still owes me"), rem],
    )
    c.noise.extend(
        [
            "Let me look at the workbook first",
            "Running it.",
            "thanks, that's all for now",
            "Good luck with the rest of the application",
        ]
    )
    return c


def _find(c: Conv, needle: str) -> str:
    """The id of the last message entry whose text holds needle (for gold evidence)."""
    for line in reversed(c.lines):
        msg = line.get("message")
        if not msg:
            continue
        content = msg["content"]
        texts = [content] if isinstance(content, str) else [b.get("text", "") for b in content]
        if any(needle in t for t in texts):
            return str(line["id"])
    raise KeyError(needle)


def appointments() -> Conv:
    c = Conv("02-pediatrician-and-dentist", "2026-11-24T06:55:00", 1, "telegram", sender=NORA, cwd=WS)
    c.u("morning! quick one before school run")
    c.a("Morning Nora, go ahead.")
    p1 = c.u(
        "Mila has her check-up (the U10) at the pediatrician. It's Dr. Brandt at Praxis am Südpark, same as "
        "always, they moved to Südpark 14 in the summer btw, the old address on Kantstraße is wrong now. "
        "Appointment is Thursday 10 December. Can you put it in the family calendar?"
    )
    c.a(
        "Putting it in.",
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "calendar": "Family",
                    "title": "Mila U10 check-up, Dr. Brandt",
                    "start": "2026-12-10T10:30:00+01:00",
                    "durationMinutes": 45,
                    "location": "Praxis am Südpark, Südpark 14",
                },
            )
        ],
    )
    ev1 = c.r('{"ok":true,"eventId":"evt_51c0d2","start":"2026-12-10T10:30:00+01:00"}')
    c.a("Added: Thursday 10 December, 10:30, Mila's U10 at Dr. Brandt, Praxis am Südpark, Südpark 14.")
    corr = c.u("no, 10:15. they said come 15 min early for the hearing test, so be there 10:00 really")
    c.a(
        "Fixing the time to 10:15.",
        tools=[
            (
                "calendar",
                {
                    "action": "update",
                    "eventId": "evt_51c0d2",
                    "start": "2026-12-10T10:15:00+01:00",
                    "notes": "arrive 10:00 for hearing test",
                },
            )
        ],
    )
    ev2 = c.r('{"ok":true,"eventId":"evt_51c0d2","start":"2026-12-10T10:15:00+01:00"}')
    c.a("Updated: 10:15, with a note to arrive at 10:00 for the hearing test.")
    c.u(
        "thanks. Also my own dentist, I keep putting it off. Is there anything free at Dr. Yilmaz before Christmas? "
        "Their online booking is on doctolib"
    )
    c.a(
        "Let me check.",
        tools=[
            (
                "exec",
                {
                    "command": "curl -s 'https://www.doctolib.de/availabilities.json?practice_id=88213&visit_motive_id=1042&start_date=2026-12-01&limit=14'"
                },
            )
        ],
    )
    c.r(
        '{"availabilities":[{"date":"2026-12-15","slots":["08:00","16:40"]},{"date":"2026-12-17","slots":["12:20"]},{"date":"2026-12-22","slots":["09:10","09:50"]}],"total":5}'
    )
    offer = c.a(
        "Dr. Yilmaz has five free check-up slots before Christmas:\n- Tue 15 Dec: 08:00 or 16:40\n- Thu 17 Dec: 12:20\n"
        "- Tue 22 Dec: 09:10 or 09:50\n\nWhich one should I book?"
    )
    c.u("the lunchtime one. my Thursdays are free-ish")
    c.a(
        "Booking Thursday 17 December, 12:20.",
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "calendar": "Nora",
                    "title": "Dentist check-up, Dr. Yilmaz",
                    "start": "2026-12-17T12:20:00+01:00",
                    "durationMinutes": 30,
                },
            )
        ],
    )
    ev3 = c.r('{"ok":true,"eventId":"evt_51c0e9","start":"2026-12-17T12:20:00+01:00"}')
    c.a(
        "Done, the dentist is in your calendar for Thursday 17 December at 12:20. I've only held it in the calendar; you still need to confirm on doctolib, since I can't log in there."
    )
    c.u("ok I'll confirm it tonight")
    flu = c.u(
        "and the flu shot for the kids, the pediatrician offered it at the U10. I'm not sure, I want to talk to "
        "Tomás first, he had opinions last year. Don't do anything about it yet"
    )
    c.a("Understood, I'll leave the flu shot alone until you and Tomás have decided.")
    c.u("👍 gotta run")
    c.item(
        "fact",
        "Dr. Brandt's practice (Praxis am Südpark) moved to Südpark 14; the old Kantstraße address is wrong",
        [p1],
    )
    c.item(
        "fact",
        "Correction: Mila's U10 check-up is at 10:15, not 10:30, on Thursday 10 December; arrive 10:00 for the hearing test",
        [ev1, corr, ev2],
        True,
    )
    c.item(
        "decision",
        "Dentist check-up at Dr. Yilmaz: Thursday 17 December, 12:20",
        [offer, _find(c, "the lunchtime one"), ev3],
        True,
    )
    c.item(
        "todo",
        "Nora confirms the Dr. Yilmaz appointment on doctolib tonight",
        [_find(c, "you still need to confirm on doctolib"), _find(c, "ok I'll confirm it tonight")],
    )
    c.item(
        "open_question",
        "Flu shot for the kids at the U10: undecided until Nora has talked to Tomás",
        [flu, _find(c, "leave the flu shot alone")],
    )
    c.noise.extend(["quick one before school run", "Morning Nora, go ahead.", "gotta run", "Let me check."])
    return c


def reading_group() -> Conv:
    c = Conv("03-reading-group-january", "2026-11-25T19:40:00", 1, "telegram", sender=NORA, cwd=WS)
    c.u(
        "Reading group admin time. We finished 'The Dawn of Everything' last week, finally, it took us four "
        "sessions. For January people suggested two: 'Braiding Sweetgrass' and 'The Ministry for the Future'. "
        "Which is better for a group that's half scientists, half not?"
    )
    q = c.a(
        "Both work, they're quite different:\n\n- **Braiding Sweetgrass** (Kimmerer): ~390 pages, essays, easy to "
        "read in pieces, people can drop in even if they missed a chapter.\n- **The Ministry for the Future** "
        "(Robinson): ~560 pages, a novel with a lot of policy and economics, more to argue about, but a long read "
        "for one month.\n\nFor a mixed group with one session, Braiding Sweetgrass is the safer pick."
    )
    pick = c.u("yeah the shorter one. December is chaos for everyone, nobody will finish 560 pages")
    c.a("Braiding Sweetgrass for January then.")
    rule = c.u(
        "Can you draft the invite for the group chat? Usual format. Oh, and one thing to keep in mind from now "
        "on: never put the group on a Wednesday, Amira and Jonas both teach Wednesday evenings and they were "
        "annoyed we did that twice. Tuesday or Thursday is fine."
    )
    c.a("Noted, no Wednesdays. Which date in January? The 14th is a Thursday, the 19th a Tuesday.")
    c.u("hmm 14th is too soon after holidays. 21st?")
    c.a("The 21st is a Thursday, that works with your rule.")
    c.u("21st then, 19:30, at mine")
    c.a(
        "Draft:\n\n> Hi all! January book is **Braiding Sweetgrass** by Robin Wall Kimmerer. We meet Thursday 21 "
        "January, 19:30, at Nora's. Essays, so read as much as you can, any order is fine. Bring snacks if you like!\n\n"
        "Want me to change anything?"
    )
    c.u("perfect, I'll post it myself. who's hosting Feb, do you know?")
    c.a(
        "I don't have that anywhere in my notes. Last time you said hosting rotates but you didn't say the order."
    )
    oq = c.u("ugh, right. I'll ask in the chat, let's leave it for now")
    c.a("OK, open for now.")
    c.item("decision", "Reading group January book: Braiding Sweetgrass (the shorter one)", [q, pick], True)
    c.item(
        "fact",
        "Never schedule the reading group on a Wednesday (Amira and Jonas teach Wednesday evenings); Tuesday or Thursday is fine",
        [rule],
        True,
    )
    c.item(
        "decision",
        "January reading group meets Thursday 21 January, 19:30, at Nora's",
        [_find(c, "hmm 14th is too soon"), _find(c, "21st then, 19:30")],
        True,
    )
    c.item(
        "open_question",
        "Who hosts the reading group in February: Nora will ask in the group chat",
        [_find(c, "who's hosting Feb"), oq],
    )
    c.noise.extend(
        [
            "Reading group admin time",
            "Bring snacks if you like",
            "I'll post it myself",
            "it took us four sessions",
        ]
    )
    return c


def rainy_sunday() -> Conv:
    c = Conv("04-rainy-sunday-chat", "2026-11-29T10:05:00", 1, "telegram", sender=NORA, cwd=WS)
    c.u("hi. it's pouring and the kids are bouncing off the walls")
    c.a("Classic late-November Sunday. Indoor plans or are you braving it?")
    c.u("indoor. any idea how long you boil an egg for soft? Leo wants dippy eggs")
    c.a(
        "For a runny yolk with set white: about 6 minutes from putting the egg into already boiling water, then straight into cold water for a minute. 5 if the eggs are small."
    )
    c.u("6 it is. worked btw, he's happy")
    c.a("Glad to hear it. Dippy eggs solve most things.")
    c.u("what's a good board game for a 7 and a 10 year old that isn't Monopoly, I can't do Monopoly again")
    c.a(
        "A few that work across that age gap:\n- **Ticket to Ride: First Journey**: quick, easy rules\n- **Dixit**: pictures, no reading needed, and adults like it too\n"
        "- **Kingdomino**: 15 minutes a game, a bit of strategy for the older one"
    )
    c.u("oh we have Dixit somewhere! forgot about it. ok off to dig it out")
    c.a("Have fun, hope the rain stops by the afternoon.")
    c.u("ha, unlikely. thanks!")
    c.noise.extend(
        [
            "it's pouring and the kids are bouncing off the walls",
            "about 6 minutes",
            "Dippy eggs solve most things",
            "Ticket to Ride: First Journey",
            "hope the rain stops",
        ]
    )
    return c


def receipts() -> Conv:
    c = Conv(
        "05-tax-receipts-ocr",
        "2026-11-26T20:30:00",
        1,
        "pi",
        provider="openai-codex",
        cwd="/home/nora/finance",
    )
    c.u(
        "I want to get the 2026 tax stuff done early for once. All receipts are scanned as PDFs in "
        "~/finance/receipts/2026. The plan: send them through the OCR service the institute pays for (Parsewell), "
        "get the amounts and dates back, and build one CSV I can give to our tax advisor, Frau Kessler. "
        "The API token is in my head, here: PW-live-7c1e0b93f4aa2d8e. Start with a test upload of one file."
    )
    c.a(
        "Let me see how many there are first.",
        tools=[
            (
                "bash",
                {"command": "ls ~/finance/receipts/2026 | wc -l && ls ~/finance/receipts/2026 | head -3"},
            )
        ],
    )
    c.r("47\n2026-01-08_pharmacy.pdf\n2026-01-19_train_db.pdf\n2026-02-02_daycare.pdf")
    c.a(
        "47 PDFs. A test upload of the first one:",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X POST https://api.parsewell.io/v2/jobs -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e' -F file=@/home/nora/finance/receipts/2026/2026-01-08_pharmacy.pdf -F schema=receipt"
                },
            )
        ],
    )
    c.r('{"job_id":"job_a81f","status":"queued"}')
    c.a(
        "Queued. Polling until it's done.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ],
    )
    c.r('{"job_id":"job_a81f","status":"running","progress":0.4}')
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ]
    )
    c.r('{"job_id":"job_a81f","status":"running","progress":0.5}')
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ]
    )
    c.r('{"job_id":"job_a81f","status":"running","progress":0.6}')
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ]
    )
    c.r('{"job_id":"job_a81f","status":"running","progress":0.6}')
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ]
    )
    c.r('{"job_id":"job_a81f","status":"running","progress":0.8}')
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ]
    )
    c.r('{"job_id":"job_a81f","status":"running","progress":0.9}')
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; curl -s https://api.parsewell.io/v2/jobs/job_a81f -H 'Authorization: Bearer PW-live-7c1e0b93f4aa2d8e'"
                },
            )
        ]
    )
    c.r(
        '{"job_id":"job_a81f","status":"done","result":{"date":"2026-01-08","merchant":"Apotheke am Markt","total":23.85,"currency":"EUR","vat":3.81}}'
    )
    c.a(
        "Works: 2026-01-08, Apotheke am Markt, €23.85. About 25 seconds per file. I'll write a script that submits "
        "all 47, polls, and writes receipts_2026.csv. I'll read the token from an environment variable rather than "
        "putting it in the script."
    )
    c.u("yes good, env var. PARSEWELL_TOKEN. go")
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "/home/nora/finance/ocr_receipts.py",
                    "content": "import csv, os, sys, time, pathlib, requests\n\nAPI = 'https://api.parsewell.io/v2/jobs'\n"
                    "HDR = {'Authorization': 'Bearer ' + os.environ['PARSEWELL_TOKEN']}\n\n"
                    "def run(folder, out):\n    rows = []\n    for pdf in sorted(pathlib.Path(folder).glob('*.pdf')):\n"
                    "        job = requests.post(API, headers=HDR, files={'file': pdf.open('rb')}, data={'schema': 'receipt'}).json()\n"
                    "        while True:\n            st = requests.get(f\"{API}/{job['job_id']}\", headers=HDR).json()\n"
                    "            if st['status'] in ('done', 'failed'):\n                break\n            time.sleep(5)\n"
                    "        if st['status'] == 'failed':\n            print(f'failed: {pdf.name}: {st.get(\"error\")}')\n            continue\n"
                    "        r = st['result']\n        rows.append([pdf.name, r['date'], r['merchant'], r['total'], r['vat']])\n"
                    "    with open(out, 'w', newline='') as fh:\n        w = csv.writer(fh)\n        w.writerow(['file', 'date', 'merchant', 'total_eur', 'vat_eur'])\n"
                    "        w.writerows(rows)\n    print(f'wrote {len(rows)} rows to {out}')\n\nif __name__ == '__main__':\n    run(sys.argv[1], sys.argv[2])\n",
                },
            )
        ]
    )
    c.r("Successfully wrote 1012 bytes to /home/nora/finance/ocr_receipts.py")
    c.a(
        tools=[
            ("bash", {"command": "cd ~/finance && python3 ocr_receipts.py receipts/2026 receipts_2026.csv"})
        ]
    )
    f1 = c.r(
        'Traceback (most recent call last):\n  File "/home/nora/finance/ocr_receipts.py", line 4, in <module>\n'
        "    HDR = {'Authorization': 'Bearer ' + os.environ['PARSEWELL_TOKEN']}\n  File \"<frozen os>\", line 679, in __getitem__\n"
        "KeyError: 'PARSEWELL_TOKEN'",
        exit_code=1,
    )
    c.a(
        "The variable isn't set in this shell. I'll export it just for this run.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/finance && PARSEWELL_TOKEN=PW-live-7c1e0b93f4aa2d8e timeout 1800 python3 ocr_receipts.py receipts/2026 receipts_2026.csv"
                },
            )
        ],
    )
    f2 = c.r(
        "failed: 2026-03-14_hardware_store.pdf: unreadable: image resolution below 150 dpi\n"
        "failed: 2026-07-30_summer_camp.pdf: unreadable: image resolution below 150 dpi\nwrote 45 rows to receipts_2026.csv"
    )
    c.a(
        "45 of 47 went through. Two scans are too low-resolution for the OCR:\n- 2026-03-14_hardware_store.pdf\n"
        "- 2026-07-30_summer_camp.pdf\n\nThe summer camp one matters, childcare costs are deductible. Do you still have "
        "the paper originals? A rescan at 300 dpi would fix both."
    )
    c.u(
        "Summer camp I have as an email somewhere, the hardware store one is gone probably. Let me look tomorrow."
    )
    c.a("OK. I'll leave those two out of the CSV for now.")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/finance && python3 -c \"import csv; r=list(csv.DictReader(open('receipts_2026.csv'))); print(len(r), round(sum(float(x['total_eur']) for x in r),2))\""
                },
            )
        ]
    )
    c.r("45 4318.62")
    c.a("The CSV has 45 receipts totalling €4,318.62.")
    c.u(
        "Great. And can you remember my online banking PIN too, it's 58213, so you can download the bank "
        "statements next time?"
    )
    c.a(
        "I'd rather not keep your banking PIN: it would sit in plain text in my notes and in this session's log. "
        "If you want statements downloaded, export them from the bank yourself into ~/finance/statements and I'll "
        "take it from there."
    )
    c.u("fair enough")
    rule = c.u(
        "Oh, and one rule for everything tax related: Frau Kessler wants amounts with a comma as the decimal "
        "separator and semicolons between columns, she opens everything in German Excel. Always do it that way for her."
    )
    c.a(
        "Converting the file to semicolons and decimal commas.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/finance && python3 -c \"import csv; r=list(csv.reader(open('receipts_2026.csv'))); w=csv.writer(open('receipts_2026_kessler.csv','w',newline=''),delimiter=';'); [w.writerow([c.replace('.',',') if c.replace('.','',1).isdigit() else c for c in row]) for row in r]\" && head -2 receipts_2026_kessler.csv"
                },
            )
        ],
    )
    conv = c.r(
        "file;date;merchant;total_eur;vat_eur\n2026-01-08_pharmacy.pdf;2026-01-08;Apotheke am Markt;23,85;3,81"
    )
    c.a(
        "receipts_2026_kessler.csv is ready: semicolons, decimal commas, 45 receipts. The two missing scans are still open."
    )
    c.item(
        "outcome",
        "ocr_receipts.py sent the 2026 receipts through Parsewell; receipts_2026.csv has 45 of 47 receipts (EUR 4,318.62) after fixing the unset PARSEWELL_TOKEN",
        [f1, f2, _find(c, "45 4318.62")],
    )
    c.item(
        "outcome",
        "Unresolved: 2026-03-14_hardware_store.pdf and 2026-07-30_summer_camp.pdf failed OCR (below 150 dpi) and are missing from the CSV",
        [f2, _find(c, "Summer camp I have as an email")],
        True,
    )
    c.item(
        "fact",
        "The Parsewell token is read from the PARSEWELL_TOKEN environment variable, not stored in the script",
        [_find(c, "The variable isn't set"), _find(c, "yes good, env var")],
    )
    c.item(
        "fact",
        "For Frau Kessler (tax advisor), always use semicolons between columns and a comma as decimal separator",
        [rule],
        True,
    )
    c.item(
        "outcome",
        "receipts_2026_kessler.csv written in Frau Kessler's format (semicolons, decimal commas)",
        [conv, _find(c, "receipts_2026_kessler.csv is ready")],
    )
    c.item(
        "todo",
        "Nora looks for the summer camp receipt email and the hardware store original tomorrow",
        [_find(c, "Let me look tomorrow")],
    )
    c.canaries.extend(["PW-live-7c1e0b93f4aa2d8e", "58213"])
    c.noise.extend(
        [
            "Let me see how many there are first",
            "Queued. Polling until it's done.",
            "fair enough",
            "About 25 seconds per file",
        ]
    )
    return c


def conference_trip() -> Conv:
    c = Conv("06-conference-trip-montreal", "2026-11-27T13:10:00", 1, "control-ui", cwd=WS)
    c.u(
        "I got the talk accepted at the Cognitive Science Society meeting, it's in Montréal, 28 to 31 July 2027! "
        "So, travel. I'm flying from Berlin. Can you look at options? I'd like to leave on the 26th to have a day "
        "to recover, and I come back on 1 August."
    )
    c.a(
        "Congratulations! Let me search.",
        tools=[
            (
                "exec",
                {"command": "flightsearch --from BER --to YUL --out 2027-07-26 --back 2027-08-01 --max 4"},
            )
        ],
    )
    c.r(
        "1  LH 476 via FRA   dep 07:10 arr 12:55  1 stop  EUR 1,112\n2  AC 877 via FRA   dep 06:00 arr 13:15  1 stop  EUR 986\n"
        "3  TS 273 direct*   dep 12:40 arr 14:50  direct  EUR 874  (*seasonal, Air Transat, 23kg not included)\n"
        "4  KL 1818 via AMS  dep 09:30 arr 15:40  1 stop  EUR 1,045"
    )
    prop = c.a(
        "Four options for 26 July out, 1 August back:\n\n1. Lufthansa via Frankfurt, €1,112\n2. Air Canada via Frankfurt, €986\n"
        "3. Air Transat direct, €874, but checked luggage is extra (about €70 each way)\n4. KLM via Amsterdam, €1,045\n\n"
        "The direct one is cheapest even with a bag, and no connection."
    )
    c.u("ok the direct. I hate changing in Frankfurt")
    c.a("Air Transat direct it is. Shall I hold it? The fare is refundable for 24 hours.")
    c.u(
        "Wait. I just checked the university travel policy again, section 4.2. For anything paid from the grant "
        "we have to fly with a Star Alliance airline when there's one available. Transat isn't. So, Air Canada, "
        "even with Frankfurt. Sigh."
    )
    rev = c.a(
        "Right, then it's AC 877 via Frankfurt, €986, departing 06:00 on 26 July. I'll hold that one instead.",
        tools=[
            (
                "exec",
                {
                    "command": "flightsearch --hold AC877-20270726 --return AC876-20270801 --name 'LINDQVIST/NORA MS'"
                },
            )
        ],
    )
    held = c.r("HOLD OK  ref QX7P2M  expires 2026-11-28T13:20Z  total EUR 986.00")
    c.a(
        "Held: booking reference QX7P2M, €986, valid until tomorrow 14:20 your time. Book it through the travel office before then."
    )
    rule = c.u(
        "Thanks. Note for the future: grant-paid flights are Star Alliance whenever available, that's the rule. "
        "And for seats I like a window, I sleep better, especially overnight."
    )
    c.a("Noted, both.")
    c.u(
        "Hotel: the conference has a block at the Hotel Bonaventure, CAD 289 a night. Or there's student-ish "
        "housing at McGill residences for CAD 110. Which one would you do?"
    )
    c.a(
        "With five nights, the residences save you about CAD 900. They're a 15-minute walk from the venue. The "
        "Bonaventure is in the venue building though, which helps if you want to rest between sessions. On a grant "
        "budget I'd do McGill."
    )
    c.u("McGill. The kids aren't coming so I don't need anything fancy")
    c.a(
        "McGill residences, 26 July to 1 August. Their booking opens on 1 March 2027, I can't reserve before that."
    )
    oq = c.u("set me a reminder for 1 March then")
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "McGill residence booking",
                        "schedule": {"kind": "at", "at": "2027-03-01T08:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Book McGill residence for CogSci Montréal, 26 Jul - 1 Aug 2027",
                        },
                    },
                },
            )
        ]
    )
    rem = c.r('{"ok":true,"jobId":"job_90bd4e","nextRunAt":"2027-03-01T08:00:00.000Z"}')
    c.a("Reminder set for 1 March 2027, 09:00.")
    c.item(
        "decision",
        "Flight to CogSci Montréal: AC 877 via Frankfurt, 26 July out, 1 August back (EUR 986, Star Alliance rule)",
        [prop, _find(c, "So, Air Canada"), rev],
        True,
    )
    c.item(
        "outcome",
        "Flight hold QX7P2M (EUR 986) expires 2026-11-28 13:20 UTC; book through the travel office before then",
        [held, _find(c, "Held: booking reference")],
    )
    c.item(
        "fact",
        "Grant-paid flights must be Star Alliance whenever one is available (university travel policy, section 4.2)",
        [_find(c, "section 4.2"), rule],
        True,
    )
    c.item("fact", "Nora prefers a window seat", [rule])
    c.item(
        "decision",
        "Montréal accommodation: McGill residences (CAD 110 a night)",
        [_find(c, "On a grant budget I'd do McGill"), _find(c, "McGill. The kids")],
        True,
    )
    c.item("todo", "Book the McGill residence when booking opens on 1 March 2027 (reminder set)", [oq, rem])
    c.noise.extend(
        ["Congratulations! Let me search.", "I hate changing in Frankfurt", "Noted, both.", "Sigh."]
    )
    return c


def school() -> Conv:
    c = Conv("07-school-clubs-and-forms", "2026-11-30T16:45:00", 1, "telegram", sender=NORA, cwd=WS)
    c.u("hey, school stuff. the Grundschule sent 3 emails today and I can't face them. can you summarise?")
    c.a(
        "Sure, checking your inbox.",
        tools=[
            (
                "exec",
                {"command": "mailcli search --from '@gs-lindenhof.de' --since 2026-11-30 --format summary"},
            )
        ],
    )
    c.r(
        "1. 'AG-Wahl 2. Halbjahr' - choose an after-school club for Leo (3b) by 11 Dec: Robotik (Tue), Fußball (Thu), Chor (Wed)\n"
        "2. 'Einverständniserklärung Eislaufen' - consent form for the ice-skating trip on 18 Dec, signed by both parents\n"
        "3. 'Elternsprechtag' - parent-teacher slots 14-16 Jan, booking via the school app"
    )
    c.a(
        "Three things:\n1. Pick an after-school club for Leo for the second half-year, by 11 December: robotics (Tue), football (Thu) or choir (Wed).\n"
        "2. A consent form for the ice-skating trip on 18 December, needs both parents' signatures.\n3. Parent-teacher days 14-16 January, booked in the school app."
    )
    dec = c.u(
        "Right. Club: we talked about it at dinner yesterday, Leo wants robotics and honestly football on Thursday "
        "clashes with swimming anyway. So robotics, not football. Can you reply to the school?"
    )
    c.a(
        "Sending it.",
        tools=[
            (
                "exec",
                {
                    "command": "mailcli reply --id 1 --body 'Guten Tag, Leo Lindqvist (3b) meldet sich für die Robotik-AG (dienstags) an. Viele Grüße, Nora Lindqvist'"
                },
            )
        ],
    )
    sent = c.r("sent: message-id <20261130T1652.4471@gs-lindenhof.de>")
    c.a("Sent: Leo is signed up for the robotics club on Tuesdays.")
    todo = c.u(
        "Consent form: I'll sign today, Tomás has to sign too, he's back Thursday. So Tomás signs it by Thursday 3 "
        "December and then it goes back in Leo's folder."
    )
    offer = c.a(
        "Got it. Want me to set a weekly reminder on Sundays to check the school emails, so they don't pile up like this?"
    )
    rej = c.u("no thanks, that would just make me feel guilty every Sunday 😅")
    c.a("Fair, no weekly reminder.")
    c.u(
        "Parent-teacher day: Ms Okonkwo is the class teacher. Something on the 15th in the afternoon ideally. "
        "Can you book that in the app?"
    )
    c.a("Let me try.", tools=[("exec", {"command": "schoolapp slots --teacher Okonkwo --date 2027-01-15"})])
    fail = c.r("error: authentication required (2FA). run `schoolapp login` on a trusted device", exit_code=2)
    c.a(
        "The school app needs a login with 2FA on your phone, so I can't book there. Booking is blocked until you log in."
    )
    c.u("ok I'll do it myself tomorrow when I have the phone free")
    c.item(
        "decision",
        "Leo's after-school club for the second half-year: robotics (Tuesdays), not football",
        [dec, sent],
        True,
    )
    c.item(
        "todo",
        "Tomás signs the ice-skating consent form (trip 18 December) by Thursday 3 December; then it goes in Leo's folder",
        [todo],
    )
    c.item("decision", "Rejected: a weekly Sunday reminder to check the school emails", [offer, rej], True)
    c.item(
        "todo",
        "Nora books a parent-teacher slot with Ms Okonkwo (15 January afternoon) in the school app tomorrow; the agent can't (2FA)",
        [fail, _find(c, "I'll do it myself tomorrow")],
    )
    c.noise.extend(["I can't face them", "Sure, checking your inbox.", "Fair, no weekly reminder."])
    return c


def survey_analysis() -> Conv:
    c = Conv(
        "08-survey-wave2-cleaning",
        "2026-12-01T09:20:00",
        1,
        "control-ui",
        cwd="/home/nora/projects/sleep-survey",
    )
    c.u(
        "Research hat on today. The second wave of the sleep survey came in, data/raw/wave2.csv in the project. "
        "I need a cleaned file for the analysis and a quick look at the response rates. Config with the paths is in config.toml."
    )
    c.a(
        "Reading the config first.",
        tools=[("read", {"path": "/home/nora/projects/sleep-survey/config.toml"})],
    )
    c.r(
        '[paths]\nraw = "data/raw"\nclean = "data/clean"\n\n[qualtrics]\nbase_url = "https://fra1.qualtrics.com/API/v3"\n'
        'api_token = "QTx9fK2mLw8vR4nP0sZq7bY3"\nsurvey_id = "SV_3kPq9xZ"\n'
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && wc -l data/raw/wave2.csv && head -3 data/raw/wave2.csv"
                },
            )
        ]
    )
    c.r(
        "1287 data/raw/wave2.csv\nResponseId,StartDate,Finished,age,group,psqi_total,bedtime,waketime,consent\n"
        "R_01a,2026-11-02 08:14,True,34,control,6,23:30,07:00,yes\nR_01b,2026-11-02 08:20,False,,,,,,yes"
    )
    rule = c.u(
        "Before you start: the raw folder is sacred. Never write into data/raw, not even a temp file, "
        "everything derived goes to data/clean. I lost a file that way in 2024."
    )
    c.a("Understood: data/raw is read-only for me, all outputs go to data/clean.")
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "/home/nora/projects/sleep-survey/scripts/clean_wave2.py",
                    "content": "import pandas as pd\n\nraw = pd.read_csv('data/raw/wave2.csv')\nraw = raw[raw['consent'] == 'yes']\n"
                    "done = raw[raw['Finished']]\ndone = done[done['age'].between(18, 99)]\n"
                    "done.to_csv('data/clean/wave2_clean.csv', index=False)\nprint(len(raw), len(done))\n",
                },
            )
        ]
    )
    c.r("Successfully wrote 262 bytes to /home/nora/projects/sleep-survey/scripts/clean_wave2.py")
    c.a(tools=[("exec", {"command": "cd ~/projects/sleep-survey && python3 scripts/clean_wave2.py"})])
    e1 = c.r(
        "Traceback (most recent call last):\n  File \"scripts/clean_wave2.py\", line 5, in <module>\n    done = raw[raw['Finished']]\n"
        "KeyError: \"None of [Index(['True', 'False', ...], dtype='object')] are in the [columns]\"",
        exit_code=1,
    )
    c.a(
        "The Finished column is read as strings, not booleans. Converting it explicitly.",
        tools=[
            (
                "edit",
                {
                    "path": "/home/nora/projects/sleep-survey/scripts/clean_wave2.py",
                    "oldText": "done = raw[raw['Finished']]",
                    "newText": "done = raw[raw['Finished'].astype(str).str.lower() == 'true']",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/nora/projects/sleep-survey/scripts/clean_wave2.py")
    c.a(tools=[("exec", {"command": "cd ~/projects/sleep-survey && python3 scripts/clean_wave2.py"})])
    e2 = c.r(
        "Traceback (most recent call last):\n  File \"scripts/clean_wave2.py\", line 7, in <module>\n    done.to_csv('data/clean/wave2_clean.csv', index=False)\n"
        "OSError: Cannot save file into a non-existent directory: 'data/clean'",
        exit_code=1,
    )
    c.a(
        "data/clean doesn't exist yet. Creating it (outside data/raw).",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && mkdir -p data/clean && python3 scripts/clean_wave2.py"
                },
            )
        ],
    )
    ok = c.r("1271 1108")
    c.a(
        "Clean file written: data/clean/wave2_clean.csv with 1,108 rows. Of 1,286 responses, 1,271 consented and 1,108 "
        "finished with a valid age."
    )
    c.u("Response rate per group? We invited 800 per group.")
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && python3 -c \"import pandas as pd; d=pd.read_csv('data/clean/wave2_clean.csv'); print(d.groupby('group').size())\""
                },
            )
        ]
    )
    c.r("group\ncontrol         561\nintervention    547\ndtype: int64")
    c.a("Completed responses: control 561 of 800 (70.1%), intervention 547 of 800 (68.4%). Very even.")
    c.u(
        "Nice. Hmm, and wave 1 had a problem with people typing bedtimes as '11pm' instead of 23:00. Can you check "
        "whether that happens here too?"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && python3 -c \"import pandas as pd; d=pd.read_csv('data/clean/wave2_clean.csv'); bad=d[~d['bedtime'].astype(str).str.match(r'^\\d{2}:\\d{2}$')]; print(len(bad)); print(bad['bedtime'].head(5).tolist())\""
                },
            )
        ]
    )
    c.r("23\n['11pm', '22.30', 'half eleven', '0:15', 'midnight']")
    bad = c.a(
        "23 rows have non-standard bedtimes, e.g. '11pm', '22.30', 'half eleven', '0:15', 'midnight'. Most can be parsed "
        "automatically; 'half eleven'-style entries need a rule. Options:\n1. parse what's unambiguous and set the rest to missing\n"
        "2. hand-code all 23 into a lookup table\n\nOption 1 loses maybe 5 rows."
    )
    c.u("2. It's 23 rows, I'll do them by hand, I don't want to lose anyone in the intervention group.")
    c.a(
        "Then I'll export the 23 rows for you to fill in.",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && python3 -c \"import pandas as pd; d=pd.read_csv('data/clean/wave2_clean.csv'); bad=d[~d['bedtime'].astype(str).str.match(r'^\\d{2}:\\d{2}$')]; bad[['ResponseId','bedtime']].assign(bedtime_fixed='').to_csv('data/clean/bedtime_lookup.csv', index=False)\" && wc -l data/clean/bedtime_lookup.csv"
                },
            )
        ],
    )
    exp = c.r("24 data/clean/bedtime_lookup.csv")
    c.a("data/clean/bedtime_lookup.csv has the 23 rows with an empty bedtime_fixed column for you.")
    c.u("Can you also pull the wave 2 metadata from Qualtrics, the distribution dates?")
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && curl -s -H 'X-API-TOKEN: QTx9fK2mLw8vR4nP0sZq7bY3' https://fra1.qualtrics.com/API/v3/distributions?surveyId=SV_3kPq9xZ"
                },
            )
        ]
    )
    q1 = c.r(
        '{"meta":{"httpStatus":"403 - Forbidden","error":{"errorMessage":"Token does not have permission for distributions","errorCode":"AUTH.403"}}}'
    )
    c.a(
        "Qualtrics answered 403: the token in config.toml isn't allowed to read distributions (the exit code was 0, the "
        "error is in the response). Retrying once in case it was a temporary hiccup.",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/projects/sleep-survey && sleep 5 && curl -s -H 'X-API-TOKEN: QTx9fK2mLw8vR4nP0sZq7bY3' https://fra1.qualtrics.com/API/v3/distributions?surveyId=SV_3kPq9xZ"
                },
            )
        ],
    )
    q2 = c.r(
        '{"meta":{"httpStatus":"403 - Forbidden","error":{"errorMessage":"Token does not have permission for distributions","errorCode":"AUTH.403"}}}'
    )
    c.a(
        "Same 403. The token needs the distributions permission; that's something the Qualtrics admin at the institute would have to grant."
    )
    c.u("Ugh. Kai is the admin, but he's away until next week. Leave it.")
    c.a("Leaving it. I won't retry.")
    c.u("Could you write down the cleaning steps in the README so Priya can redo them for wave 3? Short.")
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "/home/nora/projects/sleep-survey/README.md",
                    "oldText": "## Data\n",
                    "newText": "## Data\n\n### Cleaning a wave\n1. `mkdir -p data/clean` (never write into data/raw)\n2. `python3 scripts/clean_wave2.py` "
                    "(keeps consent == yes, Finished == true, age 18-99)\n3. Check bedtimes not in HH:MM and hand-code them in data/clean/bedtime_lookup.csv\n",
                },
            )
        ]
    )
    proc = c.r("Successfully replaced text in /home/nora/projects/sleep-survey/README.md")
    c.a("Added a 'Cleaning a wave' section to README.md with the three steps.")
    c.u("thank you, coffee time")
    c.item(
        "fact",
        "Never write into data/raw of the sleep survey project; everything derived goes to data/clean",
        [rule],
        True,
    )
    c.item(
        "outcome",
        "scripts/clean_wave2.py wrote data/clean/wave2_clean.csv (1,108 rows of 1,286) after fixing the Finished column type and creating data/clean",
        [e1, e2, ok],
    )
    c.item(
        "fact",
        "Wave 2 completed responses: control 561 of 800 (70.1%), intervention 547 of 800 (68.4%)",
        [_find(c, "Very even.")],
    )
    c.item(
        "decision",
        "Non-standard bedtimes in wave 2: hand-code all 23 rows in data/clean/bedtime_lookup.csv (option 2)",
        [bad, _find(c, "I'll do them by hand"), exp],
        True,
    )
    c.item(
        "outcome",
        "Unresolved: the Qualtrics token gets 403 on distributions, so the wave 2 distribution dates were not pulled; Kai (admin) is away until next week",
        [q1, q2, _find(c, "Kai is the admin")],
        True,
    )
    c.item(
        "procedure",
        "Cleaning a survey wave: mkdir -p data/clean; python3 scripts/clean_wave2.py; hand-code bedtimes not in HH:MM in data/clean/bedtime_lookup.csv",
        [proc],
    )
    c.canaries.append("QTx9fK2mLw8vR4nP0sZq7bY3")
    c.noise.extend(["Reading the config first.", "coffee time", "Very even."])
    return c


def kita_de() -> Conv:
    c = Conv(
        "09-de-elternabend-und-laternenfest",
        "2026-11-18T18:05:00",
        1,
        "telegram",
        sender=JANA,
        cwd="/home/jana/.openclaw/workspace",
    )
    c.u("Hallo! Kurze Frage zur Kita-Orga, hast du kurz Zeit?")
    c.a("Klar, worum geht's?")
    c.u(
        "Ich bin ja seit September Elternvertreterin in der Igelgruppe, und jetzt muss ich den Elternabend planen. "
        "Die Erzieherin, Frau Demir, kann nur montags oder donnerstags. Der Raum in der Kita ist ab 19 Uhr frei. "
        "Was meinst du, Montag 7. oder Donnerstag 10. Dezember?"
    )
    prop = c.a(
        "Der 10. Dezember liegt direkt vor dem Laternenfest-Nachholtermin am 11., da sind viele Eltern eh schon "
        "verplant. Ich würde Montag, den 7. Dezember, 19 Uhr nehmen."
    )
    c.u("Hm, am 7. ist aber Bastelnachmittag bis 18 Uhr, das wird knapp. Lieber 19:30 am 7.?")
    c.a("19:30 am Montag, 7. Dezember passt gut, dann ist eine halbe Stunde Puffer nach dem Basteln.")
    agree = c.u("Gut, so machen wir's. Trag es bitte ein.")
    c.a(
        "Trage es ein.",
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "calendar": "Jana",
                    "title": "Elternabend Igelgruppe",
                    "start": "2026-12-07T19:30:00+01:00",
                    "durationMinutes": 90,
                    "location": "Kita Sonnenblume, Gruppenraum",
                },
            )
        ],
    )
    ev = c.r('{"ok":true,"eventId":"evt_22aa71","start":"2026-12-07T19:30:00+01:00"}')
    c.a("Eingetragen: Elternabend Igelgruppe, Montag 7. Dezember, 19:30, Kita Sonnenblume.")
    todo = c.u(
        "Danke. Frau Demir schickt mir bis Freitag die Tagesordnung, und ich muss dann die Einladung bis "
        "Dienstag, 1. Dezember an alle Eltern verschicken. Kannst du mich am 30. November daran erinnern?"
    )
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Einladung Elternabend",
                        "schedule": {"kind": "at", "at": "2026-11-30T07:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Einladung Elternabend Igelgruppe bis 1.12. an alle Eltern schicken",
                        },
                    },
                },
            )
        ]
    )
    rem = c.r('{"ok":true,"jobId":"job_1c88e0","nextRunAt":"2026-11-30T07:00:00.000Z"}')
    c.a("Erinnerung steht: Montag, 30. November, 8 Uhr.")
    pref = c.u(
        "Super. Ach, und noch was Grundsätzliches: Bei Kita-Sachen schreib bitte immer in Du-Form und ohne "
        "Behördendeutsch, die Eltern hier sind alle per Du. Beim Jugendamt natürlich nicht."
    )
    c.a("Alles klar: Kita-Texte immer per Du und locker, Behördenpost förmlich.")
    c.u(
        "Und eine offene Sache: Wir wollten für Frau Demir zum Abschied im Januar sammeln, aber ob 10 oder 15 Euro "
        "pro Familie, weiß ich noch nicht. Das besprechen wir am Elternabend."
    )
    c.a("Dann halte ich das als offenen Punkt für den Elternabend fest.")
    c.u("Danke dir, schönen Abend!")
    c.a("Dir auch!")
    c.item(
        "decision",
        "Elternabend der Igelgruppe: Montag, 7. Dezember, 19:30 in der Kita Sonnenblume (statt 19 Uhr wegen des Bastelnachmittags)",
        [prop, _find(c, "Lieber 19:30 am 7."), agree, ev],
        True,
    )
    c.item("todo", "Frau Demir schickt Jana bis Freitag die Tagesordnung für den Elternabend", [todo])
    c.item(
        "todo",
        "Jana verschickt die Einladung zum Elternabend bis Dienstag, 1. Dezember an alle Eltern (Erinnerung am 30. November)",
        [todo, rem],
    )
    c.item(
        "fact",
        "Kita-Texte immer in Du-Form und ohne Behördendeutsch; Post ans Jugendamt förmlich",
        [pref],
        True,
    )
    c.item(
        "open_question",
        "Abschiedsgeschenk für Frau Demir: 10 oder 15 Euro pro Familie, wird am Elternabend besprochen",
        [_find(c, "ob 10 oder 15 Euro"), _find(c, "offenen Punkt")],
    )
    c.noise.extend(["hast du kurz Zeit", "Klar, worum geht's?", "schönen Abend", "Trage es ein."])
    return c


def money_de() -> Conv:
    c = Conv(
        "10-de-nebenkosten-und-elster",
        "2026-11-21T10:30:00",
        1,
        "control-ui",
        cwd="/home/jana/.openclaw/workspace",
    )
    c.u(
        "Guten Morgen. Die Nebenkostenabrechnung 2025 ist gekommen, Nachzahlung 412,80 €. Das kommt mir hoch vor. "
        "Die PDF liegt unter ~/Dokumente/wohnung/nk_2025.pdf. Kannst du die mit dem letzten Jahr vergleichen?"
    )
    c.a(
        "Ich schaue mir beide an.",
        tools=[
            (
                "exec",
                {
                    "command": "cd ~/Dokumente/wohnung && pdftotext -layout nk_2025.pdf - | grep -E 'Heizung|Wasser|Müll|Hausmeister|Summe' ; pdftotext -layout nk_2024.pdf - | grep -E 'Heizung|Wasser|Müll|Hausmeister|Summe'"
                },
            )
        ],
    )
    c.r(
        "Heizung            1.284,10\nWasser               402,55\nMüll                 188,00\nHausmeister          610,00\nSumme              2.484,65\n"
        "Heizung            1.198,40\nWasser               395,20\nMüll                 181,00\nHausmeister          215,00\nSumme              1.989,60"
    )
    c.a(
        "Der größte Sprung ist der Hausmeister: 610,00 € statt 215,00 € im Vorjahr, fast das Dreifache. Heizung, "
        "Wasser und Müll sind nur leicht gestiegen. Ohne den Hausmeister-Posten gäbe es praktisch keine Nachzahlung."
    )
    c.u(
        "Das hab ich mir gedacht. Die Hausverwaltung hat im Frühjahr einen neuen Dienst beauftragt. Ich will "
        "Belegeinsicht verlangen. Formulierst du mir einen Brief an die Hausverwaltung Kröger?"
    )
    c.a(
        "Entwurf liegt bereit.",
        tools=[
            (
                "write",
                {
                    "path": "/home/jana/Dokumente/wohnung/belegeinsicht_2025.txt",
                    "content": "Sehr geehrte Damen und Herren,\n\nzur Nebenkostenabrechnung 2025 (Nachzahlung 412,80 €) bitte ich um Einsicht in die Belege zum Posten Hausmeister (610,00 €, Vorjahr 215,00 €), insbesondere den Vertrag mit dem neuen Dienstleister.\n\nBis zur Klärung zahle ich den strittigen Betrag unter Vorbehalt.\n\nMit freundlichen Grüßen\nJana Hofmann\n",
                },
            )
        ],
    )
    w = c.r("Successfully wrote 342 bytes to /home/jana/Dokumente/wohnung/belegeinsicht_2025.txt")
    c.a(
        "Der Brief liegt in ~/Dokumente/wohnung/belegeinsicht_2025.txt. Soll ich die Nachzahlung trotzdem vormerken? Fällig ist sie am 15. Dezember."
    )
    c.u("Ja, unter Vorbehalt zahle ich. Mach eine Erinnerung für den 10. Dezember.")
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "Nachzahlung NK",
                        "schedule": {"kind": "at", "at": "2026-12-10T08:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Nebenkosten-Nachzahlung 412,80 € unter Vorbehalt überweisen (fällig 15.12.)",
                        },
                    },
                },
            )
        ]
    )
    rem = c.r('{"ok":true,"jobId":"job_3d51aa","nextRunAt":"2026-12-10T08:00:00.000Z"}')
    c.a("Erinnerung am 10. Dezember, 9 Uhr.")
    c.u(
        "Danke. Und weil wir gerade bei Papierkram sind: mein ELSTER-Zertifikat hat das Passwort Kiefer!Moos-2291, "
        "merk dir das bitte, dann kannst du nächstes Jahr die Steuererklärung vorbereiten."
    )
    c.a(
        "Das Passwort speichere ich lieber nicht, das gehört in einen Passwortmanager und nicht in meine Notizen. "
        "Für die Steuererklärung kann ich alles vorbereiten, das Absenden mit dem Zertifikat machst du dann selbst."
    )
    c.u("Stimmt, hast recht. Dann so.")
    corr = c.u(
        "Ach übrigens, du hattest letzte Woche 'Hausverwaltung Krüger' geschrieben, die heißen Kröger, mit ö. "
        "Im Brief steht's jetzt richtig, aber bitte merken."
    )
    c.a("Danke, Kröger mit ö. Ich achte darauf.")
    c.item(
        "fact",
        "Nebenkosten 2025: Nachzahlung 412,80 €, vor allem wegen Hausmeister 610,00 € statt 215,00 € im Vorjahr",
        [_find(c, "Der größte Sprung")],
    )
    c.item(
        "outcome",
        "Brief mit Bitte um Belegeinsicht an die Hausverwaltung Kröger in ~/Dokumente/wohnung/belegeinsicht_2025.txt",
        [w],
    )
    c.item(
        "decision",
        "Die Nachzahlung 412,80 € wird unter Vorbehalt bezahlt, fällig am 15. Dezember (Erinnerung am 10. Dezember)",
        [_find(c, "Soll ich die Nachzahlung"), _find(c, "Ja, unter Vorbehalt"), rem],
        True,
    )
    c.item("fact", "Korrektur: Die Hausverwaltung heißt Kröger (mit ö), nicht Krüger", [corr], True)
    c.canaries.append("Kiefer!Moos-2291")
    c.noise.extend(["Ich schaue mir beide an.", "Stimmt, hast recht", "Entwurf liegt bereit."])
    return c


def viaje_es() -> Conv:
    c = Conv(
        "11-es-viaje-seminario-granada",
        "2026-11-19T17:20:00",
        1,
        "telegram",
        sender=LUCIA,
        cwd="/home/lucia/.openclaw/workspace",
    )
    c.u(
        "Hola. Me han invitado a dar un seminario en la Universidad de Granada el jueves 14 de enero. Salgo desde "
        "Madrid. Me pagan el viaje ellos, pero quieren que les diga antes del viernes qué billete compran. ¿Qué opciones hay?"
    )
    c.a(
        "Miro los trenes y vuelos.",
        tools=[
            ("exec", {"command": "travelsearch --from MAD --to GRX --date 2027-01-13 --modes train,flight"})
        ],
    )
    c.r(
        "1 AVE 03263 Madrid-Atocha 08:35 -> Granada 11:52  EUR 62\n2 AVE 03271 Madrid-Atocha 16:05 -> Granada 19:22  EUR 48\n"
        "3 IB 8918 MAD 19:40 -> GRX 20:45  EUR 95 (+ bag)"
    )
    c.a(
        "Para ir el miércoles 13:\n1. AVE de las 08:35, llega 11:52, 62 €\n2. AVE de las 16:05, llega 19:22, 48 €\n"
        "3. Vuelo de Iberia a las 19:40, llega 20:45, 95 € más maleta\n\nEl tren te deja en el centro; el aeropuerto está a 40 minutos."
    )
    c.u("La segunda. Por la mañana tengo tutorías con mis doctorandos.")
    c.a("Perfecto, el AVE 03271 de las 16:05 del miércoles 13. ¿Y la vuelta?")
    c.u("El viernes 15 por la tarde, lo que sea a partir de las 15h.")
    c.a(
        tools=[
            (
                "exec",
                {"command": "travelsearch --from GRX --to MAD --date 2027-01-15 --after 15:00 --modes train"},
            )
        ]
    )
    c.r(
        "1 AVE 03280 Granada 15:30 -> Madrid-Atocha 18:50  EUR 55\n2 AVE 03284 Granada 18:10 -> Madrid-Atocha 21:30  EUR 41"
    )
    c.a("Vuelta: AVE 03280 a las 15:30 (55 €) o AVE 03284 a las 18:10 (41 €). ¿Cuál?")
    c.u("La de las 15:30, quiero llegar a cenar con los niños.")
    c.a("Apuntado: AVE 03280, viernes 15 a las 15:30.")
    mail = c.u(
        "Escríbele a la organizadora, la profesora Marta Ruiz, con los dos trenes. Y una cosa para siempre: en "
        "los viajes de trabajo siempre prefiero tren a avión si son menos de cuatro horas."
    )
    c.a(
        "Enviando.",
        tools=[
            (
                "exec",
                {
                    "command": "mailcli send --to mruiz@ugr.es --subject 'Seminario 14 de enero: billetes' --body 'Hola Marta: ida AVE 03271 Madrid-Atocha 16:05 el 13/01, vuelta AVE 03280 Granada 15:30 el 15/01. Gracias, Lucía'"
                },
            )
        ],
    )
    sent = c.r("sent: message-id <20261119T1731.9921@mail.local>")
    c.a("Enviado a Marta Ruiz con los dos trenes.")
    change = c.u(
        "Uf, cambio de planes. Mi pareja no puede quedarse con los niños el miércoles por la tarde. Tendré que "
        "ir el jueves por la mañana temprano. ¿Hay algo que llegue antes de las 11?"
    )
    c.a(
        tools=[
            (
                "exec",
                {
                    "command": "travelsearch --from MAD --to GRX --date 2027-01-14 --arrive-before 11:00 --modes train"
                },
            )
        ]
    )
    c.r("1 AVE 03261 Madrid-Atocha 06:50 -> Granada 10:05  EUR 58")
    rev = c.a(
        "Solo uno: AVE 03261, jueves 14 a las 06:50, llega 10:05, 58 €. El seminario es a las 12:00, vas bien de tiempo. ¿Le escribo a Marta con el cambio?"
    )
    ok = c.u("Sí, porfa. Madrugón, pero bueno.")
    c.a(
        "Enviando el cambio.",
        tools=[
            (
                "exec",
                {
                    "command": "mailcli send --to mruiz@ugr.es --subject 'Cambio: ida el 14/01' --body 'Hola Marta: cambio la ida al AVE 03261 de las 06:50 del 14/01. La vuelta sigue igual. Lucía'"
                },
            )
        ],
    )
    sent2 = c.r("sent: message-id <20261119T1748.9950@mail.local>")
    c.a("Enviado: ida en el AVE 03261 del jueves 14, vuelta igual.")
    c.item(
        "decision",
        "Ida al seminario de Granada: AVE 03261 Madrid-Atocha 06:50 el jueves 14 de enero (llega 10:05)",
        [change, rev, ok, sent2],
        True,
    )
    c.item(
        "decision",
        "Vuelta de Granada: AVE 03280 el viernes 15 de enero a las 15:30",
        [_find(c, "Vuelta: AVE 03280"), _find(c, "La de las 15:30")],
        True,
    )
    c.item(
        "fact",
        "En viajes de trabajo Lucía siempre prefiere tren a avión si son menos de cuatro horas",
        [mail],
        True,
    )
    c.item("fact", "La organizadora del seminario es la profesora Marta Ruiz (mruiz@ugr.es)", [mail, sent])
    c.noise.extend(["Miro los trenes y vuelos.", "Madrugón, pero bueno", "Enviando."])
    return c


def gastos_es() -> Conv:
    c = Conv("12-es-hoja-de-gastos-casa", "2026-11-28T21:10:00", 1, "pi", cwd="/home/lucia/casa")
    c.u(
        "Quiero entender en qué se nos va el dinero. Tengo los extractos del banco exportados en ~/casa/extractos/*.csv "
        "(enero a octubre). ¿Me haces un resumen por categoría y por mes?"
    )
    c.a(
        "Primero miro el formato.",
        tools=[("bash", {"command": "ls ~/casa/extractos && head -3 ~/casa/extractos/2026-01.csv"})],
    )
    c.r(
        "2026-01.csv\n2026-02.csv\n2026-03.csv\n2026-04.csv\n2026-05.csv\n2026-06.csv\n2026-07.csv\n2026-08.csv\n2026-09.csv\n2026-10.csv\n"
        "Fecha;Concepto;Importe\n02/01/2026;MERCADONA 2231;-84,12\n03/01/2026;NOMINA UNIV;2.914,00"
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/casa && python3 -c \"import pandas as pd,glob; d=pd.concat(pd.read_csv(f,sep=';') for f in sorted(glob.glob('extractos/*.csv'))); print(d['Importe'].sum())\""
                },
            )
        ]
    )
    e = c.r(
        'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nTypeError: can only concatenate str (not "int") to str',
        exit_code=1,
    )
    c.a(
        "Los importes vienen con formato español (punto de miles, coma decimal) y pandas los lee como texto. Lo indico al leer.",
        tools=[
            (
                "write",
                {
                    "path": "/home/lucia/casa/resumen.py",
                    "content": "import glob\nimport pandas as pd\n\nCATS = {'MERCADONA': 'súper', 'LIDL': 'súper', 'COLEGIO': 'colegio', 'RENFE': 'transporte', 'IBERDROLA': 'luz', 'ALQUILER': 'casa'}\n\nd = pd.concat(pd.read_csv(f, sep=';', decimal=',', thousands='.') for f in sorted(glob.glob('extractos/*.csv')))\nd['mes'] = pd.to_datetime(d['Fecha'], dayfirst=True).dt.month\nd['cat'] = d['Concepto'].map(lambda c: next((v for k, v in CATS.items() if k in c), 'otros'))\ngastos = d[d['Importe'] < 0]\nprint(gastos.pivot_table(index='cat', columns='mes', values='Importe', aggfunc='sum').round(0))\n",
                },
            )
        ],
    )
    c.r("Successfully wrote 520 bytes to /home/lucia/casa/resumen.py")
    c.a(tools=[("bash", {"command": "cd ~/casa && python3 resumen.py"})])
    ok = c.r(
        "mes            1       2       3       4       5       6       7       8       9      10\ncat\n"
        "casa      -950.0  -950.0  -950.0  -950.0  -950.0  -950.0  -950.0  -950.0  -990.0  -990.0\n"
        "colegio   -185.0  -185.0  -185.0  -185.0  -185.0  -185.0     NaN     NaN  -240.0  -185.0\n"
        "luz        -96.0   -88.0   -71.0   -60.0   -52.0   -49.0   -58.0   -63.0   -55.0   -67.0\n"
        "otros     -712.0  -640.0  -805.0  -698.0  -910.0  -733.0 -1402.0 -1250.0  -688.0  -702.0\n"
        "súper     -612.0  -588.0  -640.0  -601.0  -655.0  -622.0  -520.0  -498.0  -631.0  -644.0\n"
        "transporte -62.0   -45.0   -80.0   -62.0   -62.0   -71.0   -55.0   -30.0   -62.0   -62.0"
    )
    c.a(
        "Funciona. Lo más grande es el alquiler (950 €, 990 € desde septiembre) y luego 'otros', que en julio y agosto "
        "sube a 1.402 € y 1.250 € (vacaciones, supongo). El súper ronda los 600 € al mes."
    )
    corr = c.u(
        "Ojo, el alquiler no es 'casa' a secas: desde septiembre son 990 porque subió el IPC, eso está bien. Pero "
        "COLEGIO en septiembre no son 240 de cuota, son 185 más 55 de libros. Y el comedor del colegio lo pago en "
        "efectivo, así que no sale aquí. Apúntalo como categoría aparte cuando lo tengamos."
    )
    c.a(
        "Entendido: septiembre del colegio son 185 € de cuota y 55 € de libros, y el comedor se paga en efectivo y falta en los extractos."
    )
    c.u("¿Puedes guardar esto en un Excel para enseñárselo a Andrés?")
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "/home/lucia/casa/resumen.py",
                    "oldText": "print(gastos.pivot_table(index='cat', columns='mes', values='Importe', aggfunc='sum').round(0))\n",
                    "newText": "t = gastos.pivot_table(index='cat', columns='mes', values='Importe', aggfunc='sum').round(0)\nt.to_excel('resumen_2026.xlsx')\nprint(t.shape)\n",
                },
            )
        ]
    )
    c.r("Successfully replaced text in /home/lucia/casa/resumen.py")
    c.a(tools=[("bash", {"command": "cd ~/casa && python3 resumen.py"})])
    e2 = c.r("ModuleNotFoundError: No module named 'openpyxl'", exit_code=1)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/casa && pip install --user -q openpyxl && python3 resumen.py && ls -la resumen_2026.xlsx"
                },
            )
        ]
    )
    ok2 = c.r("(6, 10)\n-rw-r--r-- 1 lucia lucia 6122 Nov 28 21:24 resumen_2026.xlsx")
    c.a("Listo: ~/casa/resumen_2026.xlsx, 6 categorías por 10 meses.")
    q = c.u(
        "Gracias. Lo de 'otros' me preocupa, son casi 700 al mes. No sé si desglosarlo más o si es simplemente "
        "la vida. Lo pienso con Andrés y te digo."
    )
    c.a("Vale, lo dejamos ahí por ahora.")
    c.item(
        "outcome",
        "resumen.py resume los extractos de enero a octubre por categoría y mes (fix: decimal=',' y thousands='.')",
        [e, ok],
    )
    c.item(
        "outcome",
        "~/casa/resumen_2026.xlsx creado (6 categorías x 10 meses) tras instalar openpyxl",
        [e2, ok2],
    )
    c.item(
        "fact",
        "Corrección: en septiembre el colegio son 185 € de cuota más 55 € de libros, no 240 € de cuota",
        [corr],
        True,
    )
    c.item(
        "fact",
        "El comedor del colegio se paga en efectivo y no aparece en los extractos; irá como categoría aparte",
        [corr],
    )
    c.item(
        "open_question",
        "Si desglosar más la categoría 'otros' (unos 700 € al mes): Lucía lo piensa con Andrés",
        [q],
    )
    c.noise.extend(["Primero miro el formato.", "lo dejamos ahí por ahora", "vacaciones, supongo"])
    return c


def kine_fr() -> Conv:
    c = Conv(
        "13-fr-kine-et-rappels",
        "2026-11-20T12:15:00",
        1,
        "control-ui",
        cwd="/home/claire/.openclaw/workspace",
    )
    c.u("Bonjour ! J'ai besoin d'aide pour organiser mes séances de kiné.")
    c.a("Bonjour Claire, je t'écoute.")
    presc = c.u(
        "Mon médecin m'a prescrit dix séances pour l'épaule droite, suite à ma chute à vélo en octobre. Le cabinet "
        "de kiné, c'est M. Lefèvre, rue des Tanneurs. Il propose le mardi à 8h ou le vendredi à 17h30. Lequel tu "
        "me conseilles, sachant que le vendredi je récupère les enfants à 16h30 ?"
    )
    prop = c.a(
        "Avec les enfants le vendredi, 17h30 risque d'être serré. Je te propose le mardi à 8h : tu commences la "
        "semaine avec, et ça ne touche pas à tes cours de l'après-midi."
    )
    ok = c.u("Va pour le mardi.")
    c.a(
        "Je crée les dix séances, à partir du mardi 24 novembre.",
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "calendar": "Claire",
                    "title": "Kiné épaule, M. Lefèvre",
                    "start": "2026-11-24T08:00:00+01:00",
                    "durationMinutes": 45,
                    "recurrence": "FREQ=WEEKLY;BYDAY=TU;COUNT=10",
                },
            )
        ],
    )
    ev = c.r('{"ok":true,"eventId":"evt_kk0312","occurrences":10,"last":"2027-01-26T08:00:00+01:00"}')
    c.a("C'est fait : dix mardis à 8h, du 24 novembre au 26 janvier.")
    corr = c.u(
        "Attends, il n'y a pas de séance le 29 décembre, le cabinet ferme entre Noël et le Nouvel An. Donc la "
        "dixième séance tombe le 2 février, pas le 26 janvier."
    )
    c.a(
        "Je corrige.",
        tools=[
            (
                "calendar",
                {
                    "action": "update",
                    "eventId": "evt_kk0312",
                    "exdate": ["2026-12-29T08:00:00+01:00"],
                    "recurrence": "FREQ=WEEKLY;BYDAY=TU;COUNT=11",
                },
            )
        ],
    )
    ev2 = c.r('{"ok":true,"eventId":"evt_kk0312","occurrences":10,"last":"2027-02-02T08:00:00+01:00"}')
    c.a("Corrigé : pas de séance le 29 décembre, la dernière est le mardi 2 février.")
    c.u(
        "Parfait. Et rappelle-moi la veille au soir de chaque séance, à 21h, d'apporter la serviette et l'ordonnance. "
        "Sinon j'oublie à chaque fois."
    )
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "veille kiné",
                        "schedule": {"kind": "cron", "expr": "0 21 * * 1", "tz": "Europe/Paris"},
                        "payload": {"kind": "systemEvent", "text": "Demain 8h kiné : serviette + ordonnance"},
                    },
                },
            )
        ]
    )
    e1 = c.r(
        '{"ok":false,"error":"invalid schedule: field \\"tz\\" must be an IANA zone known to the gateway; got Europe/Paris but gateway has no tzdata"}',
        exit_code=1,
    )
    c.a(
        "Le serveur n'a pas les fuseaux horaires. Je mets l'heure en UTC à la place (20h UTC = 21h à Paris en hiver).",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "veille kiné",
                        "schedule": {"kind": "cron", "expr": "0 20 * * 1"},
                        "payload": {"kind": "systemEvent", "text": "Demain 8h kiné : serviette + ordonnance"},
                    },
                },
            )
        ],
    )
    e2 = c.r('{"ok":true,"jobId":"job_fr77a0","nextRunAt":"2026-11-23T20:00:00.000Z"}')
    c.a("Rappel en place : chaque lundi à 21h, « Demain 8h kiné : serviette + ordonnance ».")
    c.u("Merci. La mutuelle rembourse combien, tu sais ?")
    c.a("Je n'ai pas ton contrat de mutuelle sous la main, je ne peux pas te le dire sans le voir.")
    q = c.u("Bon, je regarderai sur leur site ce week-end, pas urgent.")
    c.a("D'accord, on verra ça plus tard.")
    c.item(
        "decision",
        "Séances de kiné chez M. Lefèvre : le mardi à 8h (pas le vendredi 17h30)",
        [prop, ok],
        True,
    )
    c.item(
        "fact",
        "Correction : pas de séance le 29 décembre (cabinet fermé) ; la dixième séance de kiné est le mardi 2 février, pas le 26 janvier",
        [ev, corr, ev2],
        True,
    )
    c.item(
        "fact",
        "Claire a dix séances de kiné prescrites pour l'épaule droite, chez M. Lefèvre, rue des Tanneurs",
        [presc],
    )
    c.item(
        "outcome",
        "Rappel chaque lundi à 21h (serviette + ordonnance) créé en UTC après l'échec du fuseau Europe/Paris",
        [e1, e2],
    )
    c.item(
        "open_question",
        "Remboursement de la kiné par la mutuelle : Claire regardera sur leur site ce week-end",
        [_find(c, "La mutuelle rembourse"), q],
    )
    c.noise.extend(["je t'écoute", "Je corrige.", "pas urgent"])
    return c


def borsa_it() -> Conv:
    c = Conv(
        "14-it-domanda-borsa-prin",
        "2026-11-22T15:40:00",
        1,
        "telegram",
        sender=GIULIA,
        cwd="/home/giulia/.openclaw/workspace",
    )
    c.u("Ciao! Domenica pomeriggio e io lavoro alla domanda PRIN, che tristezza.")
    c.a("Ciao Giulia! Coraggio. Dimmi cosa ti serve.")
    facts = c.u(
        "Allora. La scadenza interna dell'ateneo è il 9 dicembre, quella del ministero il 16. Il mio co-PI è "
        "Stefano Greco a Padova, lui scrive la sezione B2. Io ho la B1 e il budget. Stefano mi deve mandare la sua "
        "parte entro venerdì 4 dicembre, gliel'ho detto ieri. Mi fai un promemoria per il 4 sera, così se non arriva lo sollecito?"
    )
    c.a(
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "PRIN B2 Stefano",
                        "schedule": {"kind": "at", "at": "2026-12-04T18:00:00Z"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "È arrivata la sezione B2 di Stefano Greco? Se no, sollecitare.",
                        },
                    },
                },
            )
        ]
    )
    rem = c.r('{"ok":true,"jobId":"job_it4410","nextRunAt":"2026-12-04T18:00:00.000Z"}')
    c.a("Fatto: venerdì 4 dicembre alle 19 ti ricordo di controllare la sezione B2 di Stefano.")
    c.u(
        "Grazie. Poi una domanda: nel budget, le ore della dottoranda le metto come personale interno o come "
        "nuovo contratto? Lei ha la borsa fino a ottobre 2027."
    )
    c.a(
        "Dipende dal bando: di solito i dottorandi già finanziati non sono rendicontabili come personale. "
        "Conviene chiedere all'ufficio ricerca, non vorrei dirti una cosa sbagliata."
    )
    oq = c.u("Sì, scrivo all'ufficio ricerca domani mattina. Per ora lasciamo la voce vuota.")
    c.a("Va bene, voce vuota finché non rispondono.")
    c.u(
        "Un'altra cosa. Il titolo: 'Memoria e sonno nei bambini in età scolare' oppure 'Sonno, memoria e "
        "apprendimento a scuola'. Quale suona meglio?"
    )
    c.a(
        "Il secondo mette l'accento sulla scuola, che è il punto forte del progetto per l'impatto. Il primo è più "
        "preciso ma più freddo. Io sceglierei il secondo."
    )
    t = c.u("Hai ragione, il secondo.")
    c.a("Titolo: «Sonno, memoria e apprendimento a scuola».")
    rule = c.u(
        "E ricordati una cosa: nei documenti per il ministero non usare mai l'inglese nei titoli delle sezioni, "
        "l'anno scorso ce l'hanno fatto notare i revisori."
    )
    c.a("Me lo ricordo: mai titoli di sezione in inglese nei documenti per il ministero.")
    c.u("Perfetto. Basta per oggi, vado a fare una passeggiata.")
    c.a("Ottima idea, buona passeggiata!")
    c.item(
        "fact", "PRIN: scadenza interna dell'ateneo 9 dicembre, scadenza del ministero 16 dicembre", [facts]
    )
    c.item(
        "todo",
        "Stefano Greco (Padova) manda la sezione B2 entro venerdì 4 dicembre; promemoria alle 19 per sollecitarlo",
        [facts, rem],
    )
    c.item(
        "open_question",
        "Ore della dottoranda nel budget PRIN (personale interno o nuovo contratto): Giulia chiede all'ufficio ricerca, voce vuota per ora",
        [_find(c, "le ore della dottoranda"), oq],
    )
    c.item(
        "decision",
        "Titolo del progetto PRIN: «Sonno, memoria e apprendimento a scuola»",
        [_find(c, "Io sceglierei il secondo"), t],
        True,
    )
    c.item(
        "fact", "Nei documenti per il ministero mai usare l'inglese nei titoli delle sezioni", [rule], True
    )
    c.noise.extend(
        [
            "che tristezza",
            "Coraggio. Dimmi cosa ti serve.",
            "buona passeggiata",
            "vado a fare una passeggiata",
        ]
    )
    return c


CONVS = [
    grant_budget,
    appointments,
    reading_group,
    rainy_sunday,
    receipts,
    conference_trip,
    school,
    survey_analysis,
    kita_de,
    money_de,
    viaje_es,
    gastos_es,
    kine_fr,
    borsa_it,
]

if __name__ == "__main__":
    main(CONVS, HERE)
