"""Shell command lines: the simple commands in them, the program each runs, and what it changes.

A command's *effect* is one of ``change`` (commits, deploys, writes to configs, SQL writes),
``edit`` (moving files around), ``check`` (tests, linters, probes), ``install`` or ``read``.
Splitting respects quotes, heredocs, ``ssh host '...'`` and ``sh -c '...'``; wrappers such as
``sudo``, ``env X=1``, ``uv run`` or ``npx`` are not the program that runs. A command's *identity*
(program, subcommand, main target) is what a failing run and the run that fixed it share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from memoryd.flush.extract.cues import wordset
from memoryd.flush.extract.prose import has_steps
from memoryd.flush.redact import is_secret_path

EXIT_CODE: Final = re.compile(
    r"(?:Command exited with code|exit(?:ed)? (?:with )?(?:code|status))\s+(\d+)", re.I
)


_HEREDOC: Final = re.compile(r"<<-?\s*(['\"]?)(\w+)\1.*?\n.*?\n\s*\2\b", re.S)


_SHELL_TOKEN: Final = re.compile(
    r"'[^']*'?|\"(?:[^\"\\]|\\.)*\"?|&&|\|\||\$\(|[;|\n`()]|[^'\";|\n`()&$]+|.", re.S
)


_SHELL_OPS: Final = frozenset({"&&", "||", "$(", ";", "|", "\n", "`", "(", ")"})


_WORD_RE: Final = re.compile(r"(?:[^\s'\"]+|'[^']*'?|\"(?:[^\"\\]|\\.)*\"?)+")


_QUOTED: Final = re.compile(r"'([^']*)'|\"((?:[^\"\\]|\\.)*)\"")


_ASSIGN_WORD: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")


_ASSIGNS: Final = re.compile(r"^(?:(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(?:'[^']*'|\"[^\"]*\"|\S*)\s+)+")


_SSH_VALUE_OPTS: Final = frozenset(
    {"-i", "-p", "-o", "-l", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E", "-m", "-S"}
)


_WRAPPERS: Final = frozenset(
    {"sudo", "env", "time", "nohup", "exec", "nice", "command", "builtin", "xargs", "do", "then", "else", "!"}
)


_RUNNERS: Final = {
    "uv": "run", "poetry": "run", "pipenv": "run", "pdm": "run", "hatch": "run", "rye": "run",
    "bundle": "exec", "pnpm": "exec", "yarn": "dlx",
}  # fmt: skip


TRIVIAL: Final = wordset(
    "cd echo printf sleep ls cat head tail wc grep egrep fgrep rg sort uniq awk cut tr true false test [ "
    "mkdir touch export set source . which type pwd date env jq less more clear for while if fi done exit "
    "read df du zcat ps diff find stat file basename dirname realpath readlink tee seq"
)


READ_GIT: Final = ("git add", "git status", "git log", "git diff", "git show", "git fetch", "git branch")


_TWO_LEVEL: Final = frozenset({"gh", "kubectl", "docker", "gcloud", "aws", "az", "helm", "gog"})


_INTERPRETERS: Final = frozenset(
    {"python", "python3", "node", "ruby", "perl", "bash", "sh", "zsh", "deno", "bun", "php"}
)


_INSTALL: Final = re.compile(
    r"^(?:pip3?|uv pip|uv|poetry|pnpm|npm|yarn|bun|apt(?:-get)?|brew|cargo|go|gem|composer|conda|mamba|pipx)\s+"
    r"(?:install|add|i|get|sync)\b"
)


_CHECK_PROGS: Final = wordset(
    "pytest vitest jest mocha tox nox ruff mypy pyright eslint tsc flake8 pylint black prettier curl wget "
    "http ping nc dig nslookup shellcheck hadolint"
)


#: Programs whose first words decide what they do (``git commit``, ``npm test``, ``uv pip install``).
_MULTI_PROGS: Final = wordset(
    "git gh pip pip3 uv poetry pnpm npm yarn bun apt apt-get brew cargo go gem composer conda mamba pipx "
    "make terraform nginx"
)


_CHECK_SUBS: Final = re.compile(
    r"^(?:(?:npm|pnpm|yarn|bun) (?:run )?(?:test|lint|typecheck|check)|go (?:test|vet)|cargo (?:test|check|"
    r"clippy)|make (?:test|check|lint)|gh run (?:watch|view)|gh pr checks|terraform plan|nginx -t)\b"
)


_VCS_CHANGE: Final = re.compile(
    r"^(?:git (?:commit|push|merge|tag|rebase|revert|cherry-pick|remote (?:set-url|add|remove|rename))|"
    r"gh (?:pr (?:create|merge|close|edit|comment)|release create|secret (?:set|delete)|repo create|"
    r"issue (?:create|close|comment)|variable set|workflow run))\b"
)


_MUTATE_WORD: Final = wordset(
    "create delete remove set set-url update upgrade downgrade apply deploy publish release push send "
    "post put patch restart start stop reload enable disable kill cancel scale rollout rollback migrate "
    "backfill seed import sync upload book schedule insert revoke grant rotate up down cp"
)


#: Programs that only move files around: part of the work, never an outcome on their own.
_FILE_PROGS: Final = frozenset(
    ["cp", "mv", "rm", "rmdir", "ln", "chmod", "chown", "touch", "mkdir", "truncate", "tee", "install"]
)


_OPS_PROGS: Final = frozenset(
    ["kill", "pkill", "shutdown", "reboot", "useradd", "userdel", "crontab", "scp", "rsync", "dd"]
)


_SCRIPT_VERB: Final = re.compile(
    r"backfill|migrat|deploy|seed|import|sync|publish|upload|send|create|update|delete|cleanup|purge|restore|"
    r"backup|rotate|provision",
    re.I,
)


_SCRIPT_FILE: Final = re.compile(r"\.(?:sh|bash|py|rb|pl|js|ts)$")


#: What inline code (``python -c "..."``, ``node -e "..."``) does when it writes: a file saved or
#: opened for writing, a frame written out, a request that posts. Its ``import`` is a keyword.
_INLINE_WRITE: Final = re.compile(
    r"\.(?:to_(?:csv|excel|parquet|json|sql|feather)|save|savefig|write|writelines|dump|unlink|rmtree|"
    r"remove|rename|replace|mkdir|executemany|execute|commit|post|put|delete|patch)\(|"
    r"\bopen\([^)]*['\"][wax]b?\+?['\"]|writeFileSync|appendFileSync|\b(?:INSERT|UPDATE|DELETE|CREATE|DROP)\b"
)


#: The options that hand an interpreter its code inline.
_INLINE_OPTS: Final = frozenset({"-c", "-e", "--eval", "-E", "-r"})


_SQL_CLIENT: Final = frozenset(
    {"psql", "mysql", "mariadb", "sqlite3", "mongosh", "mongo", "clickhouse-client"}
)


_SQL_WRITE: Final = re.compile(
    r"\b(?:insert|update|delete|alter|create|drop|truncate|grant|revoke|vacuum|reindex)\b", re.I
)


_REDIRECT: Final = re.compile(r"(?<![<>&\d])>>?\s*(?P<t>[^\s&|;>]+)")


_TEE: Final = re.compile(r"\btee\s+(?:-a\s+)?(?P<t>[^\s&|;>]+)")


_PLAIN_WORD: Final = re.compile(r"^[a-z][a-z0-9-]*$")


#: Cheap test before asking ``is_secret_path`` about every word of a command.
SECRET_HINTS: Final = (
    "env",
    ".pem",
    ".key",
    "id_",
    "credential",
    "netrc",
    "pgpass",
    "secret",
    "npmrc",
    "pypirc",
    "htpasswd",
    "shadow",
    "kubeconfig",
    ".p12",
    ".pfx",
    ".jks",
    "keystore",
    ".kdbx",
    ".asc",
)


WRITE_TOOLS: Final = frozenset({"write", "create", "create_file", "write_file"})


EDIT_TOOLS: Final = frozenset(
    {"edit", "multiedit", "multi_edit", "apply_patch", "str_replace_based_edit_tool", "patch", "str_replace"}
)


_DOC_EXT: Final = (".md", ".markdown", ".txt", ".rst", ".adoc", ".org")


_DOC_NAMES: Final = ("readme", "changelog", "contributing", "license", "runbook")


_CONFIG_EXT: Final = (
    ".yml", ".yaml", ".toml", ".json", ".json5", ".ini", ".conf", ".cfg", ".env", ".service", ".timer", ".properties"
)  # fmt: skip


def _base(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[-1]


def _split_shell(command: str) -> list[str]:
    """Cut a shell line at ``&&``, ``||``, ``;``, ``|``, newlines and substitutions, outside quotes."""
    parts: list[str] = []
    buf: list[str] = []
    for tok in _SHELL_TOKEN.findall(command):
        if tok in _SHELL_OPS:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(tok)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def _words_of(raw: str) -> list[str]:
    """Shell words of one simple command, quotes removed the way a shell removes them."""
    if "'" not in raw and '"' not in raw:
        return raw.split()
    return [_QUOTED.sub(_unquoted, w) if "'" in w or '"' in w else w for w in _WORD_RE.findall(raw)]


def _unquoted(m: re.Match[str]) -> str:
    return m.group(1) if m.group(1) is not None else m.group(2) or ""


def _remote_payload(words: list[str]) -> str | None:
    """The command that ``ssh host CMD`` or ``bash -c CMD`` really runs."""
    prog = _base(words[0])
    if prog == "ssh":
        rest = words[1:]
        while rest and rest[0].startswith("-"):
            rest = rest[2:] if rest[0] in _SSH_VALUE_OPTS else rest[1:]
        return " ".join(rest[1:]) if len(rest) > 1 else None
    if prog in ("bash", "sh", "zsh") and "-c" in words[1:]:
        return " ".join(words[words.index("-c") + 1 :]) or None
    return None


def _strip_wrappers(words: list[str]) -> list[str]:
    """``sudo``, ``env X=1``, ``uv run``, ``npx -y`` and the like are not the program that runs."""
    while words:
        head = _base(words[0])
        if _ASSIGN_WORD.match(words[0]):
            words = words[1:]
        elif head in _WRAPPERS:
            words = [w for i, w in enumerate(words[1:]) if not (i == 0 and w.startswith("-"))]
        elif head in ("npx", "bunx", "pnpx"):
            words = [w for w in words[1:] if not w.startswith("-")]
        elif (
            head == "timeout"
            or (head in _RUNNERS and len(words) > 1 and words[1] == _RUNNERS[head])
            or (head.startswith("python") and len(words) > 2 and words[1] == "-m")
        ):
            words = words[2:]
        else:
            break
    return words


def raw_segments(command: str, depth: int = 0) -> list[tuple[str, list[str]]]:
    """Simple commands in a shell line: (original text, words without wrappers).

    Splitting respects quotes; commands run through ``ssh host '...'`` or ``sh -c '...'`` are
    split again inside.
    """
    out: list[tuple[str, list[str]]] = []
    for raw in _split_shell(_HEREDOC.sub(" ", command) if "<<" in command else command):
        words = _words_of(raw)
        if not words:
            continue
        remote = _remote_payload(words)
        if remote is not None and depth < 2:
            out.extend(raw_segments(remote, depth + 1))
            continue
        words = _strip_wrappers(words)
        if words:
            shown = _ASSIGNS.sub("", raw.strip()) if "=" in raw else raw.strip()
            out.append((shown.removeprefix("sudo "), words))
    return out


def program(words: Sequence[str]) -> str:
    name = _base(words[0]).lower()
    return name.split("@", 1)[0] if name.startswith(("node@", "python@")) else name


_GREPS: Final = frozenset({"grep", "egrep", "fgrep", "rg"})


def found_nothing(segments: Sequence[tuple[str, Sequence[str]]], output: str, code: int | None) -> bool:
    """Whether exit code 1 only says that a final ``grep`` matched nothing: its count printed 0
    (``grep -c``), it was asked to stay quiet (``-q``), or nothing at all came out. That is grep's
    answer, not a failure: agents grep for what must be gone ("no READ_* left", "no #DIV/0! left")."""
    if code != 1 or not segments or program(segments[-1][1]) not in _GREPS:
        return False
    words = segments[-1][1]
    flags = "".join(w[1:] for w in words[1:] if w.startswith("-") and not w.startswith("--"))
    lines = [ln.strip() for ln in output.splitlines() if ln.strip() and not EXIT_CODE.search(ln)]
    if "q" in flags or "--quiet" in words:
        return True
    if not lines:
        return True
    return "c" in flags and lines[-1] == "0"


def signature(words: Sequence[str]) -> str:
    """A stable name for what a simple command runs: ``git commit``, ``pytest``, ``python backfill.py``."""
    prog = program(words)
    if prog in _INTERPRETERS:
        script = next((w for w in words[1:] if not w.startswith("-")), "")
        return f"{prog.rstrip('3')} {_base(script)}".strip()
    depth = 2 if prog in _TWO_LEVEL else 1
    subs: list[str] = []
    for w in words[1:]:
        if len(subs) == depth or not _PLAIN_WORD.match(w):
            break
        subs.append(w)
    return " ".join([prog, *subs])


#: Options that take a value: the word after them is not the command's target.
_VALUE_OPTS: Final = wordset(
    "-o -O -w -H -d -X -n -m -u -e -c -C -p -P -t -T -U -h -b -j -F --output --namespace --data --header "
    "--request --message --user --context --config --format --project --profile --region --cluster "
    "--kubeconfig --env --tag --branch --workdir --chdir --directory --prefix --filter --cwd --manifest-path "
    "--package --workspace --file --namespace"
)


#: Options that take no value even though they are short (so the next word may be the target).
_FLAG_OPTS: Final = wordset("-q -s -v -x -k -vv -sS -fsS -fsSL -sL -L -f -i -I -y")


_RUN_SUBS: Final = frozenset({"run", "exec", "run-script", "x", "dlx"})


_URLISH: Final = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|[\w.-]+@[\w.-]+:)\S+", re.I)


_TARGET_END: Final = re.compile(r"(?:::|==|>=|<=|~=|\[|[?#]).*$")


def _target(word: str) -> str:
    """A command's target, normalised: ``tests/a.py::test_x`` and ``pkg==1.2`` name the file and package."""
    if _URLISH.match(word):
        return word.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return _TARGET_END.sub("", word).rstrip("/") or word


