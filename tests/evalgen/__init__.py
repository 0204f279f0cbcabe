"""A generator of labelled OpenClaw conversations for the extractor's eval (issue 11).

Conversations are composed from dialogue-act *template families* (structures), *phrasing banks*
(how each act is worded, per language) and *topic domains* (slot values). The two generated splits
use disjoint sets of all three:

* ``gen-tune``: ``families_tune``, ``banks_tune``, ``domains_tune``. The extractor's authors may
  read these and tune on the split.
* ``gen-report``: the modules under ``report/``. Extractor authors must not read them (nor the
  split's files): the split measures what the rules do on structures and wordings they never saw.

Shared by both: ``core`` (context, bank and domain types), ``transcript`` (the JSONL writer),
``acts`` (secrets, tool outputs), ``gold_text`` (canonical label texts), ``generate``.
Regenerate with ``python -m tests.evalgen --out tests/data/eval``.
"""
