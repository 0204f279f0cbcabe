"""fresh12: twelve hand-written conversations of a tapas-bar owner running the place through the agent.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor. Run it to rewrite
this folder, or with ``--out DIR`` to write elsewhere (the well-formedness test checks that it reproduces
the committed files byte for byte).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

HERE = Path(__file__).resolve().parent

LUCIA_TG = ("Lucía Ferrer", "lucia_alacena", "60233418")
LUCIA_WA = ("Lucía Ferrer", "+34612448190", "")
TOM_TG = ("Tom Hadley", "tomhadley", "55120934")
TOM_WA = ("Tom Hadley", "+447700900318", "")
CLAIRE_TG = ("Claire Morel", "claire_comptoir", "73301845")
CLAIRE_WA = ("Claire Morel", "+33612904471", "")


class Chat(Conv):
    """``Conv`` plus a WhatsApp envelope and tool failures that are not a shell exit code."""

    def _envelope(self, text: str, at: datetime) -> str:
        if self.channel != "whatsapp":
            return super()._envelope(text, at)
        name, phone, _ = self.sender
        meta = {"label": f"{name} ({phone})", "id": phone, "name": name, "e164": phone}
        block = json.dumps(meta, indent=2, ensure_ascii=False)
        return f"Sender (untrusted metadata):\n```json\n{block}\n```\n\n{self._stamp(at)} {text}"

    def fail(self, output: str, gap: float = 1.0) -> str:
        """The oldest pending tool call failed inside the tool (a read of a missing file, say)."""
        cid, name = self.pending.pop(0)
        msg: dict[str, Any] = {
            "role": "toolResult",
            "toolCallId": cid,
            "toolName": name,
            "content": [{"type": "text", "text": output}],
            "isError": True,
            "timestamp": self._ms(self.now),
        }
        return self._entry({"type": "message", "message": msg}, gap)


def bash(cmd: str) -> tuple[str, dict[str, Any]]:
    return ("exec", {"command": cmd})


def read(path: str) -> tuple[str, dict[str, Any]]:
    return ("read", {"file_path": path})


def write(path: str, content: str) -> tuple[str, dict[str, Any]]:
    return ("write", {"file_path": path, "content": content})


def edit(path: str, old: str, new: str) -> tuple[str, dict[str, Any]]:
    return ("edit", {"file_path": path, "oldText": old, "newText": new})


# --- 01 -------------------------------------------------------------------------------------------


def c01() -> Conv:
    c = Chat(
        "01-gamba-corta-roig",
        "2026-12-01T08:10:00",
        1,
        "whatsapp",
        sender=LUCIA_WA,
        cwd="/home/lucia/.openclaw/workspace",
    )
    c.u(
        "buenos días mira ayer Pescados Roig nos trajo la gamba roja corta pedimos 12 kilos y en el "
        "albarán pone 12 pero en las cajas había 8 y Marcos lo vio tarde porque ya había firmado y el "
        "repartidor se había ido total que me faltan 4 kilos para el fin de semana y encima el sábado "
        "tenemos la cena de la peña así que prepárame un correo para Roig porfa"
    )
    a1 = c.a(
        "Buenos días, Lucía. Vaya faena con la gamba. Antes de redactarlo, ¿qué les pedimos?\n\n"
        "1. Que repongan los 4 kg que faltan (lo antes posible, antes del sábado)\n"
        "2. Un abono de los 4 kg en la próxima factura\n\n"
        "Con el albarán firmado por 12 kg conviene adjuntar una foto de las cajas si la tenéis."
    )
    u2 = c.u(
        "abono que si reponen me lo traen el lunes y no me sirve de nada, la gamba del sábado se la pido "
        "a Mariscos Turia que me la traen el viernes. y otra cosa a partir de ahora el que reciba un "
        "pedido cuenta las cajas y pesa antes de firmar el albarán siempre da igual quién sea, apúntatelo "
        "que esto ya nos ha pasado dos veces. foto tengo, la hizo Marcos"
    )
    draft = (
        "Asunto: Pedido 4417 - faltan 4 kg de gamba roja\n\n"
        "Hola,\n\nEn la entrega de ayer, 30 de noviembre, del pedido 4417 el albarán indica 12 kg de gamba "
        "roja pero en las cajas había 8 kg. Lamentamos no haberlo detectado en el momento de la entrega. "
        "Adjuntamos foto de las cajas. Os pedimos un abono de los 4 kg que faltan en la próxima factura.\n\n"
        "Un saludo,\nLucía Ferrer\nTaberna La Alacena\n"
    )
    c.a(
        "Apuntado lo de contar y pesar. Te preparo el borrador.",
        tools=[write("borradores/roig-abono-2026-12-01.md", draft)],
    )
    w1 = c.r("Successfully wrote 392 bytes to borradores/roig-abono-2026-12-01.md")
    c.a(
        "Borrador guardado en `borradores/roig-abono-2026-12-01.md`:\n\n> "
        + draft.replace("\n", "\n> ")
        + "\n"
        "¿Lo mandas tú o lo envío yo desde info@laalacena.es?"
    )
    c.u(
        "quita lo de lamentamos que yo no lamento nada la han liado ellos, más seco, y lo mando yo desde el "
        "móvil que así va con la foto",
        gap=90,
    )
    c.a(
        "Hecho, más seco.",
        tools=[
            edit(
                "borradores/roig-abono-2026-12-01.md",
                "Lamentamos no haberlo detectado en el momento de la entrega. ",
                "",
            )
        ],
    )
    c.r("Successfully replaced text in borradores/roig-abono-2026-12-01.md.")
    c.a("Listo, sin la disculpa. Te queda el texto en el mismo archivo para copiarlo.")
    fix = c.u(
        "perfecto. oye el número de pedido es el 4471 no el 4417 que has puesto, lo tengo delante", gap=70
    )
    c.a(
        "Perdona, lo cambio en los dos sitios.",
        tools=[edit("borradores/roig-abono-2026-12-01.md", "4417", "4471")],
    )
    w2 = c.r("Successfully replaced 2 occurrences in borradores/roig-abono-2026-12-01.md.")
    c.a("Corregido: pedido 4471 en el asunto y en el texto.")
    rem = c.u("vale y recuérdame el jueves a las 11 que llame a Roig si no han contestado")
    c.a(
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "at": "2026-12-03T11:00:00+01:00",
                    "text": "Llamar a Pescados Roig si no han contestado al abono del pedido 4471",
                },
            )
        ]
    )
    rr = c.r('{"ok":true,"id":"rem_7f21c0","at":"2026-12-03T11:00:00+01:00"}')
    c.a("Hecho: el jueves 3 a las 11:00 te aviso para llamar a Roig.")
    c.u("genial te dejo que empieza el lío del mercado")
    c.a("Ánimo con el mercado, Lucía.")
    c.item(
        "decision",
        "A Pescados Roig se le pide un abono de los 4 kg de gamba roja que faltaron, no la reposición.",
        [a1, u2],
        True,
    )
    c.item(
        "decision", "La gamba roja del sábado se pide a Mariscos Turia, que la trae el viernes.", [u2], True
    )
    c.item(
        "fact",
        "Regla: quien reciba un pedido siempre cuenta las cajas y pesa antes de firmar el albarán.",
        [u2],
        True,
    )
    c.item("fact", "El pedido de la gamba roja a Pescados Roig es el número 4471 (no 4417).", [fix, w2], True)
    c.item(
        "outcome",
        "Borrador del correo de abono a Pescados Roig guardado en borradores/roig-abono-2026-12-01.md; Lucía lo envía desde el móvil con la foto.",
        [w1, w2],
    )
    c.item(
        "todo",
        "Lucía llama a Pescados Roig el jueves 3 de diciembre a las 11:00 si no han contestado.",
        [rem, rr],
    )
    c.noise = ["Vaya faena con la gamba", "Ánimo con el mercado", "te dejo que empieza el lío del mercado"]
    return c


# --- 02 -------------------------------------------------------------------------------------------


ROTA = """staff,mon,tue,wed,thu,fri,sat,sun,hours
Aisha,off,off,17-23,17-23,17-23,11-23,off,30
Jake,off,17-23,off,17-23,off,off,12-18,18
Priya,11-17,11-17,off,off,11-17,off,16-23,25
Marco,17-23,17-23,17-23,off,17-23,17-23,off,30
Deniz,11-17,off,11-17,11-17,off,off,12-18,24
Sol,off,11-17,11-17,off,17-23,11-17,off,24
Ben,17-23,off,off,17-23,11-23,17-23,off,30
Kasia,off,off,17-23,11-17,off,off,12-18,18
Luis,11-17,17-23,off,off,11-23,11-17,off,30
"""


def c02() -> Conv:
    c = Chat(
        "02-week-50-rota",
        "2026-12-04T09:05:00",
        0,
        "telegram",
        sender=TOM_TG,
        cwd="/home/tom/.openclaw/workspace",
    )
    c.u(
        "morning so Aisha just texted she can't do saturday, her sister's wedding got moved, can you pull up "
        "next week's rota it's in rota/week-50.csv and see who can cover the saturday double. also Jake keeps "
        "asking for more hours"
    )
    c.a("Morning Tom. Opening the rota.", tools=[read("rota/week-50.csv")])
    c.r(ROTA)
    a2 = c.a(
        "Aisha's Saturday is the 11-23 double. Two ways to cover it:\n\n"
        "1. **Jake takes the whole double**: he's only on 18h this week and he's been asking for hours, and "
        "as a full-timer he has plenty of room.\n"
        "2. **Split it**: Deniz does 11-17 (she's off Saturday, goes to 30h) and Kasia does 17-23 "
        "(off Saturday, goes to 24h).\n\n"
        "I'd go with 1, it keeps it to one person."
    )
    u2 = c.u(
        "jake's not full time he's on a 20 hour contract, 20 max, that's the whole point he wants more but i "
        "can't put him over 20 till his contract changes in january. so the second one",
        gap=60,
    )
    c.a(
        "Sorry, my mistake on Jake. Splitting it.",
        tools=[
            edit(
                "rota/week-50.csv",
                "Aisha,off,off,17-23,17-23,17-23,11-23,off,30",
                "Aisha,off,off,17-23,17-23,17-23,off,off,18",
            ),
            edit(
                "rota/week-50.csv",
                "Deniz,11-17,off,11-17,11-17,off,off,12-18,24",
                "Deniz,11-17,off,11-17,11-17,off,11-17,12-18,30",
            ),
            edit(
                "rota/week-50.csv",
                "Kasia,off,off,17-23,11-17,off,off,12-18,18",
                "Kasia,off,off,17-23,11-17,off,17-23,12-18,24",
            ),
        ],
    )
    e1 = c.r("Successfully replaced text in rota/week-50.csv.")
    c.r("Successfully replaced text in rota/week-50.csv.")
    c.r("Successfully replaced text in rota/week-50.csv.")
    msg = c.a(
        "Done: Saturday is Deniz 11-17 and Kasia 17-23, Aisha off. Jake stays at 18h, so there's 2h left "
        "under his cap if something else comes up. Want me to message Deniz and Kasia?"
    )
    pri = c.u(
        "no i'll tell them at briefing. oh and remember priya never does sunday closes, she gets the last bus "
        "at 22:40 so she has to be off by 22:15 on sundays"
    )
    a5 = c.a(
        "Noted, Priya: no Sunday closes, off by 22:15 on Sundays. Heads up though: this week she's on the "
        "Sunday 16-23 close. Who should take it? Ben is off Sunday and has done closes before."
    )
    u4 = c.u("ugh yes swap her with Ben, Ben's fine with closes. give priya the 12-18 if there's room")
    c.a(
        tools=[
            edit(
                "rota/week-50.csv",
                "Priya,11-17,11-17,off,off,11-17,off,16-23,25",
                "Priya,11-17,11-17,off,off,11-17,off,12-18,24",
            ),
            edit(
                "rota/week-50.csv",
                "Ben,17-23,off,off,17-23,11-23,17-23,off,30",
                "Ben,17-23,off,off,17-23,11-23,17-23,16-23,37",
            ),
        ]
    )
    c.r("Successfully replaced text in rota/week-50.csv.")
    e2 = c.r("Successfully replaced text in rota/week-50.csv.")
    a7 = c.a("Swapped: Sunday Priya 12-18, Ben does the 16-23 close. Rota saved.")
    q = c.u(
        "cheers. thing i keep going back and forth on is getting a weekend part-timer for january, with Jake "
        "capped we're thin on saturdays. what do you reckon",
        gap=120,
    )
    c.a(
        "It would help: most weeks Saturday needs two doubles and you've had to split one every other week. "
        "A 12-16h weekend contract would cost roughly £600-700 a month at your rates. The alternative is "
        "waiting for Jake's new contract in January and seeing how many hours it gives him."
    )
    park = c.u("let me look at the december payroll first before i decide. park it")
    c.a("Parked until you've seen December payroll.")
    c.u("thanks mate")
    c.a("Anytime. Good luck at briefing.")
    c.item(
        "decision",
        "Aisha's Saturday double in week 50 is split: Deniz 11-17, Kasia 17-23.",
        [a2, u2, e1],
        True,
    )
    c.item(
        "fact",
        "Jake is on a 20-hour contract: never over 20 h a week until his contract changes in January.",
        [u2],
        True,
    )
    c.item(
        "fact",
        "Priya never does Sunday closes: she takes the 22:40 last bus, so she is off by 22:15 on Sundays.",
        [pri],
        True,
    )
    c.item(
        "decision",
        "Sunday close in week 50: Ben takes the 16-23, Priya moves to 12-18.",
        [a5, u4, e2, a7],
        True,
    )
    c.item(
        "open_question",
        "Hire a weekend part-timer for January? Parked until Tom has seen the December payroll.",
        [q, park],
    )
    c.item(
        "decision",
        "Rejected: the agent messaging Deniz and Kasia about Saturday; Tom tells them at briefing.",
        [msg, pri],
        True,
    )
    c.noise = ["Opening the rota", "Good luck at briefing", "thanks mate"]
    return c


# --- 03 -------------------------------------------------------------------------------------------


ALERGENOS = """# Alérgenos - carta de otoño