def identity(words: Sequence[str]) -> tuple[str, str, str]:
    """(program, subcommand, main target) of a simple command: what a failure and its fix share.

    ``git push origin main`` is ("git", "push", "origin"), ``npm run build`` is ("npm", "run build", ""),
    ``pytest tests/test_a.py -q`` is ("pytest", "", "tests/test_a.py"), ``curl -s URL`` names the URL.
    """
    prog = program(words)
    if prog in _INTERPRETERS:
        script = next((w for w in words[1:] if not w.startswith("-")), "")
        return prog.rstrip("3"), "", "" if " " in script or "\n" in script else _base(script)
    depth = 2 if prog in _TWO_LEVEL else 1
    subs: list[str] = []
    rest = list(words[1:])
    candidate = ""  # a path or URL after an option: its value, or the target (``-f k8s/web.yaml``)
    i = 0
    while i < len(rest) and len(subs) < depth:
        w = rest[i]
        if w.startswith("-"):
            nxt = rest[i + 1] if i + 1 < len(rest) else "-"
            if "=" in w or nxt.startswith("-"):
                i += 1
            elif w in _VALUE_OPTS and w not in _FLAG_OPTS:
                i += 2  # an option and its value
            elif not _PLAIN_WORD.match(nxt):
                candidate = candidate or nxt
                i += 2
            else:
                i += 1
            continue
        if not _PLAIN_WORD.match(w):
            break
        subs.append(w)
        i += 1
        if len(subs) == 1 and w in _RUN_SUBS and depth == 1:
            depth = 2  # ``npm run build``, ``pnpm exec playwright``: the script is part of the name
    target = ""
    skip_next = False
    for w in rest[i:]:
        if skip_next:
            skip_next = False
            continue
        if w.startswith("-"):
            skip_next = w in _VALUE_OPTS and w not in _FLAG_OPTS
            continue
        if _URLISH.match(w):
            target = _target(w)
            break
        if " " in w or "\n" in w or len(w) > 120:
            continue  # inline code or a message, not a target
        if w.isdigit():
            continue  # a number (a revision, a count, a PID) is a value, not what the command works on
        if not target and w not in ("/dev/null", "."):
            target = _target(w)
            if prog not in ("curl", "wget", "http", "https", "xh"):
                break  # the URL of an HTTP client may come after its other arguments
    if not target and candidate and " " not in candidate and candidate not in ("/dev/null", "."):
        target = _target(candidate)
    return prog, " ".join(subs), target


