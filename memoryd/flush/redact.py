"""Remove secrets from text before it can reach the daily log or a model.

Every match is replaced by ``[REDACTED:<rule>]`` and counted per rule, so that a flush event can say
how much it hid without saying what. The rules run in a fixed order:

1. provider formats that are unambiguous on their own (``ghp_...``, ``sk-ant-...``, private key
   blocks, card numbers);
2. values recognisable by their label (``PASSWORD=...``, ``--token X``, ``key: ...``, URLs);
3. values that the text itself calls a password, PIN, code, key or token, in prose and in many
   languages ("my wifi password is X", "la contraseña del router es X", "X is my password");
4. opaque tokens: long strings that mix cases and digits throughout, labelled or not;
5. ``known`` secrets: values seen used as a secret elsewhere in the range (:func:`secrets_in`),
   wherever they appear again.

Labels matter because a bare 32-character hex string may be an API key or a commit hash: unlabelled
hex, UUIDs, entry ids, identifiers and paths are never touched. A value behind a key or token label
is only taken when it looks like a secret (a digit, mixed characters), behind a password label any
value counts except common words ("the password is wrong").
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from memoryd.flush.memo import memo

if TYPE_CHECKING:
    from memoryd.sources.transcript import Entry

__all__ = ["Redaction", "is_secret_path", "may_have_secret", "redact", "secrets_found", "secrets_in"]


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

#: Every needle of the rules above, each once.
_SHAPE_NEEDLES: Final = tuple(dict.fromkeys(n for _, _, needles in _SHAPE_RULES for n in needles))

#: ``scheme://user:password@host``: the password goes, user and host stay.
_URL_PASSWORD: Final = re.compile(
    r"(?P<head>://(?<=[a-zA-Z0-9+.\-]://)[^\s:/@'\"<>]+:)(?P<v>[^\s@/'\"<>]+)(?=@)"
)
#: ``scheme://<token>@host`` (Sentry DSNs, tokens used as user names).
_URL_TOKEN: Final = re.compile(r"(?P<head>://(?<=[a-zA-Z0-9+.\-]://))(?P<v>[A-Za-z0-9_\-]{16,})(?=@)")
#: Card numbers written in groups of four (``4929 7704 1855 2208``) or contiguous with a valid checksum.
_CARD_GROUPED: Final = re.compile(r"(?<![\d\-])[3-6]\d{3}([ \-])\d{4}\1\d{4}\1\d{1,7}(?![\d\-])")
_CARD_PLAIN: Final = re.compile(r"(?<![\d.\-])(?:3[47]\d{13}|4\d{15}|5[1-5]\d{14}|6011\d{12})(?![\d.\-])")
_DIGIT_RUN: Final = re.compile(r"\d{4}")
#: What each card rule's match holds at least, searched first: both rules begin with a look-behind,
#: which makes the regex engine try them at every character, these begin with a digit.
_CARD_GROUPED_NEED: Final = re.compile(r"\d{4}[ \-]\d{4}")
_CARD_PLAIN_NEED: Final = re.compile(r"\d{15}")


# --- rules that recognise a secret by its label -----------------------------------------------------

_PASSWORD_WORDS = r"pass(?:word|wd|phrase)?|pwd|(?<![A-Za-z])pw(?![A-Za-z])|passcode|パスワード|暗証番号"
_PASSWORD_NEEDLES: Final = ("pass", "pw", "パスワード", "暗証")
_LABEL_NEEDLES: Final = (*_PASSWORD_NEEDLES, "secret", "token", "key", "credential", "dsn")
_SECRET_WORDS = (
    r"secret|token|api[_\-]?key|apikey|access[_\-]?key|private[_\-]?key|secret[_\-]?key|client[_\-]?secret"
    r"|subscription[_\-]?key|auth[_\-]?token|credentials?|dsn|key"
)
#: ``NAME=value`` / ``NAME: value`` / ``"name": "value"`` where NAME contains a secret word.
_ASSIGNMENT: Final = re.compile(
    r"(?P<head>(?P<name>\b[A-Za-z0-9_.\-]*?(?:" + _PASSWORD_WORDS + "|" + _SECRET_WORDS + r")[A-Za-z0-9_\-]*)"
    r"[\"']?\s*(?:=>|:|=|は)\s*(?P<q>[\"']?))"
    r"(?P<v>[^\s\"'`,;<>(){}\[\]\\]{1,2048})",
    re.I,
)
#: A value's characters, unbounded: ``_ASSIGNMENT`` and ``_TOKEN`` read at most 2,048 of them (each
#: ``key=`` of a long query string is a candidate whose value runs to the string's end; reading each
#: to its end was quadratic), and a value they accept that reaches the bound is run to its end here.
_VALUE_REST: Final = re.compile(r"[^\s\"'`,;<>(){}\[\]\\]*")
_TOKEN_REST: Final = re.compile(r"[^\s\"'`,;<>()\[\]{}。、]*")
_VALUE_MAX: Final = 2048


def _run_end(rest: re.Pattern[str], text: str, end: int) -> int:
    """Where the value that goes on at ``end`` stops."""
    m = rest.match(text, end)
    return m.end() if m else end


#: AWS secret access keys (40 characters of base64, slashes included) behind their usual labels.
_AWS_SECRET: Final = re.compile(
    r"(?P<head>(?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|aws_secret_key|AWS_SECRET_KEY|SecretAccessKey"
    r"|secretAccessKey|secretaccesskey|secret_access_key)[\"']?\s*(?:=|:)\s*[\"']?)"
    r"(?P<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"
)
#: One of these is in every name ``_AWS_SECRET`` knows, lower-cased.
_AWS_NEEDLES: Final = ("secret_access", "secretaccess", "secret_key")
#: Command-line flags that take a secret: ``--password X``, ``--token=X``.
_CLI_FLAG: Final = re.compile(
    r"(?P<head>--(?<![\w\-]--)(?:password|passwd|pass|token|api-key|apikey|secret|client-secret|auth-token"
    r"|access-token|private-key)(?:=|\s+)(?P<q>[\"']?))(?P<v>[^\s\"']+)",
    re.I,
)
#: ``mysql -pSECRET`` / ``mysql -p SECRET`` (and the other tools that take ``-p`` as password).
_MYSQL_P: Final = re.compile(
    r"(?P<head>(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump|sshpass)\b[^\n|;&]*?\s-p\s*(?P<q>[\"']?))"
    r"(?P<v>[^\s\"'\-][^\s\"']*)",
)
#: ``redis-cli -a SECRET``.
_REDIS_A: Final = re.compile(r"(?P<head>redis-cli\b[^\n|;&]*?\s-a\s+(?P<q>[\"']?))(?P<v>[^\s\"']+)")
#: ``curl -u user:SECRET``, ``wget --user=u --password``' kin, ``http -a user:SECRET``: the user stays.
#: The program is a command word (a blank after it, no URL or path around it): ``https://`` in a
#: line is no HTTPie call, so "see https://x then run ls -a src:main" keeps ``main``.
_USER_COLON: Final = re.compile(
    r"(?P<head>(?<![\w.-])(?:curl|http|https|xh)(?=[ \t])[^\n|;&]*?\s(?:-u|--user|-a|--auth)(?:=|\s*)"
    r"(?P<q>[\"']?)[^\s:\"']+:)"
    r"(?P<v>[^\s\"']+)"
)
#: The needles of :data:`_USER_COLON`: its program names, each followed by a blank.
_USER_COLON_UTF8: Final = tuple(f"{p}{b}".encode() for p in ("curl", "http", "https", "xh") for b in " \t")
#: ``Authorization: Bearer X`` and a bare ``Bearer X``.
_BEARER: Final = re.compile(
    r"(?P<head>(?:Bearer|bearer|BEARER|Basic|basic|BASIC|Token|token|TOKEN)\s+)(?P<v>[A-Za-z0-9._~+/\-]{16,}=*)"
)

_PLACEHOLDER: Final = re.compile(
    r"^(?:\$\{?\{?.*|<.*>|\*+|x+|\.\.\.|…|changeme|example|none|null|nil|true|false|redacted.*|\[redacted.*|"
    r"%\(?\w+\)?s?|\{\{.*|your[_\-].*|required|optional.*|string|str|env|secrets?\..*|os\.environ.*"
    r"|final|any|bytes|int|bool|secretstr|list\[.*|dict\[.*|\{.*\})$",
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


#: How much of a value the shape tests read. A long query string (``&key=…&key=…``) is a candidate at
#: every ``key=``, each running to its end, and reading all of each made redaction quadratic: a
#: 5,000-character URL took 6 s. A value's first 160 characters tell a random key from a word (a JWT
#: shows its randomness in its header).
_CHECKED: Final = 160


def _entropy(value: str) -> float:
    """Shannon entropy in bits per character (of the value's first ``_CHECKED`` characters)."""
    value = value[:_CHECKED]
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _looks_secret(value: str) -> bool:
    """A value that could be a key: long, several character classes, not a word or a path."""
    value = value[:_CHECKED]
    if len(value) < 12 or _PLACEHOLDER.match(value) or _UUID.match(value) or "://" in value or " " in value:
        return False
    if ("/" in value and not value.endswith("=") and _path_like(value)) or (
        "." in value and not any(c.isdigit() for c in value)
    ):
        return False  # a path or a dotted name
    classes = sum(bool(p.search(value)) for p in _CHAR_CLASSES)
    return classes >= 2 and _entropy(value) >= 3.0


def _path_like(value: str) -> bool:
    """Slashes between names (``src/app/main.py``, ``/var/lib/x``), not base64 that happens to hold
    one: ``PRIVATE_KEY=MIIEv...N9zHY/Ia4U...`` was let through as "a path" whenever it had no padding.
    """
    if value.startswith(("/", "~/", "./", "../")):
        return True
    return all(len(seg) < 16 or _identifier(seg) for seg in value.split("/"))


def _word_start(m: re.Match[str]) -> bool:
    """The match starts a word (the patterns leave ``\\b`` out so that they scan at C speed)."""
    return m.start() == 0 or not m.string[m.start() - 1].isalnum()


def _looks_password(value: str) -> bool:
    """Any value behind a password label, except placeholders, variable references and file paths."""
    return (
        len(value) >= 4
        and not _PLACEHOLDER.match(value)
        and not _MARKER_RE.search(value)
        and not value.startswith(("/", "~/", "./", "../"))
    )


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
    found: set[str] | None,
) -> str:
    """Replace the ``v`` group of each accepted match, keeping the label (``head``) around it."""

    def repl(m: re.Match[str]) -> str:
        if not accept(m) or _MARKER_RE.search(m.group("v")):
            return m.group(0)
        name = rule if isinstance(rule, str) else rule(m)
        counts[name] += 1
        if found is not None:
            found.add(m.group("v"))
        return m.group("head") + _marker(name)

    return pattern.sub(repl, text)


