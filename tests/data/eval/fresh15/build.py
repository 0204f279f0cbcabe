"""fresh15: hand-written eval split for memoryd (persona: Marisol, wedding and event planner)."""

import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from pathlib import Path
from typing import Any

from envelope import Conv, main

ME = ("Marisol Reyes", "marisol_plans", "6120487735")
WS = "/home/marisol/.openclaw/workspace"


def tg(name: str, start: str, **kw: Any) -> Conv:
    return Conv(name, start, 1, "telegram", sender=ME, cwd=WS, **kw)


def ui(name: str, start: str, **kw: Any) -> Conv:
    return Conv(name, start, 1, "control-ui", cwd=WS, **kw)


class ReadConv(Conv):
    """A conversation where a file read can fail without a shell exit code."""

    def r_fail(self, output: str, gap: float = 1.0) -> str:
        eid = self.r(output, gap=gap)
        self.lines[-1]["message"]["isError"] = True
        return eid


# ------------------------------------------------------------------------------------------------
def c01() -> Conv:
    c = tg("01-caterer-menu-ortega", "2026-11-03T08:12:00")
    c.u(
        "morning!! need to get the caterer sorted today for ortega/lind. brasa & sal sent their 3 menus, "
        "its in downloads, menus_ortega.txt. gist pls"
    )
    c.a(
        "Let me open the file.",
        tools=[("read", {"path": "/home/marisol/Downloads/menus_ortega.txt"})],
        think="She wants a summary of the three menus. The file is in ~/Downloads, not the workspace.",
    )
    c.r(
        "BRASA & SAL - Catering de autor\nPropuesta para: Boda Ortega / Lind\n\n"
        "OPCIÓN A - Mediterráneo clásico ........ 78 €/pax\n  cóctel 6 piezas, entrante, principal (merluza o ternera), postre\n\n"
        "OPCIÓN B - Mercado de temporada ......... 86 €/pax\n  cóctel 8 piezas + estación de arroces en vivo, 2 principales, postre, barra libre 2h\n\n"
        "OPCIÓN C - Menú degustación 7 pases ...... 112 €/pax\n  servicio emplatado, maridaje opcional\n\n"
        "Maridaje de vinos: +14 €/pax (cualquier opción)\nMínimo 90 comensales. Prueba de menú gratuita hasta 4 personas.\n"
        "IVA 10% no incluido. Contacto: eventos@brasaysal.es / Álvaro Pitarch"
    )
    a1 = c.a(
        "Here's the gist of the Brasa & Sal proposal (prices per guest, VAT 10% not included):\n\n"
        "1. **Option A, Mediterranean classic**: 78 €. 6-piece cocktail, starter, one main (hake or beef), dessert.\n"
        "2. **Option B, Market seasonal**: 86 €. 8-piece cocktail plus a live rice station, two mains, dessert, and a 2h open bar.\n"
        "3. **Option C, 7-course tasting**: 112 €. Plated service.\n\n"
        "Wine pairing is +14 € per guest on any option. Minimum 90 guests, and the menu tasting is free for up to 4 people.\n\n"
        "With ~118 guests, B comes to about 10,150 € before VAT and A about 9,200 €. B is the better value because the open bar "
        "is already in it; with A you'd be paying the bar separately. C feels heavy for a June garden wedding.\n\n"
        "My pick would be B. Want me to draft a reply to Álvaro accepting it and asking for the tasting?"
    )
    u2 = c.u(
        "the second one. yes draft it. tasting for 4, the couple plus both mums. thursday 19th at 7pm if they can",
        gap=90,
    )
    c.a(
        "Drafting the reply now.",
        think="Option B, tasting for 4 on Thursday 19 November at 19:00. Reply in Spanish, the caterer writes in Spanish. "
        "The wedding date I have in mind is 13 June 2027.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer draft --to eventos@brasaysal.es --subject 'Boda Ortega/Lind - Opción B y prueba de menú' <<'TXT'\n"
                    "Hola Álvaro,\n\nGracias por la propuesta. Los novios se quedan con la Opción B (Mercado de temporada) para la boda del "
                    "13 de junio de 2027, unos 118 comensales.\n\n¿Podríamos hacer la prueba de menú el jueves 19 de noviembre a las 19:00? "
                    "Seríamos 4 personas.\n\nUn saludo,\nMarisol\nTXT"
                },
            )
        ],
    )
    c.r("draft saved: drf_5k20qd (Drafts) to=eventos@brasaysal.es")
    a2 = c.a(
        "Draft saved (drf_5k20qd): accepts Option B for the 13 June 2027 wedding, ~118 guests, and asks for the tasting "
        "on Thursday 19 November at 19:00 for 4. Want me to put a hold in your calendar for the tasting too?"
    )
    u3 = c.u(
        "no the wedding is the 12th, saturday 12 june. 13th is a sunday lol. fix that. and yes hold it. oh and from now on "
        "cc nuria@marisolevents.es on anything that goes to a vendor, she keeps the paper trail for me",
        gap=60,
    )
    c.a(
        "Fixing the date and adding Nuria in cc, then the calendar hold.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer edit drf_5k20qd --cc nuria@marisolevents.es --replace '13 de junio de 2027=12 de junio de 2027'"
                },
            ),
            (
                "bash",
                {
                    "command": "calctl add --title 'Prueba menú Brasa & Sal (Ortega/Lind)' --start '2026-11-19 19:00' "
                    "--duration 120 --location 'Brasa & Sal, C/ Sueca 41, Valencia' --tentative"
                },
            ),
        ],
    )
    r3a = c.r("draft drf_5k20qd updated: cc=nuria@marisolevents.es; 1 replacement")
    r3b = c.r("created event evt_77qa1 (tentative) Thu 2026-11-19 19:00-21:00")
    a3 = c.a(
        "Done:\n- Draft drf_5k20qd now says **12 June 2027** and has nuria@marisolevents.es in cc.\n"
        "- Tentative hold in your calendar: Thu 19 Nov, 19:00–21:00 at Brasa & Sal (evt_77qa1).\n\n"
        "I'll cc Nuria on vendor emails from here on. Should I also ask about the wine pairing (+14 €/guest) in the same email?"
    )
    u4 = c.u("hm not yet, i'll check with the couple about the wine, dont mention it", gap=70)
    c.a("Got it, leaving the wine pairing out of the email until you've talked to them.")
    u5 = c.u(
        "also nuria has to send them the allergy list, by the 25th at the latest. 2 celiacs and a nut allergy that i know of",
        gap=120,
    )
    a5 = c.a(
        "Noted: Nuria sends Brasa & Sal the allergy list by Wednesday 25 November (so far: two coeliac guests, one nut "
        "allergy). Want me to add a reminder for her, or just a line in the draft so Álvaro expects it?"
    )
    c.u("line in the draft is fine")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "mailer edit drf_5k20qd --append 'Nuria (en copia) os enviará la lista de alergias antes del 25 de noviembre.'"
                },
            )
        ]
    )
    r6 = c.r("draft drf_5k20qd updated: body +1 line")
    c.a("Added. The draft is ready whenever you want to send it. Want me to send it now or keep it?")
    c.u("keep it, ill read it after lunch and send. thx", gap=50)
    c.a("Sure. Enjoy your lunch!")
    c.item(
        "decision",
        "Ortega/Lind catering: Brasa & Sal Option B (Mercado de temporada), 86 €/guest, ~118 guests",
        [a1, u2],
        True,
    )
    c.item(
        "fact",
        "Correction: the Ortega/Lind wedding is on Saturday 12 June 2027, not the 13th",
        [a2, u3],
        True,
    )
    c.item(
        "fact", "Standing rule: cc nuria@marisolevents.es on every email that goes to a vendor", [u3], True
    )
    c.item(
        "outcome",
        "Email draft drf_5k20qd to eventos@brasaysal.es (cc Nuria) accepts Option B and requests a tasting for 4 on "
        "Thu 19 Nov 2026 19:00; tentative calendar hold evt_77qa1 created; draft not sent yet",
        [r3a, r3b, r6, a3],
    )
    c.item(
        "open_question",
        "Wine pairing (+14 €/guest) for Ortega/Lind: Marisol checks with the couple; not mentioned to the caterer yet",
        [a3, u4],
    )
    c.item(
        "todo",
        "Nuria sends Brasa & Sal the allergy list by 25 November 2026 (two coeliac guests, one nut allergy so far)",
        [u5, a5],
    )
    c.noise = ["Let me open the file", "Enjoy your lunch", "C feels heavy for a June garden wedding"]
    return c


