"""Template families of the gen-report split (set B): other structures for the same acts.

Options in running prose or under letter labels with a side question before the pick; an offer
tucked at the end of a work report; a reversal several exchanges later; questions deferred to a
third person or left hanging by the assistant; to-dos whose owner and date come in a short reply
to the assistant's question; rules and preferences without always/never; corrections that only
state the right value; remember-requests as "for future reference"; a PIN or app password in
prose; answers after a tool lookup in the third sentence; builds failing by exit code; a job that
"errored" with exit 0; a retry loop of refused connections; a runbook the assistant offers to note.
"""

from __future__ import annotations

from .. import acts
from ..core import Ctx, Family, local, unthe
from ..gold_text import gold_text

_LABELS = ("A", "B", "C")


def _choice_lead(c: Ctx) -> tuple[str, list[tuple[str, str, str]], int, int]:
    cs = c.pick(c.domain.choices, "choice")
    subject = local(cs.subject, c.lang)
    c.t.user(c.say("lead.choice", subject=subject))
    return subject, list(cs.options), c.rng.randrange(len(cs.options)), cs.cheap_index


def _prose_reply(c: Ctx, opts: list[tuple[str, str, str]], rec: int, cheap: int) -> tuple[int, str, bool]:
    modes = ("cheap", "last", "middle", "short", "foreign", "delegate", "agree")
    mode = c.rng.choice(modes if cheap >= 0 else modes[1:])
    if mode == "cheap":
        return cheap, c.say("r.cheap"), False
    if mode == "last":
        return len(opts) - 1, c.say("r.last"), False
    if mode == "middle":
        return 1, c.say("r.middle"), False
    if mode == "short":
        i = c.rng.randrange(len(opts))
        return i, c.say("r.short", name=opts[i][0].split()[0].rstrip(",")), False
    if mode == "foreign":
        return rec, c.say("r.foreign"), False
    if mode == "delegate":
        return rec, c.say("r.delegate"), True
    return rec, c.say("r.agree"), False


def _settle(c: Ctx, subject: str, name: str, pid: str, rid: str, delegated: bool) -> list[str]:
    evidence = [pid, rid]
    if delegated:
        aid, _ = c.t.assistant(c.say("a.delegated", name=name))
        evidence.append(aid)
    else:
        c.t.assistant(c.say("a.ack", name=name))
    return evidence


def choice_prose(c: Ctx) -> bool:
    subject, opts, rec, cheap = _choice_lead(c)
    (a, pa, na), (b, pb, nb), (cc, pc, nc) = opts[:3]
    text = c.say("prose.opts", a=a, pa=pa, na=na, b=b, pb=pb, nb=nb, c=cc, pc=pc, nc=nc)
    pid, _ = c.t.assistant(text + " " + c.say("prose.rec", name=opts[rec][0]) + " " + c.say("prose.ask"))
    chosen, reply, delegated = _prose_reply(c, opts, rec, cheap)
    rid = c.t.user(reply)
    name = opts[chosen][0]
    evidence = _settle(c, subject, name, pid, rid, delegated)
    c.gold.add(
        "decision", gold_text("decision", c.lang, subject=subject, choice=name), evidence, must_keep=True
    )
    c.decided.append(name)
    return True


def _labelled(c: Ctx, opts: list[tuple[str, str, str]], rec: int) -> str:
    line = c.template("lab.line")
    body = "\n".join(
        line.format(label=_LABELS[i], name=o[0], price=o[1], note=o[2]) for i, o in enumerate(opts)
    )
    return f"{c.say('lab.intro')}\n\n{body}\n\n{c.say('lab.rec', label=_LABELS[rec], name=opts[rec][0])}"