def segment_effect(words: Sequence[str], raw: str) -> str:
    """What one simple command does: change, edit (files only), check, install or read."""
    prog = program(words)
    if prog in _CHECK_PROGS:
        return "check"
    if prog in _MULTI_PROGS:
        line = " ".join([prog, *words[1:4]])
        if _INSTALL.match(line):
            return "install"
        if _VCS_CHANGE.match(line):
            return "change"
        if _CHECK_SUBS.match(line):
            return "check"
    if prog in _SQL_CLIENT:
        return "change" if _SQL_WRITE.search(raw) else "read"
    if _SCRIPT_FILE.search(prog) and _SCRIPT_VERB.search(prog):
        # a script run by its path (``./deploy.sh``, ``/usr/local/bin/backup-local.sh``) whose name
        # says it changes things, as for ``bash deploy.sh``; other names go by their subcommand
        return "change"
    if prog in _INTERPRETERS:
        inline = next((words[i + 1] for i in range(1, len(words) - 1) if words[i] in _INLINE_OPTS), None)
        if inline is not None:  # inline code: what it calls says whether it writes (its imports do not)
            return "change" if _INLINE_WRITE.search(inline) else "read"
        script = next((w for w in words[1:] if not w.startswith("-")), "")
        return "change" if _SCRIPT_VERB.search(_base(script)) else "read"
    if prog == "crontab" and "-l" in words[1:]:
        return "read"  # it lists the table
    if prog in _OPS_PROGS:
        return "change"
    if prog == "sed" and "-i" in words:
        targets = [w for w in words[1:] if not w.startswith("-")]
        return "change" if any(is_config(t) for t in targets[-1:]) else "edit"
    if prog in _FILE_PROGS:
        return "edit"
    if prog in TRIVIAL or prog == "git":
        return "read"
    subs = [w for w in words[1:4] if _PLAIN_WORD.match(w)]
    # a verb-noun subcommand (``put-retention-policy``, ``create-stack``) changes what its verb says
    return "change" if any(s in _MUTATE_WORD or s.split("-", 1)[0] in _MUTATE_WORD for s in subs) else "read"


