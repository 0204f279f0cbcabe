"""Secret redaction: every provider format and label rule, no false alarms, and every dev canary."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from memoryd.flush.items import Item
from memoryd.flush.pipeline import content_of, redact_items
from memoryd.flush.redact import Redaction, _occurrences, is_secret_path, redact, secrets_found, secrets_in
from memoryd.sources.transcript import Entry, parse_lines

EVAL = Path(__file__).parent / "data" / "eval"
DEV = EVAL / "dev"
#: The splits the redaction rules may be tuned on (never gen-report or fresh); gen-tune once it lands.
TUNE_SPLITS = ("dev", "heldout-local", "gen-tune")

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


_GOLDS = sorted(p for split in TUNE_SPLITS for p in (EVAL / split).glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", _GOLDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_canary_survives_with_the_range_s_secrets(gold_path: Path) -> None:
    """With what the range itself says is secret, no canary is left in any text, nor in a flush."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = gold_path.parent / gold["transcript"]
    _, entries, _ = parse_lines(path.read_bytes())
    known = secrets_in(entries)
    texts = _dev_texts(path)
    items = content_of(entries, []).items
    for canary in gold["canaries"]:
        assert any(canary in t for t in texts), f"canary not found in its transcript: {canary[:4]}…"
        for text in texts:
            assert canary not in redact(text, known=known).text
        assert not any(canary in item.text for item in items)


# --- secrets by context: what a person calls a password, PIN, key or token -----------------------------

# (text, the secret in it). All values are invented.
PROSE = [
    ("my wifi password is hunter2-blue", "hunter2-blue"),
    ("the PIN is 4471", "4471"),
    ("my pin is 4471", "4471"),
    ("remember that my bank PIN is 4471, thanks", "4471"),
    ("the door code is 2580", "2580"),
    ("my card PIN 0815, please remember it", "0815"),
    ("door code 2580", "2580"),
    ("PIN-Code 1234", "1234"),
    ("gate code: 1234#", "1234#"),
    ("my password is sunflower", "sunflower"),
    ("my password's swordfish", "swordfish"),
    ("hunter2 is my password", "hunter2"),
    ("the root password on staging is Kx9-Lm2-Qp7", "Kx9-Lm2-Qp7"),
    ("I changed the password to Blue-Sky-77", "Blue-Sky-77"),
    ("the password was changed to Blue-Sky-77", "Blue-Sky-77"),
    ("set the wifi password to Sunny-Day-9 please", "Sunny-Day-9"),
    ("use correct horse battery staple as the passphrase", "correct horse battery staple"),
    ("the passphrase is correct horse battery staple, ok?", "correct horse battery staple"),
    ('the passphrase is "tall trees whisper at night"', "tall trees whisper at night"),
    ("app password abcd efgh ijkl mnop", "abcd efgh ijkl mnop"),
    ('password="hunter2 is long"', "hunter2 is long"),
    ("the app password is qhzt wmvb krpa ylse", "qhzt wmvb krpa ylse"),
    ("pw=hunter22", "hunter22"),
    ("**Password:** hunter2-blue", "hunter2-blue"),
    ("__Passwort__: Sommer2026", "Sommer2026"),
    ("*PIN:* 4471", "4471"),
    ("| staging | password | Kx9!mP2 |", "Kx9!mP2"),
    ("pw: hunter22", "hunter22"),
    ("the token is a8Kd93LmQz", "a8Kd93LmQz"),
    ("the API key for staging is Zx81Pq0Lm7", "Zx81Pq0Lm7"),
    ("Can you store my router password? It's Kx9!mP2.", "Kx9!mP2"),
    ("remember my password, it's swordfish", "swordfish"),
    ("Could you keep my locker code in mind? 3-7-1-9", "3-7-1-9"),
    ("the PIN? 4471", "4471"),
    ("the password I use for the bank is Tulip-Harbor-3", "Tulip-Harbor-3"),
    ("my locker combination is 12-34-56", "12-34-56"),
    ("the safe code: 0815", "0815"),
    ("credentials: admin / S3cret!", "S3cret!"),
    ("Zugangsdaten: max / Sommer2026!", "Sommer2026!"),
    ("la contraseña que uso es Gato-Negro-7", "Gato-Negro-7"),
    # German
    ("das Passwort ist Sonnenblume7", "Sonnenblume7"),
    ("mein Kennwort lautet Tannenbaum", "Tannenbaum"),
    ("Das WLAN-Kennwort ist Tannenbaum42.", "Tannenbaum42"),
    ("WLAN-Passwort: Fritzbox-9911", "Fritzbox-9911"),
    ("der API-Schlüssel ist 9fK2pQ7xZ1", "9fK2pQ7xZ1"),
    ("Passwort: Sommer2026!", "Sommer2026!"),
    # Spanish
    ("la contraseña es gatito-azul", "gatito-azul"),
    ("la contraseña del wifi es Perro2024", "Perro2024"),
    ("la contraseña de aplicación es qhzt wmvb krpa ylse", "qhzt wmvb krpa ylse"),
    ("la clave del router es Casa-Roja-12", "Casa-Roja-12"),
    # French
    ("le mot de passe est soleil-bleu", "soleil-bleu"),
    ("retiens mon mot de passe Jira : Ostsee52%quark4", "Ostsee52%quark4"),
    ("guárdame esto, la contraseña de Fritz!Box es Quark27#tortuga1", "Quark27#tortuga1"),
    ("remember my Grafana password for next time: winter23%sardina2", "winter23%sardina2"),
    ("speicher das bitte, das pgAdmin Passwort ist Ostsee58&tortuga4", "Ostsee58&tortuga4"),
    ("mot de passe : Azerty!2024", "Azerty!2024"),
    ("la clé est Xk9-pQ2-zL7", "Xk9-pQ2-zL7"),
    # Portuguese, Italian, Dutch
    ("a senha é banana123", "banana123"),
    ("senha do wifi é casa2024", "casa2024"),
    ("la password è girasole42", "girasole42"),
    ("het wachtwoord is Fiets-2025", "Fiets-2025"),
    # Japanese, Chinese, Korean, Russian
    ("パスワードは sakura2026 です", "sakura2026"),
    ("暗証番号は 4471", "4471"),
    ("パスワードを「さくらんぼ」にした", "さくらんぼ"),
    ("密码是 abc12345", "abc12345"),
    ("비밀번호는 hunter22", "hunter22"),
    ("пароль: qwerty123", "qwerty123"),
]


