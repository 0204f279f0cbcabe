"""Template families of the gen-tune split (set A).

Structures: options as a numbered list; a single offer answered in the next turn; a reversal in
the very next exchange; a question deferred by the user; a to-do stated in one user turn; rules
with always/never; an explicit "not X but Y" correction; tool chains with pytest, a deploy whose
health check fails with exit 0, a polling loop, a command sequence saved as a procedure; secrets in
a ``.env`` file read by a tool and in a declined remember-request.
"""

from __future__ import annotations

from . import acts
from .core import Ctx, Family, local, unthe
from .gold_text import gold_text


def _options_turn(c: Ctx) -> tuple[str, str, list[tuple[str, str, str]], int, int]:
    """Lead-in + numbered options; returns (subject, proposal id, options, recommended, cheapest)."""
    cs = c.pick(c.domain.choices, "choice")
    subject = local(cs.subject, c.lang)
    opts = list(cs.options)
    rec = c.rng.randrange(len(opts))
    c.t.user(c.say("lead.choice", subject=subject))
    lines = [c.say("opt.intro", subject=subject)]
    line = c.template("opt.line")
    lines += [line.format(n=i + 1, name=o[0], price=o[1], note=o[2]) for i, o in enumerate(opts)]
    text = "\n".join(lines) + "\n\n" + c.say("opt.rec", name=opts[rec][0]) + " " + c.say("opt.ask")
    pid, _ = c.t.assistant(text)
    return subject, pid, opts, rec, cs.cheap_index


def _pick_reply(c: Ctx, opts: list[tuple[str, str, str]], rec: int, cheap: int) -> tuple[int, str, bool]:
    """How the user picks: (chosen index, reply text, delegated?)."""
    modes = (
        ("yes", "ord", "cheap", "quoted", "delegate", "foreign")
        if cheap >= 0
        else ("yes", "ord", "quoted", "delegate", "foreign")
    )
    mode = c.rng.choice(modes)
    if mode == "yes":
        return rec, c.say("r.yes"), False
    if mode == "foreign":
        return rec, c.say("r.foreign"), False
    if mode == "delegate":
        return rec, c.say("r.delegate"), True
    if mode == "cheap":
        return cheap, c.say("r.cheap"), False
    chosen = c.rng.randrange(len(opts))
    if mode == "ord":
        return chosen, c.say("r.ord", ord=c.say(f"ord{chosen + 1}")), False
    return chosen, c.say("r.quoted", name=opts[chosen][0]), False


def choice_numbered(c: Ctx) -> bool:
    subject, pid, opts, rec, cheap = _options_turn(c)
    chosen, reply, delegated = _pick_reply(c, opts, rec, cheap)
    rid = c.t.user(reply)
    evidence = [pid, rid]
    name = opts[chosen][0]
    if delegated:
        aid, _ = c.t.assistant(c.say("a.delegated", name=name))
        evidence.append(aid)
    else:
        c.t.assistant(c.say("a.ack", name=name))
    c.gold.add(
        "decision", gold_text("decision", c.lang, subject=subject, choice=name), evidence, must_keep=True
    )
    return True


def reversal_next(c: Ctx) -> bool:
    """A choice, one filler exchange, then the user switches. Gold: only the final decision."""
    subject, pid, opts, rec, cheap = _options_turn(c)
    chosen, reply, delegated = _pick_reply(c, opts, rec, cheap)
    c.t.user(reply)
    first = opts[chosen][0]
    c.t.assistant(c.say("a.delegated" if delegated else "a.ack", name=first))
    question, answer = c.pair("fill.user", "fill.asst")
    c.t.user(question)
    c.t.assistant(answer)
    final = c.rng.choice([o[0] for i, o in enumerate(opts) if i != chosen])
    vid = c.t.user(c.say("rev", name=final))
    aid, _ = c.t.assistant(c.say("a.ack_rev", name=final))
    text = gold_text("decision.rev", c.lang, subject=subject, choice=final, first=first)
    c.gold.add("decision", text, [pid, vid, aid], must_keep=True)
    c.decided.append(final)
    return True


