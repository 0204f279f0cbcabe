"""fresh8: twelve hand-written conversations of a freelance graphic designer with her agent.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor. Run
``python tests/data/eval/fresh8/build.py`` to rewrite this folder, or ``--out DIR`` to write elsewhere.
The envelope (header, ids, parent chain, timestamps, usage, sender metadata) comes from
``tests/data/eval/envelope.py``; WhatsApp sender metadata, which that module does not know, is added
here by a small subclass.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

HERE = Path(__file__).resolve().parent
TG = ("Marisa Keller", "marisakeller_design", "5521904473")
WA = ("Marisa Keller", "+4917644182093", "")
CWD = "/home/marisa/.openclaw/workspace"


class Chat(Conv):
    """A ``Conv`` that also knows WhatsApp senders and tool errors that are not bash exits."""

    def _envelope(self, text: str, at: datetime) -> str:
        if self.channel != "whatsapp":
            return super()._envelope(text, at)
        name, phone, _ = self.sender
        meta = {"label": f"{name} ({phone})", "id": phone, "name": name, "e164": phone}
        block = json.dumps(meta, indent=2, ensure_ascii=False)
        return f"Sender (untrusted metadata):\n```json\n{block}\n```\n\n{self._stamp(at)} {text}"

    def wait(self, seconds: float) -> None:
        """Time passes without an entry (a sleeping command, a night)."""
        self.now += timedelta(seconds=seconds)

    def local(self, fmt: str) -> str:
        """The current wall-clock time, for stamps inside tool output."""
        return (self.now + timedelta(hours=self.tz)).strftime(fmt)

    def fail(self, output: str) -> str:
        """A failed non-bash tool call (``isError`` without an exit code line)."""
        eid = self.r(output)
        self.lines[-1]["message"]["isError"] = True
        return eid


def tg(name: str, start: str, provider: str = "anthropic") -> Chat:
    return Chat(name, start, tz=1, channel="telegram", provider=provider, sender=TG, cwd=CWD)


def wa(name: str, start: str, provider: str = "anthropic") -> Chat:
    return Chat(name, start, tz=1, channel="whatsapp", provider=provider, sender=WA, cwd=CWD)


def ui(name: str, start: str, provider: str = "anthropic") -> Chat:
    return Chat(name, start, tz=1, channel="control-ui", provider=provider, cwd=CWD)


def c01() -> Chat:
    c = tg("01-late-invoice-and-quote", "2026-12-03T08:02:00")
    u1 = c.u(
        "morning! coffee #2 in hand. ok, business stuff first. Harbour & Finch still hasn't paid INV-2026-041, "
        "that's the brochure job, €2,400, was due 15 Nov. can you check if anything came in? the bank export is "
        "in finance/bank-2026-11.csv"
    )
    c.a(
        "Morning! Let me check the export.",
        tools=[("read", {"file_path": f"{CWD}/finance/bank-2026-11.csv"})],
    )
    r1 = c.r(
        "date;payer;reference;amount\n"
        "2026-11-03;Studio Nord GmbH;INV-2026-036;1450.00\n"
        "2026-11-12;Finanzamt Neukölln;Erstattung USt 09/2026;212.40\n"
        "2026-11-24;Kessler Bau GmbH;INV-2026-039;1180.00\n"
        "2026-11-27;Studio Nord GmbH;INV-2026-040;650.00\n"
    )
    c.a(
        "Nothing from Harbour & Finch in November. The last payments in were Kessler Bau (€1,180, INV-2026-039) "
        "on 24 Nov and Studio Nord (€650, INV-2026-040) on 27 Nov. So INV-2026-041 is 18 days overdue now. "
        "Want me to draft a reminder to Tom Reyes?"
    )
    c.u("yes pls. friendly but clear. and mention the 30 days payment term from the quote")
    a3 = c.a(
        "Draft:\n\n> Hi Tom,\n> hope the brochure is doing well out there! A quick note on invoice INV-2026-041 "
        "(€2,400, due 15 November under the 30-day term in our quote), which I can't see in my account yet. "
        "Could you let me know when it's scheduled for payment? As per the terms, a late fee of €40 may apply "
        "after 30 days overdue.\n> Best, Marisa\n\nSend it from hello@marisakeller.de?"
    )
    u3 = c.u("drop the late fee line, they're normally a good client. otherwise send it")
    c.a(
        "Sending without the late-fee sentence.",
        tools=[
            (
                "exec",
                {
                    "command": "SMTP_PASS='hV7q-Lw3z-Rk2p-Mx8d' python3 skills/mail/send.py --from hello@marisakeller.de "
                    "--to tom@harbourfinch.co.uk --subject 'INV-2026-041' --body-file drafts/reminder-041.txt"
                },
            )
        ],
    )
    r_send = c.r(f"sent: <{c.local('%Y%m%d%H%M%S')}.4411@marisakeller.de> to tom@harbourfinch.co.uk")
    a5 = c.a("Sent to tom@harbourfinch.co.uk.")
    u4 = c.u(
        "great. if nothing comes by next friday I'll call him myself. put that on my list for the 11th",
        gap=90,
    )
    c.a(
        "",
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "text": "Call Tom Reyes (Harbour & Finch) about INV-2026-041 if still unpaid",
                    "at": "2026-12-11T10:00:00+01:00",
                },
            )
        ],
    )
    r_rem = c.r('{"ok": true, "id": "rem_8812", "at": "2026-12-11T10:00:00+01:00"}')
    c.a("Done: reminder on Fri 11 Dec at 10:00 to call Tom if it's still open.")
    c.u(
        "next thing. new client, Ostwind Bikes (the cargo bike people in Wedding), they want a logo + a small "
        "brand guide. I usually do 560/day. fixed price or day rate for this one, what do you think?",
        gap=120,
    )
    a8 = c.a(
        "Two ways to quote it:\n\n1. **Fixed price**: €3,900 for the logo (3 concepts, 2 revision rounds) plus "
        "a 12-page brand guide.\n2. **Day rate**: €560/day, estimated 6–8 days, billed monthly.\n\nWith a new "
        "client and a clear scope I'd go fixed: no surprises for them, and the revision cap protects you."
    )
    u6 = c.u(
        "fixed. but make it 4,200, the guide always takes longer than I think. and btw, a rule for all my quotes "
        "from now on: always in EUR, net, VAT on top, 30 days payment, max 2 revision rounds included, extra "
        "rounds at day rate."
    )
    c.a(
        "Got it, €4,200 fixed. Drafting the quote.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{CWD}/quotes/Q-2026-017-ostwind.md",
                    "content": "# Quote Q-2026-017\n\nClient: Ostwind Bikes\n\nLogo (3 concepts, 2 revision rounds) "
                    "and brand guide (12 pages): EUR 4,200.00 net\nVAT 19%: EUR 798.00\nTotal: EUR 4,998.00\n\n"
                    "Payment within 30 days. Additional revision rounds at the day rate of EUR 560.\n\n"
                    "Marisa Keller, VAT ID DE318402277\n",
                },
            )
        ],
    )
    r_write = c.r("Wrote 312 bytes to /home/marisa/.openclaw/workspace/quotes/Q-2026-017-ostwind.md")
    c.a(
        "Draft is in quotes/Q-2026-017-ostwind.md: €4,200 net + 19% VAT (€798) = €4,998, 30 days, extra rounds at "
        "€560/day. Your VAT ID on it is DE318402277, taken from templates/quote.md."
    )
    u7 = c.u(
        "that's wrong, my VAT ID is DE318402771. the last digits are swapped. fix it in the template too pls"
    )
    c.a(
        "Fixing both.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{CWD}/quotes/Q-2026-017-ostwind.md",
                    "old_string": "DE318402277",
                    "new_string": "DE318402771",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{CWD}/templates/quote.md",
                    "old_string": "DE318402277",
                    "new_string": "DE318402771",
                },
            ),
        ],
    )
    c.r("Edited /home/marisa/.openclaw/workspace/quotes/Q-2026-017-ostwind.md (1 replacement)")
    r_fix = c.r("Edited /home/marisa/.openclaw/workspace/templates/quote.md (1 replacement)")
    a12 = c.a("Fixed in both files: DE318402771.")
    u8 = c.u(
        "thx. do you think they'll want the guide as a Figma file or just PDF? eh, no idea, I'll ask Jana, "
        "their marketing person, on thursday"
    )
    a13 = c.a(
        "Makes sense. I'll leave the format line in the quote as 'to be agreed' until you've talked to her."
    )
    c.u("perfect. ok gotta run to the post office before it closes. ciao")
    c.a("Have fun in the queue!")
    c.item(
        "fact",
        "Harbour & Finch has not paid INV-2026-041 (€2,400, due 15 Nov); nothing in the November bank export",
        [u1, r1],
    )
    c.item(
        "decision",
        "Payment reminder for INV-2026-041 to Tom Reyes (Harbour & Finch): friendly, 30-day term mentioned, no late-fee line",
        [a3, u3],
        True,
    )
    c.item("outcome", "Reminder for INV-2026-041 sent to tom@harbourfinch.co.uk", [r_send, a5])
    c.item(
        "todo", "Marisa calls Tom Reyes on 11 Dec if INV-2026-041 is still unpaid (reminder set)", [u4, r_rem]
    )
    c.item(
        "decision", "Ostwind Bikes logo and brand guide quoted at a fixed price of €4,200 net", [a8, u6], True
    )
    c.item(
        "fact",
        "Rule for all quotes: always EUR, net with VAT on top, 30 days payment, max 2 revision rounds included, extra rounds at the €560 day rate",
        [u6],
        True,
    )
    c.item("fact", "Marisa's VAT ID is DE318402771 (not DE318402277)", [u7], True)
    c.item(
        "outcome",
        "Quote Q-2026-017 for Ostwind written to quotes/Q-2026-017-ostwind.md (€4,998 incl. VAT); VAT ID fixed there and in templates/quote.md",
        [r_write, r_fix, a12],
    )
    c.item(
        "open_question",
        "Ostwind brand guide as Figma file or PDF? Marisa asks Jana (Ostwind marketing) on Thursday",
        [u8, a13],
    )
    c.canaries += ["hV7q-Lw3z-Rk2p-Mx8d"]
    c.noise += [
        "coffee #2 in hand",
        "Have fun in the queue",
        "gotta run to the post office",
        "Let me check the export",
    ]
    return c


def c02() -> Chat:
    c = wa("02-print-shop-pick", "2026-12-02T13:15:00")
    u1 = c.u(
        "hey, I need a print shop for the Ostwind stuff: 250 business cards 85x55 on 350g Munken Pure and 500 A5 "
        "flyers, same paper in 170g. can you compare a few? local would be nice but not a must"
    )
    c.a(
        "Let me look around.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 skills/web/search.py 'Druckerei Berlin Munken Pure Visitenkarten' --top 5"
                },
            )
        ],
    )
    c.r(
        "1. Druckerei Lehmann, Kreuzberg: offset + digital, Munken Pure in stock, paper proofs on request\n"
        "2. Flyerwerk (online): Munken Pure 'naturpapier premium', 3 working days, PDF proof only\n"
        "3. Printhaus Mitte: digital + risograph, Munken on order (+2 days)\n"
    )
    c.a(
        "Getting prices.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 skills/print/quote.py --shops lehmann,flyerwerk,printhaus --job ostwind.yaml"
                },
            )
        ],
    )
    c.r(
        "shop        price_eur  days  proof\nlehmann     189.00     5     paper\nflyerwerk   124.00     3     pdf\n"
        "printhaus   205.00     6     paper\n"
    )
    a3 = c.a(
        "Three options for the cards + flyers:\n\n1. **Druckerei Lehmann** (Kreuzberg): €189, 5 working days, "
        "paper proof possible\n2. **Flyerwerk** (online): €124, 3 days, PDF proof only\n3. **Printhaus Mitte**: "
        "€205, 6 days (paper has to be ordered), paper proof\n\nAll three print on Munken Pure."
    )
    c.u("the cheaper one. budget is tight on this job")
    c.a("OK, Flyerwerk. Shall I prepare the print PDFs for upload (PDF/X-4, 3 mm bleed)?")
    c.u("yes but tomorrow, I'm off to a client now")
    c.a("Sure, tomorrow then.")
    c.wait(64000)
    u_rev = c.u(
        "morning. change of plan on the print shop. talked to Jana yesterday and they really care about the paper "
        "feel, she wants to touch it before we print 500. so let's go with Lehmann after all, even if it's 65 more."
    )
    a_ack = c.a(
        "Makes sense, Lehmann it is, I'll drop the Flyerwerk upload. Shall I email them to ask for a proof appointment?"
    )
    u_rule = c.u(
        "sure. and a note for the future: anything on uncoated stock, I always want a paper proof before the run. "
        "learned that the hard way with the Studio Nord posters"
    )
    c.a(
        "Noted. Writing to Lehmann.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 skills/mail/send.py --from hello@marisakeller.de --to info@druckerei-lehmann.de "
                    "--subject 'Andruck Visitenkarten/Flyer Ostwind' --body-file drafts/lehmann-proof.txt"
                },
            )
        ],
    )
    r_mail = c.r(
        "connecting smtp.marisakeller.de:587 ...\nsmtplib.SMTPAuthenticationError: (535, b'5.7.8 Error: "
        "authentication failed')\nmessage not sent"
    )
    a_mail = c.a(
        "The mail did **not** go out: the script exited normally but the SMTP server refused the login "
        "(535 authentication failed). Nothing was sent to Lehmann."
    )
    c.u(
        "ugh. the password changed on monday, it's Wintergarten-88! now, the script probably still has the old "
        "one. don't save that anywhere pls"
    )
    a_pw = c.a(
        "I won't write it down anywhere. The script reads SMTP_PASS from ~/.config/studio/mail.env, so that file "
        "needs the new one. Do you want to update it now and I retry?"
    )
    u_later = c.u(
        "later, no time. I'll just call Lehmann tomorrow morning and book the proof by phone, that's faster anyway"
    )
    c.a("Fine. The draft stays in drafts/lehmann-proof.txt in case you want to send it after all.")
    c.u("👍 thanks")
    c.item(
        "fact",
        "Ostwind print job: 250 business cards 85x55 on 350g Munken Pure, 500 A5 flyers on 170g Munken Pure",
        [u1],
    )
    c.item(
        "decision",
        "Print shop for the Ostwind cards and flyers: Druckerei Lehmann in Kreuzberg (€189, paper proof)",
        [a3, u_rev, a_ack],
        True,
    )
    c.item("fact", "Marisa always wants a paper proof before a print run on uncoated stock", [u_rule], True)
    c.item(
        "outcome",
        "Email to Druckerei Lehmann (proof appointment) not sent: SMTP 535 authentication failed; not retried",
        [r_mail, a_mail],
        True,
    )
    c.item(
        "open_question",
        "SMTP_PASS in ~/.config/studio/mail.env needs the new password; updating it put off by Marisa",
        [a_pw, u_later],
    )
    c.item(
        "todo", "Marisa calls Druckerei Lehmann on the morning of 4 Dec to book the paper proof", [u_later]
    )
    c.canaries += ["Wintergarten-88!"]
    c.noise += ["I'm off to a client now", "Let me look around", "Getting prices"]
    return c


def c03() -> Chat:
    c = ui("03-portfolio-hosting-move", "2026-12-01T18:40:00")
    site = "/home/marisa/Studio/portfolio-site"
    c.u(
        "ok, tonight is the night. the portfolio site has to leave webhost24, they doubled the price for 2027. "
        "it's the Eleventy thing Jonas built, plus the little PHP contact form. Netlify or Uberspace? Jonas swears "
        "by Uberspace"
    )
    a1 = c.a(
        "Both would host the static part fine. The difference is the contact form: Netlify doesn't run PHP, so "
        "contact.php would have to be rebuilt as a Netlify form or a function. Uberspace is a normal Linux account "
        "with PHP, SSH and 'pay what you want' pricing, so the site moves as it is. I'd take Uberspace."
    )
    u1 = c.u(
        "ok uberspace it is. I already made an account last week actually, host is hadar.uberspace.de, user marisa"
    )
    c.a(
        "Let me look at the project first.",
        tools=[("bash", {"command": f"cd {site} && ls -a && cat package.json | head -20"})],
    )
    c.r(
        ".  ..  .eleventy.js  .env  .git  contact.php  package.json  package-lock.json  src\n"
        '{\n  "name": "marisakeller-portfolio",\n  "scripts": {\n    "build": "eleventy",\n'
        '    "serve": "eleventy --serve"\n  },\n  "devDependencies": {\n    "@11ty/eleventy": "^3.0.0",\n'
        '    "@11ty/eleventy-img": "^5.0.0"\n  }\n}'
    )
    c.a("There's a .env; checking what the form needs.", tools=[("read", {"file_path": f"{site}/.env"})])
    c.r(
        "# contact form\nMAILJET_API_KEY=9f3c1e7a5b2d4f60a8e1c3b5d7f90a2e\nMAILJET_SECRET=2b7d9f1e3c5a4b6d8e0f1a2c3b4d5e6f\n"
        "FORM_TO=hello@marisakeller.de\n# old host\nFTP_HOST=ftp.webhost24.de\nFTP_USER=mk_portfolio\nFTP_PASS=Lindenblatt77\n"
    )
    c.a(
        "The form sends through Mailjet; the FTP lines are only for the old host. Building the site.",
        tools=[("bash", {"command": f"cd {site} && npm run build"})],
    )
    r_b1 = c.r(
        "> marisakeller-portfolio build\n> eleventy\n\n[11ty] Problem writing Eleventy templates:\n"
        "[11ty] Cannot find module '@11ty/eleventy-img'\n[11ty] Require stack: .eleventy.js",
        exit_code=1,
    )
    c.a(
        "node_modules is missing or stale. Installing from the lockfile.",
        tools=[("bash", {"command": f"cd {site} && npm ci"})],
    )
    r_b2 = c.r("added 214 packages, and audited 215 packages in 19s\n\nfound 0 vulnerabilities")
    c.a("", tools=[("bash", {"command": f"cd {site} && npm run build"})])
    r_b3 = c.r(
        "> marisakeller-portfolio build\n> eleventy\n\n[11ty] Copied 96 Wrote 142 files in 3.81 seconds (26.8ms each, v3.0.0)"
    )
    c.a(
        "Build works: 142 files in _site/. Uploading to Uberspace.",
        tools=[
            (
                "bash",
                {
                    "command": f"cd {site} && rsync -avz _site/ contact.php marisa@hadar.uberspace.de:/var/www/virtual/marisa/html/"
                },
            )
        ],
    )
    r_r1 = c.r(
        "marisa@hadar.uberspace.de: Permission denied (publickey).\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]",
        exit_code=255,
    )
    c.a(
        "Uberspace refuses the login: my SSH key isn't on the account yet. Could you add it in the Uberspace "
        "dashboard under Logins → SSH? The public key is ~/.ssh/id_ed25519.pub."
    )
    c.u("can't you just log in with the password? it's Kastanie#2026")
    c.a(
        "Uberspace turns password logins off for SSH by default, and I can't type into an interactive prompt "
        "anyway. Pasting the key in the dashboard takes a minute, here it is:\n\n"
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk2d8sQm1pWfJ3xL0aTnV7bZcR4eYuG9oK5hD2jW6qE marisa@studio"
    )
    u_key = c.u("done, it's in")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": f"cd {site} && rsync -avz _site/ contact.php marisa@hadar.uberspace.de:/var/www/virtual/marisa/html/"
                },
            )
        ],
    )
    r_r2 = c.r(
        "sending incremental file list\n./\ncontact.php\nindex.html\nabout/index.html\n...\n\nsent 48,211,906 bytes  received 2,981 bytes  3,214,059.27 bytes/sec\ntotal size is 51,377,102  speedup is 1.07"
    )
    c.a(
        "Files are on Uberspace. Now the domain has to point there. Adding it on the Uberspace side first.",
        tools=[
            (
                "bash",
                {
                    "command": "ssh marisa@hadar.uberspace.de 'uberspace web domain add marisakeller.de && uberspace web domain add www.marisakeller.de'"
                },
            )
        ],
    )
    r_dom = c.r(
        "The webserver's configuration has been adapted.\nNow you can use the following records for your DNS:\n"
        "    A -> 185.26.156.41\n    AAAA -> 2a00:d0c0:200:0:b9:1a:9c:29\n"
        "The webserver's configuration has been adapted.\nNow you can use the following records for your DNS:\n"
        "    A -> 185.26.156.41\n    AAAA -> 2a00:d0c0:200:0:b9:1a:9c:29"
    )
    c.a(
        "Your DNS is at INWX, right? I can set the records through their API if you give me the go, or you do it in their web UI."
    )
    u_mx = c.u(
        "yes INWX. there's an API token in my password manager, here: inwx_pat_4Qh8Lm2Vx9Tb6Rc1Zp7Kw3Ny. go ahead. "
        "only the website records though, leave MX alone, email stays at webhost24 for now"
    )
    c.a(
        "Updating A and AAAA for marisakeller.de and www, MX untouched.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X POST https://api.domrobot.com/jsonrpc/ -H 'Authorization: Bearer inwx_pat_4Qh8Lm2Vx9Tb6Rc1Zp7Kw3Ny' "
                    "-d @dns/update-marisakeller.json"
                },
            )
        ],
    )
    r_dns = c.r(
        '{"code":1000,"msg":"Command completed successfully","resData":{"updated":["A @","AAAA @","A www","AAAA www"]}}'
    )
    c.a(
        "INWX took it. Waiting for the change to show up.",
        tools=[("bash", {"command": "dig +short marisakeller.de A @1.1.1.1"})],
    )
    c.r("81.169.145.92")
    c.a(
        "Still the old IP (TTL was 3600). Checking again in a bit.",
        tools=[("bash", {"command": "sleep 300; dig +short marisakeller.de A @1.1.1.1"})],
    )
    c.wait(300)
    c.r("81.169.145.92")
    c.a("", tools=[("bash", {"command": "sleep 600; dig +short marisakeller.de A @1.1.1.1"})])
    c.wait(600)
    c.r("81.169.145.92")
    c.u("is it always this slow?? I want to go to bed at some point")
    c.a(
        "The old record had a one-hour TTL, so resolvers can keep it up to an hour. It should flip any minute.",
        tools=[
            (
                "bash",
                {
                    "command": "sleep 600; dig +short marisakeller.de A @1.1.1.1; dig +short marisakeller.de A @8.8.8.8"
                },
            )
        ],
    )
    c.wait(600)
    r_dig = c.r("185.26.156.41\n185.26.156.41")
    c.a(
        "Both resolvers now give 185.26.156.41. Checking HTTPS.",
        tools=[("bash", {"command": "curl -sSI https://marisakeller.de | head -3"})],
    )
    r_ssl1 = c.r(
        "curl: (60) SSL: no alternative certificate subject name matches target host name 'marisakeller.de'",
        exit_code=60,
    )
    c.a(
        "Uberspace requests the Let's Encrypt certificate once the domain points at it; that can take a few minutes.",
        tools=[("bash", {"command": "sleep 240; curl -sSI https://marisakeller.de | head -3"})],
    )
    c.wait(240)
    r_ssl2 = c.r("HTTP/2 200\nserver: nginx\ncontent-type: text/html; charset=UTF-8")
    c.a(
        "https://marisakeller.de is live on Uberspace with a valid certificate. Last thing: the contact form.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -o /dev/null -w '%{http_code}\\n' -X POST -d 'name=Test&email=test@example.org&msg=ping' https://marisakeller.de/contact.php"
                },
            )
        ],
    )
    r_f1 = c.r("500")
    c.a(
        "The form answers HTTP 500. Looking at the PHP log.",
        tools=[
            ("bash", {"command": "ssh marisa@hadar.uberspace.de 'tail -n 5 ~/logs/webserver/error_log_php'"})
        ],
    )
    c.r(
        f"[{c.local('%d-%b-%Y %H:%M:%S')} Europe/Berlin] PHP Warning:  getenv(): MAILJET_API_KEY not set in "
        f"/var/www/virtual/marisa/html/contact.php on line 9\n[{c.local('%d-%b-%Y %H:%M:%S')} Europe/Berlin] PHP Fatal error:  "
        "Uncaught RuntimeException: Mailjet credentials missing in /var/www/virtual/marisa/html/contact.php:14"
    )
    c.a(
        "The .env didn't travel (rsync only sent _site/ and contact.php), so the form has no Mailjet credentials. "
        "Copying it next to the script, outside the web root.",
        tools=[
            (
                "bash",
                {
                    "command": f"scp {site}/.env marisa@hadar.uberspace.de:/home/marisa/portfolio.env && ssh marisa@hadar.uberspace.de \"sed -i 's#__DIR__ . \\'/.env\\'#\\'/home/marisa/portfolio.env\\'#' /var/www/virtual/marisa/html/contact.php\""
                },
            )
        ],
    )
    c.r("")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -o /dev/null -w '%{http_code}\\n' -X POST -d 'name=Test&email=test@example.org&msg=ping' https://marisakeller.de/contact.php; ssh marisa@hadar.uberspace.de 'tail -n 2 ~/logs/webserver/error_log_php'"
                },
            )
        ],
    )
    r_f2 = c.r(
        f"500\n[{c.local('%d-%b-%Y %H:%M:%S')} Europe/Berlin] PHP Fatal error:  Uncaught Mailjet\\Exception: 401 Unauthorized "
        "(API key not valid for sender domain) in /var/www/virtual/marisa/html/vendor/mailjet/src/Client.php:88"
    )
    a_f2 = c.a(
        "Still 500, but further along: Mailjet now rejects the key with 401 Unauthorized for the sender domain. "
        "That's on the Mailjet side (sender domain or a rotated key), not the hosting. I can dig into the Mailjet "
        "account settings if you want, or we leave it for now."
    )
    u_leave = c.u(
        "leave it. Jonas set up that mailjet thing, I'll ask him to look at it this weekend. people can email me "
        "directly for now. can you write down the deploy steps so I can do it myself next time?"
    )
    c.a(
        "Writing them into the repo.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{site}/DEPLOY.md",
                    "content": "# Deploy (Uberspace)\n\n1. `npm ci` (only after a fresh checkout or a dependency change)\n"
                    "2. `npm run build` (writes `_site/`)\n3. `rsync -avz --delete _site/ contact.php "
                    "marisa@hadar.uberspace.de:/var/www/virtual/marisa/html/`\n4. Check `https://marisakeller.de` "
                    "returns 200.\n\nThe form reads its Mailjet keys from /home/marisa/portfolio.env on the server "
                    "(never inside html/).\n",
                },
            )
        ],
    )
    r_dep = c.r(f"Wrote 402 bytes to {site}/DEPLOY.md")
    a_offer = c.a(
        "Summary: site is live on Uberspace (hadar.uberspace.de, 185.26.156.41) with HTTPS; DNS at INWX points "
        "there, MX untouched; deploy steps in DEPLOY.md; the contact form still fails with Mailjet 401. One more "
        "idea while we're at it: I could add Plausible analytics, it's cookie-free. Want that?"
    )
    u_no = c.u(
        "nah. no analytics on my site, I don't want to know and I don't want anyone tracked. and webhost24: I'll "
        "cancel that package myself once the mailboxes have moved, latest by 31 January, the contract renews in "
        "February"
    )
    c.a("Understood: no analytics. I'll leave webhost24 to you. Good night!")
    c.u("night! thanks, this would have taken me a week alone")
    c.item(
        "decision",
        "Portfolio site moves from webhost24 to Uberspace (PHP contact form keeps working)",
        [a1, u1],
        True,
    )
    c.item(
        "fact",
        "New hosting: Uberspace account marisa on hadar.uberspace.de, web root /var/www/virtual/marisa/html/, A 185.26.156.41",
        [u1, r_dom],
    )
    c.item(
        "outcome",
        "Build fixed: npm run build failed on missing @11ty/eleventy-img; after npm ci it wrote 142 files",
        [r_b1, r_b2, r_b3],
    )
    c.item(
        "outcome",
        "Site uploaded with rsync to hadar.uberspace.de after the SSH key was added in the Uberspace dashboard",
        [r_r1, u_key, r_r2],
    )
    c.item(
        "outcome",
        "DNS for marisakeller.de and www switched at INWX to 185.26.156.41 (MX left at webhost24); HTTPS works after the certificate was issued",
        [r_dns, r_dig, r_ssl1, r_ssl2],
    )
    c.item(
        "outcome",
        "Contact form https://marisakeller.de/contact.php still returns HTTP 500 (Mailjet 401 Unauthorized); Jonas to look at it this weekend",
        [r_f1, r_f2, a_f2, u_leave],
        True,
    )
    c.item(
        "procedure",
        "Deploy steps in DEPLOY.md: npm ci, npm run build, rsync -avz --delete _site/ contact.php to marisa@hadar.uberspace.de:/var/www/virtual/marisa/html/, check https://marisakeller.de",
        [r_dep],
    )
    c.item(
        "decision",
        "DNS: only the website records of marisakeller.de move to Uberspace; MX and email stay at webhost24 for now",
        [u_mx],
        True,
    )
    c.item(
        "decision",
        "Rejected: Plausible analytics on the portfolio site; no analytics at all",
        [a_offer, u_no],
        True,
    )
    c.item("todo", "Marisa cancels the webhost24 package after the mailboxes move, by 31 January", [u_no])
    c.canaries += [
        "9f3c1e7a5b2d4f60a8e1c3b5d7f90a2e",
        "2b7d9f1e3c5a4b6d8e0f1a2c3b4d5e6f",
        "Lindenblatt77",
        "Kastanie#2026",
        "inwx_pat_4Qh8Lm2Vx9Tb6Rc1Zp7Kw3Ny",
    ]
    c.noise += [
        "I want to go to bed at some point",
        "this would have taken me a week alone",
        "Let me look at the project first",
        "Checking again in a bit",
    ]
    return c


def c04() -> Chat:
    c = tg("04-schriftlizenz-ostwind", "2026-12-03T10:05:00", provider="openai-codex")
    c.u(
        "Hallo! Kurze Frage zu Schriftlizenzen, heute ist es so grau in Berlin, dass ich eh nur Bürokram mache. "
        "Für Ostwind will ich die Halden Grotesk von Nordtype nehmen. Logo und später die Website. Brauche ich da "
        "eine extra Lizenz oder reicht die Desktop-Lizenz?"
    )
    c.a(
        "Ich schaue in die Lizenzbedingungen von Nordtype.",
        tools=[
            (
                "exec",
                {
                    "command": "curl -s https://nordtype.example/licensing | python3 skills/web/html2text.py | sed -n '1,40p'"
                },
            )
        ],
    )
    r1 = c.r(
        "LICENSING\n\nDesktop licence: install on up to 3 computers of one licensee. EUR 180 per style.\n"
        "  Includes logos, printed matter, and images of text.\n"
        "Web licence: self-hosted webfonts. Tiers by pageviews per month:\n  up to 50,000: EUR 120 per style\n"
        "  up to 250,000: EUR 290 per style\n\nLicences are not transferable. Web fonts must be licensed by the "
        "owner of the website (the end client), not by the agency or designer.\n"
    )
    a1 = c.a(
        "Kurz zusammengefasst:\n\n- **Logo**: ist in der Desktop-Lizenz enthalten (180 € pro Schnitt, bis zu 3 "
        "Rechner).\n- **Website**: die Weblizenz muss auf den Betreiber der Seite laufen, also auf Ostwind, nicht "
        "auf dich. Bis 50.000 Seitenaufrufe im Monat 120 € pro Schnitt.\n\nMein Vorschlag: Du kaufst die "
        "Desktop-Lizenz für die Schnitte, die du brauchst, und Ostwind kauft später die Weblizenz (50k) auf "
        "eigenen Namen. Bei Regular, Bold und Italic wären das 540 € für dich."
    )
    u2 = c.u("Passt, so machen wir's. Aber nur Regular und Bold, Italic brauch ich nicht.")
    c.a("Gut, dann 2 × 180 € = 360 € für dich. Soll ich das in den Kundenordner schreiben?")
    c.u("ja, gern")
    c.a(
        "",
        tools=[
            (
                "write",
                {
                    "file_path": "/home/marisa/Studio/Projects/2026/Ostwind/00_admin/lizenzen.md",
                    "content": "# Schriftlizenzen Ostwind\n\n- Halden Grotesk (Nordtype), Regular + Bold\n"
                    "  - Desktop-Lizenz: Marisa Keller, 1 Nutzer, 360 EUR (Logo inklusive)\n"
                    "  - Weblizenz bis 50.000 Seitenaufrufe/Monat: kauft Ostwind auf eigenen Namen (2 x 120 EUR)\n",
                },
            )
        ],
    )
    r_w = c.r("Wrote 247 bytes to /home/marisa/Studio/Projects/2026/Ostwind/00_admin/lizenzen.md")
    c.a("Steht in 2026/Ostwind/00_admin/lizenzen.md.")
    u_rule = c.u(
        "Danke. Merk dir bitte allgemein: Webfont-Lizenzen für Kundenseiten laufen immer auf den Kunden, nie auf "
        "mich. Hatte letztes Jahr Ärger deswegen."
    )
    c.a("Ist notiert: Webfont-Lizenzen für Kundenseiten immer auf den Kunden.")
    c.u(
        "Und merk dir auch gleich mein Nordtype-Login, dann musst du nicht immer fragen: marisa@marisakeller.de / Pfau&Tinte19"
    )
    c.a(
        "Das speichere ich lieber nicht: Passwörter gehören nicht in meine Notizen, die liegen im Klartext im "
        "Workspace. Am besten im Passwortmanager lassen und mir nur sagen, wenn ich etwas kaufen soll."
    )
    c.u("Hm ok, fair.")
    a_offer = c.a(
        "Soll ich Jana bei Ostwind eine kurze Mail schreiben, dass sie die Weblizenz selbst kaufen müssen?"
    )
    u_no = c.u(
        "Nein, lass mal, das sag ich ihr am Donnerstag beim Termin selbst. Mails zu Geld kommen besser von mir."
    )
    c.a("Alles klar.")
    c.u("So, Kaffee. Bis später!")
    c.item(
        "fact",
        "Halden Grotesk (Nordtype): Logo-Nutzung ist in der Desktop-Lizenz enthalten; Weblizenzen muss der Betreiber der Website (Endkunde) kaufen",
        [r1, a1],
    )
    c.item(
        "decision",
        "Halden Grotesk für Ostwind: Marisa kauft die Desktop-Lizenz für Regular und Bold (360 €), Ostwind kauft die Weblizenz bis 50.000 Seitenaufrufe auf eigenen Namen",
        [a1, u2],
        True,
    )
    c.item("outcome", "Lizenzplan in 2026/Ostwind/00_admin/lizenzen.md notiert", [r_w])
    c.item(
        "fact",
        "Webfont-Lizenzen für Kundenseiten laufen immer auf den Kunden, nie auf Marisa",
        [u_rule],
        True,
    )
    c.item("decision", "Abgelehnt: Mail des Agenten an Jana (Ostwind) zur Weblizenz", [a_offer, u_no], True)
    c.item(
        "todo", "Marisa sagt Jana am Donnerstag beim Termin, dass Ostwind die Weblizenz selbst kauft", [u_no]
    )
    c.canaries += ["Pfau&Tinte19"]
    c.noise += ["so grau in Berlin", "So, Kaffee. Bis später", "Hm ok, fair"]
    return c


def c05() -> Chat:
    c = wa("05-steuer-vorauszahlung", "2026-12-03T15:30:00")
    u1 = c.u(
        "Hi. Das Finanzamt hat den Bescheid geschickt: Einkommensteuer-Vorauszahlungen ab Q1 2027, 1.850 € pro "
        "Quartal. Das ist viel zu hoch, 2026 lief deutlich schlechter als 2025. Kannst du schauen, was ich dieses "
        "Jahr bisher verdient hab? Liegt in finanzen/einnahmen-2026.csv"
    )
    c.a(
        "Ich rechne es kurz zusammen.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 skills/finance/summary.py finanzen/einnahmen-2026.csv --until 2026-11-30"
                },
            )
        ],
    )
    r_f = c.r(
        'Traceback (most recent call last):\n  File "skills/finance/summary.py", line 22, in <module>\n'
        "    rows = list(csv.DictReader(fh, delimiter=';'))\nUnicodeDecodeError: 'utf-8' codec can't decode byte "
        "0xe4 in position 1187: invalid continuation byte",
        exit_code=1,
    )
    c.a(
        "Die Datei ist nicht UTF-8, vermutlich aus Excel (Windows-1252). Nochmal mit passender Kodierung.",
        tools=[
            (
                "exec",
                {
                    "command": "python3 skills/finance/summary.py finanzen/einnahmen-2026.csv --until 2026-11-30 --encoding cp1252"
                },
            )
        ],
    )
    r_ok = c.r(
        "Einnahmen netto 01.01.–30.11.2026: 41.380,00 EUR\nAusgaben: 9.120,00 EUR\nGewinn: 32.260,00 EUR\nZeilen: 61"
    )
    a2 = c.a(
        "Bis Ende November: 41.380 € Einnahmen, 9.120 € Ausgaben, also rund 32.260 € Gewinn. Der Bescheid "
        "rechnet offenbar mit dem Gewinn von 2025. Du kannst eine Herabsetzung der Vorauszahlungen beantragen, "
        "mit der Prognose für 2026/2027. Zwei Wege:\n\n1. selbst, formlos über ELSTER ('Antrag auf Anpassung "
        "von Vorauszahlungen')\n2. über deine Steuerberaterin"
    )
    u2 = c.u(
        "Frau Albers soll das machen, die kennt meine Zahlen eh. Ich schreib ihr heute noch. Ach, und die Zahl "
        "stimmt nicht ganz: die Rechnung von Kessler Bau über 1.180 € steht doppelt drin, Zeile 37 und 38. Also "
        "eher 31.080."
    )
    c.a(
        "Stimmt, die beiden Zeilen sind identisch (INV-2026-039, 24.11.). Soll ich Zeile 38 aus der CSV löschen?"
    )
    c.u("ja")
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{CWD}/finanzen/einnahmen-2026.csv",
                    "old_string": "2026-11-24;Kessler Bau GmbH;INV-2026-039;1180,00\n2026-11-24;Kessler Bau GmbH;INV-2026-039;1180,00\n",
                    "new_string": "2026-11-24;Kessler Bau GmbH;INV-2026-039;1180,00\n",
                },
            )
        ],
    )
    r_edit = c.r("Edited /home/marisa/.openclaw/workspace/finanzen/einnahmen-2026.csv (1 replacement)")
    c.a("Erledigt, Gewinn bis 30.11. jetzt 31.080 €. Soll ich dir die Mail an Frau Albers vorformulieren?")
    c.u("ja bitte, kurz")
    c.a(
        "> Liebe Frau Albers,\n> das Finanzamt hat die Vorauszahlungen ab Q1 2027 auf 1.850 € pro Quartal "
        "festgesetzt. Mein Gewinn 2026 liegt bis Ende November bei ca. 31.080 € (2025 deutlich mehr). Könnten "
        "Sie bitte eine Herabsetzung beantragen? Die Aufstellung schicke ich gern mit.\n> Viele Grüße, Marisa Keller"
    )
    c.u(
        "perfekt, schick ich selbst. Übrigens, damit du's weißt: von jedem Zahlungseingang leg ich immer 30 % "
        "aufs Steuerkonto, egal was."
    )
    u_rule = c.lines[-1]["id"]
    c.a("Gut zu wissen, notiert.")
    u_rem = c.u(
        "Und erinner mich bitte am 1. März, dass am 10. März die erste Rate fällig ist, falls bis dahin kein "
        "neuer Bescheid da ist.",
        gap=200,
    )
    c.a(
        "",
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "text": "Am 10. März ist die erste ESt-Vorauszahlung 2027 fällig: neuer Bescheid da?",
                    "at": "2027-03-01T09:00:00+01:00",
                },
            )
        ],
    )
    r_rem = c.r('{"ok": true, "id": "rem_9034", "at": "2027-03-01T09:00:00+01:00"}')
    c.a("Erinnerung steht: 1. März 2027, 9:00.")
    u_q = c.u(
        "Danke! Ob ich für 2027 eine Umsatzsteuer-Sondervorauszahlung brauche für die Dauerfristverlängerung, "
        "keine Ahnung. Mein ELSTER-Zertifikat hat übrigens das Passwort Fuchsbau!2024, falls du da mal reinschauen musst."
    )
    a_q = c.a(
        "Das Passwort nutze ich nicht und schreibe es nirgends hin; für ELSTER meldest du dich besser selbst an. "
        "Die Frage zur Sondervorauszahlung würde ich Frau Albers gleich mit in die Mail packen."
    )
    c.u("gute Idee, mach ich. Tschüss!")
    c.item("fact", "Bescheid Finanzamt: Einkommensteuer-Vorauszahlungen ab Q1 2027 1.850 € pro Quartal", [u1])
    c.item(
        "outcome",
        "Auswertung von finanzen/einnahmen-2026.csv scheiterte an UTF-8 und lief mit --encoding cp1252",
        [r_f, r_ok],
    )
    c.item(
        "decision",
        "Antrag auf Herabsetzung der Vorauszahlungen stellt die Steuerberaterin Frau Albers",
        [a2, u2],
        True,
    )
    c.item("todo", "Marisa schreibt Frau Albers heute (3. Dezember) wegen der Herabsetzung", [u2])
    c.item(
        "fact",
        "Korrektur: Kessler-Bau-Rechnung über 1.180 € stand doppelt in einnahmen-2026.csv; Zeile gelöscht, Gewinn bis 30.11.2026: 31.080 €",
        [u2, r_edit],
        True,
    )
    c.item("fact", "Marisa legt von jedem Zahlungseingang immer 30 % aufs Steuerkonto", [u_rule], True)
    c.item(
        "todo",
        "Erinnerung am 1. März 2027: erste Einkommensteuer-Vorauszahlung am 10. März fällig, falls kein neuer Bescheid",
        [u_rem, r_rem],
    )
    c.item(
        "open_question",
        "Umsatzsteuer-Sondervorauszahlung für 2027 (Dauerfristverlängerung) nötig? Frage geht an Frau Albers",
        [u_q, a_q],
    )
    c.canaries += ["Fuchsbau!2024"]
    c.noise += ["Ich rechne es kurz zusammen", "gute Idee, mach ich", "Tschüss"]
    return c


def c06() -> Chat:
    c = tg("06-ronda-logo-cafe", "2026-12-02T09:20:00")
    c.u(
        "¡Hola! Vamos con la segunda ronda del logo de Café Ribera. Lucía me mandó el feedback anoche, lo guardé "
        "en clientes/ribera/feedback-r2.txt. ¿Me ayudas a ordenarlo?"
    )
    c.a(
        "Claro, lo leo.",
        tools=[("read", {"file_path": f"{CWD}/clientes/ribera/feedback-r2.txt"})],
    )
    c.fail(f"ENOENT: no such file or directory, open '{CWD}/clientes/ribera/feedback-r2.txt'")
    c.a(
        "No está en el workspace. Lo busco en la carpeta de proyectos.",
        tools=[("exec", {"command": "find ~/Studio/Projects -iname 'feedback-r2*' 2>/dev/null"})],
    )
    c.r("/home/marisa/Studio/Projects/2026/Ribera/feedback-r2.txt")
    c.a("", tools=[("read", {"file_path": "/home/marisa/Studio/Projects/2026/Ribera/feedback-r2.txt"})])
    r1 = c.r(
        "Hola Marisa!! Nos encanta la B, de verdad. Dos cosas: el terracota lo vemos un poco frío, ¿puede ser "
        "más cálido? Y la taza está demasiado grande al lado del nombre, más pequeña. La letra del nombre "
        "es muy redondita, algo con más carácter quizá? Un beso, Lucía"
    )
    c.a(
        "Resumen del feedback de Lucía para Café Rivera:\n\n1. Se quedan con la **versión B**.\n2. Terracota más "
        "cálido.\n3. Taza más pequeña respecto al nombre.\n4. Tipografía del nombre con más carácter."
    )
    u_corr = c.u("Ribera, con b, por favor, que luego se me cuela en algún archivo y Lucía se enfada")
    a_col = c.a(
        "Perdona: Café Ribera, con b. Lo tengo en cuenta en todo.\n\nPara el terracota, dos propuestas partiendo del actual #B5573A:\n\n- **#C8703F**: más anaranjado y cálido, "
        "sigue funcionando en una sola tinta\n- **#A94E2F**: más profundo, tipo barro cocido"
    )
    u_col = c.u("el primero")
    c.a(
        "Vale, #C8703F. Para la tipografía del nombre, ahora es Recoleta. Podríamos probar Fraunces (más "
        "contraste) o Gloock (más editorial). ¿Alguna te tira?"
    )
    a_typ = c.lines[-1]["id"]
    u_ctr = c.u(
        "ni una ni otra, creo. ¿y si probamos Cooper, pero solo en 'Ribera'? 'Café' se queda en Recoleta. "
        "Cooper tiene ese rollo setentero que pega con el local"
    )
    a_ack = c.a(
        "Me parece buena idea: Cooper BT solo en 'Ribera' y 'Café' en Recoleta, así hay contraste sin perder la "
        "calidez. ¿Lo preparo así?"
    )
    u_yes = c.u("sí, eso")
    c.u(
        "Y otra cosa importante: en el presupuesto ponía dos rondas de revisión incluidas y esta es la segunda. "
        "Si Lucía pide una tercera, siempre se factura aparte, a 560 € el día. Que no se me olvide decírselo con cariño.",
        gap=60,
    )
    u_rule = c.lines[-1]["id"]
    c.a("Apuntado: a partir de la tercera ronda, aparte a 560 €/día.")
    u_todo = c.u("Le mando la ronda 2 el viernes 4 por la mañana, antes de que abran el café.")
    a_soc = c.a(
        "Perfecto. ¿Quieres que prepare también una versión para redes, el avatar redondo para Instagram?"
    )
    u_def = c.u(
        "mmm, eso lo dejo para más adelante. No sé si lo van a querer pagar y no quiero regalarlo. Ya veremos en enero."
    )
    c.a("Entendido, lo dejamos aparcado.")
    c.u("gracias, ¡a diseñar!")
    c.a("¡Suerte con la ronda!")
    c.item(
        "fact",
        "Feedback de Lucía (ronda 2): se quedan con la versión B, terracota más cálido, taza más pequeña, nombre con más carácter",
        [r1],
    )
    c.item("fact", "El cliente se escribe Café Ribera, con b", [u_corr], True)
    c.item("decision", "Terracota del logo de Café Ribera: #C8703F", [a_col, u_col], True)
    c.item(
        "decision",
        "Tipografía: Cooper BT solo en 'Ribera'; 'Café' sigue en Recoleta",
        [a_typ, u_ctr, a_ack, u_yes],
        True,
    )
    c.item(
        "fact",
        "Dos rondas de revisión incluidas; a partir de la tercera siempre se factura aparte a 560 €/día",
        [u_rule],
        True,
    )
    c.item("todo", "Marisa envía la ronda 2 a Lucía el viernes 4 de diciembre por la mañana", [u_todo])
    c.item(
        "open_question",
        "Versión para redes (avatar redondo para Instagram) aplazada hasta enero: no está claro si la pagarán",
        [a_soc, u_def],
    )
    c.noise += ["a diseñar", "Suerte con la ronda", "Claro, lo leo"]
    return c


def c07() -> Chat:
    c = tg("07-project-files-backup", "2026-11-30T17:10:00")
    proj = "/home/marisa/Studio/Projects"
    c.u(
        "ok I've been putting this off for months. I need a proper backup of ~/Studio/Projects. my external drive "
        "died last week, luckily nothing lost, but that was a wake-up call. what's the plan?"
    )
    a1 = c.a(
        "Good moment for it. I'd do 3-2-1: the laptop, a copy on your Synology at home, and one off-site.\n\n"
        "For off-site, two sensible options:\n1. **Backblaze B2** with rclone, encrypted client-side (rclone crypt), "
        "about $6/TB/month\n2. **Hetzner Storage Box** (BX11, 1 TB for €3.81) via rsync/borg\n\nBoth work; B2 is "
        "simpler to script with rclone, the Storage Box is cheaper if you grow."
    )
    u1 = c.u(
        "B2. Jonas uses it too so I can ask him stuff, and I already have an account from an old project. the "
        "storage box looked fiddly. one rule though: the _NDA folder never goes to any cloud. NAS only."
    )
    c.a(
        "B2 it is, and _NDA stays out of it. Let me see what rclone already knows.",
        tools=[("read", {"file_path": "/home/marisa/.config/rclone/rclone.conf"})],
    )
    c.r(
        "[b2]\ntype = b2\naccount = 0051a2b3c4d5e6f0000000003\nkey = K005xQ8vB1nM4kL7jH0gF3dS6aP9oI2\nhard_delete = false\n"
    )
    c.a("There's a b2 remote. Testing it.", tools=[("bash", {"command": "rclone lsd b2:"})])
    r_401 = c.r(
        f"{c.local('%Y/%m/%d %H:%M:%S')} ERROR : : error listing: couldn't list buckets: 401 unauthorized: bad_auth_token (bad_auth_token)\n"
        f"{c.local('%Y/%m/%d %H:%M:%S')} Failed to lsd with 2 errors: last error was: couldn't list buckets",
        exit_code=1,
    )
    c.a("B2 rejects the key in the config (401 bad_auth_token). Was it revoked, or is there a newer one?")
    c.u(
        "oh right, I made a new application key yesterday when I logged in. it's K005mW3nR8tY1uI4oP7aS2dF6gH9jK0, "
        "keyID stays the same I think"
    )
    c.a(
        "Putting it in the config.",
        tools=[
            (
                "edit",
                {
                    "file_path": "/home/marisa/.config/rclone/rclone.conf",
                    "old_string": "key = K005xQ8vB1nM4kL7jH0gF3dS6aP9oI2",
                    "new_string": "key = K005mW3nR8tY1uI4oP7aS2dF6gH9jK0",
                },
            )
        ],
    )
    r_ed = c.r("Edited /home/marisa/.config/rclone/rclone.conf (1 replacement)")
    c.a("", tools=[("bash", {"command": "rclone lsd b2:"})])
    c.r(
        f"{c.local('%Y/%m/%d %H:%M:%S')} ERROR : : error listing: couldn't list buckets: 401 unauthorized: bad_auth_token (bad_auth_token)",
        exit_code=1,
    )
    c.a(
        "Still 401. New application keys usually come with a new keyID too; the account line is probably the old one. "
        "Can you check the keyID next to the new key in the B2 console?"
    )
    c.u("ugh you're right, it's 0051a2b3c4d5e6f0000000007")
    c.a(
        "",
        tools=[
            (
                "edit",
                {
                    "file_path": "/home/marisa/.config/rclone/rclone.conf",
                    "old_string": "account = 0051a2b3c4d5e6f0000000003",
                    "new_string": "account = 0051a2b3c4d5e6f0000000007",
                },
            )
        ],
    )
    c.r("Edited /home/marisa/.config/rclone/rclone.conf (1 replacement)")
    c.a("", tools=[("bash", {"command": "rclone lsd b2:"})])
    r_lsd = c.r(
        "          -1 2024-03-11 09:02:51        -1 mk-ostwind-old\n          -1 2026-11-29 20:41:10        -1 studio-mk-backup"
    )
    c.a(
        "Works now, and there's already a bucket studio-mk-backup from yesterday. Adding an encrypted layer on top.",
        tools=[
            (
                "bash",
                {
                    "command": "rclone config create b2crypt crypt remote=b2:studio-mk-backup/projects password=Moos-Tapete-Sieben-42 --obscure"
                },
            )
        ],
    )
    c.r("[b2crypt]\ntype = crypt\nremote = b2:studio-mk-backup/projects\npassword = *** ENCRYPTED ***")
    c.a(
        "Important: without that crypt password nothing in the bucket can be restored. It should go into your "
        "password manager now, not just into rclone.conf. Doing a dry run.",
        tools=[
            (
                "bash",
                {
                    "command": f"rclone sync {proj} b2crypt: --exclude '_NDA/**' --dry-run --stats-one-line 2>&1 | tail -n 2"
                },
            )
        ],
    )
    c.wait(40)
    c.r(
        f"{c.local('%Y/%m/%d %H:%M:%S')} NOTICE: \nTransferred:   	   86.407 GiB / 86.407 GiB, 100%, 0 B/s, ETA -\nChecks: 0, Transferred: 14203 / 14203"
    )
    c.a("Dry run: 14,203 files, 86.4 GiB. At your upload speed (~12 MiB/s) that's about two hours.")
    u_ex = c.u(
        "86 gigs, hm. that's the render caches from the Kessler animation. exclude every Cache folder and .tmp "
        "files, they're reproducible"
    )
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": f"rclone sync {proj} b2crypt: --exclude '_NDA/**' --exclude '**/Cache/**' --exclude '*.tmp' --dry-run --stats-one-line 2>&1 | tail -n 2"
                },
            )
        ],
    )
    c.wait(35)
    r_dry = c.r(
        f"{c.local('%Y/%m/%d %H:%M:%S')} NOTICE: \nTransferred:   	   41.733 GiB / 41.733 GiB, 100%, 0 B/s, ETA -\nChecks: 0, Transferred: 9871 / 9871"
    )
    c.a(
        "41.7 GiB without the caches. Starting the real sync in the background with a log.",
        tools=[
            (
                "bash",
                {
                    "command": f"nohup rclone sync {proj} b2crypt: --exclude '_NDA/**' --exclude '**/Cache/**' --exclude '*.tmp' --transfers 8 --log-file ~/logs/rclone-b2.log --stats 1m --log-level INFO > /dev/null 2>&1 & echo $!"
                },
            )
        ],
    )
    c.r("48211")
    c.a(
        "Running as PID 48211. Checking progress.",
        tools=[("bash", {"command": "sleep 600; grep Transferred: ~/logs/rclone-b2.log | tail -n 1"})],
    )
    c.wait(600)
    c.r("Transferred:   	    6.912 GiB / 41.733 GiB, 17%, 11.802 MiB/s, ETA 50m21s")
    c.u("while that runs: the NAS part. it's nas.local, user marisa, share is /volume1/studio")
    c.a(
        "Trying a first copy to the NAS (including _NDA, as agreed).",
        tools=[
            (
                "bash",
                {
                    "command": f"rsync -a --exclude 'Cache/' {proj}/ marisa@nas.local:/volume1/studio/Projects/"
                },
            )
        ],
    )
    r_nas = c.r(
        "ssh: connect to host nas.local port 22: Connection refused\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]\nrsync error: unexplained error (code 255) at io.c(232) [sender=3.2.7]",
        exit_code=255,
    )
    a_nas = c.a(
        "The NAS refuses SSH on port 22. On a Synology that's usually just switched off: Control Panel → "
        "Terminal & SNMP → Enable SSH service."
    )
    u_nas = c.u(
        "yeah SSH is off, I never turned it on. I'm at the studio, not home. I'll enable it tonight when I'm back"
    )
    c.a(
        "OK, the NAS copy waits for that.",
        tools=[("bash", {"command": "sleep 900; grep Transferred: ~/logs/rclone-b2.log | tail -n 1"})],
    )
    c.wait(900)
    c.r("Transferred:   	   17.450 GiB / 41.733 GiB, 42%, 12.114 MiB/s, ETA 34m12s")
    c.a("", tools=[("bash", {"command": "sleep 1200; grep Transferred: ~/logs/rclone-b2.log | tail -n 1"})])
    c.wait(1200)
    c.r("Transferred:   	   31.006 GiB / 41.733 GiB, 74%, 11.978 MiB/s, ETA 15m17s")
    c.a(
        "",
        tools=[
            ("bash", {"command": "sleep 1000; tail -n 6 ~/logs/rclone-b2.log; pgrep -x rclone || echo done"})
        ],
    )
    c.wait(1000)
    t = c.local("%Y/%m/%d %H:%M")
    r_err = c.r(
        f"{t}:01 ERROR : 2026/Kessler/03_final/kessler-brand-film.mov: Failed to copy: 503 service_unavailable (c001_v0001120_t0042)\n"
        f"{t}:07 ERROR : 2026/Kessler/03_final/kessler-brand-film-4k.mov: Failed to copy: 503 service_unavailable\n"
        f"{t}:12 ERROR : 2025/Studio Nord/Plakate/plakat-A1-final.tif: Failed to copy: 503 service_unavailable\n"
        f"{t}:13 ERROR : Attempt 3/3 failed with 3 errors and: 503 service_unavailable\n"
        "Transferred:   	   41.733 GiB / 41.733 GiB, 100%, 11.9 MiB/s, ETA 0s\nErrors:                 3 (retrying may help)\ndone"
    )
    c.a(
        "The sync finished, but not cleanly: 3 files failed with B2 503 errors (two Kessler films and a Studio "
        "Nord poster). Those are temporary on B2's side; re-running only copies what's missing.",
        tools=[
            (
                "bash",
                {
                    "command": f"rclone copy {proj} b2crypt: --exclude '_NDA/**' --exclude '**/Cache/**' --exclude '*.tmp' --stats-one-line -v 2>&1 | tail -n 3"
                },
            )
        ],
    )
    c.wait(330)
    r_fix = c.r(
        "Transferred:   	    3.118 GiB / 3.118 GiB, 100%, 10.4 MiB/s, ETA 0s\nErrors: 0\nTransferred: 3 / 3, 100%"
    )
    c.a(
        "All 3 are up now, 0 errors. Now the nightly job. I'll write a small script and put it in cron.",
        tools=[
            (
                "write",
                {
                    "file_path": "/home/marisa/bin/backup-b2.sh",
                    "content": "#!/bin/sh\n# nightly off-site backup of ~/Studio/Projects (encrypted, _NDA never)\n"
                    "rclone sync /home/marisa/Studio/Projects b2crypt: \\\n  --exclude '_NDA/**' --exclude '**/Cache/**' "
                    "--exclude '*.tmp' \\\n  --transfers 8 --retries 5 --log-file /home/marisa/logs/rclone-b2.log --log-level NOTICE\n",
                },
            )
        ],
    )
    r_w = c.r("Wrote 288 bytes to /home/marisa/bin/backup-b2.sh")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "chmod +x ~/bin/backup-b2.sh && (crontab -l 2>/dev/null; echo '30 2 * * * /home/marisa/bin/backup-b2.sh') | crontab - && crontab -l"
                },
            )
        ],
    )
    r_cron = c.r("30 2 * * * /home/marisa/bin/backup-b2.sh")
    a_off = c.a(
        "Set up:\n- ~/bin/backup-b2.sh runs every night at 02:30 (rclone sync to b2crypt:, excluding _NDA, Cache "
        "folders and .tmp), with 5 retries\n- first full upload done: 41.7 GiB\n- NAS copy still blocked until SSH is on\n\n"
        "One suggestion: a backup you've never restored from is a hope, not a backup. Shall I remind you on the "
        "1st of every month to restore one random project folder as a test?"
    )
    u_yes = c.u("yes do that. the 1st is fine")
    c.a(
        "",
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "text": "Test restore: pull one project folder back from b2crypt:",
                    "rrule": "FREQ=MONTHLY;BYMONTHDAY=1",
                    "at": "2027-01-01T11:00:00+01:00",
                },
            )
        ],
    )
    r_rem = c.r('{"ok": true, "id": "rem_8577", "next": "2027-01-01T11:00:00+01:00"}')
    c.a("Monthly reminder set, first one on 1 January at 11:00. Happy new year in advance, I suppose.")
    c.u("haha. ok, heading home. thanks!!")
    c.item(
        "decision",
        "Off-site backup of ~/Studio/Projects to Backblaze B2 with rclone, encrypted via rclone crypt (remote b2crypt:)",
        [a1, u1],
        True,
    )
    c.item("fact", "The _NDA folder never goes to any cloud backup; NAS only", [u1], True)
    c.item(
        "outcome",
        "rclone b2 remote fixed: old key gave 401 bad_auth_token; new application key and keyID 0051a2b3c4d5e6f0000000007 in rclone.conf, bucket studio-mk-backup listed",
        [r_401, r_ed, r_lsd],
    )
    c.item(
        "decision",
        "Backup excludes every Cache folder and *.tmp files (41.7 GiB instead of 86.4 GiB)",
        [u_ex, r_dry],
        True,
    )
    c.item(
        "outcome",
        "First full upload to b2crypt: done (41.7 GiB); 3 files failed with B2 503 service_unavailable and went up on a re-run with 0 errors",
        [r_err, r_fix],
    )
    c.item(
        "procedure",
        "Nightly backup: ~/bin/backup-b2.sh (rclone sync ~/Studio/Projects b2crypt: excluding _NDA, Cache, *.tmp; 5 retries) from cron at 30 2 * * *",
        [r_w, r_cron],
    )
    c.item(
        "outcome",
        "NAS copy to nas.local:/volume1/studio failed: SSH connection refused on port 22; Marisa enables SSH on the Synology tonight",
        [r_nas, a_nas, u_nas],
        True,
    )
    c.item(
        "decision",
        "Monthly test restore from b2crypt:, reminder on the 1st of each month (first 1 January 2027)",
        [a_off, u_yes, r_rem],
        True,
    )
    c.canaries += [
        "K005xQ8vB1nM4kL7jH0gF3dS6aP9oI2",
        "K005mW3nR8tY1uI4oP7aS2dF6gH9jK0",
        "Moos-Tapete-Sieben-42",
    ]
    c.noise += ["that was a wake-up call", "heading home", "Happy new year in advance", "Checking progress"]
    return c


def c08() -> Chat:
    c = wa("08-sunday-flea-market-chat", "2026-11-29T12:40:00", provider="google")
    c.u(
        "hi! no work today, promise. went to the flea market at Mauerpark and found an old Letraset catalogue from 1981 for 4 euros!!"
    )
    c.a(
        "What a find! Those catalogues are lovely to flip through, all the type specimens from before everything went digital."
    )
    c.u("right?? it smells like a basement though. how do you get that smell out of old paper?")
    c.a(
        "Air it out first, somewhere dry, not in the sun. Then put it in a closed box with an open bowl of baking "
        "soda or some activated charcoal next to it (not touching the pages) for a week or two."
    )
    c.u("haha ok will try the baking soda. what was the difference between Letraset and Mecanorma again?")
    c.a(
        "Both made dry-transfer lettering sheets. Letraset was British and the big name; Mecanorma was French and "
        "had its own typefaces and a slightly different transfer film. Designers often had sheets of both."
    )
    c.u(
        "cool. my old prof had drawers full of them. anyway, going for a walk along the canal, it's sunny for once"
    )
    c.a("Enjoy the sunshine!")
    c.u("will do. enjoy your sunday, if bots have sundays")
    c.a("I'll take it as one. Have a nice walk!")
    c.noise += [
        "found an old Letraset catalogue",
        "baking soda",
        "going for a walk along the canal",
        "if bots have sundays",
        "difference between Letraset and Mecanorma",
    ]
    return c


def c09() -> Chat:
    c = tg("09-servizio-fotografico", "2026-12-01T11:00:00")
    c.u(
        "Ciao! Devo organizzare lo shooting per il nuovo portfolio con Davide Ferri, il fotografo. Lui può il 12 "
        "o il 19 dicembre. Ho qualcosa in calendario quei giorni?"
    )
    c.a(
        "Controllo.",
        tools=[("calendar", {"action": "list", "from": "2026-12-12", "to": "2026-12-19"})],
    )
    c.r(
        '[{"date": "2026-12-12", "start": "10:00", "end": "13:00", "title": "Workshop Ostwind (da loro)"},\n'
        ' {"date": "2026-12-15", "start": "18:30", "end": "21:00", "title": "Cena Jonas"}]'
    )
    a1 = c.a(
        "Il 12 hai il workshop con Ostwind dalle 10 alle 13; il 19 è completamente libero. Ti propongo il 19, "
        "così non hai fretta."
    )
    u2 = c.u("vada per il 19, dalle 10 alle 14 in studio. mettilo in calendario")
    c.a(
        "",
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "date": "2026-12-19",
                    "start": "11:00",
                    "end": "15:00",
                    "title": "Shooting portfolio con Davide Ferri",
                    "location": "Studio",
                },
            )
        ],
    )
    c.r('{"ok": true, "id": "evt_55120", "date": "2026-12-19", "start": "11:00", "end": "15:00"}')
    c.a("Fatto: sabato 19 dicembre, 11:00–15:00, in studio.")
    u_corr = c.u("no, ho detto dalle 10, non dalle 11. dalle 10 alle 14")
    c.a(
        "Scusa, correggo.",
        tools=[("calendar", {"action": "update", "id": "evt_55120", "start": "10:00", "end": "14:00"})],
    )
    r_fix = c.r('{"ok": true, "id": "evt_55120", "date": "2026-12-19", "start": "10:00", "end": "14:00"}')
    c.a("Corretto: 19 dicembre, 10:00–14:00.")
    u_fee = c.u(
        "grazie. Davide chiede 650 € per mezza giornata, con 30 foto ritoccate incluse. per me va bene, gli "
        "confermo io. ah, e lui preferisce WhatsApp, le mail non le legge mai"
    )
    c.a("Bene, prezzo onesto per 30 ritocchi. Ti serve altro per la preparazione?")
    u_todo = c.u(
        "sì: devo mandargli la moodboard entro il 14. e nell'evento metti la password del wifi per lui: rete "
        "Studio-MK, password ciliegia-blu-77"
    )
    c.a(
        "",
        tools=[
            (
                "calendar",
                {"action": "update", "id": "evt_55120", "notes": "Wi-Fi: Studio-MK / ciliegia-blu-77"},
            ),
            (
                "reminders",
                {
                    "action": "add",
                    "text": "Mandare la moodboard a Davide Ferri (WhatsApp)",
                    "at": "2026-12-14T09:00:00+01:00",
                },
            ),
        ],
    )
    c.r('{"ok": true, "id": "evt_55120"}')
    r_rem = c.r('{"ok": true, "id": "rem_9101", "at": "2026-12-14T09:00:00+01:00"}')
    c.a("Wi-Fi nelle note dell'evento, e promemoria per la moodboard il 14 alle 9.")
    u_loc = c.u(
        "ultima cosa: non so ancora se farlo tutto in studio o in parte fuori, al Landwehrkanal. dipende dal tempo, "
        "decido il 17 guardando le previsioni"
    )
    a_loc = c.a("Ok, lo lasciamo aperto fino al 17. Se vuoi, quel giorno ti guardo io le previsioni.")
    c.u("perfetto, grazie mille!")
    c.a("Di niente, buon lavoro!")
    c.item("decision", "Shooting portfolio con Davide Ferri il 19 dicembre in studio", [a1, u2], True)
    c.item(
        "fact",
        "Correzione: lo shooting è dalle 10:00 alle 14:00, non dalle 11:00 alle 15:00 (evento evt_55120 corretto)",
        [u_corr, r_fix],
        True,
    )
    c.item(
        "decision",
        "Accettata l'offerta di Davide: 650 € per mezza giornata con 30 foto ritoccate",
        [u_fee],
        True,
    )
    c.item("fact", "Davide Ferri preferisce WhatsApp, non legge le mail", [u_fee])
    c.item(
        "todo", "Marisa manda la moodboard a Davide entro il 14 dicembre (promemoria alle 9)", [u_todo, r_rem]
    )
    c.item(
        "open_question",
        "Shooting tutto in studio o in parte al Landwehrkanal? Decide Marisa il 17 in base al meteo",
        [u_loc, a_loc],
    )
    c.canaries += ["ciliegia-blu-77"]
    c.noise += ["perfetto, grazie mille", "buon lavoro", "Scusa, correggo"]
    return c


def c10() -> Chat:
    c = wa("10-presupuesto-web-yoga", "2026-12-02T19:05:00", provider="openai-codex")
    c.u(
        "Oye, una cosa rápida. Carmen, la del estudio de yoga de la Oranienstraße (Yoga Sol), quiere una web "
        "sencilla: 5 páginas, horarios, y el botón de reservas que lleve a Eversports. ¿Cuántos días calculas?"
    )
    a1 = c.a(
        "Así a ojo:\n- diseño: 2 días\n- maquetación y montaje: 2,5 días\n- textos, fotos y ajustes: 1 día\n\n"
        "Unos 5,5 días. A 560 €/día serían unos 3.080 €, o un precio cerrado de 3.200 € con dos rondas de "
        "revisión, que encaja con tu regla de presupuestos."
    )
    u1 = c.u("precio cerrado, 3.200. a Carmen le da tranquilidad saber el total")
    a_off = c.a(
        "Vale. ¿Le añado también un plan de mantenimiento, por ejemplo 45 €/mes para actualizaciones y copias?"
    )
    u_no = c.u(
        "no, nada de mantenimientos. luego me llaman un domingo porque se ha roto un plugin. si necesita algo, "
        "se factura por horas"
    )
    c.a("Entendido, sin plan de mantenimiento.")
    u_rem = c.u(
        "Ah, y acuérdate de esto: Carmen solo puede quedar por las mañanas, antes de las 11, que luego tiene "
        "clases todo el día."
    )
    c.a("Apuntado: reuniones con Carmen solo por la mañana, antes de las 11.")
    c.u("¿WordPress o algo estático como lo mío? ella querría cambiar los horarios sola...")
    a_q = c.a(
        "Si quiere tocar los horarios ella, WordPress es más cómodo, pero pide actualizaciones (justo lo que no "
        "quieres mantener). Un sitio estático con un CMS sencillo tipo Decap también le dejaría editar. Depende "
        "de cuánto quiera tocar."
    )
    u_def = c.u("uf, lo pienso esta noche con calma. no lo pongas aún en el presupuesto")
    c.a("Vale, lo dejo fuera hasta que lo decidas.")
    u_todo = c.u("Le mando el presupuesto el lunes 7. Buenas noches!")
    c.a("¡Buenas noches!")
    c.item("decision", "Web de Yoga Sol (Carmen): precio cerrado de 3.200 €", [a1, u1], True)
    c.item(
        "decision",
        "Rechazado: plan de mantenimiento de 45 €/mes; lo que haga falta se factura por horas",
        [a_off, u_no],
        True,
    )
    c.item("fact", "Carmen (Yoga Sol) solo puede reunirse por las mañanas, antes de las 11", [u_rem], True)
    c.item(
        "open_question",
        "¿WordPress o web estática con CMS (Decap) para Yoga Sol? Marisa lo piensa esta noche",
        [a_q, u_def],
    )
    c.item("todo", "Marisa envía el presupuesto a Carmen el lunes 7 de diciembre", [u_todo])
    c.noise += ["una cosa rápida", "Buenas noches", "Cuántos días calculas"]
    return c


def c11() -> Chat:
    c = ui("11-client-onboarding-kit", "2026-12-02T14:00:00")
    tpl = "/home/marisa/Studio/templates"
    c.u(
        "I keep forgetting steps when a new client starts. Yoga Sol and Ostwind in the same month made it obvious. "
        "Can you look at my templates folder and build me an onboarding checklist?"
    )
    c.a("Let me see what's there.", tools=[("bash", {"command": f"ls -la {tpl}"})])
    c.r(
        "total 96\n-rw-r--r-- 1 marisa marisa 48211 Mar  4  2025 contract.docx\n-rw-r--r-- 1 marisa marisa  2210 Sep  2 11:40 contract-summary.md\n"
        "-rw-r--r-- 1 marisa marisa   611 Jun 18 09:12 invoice-settings.json\n-rw-r--r-- 1 marisa marisa  1034 Dec  3 09:20 quote.md\n"
        "-rw-r--r-- 1 marisa marisa   980 Jan 22  2025 welcome-email.md"
    )
    c.a(
        "",
        tools=[
            ("read", {"file_path": f"{tpl}/invoice-settings.json"}),
            ("read", {"file_path": f"{tpl}/welcome-email.md"}),
        ],
    )
    c.r(
        '{\n  "provider": "sevdesk",\n  "api_token": "b41f7e92c0d35a68e1f4b7c29d03a5e8",\n  "numbering": "INV-{YYYY}-{NNN}",\n'
        '  "payment_days": 30,\n  "sender": "Marisa Keller, Sanderstraße 12, 12047 Berlin"\n}'
    )
    c.r(
        "Hi {name},\n\nthanks for choosing Marisa Keller Design! Here's how we'll work together...\n\n"
        "Marisa Keller · Sanderstraße 12 · 12047 Berlin · hello@marisakeller.de"
    )
    c.a(
        "Before the checklist: your templates still have Sanderstraße 12, 12047 Berlin as the address "
        "(invoice settings, welcome email). Is that still current?"
    )
    u_addr = c.u("no!! I moved the studio in September: Weserstraße 41, 12045 Berlin. fix it everywhere pls")
    c.a(
        "Replacing it in all text templates.",
        tools=[
            (
                "bash",
                {
                    "command": f"cd {tpl} && grep -l 'Sanderstraße 12' * ; sed -i 's/Sanderstraße 12, 12047 Berlin/Weserstraße 41, 12045 Berlin/; s/Sanderstraße 12 · 12047 Berlin/Weserstraße 41 · 12045 Berlin/' *.md *.json && grep -c 'Weserstraße 41' *.md *.json"
                },
            )
        ],
    )
    r_sed = c.r(
        "contract.docx\ncontract-summary.md\ninvoice-settings.json\nwelcome-email.md\n"
        "contract-summary.md:1\ninvoice-settings.json:1\nquote.md:0\nwelcome-email.md:1"
    )
    a_docx = c.a(
        "Fixed in contract-summary.md, invoice-settings.json and welcome-email.md. contract.docx also has the old "
        "address, but it's a Word file and sed would break it: that one needs to be changed in Word or Pages."
    )
    u_docx = c.u(
        "ok I'll do the docx myself tomorrow morning, I need to update the liability clause in it anyway"
    )
    a_list = c.a(
        "Here's a first checklist:\n\n1. Intro call (30 min): scope, budget, deadline\n2. Quote from templates/quote.md "
        "(EUR net, 30 days, 2 rounds)\n3. Contract (contract.docx) signed\n4. Project folder in "
        "~/Studio/Projects/<year>/<client> with 01_brief, 02_drafts, 03_final\n5. Welcome email with timeline\n"
        "6. Kickoff meeting\n\nAnything missing?"
    )
    u_rule = c.u(
        "two things. first, before ANY work on a new client: invoice for a 30% deposit, and nothing starts until "
        "it's paid. always. that's not just a checklist item, that's a rule. second, folders get a 00_admin too "
        "for quotes, contract, licences."
    )
    c.a(
        "Both in. Writing it to the templates folder.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{tpl}/onboarding-checklist.md",
                    "content": "# New client onboarding\n\n1. Intro call (30 min): scope, budget, deadline\n"
                    "2. Quote from quote.md (EUR net, VAT on top, 30 days, 2 revision rounds)\n3. Contract signed (contract.docx)\n"
                    "4. Deposit invoice 30 %: no work before it is paid\n5. Project folder ~/Studio/Projects/<year>/<client>/ "
                    "with 00_admin, 01_brief, 02_drafts, 03_final\n6. Welcome email (welcome-email.md) with timeline\n7. Kickoff meeting\n",
                },
            )
        ],
    )
    r_cl = c.r(f"Wrote 437 bytes to {tpl}/onboarding-checklist.md")
    a_off = c.a(
        "Saved as templates/onboarding-checklist.md. Step 5 is the one that gets forgotten: want a small script "
        'that creates the folder with all four subfolders? `new-client.sh "Yoga Sol"` and done.'
    )
    u_go = c.u("yes, go")
    c.a(
        "",
        tools=[
            (
                "write",
                {
                    "file_path": "/home/marisa/bin/new-client.sh",
                    "content": '#!/bin/sh\nset -e\nbase="$HOME/Studio/Projects/$(date +%Y)/$1"\n'
                    'for d in 00_admin 01_brief 02_drafts 03_final; do\n  mkdir "$base/$d"\ndone\necho "created $base"\n',
                },
            )
        ],
    )
    c.r("Wrote 151 bytes to /home/marisa/bin/new-client.sh")
    c.a(
        "Testing it with a throwaway name.",
        tools=[("bash", {"command": "chmod +x ~/bin/new-client.sh && ~/bin/new-client.sh 'Zz Test'"})],
    )
    r_t1 = c.r(
        "mkdir: cannot create directory '/home/marisa/Studio/Projects/2026/Zz Test/00_admin': No such file or directory",
        exit_code=1,
    )
    c.a(
        "The client folder itself doesn't exist yet, so mkdir needs -p.",
        tools=[
            (
                "edit",
                {
                    "file_path": "/home/marisa/bin/new-client.sh",
                    "old_string": '  mkdir "$base/$d"',
                    "new_string": '  mkdir -p "$base/$d"',
                },
            )
        ],
    )
    r_e = c.r("Edited /home/marisa/bin/new-client.sh (1 replacement)")
    c.a(
        "",
        tools=[
            (
                "bash",
                {
                    "command": "~/bin/new-client.sh 'Zz Test' && ls ~/Studio/Projects/2026/'Zz Test' && rm -r ~/Studio/Projects/2026/'Zz Test'"
                },
            )
        ],
    )
    r_t2 = c.r("created /home/marisa/Studio/Projects/2026/Zz Test\n00_admin\n01_brief\n02_drafts\n03_final")
    c.a("Works: it creates 00_admin, 01_brief, 02_drafts, 03_final. Test folder removed again.")
    c.u(
        "love it. btw is the sevdesk token in that json a problem? it's in the templates folder that I share with Jonas sometimes"
    )
    a_tok = c.a(
        "Yes, it's a live API token in a folder you share. I'd move it out of templates/ into ~/.config/studio/ "
        "and rotate it in sevdesk, since Jonas may already have a copy. Want me to move it now?"
    )
    u_tok = c.u("not now, I'll rotate it when I'm in sevdesk on friday for the invoices, then we move it")
    c.a("OK, until then it stays where it is.")
    c.u("cool. done for today, brain is mush")
    c.item(
        "fact",
        "Studio address since September: Weserstraße 41, 12045 Berlin (not Sanderstraße 12, 12047 Berlin)",
        [u_addr],
        True,
    )
    c.item(
        "outcome",
        "Address replaced in contract-summary.md, invoice-settings.json and welcome-email.md",
        [r_sed, a_docx],
    )
    c.item(
        "todo",
        "Marisa updates the address (and liability clause) in contract.docx herself tomorrow morning (3 Dec)",
        [a_docx, u_docx],
    )
    c.item(
        "fact",
        "Rule: before any work for a new client, a 30% deposit invoice must be paid",
        [u_rule],
        True,
    )
    c.item(
        "procedure",
        "Onboarding checklist in templates/onboarding-checklist.md: intro call, quote, contract, 30% deposit, folder with 00_admin/01_brief/02_drafts/03_final, welcome email, kickoff",
        [a_list, u_rule, r_cl],
    )
    c.item("decision", "Client folders are created with ~/bin/new-client.sh", [a_off, u_go], True)
    c.item(
        "outcome",
        "new-client.sh failed on the first test (mkdir without -p); fixed with mkdir -p, test run created the four subfolders",
        [r_t1, r_e, r_t2],
    )
    c.item(
        "todo",
        "Marisa rotates the sevdesk API token on Friday 4 Dec, then it moves out of templates/ to ~/.config/studio/",
        [a_tok, u_tok],
    )
    c.canaries += ["b41f7e92c0d35a68e1f4b7c29d03a5e8"]
    c.noise += ["brain is mush", "Let me see what's there", "Testing it with a throwaway name"]
    return c


def c12() -> Chat:
    c = tg("12-kessler-logo-handover", "2026-12-01T09:30:00", provider="openai-codex")
    k = "/home/marisa/Studio/Projects/2026/Kessler"
    u1 = c.u(
        "KESSLER SIGNED OFF THE LOGO!! v7 it is, after seven rounds, I could cry. ok now the handover package. "
        "they need stuff for print, web, office and a favicon. their IT guy wants everything by monday"
    )
    c.a(
        "Congratulations, seven rounds is a marathon! Let me look at the final files first.",
        tools=[("bash", {"command": f"ls {k}/03_final/ && cat {k}/03_final/colors.txt"})],
    )
    r_col = c.r(
        "colors.txt  kessler-logo-v7.svg  kessler-logo-v7-mono.svg  kessler-mark-v7.svg\n"
        "Kessler Orange: Pantone 1585 C / CMYK 0 70 95 0 / #F26A21\nAnthrazit: Pantone 432 C / CMYK 70 55 45 60 / #33383D"
    )
    a_prop = c.a(
        "Proposed package, one folder per use:\n\n- **print/**: logo as PDF (CMYK), plus EPS for sign makers\n"
        "- **web/**: SVG + PNG at 512 and 1024 px\n- **office/**: transparent PNG at 2000 px for Word/PowerPoint\n"
        "- **favicon/**: favicon.ico + 180 px apple-touch-icon, from the mark only\n\nEach in colour, mono and white."
    )
    u_eps = c.u(
        "fine, but EPS? nobody needs EPS in 2026. oh wait, their sign maker asked for it. ok keep EPS, print folder only"
    )
    c.a(
        "EPS stays, in print/ only. Writing an export script.",
        tools=[("bash", {"command": "inkscape --version"})],
    )
    r_ink1 = c.r("bash: line 1: inkscape: command not found", exit_code=127)
    c.a(
        "Inkscape isn't on the PATH. Is it installed as a flatpak?",
        tools=[
            (
                "bash",
                {
                    "command": "flatpak list --app | grep -i inkscape; flatpak run org.inkscape.Inkscape --version"
                },
            )
        ],
    )
    r_ink2 = c.r(
        "Inkscape	org.inkscape.Inkscape	1.4.2	stable	system\nInkscape 1.4.2 (ebf0e940d0, 2025-05-08)"
    )
    c.a(
        "It's the flatpak, org.inkscape.Inkscape 1.4.2. The script uses that.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{k}/export.sh",
                    "content": '#!/bin/sh\nset -e\nINK=\'flatpak run org.inkscape.Inkscape\'\ncd "$(dirname "$0")"\n'
                    "mkdir -p handover/print handover/web handover/office handover/favicon\n"
                    "for v in kessler-logo-v7 kessler-logo-v7-mono; do\n"
                    "  $INK 03_final/$v.svg --export-type=pdf --export-filename=handover/print/$v.pdf\n"
                    "  $INK 03_final/$v.svg --export-type=eps --export-filename=handover/print/$v.eps\n"
                    "  cp 03_final/$v.svg handover/web/\n"
                    "  for w in 512 1024; do $INK 03_final/$v.svg --export-width=$w --export-filename=handover/web/$v-$w.png; done\n"
                    "  $INK 03_final/$v.svg --export-width=2000 --export-background-opacity=0 --export-filename=handover/office/$v.png\n"
                    "done\n$INK 03_final/kessler-mark-v7.svg --export-width=180 --export-filename=handover/favicon/apple-touch-icon.png\n"
                    "convert handover/favicon/apple-touch-icon.png -define icon:auto-resize=48,32,16 handover/favicon/favicon.ico\n",
                },
            )
        ],
    )
    r_sh = c.r(f"Wrote 812 bytes to {k}/export.sh")
    c.a("", tools=[("bash", {"command": f"chmod +x {k}/export.sh && {k}/export.sh 2>&1 | tail -n 6"})])
    r_exp = c.r(
        "** (org.inkscape.Inkscape:4127): WARNING **: 10:02:14.551: CMYK colour output is not supported for PDF export; "
        "colours written as RGB (sRGB IEC61966-2.1)\n"
        "** (org.inkscape.Inkscape:4133): WARNING **: 10:02:16.020: CMYK colour output is not supported for PDF export; "
        "colours written as RGB (sRGB IEC61966-2.1)\nhandover/web/kessler-logo-v7-mono-1024.png\n"
        "handover/office/kessler-logo-v7-mono.png\nhandover/favicon/apple-touch-icon.png\nhandover/favicon/favicon.ico"
    )
    a_cmyk = c.a(
        "Web, office and favicon files are fine. But the print PDFs are **not CMYK**: Inkscape wrote them as RGB "
        "(the script still finished without an error). For a printer that's a problem with the orange. Inkscape "
        "can't do proper CMYK PDFs; Illustrator or Affinity can."
    )
    u_cmyk = c.u(
        "argh. ok I'll make the CMYK pdfs in Illustrator tonight and drop them into print/. leave the RGB ones out"
    )
    c.a(
        "Removing the RGB PDFs from print/ so they can't be mixed up.",
        tools=[("bash", {"command": f"rm {k}/handover/print/*.pdf && ls {k}/handover/print/"})],
    )
    c.r("kessler-logo-v7-mono.eps\nkessler-logo-v7.eps")
    c.a(
        "print/ now only has the two EPS files until your PDFs arrive. Checking the favicon sizes.",
        tools=[("bash", {"command": f"identify {k}/handover/favicon/favicon.ico"})],
    )
    c.r(
        f"{k}/handover/favicon/favicon.ico[0] ICO 48x48 48x48+0+0 8-bit sRGB 0.000u 0:00.000\n"
        f"{k}/handover/favicon/favicon.ico[1] ICO 32x32 32x32+0+0 8-bit sRGB 0.000u 0:00.000\n"
        f"{k}/handover/favicon/favicon.ico[2] ICO 16x16 16x16+0+0 8-bit sRGB 4.2KB 0.000u 0:00.000"
    )
    c.a("favicon.ico has 48, 32 and 16 px, as it should.")
    c.u("what's the apple-touch-icon for actually? never understood that one")
    c.a(
        "It's the icon an iPhone or iPad shows when someone saves the website to the home screen. Without it iOS "
        "takes a blurry screenshot of the page instead."
    )
    u_rem = c.u(
        "good. and remember for Kessler: their IT contact is Piotr Nowak, p.nowak@kessler-bau.de. he wants files "
        "as a download link, never as email attachments, their mail server bounces anything over 10 MB"
    )
    c.a("Noted: Piotr Nowak (p.nowak@kessler-bau.de), download links only, never attachments.")
    c.wait(77000)
    c.u(
        "morning!! CMYK pdfs are in print/. and news: the sign maker says PDF is fine for him, so scratch the EPS after all. less is more"
    )
    u_rev = c.lines[-1]["id"]
    c.a(
        "Morning! Removing the EPS files then.",
        tools=[("bash", {"command": f"rm {k}/handover/print/*.eps && ls -la {k}/handover/print/"})],
    )
    c.r(
        "total 412\n-rw-r--r-- 1 marisa marisa 208331 Dec  1 22:47 kessler-logo-v7-cmyk.pdf\n"
        "-rw-r--r-- 1 marisa marisa 196702 Dec  1 22:49 kessler-logo-v7-mono-cmyk.pdf"
    )
    a_ack = c.a(
        "print/ now holds only your two CMYK PDFs, no EPS. Also taking the EPS line out of export.sh.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{k}/export.sh",
                    "old_string": "  $INK 03_final/$v.svg --export-type=eps --export-filename=handover/print/$v.eps\n",
                    "new_string": "",
                },
            )
        ],
    )
    c.r(f"Edited {k}/export.sh (1 replacement)")
    c.a(
        "Zipping the package.",
        tools=[
            (
                "bash",
                {
                    "command": f"cd {k} && zip -r kessler-bau-logo-v7.zip handover -x '*.DS_Store' | tail -n 1 && ls -lh kessler-bau-logo-v7.zip"
                },
            )
        ],
    )
    c.r(
        f"  adding: handover/favicon/favicon.ico (deflated 71%)\n-rw-r--r-- 1 marisa marisa 6.8M {c.local('%b %e %H:%M')} kessler-bau-logo-v7.zip"
    )
    c.a(
        "6.8 MB. Uploading it for a download link.",
        tools=[
            (
                "bash",
                {
                    "command": f"curl -s -H 'X-Api-Key: tf_live_7Yq2Wm9Rk4Zp1Xc8Vb3N' -F file=@{k}/kessler-bau-logo-v7.zip https://upload.transferbox.example/v1/files"
                },
            )
        ],
    )
    r_up1 = c.r('{"error":"upstream timeout","status":504}')
    c.a(
        "The upload service answered 504 (upstream timeout), no link. Trying again.",
        tools=[
            (
                "bash",
                {
                    "command": f"sleep 30; curl -s -H 'X-Api-Key: tf_live_7Yq2Wm9Rk4Zp1Xc8Vb3N' -F file=@{k}/kessler-bau-logo-v7.zip https://upload.transferbox.example/v1/files"
                },
            )
        ],
    )
    r_up2 = c.r(
        '{"status":201,"url":"https://transferbox.example/d/kB7v2QmX","expires":"2026-12-16T08:14:02Z"}'
    )
    c.a(
        "Uploaded: https://transferbox.example/d/kB7v2QmX, valid until 16 December. Shall I write the mail to Piotr "
        "with the link and a short overview of the folders?"
    )
    c.u("yes, send it, cc me")
    c.a(
        "",
        tools=[
            (
                "exec",
                {
                    "command": "python3 skills/mail/send.py --from hello@marisakeller.de --to p.nowak@kessler-bau.de --cc hello@marisakeller.de --subject 'Kessler Bau: Logo v7 Dateipaket' --body-file drafts/kessler-handover.txt"
                },
            )
        ],
    )
    r_mail = c.r(
        f"sent: <{c.local('%Y%m%d%H%M%S')}.2290@marisakeller.de> to p.nowak@kessler-bau.de, cc hello@marisakeller.de"
    )
    a_done = c.a(
        "Sent to Piotr with you in cc. The link expires on 16 December, so he has two weeks to pull it."
    )
    c.u("amazing. invoice for Kessler goes out tomorrow then, the last 70%. that one I'll do myself")
    c.a("Sounds good. Enjoy the feeling of a closed project!")
    c.item("fact", "Kessler Bau signed off logo v7", [u1])
    c.item(
        "fact",
        "Kessler colours: Kessler Orange Pantone 1585 C / CMYK 0 70 95 0 / #F26A21; Anthrazit Pantone 432 C / #33383D",
        [r_col],
    )
    c.item(
        "decision",
        "Kessler handover package: print/ with CMYK PDFs only, web/ SVG + PNG 512/1024, office/ transparent PNG 2000 px, favicon/ from the mark",
        [a_prop, u_eps, u_rev, a_ack],
        True,
    )
    c.item(
        "outcome",
        "Inkscape is only installed as flatpak org.inkscape.Inkscape 1.4.2; export.sh uses it",
        [r_ink1, r_ink2, r_sh],
    )
    c.item(
        "outcome",
        "Inkscape exported the print PDFs as RGB, not CMYK (warning, no error); Marisa made the CMYK PDFs in Illustrator",
        [r_exp, a_cmyk, u_cmyk, u_rev],
    )
    c.item(
        "fact",
        "Kessler IT contact: Piotr Nowak, p.nowak@kessler-bau.de; files only as download links, never as attachments (mail server bounces over 10 MB)",
        [u_rem],
        True,
    )
    c.item(
        "procedure",
        "Logo exports with Kessler/export.sh: flatpak Inkscape to PDF, SVG, PNG 512/1024, 2000 px transparent PNG, favicon via convert",
        [r_sh],
    )
    c.item(
        "outcome",
        "kessler-bau-logo-v7.zip (6.8 MB) uploaded after a 504 retry; link https://transferbox.example/d/kB7v2QmX (until 16 Dec) sent to Piotr Nowak",
        [r_up1, r_up2, r_mail, a_done],
    )
    c.item(
        "todo", "Marisa sends the final Kessler invoice (remaining 70%) tomorrow, 3 Dec", [c.lines[-2]["id"]]
    )
    c.canaries += ["tf_live_7Yq2Wm9Rk4Zp1Xc8Vb3N"]
    c.noise += [
        "what's the apple-touch-icon for actually",
        "I could cry",
        "seven rounds is a marathon",
        "Enjoy the feeling of a closed project",
        "Zipping the package",
    ]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12]

if __name__ == "__main__":
    main(CONVS, HERE)