def _assignment_rule(m: re.Match[str]) -> str:
    return "password" if _PASSWORD_NAME.search(m.group("name")) else "secret_assignment"


#: Names about a secret rather than holding one.
_NOT_A_SECRET_NAME: Final = re.compile(
    r"[_\-.](?:hash|hashed|length|len|policy|file|path|dir|min|max|rules?|reset|expir\w*|changed|updated|field"
    r"|prompt|manager|strength|required|count|limit|ttl|type|name|id|env|url)$",
    re.I,
)


def _assignment_ok(m: re.Match[str]) -> bool:
    name, value = m.group("name"), m.group("v")
    if _NOT_A_SECRET_NAME.search(name):
        return False  # ``password_hash: bcrypt``, ``PASSWORD_MIN_LENGTH=12``, ``token_file: ~/.tok``
    if m.string[m.end("v") : m.end("v") + 1] in ("(", "[") or value.startswith(("self.", "this.")):
        return False  # ``token = compute(...)``, ``pw = self.passwords[netloc]``: code, not a value
    if not m.group("q") and re.fullmatch(r"[a-z_]+", value) and re.search(r"\s[=:]", m.group("head")):
        return False  # ``user, pw = auth, None``: a variable (``PASSWORD=sunflower`` stays a secret)
    if _PASSWORD_NAME.search(name):
        return _looks_password(value) and not _CJK.match(value)
    if value.isdigit() or (_identifier(value) and not any(c.isdigit() for c in value)):
        return False  # counters such as ``max_tokens=4096``, names such as ``token = ContextTokens``
    if name.lower() == "key" or not _STRONG_NAME.search(name):
        # ``key: value`` or ``SORT_KEY=...``: only values that are clearly random.
        return _looks_secret(value) and len(value) >= 16
    return _looks_secret(value) or (len(value) >= 8 and bool(_DIGIT.search(value)) and "/" not in value)


_NAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


_OPERATOR: Final = re.compile(r"[=:は]")


