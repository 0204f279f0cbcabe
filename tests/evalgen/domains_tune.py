"""Topic domains of the gen-tune split: infra, coding, data, personal planning."""

from __future__ import annotations

from .core import ChoiceSet, Domain

INFRA = Domain(
    name="infra",
    cwd="/home/ops/.openclaw/workspace",
    choices=(
        ChoiceSet(
            {
                "en": "Connection pooler for orders-db",
                "de": "Connection-Pooler für orders-db",
                "es": "Pooler de conexiones para orders-db",
                "fr": "Pooler de connexions pour orders-db",
            },
            (
                ("pgbouncer 1.23", "1 small VM", "transaction mode, ~2 MB RAM"),
                ("pgpool-II 4.5", "2 VMs", "load balancing + failover"),
                ("odyssey 1.3", "1 VM", "multi-threaded, Yandex"),
            ),
            -1,
        ),
        ChoiceSet(
            {
                "en": "Reverse proxy for edge-2.fra1",
                "de": "Reverse Proxy für edge-2.fra1",
                "es": "Proxy inverso para edge-2.fra1",
                "fr": "Reverse proxy pour edge-2.fra1",
            },
            (
                ("Caddy 2.8", "€0", "automatic TLS"),
                ("nginx 1.26", "€0", "config we already know"),
                ("HAProxy Enterprise", "€1,900/year", "support contract"),
            ),
            -1,
        ),
        ChoiceSet(
            {
                "en": "Log retention on loki-01",
                "de": "Log-Aufbewahrung auf loki-01",
                "es": "Retención de logs en loki-01",
                "fr": "Rétention des logs sur loki-01",
            },
            (
                ("14 days", "120 GB", "matches the incident window"),
                ("30 days", "260 GB", "covers a monthly audit"),
                ("90 days", "780 GB", "needs a second disk"),
            ),
            0,
        ),
        ChoiceSet(
            {
                "en": "Monitoring alert for disk usage on ci-runner-4",
                "de": "Monitoring-Alarm für Plattenplatz auf ci-runner-4",
                "es": "Alerta de disco en ci-runner-4",
                "fr": "Alerte disque sur ci-runner-4",
            },
            (
                ("Prometheus alert at 85%", "€0", "node_exporter already runs"),
                ("Grafana Cloud synthetic check", "€19/month", "hosted"),
                ("cron + df script", "€0", "mails root@"),
            ),
            -1,
        ),
    ),
    offers=(
        (
            "nightly-backup",
            "01:00 UTC",
            "02:00 UTC",
            {"en": "schedule", "de": "Zeitplan", "es": "horario", "fr": "horaire"},
        ),
        (
            "edge-2.fra1",
            "TLS 1.2",
            "TLS 1.3 only",
            {"en": "TLS setting", "de": "TLS-Einstellung", "es": "configuración TLS", "fr": "réglage TLS"},
        ),
        (
            "redis-cache",
            "allkeys-lru",
            "volatile-lru",
            {
                "en": "eviction policy",
                "de": "Eviction-Policy",
                "es": "política de desalojo",
                "fr": "politique d'éviction",
            },
        ),
        (
            "api-gw",
            "2 replicas",
            "3 replicas",
            {
                "en": "replica count",
                "de": "Replika-Anzahl",
                "es": "número de réplicas",
                "fr": "nombre de réplicas",
            },
        ),
    ),
    tasks=(
        (
            {
                "en": "renew the TLS certificate for {x}",
                "de": "das TLS-Zertifikat für {x} erneuern",
                "es": "renovar el certificado TLS de {x}",
                "fr": "renouveler le certificat TLS de {x}",
            },
            "status.example.net",
        ),
        (
            {
                "en": "rotate the SSH host keys on {x}",
                "de": "die SSH-Host-Keys auf {x} rotieren",
                "es": "rotar las claves SSH de {x}",
                "fr": "faire tourner les clés SSH de {x}",
            },
            "bastion-1",
        ),
        (
            {
                "en": "upgrade {x} to Debian 13",
                "de": "{x} auf Debian 13 aktualisieren",
                "es": "actualizar {x} a Debian 13",
                "fr": "mettre {x} à jour vers Debian 13",
            },
            "db-03.fra1",
        ),
    ),
    places=(
        ("orders-db", "db-03.fra1.internal"),
        ("grafana", "mon-01.ams2.internal"),
        (
            {
                "en": "the VPN concentrator",
                "de": "der VPN-Konzentrator",
                "es": "el concentrador VPN",
                "fr": "le concentrateur VPN",
            },
            "vpn-gw-2.ber1",
        ),
    ),
    values=(
        ("orders-db", "5432", "6432", {"en": "port", "de": "Port", "es": "puerto", "fr": "port"}),
        (
            {
                "en": "the staging cluster",
                "de": "der Staging-Cluster",
                "es": "el clúster de staging",
                "fr": "le cluster de staging",
            },
            "k8s 1.29",
            "k8s 1.31",
            {"en": "version", "de": "Version", "es": "versión", "fr": "version"},
        ),
        (
            "api-gw",
            "eu-west-1",
            "eu-central-1",
            {"en": "region", "de": "Region", "es": "región", "fr": "région"},
        ),
    ),
    rules=(
        ("terraform plan -out=tf.plan", "terraform apply -auto-approve"),
        ("ansible-playbook --check", "ansible-playbook"),
        ("kubectl --context=staging", "kubectl"),
    ),
    prefs=(
        ("Prometheus", "Datadog"),
        (
            {
                "en": "systemd timers",
                "de": "systemd-Timer",
                "es": "timers de systemd",
                "fr": "les timers systemd",
            },
            "cron",
        ),
        ("Debian", "Ubuntu"),
    ),
    questions=(
        (
            {
                "en": "whether {x} needs a read replica",
                "de": "ob {x} eine Read-Replica braucht",
                "es": "si {x} necesita una réplica de lectura",
                "fr": "si {x} a besoin d'un réplica en lecture",
            },
            "orders-db",
        ),
        (
            {
                "en": "whether the export job on {x} should also run on Sundays",
                "de": "ob der Export-Job auf {x} auch sonntags laufen soll",
                "es": "si el job de exportación en {x} también debe correr los domingos",
                "fr": "si le job d'export sur {x} doit aussi tourner le dimanche",
            },
            "batch-02",
        ),
    ),
    figures=(
        (
            "the Hetzner Robot API",
            "200",
            {
                "en": "requests per hour",
                "de": "Anfragen pro Stunde",
                "es": "peticiones por hora",
                "fr": "requêtes par heure",
            },
        ),
        (
            "the Cloudflare API",
            "1200",
            {
                "en": "requests per 5 minutes",
                "de": "Anfragen pro 5 Minuten",
                "es": "peticiones cada 5 minutos",
                "fr": "requêtes par 5 minutes",
            },
        ),
    ),
    people=("Priya", "Jonas", "Amara", "Tomasz"),
    dates=(
        {"en": "Friday", "de": "Freitag", "es": "el viernes", "fr": "vendredi"},
        "2026-12-11",
        {"en": "the 15th", "de": "dem 15.", "es": "el día 15", "fr": "le 15"},
        {
            "en": "end of sprint 48",
            "de": "Ende von Sprint 48",
            "es": "el final del sprint 48",
            "fr": "la fin du sprint 48",
        },
    ),
    projects=("orders-api", "billing-worker", "edge-proxy"),
    hosts=("db-03.fra1.internal", "edge-2.fra1", "ci-runner-4", "batch-02"),
    fixes=(
        (
            "tests/test_render.py::test_upstream_block",
            "templates/nginx.conf.j2",
            "a missing semicolon after proxy_pass",
            37,
        ),
        (
            "molecule verify (role pgbouncer)",
            "roles/pgbouncer/tasks/main.yml",
            "wrong file mode 0600 on userlist.txt",
            12,
        ),
    ),
    deploys=(
        ("orders-api", "orders.int.example.net", "ansible-playbook -i inv/prod deploy.yml -l api"),
        ("status-page", "status.example.net", "./deploy.sh status-page"),
    ),
    jobs=(
        ("restic-prune", "restic -r sftp:backup@nas-1:/srv/restic snapshots --json | jq '.[-1]'"),
        ("pg_basebackup db-03", "systemctl status pg-basebackup@{run}"),
    ),
    procs=(
        (
            {
                "en": "Rotate the TLS cert on edge-2.fra1",
                "de": "TLS-Zertifikat auf edge-2.fra1 rotieren",
                "es": "Rotar el certificado TLS en edge-2.fra1",
                "fr": "Rotation du certificat TLS sur edge-2.fra1",
            },
            (
                "certbot renew --cert-name edge-2.fra1 --dry-run",
                "certbot renew --cert-name edge-2.fra1",
                "nginx -t",
                "systemctl reload nginx",
            ),
        ),
        (
            {
                "en": "Fail over orders-db to the replica",
                "de": "orders-db auf die Replica umschalten",
                "es": "Conmutar orders-db a la réplica",
                "fr": "Basculer orders-db sur le réplica",
            },
            (
                "patronictl -c /etc/patroni.yml list",
                "patronictl -c /etc/patroni.yml switchover --candidate db-04 --force",
                "psql -h db-04 -c 'select pg_is_in_recovery()'",
            ),
        ),
    ),
)