def choice_labelled_side_question(c: Ctx) -> bool:
    """Letter-labelled options; the user asks about one before picking by letter."""
    subject, opts, rec, _ = _choice_lead(c)
    pid, _ = c.t.assistant(_labelled(c, opts, rec))
    side = c.rng.randrange(len(opts))
    c.t.user(c.say("side.ask", label=_LABELS[side]))
    c.t.assistant(c.say("side.answer", name=opts[side][0], note=opts[side][2]))
    chosen = c.rng.randrange(len(opts))
    rid = c.t.user(c.say("r.label", label=_LABELS[chosen]))
    name = opts[chosen][0]
    c.t.assistant(c.say("a.ack", name=name))
    c.gold.add(
        "decision", gold_text("decision", c.lang, subject=subject, choice=name), [pid, rid], must_keep=True
    )
    c.decided.append(name)
    return True


def reversal_later(c: Ctx) -> bool:
    """A labelled choice, a few unrelated exchanges, then "scratch that". Gold: the final one only."""
    subject, opts, rec, _ = _choice_lead(c)
    pid, _ = c.t.assistant(_labelled(c, opts, rec))
    first_i = c.rng.randrange(len(opts))
    c.t.user(c.say("r.label", label=_LABELS[first_i]))
    c.t.assistant(c.say("a.ack", name=opts[first_i][0]))
    for _ in range(c.rng.randint(2, 3)):
        question, answer = c.pair("fill.user", "fill.asst")
        c.t.user(question)
        c.t.assistant(answer)
    final = c.rng.choice([o[0] for i, o in enumerate(opts) if i != first_i])
    vid = c.t.user(c.say("rev", name=final, subject=subject))
    aid, _ = c.t.assistant(c.say("a.ack_rev", name=final))
    text = gold_text("decision.rev", c.lang, subject=subject, choice=final, first=opts[first_i][0])
    c.gold.add("decision", text, [pid, vid, aid], must_keep=True)
    c.decided.append(final)
    return True


def offer_after_work(c: Ctx) -> bool:
    thing_t, old_t, new_t, noun_l = c.pick(c.domain.offers, "offer")
    thing, old, new = c.loc(thing_t), c.loc(old_t), c.loc(new_t)
    noun = local(noun_l, c.lang)
    c.t.user(c.say("lead.offer", thing=thing))
    c.t.bash(
        c.narrate("a.look"),
        f"cat config/{thing.split()[-1].strip('.')}.yaml",
        f"{noun_l['en'].replace(' ', '_')}: {old}\nenabled: true",
    )
    report = c.say("work.report", thing=thing, noun=noun, old=old)
    oid, _ = c.t.assistant(report + " " + c.say("work.offer", thing=thing, noun=noun, old=old, new=new))
    if c.rng.random() < 0.5:
        rid = c.t.user(c.say(c.rng.choice(("r.go", "r.foreign"))))
        c.t.assistant(c.say("a.ack_yes", thing=thing, new=new))
        c.gold.add(
            "decision",
            gold_text("offer.yes", c.lang, thing=thing, noun=noun, old=old, new=new),
            [oid, rid],
            must_keep=True,
        )
        c.decided.append(f"{thing}: {new}")
    else:
        rid = c.t.user(c.say(c.rng.choice(("r.nope", "r.foreign_no"))))
        c.t.assistant(c.say("a.ack_no", thing=thing, old=old))
        c.gold.add(
            "decision",
            gold_text("offer.no", c.lang, thing=thing, noun=noun, old=old, new=new),
            [oid, rid],
            must_keep=True,
        )
    return True


def question_deferred_other(c: Ctx) -> bool:
    gist_l, x = c.pick(c.domain.questions, "question")
    gist = local(gist_l, c.lang)
    person = c.rng.choice(list(c.domain.people))
    qid = c.t.user(c.say("q.ask", gist=gist.format(x=unthe(c.lang, c.loc(x))), x=c.loc(x)))
    if c.rng.random() < 0.5:
        c.t.assistant(c.say("q.need", person=person))
        did = c.t.user(c.say("r.defer", person=person))
        c.t.assistant(c.say("a.defer_ack"))
    else:
        did, _ = c.t.assistant(c.say("q.open", person=person))
    c.gold.add(
        "open_question", gold_text("open", c.lang, gist=gist.format(x=unthe(c.lang, c.loc(x)))), [qid, did]
    )
    return True