def _occurrences(low: str, needles: Sequence[str], utf8: bytes | None = None) -> list[list[int]]:
    """Every position of each needle in ``low`` (overlapping ones too), needle by needle.

    A text with one character outside ASCII is stored with up to four bytes a character, and each
    needle is a scan of all of it: such a text is searched as UTF-8 bytes instead (a match of whole
    UTF-8 characters starts at a character's first byte), and the byte offsets are turned back into
    character offsets in one pass. A needle with a character outside ASCII that the text does not
    hold at all (most texts have a few accented letters, no Cyrillic, no CJK) is not searched: the
    text's own characters outside ASCII are what is left of its bytes without the ASCII ones.
    ``utf8``: ``low`` as UTF-8, when the caller has it already.
    """
    if low.isascii():
        out: list[list[int]] = []
        for needle in needles:
            at: list[int] = []
            i = low.find(needle)
            while i >= 0:
                at.append(i)
                i = low.find(needle, i + 1)
            out.append(at)
        return out
    raw = utf8 if utf8 is not None else low.encode("utf-8", "surrogatepass")
    wide = set(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    found: list[list[int]] = []
    for nb, needs in _utf8_needles(tuple(needles)):
        at = []
        i = raw.find(nb) if needs <= wide else -1
        while i >= 0:
            at.append(i)
            i = raw.find(nb, i + 1)
        found.append(at)
    chars: dict[int, int] = {}
    last_b = last_c = 0
    for b in sorted({b for at in found for b in at}):
        last_c += len(raw[last_b:b].decode("utf-8", "surrogatepass"))
        last_b = b
        chars[b] = last_c
    return [[chars[b] for b in at] for at in found]


#: The 128 ASCII byte values, deleted from a UTF-8 text to see which other characters it holds.
_ASCII_BYTES: Final = bytes(range(128))


@lru_cache(maxsize=16)
def _utf8_needles(needles: tuple[str, ...]) -> tuple[tuple[bytes, frozenset[str]], ...]:
    """Each needle as UTF-8, and its characters outside ASCII (a text without one of them lacks it)."""
    return tuple((n.encode("utf-8"), frozenset(c for c in n if not c.isascii())) for n in needles)


def _needle_positions(
    low: str, needles: Sequence[str], known: dict[str, list[int]] | None = None, utf8: bytes | None = None
) -> list[list[int]]:
    """:func:`_occurrences`; with ``known`` (positions already found in the same ``low``, by needle)
    only the needles it lacks are searched: the label rules and the prose rules share most needles."""
    if not known:
        return _occurrences(low, needles, utf8)
    missing = [n for n in needles if n not in known]
    if not missing:
        return [known[n] for n in needles]
    more = dict(zip(missing, _occurrences(low, missing, utf8), strict=True))
    return [known[n] if n in known else more[n] for n in needles]


#: The needles of the tests before the rules, as UTF-8: :func:`_redact` tests them in the lower-cased
#: text's UTF-8 (a scan of a text with one wide character reads up to four bytes a character, of its
#: UTF-8 mostly one, and these tests are a dozen scans of a range's whole text).
_BEARER_UTF8: Final = (b"bearer", b"basic", b"token")
_MYSQL_UTF8: Final = (b"mysql", b"mariadb", b"sshpass")
_AWS_UTF8: Final = tuple(n.encode() for n in _AWS_NEEDLES)
_LABEL_UTF8: Final = tuple(n.encode() for n in _LABEL_NEEDLES)


def _assignment_spans(
    text: str, low: str, at: dict[str, list[int]] | None = None
) -> list[tuple[int, int, str]]:
    """``_ASSIGNMENT`` matched only where a name holds a secret word (a full scan is slow).

    ``at``: some needles' positions in ``low``, by needle, when already found.
    """
    spans: list[tuple[int, int, str]] = []
    tried: set[int] = set()
    for positions in _needle_positions(low, _LABEL_NEEDLES, at):
        for i in positions:
            if not _OPERATOR.search(text, i, i + 64):  # no ``=``, ``:`` or ``は`` soon after: no assignment
                continue
            j = i
            while j > 0 and text[j - 1] in _NAME_CHARS:
                j -= 1
            while j < i and text[j] in ".-":
                j += 1
            if j not in tried:
                tried.add(j)
                m = _ASSIGNMENT.match(text, j)
                if m and _assignment_ok(m) and not _MARKER_RE.search(m.group("v")):
                    end = m.end("v")
                    if end - m.start("v") == _VALUE_MAX:
                        end = _run_end(_VALUE_REST, text, end)
                    quote = m.group("q")
                    if quote:  # ``password="two words"``: up to the closing quote
                        close = text.find(quote, end, end + 100)
                        if close > 0 and "\n" not in text[end:close]:
                            end = close
                    elif "phrase" in m.group("name").lower():  # ``passphrase: lantern orbit velvet``
                        words = _value_at(text, m.start("v"), phrase=True)
                        if words is not None and words[1] > end:
                            end = words[1]
                    spans.append((m.start("v"), end, _assignment_rule(m)))
    return spans


# --- secrets in prose: what a person calls a password, PIN, key or token, in any language ------------


def _words(text: str) -> frozenset[str]:
    """A constant set of words, written as one space-separated string."""
    return frozenset(text.split())


_R = r"(?!\w|-\w)"  # not right before a letter, digit, underscore or a hyphenated word ("password-based")
#: Words for a password, passphrase, PIN or code: any value said after them counts (common words aside).
#: No left boundary in the pattern: it is checked in code (:func:`_label_hits`), so the search can
#: start only where a needle was found.
#: After a lower-case "pin" that names its value at once ("pin is 4471", "il pin è 7301-KX", "der pin
#: ist 4471"): a label wherever it stands.
_PIN_IS: Final = r"\s+(?:is|was|ist|war|lautet|es|era|est|était|è|é)\s+\d"
_PW_LABEL = (
    r"(?:(?:pass(?:words?|wd|phrases?|codes?)|pass[ -]phrases?|pwd?|pin[ -]?(?:code|number|nummer)"
    r"|(?:seed|recovery|mnemonic|secret)[ -]phrase|mnemonic"
    r"|(?:door|gate|alarm|access|entry|garage|safe|lock|wi-?fi|unlock|security|verification|backup|recovery"
    r"|2fa|otp|one[ -]time|locker|safe)[ -]?codes?|(?:lock|locker|safe|padlock)[ -]combination|combination[ -]lock"
    r"|zugangscode|geheimzahl|contrase[ñn]as?(?: de aplicaci[óo]n)?|claves?|c[óo]digo (?:de acceso|pin)"
    r"|frase (?:de contrase[ñn]a|secreta)|mots? de passe|mdp|code (?:d'acc[eè]s|pin)|phrase secr[eè]te"
    r"|(?:code|c[óo]digo) d(?:e|u|el)(?: la| l'|l')? ?(?:porte|portail|alarme|coffre|casier|garage|puerta|portal"
    r"|alarma|caja fuerte|taquilla|candado|cadenas)"
    r"|(?:codice|combinazione) (?:d(?:i|el|ella|ello|elle|ei|egli)|dell')? ?(?:porta|portone|cancello|allarme"
    r"|cassaforte|armadietto|lucchetto|garage|cassetta|citofono|accesso|sblocco)|codice pin"
    r"|senhas?|palavras?[ -]passe|parola d'ordine|wachtwoord|l[öo]senord|passord|adgangskode|has[łl]o"
    r"|şifre|парол[ьяеи]|пин-код|passw[oö]rt(?:e|er)?|kennw[oö]rt(?:e|er)?)"
    + _R
    + r"|パスワード|暗証番号|合言葉|パスコード|密码|口令|비밀번호|암호|(?-i:PIN)"
    + _R
    + r"|pin(?="
    + _PIN_IS
    + r")|pin(?![\w-])(?=[^.?!\n]{0,80}?(?<![\w.,/-])\d{4,8}(?!\w|[.,/-]\w)))"
)
#: Words for a key, token, secret or credential: only values that look random count.
_KEY_LABEL = (
    r"(?:(?:keys?|tokens?|secrets?|credentials?|zugangsdaten|anmeldedaten|credenciales|credenziali|identifiants"
    r"|credenciais|log-?ins?"
    r"|llaves?|secreto|cl[ée]s?|clef|jetons?|chaves?|segredo|chiav[ei]|ключ|токен|schl[üu]ssel)"
    + _R
    + r"|キー|トークン|シークレット|秘密鍵|密钥|令牌|토큰)"
)
_PW_AT: Final = re.compile(_PW_LABEL, re.I)
_PIN_STATED: Final = re.compile("pin" + _PIN_IS, re.I)
_KEY_AT: Final = re.compile(_KEY_LABEL, re.I)
#: Where a label may start: every label begins with one of these (lower-cased), or is a word or two
#: after one ("door code", "mot de passe").
_PROSE_NEEDLES: Final = (
    "pass", "pw", "pin", "code", "phrase", "mnemonic", "combination", "zugang", "geheimzahl", "contrase",
    "clave", "código", "codigo", "frase", "mdp", "senha", "parola", "codice", "combinazione", "wachtw", "lösen", "losen", "adgang",
    "hasł", "hasl", "şifre", "парол", "пин", "kennw", "パスワード", "暗証", "合言葉", "パスコード", "密码",
    "口令", "비밀번호", "암호", "key", "token", "secret", "credential", "credenc", "credenz", "identifiants", "llave",
    "login", "log-in", "anmeldedaten",
    "clé", "clef", "jeton", "chave", "segredo", "chiav", "ключ", "токен", "schlüssel", "schlussel", "キー",
    "トークン", "シークレット", "秘密鍵", "密钥", "令牌", "토큰",
)  # fmt: skip
_ASCII_NEEDLES: Final = tuple(n for n in _PROSE_NEEDLES if n.isascii())
#: Needles that may end a label of several words ("door code", "seed phrase", "mot de passe").
_LAST_WORD_NEEDLES: Final = frozenset({"code", "phrase", "pass", "combination", "contrase"})
#: Labels that are written glued to the word before them (``WLAN-Passwort``, ``Routerkennwort``, CJK).
_GLUED: Final = (
    "passw",
    "kennw",
    "schl",
    *(n for n in _PROSE_NEEDLES if not n.isascii() and n[0] > "\u3000"),
)


#: A label right after these is the complement of another noun, not a value's label.
_GENITIVE: Final = (" de ", " du ", " des ", " d'", " di ", " da ", " do ", " del ", " della ")


def _word_starts_before(text: str, i: int, n: int) -> list[int]:
    """Starts of the ``n`` words right before position ``i`` (for labels of several words)."""
    starts = []
    j = i
    for _ in range(n):
        if j < 2 or text[j - 1] not in " -":
            break
        k = j - 1
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’"):
            k -= 1
        if k == j - 1:
            break
        starts.append(k)
        j = k
    return starts


#: Words that make a lower-case "pin" a noun when one of the two words before it is one of them.
_PIN_DETERMINERS: Final = _words(
    "the my your our his her their this that a el la mi tu su nuestro il lo mio mia tuo suo le mon ma "
    "ton son der die das den dem mein meine meinen dein deine deinen ihr ihre sein seine unser unsere"
)


def _verb_pin(text: str, low: str, start: int, label: str) -> bool:
    """Whether the label ``label`` at ``start`` is "pin" the verb: written in lower case, not stated
    at once ("pin is 4471" is a label anywhere), and with no determiner in the two words before it
    (``the card pin``)."""
    if label != "pin" or _PIN_STATED.match(text, start):
        return False
    words = re.findall(r"[\w']+", low[max(0, start - 40) : start])[-2:]
    return not any(w in _PIN_DETERMINERS for w in words)


def _label_hits(
    text: str, low: str, at: dict[str, list[int]] | None = None, utf8: bytes | None = None
) -> list[tuple[int, int, bool]]:
    """Every password or key label in ``text``: (start, end, is_password), found from needles.

    ``at``: some needles' positions in ``low``, by needle, when already found; ``utf8``: ``low`` as UTF-8.
    """
    hits: dict[int, tuple[int, bool]] = {}
    needles = _ASCII_NEEDLES if text.isascii() else _PROSE_NEEDLES
    for needle, positions in zip(needles, _needle_positions(low, needles, at, utf8), strict=True):
        for i in positions:
            starts = (i, *_word_starts_before(text, i, 2)) if needle in _LAST_WORD_NEEDLES else (i,)
            for start in starts:
                if start in hits:
                    continue
                m = _PW_AT.match(text, start) or _KEY_AT.match(text, start)
                if m is None:
                    continue
                glued = low.startswith(_GLUED, start)
                if start and (text[start - 1].isalnum() or text[start - 1] == "_") and not glued:
                    continue
                if low.endswith(_GENITIVE, 0, start):
                    continue  # "gestionnaire de mots de passe", "cambio de contraseña": a topic
                if _verb_pin(text, low, start, m.group(0)):
                    continue  # "pin numpy to 1.26", "let's pin it": the verb
                hits[start] = (m.end(), m.re is _PW_AT)
    return sorted((start, end, pw) for start, (end, pw) in hits.items())


#: Between the label and its value: "for the wifi", "del router", "für das WLAN" (at most three words).
_QUALIFIER = (
    r"(?:\s+(?:for|of|on|to|at|in|from|für|fürs|vom|von|zum|zur|de|del|da|do|du|des|di|della|delle|dello|dei|degli|pour|para|van"
    r"|voor|för|til)(?:\s+[\w.@'!&+#\-]+){1,3}?"
    # a name before a colon: "mot de passe Jira : X", "Passwort GitHub: X"
    r"|\s+[A-Z][A-Za-z.@!&+#\-]*(?=\s*[:=：])"
    # "the password I use for the bank is X", "la contraseña que uso es X", "das Passwort, das ich nutze, ist X"
    r"|,?\s+(?:I|we|you|que|qui|die|das)\s+(?:\w+\s+)?(?:use|used|have|set|picked|chose|uso|tengo|utilise|nutze"
    r"|verwende)(?:\s+(?:for|on|at|in|para|en|pour|für)(?:\s+[\w.@'\-]+){1,2})?,?)?"
)
_COPULA = (
    r"(?:\s*(?:\*\*|__|\*|_)?\s*(?:[:=：]|->|→|=>)\s*(?:\*\*|__|\*|_)?\s*|\s*(?:は|が|を|是|为|는|은|:)\s*"
    r"|\s+(?:is|was|will\s+be|should\s+be|would\s+be|reads|equals|ist|lautet|lautete|war|wäre|heißt|es|era"
    r"|sería|est|c'est|était|é|è|är|er|jest|это|—|are|sind|son|sont|são|sono)" + _R + r"\s*(?::\s*)?)"
    r"(?:(?:now|still|just|simply|jetzt|nun|ahora|maintenant|agora|ora)\s+)?"
)
_SET = r"(?:changed|set|reset|updated|rotated|switched|cambiad[oa]|cambié|geändert|gesetzt|changé|mudad[oa])"
#: After a label found at a hit, matched there: a copula (``my wifi password is X``, ``la contraseña
#: del wifi es X``, ``パスワードは X``), or the value at once (``PIN 4471``), or a change (``password
#: changed to X``).
_AFTER_IS: Final = re.compile(r"(?:'s\s+|" + _QUALIFIER + _COPULA + ")", re.I)  # "password's X": no qualifier
_AFTER_BARE: Final = re.compile(r"[ \t]+\|[ \t]+|[ \t]+")  # "password Kx9!", "| password | Kx9! |"
_AFTER_SET: Final = re.compile(
    r"(?:\s+[\w'\-]+){0,3}?\s+(?:(?:was|has been|is|got|wurde|ha sido|a été)\s+)?" + _SET
    + r"\s+(?:back\s+)?(?:to|auf|a|en|por|para|in|naar|till)\s+",
    re.I,
)  # fmt: skip
#: The value in the next clause: "can you keep my router password? It's Kx9!mP2" (digits or symbols only).
_FAR_IS: Final = re.compile(
    r"[.?!:;,—]\s*(?:and\s+|y\s+|und\s+|et\s+)?(?:it's|it is|it was|that's|that is|es|ist|c'est|é|è)\s+", re.I
)
_FAR_STOP: Final = re.compile(r"\n\s*\n")
_ASKED_THEN: Final = re.compile(r"[^.?!\n\"'{}()=,;]{0,40}\?\s*")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_PIN_LATER: Final = re.compile(r"(?<![\w.,/-])\d{4,8}(?!\w|[.,/-]\w)")
_SENTENCE_END: Final = re.compile(r"[.?!;\n](?:\s|$)")
_AFTER_TO: Final = re.compile(r"\s+(?:back\s+)?(?:to|auf|a|en|por|para|in|naar|till)\s+", re.I)
#: Before a label, ending at it: ``set the wifi password`` (then ``to X``), ``hunter2 is my password``,
#: ``use correct horse battery staple as the passphrase``. Searched in a short window before the hit.
_BEFORE_SET: Final = re.compile(
    r"\b(?:set|change|changed|reset|update|updated|rotate|rotated|cambié|cambia|changé|change)"
    r"\s+(?:(?:the|my|our|your|its|la|el|mi|le|mon|ma|das|mein)\s+)?(?:[\w\-]+\s+){0,2}?\Z",
    re.I,
)
_VALUE_IS: Final = re.compile(
    r"(?<![^\s\"'(“„«])(?P<v>[^\s\"'`,;<>()]{4,80})\s+(?:is|was|ist|es|est|é|è)\s+(?P<det>my|the|our|your|his"
    r"|her|their|mein|meine|dein|das|unser|mi|la|el|tu|nuestra|mon|ma|le|notre|o|il)\s+(?:(?!and\b|or\b)[\w\-]+\s+)?\Z",
    re.I,
)
#: Before "my password" any value counts; before "the password" only one with a digit or a symbol.
_PERSONAL: Final = _words("my our your his her their mein meine dein unser mi tu nuestra mon ma notre")
_USE_AS: Final = re.compile(
    r"\b(?:use|using|set|pick|choose|take|nimm|verwende|usa|usar|utilise|utilisez|utiliser)\s+"
    r"(?P<v>[\"'“„«][^\"'”“»\n]{3,80}[\"'”“»]|[^\s,;.:!?]+(?:\s+[^\s,;.:!?]+){0,7}?)"
    r"\s+(?:as|als|como|comme|come)\s+(?:(?:the|my|our|your|a|an|das|mein|unser|la|mi|el|le|mon|notre|il|o)\s+)?"
    r"(?:[\w\-]+\s+){0,2}?\Z",
    re.I,
)
_WINDOW: Final = 160
#: Cheap tests before the window searches: a copula, or "as" and its kin, must be in the window.
_VALUE_IS_NEEDLES: Final = (" is ", " was ", " ist ", " es ", " est ", " é ", " è ")
_USE_AS_NEEDLES: Final = (" as ", " als ", " como ", " comme ", " come ")
#: Nouns after a label that make it a topic, not a value's label: "password manager", "key file".
_TOPIC_AFTER: Final = re.compile(
    r"(?:manager|policy|policies|reset|rotation|limit|length|field|hash|vault|store|prompt|change|expiry|file"
    r"|files|requirements?|strength|flow|page|form|list|budget|count|usage|window|id|ids|name|format|type"
    r"|management|handling|auth|based|protected|less|word|fix|bug|issue|feature|update|check|screen|dialog"
    r"|settings?|options?|hint|storage|service|server|table|column|generator|validation|complexity)\b",
    re.I,
)
#: Words that follow a label in prose without being its value, in the languages above.
_COMMON: Final = _words(
    """
    a an the is was be been being in on at to of for with by from into not no none set unset empty blank
    missing required wrong correct incorrect invalid valid expired weak strong same different stored saved
    changed reset there here that this it its which what where when how who also still now just only very
    too really probably written hidden shown visible long short secure insecure fine ok okay good bad new
    old default generated random mandatory optional needed necessary protected encrypted hashed managed
    rotated known unknown forgotten lost right ready and or but so if as my your our their his her
    something anything nothing same one two three four five six seven eight nine ten twelve sixteen
    important easy hard simple complicated somewhere great nice obvious clear
    characters chars digits letters numbers length sent attached above below inside case sensitive
    ist war wird der die das den dem des ein eine einen nicht kein keine falsch richtig leer noch schon
    auch nur sehr zu im am auf mit für und oder aber hier dort gleich neu alt
    es era la el los las un una no está esta muy también correcta incorrecta vacía guardada cambiada
    caducada de del en y o pero que con para por aquí ahí misma nueva
    est était le les une pas ne très aussi vide enregistré changé expiré du et ou mais avec pour ici même
    é o os as um uma não muito vazia do da em e mas com aqui mesma
    è il lo gli non molto anche corretta sbagliata vuota di della che qui stessa
    fait faite stocké stockée sauvegardé gardé noté mis prêt différent identique sécurisé chiffré
    guardado cambiado seguro segura listo lista distinto igual cifrado hecho
    gespeichert geändert sicher anders fertig verschlüsselt hinterlegt notiert
    salva alterada feito pronto salvata cambiata sicura uguale fatto
    """
)
#: Words a value never starts with.
_FUNCTION_WORDS: Final = _words(
    "a an the is was be in on at to of for with by from not no it this that my your our still being "
    "der die das ein eine nicht el la los las un una no le les une pas o os um uma il lo via through"
)
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_OPEN_QUOTES: Final = {'"': '"', "'": "'", "`": "`", "“": "”", "„": "“", "«": "»", "「": "」", "『": "』"}
_TOKEN: Final = re.compile(r"[^\s\"'`,;<>()\[\]{}。、]{1,2048}")
#: Space-separated groups of one length: app passwords (``abcd efgh ijkl mnop``), grouped PINs.
_GROUPS: Final = re.compile(r"[A-Za-z0-9]{3,6}(?:[ \-][A-Za-z0-9]{3,6}){2,7}(?![\w\-])")
_WORDS_TO_CLAUSE_END: Final = re.compile(r"[^\s.,;:!?]+(?:[ \t]+[^\s.,;:!?]+){0,7}")
_CONNECTORS: Final = _words(
    "and but so or because which that then please for on in y und et e o pero aber mais ma"
)
_TRAILING: Final = ".,;:)]}?"


def _groups_ok(value: str, strong: bool = True) -> bool:
    """Groups of equal length, all letters or all digits: ``qhzt wmvb krpa ylse``, not prose.

    Without a password word before them (``strong``), letter groups must look random: at least two
    without a vowel, with a rare letter or with three consonants in a row ("seen more than once"
    is four words of four letters).
    """
    groups = re.split(r"[ \-]", value)
    if len({len(g) for g in groups}) != 1 or groups[0].lower() in _COMMON:
        return False
    letters = len(groups) >= 4 and len(groups[0]) >= 4 and all(g.isalpha() and g.islower() for g in groups)
    if letters and not strong:
        return sum(bool(_RANDOM_GROUP.search(g)) for g in groups) >= 2
    return letters or all(g.isdigit() for g in groups)


#: A letter group no word would have: no vowel, a rare letter, or three consonants in a row.
_RANDOM_GROUP: Final = re.compile(r"^[^aeiouy]+$|[jqxz]|[^aeiouy]{3}")


def _phrase_ok(words: list[str]) -> bool:
    """A passphrase of plain words, not a clause: at most a third of them common words."""
    common = sum(w.lower() in _COMMON for w in words)
    first = words[0].lower()
    if first.isalpha() and first.endswith(("ed", "ing", "ly")):
        return False  # "the passphrase is limited to 1024 bytes"
    return common * 3 <= len(words) and first not in _FUNCTION_WORDS


def _password_ok(value: str, strict: bool) -> bool:
    """A value said after a password word: anything but common words, references and placeholders.

    ``strict`` (no copula: ``password reset``) asks for a digit or a symbol as well.
    """
    if len(value) < 4 or len(value) > 100 or _PLACEHOLDER.match(value) or _MARKER_RE.search(value):
        return False
    low = value.lower()
    if low in _COMMON or _UUID.match(value) or value.startswith(("/", "~/", "./", "http", ":")):
        return False
    if " " in value:
        return True  # a quoted value, a passphrase or groups: checked by their caller
    if value.isalpha() and value.islower() and low.endswith(("ed", "ing", "ly")):
        return False  # "the password is hashed", "... expiring", "... usually"
    if strict:
        return len(value) >= 6 and bool(_PROSE_SECRET_CHAR.search(value))
    return True


#: What people pick as a key or shared secret, said after "is": capitalised words and a number
#: (``Hund-Katze-42``), or three words or more joined by hyphens (``purple-monkey-dishwasher``).
#: The words alone only after a word for a secret (a key or token of that shape is a name: ``read-only-scope``).
_CHOSEN_KEY: Final = re.compile(r"(?=[^\-]*[A-Z])[A-Za-zÀ-ÿ]{3,}(?:-[A-Za-zÀ-ÿ]{3,})+-\d{1,6}")
_CHOSEN_WORDS: Final = re.compile(r"[a-zà-ÿ]{3,}(?:-[a-zà-ÿ]{3,}){2,5}")
_SECRET_LABEL: Final = ("secret", "shared secret", "secreto", "segredo", "シークレット")


def _key_ok(value: str, strict: bool, label: str = "") -> bool:
    """A value said after "key", "token", "secret": it has to look random, or at least hold a digit.

    Said with a copula (not ``strict``), a value of the shape people choose counts too.
    """
    if not strict and (
        _CHOSEN_KEY.fullmatch(value)
        or (label.lower().startswith(_SECRET_LABEL) and _CHOSEN_WORDS.fullmatch(value))
    ):
        return True
    if len(value) < (16 if strict else 8) or " " in value or value.startswith(":") or _identifier(value):
        return False
    if _looks_secret(value) and (len(value) >= 16 or not strict):
        return True
    if strict or len(value) < 8 or "/" in value or _PLACEHOLDER.match(value) or _MARKER_RE.search(value):
        return False
    if re.fullmatch(r"v?\d+(?:\.\d+)+\S*|[\w\-]+(?:\.[\w\-]+)+", value):
        return False  # a version or a host name
    return bool(_DIGIT.search(value)) and any(c.isalpha() for c in value)


def _value_at(text: str, i: int, phrase: bool, strong: bool = True) -> tuple[int, int] | None:
    """Where the value starting at ``i`` ends: a quoted string, groups, a passphrase or one token."""
    close = _OPEN_QUOTES.get(text[i : i + 1])
    if close:
        j = text.find(close, i + 1)
        if 3 <= j - i - 1 <= 80 and "\n" not in text[i + 1 : j]:
            return i + 1, j
        return None
    m = _GROUPS.match(text, i)
    if m and _groups_ok(m.group(0), strong):
        return m.span()
    if phrase:
        m = _WORDS_TO_CLAUSE_END.match(text, i)
        if m:
            words = m.group(0).split()
            n = next((k for k, w in enumerate(words) if k and w.lower() in _CONNECTORS), len(words))
            if n >= 2 and _phrase_ok(words[:n]):
                end = i + len(" ".join(words[:n]))
                if text[i:end] == " ".join(words[:n]):
                    return i, end
    m = _TOKEN.match(text, i)
    if not m:
        return None
    value = m.group(0)
    cjk = _CJK.search(value)
    if cjk:
        value = value[: cjk.start()]  # ``sakura2026です``
    value = value.rstrip(_TRAILING)
    return (i, i + len(value)) if value else None


def _after_label(
    text: str, start: int, label: str, password: bool, strict: bool
) -> tuple[int, int, str] | None:
    """The value that starts at ``start``, right after a label and its copula, if it is one."""
    if _TOPIC_AFTER.match(text, start):
        return None
    phrase = password and not strict and "phrase" in label.lower()
    span = _value_at(text, start, phrase=phrase, strong=password)
    if span is None:
        return None
    value = text[span[0] : span[1]]
    quoted = span[0] > start
    if " " in value and not (phrase or _groups_ok(value, password) or (quoted and _phrase_ok(value.split()))):
        return None
    if not quoted and (text[span[1] : span[1] + 1] == "(" or value.startswith(("self.", "this."))):
        return None  # ``pw = self.passwd.find_user_password(realm, host)``: code
    if _CJK.search(value) and not quoted:
        return None
    if password and not quoted and _CODE_LABEL.search(label) and not _DIGIT.search(value):
        return None  # a code is said in digits: "the door code is broken" names no code
    ok = _password_ok(value, strict and not quoted) if password else _key_ok(value, strict, label)
    if not ok and password and _PIN_LABEL.search(label) and _PIN_VALUE.fullmatch(value):
        ok = True  # "PIN 4471", "door code 2580": a PIN needs no copula
    if ok:
        end = span[1]
        if end - span[0] >= _VALUE_MAX - len(_TRAILING) and span[0] == start:
            end = _run_end(_TOKEN_REST, text, end)  # a long key, cut at the bound
        return span[0], end, "password" if password else "secret"
    if not quoted and label.lower().startswith(_CREDENTIAL_WORDS):
        pair = _USER_PASS.match(text, span[0])  # "credentials: admin / S3cret!": the user stays
        if pair and _password_ok(pair.group("p").rstrip(_TRAILING), strict=True):
            end = pair.start("p") + len(pair.group("p").rstrip(_TRAILING))
            return pair.start("p"), end, "password"
    return None


#: Labels of numeric codes, and what such a code looks like.
_PIN_LABEL: Final = re.compile(r"pin|code|codice|combinazione|暗証|パスコード|пин", re.I)
_PIN_VALUE: Final = re.compile(r"\d{4,8}[#*]?|\d{1,3}(?:-\d{1,3}){2,5}")
#: Labels of a code (a PIN, a door code), not of a password or passphrase.
_CODE_LABEL: Final = re.compile(
    r"^(?!pass)(?:.*\b)?(?:pin|codes?|c[óo]digo|codice|combination|combinazione)\b", re.I
)
_CREDENTIAL_WORDS: Final = (
    "credential", "zugangsdaten", "anmeldedaten", "credenciales", "credenziali", "identifiants", "credenciais", "login",
    "log-in",
)  # fmt: skip
_USER_PASS: Final = re.compile(r"[^\s/:,]+\s*(?:/|:)\s*(?P<p>[^\s\"'`,;<>()]+)")


def _prose_spans(
    text: str, low: str, at: dict[str, list[int]] | None = None, utf8: bytes | None = None
) -> list[tuple[int, int, str]]:
    """Spans of values that the text itself calls a password, PIN, key or token."""
    spans: list[tuple[int, int, str]] = []
    for start, end, password in _label_hits(text, low, at, utf8):
        label = text[start:end]
        found = None
        for after, strict in ((_AFTER_IS, False), (_AFTER_SET, False), (_AFTER_BARE, True)):
            if after is _AFTER_SET and not password:
                continue
            m = after.match(text, end)
            if m and (found := _after_label(text, m.end(), label, password, strict)):
                break
        if found is None and password:
            far = _FAR_IS.search(text, end, min(len(text), end + 120))
            if far and not _FAR_STOP.search(text, end, far.start() + 1):
                # "password? It's Kx9!mP2"; right after the label ("my password, it's swordfish")
                # any uncommon word, further on only values with a digit or a symbol.
                near = far.start() - end <= 2
                found = _after_label(text, far.end(), label, True, strict=not near)
            asked = _ASKED_THEN.match(text, end)
            if found is None and asked and not _TOPIC_AFTER.match(text, end + 1):
                # "can you keep my locker code in mind? 3-7-1-9": a PIN right after the question
                pin = _TOKEN.match(text, asked.end())
                digits = pin.group(0).rstrip(_TRAILING) if pin else ""
                if _PIN_VALUE.fullmatch(digits) and not _YEAR.fullmatch(digits):
                    found = (asked.end(), asked.end() + len(digits), "password")
        if found is None and password and _CODE_LABEL.search(label):
            # "save the card pin somewhere, so you have it: 480215": a code's digits later in its sentence
            later = _PIN_LATER.search(text, end, min(len(text), end + 80))
            if (
                later
                and not _SENTENCE_END.search(text, end, later.start())
                and not _YEAR.fullmatch(later.group(0))
            ):
                found = (later.start(), later.end(), "password")
        if found is None and password:
            before = max(0, start - _WINDOW)
            m = _AFTER_TO.match(text, end)
            if m and _BEFORE_SET.search(text, before, start):
                found = _after_label(text, m.end(), label, True, False)
            window = low[before:start]
            copulas = any(c in window for c in _VALUE_IS_NEEDLES)
            for vm in _VALUE_IS.finditer(text, before, start) if copulas else ():
                value = vm.group("v").strip("\"'“”„«»")
                strict = vm.group("det").lower() not in _PERSONAL
                if _password_ok(value, strict=strict) and value.lower() not in _PRONOUNS:
                    v0 = vm.start("v") + vm.group("v").find(value)
                    spans.append((v0, v0 + len(value), "password"))
        if found:
            spans.append(found)
        before = max(0, start - _WINDOW)
        uses = any(w in low[before:start] for w in _USE_AS_NEEDLES)
        for um in _USE_AS.finditer(text, before, start) if uses else ():
            raw = um.group("v")
            value = raw.strip("\"'“”„«»`")
            words = value.split()
            if not words or (len(words) == 1 and words[0].lower() in _PRONOUNS) or not _phrase_ok(words):
                continue
            if (password and _password_ok(value, strict=False)) or (
                not password and _key_ok(value, False, label)
            ):
                v0 = um.start("v") + raw.find(value)
                spans.append((v0, v0 + len(value), "password" if password else "secret"))
    return spans


_PRONOUNS: Final = _words(
    "this that it what which here there these those mine yours ours das dies es esto eso ce cela ça isso "
    "isto questo quello welches was qué"
)


def _apply_spans(
    text: str, spans: list[tuple[int, int, str]], counts: Counter[str], found: set[str] | None
) -> str:
    """Replace non-overlapping spans (first come, longest first) with markers; never touch a marker."""
    if not spans:
        return text
    marks = [m.span() for m in _MARKER_RE.finditer(text)] if "[REDACTED:" in text else []
    out: list[str] = []
    last = 0
    for start, end, rule in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < last or any(a < end and start < b for a, b in marks):
            continue
        out.append(text[last:start])
        out.append(_marker(rule))
        counts[rule] += 1
        if found is not None:
            found.add(text[start:end])
        last = end
    out.append(text[last:])
    return "".join(out)


# --- opaque tokens: long random-looking strings, labelled or not --------------------------------------

_OPAQUE_CANDIDATE: Final = re.compile(r"(?<![\w\-+=/.@])[A-Za-z0-9_\-+]{20,}=*(?![\w\-+=/@]|\.\w)")
_HEX_OR_SEP: Final = re.compile(r"[0-9a-fA-F\-_]+")
#: Identifiers made of words: ``MyServiceHandlerV2``, ``Base64EncodedUtf8``, ``test_due_date_2026``.
_WORDISH: Final = re.compile(r"(?:[A-Z]?[a-z]{2,}|[A-Z]{2,}(?![a-z])|[A-Z](?=[A-Z0-9]|$)|\d+)+")


def _change_rate(value: str) -> float:
    """Character-class changes per character pair (lower, upper, digit, other), over the first
    ``_CHECKED`` characters: the count and what it is divided by come from the same slice."""
    value = value[:_CHECKED]

    def cls(c: str) -> int:
        return 0 if c.islower() else 1 if c.isupper() else 2 if c.isdigit() else 3

    return sum(cls(a) != cls(b) for a, b in pairwise(value)) / len(value)


def _identifier(value: str) -> bool:
    """Made of words and numbers: ``OPENROUTER_API_KEY``, ``calculateContextTokens``, ``v2-rollout``,
    ``CPyBytesWriter_WriteI16LE`` (most of its letters in pieces of four or more: ``Bytes``, ``Writer``).
    Reads the first ``_CHECKED`` characters.
    """
    value = value[:_CHECKED]
    segments = [s for s in re.split(r"[\-_+.]", value) if s]
    if segments and all(_WORDISH.fullmatch(s) for s in segments):
        return True
    letters = sum(map(str.isalpha, value))
    in_words = sum(len(w) for w in _PIECE.findall(value) if len(w) >= 4)
    return letters > 0 and in_words * 10 >= letters * 6  # random tokens: 3 % of them, identifiers: 93 %


_DIGITS: Final = re.compile(r"\d+")  # random tokens scatter their digits, identifiers say ``Int64``
#: Pieces of an identifier: ``Bytes``, ``LE``, ``16``.
_PIECE: Final = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")


def _opaque_ok(token: str) -> bool:
    """Random-looking: mixed case and digits throughout, not hex, not an identifier made of words."""
    value = token.rstrip("=")
    if len(value) < 20 or _HEX_OR_SEP.fullmatch(value):
        return False
    if _identifier(value):
        return False
    segments = re.split(r"[\-_+]", value)
    if all(_WORDISH.fullmatch(g) or _HEX_OR_SEP.fullmatch(g) for g in segments if g):
        return False  # ``NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2``: words and a hex id
    longest = max(segments, key=len)
    upper = sum(c.isupper() for c in value)
    lower = sum(c.islower() for c in value)
    digits = sum(c.isdigit() for c in value)
    changes = _change_rate(value)
    if upper >= 2 and lower >= 2 and digits >= 2 and len(longest) >= 12 and len(_DIGITS.findall(value)) >= 2:
        return changes >= 0.3 and _entropy(value) >= 3.5
    return False


def _opaque_spans(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), "opaque_token")
        for m in _OPAQUE_CANDIDATE.finditer(text)
        if _opaque_ok(m.group(0))
    ]


