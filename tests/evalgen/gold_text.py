"""Canonical gold texts per language: short statements that keep identifiers verbatim.

These are the labels, not the conversation: no transcript contains them word for word.
"""

from __future__ import annotations

from typing import Any

from .core import unthe

GOLD: dict[str, dict[str, str]] = {
    "decision": {
        "en": "{subject}: {choice}",
        "de": "{subject}: {choice}",
        "es": "{subject}: {choice}",
        "fr": "{subject} : {choice}",
    },
    "decision.rev": {
        # Only the final choice: naming the abandoned one would credit a stale bullet.
        "en": "{subject}: {choice}",
        "de": "{subject}: {choice}",
        "es": "{subject}: {choice}",
        "fr": "{subject} : {choice}",
    },
    "offer.yes": {
        "en": "{thing} {noun}: {new} (was {old})",
        "de": "{thing} {noun}: {new} (vorher {old})",
        "es": "{noun} de {thing}: {new} (antes {old})",
        "fr": "{noun} de {thing} : {new} (avant {old})",
    },
    "offer.no": {
        "en": "Rejected: {thing} {noun} {new}; stays {old}",
        "de": "Verworfen: {thing} {noun} {new}; bleibt {old}",
        "es": "Descartado: {noun} de {thing} a {new}; sigue {old}",
        "fr": "Écarté : {noun} de {thing} à {new} ; reste {old}",
    },
    "open": {"en": "{gist}", "de": "{gist}", "es": "{gist}", "fr": "{gist}"},
    "todo.self": {
        "en": "{task} by {date}",
        "de": "{task} bis {date}",
        "es": "{task} antes del {date}",
        "fr": "{task} avant le {date}",
    },
    "todo": {
        "en": "{person}: {task} by {date}",
        "de": "{person}: {task} bis {date}",
        "es": "{person}: {task} antes del {date}",
        "fr": "{person} : {task} avant le {date}",
    },
    "rule": {
        "en": "Always {good}, never {bad}",
        "de": "Immer {good}, nie {bad}",
        "es": "Siempre {good}, nunca {bad}",
        "fr": "Toujours {good}, jamais {bad}",
    },
    "corr": {
        "en": "{thing} {attr} is {right}, not {wrong}",
        "de": "{thing}: {attr} ist {right}, nicht {wrong}",
        "es": "{thing}: {attr} es {right}, no {wrong}",
        "fr": "{thing} : {attr} est {right}, pas {wrong}",
    },
    "pref": {
        "en": "Prefers {a} over {b}",
        "de": "Bevorzugt {a} gegenüber {b}",
        "es": "Prefiere {a} a {b}",
        "fr": "Préfère {a} à {b}",
    },
    "rem": {
        "en": "{thing} is at {place}",
        "de": "{thing} liegt bei {place}",
        "es": "{thing} está en {place}",
        "fr": "{thing} est chez {place}",
    },
    "owner": {
        "en": "{person} owns {thing}",
        "de": "{person} ist für {thing} zuständig",
        "es": "{person} es responsable de {thing}",
        "fr": "{person} est responsable de {thing}",
    },
    "fig": {
        "en": "{src}: {n} {unit}",
        "de": "{src}: {n} {unit}",
        "es": "{src}: {n} {unit}",
        "fr": "{src} : {n} {unit}",
    },
    "fix": {
        "en": "{test} fixed in {file} ({cause}); {n} tests pass",
        "de": "{test} in {file} repariert ({cause}); {n} Tests grün",
        "es": "{test} arreglado en {file} ({cause}); pasan {n} tests",
        "fr": "{test} corrigé dans {file} ({cause}) ; {n} tests passent",
    },
    "silent": {
        "en": "{svc} still down: deploy exited 0 but {host} returns HTTP {code}",
        "de": "{svc} weiter down: Deploy mit Exit 0, aber {host} liefert HTTP {code}",
        "es": "{svc} sigue caído: despliegue con código 0 pero {host} devuelve HTTP {code}",
        "fr": "{svc} toujours en panne : déploiement code 0 mais {host} renvoie HTTP {code}",
    },
    "errored": {
        "en": "{job} errored ({error}) although the command exited 0; unresolved",
        "de": "{job} mit Fehler ({error}), obwohl der Befehl mit 0 endete; ungelöst",
        "es": "{job} falló ({error}) aunque el comando salió con 0; sin resolver",
        "fr": "{job} en erreur ({error}) malgré le code 0 ; non résolu",
    },
    "fix.cmd": {
        "en": "{cmd} passes again after fixing {cause} in {file}",
        "de": "{cmd} läuft wieder durch, nachdem {cause} in {file} behoben wurde",
        "es": "{cmd} vuelve a pasar tras corregir {cause} en {file}",
        "fr": "{cmd} repasse après correction de {cause} dans {file}",
    },
    "up": {
        "en": "{svc} back up after the restart: {host} answers HTTP 200",
        "de": "{svc} nach dem Neustart wieder erreichbar: {host} liefert HTTP 200",
        "es": "{svc} vuelve a funcionar tras el reinicio: {host} responde HTTP 200",
        "fr": "{svc} de nouveau en ligne après le redémarrage : {host} répond HTTP 200",
    },
    "poll": {
        "en": "{job} run {run} succeeded",
        "de": "{job} Lauf {run} erfolgreich",
        "es": "{job} ejecución {run} terminó bien",
        "fr": "{job} exécution {run} réussie",
    },
    "proc": {
        "en": "{goal}: {steps}",
        "de": "{goal}: {steps}",
        "es": "{goal}: {steps}",
        "fr": "{goal} : {steps}",
    },
}


def gold_text(key: str, lang: str, **slots: Any) -> str:
    text = GOLD[key].get(lang) or GOLD[key]["en"]
    return text.format(**{k: unthe(lang, v) for k, v in slots.items()})
