"""Secret redaction: every provider format and label rule, no false alarms, and every dev canary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memoryd.flush.redact import Redaction, is_secret_path, redact
from memoryd.sources.transcript import parse_lines

DEV = Path(__file__).parent / "data" / "eval" / "dev"

# (text, the secret in it, the rule that must catch it). All values are invented.
CASES = [
    ("key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z", "openai_key"),
    ("OPENAI sk-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe", "sk-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe", "openai_key"),
    ("use sk-ant-api03-Qw3rTy7uIo9pAs2dFg5hJk8l", "sk-ant-api03-Qw3rTy7uIo9pAs2dFg5hJk8l", "anthropic_key"),
    ("stripe sk_live_51HqX2pLr8VwZt7KcY3mHb", "sk_live_51HqX2pLr8VwZt7KcY3mHb", "stripe_key"),
    ("rk_live_9aB8cD7eF6gH5iJ4kL3m restricted", "rk_live_9aB8cD7eF6gH5iJ4kL3m", "stripe_key"),
    ("pk_live_7Tq2Wn9Ls4Kd1Hx8Vb5Cm0 public", "pk_live_7Tq2Wn9Ls4Kd1Hx8Vb5Cm0", "stripe_key"),
    ("token ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6", "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6", "github_token"),
    ("gho_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8", "gho_Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8", "github_token"),
    ("ghs_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8", "ghs_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8", "github_token"),
    (
        "pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF0123456789",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF0123456789",
        "github_token",
    ),
    ("gitlab glpat-Xy7Zq2Wn9Ls4Kd1Hx8Vb", "glpat-Xy7Zq2Wn9Ls4Kd1Hx8Vb", "gitlab_token"),
    ("slack xoxb-1234567890-0987654321-AbCdEfGhIj", "xoxb-1234567890-0987654321-AbCdEfGhIj", "slack_token"),
    (
        "post to https://hooks.slack.com/services/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 now",
        "Zq8Wn2Ls9Kd4Hx1Vb7Cm3Tq5",
        "slack_webhook",
    ),
    ("maps AIzaSyD3fG6hJ9kL2mN5pQ8sT1vW4yZ7bC0eF3h ok", "AIzaSyD3fG6hJ9kL2mN5pQ8sT1vW4yZ7bC0eF3h", "google_api_key"),
    ("id AKIAQ3W5E7R9T1Y3U5I7 in prod", "AKIAQ3W5E7R9T1Y3U5I7", "aws_access_key_id"),
    ("sts ASIAZ2X4C6V8B0N2M4L6 temp", "ASIAZ2X4C6V8B0N2M4L6", "aws_access_key_id"),
    (
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "aws_secret_access_key",
    ),
    ("npm npm_Kq7Xw2Rt9Lm4Vb8Nc3Zs6Hd1Fg5Jp0Ya2Ue4", "npm_Kq7Xw2Rt9Lm4Vb8Nc3Zs6Hd1Fg5Jp0Ya2Ue4", "npm_token"),
    (
        "sendgrid 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",
        "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",
        "sendgrid_key",
    ),
    (
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "jwt",
    ),
    ("postgresql://app:Tk4!vRm9-ZqeL2@db.internal:5432/app", "Tk4!vRm9-ZqeL2", "url_password"),
    ("https://4f9a1c7e2b8d4e6fa0c3b5d7e9f1a2b4@o450.ingest.sentry.io/45", "4f9a1c7e2b8d4e6fa0c3b5d7e9f1a2b4", "url_token"),
    ("mysql -u root -pS3cr3t!pw -h db1", "S3cr3t!pw", "cli_password"),
    ("mysql -u root -p 'Hunter2-xyz' shop", "Hunter2-xyz", "cli_password"),
    ("redis-cli -h cache -a R3dis-Pass-99 ping", "R3dis-Pass-99", "cli_password"),
    ("deploy --password Pa55w0rd-long --yes", "Pa55w0rd-long", "cli_secret"),
    ("login --token=tok-9f8e7d6c5b4a3210", "tok-9f8e7d6c5b4a3210", "cli_secret"),
    ("PASSWORD=correct-horse-battery", "correct-horse-battery", "password"),
    ("PGPASSWORD='Sh0pfr0nt-st4g!ng-2291' psql -h db", "Sh0pfr0nt-st4g!ng-2291", "password"),
    ("export API_TOKEN=f00dBabe1234DeadBeef9876", "f00dBabe1234DeadBeef9876", "secret_assignment"),
    ('{"client_secret": "Zm9vYmFyYmF6cXV4MTIzNDU2"}', "Zm9vYmFyYmF6cXV4MTIzNDU2", "secret_assignment"),
    ("-H 'Authorization: Bearer abcDEF123456ghiJKL789012'", "abcDEF123456ghiJKL789012", "bearer_token"),
    ("the Document Intelligence key: 8f3c2a9e71d04b6c95e0a7d1f4b28c63 endpoint", "8f3c2a9e71d04b6c95e0a7d1f4b28c63", "secret_assignment"),
    ("User shop_admin, password Sh0pfr0nt-st4g!ng-2291.", "Sh0pfr0nt-st4g!ng-2291", "password"),
    ("パスワードは Lisboa!Sol2026 です", "Lisboa!Sol2026", "password"),
    ("card 4929 7704 1855 2208, exp 08/28", "4929 7704 1855 2208", "card_number"),
    ("card 4111111111111111 on file", "4111111111111111", "card_number"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "secret", "rule"), CASES, ids=[c[2] + ":" + c[0][:12] for c in CASES])
def test_each_rule_catches_its_secret(text: str, secret: str, rule: str) -> None:
    result = redact(text)
    assert secret not in result.text
    assert f"[REDACTED:{rule}]" in result.text
    assert result.counts.get(rule, 0) >= 1
    assert result.total == sum(result.counts.values())


def test_private_key_block_goes_whole() -> None:
    text = "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQUJDREVGRw==\n-----END OPENSSH PRIVATE KEY-----\nok"
    result = redact(text)
    assert "b3BlbnNzaC1" not in result.text and result.text.endswith("\nok")
    assert result.counts == {"private_key": 1}


def test_truncated_private_key_block_is_redacted_to_the_end() -> None:
    result = redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7x")
    assert "MIIEow" not in result.text


def test_url_password_keeps_user_and_host() -> None:
    result = redact(
        "DATABASE_URL=postgresql+psycopg://shop_admin:Sh0p-st4g!ng-2291@db-staging.internal:5433/shop"
    )
    assert (
        result.text
        == "DATABASE_URL=postgresql+psycopg://shop_admin:[REDACTED:url_password]@db-staging.internal:5433/shop"
    )


@pytest.mark.parametrize(
    "text",
    [
        "commit a91c3e2d6f0b8e51c7a2f94d3b1e0c8a7f6d5e42 (#118) and 4f0c2d9",
        "revision 7c1e9a2b4d10, entry 0de8b4c8, session 780c4b16-a510-49fa-a2b2-bbd1c38dbe31",
        "edit src/invoicer/billing.py and /etc/logrotate.d/app, then ~/code/lumen-ui/.github/workflows/ci.yml",
        "the password reset flow sends a token by email",
        "max_tokens=4096 and tokensBefore: 176000",
        "sort_key: created_at, primary key (id)",
        "NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }} and TOKEN=$GH_TOKEN",
        "psql -h db-staging.internal -p 5433 -U shop_admin -d shop",
        "ssh ops@api-prod-2 and git@github.com:lumen-labs/lumen-ui.git",
        "order INV-2026-0042 costs 1,650 rows/s over 412,337 rows on 2026-03-02 at 10:05",
        "timestamp 1775127893422 and id 9d4f0b3e8a21",
        "the API key rotation policy is documented in KEYS.md",
    ],
)
def test_no_false_alarms_on_ordinary_text(text: str) -> None:
    result = redact(text)
    assert result.text == text and result.total == 0


def test_redaction_is_idempotent() -> None:
    once = redact(
        "PASSWORD=hunter2-long and https://u:pw123456@h/x and ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"
    )
    twice = redact(once.text)
    assert twice.text == once.text and twice.total == 0


def test_redaction_is_a_frozen_value() -> None:
    result = redact("nothing here")
    assert result == Redaction("nothing here", {}) and result.total == 0
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("path", "secret"),
    [
        (".env", True),
        ("/srv/app/.env.production", True),
        ("/etc/app/app.env", True),
        ("certs/server.pem", True),
        ("tls/server.key", True),
        ("~/.ssh/id_rsa", True),
        ("~/.ssh/id_ed25519", True),
        ("~/.ssh/id_ed25519.pub", False),
        ("~/.aws/credentials", True),
        ("~/.netrc", True),
        ("~/.pgpass", True),
        ("config/secrets.yaml", True),
        ("'.env'", True),
        ("src/app.py", False),
        ("README.md", False),
        ("docs/environment.md", False),
        ("keyboard.py", False),
        (".envrc.example.txt", False),
    ],
)
def test_is_secret_path(path: str, secret: bool) -> None:
    assert is_secret_path(path) is secret


def _dev_texts(path: Path) -> list[str]:
    """Every text a flush could ever quote: messages, tool arguments and tool output."""
    _, entries, _ = parse_lines(path.read_bytes())
    texts = []
    for e in entries:
        texts += [e.text, e.thinking]
        for call in e.tool_calls:
            texts += [json.dumps(call.arguments, ensure_ascii=False), *map(str, call.arguments.values())]
    return texts


@pytest.mark.parametrize("gold_path", sorted(DEV.glob("*.gold.json")), ids=lambda p: p.stem)
def test_every_dev_canary_is_caught_wherever_it_appears(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = _dev_texts(DEV / gold["transcript"])
    for canary in gold["canaries"]:
        carriers = [t for t in texts if canary in t]
        assert carriers, f"canary not found in its transcript: {canary[:4]}…"
        for text in carriers:
            assert canary not in redact(text).text