# --- secrets seen once: redacted wherever they appear again -------------------------------------------

#: Shorter values (and common words) are not worth chasing through other texts.
_MIN_KNOWN: Final = 4


def _known_regex(secret: str) -> str:
    """A pattern for ``secret`` that also finds it grouped (``abcd efgh``) or joined (``abcdefgh``)."""
    joined = re.sub(r"[ \-]", "", secret)
    grouped = (_GROUPS.fullmatch(secret) and _groups_ok(secret)) or re.fullmatch(r"[a-z]{12,32}", secret)
    if grouped and len(joined) % 4 == 0:
        return r"[ \-]?".join(re.escape(joined[k : k + 4]) for k in range(0, len(joined), 4))
    return r"\s+".join(re.escape(w) for w in secret.split())


@memo(64)  # keyed by the range's secrets: emptied after each flush
def _known_pattern(known: frozenset[str]) -> re.Pattern[str] | None:
    usable = sorted(
        (
            s
            for s in known
            if len(s) >= _MIN_KNOWN
            and s.lower() not in _COMMON
            and not (_PW_AT.fullmatch(s) or _KEY_AT.fullmatch(s))  # a label is no value
        ),
        key=len,
        reverse=True,
    )
    if not usable:
        return None
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(map(_known_regex, usable)) + r")(?![A-Za-z0-9])")