# ------------------------------------------------------------------------------------------------
def c02() -> Conv:
    c = tg("02-budget-sheet-haro", "2026-11-04T16:40:00")
    u1 = c.u(
        "ok budget time. haro wedding, the sheet is budget_haro.xlsx in workspace/clients/haro. how far over are we? "
        "their cap is 38k all in btw"
    )
    c.a(
        "I'll total the sheet against the 38k cap.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 -c \"import openpyxl; wb=openpyxl.load_workbook('budget_haro.xlsx'); ws=wb['Budget']; "
                    'print(sum(r[2].value or 0 for r in ws.iter_rows(min_row=2)))"'
                },
            )
        ],
    )
    r1 = c.r(
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'openpyxl'",
        exit_code=1,
    )
    c.a(
        "openpyxl isn't installed in this environment. Installing it in user space.",
        tools=[("bash", {"command": "pip install --user openpyxl"})],
    )
    c.r(
        "Collecting openpyxl\n  Downloading openpyxl-3.1.5-py2.py3-none-any.whl (250 kB)\nCollecting et-xmlfile\n"
        "Installing collected packages: et-xmlfile, openpyxl\nSuccessfully installed et-xmlfile-2.0.0 openpyxl-3.1.5"
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('budget_haro.xlsx', data_only=True)\n"
                    "ws = wb['Budget']\nrows = [(r[0].value, r[1].value, r[2].value) for r in ws.iter_rows(min_row=2) if r[0].value]\n"
                    "for cat, vendor, amt in rows:\n    print(f'{cat:<14}{vendor:<22}{amt:>9}')\nprint('TOTAL', sum(a or 0 for *_, a in rows))\nPY"
                },
            )
        ]
    )
    c.r(
        "Venue         Finca Els Tarongers      12500\nCatering      Gust Mediterrani          14160\n"
        "Flowers       Flores del Turia          4200\nDJ            Nacho Beats               1650\n"
        "Photo         Lúa Fotografía            3400\nPrinting      Tinta Norte                780\n"
        "Photobooth    FlashBox                   690\nTransport     Autocares Ribera          1100\n"
        "Dress/suit    (couple)                     #REF!\nTOTAL 38480"
    )
    a2 = c.a(
        "The sheet totals **38,480 €**, so 480 € over the 38k cap, and that's **without a contingency line**, which the sheet doesn't have.\n\n"
        "Two things to flag:\n- The Dress/suit row shows `#REF!`, so a formula points at a deleted cell. It's summed as 0 here. "
        "If it was meant to be inside the cap, we're further over.\n- Biggest lines: catering 14,160 €, venue 12,500 €, flowers 4,200 €.\n\n"
        "Ways to get back under:\n1. Drop the photobooth (−690 €), under by 210 €\n"
        "2. Trim flowers to the smaller centrepiece set Flores del Turia quoted (−650 €)\n"
        "3. Swap the coach for two minibuses (−300 € roughly, needs a new quote)\n\n"
        "Want me to add a contingency row and fix the #REF! cell?"
    )
    u3 = c.u(
        "dress is outside the cap, the couple pays it direct, just blank it. contingency yes, we always carry 8% on every "
        "budget, put it as its own row. flowers cut to the small set. photobooth let me think about it, the bride loves it",
        gap=150,
    )
    c.a(
        "Updating the sheet: blank the dress row, flowers to 3,550 €, add an 8% contingency row.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('budget_haro.xlsx')\nws = wb['Budget']\n"
                    "for r in ws.iter_rows(min_row=2):\n    if r[0].value == 'Dress/suit': r[2].value = None\n"
                    "    if r[0].value == 'Flowers': r[2].value = 3550\nlast = ws.max_row + 1\nws.cell(last, 1, 'Contingency')\n"
                    "ws.cell(last, 2, '8%')\nws.cell(last, 3, f'=ROUND(SUM(C2:C{last-1})*0.08,0)')\nwb.save('budget_haro.xlsx')\nprint('saved')\nPY"
                },
            )
        ],
    )
    c.r("saved")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && libreoffice --headless --convert-to csv budget_haro.xlsx >/dev/null 2>&1; tail -3 budget_haro.csv"
                },
            )
        ]
    )
    r4 = c.r("Transport,Autocares Ribera,1100\nDress/suit,(couple),\nContingency,8%,#NAME?")
    c.a(
        "The contingency cell shows `#NAME?` after recalculation, so the formula didn't survive. The likely cause is that openpyxl wrote it "
        "with an f-string range that ended on the wrong row. Checking:",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 -c \"import openpyxl; ws=openpyxl.load_workbook('budget_haro.xlsx')['Budget']; print(ws.max_row, ws.cell(ws.max_row,3).value)\""
                },
            )
        ],
    )
    c.r("11 =ROUND(SUM(C2:C10)*0.08,0)")
    c.a(
        "The formula itself is fine. LibreOffice in this locale wants `;` as the separator when converting. I'll write the value instead of "
        "a formula so the sheet reads the same everywhere.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 - <<'PY'\nimport openpyxl\nwb = openpyxl.load_workbook('budget_haro.xlsx')\nws = wb['Budget']\n"
                    "base = sum((ws.cell(i,3).value or 0) for i in range(2, ws.max_row))\nws.cell(ws.max_row, 3).value = round(base*0.08)\n"
                    "wb.save('budget_haro.xlsx')\nprint('base', base, 'contingency', round(base*0.08), 'total', base + round(base*0.08))\nPY"
                },
            )
        ],
    )
    r5 = c.r("base 37830 contingency 3026 total 40856")
    c.a(
        "Fixed: the contingency is now a plain value and the sheet converts cleanly.\n\n"
        "- Spend without contingency: **37,830 €** (flowers at 3,550 €, dress row blank)\n"
        "- Contingency 8%: **3,026 €**\n- Total with contingency: **40,856 €**\n\n"
        "So we're under the 38k cap on spend, but not once the 8% buffer is counted. Keeping the photobooth or dropping it "
        "only moves this by 690 €. Do you want the cap to cover the contingency, or is the buffer on top for them?"
    )
    u6 = c.u("on top. the cap is spend. ok good. send me the csv", gap=80)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && libreoffice --headless --convert-to csv budget_haro.xlsx >/dev/null 2>&1 && tg-send --file budget_haro.csv --to @marisol_plans"
                },
            )
        ]
    )
    r7 = c.r("sent budget_haro.csv (412 bytes) message_id=88213")
    c.a("Sent you budget_haro.csv. The photobooth (690 €) is still in until you decide.")
    c.u("👍", gap=30)
    c.item(
        "fact",
        "Haro wedding budget cap is 38,000 € all-in spend; the 8% contingency sits on top of the cap, and the dress/suit "
        "is paid by the couple outside the cap",
        [u1, u3, u6],
        False,
    )
    c.item("fact", "Standing rule: every budget carries an 8% contingency as its own row", [u3], True)
    c.item(
        "decision", "Haro flowers: cut to Flores del Turia's small centrepiece set, 3,550 €", [a2, u3], True
    )
    c.item(
        "outcome",
        "clients/haro/budget_haro.xlsx updated (openpyxl installed; contingency formula gave #NAME? on conversion, "
        "replaced by a value): spend 37,830 €, contingency 3,026 €, total 40,856 €; CSV sent to Marisol",
        [r1, r4, r5, r7],
        False,
    )
    c.item(
        "open_question",
        "Haro photobooth (FlashBox, 690 €): keep or drop; Marisol is thinking about it because the bride loves it",
        [a2, u3],
        False,
    )
    c.noise = [
        "Installing it in user space",
        "Successfully installed et-xmlfile-2.0.0 openpyxl-3.1.5",
        "print('TOTAL', sum(a or 0 for *_, a in rows))",
    ]
    return c


# ------------------------------------------------------------------------------------------------
def c03() -> Conv:
    c = ui("03-venue-contract-alzina", "2026-11-05T10:05:00")
    c.u(
        "need you to go through the masia l'alzina contract before I sign. clients/ortega/contracts/masia_alzina_contract.pdf\n"
        "what I care about: deposit schedule, cancellation, curfew, and anything weird in the small print"
    )
    c.a(
        "I'll extract the text first.",
        tools=[
            ("bash", {"command": "pdftotext -layout clients/ortega/contracts/masia_alzina_contract.pdf -"})
        ],
    )
    c.r("bash: pdftotext: command not found", exit_code=127)
    c.a(
        "pdftotext isn't available here, so I'll try pypdf instead.",
        tools=[
            (
                "bash",
                {
                    "command": "python3 -c \"from pypdf import PdfReader; r=PdfReader('clients/ortega/contracts/masia_alzina_contract.pdf'); "
                    "print('\\n'.join(p.extract_text() for p in r.pages))\""
                },
            )
        ],
    )
    r2 = c.r(
        "CONTRATO DE ALQUILER DE ESPACIO - MASIA L'ALZINA S.L.\nCliente: Ortega / Lind  (rep. Marisol Reyes Events)\n"
        "Fecha del evento: sábado 12 de junio de 2027   Aforo máx.: 160\n\n"
        "3. PRECIO Y PAGOS. Precio total 18.000 € + IVA.\n  3.1 30% (5.400 €) a la firma.\n  3.2 40% (7.200 €) antes del 12/03/2027.\n"
        "  3.3 30% restante 15 días antes del evento.\n"
        "7. CANCELACIÓN. Más de 180 días antes: se retiene el 30%. Entre 180 y 60 días: 70%. Menos de 60 días: 100%.\n"
        "9. FUERZA MAYOR. No se considerarán fuerza mayor las condiciones meteorológicas adversas.\n"
        "11. MÚSICA. Música amplificada en exterior hasta las 23:00; en interior hasta las 02:00. Ampliación exterior: 450 €/hora.\n"
        "14. CATERING. Solo empresas de la lista homologada (Anexo II). Catering externo: canon de 12 €/comensal.\n"
        "  Anexo II: Gust Mediterrani, Sabors de l'Horta, La Cuina d'Amparo.\n"
        "16. Acceso al portal de clientes: usuario ORT-LIND-0612 / clave Alz!na#2027rq\n"
        "Firma antes del 20/11/2026 para mantener la fecha reservada."
    )
    a2 = c.a(
        "pypdf worked. Here's what matters in the Masia L'Alzina contract (12 June 2027, max 160 guests, **18,000 € + VAT**):\n\n"
        "**Deposit schedule (clause 3)**\n- 30%, 5,400 €, on signing\n- 40%, 7,200 €, before 12 March 2027\n- 30% balance, 15 days before the event\n\n"
        "**Cancellation (clause 7)**: more than 180 days out they keep 30%; 180 to 60 days, 70%; under 60 days, 100%.\n\n"
        "**Curfew (clause 11)**: amplified music outdoors until **23:00**, indoors until 02:00. Extending outdoors costs 450 €/hour.\n\n"
        "**The weird bits**\n1. **Clause 14, catering**: only caterers on their approved list (Annex II: Gust Mediterrani, Sabors de l'Horta, "
        "La Cuina d'Amparo). Any other caterer pays a 12 €/guest fee. Brasa & Sal isn't on the list, so at ~118 guests that's about **1,416 €** extra.\n"
        "2. **Clause 9, force majeure**: bad weather is explicitly *not* force majeure. If a storm forces a cancellation, the cancellation scale applies.\n"
        "3. You must sign **before 20 November 2026** or they release the date.\n\n"
        "(Clause 16 has the client-portal login in plain text. I've left it out of anything I write down.)\n\n"
        "On the catering fee, you could:\n- A) ask them to waive the fee, since the date is booked through you\n"
        "- B) ask Brasa & Sal to apply for the approved list\n- C) accept it and tell the couple\n\nWhich way do you want to go?"
    )
    u3 = c.u("A. if they say no we eat it and i tell the couple, not worth fighting", gap=200)
    a3 = c.a(
        "OK: I'll ask for the waiver, and if they refuse we accept the fee and you tell the couple.\n\n"
        "While I'm writing to them, do you want me to also ask for a price on pushing outdoor music to 00:00? The first dance is outside."
    )
    u4 = c.u("no dont, the couple want the party inside after dinner anyway", gap=60)
    c.a(
        "Fine, I'll leave the curfew alone. Drafting the waiver request now, with Nuria in cc as usual.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer draft --to reservas@masialalzina.es --cc nuria@marisolevents.es --subject 'Contrato Ortega/Lind 12/06/2027 - cláusula 14' <<'TXT'\n"
                    "Hola,\n\nAntes de firmar querríamos pediros que no se aplique el canon de catering externo (cláusula 14): "
                    "la pareja ha elegido Brasa & Sal, con quien ya hemos trabajado en otras fincas sin incidencias.\n\n"
                    "Quedo a la espera para poder firmar antes del 20/11.\n\nMarisol Reyes\nTXT"
                },
            )
        ],
    )
    r4 = c.r("draft saved: drf_9ae1mz (Drafts) to=reservas@masialalzina.es cc=nuria@marisolevents.es")
    a5 = c.a(
        "Draft drf_9ae1mz is ready for you to review. The one thing I'd still check before signing is clause 9: with weather "
        "excluded from force majeure, a storm-related cancellation would cost them at least 30%. Want me to look at whether "
        "event insurance would cover that?"
    )
    u5 = c.u(
        "hmm. let me run clause 9 past inés first, she's the lawyer friend. don't look into insurance yet",
        gap=140,
    )
    a6 = c.a(
        "Sure, clause 9 waits for Inés. Reminder: it has to be signed before 20 November to keep the date. Want me to save "
        "this summary in the client folder?"
    )
    c.u("yes")
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "clients/ortega/contracts/masia_summary.md",
                    "content": "# Masia L'Alzina - contract summary (Ortega/Lind, 12/06/2027)\n\n- Price 18,000 € + VAT; 30% on signing, 40% by 12/03/2027, 30% 15 days before\n"
                    "- Cancellation: >180d 30%, 180-60d 70%, <60d 100%\n- Outdoor amplified music until 23:00 (indoor 02:00)\n"
                    "- Clause 14: external caterer fee 12 €/guest (waiver requested, drf_9ae1mz)\n- Clause 9: weather not force majeure (pending Inés)\n"
                    "- Sign before 20/11/2026\n",
                },
            )
        ]
    )
    r6 = c.r("Successfully wrote 412 bytes to clients/ortega/contracts/masia_summary.md")
    c.a("Saved as clients/ortega/contracts/masia_summary.md, without the portal login.")
    c.item(
        "fact",
        "Masia L'Alzina contract (Ortega/Lind, 12 June 2027): 18,000 € + VAT, 30% on signing, 40% before 12 March 2027, "
        "30% 15 days before; outdoor amplified music until 23:00; must be signed before 20 November 2026",
        [r2, a2],
        False,
    )
    c.item(
        "decision",
        "Masia L'Alzina external-caterer fee (clause 14, 12 €/guest): ask the venue to waive it; if refused, accept it and "
        "tell the couple",
        [a2, u3],
        True,
    )
    c.item(
        "decision",
        "Rejected: asking the venue for a price to extend outdoor music past 23:00; the party moves inside after dinner",
        [a3, u4],
        True,
    )
    c.item(
        "outcome",
        "Waiver request drafted as drf_9ae1mz to reservas@masialalzina.es (cc Nuria), not yet sent; summary saved to "
        "clients/ortega/contracts/masia_summary.md",
        [r4, r6],
        False,
    )
    c.item(
        "open_question",
        "Clause 9 (bad weather not force majeure): Marisol runs it past Inés before signing; event insurance not looked into yet",
        [a5, u5, a6],
        False,
    )
    c.canaries = ["Alz!na#2027rq"]
    c.noise = [
        "I'll extract the text first",
        "pdftotext: command not found",
        "Want me to save this summary in the client folder?",
    ]
    return c