@pytest.mark.parametrize(("text", "secret"), PROSE, ids=[t for t, _ in PROSE])
def test_a_value_called_a_secret_is_redacted_and_counted(text: str, secret: str) -> None:
    result = redact(text)
    assert secret not in result.text
    assert result.total >= 1 and set(result.counts) <= {"password", "secret", "secret_assignment"}
    assert secret in secrets_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "the password reset flow sends a token by email",
        "Can you store my router password? It's on a sticky note.",
        "What's the password? It is important that we rotate it.",
        "the password? it's on the fridge; my password? it is the usual one",
        "what is the password policy? 2024 rules apply; what is the password? 2024 was the year",
        "the password reset is broken, it's 3 days old",
        "The password policy changed. It is 12 characters now.",
        "the combination of both is 2x faster",
        "credentials are in the vault; credentials: see 1Password",
        "password is required",
        "the password is wrong",
        "the password is stored in 1Password",
        "the password is hashed with bcrypt",
        "the password manager is Bitwarden",
        "What is the password policy?",
        "what's the password?",
        "I don't know the password yet",
        "passwords must be 12 characters",
        "the password for staging is in the vault",
        "the new password is ready",
        "the passphrase is long",
        "the PIN is on the back of the card",
        "the PIN is four digits",
        "the token expired yesterday",
        "the token is valid for 24 hours",
        "the token count is 176000",
        "Token: 4096",
        "the key is to restart the worker first",
        "the key is the region: eu-west-1",
        "keys are rotated every 90 days",
        "the secret is out",
        "the secret sauce is caching",
        "the api key lives in 1Password under 'Azure'",
        "set the token to expire after 1 hour",
        "use Redis as the session store",
        "use the staging DB as the source of truth",
        "pin numpy to 1.26",
        "pin 2024 numpy; PIN 12; error code 1234; status code 5000",
        "exit code 1, status code 500",
        "la clave es que el caché se invalida",
        "das Passwort ist falsch",
        "la contraseña es incorrecta",
        "le mot de passe est vide",
        "un gestionnaire de mots de passe est fait pour ça",
        "el cambio de contraseña es obligatorio",
        "パスワードは変更済みです",
        "key: created_at, primary key (id, tenant_id)",
        "_PW_AT: Final = re.compile(_PW_LABEL); password: Optional[str] = None",
        "[flush]\nlead_tokens = 500\nreserve_tokens_floor = 1000",
        "| name | password | notes |",
        "The `auth` property is the username and password portion of the URL",
        "The length of the passphrase is limited to 1024 bytes. Scrypt is a password-based function.",
        "scryptSync('password', 'salt', 64, { N: 1024 })",
        "do not pass code to ScriptCompiler::CreateCodeCache",
        "password_hash: bcrypt; PASSWORD_MIN_LENGTH=12; API_TOKEN_FILE=/run/secrets/tok; token_url: https://x/o",
        "the other tools that take ``-p`` as password",
        "un, pw = self.passwords[netloc]; user, pw = auth, None; pw = self.passwd.find_user_password(realm, host)",
        "# Remove pwd from driver.py's path",
        "If a key is seen more than once, the last value wins",
        "Expressions are stored in dicts using 'literal hashes' as keys",
        "errors.note(f'supported keys: \"{supported_keys}\"', path, line)",
        "# prompts for the passphrase via the terminal and instead error out.",
        'Token.Name.Builtin.Clef: "bold #08547A", "clef::print-modern-tab-if-set"',
        "OPENROUTER_API_KEY - OpenRouter API key\n  CEREBRAS_API_KEY - Cerebras API key",
    ],
)
def test_prose_about_secrets_without_a_value_is_left_alone(text: str) -> None:
    result = redact(text)
    assert result.text == text and result.total == 0


