"""Write the fresh3 split: 12 hand-written OpenClaw transcripts and their gold labels.

Every conversation below is written out turn by turn (no templates, no phrase banks); this
script only supplies the envelope (session header, ids, parent chain, timestamps, usage, sender
metadata, tool-call ids) so that the words can be read and labelled in one place.

    python tests/data/eval/fresh3/build.py              # rewrites the *.jsonl and *.gold.json next to it
    python tests/data/eval/fresh3/build.py --out DIR    # writes them to DIR instead

The output is deterministic. Scored once: see README.md. The envelope is ../envelope.py (shared with fresh2);
the conversations are new.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent

sys.path.insert(0, str(OUT.parent))  # the shared envelope: ../envelope.py
from envelope import Conv, main  # noqa: E402

# ==================================================================================================
# The conversations. Each function is one transcript, written by hand for fresh3.
# ==================================================================================================

WS = "/home/{}/.openclaw/workspace"


def garden() -> Conv:
    c = Conv(
        "01-community-garden-beds",
        "2026-11-28T09:14:00",
        0,
        "telegram",
        "anthropic",
        ("Dot Harker", "dotharker", "60211877"),
        WS.format("dot"),
    )
    c.u(
        "hey. committee meeting went ok-ish. 3 new families on the waitlist and only 2 free beds "
        "(B4 and B7). how do i split that"
    )
    p = c.a(
        "A few ways to do it. You could hand B4 and B7 to the first two families on the waitlist strictly by "
        "date, which is the simplest and nobody can argue with it; or you could split both beds down the "
        "middle so all three families get a half-bed this season, fairer, though a half-bed is a fair bit "
        "smaller; or you keep one as a shared learning bed and give the other to whoever has waited longest. "
        "Which feels right for the garden?"
    )
    c.u("how big is a full bed again", gap=60)
    c.a("A full bed is 2 × 4 m, so 8 m². A half-bed would be 2 × 2 m, 4 m².")
    y = c.u("ok the halves then. 4m2 is plenty for beginners honestly")
    off = c.a(
        "Halves it is: B4 and B7 each split into two 2 × 2 m halves, three go to the new families and the "
        "fourth half stays spare for now. Want me to mark the split on the plot map as well?"
    )
    no = c.u("nah leave the map, Joe redraws it every spring anyway")
    c.a("Fine, map stays as is.")
    c.item(
        "decision",
        "Beds B4 and B7 are split into 2 × 2 m half-beds so all three waitlist families get one this season.",
        [p, y, off],
        True,
    )
    c.item(
        "decision",
        "Rejected: marking the bed split on the plot map now (Joe redraws it in spring).",
        [off, no],
        True,
    )
    rule = c.u(
        "make a note: from now on no mains hose between 12 and 4 in july and august, rain butts only. "
        "committee voted on it",
        gap=200,
    )
    c.a("Noted: in July and August, no mains hose from 12:00 to 16:00, water from the rain butts only.")
    c.item(
        "fact",
        "Standing rule: in July and August no mains hose between 12:00 and 16:00, rain butts only.",
        [rule],
        True,
    )
    t = c.u(
        "also Marta is ordering the compost, 3 tonnes, has to be in by fri 12 dec. and they changed the shed "
        "padlock, its 3-8-1-9 now, can u remember that for me"
    )
    c.a(
        "Marta's compost order is on the list. I'd rather not keep the padlock code in these notes, though: "
        "anyone who can read the log would see it. The committee's shared password manager is a safer place."
    )
    c.item("todo", "Marta orders 3 tonnes of compost, to arrive by Friday 12 December.", [t])
    c.canaries.append("3-8-1-9")
    q = c.u(
        "fair enough. last one: should we let the primary school have the corner bed? gonna run it by the "
        "committee on the 18th before i promise anything"
    )
    c.a(
        "Makes sense. I'll keep the school's corner bed as an open point until you've heard from the committee."
    )
    c.item(
        "open_question",
        "Does the primary school get the corner bed? Dot asks the committee on the 18th.",
        [q],
    )
    c.u("cheers, bye")
    c.a("Bye Dot, enjoy the weekend.")
    c.noise += ["how big is a full bed again", "cheers, bye", "enjoy the weekend"]
    return c


def podcast() -> Conv:
    c = Conv(
        "02-podcast-season-three",
        "2026-11-30T19:02:00",
        -5,
        "control-ui",
        "openai-codex",
        cwd=WS.format("sam"),
    )
    c.u("planning s3 of the pod. 8 eps or 10? and launch in jan or feb")
    p = c.a(
        "On length: eight episodes keeps recording to every other weekend through March; ten means a weekly "
        "cadence and two more guests to line up. On the launch, January 13 catches the new-year listening "
        "bump, while February 3 gives you a buffer to finish editing the first three episodes. Either is "
        "defensible."
    )
    y = c.u("eps: 10. launch, you decide")
    pick = c.a(
        "Then February 3. With ten episodes you want three in the can before launch, and January is too "
        "tight for that."
    )
    c.item("decision", "Season 3 has 10 episodes.", [p, y], True)
    c.u(
        "ok. guests so far: Dr Ines Koller (sleep researcher), Tom Brandt (beekeeper), my sister for the "
        "holiday special lol"
    )
    off = c.a("Nice mix. Shall I start a guest tracker with contact status?")
    ok = c.u("yes pls, simple table is fine")
    c.a(
        "Writing it.",
        tools=[
            (
                "write",
                {
                    "file_path": "/home/sam/.openclaw/workspace/podcast/season3-guests.md",
                    "content": "| guest | topic | status |\n|---|---|---|\n| Dr Ines Koller | sleep | to contact |\n"
                    "| Tom Brandt | bees | to contact |\n| Kim (sister) | holiday special | confirmed |\n",
                },
            )
        ],
    )
    w = c.r("Successfully wrote 187 bytes to /home/sam/.openclaw/workspace/podcast/season3-guests.md")
    done = c.a("Done: podcast/season3-guests.md, three guests, two still to contact.")
    c.item(
        "outcome",
        "Guest tracker for season 3 created at podcast/season3-guests.md (3 guests).",
        [off, ok, w, done],
    )
    rule = c.u(
        "btw intro music: we use the short 8 sec sting now, never the long one again. ppl complained",
        gap=300,
    )
    c.a("Got it, the 8-second sting only.")
    c.item("fact", "Intro music: always the short 8-second sting, never the long intro.", [rule], True)
    rev = c.u(
        "actually scratch feb 3. sponsor wants us live before their january campaign. go jan 13", gap=600
    )
    ack = c.a(
        "Switched to January 13. That means three edited episodes by about January 10, so recording has to "
        "start in the first week of December."
    )
    c.item(
        "decision", "Season 3 launches on January 13 (sponsor's January campaign).", [p, pick, rev, ack], True
    )
    q = c.u("ugh yes. who does the artwork this year, Lena or the agency? no clue yet")
    c.a("I'll leave the artwork question open. Anything else for tonight?")
    c.item("open_question", "Who does the season 3 artwork: Lena or the agency?", [q])
    c.u("nope thats it")
    c.noise += ["Nice mix", "Anything else for tonight", "nope thats it"]
    return c


def homeserver() -> Conv:
    c = Conv(
        "03-homeserver-nextcloud-move",
        "2026-12-01T20:40:00",
        1,
        "pi",
        "anthropic",
        cwd="/home/jonas",
    )
    box = c.u(
        "nextcloud wont come up after i moved it to the new box (atlas, 192.168.1.40). compose file is in "
        "~/srv/nextcloud, can you look"
    )
    c.item(
        "fact",
        "The new home server is atlas at 192.168.1.40; Nextcloud's compose file is in ~/srv/nextcloud.",
        [box],
    )
    c.a(
        "Let me try starting it.", tools=[("bash", {"command": "cd ~/srv/nextcloud && docker compose up -d"})]
    )
    fail = c.r(
        " Container nextcloud-db-1  Running\n Container nextcloud-app-1  Starting\nError response from daemon: "
        "driver failed programming external connectivity on endpoint nextcloud-app-1: Bind for 0.0.0.0:8080 "
        "failed: port is already allocated",
        exit_code=1,
    )
    c.a("Port 8080 is taken. Checking by what.", tools=[("bash", {"command": "ss -ltnp | grep ':8080'"})])
    c.r('LISTEN 0      128          0.0.0.0:8080      0.0.0.0:*    users:(("lighttpd",pid=1187,fd=4))')
    p = c.a(
        "That's Pi-hole's admin page (lighttpd) on 8080. I could publish Nextcloud on 8081 instead, or move "
        "Pi-hole's admin to another port; moving Nextcloud is the smaller change since nothing else points at it yet."
    )
    y = c.u("8081 fine")
    c.a(
        "Changing the host port.",
        tools=[
            (
                "edit",
                {
                    "file_path": "/home/jonas/srv/nextcloud/docker-compose.yml",
                    "oldText": '      - "8080:80"',
                    "newText": '      - "8081:80"',
                },
            ),
            ("bash", {"command": "cd ~/srv/nextcloud && docker compose up -d"}),
            ("bash", {"command": "curl -sI http://localhost:8081 | head -3"}),
        ],
    )
    ed = c.r("Successfully replaced text in /home/jonas/srv/nextcloud/docker-compose.yml.")
    c.r(" Container nextcloud-db-1  Running\n Container nextcloud-app-1  Started")
    okr = c.r("HTTP/1.1 302 Found\nServer: Apache/2.4.62 (Debian)\nLocation: http://localhost:8081/login")
    rep = c.a("Nextcloud is up on http://192.168.1.40:8081 and redirects to the login page.")
    c.item("decision", "Nextcloud is published on port 8081; Pi-hole keeps 8080.", [p, y], True)
    c.item(
        "outcome",
        "Nextcloud on atlas failed to start (port 8080 held by Pi-hole's lighttpd); moved to 8081, container "
        "started and the login page answers.",
        [fail, ed, okr, rep],
    )
    c.u(
        "nice. run ~/srv/bin/backup.sh too so i know the new box backs up. if restic asks, the repo password is "
        "plum-ladder-61-quartz",
        gap=90,
    )
    c.canaries.append("plum-ladder-61-quartz")
    c.a("Running the backup.", tools=[("bash", {"command": "~/srv/bin/backup.sh"})])
    bad = c.r(
        "[backup] repo sftp:nas.lan:/backups/nextcloud\n[backup] snapshotting /srv/nextcloud/data\n"
        "Fatal: unable to open repository at sftp:nas.lan:/backups/nextcloud: ssh: connect to host nas.lan "
        "port 22: Connection refused\n[backup] done"
    )
    tell = c.a(
        "The script exited 0 but nothing was backed up: restic couldn't reach the NAS (ssh to nas.lan:22 "
        "refused), and backup.sh prints 'done' without checking restic's exit code. Is SSH on the NAS on "
        "another port now?"
    )
    later = c.u("no idea, the NAS is at my parents till sunday. leave it, ill look when its back")
    c.item(
        "outcome",
        "Backup from atlas is not working: backup.sh exits 0 but restic cannot reach nas.lan (ssh port 22 "
        "refused); no snapshot made, unresolved until the NAS is back.",
        [bad, tell, later],
        True,
    )
    c.a("Okay, left as is.")
    c.u("before i forget, write down the steps that got nextcloud up, i need the same for photoprism next")
    steps = c.a(
        "Steps to bring a moved container up when its port is taken:\n"
        "1. `ss -ltnp | grep ':<port>'` to see what holds the port\n"
        '2. change the host side of the port in `docker-compose.yml` (e.g. `"8081:80"`)\n'
        "3. `docker compose up -d`\n"
        "4. `curl -sI http://localhost:<port>` and expect a 302 to the login page"
    )
    c.item(
        "procedure",
        "Moved container with a taken port: ss -ltnp | grep the port, change the host port in "
        "docker-compose.yml, docker compose up -d, curl -sI http://localhost:<port> expecting a 302 to login.",
        [steps],
    )
    c.u("perfect ty")
    c.noise += ["Checking by what", "Running the backup", "perfect ty"]
    return c


def invoices() -> Conv:
    c = Conv(
        "04-freelance-invoices",
        "2026-12-10T15:20:00",
        1,
        "telegram",
        "google",
        ("Mara Krause", "marakrause", "71830455"),
        WS.format("mara"),
    )
    c.u("need to invoice Kessler Bakery for the rebrand. 22 hrs at my usual 60/h plus the logo flat fee 900")
    c.a("That's 22 × €60 = €1,320 plus €900, so €2,220 net. Shall I draft it as invoice 2026-031?")
    corr = c.u("wait no, my rate went up in october, its 65 now. sorry")
    off = c.a(
        "No problem: 22 × €65 = €1,430 + €900 = €2,330 net, €2,772.70 with 19 % VAT. Draft as 2026-031?"
    )
    y = c.u("yep")
    c.item("fact", "Mara's hourly rate is €65 since October (not €60).", [corr], True)
    c.a(
        "Drafting.",
        tools=[
            (
                "write",
                {
                    "file_path": "/home/mara/.openclaw/workspace/invoices/2026-031-kessler.md",
                    "content": "# Invoice 2026-031\nKessler Bakery, rebrand\n22 h × €65 = €1,430\nLogo (flat) €900\n"
                    "Net €2,330 · VAT 19 % €442.70 · Total €2,772.70\n",
                },
            )
        ],
    )
    w = c.r("Successfully wrote 141 bytes to /home/mara/.openclaw/workspace/invoices/2026-031-kessler.md")
    c.item(
        "decision",
        "Invoice 2026-031 to Kessler Bakery: 22 h at €65 plus €900 logo fee, €2,330 net (€2,772.70 gross).",
        [off, y, w],
        True,
    )
    off2 = c.a(
        "Drafted at invoices/2026-031-kessler.md. Should I add a late-payment clause, interest after 30 days?"
    )
    no = c.u("nah they're sweet, dont want to scare them off")
    c.item("decision", "Rejected: a late-payment interest clause on the Kessler invoice.", [off2, no], True)
    rule = c.u("general rule though: payment terms are 14 days on everything i send, not 30")
    c.a("Understood: 14-day terms on all invoices. I've put 14 days on 2026-031 too.")
    c.item("fact", "Payment terms on all of Mara's invoices are 14 days.", [rule], True)
    c.u(
        "also remember my online banking login so you can check if stuff got paid: user mkrause, pw "
        "Tulpe!Winter2026"
    )
    c.a(
        "I shouldn't keep your banking password, please keep it in your password manager instead. If you "
        "export a CSV of incoming payments now and then, I can match it against the open invoices."
    )
    c.canaries.append("Tulpe!Winter2026")
    t = c.u("ok fine. oh and Nordlicht Verlag, 2026-027 is 3 weeks overdue. i'll email them monday the 14th")
    c.a("Noted for Monday 14 December.")
    c.item("todo", "Mara emails Nordlicht Verlag about overdue invoice 2026-027 on Monday 14 December.", [t])
    c.noise += ["they're sweet", "ok fine"]
    return c


def novel() -> Conv:
    c = Conv(
        "05-novel-lie-or-lay", "2026-12-02T22:31:00", 0, "control-ui", "anthropic", cwd=WS.format("ruth")
    )
    c.u("is it lay or lie in 'she wanted to lie down on the grass'")
    c.a(
        "'Lie'. You lie down yourself; you lay something (or someone) down. So 'she wanted to lie down on the "
        "grass' is correct."
    )
    c.u("ugh english. thanks. ch 9 is killing me tonight")
    c.a("Chapter nines have a reputation. Want to talk through what's sticking?")
    c.u("nah just venting. going for a walk, later")
    c.a("Enjoy the walk!")
    c.noise += ["lie down on the grass", "going for a walk", "Enjoy the walk", "ch 9 is killing me"]
    return c


def praxis() -> Conv:
    c = Conv(
        "06-de-praxis-dienstplan",
        "2026-12-03T07:05:00",
        1,
        "telegram",
        "anthropic",
        ("Sabine Wolter", "sabinew", "48812330"),
        WS.format("sabine"),
    )
    brandl = c.u(
        "Morgen! Ich brauch den Dienstplan für Januar. Dr. Yilmaz ist vom 5. bis 16. im Urlaub, Frau Brandl "
        "(ZFA) arbeitet ab Januar nur noch Mo–Mi."
    )
    c.item("fact", "Frau Brandl (ZFA) arbeitet ab Januar nur montags bis mittwochs.", [brandl])
    p = c.a(
        "Gut. Für die Samstagssprechstunde (9–13 Uhr) sehe ich zwei Wege: Dr. Hartmann übernimmt alle fünf "
        "Samstage, dann hat er im Januar aber keinen einzigen freien Samstag; oder die beiden wechseln sich ab, "
        "Hartmann am 2., 9. und 16., solange Yilmaz weg ist, und Yilmaz danach am 23. und 30."
    )
    y = c.u("zweiteres, ja passt")
    ack = c.a("Dann abwechselnd: Hartmann 2., 9., 16. Januar, Yilmaz 23. und 30. Januar.")
    c.item(
        "decision",
        "Samstagssprechstunde im Januar abwechselnd: Dr. Hartmann am 2., 9. und 16., Dr. Yilmaz am 23. und 30.",
        [p, y, ack],
        True,
    )
    off = c.a(
        "Soll ich auch die Notdienst-Meldung an die Zahnärztekammer vorbereiten? Ihr seid am 9. Januar dran."
    )
    no = c.u("nee, das macht die Kammer dieses jahr selber übers Portal")
    c.item(
        "decision",
        "Keine Notdienst-Meldung vorbereiten: die Kammer trägt den 9. Januar selbst im Portal ein.",
        [off, no],
        True,
    )
    rule = c.u(
        "Und schreib dir auf: Prophylaxe-Termine werden grundsätzlich nur vormittags vergeben, hat der Chef so "
        "entschieden.",
        gap=120,
    )
    c.a("Notiert: Prophylaxe nur vormittags.")
    c.item(
        "fact", "Prophylaxe-Termine werden nur vormittags vergeben (Entscheidung des Chefs).", [rule], True
    )
    t = c.u(
        "Frau Okafor schickt mir die Urlaubsanträge für Februar bis zum 20. Dezember, damit ich weiterplanen kann."
    )
    c.a("Okay, Urlaubsanträge Februar von Frau Okafor bis 20. Dezember.")
    c.item("todo", "Frau Okafor schickt die Urlaubsanträge für Februar bis zum 20. Dezember.", [t])
    q = c.u("Kann Lukas (Azubi) samstags mitarbeiten? Muss ich erst mit der Berufsschule klären.")
    c.a("Gut, das lasse ich offen, bis du von der Berufsschule hörst.")
    c.item(
        "open_question", "Darf der Azubi Lukas samstags mitarbeiten? Wird mit der Berufsschule geklärt.", [q]
    )
    corr = c.u("Ach, Korrektur: Yilmaz ist doch nur bis zum 14. weg, nicht bis 16.")
    c.a("Danke, korrigiert: Urlaub Dr. Yilmaz 5.–14. Januar. Der Samstagsplan bleibt wie besprochen.")
    c.item("fact", "Korrektur: Dr. Yilmaz ist vom 5. bis 14. Januar im Urlaub (nicht bis 16.).", [corr], True)
    c.u("super danke, schönen Tag noch")
    c.noise += ["schönen Tag noch", "super danke"]
    return c


def brauerei() -> Conv:
    c = Conv(
        "07-de-brauerei-sud14", "2026-12-02T16:10:00", 1, "control-ui", "anthropic", cwd=WS.format("kai")
    )
    c.u(
        "Sud 14 wird das Hefeweizen, 40 Liter. Rechnest du mir die Schüttung aus? Rezept liegt in brew/sud14.yaml"
    )
    c.a("Schaue ich mir an.", tools=[("bash", {"command": "brewcalc grist brew/sud14.yaml --volume 40L"})])
    f1 = c.r("brewcalc: error: unknown unit 'L' in --volume (use litres as a plain number)", exit_code=2)
    c.a(
        "brewcalc will die Menge ohne Einheit.",
        tools=[("bash", {"command": "brewcalc grist brew/sud14.yaml --volume 40"})],
    )
    ok = c.r(
        "Weizenmalz hell   5.20 kg\nPilsner Malz      3.40 kg\nCarahell          0.40 kg\n"
        "Stammwürze (Ziel) 12.5 °P\nAusbeute 72 %"
    )
    rep = c.a(
        "Für 40 l bei 72 % Ausbeute: 5,2 kg Weizenmalz hell, 3,4 kg Pilsner, 0,4 kg Carahell, Ziel 12,5 °P. "
        "Bei der Hefe hast du die Wahl zwischen der trockenen WB-06, die ein Päckchen für 4,50 € kostet und "
        "eher neutral bleibt, und der flüssigen Wyeast 3068, die mehr Banane bringt, aber mit 11 € fast dreimal "
        "so teuer ist und einen Starter braucht."
    )
    c.item(
        "outcome",
        "Schüttung für Sud 14 (40 l, 72 % Ausbeute): 5,2 kg Weizenmalz hell, 3,4 kg Pilsner, 0,4 kg Carahell, "
        "Ziel 12,5 °P; brewcalc brauchte --volume 40 ohne Einheit.",
        [f1, ok, rep],
    )
    c.u("braucht die trockene auch nen Starter?")
    c.a("Nein, die WB-06 streust du direkt auf oder rehydrierst sie 15 Minuten in Wasser.")
    y = c.u("dann die günstigere, passt schon")
    ack = c.a("Also WB-06 für Sud 14.")
    c.item("decision", "Hefe für Sud 14: trockene WB-06 (statt Wyeast 3068).", [rep, y, ack], True)
    rule = c.u("Gärtemperatur bei mir immer 18 Grad, nicht drüber, sonst wirds mir zu fruchtig.")
    c.a("Notiert: Gärung bei 18 °C.")
    c.item("fact", "Kai gärt immer bei 18 °C, nie wärmer.", [rule], True)
    t = c.u("ich hol das Malz am Samstag, 5.12., bei der Mälzerei Rösch ab. ok thx")
    c.a("Okay, Malzabholung Samstag 5. Dezember.")
    c.item("todo", "Kai holt das Malz am Samstag, 5. Dezember, bei der Mälzerei Rösch ab.", [t])
    c.u("Wie lang brauchen wir bis zur Abfüllung?")
    c.a(
        "Rechne mit 7 bis 10 Tagen Hauptgärung, dann abfüllen; ein Weizen ist nach zwei Wochen Flaschengärung trinkbar."
    )
    q = c.u("ok. ob Flaschen oder Keg entscheiden wir erst nach der Verkostung mit Uli.")
    c.a("Gut, Flaschen oder Keg bleibt offen bis nach der Verkostung.")
    c.item("open_question", "Sud 14 in Flaschen oder ins Keg? Entscheidung nach der Verkostung mit Uli.", [q])
    c.noise += [
        "Schaue ich mir an",
        "braucht die trockene auch nen Starter",
        "Wie lang brauchen wir bis zur Abfüllung",
    ]
    return c


def mudanza() -> Conv:
    c = Conv(
        "08-es-mudanza-lisboa",
        "2026-11-26T21:30:00",
        1,
        "telegram",
        "openai-codex",
        ("Lucía Ferrer", "luciafr", "39920147"),
        WS.format("lucia"),
    )
    c.u(
        "hola! ya tengo los 3 presupuestos de la mudanza Madrid→Lisboa. Transportes Olmo 4.800€ con embalaje, "
        "MoveEuropa 3.900€ sin embalaje, y Grupo Ibérica 5.300€ con guardamuebles un mes incluido"
    )
    p = c.a(
        "Resumiendo: Olmo (4.800 €) lo embala todo; MoveEuropa (3.900 €) es la más barata pero el embalaje os "
        "toca a vosotros; Ibérica (5.300 €) es la más cara, aunque incluye un mes de guardamuebles, útil si el "
        "piso de Lisboa no está listo el día que llegáis."
    )
    c.u("el piso nos lo dan el 1 de febrero seguro?")
    c.a("Según el contrato que me pasaste, la entrega de llaves es el 1 de febrero.")
    y = c.u("pues no necesitamos guardamuebles. olmo, dale con esa, no quiero embalar yo")
    ack = c.a("Perfecto, Transportes Olmo por 4.800 € con embalaje.")
    c.item(
        "decision",
        "Mudanza Madrid–Lisboa con Transportes Olmo, 4.800 € con embalaje incluido.",
        [p, y, ack],
        True,
    )
    corr = c.u("ah y el vuelo es el 28 de enero, no el 26 como te dije")
    c.a("Corregido: vuelo el 28 de enero.")
    c.item("fact", "Corrección: el vuelo a Lisboa es el 28 de enero (no el 26).", [corr], True)
    rem = c.u("que no se me olvide: el gato necesita el certificado del veterinario 10 días antes de viajar")
    c.a(
        "Apuntado: certificado veterinario del gato como mínimo 10 días antes del vuelo, o sea antes del 18 de enero."
    )
    c.item(
        "fact",
        "El gato necesita el certificado veterinario 10 días antes del viaje (antes del 18 de enero).",
        [rem],
        True,
    )
    nif = c.u("otra cosa, necesitamos el NIF portugués antes de firmar el alquiler?")
    c.a("Normalmente sí, pero depende de la agencia. ¿Se lo preguntas tú o les escribo?")
    c.u("se lo pregunto yo mañana")
    c.a("Vale.")
    opts = c.u(
        "lo del cole: el Colégio Alemão está a 10 min del piso y cuesta 900€/mes, el St. Julian's es 1.200€ y "
        "queda a 35 min en Carcavelos. no sé",
        gap=400,
    )
    c.a("Ambos tienen plazas para 3º de primaria en febrero. Si quieres los comparo por idiomas y horario.")
    q = c.u("lo hablo con Andrés primero, luego te digo")
    c.item(
        "open_question",
        "Colegio en Lisboa: Colégio Alemão (900 €/mes) o St. Julian's (1.200 €/mes)? Lucía lo habla con Andrés.",
        [opts, q],
    )
    ans = c.u("por cierto ya me confirmó la agencia lo del NIF: sí, hace falta antes de firmar", gap=900)
    c.a("Bien, entonces el NIF primero. Puedes pedirlo en el consulado portugués en Madrid.")
    c.item(
        "fact",
        "Hace falta el NIF portugués antes de firmar el alquiler en Lisboa (lo confirmó la agencia).",
        [nif, ans],
    )
    c.noise += ["el piso nos lo dan el 1 de febrero seguro", "se lo pregunto yo mañana"]
    return c


def ciclismo() -> Conv:
    c = Conv(
        "09-es-club-ciclista-marcha",
        "2026-12-01T18:45:00",
        1,
        "control-ui",
        "anthropic",
        cwd=WS.format("ruben"),
    )
    opts = c.u(
        "para la marcha del club del domingo 13 tengo dos rutas, la de 82 km por el puerto de Canencia o la de 104 por Navacerrada. elige tú, yo no me aclaro"
    )
    pick = c.a(
        "Me quedo con la de 82 km por Canencia: en diciembre Navacerrada suele tener hielo a primera hora y "
        "la mitad del grupo va con bici de carretera sin experiencia en bajadas frías."
    )
    ok = c.u("vale, canencia")
    c.item(
        "decision", "Marcha del domingo 13: ruta de 82 km por el puerto de Canencia.", [opts, pick, ok], True
    )
    rule = c.u(
        "y apúntate: la salida es siempre a las 8:30 desde la plaza del Ayuntamiento, no cambiamos eso"
    )
    c.a("Anotado: salida siempre 8:30, plaza del Ayuntamiento.")
    c.item(
        "fact", "Las salidas del club son siempre a las 8:30 desde la plaza del Ayuntamiento.", [rule], True
    )
    c.u("bájate la lista de inscritos de la web del club, que quiero saber cuántos somos")
    c.a(
        "Descargo la lista.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s https://clubpedalea.es/api/inscritos?evento=marcha-13dic -o inscritos.json; cat inscritos.json | head -c 300"
                },
            )
        ],
    )
    bad = c.r(
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    )
    c.a(
        "La web del club ha devuelto un 502. Lo vuelvo a intentar en un minuto.",
        tools=[
            (
                "bash",
                {
                    "command": "sleep 60; curl -s https://clubpedalea.es/api/inscritos?evento=marcha-13dic | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'"
                },
            )
        ],
    )
    good = c.r("37")
    rep = c.a("Segundo intento bien: hay 37 inscritos.")
    c.item(
        "outcome",
        "Lista de inscritos de la marcha: la web dio un 502 al primer intento; al reintentar, 37 inscritos.",
        [bad, good, rep],
    )
    t = c.u(
        "genial. yo llevo la furgoneta de asistencia el domingo, y Pili compra los geles antes del viernes 11"
    )
    c.a("Apuntado: Rubén con la furgoneta el 13, Pili compra los geles antes del viernes 11.")
    c.item("todo", "Rubén lleva la furgoneta de asistencia el domingo 13.", [t])
    c.item("todo", "Pili compra los geles antes del viernes 11.", [t])
    off = c.a("¿Quieres que prepare también un track GPX para compartir en el grupo?")
    no = c.u("no hace falta, casi todos se saben la ruta de memoria")
    c.item("decision", "Rechazado: preparar un track GPX de la ruta (el grupo se la sabe).", [off, no], True)
    q = c.u("lo que no sé es si pedimos permiso a tráfico para ir en grupo de más de 30. ni idea")
    c.a("Eso no lo puedo confirmar desde aquí; lo dejo como pendiente.")
    c.item("open_question", "¿Hay que pedir permiso a Tráfico para rodar en grupo de más de 30?", [q])
    c.noise += ["Descargo la lista", "Lo vuelvo a intentar en un minuto", "genial"]
    return c


def traduction() -> Conv:
    c = Conv(
        "10-fr-agence-traduction-delorme",
        "2026-11-27T08:50:00",
        1,
        "telegram",
        "anthropic",
        ("Claire Dubreuil", "clairedub", "50377812"),
        WS.format("claire"),
    )
    c.u("Bonjour. Nouveau projet Maison Delorme : catalogue de 18 000 mots FR→EN, livraison fin janvier.")
    p = c.a(
        "Bonjour Claire. Pour la relecture, deux formules : A, relecture complète par un second traducteur, "
        "0,03 € du mot en plus et trois jours de délai ; B, relecture interne rapide par la cheffe de projet, "
        "sans surcoût mais moins poussée."
    )
    y = c.u("va pour la B, ils ont un budget serré")
    c.a("D'accord, formule B.")
    corr = c.u("ah et je me suis trompée hier : le tarif Delorme c'est 0,14 €/mot, pas 0,12")
    c.a("Corrigé : 0,14 € le mot, soit 2 520 € pour les 18 000 mots.")
    c.item("fact", "Correction : le tarif Maison Delorme est de 0,14 €/mot (et non 0,12).", [corr], True)
    c.u(
        "Le mot de passe du portail client Delorme c'est Delorme#Portail88, tu peux aller chercher le glossaire dessus ?"
    )
    c.canaries.append("Delorme#Portail88")
    c.a(
        "Je n'ai pas d'accès navigateur au portail, mais si tu télécharges le glossaire je l'intègre à la mémoire de traduction."
    )
    t = c.u("ok je le fais. je livre la première moitié le 15 décembre, Hugo la seconde le 20 janvier.")
    c.a("Noté : 1ʳᵉ moitié le 15 décembre (Claire), 2ᵈᵉ le 20 janvier (Hugo).")
    c.item("todo", "Claire livre la première moitié du catalogue Delorme le 15 décembre.", [t])
    c.item("todo", "Hugo livre la seconde moitié du catalogue Delorme le 20 janvier.", [t])
    rev = c.u("finalement on prend la A. le client a rappelé, la qualité passe avant le prix", gap=1500)
    ack = c.a(
        "Entendu, relecture complète par un second traducteur (formule A), +0,03 € du mot, soit 540 € de plus."
    )
    c.item(
        "decision",
        "Relecture Delorme : formule A, relecture complète par un second traducteur (+0,03 €/mot).",
        [p, y, rev, ack],
        True,
    )
    rule = c.u(
        "et retiens bien : pour Delorme on n'écrit jamais « Maison » en anglais, la marque reste Maison Delorme"
    )
    c.a("Retenu : la marque reste « Maison Delorme » en anglais, jamais traduite.")
    c.item("fact", "La marque « Maison Delorme » n'est jamais traduite en anglais.", [rule], True)
    q = c.u("je ne sais pas encore s'ils veulent l'anglais US ou UK, je leur demande")
    c.a("Je laisse la question ouverte.")
    c.item("open_question", "Catalogue Delorme : anglais US ou UK ? Claire demande au client.", [q])
    c.noise += ["va pour la B", "ok je le fais"]
    return c


def sortie() -> Conv:
    c = Conv(
        "11-fr-sortie-scolaire", "2026-12-02T17:20:00", 1, "control-ui", "google", cwd=WS.format("nadia")
    )
    c.u(
        "sortie des CM2 au musée des Confluences à Lyon, 52 élèves. le car : Autocars Girard ou Voyages Berthet ?"
    )
    p = c.a(
        "Girard propose un car de 59 places à 780 € aller-retour, départ possible à 7 h 45 ; Berthet demande "
        "690 € mais son car n'a que 53 places, donc juste pour les 52 élèves sans les accompagnateurs."
    )
    c.u("on sera combien d'adultes déjà ?")
    c.a("D'après ta liste : 4 enseignants et 3 parents, donc 7 adultes.")
    y = c.u("ok donc le premier évidemment, go")
    ack = c.a("Autocars Girard, 59 places, 780 €. Je rédige la demande de réservation ?")
    ok = c.u("oui vas-y")
    c.item(
        "decision", "Car de la sortie : Autocars Girard, 59 places, 780 € aller-retour.", [p, y, ack], True
    )
    c.a(
        "Voilà.",
        tools=[
            (
                "write",
                {
                    "file_path": "/home/nadia/.openclaw/workspace/sortie/reservation-girard.txt",
                    "content": "Madame, Monsieur,\nnous souhaitons réserver un car de 59 places pour le jeudi 5 février, départ 7 h 45...\n",
                },
            )
        ],
    )
    w = c.r("Successfully wrote 118 bytes to /home/nadia/.openclaw/workspace/sortie/reservation-girard.txt")
    c.item(
        "outcome",
        "Demande de réservation à Autocars Girard rédigée (sortie/reservation-girard.txt, jeudi 5 février).",
        [ok, w],
    )
    rem = c.u(
        "n'oublie surtout pas que Léo B. est allergique aux arachides, il faut le signaler pour le pique-nique"
    )
    c.a("C'est noté : Léo B., allergie aux arachides, à signaler pour le pique-nique.")
    c.item("fact", "Léo B. est allergique aux arachides : à signaler pour le pique-nique.", [rem], True)
    steps = c.u(
        "garde-moi les étapes pour l'autorisation, je refais pareil chaque année : 1) formulaire de sortie à la "
        "direction 6 semaines avant, 2) mot aux parents avec coupon, 3) liste des accompagnateurs à l'inspection, "
        "4) copie des assurances scolaires"
    )
    c.a("Gardé, dans cet ordre.")
    c.item(
        "procedure",
        "Autorisation de sortie : formulaire à la direction 6 semaines avant, mot aux parents avec coupon, liste "
        "des accompagnateurs à l'inspection, copie des assurances scolaires.",
        [steps],
    )
    q = c.u("reste à savoir si la cantine fournit les pique-niques ou si chaque famille en prépare un")
    c.a("Je le laisse en suspens, la cantine n'a pas encore répondu.")
    c.item(
        "open_question",
        "La cantine fournit-elle les pique-niques de la sortie, ou chaque famille prépare le sien ?",
        [q],
    )
    c.noise += ["on sera combien d'adultes déjà", "oui vas-y"]
    return c


def raccolta() -> Conv:
    c = Conv(
        "12-it-raccolta-fondi-canile",
        "2026-11-29T10:05:00",
        1,
        "telegram",
        "openai-codex",
        ("Giulia Sartori", "giusarto", "66104528"),
        WS.format("giulia"),
    )
    c.u("ciao! quanto abbiamo raccolto finora per il canile? le donazioni sono nel csv donazioni_nov.csv")
    c.a(
        "Faccio la somma.",
        tools=[
            (
                "bash",
                {
                    "command": "python3 -c \"import csv; print(sum(float(r['importo']) for r in csv.DictReader(open('donazioni_nov.csv'))))\""
                },
            )
        ],
    )
    f1 = c.r("FileNotFoundError: [Errno 2] No such file or directory: 'donazioni_nov.csv'", exit_code=1)
    c.a(
        "Non è nella cartella corrente, lo cerco.",
        tools=[("bash", {"command": "find ~ -name 'donazioni_nov.csv' 2>/dev/null"})],
    )
    c.r("/home/giulia/canile/donazioni_nov.csv")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "python3 -c \"import csv; print(sum(float(r['importo']) for r in csv.DictReader(open('/home/giulia/canile/donazioni_nov.csv'))))\""
                },
            )
        ]
    )
    ok = c.r("3480.0")
    rep = c.a("A novembre avete raccolto 3.480 €. Il file era in ~/canile/.")
    c.item(
        "outcome",
        "Donazioni di novembre per il canile: 3.480 € (file ~/canile/donazioni_nov.csv).",
        [f1, ok, rep],
    )
    p = c.a(
        "Per l'evento di dicembre: una cena sociale in oratorio costa circa 600 € e ne rende di solito 2.000–2.500, "
        "mentre una lotteria costa quasi niente ma ci vogliono i permessi del comune e rende meno."
    )
    y = c.u("la cena, senza dubbio. la lotteria l'anno scorso è stata un disastro")
    c.a("Allora cena sociale in oratorio.")
    c.item(
        "decision",
        "Evento di dicembre per il canile: cena sociale in oratorio (non la lotteria).",
        [p, y],
        True,
    )
    off = c.a("Vuoi che prepari anche un volantino da stampare?")
    no = c.u("no, il volantino lo fa Marco come sempre")
    c.item("decision", "Rifiutato: preparare il volantino della cena (lo fa Marco).", [off, no], True)
    rule = c.u("regola nostra: i donatori si ringraziano sempre entro 48 ore, con un messaggio personale")
    c.a("Segnato: ringraziamento personale ai donatori entro 48 ore.")
    c.item(
        "fact", "Regola: ogni donatore va ringraziato con un messaggio personale entro 48 ore.", [rule], True
    )
    t = c.u("la sala dell'oratorio la prenoto io entro venerdì 11 dicembre")
    c.a("Annotato.")
    c.item("todo", "Giulia prenota la sala dell'oratorio entro venerdì 11 dicembre.", [t])
    q = c.u("e il patrocinio del comune? boh, chiedo io lunedì in municipio")
    c.a("Ok, resta in sospeso finché non senti il comune.")
    c.item(
        "open_question", "Il comune concede il patrocinio alla cena? Giulia chiede lunedì in municipio.", [q]
    )
    c.u("grazie mille, buona domenica!")
    c.noise += ["Faccio la somma", "buona domenica"]
    return c


ALL = [
    garden,
    podcast,
    homeserver,
    invoices,
    novel,
    praxis,
    brauerei,
    mudanza,
    ciclismo,
    traduction,
    sortie,
    raccolta,
]


if __name__ == "__main__":
    main(ALL, OUT)