def write_targets(command: str) -> list[str]:
    """Files a shell line writes by redirect or ``tee`` (not /dev/null or /tmp scratch)."""
    if ">" not in command and "tee" not in command:
        return []
    found = []
    text = _HEREDOC.sub(" ", command) if "<<" in command else command
    for pattern in (_TEE, _REDIRECT):
        for m in pattern.finditer(text):
            target = m.group("t").strip("'\"")
            if target and not target.startswith(("/dev/", "/tmp/", "&", "$")) and not target.isdigit():
                found.append(target)
    return found


def is_config(path: str) -> bool:
    name = _base(path).lower()
    return (
        path.startswith("/etc/")
        or name.endswith(_CONFIG_EXT)
        or name in ("dockerfile", "makefile", "crontab")
    )


def _is_doc(path: str) -> bool:
    name = _base(path).lower()
    return name.endswith(_DOC_EXT) or name.startswith(_DOC_NAMES)


def file_effect(tool: str, path: str, content: str) -> str:
    """Written files: documents and configs are outcomes, code is part of the work, how-tos are procedures."""
    if _is_doc(path) and has_steps(content):
        return "procedure_doc"
    if tool not in WRITE_TOOLS or is_secret_path(path):
        return "code"  # an edit is part of the work; the commit or the fix names it
    if _is_doc(path):
        return "doc"
    return "change" if is_config(path) else "code"