# --- opaque tokens ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["q8ZrX2mLw9VtK4pN7sYbC1dF", "Zq8Wn2Ls9Kd4Hx1Vb7Cm3Tq5aB", "p3Kx9vQm2LrT8wYz5HbN1cJf6GdS4aUe7iOq0XnB"],
)
def test_a_random_looking_token_is_redacted_without_a_label(token: str) -> None:
    result = redact(f"here it is: {token} (from the console)")
    assert token not in result.text and result.counts == {"opaque_token": 1}


@pytest.mark.parametrize(
    "text",
    [
        "MyServiceHandlerV2Async and Base64EncodedUtf8Buffer",
        "class PytestRemovedIn10Warning(PytestDeprecationWarning), CPyBytesWriter_WriteI16LE, CPyList_GetItemInt64",
        "--sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
        "test_invoice_due_date_utc_2026_03 and TestInvoiceDueDate2026Utc",
        "pod api-7d9f8b6c5d-x2k4q restarted; event 0hv3f2n7d8a1c4e6g9j2k5l8m1",
        "go get example.com/mod@v0.0.0-20231012123456-abcdef123456",
        "src/components/UserProfileCard2.tsx and src/Lib2/HttpClient3Factory.ts",
        "version 1.2.3-rc.1+build.456, image postgres:16.2-alpine3.19",
        "https://github.com/lumen-labs/lumen-ui/actions/runs/1234567890",
        "node_modules/.pnpm/@babel+core@7.24.0/node_modules",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "ABCDEF1234567890ABCDEF1234 and 780c4b16-a510-49fa-a2b2-bbd1c38dbe31",
        "OPENCLAW_GATEWAY_TOKEN, kubectl get pods -n kube-system",
        "db-staging.internal:5433 and api-prod-2.eu-west-1.compute.internal",
    ],
)
def test_identifiers_hashes_paths_and_versions_are_not_opaque_tokens(text: str) -> None:
    result = redact(text)
    assert result.text == text and result.total == 0