def offer_next_turn(c: Ctx) -> bool:
    thing_t, old_t, new_t, noun_l = c.pick(c.domain.offers, "offer")
    thing, old, new = c.loc(thing_t), c.loc(old_t), c.loc(new_t)
    noun = local(noun_l, c.lang)
    c.t.user(c.say("lead.offer", thing=thing))
    c.t.bash(
        None,
        f"grep -rn '{old.split()[0]}' /etc/{thing.replace(' ', '-')}/ || true",
        f"config:{c.rng.randint(3, 80)}: {old}",
    )
    oid, _ = c.t.assistant(
        c.say("a.offer_state", thing=thing, noun=noun, old=old)
        + " "
        + c.say("offer", thing=thing, noun=noun, old=old, new=new)
    )
    if c.rng.random() < 0.55:
        rid = c.t.user(c.say(c.rng.choice(("r.yes", "r.foreign"))))
        c.t.assistant(c.say("a.ack_yes", thing=thing, new=new))
        c.gold.add(
            "decision",
            gold_text("offer.yes", c.lang, thing=thing, noun=noun, old=old, new=new),
            [oid, rid],
            must_keep=True,
        )
    else:
        rid = c.t.user(c.say("r.no"))
        c.t.assistant(c.say("a.ack_no", thing=thing, old=old))
        c.gold.add(
            "decision",
            gold_text("offer.no", c.lang, thing=thing, noun=noun, old=old, new=new),
            [oid, rid],
            must_keep=True,
        )
    return True


def question_deferred(c: Ctx) -> bool:
    gist_l, x = c.pick(c.domain.questions, "question")
    gist = local(gist_l, c.lang).format(x=unthe(c.lang, c.loc(x)))
    qid = c.t.user(c.say("q.ask", gist=gist))
    c.t.assistant(c.say("a.consider"))
    did = c.t.user(c.say("r.defer", person=c.rng.choice(list(c.domain.people))))
    c.t.assistant(c.say("a.defer_ack"))
    c.gold.add("open_question", gold_text("open", c.lang, gist=gist), [qid, did])
    return True


def question_answered(c: Ctx) -> bool:
    """A transient question answered right away: not an item; the question is noise."""
    x = c.rng.choice(list(c.domain.projects))
    q = c.say("qa.ask", x=x)
    c.t.user(q)
    run = c.rng.randint(1000, 99999)
    c.t.bash(
        None,
        f"gh run list --workflow ci --limit 1 --repo acme/{x}",
        f"completed\tsuccess\tci\tmain\tpush\t{run}\t3m12s",
    )
    c.t.assistant(c.say("qa.answer", time=acts.clock(c)))
    c.gold.noise.append(q.rstrip("?"))
    return True


def todo_stated(c: Ctx) -> bool:
    task_l, x = c.pick(c.domain.tasks, "task")
    task = local(task_l, c.lang).format(x=unthe(c.lang, c.loc(x)))
    person = c.rng.choice(list(c.domain.people))
    date = c.loc(c.rng.choice(list(c.domain.dates)))
    if c.rng.random() < 0.35:  # a due date, no owner
        uid = c.t.user(c.say("todo.due", task=task, date=date))
        c.t.assistant(c.say("a.todo_ack"))
        c.gold.add("todo", gold_text("todo.self", c.lang, task=task, date=date), [uid])
        return True
    uid = c.t.user(c.say("todo", person=person, task=task, date=date))
    c.t.assistant(c.say("a.todo_ack"))
    c.gold.add("todo", gold_text("todo", c.lang, person=person, task=task, date=date), [uid])
    return True


def question_answered_later(c: Ctx) -> bool:
    """A question answered two turns later, after a clarification: not open; its words are noise."""
    date = c.loc(c.rng.choice(list(c.domain.dates)))
    q = c.say("qlat.ask", date=date)
    c.t.user(q)
    c.t.assistant(c.say("qlat.clarify"))
    c.t.user(c.say("qlat.which"))
    c.t.bash(
        None,
        f"python3 skills/calendar/list.py --calendar work --day '{date}'",
        f"10:00 standup\n{acts.clock(c)} review",
    )
    c.t.assistant(c.say("qlat.answer", date=date, time=acts.clock(c)))
    c.gold.noise.append(q.rstrip("?").rstrip())
    return True


def rule_always(c: Ctx) -> bool:
    good_t, bad_t = c.pick(c.domain.rules, "rule")
    good, bad = c.loc(good_t), c.loc(bad_t)
    uid = c.t.user(c.say("rule", good=good, bad=bad))
    c.t.assistant(c.say("a.rule_ack", good=good))
    c.gold.add("fact", gold_text("rule", c.lang, good=good, bad=bad), [uid], must_keep=True)
    return True


def correction_not_but(c: Ctx) -> bool:
    thing_t, wrong_t, right_t, attr_l = c.pick(c.domain.values, "value")
    thing, wrong, right = c.loc(thing_t), c.loc(wrong_t), c.loc(right_t)
    attr = local(attr_l, c.lang)
    c.t.user(c.say("lead.setup", thing=thing))
    c.t.assistant(c.say("a.state", thing=thing, attr=attr, wrong=wrong))
    uid = c.t.user(c.say("corr", wrong=wrong, right=right))
    c.t.assistant(c.say("a.corr_ack", right=right))
    c.gold.add(
        "fact",
        gold_text("corr", c.lang, thing=thing, attr=attr, right=right, wrong=wrong),
        [uid],
        must_keep=True,
    )
    return True


