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
            2,
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
            0,
        ),
    ),
    offers=(
        (
            "clause 7.2 of the NDA",
            "5 years",
            "3 years",
            {"en": "term", "de": "Laufzeit", "es": "plazo", "fr": "durée"},
        ),
        (
            "the Orbis order form",
            "30 days",
            "60 days",
            {"en": "notice period", "de": "Kündigungsfrist", "es": "preaviso", "fr": "préavis"},
        ),
        (
            "the MSA",
            "Word comments",
            "a tracked-changes redline",
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
        ("the signed NDAs", "Drive/Legal/NDAs-2026"),
        ("the trademark file", "the EUIPO account under no. 018812345"),
    ),
    values=(
        (
            "the Orbis contract",
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
            "clause 11",
            "Munich",
            "Hamburg",
            {"en": "place of jurisdiction", "de": "Gerichtsstand", "es": "fuero", "fr": "for compétent"},
        ),
    ),
    rules=(
        ("send contracts as PDF/A", "send editable .docx files"),
        ("cc legal@brightline.example", "reply to the counterparty alone"),
    ),
    prefs=(("short plain-language summaries", "clause-by-clause memos"), ("Skribble", "DocuSign")),
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
    dates=("Tuesday", "2026-12-10", "the board meeting", "the 17th"),
    projects=("brightline-nda", "orbis-saas", "kessler-msa"),
    hosts=("dms.brightline.example", "sign.skribble.example", "drive"),
    fixes=(("make pdf (kessler-msa)", "msa/clauses/07-term.md", "an unclosed footnote [^12]", 1),),
    deploys=(
        ("the clause library site", "clauses.brightline.example", "quarto publish gh-pages --no-prompt"),
    ),
    jobs=(("the DMS export", "dms-cli export status {run}"),),
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
            "the hallway lights automation",
            "22:00",
            "sunset",
            {"en": "trigger", "de": "Auslöser", "es": "disparador", "fr": "déclencheur"},
        ),
        (
            "the living-room thermostat",
            "21 °C",
            "20 °C",
            {"en": "setpoint", "de": "Solltemperatur", "es": "consigna", "fr": "consigne"},
        ),
        (
            "the NAS",
            "weekly",
            "daily",
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
        ("the main water valve", "behind the washing machine in the basement"),
        ("the spare router", "the hallway cupboard, top shelf"),
    ),
    values=(
        (
            "the heating circuit",
            "45 °C",
            "38 °C",
            {
                "en": "flow temperature",
                "de": "Vorlauftemperatur",
                "es": "temperatura de impulsión",
                "fr": "température de départ",
            },
        ),
        ("the guest Wi-Fi", "2.4 GHz", "5 GHz", {"en": "band", "de": "Band", "es": "banda", "fr": "bande"}),
    ),
    rules=(
        ("ask before restarting Home Assistant", "restart it while people are home"),
        ("turn devices off via the Shelly app", "unplug them"),
    ),
    prefs=(("Zigbee devices", "Wi-Fi plugs"), ("warm white 2700 K", "cold white")),
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
    dates=("Monday", "2026-12-12", "before the frost", "the 5th"),
    projects=("homeassistant", "zigbee2mqtt", "nas-backup"),
    hosts=("homeassistant.local", "nas.local", "pi-zigbee.local"),
    fixes=(("ha core check", "config/automations.yaml", "a duplicate id 'hallway_lights'", 1),),
    deploys=(("Home Assistant", "homeassistant.local:8123", "ha core restart"),),
    jobs=(("the zigbee2mqtt OTA update", "mosquitto_sub -t zigbee2mqtt/bridge/ota/{run} -C 1"),),
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
            1,
        ),
    ),
    offers=(
        (
            "the ETF savings plan",
            "€200 a month",
            "€250 a month",
            {"en": "rate", "de": "Sparrate", "es": "aportación", "fr": "montant"},
        ),
        (
            "the portfolio",
            "quarterly",
            "yearly",
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
        ("the 2025 tax documents", "Nextcloud/Finanzen/2025"),
        ("the Riester contract", "the blue folder in the study"),
    ),
    values=(
        (
            "the Tagesgeld account",
            "2.5%",
            "2.75%",
            {"en": "interest rate", "de": "Zinssatz", "es": "tipo de interés", "fr": "taux"},
        ),
        ("the rent", "€1,240", "€1,310", {"en": "amount", "de": "Betrag", "es": "importe", "fr": "montant"}),
    ),
    rules=(
        ("book card payments on the payment date", "book them on the statement date"),
        ("round to whole euros in the budget", "track cents"),
    ),
    prefs=(("index funds", "single stocks"), ("paper statements scanned to PDF", "the bank's portal")),
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
    dates=("Friday", "2027-01-10", "the 10th", "end of the quarter"),
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
    jobs=(("the bank CSV import", "bean-extract config.py downloads/ --job {run}"),),
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
            0,
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
            0,
        ),
    ),
    offers=(
        (
            "the paper",
            "APA 7",
            "Chicago author-date",
            {"en": "citation style", "de": "Zitierstil", "es": "estilo de citas", "fr": "style de citation"},
        ),
        (
            "figure 3",
            "a bar chart",
            "a dot plot with CIs",
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
            "study B",
        ),
    ),
    places=(
        ("the raw interview recordings", "the encrypted share //lab-nas/studyB"),
        ("the thesis template", "overleaf.com/read/xkcd1234"),
    ),
    values=(
        (
            "study B",
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
            "the ICML submission",
            "January 23",
            "January 30",
            {"en": "deadline", "de": "Deadline", "es": "fecha límite", "fr": "date limite"},
        ),
    ),
    rules=(
        ("cite the published version with its DOI", "cite the arXiv preprint"),
        ("keep analysis code in analysis/", "put notebooks in the repo root"),
    ),
    prefs=(("matplotlib with the seaborn-v0_8 style", "ggplot2"), ("British spelling", "American spelling")),
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
    dates=("Thursday", "2026-12-16", "the lab meeting", "the 8th"),
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
    jobs=(("slurm job for the bootstrap", "sacct -j {run} --format=State,Elapsed -n"),),
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