def question_answered_from_notes(c: Ctx) -> bool:
    """Asked and answered from MEMORY.md: already known, so no item; the question is noise."""
    thing_t, place_t = c.pick(c.domain.places, "place")
    thing, place = c.loc(thing_t), c.loc(place_t)
    q = c.say("qal.ask", thing=thing)
    c.t.user(q)
    _, (cid,) = c.t.assistant(
        c.narrate("a.look"), calls=[("read", {"file_path": f"{c.domain.cwd}/MEMORY.md"})]
    )
    c.t.tool_result(cid, "read", f"# MEMORY\n\n- {thing}: {place}\n- prefers short answers\n")
    c.t.assistant(c.say("qal.answer", thing=thing, place=place))
    c.gold.noise.append(q.rstrip("?").strip())
    return True


def todo_assigned(c: Ctx) -> bool:
    task_l, x = c.pick(c.domain.tasks, "task")
    task = local(task_l, c.lang).format(x=unthe(c.lang, c.loc(x)))
    person = c.rng.choice(list(c.domain.people))
    date = c.loc(c.rng.choice(list(c.domain.dates)))
    lid = c.t.user(c.say("todo.lead", task=task))
    c.t.assistant(c.say("todo.ask"))
    if c.rng.random() < 0.35:  # the user takes it: only a date
        uid = c.t.user(c.say("todo.reply_self", date=date))
        c.t.assistant(c.say("a.rem_ack"))
        c.gold.add("todo", gold_text("todo.self", c.lang, task=task, date=date), [lid, uid])
        return True
    uid = c.t.user(c.say("todo.reply", person=person, date=date))
    c.t.assistant(c.say("a.todo_ack", person=person))
    c.gold.add("todo", gold_text("todo", c.lang, person=person, task=task, date=date), [lid, uid])
    return True


def question_self_answered(c: Ctx) -> bool:
    """The user asks, the assistant cannot answer, and the user settles it later: not open."""
    person = c.rng.choice(list(c.domain.people))
    q = c.say("qself.ask", person=person)
    c.t.user(q)
    c.t.assistant(c.say("qself.hold"))
    question, answer = c.pair("fill.user", "fill.asst")
    c.t.user(question)
    c.t.assistant(answer)
    c.t.user(c.say("qself.done", person=person))
    c.t.assistant(c.say("qself.ack"))
    c.gold.noise.append(q.rstrip("?").rstrip())
    return True


def rule_going_forward(c: Ctx) -> bool:
    good_t, bad_t = c.pick(c.domain.rules, "rule")
    good, bad = c.loc(good_t), c.loc(bad_t)
    uid = c.t.user(c.say("rule", good=good, bad=bad))
    c.t.assistant(c.say("a.rule_ack", good=good))
    c.gold.add("fact", gold_text("rule", c.lang, good=good, bad=bad), [uid], must_keep=True)
    return True


def preference_plain(c: Ctx) -> bool:
    a_t, b_t = c.pick(c.domain.prefs, "pref")
    a, b = c.loc(a_t), c.loc(b_t)
    uid = c.t.user(c.say("pref", a=a, b=b))
    c.t.assistant(c.say("a.pref_ack", a=a))
    c.gold.add("fact", gold_text("pref", c.lang, a=a, b=b), [uid])
    return True


def correction_value_only(c: Ctx) -> bool:
    thing_t, wrong_t, right_t, attr_l = c.pick(c.domain.values, "value")
    thing, wrong, right = c.loc(thing_t), c.loc(wrong_t), c.loc(right_t)
    attr = local(attr_l, c.lang)
    c.t.user(c.say("lead.setup", thing=thing))
    c.t.assistant(c.say("a.state", thing=thing, attr=attr, wrong=wrong))
    uid = c.t.user(c.say("corr", right=right, attr=attr, thing=thing))
    c.t.assistant(c.say("a.corr_ack", right=right, attr=attr))
    c.gold.add(
        "fact",
        gold_text("corr", c.lang, thing=thing, attr=attr, right=right, wrong=wrong),
        [uid],
        must_keep=True,
    )
    return True