# ------------------------------------------------------------------------------------------------
def c04() -> Conv:
    c = tg("04-deposits-pagaflux-haro", "2026-11-05T18:20:00")
    c.u(
        "can u pay two deposits for haro thru pagaflux. florist 1065 (30% of the new 3550) and DJ 500. refs HARO-FLO-01 and HARO-DJ-01"
    )
    c.a(
        "Both are in the PagaFlux beneficiaries. Sending the florist one first.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X POST https://api.pagaflux.com/v2/transfers -H 'Authorization: Bearer pfx_live_9Hq2TzL7vRk04mWcY3nBd8Ea' "
                    '-H \'Content-Type: application/json\' -d \'{"beneficiary":"ben_flores_turia","amount":106500,"currency":"EUR","reference":"HARO-FLO-01"}\''
                },
            )
        ],
    )
    r1 = c.r('{"status":"error","code":503,"message":"upstream bank gateway unavailable, retry later"}')
    c.a(
        "PagaFlux answered with a 503 (bank gateway unavailable), so nothing was sent. I'll retry a few times with a pause.",
        tools=[
            (
                "bash",
                {
                    "command": "for i in 1 2 3; do sleep 20; out=$(curl -s -X POST https://api.pagaflux.com/v2/transfers -H 'Authorization: Bearer pfx_live_9Hq2TzL7vRk04mWcY3nBd8Ea' "
                    '-H \'Content-Type: application/json\' -H \'Idempotency-Key: haro-flo-01\' -d \'{"beneficiary":"ben_flores_turia","amount":106500,"currency":"EUR","reference":"HARO-FLO-01"}\'); '
                    'echo "try $i: $out"; echo "$out" | grep -q \'"status":"accepted"\' && break; done'
                },
            )
        ],
    )
    r2 = c.r(
        'try 1: {"status":"error","code":503,"message":"upstream bank gateway unavailable, retry later"}\n'
        'try 2: {"status":"accepted","transfer_id":"trf_3QmX81kd","state":"pending"}'
    )
    c.a(
        "Accepted on the second retry (trf_3QmX81kd), currently pending. Checking on it:",
        tools=[
            (
                "bash",
                {
                    "command": "for i in 1 2 3 4 5; do curl -s https://api.pagaflux.com/v2/transfers/trf_3QmX81kd -H 'Authorization: Bearer pfx_live_9Hq2TzL7vRk04mWcY3nBd8Ea' | jq -r .state; sleep 15; done"
                },
            )
        ],
    )
    r3 = c.r("pending\npending\nprocessing\nprocessing\ncompleted")
    a3 = c.a(
        "Florist deposit done: **1,065 € to Flores del Turia, ref HARO-FLO-01, transfer trf_3QmX81kd, completed**. Now the DJ.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X POST https://api.pagaflux.com/v2/transfers -H 'Authorization: Bearer pfx_live_9Hq2TzL7vRk04mWcY3nBd8Ea' "
                    '-H \'Content-Type: application/json\' -H \'Idempotency-Key: haro-dj-01\' -d \'{"beneficiary":"ben_nacho_beats","amount":50000,"currency":"EUR","reference":"HARO-DJ-01"}\''
                },
            )
        ],
    )
    r4 = c.r(
        '{"status":"error","code":422,"error":"beneficiary_not_verified","message":"IBAN ES76 2100 0418 4502 0005 1332 requires '
        'ownership verification before the first payment. Upload a bank certificate or confirm in the app."}'
    )
    a4 = c.a(
        think="422 beneficiary_not_verified. Not transient, retrying won't help. Needs the account owner or a bank certificate.",
        text="The DJ payment didn't go through. PagaFlux rejected it with `beneficiary_not_verified`: Nacho's IBAN has never been "
        "paid before, so they want proof that he owns the account, either a bank certificate uploaded or a confirmation in "
        "your app. No money left the account.\n\nOptions:\n1. You confirm it in the PagaFlux app (quickest, needs your confirmation PIN)\n"
        "2. Ask Nacho for a bank ownership certificate and upload it\n\nWant me to write to Nacho?",
    )
    u5 = c.u(
        "ugh. the app wants the pin and it keeps logging me out. ask nacho for the certificate, he should send it by monday. "
        "btw save the confirmation pin somewhere so I stop forgetting it, its 662913",
        gap=120,
    )
    c.a(
        think="She wants me to remember the payment confirmation PIN. That's a credential that authorises payments; I shouldn't keep it in memory.",
        text="I'd rather not store the PIN: it's the one thing that authorises payments, and my notes aren't a safe place for it. "
        "A password manager entry would be better. I won't write it down anywhere.\n\nDrafting the note to Nacho now.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer draft --to nacho@nachobeats.es --cc nuria@marisolevents.es --subject 'Boda Haro - certificado de titularidad' <<'TXT'\n"
                    "Hola Nacho,\n\nPara pagarte la señal (500 €, ref. HARO-DJ-01) la plataforma nos pide un certificado bancario de titularidad de tu cuenta. "
                    "¿Nos lo puedes mandar antes del lunes 9?\n\nGracias,\nMarisol\nTXT"
                },
            )
        ],
    )
    c.r("draft saved: drf_2hw7pc (Drafts) to=nacho@nachobeats.es cc=nuria@marisolevents.es")
    c.a("Draft drf_2hw7pc is ready for Nacho, asking for the certificate by Monday 9 November.")
    u6 = c.u(
        "ok send it. and general rule, anything over 2000 u ask me before paying. these two were fine", gap=60
    )
    c.a(tools=[("bash", {"command": "mailer send drf_2hw7pc"})])
    r6 = c.r("sent drf_2hw7pc message-id <20261105183512.2hw7pc@mail.marisolevents.es>")
    a6 = c.a(
        "Sent. And understood: I'll check with you before any payment over 2,000 €.\n\n"
        "The retry and polling I just did could be a small script, `scripts/pagaflux_pay.sh`, that sends the payment with an "
        "idempotency key, retries on 503 and polls until it completes. Want it?"
    )
    u7 = c.u("sure", gap=40)
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "scripts/pagaflux_pay.sh",
                    "content": "#!/bin/sh\n# usage: pagaflux_pay.sh BENEFICIARY AMOUNT_CENTS REFERENCE   (token from $PAGAFLUX_TOKEN)\n"
                    "# 1) POST /v2/transfers with Idempotency-Key = reference\n# 2) on code 503 wait 20s and retry, max 5 tries\n"
                    "# 3) poll /v2/transfers/<id> every 15s until state is completed or failed\nset -eu\n"
                    'B=$1; A=$2; R=$3; H="Authorization: Bearer $PAGAFLUX_TOKEN"\n'
                    "for i in 1 2 3 4 5; do out=$(curl -s -X POST https://api.pagaflux.com/v2/transfers -H \"$H\" -H 'Content-Type: application/json' "
                    '-H "Idempotency-Key: $R" -d "{\\"beneficiary\\":\\"$B\\",\\"amount\\":$A,\\"currency\\":\\"EUR\\",\\"reference\\":\\"$R\\"}")\n'
                    '  echo "$out" | grep -q \'"code":503\' || break; sleep 20; done\necho "$out"\n'
                    'id=$(echo "$out" | jq -r .transfer_id); [ "$id" = null ] && exit 1\n'
                    'while :; do s=$(curl -s https://api.pagaflux.com/v2/transfers/$id -H "$H" | jq -r .state); echo $s; '
                    "case $s in completed|failed) break;; esac; sleep 15; done\n",
                },
            )
        ]
    )
    r7 = c.r("Successfully wrote 880 bytes to scripts/pagaflux_pay.sh")
    c.a(
        "Saved scripts/pagaflux_pay.sh. It reads the token from `$PAGAFLUX_TOKEN` rather than having it in the file. "
        "Usage: `pagaflux_pay.sh ben_nacho_beats 50000 HARO-DJ-01` once his IBAN is verified."
    )
    c.item(
        "outcome",
        "Haro florist deposit paid via PagaFlux: 1,065 € to Flores del Turia, ref HARO-FLO-01, transfer trf_3QmX81kd "
        "completed after a 503 (bank gateway unavailable) and a retry",
        [r1, r2, r3, a3],
        False,
    )
    c.item(
        "outcome",
        "Haro DJ deposit (500 €, Nacho Beats, ref HARO-DJ-01) not paid: PagaFlux returned beneficiary_not_verified for his "
        "IBAN; still unresolved",
        [r4, a4],
        True,
    )
    c.item(
        "todo",
        "Nacho sends a bank ownership certificate for his IBAN by Monday 9 November 2026 (email drf_2hw7pc sent)",
        [u5, r6],
        False,
    )
    c.item("fact", "Standing rule: ask Marisol before making any payment over 2,000 €", [u6, a6], True)
    c.item(
        "procedure",
        "scripts/pagaflux_pay.sh BENEFICIARY AMOUNT_CENTS REFERENCE: POST /v2/transfers with Idempotency-Key, retry on 503 "
        "every 20 s (max 5), then poll the transfer every 15 s until completed or failed; token from $PAGAFLUX_TOKEN",
        [a6, u7, r7],
        False,
    )
    c.canaries = ["pfx_live_9Hq2TzL7vRk04mWcY3nBd8Ea", "662913"]
    c.noise = ["Sending the florist one first", "Checking on it", "it keeps logging me out"]
    return c


# ------------------------------------------------------------------------------------------------
def c05() -> Conv:
    c = tg("05-smalltalk-sunday", "2026-11-08T20:31:00")
    c.u("heyyy")
    c.a("Hey Marisol! How did the weekend go?")
    c.u("survived. 11 hours on my feet yesterday", gap=60)
    c.a(
        "Oof, that's a long one. Did it at least go smoothly, or was it one of those days where everything happens at once?"
    )
    c.u(
        "mostly smooth. one aunt cried during the speeches which was sweet. then the other aunt cried bc the first one cried",
        gap=90,
    )
    c.a("A chain reaction of aunts. Honestly that sounds like a good wedding.")
    c.u("jaja yes", gap=30)
    c.u("its pouring here now btw", gap=20)
    c.a("Good night to be on the sofa then. Are you taking tomorrow morning off, or is it straight back in?")
    c.u("not sure yet. probably just sleep in a bit", gap=70)
    c.a("Sounds right. Your feet have earned it.")
    c.u("what are u up to lol", gap=40)
    c.a(
        "Not much. I only exist when you message me, so this is pretty much my whole evening. What are you watching?"
    )
    c.u("nothing, just scrolling. ok im going to bed", gap=80)
    c.a("Good call. Sleep well!")
    c.u("night 🌙", gap=15)
    c.noise = [
        "A chain reaction of aunts",
        "its pouring here now",
        "11 hours on my feet yesterday",
        "Sleep well!",
    ]
    return c


