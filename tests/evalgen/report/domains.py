"""Topic domains of the gen-report split: legal, home, finance, research (none is in gen-tune)."""

from __future__ import annotations

from ..core import ChoiceSet, Domain

LEGAL = Domain(
    name="legal",
    cwd="/home/ines/.openclaw/workspace",
    choices=(
        ChoiceSet(
            {
                "en": "Governing law for the Brightline NDA",
                "de": "Anwendbares Recht für das Brightline-NDA",
                "es": "Ley aplicable al NDA con Brightline",
                "fr": "Droit applicable au NDA Brightline",
            },
            (
                ("German law, courts of Munich", "no extra cost", "our template"),
                ("Swiss law, Zurich", "CHF 900 review", "their preference"),
                ("English law, London", "£1,400 review", "neutral ground"),
            ),
            0,
        ),
        ChoiceSet(
            {
                "en": "E-signature tool for the Kessler MSA",
                "de": "E-Signatur-Tool für den Kessler-Rahmenvertrag",
                "es": "Herramienta de firma para el MSA de Kessler",
                "fr": "Outil de signature pour le MSA Kessler",
            },
            (
                ("Skribble QES", "€2.50 per signature", "qualified signature"),
                ("DocuSign Standard", "€25/month", "advanced signature"),
                ("Yousign", "€9/month", "eIDAS advanced"),
            ),
            -1,
        ),
        ChoiceSet(
            {
                "en": "Liability cap in the Orbis SaaS contract",
                "de": "Haftungsobergrenze im Orbis-SaaS-Vertrag",
                "es": "Límite de responsabilidad en el contrato SaaS de Orbis",
                "fr": "Plafond de responsabilité du contrat SaaS Orbis",
            },
            (
                ("12 months of fees", "~€48,000", "market standard"),
                ("2x annual fees", "~€96,000", "their first draft"),
                ("fixed €250,000", "insurance covers it", "simple to read"),
            ),
            -1,
        ),
    ),
    offers=(
        (
            {
                "en": "clause 7.2 of the NDA",
                "de": "Klausel 7.2 des NDA",
                "es": "la cláusula 7.2 del NDA",
                "fr": "la clause 7.2 du NDA",
            },
            {"en": "5 years", "de": "5 Jahre", "es": "5 años", "fr": "5 ans"},
            {"en": "3 years", "de": "3 Jahre", "es": "3 años", "fr": "3 ans"},
            {"en": "term", "de": "Laufzeit", "es": "plazo", "fr": "durée"},
        ),
        (
            {
                "en": "the Orbis order form",
                "de": "das Orbis-Bestellformular",
                "es": "el pedido de Orbis",
                "fr": "le bon de commande Orbis",
            },
            {"en": "30 days", "de": "30 Tage", "es": "30 días", "fr": "30 jours"},
            {"en": "60 days", "de": "60 Tage", "es": "60 días", "fr": "60 jours"},
            {"en": "notice period", "de": "Kündigungsfrist", "es": "preaviso", "fr": "préavis"},
        ),
        (
            {"en": "the MSA", "de": "der Rahmenvertrag (MSA)", "es": "el MSA", "fr": "le MSA"},
            {
                "en": "Word comments",
                "de": "Word-Kommentare",
                "es": "comentarios de Word",
                "fr": "des commentaires Word",
            },
            {
                "en": "a tracked-changes redline",
                "de": "ein Redline mit Änderungsverfolgung",
                "es": "un redline con control de cambios",
                "fr": "un redline en suivi des modifications",
            },
            {
                "en": "review format",
                "de": "Review-Format",
                "es": "formato de revisión",
                "fr": "format de relecture",
            },
        ),
    ),
    tasks=(
        (
            {
                "en": "send the redline of the MSA to {x}",
                "de": "das Redline des MSA an {x} schicken",
                "es": "enviar el redline del MSA a {x}",
                "fr": "envoyer le redline du MSA à {x}",
            },
            "Kessler & Partner",
        ),
        (
            {
                "en": "get the signed DPA back from {x}",
                "de": "die unterschriebene AVV von {x} zurückholen",
                "es": "conseguir el DPA firmado de {x}",
                "fr": "récupérer le DPA signé auprès de {x}",
            },
            "Orbis GmbH",
        ),
    ),
    places=(
        (
            {
                "en": "the signed NDAs",
                "de": "die unterschriebenen NDAs",
                "es": "los NDA firmados",
                "fr": "les NDA signés",
            },
            "Drive/Legal/NDAs-2026",
        ),
        (
            {
                "en": "the trademark file",
                "de": "die Markenakte",
                "es": "el expediente de la marca",
                "fr": "le dossier de la marque",
            },
            {
                "en": "the EUIPO account under no. 018812345",
                "de": "dem EUIPO-Konto unter Nr. 018812345",
                "es": "la cuenta de la EUIPO con el n.º 018812345",
                "fr": "le compte EUIPO n° 018812345",
            },
        ),
    ),
    values=(
        (
            {
                "en": "the Orbis contract",
                "de": "der Orbis-Vertrag",
                "es": "el contrato de Orbis",
                "fr": "le contrat Orbis",
            },
            "2026-12-31",
            "2027-03-31",
            {
                "en": "renewal date",
                "de": "Verlängerungsdatum",
                "es": "fecha de renovación",
                "fr": "date de renouvellement",
            },
        ),
        (
            {"en": "clause 11", "de": "Klausel 11", "es": "la cláusula 11", "fr": "la clause 11"},
            "Munich",
            "Hamburg",
            {"en": "place of jurisdiction", "de": "Gerichtsstand", "es": "fuero", "fr": "for compétent"},
        ),
    ),
    rules=(
        (
            {
                "en": "send contracts as PDF/A",
                "de": "Verträge als PDF/A schicken",
                "es": "enviar los contratos en PDF/A",
                "fr": "envoyer les contrats en PDF/A",
            },
            {
                "en": "send editable .docx files",
                "de": "bearbeitbare .docx-Dateien schicken",
                "es": "mandar .docx editables",
                "fr": "envoyer des .docx modifiables",
            },
        ),
        (
            {
                "en": "cc legal@brightline.example",
                "de": "legal@brightline.example in CC setzen",
                "es": "poner en copia a legal@brightline.example",
                "fr": "mettre legal@brightline.example en copie",
            },
            {
                "en": "reply to the counterparty alone",
                "de": "nur der Gegenseite antworten",
                "es": "responder solo a la contraparte",
                "fr": "répondre à la seule contrepartie",
            },
        ),
    ),
    prefs=(
        (
            {
                "en": "short plain-language summaries",
                "de": "kurze Zusammenfassungen in klarer Sprache",
                "es": "resúmenes cortos en lenguaje llano",
                "fr": "des résumés courts en langage clair",
            },
            {
                "en": "clause-by-clause memos",
                "de": "Memos Klausel für Klausel",
                "es": "memorandos cláusula por cláusula",
                "fr": "des notes clause par clause",
            },
        ),
        ("Skribble", "DocuSign"),
    ),
    questions=(
        (
            {
                "en": "whether the non-solicit in {x} survives termination",
                "de": "ob das Abwerbeverbot in {x} das Vertragsende überdauert",
                "es": "si la cláusula de no captación de {x} sobrevive a la terminación",
                "fr": "si la non-sollicitation de {x} survit à la résiliation",
            },
            "clause 9",
        ),
        (
            {
                "en": "whether {x} needs a separate DPA",
                "de": "ob {x} eine eigene AVV braucht",
                "es": "si {x} necesita un DPA propio",
                "fr": "si {x} a besoin d'un DPA séparé",
            },
            "the Orbis analytics add-on",
        ),
    ),
    figures=(
        (
            "the filing fee at Amtsgericht Mitte",
            "€438",
            {
                "en": "for a €10,000 claim",
                "de": "bei €10.000 Streitwert",
                "es": "para una demanda de 10.000 €",
                "fr": "pour une demande de 10 000 €",
            },
        ),
    ),
    people=("Ines", "Dr. Kessler", "Malik", "Sofía"),
    dates=(
        {"en": "Tuesday", "de": "Dienstag", "es": "el martes", "fr": "mardi"},
        "2026-12-10",
        {
            "en": "the board meeting",
            "de": "der Vorstandssitzung",
            "es": "la reunión del consejo",
            "fr": "le conseil d'administration",
        },
        {"en": "the 17th", "de": "dem 17.", "es": "el día 17", "fr": "le 17"},
    ),
    projects=("brightline-nda", "orbis-saas", "kessler-msa"),
    hosts=("dms.brightline.example", "sign.skribble.example", "drive"),
    fixes=(("make pdf (kessler-msa)", "msa/clauses/07-term.md", "an unclosed footnote [^12]", 1),),
    deploys=(
        ("the clause library site", "clauses.brightline.example", "quarto publish gh-pages --no-prompt"),
    ),
    jobs=(
        (
            {
                "en": "the DMS export",
                "de": "der DMS-Export",
                "es": "la exportación del DMS",
                "fr": "l'export DMS",
            },
            "dms-cli export status {run}",
        ),
    ),
    procs=(
        (
            {
                "en": "Build and sign the MSA",
                "de": "MSA bauen und signieren",
                "es": "Generar y firmar el MSA",
                "fr": "Générer et signer le MSA",
            },
            (
                "pandoc msa/*.md -o out/msa.pdf --pdf-engine=xelatex",
                "qpdf --linearize out/msa.pdf out/msa-final.pdf",
                "skribble-cli send out/msa-final.pdf --to dr.kessler@kessler.example",
            ),
        ),
    ),
    cities=("Munich", "Hamburg", "Zurich", "Valencia"),
)

