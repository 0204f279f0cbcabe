"""Outcomes, round 3: precision first. Each rule proven on conversations written here (new tools,
new commands), in English and in at least two of German, Spanish, French and Italian."""

from __future__ import annotations

from tool_conv import Conv

from memoryd.flush.extract.shell import raw_segments, segment_effect
from memoryd.flush.items import Item


def outcomes(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "outcome"]


# --- inline code that only reads is a look, whatever it imports ---------------------------------


def _effect(line: str) -> str:
    (raw, words), *_ = raw_segments(line)
    return segment_effect(words, raw)


def test_inline_code_that_imports_and_prints_is_a_read() -> None:
    assert _effect("""python3 -c "import polars as pl; print(pl.read_ipc('trips.arrow').shape)\"""") == "read"
    assert _effect("""node -e "const fs=require('fs'); console.log(fs.readdirSync('.').length)\"""") == "read"


def test_inline_code_that_writes_a_file_is_a_change() -> None:
    assert (
        _effect("""python3 -c "import pandas as pd; pd.read_json('a.json').to_parquet('a.pq')\"""")
        == "change"
    )
    assert _effect("""python3 -c "open('stamp.txt','w').write('2')\"""") == "change"


def _three_looks(c: Conv, prog: str, report: str) -> None:
    for sheet in ("Alpha", "Beta", "Gamma"):
        c.run(
            f"""{prog} -c "import pandas as pd; print(pd.read_excel('plan.xlsx', sheet_name='{sheet}').head(1))\"""",
            f"   jahr  posten  betrag\n0  2028  {sheet.lower()}  {len(sheet) * 1111}.0",
        )
    c.say(report)


def test_three_looks_into_one_workbook_are_no_outcome_en() -> None:
    c = Conv()
    c.user("What do the three sheets of plan.xlsx look like?")
    _three_looks(c, ".venv/bin/python", "Each sheet has year, item and amount columns.")
    assert outcomes(c.items()) == []


def test_three_looks_into_one_workbook_are_no_outcome_de_it() -> None:
    c = Conv()
    c.user("Wie sehen die drei Blätter in plan.xlsx aus?")
    _three_looks(c, "python3", "Alle drei Blätter haben die Spalten Jahr, Posten und Betrag.")
    assert outcomes(c.items()) == []
    c = Conv()
    c.user("Come sono fatti i tre fogli di plan.xlsx?")
    _three_looks(c, "python3", "Tutti e tre i fogli hanno le colonne anno, voce e importo.")
    assert outcomes(c.items()) == []


def test_the_same_status_asked_again_until_it_changes_is_still_a_wait() -> None:
    c = Conv()
    c.user("Sag Bescheid, wenn der Export 7 fertig ist.")
    for state in ("wartet", "läuft 40%", "läuft 80%"):
        c.run("sleep 20; exportctl zeige --nr 7", f"export 7: {state}")
    c.run("sleep 20; exportctl zeige --nr 7", "export 7: fertig (812 Zeilen)")
    c.say("Export 7 ist fertig: 812 Zeilen.")
    (out,) = outcomes(c.items())
    assert "812" in out.text


# --- an error a fix swaps for another, in one turn: one failure ---------------------------------


def _swap(c: Conv, run: str, first: str, second: str, ok: str, report: str) -> tuple[str, str]:
    a = c.run(run, first, code=1)
    c.edit("tools/ingest.py")
    c.run(run, second, code=1)
    c.run("mkdir -p out/week48 && " + run, ok)
    c.say(report)
    return a, report


def test_an_error_swapped_for_another_is_one_outcome_en() -> None:
    c = Conv()
    c.user("Turn the week's GPS logs into one table, please.")
    first, _ = _swap(
        c,
        "python3 tools/ingest.py logs/week48",
        "Traceback (most recent call last):\nValueError: time data '48/2026' does not match format",
        "Traceback (most recent call last):\nFileNotFoundError: [Errno 2] No such file or directory: 'out/week48'",
        "wrote out/week48/tracks.csv (3,204 rows)",
        "out/week48/tracks.csv is written: 3,204 rows.",
    )
    (out,) = outcomes(c.items())
    assert first in out.entry_ids and "3,204" in out.text