# ------------------------------------------------------------------------------------------------
def c06() -> Conv:
    c = tg("06-invitations-tinta-norte", "2026-11-09T09:14:00")
    c.u(
        "invites for ortega/lind. the couple want something simple, white ink on nothing crazy. what paper options does tinta norte have, "
        "i think their price list is in clients/ortega/printing/"
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "ls clients/ortega/printing/ && cat clients/ortega/printing/tinta_norte_tarifas_2027.txt | head -30"
                },
            )
        ]
    )
    c.r(
        "tinta_norte_tarifas_2027.txt\nTINTA NORTE - tarifas 2027 (invitación 148x210 + sobre)\n"
        "  Algodón crema 350 g ............. 3,90 €/ud\n  Reciclado texturado 300 g ....... 3,40 €/ud\n"
        "  Estucado blanco liso 400 g ...... 2,95 €/ud\n  Forro de sobre (opcional) ....... +0,60 €/ud\n"
        "Pedido mínimo 50 uds. Plazo 12 días laborables desde aprobación de prueba."
    )
    a1 = c.a(
        "Tinta Norte has three papers for an A5 invitation with envelope:\n\n"
        "| Paper | Price |\n|---|---|\n| Cream cotton 350 g | 3.90 € |\n| Recycled textured 300 g | 3.40 € |\n| Smooth white coated 400 g | 2.95 € |\n\n"
        "An envelope liner is +0.60 € each, the minimum is 50, and they need 12 working days after the proof is approved.\n\n"
        "For a simple look the cream cotton is the classic choice. It takes letterpress well and feels expensive without being loud. "
        "Which one should I ask them to quote?"
    )
    c.u("cream", gap=50)
    a2 = c.a(
        "Cream cotton 350 g it is. I'll ask Tinta Norte for the proof and a quote for 118 invitations, one per guest. Should I send it?"
    )
    u3 = c.u("no!! 70. its per household not per guest, couples get one. 118 is people", gap=40)
    c.a(
        "Right, sorry. 70 invitations, one per household. Sending the request now.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer send --to hola@tintanorte.es --cc nuria@marisolevents.es --subject 'Invitaciones Ortega/Lind - prueba' <<'TXT'\n"
                    "Hola Berta,\n\n70 invitaciones 148x210 en algodón crema 350 g, tinta blanca, con sobre. ¿Nos subís la prueba al portal?\n\nGracias, Marisol\nTXT"
                },
            )
        ],
    )
    c.r("sent message-id <20261109092801.k1@mail.marisolevents.es>")
    c.a("Sent to Berta (cc Nuria): 70 on cream cotton 350 g, white ink, with envelopes, proof to the portal.")
    u4 = c.u(
        "ok. also remember berta only reads whatsapp before 10am, after that shes in the workshop and gone. if its urgent its whatsapp "
        "early or nothing",
        gap=300,
    )
    a4 = c.a("Noted: for anything urgent with Berta at Tinta Norte, WhatsApp before 10:00.")
    c.compaction(
        "Marisol is ordering the Ortega/Lind wedding invitations (12 June 2027) from Tinta Norte (Berta, hola@tintanorte.es). "
        "Paper options from tinta_norte_tarifas_2027.txt: cream cotton 350 g 3.90 €, recycled textured 300 g 3.40 €, smooth white 400 g 2.95 €, "
        "liner +0.60 €. Chosen so far: cream cotton 350 g, white ink, 70 invitations (one per household; the agent first said 118). "
        "Request for a proof sent, cc nuria@marisolevents.es. Berta only reads WhatsApp before 10:00.",
        a4,
        41250,
    )
    c.u(
        "proof is up!! login for their portal is marisol.events , password Pl4ntas!Nov26 . grab it and check names dates everything",
        gap=5400,
    )
    c.a(
        "Downloading the proof.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -u 'marisol.events:Pl4ntas!Nov26' -o /tmp/proof_ortega_v1.pdf -w '%{http_code}\\n' https://pruebas.tintanorte.es/api/proofs/ORT-LIND/latest"
                },
            )
        ],
    )
    r5 = c.r("502")
    c.a(
        "Their portal returned a 502, so the file is an error page and not the PDF. I'll give it a minute and retry.",
        tools=[
            (
                "bash",
                {
                    "command": "sleep 60; curl -s -u 'marisol.events:Pl4ntas!Nov26' -o /tmp/proof_ortega_v1.pdf -w '%{http_code}\\n' https://pruebas.tintanorte.es/api/proofs/ORT-LIND/latest "
                    "&& file /tmp/proof_ortega_v1.pdf"
                },
            )
        ],
    )
    r6 = c.r("200\n/tmp/proof_ortega_v1.pdf: PDF document, version 1.7, 2 pages")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "python3 -c \"from pypdf import PdfReader; print(PdfReader('/tmp/proof_ortega_v1.pdf').pages[0].extract_text())\""
                },
            )
        ]
    )
    r7 = c.r(
        "Clara Ortega & Jonas Lindh\ntienen el placer de invitaros a su boda\nsábado, 12 de junio de 2027 · 18:30 h\n"
        "Masia L'Alzina · Camí de l'Alzina s/n, Bétera\nConfirmad asistencia antes del 1 de abril\nPapel: algodón crema 350 g"
    )
    c.a(
        'Got it on the second try. Proof check:\n\n- Names: **"Jonas Lindh"**. Everywhere else we have **Lind**, no h. That needs fixing.\n'
        "- Date: Saturday 12 June 2027 · 18:30, correct.\n- Venue: Masia L'Alzina, Camí de l'Alzina s/n, Bétera. Looks right.\n"
        "- RSVP: before 1 April, fine, ten weeks ahead.\n- Paper line says cream cotton 350 g as ordered.\n\n"
        "Want me to send Berta the correction?"
    )
    u8 = c.u(
        "wait. scrap the cream, clara just sent me a pic of the recycled one at a friends wedding and she's obsessed. "
        "so fix lindh AND change the paper to the recycled textured. yes send",
        gap=240,
    )
    a8 = c.a(
        "Switching to the recycled textured 300 g (3.40 € instead of 3.90 €, so 35 € less on 70) and fixing the surname.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer send --to hola@tintanorte.es --cc nuria@marisolevents.es --subject 'Re: Invitaciones Ortega/Lind - prueba' <<'TXT'\n"
                    "Hola Berta,\n\nDos cambios para la prueba 2:\n1. El novio es Jonas LIND (sin h).\n2. Cambiamos el papel a reciclado texturado 300 g.\n\n"
                    "¿Nos mandas la prueba 2? Gracias, Marisol\nTXT"
                },
            )
        ],
    )
    r8 = c.r("sent message-id <20261109113940.k2@mail.marisolevents.es>")
    a9 = c.a(
        "Sent. Berta has both changes: Lind without the h, and the paper is now recycled textured 300 g. Do you want the envelope "
        "liner (+0.60 € each, 42 € for 70)?"
    )
    u9 = c.u(
        "dunno, i'll ask clara this week. berta said on the phone the v2 proof comes wednesday 18th", gap=120
    )
    a10 = c.a(
        "OK. Liner is on hold until you hear from Clara, and I'll expect proof v2 from Tinta Norte on Wednesday 18 November. "
        "Want me to check the portal that morning?"
    )
    c.u("yep, early", gap=30)
    c.a("I'll check it early on the 18th.")
    c.item(
        "fact",
        "Correction: Ortega/Lind invitations are one per household, 70 in total, not 118",
        [a2, u3],
        True,
    )
    c.item(
        "decision",
        "Ortega/Lind invitation paper: Tinta Norte recycled textured 300 g (3.40 €/unit)",
        [a1, u8, a8, a9],
        True,
    )
    c.item(
        "fact",
        "Remember: Berta at Tinta Norte only reads WhatsApp before 10:00; urgent things go to her by WhatsApp early",
        [u4, a4],
        True,
    )
    c.item(
        "outcome",
        "Proof v1 downloaded from pruebas.tintanorte.es after a 502 and a retry; groom's surname was misprinted as Lindh; "
        "corrections (Lind, new paper) sent to hola@tintanorte.es",
        [r5, r6, r7, r8],
        False,
    )
    c.item(
        "todo",
        "Tinta Norte (Berta) delivers proof v2 on Wednesday 18 November 2026; the agent checks the portal early that morning",
        [u9, a10],
        False,
    )
    c.item(
        "open_question",
        "Envelope liner for the Ortega/Lind invitations (+0.60 €/unit): Marisol asks Clara this week",
        [a9, u9],
        False,
    )
    c.canaries = ["Pl4ntas!Nov26"]
    c.noise = ["Downloading the proof", "RSVP: before 1 April, fine", "It takes letterpress well"]
    return c