def preference(c: Ctx) -> bool:
    a_t, b_t = c.pick(c.domain.prefs, "pref")
    a, b = c.loc(a_t), c.loc(b_t)
    uid = c.t.user(c.say("pref", a=a, b=b))
    c.t.assistant(c.say("a.pref_ack", a=a))
    c.gold.add("fact", gold_text("pref", c.lang, a=a, b=b), [uid])
    return True


def remember(c: Ctx) -> bool:
    thing_t, place_t = c.pick(c.domain.places, "place")
    thing, place = c.loc(thing_t), c.loc(place_t)
    uid = c.t.user(c.say("rem", thing=thing, place=place))
    c.t.assistant(c.say("a.rem_ack"))
    c.gold.add("fact", gold_text("rem", c.lang, thing=thing, place=place), [uid], must_keep=True)
    return True


def remember_declined_secret(c: Ctx) -> bool:
    secret = acts.password(c.rng)
    service = c.rng.choice(("Nextcloud", "Synology", "Fritz!Box", "Jira", "Grafana", "pgAdmin"))
    c.t.user(c.say("rem.secret", service=service, secret=secret))
    c.t.assistant(c.say("a.decline"))
    c.gold.canaries.append(secret)
    return True


def answer_second_sentence(c: Ctx) -> bool:
    src, n, unit_l = c.pick(c.domain.figures, "figure")
    unit = local(unit_l, c.lang)
    c.t.user(c.say("fig.ask", src=src))
    aid, _ = c.t.assistant(c.say("fig.answer", src=src, n=n, unit=unit))
    c.gold.add("fact", gold_text("fig", c.lang, src=src, n=n, unit=unit), [aid])
    return True


def tools_fix_chain(c: Ctx) -> bool:
    if not c.domain.fixes:
        return False
    test, file, cause, n = c.pick(c.domain.fixes, "fix")
    c.t.user(c.say("lead.fix", test=test.split("::")[-1]))
    cmd = (
        "uv run pytest -q"
        if test.startswith("tests/")
        else ("dbt test" if test.startswith("dbt") else "make test")
    )
    _, fail = c.t.bash(c.narrate("t.run"), cmd, acts.pytest_fail(c.rng, test, n), exit_code=1)
    eid, (cid,) = c.t.assistant(
        c.say("t.fix", cause=cause, file=file),
        calls=[("edit", {"path": file, "oldText": "…", "newText": "…"})],
    )
    c.t.tool_result(cid, "edit", f"Successfully replaced text in {file}.")
    _, ok = c.t.bash(c.narrate("t.rerun"), cmd, acts.pytest_pass(c.rng, n))
    rid, _ = c.t.assistant(c.say("t.report", test=test.split("::")[-1], cause=cause, file=file, n=n))
    c.gold.add(
        "outcome",
        gold_text("fix", c.lang, test=test.split("::")[-1], file=file, cause=cause, n=n),
        [fail, eid, ok, rid],
    )
    return True


def tools_silent_5xx(c: Ctx) -> bool:
    """The deploy exits 0; only the output's health check says HTTP 503. Unresolved: must keep."""
    if not c.domain.deploys:
        return False
    svc, host, cmd = c.pick(c.domain.deploys, "deploy")
    code = c.rng.choice((502, 503, 504))
    reason = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}[code]
    c.t.user(c.say("lead.deploy", svc=svc))
    out = (
        f"PLAY RECAP *********************************************************************\n"
        f"{host:<28}: ok={c.rng.randint(8, 30)}  changed={c.rng.randint(1, 6)}  unreachable=0  failed=0\n\n"
        f"+ curl -sS -o /dev/null -w '%{{http_code}}' https://{host}/healthz\n"
        f"HTTP/1.1 {code} {reason}\n{code}"
    )
    _, res = c.t.bash(
        c.say("t.deploy", svc=svc), f"{cmd} && curl -sS -i https://{host}/healthz | head -1", out
    )
    sid, _ = c.t.assistant(c.say("t.silent", host=host, svc=svc))
    c.t.user(c.say("r.leave"))
    c.t.assistant(c.say("a.defer_ack"))
    c.gold.add(
        "outcome", gold_text("silent", c.lang, svc=svc, host=host, code=code), [res, sid], must_keep=True
    )
    return True