def test_an_error_swapped_for_another_is_one_outcome_es_fr() -> None:
    for ask, report in (
        (
            "Pasa los registros GPS de la semana a una tabla.",
            "Tabla escrita: out/week48/tracks.csv con 3.204 filas.",
        ),
        (
            "Mets les traces GPS de la semaine dans un tableau.",
            "Tableau écrit : out/week48/tracks.csv, 3 204 lignes.",
        ),
    ):
        c = Conv()
        c.user(ask)
        first, _ = _swap(
            c,
            "python3 tools/ingest.py logs/week48",
            "Traceback (most recent call last):\nKeyError: 'lat'",
            "Traceback (most recent call last):\nPermissionError: [Errno 13] Permission denied: 'out'",
            "ok",
            report,
        )
        (out,) = outcomes(c.items())
        assert first in out.entry_ids


def test_an_error_the_user_heard_about_before_the_next_one_stays_its_own() -> None:
    c = Conv()
    c.user("Bring den Nachtexport wieder zum Laufen.")
    c.run("python3 jobs/nachtexport.py", "Traceback (most recent call last):\nKeyError: 'kunde_id'", code=1)
    c.edit("jobs/nachtexport.py")
    c.say("Die Spalte heißt jetzt kunden_nr; angepasst. Soll ich den Export starten?")
    c.user("ja, los")
    c.run(
        "python3 jobs/nachtexport.py",
        "Traceback (most recent call last):\nConnectionRefusedError: [Errno 111] Connection refused",
        code=1,
    )
    c.run("systemctl start postgresql && python3 jobs/nachtexport.py", "exportiert: 1.940 Zeilen")
    c.say("Der Nachtexport läuft wieder: 1.940 Zeilen exportiert.")
    assert len(outcomes(c.items())) == 2


# --- a missing tool installed on the way is a step of the work, not an outcome ---------------------


def _install_then_work(c: Conv, report: str) -> str:
    first = c.run(
        'python3 -c "import pypdf; print(pypdf.__version__)"',
        "Traceback (most recent call last):\nModuleNotFoundError: No module named 'pypdf'",
        code=1,
    )
    c.run("python3 -m pip install -q pypdf && python3 -c \"import pypdf; print('ok')\"", "ok")
    c.call(
        "write",
        {"path": "/home/ana/bills/merge.py", "content": "import pypdf\n"},
        "Successfully wrote 14 bytes",
    )
    c.run("python3 merge.py scans/ out/bills-2026.pdf", "merged 19 files into out/bills-2026.pdf (64 pages)")
    c.say(report)
    return first


def test_a_module_installed_on_the_way_joins_the_work_it_was_for_en_de_it() -> None:
    for ask, report in (
        ("Merge the scanned bills into one PDF.", "out/bills-2026.pdf is ready: 19 files, 64 pages."),
        (
            "Füg die gescannten Rechnungen zu einem PDF zusammen.",
            "out/bills-2026.pdf ist fertig: 19 Dateien, 64 Seiten.",
        ),
        ("Unisci le bollette scansionate in un PDF.", "out/bills-2026.pdf è pronto: 19 file, 64 pagine."),
    ):
        c = Conv()
        c.user(ask)
        first = _install_then_work(c, report)
        (out,) = outcomes(c.items())
        assert "64" in out.text and first in out.entry_ids


# --- a message sent is no outcome: it carries a decision ----------------------------------------


def test_a_message_sent_after_a_decision_joins_it_and_is_no_outcome_en() -> None:
    c = Conv()
    c.user("Where should the quartet play on Friday?")
    c.say("Two rooms are free on Friday:\n1. the small hall (60 seats)\n2. the chapel (90 seats)\nWhich one?")
    c.user("The small hall. Please tell Ingrid.")
    sent = c.run(
        "mailx-cli send --to ingrid@quartet.example --subject 'Venue' --body 'Small hall, not the church.'",
        "sent: message-id <20261201T0911.77ab@mail.example>",
    )
    c.say("Sent: Ingrid knows it's the small hall.")
    items = c.items()
    assert outcomes(items) == []
    assert any(sent in i.entry_ids for i in items if i.kind == "decision")