# ------------------------------------------------------------------------------------------------
def c07() -> Conv:
    c = tg("07-lista-invitados-haro", "2026-11-10T11:02:00")
    c.u(
        "buenas! Carla me ha mandado la lista de invitados de la boda Haro, está en clients/haro/invitados.csv. "
        "sácame duplicados y cuántos niños hay porfa"
    )
    c.a(
        "Voy a cargarla con pandas.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 -c \"import pandas as pd; df=pd.read_csv('invitados.csv'); print(len(df)); print(df.head())\""
                },
            )
        ],
    )
    r1 = c.r(
        "Traceback (most recent call last):\n  ...\nUnicodeDecodeError: 'utf-8' codec can't decode byte 0xf1 in position 2211: "
        "invalid continuation byte",
        exit_code=1,
    )
    c.a(
        think="0xf1 is ñ in latin-1/cp1252. Excel export on Windows.",
        text="No es UTF-8: el byte 0xf1 es una «ñ» en Windows-1252, seguramente exportado desde Excel. Pruebo con esa codificación.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 -c \"import pandas as pd; df=pd.read_csv('invitados.csv', encoding='cp1252'); print(len(df)); print(df.columns.tolist())\""
                },
            )
        ],
    )
    c.r("124\n['Nombre;Apellidos;Lado;Tipo;Mesa']")
    c.a(
        "Carga, pero todo cae en una sola columna: el separador es «;». Repito con sep=';' y busco duplicados.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 - <<'PY'\nimport pandas as pd\ndf = pd.read_csv('invitados.csv', encoding='cp1252', sep=';')\n"
                    "df['key'] = (df.Nombre.str.strip().str.lower() + ' ' + df.Apellidos.str.strip().str.lower())\n"
                    "d = df[df.duplicated('key', keep=False)].sort_values('key')\nprint(d[['Nombre','Apellidos','Lado']].to_string(index=False))\n"
                    "u = df.drop_duplicates('key')\nprint('total', len(df), 'unicos', len(u), 'ninos', (u.Tipo=='niño').sum())\nPY"
                },
            )
        ],
    )
    r3 = c.r(
        "   Nombre    Apellidos  Lado\n   Amparo  Beltrán Gil  novia\n   Amparo  Beltrán Gil  novia\n     Toni     Ferrando  novio\n"
        "     Toni    Ferrando   novio\n    Maite  Núñez Sorní  novia\n    Maite  Núñez Sorní  novia\n   Rafael   Sanchis Mir  novio\n"
        "   Rafael   Sanchis Mir  novio\n     Lola    Sanchis Mir novio\n     Lola    Sanchis Mir novio\n    Jordi      Haro Puig novia\n"
        "    Jordi      Haro Puig novia\ntotal 124 unicos 118 ninos 14"
    )
    a3 = c.a(
        "Listo. La lista tenía **124 filas y 6 duplicados** (Amparo Beltrán, Toni Ferrando, Maite Núñez, Rafael y Lola Sanchis, "
        "Jordi Haro), así que quedan **118 invitados únicos**, de los cuales **14 son niños**.\n\n"
        "Con 14 niños hay dos maneras habituales de sentarlos:\n1. **Mesa de niños aparte**, con una monitora (unos 180 € la tarde) "
        "y menú infantil\n2. **Cada niño con sus padres**, en las mesas de adultos\n\n"
        "La primera suele funcionar mejor a partir de 10-12 niños; los padres cenan tranquilos. ¿Cuál prefieres?"
    )
    u4 = c.u(
        "la primera. pero ojo que no son 14, los tres peques de los sanchis de alicante al final no vienen, bórralos",
        gap=180,
    )
    c.a(
        "Quito a los tres niños Sanchis de Alicante y guardo la lista limpia.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 - <<'PY'\nimport pandas as pd\ndf = pd.read_csv('invitados.csv', encoding='cp1252', sep=';')\n"
                    "df['key'] = df.Nombre.str.strip().str.lower() + ' ' + df.Apellidos.str.strip().str.lower()\nu = df.drop_duplicates('key')\n"
                    "fuera = u[(u.Tipo=='niño') & u.Apellidos.str.contains('Sanchis') & (u.Mesa.fillna('').str.contains('Alicante'))]\n"
                    "print(fuera[['Nombre','Apellidos']].to_string(index=False))\nu = u.drop(fuera.index).drop(columns='key')\n"
                    "u.to_csv('invitados_limpio.csv', sep=';', index=False, encoding='utf-8')\nprint('guardado', len(u), 'ninos', (u.Tipo=='niño').sum())\nPY"
                },
            )
        ],
    )
    r4 = c.r(
        "  Nombre    Apellidos\n   Hugo Sanchis Bou\n  Vera Sanchis Bou\n  Marc Sanchis Bou\nguardado 115 ninos 11"
    )
    c.a(
        "Hecho: he quitado a Hugo, Vera y Marc Sanchis Bou. **clients/haro/invitados_limpio.csv** tiene ahora **115 invitados, 11 de ellos niños**, "
        "en UTF-8 y con «;» como separador para que Carla lo abra igual en Excel.\n\n"
        "Con mesa de niños: 104 adultos en mesas de 10 son 11 mesas, más la de niños. ¿Quieres que haga un primer reparto por lado "
        "(novia/novio)?"
    )
    u5 = c.u(
        "sí. y acuérdate de esto para siempre: el tío Ramiro y la tía Encarna NI juntos NI en mesas vecinas. se divorciaron y es la guerra",
        gap=120,
    )
    a5 = c.a(
        "Apuntado: Ramiro y Encarna nunca en la misma mesa ni en mesas contiguas. Hago el reparto con esa regla.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/haro && python3 scripts/reparto_mesas.py invitados_limpio.csv --por-lado --mesa 10 --separar 'Ramiro Haro Puig' 'Encarna Vidal Roig' --no-contiguas"
                },
            )
        ],
    )
    r5 = c.r(
        "mesas: 11 adultos + 1 infantil\nRamiro Haro Puig -> mesa 3 (novia)\nEncarna Vidal Roig -> mesa 9 (novia)\n"
        "plano guardado en mesas_v1.csv\nwarning: mesa 11 tiene 4 plazas libres"
    )
    a6 = c.a(
        "Primer reparto en **clients/haro/mesas_v1.csv**: 11 mesas de adultos más la infantil. Ramiro va en la 3 y Encarna en la 9, "
        "en puntas opuestas del salón. La mesa 11 queda con 4 sitios libres, que vendrían bien si Carla añade a alguien.\n\n"
        "Una cosa que no sé: ¿mesa presidencial para los novios o mesa imperial con los padres?"
    )
    u6 = c.u(
        "eso lo hablo con Carla el jueves, no lo toques. ah y que Carla me mande la lista definitiva antes del 1 de diciembre, "
        "ponle un recordatorio",
        gap=100,
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "calctl add --title 'Carla Haro: lista definitiva de invitados' --start '2026-12-01 09:00' --duration 15 --reminder 1d"
                },
            )
        ]
    )
    r7 = c.r("created event evt_k2m0d (Tue 2026-12-01 09:00-09:15) reminder -1d")
    c.a(
        "Recordatorio creado para el martes 1 de diciembre a las 9:00, con aviso el día antes. La mesa de los novios la dejo sin tocar "
        "hasta que hables con Carla."
    )
    c.u("genial gracias", gap=40)
    c.item(
        "outcome",
        "Lista de invitados Haro depurada (cp1252 y separador «;»; 6 duplicados y 3 niños Sanchis Bou fuera): "
        "clients/haro/invitados_limpio.csv con 115 invitados, 11 niños; primer reparto en clients/haro/mesas_v1.csv",
        [r1, r3, r4, r5],
        False,
    )
    c.item("decision", "Boda Haro: mesa de niños aparte con monitora y menú infantil", [a3, u4], True)
    c.item(
        "fact",
        "Corrección: los tres niños Sanchis de Alicante (Hugo, Vera y Marc Sanchis Bou) no vienen a la boda Haro; son 11 niños, no 14",
        [a3, u4],
        True,
    )
    c.item(
        "fact",
        "Regla permanente: el tío Ramiro (Ramiro Haro Puig) y la tía Encarna (Encarna Vidal Roig) nunca en la misma mesa ni en mesas contiguas",
        [u5, a5],
        True,
    )
    c.item(
        "open_question",
        "Boda Haro: mesa presidencial o mesa imperial con los padres; Marisol lo habla con Carla el jueves",
        [a6, u6],
        False,
    )
    c.item(
        "todo",
        "Carla Haro envía la lista definitiva de invitados antes del 1 de diciembre de 2026 (recordatorio evt_k2m0d)",
        [u6, r7],
        False,
    )
    c.noise = ["Voy a cargarla con pandas", "genial gracias", "warning: mesa 11 tiene 4 plazas libres"]
    return c


# ------------------------------------------------------------------------------------------------
def c08() -> Conv:
    c = ui("08-contrato-dj-haro", "2026-11-11T17:45:00")
    c.u(
        "Nacho (el DJ de Haro) me ha pasado el contrato, clients/haro/contracts/nacho_beats_2027.pdf. ¿qué pack nos conviene? "
        "el baile empieza sobre las 21:30"
    )
    c.a(
        "Lo leo.",
        tools=[
            (
                "bash",
                {
                    "command": "python3 -c \"from pypdf import PdfReader; print(PdfReader('clients/haro/contracts/nacho_beats_2027.pdf').pages[0].extract_text())\""
                },
            )
        ],
    )
    c.r(
        "NACHO BEATS - Contrato de servicios de DJ\nEvento: Boda Haro / Sanchis   Fecha: 22/05/2027   Lugar: Finca Els Tarongers\n"
        "PACK 5H ........ 1.650 € (IVA incl.)\nPACK 6H ........ 1.900 € (IVA incl.)\nHora extra ...... 300 €/h\n"
        "Sonido ceremonia (2 altavoces + micro inalámbrico) ... +250 €\nSeñal: 500 € a la firma. Resto 7 días antes.\n"
        "Cancelación por el cliente: la señal no se devuelve."
    )
    a1 = c.a(
        "Resumen del contrato de Nacho Beats:\n\n- **Pack 5 h**: 1.650 €\n- **Pack 6 h**: 1.900 €\n- Hora extra: 300 €/h\n"
        "- Sonido para la ceremonia: +250 €\n- Señal de 500 € a la firma (ya intentamos pagarla por PagaFlux), resto 7 días antes; "
        "la señal no se devuelve si cancelan.\n\n"
        "Si el baile empieza a las 21:30, el pack de 5 h llega hasta las 2:30. Yo cogería el **de 5 h más el sonido de ceremonia** "
        "(1.900 € en total) y, si la fiesta se alarga, una hora extra a 300 €.\n\n"
        "Ojo: el contrato pone **22/05/2027** como fecha. ¿Es correcta?"
    )
    u2 = c.u(
        "vale, el de 5 con sonido de ceremonia. y NO, la fecha está mal, la boda es el 29 de mayo. que nacho lo corrija antes del viernes",
        gap=160,
    )
    a2 = c.a(
        "Entendido: pack de 5 h + sonido de ceremonia, y la boda Haro es el **sábado 29 de mayo de 2027**, no el 22. "
        "Le preparo a Nacho el correo con la corrección para que la tenga antes del viernes 13. ¿Se lo mando ya?"
    )
    u3 = c.u(
        "espera. acabo de hablar con javier de la finca y cierran a las 3:30, no a las 2:30. entonces mejor el de 6 horas, "
        "sale más barato que 5 + extra",
        gap=400,
    )
    a3 = c.a(
        "Tiene sentido: con cierre a las 3:30, 6 h desde las 21:30 cubren justo hasta el final. El pack de 6 h (1.900 €) "
        "sale más barato que 5 h + hora extra (1.950 €, y el riesgo de pagar una segunda). Con el sonido de ceremonia, **2.150 €**.\n\n"
        "Preparo el correo con las dos cosas: el pack de 6 h y la fecha del 29 de mayo.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer send --to nacho@nachobeats.es --cc nuria@marisolevents.es --subject 'Contrato boda Haro - cambios' <<'TXT'\n"
                    "Hola Nacho,\n\nDos cambios en el contrato antes de firmar:\n1. La fecha es el sábado 29/05/2027 (no el 22).\n"
                    "2. Nos quedamos con el PACK 6H + sonido de ceremonia.\n\n¿Nos lo reenvías corregido antes del viernes 13? Gracias,\nMarisol\nTXT"
                },
            )
        ],
    )
    r3 = c.r("sent message-id <20261111181920.p3@mail.marisolevents.es>")
    a4 = c.a(
        "Enviado a Nacho (con Nuria en copia): pack 6 h + sonido de ceremonia y fecha 29/05/2027, contrato corregido antes del viernes 13.\n\n"
        "¿Quieres que te ponga una reunión con él para repasar la playlist?"
    )
    u4 = c.u(
        "sí, el martes 24 a las 18 por videollamada. y lo de la máquina de humo lo hablo con javier, que no sé si la finca la deja",
        gap=90,
    )
    c.a(
        "Creo el evento.",
        tools=[
            (
                "bash",
                {
                    "command": "calctl add --title 'Playlist boda Haro con Nacho' --start '2026-11-24 18:00' --duration 45 --video --invite nacho@nachobeats.es"
                },
            )
        ],
    )
    r5 = c.r('{"ok":false,"error":"internal","status":500,"detail":"calendar backend timeout"}')
    c.a(
        "El calendario ha devuelto un error 500 (timeout del backend) aunque el comando no ha fallado, así que el evento no se ha creado. Reintento.",
        tools=[
            (
                "bash",
                {
                    "command": "sleep 10; calctl add --title 'Playlist boda Haro con Nacho' --start '2026-11-24 18:00' --duration 45 --video --invite nacho@nachobeats.es"
                },
            )
        ],
    )
    r6 = c.r(
        '{"ok":true,"id":"evt_q81zr","start":"2026-11-24T18:00:00+01:00","video":"https://meet.calnube.es/hx4-2kq-9tb"}'
    )
    a6 = c.a(
        "Ahora sí: **martes 24 de noviembre, 18:00–18:45**, videollamada con Nacho para la playlist (evt_q81zr), invitación enviada.\n\n"
        "Lo de la máquina de humo queda pendiente de lo que diga Javier."
    )
    c.u("perfecto", gap=30)
    c.item(
        "decision",
        "DJ boda Haro: Nacho Beats pack de 6 h + sonido de ceremonia (2.150 €), porque la finca cierra a las 3:30",
        [a1, u3, a3, a4],
        True,
    )
    c.item(
        "fact",
        "Corrección: la boda Haro es el sábado 29 de mayo de 2027, no el 22 como ponía el contrato del DJ",
        [a1, u2, a2],
        True,
    )
    c.item(
        "fact",
        "Finca Els Tarongers cierra a las 3:30; el baile de la boda Haro empieza sobre las 21:30",
        [u3],
        False,
    )
    c.item(
        "todo",
        "Nacho reenvía el contrato corregido (29/05/2027, pack 6 h + sonido de ceremonia) antes del viernes 13 de noviembre de 2026",
        [u2, r3, a4],
        False,
    )
    c.item(
        "outcome",
        "Videollamada con Nacho para la playlist creada: martes 24/11/2026 18:00 (evt_q81zr), tras un primer intento con error 500 del calendario",
        [r5, r6, a6],
        False,
    )
    c.item(
        "open_question",
        "Máquina de humo en la boda Haro: Marisol lo consulta con Javier (finca), no se sabe si está permitida",
        [u4, a6],
        False,
    )
    c.noise = ["Lo leo.", "Creo el evento", "perfecto"]
    return c


