"""fresh16: hand-written eval split for memoryd (persona: Ravi, on-call data engineer)."""

import re
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from pathlib import Path
from typing import Any

from envelope import Conv as _Conv
from envelope import main

Tool = tuple[str, dict[str, Any]]


class Conv(_Conv):
    """Tool results of commands with ``sleep N`` (polling loops) arrive N seconds later."""

    def a(self, text: str = "", tools: list[Tool] | None = None, think: str = "", gap: float = 3.0) -> str:
        self._cmds: list[str] = getattr(self, "_cmds", [])
        for _name, args in tools or []:
            self._cmds.append(args.get("command", ""))
        return super().a(text, tools=tools, think=think, gap=gap)

    def r(self, output: str, exit_code: int = 0, gap: float = 1.5) -> str:
        cmd = self._cmds.pop(0)
        slept = sum(int(n) for n in re.findall(r"\bsleep (\d+)", cmd))
        loops = re.search(r"for i in ((?:\d+ ?)+); do", cmd)
        if loops and slept:
            slept *= len(loops.group(1).split())
        return super().r(output, exit_code=exit_code, gap=gap + slept)

    def at(self, think: str, text: str = "", tools: list[Tool] | None = None, gap: float = 3.0) -> str:
        """An assistant reply that starts with a thinking block."""
        return self.a(text, tools=tools, think=think, gap=gap)


def B(cmd: str) -> Tool:
    return ("bash", {"command": cmd})


def R(path: str) -> Tool:
    return ("read", {"path": path})


def W(path: str, content: str) -> Tool:
    return ("write", {"path": path, "content": content})


def E(path: str, old: str, new: str) -> Tool:
    return ("edit", {"path": path, "oldText": old, "newText": new})