CODING = Domain(
    name="coding",
    cwd="/home/dev/src/invoicer",
    choices=(
        ChoiceSet(
            {
                "en": "HTTP client for invoicer",
                "de": "HTTP-Client für invoicer",
                "es": "Cliente HTTP para invoicer",
                "fr": "Client HTTP pour invoicer",
            },
            (
                ("httpx 0.28", "1 dependency", "sync + async"),
                ("requests 2.32", "4 dependencies", "sync only"),
                ("aiohttp 3.10", "6 dependencies", "async only"),
            ),
            -1,
        ),
        ChoiceSet(
            {
                "en": "Config format for the CLI",
                "de": "Config-Format für die CLI",
                "es": "Formato de configuración de la CLI",
                "fr": "Format de config du CLI",
            },
            (
                ("TOML via tomllib", "0 dependencies", "stdlib"),
                ("YAML via ruamel.yaml", "1 dependency", "comments kept"),
                ("JSON5", "1 dependency", "trailing commas"),
            ),
            -1,
        ),
        ChoiceSet(
            {
                "en": "Test runner for the monorepo",
                "de": "Test-Runner für das Monorepo",
                "es": "Runner de tests del monorepo",
                "fr": "Runner de tests du monorepo",
            },
            (
                ("vitest 2.1", "3.1 s", "native ESM"),
                ("jest 29", "11.4 s", "existing mocks"),
                ("node:test", "2.6 s", "no plugins"),
            ),
            -1,
        ),
    ),
    offers=(
        (
            "invoicer",
            "black",
            "ruff format",
            {"en": "formatter", "de": "Formatter", "es": "formateador", "fr": "formateur"},
        ),
        (
            {
                "en": "the CI pipeline",
                "de": "die CI-Pipeline",
                "es": "el pipeline de CI",
                "fr": "le pipeline CI",
            },
            "Python 3.11",
            "Python 3.12",
            {
                "en": "Python version",
                "de": "Python-Version",
                "es": "versión de Python",
                "fr": "version de Python",
            },
        ),
        (
            "tests/test_export.py",
            "unittest",
            "pytest",
            {"en": "test style", "de": "Test-Stil", "es": "estilo de tests", "fr": "style de tests"},
        ),
    ),
    tasks=(
        (
            {
                "en": "review PR #{x}",
                "de": "PR #{x} reviewen",
                "es": "revisar el PR #{x}",
                "fr": "relire la PR #{x}",
            },
            "482",
        ),
        (
            {
                "en": "cut release {x}",
                "de": "Release {x} bauen",
                "es": "sacar la release {x}",
                "fr": "publier la release {x}",
            },
            "v2.4.0",
        ),
    ),
    places=(
        (
            {
                "en": "the invoice templates",
                "de": "die Rechnungsvorlagen",
                "es": "las plantillas de factura",
                "fr": "les modèles de facture",
            },
            "src/invoicer/templates/",
        ),
        (
            {
                "en": "the CI secrets",
                "de": "die CI-Secrets",
                "es": "los secretos de CI",
                "fr": "les secrets CI",
            },
            {
                "en": "the GitHub environment 'prod'",
                "de": "dem GitHub-Environment 'prod'",
                "es": "el environment 'prod' de GitHub",
                "fr": "l'environnement GitHub 'prod'",
            },
        ),
    ),
    values=(
        (
            "invoicer",
            "Django 4.2",
            "Django 5.1",
            {
                "en": "framework version",
                "de": "Framework-Version",
                "es": "versión del framework",
                "fr": "version du framework",
            },
        ),
        (
            {
                "en": "the main branch",
                "de": "der Hauptbranch",
                "es": "la rama principal",
                "fr": "la branche principale",
            },
            "master",
            "main",
            {"en": "name", "de": "Name", "es": "nombre", "fr": "nom"},
        ),
    ),
    rules=(("uv run pytest", "pytest"), ("git commit -s", "git commit"), ("pnpm", "npm")),
    prefs=(
        ("ruff", "flake8"),
        (
            {"en": "squash merges", "de": "Squash-Merges", "es": "squash merges", "fr": "les squash merges"},
            {"en": "merge commits", "de": "Merge-Commits", "es": "merge commits", "fr": "les merge commits"},
        ),
        (
            {
                "en": "pytest fixtures",
                "de": "pytest-Fixtures",
                "es": "fixtures de pytest",
                "fr": "les fixtures pytest",
            },
            {
                "en": "setUp methods",
                "de": "setUp-Methoden",
                "es": "métodos setUp",
                "fr": "les méthodes setUp",
            },
        ),
    ),
    questions=(
        (
            {
                "en": "whether {x} should stay on Python 3.11",
                "de": "ob {x} auf Python 3.11 bleiben soll",
                "es": "si {x} debe quedarse en Python 3.11",
                "fr": "si {x} doit rester en Python 3.11",
            },
            "invoicer",
        ),
        (
            {
                "en": "whether to vendor {x}",
                "de": "ob wir {x} vendoren",
                "es": "si vendorizamos {x}",
                "fr": "s'il faut vendoriser {x}",
            },
            "pdfminer.six",
        ),
    ),
    figures=(
        (
            "the GitHub REST API",
            "5000",
            {
                "en": "requests per hour",
                "de": "Anfragen pro Stunde",
                "es": "peticiones por hora",
                "fr": "requêtes par heure",
            },
        ),
    ),
    people=("Lena", "Marco", "Yuki", "Dev"),
    dates=(
        {"en": "Thursday", "de": "Donnerstag", "es": "el jueves", "fr": "jeudi"},
        "2026-12-09",
        {"en": "next Monday", "de": "nächsten Montag", "es": "el lunes que viene", "fr": "lundi prochain"},
        {"en": "the 20th", "de": "dem 20.", "es": "el día 20", "fr": "le 20"},
    ),
    projects=("invoicer", "web-monorepo", "pdf-tools"),
    hosts=("ci.example.dev", "pypi.internal", "runner-7"),
    fixes=(
        (
            "tests/test_billing.py::test_due_date_rolls_over",
            "src/invoicer/billing.py",
            "a naive datetime in due_date()",
            142,
        ),
        (
            "tests/test_export.py::test_csv_header",
            "src/invoicer/export.py",
            "KeyError 'currency' in export_rows()",
            88,
        ),
        (
            "packages/ui/src/Button.test.tsx",
            "packages/ui/src/Button.tsx",
            "an off-by-one in the tab index",
            61,
        ),
    ),
    deploys=(("invoicer-web", "invoicer.staging.example.dev", "fly deploy --app invoicer-web-staging"),),
    jobs=(
        (
            {
                "en": "the release workflow",
                "de": "der Release-Workflow",
                "es": "el workflow de release",
                "fr": "le workflow de release",
            },
            "gh run view {run} --json status,conclusion",
        ),
    ),
    procs=(
        (
            {
                "en": "Release invoicer to PyPI",
                "de": "invoicer auf PyPI releasen",
                "es": "Publicar invoicer en PyPI",
                "fr": "Publier invoicer sur PyPI",
            },
            ("uv run pytest -q", "uv version --bump minor", "uv build", "uv publish --index internal"),
        ),
        (
            {
                "en": "Update the UI snapshots",
                "de": "UI-Snapshots aktualisieren",
                "es": "Actualizar los snapshots de la UI",
                "fr": "Mettre à jour les snapshots UI",
            },
            (
                "pnpm -F ui test -- -u",
                "git add packages/ui/__snapshots__",
                "git commit -sm 'ui: update snapshots'",
            ),
        ),
    ),
)

