"""Remove secrets from text before it can reach the daily log.

Every match is replaced by ``[REDACTED:<rule>]`` and counted per rule, so that a flush event can say
how much it hid without saying what. The rules run in a fixed order: first the provider formats that
are unambiguous on their own (``ghp_...``, ``sk-ant-...``, private key blocks), then secrets that are
only recognisable by their label (``PASSWORD=...``, ``--token X``, ``key: ...``).

Labels matter because a bare 32-character hex string may be an API key or a commit hash: unlabelled
hex, UUIDs, entry ids and paths are never touched. A value behind a label is only taken when it looks
like a secret (long enough, mixed characters) unless the label says password, where any value counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

__all__ = ["Redaction", "is_secret_path", "redact"]


@dataclass(frozen=True, slots=True)
class Redaction:
    """Redacted text and how many secrets each rule replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _marker(rule: str) -> str:
    return f"[REDACTED:{rule}]"


# --- rules that recognise a secret by its own shape -------------------------------------------------

_B = r"(?<![A-Za-z0-9_\-])"  # token boundary on the left: not inside a longer word
_E = r"(?![A-Za-z0-9_\-])"  # and on the right

#: (rule, pattern, needles): the whole match is replaced. Every match contains one of the needles
#: (case-sensitive), so text without them skips the pattern at C speed.
_SHAPE_RULES: Final[tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]] = (
    (
        "private_key",
        re.compile(
            r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
            r"(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|.*\Z)",
            re.S,
        ),
        ("PRIVATE KEY",),
    ),
    ("anthropic_key", re.compile(_B + r"sk-ant-[A-Za-z0-9_\-]{20,}"), ("sk-ant-",)),
    ("openai_key", re.compile(_B + r"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}"), ("sk-",)),
    ("stripe_key", re.compile(_B + r"(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}"), ("_live_", "_test_")),
    ("stripe_webhook_secret", re.compile(_B + r"whsec_[A-Za-z0-9]{20,}"), ("whsec_",)),
    (
        "github_token",
        re.compile(_B + r"(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})"),
        ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    ),
    ("gitlab_token", re.compile(_B + r"glpat-[A-Za-z0-9_\-]{20,}"), ("glpat-",)),
    ("slack_token", re.compile(_B + r"xox[abposr]-[A-Za-z0-9\-]{10,}"), ("xox",)),
    (
        "slack_webhook",
        re.compile(r"https://hooks\.slack(?:-gov)?\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_\-]+"),
        ("hooks.slack",),
    ),
    ("google_api_key", re.compile(_B + r"AIza[0-9A-Za-z_\-]{35}" + _E), ("AIza",)),
    (
        "aws_access_key_id",
        re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}(?![A-Z0-9])"),
        ("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA"),
    ),
    ("npm_token", re.compile(_B + r"npm_[A-Za-z0-9]{36}" + _E), ("npm_",)),
    ("pypi_token", re.compile(_B + r"pypi-AgE[A-Za-z0-9_\-]{50,}"), ("pypi-",)),
    ("huggingface_token", re.compile(_B + r"hf_[A-Za-z0-9]{30,}" + _E), ("hf_",)),
    ("sendgrid_key", re.compile(_B + r"SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}"), ("SG.",)),
    ("digitalocean_token", re.compile(_B + r"do[opr]_v1_[a-f0-9]{64}"), ("_v1_",)),
    ("shopify_token", re.compile(_B + r"shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"), ("shp",)),
    ("telegram_bot_token", re.compile(r"(?<![0-9])\d{8,10}:AA[A-Za-z0-9_\-]{33}" + _E), (":AA",)),
    ("jwt", re.compile(_B + r"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"), ("eyJ",)),
)

#: ``scheme://user:password@host``: the password goes, user and host stay.
_URL_PASSWORD: Final = re.compile(
    r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@'\"<>]+:)(?P<v>[^\s@/'\"<>]+)(?=@)"
)
#: ``scheme://<token>@host`` (Sentry DSNs, tokens used as user names).
_URL_TOKEN: Final = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?P<v>[A-Za-z0-9_\-]{16,})(?=@)")
#: Card numbers written in groups of four (``4929 7704 1855 2208``) or contiguous with a valid checksum.
_DIGIT_RUN: Final = re.compile(r"\d{4}")
_CARD_GROUPED: Final = re.compile(r"(?<![\d\-])[3-6]\d{3}([ \-])\d{4}\1\d{4}\1\d{1,7}(?![\d\-])")
_CARD_PLAIN: Final = re.compile(r"(?<![\d.\-])(?:3[47]\d{13}|4\d{15}|5[1-5]\d{14}|6011\d{12})(?![\d.\-])")


# --- rules that recognise a secret by its label -----------------------------------------------------

