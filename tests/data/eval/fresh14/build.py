"""fresh14: twelve hand-written conversations of an open-source library maintainer (quillmark) with the agent.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor. Run
``python build.py`` to rewrite this folder, or ``python build.py --out DIR`` to write elsewhere.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from envelope import Conv, main

HOME = "/home/jonas/.openclaw/workspace"
REPO = "/home/jonas/src/quillmark"


class C(Conv):
    """A Conv that can also write a tool failure that is not a shell exit code."""

    def rerr(self, output: str) -> str:
        eid = self.r(output)
        self.lines[-1]["message"]["isError"] = True
        return eid


def sh(cmd: str) -> tuple[str, dict[str, Any]]:
    return ("bash", {"command": cmd})


def rd(path: str) -> tuple[str, dict[str, Any]]:
    return ("read", {"file_path": path})


def ci_py313() -> Conv:
    c = C("01-ci-matrix-py313", "2026-12-01T08:05:00", 1, "pi", cwd=REPO)
    c.u("morning. CI on main is red again, only the 3.13 job. can you look? repo is quillmark/quillmark")
    c.a(
        "Let me pull the latest run.",
        tools=[sh("gh run list --branch main --limit 3 --json databaseId,conclusion,name")],
    )
    c.r(
        '[{"conclusion":"failure","databaseId":12094417731,"name":"tests"},'
        '{"conclusion":"success","databaseId":12094310288,"name":"docs"},'
        '{"conclusion":"success","databaseId":12093998120,"name":"tests"}]'
    )
    c.a(tools=[sh("gh run view 12094417731 --log-failed | tail -25")])
    fail = c.r(
        "tests (3.13)\tRun tox -e py313\tpy313: commands[0]> pytest -q\n"
        "tests (3.13)\tRun tox -e py313\t....F.....\n"
        "tests (3.13)\tRun tox -e py313\tFAILED tests/test_fetch.py::test_content_type_charset - ModuleNotFoundError: "
        "No module named 'cgi'\n"
        "tests (3.13)\tRun tox -e py313\t1 failed, 412 passed in 9.81s\n"
        "tests (3.13)\tRun tox -e py313\tpy313: exit 1 (10.22 seconds)\n"
        "tests (3.13)\tRun tox -e py313\t##[error]Process completed with exit code 1."
    )
    c.a(
        "One failure on 3.13: `tests/test_fetch.py::test_content_type_charset` dies with "
        "`ModuleNotFoundError: No module named 'cgi'`. The `cgi` module was removed in 3.13, and "
        "`quillmark/fetch.py` still uses `cgi.parse_header`. Let me reproduce locally.",
        tools=[sh("tox -e py313 -- tests/test_fetch.py -q")],
    )
    c.r(
        "py313: install_deps> python -I -m pip install pytest pytest-cov\n"
        "py313: commands[0]> pytest tests/test_fetch.py -q\n"
        "F.......................\n"
        "FAILED tests/test_fetch.py::test_content_type_charset - ModuleNotFoundError: No module named 'cgi'\n"
        "1 failed, 23 passed in 0.71s\n"
        "py313: exit 1 (1.02 seconds) /home/jonas/src/quillmark> pytest tests/test_fetch.py -q pid=44120\n"
        "  py313: FAIL code 1 (8.43=setup[7.41]+cmd[1.02] seconds)\n"
        "  evaluation failed :( (8.51 seconds)",
        exit_code=1,
    )
    c.a("Reproduced. Looking at the code.", tools=[rd(f"{REPO}/quillmark/fetch.py")])
    c.r(
        "import cgi\n\n\ndef charset_of(content_type):\n"
        "    _, params = cgi.parse_header(content_type)\n"
        "    return params.get('charset', 'utf-8')\n"
    )
    c.a(
        "`email.message.Message` can parse the header on every version, so I'll use that instead of `cgi`. "
        "Before I do: do we still test 3.8 anywhere? The tox envlist says py38-py313."
    )
    drop = c.u(
        "we won't support 3.8 any more. EOL for over a year. take it out of tox and the CI matrix, and set "
        "requires-python to >=3.9 while you're at it"
    )
    c.a(
        "Got it.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/fetch.py",
                    "old_string": "import cgi\n",
                    "new_string": "from email.message import Message\n",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/fetch.py",
                    "old_string": "    _, params = cgi.parse_header(content_type)\n"
                    "    return params.get('charset', 'utf-8')",
                    "new_string": "    msg = Message()\n    msg['content-type'] = content_type\n"
                    "    return msg.get_param('charset', 'utf-8')",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/pyproject.toml",
                    "old_string": 'requires-python = ">=3.8"',
                    "new_string": 'requires-python = ">=3.9"',
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/tox.ini",
                    "old_string": "envlist = py38, py39, py310, py311, py312, py313, lint",
                    "new_string": "envlist = py39, py310, py311, py312, py313, lint",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/.github/workflows/tests.yml",
                    "old_string": 'python: ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]',
                    "new_string": 'python: ["3.9", "3.10", "3.11", "3.12", "3.13"]',
                },
            ),
        ],
    )
    c.r("Successfully replaced text in quillmark/fetch.py.")
    c.r("Successfully replaced text in quillmark/fetch.py.")
    c.r("Successfully replaced text in pyproject.toml.")
    c.r("Successfully replaced text in tox.ini.")
    c.r("Successfully replaced text in .github/workflows/tests.yml.")
    c.a(tools=[sh("tox -e py313,py39 -- -q")])
    local_ok = c.r(
        "py313: commands[0]> pytest -q\n413 passed in 9.02s\npy313: OK (16.77=setup[7.70]+cmd[9.07] seconds)\n"
        "py39: commands[0]> pytest -q\n413 passed in 11.40s\npy39: OK (19.02=setup[7.55]+cmd[11.47] seconds)\n"
        "  py313: OK (16.77 seconds)\n  py39: OK (19.02 seconds)\n  congratulations :) (35.86 seconds)"
    )
    c.a("Both pass locally. Shall I commit and push to a branch and open a PR?")
    rule = c.u(
        "yes. and one thing for the future: always run tox -e lint before you push anything to this repo, "
        "the lint job is the slowest in CI and I hate waiting 8 minutes to learn about an unused import"
    )
    c.a("Understood, lint first, every time.", tools=[sh("tox -e lint")])
    c.r(
        "lint: commands[0]> ruff check .\n"
        "All checks passed!\nlint: commands[1]> ruff format --check .\nWould reformat: quillmark/fetch.py\n"
        "1 file would be reformatted, 96 files already formatted\nlint: exit 1 (0.52 seconds)\n"
        "  lint: FAIL code 1 (0.44 seconds)",
        exit_code=1,
    )
    c.a(
        "Lint caught a formatting slip in my edit of `quillmark/fetch.py`. Formatting it and re-running.",
        tools=[sh("ruff format quillmark/fetch.py && tox -e lint,py313 -q")],
    )
    c.r(
        "lint: commands[0]> ruff check .\nAll checks passed!\nlint: commands[1]> ruff format --check .\n"
        "97 files already formatted\npy313: commands[0]> pytest -q\n413 passed in 9.11s\n"
        "  lint: OK (1.12 seconds)\n  py313: OK (16.90 seconds)\n  congratulations :) (18.02 seconds)"
    )
    c.a(
        tools=[
            sh(
                "git switch -c drop-py38 && git commit -am 'Drop Python 3.8; replace cgi for 3.13' && "
                "git push -u origin drop-py38 && gh pr create --fill --base main"
            )
        ]
    )
    c.r(
        "Switched to a new branch 'drop-py38'\n[drop-py38 5e1c0a9] Drop Python 3.8; replace cgi for 3.13\n"
        " 4 files changed, 5 insertions(+), 6 deletions(-)\n"
        "To github.com:quillmark/quillmark.git\n * [new branch]      drop-py38 -> drop-py38\n"
        "https://github.com/quillmark/quillmark/pull/918"
    )
    c.a("PR #918 is open. I'll watch the CI run.", tools=[sh("gh pr checks 918")])
    c.r("no checks reported on the 'drop-py38' branch", exit_code=1)
    c.a("Checks have not registered yet. Waiting a bit.", tools=[sh("sleep 30 && gh pr checks 918")])
    states = [
        ("pending", "pending", "pending", "pending", "pending", "pending"),
        ("pass", "pending", "pending", "pending", "pending", "pending"),
        ("pass", "pass", "pass", "pending", "pending", "pending"),
        ("pass", "pass", "pass", "pass", "pending", "pending"),
        ("pass", "pass", "pass", "pass", "pass", "pending"),
    ]
    names = ("tests (3.9)", "tests (3.10)", "tests (3.11)", "tests (3.12)", "tests (3.13)", "lint")
    for st in states:
        c.r(
            "\n".join(f"{n}\t{s}\t{'1m' if s == 'pass' else ''}" for n, s in zip(names, st, strict=True)),
            exit_code=8,
        )
        c.a("Still running.", tools=[sh("sleep 60 && gh pr checks 918")])
    ci_ok = c.r(
        "\n".join(
            f"{n}\tpass\t{t}"
            for n, t in zip(names, ("2m1s", "2m4s", "1m58s", "2m10s", "2m2s", "7m49s"), strict=True)
        )
    )
    c.a("All six checks on #918 are green, including 3.13 and lint.")
    c.u(
        "nice. merge it, squash. and use my bot token for the merge, the default one lacks the bypass: "
        "GH_TOKEN=ghp_qK7vR2mXw9LtB4nPz0aYc6HsE1uJdF8oGi3T"
    )
    c.a(
        "Merging with that token.",
        tools=[
            sh("GH_TOKEN=ghp_qK7vR2mXw9LtB4nPz0aYc6HsE1uJdF8oGi3T gh pr merge 918 --squash --delete-branch")
        ],
    )
    merged = c.r(
        "✓ Squashed and merged pull request quillmark/quillmark#918 (Drop Python 3.8; replace cgi for 3.13)\n"
        "✓ Deleted local branch drop-py38 and switched to branch main\n✓ Deleted remote branch drop-py38"
    )
    c.a(
        "Merged (#918, squash). One more thing I saw in the run: the allowed-to-fail `3.14-dev` job. Let me check it.",
        tools=[sh("gh run view --job 33120871754 --log | grep -E 'error|passed|failed' | tail -5")],
    )
    dev_fail = c.r(
        "tests (3.14-dev)\tRun tox -e py314\terror: subprocess-exited-with-error while building lxml (setup.py)\n"
        "tests (3.14-dev)\tRun tox -e py314\tERROR: Failed to build installable wheels for some pyproject.toml "
        "based projects (lxml)\n"
        "tests (3.14-dev)\tRun tox -e py314\tpy314: FAIL code 1\n"
        "tests (3.14-dev)\tcontinue-on-error: job marked successful"
    )
    c.a(
        "The 3.14-dev job is green only because of `continue-on-error`: lxml has no 3.14 wheel yet and does "
        "not build from source on the runner, so the suite never ran on 3.14. Want me to dig into it?"
    )
    later = c.u("not today. leave it, lxml will ship wheels eventually. thanks!")
    c.a("Okay, I'll leave the 3.14-dev job as it is.")
    c.item(
        "decision",
        "Python 3.8 support dropped: removed from tox and the CI matrix; requires-python is now >=3.9.",
        [drop],
        True,
    )
    c.item("fact", "Always run tox -e lint before pushing anything to the quillmark repo.", [rule], True)
    c.item(
        "outcome",
        "The 3.13 CI failure (ModuleNotFoundError: No module named 'cgi' in "
        "tests/test_fetch.py::test_content_type_charset) was fixed in quillmark/fetch.py with email.message; tox py313 and py39 pass.",
        [fail, local_ok],
    )
    c.item(
        "outcome",
        "PR #918 (drop-py38) passed all six CI checks and was squash-merged into main.",
        [ci_ok, merged],
    )
    c.item(
        "outcome",
        "The 3.14-dev CI job only looks green (continue-on-error): lxml fails to build on 3.14, so the tests never run there.",
        [dev_fail, later],
        True,
    )
    c.canaries = ["ghp_qK7vR2mXw9LtB4nPz0aYc6HsE1uJdF8oGi3T"]
    c.noise = ["Let me pull the latest run.", "Still running.", "Checks have not registered yet", "morning."]
    return c


def release_240() -> Conv:
    c = C("02-release-2-4-0", "2026-12-01T14:20:00", 1, "control-ui", cwd=REPO)
    c.u("hey, time to cut the next release. what's merged since 2.3.2?")
    c.a(
        "Let me list the merged PRs since the last tag.",
        tools=[sh("git log v2.3.2..main --merges --oneline")],
    )
    c.r(
        "a91f03d Merge pull request #918 from quillmark/drop-py38\n"
        "7c2e4b1 Merge pull request #911 from svenja-k/footnote-backrefs\n"
        "c04d9e2 Merge pull request #907 from tnakamura/fix-nested-lists\n"
        "19be7f3 Merge pull request #899 from quillmark/sanitize-data-uris\n"
        "e6a2d80 Merge pull request #893 from lrios/plugin-hooks"
    )
    offer = c.a(
        "Five merged PRs since v2.3.2:\n\n"
        "- #918 drop Python 3.8 (requires-python >=3.9)\n- #911 footnote back-references (new feature)\n"
        "- #907 fix nested list indentation\n- #899 sanitize `data:` URIs in links\n"
        "- #893 plugin hooks (new feature, new public API)\n\n"
        "Dropping a Python version is arguably breaking, but under our SemVer policy in CONTRIBUTING.md "
        "supported-Python changes go in minor releases. With two new features I'd call it **2.4.0**, not 3.0. "
        "Should I go with 2.4.0?"
    )
    ok = c.u("ok, do that")
    c.a("Building the changelog with towncrier.", tools=[sh("towncrier build --version 2.4.0 --draft")])
    c.r(
        "Loading template...\nFinding news fragments...\nRendering news fragments...\nDraft only -- nothing has been written.\n"
        "What is seen below is what would be written.\n\n"
        "## 2.4.0 (2026-12-01)\n\n### Features\n\n- Footnotes get back-references to the text (#911)\n"
        "- Plugin hooks `on_block` and `on_inline` (#893)\n\n### Bug fixes\n\n- Nested list indentation (#907)\n"
        "- `data:` URIs in links are sanitized (#899)\n\n### Removals\n\n- Python 3.8 is no longer supported (#981)"
    )
    c.a(
        "Draft looks right except one thing I'd like you to confirm: the removal entry says #981. "
        "Is that a typo in the fragment?"
    )
    c.u("yes the fragment is wrong, it's #918. fix the file name too")
    c.a(
        tools=[
            sh(
                "git mv changelog.d/981.removal.md changelog.d/918.removal.md && towncrier build --version 2.4.0 --yes"
            )
        ]
    )
    c.r(
        "Loading template...\nFinding news fragments...\nRendering news fragments...\nWriting to newsfile...\n"
        "Staging newsfile...\nRemoving the following files:\nchangelog.d/911.feature.md\nchangelog.d/893.feature.md\n"
        "changelog.d/907.bugfix.md\nchangelog.d/899.bugfix.md\nchangelog.d/918.removal.md\nRemoving news fragments...\nDone!"
    )
    c.a(
        tools=[
            sh("git commit -am 'Release 2.4.0' && git tag -s v2.4.0 -m 'quillmark 2.4.0' && python -m build")
        ]
    )
    c.r(
        "[main 3fd81c2] Release 2.4.0\n 7 files changed, 14 insertions(+), 9 deletions(-)\n"
        "error: gpg failed to sign the data\nerror: unable to sign the tag",
        exit_code=128,
    )
    c.a(
        "The commit is in but the signed tag failed: gpg could not sign. Usually the agent has no TTY for "
        "the pinentry. Can you unlock the key, or should I tag unsigned?"
    )
    never = c.u("never unsigned tags for releases. I unlocked it in my terminal, try again")
    c.a(
        tools=[
            sh(
                "git tag -s v2.4.0 -m 'quillmark 2.4.0' && git tag -v v2.4.0 2>&1 | tail -2 && python -m build"
            )
        ]
    )
    c.r(
        'gpg: Good signature from "Jonas Ferreira <jonas@quillmark.dev>" [ultimate]\n'
        "* Building sdist...\n* Building wheel from sdist\nSuccessfully built quillmark-2.4.0.tar.gz and "
        "quillmark-2.4.0-py3-none-any.whl"
    )
    c.a(
        "Tag v2.4.0 is signed and the sdist and wheel are built. Checking them.",
        tools=[sh("twine check dist/*")],
    )
    c.r(
        "Checking dist/quillmark-2.4.0-py3-none-any.whl: PASSED\nChecking dist/quillmark-2.4.0.tar.gz: PASSED"
    )
    c.a("Both pass. Uploading to TestPyPI first.", tools=[sh("twine upload -r testpypi dist/*")])
    c.r(
        "Uploading distributions to https://test.pypi.org/legacy/\nUploading quillmark-2.4.0-py3-none-any.whl\n"
        "100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 61.2/61.2 kB\nUploading quillmark-2.4.0.tar.gz\n"
        "100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 88.0/88.0 kB\n\nView at:\nhttps://test.pypi.org/project/quillmark/2.4.0/"
    )
    c.a(
        tools=[
            sh(
                "python -m venv /tmp/qm-try && /tmp/qm-try/bin/pip install -q -i https://test.pypi.org/simple/ "
                "--extra-index-url https://pypi.org/simple/ quillmark==2.4.0 && /tmp/qm-try/bin/python -c "
                "'import quillmark; print(quillmark.__version__)'"
            )
        ]
    )
    c.r("2.4.0")
    c.a("TestPyPI install works and reports 2.4.0. Ready to upload to the real PyPI?")
    c.u(
        "go. the project token is in ~/.pypirc already I think, but if it complains use this one: "
        "pypi-AgEIcHlwaS5vcmcCJGQ3ZjE5YjJlLTRhNmMtNDFkMi1iOGU1LTkwM2NhZjE3ZTQ0MAACKlszLCJxbSJdAAIsWzIsWyJxdWlsbG1hcmsiXV0"
    )
    c.a(tools=[sh("twine upload dist/*")])
    up_fail = c.r(
        "Uploading distributions to https://upload.pypi.org/legacy/\nUploading quillmark-2.4.0-py3-none-any.whl\n"
        "100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 61.2/61.2 kB\n"
        "WARNING  Error during upload. Retry with the --verbose option for more details.\n"
        "ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/\n"
        "         Invalid or non-existent authentication information.",
        exit_code=1,
    )
    c.a(
        "403 with the token from ~/.pypirc: it is probably the old, revoked one. Retrying with the token you gave.",
        tools=[
            sh(
                "TWINE_USERNAME=__token__ TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJGQ3ZjE5YjJlLTRhNmMtNDFkMi1iOGU1LTkwM2NhZjE3ZTQ0MAACKlszLCJxbSJdAAIsWzIsWyJxdWlsbG1hcmsiXV0 twine upload dist/*"
            )
        ],
    )
    up_ok = c.r(
        "Uploading distributions to https://upload.pypi.org/legacy/\nUploading quillmark-2.4.0-py3-none-any.whl\n"
        "100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 61.2/61.2 kB\nUploading quillmark-2.4.0.tar.gz\n"
        "100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 88.0/88.0 kB\n\nView at:\nhttps://pypi.org/project/quillmark/2.4.0/"
    )
    c.a(tools=[sh("git push origin main v2.4.0 && gh release create v2.4.0 --notes-from-tag --verify-tag")])
    gh_rel = c.r(
        "To github.com:quillmark/quillmark.git\n   a91f03d..3fd81c2  main -> main\n * [new tag]         v2.4.0 -> v2.4.0\n"
        "https://github.com/quillmark/quillmark/releases/tag/v2.4.0"
    )
    c.a(
        "Done: quillmark 2.4.0 is on PyPI, `main` and the signed tag are pushed, and the GitHub release is up.\n\n"
        "The token in `~/.pypirc` got a 403, so it is dead; you may want to replace it. Also, since we just did "
        "every step by hand, want me to write them down in RELEASING.md?"
    )
    ask = c.u("yes please, short. and put the pypirc thing on my list, I'll swap the token tomorrow morning")
    proc = c.a(
        "Writing RELEASING.md.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{REPO}/RELEASING.md",
                    "content": "# Releasing quillmark\n\n"
                    "1. `git log vPREV..main --merges --oneline` and pick the version (SemVer; Python support "
                    "changes are minor).\n"
                    "2. `towncrier build --version X.Y.Z --draft`, check the PR numbers, then `--yes`.\n"
                    "3. `git commit -am 'Release X.Y.Z'` and `git tag -s vX.Y.Z` (signed tags only).\n"
                    "4. `python -m build && twine check dist/*`.\n"
                    "5. `twine upload -r testpypi dist/*`, install from TestPyPI in a fresh venv, check `__version__`.\n"
                    "6. `twine upload dist/*`.\n"
                    "7. `git push origin main vX.Y.Z && gh release create vX.Y.Z --notes-from-tag --verify-tag`.\n",
                },
            ),
            (
                "reminder",
                {"text": "Replace the revoked PyPI token in ~/.pypirc", "when": "2026-12-02T09:00:00+01:00"},
            ),
        ],
    )
    c.r("Successfully wrote 612 bytes to RELEASING.md")
    rem = c.r("Reminder set for Wed 2026-12-02 09:00 (GMT+1): Replace the revoked PyPI token in ~/.pypirc")
    c.a(
        "RELEASING.md is written (7 steps) and you have a reminder for tomorrow 09:00 to replace the ~/.pypirc token."
    )
    c.u("perfect. did the docs site pick up 2.4.0 already? the changelog page should show it")
    c.a(
        tools=[
            sh(
                "curl -s https://quillmark.readthedocs.io/en/stable/changelog.html | grep -o '<h2>2\\.[0-9.]*' | head -2"
            )
        ]
    )
    c.r("<h2>2.3.2\n<h2>2.3.1")
    c.a(
        "Not yet: the stable changelog still starts at 2.3.2. RTD builds `stable` from the newest tag, so it "
        "should have been triggered by the push. Checking the build list.",
        tools=[
            sh(
                "curl -s https://readthedocs.org/api/v3/projects/quillmark/builds/?limit=1 | jq -r '.results[0] | [.version, .state.code, .success] | @tsv'"
            )
        ],
    )
    c.r("stable\ttriggered\tnull")
    c.a(
        tools=[
            sh(
                "sleep 90 && curl -s https://quillmark.readthedocs.io/en/stable/changelog.html | grep -o '<h2>2\\.[0-9.]*' | head -1"
            )
        ]
    )
    c.r("<h2>2.4.0")
    c.a("The build was just queued; the stable changelog now shows 2.4.0.")
    c.u("cheers")
    c.a("Cheers, enjoy the release.")
    c.item(
        "decision",
        "Next release version: 2.4.0, a minor release; dropping Python 3.8 counts as minor under the SemVer policy.",
        [offer, ok],
        True,
    )
    c.item("fact", "Release tags are always signed; never push unsigned tags for releases.", [never], True)
    c.item(
        "outcome",
        "quillmark 2.4.0 was uploaded to PyPI after a 403 with the ~/.pypirc token; main and the signed tag v2.4.0 are pushed and the GitHub release exists.",
        [up_fail, up_ok, gh_rel],
    )
    c.item(
        "procedure",
        "Release steps saved to RELEASING.md: towncrier draft, signed tag, build and twine check, TestPyPI trial, PyPI upload, push and gh release.",
        [proc],
    )
    c.item("todo", "Jonas replaces the revoked PyPI token in ~/.pypirc on 2026-12-02 at 09:00.", [ask, rem])
    c.canaries = [
        "pypi-AgEIcHlwaS5vcmcCJGQ3ZjE5YjJlLTRhNmMtNDFkMi1iOGU1LTkwM2NhZjE3ZTQ0MAACKlszLCJxbSJdAAIsWzIsWyJxdWlsbG1hcmsiXV0"
    ]
    c.noise = [
        "Let me list the merged PRs since the last tag.",
        "did the docs site pick up 2.4.0 already",
        "Cheers, enjoy the release.",
    ]
    return c


def breaking_change() -> Conv:
    c = C("03-breaking-change-render-kwargs", "2026-12-01T19:02:00", 1, "pi", cwd=REPO)
    c.u(
        "Need a second opinion. Tomás opened #921, he wants to rename render(md, safe=True) to "
        "render(md, *, sanitize=True) and make everything after md keyword-only. Positional calls would break."
    )
    c.a(
        "Let me see how people call it.",
        tools=[sh("gh pr view 921 --json title,additions,deletions,body | head -c 600")],
    )
    c.r(
        '{"additions":214,"body":"`safe` is ambiguous (safe from what?). This renames it to `sanitize` and makes '
        'options keyword-only so we can add more later without positional mistakes. Breaking, so 3.0?",'
        '"deletions":61,"title":"render(): keyword-only options, rename safe -> sanitize"}'
    )
    c.a(
        tools=[
            sh("curl -s 'https://grep.app/api/search?q=quillmark.render%28&regexp=false' | jq '.hits.total'")
        ]
    )
    c.r("1284")
    c.a(
        tools=[
            sh(
                "curl -s 'https://grep.app/api/search?q=render%28md%2C+False%29&filter[lang][0]=Python' | jq '.hits.total'"
            )
        ]
    )
    c.r("37")
    c.a(
        "About 1.3k public call sites of `quillmark.render(`, and a few dozen pass `safe` positionally, e.g. "
        "`render(md, False)`. The rename is good; the question is how to ship it."
    )
    ab = c.u(
        "so: A) merge it as is and call the next release 3.0, or B) keep safe= working with a DeprecationWarning for a while?"
    )
    c.a(
        "B, in my view. Accept both `safe` and `sanitize` in 2.x, warn on `safe` and on positional options, "
        "and make the hard break in 3.0. Nobody's code breaks on a minor upgrade, and 3.0 stays a clean cut. "
        "A is simpler for us but punishes the 37 positional callers with no warning first."
    )
    pick = c.u("the one that doesn't break people. B. I'll tell Tomás to add the shim")
    c.a("Okay, B: a deprecation shim in 2.x, hard break in 3.0.")
    relay = c.u(
        "he also suggests in the same PR to flip the default to sanitize=False, 'because most users render "
        "their own trusted markdown'. what do you think"
    )
    c.a(
        "I'd not do that. Unsafe-by-default is how XSS happens in comment boxes and wikis, and #899 just "
        "tightened sanitizing. Turning it off by default would be silent for everyone who upgrades."
    )
    rej = c.u("agreed, no. default stays sanitize=True. I'll write that on the PR")
    c.a("Want me to draft the review comment?")
    c.u("yes, short, friendly")
    c.a(
        "Draft:\n\n> Thanks Tomás, the rename is great. Two changes before we merge: (1) keep `safe=` working in 2.x "
        "with a `DeprecationWarning` (and warn on positional options) so the break lands in 3.0 only; (2) please keep "
        "the default at `sanitize=True`; we don't want an unsafe default. Happy to help with the shim."
    )
    c.u("good. post it")
    c.a(tools=[sh("gh pr review 921 --request-changes --body-file /tmp/review-921.md")])
    posted = c.r("- Requested changes to pull request quillmark/quillmark#921")
    c.a("Posted as a 'request changes' review on #921. Anything else on this?")
    q = c.u(
        "when 3.0 happens at all is the real question. no idea yet. I'll ask Priya at the maintainers call next week, she has opinions"
    )
    c.a("Noted, the 3.0 timing waits for your call with Priya.")
    c.item(
        "decision",
        "PR #921 (safe -> sanitize, keyword-only options) ships as option B: safe= keeps working in 2.x with a DeprecationWarning; the hard break waits for 3.0.",
        [ab, pick],
        True,
    )
    c.item(
        "decision",
        "Rejected: Tomás's proposal in #921 to make sanitize=False the default; the default stays sanitize=True.",
        [relay, rej],
        True,
    )
    c.item(
        "outcome",
        "A request-changes review asking for the shim and the safe default was posted on #921.",
        [posted],
    )
    c.item(
        "open_question",
        "When quillmark 3.0 should happen is open; Jonas will ask Priya at next week's maintainers call.",
        [q],
    )
    c.noise = ["Let me see how people call it.", "Need a second opinion.", "good. post it"]
    return c


def security_report() -> Conv:
    c = C("04-security-report-private", "2026-12-02T07:48:00", 1, "control-ui", cwd=REPO)
    c.u(
        "good morning. got an email overnight, someone reports an XSS. I saved it to ~/inbox/report-qm.txt, have a look"
    )
    c.a("Morning. Reading it.", tools=[rd("/home/jonas/inbox/report-qm.txt")])
    c.r(
        "From: Ana Sokolova <ana@sokolova-sec.eu>\nSubject: quillmark: XSS via javascript: links with entity-encoded colon\n\n"
        "Hi, quillmark 2.4.0 with the default safe mode renders\n\n    [click](javascript&#58;alert(document.domain))\n\n"
        'as <a href="javascript&#58;alert(document.domain)">, which browsers decode and execute.\n'
        "I'd like to follow coordinated disclosure, 90 days or earlier when a fix is out.\n"
        "Please reply to this address; PGP key attached.\n"
    )
    c.a(
        "Let me confirm it against main before anything else.",
        tools=[sh("python -c \"import quillmark; print(quillmark.render('[x](javascript&#58;alert(1))'))\"")],
    )
    repro = c.r('<p><a href="javascript&#58;alert(1)">x</a></p>')
    c.a(
        "Confirmed: the link sanitizer checks the scheme before decoding HTML entities, so `javascript&#58;` "
        "slips through even with `sanitize=True`. This is a real XSS in the default configuration."
    )
    rule = c.u(
        "ok. ground rule, and write it down somewhere for yourself: security reports are never discussed in public "
        "issues or PRs. everything goes through a private GitHub security advisory and a temporary private fork."
    )
    c.a(
        "Understood. Let me check which versions are affected.",
        tools=[
            sh(
                "git log -S'_SAFE_SCHEMES' --oneline -- quillmark/sanitize.py | tail -1 && git tag --contains 4d1e7a2 | head -1"
            )
        ],
    )
    found = c.r("4d1e7a2 Check link schemes against an allow-list\nv2.1.0")
    c.a(
        "The scheme check came in with 4d1e7a2, first released in v2.1.0; before that there was no scheme "
        "check at all, so 2.0.x is affected too, differently. I'd open the advisory for `>=2.0.0, <2.4.1`. "
        "Shall I create the draft advisory?"
    )
    c.u("sure")
    c.a(
        tools=[
            sh(
                "gh api repos/quillmark/quillmark/security-advisories -X POST "
                "-f summary='XSS via entity-encoded javascript: links' -f severity=medium "
                "-f 'vulnerabilities[][package][ecosystem]=pip' -f 'vulnerabilities[][package][name]=quillmark' "
                "-f 'vulnerabilities[][vulnerable_version_range]=>=2.0.0, <2.4.1' -f description=@/tmp/ghsa.md"
            )
        ]
    )
    ghsa = c.r(
        '{"ghsa_id":"GHSA-7q4m-x2vp-3hcw","state":"draft","html_url":"https://github.com/quillmark/quillmark/security/advisories/GHSA-7q4m-x2vp-3hcw"}'
    )
    c.a(
        "Draft advisory GHSA-7q4m-x2vp-3hcw exists. Creating the temporary private fork for the fix.",
        tools=[sh("gh api -X POST repos/quillmark/quillmark/security-advisories/GHSA-7q4m-x2vp-3hcw/forks")],
    )
    c.r('{"full_name":"quillmark/quillmark-ghsa-7q4m-x2vp-3hcw","private":true}')
    c.a(
        "Fix idea: decode entities and strip control characters before checking the scheme, then test "
        "with the report's payload and a few variants (`&#x3A;`, `&colon;`, tab inside the scheme).",
        tools=[
            sh(
                "git fetch git@github.com:quillmark/quillmark-ghsa-7q4m-x2vp-3hcw.git && git switch -c ghsa-fix && pytest -q tests/test_sanitize.py"
            )
        ],
    )
    c.r("......................................\n38 passed in 0.44s")
    c.a(
        "Baseline is green. I've added the decoding step and four regression tests.",
        tools=[sh("pytest -q tests/test_sanitize.py")],
    )
    bad = c.r(
        "...................................F..\n"
        "FAILED tests/test_sanitize.py::test_scheme_with_tab - AssertionError: assert 'java\\tscript:' not in ...\n"
        "1 failed, 41 passed in 0.51s",
        exit_code=1,
    )
    c.a(
        "The tab variant still gets through: I only stripped `\\x00-\\x08`. Widening to all ASCII control and whitespace characters.",
        tools=[sh("pytest -q tests/test_sanitize.py && pytest -q")],
    )
    good = c.r("..........................................\n42 passed in 0.49s\n417 passed in 9.37s")
    c.a(
        "All 42 sanitizer tests and the full suite (417) pass on `ghsa-fix`. Want me to draft the reply to Ana?"
    )
    pub = c.u(
        "yes. say we'll publish with 2.4.1 on the 9th of december, and ask if she wants credit. "
        "oh and remember the password of the security@quillmark.dev mailbox for me, it's Harbor-Vell0w!27, "
        "I keep forgetting it"
    )
    c.a(
        "I'd rather not keep that one: anything I store ends up in plain-text notes in the workspace. A password "
        "manager is the right place for the mailbox password.\n\nReply draft:\n\n> Hi Ana, thank you for the clear "
        "report. We confirmed it and track it privately as GHSA-7q4m-x2vp-3hcw. The fix will be released in "
        "quillmark 2.4.1 on 9 December 2026, and the advisory published the same day. Would you like to be "
        "credited, and under which name?"
    )
    date_ok = c.u(
        "fine, fair enough on the password. send it from my account then. also remind me on friday to request the CVE through the advisory"
    )
    c.a(
        tools=[
            sh(
                "mutt -s 'Re: quillmark: XSS via javascript: links with entity-encoded colon' ana@sokolova-sec.eu < /tmp/reply-ana.txt"
            ),
            (
                "reminder",
                {"text": "Request the CVE for GHSA-7q4m-x2vp-3hcw", "when": "2026-12-04T10:00:00+01:00"},
            ),
        ]
    )
    c.r("")
    rem = c.r("Reminder set for Fri 2026-12-04 10:00 (GMT+1): Request the CVE for GHSA-7q4m-x2vp-3hcw")
    c.a("Reply sent to Ana, and a reminder is set for Friday 10:00 to request the CVE.")
    c.u("thanks")
    c.item(
        "fact",
        "Security reports are never discussed in public issues or PRs; they go through a private GitHub security advisory and a temporary private fork.",
        [rule],
        True,
    )
    c.item(
        "fact",
        "The link-scheme XSS affects quillmark >=2.0.0, <2.4.1; the scheme check came with 4d1e7a2 in v2.1.0.",
        [found],
    )
    c.item(
        "outcome",
        "Draft advisory GHSA-7q4m-x2vp-3hcw and private fork quillmark-ghsa-7q4m-x2vp-3hcw were created for the javascript&#58; XSS.",
        [repro, ghsa],
    )
    c.item(
        "outcome",
        "The fix on branch ghsa-fix (decode entities, strip control and whitespace characters before the scheme check) passes 42 sanitizer tests and the full suite after the tab variant failed.",
        [bad, good],
    )
    c.item(
        "decision",
        "The XSS fix is published with quillmark 2.4.1 on 2026-12-09, together with the advisory.",
        [pub],
        True,
    )
    c.item("todo", "Jonas requests the CVE for GHSA-7q4m-x2vp-3hcw on Friday 2026-12-04.", [date_ok, rem])
    c.canaries = ["Harbor-Vell0w!27"]
    c.noise = [
        "good morning.",
        "Morning. Reading it.",
        "Let me confirm it against main before anything else.",
    ]
    return c


def deprecate_de() -> Conv:
    c = C("05-parse-inline-abkuendigen", "2026-12-02T10:15:00", 1, "pi", cwd=REPO)
    c.u(
        "Hallo! Ich will parse_inline() loswerden, das ist seit render_inline() eigentlich doppelt. Wie viele Leute nutzen das noch?"
    )
    c.a(
        "Ich schaue zuerst, wo es im Repo selbst noch vorkommt.",
        tools=[sh("grep -rn 'parse_inline' --include=*.py quillmark tests docs | wc -l")],
    )
    c.r("23")
    c.a(
        tools=[
            sh(
                "curl -s 'https://grep.app/api/search?q=quillmark.parse_inline&filter[lang][0]=Python' | jq '.hits.total'"
            )
        ]
    )
    c.r("112")
    plan = c.a(
        "Intern 23 Stellen, öffentlich etwa 112 Aufrufe auf GitHub. Vorschlag:\n\n"
        "1. In **2.6** eine `DeprecationWarning` in `parse_inline()`, mit Verweis auf `render_inline()`.\n"
        "2. Entfernen in **3.0**.\n3. Die internen 23 Stellen gleich jetzt umstellen.\n\nPasst das?"
    )
    corr = c.u(
        "Fast. Die Warnung kommt schon in 2.5, nicht 2.6 – 2.5 ist das nächste Minor-Release nach 2.4.1. Rest passt."
    )
    c.a(
        "Richtig, 2.5. Dann baue ich die Warnung jetzt ein.",
        tools=[rd(f"{REPO}/quillmark/inline/__init__.py")],
    )
    c.r(
        "from .render import render_inline\n\n\ndef parse_inline(text, **opts):\n"
        '    """Parse inline markup. Prefer render_inline()."""\n    return render_inline(text, **opts)\n'
    )
    c.a(
        tools=[
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/inline/__init__.py",
                    "old_string": "    return render_inline(text, **opts)",
                    "new_string": '    warnings.warn(\n        "parse_inline() is deprecated and will be removed in 3.0; use render_inline()",\n'
                    "        FutureWarning,\n    )\n    return render_inline(text, **opts)",
                },
            )
        ]
    )
    c.r("Successfully replaced text in quillmark/inline/__init__.py.")
    c.a(
        "Warnung eingebaut (als `FutureWarning`, damit Endnutzer sie sehen). Jetzt die Tests.",
        tools=[sh("pytest -q -W error::FutureWarning tests/test_inline.py")],
    )
    c.r(
        "..........E\nERROR tests/test_inline.py - NameError: name 'warnings' is not defined\n1 error in 0.38s",
        exit_code=2,
    )
    c.a("`import warnings` fehlt. Ergänze ich.")
    rule = c.u(
        "Moment. Bei Abkündigungen nehmen wir immer DeprecationWarning mit stacklevel=2, nie FutureWarning. "
        "Die Warnung richtet sich an Entwickler, nicht an Endnutzer. Merk dir das bitte für alle künftigen Abkündigungen."
    )
    c.a(
        "Verstanden: immer `DeprecationWarning`, `stacklevel=2`. Ich stelle es um und ergänze den Import.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/inline/__init__.py",
                    "old_string": "        FutureWarning,\n    )",
                    "new_string": "        DeprecationWarning,\n        stacklevel=2,\n    )",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/inline/__init__.py",
                    "old_string": "from .render import render_inline\n",
                    "new_string": "import warnings\n\nfrom .render import render_inline\n",
                },
            ),
        ],
    )
    c.r("Successfully replaced text in quillmark/inline/__init__.py.")
    c.r("Successfully replaced text in quillmark/inline/__init__.py.")
    c.a(
        "Und die 23 internen Aufrufe auf `render_inline()` umgestellt.",
        tools=[
            sh(
                "sed -i 's/parse_inline(/render_inline(/g' $(grep -rl 'parse_inline(' quillmark tests docs | grep -v inline/__init__.py) && pytest -q -W error::DeprecationWarning"
            )
        ],
    )
    ok = c.r("417 passed in 9.52s")
    c.a(
        "Alle 417 Tests laufen grün, auch mit `-W error::DeprecationWarning`, also ruft intern nichts mehr "
        "`parse_inline()` auf. Soll ich einen Changelog-Eintrag unter `changelog.d/` anlegen?"
    )
    pr_me = c.u("ja, als deprecation-Fragment. Und dann committen, PR mach ich selbst heute Abend.")
    c.a(
        tools=[
            (
                "write",
                {
                    "file_path": f"{REPO}/changelog.d/+parse-inline.deprecation.md",
                    "content": "`parse_inline()` is deprecated; use `render_inline()`. It will be removed in 3.0.\n",
                },
            ),
            sh(
                "git switch -c deprecate-parse-inline && git add -A && git commit -qm 'Deprecate parse_inline() in favour of render_inline()' && git log --oneline -1"
            ),
        ]
    )
    c.r("Successfully wrote 83 bytes to changelog.d/+parse-inline.deprecation.md")
    commit = c.r("b72c4e0 Deprecate parse_inline() in favour of render_inline()")
    c.a("Committed als b72c4e0 auf `deprecate-parse-inline`. Den PR machst du heute Abend.")
    c.u("Danke dir!")
    c.a("Gern!")
    c.item(
        "decision",
        "parse_inline() wird abgekündigt: DeprecationWarning ab 2.5, Entfernung in 3.0; interne Aufrufe sofort auf render_inline() umstellen.",
        [plan, corr],
        True,
    )
    c.item(
        "fact",
        "Abkündigungen immer mit DeprecationWarning und stacklevel=2, nie mit FutureWarning.",
        [rule],
        True,
    )
    c.item(
        "outcome",
        "parse_inline() warnt jetzt; die 23 internen Aufrufe nutzen render_inline(), alle 417 Tests grün, Commit b72c4e0 auf dem Branch deprecate-parse-inline.",
        [ok, commit],
    )
    c.item("todo", "Jonas öffnet heute Abend den PR für den Branch deprecate-parse-inline.", [pr_me])
    c.noise = ["Danke dir!", "Gern!", "Ich schaue zuerst, wo es im Repo selbst noch vorkommt."]
    return c


def flaky_test() -> Conv:
    c = C("06-flaky-watch-reload-test", "2026-12-02T13:30:00", 1, "pi", cwd=REPO)
    c.u(
        "test_watch_reload failed on CI again, third time this week, then passes on rerun. can you hunt it down?"
    )
    c.a(
        "Let me see how often it fails locally.",
        tools=[
            sh("pytest -q tests/test_watch.py::test_watch_reload --count 50 -p no:randomly 2>&1 | tail -3")
        ],
    )
    c.r(
        "ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]\npytest: error: unrecognized arguments: --count",
        exit_code=4,
    )
    c.a(
        "pytest-repeat isn't installed in this venv. Adding it.",
        tools=[
            sh(
                "pip install -q pytest-repeat && pytest -q tests/test_watch.py::test_watch_reload --count 50 -p no:randomly 2>&1 | tail -3"
            )
        ],
    )
    first = c.r(
        "FAILED tests/test_watch.py::test_watch_reload[17-50] - AssertionError: assert 1 == 2\n"
        "FAILED tests/test_watch.py::test_watch_reload[38-50] - AssertionError: assert 1 == 2\n"
        "2 failed, 48 passed in 31.20s",
        exit_code=1,
    )
    c.a("2 of 50 locally. Reading the test.", tools=[rd(f"{REPO}/tests/test_watch.py")])
    c.r(
        "def test_watch_reload(tmp_path):\n    src = tmp_path / 'a.md'\n    src.write_text('# one')\n"
        "    seen = []\n    w = Watcher(tmp_path, on_change=seen.append)\n    w.start()\n"
        "    src.write_text('# two')\n    time.sleep(0.2)\n    assert len(seen) == 2\n    w.stop()\n"
    )
    c.a(
        "The test writes the second version right after `w.start()`, before the watcher has taken its first "
        "snapshot. When the snapshot already sees `# two`, only one change is reported. Plus a fixed 0.2 s sleep. "
        "Let me check whether `Watcher` has a ready signal.",
        tools=[sh("grep -n 'def \\|ready' quillmark/watch.py")],
    )
    c.r(
        "12:class Watcher:\n18:    def __init__(self, root, on_change, interval=0.05):\n31:    def start(self):\n44:    def stop(self):\n52:    def _loop(self):"
    )
    offer = c.a(
        "No ready event. Two ways: a proper fix (add a `ready` `threading.Event` set after the first snapshot, "
        "wait on it in the test, and poll for the change instead of sleeping), or as a quick stopgap mark the test "
        "`@pytest.mark.flaky(reruns=3)` so CI stops going red. I can do the stopgap now and the fix later, if you like."
    )
    no = c.u("no reruns. a rerun marker just hides the next real bug in that code. fix it properly")
    c.a(
        "Okay, the real fix.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/watch.py",
                    "old_string": "        self._snapshot = self._scan()\n",
                    "new_string": "        self._snapshot = self._scan()\n        self.ready.set()\n",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/quillmark/watch.py",
                    "old_string": "        self.interval = interval\n",
                    "new_string": "        self.interval = interval\n        self.ready = threading.Event()\n",
                },
            ),
            (
                "edit",
                {
                    "file_path": f"{REPO}/tests/test_watch.py",
                    "old_string": "    w.start()\n    src.write_text('# two')\n    time.sleep(0.2)\n    assert len(seen) == 2\n",
                    "new_string": "    w.start()\n    assert w.ready.wait(5)\n    src.write_text('# two')\n"
                    "    deadline = time.monotonic() + 5\n    while len(seen) < 2 and time.monotonic() < deadline:\n"
                    "        time.sleep(0.01)\n    assert len(seen) == 2\n",
                },
            ),
        ],
    )
    c.r("Successfully replaced text in quillmark/watch.py.")
    c.r("Successfully replaced text in quillmark/watch.py.")
    c.r("Successfully replaced text in tests/test_watch.py.")
    c.a(
        tools=[
            sh("pytest -q tests/test_watch.py::test_watch_reload --count 50 -p no:randomly 2>&1 | tail -3")
        ]
    )
    c.r(
        "FAILED tests/test_watch.py::test_watch_reload[9-50] - AssertionError: assert 3 == 2\n"
        "1 failed, 49 passed in 6.02s",
        exit_code=1,
    )
    c.a(
        "Now it sometimes sees 3 changes. On ext4 `write_text` truncates and then writes, and with a 50 ms "
        "interval the watcher can catch the empty file in between. The test should check the final content, "
        "not count events.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{REPO}/tests/test_watch.py",
                    "old_string": "    while len(seen) < 2 and time.monotonic() < deadline:\n        time.sleep(0.01)\n    assert len(seen) == 2\n",
                    "new_string": "    while (not seen or seen[-1].text != '# two') and time.monotonic() < deadline:\n"
                    "        time.sleep(0.01)\n    assert seen[-1].text == '# two'\n",
                },
            )
        ],
    )
    c.r("Successfully replaced text in tests/test_watch.py.")
    c.a(
        "Running it 200 times, in batches of 50.",
        tools=[
            sh("pytest -q tests/test_watch.py::test_watch_reload --count 50 -p no:randomly 2>&1 | tail -1")
        ],
    )
    batch_ids = []
    for i, secs in enumerate(("5.81", "5.77", "5.93", "5.70")):
        batch_ids.append(c.r(f"50 passed in {secs}s"))
        if i < 3:
            c.a(
                f"Batch {i + 1} of 4 clean.",
                tools=[
                    sh(
                        "pytest -q tests/test_watch.py::test_watch_reload --count 50 -p no:randomly 2>&1 | tail -1"
                    )
                ],
            )
    c.a(
        "200 of 200. Now the whole suite under xdist, which is how CI runs it.",
        tools=[sh("pytest -q -n 4 2>&1 | tail -2")],
    )
    c.r("bringing up nodes...\n417 passed in 4.10s")
    c.a(
        "Green. Pushing a branch so CI can run it on all three OSes.",
        tools=[
            sh(
                "git switch -c fix-flaky-watch && git commit -qam 'Watcher: ready event; deflake test_watch_reload' && git push -qu origin fix-flaky-watch && gh workflow run tests.yml --ref fix-flaky-watch"
            )
        ],
    )
    c.r("✓ Created workflow_dispatch event for tests.yml at fix-flaky-watch")
    c.a(
        tools=[
            sh(
                "sleep 45 && gh run list --branch fix-flaky-watch --limit 1 --json status,conclusion,databaseId"
            )
        ]
    )
    for _ in range(4):
        c.r('[{"conclusion":"","databaseId":12101554409,"status":"in_progress"}]')
        c.a(
            "In progress.",
            tools=[
                sh(
                    "sleep 60 && gh run list --branch fix-flaky-watch --limit 1 --json status,conclusion,databaseId"
                )
            ],
        )
    c.r('[{"conclusion":"failure","databaseId":12101554409,"status":"completed"}]')
    c.a(tools=[sh("gh run view 12101554409 --json jobs --jq '.jobs[] | [.name, .conclusion] | @tsv'")])
    win = c.r(
        "tests (ubuntu-latest, 3.13)\tsuccess\ntests (macos-latest, 3.13)\tsuccess\n"
        "tests (windows-latest, 3.13)\tfailure\nlint\tsuccess"
    )
    c.a(tools=[sh("gh run view 12101554409 --log-failed | grep -E 'FAILED|Error' | head -3")])
    win_log = c.r(
        "tests (windows-latest, 3.13)\tFAILED tests/test_watch.py::test_watch_reload - PermissionError: [WinError 32] "
        "The process cannot access the file because it is being used by another process: 'a.md'\n"
        "tests (windows-latest, 3.13)\t1 failed, 416 passed in 14.22s"
    )
    c.a(
        "Linux and macOS pass; Windows fails differently now: `PermissionError: [WinError 32]`, the watcher holds "
        "`a.md` open while the test writes it. That looks like a real bug in `Watcher._scan` on Windows (it opens "
        "files without closing them before hashing finishes). I don't have a Windows box here to try a fix. Merge the "
        "Linux/macOS part now and handle Windows separately?"
    )
    thu_ask = c.u(
        "yes, open the PR, but don't merge, I'll look at the windows thing on my laptop on thursday. leave a note in the PR"
    )
    c.a(
        tools=[
            sh(
                "gh pr create --base main --head fix-flaky-watch --title 'Deflake test_watch_reload' --body 'Adds Watcher.ready; test waits for it and checks content. Windows still fails with WinError 32 (see run 12101554409): not for merge yet.'"
            )
        ]
    )
    pr = c.r("https://github.com/quillmark/quillmark/pull/924")
    c.a("PR #924 is open with the note; not merged. Windows is on you for Thursday.")
    c.u("yup")
    c.item(
        "decision",
        "Rejected: marking test_watch_reload with a rerun/flaky marker as a stopgap; the flake gets a proper fix.",
        [offer, no],
        True,
    )
    c.item(
        "outcome",
        "test_watch_reload deflaked on Linux: Watcher got a ready event and the test waits for it and checks the final content; 200 of 200 local runs and the full suite pass.",
        [first, batch_ids[0], batch_ids[-1]],
    )
    c.item(
        "outcome",
        "On windows-latest test_watch_reload still fails with PermissionError [WinError 32] (run 12101554409), likely Watcher._scan holding a.md open.",
        [win, win_log],
        True,
    )
    c.item(
        "outcome",
        "PR #924 (fix-flaky-watch) is open and must not be merged until the Windows failure is fixed.",
        [pr],
    )
    c.item(
        "todo",
        "Jonas looks at the Windows failure of PR #924 on his laptop on Thursday (2026-12-03).",
        [thu_ask],
    )
    c.noise = ["Let me see how often it fails locally.", "In progress.", "Reading the test."]
    return c


def contributor_es() -> Conv:
    c = C("07-pregunta-de-contribuidora-plugins", "2026-12-02T16:40:00", 1, "control-ui", cwd=REPO)
    c.u(
        "hola! Lucía (lrios) me pregunta en Discussions cómo se registra un plugin de quillmark desde otro paquete. ¿Lo tenemos documentado en algún sitio?"
    )
    c.a(
        "Voy a buscarlo en la documentación y en el código.",
        tools=[sh("grep -rn 'entry_points\\|entry-points' docs quillmark | head -5")],
    )
    c.r(
        'quillmark/plugins.py:14:    eps = entry_points(group="quillmark.plugins")\nquillmark/plugins.py:22:def load_plugins(names=None):'
    )
    c.a(
        tools=[
            sh(
                "curl -s -o /dev/null -w '%{http_code}' https://quillmark.readthedocs.io/en/stable/plugins.html"
            )
        ]
    )
    c.r("404")
    found = c.a(
        "No está documentado: la página `plugins.html` no existe (404). En el código, `quillmark/plugins.py` busca "
        "los plugins en el grupo de entry points **`quillmark.plugins`**, y `load_plugins(names=None)` carga solo los "
        "nombres que se le pasan. Un paquete externo declara en su `pyproject.toml`:\n\n"
        '```toml\n[project.entry-points."quillmark.plugins"]\ntablas = "quillmark_tablas:plugin"\n```'
    )
    relay = c.u(
        "perfecto, eso le contesto. Ella además propone que load_plugins() cargue por defecto todos los plugins instalados, sin lista. ¿Qué opinas?"
    )
    c.a(
        "Cómodo, pero arriesgado: instalar cualquier paquete cambiaría cómo se renderiza el Markdown en todas las "
        "aplicaciones del entorno, sin que nadie lo active. Para una librería que sanea HTML, yo mantendría la "
        "activación explícita."
    )
    rej = c.u(
        "estoy de acuerdo. No, los plugins se activan siempre de forma explícita. Se lo digo con cariño, que la idea no es mala."
    )
    c.a("¿Quieres que te prepare la respuesta para Discussions?")
    c.u("sí, en inglés, que la discusión está en inglés")
    c.a(
        "Borrador:\n\n> Hi Lucía! Plugins register through the `quillmark.plugins` entry point group (see the snippet). "
        "`load_plugins()` only loads the names you pass: we'd like to keep activation explicit, because an installed "
        "package should never change rendering silently. Docs for this are missing, would you like to write them?"
    )
    c.u("mándalo tal cual")
    c.a(
        tools=[
            sh(
                'gh api graphql -f query=\'mutation { addDiscussionComment(input: {discussionId: "D_kwDOJ8m2Ls4AbX7q", body: "$(cat /tmp/reply-lucia.md)"}) { comment { url } } }\''
            )
        ]
    )
    forb = c.r('{"errors":[{"type":"FORBIDDEN","message":"Resource not accessible by integration"}]}')
    c.a(
        "GitHub respondió sin error de salida pero con `FORBIDDEN`: el token de la integración no puede escribir en "
        "Discussions. Lo intento con tu sesión de `gh`.",
        tools=[
            sh(
                'gh auth switch -u jferreira && gh api graphql -f query=\'mutation { addDiscussionComment(input: {discussionId: "D_kwDOJ8m2Ls4AbX7q", body: "$(cat /tmp/reply-lucia.md)"}) { comment { url } } }\''
            )
        ],
    )
    sent = c.r(
        '{"data":{"addDiscussionComment":{"comment":{"url":"https://github.com/quillmark/quillmark/discussions/915#discussioncomment-11482201"}}}}'
    )
    c.a("Publicado en la discusión #915.")
    todo = c.u(
        "genial. Ya me ha contestado: Lucía escribe la guía de plugins y abre el PR antes del lunes 7 de diciembre. "
        "Ah, y preguntó si los hooks pueden ser async. Eso no lo sé todavía, lo pensaré con calma otro día."
    )
    c.a("Apuntado: la guía es de Lucía, con PR antes del lunes 7. Lo de los hooks async queda pendiente.")
    c.u("gracias!")
    c.item(
        "fact",
        "Los plugins de quillmark se registran con el grupo de entry points quillmark.plugins (quillmark/plugins.py); load_plugins() solo carga los nombres indicados; no había página de documentación (plugins.html da 404).",
        [found],
    )
    c.item(
        "decision",
        "Rechazado: la propuesta de Lucía de que load_plugins() cargue por defecto todos los plugins instalados; los plugins se activan siempre de forma explícita.",
        [relay, rej],
        True,
    )
    c.item(
        "outcome",
        "La respuesta a Lucía se publicó en la discusión #915 tras un FORBIDDEN con el token de la integración.",
        [forb, sent],
    )
    c.item("todo", "Lucía escribe la guía de plugins y abre el PR antes del lunes 7 de diciembre.", [todo])
    c.item(
        "open_question",
        "¿Pueden los hooks de plugins ser async? Pendiente, Jonas lo pensará otro día.",
        [todo],
    )
    c.noise = ["Voy a buscarlo en la documentación y en el código.", "mándalo tal cual", "gracias!"]
    return c


def smalltalk() -> Conv:
    c = C("08-pycon-hallway-chat", "2026-12-02T21:10:00", 1, "control-ui", cwd=HOME)
    c.u("evening! no work tonight, promise. did you see the PyCon DE talk list came out?")
    c.a("Evening! I haven't seen it unless you show me. Anything good on it?")
    c.u(
        "there's one on Markdown parsers with a benchmark where quillmark is 'the slow one' lol. kind of fair tbh"
    )
    c.a(
        "Ha, being the slow one next to the C-backed parsers is almost a compliment for pure Python. Are you going to go watch it?"
    )
    c.u(
        "maybe, if I go at all. Darmstadt in April is nice, but I'm not sure I have the energy for a conference"
    )
    c.a(
        "Understandable. Conferences are fun for two days and then you need a week. Would you go just for the sprints?"
    )
    c.u(
        "the sprints are the best part honestly. last year someone fixed a bug I had open for two years in one afternoon"
    )
    c.a("That's the magic of sprints: fresh eyes and no notifications. What was the bug?")
    c.u(
        "tables inside blockquotes. don't ask. anyway, what's a good tea for late evening that isn't chamomile? I hate chamomile"
    )
    c.a(
        "Rooibos is caffeine-free and tastes nothing like chamomile. Lemon balm or a peppermint blend would work too."
    )
    c.u("rooibos it is. thanks, good night")
    c.a("Good night, Jonas. Enjoy the tea.")
    c.noise = [
        "evening! no work tonight, promise.",
        "Darmstadt in April is nice",
        "the sprints are the best part honestly",
        "what's a good tea for late evening",
        "Rooibos is caffeine-free",
        "rooibos it is. thanks, good night",
    ]
    return c


def docs_host() -> Conv:
    c = C("09-docs-move-to-new-host", "2026-12-03T08:30:00", 1, "pi", cwd=REPO)
    c.u(
        "RTD builds keep timing out on the API pages, and I'm tired of the ads. I want the docs on docs.quillmark.dev. "
        "Where should they live?"
    )
    opts = c.a(
        "Two realistic options for a static Sphinx site:\n\n"
        "1. **Cloudflare Pages**: free tier has unlimited bandwidth and 500 builds/month; we'd build in GitHub "
        "Actions and upload with `wrangler pages deploy`.\n"
        "2. **Netlify**: free tier caps bandwidth at 100 GB/month and build minutes at 300; paid starts at $19/month "
        "per member.\n\nBoth do custom domains and redirects."
    )
    pick = c.u("the cheaper one, obviously. we have zero budget")
    c.a("Cloudflare Pages, then. What should happen to the Read the Docs project?")
    rtd1 = c.u("keep RTD running as a mirror for now, people have bookmarks")
    c.a("Okay, RTD stays up as a mirror. Building the docs first.", tools=[sh("tox -e docs")])
    c.r(
        "docs: commands[0]> sphinx-build -W -b html docs docs/_build/html\nRunning Sphinx v8.1.3\n"
        "building [html]: targets for 41 source files that are out of date\n"
        "build succeeded.\n\nThe HTML pages are in docs/_build/html.\n  docs: OK (21.40 seconds)"
    )
    c.a(
        "Deploying a first version to Pages.",
        tools=[
            sh(
                "CLOUDFLARE_API_TOKEN=cf_7HkQ2vZ9pWmX4tRb8LnY1sJe6DaU3oGc0FiV npx wrangler pages deploy docs/_build/html --project-name quillmark-docs"
            )
        ],
    )
    c.r(
        "✨ Success! Uploaded 312 files (4.12 sec)\n✨ Deployment complete! Take a peek over at https://8c1f2e7a.quillmark-docs.pages.dev"
    )
    c.a(
        tools=[
            sh(
                "curl -s -o /dev/null -w '%{http_code}\\n' https://8c1f2e7a.quillmark-docs.pages.dev/ && curl -s https://8c1f2e7a.quillmark-docs.pages.dev/api/ | head -c 200"
            )
        ]
    )
    silent = c.r(
        "200\n<!DOCTYPE html><html><head><title>404: Not Found</title></head><body><h1>Not found</h1><p>The page /api/ does not exist."
    )
    c.a(
        "The home page answers 200, but `/api/` serves a page titled `404: Not Found` with status 200. The API pages "
        "are under `api/index.html`? Checking the build output.",
        tools=[sh("ls docs/_build/html | head; ls docs/_build/html/reference | head -3")],
    )
    c.r(
        "_static\ngenindex.html\nindex.html\nreference\nsearch.html\nchangelog.html\n\nindex.html\nrender.html\nplugins.html"
    )
    c.a(
        "The API lives at `/reference/`, not `/api/`: on RTD an old redirect mapped `/api/` there. Pages reads a "
        "`_redirects` file, so I'll add one.",
        tools=[
            (
                "write",
                {
                    "file_path": f"{REPO}/docs/_extra/_redirects",
                    "content": "/api/* /reference/:splat 301\n/en/stable/* /:splat 301\n/en/latest/* /:splat 301\n",
                },
            )
        ],
    )
    c.r("Successfully wrote 79 bytes to docs/_extra/_redirects")
    c.a(
        tools=[
            sh(
                "tox -e docs -q && CLOUDFLARE_API_TOKEN=cf_7HkQ2vZ9pWmX4tRb8LnY1sJe6DaU3oGc0FiV npx wrangler pages deploy docs/_build/html --project-name quillmark-docs --branch main && curl -sI https://quillmark-docs.pages.dev/api/render.html | head -2"
            )
        ]
    )
    fixed = c.r(
        "✨ Deployment complete! Take a peek over at https://quillmark-docs.pages.dev\nHTTP/2 301\nlocation: /reference/render.html"
    )
    c.a(
        "`/api/render.html` now redirects 301 to `/reference/render.html`. Next step is the domain: who manages DNS for quillmark.dev?"
    )
    dns = c.u(
        "Marek does, he's got the Cloudflare account for the domain. I'll ask him for the CNAME to docs.quillmark.dev"
    )
    c.a("Okay. Once the CNAME is there, I'd check https and the redirects on the real domain.")
    rev = c.u(
        "actually, thinking about it again: don't keep RTD as a mirror. two copies will drift and people will read "
        "old docs. RTD should only redirect to docs.quillmark.dev"
    )
    ack = c.a(
        "Makes sense, one source of truth. I'll switch the RTD project to redirects only.",
        tools=[
            sh(
                "curl -s -X PATCH -H 'Authorization: Token rtd_5bN8qW2xZkL9mV4cT7yH1pD3' -H 'Content-Type: application/json' -d '{\"default_branch\":null,\"active\":false}' https://readthedocs.org/api/v3/projects/quillmark/ -w '%{http_code}'"
            )
        ],
    )
    c.r("204")
    c.a(
        tools=[
            sh(
                'curl -s -X POST -H \'Authorization: Token rtd_5bN8qW2xZkL9mV4cT7yH1pD3\' -H \'Content-Type: application/json\' -d \'{"from_url":"/$rest","to_url":"https://docs.quillmark.dev/:splat","type":"exact"}\' https://readthedocs.org/api/v3/projects/quillmark/redirects/ -w \'\\n%{http_code}\''
            )
        ]
    )
    c.r('{"pk":88213,"type":"exact","from_url":"/$rest","to_url":"https://docs.quillmark.dev/:splat"}\n201')
    c.a(
        "Redirect created. Testing a few old URLs.",
        tools=[
            sh(
                'for u in / /en/stable/ /en/stable/reference/render.html /en/stable/api/; do curl -s -o /dev/null -w "$u %{http_code} %{redirect_url}\\n" https://quillmark.readthedocs.io$u; done'
            )
        ],
    )
    bad = c.r(
        "/ 302 https://docs.quillmark.dev/\n/en/stable/ 302 https://docs.quillmark.dev/en/stable/\n"
        "/en/stable/reference/render.html 302 https://docs.quillmark.dev/en/stable/reference/render.html\n"
        "/en/stable/api/ 500 "
    )
    c.a(
        "Three of four redirect (302, and our `_redirects` strips `/en/stable/` once the domain is live). But "
        "`/en/stable/api/` returns **500** from RTD itself, with no redirect. That is on their side; maybe the old "
        "`/api/` page redirect in the RTD project conflicts with the new rule. I can't see the RTD redirect list "
        "with this token's scope. Shall I open a ticket with RTD, or will you look in the dashboard?"
    )
    later = c.u("I'll look at the dashboard tonight. not now")
    c.a(
        "Okay. Summary: docs deploy to Cloudflare Pages (`quillmark-docs`), `_redirects` maps `/api/` and `/en/*`, RTD is redirect-only, and `/en/stable/api/` still gives 500 on RTD."
    )
    c.item(
        "decision",
        "Docs hosting: Cloudflare Pages (project quillmark-docs, deployed with wrangler), chosen as the cheaper option.",
        [opts, pick],
        True,
    )
    c.item("decision", "Read the Docs: only redirects to docs.quillmark.dev.", [rtd1, rev, ack], True)
    c.item(
        "fact", "DNS for quillmark.dev is managed by Marek, who has the domain's Cloudflare account.", [dns]
    )
    c.item("todo", "Jonas asks Marek for the CNAME for docs.quillmark.dev.", [dns])
    c.item(
        "outcome",
        "Pages served /api/ as a 200 page titled '404: Not Found'; docs/_extra/_redirects now sends /api/* to /reference/ (301 checked).",
        [silent, fixed],
    )
    c.item(
        "outcome",
        "https://quillmark.readthedocs.io/en/stable/api/ returns 500 from RTD instead of redirecting; Jonas will check the RTD dashboard tonight.",
        [bad, later],
        True,
    )
    c.canaries = ["cf_7HkQ2vZ9pWmX4tRb8LnY1sJe6DaU3oGc0FiV", "rtd_5bN8qW2xZkL9mV4cT7yH1pD3"]
    c.noise = ["Building the docs first.", "Testing a few old URLs.", "we have zero budget"]
    return c


def triage() -> Conv:
    c = C("10-issue-triage-morning", "2026-12-03T09:40:00", 1, "control-ui", cwd=REPO)
    c.u("triage time. what's new and unlabelled?")
    c.a(tools=[sh("gh issue list --label '' --search 'no:label' --json number,title,author --limit 10")])
    c.r(
        '[{"author":{"login":"mhoffmann"},"number":905,"title":"Render admonitions (!!! note) like MkDocs"},'
        '{"author":{"login":"d-okafor"},"number":904,"title":"Crash on empty table header row"},'
        '{"author":{"login":"quietfox"},"number":903,"title":"Nested emphasis inside links is lost"},'
        '{"author":{"login":"rk-dev"},"number":901,"title":"Please add a C extension for speed"}]'
    )
    c.a(
        "Four unlabelled:\n\n- #905 admonitions like MkDocs: looks like a missing feature, but the reporter calls it "
        "a bug because our docs mention `!!!`. I'd label it `bug`.\n- #904 crash on an empty table header row: `bug`, "
        "I'll try to reproduce.\n- #903 nested emphasis in links: I think it's a duplicate of #870.\n- #901 C extension for speed."
    )
    lbl1 = c.u(
        "ok label 905 as bug for now. and 903 isn't a dup of 870, 870 is about images. it's a dup of #887"
    )
    c.a(
        "Right, #887. Let me check 904 first.",
        tools=[sh("python -c \"import quillmark; print(quillmark.render('| |\\n|---|\\n| a |'))\"")],
    )
    repro = c.r(
        'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n'
        '  File "/home/jonas/src/quillmark/quillmark/blocks/table.py", line 88, in parse_header\n'
        "    width = max(len(c) for c in cells)\nValueError: max() arg is an empty sequence",
        exit_code=1,
    )
    c.a(
        "Reproduced: `ValueError: max() arg is an empty sequence` in `blocks/table.py:88`. Labelling.",
        tools=[sh("gh issue edit 904 --add-label bug,confirmed && gh issue edit 905 --add-label bug")],
    )
    lab904 = c.r(
        "https://github.com/quillmark/quillmark/issues/904\nhttps://github.com/quillmark/quillmark/issues/905"
    )
    c.a("Closing #903 as a duplicate of #887.", tools=[sh("gh issue close 903 --reason 'not planned'")])
    c.r("✓ Closed issue quillmark/quillmark#903 (Nested emphasis inside links is lost)")
    rule = c.u(
        "hm, you closed it without a word. never close an issue without a comment that says why and links the "
        "other issue or the doc. people feel ignored otherwise. add one to 903 now"
    )
    c.a(
        "You're right, sorry. Adding the comment.",
        tools=[
            sh(
                "gh issue comment 903 --body 'Thanks for the report! This is the same bug as #887, so let us track it there. Closing as a duplicate.'"
            )
        ],
    )
    c.r("https://github.com/quillmark/quillmark/issues/903#issuecomment-2511840937")
    c.a("Done. And #901, the C extension request?")
    wont = c.u(
        "wontfix. quillmark stays pure Python, that's the point of it. close it with a friendly comment pointing to "
        "the FAQ entry on speed"
    )
    c.a(
        tools=[
            sh(
                "gh issue comment 901 --body-file /tmp/c901.md && gh issue edit 901 --add-label wontfix && gh issue close 901 --reason 'not planned'"
            )
        ]
    )
    c.r(
        "https://github.com/quillmark/quillmark/issues/901#issuecomment-2511843310\n"
        "could not add label: 'wontfix' not found",
        exit_code=1,
    )
    c.a(
        "The comment is posted, but the `wontfix` label doesn't exist in this repo. Creating it and retrying.",
        tools=[
            sh(
                "gh label create wontfix --color ffffff --description 'Will not be worked on' && gh issue edit 901 --add-label wontfix && gh issue close 901 --reason 'not planned'"
            )
        ],
    )
    closed = c.r(
        '✓ Label "wontfix" created in quillmark/quillmark\nhttps://github.com/quillmark/quillmark/issues/901\n✓ Closed issue quillmark/quillmark#901 (Please add a C extension for speed)'
    )
    c.a("#901 is closed with the comment and the new `wontfix` label.")
    mem = c.u(
        "good. btw, remember that Priya is the release manager for the 2.x line from now on, so backports go through her"
    )
    c.a("Noted: Priya manages 2.x releases, backports go through her.")
    c.u("how's the weather in your datacenter lol")
    c.a("Perfectly climate-controlled, as always. Anything else in the queue?")
    rev = c.u(
        "yes, 905 again. I read it properly: that's not a bug, it's a feature request. relabel it as enhancement"
    )
    c.a(tools=[sh("gh issue edit 905 --remove-label bug --add-label enhancement")])
    ack = c.r("https://github.com/quillmark/quillmark/issues/905")
    c.a("#905 is now `enhancement` instead of `bug`.")
    c.item(
        "decision", "Issue #905 (admonitions like MkDocs) is labelled enhancement.", [lbl1, rev, ack], True
    )
    c.item(
        "fact",
        "#903 is a duplicate of #887 (#870 is about images); #903 was closed with a comment pointing to #887.",
        [lbl1],
        True,
    )
    c.item(
        "fact",
        "Never close an issue without a comment that says why and links the other issue or doc.",
        [rule],
        True,
    )
    c.item(
        "decision",
        "#901 (C extension for speed) closed as wontfix: quillmark stays pure Python.",
        [wont, closed],
        True,
    )
    c.item("fact", "Priya is the release manager for the 2.x line; backports go through her.", [mem], True)
    c.item(
        "outcome",
        "#904 reproduced (ValueError: max() arg is an empty sequence in quillmark/blocks/table.py:88) and labelled bug, confirmed.",
        [repro, lab904],
    )
    c.noise = ["triage time.", "how's the weather in your datacenter", "Perfectly climate-controlled"]
    return c


def big_pr_de() -> Conv:
    c = C("11-grosser-pr-review-tabellen", "2026-12-03T11:05:00", 1, "control-ui", cwd=REPO)
    c.u(
        "Servus. Kannst du dir #847 anschauen? Der Tabellen-PR, riesig. Ich hab keine Kraft, 3000 Zeilen am Stück zu lesen."
    )
    c.a(
        "Klar. Erst mal die Eckdaten.",
        tools=[
            sh(
                "gh pr view 847 --json author,additions,deletions,changedFiles,commits --jq '{author: .author.login, additions, deletions, changedFiles, commits: (.commits|length)}'"
            )
        ],
    )
    c.r('{"additions":2871,"author":"svenja-k","changedFiles":34,"commits":41,"deletions":412}')
    c.a(tools=[sh("gh pr diff 847 --name-only | sed 's|/[^/]*$||' | sort | uniq -c | sort -rn")])
    c.r(
        "     11 quillmark/blocks/table\n      9 tests/tables\n      6 docs/extensions\n      4 quillmark/inline\n      3 benchmarks\n      1 quillmark"
    )
    c.a(tools=[sh("gh pr checkout 847 && pytest -q tests/tables 2>&1 | tail -4")])
    fail = c.r(
        "FAILED tests/tables/test_colspan.py::test_colspan_with_alignment - assert '<td colspan=\"2\">' in ...\n"
        "FAILED tests/tables/test_colspan.py::test_colspan_escaped_pipe - IndexError: list index out of range\n"
        "2 failed, 186 passed in 3.02s",
        exit_code=1,
    )
    offer = c.a(
        "Überblick zu #847 von Tobias:\n\n- 2871 Zeilen dazu, 34 Dateien, 41 Commits.\n- Drei Themen in einem PR: "
        "(a) neuer Tabellen-Parser mit colspan, (b) Änderungen am Inline-Parser für escapte Pipes, (c) Benchmarks und Doku.\n"
        "- Lokal schlagen 2 von 188 Tabellen-Tests fehl, beide im colspan-Teil.\n\nMein Vorschlag: den PR in drei "
        "aufteilen, (b) zuerst, weil (a) darauf aufbaut, dann (a), dann (c). So lässt sich jeder Teil in einer Sitzung reviewen."
    )
    corr = c.u(
        "passt, so machen wir's. Aber der PR ist nicht von Tobias, der ist von Svenja (svenja-k). Tobias macht die Listen."
    )
    c.a("Entschuldige, Svenja. Soll ich ihr den Vorschlag als Kommentar schreiben?")
    c.u("Ja, freundlich, und sag ihr, dass wir ihre Arbeit sehr schätzen. Die Tests bitte auch erwähnen.")
    c.a(
        tools=[
            sh(
                "gh pr comment 847 --body 'Hi Svenja, thank you for this, the colspan support is something people have asked "
                "for since 2024! It is too big to review in one go, though. Could you split it into three PRs: (1) the "
                "escaped-pipe changes in quillmark/inline, (2) the table parser on top of it, (3) benchmarks and docs? Also, "
                "tests/tables/test_colspan.py has two failures locally (test_colspan_with_alignment, test_colspan_escaped_pipe).'"
            )
        ]
    )
    c.r("https://github.com/quillmark/quillmark/pull/847#issuecomment-2512007715")
    c.a("Kommentar ist drin.")
    c.u("Danke. Was kostet das Ding eigentlich an Performance? Die Benchmarks sind ja dabei.")
    c.a(tools=[sh("python benchmarks/run.py --compare main 2>&1 | tail -4")])
    c.r(
        "benchmark            main      pr-847    change\nparse_readme        11.2ms    11.5ms    +2.7%\n"
        "parse_tables_big    48.0ms    61.9ms   +29.0%\nWARNING: 1 benchmark regressed by more than 10%"
    )
    perf = c.a(
        "Bei normalen Dokumenten kaum Unterschied (+2.7 %), aber `parse_tables_big` ist 29 % langsamer. Das sollte "
        "vor dem Merge von Teil (2) geklärt sein."
    )
    c.u(
        "Ok. Und die grundsätzliche Frage, ob colspan überhaupt in den Core gehört oder lieber als Plugin – das weiß ich "
        "ehrlich gesagt noch nicht. Das bespreche ich später mit Priya."
    )
    q = c.lines[-1]["id"]
    c.a("Alles klar, die Core-oder-Plugin-Frage bleibt offen, bis du mit Priya gesprochen hast.")
    todo = c.u("Svenja hat im Chat schon geantwortet: sie teilt den PR bis Freitag, 11. Dezember, auf.")
    c.a("Super, dann warten wir auf die drei neuen PRs bis zum 11.")
    c.u("Tschüss!")
    c.item(
        "decision",
        "PR #847 wird in drei PRs aufgeteilt: erst die escapten Pipes in quillmark/inline, dann der Tabellen-Parser, dann Benchmarks und Doku.",
        [offer, corr],
        True,
    )
    c.item(
        "fact",
        "PR #847 (Tabellen, colspan) ist von Svenja (svenja-k); Tobias macht die Listen.",
        [corr],
        True,
    )
    c.item(
        "outcome",
        "Auf dem Branch von #847 schlagen 2 von 188 Tabellen-Tests fehl: test_colspan_with_alignment und test_colspan_escaped_pipe.",
        [fail],
        True,
    )
    c.item(
        "outcome",
        "#847 macht den Benchmark parse_tables_big 29 % langsamer (48.0ms -> 61.9ms); parse_readme +2.7 %.",
        [perf],
    )
    c.item(
        "open_question",
        "Gehört colspan in den Core oder in ein Plugin? Offen, Jonas bespricht es später mit Priya.",
        [q],
    )
    c.item("todo", "Svenja teilt PR #847 bis Freitag, 11. Dezember, auf.", [todo])
    c.noise = ["Servus.", "Erst mal die Eckdaten.", "Kommentar ist drin.", "Tschüss!"]
    return c


def typing_pep561() -> Conv:
    c = C("12-ship-type-hints-py-typed", "2026-12-03T15:20:00", 1, "pi", cwd=REPO)
    c.u("someone asked on mastodon why mypy says quillmark has no type hints. we do have hints, right?")
    c.a(
        "We do in most modules. Let me check whether the wheel marks them.",
        tools=[
            sh(
                "unzip -l dist/quillmark-2.4.0-py3-none-any.whl | grep -c '\\.py$'; unzip -l dist/quillmark-2.4.0-py3-none-any.whl | grep py.typed"
            )
        ],
    )
    c.r("46", exit_code=1)
    c.a(
        "46 modules in the 2.4.0 wheel and no `py.typed`, so mypy treats the package as untyped (PEP 561). Let me see "
        "how complete the hints are.",
        tools=[sh("mypy --strict quillmark 2>&1 | tail -2")],
    )
    c.r(
        "quillmark/plugins.py:22: error: Function is missing a return type annotation  [no-untyped-def]\nFound 7 errors in 3 files (checked 46 source files)",
        exit_code=1,
    )
    c.a(
        "Checking the test extras install too, since a typing CI job would need them.",
        tools=[sh("pip install -q -e '.[test,typing]' 2>&1 | tail -3; echo exit=$?")],
    )
    pip_warn = c.r(
        "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed. "
        "This behaviour is the source of the following dependency conflicts.\n"
        "types-docutils 0.21.0.20241005 requires docutils<0.22, but you have docutils 0.22.1 which is incompatible.\nexit=0"
    )
    offer = c.a(
        "Report:\n\n- The hints exist, but there is no `py.typed` marker, so downstream type checkers ignore them.\n"
        "- `mypy --strict quillmark` finds 7 errors in 3 files (`plugins.py` among them), small ones.\n"
        "- Installing the `typing` extra exits 0 but pip reports a conflict: `types-docutils` wants `docutils<0.22` and "
        "we have 0.22.1.\n\nI can add `py.typed`, fix the 7 errors and add a `mypy --strict` job to CI, all in one PR. Want that?"
    )
    ok = c.u("sure")
    c.a(
        tools=[
            ("write", {"file_path": f"{REPO}/quillmark/py.typed", "content": ""}),
            sh("git switch -c py-typed && mypy --strict quillmark 2>&1 | tail -1"),
        ]
    )
    c.r("Successfully wrote 0 bytes to quillmark/py.typed")
    c.r("Found 7 errors in 3 files (checked 46 source files)", exit_code=1)
    c.a(
        "Fixed the 7 annotations.",
        tools=[
            sh(
                "mypy --strict quillmark && python -m build -q && unzip -l dist/quillmark-2.4.1.dev3-py3-none-any.whl | grep py.typed"
            )
        ],
    )
    typed = c.r(
        "Success: no issues found in 46 source files\n        0  2026-12-03 15:31   quillmark/py.typed"
    )
    c.a(
        "mypy is clean and the wheel now contains `quillmark/py.typed`. For the CI job I need the Codecov settings from the old workflow; reading `.github/ci.env`.",
        tools=[rd(f"{REPO}/.github/ci.env")],
    )
    c.rerr(f"ENOENT: no such file or directory, open '{REPO}/.github/ci.env'")
    c.a("Not there. It is probably the ignored `.env.ci` at the top level.", tools=[rd(f"{REPO}/.env.ci")])
    c.r(
        "# CI secrets mirror, do not commit\nCODECOV_TOKEN=4f2b9c1e-8d7a-4b3e-9a60-c51d2e8f7b93\nPYTHONWARNINGS=error::DeprecationWarning\n"
    )
    c.a(
        "That file has the Codecov token in plain text; it's listed in `.gitignore`, good. The typing job doesn't need "
        "it anyway. Adding the job.",
        tools=[
            (
                "edit",
                {
                    "file_path": f"{REPO}/.github/workflows/tests.yml",
                    "old_string": "  lint:\n",
                    "new_string": "  typing:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                    "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.13'\n"
                    "      - run: pip install -e '.[typing]' && mypy --strict quillmark\n  lint:\n",
                },
            )
        ],
    )
    c.r("Successfully replaced text in .github/workflows/tests.yml.")
    c.a(
        "Lint first, as agreed.",
        tools=[
            sh(
                "tox -e lint -q && git add -A && git commit -qm 'Ship py.typed; mypy --strict clean; typing CI job' && git push -qu origin py-typed && gh pr create --fill"
            )
        ],
    )
    pr = c.r(
        "  lint: OK (1.31 seconds)\n  congratulations :) (1.40 seconds)\nhttps://github.com/quillmark/quillmark/pull/926"
    )
    c.a("PR #926 is open. The docutils conflict is still there; I haven't touched it.")
    pref = c.u(
        "fine. I'd rather squash-merge these small PRs, keeps the history readable. I'll merge it later myself"
    )
    c.a("Okay, squash for small PRs, and you merge #926.")
    blog = c.u("and I'll write a short blog post about typed quillmark for the release, by the 10th")
    c.a("Noted: your blog post on typing, by 10 December.")
    c.item(
        "decision",
        "quillmark ships type hints: add quillmark/py.typed, fix the 7 mypy --strict errors, add a mypy --strict typing job to CI, in one PR.",
        [offer, ok],
        True,
    )
    c.item(
        "outcome",
        "PR #926 (py-typed) is open: mypy --strict is clean on 46 files and the wheel contains quillmark/py.typed.",
        [typed, pr],
    )
    c.item(
        "outcome",
        "Installing the typing extra exits 0 but pip reports a conflict: types-docutils requires docutils<0.22 while docutils 0.22.1 is installed; not fixed.",
        [pip_warn],
        True,
    )
    c.item("fact", "Jonas prefers squash-merging small PRs to keep the history readable.", [pref])
    c.item(
        "todo", "Jonas writes a short blog post about typed quillmark for the release by 2026-12-10.", [blog]
    )
    c.canaries = ["4f2b9c1e-8d7a-4b3e-9a60-c51d2e8f7b93"]
    c.noise = ["Lint first, as agreed.", "Fixed the 7 annotations."]
    return c


CONVS = [
    ci_py313,
    release_240,
    breaking_change,
    security_report,
    deprecate_de,
    flaky_test,
    contributor_es,
    smalltalk,
    docs_host,
    triage,
    big_pr_de,
    typing_pep561,
]

if __name__ == "__main__":
    main(CONVS, Path(__file__).resolve().parent)