HOME = Domain(
    name="home",
    cwd="/home/tom/.openclaw/workspace",
    choices=(
        ChoiceSet(
            {
                "en": "Heat pump for the house",
                "de": "Wärmepumpe fürs Haus",
                "es": "Bomba de calor para la casa",
                "fr": "Pompe à chaleur pour la maison",
            },
            (
                ("Vaillant aroTHERM plus 7 kW", "€14,200", "R290, quiet"),
                ("Viessmann Vitocal 250-A", "€16,900", "hybrid-ready"),
                ("Daikin Altherma 3 R", "€12,800", "R32"),
            ),
            2,
        ),
        ChoiceSet(
            {
                "en": "Router for the flat",
                "de": "Router für die Wohnung",
                "es": "Router para el piso",
                "fr": "Routeur pour l'appartement",
            },
            (
                ("Fritz!Box 7590 AX", "€229", "DSL + DECT"),
                ("UniFi Dream Router", "€279", "needs the UniFi app"),
                ("GL.iNet Flint 2 with OpenWrt", "€149", "tinkering"),
            ),
            2,
        ),
        ChoiceSet(
            {
                "en": "Balcony solar kit",
                "de": "Balkonkraftwerk",
                "es": "Kit solar para el balcón",
                "fr": "Kit solaire de balcon",
            },
            (
                ("Anker SOLIX 2x 445 W", "€599", "with battery option"),
                ("EcoFlow PowerStream 800 W", "€749", "app only"),
                ("a no-name 800 W set", "€329", "Hoymiles HMS-800"),
            ),
            2,
        ),
    ),
    offers=(
        (
            {
                "en": "the hallway lights automation",
                "de": "die Flurlicht-Automation",
                "es": "la automatización de las luces del pasillo",
                "fr": "l'automatisation des lumières du couloir",
            },
            "22:00",
            {"en": "sunset", "de": "Sonnenuntergang", "es": "la puesta de sol", "fr": "le coucher du soleil"},
            {"en": "trigger", "de": "Auslöser", "es": "disparador", "fr": "déclencheur"},
        ),
        (
            {
                "en": "the living-room thermostat",
                "de": "das Wohnzimmer-Thermostat",
                "es": "el termostato del salón",
                "fr": "le thermostat du salon",
            },
            "21 °C",
            "20 °C",
            {"en": "setpoint", "de": "Solltemperatur", "es": "consigna", "fr": "consigne"},
        ),
        (
            {"en": "the NAS", "de": "das NAS", "es": "el NAS", "fr": "le NAS"},
            {"en": "weekly", "de": "wöchentlich", "es": "semanal", "fr": "hebdomadaire"},
            {"en": "daily", "de": "täglich", "es": "diario", "fr": "quotidien"},
            {
                "en": "backup schedule",
                "de": "Backup-Plan",
                "es": "plan de copias",
                "fr": "planning de sauvegarde",
            },
        ),
    ),
    tasks=(
        (
            {
                "en": "call the chimney sweep about {x}",
                "de": "den Schornsteinfeger wegen {x} anrufen",
                "es": "llamar al deshollinador por {x}",
                "fr": "appeler le ramoneur pour {x}",
            },
            "the annual check",
        ),
        (
            {
                "en": "order replacement filters for {x}",
                "de": "Ersatzfilter für {x} bestellen",
                "es": "pedir filtros de repuesto para {x}",
                "fr": "commander des filtres pour {x}",
            },
            "the Zehnder ComfoAir Q350",
        ),
    ),
    places=(
        (
            {
                "en": "the main water valve",
                "de": "der Hauptwasserhahn",
                "es": "la llave de paso general",
                "fr": "le robinet d'arrivée d'eau",
            },
            {
                "en": "behind the washing machine in the basement",
                "de": "hinter der Waschmaschine im Keller",
                "es": "detrás de la lavadora en el sótano",
                "fr": "derrière la machine à laver à la cave",
            },
        ),
        (
            {
                "en": "the spare router",
                "de": "der Ersatzrouter",
                "es": "el router de repuesto",
                "fr": "le routeur de secours",
            },
            {
                "en": "the hallway cupboard, top shelf",
                "de": "dem Flurschrank, oberstes Fach",
                "es": "el armario del pasillo, balda de arriba",
                "fr": "le placard du couloir, étagère du haut",
            },
        ),
    ),
    values=(
        (
            {
                "en": "the heating circuit",
                "de": "der Heizkreis",
                "es": "el circuito de calefacción",
                "fr": "le circuit de chauffage",
            },
            "45 °C",
            "38 °C",
            {
                "en": "flow temperature",
                "de": "Vorlauftemperatur",
                "es": "temperatura de impulsión",
                "fr": "température de départ",
            },
        ),
        (
            {
                "en": "the guest Wi-Fi",
                "de": "das Gäste-WLAN",
                "es": "la wifi de invitados",
                "fr": "le Wi-Fi invités",
            },
            "2.4 GHz",
            "5 GHz",
            {"en": "band", "de": "Band", "es": "banda", "fr": "bande"},
        ),
    ),
    rules=(
        (
            {
                "en": "ask before restarting Home Assistant",
                "de": "vor einem Neustart von Home Assistant fragen",
                "es": "preguntar antes de reiniciar Home Assistant",
                "fr": "demander avant de redémarrer Home Assistant",
            },
            {
                "en": "restart it while people are home",
                "de": "neu starten, während jemand zu Hause ist",
                "es": "reiniciarlo con gente en casa",
                "fr": "redémarrer quand quelqu'un est à la maison",
            },
        ),
        (
            {
                "en": "turn devices off via the Shelly app",
                "de": "Geräte über die Shelly-App ausschalten",
                "es": "apagar los aparatos desde la app de Shelly",
                "fr": "éteindre les appareils via l'app Shelly",
            },
            {"en": "unplug them", "de": "den Stecker ziehen", "es": "desenchufarlos", "fr": "les débrancher"},
        ),
    ),
    prefs=(
        (
            {
                "en": "Zigbee devices",
                "de": "Zigbee-Geräte",
                "es": "aparatos Zigbee",
                "fr": "les appareils Zigbee",
            },
            {"en": "Wi-Fi plugs", "de": "WLAN-Steckdosen", "es": "enchufes wifi", "fr": "les prises Wi-Fi"},
        ),
        (
            {
                "en": "warm white 2700 K",
                "de": "Warmweiß 2700 K",
                "es": "blanco cálido 2700 K",
                "fr": "le blanc chaud 2700 K",
            },
            {"en": "cold white", "de": "Kaltweiß", "es": "blanco frío", "fr": "le blanc froid"},
        ),
    ),
    questions=(
        (
            {
                "en": "whether the balcony solar needs registering with {x}",
                "de": "ob das Balkonkraftwerk bei {x} angemeldet werden muss",
                "es": "si el kit solar hay que registrarlo en {x}",
                "fr": "si le kit solaire doit être déclaré auprès de {x}",
            },
            "the Marktstammdatenregister",
        ),
        (
            {
                "en": "whether {x} can stay in the garage over winter",
                "de": "ob {x} über den Winter in der Garage bleiben kann",
                "es": "si {x} puede quedarse en el garaje en invierno",
                "fr": "si {x} peut rester au garage l'hiver",
            },
            "the pool pump",
        ),
    ),
    figures=(
        (
            "the Shelly Plus 1PM relay",
            "16",
            {
                "en": "amps maximum",
                "de": "Ampere maximal",
                "es": "amperios como máximo",
                "fr": "ampères maximum",
            },
        ),
    ),
    people=("Tom", "Anja", "Mr. Yilmaz", "Leonie"),
    dates=(
        {"en": "Monday", "de": "Montag", "es": "el lunes", "fr": "lundi"},
        "2026-12-12",
        {"en": "before the frost", "de": "dem ersten Frost", "es": "las heladas", "fr": "les gelées"},
        {"en": "the 5th", "de": "dem 5.", "es": "el día 5", "fr": "le 5"},
    ),
    projects=("homeassistant", "zigbee2mqtt", "nas-backup"),
    hosts=("homeassistant.local", "nas.local", "pi-zigbee.local"),
    fixes=(("ha core check", "config/automations.yaml", "a duplicate id 'hallway_lights'", 1),),
    deploys=(("Home Assistant", "homeassistant.local:8123", "ha core restart"),),
    jobs=(
        (
            {
                "en": "the zigbee2mqtt OTA update",
                "de": "das zigbee2mqtt-OTA-Update",
                "es": "la actualización OTA de zigbee2mqtt",
                "fr": "la mise à jour OTA zigbee2mqtt",
            },
            "mosquitto_sub -t zigbee2mqtt/bridge/ota/{run} -C 1",
        ),
    ),
    procs=(
        (
            {
                "en": "Restore Home Assistant from a backup",
                "de": "Home Assistant aus dem Backup wiederherstellen",
                "es": "Restaurar Home Assistant desde una copia",
                "fr": "Restaurer Home Assistant depuis une sauvegarde",
            },
            (
                "ha backups list",
                "ha backups restore 9f3c2a1e --homeassistant",
                "ha core check",
                "ha core restart",
            ),
        ),
    ),
    cities=("Hamburg", "Seville", "Graz", "Nantes"),
)