def test_a_message_sent_is_no_outcome_de_fr() -> None:
    for ask, report in (
        (
            "Schreib bitte Herrn Voss, dass die Lieferung am Montag kommt.",
            "Gesendet: Herr Voss weiß Bescheid.",
        ),
        ("Écris à Mme Roux que la livraison arrive lundi.", "Envoyé : Mme Roux est prévenue."),
    ):
        c = Conv()
        c.user(ask)
        c.run(
            "mailx-cli send --to voss@lager.example --body 'Montag'",
            "sent: <20261201T1020.9c1d@mail.example> -> voss@lager.example",
        )
        c.say(report)
        assert outcomes(c.items()) == []


def test_a_batch_the_tool_reports_in_its_own_words_is_still_an_outcome() -> None:
    c = Conv()
    c.user("Send out the November statements.")
    c.run("python3 send_statements.py 2026-11", "rendered 41 statements\nsent 41 of 41, 0 errors")
    c.say("All 41 November statements went out without errors.")
    (out,) = outcomes(c.items())
    assert "41" in out.text


# --- tools run to answer a question look the answer up --------------------------------------------


def test_a_search_run_to_answer_a_question_is_no_outcome_es_it() -> None:
    for ask, report in (
        ("¿Hay algún autobús a Segovia antes de las 9?", "Solo uno: el de las 07:15, llega 08:40, 9 €."),
        ("C'è un traghetto per Capri prima delle 10?", "Sì, uno: parte alle 08:30, arriva alle 09:20, 24 €."),
    ):
        c = Conv()
        c.user(ask)
        c.run("ridefinder --to X --before 09:00", "1 07:15 -> 08:40 EUR 9")
        c.say(report)
        assert outcomes(c.items()) == []


def test_a_search_tool_asked_to_act_is_still_an_outcome_en() -> None:
    c = Conv()
    c.user("Hold the 07:15 bus seat for me, please.")
    c.run("ridefinder --hold R715 --name 'ORTEGA/ANA'", "HOLD OK ref ZK3M9Q expires 2026-12-02T18:00Z")
    c.say("Held: reference ZK3M9Q, valid until tomorrow 19:00.")
    (out,) = outcomes(c.items())
    assert "ZK3M9Q" in out.text


# --- one failure being fixed is one outcome ----------------------------------------------------


def test_a_number_after_the_target_is_a_value_not_the_target() -> None:
    from memoryd.flush.extract.shell import identity

    (_, a), *_ = raw_segments("helm -n shop rollback storefront 0 --dry-run")
    (_, b), *_ = raw_segments("helm -n shop rollback storefront 12 --wait=false")
    assert identity(a) == identity(b)


def _incident(c: Conv, said_after_restart: str, rolled: str, final: str) -> tuple[str, str]:
    c.run("kubectl -n shop rollout restart deploy/storefront", "deployment.apps/storefront restarted")
    first = c.run("curl -s -o /dev/null -w '%{http_code}\\n' https://shop.example.org/health", "503")
    c.say(said_after_restart)
    c.user("ok, roll it back")
    inner = c.run("helm -n shop rollback storefront 0", "Error: invalid revision 0", code=1)
    c.run("helm -n shop rollback storefront 41", "Rollback was a success! Happy Helming!")
    c.say(rolled)
    c.run(
        "for n in 1 2 3; do curl -s -o /dev/null -w '%{http_code} ' https://shop.example.org/health; done",
        "200 200 200 ",
    )
    c.say(final)
    return first, inner


def test_a_probe_that_prints_success_codes_closes_its_failure_and_holds_the_fix_en() -> None:
    c = Conv()
    c.user("storefront answers 503 since the 14:00 deploy, have a look")
    first, inner = _incident(
        c,
        "The restart changed nothing: the health check still answers 503.",
        "Rolling back to revision 41.",
        "Back on revision 41 (v2.7.0): the health check answers 200 three times in a row.",
    )
    (out,) = outcomes(c.items())
    assert not out.must_keep
    assert {first, inner} <= set(out.entry_ids)
    assert "revision 41" in out.text