def remember_future_owner(c: Ctx) -> bool:
    thing = c.loc(c.pick(c.domain.places, "place")[0])
    person = c.rng.choice(list(c.domain.people))
    uid = c.t.user(c.say("rem", person=person, thing=thing))
    c.t.assistant(c.say("a.rem_ack"))
    c.gold.add("fact", gold_text("owner", c.lang, person=person, thing=thing), [uid], must_keep=True)
    return True


def remember_declined_pin(c: Ctx) -> bool:
    if c.rng.random() < 0.5:
        secret = str(c.rng.randint(100000, 999999))
        text = c.say("rem.pin", secret=secret)
    else:
        secret = acts.app_password(c.rng)
        text = c.say("rem.apppw", secret=secret)
    c.t.user(text)
    c.t.assistant(c.say("a.decline"))
    c.gold.canaries.append(secret)
    return True


def answer_after_lookup(c: Ctx) -> bool:
    src, n, unit_l = c.pick(c.domain.figures, "figure")
    unit = local(unit_l, c.lang)
    c.t.user(c.say("fig.ask", src=src))
    c.t.bash(
        c.narrate("a.look"),
        f"grep -ri 'limit' notes/{c.domain.name}-refs.md | head -3",
        f"notes/{c.domain.name}-refs.md:14: {src}: {n} {unit_l['en']}",
    )
    aid, _ = c.t.assistant(c.say("fig.answer", src=src, n=n, unit=unit))
    c.gold.add("fact", gold_text("fig", c.lang, src=src, n=n, unit=unit), [aid])
    return True


def tools_fix_exit_codes(c: Ctx) -> bool:
    if not c.domain.fixes:
        return False
    cmd, file, cause, _ = c.pick(c.domain.fixes, "fix")
    cmd = cmd.split(" (")[0]
    c.t.user(c.say("lead.fix", cmd=cmd))
    code = c.rng.choice((1, 2, 3))
    _, fail = c.t.bash(
        c.narrate("a.look"),
        cmd,
        f"{file}:{c.rng.randint(3, 120)}: error: {cause}\n1 error generated.",
        exit_code=code,
    )
    eid, (cid,) = c.t.assistant(
        c.say("t.fix", file=file), calls=[("edit", {"path": file, "oldText": "…", "newText": "…"})]
    )
    c.t.tool_result(cid, "edit", f"Successfully replaced text in {file}.")
    _, ok = c.t.bash(None, cmd, f"{cmd.split()[0]}: all checks passed (0 errors, 0 warnings)")
    rid, _ = c.t.assistant(c.say("t.report", cmd=cmd, cause=cause, file=file, code=code))
    c.gold.add("outcome", gold_text("fix.cmd", c.lang, cmd=cmd, cause=cause, file=file), [fail, eid, ok, rid])
    return True


def tools_errored_exit0(c: Ctx) -> bool:
    """The job reports "errored" in its output while the command exits 0: unresolved, must keep."""
    if not c.domain.jobs:
        return False
    job_t, cmd = c.pick(c.domain.jobs, "job")
    job = c.loc(job_t)
    run = str(c.rng.randint(1000, 9999))
    error = c.rng.choice(("timeout after 600s", "permission denied on /srv/export", "disk quota exceeded"))
    c.t.user(c.say("lead.poll", job=job))
    _, res = c.t.bash(
        c.narrate("a.look"),
        cmd.format(run=run),
        f"run {run} started\n...\nrun {run}: errored ({error})\nexit status reported: 0",
    )
    sid, _ = c.t.assistant(c.say("t.errored", job=job, run=run, error=error))
    c.t.user(c.say("r.leave"))
    c.t.assistant(c.say("a.defer_ack"))
    c.gold.add("outcome", gold_text("errored", c.lang, job=job, error=error), [res, sid], must_keep=True)
    return True