| Plato | Alérgenos |
|---|---|
| Patatas bravas | huevo (alioli), sulfitos |
| Pulpo a la gallega | moluscos |
| Tortilla de bacalao | huevo, pescado |
| Croquetas de jamón | gluten, leche, huevo |
| Pimientos de Padrón | - |
| Boquerones en vinagre | pescado, sulfitos |
| Alioli | huevo |
"""


def c03() -> Conv:
    c = Chat(
        "03-carta-invierno-alergenos",
        "2026-12-02T16:30:00",
        1,
        "telegram",
        sender=LUCIA_TG,
        cwd="/home/lucia/.openclaw/workspace",
    )
    u1 = c.u(
        "hola vamos con la carta de invierno, entran las croquetas de boletus a 9,50 la ración de 6 y sale el "
        "pulpo a la gallega que este año el pulpo está carísimo, actualízame la lista de alérgenos que está en "
        "carta/alergenos.md"
    )
    c.a("Vamos allá, miro la lista actual.", tools=[read("carta/alergenos.md")])
    c.r(ALERGENOS)
    a2 = c.a(
        "Propongo estos cambios en `carta/alergenos.md`:\n\n"
        "- Añadir **Croquetas de boletus**: gluten, leche\n"
        "- Quitar **Pulpo a la gallega**\n"
        '- Cambiar el título a "carta de invierno"\n\n'
        "¿Lo aplico?"
    )
    cor = c.u(
        "las croquetas llevan huevo también que se rebozan con huevo y pan rallado, pon gluten leche y huevo y "
        "sí aplícalo"
    )
    c.a(
        "Tienes razón, el rebozado. Aplico.",
        tools=[
            edit(
                "carta/alergenos.md",
                "| Pulpo a la gallega | moluscos |\n",
                "",
            ),
            edit(
                "carta/alergenos.md",
                "| Croquetas de jamón | gluten, leche, huevo |\n",
                "| Croquetas de jamón | gluten, leche, huevo |\n| Croquetas de boletus | gluten, leche, huevo |\n",
            ),
            edit("carta/alergenos.md", "carta de otoño", "carta de invierno"),
        ],
    )
    c.r("Successfully replaced text in carta/alergenos.md.")
    e1 = c.r("Successfully replaced text in carta/alergenos.md.")
    c.r("Successfully replaced text in carta/alergenos.md.")
    c.a("Hecho: croquetas de boletus con gluten, leche y huevo, pulpo fuera, título de invierno.")
    rev = c.u(
        "espera espera que me dice Nerea que el pulpo es lo que más sale los jueves, mejor no lo quitamos. "
        "quitamos la tortilla de bacalao que no la pide nadie y el pulpo se queda pero a 18",
        gap=240,
    )
    c.a(
        "Vale, lo deshago.",
        tools=[
            edit(
                "carta/alergenos.md",
                "| Tortilla de bacalao | huevo, pescado |\n",
                "| Pulpo a la gallega | moluscos |\n",
            ),
            edit("precios/carta-invierno.csv", "Pulpo a la gallega;16,00", "Pulpo a la gallega;18,00"),
        ],
    )
    e2 = c.r("Successfully replaced text in carta/alergenos.md.")
    e3 = c.r("Successfully replaced text in precios/carta-invierno.csv.")
    ack = c.a(
        "Listo: el pulpo vuelve a la lista (moluscos) y pasa de 16 a 18 € en `precios/carta-invierno.csv`; "
        "la tortilla de bacalao sale de la carta y de la lista de alérgenos."
    )
    td = c.u(
        "vale. y que Nerea imprima las cartas nuevas antes del jueves, que el viernes empezamos con la de "
        "invierno. ah y el alioli lleva huevo verdad? por si preguntan los de la mesa 4 que son alérgicos"
    )
    offer = c.a(
        "Sí, el alioli lleva huevo, está en la lista (y por eso las bravas también llevan huevo). ¿Quieres que "
        "le escriba a Nerea lo de las cartas?"
    )
    nope = c.u("no no se lo digo yo ahora que está aquí")
    c.a("Perfecto.")
    c.item(
        "decision",
        "Entran en la carta de invierno las croquetas de boletus, a 9,50 € la ración de 6.",
        [u1, a2],
        True,
    )
    c.item(
        "fact",
        "Las croquetas de boletus llevan gluten, leche y huevo (se rebozan con huevo y pan rallado).",
        [cor],
        True,
    )
    c.item(
        "decision",
        "Carta de invierno: sale la tortilla de bacalao; el pulpo a la gallega se queda, a 18 €.",
        [u1, rev, ack],
        True,
    )
    c.item(
        "outcome",
        "carta/alergenos.md y precios/carta-invierno.csv actualizados para la carta de invierno.",
        [e1, e2, e3],
    )
    c.item(
        "todo",
        "Nerea imprime las cartas nuevas antes del jueves; la carta de invierno empieza el viernes.",
        [td],
    )
    c.item(
        "decision",
        "Rejected: que el agente escriba a Nerea lo de las cartas; Lucía se lo dice en persona.",
        [offer, nope],
        True,
    )
    c.noise = [
        "Vamos allá, miro la lista actual",
        "el alioli lleva huevo verdad",
        "Tienes razón, el rebozado",
    ]
    return c


# --- 04 -------------------------------------------------------------------------------------------

OLD_TOKEN = "vpos_live_8fK2mQx7Lr4tNw9cZp3HsA1d"
NEW_TOKEN = "vpos_live_Q3nB7yTe2WkM5sRx0JhC8uLa"


def c04() -> Conv:
    c = Chat(
        "04-till-sync-card-batch",
        "2026-12-02T15:05:00",
        0,
        "control-ui",
        provider="openai-codex",
        cwd="/home/tom/.openclaw/workspace",
    )
    ssh = "ssh tom@till-bo.local "
    c.u(
        "the till stopped syncing to the back office since lunch, the Vendo dashboard shows this morning as the "
        "last upload and the card terminal in the corner keeps saying batch pending. can you have a look at "
        "the sync service on the back office pc, you've got ssh to till-bo.local. i've got a delivery at the "
        "door so just crack on"
    )
    c.a("On it. Checking the service first.", tools=[bash(ssh + "'systemctl status possync --no-pager'")])
    f1 = c.r(
        "× possync.service - Vendo POS sync agent\n"
        "     Loaded: loaded (/etc/systemd/system/possync.service; enabled)\n"
        "     Active: failed (Result: exit-code) since Wed 2026-12-02 12:41:07 GMT; 2h 24min ago\n"
        "    Process: 1184 ExecStart=/usr/local/bin/possync --config /etc/possync/config.toml (code=exited, status=3)",
        exit_code=3,
    )
    c.a(tools=[bash(ssh + "'journalctl -u possync -n 8 --no-pager'")])
    c.r(
        "Dec 02 12:40:51 till-bo possync[1184]: INFO uploading 4 transactions\n"
        "Dec 02 12:40:52 till-bo possync[1184]: ERROR auth: 401 Unauthorized from api.vendopos.example/v2/sync: token expired\n"
        "Dec 02 12:41:07 till-bo possync[1184]: ERROR giving up after 5 attempts\n"
        "Dec 02 12:41:07 till-bo systemd[1]: possync.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED"
    )
    c.a(tools=[bash(ssh + "'sudo cat /etc/possync/config.toml'")])
    c.r(
        '[vendo]\nsite = "pimenton-bristol"\napi_token = "'
        + OLD_TOKEN
        + '"\nendpoint = "https://api.vendopos.example/v2"\n\n'
        '[terminal]\nterminal_id = "TRM-20418"\nsettle_at = "23:30"\n'
    )
    c.a(
        "Found it: the Vendo API token expired at 12:40 and the sync agent gave up after five 401s. Since then "
        "nothing has been uploaded. I need a new token: Vendo portal, Settings > Integrations > API tokens, "
        '"Generate". Paste it here when you have it.'
    )
    c.u("ok hang on", gap=200)
    c.u("new one is " + NEW_TOKEN + " put it in", gap=180)
    c.a(
        "Putting it in.",
        tools=[
            bash(
                ssh + f"\"sudo sed -i 's/^api_token = .*/api_token = {NEW_TOKEN}/' /etc/possync/config.toml\""
            )
        ],
    )
    c.r("")
    c.a(tools=[bash(ssh + "'sudo systemctl restart possync'")])
    f2 = c.r(
        "Job for possync.service failed because the control process exited with error code.\n"
        'See "systemctl status possync.service" and "journalctl -xeu possync.service" for details.',
        exit_code=1,
    )
    c.a(tools=[bash(ssh + "'journalctl -u possync -n 3 --no-pager'")])
    c.r(
        "Dec 02 15:19:44 till-bo possync[2217]: ERROR config: /etc/possync/config.toml line 3: api_token must be a quoted string\n"
        "Dec 02 15:19:44 till-bo systemd[1]: possync.service: Main process exited, code=exited, status=2/INVALIDARGUMENT"
    )
    c.a(
        "My sed dropped the quotes around the token. Fixing.",
        tools=[
            bash(
                ssh
                + f'"sudo sed -i \'s/^api_token = .*/api_token = \\"{NEW_TOKEN}\\"/\' /etc/possync/config.toml && sudo systemctl restart possync && systemctl is-active possync"'
            )
        ],
    )
    ok = c.r("active")
    c.a("Running again. Watching the upload queue drain.", tools=[bash(ssh + "'possync-cli queue'")])
    c.r("pending uploads: 37 (oldest 2026-12-02 12:40:51)")
    for left in (29, 21, 12, 4):
        c.a(tools=[bash(ssh + "'sleep 60; possync-cli queue'")], gap=2.0)
        c.r(f"pending uploads: {left}", gap=61.0)
    c.a(tools=[bash(ssh + "'sleep 60; possync-cli queue'")])
    drained = c.r("pending uploads: 0 - all transactions synced", gap=61.0)
    c.a(
        "Sales are all uploaded (37 transactions from 12:40 on). Now the card terminal's pending batch.",
        tools=[bash(ssh + "'possync-cli terminal settle TRM-20418'")],
    )
    s1 = c.r(
        "settle requested for TRM-20418 batch 000412 (63 txns, £2,184.50)\n"
        "ERROR: acquirer responded HTTP 503 Service Unavailable; batch 000412 remains open"
    )
    c.a(
        "The acquirer answered 503. Trying once more in two minutes.",
        tools=[bash(ssh + "'sleep 120; possync-cli terminal settle TRM-20418'")],
    )
    s2 = c.r(
        "settle requested for TRM-20418 batch 000412 (63 txns, £2,184.50)\n"
        "ERROR: acquirer responded HTTP 503 Service Unavailable; batch 000412 remains open",
        gap=121.0,
    )
    c.a(
        tools=[
            bash(
                "curl -s https://status.vendopos.example/api/v2/summary.json | jq -r '.components[] | select(.name|test(\"Acquiring\")) | .status'"
            )
        ]
    )
    c.r("operational")
    offer = c.a(
        "Where things stand:\n\n"
        "- **Till sync: fixed.** The Vendo token had expired; new token in `/etc/possync/config.toml`, service "
        "running, the 37 queued transactions are uploaded.\n"
        "- **Card batch: still open.** Batch 000412 on TRM-20418 (63 card payments, £2,184.50) fails to settle "
        "with HTTP 503 from the acquirer, twice, although Vendo's status page says acquiring is operational. "
        "The money isn't lost, an open batch can wait a couple of days, but it needs settling.\n\n"
        "I can set up a retry every 30 minutes until it goes through, if you like."
    )
    no = c.u(
        "no don't keep hammering it, if their end is broken it'll just spam them and i don't want a locked "
        "terminal on a busy night. i'll call Vendo support tomorrow first thing with the batch number. and write "
        "down what you did with the token so next time Sol can do it without me",
        gap=300,
    )
    steps = (
        "# Rotating the Vendo API token on till-bo.local\n\n"
        "Symptom: till stops syncing; `journalctl -u possync` shows `401 Unauthorized ... token expired`.\n\n"
        "1. Vendo portal: Settings > Integrations > API tokens > Generate. Copy the token.\n"
        "2. `ssh tom@till-bo.local`\n"
        '3. `sudo nano /etc/possync/config.toml` and set `api_token = "<new token>"` (keep the quotes).\n'
        "4. `sudo systemctl restart possync && systemctl is-active possync` must print `active`.\n"
        "5. `possync-cli queue` until it says `pending uploads: 0`.\n"
        "6. Check `possync-cli token info` for the new expiry date and set a reminder a week before.\n"
    )
    c.a("No retries then. Writing the steps down.", tools=[write("docs/possync-token-rotation.md", steps)])
    doc = c.r("Successfully wrote 612 bytes to docs/possync-token-rotation.md")
    c.a(
        "Saved to `docs/possync-token-rotation.md`, six steps, with the quoting trap I fell into. I left the "
        "token itself out of it."
    )
    c.u("nice one. is that token going to die on us again then", gap=90)
    c.a(tools=[bash(ssh + "'possync-cli token info'")])
    exp = c.r("token: vpos_live_Q3nB…8uLa\nscope: sync, terminal\nissued: 2026-12-02\nexpires: 2027-03-02")
    c.a("Yes, Vendo tokens last 90 days: this one expires on 2 March 2027.")
    rq = c.u("put a reminder in for the 23rd of feb to rotate it then, and tell Sol to do it")
    c.a(
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "at": "2027-02-23T10:00:00+00:00",
                    "text": "Sol: rotate the Vendo API token (expires 2027-03-02), see docs/possync-token-rotation.md",
                },
            )
        ]
    )
    rr = c.r('{"ok":true,"id":"rem_c09a44","at":"2027-02-23T10:00:00+00:00"}')
    c.a("Reminder set for 23 February 10:00, addressed to Sol, pointing at the runbook.")
    c.u("cheers. right, back to the fryer")
    c.a("Good luck with service tonight.")
    c.item(
        "outcome",
        "possync on till-bo.local fixed: the expired Vendo API token was replaced (quoted) in /etc/possync/config.toml, the service is active and the 37 queued transactions synced.",
        [f1, f2, ok, drained],
    )
    c.item(
        "outcome",
        "Card terminal TRM-20418 batch 000412 (63 txns, £2,184.50) still open: settle fails with HTTP 503 from the acquirer.",
        [s1, s2],
        True,
    )
    c.item(
        "decision",
        "Rejected: an automatic retry of the card batch settle every 30 minutes.",
        [offer, no],
        True,
    )
    c.item("todo", "Tom calls Vendo support tomorrow morning about batch 000412 on TRM-20418.", [no])
    c.item(
        "procedure",
        "Vendo API token rotation on till-bo.local written to docs/possync-token-rotation.md: new token in the portal, quoted api_token in /etc/possync/config.toml, restart possync, watch possync-cli queue.",
        [no, doc],
    )
    c.item("fact", "The new Vendo API token expires on 2027-03-02 (tokens last 90 days).", [exp])
    c.item("todo", "Sol rotates the Vendo API token on 23 February 2027 (reminder set).", [rq, rr])
    c.canaries = [OLD_TOKEN, NEW_TOKEN]
    c.noise = [
        "Checking the service first",
        "ok hang on",
        "back to the fryer",
        "Good luck with service tonight",
    ]
    return c


# --- 05 -------------------------------------------------------------------------------------------


CHECKLIST = """AJUNTAMENT - CONTROL OFICIAL DE ESTABLECIMIENTOS DE RESTAURACIÓN
Documentación y puntos que se revisarán en la visita:

1. Registro de temperaturas de cámaras y equipos de frío (firmado)
2. Certificado de formación de manipulador de alimentos de todo el personal
3. Contrato vigente de control de plagas y últimos partes de actuación
4. Plan y registro de limpieza y desinfección
5. Información de alérgenos disponible para el cliente
6. Separador de grasas: justificante de mantenimiento o vaciado, si procede
7. Botiquín completo
"""


def c05() -> Conv:
    c = Chat(
        "05-inspeccion-sanidad",
        "2026-12-03T15:40:00",
        1,
        "whatsapp",
        sender=LUCIA_WA,
        cwd="/home/lucia/.openclaw/workspace",
    )
    insp = c.u(
        "buenas tardes oye me ha llamado la de sanidad del ayuntamiento que vienen a hacer la inspección el "
        "lunes 14 por la mañana, la lista de lo que van a mirar nos la mandaron y la guardé en "
        "docs/inspeccion-checklist.txt, mírala y dime qué nos falta. ah y hoy Iván se ha cortado con la "
        "mandolina nada grave pero se ha gastado medio botiquín"
    )
    c.a(
        "Uf, lo de Iván, menos mal que no es nada. Miro la lista.",
        tools=[read("docs/inspeccion-checklist.txt")],
    )
    c.fail(
        "ENOENT: no such file or directory, open '/home/lucia/.openclaw/workspace/docs/inspeccion-checklist.txt'"
    )
    c.a("No está con ese nombre, miro la carpeta.", tools=[bash("ls docs/")])
    c.r("alergenos-2026.pdf\ncontrato-plagas-turia.pdf\ninspeccion_checklist_2026.txt\nplan-limpieza.xlsx")
    c.a(tools=[read("docs/inspeccion_checklist_2026.txt")])
    c.r(CHECKLIST)
    c.a(
        "Es `docs/inspeccion_checklist_2026.txt`. Son 7 puntos. Lo que veo en la carpeta: alérgenos, "
        "contrato de plagas y plan de limpieza. Me faltan datos para el resto:\n\n"
        "- ¿Cómo apuntáis las temperaturas y quién firma?\n"
        "- ¿Tiene todo el mundo el certificado de manipulador al día?\n"
        "- ¿Tenéis algún papel del separador de grasas?"
    )
    u2 = c.u(
        "temperaturas las apuntamos una vez al día por la mañana en la libreta, certificados los tienen todos "
        "menos Carmen que se le caducó en octubre, plagas tenemos contrato con Desinsectaciones Túria hasta "
        "marzo y lo de la grasa ni idea",
        gap=120,
    )
    c.a(
        "Una lectura al día se queda corta: lo habitual es dos, apertura y tarde, y que quede firmada. Y Carmen "
        "tiene que renovar el certificado antes de la visita; hay cursos online de un día con certificado al "
        "momento."
    )
    rule = c.u(
        "vale pues desde hoy se apuntan dos veces al día a las 10 y a las 18, cámaras y arcones, y lo firma "
        "quien esté de encargado ese turno. lo de Carmen que lo haga antes del 10 que le pago yo el curso"
    )
    c.a("Perfecto. ¿Te pongo un recordatorio para repasarlo todo antes del lunes 14?")
    rq = c.u("sí el domingo 13 a las 20 que estaré en casa")
    c.a(
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "at": "2026-12-13T20:00:00+01:00",
                    "text": "Repasar la checklist de la inspección de sanidad (lunes 14)",
                },
            )
        ]
    )
    rr = c.r('{"ok":true,"id":"rem_3b80d2","at":"2026-12-13T20:00:00+01:00"}')
    c.a("Puesto: domingo 13 a las 20:00.")
    q = c.u(
        "lo del separador de grasas no sé si necesitamos papel, dice si procede y yo qué sé si procede, eso se "
        "lo pregunto a la gestoría mañana. y el botiquín lo repone Marcos mañana que pasa por la farmacia"
    )
    c.a(
        "Vale, queda pendiente lo de la grasa hasta que te conteste la gestoría. Para el botiquín: vendas, "
        "gasas, apósitos, esparadrapo, guantes y antiséptico, es lo que más se gasta con un corte."
    )
    c.u("gracias guapa")
    c.a("De nada, Lucía. Que vaya bien el servicio.")
    c.item("fact", "Inspección de sanidad del ayuntamiento el lunes 14 de diciembre por la mañana.", [insp])
    c.item(
        "fact",
        "Regla desde hoy: temperaturas de cámaras y arcones dos veces al día, a las 10 y a las 18, firmadas por el encargado del turno.",
        [rule],
        True,
    )
    c.item(
        "todo",
        "Carmen renueva el certificado de manipuladora de alimentos antes del 10 de diciembre (curso pagado por Lucía).",
        [u2, rule],
    )
    c.item(
        "todo",
        "Recordatorio: repasar la checklist de la inspección el domingo 13 de diciembre a las 20:00.",
        [rq, rr],
    )
    c.item(
        "open_question",
        "¿Hace falta justificante del separador de grasas? Lucía lo pregunta mañana a la gestoría.",
        [q],
    )
    c.item("todo", "Marcos repone el botiquín mañana.", [q])
    c.noise = ["menos mal que no es nada", "Que vaya bien el servicio", "gracias guapa"]
    return c


# --- 06 -------------------------------------------------------------------------------------------


VENTES = """article;unites;prix
Pintxos du jour;1840;3,50
Jamón ibérico (assiette);410;16,00
Croquetas (6);690;8,00
Pimientos de Padrón;520;6,50
Patatas bravas;880;6,00
Verre de vin rouge;1320;5,00
Verre de vin blanc;760;5,00
Churros chocolat;230;6,00
"""


def c06() -> Conv:
    c = Chat(
        "06-hausse-des-prix",
        "2026-12-01T10:15:00",
        1,
        "telegram",
        sender=CLAIRE_TG,
        cwd="/home/claire/.openclaw/workspace",
    )
    c.u(
        "salut, bon il faut qu'on augmente les prix, le fournisseur de charcuterie a pris 12 % en novembre et "
        "l'électricité n'en parlons pas. tu peux regarder les ventes du mois dans ventes/novembre.csv et me "
        "proposer un truc"
    )
    c.a("Salut Claire. Je regarde novembre.", tools=[read("ventes/novembre.csv")])
    c.r(VENTES)
    a2 = c.a(
        "Deux pistes :\n\n"
        "1. **+5 % sur toute la carte** : simple, environ +1 900 € par mois aux volumes de novembre.\n"
        "2. **Hausse ciblée de 0,50 €** sur les six articles qui tirent le chiffre (pintxos, jamón, croquetas, "
        "pimientos, bravas, verres de vin) : environ +1 400 € par mois, et le reste de la carte ne bouge pas.\n\n"
        "Je pencherais pour la 2, les clients remarquent moins une hausse sur quelques lignes."
    )
    u2 = c.u(
        "le ciblé oui mais 0,80 sur les pintxos vu qu'on en vend des tonnes, et les vins au verre on n'y touche "
        "pas, les gens comparent avec le bar d'en face"
    )
    a3 = c.a(
        "Donc : pintxos +0,80 € (4,30 €), jamón, croquetas, pimientos et bravas +0,50 €, vins au verre "
        "inchangés. Ça fait environ +1 600 € par mois. Ça te va ?"
    )
    u3 = c.u("parfait")
    c.a(
        "Je l'écris.",
        tools=[
            write(
                "prix/carte-decembre.md",
                "# Prix à partir de décembre\n\n- Pintxos du jour : 4,30 €\n- Jamón ibérico (assiette) : 16,50 €\n"
                "- Croquetas (6) : 8,50 €\n- Pimientos de Padrón : 7,00 €\n- Patatas bravas : 6,50 €\n"
                "- Verres de vin : inchangés (5,00 €)\n",
            )
        ],
    )
    w = c.r("Successfully wrote 221 bytes to prix/carte-decembre.md")
    c.a("C'est dans `prix/carte-decembre.md`.")
    td = c.u(
        "super. Julien met les nouveaux prix dans la caisse lundi matin avant le service, et l'ardoise c'est "
        "l'imprimerie Duval qui la refait comme d'hab, ils ont le fichier",
        gap=90,
    )
    c.a("Noté pour Julien lundi et pour Duval.")
    c.u(
        "ah et retiens-moi le code de l'alarme du local c'est 4417 2093, comme ça si je l'oublie tu me le redis"
    )
    c.a(
        "Je préfère ne pas garder un code d'alarme dans mes notes : elles sont en clair et je les relis dans "
        "d'autres conversations. Mets-le dans ton gestionnaire de mots de passe, c'est plus sûr."
    )
    c.u("ok t'as raison je le mets dans bitwarden")
    q = c.u(
        "et le menu du midi à 14,90, on le monte aussi ? j'hésite, c'est ce qui ramène les gens des bureaux",
        gap=60,
    )
    c.a(
        "Le menu du midi est un produit d'appel : à 14,90 il est sous les 15 €, ce qui compte pour les tickets "
        "resto. Si tu le montes, 15,50 semble un palier raisonnable, mais ce n'est pas urgent."
    )
    defer = c.u("je vais y réfléchir, on en reparle la semaine prochaine")
    c.a("Ça marche, on en reparle.")
    c.item(
        "decision",
        "Hausse ciblée des prix : pintxos +0,80 € (4,30 €), jamón, croquetas, pimientos et patatas bravas +0,50 €.",
        [a2, u2, a3, u3],
        True,
    )
    c.item(
        "decision",
        "Rejected : pas de hausse sur les vins au verre (les clients comparent avec le bar d'en face).",
        [a2, u2],
        True,
    )
    c.item("outcome", "Nouveaux prix écrits dans prix/carte-decembre.md.", [w])
    c.item("todo", "Julien saisit les nouveaux prix dans la caisse lundi matin avant le service.", [td])
    c.item("fact", "L'ardoise est refaite par l'imprimerie Duval.", [td])
    c.item(
        "open_question",
        "Augmenter aussi le menu du midi à 14,90 € ? Claire y réfléchit, à reparler la semaine prochaine.",
        [q, defer],
    )
    c.canaries = ["4417 2093"]
    c.noise = ["Je regarde novembre", "t'as raison je le mets dans bitwarden", "Ça marche, on en reparle"]
    return c


# --- 07 -------------------------------------------------------------------------------------------


HENDERSONS = """# Henderson retirement party - Fri 16 Oct 2026