_PASSWORD_WORDS = r"pass(?:word|wd|phrase)?|pwd|passcode|パスワード|暗証番号"
_PASSWORD_NEEDLES: Final = ("pass", "pwd", "パスワード", "暗証")
_LABEL_NEEDLES: Final = (*_PASSWORD_NEEDLES, "secret", "token", "key", "credential", "dsn")
_SECRET_WORDS = (
    r"secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|secret[_\-]?key|client[_\-]?secret"
    r"|subscription[_\-]?key|auth[_\-]?token|credentials?|dsn|key"
)
#: ``NAME=value`` / ``NAME: value`` / ``"name": "value"`` where NAME contains a secret word.
_ASSIGNMENT: Final = re.compile(
    r"(?P<head>(?P<name>\b[A-Za-z0-9_.\-]*?(?:" + _PASSWORD_WORDS + "|" + _SECRET_WORDS + r")[A-Za-z0-9_\-]*)"
    r"[\"']?\s*(?:=>|:|=|は)\s*(?P<q>[\"']?))"
    r"(?P<v>[^\s\"'`,;<>(){}\[\]\\]+)",
    re.I,
)
#: AWS secret access keys (40 characters of base64, slashes included) behind their usual labels.
_AWS_SECRET: Final = re.compile(
    r"(?P<head>\b(?:aws_secret_access_key|aws_secret_key|secretaccesskey)[\"']?\s*(?:=|:)\s*[\"']?)"
    r"(?P<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
    re.I,
)
#: ``password X`` / ``password is X`` in prose (no ``=`` or ``:``).
_PROSE_PASSWORD: Final = re.compile(
    r"(?P<head>\b(?:" + _PASSWORD_WORDS + r")\s+(?:is\s+|was\s+|=\s*)?)(?P<v>[^\s\"'`,;<>]+)", re.I
)
#: Command-line flags that take a secret: ``--password X``, ``--token=X``.
_CLI_FLAG: Final = re.compile(
    r"(?P<head>(?<![\w\-])--(?:password|passwd|pass|token|api-key|apikey|secret|client-secret|auth-token"
    r"|access-token|private-key)(?:=|\s+)(?P<q>[\"']?))(?P<v>[^\s\"']+)",
    re.I,
)
#: ``mysql -pSECRET`` / ``mysql -p SECRET`` (and the other tools that take ``-p`` as password).
_MYSQL_P: Final = re.compile(
    r"(?P<head>\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|sshpass)\b[^\n|;&]*?\s-p\s*(?P<q>[\"']?))"
    r"(?P<v>[^\s\"'\-][^\s\"']*)",
)
#: ``redis-cli -a SECRET``.
_REDIS_A: Final = re.compile(r"(?P<head>\bredis-cli\b[^\n|;&]*?\s-a\s+(?P<q>[\"']?))(?P<v>[^\s\"']+)")
#: ``Authorization: Bearer X`` and a bare ``Bearer X``.
_BEARER: Final = re.compile(
    r"(?P<head>\b(?:authorization\s*:\s*)?(?:bearer|basic|token)\s+)(?P<v>[A-Za-z0-9._~+/\-]{16,}=*)", re.I
)