# --- a secret seen once is redacted everywhere in the range ---------------------------------------------


class Transcript:
    """A small OpenClaw transcript, written as JSONL and parsed like a real one."""

    def __init__(self) -> None:
        header = {
            "type": "session",
            "version": 3,
            "id": "s-1",
            "timestamp": "2026-06-01T10:00:00Z",
            "cwd": "/w",
        }
        self.lines = [orjson.dumps(header)]
        self.n = 0

    def add(self, message: dict[str, Any]) -> str:
        self.n += 1
        eid = f"{self.n:08x}"
        stamp = f"2026-06-01T10:{self.n // 60:02d}:{self.n % 60:02d}Z"
        entry = {"type": "message", "id": eid, "parentId": None, "timestamp": stamp, "message": message}
        self.lines.append(orjson.dumps(entry))
        return eid

    def user(self, text: str) -> str:
        return self.add({"role": "user", "content": [{"type": "text", "text": text}]})

    def assistant(self, text: str, command: str | None = None) -> str:
        content: list[dict[str, Any]] = [{"type": "text", "text": text}]
        if command:
            content.append(
                {"type": "toolCall", "id": f"c{self.n}", "name": "bash", "arguments": {"command": command}}
            )
        return self.add({"role": "assistant", "content": content, "stopReason": "stop"})

    def result(self, output: str) -> str:
        return self.add(
            {
                "role": "toolResult",
                "toolCallId": f"c{self.n - 1}",
                "toolName": "bash",
                "content": [{"type": "text", "text": output}],
                "isError": False,
            }
        )

    def entries(self) -> list[Entry]:
        return parse_lines(b"\n".join(self.lines) + b"\n")[1]


def test_a_value_once_called_a_password_is_redacted_where_it_stands_alone() -> None:
    t = Transcript()
    t.user("the staging db password is Moss-Lantern-58, use it for the migration")
    t.assistant("Running it now.", command="psql -h db-staging -U app -c 'select 1'")
    t.user("also note Moss-Lantern-58 expires in June")
    known = secrets_in(t.entries())
    assert "Moss-Lantern-58" in known
    result = redact("User note: Moss-Lantern-58 expires in June", known=known)
    assert "Moss-Lantern-58" not in result.text and result.counts == {"seen_secret": 1}
    assert redact("User note: Moss-Lantern-58 expires in June").total == 0  # no context, no known


def test_an_app_password_given_on_request_is_known_spaced_and_joined() -> None:
    t = Transcript()
    t.assistant("Google needs an app password for SMTP now. Can you generate one and paste it here?")
    t.user("ok here: qhzt wmvb krpa ylse")
    t.assistant("Updating .env.", command="sed -i 's/^X=.*/X=1/' .env")
    entries = t.entries()
    known = secrets_in(entries)
    for quoted in ("ok here: qhzt wmvb krpa ylse", "set SMTP to qhztwmvbkrpaylse", "qhzt-wmvb-krpa-ylse"):
        assert "ylse" not in redact(quoted, known=known).text


def test_a_declined_request_then_the_value_in_the_next_reply_is_known() -> None:
    t = Transcript()
    t.user("can you remember my bank password?")
    t.assistant("I'd rather not keep passwords in memory; a password manager is safer.")
    t.user("ok then just remember it's Tulip-Harbor-3")
    known = secrets_in(t.entries())
    assert "Tulip-Harbor-3" in known
    assert "Tulip-Harbor-3" not in redact("User: just remember it's Tulip-Harbor-3", known=known).text


def test_a_short_reply_to_another_question_is_not_a_secret() -> None:
    t = Transcript()
    t.assistant("Which branch should I deploy, main or release-2026?")
    t.user("release-2026")
    t.assistant("What's the password policy here? Anyway, which region?")
    t.user("eu-west-1")
    t.assistant("Which port should the password service listen on?")
    t.user("5433")
    t.assistant("And the PIN for the door panel?")
    t.user("2580")
    known = secrets_in(t.entries())
    assert "release-2026" not in known and "eu-west-1" not in known and "5433" not in known
    assert "2580" in known  # a number answers a question about a PIN