- 25 guests, back room, 19:00-23:30
- Set menu £38 pp: 9 sharing tapas, jamón board, churros
- Deposit 30% (paid 2 Oct), balance on the night
- Notes: ran over onto the main floor, regular service suffered. Cake brought in by the family (Raúl sorted it).
"""


def c07() -> Conv:
    c = Chat(
        "07-okafor-private-party",
        "2026-12-03T11:20:00",
        0,
        "whatsapp",
        sender=TOM_WA,
        cwd="/home/tom/.openclaw/workspace",
    )
    c.u(
        "hiya, got an enquiry from a Mrs Okafor, her 50th, 30 people, saturday 19th december evening, wants "
        "the back room and a set menu. can you put a couple of menu options together with a price per head, we "
        "did something like it for the Hendersons in october it's in events somewhere"
    )
    c.a(tools=[bash("ls events/")])
    c.r("hendersons-2026-10.md\nsmith-christening-2026-06.md")
    c.a(tools=[read("events/hendersons-2026-10.md")])
    c.r(HENDERSONS)
    a2 = c.a(
        "Based on the Hendersons (£38 pp for 25), two options for 30 guests:\n\n"
        "- **Option A, £35 pp**: 8 sharing tapas and churros for dessert.\n"
        "- **Option B, £42 pp**: 10 sharing tapas, a carved jamón board, a glass of cava on arrival, churros.\n\n"
        "Deposit 30% like last time: £315 for A, £378 for B."
    )
    u2 = c.u(
        "the cheaper one, she said budget's tight. deposit 30% yeah, and she pays it by the 10th or we "
        "release the room, I've had people ghost me before"
    )
    c.a(
        "Pencilling it in.",
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "title": "Okafor 50th - back room, 30 pax, set menu A £35pp",
                    "start": "2026-12-19T19:00:00+00:00",
                    "end": "2026-12-19T23:30:00+00:00",
                    "calendar": "Events",
                },
            )
        ],
    )
    cal = c.r('{"ok":true,"eventId":"evt_5kq81z","calendar":"Events","start":"2026-12-19T19:00:00Z"}')
    c.a(
        "In the Events calendar: Sat 19 Dec, 19:00-23:30, back room, 30 guests, option A. Deposit £315 by "
        "10 December. Shall I draft the reply to her?"
    )
    q = c.u(
        "yes draft it. oh and she asked if they can bring their own cake, no idea what we charged the "
        "hendersons for that, I'll ask Raúl he sorted it last time. leave that bit vague",
        gap=80,
    )
    c.a(
        tools=[
            write(
                "drafts/okafor-reply.md",
                "Dear Mrs Okafor,\n\nThank you for thinking of Pimentón for your 50th. We'd be glad to host 30 guests in "
                "our back room on Saturday 19 December from 7pm to 11:30pm, with our set menu at £35 per head "
                "(8 sharing tapas and churros).\n\nTo hold the room we ask for a 30% deposit, £315, by Thursday "
                "10 December. About the cake: let me check and come back to you in a day or two.\n\nBest wishes,\nTom\n",
            )
        ]
    )
    dr = c.r("Successfully wrote 402 bytes to drafts/okafor-reply.md")
    c.a("Draft in `drafts/okafor-reply.md`, cake left open for now.")
    rule = c.u(
        "good. and going forward never take private bookings on fridays, the hendersons one on a friday "
        "wrecked the regular service"
    )
    c.a("Understood: no private bookings on Fridays from now on.")
    c.u("ta")
    c.a("Anytime, Tom.")
    c.item(
        "decision",
        "Okafor 50th (Sat 19 Dec, 30 guests, back room): set menu option A at £35 pp (8 sharing tapas and churros).",
        [a2, u2],
        True,
    )
    c.item(
        "todo", "Mrs Okafor pays the 30% deposit (£315) by 10 December, or the back room is released.", [u2]
    )
    c.item(
        "outcome",
        "Okafor party in the Events calendar: Sat 19 Dec 19:00-23:30, back room (evt_5kq81z).",
        [cal],
    )
    c.item("open_question", "Can Mrs Okafor bring her own cake, and what do we charge? Tom asks Raúl.", [q])
    c.item(
        "fact", "Rule: never take private bookings on Fridays (they wreck the regular service).", [rule], True
    )
    c.item(
        "outcome",
        "Reply to Mrs Okafor drafted in drafts/okafor-reply.md (menu A, £315 deposit by 10 December, cake question left open).",
        [dr],
    )
    c.noise = ["Pencilling it in", "Anytime, Tom", "Shall I draft the reply to her"]
    return c


# --- 08 -------------------------------------------------------------------------------------------

HUB_KEY = "tk_hub_5Xq9Lm2Vd8RpW3"


def c08() -> Conv:
    c = Chat(
        "08-camara-carne-averiada",
        "2026-12-08T08:20:00",
        1,
        "telegram",
        sender=LUCIA_TG,
        cwd="/home/lucia/.openclaw/workspace",
    )
    c.u(
        "madre mía Marcos me acaba de decir que la cámara de la carne marca 9 grados y la alarma ha sonado a "
        "las 6 pero claro no había nadie, mira el sensor ese que tú tienes acceso al hub de temperaturas a ver "
        "desde cuándo está así y dime si hay que tirar cosas, yo voy para allá en el coche"
    )
    c.a("Voy. Miro el sensor de la cámara de carne.", tools=[bash("tempctl read camara-carne")])
    f1 = c.r("tempctl: cannot connect to hub at hub.local:8081: connection refused", exit_code=2)
    c.a(tools=[bash("getent hosts hub.local")])
    c.r("", exit_code=2)
    c.a("hub.local no resuelve. Miro la configuración.", tools=[read("/home/lucia/.config/tempctl.toml")])
    c.r(
        f'# hub de sensores de la cocina (IP fija 192.168.1.40)\nhub = "hub.local:8081"\napi_key = "{HUB_KEY}"\nunits = "C"\n'
    )
    c.a(tools=[bash("tempctl --hub 192.168.1.40:8081 read camara-carne --since 00:00")])
    c.r(
        "camara-carne  00:00  2.9 C\ncamara-carne  02:00  3.1 C\ncamara-carne  04:00  4.0 C\n"
        "camara-carne  05:40  6.2 C\ncamara-carne  06:00  7.5 C  ALARM\ncamara-carne  08:00  8.6 C  ALARM\n"
        "camara-carne  09:10  9.1 C  ALARM"
    )
    a4 = c.a(
        "Ha empezado a subir sobre las 4. Está por encima de 8 °C desde antes de las 8, así que lleva más de "
        "una hora, y por encima de 5 °C desde las 5:40.\n\n"
        "Mi propuesta: lo más delicado (nata, marisco, carne picada) a la basura, que ha pasado demasiado rato "
        "fuera de frío; las piezas enteras (chuletones, presa, secreto) al arcón de abajo y a las neveras de la "
        "barra, que aguantan. ¿Lo hacemos así?"
    )
    u2 = c.u(
        "vale así, la nata el marisco y la picada a la basura ya, los chuletones y la presa al arcón y el "
        "secreto a la nevera de la barra. ya he llamado a Frío Levante y viene un técnico mañana a las 8",
        gap=150,
    )
    c.a("De acuerdo. ¿Quieres que vigile si baja la temperatura?")
    c.u("sí mira cada rato que Marcos ha apagado y encendido el equipo a ver si arranca")
    poll = "sleep 300; tempctl --hub 192.168.1.40:8081 read camara-carne --last"
    c.a("Miro cada cinco minutos.", tools=[bash(poll)])
    c.r("camara-carne  09:31  9.3 C  ALARM", gap=300.0)
    for t, v in (("09:36", "9.4"), ("09:41", "9.2"), ("09:46", "9.2")):
        c.a(tools=[bash(poll)], gap=2.0)
        c.r(f"camara-carne  {t}  {v} C  ALARM", gap=300.0)
    c.a(tools=[bash(poll)], gap=2.0)
    c.r("WARN camara-carne: stale reading (last update 09:46), sensor not reporting", gap=300.0)
    c.a("El sensor no ha mandado lectura nueva. Repito.", tools=[bash(poll)])
    c.r("camara-carne  09:57  9.5 C  ALARM", gap=300.0)
    for t, v in (("10:02", "9.4"), ("10:07", "9.5")):
        c.a(tools=[bash(poll)], gap=2.0)
        c.r(f"camara-carne  {t}  {v} C  ALARM", gap=300.0)
    c.a(tools=[bash(poll)], gap=2.0)
    last = c.r("camara-carne  10:12  9.5 C  ALARM", gap=300.0)
    c.a(
        "Cuarenta minutos después del reinicio no baja: 9,5 °C a las 10:12. El equipo no está "
        "enfriando: parece el compresor, que no arranca. Esto ya es cosa del técnico."
    )
    rem = c.u(
        "vale deja de mirar que no hay manera, mañana el técnico. y apúntate que el número de contrato de "
        "mantenimiento de Frío Levante es FL-2291-V que siempre me lo piden y nunca lo encuentro",
        gap=120,
    )
    c.a(
        "Apuntado: contrato de mantenimiento de Frío Levante FL-2291-V. Por cierto, lo de hub.local falla "
        "siempre; ¿cambio la configuración para que use la IP fija 192.168.1.40?"
    )
    c.u("sí cámbialo")
    c.a(
        tools=[
            edit("/home/lucia/.config/tempctl.toml", 'hub = "hub.local:8081"', 'hub = "192.168.1.40:8081"')
        ]
    )
    c.r("Successfully replaced text in /home/lucia/.config/tempctl.toml.")
    c.a(tools=[bash("tempctl read camara-carne --last")])
    fixed = c.r("camara-carne  10:18  9.6 C  ALARM")
    c.a("Listo: `tempctl` ya va directo a 192.168.1.40:8081 sin el `--hub`.")
    c.u("gracias, qué mañana llevamos")
    c.a("Vaya mañana, sí. Ánimo, que mañana a las 8 viene el técnico.")
    c.item(
        "decision",
        "Cámara de carne averiada: nata, marisco y carne picada a la basura; chuletones y presa al arcón, el secreto a la nevera de la barra.",
        [a4, u2],
        True,
    )
    c.item(
        "todo",
        "Un técnico de Frío Levante viene mañana (9 de diciembre) a las 8:00 a revisar la cámara de carne.",
        [u2],
    )
    c.item(
        "outcome",
        "La cámara de carne sigue sin enfriar tras reiniciar el equipo: 9,5 °C a las 10:12, el compresor no arranca.",
        [last, rem],
        True,
    )
    c.item("fact", "Contrato de mantenimiento de Frío Levante: FL-2291-V.", [rem], True)
    c.item(
        "outcome",
        "tempctl apunta ahora al hub por IP fija (192.168.1.40:8081) en ~/.config/tempctl.toml, porque hub.local no resuelve.",
        [f1, fixed],
    )
    c.canaries = [HUB_KEY]
    c.noise = ["Miro cada cinco minutos", "qué mañana llevamos", "Vaya mañana"]
    return c


# --- 09 -------------------------------------------------------------------------------------------

INDEED_PW = "Comptoir!Lyon69"


def c09() -> Conv:
    c = Chat(
        "09-recrutement-cuisinier",
        "2026-12-03T14:35:00",
        1,
        "whatsapp",
        sender=CLAIRE_WA,
        cwd="/home/claire/.openclaw/workspace",
    )
    c.u(
        "coucou, bon Mathieu part fin décembre, il a trouvé à Annecy, il faut recruter un cuisinier. tu peux me "
        "faire une annonce ? CDI 35h, 2 100 € net, du mardi au samedi, coupure l'après-midi, expérience en "
        "cuisine espagnole un plus. on la met sur Indeed, le compte c'est recrutement@lecomptoir-lyon.fr et le "
        f"mot de passe {INDEED_PW} si jamais tu peux la poster toi-même"
    )
    ad = (
        "# Cuisinier / Cuisinière (H/F) - Le Comptoir, Lyon 7e\n\n"
        "Bar à tapas, équipe de 9. CDI 35 h, du mardi au samedi, coupure l'après-midi.\n"
        "Salaire : 2 100 € net par mois.\n"
        "Vous aimez la cuisine de partage ; une expérience en cuisine espagnole est un plus.\n"
        "Prise de poste : janvier 2027.\n"
    )
    c.a(
        "Je ne me connecte pas à des comptes avec un mot de passe envoyé dans le chat, je te laisse la poster. "
        "Voici l'annonce.",
        tools=[write("annonces/cuisinier-2026-12.md", ad)],
    )
    w = c.r("Successfully wrote 318 bytes to annonces/cuisinier-2026-12.md")
    a2 = c.a(
        "L'annonce est dans `annonces/cuisinier-2026-12.md` (CDI 35 h, 2 100 € net, mardi-samedi). "
        "On la met seulement sur Indeed, ou aussi sur Hellowork ?"
    )
    u2 = c.u(
        "seulement Indeed, l'an dernier sur Hellowork on n'a eu que des saisonniers qui partaient au bout d'un mois"
    )
    c.a("D'accord, Indeed seulement.")
    c.u(
        "en fait j'ai déjà deux candidats par le bouche-à-oreille, Karim qui fait des extras chez Paul Bocuse, "
        "libre en janvier mais il veut 39h, et Sophie qui a fait six ans chez un traiteur à Villeurbanne, elle "
        "faisait leurs buffets espagnols, libre dès le 4 janvier et les 35h lui vont. tu me fais un petit "
        "comparatif ?",
        gap=400,
    )
    a3 = c.a(
        "Voilà :\n\n"
        "| | Karim | Sophie |\n|---|---|---|\n"
        "| Expérience | extras en gastronomique | 6 ans de traiteur, gros volumes |\n"
        "| Disponibilité | janvier, veut 39 h | dès le 4 janvier, OK 35 h |\n"
        "| Tapas / espagnol | peu | a fait des buffets espagnols |\n\n"
        "Sophie colle mieux au poste et au contrat. Je ferais un essai avec elle d'abord."
    )
    u4 = c.u("oui on fait l'essai avec Sophie d'abord, mardi 8 à 10h, et Karim seulement si ça marche pas")
    c.a(
        tools=[
            (
                "calendar",
                {
                    "action": "create",
                    "title": "Essai cuisine - Sophie",
                    "start": "2026-12-08T10:00:00+01:00",
                    "end": "2026-12-08T15:00:00+01:00",
                },
            )
        ]
    )
    cal = c.r('{"ok":true,"eventId":"evt_q2m7d0","start":"2026-12-08T09:00:00Z"}')
    c.a("Essai de Sophie calé mardi 8 décembre, 10 h-15 h.")
    rule = c.u(
        "et note bien chez nous c'est toujours des CDI 35h et jamais d'heures sup non déclarées, même pendant "
        "les fêtes, je veux pas d'histoire avec l'inspection du travail. dis-le à Sophie si elle demande"
    )
    c.a("Noté : toujours en CDI 35 h, jamais d'heures supplémentaires non déclarées, fêtes comprises.")
    c.a("Et l'annonce, tu la publies quand même en attendant l'essai ?", gap=20.0)
    post = c.u("oui je la poste ce soir au cas où")
    c.a("Très bien.")
    c.u("merci bisous")
    c.a("Bonne fin de journée, Claire.")
    c.item(
        "outcome",
        "Annonce de cuisinier (CDI 35 h, 2 100 € net, mardi-samedi) écrite dans annonces/cuisinier-2026-12.md.",
        [w],
    )
    c.item(
        "decision",
        "L'annonce de cuisinier est publiée seulement sur Indeed, pas sur Hellowork.",
        [a2, u2],
        True,
    )
    c.item(
        "decision",
        "Recrutement cuisinier : essai avec Sophie d'abord, Karim seulement si ça ne marche pas.",
        [a3, u4],
        True,
    )
    c.item("todo", "Essai de Sophie en cuisine mardi 8 décembre à 10 h.", [u4, cal])
    c.item(
        "fact",
        "Règle : toujours des CDI 35 h, jamais d'heures supplémentaires non déclarées, même pendant les fêtes.",
        [rule],
        True,
    )
    c.item("todo", "Claire publie l'annonce sur Indeed ce soir.", [post])
    c.canaries = [INDEED_PW]
    c.noise = ["merci bisous", "Bonne fin de journée, Claire", "tu me fais un petit comparatif"]
    return c


# --- 10 -------------------------------------------------------------------------------------------

IBF_KEY = "ibf_sk_7Hq2Nw9Lp4XcR8tV"
COUNT = """item,unit,on_hand
chorizo (1kg),pc,4
jamón serrano (leg),pc,1
manchego (3kg wheel),pc,2
piquillo peppers (tin),tin,9
olive oil (5l),tin,3
baguette,pc,0
sourdough,pc,0
"""
PARS = """item,unit,par,supplier
chorizo (1kg),pc,6,Iberica Foods
jamón serrano (leg),pc,2,Iberica Foods
manchego (3kg wheel),pc,3,Iberica Foods
piquillo peppers (tin),tin,12,Iberica Foods
olive oil (5l),tin,4,Iberica Foods
baguette,pc,60,Marsh Lane Bakery
sourdough,pc,20,Marsh Lane Bakery
"""


def c10() -> Conv:
    c = Chat(
        "10-weekly-order-iberica",
        "2026-12-04T16:10:00",
        0,
        "telegram",
        sender=TOM_TG,
        cwd="/home/tom/.openclaw/workspace",
    )
    c.u(
        "right weekly order time, the count's in stock/count-2026-12-04.csv and pars in stock/pars.csv, do me "
        "the order for Iberica Foods and the bread, deliveries tuesday. Kasia did the count so blame her if "
        "it's wonky"
    )
    c.a(tools=[read("stock/count-2026-12-04.csv"), read("stock/pars.csv")])
    c.r(COUNT)
    c.r(PARS)
    a3 = c.a(
        "Order for Tuesday 8 December, topping up to par:\n\n"
        "**Iberica Foods**: chorizo 2, jamón serrano 1 leg, manchego 1 wheel, piquillos 3 tins, olive oil 1 tin.\n"
        "**Marsh Lane Bakery**: 60 baguettes, 20 sourdough.\n\n"
        "By the way, Hartley's quoted 8p less per loaf than Marsh Lane last week. Want me to move the bread to "
        "Hartley's?"
    )
    cor = c.u(
        "chorizo par is 10 not 6, we put it up when the chorizo croquetas went on, fix the pars file. and go on "
        "then, Hartley's, but only the baguettes, the sourdough stays with Marsh Lane theirs is miles better",
        gap=90,
    )
    c.a(
        "Fixing the par: chorizo to 10, so 6 to order.",
        tools=[
            edit("stock/pars.csv", "chorizo (1kg),pc,6,Iberica Foods", "chorizo (1kg),pc,10,Iberica Foods")
        ],
    )
    e1 = c.r("Successfully replaced text in stock/pars.csv.")
    c.a(
        tools=[
            write(
                "orders/2026-12-08-iberica.csv",
                "item,qty\nchorizo (1kg),6\njamón serrano (leg),1\nmanchego (3kg wheel),1\npiquillo peppers (tin),3\nolive oil (5l),1\n",
            )
        ]
    )
    c.r("Successfully wrote 104 bytes to orders/2026-12-08-iberica.csv")
    c.a(
        "Submitting to the Iberica portal.",
        tools=[
            bash(
                "curl -s -X POST https://portal.ibericafoods.example/api/orders "
                f'-H "Authorization: Bearer {IBF_KEY}" -H "Content-Type: text/csv" '
                "--data-binary @orders/2026-12-08-iberica.csv"
            )
        ],
    )
    bad = c.r('{"error":"unauthorized","message":"API key revoked","request_id":"req_91c2f7"}')
    c.a(
        "The portal refused the order: it says the API key has been revoked, so nothing was placed. I can't "
        "make a new key from here. Either you generate one in the portal, or I email the order to them."
    )
    td = c.u(
        "just email it to orders@ibericafoods.example like the old days, I'll sort the portal key out with "
        "Nacho when he's in on monday"
    )
    c.a(
        tools=[
            bash(
                "mail -s 'Pimentón order for Tue 8 Dec' -A orders/2026-12-08-iberica.csv "
                "orders@ibericafoods.example < drafts/iberica-order-body.txt"
            )
        ]
    )
    mf = c.r("bash: drafts/iberica-order-body.txt: No such file or directory", exit_code=1)
    c.a(
        "I forgot to write the body first. Writing it and sending.",
        tools=[
            write(
                "drafts/iberica-order-body.txt",
                "Hi,\n\nPlease find attached our order for delivery on Tuesday 8 December.\nOur portal key stopped "
                "working; Tom will sort it with Nacho on Monday.\n\nThanks,\nTom Hadley\nPimentón\n",
            ),
            bash(
                "mail -s 'Pimentón order for Tue 8 Dec' -A orders/2026-12-08-iberica.csv "
                "orders@ibericafoods.example < drafts/iberica-order-body.txt && echo sent"
            ),
        ],
    )
    c.r("Successfully wrote 171 bytes to drafts/iberica-order-body.txt")
    sent = c.r("sent")
    c.a(
        "Iberica order emailed with the CSV attached. Now Hartley's: here's a draft.\n\n"
        "> Hi, we'd like to start taking our baguettes from you: 60 for Tuesday 8 December, then weekly on "
        "Tuesdays, at the price you quoted. Thanks, Tom, Pimentón\n\n"
        "Send it to orders@hartleysbakery.example?"
    )
    c.u("send it")
    c.a(
        tools=[
            bash(
                "printf 'Hi,\\n\\nWe would like to start taking our baguettes from you: 60 for Tuesday 8 December, then "
                "weekly on Tuesdays, at the price you quoted.\\n\\nThanks,\\nTom, Pimentón\\n' | mail -s 'Baguettes from "
                "Tue 8 Dec' orders@hartleysbakery.example && echo sent"
            )
        ]
    )
    h = c.r("sent")
    tell = c.a(
        "Sent to Hartley's. Marsh Lane still gets the 20 sourdough; want me to tell them the baguettes are moving?"
    )
    pete = c.u(
        "no i'll tell Pete on the phone, he'll take it better. how many baguettes do we actually get through a week"
    )
    c.a("About 60 a week on the last four counts, a bit more in the week of the Christmas parties.")
    c.u("cool cheers")
    c.a("Cheers, Tom.")
    c.item(
        "fact",
        "Chorizo par level is 10, not 6 (raised when the chorizo croquetas went on); fixed in stock/pars.csv.",
        [cor, e1],
        True,
    )
    c.item(
        "decision",
        "Baguettes move to Hartley's (8p cheaper per loaf); the sourdough stays with Marsh Lane Bakery.",
        [a3, cor],
        True,
    )
    c.item(
        "outcome",
        "The Iberica portal API rejected the order: API key revoked; the portal key is still to be replaced.",
        [bad],
        True,
    )
    c.item(
        "outcome",
        "Iberica order for Tuesday 8 December (orders/2026-12-08-iberica.csv) sent by email to orders@ibericafoods.example.",
        [bad, mf, sent],
    )
    c.item("todo", "Tom sorts out a new Iberica portal API key with Nacho on Monday.", [td])
    c.item(
        "outcome",
        "Email sent to orders@hartleysbakery.example: 60 baguettes for Tuesday 8 December, then weekly.",
        [h],
    )
    c.item(
        "decision",
        "Rejected: the agent telling Marsh Lane Bakery about the baguettes; Tom tells Pete by phone.",
        [tell, pete],
        True,
    )
    c.canaries = [IBF_KEY]
    c.noise = [
        "Submitting to the Iberica portal",
        "how many baguettes do we actually get through a week",
        "cool cheers",
    ]
    return c


# --- 11 -------------------------------------------------------------------------------------------


def c11() -> Conv:
    c = Chat(
        "11-martes-lluvia-chat",
        "2026-12-01T21:40:00",
        1,
        "whatsapp",
        sender=LUCIA_WA,
        cwd="/home/lucia/.openclaw/workspace",
    )
    c.u(
        "qué noche más tonta, martes y lloviendo a mares, dos mesas y una de ellas era mi cuñado que no paga "
        "jaja. estoy en la barra mirando la lluvia"
    )
    c.a("Vaya noche. Los martes de lluvia son así, a ver si por lo menos tu cuñado dejó propina.")
    c.u("qué va jajaja. oye cuántos días quedan para nochebuena que ya no sé ni en qué día vivo")
    c.a("Hoy es martes 1 de diciembre, así que quedan 23 días para Nochebuena.")
    c.u("23 madre mía. el año pasado a estas alturas ya no cabía un alfiler con las cenas de empresa")
    c.a(
        "Diciembre suele arrancar flojo y coger ritmo a partir del puente. Las cenas de empresa se concentran "
        "en las dos semanas antes de Navidad."
    )
    c.u(
        "ya, eso espero. oye y una serie para ver cuando llegue a casa, algo que no sea de cocineros que ya tengo bastante"
    )
    c.a(
        'Algo ligero y nada de cocinas: "Slow Horses" si te van los espías con humor, o "Los años nuevos" si '
        "prefieres algo tranquilo y en castellano."
    )
    c.u("la de espías, a Pepe le gustará. bueno voy a ir recogiendo")
    c.a("Buena idea. Que descanses, Lucía.")
    c.u("buenas noches")
    c.a("Buenas noches.")
    c.noise = [
        "qué noche más tonta",
        "quedan 23 días para Nochebuena",
        "una serie para ver cuando llegue a casa",
        "Que descanses, Lucía",
        "voy a ir recogiendo",
    ]
    return c


# --- 12 -------------------------------------------------------------------------------------------

CHRISTMAS_2025 = """# Christmas 2025