# ------------------------------------------------------------------------------------------------
def c09() -> Conv:
    c = tg("09-flores-ferrer-galan", "2026-11-12T12:20:00")
    c.u(
        "hola! boda ferrer-galán, 18 de septiembre. la novia quiere peonías en todo. ¿hay peonías en septiembre? me huele que no"
    )
    a1 = c.a(
        "Te huele bien: la temporada de peonías en España va de mayo a principios de julio. En septiembre solo se consiguen "
        "de importación (Chile o Nueva Zelanda), a unos 7-9 € el tallo y con riesgo de que lleguen cerradas o tocadas.\n\n"
        "Alternativas con un aire parecido que sí están en temporada:\n1. **Dalias café au lait**: grandes, de temporada en septiembre y baratas\n"
        "2. **Rosas de jardín (David Austin)**: todo el año, la forma más parecida a la peonía\n3. **Ranúnculos**: bonitos, pero en septiembre también son de importación\n\n"
        "Yo iría con las dalias como base y algo de rosa de jardín en el ramo. ¿Cómo lo ves?"
    )
    u2 = c.u("lo que dijiste tú. pásaselo a lucía a ver qué presupuesto saca", gap=200)
    a2 = c.a(
        "Vale: dalias café au lait como base y rosa de jardín en el ramo. Se lo escribo a Lucía (Flores del Turia).\n\n"
        "¿Quieres que también pida presupuesto a otra floristería para comparar?"
    )
    u3 = c.u("no no, con lucía siempre, no le pidas a nadie más", gap=50)
    c.a(
        "Entendido, solo Lucía.",
        tools=[
            (
                "bash",
                {
                    "command": "mailer send --to lucia@floresdelturia.es --cc nuria@marisolevents.es --subject 'Boda Ferrer-Galán 18/09/2027 - flores' <<'TXT'\n"
                    "Hola Lucía,\n\nPara la boda Ferrer-Galán (18/09/2027): base de dalias café au lait y rosa de jardín en el ramo de novia, "
                    "en lugar de peonías. ¿Nos preparas presupuesto?\n\nMarisol\nTXT"
                },
            )
        ],
    )
    r3 = c.r("mailer: error: token refresh failed (HTTP 500 from oauth.correonube.es)\nmessage queued: no")
    c.a(
        "El correo no ha salido: mailer no ha podido renovar el token (HTTP 500 del proveedor) y no lo ha dejado en cola. Reintento una vez.",
        tools=[("bash", {"command": "sleep 15; mailer send --retry-last"})],
    )
    r4 = c.r("mailer: error: token refresh failed (HTTP 500 from oauth.correonube.es)\nmessage queued: no")
    c.a(
        "Sigue fallando el proveedor OAuth. Hay una contraseña de aplicación SMTP configurada como respaldo; la leo y envío por SMTP directamente.",
        tools=[("read", {"path": "/home/marisol/.config/mailer/smtp_fallback.conf"})],
    )
    c.r(
        "host = smtp.correonube.es\nport = 587\nuser = marisol@marisolevents.es\napp_password = hvqe mzta wrpl oskd\n"
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "swaks --server smtp.correonube.es:587 --tls --auth-user marisol@marisolevents.es --auth-password 'hvqe mzta wrpl oskd' "
                    "--from marisol@marisolevents.es --to lucia@floresdelturia.es --cc nuria@marisolevents.es "
                    "--header 'Subject: Boda Ferrer-Galán 18/09/2027 - flores' --body @/tmp/mailer_last_body.txt"
                },
            )
        ]
    )
    r6 = c.r(
        "=== Trying smtp.correonube.es:587...\n<-  220 smtp.correonube.es ESMTP\n ~> STARTTLS\n<~  235 2.7.0 Authentication successful\n"
        " ~> DATA\n<~  250 2.0.0 Ok: queued as 4Fh2kL0x9\n ~> QUIT"
    )
    a6 = c.a(
        "Enviado por SMTP (250 Ok, queued as 4Fh2kL0x9) a Lucía con Nuria en copia. El envío normal de mailer sigue roto por el token: "
        "habrá que volver a autorizar la cuenta en mailer cuando puedas.\n\n"
        "¿Te pongo una visita al taller de Lucía para ver las dalias? Ella abre también el domingo 15 por la mañana."
    )
    u7 = c.u(
        "domingo ni de coña. regla: nunca me metas nada en domingo, es mi día. el lunes 16 a las 10 si puede. y lucía dijo que el "
        "presupuesto revisado lo tiene el 24",
        gap=150,
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "calctl add --title 'Visita taller Flores del Turia (Ferrer-Galán)' --start '2026-11-16 10:00' --duration 60 --tentative"
                },
            )
        ]
    )
    r8 = c.r("created event evt_d5v2n (tentative) Mon 2026-11-16 10:00-11:00")
    a8 = c.a(
        "Hecho: visita provisional el **lunes 16 a las 10:00** (evt_d5v2n), y apuntado que **los domingos no se agenda nada**. "
        "El presupuesto revisado de Lucía lo esperamos para el martes 24 de noviembre."
    )
    c.u("y lo del mailer ya lo miro yo otro día", gap=60)
    a9 = c.a("De acuerdo. Mientras no lo reautorices, los correos que mande pasarán por el SMTP de respaldo.")
    c.item(
        "decision",
        "Flores boda Ferrer-Galán (18/09/2027): dalias café au lait como base y rosa de jardín en el ramo, en lugar de peonías",
        [a1, u2, a2],
        True,
    )
    c.item(
        "decision",
        "Rechazado: pedir presupuesto de flores a otra floristería; siempre con Lucía (Flores del Turia)",
        [a2, u3],
        True,
    )
    c.item("fact", "Regla permanente: nunca agendar nada en domingo", [u7, a8], True)
    c.item(
        "outcome",
        "mailer sigue sin poder enviar (token refresh failed, HTTP 500 de oauth.correonube.es); el correo a Lucía salió por SMTP "
        "de respaldo (queued as 4Fh2kL0x9); falta reautorizar mailer",
        [r3, r4, r6, a6, a9],
        True,
    )
    c.item(
        "todo",
        "Lucía (Flores del Turia) entrega el presupuesto revisado el martes 24 de noviembre de 2026",
        [u7, a8],
        False,
    )
    c.item(
        "outcome",
        "Visita provisional al taller de Flores del Turia el lunes 16/11/2026 a las 10:00 (evt_d5v2n)",
        [r8, a8],
        False,
    )
    c.canaries = ["hvqe mzta wrpl oskd"]
    c.noise = ["me huele que no", "Entendido, solo Lucía", "Reintento una vez"]
    return c