def tools_retry_loop(c: Ctx) -> bool:
    """A restart, then many identical refused connections, then HTTP 200: one outcome; the rest is noise."""
    if not c.domain.deploys:
        return False
    svc, host, cmd = c.pick(c.domain.deploys, "deploy")
    c.t.user(c.say("lead.deploy", svc=svc))
    c.t.bash(c.narrate("a.look"), cmd, "restarting…")
    res = ""
    bare = host.split(":")[0]
    for k in range(c.rng.randint(8, 14)):
        narration = c.narrate("t.retry") if k % 4 == 0 else None
        _, res = c.t.bash(
            narration,
            f"curl -sS -o /dev/null -w '%{{http_code}}' https://{host}/",
            f"curl: (7) Failed to connect to {bare} port 443 after {c.rng.randint(1, 9)} ms: Connection refused",
            exit_code=7,
        )
    _, res = c.t.bash(None, f"curl -sSI https://{host}/ | head -1", "HTTP/2 200")
    did, _ = c.t.assistant(c.say("t.up", svc=svc, host=host))
    c.gold.add("outcome", gold_text("up", c.lang, svc=svc, host=host), [res, did])
    c.gold.noise.append("Connection refused")
    return True


def procedure_runbook_offer(c: Ctx) -> bool:
    if not c.domain.procs:
        return False
    goal_l, commands = c.pick(c.domain.procs, "proc")
    goal = local(goal_l, c.lang)
    c.t.user(c.say("lead.proc", goal=goal))
    for cmd in commands:
        c.t.bash(c.narrate("a.look") if cmd == commands[0] else None, cmd, "done")
    listing, joined = acts.steps_block(list(commands))
    aid, _ = c.t.assistant(c.say("proc.offer", steps=listing, goal=goal))
    uid = c.t.user(c.say("r.go"))
    c.t.assistant(c.say("a.rem_ack"))
    c.gold.add("procedure", gold_text("proc", c.lang, goal=goal, steps=joined), [aid, uid])
    return True


def secret_prose_reused(c: Ctx) -> bool:
    """A password given in prose for a job, then reused in a command: a canary everywhere."""
    pw = acts.password(c.rng)
    tok = acts.token(c.rng, "", 40)
    host = c.rng.choice(list(c.domain.hosts))
    c.t.user(c.say("secret.prose", secret=pw, host=host))
    c.t.bash(
        c.narrate("a.look"),
        f"curl -sS -u admin:{pw} https://{host}/api/token -d scope=read",
        f'{{"token": "{tok}", "expires_in": 3600}}',
    )
    c.t.assistant(c.say("secret.done", host=host))
    c.gold.canaries += [pw, tok]
    return True


def smalltalk(c: Ctx) -> bool:
    city = c.rng.choice(list(c.domain.cities))
    c.t.user(c.say("n.howru"))
    c.t.assistant(c.say("a.howru"))
    q = c.say("n.weather", city=city)
    c.t.user(q)
    c.t.assistant(c.say("a.weather", city=city))
    c.gold.noise.append(q.rstrip("?").strip())
    return True


def recap_restated(c: Ctx) -> bool:
    if not c.decided:
        return False
    c.t.user(c.say("recap.ask"))
    c.t.assistant(c.say("recap", items="; ".join(c.decided)))
    return True


FAMILIES: dict[str, Family] = {
    "choice-prose": choice_prose,
    "choice-labelled-side-question": choice_labelled_side_question,
    "reversal-later": reversal_later,
    "offer-after-work": offer_after_work,
    "question-deferred-other": question_deferred_other,
    "question-answered-from-notes": question_answered_from_notes,
    "question-self-answered": question_self_answered,
    "todo-assigned": todo_assigned,
    "rule-going-forward": rule_going_forward,
    "preference-plain": preference_plain,
    "correction-value-only": correction_value_only,
    "remember-future-owner": remember_future_owner,
    "remember-declined-pin": remember_declined_pin,
    "answer-after-lookup": answer_after_lookup,
    "tools-fix-exit-codes": tools_fix_exit_codes,
    "tools-errored-exit0": tools_errored_exit0,
    "tools-retry-loop": tools_retry_loop,
    "procedure-runbook-offer": procedure_runbook_offer,
    "secret-prose-reused": secret_prose_reused,
    "smalltalk": smalltalk,
    "recap-restated": recap_restated,
}
