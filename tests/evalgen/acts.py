"""Small building blocks the families of both splits share (secrets, tool outputs, steps)."""

from __future__ import annotations

import random
import string

from .core import Ctx

_B62 = string.ascii_letters + string.digits


def token(rng: random.Random, prefix: str, n: int) -> str:
    return prefix + "".join(rng.choice(_B62) for _ in range(n))


def password(rng: random.Random) -> str:
    """A human-made looking password: word, digits, symbol, word."""
    words = ("Falcon", "winter", "Ostsee", "tortuga", "Quark", "lumen", "Piano", "sardina", "Kobold", "marea")
    return f"{rng.choice(words)}{rng.randint(10, 99)}{rng.choice('!#%&*+-')}{rng.choice(words).lower()}{rng.randint(1, 9)}"


def app_password(rng: random.Random) -> str:
    """Four space-separated groups of four lower-case letters (Google/Apple style)."""
    return " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(4)) for _ in range(4))


def pytest_fail(rng: random.Random, test: str, n: int) -> str:
    failed = rng.randint(1, 3)
    dots = "." * rng.randint(20, 60)
    return (
        f"{dots}F{'.' * rng.randint(3, 12)}\n"
        f"=================================== FAILURES ===================================\n"
        f"_____ {test.rsplit('::', maxsplit=1)[-1]} _____\n\n"
        f">       assert result == expected\n"
        f"E       AssertionError: assert {rng.randint(100, 999)} == {rng.randint(100, 999)}\n\n"
        f"=========================== short test summary info ============================\n"
        f"FAILED {test}\n"
        f"{failed} failed, {n - failed} passed in {rng.uniform(0.8, 9.5):.2f}s"
    )


def pytest_pass(rng: random.Random, n: int) -> str:
    return f"{'.' * min(n, 70)}\n{n} passed in {rng.uniform(0.8, 9.5):.2f}s"


def steps_block(commands: list[str] | tuple[str, ...]) -> tuple[str, str]:
    """(numbered Markdown list, the gold's ``; ``-joined form)."""
    listing = "\n".join(f"{i}. `{c}`" for i, c in enumerate(commands, 1))
    return listing, "; ".join(f"`{c}`" for c in commands)


def clock(c: Ctx) -> str:
    return f"{c.rng.randint(8, 21):02d}:{c.rng.randint(0, 59):02d}"