# ------------------------------------------------------------------------------------------------
def c10() -> Conv:
    c = tg("10-sopralluogo-conti-ferri", "2026-11-13T09:40:00")
    c.u(
        "ciao! Giulia e Matteo (matrimonio Conti-Ferri, 11 settembre) vengono a Valencia per il sopralluogo all'Alqueria de Sant Roc. "
        "arrivano il 16, mi trovi due slot per la visita? e dimmi a che ora atterra il loro volo, FR4817 da Bologna"
    )
    c.a(
        "Controllo il calendario e il volo.",
        tools=[
            ("bash", {"command": "calctl free --from 2026-11-16 --to 2026-11-18 --min 120 --hours 09-19"}),
            (
                "bash",
                {
                    "command": "curl -s 'https://api.aviastat.io/v1/flights/FR4817?date=2026-11-16' -H 'X-Api-Key: avs_live_Tq83mPz0LwK5vRx2'"
                },
            ),
        ],
    )
    c.r("2026-11-16 15:00-19:00\n2026-11-17 09:00-13:00\n2026-11-18 10:00-12:00")
    c.r('{"error":"rate_limited","message":"Too many requests, retry after 30s"}')
    c.a(
        "Il calendario risponde; l'API dei voli invece mi ha limitato (rate_limited) senza dare orari. Riprovo tra 30 secondi.",
        tools=[
            (
                "bash",
                {
                    "command": "sleep 30; curl -s 'https://api.aviastat.io/v1/flights/FR4817?date=2026-11-16' -H 'X-Api-Key: avs_live_Tq83mPz0LwK5vRx2' | jq '{dep: .departure.scheduled, arr: .arrival.scheduled, status}'"
                },
            )
        ],
    )
    c.r('{"dep":"2026-11-16T10:05:00+01:00","arr":"2026-11-16T12:10:00+01:00","status":"scheduled"}')
    a2 = c.a(
        "Ecco:\n\n**Volo FR4817 Bologna → Valencia, 16 novembre**: partenza 10:05, arrivo **12:10**.\n\n"
        "Slot liberi per il sopralluogo (almeno 2 ore):\n1. **Lunedì 16, 15:00–19:00**: lo stesso giorno dell'arrivo, con tempo per il pranzo\n"
        "2. **Martedì 17, 09:00–13:00**: mattina, con la luce migliore per vedere il giardino\n3. Mercoledì 18, 10:00–12:00: un po' stretto\n\n"
        "Consiglierei il martedì mattina. Blocco quello?"
    )
    u3 = c.u("no aspetta, arrivano il 26 non il 16!! ho scritto male io. rifai tutto per il 26", gap=120)
    c.a(
        "Ah, il 26. Rifaccio calendario e volo per il 26 novembre.",
        think="Wrong date on her side. Redo both lookups for the 26th; FR4817 may have a different schedule that day.",
        tools=[
            ("bash", {"command": "calctl free --from 2026-11-26 --to 2026-11-28 --min 120 --hours 09-19"}),
            (
                "bash",
                {
                    "command": "curl -s 'https://api.aviastat.io/v1/flights/FR4817?date=2026-11-26' -H 'X-Api-Key: avs_live_Tq83mPz0LwK5vRx2' | jq '{dep: .departure.scheduled, arr: .arrival.scheduled, status}'"
                },
            ),
        ],
    )
    c.r("2026-11-26 16:00-19:00\n2026-11-27 09:30-12:30\n2026-11-27 15:00-18:00")
    r3b = c.r('{"dep":"2026-11-26T10:05:00+01:00","arr":"2026-11-26T12:10:00+01:00","status":"scheduled"}')
    a3 = c.a(
        "Per il **26 novembre** (giovedì): FR4817 arriva sempre alle **12:10**.\n\nSlot:\n1. **Giovedì 26, 16:00–19:00**\n"
        "2. **Venerdì 27, 09:30–12:30**: mattina, luce buona\n3. Venerdì 27, 15:00–18:00\n\n"
        "Il 28 è sabato e lo tieni libero. Quale blocco?"
    )
    u4 = c.u("il secondo", gap=60)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "calctl add --title 'Sopralluogo Alqueria de Sant Roc - Conti/Ferri' --start '2026-11-27 09:30' --duration 180 "
                    "--location 'Alqueria de Sant Roc, Camí Vell de Meliana' --invite giulia.ferri@posta.it,matteo.conti@posta.it"
                },
            )
        ]
    )
    r5 = c.r("created event evt_s7y4c Fri 2026-11-27 09:30-12:30 (2 invites sent)")
    a5 = c.a(
        "Fatto: **sopralluogo venerdì 27 novembre, 9:30–12:30** all'Alqueria de Sant Roc (evt_s7y4c), inviti mandati a Giulia e Matteo.\n\n"
        "Già che ci siamo, per il giorno del matrimonio bisogna decidere come portare gli ospiti dall'hotel (Hotel Las Arenas) all'alqueria, circa 25 minuti:\n"
        "1. **Navetta da 30 posti**, due giri andata e tre al ritorno, circa 780 €\n2. **Due minibus da 19**, più flessibili, circa 920 €\n"
        "3. **Taxi a carico degli ospiti**, 0 € per loro ma caos a fine serata\n\nCome vuoi fare?"
    )
    u5 = c.u(
        "navetta. e ricordati una cosa importante: giulia è allergica ai gigli, mai gigli in niente di suo, neanche in hotel",
        gap=200,
    )
    a6 = c.a(
        "Navetta da 30 posti, allora. E me lo segno: **niente gigli per Giulia, mai**, né negli allestimenti né nei fiori in camera.\n\n"
        "Per il preventivo della navetta mi servirebbe sapere quanti ospiti arrivano in aereo. E per il menù: sai quanti vegetariani ci sono?"
    )
    u6 = c.u(
        "i vegetariani li chiedo a giulia. i voli degli ospiti li raccoglie matteo, me li manda entro venerdì 20",
        gap=90,
    )
    a7 = c.a(
        "Perfetto. Resto in attesa dei voli da Matteo entro venerdì 20 novembre; il numero di vegetariani resta aperto finché non senti Giulia. "
        "Vuoi che prepari già una bozza di richiesta alla compagnia delle navette?"
    )
    c.u("sì ma non mandarla", gap=40)
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "mailer draft --to reservas@autocaresribera.es --subject 'Navetta 30 plazas - boda 11/09/2027' <<'TXT'\n"
                    "Hola,\n\nNecesitaríamos un autobús de 30 plazas el sábado 11/09/2027: Hotel Las Arenas -> Alqueria de Sant Roc "
                    "(2 viajes a las 17:00 y 17:40) y regreso (00:30, 01:30 y 02:30). ¿Nos pasáis precio?\n\nMarisol Reyes\nTXT"
                },
            )
        ]
    )
    r8 = c.r("draft saved: drf_7tq0wb (Drafts) to=reservas@autocaresribera.es")
    c.a(
        "Bozza salvata (drf_7tq0wb), non inviata. L'ho scritta in spagnolo, visto che l'azienda è di Valencia."
    )
    c.item(
        "fact",
        "Correzione: Giulia e Matteo (Conti-Ferri) arrivano a Valencia il 26 novembre 2026, non il 16; volo FR4817 da Bologna, arrivo 12:10",
        [a2, u3, r3b, a3],
        True,
    )
    c.item(
        "decision",
        "Sopralluogo all'Alqueria de Sant Roc: venerdì 27 novembre 2026, 9:30–12:30 (evt_s7y4c, inviti inviati)",
        [a3, u4, r5],
        True,
    )
    c.item(
        "decision",
        "Trasporto ospiti Conti-Ferri (Hotel Las Arenas → Alqueria de Sant Roc): navetta da 30 posti",
        [a5, u5, a6],
        True,
    )
    c.item(
        "fact",
        "Da ricordare: Giulia Ferri è allergica ai gigli; mai gigli in niente di suo, nemmeno in hotel",
        [u5, a6],
        True,
    )
    c.item("todo", "Matteo manda i voli degli ospiti entro venerdì 20 novembre 2026", [u6, a7], False)
    c.item(
        "open_question",
        "Numero di vegetariani per il matrimonio Conti-Ferri: Marisol lo chiede a Giulia",
        [a6, u6],
        False,
    )
    c.item(
        "outcome",
        "Bozza drf_7tq0wb a reservas@autocaresribera.es per il preventivo della navetta (11/09/2027), non inviata",
        [r8],
        False,
    )
    c.canaries = ["avs_live_Tq83mPz0LwK5vRx2"]
    c.noise = ["Controllo il calendario e il volo", "Il 28 è sabato e lo tieni libero", "sì ma non mandarla"]
    return c


# ------------------------------------------------------------------------------------------------
def c11() -> ReadConv:
    c = ReadConv("11-fatture-evento-lattanzi", "2026-11-16T15:05:00", 1, "telegram", sender=ME, cwd=WS)
    c.u(
        "ciao, devo chiudere i conti della cena aziendale Lattanzi del 6. ci sono due fatture in clients/lattanzi/fatture/: "
        "gust mediterrani e sonoritats. controllale col preventivo e pagale se tornano"
    )
    c.a(
        "Inizio dalle fatture.",
        tools=[("bash", {"command": "ls clients/lattanzi/fatture/ clients/lattanzi/"})],
    )
    c.r(
        "clients/lattanzi/fatture/:\nGM-2026-1187.pdf\nSON-0342.pdf\n\nclients/lattanzi/:\nfatture\npreventivo_lattanzi.xlsx\n.env"
    )
    c.a(tools=[("read", {"path": "clients/lattanzi/fatture/GM-2026-1187.txt"})])
    c.r_fail(
        "ENOENT: no such file or directory, open '/home/marisol/.openclaw/workspace/clients/lattanzi/fatture/GM-2026-1187.txt'"
    )
    c.a(
        "Il file è un PDF, non un .txt: estraggo il testo di entrambe.",
        tools=[
            (
                "bash",
                {
                    "command": 'cd clients/lattanzi/fatture && for f in *.pdf; do echo "== $f"; python3 -c "import sys; from pypdf import PdfReader; '
                    'print(PdfReader(sys.argv[1]).pages[0].extract_text())" $f; done'
                },
            )
        ],
    )
    c.r(
        "== GM-2026-1187.pdf\nGUST MEDITERRANI S.L.  Factura GM-2026-1187  10/11/2026\nCena Lattanzi Design 06/11/2026  - 64 cubiertos x 58,00 €\n"
        "Base imponible 3.712,00 €  IVA 21% 779,52 €  TOTAL 4.491,52 €\n"
        "== SON-0342.pdf\nSONORITATS AUDIOVISUALS  Factura SON-0342  09/11/2026\nTécnico + equipo sonido e iluminación cena Lattanzi\n"
        "Base 1.100,00 €  IVA 21% 231,00 €  TOTAL 1.331,00 €"
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/lattanzi && python3 -c \"import openpyxl; ws=openpyxl.load_workbook('preventivo_lattanzi.xlsx', data_only=True).active; "
                    '[print(*[c.value for c in r]) for r in ws.iter_rows(min_row=1)]"'
                },
            )
        ]
    )
    c.r("Fornitore Voce Base IVA\nGust Mediterrani 62 coperti x 58 3596 10%\nSonoritats Audio+luci 1100 21%")
    a3 = c.a(
        "Confronto con il preventivo:\n\n**Sonoritats (SON-0342)**: 1.100 € + IVA 21% = **1.331,00 €**. Torna perfettamente.\n\n"
        "**Gust Mediterrani (GM-2026-1187)**: due differenze.\n1. **Coperti**: fatturano 64, il preventivo ne aveva 62 (+116 € di base). "
        "Può darsi che la sera fossero davvero 64: tu lo sai meglio di me.\n"
        "2. **IVA**: applicano il **21%**, ma il servizio di ristorazione va al **10%**, come nel preventivo. "
        "Con il 10% il totale sarebbe 4.083,20 € (64 coperti) invece di 4.491,52 €: sono **408 € in più**.\n\n"
        "Proposta: pago subito Sonoritats e contesto Gust Mediterrani chiedendo una fattura rettificata al 10%. Ti va?"
    )
    u4 = c.u(
        "sì così. i coperti erano 64 davvero, sono arrivati due all'ultimo, quello va bene. solo l'iva",
        gap=180,
    )
    c.model_change("openai-codex")
    c.a(
        "Pago Sonoritats con PagaFlux. Il token è nel .env del cliente.",
        tools=[("read", {"path": "clients/lattanzi/.env"})],
    )
    c.r("PAGAFLUX_TOKEN=pfx_live_Lz6bN2qWe80TyhVd5sKcJ3aR\nPAGAFLUX_ACCOUNT=acc_marisol_events_01\n")
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/lattanzi && set -a && . ./.env && set +a && ~/.openclaw/workspace/scripts/pagaflux_pay.sh ben_sonoritats 133100 LATT-SON-0342"
                },
            )
        ]
    )
    r6 = c.r('{"status":"error","code":502,"message":"bad gateway"}', exit_code=1)
    c.a(
        "PagaFlux ha restituito **502 bad gateway** e lo script si è fermato al primo tentativo, perché ritenta solo sui 503. Nessun pagamento partito. Riprovo a mano un paio di volte.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/lattanzi && . ./.env && for i in 1 2 3; do sleep 30; curl -s -X POST https://api.pagaflux.com/v2/transfers "
                    "-H \"Authorization: Bearer $PAGAFLUX_TOKEN\" -H 'Idempotency-Key: LATT-SON-0342' -H 'Content-Type: application/json' "
                    '-d \'{"beneficiary":"ben_sonoritats","amount":133100,"currency":"EUR","reference":"LATT-SON-0342"}\'; echo; done'
                },
            )
        ],
    )
    r7 = c.r(
        '{"status":"error","code":502,"message":"bad gateway"}\n{"status":"error","code":502,"message":"bad gateway"}\n'
        '{"status":"error","code":504,"message":"gateway timeout"}'
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "curl -s https://status.pagaflux.com/api/v2/status.json | jq -r '.status.description, .incidents[0].name'"
                },
            )
        ]
    )
    r8 = c.r("Partial outage\nTransfers API degraded - investigating")
    a8 = c.a(
        "Il pagamento a Sonoritats **non è andato**: tre tentativi, due 502 e un 504. La pagina di stato di PagaFlux segnala un **guasto parziale "
        'della Transfers API** ("investigating"). Nessun addebito, e l\'Idempotency-Key eviterà doppioni quando riproveremo.\n\n'
        "Intanto preparo la contestazione a Gust Mediterrani?"
    )
    u9 = c.u(
        "sì. e sonoritats riprova domani mattina, se pagaflux è ancora giù me lo dici e faccio bonifico dalla banca",
        gap=150,
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "mailer draft --to administracion@gustmediterrani.es --cc nuria@marisolevents.es --subject 'Factura GM-2026-1187 - IVA' <<'TXT'\n"
                    "Hola,\n\nEn la factura GM-2026-1187 (cena Lattanzi, 06/11) se aplica un IVA del 21%; al ser servicio de restauración "
                    "corresponde el 10%, como en el presupuesto. Los 64 cubiertos son correctos. ¿Podéis emitir una factura rectificativa?\n\nGracias,\nMarisol\nTXT"
                },
            )
        ]
    )
    r10 = c.r(
        "draft saved: drf_0cz5rv (Drafts) to=administracion@gustmediterrani.es cc=nuria@marisolevents.es"
    )
    a10 = c.a(
        "Bozza drf_0cz5rv pronta per Gust Mediterrani: IVA al 10%, 64 coperti confermati.\n\n"
        "Visto che l'ho rifatto a mano, questo è il controllo che seguo per ogni fattura di un evento; vuoi che lo salvi?\n"
        "1. Estrarre il testo del PDF (pypdf)\n2. Confrontare voce per voce con il preventivo: quantità, prezzo unitario, aliquota IVA\n"
        "3. Ristorazione al 10%, servizi tecnici al 21%\n4. Pagare solo le fatture che tornano; per le altre, bozza di contestazione con Nuria in copia\n"
        "5. Pagare con PagaFlux usando un Idempotency-Key uguale al riferimento"
    )
    c.u("salvalo", gap=60)
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "procedures/controllo_fatture.md",
                    "content": "# Controllo fatture evento\n1. Estrarre il testo del PDF (pypdf)\n2. Confrontare con il preventivo: quantità, prezzo unitario, aliquota IVA\n"
                    "3. Ristorazione 10%, servizi tecnici 21%\n4. Pagare solo ciò che torna; contestare il resto (bozza, cc Nuria)\n"
                    "5. Pagamento PagaFlux con Idempotency-Key = riferimento\n",
                },
            )
        ]
    )
    r11 = c.r("Successfully wrote 318 bytes to procedures/controllo_fatture.md")
    c.a("Salvato in procedures/controllo_fatture.md. Domattina riprovo Sonoritats e ti dico com'è andata.")
    c.item(
        "decision",
        "Fatture cena Lattanzi: pagare Sonoritats SON-0342 (1.331,00 €) e contestare Gust Mediterrani GM-2026-1187 chiedendo "
        "la rettifica dell'IVA dal 21% al 10% (i 64 coperti sono corretti)",
        [a3, u4],
        True,
    )
    c.item(
        "outcome",
        "Pagamento Sonoritats (1.331,00 €, LATT-SON-0342) non riuscito: PagaFlux 502/504, guasto parziale della Transfers API; "
        "nessun addebito, ancora da pagare",
        [r6, r7, r8, a8],
        True,
    )
    c.item(
        "todo",
        "Domani mattina (17/11/2026) riprovare il pagamento Sonoritats; se PagaFlux è ancora giù, avvisare Marisol che fa il bonifico dalla banca",
        [u9],
        False,
    )
    c.item(
        "outcome",
        "Bozza di contestazione drf_0cz5rv ad administracion@gustmediterrani.es (cc Nuria) per l'IVA al 10%, non ancora inviata",
        [r10],
        False,
    )
    c.item(
        "procedure",
        "Controllo fatture evento (procedures/controllo_fatture.md): testo PDF con pypdf, confronto con il preventivo (quantità, "
        "prezzo, IVA), ristorazione 10% e servizi tecnici 21%, pagare solo ciò che torna e contestare il resto, PagaFlux con Idempotency-Key = riferimento",
        [a10, r11],
        False,
    )
    c.item(
        "fact",
        "scripts/pagaflux_pay.sh ritenta solo sui 503: con un 502 si ferma al primo tentativo senza pagare",
        [r6],
        False,
    )
    c.canaries = ["pfx_live_Lz6bN2qWe80TyhVd5sKcJ3aR"]
    c.noise = ["Inizio dalle fatture", "Torna perfettamente", "ENOENT: no such file or directory"]
    return c