def _redact(
    text: str, known: frozenset[str], found: set[str] | None, shapes: bool = True, prose: bool = True
) -> Redaction:
    """All rules; without ``shapes`` only those that need context (a label, a flag, a URL), without
    ``prose`` not the rules for what a person calls a password or key in a sentence."""
    counts: Counter[str] = Counter()

    def shape(rule: str) -> Callable[[re.Match[str]], str]:
        def repl(m: re.Match[str]) -> str:
            counts[rule] += 1
            if found is not None:
                found.add(m.group(0))
            return _marker(rule)

        return repl

    # Which needles the text holds is found once, before the first rule: no rule's marker holds a needle
    # of a later rule (``test_no_marker_holds_a_later_shape_rules_needle``; no needle has a bracket, so
    # none straddles a marker's edge), and where a rule took a later one's needle away, that later rule
    # finds nothing to replace.
    present = {n for n in _SHAPE_NEEDLES if n in text} if shapes else set()
    for rule, pattern, needles in _SHAPE_RULES if present else ():
        if not present.isdisjoint(needles):
            text = pattern.sub(shape(rule), text)
    if "://" in text:
        text = _sub_value(
            text, _URL_PASSWORD, "url_password", lambda m: _looks_password(m.group("v")), counts, found
        )
        text = _sub_value(text, _URL_TOKEN, "url_token", lambda m: _looks_secret(m.group("v")), counts, found)
    if shapes and _DIGIT_RUN.search(text):  # most texts have no four digits in a row: one scan
        if _CARD_GROUPED_NEED.search(text):
            text = _CARD_GROUPED.sub(shape("card_number"), text)
        if _CARD_PLAIN_NEED.search(text):
            text = _CARD_PLAIN.sub(lambda m: _count_card(m, counts, found), text)
    low = text.lower()
    lowered = text  # the text ``low`` was made from
    # ``low`` as UTF-8, for the tests before the rules (``_BEARER_UTF8``) and the label rules' needles
    utf8 = low.encode("utf-8", "surrogatepass")
    if any(n in utf8 for n in _BEARER_UTF8):
        text = _sub_value(
            text,
            _BEARER,
            "bearer_token",
            lambda m: _word_start(m) and _looks_secret(m.group("v")),
            counts,
            found,
        )
    # In ``low`` rather than in the text after the bearer rule: that rule leaves no new "--", and where
    # it took the only one away, the flag rule runs and finds nothing.
    if b"--" in utf8:
        text = _sub_value(
            text, _CLI_FLAG, "cli_secret", lambda m: _looks_password(m.group("v")), counts, found
        )
    if any(n in utf8 for n in _MYSQL_UTF8):
        text = _sub_value(
            text, _MYSQL_P, "cli_password", lambda m: _looks_password(m.group("v")), counts, found
        )
    if b"redis-cli" in utf8:
        text = _sub_value(
            text, _REDIS_A, "cli_password", lambda m: _looks_password(m.group("v")), counts, found
        )
    if any(n in utf8 for n in _USER_COLON_UTF8):
        text = _sub_value(
            text, _USER_COLON, "cli_password", lambda m: _looks_password(m.group("v")), counts, found
        )
    if b"secret" in utf8 and any(n in utf8 for n in _AWS_UTF8):
        text = _sub_value(text, _AWS_SECRET, "aws_secret_access_key", lambda m: True, counts, found)
    done = sum(counts.values())
    if text != lowered:  # a value was replaced: lower-case again (a full pass over a range's text)
        low = text.lower()
        utf8 = low.encode("utf-8", "surrogatepass")
    at = None  # the needles' positions in ``low``, shared by the label and the prose rules
    if any(n in utf8 for n in _LABEL_UTF8) and len(low) == len(text):
        at = dict(zip(_LABEL_NEEDLES, _occurrences(low, _LABEL_NEEDLES, utf8), strict=True))
        text = _apply_spans(text, _assignment_spans(text, low, at), counts, found)
    if sum(counts.values()) != done:  # lower-case again only when a value was replaced
        low, at = text.lower(), None
        utf8 = low.encode("utf-8", "surrogatepass")
    if prose and len(low) == len(text):  # lower-casing kept every offset (it nearly always does)
        text = _apply_spans(text, _prose_spans(text, low, at, utf8), counts, found)
    if shapes:
        text = _apply_spans(text, _opaque_spans(text), counts, found)
    seen = _known_pattern(known) if known else None
    if seen is not None:
        text, n = seen.subn(_marker("seen_secret"), text)
        counts["seen_secret"] += n
    return Redaction(text=text, counts={k: v for k, v in counts.items() if v})