FINANCE = Domain(
    name="finance",
    cwd="/home/rafa/.openclaw/workspace",
    choices=(
        ChoiceSet(
            {
                "en": "Broker for the ETF savings plan",
                "de": "Broker für den ETF-Sparplan",
                "es": "Bróker para el plan de ahorro en ETF",
                "fr": "Courtier pour le plan d'épargne ETF",
            },
            (
                ("Trade Republic", "€0 per execution", "app only"),
                ("Scalable Capital FREE", "€0.99 per trade", "web + app"),
                ("ING Direkt-Depot", "1.75% per plan rate", "same bank as the current account"),
            ),
            0,
        ),
        ChoiceSet(
            {
                "en": "Budgeting tool",
                "de": "Budget-Tool",
                "es": "Herramienta de presupuesto",
                "fr": "Outil de budget",
            },
            (
                ("YNAB", "$109/year", "bank sync in the US only"),
                ("Actual Budget self-hosted", "€0", "runs on the NAS"),
                ("Beancount + Fava", "€0", "plain text"),
            ),
            -1,
        ),
    ),
    offers=(
        (
            {
                "en": "the ETF savings plan",
                "de": "der ETF-Sparplan",
                "es": "el plan de ahorro en ETF",
                "fr": "le plan d'épargne ETF",
            },
            {"en": "€200 a month", "de": "200 € im Monat", "es": "200 € al mes", "fr": "200 € par mois"},
            {"en": "€250 a month", "de": "250 € im Monat", "es": "250 € al mes", "fr": "250 € par mois"},
            {"en": "rate", "de": "Sparrate", "es": "aportación", "fr": "montant"},
        ),
        (
            {"en": "the portfolio", "de": "das Depot", "es": "la cartera", "fr": "le portefeuille"},
            {"en": "quarterly", "de": "vierteljährlich", "es": "trimestral", "fr": "trimestriel"},
            {"en": "yearly", "de": "jährlich", "es": "anual", "fr": "annuel"},
            {"en": "rebalancing", "de": "Rebalancing", "es": "rebalanceo", "fr": "rééquilibrage"},
        ),
    ),
    tasks=(
        (
            {
                "en": "file the VAT return for {x}",
                "de": "die Umsatzsteuer-Voranmeldung für {x} abgeben",
                "es": "presentar el IVA de {x}",
                "fr": "déposer la déclaration de TVA de {x}",
            },
            "Q4 2026",
        ),
        (
            {
                "en": "send the receipts for {x} to the tax advisor",
                "de": "die Belege für {x} an die Steuerberaterin schicken",
                "es": "mandar los tickets de {x} a la asesora",
                "fr": "envoyer les justificatifs de {x} à la comptable",
            },
            "November",
        ),
    ),
    places=(
        (
            {
                "en": "the 2025 tax documents",
                "de": "die Steuerunterlagen 2025",
                "es": "los papeles de la renta 2025",
                "fr": "les documents fiscaux 2025",
            },
            "Nextcloud/Finanzen/2025",
        ),
        (
            {
                "en": "the Riester contract",
                "de": "der Riester-Vertrag",
                "es": "el contrato Riester",
                "fr": "le contrat Riester",
            },
            {
                "en": "the blue folder in the study",
                "de": "dem blauen Ordner im Arbeitszimmer",
                "es": "la carpeta azul del despacho",
                "fr": "le classeur bleu du bureau",
            },
        ),
    ),
    values=(
        (
            {
                "en": "the Tagesgeld account",
                "de": "das Tagesgeldkonto",
                "es": "la cuenta remunerada",
                "fr": "le compte sur livret",
            },
            "2.5%",
            "2.75%",
            {"en": "interest rate", "de": "Zinssatz", "es": "tipo de interés", "fr": "taux"},
        ),
        (
            {"en": "the rent", "de": "die Miete", "es": "el alquiler", "fr": "le loyer"},
            "€1,240",
            "€1,310",
            {"en": "amount", "de": "Betrag", "es": "importe", "fr": "montant"},
        ),
    ),
    rules=(
        (
            {
                "en": "book card payments on the payment date",
                "de": "Kartenzahlungen zum Zahlungsdatum buchen",
                "es": "apuntar los pagos con tarjeta en la fecha de pago",
                "fr": "comptabiliser les paiements par carte à la date de paiement",
            },
            {
                "en": "book them on the statement date",
                "de": "zum Abrechnungsdatum buchen",
                "es": "apuntarlos en la fecha del extracto",
                "fr": "les comptabiliser à la date du relevé",
            },
        ),
        (
            {
                "en": "round to whole euros in the budget",
                "de": "im Budget auf ganze Euro runden",
                "es": "redondear a euros enteros en el presupuesto",
                "fr": "arrondir à l'euro dans le budget",
            },
            {
                "en": "track cents",
                "de": "Cent mitführen",
                "es": "llevar los céntimos",
                "fr": "suivre les centimes",
            },
        ),
    ),
    prefs=(
        (
            {"en": "index funds", "de": "Indexfonds", "es": "fondos indexados", "fr": "les fonds indiciels"},
            {
                "en": "single stocks",
                "de": "Einzelaktien",
                "es": "acciones sueltas",
                "fr": "les actions individuelles",
            },
        ),
        (
            {
                "en": "paper statements scanned to PDF",
                "de": "eingescannte Papierauszüge als PDF",
                "es": "extractos en papel escaneados a PDF",
                "fr": "les relevés papier scannés en PDF",
            },
            {
                "en": "the bank's portal",
                "de": "das Bankportal",
                "es": "el portal del banco",
                "fr": "le portail de la banque",
            },
        ),
    ),
    questions=(
        (
            {
                "en": "whether {x} counts as a business expense",
                "de": "ob {x} als Betriebsausgabe zählt",
                "es": "si {x} cuenta como gasto deducible",
                "fr": "si {x} compte comme frais professionnel",
            },
            "the new monitor",
        ),
    ),
    figures=(
        (
            "the Sparerpauschbetrag",
            "1,000",
            {
                "en": "euros per person and year",
                "de": "Euro pro Person und Jahr",
                "es": "euros por persona y año",
                "fr": "euros par personne et par an",
            },
        ),
    ),
    people=("Rafa", "Frau Berger", "Nico", "Elif"),
    dates=(
        {"en": "Friday", "de": "Freitag", "es": "el viernes", "fr": "vendredi"},
        "2027-01-10",
        {"en": "the 10th", "de": "dem 10.", "es": "el día 10", "fr": "le 10"},
        {
            "en": "end of the quarter",
            "de": "Quartalsende",
            "es": "fin de trimestre",
            "fr": "la fin du trimestre",
        },
    ),
    projects=("ledger", "budget-2027", "taxes-2025"),
    hosts=("nas.local", "fava.local", "actual.local"),
    fixes=(
        (
            "bean-check ledger/main.beancount",
            "ledger/2026/11.beancount",
            "an unbalanced transaction on 2026-11-03",
            1,
        ),
    ),
    jobs=(
        (
            {
                "en": "the bank CSV import",
                "de": "der CSV-Import der Bank",
                "es": "la importación CSV del banco",
                "fr": "l'import CSV de la banque",
            },
            "bean-extract config.py downloads/ --job {run}",
        ),
    ),
    procs=(
        (
            {
                "en": "Monthly ledger close",
                "de": "Monatsabschluss im Ledger",
                "es": "Cierre mensual del libro",
                "fr": "Clôture mensuelle du grand livre",
            },
            (
                "bean-extract config.py downloads/ > ledger/2026/12.beancount",
                "bean-check ledger/main.beancount",
                "fava ledger/main.beancount --port 5001",
            ),
        ),
    ),
    cities=("Valencia", "Cologne", "Porto", "Bordeaux"),
)