def test_a_probe_that_prints_success_codes_closes_its_failure_de_fr() -> None:
    for asked, after, rolled, final in (
        (
            "storefront liefert seit dem Deploy 503, schau mal",
            "Der Neustart hat nichts geändert: der Health-Check liefert weiter 503.",
            "Ich rolle auf Revision 41 zurück.",
            "Zurück auf Revision 41 (v2.7.0): der Health-Check liefert dreimal 200.",
        ),
        (
            "storefront renvoie 503 depuis le déploiement, tu regardes ?",
            "Le redémarrage n'a rien changé : le contrôle renvoie toujours 503.",
            "Je reviens à la révision 41.",
            "Revenu à la révision 41 (v2.7.0) : le contrôle renvoie 200 trois fois de suite.",
        ),
    ):
        c = Conv()
        c.user(asked)
        first, _ = _incident(c, after, rolled, final)
        (out,) = outcomes(c.items())
        assert not out.must_keep and first in out.entry_ids


def test_a_probe_still_failing_at_the_end_stays_open() -> None:
    c = Conv()
    c.user("storefront answers 503, have a look")
    c.run("curl -s -o /dev/null -w '%{http_code}\\n' https://shop.example.org/health", "503")
    c.run(
        "for n in 1 2; do curl -s -o /dev/null -w '%{http_code} ' https://shop.example.org/health; done",
        "503 503 ",
    )
    c.say("Still 503 on every try.")
    (out,) = outcomes(c.items())
    assert out.must_keep


# --- figures that are the options put to the user, or the answer to a question, are no result ----


def test_a_fare_list_the_user_picks_from_is_an_offer_not_an_outcome_en_es_fr() -> None:
    for ask, listing, pick in (
        (
            "Find me ferries to Bastia on 3 May.",
            "Three options on 3 May:\n\n1. Corsica Linea at 08:00, €142\n2. Moby at 13:30, €118\n"
            "3. La Méridionale at 21:00, €131\n\nThe Moby one is cheapest and arrives in daylight.",
            "the second one",
        ),
        (
            "Búscame ferris a Bastia el 3 de mayo.",
            "Tres opciones el 3 de mayo:\n\n1. Corsica Linea a las 08:00, 142 €\n2. Moby a las 13:30, 118 €\n"
            "3. La Méridionale a las 21:00, 131 €\n\nEl de Moby es el más barato y llega de día.",
            "la segunda",
        ),
        (
            "Trouve-moi des ferries pour Bastia le 3 mai.",
            "Trois options le 3 mai :\n\n1. Corsica Linea à 08:00, 142 €\n2. Moby à 13:30, 118 €\n"
            "3. La Méridionale à 21:00, 131 €\n\nLe Moby est le moins cher et arrive de jour.",
            "la deuxième",
        ),
    ):
        c = Conv()
        c.user(ask)
        c.run("seafinder --to BIA --date 2027-05-03", "CL 08:00 EUR 142\nMO 13:30 EUR 118\nLM 21:00 EUR 131")
        c.say(listing)
        c.user(pick)
        assert outcomes(c.items()) == []


def test_a_measured_result_before_the_recommendation_stays_an_outcome() -> None:
    c = Conv()
    c.user("Benchmark both parsers on the sample set.")
    c.run("python3 bench/parse.py --all samples/", "fastjson: 312/320 ok\nsafejson: 298/320 ok")
    c.say(
        "fastjson parses 312/320 samples, safejson 298/320.\n\nRecommendation:\n"
        "- **fastjson** for the import job\n- **safejson** only where input is untrusted"
    )
    (out,) = outcomes(c.items())
    assert "312/320" in out.text