def test_secrets_in_reads_commands_and_tool_output() -> None:
    t = Transcript()
    t.assistant("Checking.", command="mysql -u root -pTr0ub4dor-3 shop -e 'select 1'")
    t.result("DB_PASSWORD=Gr4nite-Owl-19\nDB_HOST=db1")
    known = secrets_in(t.entries())
    assert {"Tr0ub4dor-3", "Gr4nite-Owl-19"} <= known
    assert "db1" not in known


def test_a_declined_remember_request_leaks_nothing_into_the_flush() -> None:
    t = Transcript()
    t.user("remember that my bank PIN is 4471 and my wifi password is Tulip-Harbor-3")
    t.assistant("I'd rather not store PINs or passwords in memory; a password manager is the safer place.")
    t.user("fine. Tulip-Harbor-3 is also the router's admin login, keep that in mind")
    entries = t.entries()
    content = content_of(entries, [])
    for item in content.items:
        assert "4471" not in item.text and "Tulip-Harbor-3" not in item.text
    items, counts = redact_items(
        [
            Item(
                kind="fact", text="Router admin login is Tulip-Harbor-3; PIN 4471", entry_ids=(entries[2].id,)
            )
        ],
        known=secrets_in(entries),
    )
    assert "Tulip-Harbor-3" not in items[0].text and "4471" not in items[0].text
    assert sum(counts.values()) == 2  # each value counted once, under whichever label found it


def test_known_secrets_skip_short_and_common_values_and_stay_idempotent() -> None:
    known = frozenset({"abc", "password", "Moss-Lantern-58"})
    once = redact("abc / password / Moss-Lantern-58", known=known)
    assert once.text == "abc / password / [REDACTED:seen_secret]"
    assert redact(once.text, known=known).total == 0