def tools_poll_loop(c: Ctx) -> bool:
    """A long, repetitive polling loop: the outcome is the end state; the polls are noise."""
    if not c.domain.jobs:
        return False
    job_t, cmd = c.pick(c.domain.jobs, "job")
    job = c.loc(job_t)
    run = str(c.rng.randint(10000, 99999))
    c.t.user(c.say("lead.poll", job=job))
    polls = c.rng.randint(8, 16)
    steps = 7
    res = ""
    for k in range(polls):
        narration = c.say("t.poll", job=job) if k == 0 else (c.narrate("t.poll_again") or None)
        state = f"state: RUNNING (step {min(steps, 1 + k * steps // polls)}/{steps}) elapsed {30 * (k + 1)}s"
        _, res = c.t.bash(narration, cmd.format(run=run), state)
    _, res = c.t.bash(
        None, cmd.format(run=run), f"state: SUCCEEDED (step {steps}/{steps}) elapsed {30 * (polls + 1)}s"
    )
    did, _ = c.t.assistant(c.say("t.poll_done", job=job, run=run))
    c.gold.add("outcome", gold_text("poll", c.lang, job=job, run=run), [res, did])
    c.gold.noise.append("state: RUNNING")
    return True


def procedure_saved(c: Ctx) -> bool:
    if not c.domain.procs:
        return False
    goal_l, commands = c.pick(c.domain.procs, "proc")
    goal = local(goal_l, c.lang)
    c.t.user(c.say("lead.proc", goal=goal))
    for cmd in commands:
        c.t.bash(None, cmd, f"ok ({c.rng.randint(1, 9)}.{c.rng.randint(0, 9)}s)")
    sid = c.t.user(c.say("proc.save"))
    listing, joined = acts.steps_block(list(commands))
    aid, _ = c.t.assistant(c.say("proc.ack", steps=listing))
    c.gold.add("procedure", gold_text("proc", c.lang, goal=goal, steps=joined), [sid, aid])
    return True


def secret_env_file(c: Ctx) -> bool:
    project = c.rng.choice(list(c.domain.projects))
    pw = acts.password(c.rng)
    tok = acts.token(c.rng, "sk_live_", 24)
    host = c.rng.choice(list(c.domain.hosts))
    c.t.user(c.say("lead.env", project=project))
    _, (cid,) = c.t.assistant(None, calls=[("read", {"file_path": f"{c.domain.cwd}/{project}/.env"})])
    c.t.tool_result(
        cid,
        "read",
        f"APP_ENV=production\nDATABASE_URL=postgres://app:{pw}@{host}:5432/{project.replace('-', '_')}\n"
        f"STRIPE_SECRET_KEY={tok}\nLOG_LEVEL=info\n",
    )
    c.t.assistant(c.say("a.env", user="app"))
    if c.rng.random() < 0.5:  # the same password reused in a later command
        db = project.replace("-", "_")
        c.t.bash(
            None,
            f"psql 'postgres://app:{pw}@{host}:5432/{db}' -c 'select 1'",
            " ?column? \n----------\n        1\n(1 row)",
        )
        c.t.assistant(c.say("a.reuse"))
    c.gold.canaries += [pw, tok]
    return True


def smalltalk_weather(c: Ctx) -> bool:
    city = c.rng.choice(list(c.domain.cities))
    q = c.say("n.weather", city=city)
    c.t.user(q)
    c.t.assistant(c.say("a.weather", city=city))
    c.gold.noise.append(q.rstrip("?").rstrip())
    return True


def recap(c: Ctx) -> bool:
    """The assistant restates what was settled: no new item (a second copy is a false positive)."""
    if not c.decided:
        return False
    c.t.user(c.say("recap.ask"))
    c.t.assistant(c.say("recap", items="; ".join(c.decided)))
    return True


FAMILIES: dict[str, Family] = {
    "choice-numbered": choice_numbered,
    "reversal-next": reversal_next,
    "offer-next-turn": offer_next_turn,
    "question-deferred": question_deferred,
    "question-answered": question_answered,
    "question-answered-later": question_answered_later,
    "todo-stated": todo_stated,
    "rule-always": rule_always,
    "correction-not-but": correction_not_but,
    "preference": preference,
    "remember": remember,
    "remember-declined-secret": remember_declined_secret,
    "answer-second-sentence": answer_second_sentence,
    "tools-fix-chain": tools_fix_chain,
    "tools-silent-5xx": tools_silent_5xx,
    "tools-poll-loop": tools_poll_loop,
    "procedure-saved": procedure_saved,
    "secret-env-file": secret_env_file,
    "smalltalk-weather": smalltalk_weather,
    "recap": recap,
}