#: Lower-cased, every needle that one of the rules of :func:`_redact` needs (without ``known``
#: secrets, the rules that need no needle need a digit: card numbers, opaque tokens).
_ANY_NEEDLES: Final = tuple(
    sorted(
        {n.lower() for _, _, needles in _SHAPE_RULES for n in needles}
        | {"://", "--", "bearer", "basic", "token", "mysql", "mariadb", "sshpass", "redis-cli", "secret"}
        | {n.lower() for n in (*_AWS_NEEDLES, *_LABEL_NEEDLES, *_PROSE_NEEDLES)}
    )
)
_ANY_DIGIT: Final = re.compile(r"\d")


def may_have_secret(text: str) -> bool:
    """False only when :func:`redact` (without ``known``) surely finds nothing: no rule's needle and
    no digit. A cheap test before a redaction whose only question is yes or no."""
    if _ANY_DIGIT.search(text):
        return True
    low = text.lower()
    return any(n in low for n in _ANY_NEEDLES)


def redact(text: str, *, known: frozenset[str] = frozenset()) -> Redaction:
    """Replace every secret in ``text`` with ``[REDACTED:<rule>]`` and count them per rule.

    ``known`` are secrets seen elsewhere in the same range (:func:`secrets_in`): they are replaced
    wherever they appear, with or without a label around them.
    """
    return _redact(text, known, None)