DATA = Domain(
    name="data",
    cwd="/home/ana/analytics",
    choices=(
        ChoiceSet(
            {
                "en": "Warehouse for the events pipeline",
                "de": "Warehouse für die Events-Pipeline",
                "es": "Warehouse para el pipeline de eventos",
                "fr": "Entrepôt pour le pipeline d'événements",
            },
            (
                ("DuckDB on s3://ev-lake", "€0", "single node"),
                ("BigQuery", "€310/month", "serverless"),
                ("ClickHouse 24.8", "€140/month", "one VM"),
            ),
            0,
        ),
        ChoiceSet(
            {
                "en": "Orchestrator for the dbt jobs",
                "de": "Orchestrator für die dbt-Jobs",
                "es": "Orquestador para los jobs de dbt",
                "fr": "Orchestrateur pour les jobs dbt",
            },
            (
                ("Dagster 1.8", "€0", "asset-based"),
                ("Airflow 2.10", "€0", "the team knows it"),
                ("dbt Cloud", "€100/seat", "hosted"),
            ),
            -1,
        ),
    ),
    offers=(
        (
            "fct_orders",
            "daily",
            "hourly",
            {
                "en": "refresh interval",
                "de": "Refresh-Intervall",
                "es": "intervalo de refresco",
                "fr": "intervalle de rafraîchissement",
            },
        ),
        (
            {
                "en": "the events table",
                "de": "die Events-Tabelle",
                "es": "la tabla de eventos",
                "fr": "la table des événements",
            },
            {"en": "by day", "de": "nach Tag", "es": "por día", "fr": "par jour"},
            {"en": "by month", "de": "nach Monat", "es": "por mes", "fr": "par mois"},
            {"en": "partitioning", "de": "Partitionierung", "es": "particionado", "fr": "partitionnement"},
        ),
    ),
    tasks=(
        (
            {
                "en": "backfill {x} from 2026-01-01",
                "de": "{x} ab 2026-01-01 nachladen",
                "es": "rellenar {x} desde 2026-01-01",
                "fr": "recharger {x} depuis le 2026-01-01",
            },
            "fct_orders",
        ),
        (
            {
                "en": "document the {x} model",
                "de": "das Modell {x} dokumentieren",
                "es": "documentar el modelo {x}",
                "fr": "documenter le modèle {x}",
            },
            "dim_customers",
        ),
    ),
    places=(
        (
            {
                "en": "the raw events",
                "de": "die Roh-Events",
                "es": "los eventos en bruto",
                "fr": "les événements bruts",
            },
            "s3://ev-lake/raw/",
        ),
        (
            {
                "en": "the dbt profiles",
                "de": "die dbt-Profile",
                "es": "los perfiles de dbt",
                "fr": "les profils dbt",
            },
            "~/.dbt/profiles.yml",
        ),
    ),
    values=(
        (
            {
                "en": "the churn dashboard",
                "de": "das Churn-Dashboard",
                "es": "el dashboard de churn",
                "fr": "le tableau de bord churn",
            },
            "weekly",
            "daily",
            {"en": "refresh", "de": "Aktualisierung", "es": "actualización", "fr": "actualisation"},
        ),
        (
            "dim_customers",
            "customer_id",
            "account_id",
            {"en": "key", "de": "Schlüssel", "es": "clave", "fr": "clé"},
        ),
    ),
    rules=(
        ("dbt build --select state:modified+", "dbt run"),
        (
            "sqlfluff fix",
            {
                "en": "manual formatting",
                "de": "manuelles Formatieren",
                "es": "formatear a mano",
                "fr": "le formatage à la main",
            },
        ),
    ),
    prefs=(("Polars", "pandas"), ("parquet", "CSV")),
    questions=(
        (
            {
                "en": "whether {x} should drop test accounts",
                "de": "ob {x} Testkonten ausschließen soll",
                "es": "si {x} debe excluir las cuentas de prueba",
                "fr": "si {x} doit exclure les comptes de test",
            },
            "fct_revenue",
        ),
    ),
    figures=(
        (
            "the Stripe API",
            "100",
            {
                "en": "read requests per second",
                "de": "Lese-Anfragen pro Sekunde",
                "es": "lecturas por segundo",
                "fr": "lectures par seconde",
            },
        ),
    ),
    people=("Ana", "Felix", "Chen", "Ola"),
    dates=(
        {"en": "Wednesday", "de": "Mittwoch", "es": "el miércoles", "fr": "mercredi"},
        "2026-12-14",
        {"en": "month end", "de": "Monatsende", "es": "fin de mes", "fr": "la fin du mois"},
        {"en": "the 3rd", "de": "dem 3.", "es": "el día 3", "fr": "le 3"},
    ),
    projects=("events-pipeline", "dbt-core-models", "churn-report"),
    hosts=("etl-01", "warehouse.internal", "airflow.int"),
    fixes=(
        (
            "dbt test not_null_fct_orders_amount",
            "models/marts/fct_orders.sql",
            "a LEFT JOIN on refunds that drops amount",
            214,
        ),
        ("tests/test_loader.py::test_parse_ts", "etl/loader.py", "epoch milliseconds read as seconds", 39),
    ),
    deploys=(("the metrics API", "metrics.warehouse.internal", "make deploy-metrics"),),
    jobs=(
        ("dbt build on etl-01", "dagster run status {run}"),
        (
            {
                "en": "the nightly backfill",
                "de": "das nächtliche Backfill",
                "es": "el backfill nocturno",
                "fr": "le backfill nocturne",
            },
            "airflow tasks state backfill_events load {run}",
        ),
    ),
    procs=(
        (
            {
                "en": "Rebuild fct_orders after a late partition",
                "de": "fct_orders nach einer späten Partition neu bauen",
                "es": "Reconstruir fct_orders tras una partición tardía",
                "fr": "Reconstruire fct_orders après une partition tardive",
            },
            (
                "aws s3 ls s3://ev-lake/raw/dt=2026-12-01/",
                "dbt build --select fct_orders+ --vars '{day: 2026-12-01}'",
                "dbt test --select fct_orders",
            ),
        ),
    ),
)