# ---------------------------------------------------------------------------------------------
def c01() -> Conv:
    c = Conv(
        "01-airflow-orders-dag-retries", "2026-11-23T06:12:00", 1, "pi", cwd="/home/ravi/src/data-platform"
    )
    c.u(
        "morning. orders_daily dag failed again overnight, pager went off at 4. can you look? "
        "airflow is at airflow.int.lumenhq.net, cli works from the bastion"
    )
    c.a(
        "Let me look at the last runs of `orders_daily` first.",
        tools=[B("ssh bastion-01 'airflow dags list-runs -d orders_daily --no-backfill -o table | head -8'")],
    )
    c.r(
        "dag_id       | run_id                               | state   | execution_date            | start_date\n"
        "=============+======================================+=========+===========================+==========================\n"
        "orders_daily | scheduled__2026-11-22T02:00:00+00:00 | failed  | 2026-11-22T02:00:00+00:00 | 2026-11-23T02:00:04+00:00\n"
        "orders_daily | scheduled__2026-11-21T02:00:00+00:00 | success | 2026-11-21T02:00:00+00:00 | 2026-11-22T02:00:03+00:00\n"
        "orders_daily | scheduled__2026-11-20T02:00:00+00:00 | failed  | 2026-11-20T02:00:00+00:00 | 2026-11-21T02:00:05+00:00"
    )
    c.a(
        tools=[
            B(
                "ssh bastion-01 'airflow tasks states-for-dag-run orders_daily scheduled__2026-11-22T02:00:00+00:00'"
            )
        ]
    )
    c.r(
        "dag_id       | task_id              | state           | try_number\n"
        "orders_daily | extract_orders_pg    | failed          | 1\n"
        "orders_daily | load_orders_raw      | upstream_failed | 0\n"
        "orders_daily | dbt_build_orders     | upstream_failed | 0"
    )
    c.a(
        tools=[
            B(
                "ssh bastion-01 'tail -n 25 /opt/airflow/logs/dag_id=orders_daily/run_id=scheduled__2026-11-22T02:00:00+00:00/task_id=extract_orders_pg/attempt=1.log'"
            )
        ]
    )
    r_log = c.r(
        "[2026-11-23, 02:00:11 UTC] {base.py:84} INFO - Using connection ID 'pg_orders_replica'\n"
        "[2026-11-23, 02:14:12 UTC] {taskinstance.py:2731} ERROR - Task failed with exception\n"
        "psycopg2.OperationalError: could not connect to server: Connection timed out\n"
        '\tIs the server running on host "pg-orders-ro.int.lumenhq.net" and accepting TCP/IP connections on port 5432?\n'
        "[2026-11-23, 02:14:12 UTC] {taskinstance.py:1149} INFO - Marking task as FAILED. dag_id=orders_daily, task_id=extract_orders_pg, try_number=1\n"
        "[2026-11-23, 02:14:12 UTC] {standard_task_runner.py:104} ERROR - Failed to execute job 88213 for task extract_orders_pg"
    )
    a_diag = c.a(
        "Found it, though not in the way I expected. The task didn't fail on a query: it failed to *connect* to "
        "`pg-orders-ro.int.lumenhq.net:5432` and sat there for 14 minutes before timing out. The run on the 20th "
        "looks like the same pattern. Two things stand out:\n\n"
        "1. The task has `retries=0`, so one network blip at 02:00 kills the whole chain (load and dbt go `upstream_failed`).\n"
        "2. There is no `connect_timeout` on the connection, so each attempt hangs for the OS default.\n\n"
        "What I'd suggest:\n- `retries=3`, `retry_delay=timedelta(minutes=10)` on `extract_orders_pg`\n"
        "- `connect_timeout=30` in the extras of `pg_orders_replica`\n\n"
        "Want me to check whether the replica itself is reachable right now first?"
    )
    u2 = c.u(
        "yep do both. and check replica yes. the conn string is postgresql://airflow_ro:Qm7!vTz2pLw9@pg-orders-ro.int.lumenhq.net:5432/orders if you need it"
    )
    c.a(
        "Checking the replica from the Airflow worker's network:",
        tools=[
            B(
                "ssh airflow-worker-02 \"psql 'postgresql://airflow_ro:Qm7!vTz2pLw9@pg-orders-ro.int.lumenhq.net:5432/orders?connect_timeout=10' -c 'select now(), pg_is_in_recovery();'\""
            )
        ],
    )
    c.r(
        'psql: error: connection to server at "pg-orders-ro.int.lumenhq.net" (10.40.7.21), port 5432 failed: timeout expired',
        exit_code=2,
    )
    c.a(
        "Timeout from worker-02. Trying once more, then from worker-01 to see if it's one host:",
        tools=[
            B(
                "ssh airflow-worker-02 \"psql 'postgresql://airflow_ro:Qm7!vTz2pLw9@pg-orders-ro.int.lumenhq.net:5432/orders?connect_timeout=10' -c 'select 1'\""
            ),
            B(
                "ssh airflow-worker-01 \"psql 'postgresql://airflow_ro:Qm7!vTz2pLw9@pg-orders-ro.int.lumenhq.net:5432/orders?connect_timeout=10' -c 'select 1'\""
            ),
        ],
    )
    c.r(
        'psql: error: connection to server at "pg-orders-ro.int.lumenhq.net" (10.40.7.21), port 5432 failed: timeout expired',
        exit_code=2,
    )
    c.r(" ?column? \n----------\n        1\n(1 row)")
    c.a(
        "Worker-01 connects fine, worker-02 times out. So it's a network path issue for one worker, not the replica. "
        "Let me check the security group on the replica:",
        tools=[
            B(
                "aws ec2 describe-security-groups --group-ids sg-0b7e41c9d2a35f810 --query 'SecurityGroups[0].IpPermissions[?FromPort==`5432`].IpRanges' --output text"
            )
        ],
    )
    c.r("10.40.12.0/24\tairflow workers a\n10.40.3.0/24\tbastion")
    c.a(tools=[B("ssh airflow-worker-02 'hostname -I'")])
    r_ip = c.r("10.40.14.37 172.17.0.1")
    a_cause = c.at(
        "worker-02 has 10.40.14.37, SG only allows 10.40.12.0/24 and the bastion. That explains the alternating failures. Adding a rule is a prod SG change, ask first.",
        "That's the cause: worker-02 is at `10.40.14.37`, in a subnet (`10.40.14.0/24`) that isn't allowed on port 5432 in "
        "`sg-0b7e41c9d2a35f810`. Whenever `extract_orders_pg` lands on worker-02 it hangs; on worker-01 it works, which is why "
        "it fails every other night or so. Worker-02 was probably added after the SG rule was written.\n\n"
        "I can add an ingress rule for `10.40.14.0/24` on 5432. Shall I?",
    )
    u3 = c.u(
        "do it. but note for the future: never touch prod security groups without a ticket number in the description. use DATA-4471"
    )
    a_add = c.a(
        "Adding it with the ticket in the description:",
        tools=[
            B(
                "aws ec2 authorize-security-group-ingress --group-id sg-0b7e41c9d2a35f810 --ip-permissions 'IpProtocol=tcp,FromPort=5432,ToPort=5432,IpRanges=[{CidrIp=10.40.14.0/24,Description=\"airflow workers b - DATA-4471\"}]'"
            )
        ],
    )
    c.r(
        '{\n    "Return": true,\n    "SecurityGroupRules": [\n        {\n            "SecurityGroupRuleId": "sgr-04c2a9be71f03d5e6",\n            "GroupId": "sg-0b7e41c9d2a35f810",\n            "IpProtocol": "tcp",\n            "FromPort": 5432,\n            "ToPort": 5432,\n            "CidrIpv4": "10.40.14.0/24",\n            "Description": "airflow workers b - DATA-4471"\n        }\n    ]\n}'
    )
    c.a(
        tools=[
            B(
                "ssh airflow-worker-02 \"psql 'postgresql://airflow_ro:Qm7!vTz2pLw9@pg-orders-ro.int.lumenhq.net:5432/orders?connect_timeout=10' -c 'select 1'\""
            )
        ]
    )
    r_ok = c.r(" ?column? \n----------\n        1\n(1 row)")
    c.a(
        "Worker-02 connects now. Next, the DAG change:",
        tools=[
            E(
                "dags/orders_daily.py",
                '    extract = PostgresToS3Operator(\n        task_id="extract_orders_pg",\n        postgres_conn_id="pg_orders_replica",',
                '    extract = PostgresToS3Operator(\n        task_id="extract_orders_pg",\n        postgres_conn_id="pg_orders_replica",\n        retries=3,\n        retry_delay=timedelta(minutes=10),',
            )
        ],
    )
    c.r("Successfully replaced text in dags/orders_daily.py.")
    c.a(tools=[B('ssh bastion-01 "airflow connections get pg_orders_replica -o json | jq .extra_dejson"')])
    c.r("{}")
    c.a(
        tools=[
            B(
                "ssh bastion-01 \"airflow connections delete pg_orders_replica && airflow connections add pg_orders_replica --conn-uri 'postgresql://airflow_ro:Qm7!vTz2pLw9@pg-orders-ro.int.lumenhq.net:5432/orders?connect_timeout=30'\""
            )
        ]
    )
    c.r(
        "Successfully deleted connection with `conn_id`=pg_orders_replica\nSuccessfully added `conn_id`=pg_orders_replica : postgresql://airflow_ro:******@pg-orders-ro.int.lumenhq.net:5432/orders?connect_timeout=30"
    )
    c.a(
        tools=[
            B(
                "git add dags/orders_daily.py && git commit -m 'orders_daily: retries=3 on extract_orders_pg (DATA-4471)' && git push origin main"
            )
        ]
    )
    c.r(
        "[main 5c1e9a7] orders_daily: retries=3 on extract_orders_pg (DATA-4471)\n 1 file changed, 2 insertions(+)\nTo github.com:lumenhq/data-platform.git\n   a04b2d1..5c1e9a7  main -> main"
    )
    c.a(
        "Pushed as `5c1e9a7`. The git-sync sidecar picks it up within ~2 minutes. Clearing the failed run so it re-runs:",
        tools=[
            B(
                "ssh bastion-01 'airflow tasks clear orders_daily -t extract_orders_pg -s 2026-11-22 -e 2026-11-22 --downstream --yes'"
            )
        ],
    )
    c.r(
        "Cleared 3 task instances.\n<TaskInstance: orders_daily.extract_orders_pg scheduled__2026-11-22T02:00:00+00:00 [failed]>\n"
        "<TaskInstance: orders_daily.load_orders_raw scheduled__2026-11-22T02:00:00+00:00 [upstream_failed]>\n"
        "<TaskInstance: orders_daily.dbt_build_orders scheduled__2026-11-22T02:00:00+00:00 [upstream_failed]>"
    )
    c.a(
        "Polling the run state:",
        tools=[
            B(
                "sleep 240; ssh bastion-01 'airflow tasks states-for-dag-run orders_daily scheduled__2026-11-22T02:00:00+00:00'"
            )
        ],
    )
    c.r(
        "dag_id       | task_id              | state   | try_number\n"
        "orders_daily | extract_orders_pg    | success | 2\n"
        "orders_daily | load_orders_raw      | running | 1\n"
        "orders_daily | dbt_build_orders     | None    | 0"
    )
    c.a(
        tools=[
            B(
                "sleep 300; ssh bastion-01 'airflow tasks states-for-dag-run orders_daily scheduled__2026-11-22T02:00:00+00:00'"
            )
        ]
    )
    c.r(
        "dag_id       | task_id              | state   | try_number\n"
        "orders_daily | extract_orders_pg    | success | 2\n"
        "orders_daily | load_orders_raw      | success | 1\n"
        "orders_daily | dbt_build_orders     | running | 1"
    )
    c.a(
        tools=[
            B(
                "sleep 300; ssh bastion-01 'airflow dags list-runs -d orders_daily --no-backfill -o table | head -3'"
            )
        ]
    )
    r_done = c.r(
        "dag_id       | run_id                               | state   | execution_date            | start_date\n"
        "=============+======================================+=========+===========================+==========================\n"
        "orders_daily | scheduled__2026-11-22T02:00:00+00:00 | success | 2026-11-22T02:00:00+00:00 | 2026-11-23T02:00:04+00:00"
    )
    a_sum = c.a(
        "The 2026-11-22 run of `orders_daily` is green now. Summary:\n\n"
        "- **Cause**: `airflow-worker-02` (10.40.14.37) was not allowed to reach `pg-orders-ro.int.lumenhq.net:5432`. "
        "Added SG rule `sgr-04c2a9be71f03d5e6` for `10.40.14.0/24` on `sg-0b7e41c9d2a35f810`, description references DATA-4471.\n"
        "- **DAG**: `retries=3`, `retry_delay=10min` on `extract_orders_pg`, commit `5c1e9a7`.\n"
        "- **Connection**: `pg_orders_replica` now has `connect_timeout=30`.\n\n"
        "The run on the 20th is still failed. Want me to clear that one too, or is the data for that day already patched?"
    )
    u4 = c.u(
        "leave the 20th, Mei backfilled it by hand. tell you what, Mei should also add worker-02's subnet to the terraform module so it doesnt drift back. by wednesday the 25th. can you write that down somewhere"
    )
    c.a(
        "Noted in the on-call log:",
        tools=[
            B(
                "printf '%s\\n' '- 2026-11-23 orders_daily: SG fix for 10.40.14.0/24 applied by hand (DATA-4471). TODO Mei: add subnet to terraform module modules/pg-replica-sg by Wed 2026-11-25.' >> oncall/log-2026-11.md"
            )
        ],
    )
    c.r("")
    c.a(
        "Added to `oncall/log-2026-11.md`. The console-applied rule will be overwritten on the next `terraform apply` unless the module is updated, so that's worth chasing if it slips."
    )
    c.u("thx")

    c.item(
        "outcome",
        "orders_daily failed because airflow-worker-02 (10.40.14.37, subnet 10.40.14.0/24) could not reach "
        "pg-orders-ro.int.lumenhq.net:5432; ingress rule sgr-04c2a9be71f03d5e6 added to sg-0b7e41c9d2a35f810 for 10.40.14.0/24 "
        "(DATA-4471), worker-02 now connects.",
        [r_log, r_ip, a_cause, u3, a_add, r_ok],
    )
    c.item(
        "decision",
        "extract_orders_pg gets retries=3 and retry_delay=10 minutes, and the pg_orders_replica connection gets connect_timeout=30.",
        [a_diag, u2],
        True,
    )
    c.item(
        "outcome",
        "dags/orders_daily.py retries change committed and pushed as 5c1e9a7; the cleared 2026-11-22 orders_daily run then finished with success.",
        [r_done, a_sum],
    )
    c.item(
        "fact",
        "Standing rule: never change prod security groups without a ticket number in the description (here DATA-4471).",
        [u3],
        True,
    )
    c.item(
        "fact", "The failed 2026-11-20 orders_daily run is left as is; Mei backfilled that day by hand.", [u4]
    )
    c.item(
        "todo",
        "Mei adds worker-02's subnet 10.40.14.0/24 to the terraform module (modules/pg-replica-sg) by Wednesday 2026-11-25.",
        [u4],
    )
    c.canaries = ["Qm7!vTz2pLw9"]
    c.noise = [
        "Let me look at the last runs",
        "Polling the run state",
        "Checking the replica from the Airflow worker's network",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c02() -> Conv:
    c = Conv("02-kafka-enricher-lag", "2026-11-24T15:41:00", 1, "control-ui")
    c.u(
        "kafka lag alert on events-enricher, 2.1M and climbing. brokers are kafka-{1,2,3}.stream.lumenhq.net:9092. "
        "also unrelated, whats the retention on topic clicks.raw rn"
    )
    c.a(
        "Checking the consumer group and the topic config together.",
        tools=[
            B(
                "kafka-consumer-groups --bootstrap-server kafka-1.stream.lumenhq.net:9092 --describe --group events-enricher | sort -k6 -n -r | head -8"
            ),
            B(
                "kafka-configs --bootstrap-server kafka-1.stream.lumenhq.net:9092 --entity-type topics --entity-name clicks.raw --describe | tr ',' '\\n' | grep retention"
            ),
        ],
    )
    c.r(
        "GROUP           TOPIC       PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG     CONSUMER-ID                                   HOST\n"
        "events-enricher clicks.raw  7          88123410        88902377        778967  enricher-5c9d7f-2-1a7e0c  /10.40.21.14\n"
        "events-enricher clicks.raw  3          87911022        88610455        699433  enricher-5c9d7f-2-1a7e0c  /10.40.21.14\n"
        "events-enricher clicks.raw  11         88301777        88919904        618127  enricher-5c9d7f-2-1a7e0c  /10.40.21.14\n"
        "events-enricher clicks.raw  0          88910201        88912310        2109    enricher-5c9d7f-0-88b1d2  /10.40.21.11\n"
        "events-enricher clicks.raw  4          88899112        88903018        3906    enricher-5c9d7f-1-c3f02e  /10.40.21.12\n"
        "events-enricher clicks.raw  8          88912003        88913550        1547    enricher-5c9d7f-0-88b1d2  /10.40.21.11"
    )
    r_ret = c.r("retention.ms=259200000\nretention.bytes=-1")
    a_opts = c.a(
        "Retention on `clicks.raw` is `259200000` ms, i.e. 3 days, no size limit.\n\n"
        "On the lag: it's not spread evenly. Almost all of it (partitions 3, 7, 11) sits on **one** consumer, "
        "`enricher-5c9d7f-2` on 10.40.21.14. The other two consumers are near zero. The topic has 12 partitions and the "
        "deployment runs 3 replicas, so each pod has 4 partitions, and pod 2 is falling behind.\n\n"
        "Options:\n1. Restart pod 2 only (cheap; helps if it's a stuck/GC-thrashing pod, not if its partitions are hot).\n"
        "2. Scale the deployment from 3 to 6 replicas, so each pod owns 2 partitions. Costs a rebalance but spreads the hot partitions.\n"
        "3. Increase partitions on `clicks.raw` to 24. Changes key->partition mapping, which breaks ordering for in-flight keys. I wouldn't.\n\n"
        "I'd lean to 2. Want me to look at pod 2's metrics before choosing?"
    )
    u2 = c.u("the second one, skip the metrics")
    c.a(
        "Scaling to 6:",
        tools=[
            B(
                "kubectl -n stream scale deploy/events-enricher --replicas=6 && kubectl -n stream rollout status deploy/events-enricher --timeout=180s"
            )
        ],
    )
    r_sc = c.r(
        'deployment.apps/events-enricher scaled\nWaiting for deployment "events-enricher" rollout to finish: 3 of 6 updated replicas are available...\n'
        'Waiting for deployment "events-enricher" rollout to finish: 5 of 6 updated replicas are available...\n'
        'deployment "events-enricher" successfully rolled out'
    )
    c.a(
        "All 6 up. Polling lag every couple of minutes:",
        tools=[
            B(
                "sleep 120; kafka-consumer-groups --bootstrap-server kafka-1.stream.lumenhq.net:9092 --describe --group events-enricher | awk 'NR>1{s+=$6} END{print \"total lag:\", s}'"
            )
        ],
    )
    c.r("total lag: 2244810")
    c.a(
        tools=[
            B(
                "sleep 180; kafka-consumer-groups --bootstrap-server kafka-1.stream.lumenhq.net:9092 --describe --group events-enricher | awk 'NR>1{s+=$6} END{print \"total lag:\", s}'"
            )
        ]
    )
    c.r("total lag: 1630277")
    c.a(
        "Going down, about 200k/min. Checking the pod logs while it drains:",
        tools=[
            B(
                "kubectl -n stream logs deploy/events-enricher --all-containers --since=5m | grep -iE 'warn|error' | sort | uniq -c | sort -rn | head"
            )
        ],
    )
    r_503 = c.r(
        "    412 WARN  DlqProducer - schema registry returned HTTP 503 Service Unavailable for subject clicks.dlq-value, retrying in 2s\n"
        "     37 ERROR DlqProducer - giving up on record after 5 attempts, dropping (subject clicks.dlq-value, status 503)\n"
        "      3 WARN  ConsumerCoordinator - Revoking previously assigned partitions"
    )
    a_503 = c.a(
        "The lag is draining, but there's a second problem in the logs: the dead-letter producer can't register/fetch the schema for "
        "`clicks.dlq-value`. Schema registry answers **HTTP 503**, and after 5 attempts records are **dropped**: 37 in the last 5 minutes. "
        "Those are records that failed enrichment, so they'd be lost rather than parked.\n\nLet me ask the registry directly:",
        tools=[
            B(
                "curl -s -u enricher:sr_pat_7HqZk2xN4wLm9vRt -o /dev/null -w '%{http_code}\\n' https://schema-registry.stream.lumenhq.net/subjects/clicks.dlq-value/versions/latest"
            )
        ],
    )
    c.r("503")
    c.a(
        tools=[
            B(
                "curl -s -u enricher:sr_pat_7HqZk2xN4wLm9vRt https://schema-registry.stream.lumenhq.net/subjects/clicks.raw-value/versions/latest | jq -r .version"
            )
        ]
    )
    c.r("14")
    c.a(
        "Interesting: `clicks.raw-value` answers fine (version 14), only `clicks.dlq-value` returns 503. Retrying a few times in case it's transient:",
        tools=[
            B(
                "for i in 1 2 3 4 5; do curl -s -u enricher:sr_pat_7HqZk2xN4wLm9vRt -o /dev/null -w '%{http_code} ' https://schema-registry.stream.lumenhq.net/subjects/clicks.dlq-value/versions/latest; sleep 10; done; echo"
            )
        ],
    )
    r_503b = c.r("503 503 503 503 503 ")
    a_503c = c.at(
        "Only clicks.dlq-value fails, others fine. Not something I can fix without registry admin. A raw-bytes DLQ would stop the drops but changes the contract for consumers.",
        "Consistently 503 for that one subject, 200 for the others. That smells like the registry's backing `_schemas` topic or a "
        "bad subject entry, which is the stream team's side. I can't fix it from here without admin on the registry.\n\n"
        "Options: (a) open a ticket with the stream team, (b) temporarily switch the DLQ to write raw bytes without schema, "
        "so nothing gets dropped. (b) needs a config change and redeploy. Want me to do (b)?",
    )
    u3 = c.u(
        "no, dont change the dlq serializer, downstream parses it. i'll ping Tomasz on the stream team about the registry. "
        "how's lag"
    )
    c.a(
        tools=[
            B(
                "kafka-consumer-groups --bootstrap-server kafka-1.stream.lumenhq.net:9092 --describe --group events-enricher | awk 'NR>1{s+=$6} END{print \"total lag:\", s}'"
            )
        ]
    )
    c.r("total lag: 412960")
    c.a(
        tools=[
            B(
                'sleep 180; kafka-consumer-groups --bootstrap-server kafka-1.stream.lumenhq.net:9092 --describe --group events-enricher | awk \'NR>1{s+=$6; if($6>m)m=$6} END{print "total lag:", s, "max partition:", m}\''
            )
        ]
    )
    r_lag = c.r("total lag: 8421 max partition: 1388")
    a_lag = c.a(
        "Lag is basically gone: 8,421 total, max 1,388 on a single partition, which is normal steady state. "
        "The alert should clear on its next evaluation.\n\nStill open: the DLQ drops on `clicks.dlq-value` (HTTP 503 from the "
        "registry). They're ongoing; each minute some failed records are lost. Want me to keep a count running so you can tell Tomasz how many?"
    )
    u4 = c.u(
        "nah. keep the 6 replicas permanently btw, put it in the helm values so argo doesnt scale it back. and remember for kafka stuff: "
        "I always want lag reported per partition not just the total"
    )
    c.a(
        tools=[
            E(
                "charts/events-enricher/values-prod.yaml",
                "replicaCount: 3",
                "replicaCount: 6  # 12 partitions / 2 per pod, 2026-11-24",
            )
        ]
    )
    c.r("Successfully replaced text in charts/events-enricher/values-prod.yaml.")
    c.a(tools=[B("git -C charts commit -am 'events-enricher: 6 replicas in prod' && git -C charts push")])
    r_helm = c.r(
        "[main e71d03b] events-enricher: 6 replicas in prod\n 1 file changed, 1 insertion(+), 1 deletion(-)\nTo github.com:lumenhq/charts.git\n   9f2c1aa..e71d03b  main -> main"
    )
    c.a(
        "Done: `replicaCount: 6` in `charts/events-enricher/values-prod.yaml`, commit `e71d03b`, so Argo CD will keep 6.\n\n"
        "And noted: from now on I'll report Kafka lag per partition. Current per-partition lag, highest first: p7 1,388, p3 1,102, p11 977, the rest under 700."
    )
    c.u("👍")

    c.item(
        "decision",
        "events-enricher lag: scale the deployment from 3 to 6 replicas (2 partitions of clicks.raw per pod).",
        [a_opts, u2],
        True,
    )
    c.item(
        "outcome",
        "events-enricher scaled to 6 replicas; consumer lag drained from ~2.2M to 8,421 total (max 1,388 per partition).",
        [r_sc, r_lag, a_lag],
    )
    c.item(
        "outcome",
        "Unresolved: schema registry returns HTTP 503 for subject clicks.dlq-value only (other subjects 200); the events-enricher DlqProducer "
        "drops records after 5 attempts.",
        [r_503, a_503, r_503b, a_503c, a_lag],
        True,
    )
    c.item(
        "decision",
        "Rejected: switching the DLQ to raw bytes without schema, because downstream parses the DLQ.",
        [a_503c, u3],
        True,
    )
    c.item(
        "open_question",
        "Ravi will ask Tomasz (stream team) about the schema registry 503 on clicks.dlq-value.",
        [u3],
    )
    c.item(
        "outcome",
        "replicaCount: 6 set permanently in charts/events-enricher/values-prod.yaml (commit e71d03b) so Argo CD keeps 6 replicas.",
        [u4, r_helm],
    )
    c.item(
        "fact", "Ravi always wants Kafka consumer lag reported per partition, not only the total.", [u4], True
    )
    c.item(
        "fact",
        "Topic clicks.raw has retention.ms=259200000 (3 days), no size limit, and 12 partitions.",
        [r_ret, a_opts],
    )
    c.canaries = ["sr_pat_7HqZk2xN4wLm9vRt"]
    c.noise = [
        "Polling lag every couple of minutes",
        "skip the metrics",
        "Increase partitions on `clicks.raw` to 24",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c03() -> Conv:
    c = Conv("03-pg-snowflake-abgleich", "2026-11-25T08:05:00", 1, "pi", cwd="/home/ravi/src/pg2wh")
    c.u(
        "moin. für die migration pg -> snowflake brauch ich heute den zeilenabgleich für billing. "
        "tabellen: billing.invoices, billing.payments, billing.refunds. das skript liegt in scripts/reconcile.py"
    )
    c.a("Ich schaue mir zuerst das Skript an.", tools=[R("scripts/reconcile.py")])
    c.r(
        'import os, sys\nimport psycopg2, snowflake.connector\n\nPG_DSN = os.environ["PG_DSN"]\nSF_ACCOUNT = "lumenhq-eu1"\n\n'
        'def count_pg(table, day):\n    ...\n    cur.execute(f"select count(*) from {table} where created_at::date = %s", (day,))\n\n'
        'def count_sf(table, day):\n    ...\n    cur.execute(f"select count(*) from RAW_PG.{table} where to_date(created_at) = %s", (day,))\n\n'
        'if __name__ == "__main__":\n    for t in sys.argv[2:]:\n        print(t, count_pg(t, sys.argv[1]), count_sf(t, sys.argv[1]))'
    )
    c.a(
        "Das Skript zählt pro Tag in beiden Systemen. Ich lasse es für gestern laufen:",
        tools=[B("python scripts/reconcile.py 2026-11-24 billing.invoices billing.payments billing.refunds")],
    )
    c.r(
        'Traceback (most recent call last):\n  File "scripts/reconcile.py", line 4, in <module>\n    PG_DSN = os.environ["PG_DSN"]\nKeyError: \'PG_DSN\'',
        exit_code=1,
    )
    u2 = c.u(
        "ach ja. user ist recon_ro, passwort ist Hb4#kLw8sQz1, host pg-billing-01.int.lumenhq.net. snowflake geht über ~/.snowflake/connections.toml"
    )
    c.a(
        tools=[
            B(
                "PG_DSN='host=pg-billing-01.int.lumenhq.net dbname=billing user=recon_ro password=Hb4#kLw8sQz1' python scripts/reconcile.py 2026-11-24 billing.invoices billing.payments billing.refunds"
            )
        ]
    )
    c.r("billing.invoices 18211 0\nbilling.payments 40977 0\nbilling.refunds 1203 0")
    c.a(
        "Snowflake liefert überall 0 – das ist verdächtig. Ich prüfe, ob es die Tabellen unter diesem Namen gibt:",
        tools=[B("snow sql -c wh_prod -q \"show tables in schema RAW_PG\" --format json | jq -r '.[].name'")],
    )
    c.r("INVOICES_V2\nPAYMENTS\nREFUNDS\nCUSTOMERS")
    c.a(
        "In `RAW_PG` heißen die Tabellen `INVOICES_V2`, `PAYMENTS`, `REFUNDS` – ohne Schema-Präfix `billing.`. "
        "Das Skript fragt `RAW_PG.billing.invoices` ab, was in Snowflake Datenbank `RAW_PG`, Schema `billing` bedeutet. "
        "Ich passe das Mapping an: `billing.invoices` → `RAW_PG.PUBLIC.INVOICES_V2` usw. Passt das?"
    )
    u3 = c.u(
        "fast. nein, das schema in snowflake ist nicht PUBLIC sondern BILLING, die db heißt WH_PROD. also WH_PROD.BILLING.INVOICES_V2"
    )
    c.a(
        "Danke, korrigiere ich.",
        tools=[
            E(
                "scripts/reconcile.py",
                '    cur.execute(f"select count(*) from RAW_PG.{table} where to_date(created_at) = %s", (day,))',
                '    sf_table = SF_MAP[table]\n    cur.execute(f"select count(*) from {sf_table} where to_date(created_at) = %s", (day,))',
            ),
            E(
                "scripts/reconcile.py",
                'SF_ACCOUNT = "lumenhq-eu1"\n',
                'SF_ACCOUNT = "lumenhq-eu1"\nSF_MAP = {\n    "billing.invoices": "WH_PROD.BILLING.INVOICES_V2",\n'
                '    "billing.payments": "WH_PROD.BILLING.PAYMENTS",\n    "billing.refunds": "WH_PROD.BILLING.REFUNDS",\n}\n',
            ),
        ],
    )
    c.r("Successfully replaced text in scripts/reconcile.py.")
    c.r("Successfully replaced text in scripts/reconcile.py.")
    c.a(
        tools=[
            B(
                "PG_DSN='host=pg-billing-01.int.lumenhq.net dbname=billing user=recon_ro password=Hb4#kLw8sQz1' python scripts/reconcile.py 2026-11-24 billing.invoices billing.payments billing.refunds"
            )
        ]
    )
    r_diff = c.r("billing.invoices 18211 18211\nbilling.payments 40977 40512\nbilling.refunds 1203 1203")
    a_diff = c.a(
        "Jetzt stimmen `invoices` und `refunds`, aber bei `payments` fehlen in Snowflake **465 Zeilen** (40977 vs. 40512). "
        "Ich vermute die Zeitzone: Postgres castet `created_at::date` in der Session-Zeitzone (Europe/Berlin), Snowflake `to_date()` in UTC. "
        "Ich prüfe die Stunde der fehlenden Zeilen:"
    )
    c.a(
        tools=[
            B(
                "psql 'host=pg-billing-01.int.lumenhq.net dbname=billing user=recon_ro password=Hb4#kLw8sQz1' -c \"select extract(hour from created_at at time zone 'UTC') h, count(*) from billing.payments where created_at::date='2026-11-24' group by 1 order by 1 limit 3\""
            )
        ]
    )
    c.r(" h  | count \n----+-------\n 23 |   465\n  0 |  1012\n  1 |   988\n(3 rows)")
    c.a(
        "Bestätigt: genau 465 Zeilen liegen zwischen 23:00 und 24:00 UTC am 23.11., also am 24.11. Berliner Zeit. Die Zahlen sind nicht "
        "verloren, nur einem anderen Tag zugeordnet. Ich stelle beide Seiten auf UTC um:",
        tools=[
            E(
                "scripts/reconcile.py",
                "where created_at::date = %s",
                "where (created_at at time zone 'UTC')::date = %s",
            )
        ],
    )
    c.r("Successfully replaced text in scripts/reconcile.py.")
    c.a(
        tools=[
            B(
                "for d in 2026-11-22 2026-11-23 2026-11-24; do PG_DSN='host=pg-billing-01.int.lumenhq.net dbname=billing user=recon_ro password=Hb4#kLw8sQz1' python scripts/reconcile.py $d billing.invoices billing.payments billing.refunds | sed \"s/^/$d /\"; done"
            )
        ]
    )
    r_ok = c.r(
        "2026-11-22 billing.invoices 17004 17004\n2026-11-22 billing.payments 38110 38110\n2026-11-22 billing.refunds 1187 1187\n"
        "2026-11-23 billing.invoices 16542 16542\n2026-11-23 billing.payments 37902 37902\n2026-11-23 billing.refunds 1099 1099\n"
        "2026-11-24 billing.invoices 18211 18211\n2026-11-24 billing.payments 40977 40977\n2026-11-24 billing.refunds 1203 1203"
    )
    a_ok = c.a(
        "Alle drei Tabellen stimmen jetzt für 22.–24.11. exakt überein. Änderungen in `scripts/reconcile.py`:\n"
        "- Mapping `SF_MAP` auf `WH_PROD.BILLING.*` (inkl. `INVOICES_V2`)\n- Tagesgrenze auf beiden Seiten in UTC\n\n"
        "Für den Cutover: Wenn der Abgleich so bleibt, sehe ich technisch nichts, was gegen Dienstag, den 1.12., spricht. "
        "Soll ich den Termin so im Migrationsplan `docs/cutover.md` eintragen?"
    )
    u4 = c.u(
        "ja, dienstag 1.12. eintragen. und Jonas soll bis 30.11. das rollback-skript fertig haben, schreib das mit rein"
    )
    c.a(
        tools=[
            E(
                "docs/cutover.md",
                "Cutover-Termin: TBD",
                "Cutover-Termin: Di 2026-12-01, 06:00 CET\nRollback-Skript: Jonas, fertig bis 2026-11-30",
            )
        ]
    )
    c.r("Successfully replaced text in docs/cutover.md.")
    c.a(
        "Eingetragen. Möchtest du, dass ich den Abgleich zusätzlich als täglichen Airflow-Task einplane, bis zum Cutover?"
    )
    u5 = c.u(
        "hm warte. am 1.12. ist der monatsabschluss von finance, da fassen wir billing nicht an. lieber donnerstag 3.12. "
        "jonas hat dann auch bis 2.12. zeit fürs rollback"
    )
    c.a(
        tools=[
            E(
                "docs/cutover.md",
                "Cutover-Termin: Di 2026-12-01, 06:00 CET\nRollback-Skript: Jonas, fertig bis 2026-11-30",
                "Cutover-Termin: Do 2026-12-03, 06:00 CET (nicht 1.12.: Monatsabschluss Finance)\nRollback-Skript: Jonas, fertig bis 2026-12-02",
            )
        ]
    )
    r_plan = c.r("Successfully replaced text in docs/cutover.md.")
    a_plan = c.a(
        "Geändert: Cutover Donnerstag 3.12., 06:00 CET, Rollback-Skript von Jonas bis 2.12. Den Grund (Monatsabschluss) habe ich dazugeschrieben.\n\n"
        "Und der tägliche Abgleich als Airflow-Task?"
    )
    u6 = c.u(
        "darüber denk ich noch nach, eventuell reicht es einmal am tag vorher. commit das skript erstmal"
    )
    c.a(
        tools=[
            B(
                "git add scripts/reconcile.py docs/cutover.md && git commit -m 'reconcile: UTC day boundary, WH_PROD.BILLING mapping; cutover 2026-12-03' && git push"
            )
        ]
    )
    r_c = c.r(
        "[main 3b8f20e] reconcile: UTC day boundary, WH_PROD.BILLING mapping; cutover 2026-12-03\n 2 files changed, 11 insertions(+), 4 deletions(-)"
    )
    c.a(
        "Committet als `3b8f20e`. Die Frage nach dem täglichen Abgleich lasse ich offen, bis du entschieden hast."
    )

    c.item(
        "fact",
        "Korrektur: In Snowflake liegen die Billing-Tabellen in Datenbank WH_PROD, Schema BILLING (nicht PUBLIC), z. B. WH_PROD.BILLING.INVOICES_V2.",
        [u3],
        True,
    )
    c.item(
        "outcome",
        "Zeilenabgleich billing.payments wich um 465 Zeilen ab (40977 vs. 40512), weil Postgres die Tagesgrenze in Europe/Berlin und Snowflake in UTC zog; "
        "scripts/reconcile.py nutzt jetzt auf beiden Seiten UTC und stimmt für 22.–24.11. exakt überein (Commit 3b8f20e).",
        [r_diff, a_diff, r_ok, a_ok, r_c],
    )
    c.item(
        "decision",
        "Cutover pg -> Snowflake für billing: Donnerstag 2026-12-03, 06:00 CET, wegen des Monatsabschlusses von Finance.",
        [a_ok, u4, u5, r_plan, a_plan],
        True,
    )
    c.item("todo", "Jonas stellt das Rollback-Skript für den Cutover bis 2026-12-02 fertig.", [u5, a_plan])
    c.item(
        "open_question",
        "Ob der Abgleich bis zum Cutover täglich als Airflow-Task laufen soll oder einmal am Tag vorher reicht, ist offen (Ravi denkt nach).",
        [a_plan, u6],
    )
    c.item(
        "fact",
        "Der Abgleich nutzt den Postgres-User recon_ro auf pg-billing-01.int.lumenhq.net; Snowflake-Zugang über ~/.snowflake/connections.toml.",
        [u2],
    )
    c.canaries = ["Hb4#kLw8sQz1"]
    c.noise = ["Ich schaue mir zuerst das Skript an", "das ist verdächtig", "Danke, korrigiere ich"]
    return c


# ---------------------------------------------------------------------------------------------
def c04() -> Conv:
    c = Conv(
        "04-dbt-fct-orders-dupes",
        "2026-11-25T13:20:00",
        1,
        "pi",
        cwd="/home/ravi/src/analytics-dbt",
        provider="openai-codex",
    )
    u1 = c.u(
        "dbt test on fct_orders is failing in prod sicne this morning, unique on order_id. the job is dbt-prod-hourly. "
        "btw remember the prod target is prod_eu, not prod, ppl keep getting that wrong"
    )
    c.a(
        "Noted, `prod_eu`. Let me reproduce the test failure first.",
        tools=[B("dbt test --select fct_orders --target prod_eu 2>&1 | tail -15")],
    )
    r_f = c.r(
        "15:21:07  1 of 3 START test not_null_fct_orders_order_id ........................ [RUN]\n"
        "15:21:09  1 of 3 PASS not_null_fct_orders_order_id .............................. [PASS in 1.92s]\n"
        "15:21:09  2 of 3 START test unique_fct_orders_order_id .......................... [RUN]\n"
        "15:21:14  2 of 3 FAIL 1841 unique_fct_orders_order_id ........................... [FAIL 1841 in 4.88s]\n"
        "15:21:14  3 of 3 START test relationships_fct_orders_customer_id__dim_customers . [RUN]\n"
        "15:21:17  3 of 3 PASS relationships_fct_orders_customer_id__dim_customers ....... [PASS in 2.61s]\n"
        "15:21:17  Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=3\n15:21:17  Failure in test unique_fct_orders_order_id",
        exit_code=1,
    )
    c.a(
        "1841 duplicate `order_id`s. Looking at which rows are duplicated:",
        tools=[
            B(
                "dbt show --target prod_eu --inline \"select order_id, count(*) n, min(_loaded_at) first_load, max(_loaded_at) last_load from {{ ref('fct_orders') }} group by 1 having count(*) > 1 order by n desc\" --limit 5"
            )
        ],
    )
    c.r(
        "| order_id   | n | first_load               | last_load                |\n|------------|---|--------------------------|--------------------------|\n"
        "| 7100422918 | 2 | 2026-11-25 05:00:41.112  | 2026-11-25 06:00:39.870  |\n"
        "| 7100422920 | 2 | 2026-11-25 05:00:41.112  | 2026-11-25 06:00:39.870  |\n"
        "| 7100423007 | 2 | 2026-11-25 05:00:41.112  | 2026-11-25 06:00:39.870  |\n"
        "| 7100423011 | 2 | 2026-11-25 05:00:41.112  | 2026-11-25 06:00:39.870  |\n"
        "| 7100423054 | 2 | 2026-11-25 05:00:41.112  | 2026-11-25 06:00:39.870  |"
    )
    c.a(tools=[R("models/marts/fct_orders.sql")])
    c.r(
        "{{ config(\n    materialized='incremental',\n    incremental_strategy='append',\n    on_schema_change='append_new_columns'\n) }}\n\n"
        "select\n    o.order_id,\n    o.customer_id,\n    o.status,\n    o.amount_eur,\n    o.updated_at,\n    current_timestamp() as _loaded_at\n"
        "from {{ ref('stg_orders') }} o\n{% if is_incremental() %}\nwhere o.updated_at >= (select max(updated_at) from {{ this }})\n{% endif %}"
    )
    a_cause = c.a(
        "The cause is in the model config. `fct_orders` is incremental with `incremental_strategy='append'` and the filter is "
        "`updated_at >= max(updated_at)`. The `>=` means rows at the boundary timestamp get loaded again every run, and since it "
        "appends rather than merges, they stay duplicated. `git log` would tell us when the strategy changed; my guess is someone "
        "switched from `merge` recently.\n\nFix options:\n"
        "1. `incremental_strategy='merge'` with `unique_key='order_id'`, then delete the existing duplicates once.\n"
        "2. Keep append, change `>=` to `>`. Risky: rows sharing the max timestamp that arrive late get skipped.\n"
        "3. `dbt run --full-refresh` on `fct_orders` after fixing, to rebuild cleanly.\n\n"
        "I'd do 1, and I can also run 3 afterwards to be safe. Shall I?"
    )
    u2 = c.u(
        "1 yes. but absolutely no full refresh, that table is like 2TB and the warehouse credits for the month are almost gone. dedupe with a delete"
    )
    c.a(tools=[B("git log --oneline -3 -- models/marts/fct_orders.sql")])
    c.r(
        "e8d14c2 fct_orders: switch to append for speed (Kasia)\n71aa0f3 fct_orders: add amount_eur\n2c9b6d0 fct_orders: initial"
    )
    c.a(
        "Confirmed: `e8d14c2` switched it to append. Changing back to merge:",
        tools=[
            E(
                "models/marts/fct_orders.sql",
                "    incremental_strategy='append',",
                "    incremental_strategy='merge',\n    unique_key='order_id',",
            )
        ],
    )
    c.r("Successfully replaced text in models/marts/fct_orders.sql.")
    c.a(
        "Now the one-off dedupe. Keeping the latest `_loaded_at` per `order_id`:",
        tools=[
            B(
                'snow sql -c wh_prod -q "delete from ANALYTICS.MARTS.FCT_ORDERS t using (select order_id, max(_loaded_at) keep from ANALYTICS.MARTS.FCT_ORDERS group by 1 having count(*)>1) d where t.order_id=d.order_id and t._loaded_at < d.keep"'
            )
        ],
    )
    c.r(
        "+------------------------+\n| number of rows deleted |\n|------------------------|\n| 1841                   |\n+------------------------+"
    )
    c.a(tools=[B("dbt run --select fct_orders --target prod_eu 2>&1 | tail -4")])
    c.r(
        "15:34:50  1 of 1 START sql incremental model MARTS.fct_orders ..................... [RUN]\n"
        "15:35:02  1 of 1 ERROR creating sql incremental model MARTS.fct_orders ............ [ERROR in 11.60s]\n"
        "15:35:02  Database Error in model fct_orders (models/marts/fct_orders.sql)\n"
        '15:35:02    100090 (42P18): Duplicate row detected during DML action\n15:35:02    Row Values: [7100431102, 88213, "shipped", 42.9, ...]',
        exit_code=1,
    )
    a_fail2 = c.at(
        "Merge failing with duplicate row: the source batch has repeated order_ids, not the target. Need a qualify on the source side. The delete already ran, so the target is clean now.",
        "The merge fails now: `Duplicate row detected during DML action`. That means the **source** side of the merge has the same "
        "`order_id` twice in one batch, i.e. `stg_orders` itself has duplicates (one order updated twice in the same window). "
        "The merge needs one row per key. Adding a `qualify` to keep the latest version per order:",
        tools=[
            E(
                "models/marts/fct_orders.sql",
                "where o.updated_at >= (select max(updated_at) from {{ this }})\n{% endif %}",
                "where o.updated_at >= (select max(updated_at) from {{ this }})\n{% endif %}\n"
                "qualify row_number() over (partition by o.order_id order by o.updated_at desc) = 1",
            )
        ],
    )
    c.r("Successfully replaced text in models/marts/fct_orders.sql.")
    c.a(
        tools=[
            B(
                "dbt run --select fct_orders --target prod_eu 2>&1 | tail -3 && dbt test --select fct_orders --target prod_eu 2>&1 | tail -2"
            )
        ]
    )
    r_ok = c.r(
        "15:38:21  1 of 1 START sql incremental model MARTS.fct_orders ..................... [RUN]\n"
        "15:38:30  1 of 1 OK created sql incremental model MARTS.fct_orders ............... [SUCCESS 412 in 9.02s]\n"
        "15:38:30  Done. PASS=1 WARN=0 ERROR=0 SKIP=0 TOTAL=1\n15:38:44  Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3"
    )
    a_ok = c.a(
        "Green: the incremental run merged 412 rows and all 3 tests pass, including `unique_fct_orders_order_id`.\n\n"
        "Changes so far (not committed yet):\n- `incremental_strategy='merge'`, `unique_key='order_id'`\n"
        "- `qualify row_number() ... = 1` on the source side\n- 1841 duplicate rows deleted in `ANALYTICS.MARTS.FCT_ORDERS`\n\n"
        "Commit on a branch and open a PR, or straight to main since it's a prod fix?"
    )
    u3 = c.u(
        "branch + pr, Kasia reviews. also write the steps up as a runbook in runbooks/, this will happen again with other models"
    )
    c.a(
        tools=[
            B(
                "git switch -c fix/fct-orders-merge && git commit -am 'fct_orders: back to merge on order_id, dedupe source batch' && git push -u origin fix/fct-orders-merge && gh pr create --fill --reviewer kasia-wr"
            )
        ]
    )
    r_pr = c.r(
        "Switched to a new branch 'fix/fct-orders-merge'\n[fix/fct-orders-merge 0d3e71b] fct_orders: back to merge on order_id, dedupe source batch\n 1 file changed, 3 insertions(+), 1 deletion(-)\n"
        "https://github.com/lumenhq/analytics-dbt/pull/318"
    )
    rb = (
        "# Runbook: duplicate keys in an incremental dbt model\n\n"
        "1. Confirm: `dbt test --select <model> --target prod_eu` (unique test fails).\n"
        '2. Find the duplicates: `dbt show --inline "select <key>, count(*) ... having count(*) > 1"` and compare `_loaded_at`.\n'
        "3. Check the config: `incremental_strategy` must be `merge` with `unique_key` set; `git log` the model for recent changes.\n"
        "4. Make the source batch unique: `qualify row_number() over (partition by <key> order by updated_at desc) = 1`.\n"
        "5. Delete existing duplicates once, keeping the latest `_loaded_at` (DELETE ... USING). **No --full-refresh on large marts.**\n"
        "6. `dbt run --select <model> --target prod_eu`, then `dbt test --select <model> --target prod_eu`.\n"
        "7. Branch + PR, reviewer from the model's owners.\n"
    )
    a_rb = c.a(tools=[W("runbooks/dbt-incremental-duplicates.md", rb)])
    r_rb = c.r("Successfully wrote 812 bytes to runbooks/dbt-incremental-duplicates.md")
    a_last = c.a(
        "PR is up: https://github.com/lumenhq/analytics-dbt/pull/318 (branch `fix/fct-orders-merge`, commit `0d3e71b`, reviewer Kasia). "
        "The runbook is in `runbooks/dbt-incremental-duplicates.md`, 7 steps, with the no-full-refresh rule in step 5. "
        "It's not in the PR yet; want me to add it there or commit it separately?"
    )
    u4 = c.u("separate is fine, later. ty")

    c.item("fact", "Remember: the dbt prod target is prod_eu, not prod.", [u1], True)
    c.item(
        "decision",
        "fct_orders fix: switch back to incremental_strategy='merge' with unique_key='order_id' and delete existing duplicates once.",
        [a_cause, u2],
        True,
    )
    c.item(
        "decision",
        "Rejected: dbt --full-refresh of fct_orders (about 2 TB, warehouse credits for the month almost used up).",
        [a_cause, u2],
        True,
    )
    c.item(
        "outcome",
        "unique_fct_orders_order_id failed with 1841 duplicates (append strategy from e8d14c2); after deleting 1841 rows the merge failed on duplicate "
        "source rows, a qualify row_number() on stg_orders fixed it and all 3 fct_orders tests pass.",
        [r_f, a_fail2, r_ok, a_ok],
    )
    c.item(
        "outcome",
        "PR https://github.com/lumenhq/analytics-dbt/pull/318 opened (branch fix/fct-orders-merge, commit 0d3e71b), Kasia reviews.",
        [u3, r_pr],
    )
    c.item(
        "procedure",
        "Runbook runbooks/dbt-incremental-duplicates.md: confirm failing unique test, find duplicates, check merge+unique_key config, "
        "dedupe the source batch with qualify, delete existing duplicates (no full refresh), dbt run + test on prod_eu, branch + PR.",
        [u3, a_rb, r_rb],
    )
    c.item(
        "open_question",
        "The runbook runbooks/dbt-incremental-duplicates.md is not committed yet; to be committed separately later.",
        [a_last, u4],
    )
    c.noise = [
        "Let me reproduce the test failure first",
        "Looking at which rows are duplicated",
        "Risky: rows sharing the max timestamp",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c05() -> Conv:
    c = Conv("05-s3-couts-lifecycle", "2026-11-26T09:47:00", 1, "control-ui", cwd="/home/ravi/ops")
    u1 = c.u(
        "salut. la facture S3 a pris +38% en novembre, le CFO demande pourquoi. tu peux regarder le CUR dans athena ? "
        "base cur_db, table cur_lumenhq. le profil aws c'est data-billing"
    )
    c.a("Je regarde d'abord quel profil est configuré localement.", tools=[R("/home/ravi/.aws/credentials")])
    c.r(
        "[default]\nregion = eu-central-1\n\n[data-billing]\naws_access_key_id = AKIAQ7RZ3KX5LMNB2WTE\n"
        "aws_secret_access_key = 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\nregion = eu-central-1"
    )
    c.a(
        "Le profil `data-billing` existe. Je lance la requête Athena, coûts S3 par bucket, octobre vs novembre :",
        tools=[
            B(
                "aws --profile data-billing athena start-query-execution --work-group primary --query-execution-context Database=cur_db "
                '--query-string "select line_item_resource_id bucket, month, sum(line_item_unblended_cost) cost from cur_lumenhq '
                "where line_item_product_code='AmazonS3' and year='2026' and month in ('10','11') group by 1,2 order by 3 desc limit 20\" "
                "--result-configuration OutputLocation=s3://lumenhq-athena-results/ --query QueryExecutionId --output text"
            )
        ],
    )
    c.r("c41d7e02-93b5-4a8e-b1f6-7d20ea59c3a1")
    c.a(
        tools=[
            B(
                "sleep 8; aws --profile data-billing athena get-query-execution --query-execution-id c41d7e02-93b5-4a8e-b1f6-7d20ea59c3a1 --query 'QueryExecution.Status' --output json"
            )
        ]
    )
    r_fail = c.r(
        '{\n    "State": "FAILED",\n    "StateChangeReason": "COLUMN_NOT_FOUND: line 1:148: Column \'month\' cannot be resolved or requested partition key not found",\n    "SubmissionDateTime": "2026-11-26T09:49:12.512000+01:00"\n}'
    )
    a_f = c.a(
        "La requête a échoué (le code de sortie est 0, mais l'état est `FAILED`) : la colonne `month` n'existe pas. "
        "Je vérifie le schéma de la table :",
        tools=[
            B(
                "aws --profile data-billing athena start-query-execution --work-group primary --query-execution-context Database=cur_db --query-string 'show partitions cur_lumenhq' --result-configuration OutputLocation=s3://lumenhq-athena-results/ --query QueryExecutionId --output text; sleep 6; aws --profile data-billing s3 cp s3://lumenhq-athena-results/$(aws --profile data-billing athena list-query-executions --max-items 1 --query 'QueryExecutionIds[0]' --output text).txt - | tail -3"
            )
        ],
    )
    c.r(
        "8e2a0f71-0c6b-4f0e-9b3a-2a51d9e6c7f4\nbilling_period=2026-09\nbilling_period=2026-10\nbilling_period=2026-11"
    )
    c.a(
        "La partition s'appelle `billing_period` (format `2026-11`). Je relance :",
        tools=[
            B(
                "aws --profile data-billing athena start-query-execution --work-group primary --query-execution-context Database=cur_db "
                '--query-string "select line_item_resource_id bucket, billing_period, round(sum(line_item_unblended_cost),0) cost from cur_lumenhq '
                "where line_item_product_code='AmazonS3' and billing_period in ('2026-10','2026-11') group by 1,2 order by 3 desc limit 8\" "
                "--result-configuration OutputLocation=s3://lumenhq-athena-results/ --query QueryExecutionId --output text; sleep 12; "
                "aws --profile data-billing s3 cp s3://lumenhq-athena-results/$(aws --profile data-billing athena list-query-executions --max-items 1 --query 'QueryExecutionIds[0]' --output text).csv -"
            )
        ],
    )
    r_ok = c.r(
        '5a9c3be0-7d14-4c22-8f0e-61b7a3d2e9f5\n"bucket","billing_period","cost"\n'
        '"lumenhq-dwh-staging","2026-11","6412"\n"lumenhq-dwh-staging","2026-10","2977"\n'
        '"lumenhq-raw-archive","2026-11","2130"\n"lumenhq-raw-archive","2026-10","2118"\n'
        '"lumenhq-kafka-sink","2026-11","1544"\n"lumenhq-kafka-sink","2026-10","1390"\n'
        '"lumenhq-athena-results","2026-11","201"\n"lumenhq-athena-results","2026-10","188"'
    )
    a_an = c.a(
        "Voilà l'explication pour le CFO, en bref : presque toute la hausse vient d'**un seul bucket**, `lumenhq-dwh-staging`, "
        "qui passe de 2 977 $ à 6 412 $ (+3 435 $). Les autres bougent de quelques pourcents.\n\n"
        "`lumenhq-dwh-staging` est la zone de staging de la migration Postgres → entrepôt : les exports Parquet quotidiens "
        "s'y accumulent et rien ne les supprime. Il n'a aucune règle de cycle de vie.\n\nOptions :\n"
        "1. Expiration pure : supprimer les objets de plus de 14 jours.\n"
        "2. Passage en Glacier Instant Retrieval après 30 jours, suppression après 180 jours.\n"
        "3. Intelligent-Tiering sur tout le bucket, sans suppression.\n\n"
        "La 1 économise le plus, mais on perd la possibilité de rejouer un chargement ancien. Laquelle tu préfères ?"
    )
    u2 = c.u(
        "la deuxième. et raw-archive, on pourrait pas carrément le supprimer? personne y touche depuis 2024 je crois"
    )
    c.a(
        "J'applique la règle sur `lumenhq-dwh-staging` :",
        tools=[
            B(
                "aws --profile data-billing s3api put-bucket-lifecycle-configuration --bucket lumenhq-dwh-staging --lifecycle-configuration "
                '\'{"Rules":[{"ID":"staging-gir30-exp180","Status":"Enabled","Filter":{"Prefix":""},'
                '"Transitions":[{"Days":30,"StorageClass":"GLACIER_IR"}],"Expiration":{"Days":180}}]}\' && '
                "aws --profile data-billing s3api get-bucket-lifecycle-configuration --bucket lumenhq-dwh-staging --query 'Rules[].ID'"
            )
        ],
    )
    r_lc = c.r('[\n    "staging-gir30-exp180"\n]')
    c.a(
        "Pour `lumenhq-raw-archive`, je regarde le dernier accès avant de proposer quoi que ce soit :",
        tools=[
            B(
                "aws --profile data-billing s3api list-objects-v2 --bucket lumenhq-raw-archive --query 'sort_by(Contents,&LastModified)[-1].[Key,LastModified]' --output text; "
                "aws --profile data-billing s3api get-bucket-tagging --bucket lumenhq-raw-archive"
            )
        ],
    )
    c.r(
        "exports/2024/06/30/orders_full.parquet\t2024-06-30T23:14:02+00:00\n\n"
        "An error occurred (NoSuchTagSet) when calling the GetBucketTagging operation: The TagSet does not exist"
    )
    a_arch = c.a(
        "Dernière écriture le 30/06/2024, et aucun tag, donc pas de propriétaire déclaré. Ça coûte environ 2 100 $/mois. "
        "Le supprimer est irréversible (pas de versioning activé), donc je ne le ferais pas sans l'accord de la personne responsable "
        "des données historiques. Tu sais qui c'est ?"
    )
    u3 = c.u(
        "je pense que c'est Camille de la compta qui avait demandé ces exports pour l'audit. je lui demande. en attendant on touche pas. "
        "autre chose : Lucas doit tagger tous les buckets data avec owner + cost-center avant le 18 décembre, tu peux lui préparer la liste ?"
    )
    c.a(
        tools=[
            B(
                "aws --profile data-billing s3api list-buckets --query 'Buckets[].Name' --output text | tr '\\t' '\\n' | grep '^lumenhq-' | "
                'while read b; do t=$(aws --profile data-billing s3api get-bucket-tagging --bucket $b 2>/dev/null | jq -r \'[.TagSet[].Key]|join(",")\'); echo "$b,${t:-NONE}"; done'
            )
        ]
    )
    c.r(
        "lumenhq-athena-results,owner\nlumenhq-dwh-staging,NONE\nlumenhq-kafka-sink,owner,cost-center\nlumenhq-raw-archive,NONE\nlumenhq-airflow-logs,NONE\nlumenhq-dbt-artifacts,owner"
    )
    c.a(
        tools=[
            W(
                "/home/ravi/ops/s3-tagging-lucas.md",
                "# Tagging S3 (Lucas, avant le 2026-12-18)\n\nTags requis : `owner`, `cost-center`.\n\n"
                "| bucket | tags actuels | à ajouter |\n|---|---|---|\n| lumenhq-athena-results | owner | cost-center |\n"
                "| lumenhq-dwh-staging | – | owner, cost-center |\n| lumenhq-raw-archive | – | owner, cost-center |\n"
                "| lumenhq-airflow-logs | – | owner, cost-center |\n| lumenhq-dbt-artifacts | owner | cost-center |\n\n"
                "`lumenhq-kafka-sink` est déjà complet.\n",
            )
        ]
    )
    r_w = c.r("Successfully wrote 512 bytes to /home/ravi/ops/s3-tagging-lucas.md")
    c.a(
        "Liste prête dans `/home/ravi/ops/s3-tagging-lucas.md` : 5 buckets sur 6 ont au moins un tag manquant, seul `lumenhq-kafka-sink` est complet.\n\n"
        "Récap :\n- hausse S3 = `lumenhq-dwh-staging` (+3 435 $), règle `staging-gir30-exp180` appliquée\n"
        "- `lumenhq-raw-archive` : en attente de Camille\n\n"
        "Tu veux que je rédige deux lignes pour le CFO ?"
    )
    c.u("non ça ira, merci")

    c.item(
        "outcome",
        "Hausse S3 de novembre : presque entièrement lumenhq-dwh-staging (2 977 $ → 6 412 $), exports Parquet de staging sans cycle de vie ; "
        "requête Athena d'abord FAILED (colonne month), corrigée avec la partition billing_period.",
        [r_fail, a_f, r_ok, a_an],
    )
    c.item(
        "decision",
        "Cycle de vie de lumenhq-dwh-staging : Glacier Instant Retrieval après 30 jours, suppression après 180 jours (règle staging-gir30-exp180 appliquée).",
        [a_an, u2, r_lc],
        True,
    )
    c.item(
        "open_question",
        "Suppression de lumenhq-raw-archive (dernière écriture 30/06/2024, ~2 100 $/mois, sans versioning) : Ravi demande à Camille (compta, exports d'audit) ; "
        "on n'y touche pas en attendant.",
        [a_arch, u3],
    )
    c.item(
        "todo",
        "Lucas tague tous les buckets data avec owner et cost-center avant le 2026-12-18 (liste dans /home/ravi/ops/s3-tagging-lucas.md).",
        [u3, r_w],
    )
    c.item(
        "fact",
        "La table CUR est cur_db.cur_lumenhq dans Athena, partitionnée par billing_period (format 2026-11) ; profil AWS data-billing.",
        [u1, a_f],
    )
    c.canaries = ["fX9p2Lq+Wz7mKt4Rv8Ns1Yb6Hc3Jd0Ge5Ua/Oi2T", "AKIAQ7RZ3KX5LMNB2WTE"]
    c.noise = [
        "Je regarde d'abord quel profil est configuré localement",
        "Intelligent-Tiering sur tout le bucket",
        "non ça ira, merci",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c06() -> Conv:
    c = Conv("06-quiet-night-chat", "2026-11-27T22:31:00", 1, "pi", cwd="/home/ravi")
    c.u("quiet night so far. knock on wood")
    c.a(
        "Knocking on the nearest wooden object I don't have. Quiet nights on call are the best kind: the pager stays in the drawer and "
        "the dashboards look boring. Anything you want to keep an eye on, or just killing time?"
    )
    c.u("just killing time tbh. the tea's gone cold twice already")
    c.a(
        "The classic on-call tea cycle: make it, get distracted by a graph, rediscover it at room temperature, repeat. "
        "Some people swear by a thermos mug for exactly this reason."
    )
    c.u("lol. whats a good way to stay awake that isnt more caffeine")
    c.a(
        "A few that people find work:\n\n- Stand up and walk for five minutes every hour, even just to the window.\n"
        "- Cold water on the face or wrists.\n- Bright light in the room rather than just the screen.\n"
        "- Something with your hands: a puzzle, sketching, tidying a drawer.\n- A snack with some protein instead of sugar.\n\n"
        "And if the night stays this quiet, a short lie-down with the pager on loud is a legitimate on-call move."
    )
    c.u("haha the lie-down is tempting")
    c.a(
        "It's tempting for a reason. Twenty minutes is usually enough to take the edge off without waking up groggy."
    )
    c.u("random q, why do they call it a pager still. nobody has pagers")
    c.a(
        "Mostly habit. Pagers were the standard for on-call alerts in hospitals and IT for decades, so the word stuck after the "
        "hardware disappeared, the same way people still 'dial' a number or 'hang up'. A few hospitals do still use real pagers, "
        "because they work in basements where phones don't."
    )
    c.u("huh, didnt know that about hospitals")
    c.a(
        "It's one of those surprising holdouts. One-way radio paging has good coverage inside thick buildings and the devices run "
        "for weeks on a battery."
    )
    c.u("ok its snowing outside now. first snow this year")
    c.a("First snow on a night shift is a nice consolation prize. Everything goes quiet outside too.")
    c.u("true. ok im gonna stare at it for a bit")
    c.a("Enjoy it. I'm here if anything pings.")
    c.u("cheers")
    c.a("Cheers, have a calm rest of the night.")
    c.noise = [
        "the tea's gone cold twice already",
        "why do they call it a pager still",
        "its snowing outside now",
        "Stand up and walk for five minutes every hour",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c07() -> Conv:
    c = Conv(
        "07-uebergabe-scheduler-runbook",
        "2026-11-27T14:02:00",
        1,
        "control-ui",
        cwd="/home/ravi/src/data-platform",
    )
    u1 = c.u(
        "hi, ich muss heute die übergabe für die rufbereitschaft machen. Anna übernimmt ab montag 30.11. "
        "kannst du mir erst mal sagen was in pagerduty noch offen ist? token: u+Xk4pQ9zR2mW7vN1bLs"
    )
    c.a(
        "Ich hole die offenen Incidents für den Service `data-platform`:",
        tools=[
            B(
                "curl -s -H 'Authorization: Token token=u+Xk4pQ9zR2mW7vN1bLs' -H 'Accept: application/vnd.pagerduty+json;version=2' "
                "'https://api.pagerduty.com/incidents?statuses[]=triggered&statuses[]=acknowledged&service_ids[]=P7QW2ZK' | jq -r '.incidents[] | [.incident_number,.status,.title,.created_at] | @tsv'"
            )
        ],
    )
    c.r(
        "4812\tacknowledged\tAirflow scheduler heartbeat missing (airflow-prod)\t2026-11-27T11:48:20Z\n"
        "4809\tacknowledged\tdbt-prod-hourly: freshness warn on stg_payments\t2026-11-26T19:02:11Z"
    )
    c.a(
        "Zwei offene, beide bestätigt:\n\n- **#4812** Airflow-Scheduler-Heartbeat fehlt (airflow-prod), seit 11:48 UTC heute\n"
        "- **#4809** Freshness-Warnung auf `stg_payments` im dbt-Job, seit gestern Abend\n\n"
        "#4812 klingt akut. Soll ich mir den Scheduler ansehen, bevor wir die Übergabe schreiben?"
    )
    c.u("ja bitte, der scheduler hängt seit mittag glaub ich")
    c.a(tools=[B("curl -s https://airflow.int.lumenhq.net/health | jq .")])
    r_h = c.r(
        '{\n  "metadatabase": {"status": "healthy"},\n  "scheduler": {\n    "status": "unhealthy",\n    "latest_scheduler_heartbeat": "2026-11-27T11:46:02.118+00:00"\n  },\n  "triggerer": {"status": "healthy"}\n}'
    )
    c.a(
        "Der Health-Endpoint antwortet mit HTTP 200, aber `scheduler.status` ist `unhealthy`, letzter Heartbeat 11:46 UTC. Pod-Status:",
        tools=[
            B(
                "kubectl -n airflow get pods -l component=scheduler -o wide && kubectl -n airflow logs deploy/airflow-scheduler --tail=6"
            )
        ],
    )
    c.r(
        "NAME                                 READY   STATUS    RESTARTS   AGE   IP            NODE\n"
        "airflow-scheduler-6d8f9b7c4-wq2lm    1/1     Running   0          6d    10.40.30.18   ip-10-40-30-5\n\n"
        "[2026-11-27T11:46:01.902+0000] {scheduler_job_runner.py:1612} INFO - Adopting or resetting orphaned tasks for active dag runs\n"
        "[2026-11-27T11:46:02.001+0000] {scheduler_job_runner.py:1645} INFO - Marked 0 SchedulerJob instances as failed\n"
        "[2026-11-27T11:46:02.117+0000] {settings.py:60} INFO - Configured default timezone UTC\n"
        "[2026-11-27T11:46:02.118+0000] {scheduler_job_runner.py:1022} INFO - Heartbeat"
    )
    c.a(
        "Der Pod läuft (`Running`, 0 Restarts), aber seit 11:46 kommt keine Logzeile mehr – der Prozess hängt. "
        "Die Liveness-Probe merkt das offenbar nicht. Ich starte den Scheduler neu:",
        tools=[
            B(
                "kubectl -n airflow rollout restart deploy/airflow-scheduler && kubectl -n airflow rollout status deploy/airflow-scheduler --timeout=120s"
            )
        ],
    )
    r_r1 = c.r(
        'deployment.apps/airflow-scheduler restarted\nWaiting for deployment "airflow-scheduler" rollout to finish: 0 of 1 updated replicas are available...\n'
        "error: timed out waiting for the condition",
        exit_code=1,
    )
    c.a(
        tools=[
            B(
                "kubectl -n airflow get pods -l component=scheduler && kubectl -n airflow logs $(kubectl -n airflow get pods -l component=scheduler --sort-by=.metadata.creationTimestamp -o name | tail -1) -c wait-for-airflow-migrations --tail=3"
            )
        ]
    )
    c.r(
        "NAME                                 READY   STATUS     RESTARTS   AGE\n"
        "airflow-scheduler-6d8f9b7c4-wq2lm    1/1     Running    0          6d\n"
        "airflow-scheduler-7b1c2e9fd-p8k4x    0/1     Init:0/1   0          2m12s\n\n"
        "[2026-11-27T14:09:40] Waiting for migrations... 115s elapsed\n"
        "ERROR: could not obtain lock on table alembic_version: lock held by pid 30417 (idle in transaction, 2h 21m)"
    )
    a_lock = c.a(
        "Der neue Pod bleibt im Init-Container hängen: er wartet auf die Migrationsprüfung, und `alembic_version` ist von PID 30417 "
        "gesperrt, einer Session, die seit 2h 21m *idle in transaction* ist. Das passt zeitlich zum Hänger um 11:46. "
        "Ich schaue, wer das ist:",
        tools=[
            B(
                'psql "$AIRFLOW_DB_URL" -c "select pid, usename, application_name, client_addr, state, now()-xact_start age from pg_stat_activity where pid=30417"'
            )
        ],
    )
    c.r(
        "  pid  |   usename   | application_name |  client_addr  |        state        |   age\n"
        "-------+-------------+------------------+---------------+---------------------+----------\n"
        " 30417 | airflow_adm | psql             | 10.40.3.12    | idle in transaction | 02:21:44\n(1 row)"
    )
    c.a(
        "Das ist eine manuelle `psql`-Session von der Bastion (10.40.3.12) als `airflow_adm`, offen gelassen in einer Transaktion. "
        "Soll ich sie mit `pg_terminate_backend(30417)` beenden? Ungespeicherte Änderungen darin gehen verloren."
    )
    u2 = c.u("ja kill. das war wahrscheinlich ich heute morgen, peinlich")
    c.a(
        tools=[
            B(
                "psql \"$AIRFLOW_DB_URL\" -c 'select pg_terminate_backend(30417)' && sleep 45 && kubectl -n airflow rollout status deploy/airflow-scheduler --timeout=120s && curl -s https://airflow.int.lumenhq.net/health | jq -c .scheduler"
            )
        ]
    )
    r_ok = c.r(
        ' pg_terminate_backend \n----------------------\n t\n(1 row)\n\ndeployment "airflow-scheduler" successfully rolled out\n'
        '{"status":"healthy","latest_scheduler_heartbeat":"2026-11-27T14:13:58.660+00:00"}'
    )
    a_ok = c.a(
        "Scheduler läuft wieder: Session beendet, neuer Pod ist oben, Health meldet `healthy` (Heartbeat 14:13:58 UTC). "
        "Ich löse #4812 in PagerDuty auf?\n\nFür die Übergabe würde ich ein Runbook für genau diesen Fall schreiben. Zwei Orte sind möglich: "
        "das Confluence-Wiki oder `runbooks/` im Repo neben den DAGs. Ich würde das Repo nehmen, dann wird es mit reviewt."
    )
    u3 = c.u(
        "#4812 auflösen ja. runbook ins repo, wie du sagst. und schreib rein: scheduler in prod wird nur neugestartet nachdem man es in #data-oncall angekündigt hat. immer."
    )
    c.a(
        tools=[
            B(
                "curl -s -X PUT -H 'Authorization: Token token=u+Xk4pQ9zR2mW7vN1bLs' -H 'From: ravi.menon@lumenhq.net' -H 'Content-Type: application/json' "
                '-d \'{"incident":{"type":"incident_reference","status":"resolved"}}\' https://api.pagerduty.com/incidents/Q1R4812 | jq -r .incident.status'
            )
        ]
    )
    c.r("resolved")
    rb = (
        "# Runbook: Airflow-Scheduler hängt (airflow-prod)\n\n"
        "**Regel:** Der Scheduler in prod wird nur neu gestartet, nachdem es in #data-oncall angekündigt wurde.\n\n"
        "1. `curl -s https://airflow.int.lumenhq.net/health | jq .scheduler` – `unhealthy` trotz HTTP 200?\n"
        "2. `kubectl -n airflow logs deploy/airflow-scheduler --tail=20` – stehen die Logs?\n"
        "3. In #data-oncall ankündigen.\n"
        "4. `kubectl -n airflow rollout restart deploy/airflow-scheduler`\n"
        "5. Hängt der neue Pod in `Init` (wait-for-airflow-migrations): in `pg_stat_activity` nach Sessions *idle in transaction* suchen, "
        "die `alembic_version` sperren, und mit `pg_terminate_backend(<pid>)` beenden.\n"
        "6. Health erneut prüfen, Incident in PagerDuty auflösen.\n"
    )
    a_rb = c.a(tools=[W("runbooks/airflow-scheduler-haengt.md", rb)])
    r_rb = c.r("Successfully wrote 734 bytes to runbooks/airflow-scheduler-haengt.md")
    c.a(
        "#4812 ist aufgelöst, das Runbook liegt in `runbooks/airflow-scheduler-haengt.md` mit der Ankündigungsregel ganz oben.\n\n"
        "Für die Übergabe an Anna fehlt noch #4809 (Freshness `stg_payments`). Und eine Sache, die mir aufgefallen ist: die Liveness-Probe "
        "hat den Hänger nicht erkannt. Man könnte sie auf den Heartbeat umstellen oder einen zweiten Scheduler für HA laufen lassen. Soll ich das vorbereiten?"
    )
    u4 = c.u(
        "zweiter scheduler – muss ich mit Markus klären, der hat das budget. #4809 soll Anna sich montag anschauen, ist nur ne warnung. "
        "schreib die übergabe bitte"
    )
    c.a(
        tools=[
            W(
                "oncall/uebergabe-2026-11-30.md",
                "# Übergabe Rufbereitschaft an Anna (ab Mo 2026-11-30)\n\n"
                "- #4812 Scheduler-Hänger: gelöst (hängende psql-Session), Runbook `runbooks/airflow-scheduler-haengt.md`\n"
                "- #4809 Freshness-Warnung `stg_payments`: offen, Anna schaut sich das am Mo 2026-11-30 an\n"
                "- Offen: Liveness-Probe erkennt Scheduler-Hänger nicht; zweiter Scheduler (HA) – Ravi klärt Budget mit Markus\n",
            )
        ]
    )
    r_ho = c.r("Successfully wrote 402 bytes to oncall/uebergabe-2026-11-30.md")
    c.a("Übergabe liegt in `oncall/uebergabe-2026-11-30.md`. Soll ich Anna den Link in Slack schicken?")
    c.u("nö mach ich selber, danke dir")

    c.item(
        "outcome",
        "Airflow-Scheduler (airflow-prod) hing seit 11:46 UTC; erster Neustart blieb im Init-Container hängen (Lock auf alembic_version durch "
        "idle-in-transaction-Session PID 30417 von der Bastion); nach pg_terminate_backend(30417) wieder healthy, PagerDuty #4812 aufgelöst.",
        [r_h, r_r1, a_lock, u2, r_ok, a_ok],
    )
    c.item("decision", "Runbooks kommen ins Repo (runbooks/), nicht ins Confluence-Wiki.", [a_ok, u3], True)
    c.item(
        "fact",
        "Regel: Der Airflow-Scheduler in prod wird nur neu gestartet, nachdem es in #data-oncall angekündigt wurde.",
        [u3],
        True,
    )
    c.item(
        "procedure",
        "Runbook runbooks/airflow-scheduler-haengt.md: Health prüfen, Logs prüfen, in #data-oncall ankündigen, rollout restart, bei Init-Hänger "
        "idle-in-transaction-Sessions auf alembic_version mit pg_terminate_backend beenden, Health prüfen, Incident auflösen.",
        [a_rb, r_rb],
    )
    c.item(
        "todo",
        "Anna übernimmt die Rufbereitschaft ab Montag 2026-11-30; Übergabe in oncall/uebergabe-2026-11-30.md.",
        [u1, r_ho],
    )
    c.item(
        "todo",
        "Anna schaut sich am Montag 2026-11-30 die Freshness-Warnung auf stg_payments an (PagerDuty #4809).",
        [u4, r_ho],
    )
    c.item(
        "open_question",
        "Zweiter Airflow-Scheduler für HA bzw. Liveness-Probe auf Heartbeat: Ravi klärt das Budget mit Markus.",
        [u4],
    )
    c.canaries = ["u+Xk4pQ9zR2mW7vN1bLs"]
    c.noise = [
        "Ich hole die offenen Incidents",
        "das war wahrscheinlich ich heute morgen, peinlich",
        "mach ich selber, danke dir",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c08() -> Conv:
    c = Conv("08-backfill-events-quota", "2026-11-28T10:15:00", 1, "pi", cwd="/home/ravi/src/data-platform")
    c.u(
        "bon. après la panne du sink kafka il faut refaire le backfill de events_to_wh pour novembre, du 1er au 15. "
        "c'est quoi le mieux, tout d'un coup ?"
    )
    a_opts = c.a(
        "Tout d'un coup, c'est 15 runs qui démarrent en parallèle selon `max_active_runs`, et chacun charge ~40 Go dans Snowflake. "
        "Je vois trois façons de faire :\n\n"
        "1. **Tout d'un coup** avec `max_active_runs=15` : le plus rapide, mais ça sature l'entrepôt `LOAD_WH` et les DAG de production attendent.\n"
        "2. **Par lots de 7 jours**, `max_active_runs=2` : deux lots, on vérifie les comptes entre les deux.\n"
        "3. **Jour par jour**, à la main : le plus sûr, mais ça prend la journée.\n\n"
        "Je partirais sur la 2. D'accord ?"
    )
    u2 = c.u("ok pour les lots de 7 jours")
    c.a(
        "Je prépare les lots : du 1er au 7 novembre, puis du 8 au 15. Je vérifie d'abord qu'aucun run n'existe déjà sur la période :",
        tools=[
            B(
                "ssh bastion-01 'airflow dags list-runs -d events_to_wh -s 2026-11-01 -e 2026-11-15 -o plain | wc -l'"
            )
        ],
    )
    c.r("0")
    u3 = c.u(
        "non attends, c'est jusqu'au 14, pas le 15. le 15 a été chargé normalement, le sink était déjà reparti"
    )
    c.a(
        "Compris, la fin est le 14 novembre. Lots : 1er–7 et 8–14. Premier lot :",
        tools=[
            B(
                "ssh bastion-01 'airflow dags backfill events_to_wh -s 2026-11-01 -e 2026-11-07 --reset-dagruns --yes > /tmp/bf1.log 2>&1 &' ; echo started"
            )
        ],
    )
    c.r("started")
    c.a(
        tools=[
            B(
                "sleep 600; ssh bastion-01 'airflow dags list-runs -d events_to_wh -s 2026-11-01 -e 2026-11-07 -o plain' | awk '{print $3, $4}'"
            )
        ]
    )
    c.r(
        "backfill__2026-11-01T00:00:00+00:00 success\nbackfill__2026-11-02T00:00:00+00:00 success\nbackfill__2026-11-03T00:00:00+00:00 running\n"
        "backfill__2026-11-04T00:00:00+00:00 running\nbackfill__2026-11-05T00:00:00+00:00 queued\nbackfill__2026-11-06T00:00:00+00:00 queued\nbackfill__2026-11-07T00:00:00+00:00 queued"
    )
    c.a(
        "2 sur 7 terminés, 2 en cours. Je continue à surveiller :",
        tools=[
            B(
                "sleep 900; ssh bastion-01 'airflow dags list-runs -d events_to_wh -s 2026-11-01 -e 2026-11-07 -o plain' | awk '{print $4}' | sort | uniq -c"
            )
        ],
    )
    c.r("      2 running\n      5 success")
    c.a(
        tools=[
            B(
                "sleep 600; ssh bastion-01 'airflow dags list-runs -d events_to_wh -s 2026-11-01 -e 2026-11-07 -o plain' | awk '{print $4}' | sort | uniq -c"
            )
        ]
    )
    r_b1 = c.r("      7 success")
    c.a(
        "Lot 1 terminé, 7/7 en succès. Contrôle des comptes avant de lancer le lot 2 :",
        tools=[
            B(
                "SNOWSQL_PWD='Lt6#vRq2!mZp8Kw' snowsql -a lumenhq-eu1 -u svc_backfill -q \"select to_date(event_ts) d, count(*) from WH_PROD.EVENTS.CLICKS where d between '2026-11-01' and '2026-11-07' group by 1 order by 1\" -o output_format=plain -o header=false"
            )
        ],
    )
    r_cnt = c.r(
        "2026-11-01 41022918\n2026-11-02 39877104\n2026-11-03 44105220\n2026-11-04 43890017\n2026-11-05 42911380\n2026-11-06 40118822\n2026-11-07 38020994"
    )
    c.a(
        "Les volumes sont cohérents (38 à 44 millions par jour, comme d'habitude). Lot 2, du 8 au 14 :",
        tools=[
            B(
                "ssh bastion-01 'airflow dags backfill events_to_wh -s 2026-11-08 -e 2026-11-14 --reset-dagruns --yes > /tmp/bf2.log 2>&1 &' ; echo started"
            )
        ],
    )
    c.r("started")
    c.a(
        tools=[
            B(
                "sleep 1200; ssh bastion-01 'airflow dags list-runs -d events_to_wh -s 2026-11-08 -e 2026-11-14 -o plain' | awk '{print $3, $4}'"
            )
        ]
    )
    c.r(
        "backfill__2026-11-08T00:00:00+00:00 success\nbackfill__2026-11-09T00:00:00+00:00 success\nbackfill__2026-11-10T00:00:00+00:00 success\n"
        "backfill__2026-11-11T00:00:00+00:00 success\nbackfill__2026-11-12T00:00:00+00:00 running\nbackfill__2026-11-13T00:00:00+00:00 running\nbackfill__2026-11-14T00:00:00+00:00 queued"
    )
    c.a(
        tools=[
            B(
                "sleep 900; ssh bastion-01 'airflow dags list-runs -d events_to_wh -s 2026-11-08 -e 2026-11-14 -o plain' | awk '{print $3, $4}'; ssh bastion-01 'tail -4 /tmp/bf2.log'"
            )
        ]
    )
    r_q = c.r(
        "backfill__2026-11-08T00:00:00+00:00 success\nbackfill__2026-11-09T00:00:00+00:00 success\nbackfill__2026-11-10T00:00:00+00:00 success\n"
        "backfill__2026-11-11T00:00:00+00:00 success\nbackfill__2026-11-12T00:00:00+00:00 failed\nbackfill__2026-11-13T00:00:00+00:00 failed\nbackfill__2026-11-14T00:00:00+00:00 failed\n\n"
        "[2026-11-28 12:41:07] ERROR - snowflake.connector.errors.ProgrammingError: 000606 (57P03): No active warehouse selected in the current session.  "
        "Warehouse 'LOAD_WH' was suspended by resource monitor 'LOAD_RM': credit quota exceeded\n"
        "[2026-11-28 12:41:07] INFO - Backfill done for DAG <DAG: events_to_wh>. Exiting."
    )
    a_q = c.at(
        "Le backfill a rendu la main proprement mais 12-14 sont en failed. Le log montre LOAD_RM qui a suspendu LOAD_WH. Ne pas toucher au quota sans demander.",
        "Le lot 2 s'est arrêté à mi-chemin, même si la commande a rendu la main normalement : les jours **12, 13 et 14 novembre ont échoué**. "
        "La cause est dans le log : le moniteur de ressources `LOAD_RM` a suspendu l'entrepôt `LOAD_WH`, quota de crédits dépassé. "
        "Le 8 au 11 sont bien chargés.\n\nPour finir, il faudrait soit augmenter le quota de `LOAD_RM`, soit faire tourner les trois jours restants "
        "sur un autre entrepôt (`ADHOC_WH` par exemple). Je peux préparer la commande pour `ADHOC_WH` si tu veux ?",
    )
    u4 = c.u(
        "non, on touche ni au resource monitor ni à adhoc_wh, c'est Hélène qui gère les crédits. je lui écris pour savoir si elle peut remonter le quota lundi. "
        "note que les 12-14 sont pas faits"
    )
    c.a(
        tools=[
            B(
                "printf '%s\\n' '- 2026-11-28 backfill events_to_wh: 01-11 chargés; 12-14 nov ÉCHEC (LOAD_RM quota dépassé), en attente Hélène' >> oncall/log-2026-11.md"
            )
        ]
    )
    r_note = c.r("")
    a_fin = c.a(
        "Noté dans `oncall/log-2026-11.md`. État final :\n- 1er–11 novembre : chargés, comptes vérifiés pour le 1er–7\n"
        "- 12–14 novembre : **échoués**, `LOAD_WH` suspendu par `LOAD_RM`\n\nQuand Hélène aura remonté le quota, relancer suffira : "
        "`airflow dags backfill events_to_wh -s 2026-11-12 -e 2026-11-14 --reset-dagruns --yes`."
    )
    c.u("merci")

    c.item(
        "decision",
        "Backfill de events_to_wh : par lots de 7 jours avec max_active_runs=2, contrôle des comptes entre les lots.",
        [a_opts, u2],
        True,
    )
    c.item(
        "fact",
        "Correction : le backfill va du 1er au 14 novembre, pas au 15 ; le 15 a été chargé normalement.",
        [u3],
        True,
    )
    c.item(
        "outcome",
        "Lot 1 (2026-11-01 à 07) de events_to_wh terminé 7/7 en succès, 38 à 44 millions de lignes par jour dans WH_PROD.EVENTS.CLICKS ; 08 à 11 chargés aussi.",
        [r_b1, r_cnt, r_q],
    )
    c.item(
        "outcome",
        "Non résolu : les runs du 12, 13 et 14 novembre de events_to_wh ont échoué, l'entrepôt LOAD_WH a été suspendu par le moniteur LOAD_RM "
        "(quota de crédits dépassé), alors que la commande de backfill s'est terminée normalement.",
        [r_q, a_q, u4, r_note],
        True,
    )
    c.item(
        "decision",
        "Rejeté : augmenter soi-même le quota de LOAD_RM ou relancer sur ADHOC_WH ; c'est Hélène qui gère les crédits.",
        [a_q, u4],
        True,
    )
    c.item(
        "open_question",
        "Ravi demande à Hélène si elle peut remonter le quota de LOAD_RM lundi, pour relancer les jours 12 à 14.",
        [u4],
    )
    c.item(
        "procedure",
        "Relance des jours manquants une fois le quota remonté : airflow dags backfill events_to_wh -s 2026-11-12 -e 2026-11-14 --reset-dagruns --yes.",
        [a_fin],
    )
    c.canaries = ["Lt6#vRq2!mZp8Kw"]
    c.noise = ["Je continue à surveiller", "Jour par jour", "c'est quoi le mieux, tout d'un coup"]
    return c


# ---------------------------------------------------------------------------------------------
def c09() -> Conv:
    c = Conv(
        "09-airflow-upgrade-plan", "2026-11-30T10:30:00", 1, "control-ui", cwd="/home/ravi/src/data-platform"
    )
    c.u(
        "we need a plan to get airflow from 2.7.3 to 2.10. security flagged 2.7 (CVE in the webserver). "
        "can you check what in our dags would break? image is built from docker/airflow/Dockerfile"
    )
    c.a(
        "Starting with the image and the installed providers, then a lint pass over the DAGs for deprecated imports.",
        tools=[
            R("docker/airflow/Dockerfile"),
            B("grep -E '^apache-airflow' docker/airflow/requirements.txt"),
        ],
    )
    c.r(
        "FROM apache/airflow:2.7.3-python3.10\nUSER airflow\nCOPY requirements.txt /tmp/requirements.txt\n"
        "RUN pip install --no-cache-dir -r /tmp/requirements.txt\nCOPY --chown=airflow:root dags/ /opt/airflow/dags/"
    )
    c.r(
        "apache-airflow-providers-amazon==8.10.0\napache-airflow-providers-postgres==5.7.1\napache-airflow-providers-snowflake==5.1.0\n"
        "apache-airflow-providers-cncf-kubernetes==7.8.0\napache-airflow-providers-celery==3.4.1\napache-airflow-providers-slack==8.3.0"
    )
    c.a(tools=[B("ruff check dags/ --select AIR --statistics")])
    c.r(
        "9\tAIR001\tTask variable name should match the task_id\n3\tAIR302\t`airflow.operators.dummy.DummyOperator` is removed in Airflow 3.0\n"
        "2\tAIR302\t`schedule_interval` is deprecated; use `schedule`\nFound 14 errors."
    )
    c.a(
        tools=[
            B(
                "docker build -t airflow-test:2.10.3 --build-arg BASE=apache/airflow:2.10.3-python3.10 -f docker/airflow/Dockerfile docker/airflow 2>&1 | tail -6"
            )
        ]
    )
    r_pip = c.r(
        " => ERROR [3/4] RUN pip install --no-cache-dir -r /tmp/requirements.txt                                    41.2s\n"
        "------\n > [3/4] RUN pip install --no-cache-dir -r /tmp/requirements.txt:\n"
        "ERROR: Cannot install apache-airflow-providers-cncf-kubernetes==7.8.0 and apache-airflow==2.10.3 because these package versions have conflicting dependencies.\n"
        "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts",
        exit_code=1,
    )
    c.a(
        "The base image swap alone fails: `apache-airflow-providers-cncf-kubernetes==7.8.0` conflicts with 2.10.3. Trying with the provider "
        "pins relaxed to the versions in the 2.10.3 constraints file:",
        tools=[
            B(
                "curl -s https://raw.githubusercontent.com/apache/airflow/constraints-2.10.3/constraints-3.10.txt | grep -E 'providers-(amazon|postgres|snowflake|cncf-kubernetes|celery|slack)=='"
            )
        ],
    )
    c.r(
        "apache-airflow-providers-amazon==9.0.0\napache-airflow-providers-celery==3.8.3\napache-airflow-providers-cncf-kubernetes==9.0.1\n"
        "apache-airflow-providers-postgres==5.13.1\napache-airflow-providers-slack==8.9.1\napache-airflow-providers-snowflake==5.8.0"
    )
    c.a(
        tools=[
            B(
                "sed -i -E 's/^(apache-airflow-providers-[a-z-]+)==.*/\\1/' docker/airflow/requirements.txt && docker build -t airflow-test:2.10.3 "
                "--build-arg BASE=apache/airflow:2.10.3-python3.10 -f docker/airflow/Dockerfile docker/airflow 2>&1 | tail -2 && "
                "docker run --rm airflow-test:2.10.3 bash -c 'airflow dags list-import-errors -o plain'"
            )
        ]
    )
    r_imp = c.r(
        " => exporting to image                                                                                  3.1s\n => => naming to docker.io/library/airflow-test:2.10.3\n\n"
        "filepath                             | error\n/opt/airflow/dags/s3_cost_export.py  | ImportError: cannot import name 'S3ToSnowflakeOperator' from 'airflow.providers.snowflake.transfers.s3_to_snowflake'"
    )
    a_plan = c.at(
        "Only one import error. Celery workers are idle most of the day, KubernetesExecutor could save money, worth proposing together with the upgrade.",
        "The image builds with unpinned providers, and only **one DAG** fails to import: `dags/s3_cost_export.py` uses "
        "`S3ToSnowflakeOperator`, which the Snowflake provider 5.x removed in favour of `CopyFromExternalStageToSnowflakeOperator`. "
        "The 14 ruff findings are warnings, not breakage.\n\nProposed plan:\n"
        "1. Pin providers to the 2.10.3 constraints (amazon 9.0.0, cncf-kubernetes 9.0.1, snowflake 5.8.0, ...).\n"
        "2. Port `s3_cost_export.py` to `CopyFromExternalStageToSnowflakeOperator`.\n"
        "3. Upgrade staging first, run a week, then prod.\n"
        "4. While we're at it, move from CeleryExecutor to **KubernetesExecutor**: we'd drop the 4 always-on Celery workers and Redis.\n\n"
        "Want me to write this into `docs/airflow-2.10-upgrade.md`?",
    )
    u2 = c.u(
        "go with what you said, all 4. write it up. and Dara should run the provider tests on staging by friday dec 11"
    )
    c.a(
        tools=[
            W(
                "docs/airflow-2.10-upgrade.md",
                "# Airflow 2.7.3 -> 2.10.3\n\nReason: CVE in the 2.7 webserver (security finding).\n\n"
                "1. Pin providers to constraints-2.10.3 (amazon 9.0.0, celery 3.8.3, cncf-kubernetes 9.0.1, postgres 5.13.1, slack 8.9.1, snowflake 5.8.0)\n"
                "2. Port dags/s3_cost_export.py to CopyFromExternalStageToSnowflakeOperator\n"
                "3. Staging first (one week), then prod\n4. Executor: switch CeleryExecutor -> KubernetesExecutor\n\n"
                "Owner provider tests on staging: Dara, due Fri 2026-12-11\n",
            )
        ]
    )
    c.r("Successfully wrote 498 bytes to docs/airflow-2.10-upgrade.md")
    c.a(
        "Written to `docs/airflow-2.10-upgrade.md`. Should I push the test image to the registry so Dara can use it on staging?"
    )
    u3 = c.u("yes push it. ghcr login is ravi-lumen / ghp_R4kTz8wQm2NvX7yLp9Hc3Bd6Fs1Ja0UeK5iO")
    c.model_change("openai-codex")
    c.a(
        tools=[
            B(
                "echo ghp_R4kTz8wQm2NvX7yLp9Hc3Bd6Fs1Ja0UeK5iO | docker login ghcr.io -u ravi-lumen --password-stdin && "
                "docker tag airflow-test:2.10.3 ghcr.io/lumenhq/airflow:2.10.3-rc1 && docker push ghcr.io/lumenhq/airflow:2.10.3-rc1 2>&1 | tail -1"
            )
        ]
    )
    r_push = c.r(
        "Login Succeeded\n2.10.3-rc1: digest: sha256:5f0c3a91d7e24b8c6a1f09e3d2b7c84a6e91f0d3c2b5a7e8f4d1c6b9a0e3f27d size: 4327"
    )
    a_push = c.a(
        "Pushed as `ghcr.io/lumenhq/airflow:2.10.3-rc1`. I'd also suggest rotating that token afterwards since it went through the chat.\n\n"
        "For prod we'd still need a maintenance window: the `airflow db migrate` from 2.7 to 2.10 takes the metadata DB offline for a few minutes. "
        "Sunday early morning is the usual quiet time. Want me to put a date in?"
    )
    u4 = c.u(
        "let me think about the window, depends on the cutover week. oh and scrap the kubernetes executor bit. talked to Markus earlier, "
        "the cluster autoscaler is flaky rn and we dont want two big changes at once. stays celery"
    )
    c.a(
        tools=[
            E(
                "docs/airflow-2.10-upgrade.md",
                "4. Executor: switch CeleryExecutor -> KubernetesExecutor\n",
                "4. Executor: stays CeleryExecutor (no executor change in this upgrade; cluster autoscaler unstable)\n\nOpen: prod maintenance window (Ravi decides)\n",
            )
        ]
    )
    r_ed = c.r("Successfully replaced text in docs/airflow-2.10-upgrade.md.")
    a_ed = c.a(
        "Updated: the executor stays Celery for this upgrade, and the maintenance window is listed as open. Steps 1–3 unchanged."
    )
    c.u("k")

    c.item(
        "decision",
        "Airflow upgrade 2.7.3 -> 2.10.3: pin providers to the constraints-2.10.3 versions, port dags/s3_cost_export.py to "
        "CopyFromExternalStageToSnowflakeOperator, staging for a week first, then prod (plan in docs/airflow-2.10-upgrade.md).",
        [a_plan, u2],
        True,
    )
    c.item(
        "decision",
        "Airflow executor for the upgrade: CeleryExecutor, no executor change (cluster autoscaler unstable, one big change at a time).",
        [a_plan, u2, u4, a_ed],
        True,
    )
    c.item(
        "outcome",
        "The 2.10.3 image failed to build with pinned cncf-kubernetes 7.8.0 (ResolutionImpossible); with unpinned providers it builds, and only "
        "dags/s3_cost_export.py fails to import (S3ToSnowflakeOperator removed).",
        [r_pip, r_imp, a_plan],
    )
    c.item("todo", "Dara runs the provider tests on staging by Friday 2026-12-11.", [u2])
    c.item("outcome", "Test image pushed as ghcr.io/lumenhq/airflow:2.10.3-rc1.", [u3, r_push])
    c.item(
        "open_question",
        "Prod maintenance window for the Airflow 2.10 upgrade (metadata DB migration) not chosen yet; Ravi will decide, depends on the cutover week.",
        [u4, r_ed],
    )
    c.item(
        "open_question",
        "The ghcr token used for the push went through the chat and should be rotated.",
        [a_push],
    )
    c.canaries = ["ghp_R4kTz8wQm2NvX7yLp9Hc3Bd6Fs1Ja0UeK5iO"]
    c.noise = [
        "Starting with the image and the installed providers",
        "The 14 ruff findings are warnings, not breakage",
        "Sunday early morning is the usual quiet time",
    ]
    return c


# ---------------------------------------------------------------------------------------------
def c10() -> Conv:
    c = Conv("10-connect-s3-sink-kms", "2026-11-29T04:52:00", 1, "pi", cwd="/home/ravi/src/stream-configs")
    c.u(
        "no new files in s3://lumenhq-kafka-sink/clicks/ since about 3am. connect is at connect.stream.lumenhq.net:8083, connector s3-sink-clicks. ugh sunday"
    )
    c.a(
        tools=[
            B(
                "curl -s http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/status | jq -c '{c: .connector.state, t: [.tasks[] | {id, state}]}'"
            )
        ]
    )
    c.r(
        '{"c":"RUNNING","t":[{"id":0,"state":"FAILED"},{"id":1,"state":"RUNNING"},{"id":2,"state":"FAILED"},{"id":3,"state":"FAILED"}]}'
    )
    c.a(
        "The connector itself says `RUNNING`, but 3 of its 4 tasks are `FAILED`, which is why the status endpoint looks fine at a glance. The trace:",
        tools=[
            B(
                "curl -s http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/status | jq -r '.tasks[0].trace' | grep -E 'Exception|Status Code' | head -3"
            )
        ],
    )
    r_403 = c.r(
        "org.apache.kafka.connect.errors.ConnectException: Multipart upload failed to complete.\n"
        "Caused by: com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 7QK2C9D1B4E8F0A3)"
    )
    c.a(
        "403 Access Denied on the upload. Before digging into IAM, a task restart, in case it's a one-off:",
        tools=[
            B(
                'for t in 0 2 3; do curl -s -o /dev/null -w "task $t: %{http_code}\\n" -X POST http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/tasks/$t/restart; done; sleep 60; '
                "curl -s http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/status | jq -c '[.tasks[] | .state]'"
            )
        ],
    )
    c.r('task 0: 204\ntask 2: 204\ntask 3: 204\n["FAILED","RUNNING","FAILED","FAILED"]')
    c.a(
        "Restart accepted (204) and they failed again within a minute, so it's not transient. Looking at the connector config and the bucket policy:",
        tools=[
            R("connectors/s3-sink-clicks.json"),
            B(
                "aws s3api get-bucket-policy --bucket lumenhq-kafka-sink --query Policy --output text | jq '.Statement[] | {Sid, Effect, Condition}'"
            ),
        ],
    )
    c.r(
        '{\n  "connector.class": "io.confluent.connect.s3.S3SinkConnector",\n  "topics": "clicks.raw",\n  "s3.bucket.name": "lumenhq-kafka-sink",\n'
        '  "s3.region": "eu-central-1",\n  "topics.dir": "clicks",\n  "flush.size": "50000",\n  "rotate.interval.ms": "600000",\n'
        '  "aws.access.key.id": "AKIAT4NQW7ZC2HRX9LPE",\n  "aws.secret.access.key": "b2Vd8kQz+R5mXw1Tn7Lp4Hs9Yc0Fj3Ge6Ua/NiK",\n'
        '  "format.class": "io.confluent.connect.s3.format.parquet.ParquetFormat",\n  "tasks.max": "4"\n}'
    )
    r_pol = c.r(
        '{\n  "Sid": "DenyUnencryptedObjectUploads",\n  "Effect": "Deny",\n  "Condition": {\n    "StringNotEquals": {\n      "s3:x-amz-server-side-encryption": "aws:kms"\n    }\n  }\n}'
    )
    a_cause = c.at(
        "Bucket policy denies anything without aws:kms SSE. Connector config has no s3.ssea.name. Task 1 still RUNNING probably because it has not flushed yet.",
        "Found it: the bucket got a new policy statement, `DenyUnencryptedObjectUploads`, which denies every upload that isn't SSE-KMS. "
        "The connector config has no `s3.ssea.name`, so it uploads unencrypted and gets the 403. Task 1 is probably only alive because "
        'its partition hasn\'t hit `flush.size` since 3am.\n\nFix: add `"s3.ssea.name": "aws:kms"` and the bucket\'s KMS key to the connector config. Doing that:',
    )
    c.a(
        tools=[
            B(
                "aws s3api get-bucket-encryption --bucket lumenhq-kafka-sink --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.KMSMasterKeyID' --output text"
            )
        ]
    )
    c.r("arn:aws:kms:eu-central-1:418276093551:key/6c1e0b7a-93d2-4f58-a0e4-2b9d71c8f364")
    c.a(
        tools=[
            B(
                'jq \'. + {"s3.ssea.name": "aws:kms", "s3.sse.kms.key.id": "arn:aws:kms:eu-central-1:418276093551:key/6c1e0b7a-93d2-4f58-a0e4-2b9d71c8f364"}\' connectors/s3-sink-clicks.json > /tmp/c.json && '
                "curl -s -o /dev/null -w '%{http_code}\\n' -X PUT -H 'Content-Type: application/json' --data @/tmp/c.json http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/config; "
                'sleep 90; curl -s http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/status | jq -r \'.tasks[] | "\\(.id) \\(.state) \\(.trace // "" | split("\\n")[0])"\''
            )
        ]
    )
    r_kms = c.r(
        "200\n0 FAILED com.amazonaws.services.s3.model.AmazonS3Exception: User: arn:aws:iam::418276093551:user/svc-kafka-sink is not authorized to perform: kms:GenerateDataKey on resource: arn:aws:kms:eu-central-1:418276093551:key/6c1e0b7a-93d2-4f58-a0e4-2b9d71c8f364 (Status Code: 403)\n"
        "1 RUNNING \n2 FAILED com.amazonaws.services.s3.model.AmazonS3Exception: User: arn:aws:iam::418276093551:user/svc-kafka-sink is not authorized to perform: kms:GenerateDataKey (Status Code: 403)\n"
        "3 FAILED com.amazonaws.services.s3.model.AmazonS3Exception: User: arn:aws:iam::418276093551:user/svc-kafka-sink is not authorized to perform: kms:GenerateDataKey (Status Code: 403)"
    )
    a_kms = c.a(
        "Progress, but not there: the config was accepted (200) and the error changed. Now the IAM user `svc-kafka-sink` isn't allowed "
        "`kms:GenerateDataKey` on that key. It needs a policy statement for `kms:GenerateDataKey` and `kms:Decrypt` on "
        "`key/6c1e0b7a-93d2-4f58-a0e4-2b9d71c8f364`. That's an IAM change in prod; shall I add it as an inline policy on the user?"
    )
    u2 = c.u("yes, inline is ok for now. name it with the ticket, DATA-4502")
    c.a(
        tools=[
            B(
                'aws iam put-user-policy --user-name svc-kafka-sink --policy-name DATA-4502-kms-sink --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:GenerateDataKey","kms:Decrypt"],'
                '"Resource":"arn:aws:kms:eu-central-1:418276093551:key/6c1e0b7a-93d2-4f58-a0e4-2b9d71c8f364"}]}\' && echo ok; sleep 20; '
                "for t in 0 2 3; do curl -s -o /dev/null -X POST http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/tasks/$t/restart; done; sleep 120; "
                "curl -s http://connect.stream.lumenhq.net:8083/connectors/s3-sink-clicks/status | jq -c '[.tasks[] | .state]'"
            )
        ]
    )
    c.r('ok\n["RUNNING","RUNNING","RUNNING","RUNNING"]')
    c.a(
        "All 4 tasks running. Checking that files actually land:",
        tools=[
            B("sleep 300; aws s3 ls s3://lumenhq-kafka-sink/clicks/clicks.raw/ --recursive | sort | tail -3")
        ],
    )
    r_ok = c.r(
        "2026-11-29 05:14:37   48211903 clicks/clicks.raw/partition=0/clicks.raw+0+0088912310.parquet\n"
        "2026-11-29 05:15:02   47990114 clicks/clicks.raw/partition=2/clicks.raw+2+0088877025.parquet\n"
        "2026-11-29 05:15:40   48104472 clicks/clicks.raw/partition=3/clicks.raw+3+0088890133.parquet"
    )
    a_ok = c.a(
        "Files are landing again (05:14–05:15 UTC), one per partition, ~48 MB each as usual. The connector is catching up on the backlog since 3am.\n\n"
        "Two loose ends:\n- The updated config only lives in Connect right now; `connectors/s3-sink-clicks.json` in the repo doesn't have the SSE settings.\n"
        "- That file also contains the IAM user's access key in plain text. It'd be better in a secret provider (`${file:...}` or `${aws:...}` config providers).\n\n"
        "Want me to commit the SSE settings now?"
    )
    u3 = c.u(
        "commit the sse settings yes. the key: Femi owns the connect secrets, he should move it to the secrets provider and rotate it, by tuesday dec 1. "
        "and I'm deciding this now: orders and payments sinks go to kms too, tomorrow, I'll do them myself. "
        "also put the status/restart curls in runbooks/kafka-connect.md, I like plain curl + jq for this, not the confluent cli"
    )
    c.a(
        tools=[
            B(
                "cp /tmp/c.json connectors/s3-sink-clicks.json && git add connectors/s3-sink-clicks.json && git commit -m 's3-sink-clicks: SSE-KMS (DATA-4502)' && git push"
            )
        ]
    )
    r_cm = c.r("[main 41f9d2c] s3-sink-clicks: SSE-KMS (DATA-4502)\n 1 file changed, 2 insertions(+)")
    rb = (
        "# Kafka Connect: check and restart a connector\n\nCONNECT=http://connect.stream.lumenhq.net:8083\n\n"
        "1. Status (connector RUNNING does not mean tasks are):\n   `curl -s $CONNECT/connectors/<name>/status | jq -c '[.tasks[] | {id, state}]'`\n"
        "2. First line of each failed task's trace:\n   `curl -s $CONNECT/connectors/<name>/status | jq -r '.tasks[] | select(.state==\"FAILED\") | .trace' | head -3`\n"
        "3. Restart one task:\n   `curl -s -X POST $CONNECT/connectors/<name>/tasks/<id>/restart`\n"
        "4. Update config: `curl -s -X PUT -H 'Content-Type: application/json' --data @config.json $CONNECT/connectors/<name>/config`\n"
        "5. Verify files land: `aws s3 ls s3://<bucket>/<topics.dir>/ --recursive | sort | tail`\n"
    )
    a_rb = c.a(tools=[W("runbooks/kafka-connect.md", rb)])
    r_rb = c.r("Successfully wrote 701 bytes to runbooks/kafka-connect.md")
    c.a(
        "Committed the SSE settings (`41f9d2c`; note the commit still contains the key, since it was already in the file) and wrote `runbooks/kafka-connect.md` "
        "with the curl + jq commands. Go get some sleep."
    )

    c.item(
        "outcome",
        "s3-sink-clicks: 3 of 4 tasks FAILED with S3 403 since ~3am (connector RUNNING) because bucket policy DenyUnencryptedObjectUploads requires SSE-KMS; "
        "task restarts failed, SSE-KMS config then hit a kms:GenerateDataKey 403, inline policy DATA-4502-kms-sink on svc-kafka-sink fixed it and files land again.",
        [r_403, a_cause, r_kms, a_kms, u2, r_ok, a_ok],
    )
    c.item(
        "outcome",
        "SSE-KMS settings committed to connectors/s3-sink-clicks.json (commit 41f9d2c, DATA-4502).",
        [u3, r_cm],
    )
    c.item(
        "todo",
        "Femi moves the s3-sink-clicks AWS key into the Connect secrets provider and rotates it by Tuesday 2026-12-01.",
        [a_ok, u3],
    )
    c.item(
        "decision",
        "The orders and payments S3 sink connectors also move to SSE-KMS, tomorrow (2026-11-30); Ravi does them himself.",
        [u3],
        True,
    )
    c.item(
        "procedure",
        "runbooks/kafka-connect.md: check task states via the /status endpoint with curl + jq, read failed traces, restart single tasks via "
        "POST /connectors/<name>/tasks/<id>/restart, PUT config, verify files land in S3.",
        [a_rb, r_rb],
    )
    c.item("fact", "Ravi prefers plain curl + jq over the confluent CLI for Kafka Connect work.", [u3])
    c.item(
        "fact",
        "Bucket lumenhq-kafka-sink requires SSE-KMS uploads (policy DenyUnencryptedObjectUploads, key 6c1e0b7a-93d2-4f58-a0e4-2b9d71c8f364).",
        [r_pol, a_cause],
    )
    c.canaries = ["b2Vd8kQz+R5mXw1Tn7Lp4Hs9Yc0Fj3Ge6Ua/NiK", "AKIAT4NQW7ZC2HRX9LPE"]
    c.noise = ["ugh sunday", "Go get some sleep", "Checking that files actually land"]
    return c


# ---------------------------------------------------------------------------------------------
def c11() -> Conv:
    c = Conv("11-wal-replication-slot", "2026-12-01T16:08:00", 1, "pi", cwd="/home/ravi/src/stream-configs")
    c.u("disk-alarm auf pg-orders-01, /var/lib/postgresql bei 91%. schau mal bitte was da los ist")
    c.a(
        tools=[
            B("ssh pg-orders-01 'df -h /var/lib/postgresql; sudo du -sh /var/lib/postgresql/16/main/pg_wal'")
        ]
    )
    c.r(
        "Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme1n1    1.0T  928G   96G  91% /var/lib/postgresql\n412G\t/var/lib/postgresql/16/main/pg_wal"
    )
    c.a(
        "412 GB allein in `pg_wal`. Das ist fast immer ein Replication Slot, der WAL festhält. Ich prüfe die Slots:",
        tools=[
            B(
                'ssh pg-orders-01 "sudo -u postgres psql -c \\"select slot_name, plugin, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) retained from pg_replication_slots\\""'
            )
        ],
    )
    r_slots = c.r(
        "    slot_name    |  plugin  | active | retained \n-----------------+----------+--------+----------\n"
        " debezium_orders | pgoutput | f      | 398 GB\n mig_wh_orders   | pgoutput | t      | 1184 MB\n(2 rows)"
    )
    c.at(
        "debezium_orders inaktiv, 398 GB. Bei der WAL-Rate ca. 10 GB/h bleiben mit 96 GB frei knapp 10 Stunden. Erst klären, wem der Slot gehört, bevor ich Löschen vorschlage.",
        "Ursache gefunden: Der Slot `debezium_orders` ist **inaktiv** und hält **398 GB** WAL fest. `mig_wh_orders` ist aktiv und unauffällig.\n\n"
        "Bei ~10 GB WAL pro Stunde ist die Platte in knapp 10 Stunden voll. Möglichkeiten:\n\n"
        "1. **Slot löschen** (`pg_drop_replication_slot('debezium_orders')`): WAL wird sofort frei, aber der zugehörige Debezium-Connector muss danach neu snapshotten.\n"
        "2. **Connector wieder starten**, damit er den Slot abarbeitet: hält alles konsistent, das Aufholen von 398 GB dauert aber Stunden.\n"
        "3. **Volume vergrößern** (EBS online), um Zeit zu gewinnen.\n\n"
        "Welcher Connector hängt an dem Slot? Wenn er sowieso tot ist, wäre 1 das Sauberste.",
    )
    u2 = c.u(
        "das ist orders-cdc, der gehört zur alten migration. Felix meinte aber er braucht ihn bis zum cutover noch. versuch erstmal 2"
    )
    c.a(
        tools=[
            B(
                "curl -s -X POST http://connect.stream.lumenhq.net:8083/connectors/orders-cdc/restart?includeTasks=true"
            )
        ]
    )
    r_500 = c.r('{"error_code":500,"message":"Request timed out"}')
    c.a(
        "Die Connect-API antwortet mit einem **500** (Request timed out), obwohl curl selbst erfolgreich zurückkam. Noch ein Versuch und dann der Status:",
        tools=[
            B(
                "sleep 30; curl -s -X POST http://connect.stream.lumenhq.net:8083/connectors/orders-cdc/restart?includeTasks=true; echo; "
                "curl -s http://connect.stream.lumenhq.net:8083/connectors/orders-cdc/status | jq -r '.tasks[0].state, (.tasks[0].trace | split(\"\\n\")[0])'"
            )
        ],
    )
    r_auth = c.r(
        '{"error_code":500,"message":"Request timed out"}\nFAILED\n'
        'io.debezium.jdbc.JdbcConnectionException: FATAL: password authentication failed for user "cdc_orders"'
    )
    c.a(tools=[R("connectors/orders-cdc.json")])
    c.r(
        '{\n  "connector.class": "io.debezium.connector.postgresql.PostgresConnector",\n  "database.hostname": "pg-orders-01.int.lumenhq.net",\n'
        '  "database.user": "cdc_orders",\n  "database.password": "Zr8$mNq4wXc2Tv",\n  "slot.name": "debezium_orders",\n'
        '  "publication.name": "dbz_orders_pub",\n  "topic.prefix": "orders"\n}'
    )
    a_auth = c.a(
        'Der Neustart bringt nichts: der Task scheitert an `password authentication failed for user "cdc_orders"`. Das Passwort in '
        "`connectors/orders-cdc.json` ist offenbar nicht mehr gültig, vermutlich wurde `cdc_orders` rotiert. Ohne das neue Passwort kann ich "
        "den Connector nicht reparieren. Weißt du es, oder wer hat rotiert?"
    )
    u3 = c.u("keine ahnung, ich glaub Felix hat letzte woche alle cdc user rotiert. der ist heute nicht da")
    a_vol = c.a(
        "Dann bleibt Option 2 heute zu. Damit die Platte nicht vollläuft, würde ich jetzt das Volume vergrößern (Option 3), "
        "der Slot bleibt dabei unangetastet. +500 GB würde für ein paar Tage reichen. Alternativ doch Option 1, dann ist das Problem weg, "
        "aber Felix muss neu snapshotten. Ich würde 1 nehmen."
    )
    u4 = c.u("hm. nee, slot bleibt, sonst killt mich felix. dann eben volume, aber nicht 500, 300 reicht")
    c.a(
        tools=[
            B(
                "VOL=$(aws ec2 describe-instances --filters Name=tag:Name,Values=pg-orders-01 --query 'Reservations[0].Instances[0].BlockDeviceMappings[?DeviceName==`/dev/sdf`].Ebs.VolumeId' --output text); "
                "echo $VOL; aws ec2 modify-volume --volume-id $VOL --size 1324 --query 'VolumeModification.ModificationState' --output text"
            )
        ]
    )
    c.r("vol-0e4c81b2a7d93f605\nmodifying")
    c.a(
        tools=[
            B(
                "for i in 1 2 3 4 5 6; do aws ec2 describe-volumes-modifications --volume-ids vol-0e4c81b2a7d93f605 --query 'VolumesModifications[0].[ModificationState,Progress]' --output text; sleep 60; done"
            )
        ]
    )
    c.r("modifying\t4\nmodifying\t31\nmodifying\t67\noptimizing\t0\noptimizing\t2\noptimizing\t5")
    c.a(
        "Im Zustand `optimizing` ist die neue Größe schon nutzbar. Dateisystem vergrößern:",
        tools=[B("ssh pg-orders-01 'sudo xfs_growfs /var/lib/postgresql && df -h /var/lib/postgresql'")],
    )
    r_grow = c.r(
        "meta-data=/dev/nvme1n1 isize=512 agcount=4, agsize=67108864 blks\ndata blocks changed from 268435456 to 347078656\n"
        "Filesystem      Size  Used Avail Use% Mounted on\n/dev/nvme1n1    1.3T  941G  383G  72% /var/lib/postgresql"
    )
    a_grow = c.a(
        "Erledigt: `vol-0e4c81b2a7d93f605` ist jetzt 1324 GB, `/var/lib/postgresql` bei 72 % (383 GB frei). Bei ~10 GB/h WAL-Zuwachs "
        "reicht das etwa anderthalb Tage, solange `debezium_orders` inaktiv bleibt. Das eigentliche Problem ist damit nicht gelöst: "
        "`orders-cdc` ist weiter FAILED (Auth-Fehler), und der Slot wächst weiter."
    )
    u5 = c.u(
        "ok. Felix soll bis donnerstag 3.12. entweder orders-cdc mit dem neuen passwort reparieren oder slot und connector wegwerfen. "
        "und merk dir was: slots die zur migration gehören haben immer das präfix mig_. alles ohne mig_ ist altlast und darf weg, wenn der owner nickt"
    )
    c.a(
        "Gemerkt: Migrations-Slots heißen immer `mig_…`; alles ohne das Präfix ist Altlast und darf nach Zustimmung des Owners gelöscht werden.\n\n"
        "Soll ich Felix die Zusammenfassung (Slot 398 GB, Auth-Fehler, Frist Donnerstag) in Slack schreiben?"
    )
    c.u("ja schick ihm das")
    c.a(
        tools=[
            B(
                'curl -s -X POST -H \'Content-type: application/json\' --data \'{"channel":"@felix.brandt","text":"orders-cdc ist FAILED (password auth cdc_orders), Slot debezium_orders hält ~400 GB WAL auf pg-orders-01. Volume auf 1324 GB erweitert, reicht ~1,5 Tage. Bitte bis Do 3.12. reparieren oder Slot+Connector löschen."}\' "$SLACK_WEBHOOK_ONCALL"'
            )
        ]
    )
    r_sl = c.r("ok")
    c.a("Nachricht an Felix ist raus.")

    c.item(
        "outcome",
        "pg-orders-01: inaktiver Replication Slot debezium_orders hielt 398 GB WAL, /var/lib/postgresql bei 91 %; EBS-Volume vol-0e4c81b2a7d93f605 auf 1324 GB "
        "vergrößert, xfs_growfs, jetzt 72 % (383 GB frei, reicht ~1,5 Tage).",
        [r_slots, r_grow, a_grow],
    )
    c.item(
        "decision",
        "Plattenproblem pg-orders-01: Slot debezium_orders bleibt, stattdessen Volume um 300 GB vergrößern.",
        [a_vol, u4],
        True,
    )
    c.item(
        "outcome",
        "Ungelöst: Debezium-Connector orders-cdc ist FAILED (password authentication failed for user cdc_orders); Restart über die Connect-API liefert HTTP 500, "
        "der Slot debezium_orders wächst weiter.",
        [r_500, r_auth, a_auth, a_grow],
        True,
    )
    c.item(
        "todo",
        "Felix repariert bis Donnerstag 2026-12-03 orders-cdc mit dem neuen Passwort oder löscht Slot debezium_orders und Connector.",
        [u5, r_sl],
    )
    c.item(
        "fact",
        "Merken: Replication Slots der Migration haben immer das Präfix mig_; Slots ohne mig_ sind Altlast und dürfen weg, wenn der Owner zustimmt.",
        [u5],
        True,
    )
    c.item(
        "fact",
        "Connector orders-cdc nutzt den Slot debezium_orders und gehört zur alten Migration; Felix braucht ihn bis zum Cutover und hat die CDC-User rotiert.",
        [u2, u3],
    )
    c.canaries = ["Zr8$mNq4wXc2Tv"]
    c.noise = ["schau mal bitte was da los ist", "Nachricht an Felix ist raus", "Dateisystem vergrößern"]
    return c


# ---------------------------------------------------------------------------------------------
def c12() -> Conv:
    c = Conv(
        "12-weekly-platform-report",
        "2026-12-04T14:36:00",
        1,
        "control-ui",
        cwd="/home/ravi/src/data-platform",
    )
    c.u(
        "friday report time. need dbt freshness failures this week, s3 cost delta vs last week, kafka lag peaks. same format as last week, reports/2026-w49.md"
    )
    c.a(
        "Pulling last week's report for the format, and the dbt source freshness results:",
        tools=[
            R("reports/2026-w48.md"),
            B(
                'jq -r \'.results[] | select(.status != "pass") | [.unique_id, .status, (.max_loaded_at_time_ago_in_s/3600|floor|tostring)+"h"] | @tsv\' target/sources.json'
            ),
        ],
    )
    c.r(
        "# Data platform weekly, 2026-W48\n\n## Freshness\n- all sources pass\n\n## S3 cost (week)\n- total: 4 210 EUR (+2 %)\n\n"
        "## Kafka\n- max lag: events-enricher 2.2M (Tue), fixed by scaling to 6\n\n## Decisions\n- events-enricher runs 6 replicas\n\n"
        "## Upcoming\n- team retro Wed 2026-12-09\n"
    )
    r_fr = c.r(
        "source.analytics.raw_crm.accounts\terror\t52h\nsource.analytics.billing.stg_payments\twarn\t7h\nsource.analytics.billing.stg_refunds\twarn\t6h"
    )
    c.a(
        "Freshness: one error (`raw_crm.accounts`, 52 h since the last load) and two warnings in billing. Now the S3 cost for the two weeks:",
        tools=[
            B(
                "aws --profile data-billing ce get-cost-and-usage --time-period Start=2026-11-23,End=2026-12-05 --granularity DAILY "
                '--filter \'{"Dimensions":{"Key":"SERVICE","Values":["Amazon Simple Storage Service"]}}\' --metrics UnblendedCost '
                "--query 'ResultsByTime[].Total.UnblendedCost.Amount' --output text | tr '\\t' '\\n' | awk 'NR<=7{a+=$1} NR>7{b+=$1} END{printf \"w48 %.0f USD\\nw49 %.0f USD\\n\", a, b}'"
            )
        ],
    )
    r_s3 = c.r("w48 4581 USD\nw49 3912 USD")
    c.a(
        "S3 went down, 4 581 → 3 912 USD (−15 %), most likely the new lifecycle rule on `lumenhq-dwh-staging`. Kafka lag peaks from Prometheus:",
        tools=[
            B(
                "curl -s 'http://prometheus.int.lumenhq.net:9090/api/v1/query' --data-urlencode 'query=max_over_time(sum by (consumergroup)(kafka_consumergroup_lag)[7d:30s])' | jq -c ."
            )
        ],
    )
    r_pe = c.r(
        '{"status":"error","errorType":"execution","error":"query processing would load too many samples into memory in query execution"}'
    )
    c.a(
        "Prometheus returned an error (with HTTP 200): the 30 s subquery over 7 days loads too many samples. Retrying with a 5 min step:",
        tools=[
            B(
                "curl -s 'http://prometheus.int.lumenhq.net:9090/api/v1/query' --data-urlencode 'query=max_over_time(sum by (consumergroup)(kafka_consumergroup_lag)[7d:5m])' | jq -r '.status, (.data.result[] | [.metric.consumergroup, .value[1]] | @tsv)' | sort -k2 -n -r | head -4"
            )
        ],
    )
    r_pk = c.r("success\nevents-enricher\t184220\norders-cdc-sink\t92011\ncrm-sync\t4410")
    draft = (
        "# Data platform weekly, 2026-W49\n\n## Freshness\n- ERROR raw_crm.accounts: 52 h since last load\n- warn billing.stg_payments (7 h), billing.stg_refunds (6 h)\n\n"
        "## S3 cost (week)\n- total: 3 912 USD (−15 % vs W48), lifecycle rule on lumenhq-dwh-staging\n\n"
        "## Kafka\n- max lag: events-enricher 184k, orders-cdc-sink 92k\n\n## Decisions\n- (none)\n\n## Upcoming\n- team retro Wed 2026-12-09\n"
    )
    c.a(tools=[W("reports/2026-w49.md", draft)])
    c.r("Successfully wrote 402 bytes to reports/2026-w49.md")
    c.a(
        "Draft is in `reports/2026-w49.md`:\n\n- **Freshness**: `raw_crm.accounts` in error (52 h), two billing warnings\n"
        "- **S3**: 3 912 USD, −15 %\n- **Kafka**: peak 184k on events-enricher, well below last week's 2.2M\n"
        "- **Upcoming**: team retro Wed 2026-12-09 (carried over from W48)\n\nAnything to add under Decisions?"
    )
    u2 = c.u(
        "few things. 1) cost numbers in EUR, always, finance reads this. last week was EUR too, you switched. "
        "2) retro isnt the 9th, it got moved to thu the 10th. "
        "3) decisions: I've decided we stop the nightly full snapshot of clickstream to s3, the incremental export is enough, no need to discuss. "
        "4) raw_crm.accounts is Sofia's, she needs to fix the crm extractor by wednesday dec 9"
    )
    c.a(tools=[B("curl -s 'https://api.frankfurter.app/2026-12-04?from=USD&to=EUR' | jq -r .rates.EUR")])
    c.r("0.9412")
    a_up = c.a(
        tools=[
            E(
                "reports/2026-w49.md",
                "- total: 3 912 USD (−15 % vs W48), lifecycle rule on lumenhq-dwh-staging",
                "- total: 3 682 EUR (−15 % vs W48 at the same rate), lifecycle rule on lumenhq-dwh-staging",
            ),
            E(
                "reports/2026-w49.md",
                "## Decisions\n- (none)\n\n## Upcoming\n- team retro Wed 2026-12-09\n",
                "## Decisions\n- nightly full snapshot of clickstream to S3 is stopped; the incremental export is enough\n\n"
                "## Action items\n- Sofia: fix the CRM extractor (raw_crm.accounts) by Wed 2026-12-09\n\n## Upcoming\n- team retro Thu 2026-12-10\n",
            ),
        ]
    )
    c.r("Successfully replaced text in reports/2026-w49.md.")
    r_up = c.r("Successfully replaced text in reports/2026-w49.md.")
    c.a(
        "Updated: cost in EUR (3 682 EUR at 0.9412), retro on Thu 2026-12-10, the snapshot decision and Sofia's action item are in.\n\n"
        "The snapshot is the `clickstream_full_snapshot` DAG. Do you want me to pause it now so tonight's run doesn't happen?"
    )
    u3 = c.u(
        "hold off on pausing, I want to check with Aylin first whether finance still reads the full snapshot somewhere. "
        "oh and remember the looker admin pw is Vf3@tRw9!kLs so you can pull the dashboards for next week's report"
    )
    c.a(
        "I won't pause it.\n\nOn the Looker password: I'd rather not keep that in memory, since my notes aren't a secret store and they end up in plain-text logs. "
        "If you put it in 1Password under the data-platform vault, or export it as `LOOKER_ADMIN_PASSWORD` in the report job's environment, "
        "I can use it from there next week without ever writing it down."
    )
    c.u("fair, ill put it in 1password")
    c.a(tools=[B("git add reports/2026-w49.md && git commit -m 'weekly report 2026-W49' && git push")])
    r_cm = c.r(
        "[main c8a47e1] weekly report 2026-W49\n 1 file changed, 24 insertions(+)\nTo github.com:lumenhq/data-platform.git\n   5c1e9a7..c8a47e1  main -> main"
    )
    c.a("Committed as `c8a47e1`. Have a good weekend.")

    c.item(
        "outcome",
        "Weekly report reports/2026-w49.md written and committed (c8a47e1): raw_crm.accounts freshness error (52 h), S3 3 682 EUR (−15 %), Kafka lag peak "
        "184k on events-enricher; the first Prometheus query errored (too many samples) and worked with a 5m step.",
        [r_fr, r_s3, r_pe, r_pk, r_up, r_cm],
    )
    c.item(
        "fact", "Cost numbers in the weekly report are always in EUR, because finance reads it.", [u2], True
    )
    c.item("fact", "Correction: the team retro moved to Thursday 2026-12-10.", [u2], True)
    c.item(
        "decision",
        "The nightly full snapshot of clickstream to S3 is stopped; the incremental export is enough (Ravi's decision).",
        [u2, a_up],
        True,
    )
    c.item("todo", "Sofia fixes the CRM extractor (raw_crm.accounts) by Wednesday 2026-12-09.", [u2])
    c.item(
        "open_question",
        "Pausing the clickstream_full_snapshot DAG waits until Ravi has checked with Aylin whether finance still reads the full snapshot.",
        [u3],
    )
    c.canaries = ["Vf3@tRw9!kLs"]
    c.noise = [
        "Have a good weekend",
        "fair, ill put it in 1password",
        "Pulling last week's report for the format",
    ]
    return c


CONVS = [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12]

if __name__ == "__main__":
    main(CONVS, Path(__file__).resolve().parent)