def secrets_found(text: str) -> frozenset[str]:
    """The values that :func:`redact` would hide in ``text``."""
    found: set[str] = set()
    _redact(text, frozenset(), found)
    return frozenset(found)


def _count_card(m: re.Match[str], counts: Counter[str], found: set[str] | None) -> str:
    if not _card_ok(m.group(0)):
        return m.group(0)
    counts["card_number"] += 1
    if found is not None:
        found.add(m.group(0))
    return _marker("card_number")


# --- a range's secrets ---------------------------------------------------------------------------------

#: An assistant turn that asks for a password or key: the user's short reply may be one.
_ASKS_KEY: Final = re.compile(
    r"\?|\b(?:send|paste|give|share|provide|pasa|manda|env[ií]a|schick|gib|envoie|donne|mande)\b", re.I
)


def _asks_for_secret(text: str) -> str:
    """What an assistant turn asks for: ``pin`` (a PIN or code), ``password``, ``key``, or ``""``.

    A password word counts; a key word only in a question or a request ("paste the token here").
    """
    low = text.lower()
    if len(low) != len(text):
        return ""
    hits = [(text[s:e], pw) for s, e, pw in _label_hits(text, low) if not _TOPIC_AFTER.match(text, e + 1)]
    if any(pw and _PIN_LABEL.search(label) for label, pw in hits):
        return "pin"
    if any(pw for _, pw in hits):
        return "password"
    return "key" if hits and _ASKS_KEY.search(text) else ""