_SHELLS: Final = frozenset({"bash", "sh", "zsh"})


def _heredoc_writes(command: str, segments: Sequence[tuple[str, Sequence[str]]]) -> bool:
    """Whether an interpreter that reads its code from a heredoc (``python3 - <<'PY' ... PY``) is handed
    code that writes: read as inline code is (``python -c``), by what it calls."""
    if "<<" not in command:
        return False
    reads_stdin = any(
        program(words) in _INTERPRETERS
        and program(words) not in _SHELLS
        and all(w.startswith("-") for w in words[1:] if not w.startswith("<"))
        for _, words in segments
    )
    return reads_stdin and any(_SCRIPT_WRITE.search(m.group(0)) for m in _HEREDOC.finditer(command))


#: ``_INLINE_WRITE`` for a whole script: without the names a string or a list also has (``.replace(``,
#: ``.remove(``), which a script of many lines calls to clean up what it reads.
_SCRIPT_WRITE: Final = re.compile(
    r"\.(?:to_(?:csv|excel|parquet|json|sql|feather)|save|savefig|write|writelines|dump|unlink|rmtree|"
    r"rename|mkdir|executemany|execute|commit|post|put|delete|patch)\(|"
    r"\bopen\([^)]*['\"][wax]b?\+?['\"]|writeFileSync|appendFileSync|\b(?:INSERT|UPDATE|DELETE|CREATE|DROP)\b"
)


def command_effect(command: str, segments: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The strongest effect among a shell line's simple commands and redirects."""
    effects = {segment_effect(words, raw) for raw, words in segments}
    if "change" not in effects and _heredoc_writes(command, segments):
        effects.add("change")
    targets = write_targets(command)
    if targets:
        effects.add("change" if any(is_config(t) for t in targets) else "edit")
    return next((e for e in ("change", "check", "install", "edit") if e in effects), "read")