PERSONAL = Domain(
    name="personal",
    cwd="/home/marta/.openclaw/workspace",
    choices=(
        ChoiceSet(
            {"en": "Hotel in Porto", "de": "Hotel in Porto", "es": "Hotel en Oporto", "fr": "Hôtel à Porto"},
            (
                ("Ribeira Riverside Flat", "€145/night", "river view"),
                ("Hotel Infante Sagres", "€230/night", "historic"),
                ("Gaia Loft 12", "€98/night", "across the bridge"),
            ),
            2,
        ),
        ChoiceSet(
            {
                "en": "Train to Lyon on 2026-12-19",
                "de": "Zug nach Lyon am 2026-12-19",
                "es": "Tren a Lyon el 2026-12-19",
                "fr": "Train pour Lyon le 2026-12-19",
            },
            (
                ("TGV 6617 at 07:52", "€89", "direct, 2h"),
                ("TER 17421 at 09:10", "€41", "one change"),
                ("Ouigo 7810 at 12:40", "€29", "from Marne-la-Vallée"),
            ),
            2,
        ),
        ChoiceSet(
            {
                "en": "Gym membership",
                "de": "Fitnessstudio-Abo",
                "es": "Cuota del gimnasio",
                "fr": "Abonnement à la salle",
            },
            (
                ("Urban Sports M", "€59/month", "many studios"),
                ("McFit", "€29/month", "near the office"),
                ("Boulderklub", "€45/month", "climbing only"),
            ),
            1,
        ),
    ),
    offers=(
        (
            {
                "en": "the weekly review",
                "de": "der Wochenrückblick",
                "es": "la revisión semanal",
                "fr": "la revue hebdomadaire",
            },
            {
                "en": "Sunday 18:00",
                "de": "Sonntag 18:00",
                "es": "domingo a las 18:00",
                "fr": "dimanche 18:00",
            },
            {
                "en": "Friday 16:00",
                "de": "Freitag 16:00",
                "es": "viernes a las 16:00",
                "fr": "vendredi 16:00",
            },
            {"en": "slot", "de": "Termin", "es": "horario", "fr": "créneau"},
        ),
        (
            {
                "en": "the packing list",
                "de": "die Packliste",
                "es": "la lista de equipaje",
                "fr": "la liste de bagages",
            },
            {"en": "one list", "de": "eine Liste", "es": "una lista", "fr": "une seule liste"},
            {
                "en": "one list per person",
                "de": "eine Liste pro Person",
                "es": "una lista por persona",
                "fr": "une liste par personne",
            },
            {"en": "format", "de": "Format", "es": "formato", "fr": "format"},
        ),
    ),
    tasks=(
        (
            {
                "en": "book the table at {x}",
                "de": "den Tisch im {x} reservieren",
                "es": "reservar mesa en {x}",
                "fr": "réserver la table chez {x}",
            },
            "Casa Vegetal",
        ),
        (
            {
                "en": "send the passport copy to {x}",
                "de": "die Passkopie an {x} schicken",
                "es": "mandar la copia del pasaporte a {x}",
                "fr": "envoyer la copie du passeport à {x}",
            },
            "the visa agency",
        ),
    ),
    places=(
        (
            {
                "en": "the spare key",
                "de": "der Ersatzschlüssel",
                "es": "la llave de repuesto",
                "fr": "la clé de secours",
            },
            {
                "en": "Frau Öztürk in flat 3B",
                "de": "Frau Öztürk in Wohnung 3B",
                "es": "la señora Öztürk del 3B",
                "fr": "Mme Öztürk, appartement 3B",
            },
        ),
        (
            {
                "en": "the travel documents",
                "de": "die Reiseunterlagen",
                "es": "los papeles del viaje",
                "fr": "les documents de voyage",
            },
            {
                "en": "the Documents/Travel-2026 folder",
                "de": "dem Ordner Documents/Travel-2026",
                "es": "la carpeta Documents/Travel-2026",
                "fr": "le dossier Documents/Travel-2026",
            },
        ),
    ),
    values=(
        (
            {
                "en": "the dentist appointment",
                "de": "der Zahnarzttermin",
                "es": "la cita del dentista",
                "fr": "le rendez-vous chez le dentiste",
            },
            {"en": "Tuesday 10:00", "de": "Dienstag 10:00", "es": "martes a las 10:00", "fr": "mardi 10:00"},
            {
                "en": "Thursday 10:00",
                "de": "Donnerstag 10:00",
                "es": "jueves a las 10:00",
                "fr": "jeudi 10:00",
            },
            {"en": "time", "de": "Termin", "es": "hora", "fr": "heure"},
        ),
        (
            "Sam's flight",
            "LH 1162",
            "LH 1166",
            {"en": "flight number", "de": "Flugnummer", "es": "número de vuelo", "fr": "numéro de vol"},
        ),
    ),
    rules=(
        (
            {
                "en": "aisle seats",
                "de": "Gangplätze",
                "es": "asientos de pasillo",
                "fr": "places côté couloir",
            },
            {"en": "window seats", "de": "Fensterplätze", "es": "ventanilla", "fr": "places côté hublot"},
        ),
        (
            {
                "en": "vegetarian places",
                "de": "vegetarische Lokale",
                "es": "sitios vegetarianos",
                "fr": "restos végétariens",
            },
            {"en": "steakhouses", "de": "Steakhäuser", "es": "asadores", "fr": "steakhouses"},
        ),
    ),
    prefs=(
        ("Telegram", {"en": "email", "de": "E-Mail", "es": "el correo", "fr": "l'e-mail"}),
        (
            {"en": "morning flights", "de": "Morgenflüge", "es": "vuelos de mañana", "fr": "vols du matin"},
            {"en": "evening flights", "de": "Abendflüge", "es": "vuelos de tarde", "fr": "vols du soir"},
        ),
    ),
    questions=(
        (
            {
                "en": "whether {x} is coeliac-safe",
                "de": "ob {x} zöliakie-sicher ist",
                "es": "si {x} es apto para celíacos",
                "fr": "si {x} est sûr pour les cœliaques",
            },
            "Casa Vegetal",
        ),
    ),
    figures=(
        (
            "the TAP baggage rules",
            "23 kg",
            {
                "en": "checked bag limit",
                "de": "Freigepäck",
                "es": "límite de equipaje facturado",
                "fr": "franchise bagage en soute",
            },
        ),
    ),
    people=("Sam", "Jule", "Carmen", "Oma Hilde"),
    dates=(
        {"en": "Saturday", "de": "Samstag", "es": "el sábado", "fr": "samedi"},
        "2026-12-18",
        {"en": "before Christmas", "de": "Weihnachten", "es": "Navidad", "fr": "Noël"},
        {"en": "the 22nd", "de": "dem 22.", "es": "el día 22", "fr": "le 22"},
    ),
    projects=("trip-2026", "household", "taxes-2025"),
    hosts=("calendar", "notes", "drive"),
    procs=(
        (
            {
                "en": "Export the trip calendar",
                "de": "Reisekalender exportieren",
                "es": "Exportar el calendario del viaje",
                "fr": "Exporter le calendrier du voyage",
            },
            (
                "python3 skills/calendar/export.py --trip trip-2026 --out trips/trip-2026.ics",
                "python3 skills/calendar/share.py trips/trip-2026.ics --to sam",
            ),
        ),
    ),
)

DOMAINS = (INFRA, CODING, DATA, PERSONAL)
