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


def test_a_build_uploaded_then_promoted_a_turn_later_gives_its_release_steps() -> None:
    c = Conv()
    c.user("Publica la 5.0.2 del lector: compílala y súbela a pruebas.")
    build = c.run("./gradlew assembleRelease", "BUILD SUCCESSFUL in 1m 12s")
    up = c.run("relctl subir --build 5020 --pista pruebas", "build 5020 subida a pruebas")
    c.say("La 5.0.2 (5020) está en pruebas.")
    c.user("vale, ahora pásala a producción")
    promo = c.run("relctl promover --build 5020 --pista produccion", "build 5020 promovida a produccion")
    c.say("Hecho: 5.0.2 (5020) en producción.")
    items = c.items()
    (proc,) = [i for i in items if i.kind == "procedure"]
    assert (
        proc.text.index("assembleRelease")
        < proc.text.index("relctl subir")
        < proc.text.index("relctl promover")
    )
    assert {build, up, promo} <= set(proc.entry_ids)


def test_one_stage_only_gives_no_release_steps() -> None:
    c = Conv()
    c.user("Publica la 5.0.2 del lector: compílala y súbela a pruebas.")
    c.run("./gradlew assembleRelease", "BUILD SUCCESSFUL in 1m 12s")
    c.run("relctl subir --build 5020 --pista pruebas", "build 5020 subida a pruebas")
    c.say("La 5.0.2 (5020) está en pruebas.")
    c.user("gracias")
    assert [i for i in c.items() if i.kind == "procedure"] == []