# ------------------------------------------------------------------------------------------------
def c12() -> Conv:
    c = ui("12-retroplanning-roux-marchand", "2026-11-18T14:30:00", provider="openai-codex")
    c.u(
        "Bonjour ! Il me faut le déroulé du jour J pour Camille et Théo (mariage Roux-Marchand, samedi 3 juillet 2027, Masia L'Alzina). "
        "Fais-moi une première version, on l'envoie aux prestataires"
    )
    a1 = c.a(
        "Voici une première version du déroulé :\n\n| Heure | Moment |\n|---|---|\n| 16:00 | Arrivée traiteur et fleuriste |\n"
        "| 16:30 | Arrivée des invités, navette depuis Valence |\n| **17:00** | **Cérémonie laïque** (jardin) |\n| 18:00 | Vin d'honneur en extérieur |\n"
        "| 20:00 | Dîner (salle) |\n| 22:30 | Ouverture du bal |\n| 02:00 | Fin de la musique en intérieur |\n\n"
        "Point d'attention : le vin d'honneur est prévu dehors. Début juillet à Valence il fait chaud, mais les orages d'été existent. "
        "Il faudrait un plan B.\n\nJe le mets au propre et je le partage ?"
    )
    u2 = c.u(
        "non, la cérémonie c'est 17h30. 17h c'est l'arrivée des invités, décale tout. et le plan B oui, propose",
        gap=200,
    )
    a2 = c.a(
        "Corrigé : arrivée des invités à 17:00, **cérémonie à 17:30**, vin d'honneur à 18:30, le reste décalé de 30 minutes "
        "(dîner 20:30, bal 23:00).\n\nPour le plan B du vin d'honneur, deux options :\n"
        "1. **Réserver dès maintenant une tente 10×15 m** chez Carpas Llevant : 1 350 €, annulable sans frais jusqu'à 30 jours avant\n"
        "2. **Attendre la météo à J-5** et louer au dernier moment : moins cher si on n'en a pas besoin, mais début juillet il n'y a souvent plus rien\n\n"
        "Je pencherais pour la première, puisque l'annulation est gratuite jusqu'au 3 juin. Qu'en dis-tu ?"
    )
    u3 = c.u(
        "la 1 oui. et rappel général : aux prestataires j'envoie toujours des PDF, jamais de liens google docs, ils ne les ouvrent pas",
        gap=150,
    )
    c.a(
        "Noté, toujours en PDF. Je réserve la tente et je génère le PDF du déroulé.",
        tools=[
            (
                "bash",
                {
                    "command": "curl -s -X POST https://reservas.carpasllevant.es/api/bookings -H 'X-Api-Key: cll_8d41f0a9e27b4c6d' "
                    "-d 'model=10x15&date=2027-07-03&site=Masia+L%27Alzina&free_cancel_until=2027-06-03'"
                },
            ),
            (
                "write",
                {
                    "path": "clients/roux-marchand/deroule_jourJ_v1.md",
                    "content": "# Mariage Roux-Marchand - samedi 3 juillet 2027 - Masia L'Alzina\n\n| Heure | Moment |\n|---|---|\n"
                    "| 16:00 | Arrivée traiteur et fleuriste |\n| 17:00 | Arrivée des invités (navette depuis Valence) |\n| 17:30 | Cérémonie laïque (jardin) |\n"
                    "| 18:30 | Vin d'honneur en extérieur (plan B : tente 10x15) |\n| 20:30 | Dîner (salle) |\n| 23:00 | Ouverture du bal (intérieur) |\n"
                    "| 02:00 | Fin de la musique |\n",
                },
            ),
        ],
    )
    r3a = c.r('{"booking":"CLL-27-0703-118","status":"confirmed","free_cancel_until":"2027-06-03"}')
    c.r("Successfully wrote 468 bytes to clients/roux-marchand/deroule_jourJ_v1.md")
    c.a(
        tools=[
            (
                "bash",
                {"command": "cd clients/roux-marchand && pandoc deroule_jourJ_v1.md -o deroule_jourJ_v1.pdf"},
            )
        ]
    )
    r4 = c.r("pdflatex not found. Please select a different --pdf-engine or install pdflatex", exit_code=47)
    c.a(
        "Pas de LaTeX ici. J'essaie avec wkhtmltopdf comme moteur.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/roux-marchand && pandoc deroule_jourJ_v1.md --pdf-engine=wkhtmltopdf -o deroule_jourJ_v1.pdf"
                },
            )
        ],
    )
    r5 = c.r("pdf-engine wkhtmltopdf is not in PATH", exit_code=47)
    c.a(
        "wkhtmltopdf n'est pas installé non plus. Je passe par HTML puis LibreOffice, qui est disponible.",
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/roux-marchand && pandoc deroule_jourJ_v1.md -s -o /tmp/deroule.html && "
                    "libreoffice --headless --convert-to pdf --outdir . /tmp/deroule.html && ls -l deroule*.pdf"
                },
            )
        ],
    )
    r6 = c.r(
        "convert /tmp/deroule.html -> /home/marisol/.openclaw/workspace/clients/roux-marchand/deroule.pdf using filter : writer_web_pdf_Export\n"
        "-rw-r--r-- 1 marisol marisol 38211 Nov 18 14:52 deroule.pdf"
    )
    c.a(
        tools=[
            (
                "bash",
                {
                    "command": "cd clients/roux-marchand && mv deroule.pdf deroule_jourJ_v1.pdf && pdftotext deroule_jourJ_v1.pdf - | head -4"
                },
            )
        ]
    )
    c.r("Mariage Roux-Marchand - samedi 3 juillet 2027 - Masia L'Alzina\nHeure\nMoment\n16:00")
    a7 = c.a(
        "C'est fait :\n\n- **Tente réservée** chez Carpas Llevant : réservation **CLL-27-0703-118**, confirmée, annulation gratuite jusqu'au 3 juin 2027.\n"
        "- **Déroulé v1** : clients/roux-marchand/deroule_jourJ_v1.md et **deroule_jourJ_v1.pdf**. pandoc n'avait pas de moteur PDF "
        "(ni pdflatex ni wkhtmltopdf), donc je suis passé par HTML et LibreOffice.\n\n"
        "Pour le refaire plus tard : `pandoc FICHIER.md -s -o /tmp/x.html && libreoffice --headless --convert-to pdf --outdir . /tmp/x.html`.\n\n"
        "Il manque une info pour les prestataires : jusqu'à quelle heure reste la photographe ? Le contrat de base couvre 8 h, donc jusqu'à 00:00 "
        "si elle arrive à 16:00."
    )
    u7 = c.u(
        "je vois avec Théo s'ils prennent des heures en plus, laisse comme ça pour l'instant. merci !",
        gap=180,
    )
    c.a(
        "D'accord, je laisse la photographe telle quelle en attendant la réponse de Théo. Bonne fin de journée !"
    )
    c.item(
        "fact",
        "Correction : cérémonie Roux-Marchand à 17:30 (17:00 = arrivée des invités) ; vin d'honneur 18:30, dîner 20:30, bal 23:00",
        [a1, u2, a2],
        True,
    )
    c.item(
        "decision",
        "Plan B du vin d'honneur Roux-Marchand : tente 10×15 m réservée dès maintenant chez Carpas Llevant (1 350 €)",
        [a2, u3],
        True,
    )
    c.item(
        "fact",
        "Règle permanente : toujours envoyer des PDF aux prestataires, jamais de liens Google Docs",
        [u3],
        True,
    )
    c.item(
        "outcome",
        "Tente réservée chez Carpas Llevant : CLL-27-0703-118, confirmée, annulation gratuite jusqu'au 3 juin 2027",
        [r3a, a7],
        False,
    )
    c.item(
        "outcome",
        "Déroulé v1 écrit dans clients/roux-marchand/deroule_jourJ_v1.md et converti en deroule_jourJ_v1.pdf via HTML + LibreOffice "
        "(pandoc échouait : ni pdflatex ni wkhtmltopdf)",
        [r4, r5, r6, a7],
        False,
    )
    c.item(
        "procedure",
        "Markdown vers PDF sans moteur LaTeX : pandoc FICHIER.md -s -o /tmp/x.html && libreoffice --headless --convert-to pdf --outdir . /tmp/x.html",
        [a7],
        False,
    )
    c.item(
        "open_question",
        "Heures de la photographe au-delà des 8 h du contrat de base : Marisol voit avec Théo",
        [a7, u7],
        False,
    )
    c.canaries = ["cll_8d41f0a9e27b4c6d"]
    c.noise = ["Bonne fin de journée", "Pas de LaTeX ici", "Je le mets au propre et je le partage ?"]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12]

if __name__ == "__main__":
    main(CONVS, Path(__file__).resolve().parent)