def test_figures_read_back_to_answer_a_question_are_no_outcome_en_de_it() -> None:
    for ask, answer in (
        (
            "Dropout per arm? Each arm started with 300.",
            "Finished: arm A 244 of 300 (81.3%), arm B 251 of 300 (83.7%).",
        ),
        (
            "Abbruch pro Gruppe? Jede Gruppe hatte 300.",
            "Beendet: Gruppe A 244 von 300 (81,3 %), Gruppe B 251 von 300 (83,7 %).",
        ),
        (
            "Abbandoni per gruppo? Ogni gruppo ne aveva 300.",
            "Completati: gruppo A 244 su 300 (81,3%), gruppo B 251 su 300 (83,7%).",
        ),
    ):
        c = Conv()
        c.user(ask)
        c.run(
            """python3 -c "import pandas as pd; print(pd.read_csv('trial.csv').groupby('arm').size())\"""",
            "arm\nA    244\nB    251",
        )
        c.say(answer)
        assert outcomes(c.items()) == []


# --- verb-noun subcommands; words on the way to more changes ----------------------------------------


def test_a_verb_noun_subcommand_changes_what_its_verb_says() -> None:
    assert (
        _effect("aws s3api put-bucket-versioning --bucket media --versioning-configuration Status=Enabled")
        == "change"
    )
    assert _effect("aws cloudformation delete-stack --stack-name old-web") == "change"
    assert _effect("aws logs describe-log-groups --log-group-name-prefix /app/") == "read"


def _quota_fix(c: Conv, interim: str, final: str) -> str:
    c.run(
        "for q in $(quotactl list --team web); do quotactl set-limit $q --gb 50 --as viewer; done",
        "error: role viewer may not change limits",
        code=1,
    )
    c.say("The viewer role can't change limits. Which role should I use?")
    c.user("admin")
    c.run(
        "for q in $(quotactl list --team web); do quotactl set-limit $q --gb 50 --as admin; done",
        "ok q1\nok q2",
    )
    c.run("quotactl list --team web --show-limit", "q1 50\nq2 50\nq3 20")
    c.say(interim)
    c.run("quotactl set-limit q3 --gb 50 --as admin", "ok")
    return c.say(final)


def test_words_on_the_way_to_more_changes_are_not_the_result_en_de_es() -> None:
    for interim, final in (
        (
            "Two of three quotas are at 50 GB; q3 is still at 20, setting it directly.",
            "All three web quotas are at 50 GB.",
        ),
        (
            "Zwei von drei Quoten stehen auf 50 GB; q3 noch auf 20, setze sie direkt.",
            "Alle drei Web-Quoten stehen auf 50 GB.",
        ),
        (
            "Dos de tres cuotas están en 50 GB; q3 sigue en 20, la pongo directamente.",
            "Las tres cuotas web están en 50 GB.",
        ),
    ):
        c = Conv()
        c.user("Raise the web team's disk quotas to 50 GB.")
        final_id = _quota_fix(c, interim, final)
        found = outcomes(c.items())
        assert any(final_id in o.entry_ids for o in found)
        assert not any(interim.split(";")[0] in o.text for o in found)


# --- a file read to find the place, then edited; the user's rule written into the notes ---------


def test_a_file_read_before_editing_it_is_part_of_the_edit_en_fr_it() -> None:
    for ask, report in (
        (
            "Put the final numbers in the summary section of report.md.",
            "Done: the summary in report.md now has the final 212 sign-ups.",
        ),
        (
            "Mets les chiffres finaux dans la synthèse de report.md.",
            "C'est fait : la synthèse de report.md a les 212 inscriptions finales.",
        ),
        (
            "Metti i numeri finali nel riepilogo di report.md.",
            "Fatto: il riepilogo in report.md ora ha le 212 iscrizioni finali.",
        ),
    ):
        c = Conv()
        c.user(ask)
        c.call("read", {"path": "/home/eva/club/report.md"}, "# Report\n\n## Summary\n\n(tbd)\n")
        edit = c.call(
            "edit",
            {"path": "/home/eva/club/report.md", "oldText": "(tbd)\n", "newText": "212 sign-ups.\n"},
            "Successfully replaced text in /home/eva/club/report.md",
        )
        c.say(report)
        (out,) = outcomes(c.items())
        assert edit in out.entry_ids and "212" in out.text