RESEARCH = Domain(
    name="research",
    cwd="/home/yara/thesis",
    choices=(
        ChoiceSet(
            {
                "en": "Reference manager for the thesis",
                "de": "Literaturverwaltung für die Dissertation",
                "es": "Gestor de referencias para la tesis",
                "fr": "Gestionnaire de références pour la thèse",
            },
            (
                ("Zotero 7 + Better BibTeX", "€0", "auto-export .bib"),
                ("Mendeley", "€0", "Elsevier account"),
                ("JabRef 5.15", "€0", "plain .bib file"),
            ),
            -1,
        ),
        ChoiceSet(
            {
                "en": "Statistical test for the pilot data",
                "de": "Statistischer Test für die Pilotdaten",
                "es": "Prueba estadística para los datos piloto",
                "fr": "Test statistique pour les données pilotes",
            },
            (
                ("Mann-Whitney U", "n=24 is fine", "no normality assumption"),
                ("Welch's t-test", "n=24 borderline", "assumes normality"),
                ("a permutation test with 10,000 resamples", "slow", "exact p-values"),
            ),
            -1,
        ),
    ),
    offers=(
        (
            {"en": "the paper", "de": "das Paper", "es": "el artículo", "fr": "l'article"},
            "APA 7",
            "Chicago author-date",
            {"en": "citation style", "de": "Zitierstil", "es": "estilo de citas", "fr": "style de citation"},
        ),
        (
            {"en": "figure 3", "de": "Abbildung 3", "es": "la figura 3", "fr": "la figure 3"},
            {
                "en": "a bar chart",
                "de": "ein Balkendiagramm",
                "es": "un gráfico de barras",
                "fr": "un diagramme en barres",
            },
            {
                "en": "a dot plot with CIs",
                "de": "ein Punktdiagramm mit KIs",
                "es": "un gráfico de puntos con IC",
                "fr": "un nuage de points avec IC",
            },
            {"en": "chart type", "de": "Diagrammtyp", "es": "tipo de gráfico", "fr": "type de graphique"},
        ),
    ),
    tasks=(
        (
            {
                "en": "review the related-work section of {x}",
                "de": "den Related-Work-Teil von {x} durchsehen",
                "es": "revisar la sección de trabajos relacionados de {x}",
                "fr": "relire la partie travaux connexes de {x}",
            },
            "chapter 2",
        ),
        (
            {
                "en": "submit the ethics form for {x}",
                "de": "den Ethikantrag für {x} einreichen",
                "es": "entregar el formulario de ética de {x}",
                "fr": "déposer le dossier éthique pour {x}",
            },
            {"en": "study B", "de": "Studie B", "es": "el estudio B", "fr": "l'étude B"},
        ),
    ),
    places=(
        (
            {
                "en": "the raw interview recordings",
                "de": "die Original-Interviewaufnahmen",
                "es": "las grabaciones originales de las entrevistas",
                "fr": "les enregistrements bruts des entretiens",
            },
            {
                "en": "the encrypted share //lab-nas/studyB",
                "de": "der verschlüsselten Freigabe //lab-nas/studyB",
                "es": "la carpeta cifrada //lab-nas/studyB",
                "fr": "le partage chiffré //lab-nas/studyB",
            },
        ),
        (
            {
                "en": "the thesis template",
                "de": "die Vorlage der Dissertation",
                "es": "la plantilla de la tesis",
                "fr": "le modèle de thèse",
            },
            "overleaf.com/read/xkcd1234",
        ),
    ),
    values=(
        (
            {"en": "study B", "de": "Studie B", "es": "el estudio B", "fr": "l'étude B"},
            "n=120",
            "n=128",
            {
                "en": "sample size",
                "de": "Stichprobengröße",
                "es": "tamaño muestral",
                "fr": "taille d'échantillon",
            },
        ),
        (
            {
                "en": "the ICML submission",
                "de": "die ICML-Einreichung",
                "es": "el envío a ICML",
                "fr": "la soumission ICML",
            },
            {"en": "January 23", "de": "23. Januar", "es": "23 de enero", "fr": "23 janvier"},
            {"en": "January 30", "de": "30. Januar", "es": "30 de enero", "fr": "30 janvier"},
            {"en": "deadline", "de": "Deadline", "es": "fecha límite", "fr": "date limite"},
        ),
    ),
    rules=(
        (
            {
                "en": "cite the published version with its DOI",
                "de": "die veröffentlichte Fassung mit DOI zitieren",
                "es": "citar la versión publicada con su DOI",
                "fr": "citer la version publiée avec son DOI",
            },
            {
                "en": "cite the arXiv preprint",
                "de": "den arXiv-Preprint zitieren",
                "es": "citar el preprint de arXiv",
                "fr": "citer la prépublication arXiv",
            },
        ),
        (
            {
                "en": "keep analysis code in analysis/",
                "de": "Analysecode in analysis/ ablegen",
                "es": "dejar el código de análisis en analysis/",
                "fr": "garder le code d'analyse dans analysis/",
            },
            {
                "en": "put notebooks in the repo root",
                "de": "Notebooks ins Repo-Root legen",
                "es": "poner notebooks en la raíz del repo",
                "fr": "mettre les notebooks à la racine du dépôt",
            },
        ),
    ),
    prefs=(
        ("matplotlib with the seaborn-v0_8 style", "ggplot2"),
        (
            {
                "en": "British spelling",
                "de": "britische Schreibweise",
                "es": "ortografía británica",
                "fr": "l'orthographe britannique",
            },
            {
                "en": "American spelling",
                "de": "amerikanische Schreibweise",
                "es": "ortografía americana",
                "fr": "l'orthographe américaine",
            },
        ),
    ),
    questions=(
        (
            {
                "en": "whether {x} needs a new ethics approval",
                "de": "ob {x} einen neuen Ethikantrag braucht",
                "es": "si {x} necesita una nueva aprobación ética",
                "fr": "si {x} nécessite un nouvel avis éthique",
            },
            "the follow-up survey",
        ),
    ),
    figures=(
        (
            "the arXiv API",
            "1",
            {
                "en": "request every 3 seconds",
                "de": "Anfrage alle 3 Sekunden",
                "es": "petición cada 3 segundos",
                "fr": "requête toutes les 3 secondes",
            },
        ),
    ),
    people=("Yara", "Prof. Lindqvist", "Omar", "Beatriz"),
    dates=(
        {"en": "Thursday", "de": "Donnerstag", "es": "el jueves", "fr": "jeudi"},
        "2026-12-16",
        {
            "en": "the lab meeting",
            "de": "dem Lab-Meeting",
            "es": "la reunión del grupo",
            "fr": "la réunion d'équipe",
        },
        {"en": "the 8th", "de": "dem 8.", "es": "el día 8", "fr": "le 8"},
    ),
    projects=("thesis", "study-b-analysis", "icml-paper"),
    hosts=("slurm.uni.example", "lab-nas", "overleaf"),
    fixes=(
        (
            "latexmk -pdf main.tex",
            "paper/sections/results.tex",
            "an undefined control sequence \\citep without natbib",
            1,
        ),
    ),
    deploys=(("the lab website", "lab.uni.example", "quarto publish gh-pages"),),
    jobs=(
        (
            {
                "en": "slurm job for the bootstrap",
                "de": "der Slurm-Job fürs Bootstrapping",
                "es": "el job de Slurm del bootstrap",
                "fr": "le job Slurm du bootstrap",
            },
            "sacct -j {run} --format=State,Elapsed -n",
        ),
    ),
    procs=(
        (
            {
                "en": "Rebuild the paper PDF",
                "de": "Paper-PDF neu bauen",
                "es": "Regenerar el PDF del paper",
                "fr": "Regénérer le PDF de l'article",
            },
            (
                "python analysis/make_figures.py --out paper/figures",
                "latexmk -pdf -cd paper/main.tex",
                "pdfinfo paper/main.pdf",
            ),
        ),
    ),
    cities=("Uppsala", "Granada", "Leipzig", "Lille"),
)

DOMAINS = (LEGAL, HOME, FINANCE, RESEARCH)