_PLACEHOLDER: Final = re.compile(
    r"^(?:\$\{?\{?.*|<.*>|\*+|x+|\.\.\.|…|changeme|example|none|null|nil|true|false|redacted.*|\[redacted.*|"
    r"%\(?\w+\)?s?|\{\{.*|your[_\-].*|required|optional|string|str|env|secrets?\..*|os\.environ.*)$",
    re.I,
)
_UUID: Final = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_PASSWORD_NAME: Final = re.compile(_PASSWORD_WORDS, re.I)
_STRONG_NAME: Final = re.compile(
    r"secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|credential|auth|dsn", re.I
)
_MARKER_RE: Final = re.compile(r"\[REDACTED:[a-z_]+\]")
_CHAR_CLASSES: Final = tuple(re.compile(p) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
_PROSE_SECRET_CHAR: Final = re.compile(r"[0-9!@#$%^&*+=?_\-]")
_DIGIT: Final = re.compile(r"\d")


def _entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _looks_secret(value: str) -> bool:
    """A value that could be a key: long, several character classes, not a word or a path."""
    if len(value) < 12 or _PLACEHOLDER.match(value) or _UUID.match(value):
        return False
    if ("/" in value and not value.endswith("=")) or ("." in value and not any(c.isdigit() for c in value)):
        return False  # a path or a dotted name
    classes = sum(bool(p.search(value)) for p in _CHAR_CLASSES)
    return classes >= 2 and _entropy(value) >= 3.0


def _looks_password(value: str) -> bool:
    """Any value behind a password label, except placeholders and variable references."""
    return len(value) >= 4 and not _PLACEHOLDER.match(value) and not _MARKER_RE.search(value)


def _prose_password(value: str) -> bool:
    """``password reset`` is prose; ``password Tk4!vRm9`` is a secret: demand a digit or a symbol."""
    return _looks_password(value) and len(value) >= 6 and bool(_PROSE_SECRET_CHAR.search(value))


def _card_ok(digits: str) -> bool:
    """Luhn checksum, so that long ids and timestamps are not mistaken for cards."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _sub_value(
    text: str,
    pattern: re.Pattern[str],
    rule: str | Callable[[re.Match[str]], str],
    accept: Callable[[re.Match[str]], bool],
    counts: Counter[str],
) -> str:
    """Replace the ``v`` group of each accepted match, keeping the label (``head``) around it."""

    def repl(m: re.Match[str]) -> str:
        if not accept(m) or _MARKER_RE.search(m.group("v")):
            return m.group(0)
        name = rule if isinstance(rule, str) else rule(m)
        counts[name] += 1
        return m.group("head") + _marker(name)

    return pattern.sub(repl, text)


def _assignment_rule(m: re.Match[str]) -> str:
    return "password" if _PASSWORD_NAME.search(m.group("name")) else "secret_assignment"


def _assignment_ok(m: re.Match[str]) -> bool:
    name, value = m.group("name"), m.group("v")
    if _PASSWORD_NAME.search(name):
        return _looks_password(value)
    if value.isdigit():
        return False  # counters such as ``max_tokens=4096``
    if name.lower() == "key" or not _STRONG_NAME.search(name):
        # ``key: value`` or ``SORT_KEY=...``: only values that are clearly random.
        return _looks_secret(value) and len(value) >= 16
    return _looks_secret(value) or (len(value) >= 8 and bool(_DIGIT.search(value)) and "/" not in value)


def redact(text: str) -> Redaction:
    """Replace every secret in ``text`` with ``[REDACTED:<rule>]`` and count them per rule."""
    counts: Counter[str] = Counter()
    for rule, pattern, needles in _SHAPE_RULES:
        if any(n in text for n in needles):
            text, n = pattern.subn(_marker(rule), text)
            counts[rule] += n
    if "://" in text:
        text = _sub_value(
            text, _URL_PASSWORD, "url_password", lambda m: _looks_password(m.group("v")), counts
        )
        text = _sub_value(text, _URL_TOKEN, "url_token", lambda m: _looks_secret(m.group("v")), counts)
    if _DIGIT_RUN.search(text):
        text, n = _CARD_GROUPED.subn(_marker("card_number"), text)
        counts["card_number"] += n
        text = _CARD_PLAIN.sub(lambda m: _count_card(m, counts), text)
    low = text.lower()
    if any(n in low for n in ("bearer", "basic", "token")):
        text = _sub_value(text, _BEARER, "bearer_token", lambda m: _looks_secret(m.group("v")), counts)
    if "--" in text:
        text = _sub_value(text, _CLI_FLAG, "cli_secret", lambda m: _looks_password(m.group("v")), counts)
    if any(n in low for n in ("mysql", "mariadb", "sshpass")):
        text = _sub_value(text, _MYSQL_P, "cli_password", lambda m: _looks_password(m.group("v")), counts)
    if "redis-cli" in low:
        text = _sub_value(text, _REDIS_A, "cli_password", lambda m: _looks_password(m.group("v")), counts)
    if "secret" in low:
        text = _sub_value(text, _AWS_SECRET, "aws_secret_access_key", lambda m: True, counts)
    if any(n in low for n in _LABEL_NEEDLES):
        text = _sub_value(text, _ASSIGNMENT, _assignment_rule, _assignment_ok, counts)
    if any(n in low for n in _PASSWORD_NEEDLES):
        text = _sub_value(text, _PROSE_PASSWORD, "password", lambda m: _prose_password(m.group("v")), counts)
    return Redaction(text=text, counts={k: v for k, v in counts.items() if v})


def _count_card(m: re.Match[str], counts: Counter[str]) -> str:
    if not _card_ok(m.group(0)):
        return m.group(0)
    counts["card_number"] += 1
    return _marker("card_number")


# --- files whose content is never quoted ------------------------------------------------------------

_SECRET_NAMES: Final = frozenset(
    {
        ".env",
        ".netrc",
        "_netrc",
        ".pgpass",
        ".git-credentials",
        ".npmrc",
        ".pypirc",
        ".htpasswd",
        "credentials",
        "id_rsa",
        "id_dsa",
        "id_ecdsa",
        "id_ed25519",
        "shadow",
        "kubeconfig",
    }
)
_SECRET_SUFFIXES: Final = (".pem", ".key", ".p12", ".pfx", ".jks", ".keystore", ".env", ".kdbx", ".asc")
_SECRET_PREFIXES: Final = (".env.", "secrets.", "secret.", "credentials.", "id_rsa", "id_ed25519")


def is_secret_path(path: str) -> bool:
    """True for files that hold secrets (``.env``, ``*.pem``, ``id_rsa``, ``.netrc``, ``secrets.*``...).

    The extractor never quotes what a tool read from such a file, whatever the redaction rules find.
    """
    name = path.strip().strip("'\"").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].lower()
    if not name or name.endswith(".pub"):
        return False
    return name in _SECRET_NAMES or name.endswith(_SECRET_SUFFIXES) or name.startswith(_SECRET_PREFIXES)