@pytest.mark.parametrize("gold_path", _GOLDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_range_s_secrets_are_only_its_canaries(gold_path: Path) -> None:
    """False-positive guard: what a range says is secret is a canary (or a form of one), nothing else."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _, entries, _ = parse_lines((gold_path.parent / gold["transcript"]).read_bytes())
    canaries = [str(c) for c in gold["canaries"]]
    for value in secrets_in(entries):
        assert any(value in c or c in value for c in canaries), f"not a secret: {value[:3]}…"


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).parent / "data" / "samples").rglob("*.jsonl")), ids=lambda p: p.name
)
def test_real_sample_transcripts_hold_no_secrets(path: Path) -> None:
    """Code, logs and chats of the samples: identifiers, tokens counts and env var names are not secrets."""
    _, entries, _ = parse_lines(path.read_bytes())
    assert secrets_in(entries) == frozenset()


_TOKENS = [
    "password", "PIN", "is", "my", "the", ":", "=", "key", "token", "Kx9!mP2", "hunter2", "4471", "abcd",
    "efgh", "ijkl", "mnop", "contraseña", "es", "Passwort", "ist", "use", "as", "passphrase", "it's", "?",
    ",", ".", "**", "|", "q8ZrX2mLw9VtK4pN7sYbC1dF", "https://u:pw123456@h/x", "\n", "set", "to", "changed",
    "credentials", "/", "admin", "パスワード", "は", "「", "」", "'", '"', "(", ")", "pw", "_", "-",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TOKENS), max_size=16))
def test_redacting_twice_never_breaks_a_marker(words: list[str]) -> None:
    """Whatever the mix of labels, values and punctuation, markers stay whole and known values go."""
    once = redact(" ".join(words), known=frozenset({"hunter2", "abcd efgh ijkl mnop"}))
    twice = redact(once.text)
    for text in (once.text, twice.text):
        assert len(re.findall(r"\[REDACTED", text)) == len(re.findall(r"\[REDACTED:[a-z_]+\]", text))
    assert "hunter2" not in once.text
    assert sum(once.counts.values()) == once.total


# --- new wordings (written for this check, not taken from any eval split) ---------------------------

CALLED_A_SECRET = [
    ("for the backup vault, the passphrase: lantern orbit velvet canyon", "orbit velvet canyon"),
    ("seed phrase = maple tundra copper violin", "tundra copper violin"),
    ("Mein WLAN-Schlüssel lautet Hund-Katze-42", "Hund-Katze-42"),
    ("Le code de la porte c'est 7391", "7391"),
    ("el código de la puerta es 4455", "4455"),
    # Italian (2026-12-03: Italian became a language the rules read, and a key-box code was kept)
    ("allora il codice del portone è 3816, non dirlo in giro", "3816"),
    ("la combinazione dell'armadietto è 2-19-33", "2-19-33"),
    ("la password delle email è Mirtillo_82!", "Mirtillo_82!"),
    ("The shared secret for the webhook is purple-monkey-dishwasher", "purple-monkey-dishwasher"),
    ("el secreto es gato-perro-raton", "gato-perro-raton"),
    ("my key for the lab is Blue-Whale-7", "Blue-Whale-7"),
    ("the mail app password is wxyq zvtr mkpl bnsd, from Google", "wxyq zvtr mkpl bnsd"),
]


def test_italian_words_for_a_code_leave_other_codes_alone() -> None:
    assert redact("il codice fiscale è nel modulo, il codice del cancello non funziona").total == 0


@pytest.mark.parametrize(("text", "secret"), CALLED_A_SECRET, ids=[t for t, _ in CALLED_A_SECRET])
def test_more_values_called_a_secret_are_redacted(text: str, secret: str) -> None:
    result = redact(text)
    assert secret not in result.text
    assert result.total >= 1


@pytest.mark.parametrize(
    "text",
    [
        "the cache key is user-profile-settings",
        "the API key is read-only-scope",
        "the token is short-lived",
        "the secret sauce is garlic-butter-lemon",
        "le code de la porte est cassé",
    ],
)
def test_names_after_key_words_stay(text: str) -> None:
    assert redact(text).total == 0


def test_a_passphrase_and_a_chosen_key_are_redacted_wherever_they_recur() -> None:
    t = Transcript()
    t.user("for the backup vault, the passphrase: lantern orbit velvet canyon")
    t.assistant("Stored it in the vault config.", command="restic -r /mnt/backup init")
    t.user("Mein WLAN-Schlüssel lautet Hund-Katze-42, bitte für den Drucker eintragen")
    t.assistant("Erledigt.", command="lpadmin -p office -E")
    known = secrets_in(t.entries())
    for quoted, secret in (
        ("Use lantern orbit velvet canyon to unlock restic", "velvet"),
        ("printer joined the network with Hund-Katze-42", "Hund-Katze-42"),
    ):
        result = redact(quoted, known=known)
        assert secret not in result.text and result.counts == {"seen_secret": 1}


@given(st.text(alphabet="pasw kecodé日🙂\ud800x", max_size=80))
def test_needles_are_found_where_str_find_finds_them(text: str) -> None:
    """Searching a text with wide characters as UTF-8 bytes gives the same character offsets."""
    needles = ("pass", "pw", "code", "key", "é", "日", "ss")

    def naive(needle: str) -> list[int]:
        return [i for i in range(len(text)) if text.startswith(needle, i)]

    assert _occurrences(text, needles) == [naive(n) for n in needles]


def test_content_of_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    t = Transcript()
    t.user("the staging db password is Moss-Lantern-58")
    entries = t.entries()
    assert gc.isenabled()
    content_of(entries, [])
    assert gc.isenabled()
    gc.disable()
    try:
        content_of(entries, [])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_marker_holds_a_later_shape_rules_needle() -> None:
    """``_redact`` tests the shape rules' needles once, before the first rule: a marker must not bring one."""
    from memoryd.flush.redact import _SHAPE_RULES, _marker

    for i, (rule, _, _) in enumerate(_SHAPE_RULES):
        later = [n for _, _, needles in _SHAPE_RULES[i + 1 :] for n in needles]
        assert not [n for n in later if n in _marker(rule) or "[" in n or "]" in n], rule