#: "sure, it's Kx9!mP2", "vale, es Gato-7": the value a reply ends with.
_SAID_IT: Final = re.compile(
    r"\b(?:it's|it is|here it is|here you go|that's|es|ist|c'est|é|è)\s*:?\s*(\S+?)[.!]?\s*$", re.I
)
_STAMP: Final = re.compile(r"\s*\[[^\]\n]{6,40}\]\s*")


def _given(reply: str, asked: str = "password") -> set[str]:
    """Values in a reply to a request for a secret: ``here it is: abcd efgh ijkl mnop``, ``Sommer2026!``.

    A number alone ("5433") answers only a question about a PIN or a code.
    """
    text = reply.rsplit("```", 1)[-1]  # after OpenClaw's sender block
    stamp = _STAMP.match(text)
    text = text[stamp.end() :].strip() if stamp else text.strip()
    if len(text) > 200:
        return set()
    found: set[str] = set()
    said = _SAID_IT.search(text)
    tail = said.group(1) if said else text.rsplit(":", 1)[-1].strip() if ":" in text else text
    groups = _GROUPS.fullmatch(tail.rstrip(_TRAILING))
    if groups and _groups_ok(groups.group(0)):
        found.add(groups.group(0))
    elif tail and " " not in tail:
        value = tail.rstrip(_TRAILING)
        if asked == "pin":
            if _PIN_VALUE.fullmatch(value):
                found.add(value)
        elif any(c.isalpha() for c in value) and (
            _password_ok(value, strict=True)
            or (_password_ok(value, strict=False) and not value.islower() and not value.isalpha())
        ):
            found.add(value)
    return found


#: Of a longer text only the head and the tail are searched for secrets to chase: what a flush quotes
#: of a long tool output is its start or its end, and a full scan of megabytes of logs is slow.
_SCAN_EDGE: Final = 16_384


def _entry_texts(entry: Entry) -> Iterator[tuple[str, bool]]:
    """The texts of an entry that may hold a secret, and whether they are prose (said by someone)."""
    said = entry.role in ("user", "assistant")
    text = entry.text
    if len(text) > 4 * _SCAN_EDGE:
        yield text[:_SCAN_EDGE], said
        yield text[-_SCAN_EDGE:], said
    else:
        yield text, said
    yield entry.thinking, True
    if entry.command:
        yield entry.command, False
    for call in entry.tool_calls:
        for value in call.arguments.values():
            yield (value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)), False


_SEPARATOR: Final = "\n\x00\n"


def secrets_in(entries: Iterable[Entry]) -> frozenset[str]:
    """Every value used as a secret anywhere in ``entries``, to be redacted wherever it appears again.

    Besides what the rules find in each text, a short user reply to an assistant turn that asks
    for a password or key counts ("send me the app password" — "here: abcd efgh ijkl mnop").
    """
    found: set[str] = set()
    said: list[str] = []
    other: list[str] = []
    question = ""
    for entry in entries:
        for text, prose in _entry_texts(entry):
            if text:
                (said if prose else other).append(text)
        if entry.role == "assistant" and entry.text:
            question = entry.text
        elif entry.role == "user":
            reply = entry.text if question and len(entry.text) < 2_000 else ""
            if reply and (_given(reply) or _given(reply, "pin")):
                asked = _asks_for_secret(question)
                if asked:
                    found |= _given(reply, asked)
            question = ""
    # One pass over all texts joined (a NUL line between two texts ends any value): shapes need no
    # context, redact() finds them wherever they are quoted; tool output and commands are searched
    # for labelled values (``KEY=...``, flags, URLs), what people said for prose labels too.
    _redact(_SEPARATOR.join(said), frozenset(), found, shapes=False, prose=True)
    _redact(_SEPARATOR.join(other), frozenset(), found, shapes=False, prose=False)
    variants = {v.rstrip(_TRAILING + "!") for v in found}
    # ``s/^PASSWORD=.*/PASSWORD=new/``: the value after the last ``=`` is the secret too.
    variants |= {v.rsplit("=", 1)[1].strip("/'\"") for v in found if "=" in v.rstrip("=")}
    return frozenset(v for v in found | variants if len(v) >= _MIN_KNOWN and not _MARKER_RE.search(v))


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