- 24 Dec: lunch only, 12:00-16:00. Busy: £3.1k, full from 12:30.
- 25-26 Dec: closed.
- 31 Dec: open till 00:30 under a TEN (submitted 8 Dec, council wants 10 working days). Sold out.
"""


def c12() -> Conv:
    c = Chat(
        "12-christmas-hours",
        "2026-12-03T21:50:00",
        0,
        "telegram",
        sender=TOM_TG,
        cwd="/home/tom/.openclaw/workspace",
    )
    nye = c.u(
        "evening, need to sort the christmas hours. i'm thinking closed 24th to 26th this year and new year's "
        "eve open till 1am. what did we do last year, it's in notes/christmas-2025.md"
    )
    c.a(tools=[read("notes/christmas-2025.md")])
    c.r(CHRISTMAS_2025)
    a2 = c.a(
        "Last year you opened the 24th for lunch only (12-16) and it took £3.1k, full from 12:30; closed 25-26; "
        "NYE till 00:30 under a Temporary Event Notice.\n\n"
        "So for the 24th:\n"
        "- **A**: closed 24-26, as you said\n"
        "- **B**: lunch 12-16 on the 24th, closed 25-26, like last year\n\n"
        "I'd go B, that lunch was one of the best shifts of the month."
    )
    c.u("nah closed, the staff deserve a proper christmas eve. A")
    c.a(
        "A it is. For NYE till 1am you'll need a TEN again: last year's note says the council wants 10 working "
        "days' notice."
    )
    ten = c.u("yeah I'll submit the TEN by the 11th, remind me on the 9th at 10")
    c.a(
        tools=[
            (
                "reminders",
                {
                    "action": "add",
                    "at": "2026-12-09T10:00:00+00:00",
                    "text": "Submit the Temporary Event Notice for NYE (open till 1am) - deadline 11 Dec",
                },
            )
        ]
    )
    rr = c.r('{"ok":true,"id":"rem_41de9b","at":"2026-12-09T10:00:00+00:00"}')
    c.a("Reminder set for Wednesday 9 December at 10:00.")
    c.u("cheers. how's the weather looking for the weekend, the terrace heaters are a faff")
    c.a("Cold and dry: around 4 °C on Saturday evening, no rain forecast. Heaters weather, sorry.")
    rev = c.u(
        "ok change of plan on the 24th, talked to the team at briefing and Sol and Deniz actually want the lunch "
        "for the double pay, so do B after all, 12 till 4 on the 24th, the two of them plus me",
        gap=900,
    )
    ack = c.a(
        "Switched: 24 December lunch 12:00-16:00 with Sol, Deniz and you, closed 25 and 26. Want me to update "
        "the Google Business listing with the holiday hours?"
    )
    c.u("yes do it, the gbp thing is set up on the laptop")
    c.a(
        tools=[
            bash(
                "gbp hours special --location pimenton-bristol --date 2026-12-24 --open 12:00 --close 16:00 && "
                "gbp hours special --location pimenton-bristol --date 2026-12-25 --closed && "
                "gbp hours special --location pimenton-bristol --date 2026-12-26 --closed && "
                "gbp hours special --location pimenton-bristol --date 2026-12-31 --open 12:00 --close 01:00"
            )
        ]
    )
    g1 = c.r(
        "error: not authenticated (token expired 2026-11-20). Run `gbp auth login` in a browser session.",
        exit_code=1,
    )
    c.a(
        "The listing tool's login expired on 20 November and it needs a browser sign-in, which I can't do from "
        "here. Nothing was changed on the listing."
    )
    g2 = c.u("leave it, I'll do it on my phone tomorrow")
    c.a("OK. The hours to enter: 24 Dec 12-16, 25 and 26 closed, 31 Dec till 1am.")
    c.u("night")
    c.a("Night, Tom.")
    c.item(
        "decision",
        "Christmas hours: 24 December lunch only 12:00-16:00 (Sol, Deniz and Tom), closed 25 and 26 December.",
        [a2, rev, ack],
        True,
    )
    c.item("decision", "New Year's Eve: open until 1am.", [nye], True)
    c.item(
        "todo",
        "Tom submits the Temporary Event Notice for NYE by 11 December (reminder on 9 December at 10:00).",
        [ten, rr],
    )
    c.item(
        "outcome",
        "Google Business listing not updated with the holiday hours: gbp is not authenticated (token expired 2026-11-20); Tom will do it on his phone tomorrow.",
        [g1, g2],
        True,
    )
    c.noise = ["how's the weather looking for the weekend", "Heaters weather, sorry", "Night, Tom"]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12]

if __name__ == "__main__":
    main(CONVS, HERE)
