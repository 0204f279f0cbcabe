"""Write the fresh2 split: 14 hand-written OpenClaw transcripts and their gold labels.

Every conversation below is written out turn by turn (no templates, no phrase banks); this
script only supplies the envelope (session header, ids, parent chain, timestamps, usage, sender
metadata, tool-call ids) so that the words can be read and labelled in one place.

    python tests/data/eval/fresh2/make.py              # rewrites the *.jsonl and *.gold.json next to it
    python tests/data/eval/fresh2/make.py --out DIR    # writes them to DIR instead

The output is deterministic. Held out: see README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent

sys.path.insert(0, str(OUT.parent))  # the shared envelope: ../envelope.py
from envelope import Conv, main  # noqa: E402

# ==================================================================================================
# The conversations. Each function is one transcript, written by hand.
# ==================================================================================================


def bakery() -> Conv:
    c = Conv(
        "01-bakery-wholesale-flour",
        "2026-11-09T06:12:00",
        0,
        "telegram",
        "openai-codex",
        ("Rosa Pell", "rosapell", "55120934"),
        "/home/rosa/.openclaw/workspace",
    )
    first = c.u(
        "morning! grim out there, sleet since 5. ok so the café on Briggate (Hollis & Vine) wants a standing "
        "order from next week: 30 sourdough loaves every Tue and Fri, plus 4 dozen cinnamon knots on Fridays. "
        "can you work out what that means for flour?"
    )
    c.a(
        "Morning Rosa. Let me pull up the current standing orders first.",
        tools=[("read", {"file_path": "/home/rosa/.openclaw/workspace/bakery/standing-orders.md"})],
    )
    c.r(
        "# Standing orders (weekly)\n\n| customer | what | days | flour/wk |\n|---|---|---|---|\n"
        "| Kirkgate Deli | 40 white bloomers | Mon-Sat | 96 kg |\n| The Reading Room | 25 sourdough | Wed, Sat | 38 kg |\n"
        "| shop counter | mixed | daily | ~176 kg |\n\nTotal bread flour: ~310 kg/week\n"
        "Supplier: Marriage's, 16 kg sacks, Monday + Thursday drops\n"
    )
    p = c.a(
        "With Hollis & Vine on top you go from about 310 kg to roughly 395 kg of bread flour a week "
        "(the sourdough is ~0.75 kg of flour a loaf, the knots add about 6 kg on Fridays). You can stay with "
        "Marriage's and just take more of their 16 kg sacks at £14.20 each, still with the Monday and Thursday "
        "drops, or switch the extra volume to Shipton Mill, whose 25 kg sacks at £19.90 come out about 10% "
        "cheaper per kilo, though their van only comes on Wednesdays, so you'd be holding an extra 200 kg or so "
        "in the back room. Which way do you want to go?"
    )
    y = c.u("storage is fine, the back room is dry. let's do the cheaper one", gap=120)
    c.a(
        "Shipton Mill it is for the extra volume. Updating the file.",
        tools=[
            (
                "edit",
                {
                    "file_path": "/home/rosa/.openclaw/workspace/bakery/standing-orders.md",
                    "old_string": "Total bread flour: ~310 kg/week",
                    "new_string": "| Hollis & Vine | 30 sourdough (Tue, Fri) + 4 doz cinnamon knots (Fri) | Tue, Fri | ~51 kg |\n\n"
                    "Total bread flour: ~395 kg/week\nExtra volume: Shipton Mill, 25 kg sacks @ £19.90, Wednesday van",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/rosa/.openclaw/workspace/bakery/standing-orders.md.")
    off = c.a(
        "Done, standing-orders.md now lists Hollis & Vine and the Shipton Mill sacks. I could also set up a "
        "reminder every Tuesday evening to count the sacks before the Wednesday van comes. Want that?"
    )
    no = c.u("nah, Marek does the stock check anyway, leave it")
    c.a("Fair enough, no reminder.")
    t = c.u(
        "one thing though: Marek has to ring Shipton Mill and open the trade account by Thursday the 12th, "
        "otherwise the first delivery slips a week",
        gap=60,
    )
    c.a(
        "Got it: Marek calls Shipton Mill to open the trade account by Thursday 12 November, so the first "
        "Wednesday drop is on the 18th."
    )
    pref = c.u(
        "and for the cafés, I'd rather send them one invoice PDF a month instead of one per delivery, "
        "way less paperwork for them"
    )
    c.a("Makes sense: one PDF per café per month. Hollis & Vine's first would then go out on 30 November.")
    c.u("perfect. right, ovens are hot, speak later. stay dry!")
    c.a("Good luck with the bake, Rosa!")
    c.item(
        "decision",
        "Extra flour for the Hollis & Vine order (~395 kg/week total): Shipton Mill 25 kg sacks at "
        "£19.90, delivered on Wednesdays, instead of more Marriage's sacks",
        [p, y],
        True,
    )
    c.item(
        "decision",
        "Rejected: a Tuesday-evening reminder to count flour sacks before the Shipton Mill van "
        "(Marek does the stock check)",
        [off, no],
        True,
    )
    c.item("todo", "Marek rings Shipton Mill to open the trade account by Thursday 12 November", [t])
    c.item(
        "fact",
        "Hollis & Vine (café on Briggate) standing order from next week: 30 sourdough loaves Tue and Fri, "
        "4 dozen cinnamon knots on Fridays",
        [first],
    )
    c.item("fact", "Rosa prefers one invoice PDF per café per month rather than one per delivery", [pref])
    c.noise += ["grim out there, sleet since 5", "stay dry", "ovens are hot", "Good luck with the bake"]
    return c


def thesis() -> Conv:
    c = Conv("02-thesis-methods-chapter", "2026-11-16T19:05:00", 1, "pi", "google", cwd="/home/jonas/thesis")
    c.u(
        "I need to restructure chapter 3 of my thesis, the methods chapter. It's one 40-page blob right now. "
        "The outline is in thesis/outline.md"
    )
    c.a("Let me look at the outline.", tools=[("read", {"path": "thesis/outline.md"})])
    c.r(
        "# Urban heat islands in mid-sized German cities\n\n1 Introduction\n2 Related work\n"
        "3 Methods\n  3.1 Field campaign Kassel 2025 (32 ground stations)\n  3.2 Landsat 9 / ECOSTRESS processing\n"
        "  3.3 Pilot study summer 2024\n  3.4 Random-forest regression of LST on land cover\n4 Results\n5 Discussion\n"
    )
    p = c.a(
        "I see two sensible ways to split it. One keeps the chronology: 3.1 field campaign, 3.2 satellite "
        "processing, 3.3 the regression, just with better signposting. The other groups by data source: ground "
        "observations stay in chapter 3, the remote sensing part moves to a new chapter 4 together with the "
        "random-forest model, right next to the results it produces. That one makes chapter 4 longer but every "
        "chapter answers one question. With submission on 4 March the first is less rework.",
        gap=6,
    )
    side = c.u(
        "wait, does the university cap chapter length at all? I vaguely remember something about 30 pages"
    )
    ans = c.a(
        "Not per chapter. The regulations you saved (thesis/regs-2025.pdf, §7) cap the whole thesis at 250 "
        "pages without appendices; there is no per-chapter limit."
    )
    y = c.u("ok good. then the second one. and submission is on 14 March, not the 4th")
    c.a(
        "14 March, noted. Rewriting the outline for the split by data source.",
        tools=[
            (
                "edit",
                {
                    "path": "thesis/outline.md",
                    "old_string": "3 Methods",
                    "new_string": "3 Ground observations\n4 Remote sensing and the regression model",
                },
            )
        ],
    )
    c.r("Successfully replaced text in thesis/outline.md.")
    q = c.a(
        "Outline updated: chapter 3 is now 'Ground observations', chapter 4 'Remote sensing and the regression "
        "model', results and discussion move to 5 and 6. One thing I couldn't place: the pilot study from "
        "summer 2024 used different sensors (iButtons instead of the HOBO loggers). Should it stay as a section "
        "in chapter 3, or go to an appendix?"
    )
    d = c.u("hmm. Dr. Albers will have opinions on that. let me sleep on it", gap=90)
    c.a("Sure, no hurry. It stays where it is in the outline until you decide.")
    rem = c.u(
        "also, for the future: figures go in as vector PDFs, Albers prints everything and hates blurry PNGs. "
        "put that somewhere you'll find it again. and do they want PDF/A for the electronic copy? no rush"
    )
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "thesis/NOTES.md",
                    "old_string": "## Conventions\n",
                    "new_string": "## Conventions\n- Figures: vector PDF only (no PNG); Dr. Albers prints everything\n",
                },
            )
        ],
    )
    c.r("Successfully replaced text in thesis/NOTES.md.")
    c.a(
        "Added to thesis/NOTES.md under Conventions. For PDF/A, let me search the regulations.",
        tools=[("bash", {"command": "pdftotext thesis/regs-2025.pdf - | grep -n -i -A2 'pdf/a'"})],
    )
    res = c.r(
        "412:§ 11 (3) The electronic copy shall be submitted as a single file in PDF/A-1b or PDF/A-2b format;\n"
        "413-embedded fonts are required. The printed copies must be identical to the electronic copy."
    )
    ans2 = c.a(
        "Yes: §11(3) wants the electronic copy as one PDF/A-1b or PDF/A-2b file with embedded fonts. With LaTeX "
        "the pdfx package does that (\\usepackage[a-2b]{pdfx})."
    )
    c.u("brilliant, thanks. off to the library")
    c.item(
        "decision",
        "Thesis chapter 3 split by data source: ground observations stay in chapter 3; remote sensing "
        "and the random-forest regression move to a new chapter 4 next to their results",
        [p, y],
        True,
    )
    c.item("fact", "Thesis submission date is 14 March (not 4 March)", [y], True)
    c.item(
        "fact",
        "Thesis length is capped at 250 pages without appendices (regs §7); no per-chapter limit",
        [ans],
    )
    c.item(
        "open_question",
        "Pilot study from summer 2024 (iButtons, not HOBO loggers): a section in chapter 3 or an "
        "appendix? Undecided, user is sleeping on it (Dr. Albers will have opinions)",
        [q, d],
    )
    c.item("fact", "Thesis figures are vector PDFs, never PNGs: Dr. Albers prints everything", [rem], True)
    c.item(
        "fact",
        "The electronic thesis copy must be one PDF/A-1b or PDF/A-2b file with embedded fonts (§11(3)); "
        "LaTeX: pdfx package",
        [res, ans2],
    )
    c.noise += [
        "I vaguely remember something about 30 pages",
        "off to the library",
        "let me search the regulations",
    ]
    _ = side
    return c


def app_release() -> Conv:
    c = Conv(
        "03-android-app-release",
        "2026-11-19T13:30:00",
        1,
        "control-ui",
        "anthropic",
        cwd="/home/ines/src/pantry-app",
    )
    c.u(
        "Time to ship Pantry 3.8.0 on Android. Repo is ~/src/pantry-app, versionCode should already be 3080. "
        "Can you do the release build?"
    )
    b1 = c.a(
        "Building the release bundle.",
        tools=[("bash", {"command": "cd ~/src/pantry-app && ./gradlew bundleRelease"})],
    )
    fail = c.r(
        "> Task :app:validateSigningRelease FAILED\n\nFAILURE: Build failed with an exception.\n\n"
        "* What went wrong:\nExecution failed for task ':app:validateSigningRelease'.\n"
        "> Keystore file '/home/ines/keys/pantry-upload.jks' not found for signing config 'release'.\n\n"
        "BUILD FAILED in 14s\n23 actionable tasks: 2 executed, 21 up-to-date",
        exit_code=1,
    )
    c.a(
        "The signing config points at a keystore that isn't there. Let me see where it's configured.",
        tools=[("bash", {"command": "cd ~/src/pantry-app && cat keystore.properties && ls ~/keys"})],
    )
    c.r(
        "storeFile=/home/ines/keys/pantry-upload.jks\nstorePassword=Tq8-vellum-Harbor-22\nkeyAlias=upload\n"
        "keyPassword=Tq8-vellum-Harbor-22\n---\npantry\nold-2024"
    )
    fix = c.a(
        "keystore.properties still has the old flat path; your keys now live in ~/keys/pantry/. Pointing "
        "storeFile there.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/src/pantry-app && ls ~/keys/pantry && sed -i "
                    "'s#^storeFile=.*#storeFile=/home/ines/keys/pantry/upload.jks#' keystore.properties"
                },
            )
        ],
    )
    c.r("upload.jks")
    b2 = c.a("", tools=[("bash", {"command": "cd ~/src/pantry-app && ./gradlew bundleRelease"})])
    ok = c.r(
        "> Task :app:signReleaseBundle\n> Task :app:bundleRelease\n\nBUILD SUCCESSFUL in 2m 41s\n"
        "61 actionable tasks: 40 executed, 21 up-to-date\n"
        "app/build/outputs/bundle/release/app-release.aab (18.4 MB)",
        gap=160,
    )
    up = c.a(
        "Build is green. Uploading to the internal track first.",
        tools=[("bash", {"command": "cd ~/src/pantry-app && bundle exec fastlane android internal"})],
    )
    upr = c.r(
        "[13:37:02]: Driving the lane 'android internal' 🚀\n[13:37:40]: Uploading app-release.aab (versionCode 3080)\n"
        "[13:38:15]: Successfully finished the upload to Google Play (internal track)\n"
        "+------+---------------------+-------------+\n| Step | Action              | Time (in s) |\n"
        "| 1    | upload_to_play_store | 73          |\n+------+---------------------+-------------+\n"
        "[13:38:15]: fastlane.tools finished successfully 🎉",
        gap=70,
    )
    prop = c.a(
        "3.8.0 (3080) is on the internal track. For production I'd do a staged rollout rather than 100% at "
        "once: start at 20% of users and widen after two days if the crash rate stays flat. Go with 20%?"
    )
    y1 = c.u("ja, 20 klingt gut", gap=200)
    c.a("OK, 20% it is once internal testers have had a look.")
    c.compaction(
        "## Goal\nRelease Pantry 3.8.0 (versionCode 3080) on Android.\n\n## Done\n- Fixed storeFile in "
        "keystore.properties (now /home/ines/keys/pantry/upload.jks); bundleRelease succeeded\n"
        "- Uploaded to internal track via fastlane\n\n## Decisions\n- Staged production rollout at 20%\n\n"
        "## Next\n- Promote to production after internal check",
        first_kept=prop,
        tokens_before=41210,
    )
    rev = c.u(
        "change of plan on the rollout: make it 5%. 3.7 had that crash on Android 12 Samsung devices "
        "and I'd rather catch anything like it on a small slice",
        gap=1500,
    )
    ack = c.a(
        "Makes sense, 5% then. Promoting 3080 to production with a 5% rollout.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/src/pantry-app && bundle exec fastlane supply --track internal "
                    "--track_promote_to production --rollout 0.05 --version_code 3080"
                },
            )
        ],
    )
    prom = c.r(
        "[14:05:11]: Preparing to promote versionCode 3080 from 'internal' to 'production'\n"
        "[14:05:19]: Rollout fraction: 0.05\n[14:05:24]: Successfully promoted to 'production'\n"
        "[14:05:24]: fastlane.tools finished successfully 🎉",
        gap=20,
    )
    c.a(
        "Done: 3.8.0 (3080) is live on production for 5% of users. The Play Console will show the first "
        "Android vitals for it tomorrow morning."
    )
    c.u("great, thanks! coffee time")
    c.item(
        "outcome",
        "Release build failed because keystore.properties pointed to a missing keystore "
        "(/home/ines/keys/pantry-upload.jks); storeFile set to /home/ines/keys/pantry/upload.jks, then "
        "./gradlew bundleRelease succeeded",
        [fail, fix, ok],
    )
    c.item(
        "decision",
        "Pantry 3.8.0 production rollout: staged at 5% of users (Android 12 Samsung crash in 3.7)",
        [prop, rev, ack],
        True,
    )
    c.item(
        "outcome",
        "Pantry 3.8.0 (versionCode 3080) uploaded to the internal track and promoted to production "
        "at a 5% rollout",
        [upr, prom],
    )
    c.item(
        "procedure",
        "Android release of Pantry: ./gradlew bundleRelease, then bundle exec fastlane android "
        "internal, then bundle exec fastlane supply --track internal --track_promote_to production --rollout 0.05 "
        "--version_code 3080",
        [b2, up, ack, prom],
    )
    c.canaries.append("Tq8-vellum-Harbor-22")
    c.noise += ["coffee time", "Uploading to the internal track first"]
    _ = (b1, y1)
    return c


def renovation() -> Conv:
    c = Conv(
        "04-kitchen-renovation",
        "2026-11-21T10:02:00",
        0,
        "telegram",
        "anthropic",
        ("Priya Nair", "priyanair", "70211845"),
        "/home/priya/.openclaw/workspace",
    )
    ask = c.u(
        "hi! kitchen update. Tom (the joiner) came round this morning. the worktop run is 3.2 m and we have to "
        "pick between solid oak and a compact laminate. oak is lovely but needs oiling every few months, the "
        "laminate is basically indestructible and about £400 cheaper. honestly I can't decide, your call"
    )
    pick = c.a(
        "Then I'd go with the compact laminate. You cook a lot and the sink side gets soaked, and oak next to a "
        "sink needs constant care; the £400 can go to the zellige splashback you liked. I'd take the 12 mm "
        "Egger one in 'Halifax oak' so it still looks warm."
    )
    ok = c.u("ok fine, laminate it is 😅")
    off = c.a(
        "Good choice. I could write Tom a short email with the worktop spec and ask him to redo his quote "
        "with it. Shall I?"
    )
    yes = c.u("sounds good, do it")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "python3 skills/mail/send.py --to tom@brannigan-joinery.co.uk "
                    "--subject 'Kitchen worktop: compact laminate' --body-file /tmp/tom-worktop.txt"
                },
            )
        ],
    )
    sent = c.r("sent: message-id <20261121T1006.4f2a@mail.priyanair.net> to tom@brannigan-joinery.co.uk")
    c.a(
        "Sent. I asked Tom to price the 12 mm Egger compact laminate (Halifax oak) for the 3.2 m run instead of oak."
    )
    todo = c.u(
        "he texted, he'll send the revised quote by Thursday. if it comes in over £9k we need to talk before I "
        "say yes",
        gap=900,
    )
    c.a("Noted: Tom's revised quote is due Thursday, and I'll flag it if it's above £9,000.")
    rem = c.u(
        "also bear in mind the stopcock is under the stairs behind the hoover, not under the sink like in "
        "most houses. the plumber next week will ask"
    )
    c.a("Got it: stopcock under the stairs, behind the hoover.")
    c.u("and the alarm code is 739164, the plumber needs it on Tuesday morning. keep that for me too")
    c.a(
        "I'd rather not keep the alarm code: my notes are plain text files. Could you text it to the plumber "
        "yourself on Tuesday? I can remind you on Monday evening."
    )
    r2 = c.u("fair enough. yes remind me monday")
    c.a(
        "",
        tools=[
            (
                "cron",
                {
                    "action": "add",
                    "schedule": "2026-11-23T19:00:00Z",
                    "text": "Text the plumber the alarm code for Tuesday morning",
                },
            )
        ],
    )
    rr = c.r('{"ok": true, "id": "rem_0b91", "next": "2026-11-23T19:00:00Z"}')
    c.a("Reminder set for Monday 19:00.")
    c.u("thanks!! off to B&Q now, wish me luck")
    c.a("Good luck, and don't let them talk you into the extended warranty.")
    c.item(
        "decision",
        "Kitchen worktop (3.2 m run): 12 mm Egger compact laminate in 'Halifax oak' instead of solid "
        "oak (about £400 cheaper, no oiling), chosen by the assistant",
        [ask, pick, ok],
        True,
    )
    c.item(
        "decision",
        "Accepted offer: the assistant emailed Tom (tom@brannigan-joinery.co.uk) the worktop spec and "
        "asked for a revised quote",
        [off, yes, sent],
        True,
    )
    c.item(
        "todo",
        "Tom sends the revised kitchen quote by Thursday; if it is over £9,000, talk before accepting",
        [todo],
    )
    c.item(
        "fact", "The water stopcock is under the stairs behind the hoover, not under the sink", [rem], True
    )
    c.item(
        "todo",
        "Monday 23 November 19:00: Priya texts the plumber the alarm code for Tuesday morning (reminder set)",
        [r2, rr],
    )
    c.canaries.append("739164")
    c.noise += ["off to B&Q now, wish me luck", "extended warranty"]
    return c


def lab() -> Conv:
    c = Conv("05-elisa-plate-run", "2026-11-18T08:47:00", 1, "pi", "openai-codex", cwd="/home/hkowalski/lab")
    rule = c.u(
        "the plate reader is doing plates 1-4 of the IL-6 ELISA, run 07. can you keep an eye on the queue and "
        "when it's finished export the results and push them to the LIMS? raw exports go to "
        "/data/raw/<date>/ and nobody touches anything in there afterwards, working copies go to /data/work."
    )
    c.a("Will do. I'll check the reader and start watching run 07.")
    r2 = c.u("oh and fyi a plate whose standard curve is under R² 0.98 gets redone, that's lab policy", gap=5)
    c.a(
        "Understood. I'll poll the reader about once a minute.",
        tools=[("bash", {"command": "readerctl status --run 07"})],
    )
    progress = [
        "plate 1/4 equilibrating to 25.0 °C (now 22.4 °C)",
        "plate 1/4 equilibrating to 25.0 °C (now 23.1 °C)",
        "plate 1/4 equilibrating to 25.0 °C (now 23.9 °C)",
        "plate 1/4 equilibrating to 25.0 °C (now 24.5 °C)",
        "plate 1/4 equilibrating to 25.0 °C (now 24.9 °C)",
        "plate 1/4 shaking (30 s)",
        "plate 1/4 reading (well 12/96)",
        "plate 1/4 reading (well 77/96)",
        "plate 2/4 shaking (30 s)",
        "plate 2/4 reading (well 40/96)",
        "plate 2/4 reading (well 96/96)",
        "plate 3/4 loading",
        "plate 3/4 reading (well 18/96)",
        "plate 3/4 reading (well 71/96)",
        "plate 4/4 shaking (30 s)",
        "plate 4/4 reading (well 9/96)",
        "plate 4/4 reading (well 55/96)",
        "plate 4/4 reading (well 90/96)",
        "plate 4/4 writing results",
        "plate 4/4 writing results",
        "plate 4/4 verifying checksum",
    ]
    first = c.r(f"run 07 [IL6-ELISA] status: {progress[0]}  elapsed 00:01:03")
    for i, line in enumerate(progress[1:], start=2):
        c.a("", tools=[("bash", {"command": "sleep 60 && readerctl status --run 07"})])
        c.r(f"run 07 [IL6-ELISA] status: {line}  elapsed 00:{i:02d}:{(i * 7) % 60:02d}", gap=60)
    c.a("", tools=[("bash", {"command": "sleep 60 && readerctl status --run 07"})])
    done = c.r("run 07 [IL6-ELISA] status: complete (4/4 plates)  elapsed 00:22:05", gap=60)
    c.a(
        "Run 07 is complete. Exporting to the raw folder and making a working copy.",
        tools=[
            (
                "bash",
                {
                    "command": "readerctl export --run 07 --format csv --out /data/raw/2026-11-18/elisa_run07.csv "
                    "&& chmod 444 /data/raw/2026-11-18/elisa_run07.csv "
                    "&& cp /data/raw/2026-11-18/elisa_run07.csv /data/work/elisa_run07.csv"
                },
            )
        ],
    )
    exp = c.r("exported 384 wells (4 plates) -> /data/raw/2026-11-18/elisa_run07.csv")
    c.a(
        "",
        tools=[("bash", {"command": "lims-cli upload --project IL6-2026 --file /data/work/elisa_run07.csv"})],
    )
    u1 = c.r(
        "lims-cli 2.3.0\nuploading elisa_run07.csv (41.2 kB) to project IL6-2026 ...\n"
        'server response: {"status": 503, "error": "Service Unavailable", "detail": "ingest queue is paused"}\n'
        "done."
    )
    c.a(
        "The upload command finished with exit code 0, but the LIMS answered 503 Service Unavailable "
        '("ingest queue is paused"), so nothing was stored. Trying once more in a minute.',
        tools=[
            (
                "bash",
                {
                    "command": "sleep 60 && lims-cli upload --project IL6-2026 --file /data/work/elisa_run07.csv"
                },
            )
        ],
    )
    u2 = c.r(
        "lims-cli 2.3.0\nuploading elisa_run07.csv (41.2 kB) to project IL6-2026 ...\n"
        'server response: {"status": 503, "error": "Service Unavailable", "detail": "ingest queue is paused"}\n'
        "done.",
        gap=60,
    )
    rep = c.a(
        "Still 503 on the second try, so run 07 is not in the LIMS yet; the data is safe in "
        "/data/raw/2026-11-18/elisa_run07.csv. Meanwhile I fitted the standard curves.",
        tools=[("bash", {"command": "python3 tools/fit4pl.py /data/work/elisa_run07.csv"})],
    )
    fit = c.r(
        "plate  R2      EC50(pg/ml)\n1      0.996   41.8\n2      0.993   43.1\n3      0.962   57.4\n4      0.991   42.6"
    )
    q = c.a(
        "Plates 1, 2 and 4 look good (R² 0.991 to 0.996). Plate 3 is at 0.962, below your 0.98 line, and its "
        "EC50 is off too, which smells like the wash buffer. Do you want plate 3 redone with freshly made "
        "buffer tomorrow, or redone today with the current batch?"
    )
    c.item(
        "fact",
        "Raw plate-reader exports go to /data/raw/<date>/ and are never modified afterwards; working "
        "copies go to /data/work",
        [rule],
        True,
    )
    c.item("fact", "Lab policy: a plate whose standard curve has R² below 0.98 is redone", [r2], True)
    c.item(
        "outcome",
        "Plate reader run 07 (IL-6 ELISA, plates 1-4) completed after 22 min of polling; 384 wells exported to "
        "/data/raw/2026-11-18/elisa_run07.csv (read-only) with a copy in /data/work",
        [first, done, exp],
    )
    c.item(
        "outcome",
        "LIMS upload of run 07 to project IL6-2026 failed: lims-cli exits 0 but the server answers "
        "503 Service Unavailable (ingest queue is paused), twice; not uploaded yet",
        [u1, u2, rep],
        True,
    )
    c.item(
        "outcome",
        "Standard curves of run 07: plates 1, 2, 4 R² 0.991-0.996; plate 3 R² 0.962 (EC50 57.4 pg/ml), "
        "below the 0.98 cutoff",
        [fit, q],
    )
    c.item(
        "open_question",
        "Redo plate 3 of run 07 tomorrow with fresh wash buffer, or today with the current batch? "
        "Not answered",
        [q],
    )
    c.noise += ["I'll poll the reader about once a minute", "plate 2/4 shaking (30 s)"]
    return c


def smalltalk() -> Conv:
    c = Conv(
        "06-smalltalk-train",
        "2026-12-01T16:40:00",
        1,
        "telegram",
        "openai-codex",
        ("Daan Visser", "daanv", "81330457"),
        "/home/daan/.openclaw/workspace",
    )
    c.u("hey, you there?")
    c.a("I'm here! What's up?")
    c.u("nothing really, just bored on the train. it's snowing in Utrecht, first time this year", gap=30)
    c.a("Snow on the first of December, good timing. Enjoy the view from the window!")
    c.u("haha yeah, the cows look very confused. ok tunnel coming, ttyl")
    c.a("Talk later, Daan!")
    c.noise += [
        "just bored on the train",
        "it's snowing in Utrecht",
        "the cows look very confused",
        "ttyl",
        "Talk later",
    ]
    return c


def steuer() -> Conv:
    c = Conv(
        "07-de-steuererklaerung",
        "2026-11-14T09:20:00",
        1,
        "telegram",
        "anthropic",
        ("Katrin Vogt", "kvogt", "60418823"),
        "/home/katrin/.openclaw/workspace",
    )
    c.u(
        "Hallo! Ich will endlich die Steuererklärung für 2025 machen. Ich bin angestellt, fahre mit dem Auto 32 km "
        "ins Büro nach Ludwigsburg, und letztes Jahr kamen eine neue Brille und eine Zahnbehandlung dazu."
    )
    p = c.a(
        "Gern. Die Pendlerpauschale sind 0,30 € für die ersten 20 km und 0,38 € ab dem 21. Kilometer, bei 32 km "
        "und 210 Arbeitstagen also rund 2.218 €. Bei der Abgabe hast du zwei Wege: Entweder du machst sie selbst "
        "über ELSTER und ich bereite dir alle Werte Zeile für Zeile vor, oder du gibst sie an einen "
        "Lohnsteuerhilfeverein; das kostet je nach Einkommen etwa 90 bis 150 € Jahresbeitrag, dafür prüfen die "
        "auch, ob Brille und Zahnbehandlung über die zumutbare Belastung kommen. Was ist dir lieber?"
    )
    y = c.u("Das Zweite. Und Korrektur: es sind 23 km, nicht 32, hab mich vertippt", gap=150)
    c.a(
        "Dann rechne ich neu.",
        tools=[("bash", {"command": 'python3 -c "print(round((20*0.30 + 3*0.38) * 210, 2))"'})],
    )
    calc = c.r("1499.4")
    summ = c.a(
        "Mit 23 km sind es 7,14 € pro Arbeitstag, bei 210 Tagen 1.499,40 € Entfernungspauschale. Das liegt über dem "
        "Arbeitnehmer-Pauschbetrag von 1.230 €, die Erklärung lohnt sich also schon deshalb."
    )
    c.u(
        "Super. Mein ELSTER-Login hat übrigens das Passwort Kranich!Moos47, falls du das für den Belegabruf brauchst"
    )
    c.a(
        "Danke, aber das brauche ich nicht und ich lege es auch nirgends ab: Der Verein ruft die Belege mit deiner "
        "Vollmacht selbst ab. Ändere das Passwort am besten, weil es jetzt im Chatverlauf steht."
    )
    t = c.u(
        "Ok, mach ich. Ich nehme den Verein in Bietigheim. Bis Freitag, 20. November, schicke ich denen die "
        "Lohnsteuerbescheinigung und die Rechnung vom Zahnarzt.",
        gap=200,
    )
    q = c.a(
        "Notiert: bis 20. November Lohnsteuerbescheinigung und Zahnarztrechnung an den Verein in Bietigheim. "
        "Eine Frage ist noch offen: Macht ihr die Erklärung zusammen, also Zusammenveranlagung mit Jonas, oder "
        "jeder einzeln? Bei euren ähnlichen Gehältern wäre der Splittingvorteil eher klein."
    )
    d = c.u("Puh, keine Ahnung. Das muss ich erst mit Jonas besprechen.")
    c.a("Klar, sag einfach Bescheid, wenn ihr euch entschieden habt.")
    c.u("Danke dir, schönes Wochenende!")
    c.a("Dir auch, Katrin!")
    c.item(
        "decision",
        "Steuererklärung 2025 über einen Lohnsteuerhilfeverein (ca. 90–150 € Jahresbeitrag) statt "
        "selbst über ELSTER",
        [p, y],
        True,
    )
    c.item("fact", "Arbeitsweg ins Büro nach Ludwigsburg: 23 km (nicht 32)", [y], True)
    c.item("fact", "Entfernungspauschale 2025 bei 23 km und 210 Arbeitstagen: 1.499,40 €", [calc, summ])
    c.item(
        "todo",
        "Katrin schickt bis Freitag, 20. November, Lohnsteuerbescheinigung und Zahnarztrechnung an den "
        "Lohnsteuerhilfeverein in Bietigheim",
        [t],
    )
    c.item(
        "open_question",
        "Zusammenveranlagung mit Jonas oder Einzelveranlagung? Offen, Katrin bespricht es erst mit Jonas",
        [q, d],
    )
    c.canaries.append("Kranich!Moos47")
    c.noise += ["schönes Wochenende", "Dann rechne ich neu"]
    return c


def bandtour() -> Conv:
    c = Conv(
        "08-de-bandtour-maerz",
        "2026-11-24T18:10:00",
        1,
        "telegram",
        "google",
        ("Mia Brandt", "mia_kassette", "44910372"),
        "/home/mia/.openclaw/workspace",
    )
    c.u(
        "Moin! Tourplanung für März: Hamburg 12.3., Leipzig 13.3., Dresden 14.3., Berlin 15.3. Wir brauchen was, "
        "das fünf Leute plus Backline transportiert. Was gibt's da?"
    )
    c.a("Ich schau kurz in eure Crew-Notizen.", tools=[("read", {"file_path": "band/crew.md"})])
    c.r(
        "# Kassettenkinder crew\n- Mia (Gesang, Gitarre), Führerschein B + BE\n- Lukas (Bass), Führerschein B\n"
        "- Deniz (Schlagzeug), Führerschein B\n- Ole (Keys)\n- Sara (Ton/FOH), Führerschein B\n"
    )
    p = c.a(
        "Es gibt drei Wege. Ein Sprinter von Rent-a-Band in Hamburg kostet für die vier Tage 620 € inklusive "
        "1.500 km. Ein Neunsitzer von Sixt mit Anhänger liegt bei etwa 540 €, aber mit Anhänger darf nur fahren, "
        "wer BE hat. Und Lukas' alter T4 wäre umsonst, nur passt das Schlagzeug nicht rein. Ich würde den "
        "Sprinter nehmen."
    )
    c.u("Moment, wer von uns hat eigentlich BE?")
    c.a("Laut crew.md nur du, Mia. Beim Sixt-Gespann müsstest du also alle Strecken fahren.")
    y = c.u("Ok, dann bleibt's beim Sprinter, passt.")
    off = c.a(
        "Gut, Sprinter von Rent-a-Band, 12. bis 15. März. Soll ich gleich eine Reservierungsanfrage an die "
        "schicken?"
    )
    no = c.u("Nee, lass mal, das macht Lukas, der kennt die Leute da.")
    c.a("Alles klar, dann übernimmt Lukas das.")
    t = c.u(
        "Und ich kläre bis 20. Dezember mit dem UT Connewitz in Leipzig, ob wir deren Backline "
        "benutzen dürfen.",
        gap=60,
    )
    c.a("Notiert: du klärst bis 20. Dezember mit dem UT Connewitz die Backline.")
    c.compaction(
        "## Tour März\nHamburg 12.3., Leipzig 13.3., Dresden 14.3., Berlin 15.3.; 5 Personen + Backline.\n\n"
        "## Entscheidungen\n- Sprinter von Rent-a-Band (620 €, 1.500 km inkl.)\n- Reservierung macht Lukas\n\n"
        "## Offen\n- Mia: Backline UT Connewitz bis 20.12.",
        first_kept=t,
        tokens_before=38822,
    )
    c.model_change("anthropic")
    rev = c.u(
        "Planänderung: Lukas' Onkel leiht uns seinen Crafter für die ganze Tour, wir zahlen nur Sprit. Also "
        "doch kein Sprinter von Rent-a-Band.",
        gap=80000,
    )
    ack = c.a(
        "Super, dann fahrt ihr mit dem Crafter von Lukas' Onkel und zahlt nur Sprit. Ich nehme den Sprinter "
        "aus dem Plan; Lukas muss dort nichts mehr reservieren."
    )
    rule = c.u(
        "Und plan die Fahrten bitte so, dass wir nach einem Gig nicht mehr nachts weiterfahren, das war "
        "letztes Jahr die Hölle."
    )
    plan = c.a(
        "Dann übernachtet ihr jeweils in der Gig-Stadt und fahrt am Vormittag weiter: Hamburg → Leipzig am "
        "13.3. ca. 4 h, Leipzig → Dresden am 14.3. ca. 1,5 h, Dresden → Berlin am 15.3. ca. 2 h. Abfahrt "
        "jeweils gegen 10 Uhr reicht für alle Soundchecks."
    )
    c.u("Top. Bis später!")
    c.item(
        "decision",
        "Tour-Fahrzeug 12.–15. März: der Crafter von Lukas' Onkel (nur Spritkosten), kein Sprinter "
        "von Rent-a-Band",
        [p, rev, ack],
        True,
    )
    c.item(
        "decision",
        "Abgelehnt: Assistent schickt die Reservierungsanfrage für den Van; Lukas wollte das selbst machen",
        [off, no],
        True,
    )
    c.item(
        "todo",
        "Mia klärt bis 20. Dezember mit dem UT Connewitz in Leipzig, ob die Band deren Backline nutzen darf",
        [t],
    )
    c.item(
        "fact",
        "Auf Tour nach einem Gig nicht mehr nachts weiterfahren; Übernachtung in der Gig-Stadt",
        [rule],
        True,
    )
    c.item(
        "fact",
        "Fahrplan der Tour: Hamburg → Leipzig am 13.3. (ca. 4 h), Leipzig → Dresden am 14.3. (ca. 1,5 h), "
        "Dresden → Berlin am 15.3. (ca. 2 h), Abfahrt jeweils gegen 10 Uhr",
        [plan],
    )
    c.noise += ["Bis später", "wer von uns hat eigentlich BE", "Ich schau kurz in eure Crew-Notizen"]
    _ = y
    return c


def vereinsseite() -> Conv:
    c = Conv(
        "09-de-vereinswebseite",
        "2026-11-26T17:45:00",
        1,
        "control-ui",
        "openai-codex",
        cwd="/home/stefan/vereine/tv-eichenau-web",
    )
    c.u(
        "Hi, die Webseite vom TV Eichenau (~/vereine/tv-eichenau-web, Hugo) soll mit den neuen Kursplänen online "
        "gehen. Kannst du bauen und deployen?"
    )
    c.a(
        "Ich baue zuerst lokal.",
        tools=[("bash", {"command": "cd ~/vereine/tv-eichenau-web && hugo --minify"})],
    )
    fail = c.r(
        "Start building sites … \nhugo v0.139.3+extended linux/amd64 BuildDate=2024-11-08\n"
        'Error: command error: failed to load modules: module "ananke" not found in "/home/stefan/vereine/'
        'tv-eichenau-web/themes"; either add it as a Hugo Module or store it in "/home/stefan/vereine/'
        'tv-eichenau-web/themes".: module does not exist',
        exit_code=1,
    )
    fix = c.a(
        "Das Theme fehlt. themes/ananke ist ein Git-Submodul, das beim Klonen nicht mitgeholt wurde.",
        tools=[
            ("bash", {"command": "cd ~/vereine/tv-eichenau-web && git submodule update --init --recursive"})
        ],
    )
    fixr = c.r(
        "Submodule 'themes/ananke' (https://github.com/theNewDynamic/gohugo-theme-ananke.git) registered for "
        "path 'themes/ananke'\nCloning into '/home/stefan/vereine/tv-eichenau-web/themes/ananke'...\n"
        "Submodule path 'themes/ananke': checked out '8d5f0ee6c1f3b40b5a9cf2b9fd2de7c1e4a2a0b7'"
    )
    b2 = c.a("", tools=[("bash", {"command": "cd ~/vereine/tv-eichenau-web && hugo --minify"})])
    ok = c.r(
        "Start building sites … \n\n                   | DE\n-------------------+-----\n  Pages            | 48\n"
        "  Static files     | 71\n  Processed images |  0\n\nTotal in 412 ms"
    )
    q = c.a(
        "Der Build läuft jetzt durch. Die neuen Kursplan-Fotos sind 14 JPEGs mit zusammen 38 MB, das ist für "
        "Handys zu viel. WebP können alle Browser anzeigen; AVIF wäre noch mal ein Drittel kleiner, aber ältere "
        "iPhones vor iOS 16 zeigen es nicht an. WebP oder AVIF?"
    )
    dl = c.u("Keine Ahnung, mach wie du meinst.", gap=90)
    pick = c.a(
        "Dann WebP mit Qualität 80: Viele Mitglieder haben ältere iPhones, da ist das die sichere Wahl.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/vereine/tv-eichenau-web/static/img/kurse && for f in *.jpg; do "
                    'cwebp -q 80 "$f" -o "${f%.jpg}.webp" -quiet; done && rm *.jpg && '
                    "sed -i 's/\\.jpg/.webp/g' ../../../content/kurse/*.md && du -sh ."
                },
            )
        ],
    )
    c.r("4.1M\t.")
    dep = c.a(
        "Die Fotos sind jetzt 4,1 MB statt 38 MB. Bauen und hochladen.",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/vereine/tv-eichenau-web && hugo --minify && rsync -avz --delete public/ "
                    "tvweb@web3.hostsharing.net:/home/doms/tv-eichenau.de/htdocs/"
                },
            )
        ],
    )
    c.r(
        "Total in 398 ms\nsending incremental file list\n./\nkurse/index.html\nimg/kurse/aerobic-mo.webp\n"
        "...\nsent 5,214,803 bytes  received 1,922 bytes  1,490,492.86 bytes/sec\ntotal size is 9,881,040  speedup is 1.89",
        gap=8,
    )
    chk = c.a("", tools=[("bash", {"command": "curl -sI https://tv-eichenau.de/kurse/ | head -1"})])
    live = c.r("HTTP/2 200")
    c.a("Online: https://tv-eichenau.de/kurse/ antwortet mit 200 und zeigt die neuen Kurspläne.")
    rem = c.u(
        "Klasse! Schreib dir auf, dass der Deploy-Zugang auf web3 über meinen SSH-Key läuft und nicht über das "
        "Passwort vom Hoster-Panel. Frau Kessler vom Vorstand fragt sonst jedes Mal danach."
    )
    c.a("Ist notiert: Deploy auf web3.hostsharing.net mit deinem SSH-Key, nicht mit dem Panel-Passwort.")
    c.u("Danke, bis nächste Woche")
    c.item(
        "outcome",
        "Hugo-Build scheiterte am fehlenden Theme-Submodul themes/ananke; nach git submodule update "
        "--init --recursive lief hugo --minify durch",
        [fail, fix, fixr, ok],
    )
    c.item(
        "decision",
        "Kursplan-Fotos als WebP mit Qualität 80 statt AVIF (ältere iPhones vor iOS 16), vom "
        "Assistenten gewählt; 38 MB → 4,1 MB",
        [q, dl, pick],
        True,
    )
    c.item("outcome", "Neue Kurspläne deployed: https://tv-eichenau.de/kurse/ liefert HTTP 200", [dep, live])
    c.item(
        "procedure",
        "Deploy der Vereinsseite: git submodule update --init --recursive, hugo --minify, rsync -avz "
        "--delete public/ tvweb@web3.hostsharing.net:/home/doms/tv-eichenau.de/htdocs/, dann curl -sI "
        "https://tv-eichenau.de/kurse/ prüfen",
        [fix, b2, dep, chk, live],
    )
    c.item(
        "fact",
        "Deploy-Zugang auf web3.hostsharing.net läuft über den SSH-Key des Nutzers, nicht über das Passwort des "
        "Hoster-Panels",
        [rem],
        True,
    )
    c.noise += ["bis nächste Woche", "Ich baue zuerst lokal"]
    return c


def boda() -> Conv:
    c = Conv(
        "10-es-boda-finca",
        "2026-11-12T15:30:00",
        1,
        "telegram",
        "openai-codex",
        ("Lucía Ferrer", "luciaferrer", "39822016"),
        "/home/lucia/.openclaw/workspace",
    )
    c.u(
        "¡Hola! Seguimos con la boda. Ya tenemos fecha: 12 de junio de 2027, unos 130 invitados. Nos quedan tres "
        "fincas en la lista, ¿me haces un resumen para decidir?"
    )
    c.a("Claro, miro tus notas.", tools=[("read", {"file_path": "boda/fincas.md"})])
    c.r(
        "# Fincas visitadas\n\n- La Alquería de Godella: 118 €/cubierto, barra libre 2 h incluida, aforo 180\n"
        "- Mas de Sant Jaume (Moncada): 92 €/cubierto + barra libre aparte (~10 €/persona), aforo 150\n"
        "- Masía El Olivar (Bétera): 108 €/cubierto todo incluido, aforo 200, a 50 min de Valencia\n"
    )
    p = c.a(
        "Resumen rápido: La Alquería de Godella sale a 118 € por cubierto con dos horas de barra libre incluidas; "
        "el Mas de Sant Jaume, en Moncada, cobra 92 € y la barra libre va aparte, unos 10 € por persona, con "
        "aforo de 150, justo para vosotros; y la Masía El Olivar pide 108 € con todo incluido, pero queda a 50 "
        "minutos de Valencia y tendríais que poner autobús. ¿Cuál os encaja más?"
    )
    y = c.u("Nos quedamos con la más barata, que lo del autobús no nos apetece nada", gap=240)
    off = c.a(
        "Perfecto, Mas de Sant Jaume: unos 102 € por persona con la barra. Para bloquear la fecha piden una "
        "señal de 2.000 €. ¿Quieres que les escriba pidiendo el contrato y el número de cuenta?"
    )
    yes = c.u("dale")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "python3 skills/mail/send.py --to eventos@masdesantjaume.es --subject "
                    "'Boda 12/06/2027 - contrato y señal' --body-file /tmp/masdesantjaume.txt"
                },
            )
        ],
    )
    sent = c.r("enviado: <20261112153812.77aa@correo.luciaferrer.es> -> eventos@masdesantjaume.es")
    c.a(
        "Hecho: les he pedido el contrato y el número de cuenta para la señal de 2.000 €, para el 12 de junio de 2027."
    )
    rem = c.u("Apúntate que la madre de Álvaro es alérgica a los frutos secos, para cuando toque ver el menú")
    c.a("Apuntado: la madre de Álvaro, alergia a los frutos secos. Lo tendré en cuenta en la prueba de menú.")
    t = c.u(
        "Y Álvaro llama a la orquesta Los Vinilos antes del 30 de noviembre para ver si tienen libre ese día"
    )
    q = c.a(
        "Anotado. Otra cosa que tendréis que decidir: ¿ceremonia civil en la propia finca, o en la iglesia de "
        "Godella con traslado después? En la finca os ahorráis el traslado y unos 600 € de montaje."
    )
    d = c.u("Uf, eso lo tengo que consultar con la almohada.", gap=90)
    c.a("Claro, sin prisa. Cuando lo tengáis claro me dices y ajusto el presupuesto.")
    c.u("Gracias, ¡qué calor hace hoy para ser noviembre!", gap=20)
    c.a("¡Aprovecha el sol! Aquí estoy cuando quieras seguir.")
    c.item(
        "decision",
        "Finca de la boda (12 de junio de 2027, unos 130 invitados): Mas de Sant Jaume en Moncada, "
        "92 € por cubierto más unos 10 € de barra libre",
        [p, y],
        True,
    )
    c.item(
        "decision",
        "Oferta aceptada: el asistente escribió al Mas de Sant Jaume (eventos@masdesantjaume.es) "
        "pidiendo el contrato y el número de cuenta para la señal de 2.000 €",
        [off, yes, sent],
        True,
    )
    c.item(
        "fact",
        "La madre de Álvaro es alérgica a los frutos secos (tenerlo en cuenta en el menú)",
        [rem],
        True,
    )
    c.item(
        "todo",
        "Álvaro llama a la orquesta Los Vinilos antes del 30 de noviembre para saber si tienen libre el "
        "12 de junio de 2027",
        [t],
    )
    c.item(
        "open_question",
        "¿Ceremonia civil en la finca o en la iglesia de Godella con traslado? Pendiente, Lucía "
        "lo consulta con la almohada",
        [q, d],
    )
    c.noise += ["qué calor hace hoy para ser noviembre", "Aprovecha el sol", "Claro, miro tus notas"]
    return c


def tienda() -> Conv:
    c = Conv(
        "11-es-tienda-stock-api",
        "2026-11-27T10:05:00",
        1,
        "control-ui",
        "anthropic",
        cwd="/home/javier/barro-vivo-shop",
    )
    c.u(
        "Hola. El script que sincroniza el stock del almacén con la tienda online (scripts/sync_stock.py) lleva dos "
        "días sin actualizar nada y nadie ha tocado el código. ¿Lo miras?"
    )
    c.a(
        "Lo ejecuto para ver qué dice.",
        tools=[("bash", {"command": "cd ~/barro-vivo-shop && python scripts/sync_stock.py"})],
    )
    r1 = c.r(
        "2026-11-27 10:05:41 INFO leídos 214 productos de almacen.csv\n"
        '2026-11-27 10:05:42 INFO PUT /api/v2/inventory/BV-TAZA-014 -> {"error":"Internal Server Error","code":500}\n'
        '2026-11-27 10:05:42 INFO PUT /api/v2/inventory/BV-PLATO-031 -> {"error":"Internal Server Error","code":500}\n'
        "... (212 líneas iguales)\n2026-11-27 10:05:58 INFO sincronización terminada: 214 peticiones"
    )
    c.a(
        "El script termina con código 0 y dice 'sincronización terminada', pero cada PUT a la API devuelve 500 "
        "Internal Server Error: no se ha actualizado nada. Pruebo una sola petición a mano.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X PUT https://api.tiendaplataforma.com/api/v2/inventory/BV-TAZA-014 "
                    "-H 'Authorization: Bearer bv_live_9fQ2mX7rTa41LpZc0wKe' "
                    "-H 'Content-Type: application/json' -d '{\"available\": 12}'"
                },
            )
        ],
    )
    r2 = c.r('{"error":"Internal Server Error","code":500,"request_id":"req_7Hc2Kq"}')
    off = c.a(
        "También 500 con una sola petición bien formada según su documentación, así que el fallo está en la "
        "plataforma, no en el script (request_id req_7Hc2Kq). Podría escribir yo al soporte de la plataforma "
        "con el request_id y un ejemplo, ¿quieres?"
    )
    no = c.u("No, déjalo, les escribo yo, que tengo soporte prioritario y me contestan antes.")
    c.a("Entendido. El stock de la tienda sigue sin actualizarse hasta que lo arreglen.")
    c.u("Mientras tanto, cambia el banner de la web: envío gratis a partir de 50 €", gap=60)
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "templates/partials/banner.html",
                    "old_string": "Envío gratis a partir de 45 €",
                    "new_string": "Envío gratis a partir de 50 €",
                },
            )
        ],
    )
    c.r("Successfully replaced text in templates/partials/banner.html.")
    c.a("Cambiado a 50 € en templates/partials/banner.html.")
    corr = c.u("perdona, me he liado: son 60 €, no 50")
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "templates/partials/banner.html",
                    "old_string": "Envío gratis a partir de 50 €",
                    "new_string": "Envío gratis a partir de 60 €",
                },
            )
        ],
    )
    ban = c.r("Successfully replaced text in templates/partials/banner.html.")
    c.a("Corregido: el banner dice ahora 'Envío gratis a partir de 60 €'.")
    c.u("Gracias, hasta luego")
    c.item(
        "outcome",
        "La sincronización de stock (scripts/sync_stock.py) no actualiza nada: la API "
        "/api/v2/inventory responde 500 Internal Server Error a cada PUT aunque el script sale con código 0 "
        "(request_id req_7Hc2Kq); sin resolver",
        [r1, r2, off],
        True,
    )
    c.item(
        "decision",
        "Rechazado: que el asistente escriba al soporte de la plataforma; el usuario les escribe él mismo "
        "(soporte prioritario)",
        [off, no],
        True,
    )
    c.item("fact", "Envío gratis a partir de 60 € (no 50 €)", [corr], True)
    c.item(
        "outcome",
        "Banner de la web (templates/partials/banner.html) actualizado: 'Envío gratis a partir de 60 €'",
        [ban],
    )
    c.canaries.append("bv_live_9fQ2mX7rTa41LpZc0wKe")
    c.noise += ["hasta luego", "Lo ejecuto para ver qué dice"]
    return c


def academia() -> Conv:
    c = Conv("12-es-academia-horarios", "2026-12-02T11:15:00", 1, "pi", "google", cwd="/home/marta/academia")
    c.u(
        "Tengo que cuadrar los horarios del trimestre de primavera de la academia. El B2 de inglés de martes y "
        "jueves tiene 14 alumnos, y solo cabe en el aula 3 (12 plazas) o en la sala grande, que los martes tiene "
        "yoga hasta las 19:00."
    )
    p = c.a(
        "Veo dos salidas. Una: dividir el B2 en dos grupos de 7 en el aula 3, con un segundo profesor. Otra: "
        "dejar un único grupo en la sala grande, los martes desde las 19:15, después del yoga, y los jueves a "
        "las 18:00 como ahora."
    )
    c.u("¿Y cuánto nos costaría un profesor más por trimestre?")
    c.a(
        "Con la tarifa de Inés, 24 € la hora: dos horas a la semana durante 12 semanas son 576 € más por trimestre."
    )
    c.u("sure, la segunda")
    c.a("Hecho: B2 en la sala grande, martes 19:15 y jueves 18:00.")
    dq = c.u(
        "Para el A1 de francés de los sábados, ¿lo ponemos a las 10:00 o a las 11:30? Como veas.", gap=60
    )
    pick = c.a(
        "Entonces a las 10:00: a las 11:30 coincide con el taller infantil de la sala 2 y el pasillo se llena "
        "de carritos."
    )
    c.u("¿Sabes si el aula 3 tiene proyector? No me acuerdo.")
    c.a("Lo miro en el inventario.", tools=[("bash", {"command": "grep -i 'aula 3' inventario.csv"})])
    inv = c.r("aula 3;mesas;12\naula 3;proyector;Epson EB-X49\naula 3;pizarra;blanca")
    ans = c.a("Sí, el aula 3 tiene un proyector Epson EB-X49.")
    rev = c.u(
        "Cambio de planes con el B2: Marta dice que el yoga se pasa a los miércoles, así que el B2 va martes y "
        "jueves a las 18:00, los dos días en la sala grande.",
        gap=600,
    )
    ack = c.a(
        "Perfecto, eso es más limpio: B2 martes y jueves a las 18:00 en la sala grande. Actualizo el cuadrante.",
        tools=[
            (
                "edit",
                {
                    "path": "horarios/primavera-2027.md",
                    "old_string": "| B2 inglés | sala grande | mar 19:15, jue 18:00 |",
                    "new_string": "| B2 inglés | sala grande | mar 18:00, jue 18:00 |",
                },
            )
        ],
    )
    c.r("Successfully replaced text in horarios/primavera-2027.md.")
    q = c.a(
        "Cuadrante actualizado. Queda una cosa: el A1 de francés empieza el 6 de marzo y todavía no hay profesora "
        "confirmada. ¿Abro ya la inscripción o esperamos a tenerla?"
    )
    c.item(
        "decision",
        "B2 de inglés (14 alumnos): un solo grupo en la sala grande, martes y jueves a las 18:00 "
        "(el yoga pasa a los miércoles)",
        [p, rev, ack],
        True,
    )
    c.item(
        "decision",
        "A1 de francés los sábados a las 10:00, elegido por el asistente (a las 11:30 coincide con el "
        "taller infantil de la sala 2)",
        [dq, pick],
        True,
    )
    c.item("fact", "El aula 3 tiene proyector (Epson EB-X49) y 12 plazas", [inv, ans])
    c.item(
        "open_question",
        "A1 de francés (empieza el 6 de marzo) sin profesora confirmada: ¿abrir ya la inscripción "
        "o esperar? Sin respuesta",
        [q],
    )
    c.noise += ["No me acuerdo", "Lo miro en el inventario"]
    return c


def gite() -> Conv:
    c = Conv(
        "13-fr-gite-reservation-noel",
        "2026-11-23T17:50:00",
        1,
        "telegram",
        "anthropic",
        ("Hélène Roux", "helene_roux", "52779310"),
        "/home/helene/.openclaw/workspace",
    )
    c.u(
        "Bonsoir ! Une famille de Lyon veut le gîte du 19 au 26 décembre, 4 adultes et 2 enfants. Je leur propose "
        "quel tarif ?"
    )
    p = c.a(
        "Pour Noël tu as deux façons de faire : soit le tarif haute saison habituel, 145 € la nuit, donc 1 015 € "
        "la semaine plus 60 € de ménage ; soit un forfait semaine à 950 € ménage compris, un peu moins cher pour "
        "eux, mais qui te garantit la semaine entière sans trou. Comme c'est la seule semaine encore libre en "
        "décembre, je pencherais pour le forfait."
    )
    y = c.u("La deuxième, oui.", gap=120)
    off = c.a(
        "Parfait, forfait à 950 €. Je peux leur envoyer le devis et le lien de paiement pour l'acompte de 30 % "
        "(285 €) par mail, tu veux ?"
    )
    yes = c.u("ok, vas-y")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "python3 skills/mail/send.py --to famille.rostand@laposte.net --subject "
                    "'Gîte des Oliviers, 19-26 décembre : devis' --attach devis/2026-12-rostand.pdf "
                    "--body-file /tmp/rostand.txt"
                },
            )
        ],
    )
    sent = c.r(
        "sent: <20261123175512.91c0@mail.gitedesoliviers.fr> -> famille.rostand@laposte.net (1 attachment)"
    )
    c.a("C'est parti : devis à 950 € et lien pour l'acompte de 285 € envoyés à famille.rostand@laposte.net.")
    t = c.u("Chantal fera le ménage le samedi 19 avant 15 h.", gap=300)
    c.a("D'accord, Chantal s'occupe du ménage le 19 décembre avant 15 h.")
    c.u(
        "Pour le message d'arrivée : arrivée à partir de 16 h, le code de la boîte à clés c'est 40917, et le wifi "
        "s'appelle GiteDesOliviers."
    )
    c.a(
        "",
        tools=[
            (
                "write",
                {
                    "path": "gite/accueil-rostand.md",
                    "content": "Bienvenue au Gîte des Oliviers !\n\nArrivée à partir de 16 h.\n"
                    "Les clés sont dans la boîte à clés à droite du portail (code 40917).\n"
                    "Wifi : GiteDesOliviers (mot de passe sur le frigo).\n",
                },
            )
        ],
    )
    wr = c.r("Wrote 178 bytes to gite/accueil-rostand.md")
    c.a("Message d'arrivée prêt dans gite/accueil-rostand.md.")
    corr = c.u("Ah non, l'arrivée c'est 17 h, pas 16 h : Chantal a besoin de temps après le ménage.")
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "gite/accueil-rostand.md",
                    "old_string": "Arrivée à partir de 16 h.",
                    "new_string": "Arrivée à partir de 17 h.",
                },
            )
        ],
    )
    ed = c.r("Successfully replaced text in gite/accueil-rostand.md.")
    c.a("Corrigé : arrivée à partir de 17 h.")
    c.u("Merci ! Il fait un froid de canard ici, le mistral souffle depuis trois jours.")
    c.a("Courage, et bonne soirée au chaud !")
    c.item(
        "decision",
        "Location du gîte du 19 au 26 décembre (famille de Lyon, 4 adultes et 2 enfants) : forfait "
        "semaine à 950 € ménage compris",
        [p, y],
        True,
    )
    c.item(
        "decision",
        "Offre acceptée : devis à 950 € et lien d'acompte de 30 % (285 €) envoyés par mail à "
        "famille.rostand@laposte.net",
        [off, yes, sent],
        True,
    )
    c.item("todo", "Chantal fait le ménage du gîte le samedi 19 décembre avant 15 h", [t])
    c.item(
        "fact",
        "Arrivée au gîte à partir de 17 h (pas 16 h), Chantal a besoin de temps après le ménage",
        [corr],
        True,
    )
    c.item(
        "outcome",
        "Message d'arrivée pour la famille Rostand écrit dans gite/accueil-rostand.md (arrivée 17 h, boîte à clés, "
        "wifi GiteDesOliviers)",
        [wr, ed],
    )
    c.canaries.append("40917")
    c.noise += ["froid de canard", "le mistral souffle depuis trois jours", "bonne soirée au chaud"]
    return c


def amap() -> Conv:
    c = Conv(
        "14-fr-amap-factures",
        "2026-11-30T20:10:00",
        1,
        "control-ui",
        "google",
        cwd="/home/yann/amap/factures",
    )
    c.u(
        "Salut. Dans ~/amap/factures les tests cassent depuis que j'ai ajouté les paniers à demi-part. Tu regardes ? "
        "Et au fait, est-ce que les demi-parts apparaissent déjà sur le récap de la trésorière ?"
    )
    c.a("Je lance les tests.", tools=[("bash", {"command": "cd ~/amap/factures && python -m pytest -q"})])
    fail = c.r(
        "....................F.................                                  [100%]\n"
        "FAILED tests/test_totaux.py::test_total_mensuel_demi_part - AssertionError: assert "
        "Decimal('47.44') == Decimal('47.46')\n1 failed, 37 passed in 0.84s",
        exit_code=1,
    )
    c.a(
        "",
        think="4 x 11.865 = 47.46. Each line is quantized to cents with ROUND_HALF_EVEN first: 11.865 -> 11.86, "
        "x4 = 47.44. Check totaux.py.",
        tools=[("read", {"path": "factures/totaux.py"})],
    )
    c.r(
        "from decimal import Decimal, ROUND_HALF_EVEN\n\nCENT = Decimal('0.01')\n\n\ndef total_mensuel(lignes):\n"
        "    return sum((l.prix * l.quantite).quantize(CENT, ROUND_HALF_EVEN) for l in lignes)\n"
    )
    p = c.a(
        "Le total arrondit chaque ligne au centime avant de sommer : un demi-panier à 11,865 € devient 11,86 €, "
        "et 4 lignes font 47,44 € au lieu de 47,46 €. On peut soit arrondir une seule fois, sur le total du mois, "
        "comme le tableur de la trésorière, soit garder l'arrondi par ligne mais au demi supérieur, ce qui "
        "donnerait 47,48 €. Je prendrais la première, c'est ce que le test attend."
    )
    y = c.u("yep, la première")
    fix = c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "path": "factures/totaux.py",
                    "old_string": "    return sum((l.prix * l.quantite).quantize(CENT, ROUND_HALF_EVEN) for l in lignes)",
                    "new_string": "    return sum(l.prix * l.quantite for l in lignes).quantize(CENT, ROUND_HALF_EVEN)",
                },
            )
        ],
    )
    c.r("Successfully replaced text in factures/totaux.py.")
    c.a(
        "",
        tools=[
            (
                "bash",
                {"command": "cd ~/amap/factures && python -m pytest -q && grep -n 'Demi' factures/recap.py"},
            )
        ],
    )
    ok = c.r(
        "......................................                                  [100%]\n38 passed in 0.79s\n"
        "41:    section('Demi-part', [a for a in adherents if a.part == Decimal('0.5')])"
    )
    c.a(
        "Les 38 tests passent. Et oui pour ta question : factures/recap.py liste déjà les demi-parts dans une section "
        "'Demi-part' (ligne 41)."
    )
    rule = c.u(
        "Top. Commit et tag v1.4.0 stp. Les messages de commit chez nous c'est en anglais, le dépôt est partagé "
        "avec l'AMAP de Gand."
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "cd ~/amap/factures && git commit -am 'Round monthly totals once, not per line' "
                    "&& git tag -a v1.4.0 -m 'v1.4.0' && git push origin main --tags"
                },
            )
        ],
    )
    pushed = c.r(
        "[main 5c81e0a] Round monthly totals once, not per line\n 1 file changed, 1 insertion(+), 1 deletion(-)\n"
        "To git.amap-lesjardins.org:factures.git\n   2f4d9b1..5c81e0a  main -> main\n * [new tag]         v1.4.0 -> v1.4.0"
    )
    c.a("Commit 5c81e0a (message en anglais) et tag v1.4.0 poussés.")
    c.u("Parfait. Maintenant génère les factures de novembre et envoie-les.", gap=120)
    s1 = c.a("", tools=[("bash", {"command": "cd ~/amap/factures && make factures MOIS=2026-11"})])
    c.r(
        "python -m factures.generer --mois 2026-11 --sortie out/2026-11\n62 factures générées dans out/2026-11/"
    )
    s2 = c.a("", tools=[("bash", {"command": "cd ~/amap/factures && make verifier MOIS=2026-11"})])
    c.r("python -m factures.verifier out/2026-11\n62/62 OK, total 3 214,50 €, demi-parts : 9")
    s3 = c.a("", tools=[("bash", {"command": "cd ~/amap/factures && make envoyer MOIS=2026-11"})])
    sent = c.r("python -m factures.envoyer out/2026-11\n62 mails envoyés, 0 erreur")
    howto = c.a(
        "C'est fait : 62 factures de novembre générées, vérifiées (3 214,50 €) et envoyées sans erreur. Le mois "
        "prochain c'est la même séquence, avec MOIS=2026-12 : make factures, puis make verifier, puis make "
        "envoyer."
    )
    c.u("Merci, bonne soirée !")
    c.item(
        "decision",
        "Totaux mensuels des factures : arrondi au centime une seule fois sur le total du mois, plus "
        "d'arrondi par ligne",
        [p, y],
        True,
    )
    c.item(
        "outcome",
        "test_total_mensuel_demi_part échouait (47.44 au lieu de 47.46 à cause de l'arrondi par ligne) ; "
        "arrondi déplacé sur le total dans factures/totaux.py, 38 tests passent",
        [fail, fix, ok],
    )
    c.item(
        "fact",
        "Les messages de commit du dépôt factures s'écrivent en anglais (dépôt partagé avec l'AMAP de Gand)",
        [rule],
        True,
    )
    c.item(
        "outcome",
        "Commit 5c81e0a 'Round monthly totals once, not per line' et tag v1.4.0 poussés sur origin main",
        [pushed],
    )
    c.item(
        "outcome",
        "Factures de novembre : 62 générées dans out/2026-11/, vérifiées (total 3 214,50 €) et "
        "envoyées sans erreur",
        [sent, howto],
    )
    c.item(
        "procedure",
        "Facturation mensuelle de l'AMAP : make factures MOIS=AAAA-MM, puis make verifier "
        "MOIS=AAAA-MM, puis make envoyer MOIS=AAAA-MM",
        [s1, s2, s3, howto],
    )
    c.noise += ["bonne soirée", "Je lance les tests", "est-ce que les demi-parts apparaissent déjà"]
    return c


ALL = (
    bakery,
    thesis,
    app_release,
    renovation,
    lab,
    smalltalk,
    steuer,
    bandtour,
    vereinsseite,
    boda,
    tienda,
    academia,
    gite,
    amap,
)


if __name__ == "__main__":
    main(ALL, OUT)
