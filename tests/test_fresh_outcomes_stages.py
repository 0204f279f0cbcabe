"""One artefact taken a stage further by the same tool is one outcome (conversations built here)."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


def _release(c: Conv, first: str, second: str) -> tuple[str, str]:
    c.user(f"Sube la versión {first} de la app al canal beta.")
    up = c.run(f"appctl subir --version {first} --canal beta", f"versión {first} subida al canal beta")
    c.say(f"La {first} está en beta.")
    c.user(f"Perfecto. Ahora pasa la {second} a estable para el 10 % de usuarios.")
    promo = c.run(
        f"appctl promover --version {second} --canal estable --fraccion 0.1",
        f"versión {second} promovida a estable (10 %)",
    )
    c.say(f"Hecho: la {second} está en estable para el 10 % de usuarios.")
    return up, promo


def test_upload_then_promotion_of_the_same_version_is_one_outcome() -> None:
    c = Conv()
    up, promo = _release(c, "2.4.1", "2.4.1")
    (out,) = outcomes(c.items())
    assert {up, promo} <= set(out.entry_ids)
    assert "beta" in out.text and "estable" in out.text


def test_another_version_is_another_outcome() -> None:
    c = Conv()
    up, promo = _release(c, "2.4.1", "2.3.9")
    got = outcomes(c.items())
    assert len(got) == 2
    assert not any({up, promo} <= set(o.entry_ids) for o in got)