def test_the_users_rule_written_into_the_notes_is_kept_as_the_rule_not_an_outcome_en_de_es() -> None:
    for rule, line, report in (
        (
            "Put this in the team notes: from now on we never merge on a Friday afternoon.",
            "- Never merge on a Friday afternoon.\n",
            "Added to the team notes.",
        ),
        (
            "Schreib das in die Teamnotizen: ab jetzt mergen wir nie am Freitagnachmittag.",
            "- Nie am Freitagnachmittag mergen.\n",
            "Steht jetzt in den Teamnotizen.",
        ),
        (
            "Apunta esto en las notas del equipo: a partir de ahora nunca hacemos merge el viernes por la tarde.",
            "- Nunca hacemos merge el viernes por la tarde.\n",
            "Añadido a las notas del equipo.",
        ),
    ):
        c = Conv()
        asked = c.user(rule)
        c.call(
            "edit",
            {"path": "team/NOTES.md", "oldText": "## Rules\n", "newText": "## Rules\n" + line},
            "Edited team/NOTES.md: 1 replacement.",
        )
        c.say(report)
        items = c.items()
        assert any(i.kind == "fact" and asked in i.entry_ids for i in items)
        assert outcomes(items) == []


# --- steps numbered within a line ----------------------------------------------------------------


def procedures(items: list[Item]) -> list[Item]:
    return [i for i in items if i.kind == "procedure"]


def test_inline_steps_are_read_in_order_and_must_count_up() -> None:
    from memoryd.flush.extract.procedures import inline_steps

    lead, steps = inline_steps("the steps: 1) book the van, 2) load the stands, and 3) unload at the hall")
    assert lead == "the steps" and steps == ["book the van", "load the stands", "unload at the hall"]
    assert inline_steps("rooms 2) and 4) are free")[1] == []


def test_steps_the_user_numbers_within_a_line_are_a_procedure_en_fr_de() -> None:
    for said, last in (
        (
            "keep the steps for the market stall, same every spring: 1) permit from the town hall 4 weeks ahead, 2) book the van, 3) print the price cards",
            "price cards",
        ),
        (
            "garde les étapes pour le stand du marché : 1) permis à la mairie 4 semaines avant, 2) réserver la camionnette, 3) imprimer les étiquettes",
            "étiquettes",
        ),
        (
            "die Schritte für den Marktstand, jedes Frühjahr gleich: 1) Genehmigung beim Rathaus 4 Wochen vorher, 2) Transporter buchen, 3) Preisschilder drucken",
            "Preisschilder",
        ),
    ):
        c = Conv()
        c.user(said)
        c.say("Ok.")
        (proc,) = procedures(c.items())
        assert "1)" in proc.text and last in proc.text


def test_numbers_in_a_line_without_a_word_for_steps_are_no_procedure() -> None:
    c = Conv()
    c.user("scores so far: 1) Ana 12 points, 2) Ben 9 points, 3) Cleo 7 points")
    c.say("Ana leads.")
    assert procedures(c.items()) == []


def test_a_how_to_written_into_a_doc_as_numbered_steps_in_a_line_en_de_es() -> None:
    for ask, line in (
        (
            "Add to the guide how to open a new season, so I don't have to explain it each time",
            "To open a season: 1. copy last year's sheet 2. clear the scores 3. send the fixture list",
        ),
        (
            "Schreib in die Anleitung, wie man eine neue Saison anlegt",
            "So legst du sie an: 1. Tabelle vom Vorjahr kopieren 2. Punkte leeren 3. Spielplan verschicken",
        ),
        (
            "Pon en la guía cómo se abre una temporada nueva",
            "Para abrirla: 1. copiar la hoja del año pasado 2. borrar los puntos 3. enviar el calendario",
        ),
    ):
        c = Conv()
        asked = c.user(ask)
        c.call(
            "edit",
            {
                "path": "docs/season-guide.md",
                "oldText": "# Season\n",
                "newText": "# Season\n\n" + line + "\n",
            },
            "Edited docs/season-guide.md: 1 replacement.",
        )
        c.say("Done.")
        (proc,) = procedures(c.items())
        assert asked in proc.entry_ids and "3)" in proc.text
