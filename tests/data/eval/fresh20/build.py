import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))

from typing import Any

from envelope import Conv, main

HOME = "/home/mortiz"
THESIS = f"{HOME}/thesis"


def bash(cmd: str, timeout: int | None = None) -> tuple[str, dict[str, Any]]:
    args: dict[str, Any] = {"command": cmd}
    if timeout:
        args["timeout"] = timeout
    return ("bash", args)


# ---------------------------------------------------------------------------------------------
# 01  SLURM job OOM-killed, requeued, polled (en, pi)
# ---------------------------------------------------------------------------------------------
def c01() -> Conv:
    c = Conv("01-slurm-oom-requeue", "2026-11-23T07:52:00", 1, "pi", cwd=f"{THESIS}/grn-pipeline")
    c.u("morning. 4471823 died overnight, can you check what happened")
    c.a(
        "Let me check the accounting record first.",
        tools=[bash("sacct -j 4471823 --format=JobID%18,JobName%14,State,ExitCode,MaxRSS,ReqMem,Elapsed")],
    )
    r1 = c.r(
        "             JobID        JobName      State ExitCode     MaxRSS     ReqMem    Elapsed\n"
        "------------------ -------------- ---------- -------- ---------- ---------- ----------\n"
        "           4471823     scenic_grn OUT_OF_ME+    0:125                   64G   05:41:17\n"
        "     4471823.batch          batch OUT_OF_ME+    0:125     63.84G              05:41:17\n"
        "    4471823.extern         extern  COMPLETED      0:0       1.1M              05:41:18"
    )
    a1 = c.a(
        "It was OOM-killed. The batch step peaked at 63.84G against a 64G request, after 5h41m, so it "
        "died inside the regulon pruning of `scenic_grn`, not at start-up. The input is the same "
        "zebrafish fin atlas as last time, but the config now has the extra 4 dpa timepoint, which "
        "explains the jump.\n\n"
        "Ways forward:\n"
        "1. Resubmit on `standard` with `--mem=128G`. Same queue you always use, short wait.\n"
        "2. Move it to `bigmem` (up to 1 TB/node). Plenty of headroom, but bigmem allows 2 running jobs "
        "per user and there are 14 pending in front of you right now.\n"
        "3. Split the pruning per chromosome in `workflow/run_grn.smk` so each chunk fits in 64G. "
        "Cleanest long-term, but it changes the pipeline and needs a test run.\n\n"
        "I'd take 1 unless you expect the atlas to grow again before the thesis is done."
    )
    u2 = c.u("2 is overkill, and no time for 3. first one. wait is the standard partition max still 48h?")
    c.a(tools=[bash("scontrol show partition standard | grep -oE '(MaxTime|MaxMemPerNode)=[^ ]+'")])
    r2 = c.r("MaxTime=2-00:00:00\nMaxMemPerNode=191000")
    c.a(
        "Yes: `standard` still has a 48 h walltime limit and 191000 MB per node, so 128G fits. "
        "Resubmitting with 128G and 36 h.",
        tools=[
            bash(
                "cd ~/thesis/grn-pipeline && sbatch --mem=128G --time=36:00:00 --export=ALL,STEP=grn slurm/grn.sbatch"
            )
        ],
    )
    r3 = c.r(
        "sbatch: error: Batch job submission failed: Invalid account or account/partition combination "
        "specified",
        exit_code=1,
    )
    c.a(
        "The account is rejected. The script has no `-A` line and your default account seems to be unset. "
        "Checking which associations you have.",
        tools=[bash("sacctmgr -nP show assoc user=mortiz format=account,partition")],
    )
    c.r("halvorsen_grp|standard\nhalvorsen_grp|bigmem\nhalvorsen_grp|gpu")
    c.a(
        tools=[
            bash(
                "cd ~/thesis/grn-pipeline && sbatch -A halvorsen_grp --mem=128G --time=36:00:00 "
                "--export=ALL,STEP=grn slurm/grn.sbatch"
            )
        ]
    )
    r4 = c.r("Submitted batch job 4473090")
    c.a("Resubmitted as 4473090 under `halvorsen_grp`.")
    u3 = c.u(
        "ugh, the account thing again. always put the -A halvorsen_grp in the sbatch scripts from now on, "
        "not on the command line, i keep forgetting it"
    )
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "slurm/grn.sbatch",
                    "oldText": "#SBATCH --job-name=scenic_grn\n",
                    "newText": "#SBATCH --job-name=scenic_grn\n#SBATCH --account=halvorsen_grp\n",
                },
            )
        ]
    )
    c.r("Successfully replaced text in slurm/grn.sbatch.")
    c.a(
        "Added `#SBATCH --account=halvorsen_grp` to `slurm/grn.sbatch`. The other scripts in `slurm/` "
        "(`qc.sbatch`, `boot.sbatch`) will get the same line the next time we touch them."
    )
    c.u("ok poll it every few min, i'm going to get coffee")
    c.a(tools=[bash("sleep 300; squeue -j 4473090 -h -o '%i %T %M %R'", timeout=360)])
    c.r("4473090 RUNNING 3:51 node-c117", gap=300)
    c.a(tools=[bash("sleep 600; sstat -j 4473090.batch -n --format=MaxRSS,AveCPU", timeout=660)])
    r5 = c.r("    71.22G  01:58:40", gap=600)
    a2 = c.a(
        "Running on node-c117 for about 14 minutes. MaxRSS is already 71.22G, above the old 64G limit, so "
        "the OOM reading was right and 128G was needed. At the old pace it needs roughly another 6 h.\n\n"
        "I could add `--mail-type=END,FAIL` to `grn.sbatch` so SLURM emails you instead of me polling. "
        "Want that?"
    )
    u5 = c.u("no, slurm mail goes to my old student address and i never read that. leave it")
    c.a("Ok, no mail line. I'll leave it alone.")
    u6 = c.u("also note for me: tell Lucía by thursday that the GRN rerun won't be ready before friday")
    a3 = c.a("Noted: you tell Lucía by Thursday 26 Nov that the GRN rerun won't be ready before Friday.")
    c.u("thx")

    c.item(
        "decision",
        "GRN step memory fix: resubmit on the standard partition with --mem=128G (option 1; "
        "bigmem and splitting run_grn.smk not taken).",
        [a1, u2],
        True,
    )
    c.item(
        "outcome",
        "Job 4471823 (scenic_grn) was OOM-killed at MaxRSS 63.84G of 64G; the resubmit first "
        "failed (invalid account), then went in as job 4473090 with -A halvorsen_grp, --mem=128G, "
        "--time=36:00:00; running on node-c117, MaxRSS 71.22G after 14 min.",
        [r1, r3, r4, r5],
    )
    c.item(
        "fact",
        "Standing rule: always put the account (#SBATCH --account=halvorsen_grp) in the sbatch "
        "scripts, not on the command line; added to slurm/grn.sbatch.",
        [u3],
        True,
    )
    c.item(
        "fact",
        "The standard partition allows 48 h walltime (MaxTime=2-00:00:00) and 191000 MB per node.",
        [r2],
    )
    c.item(
        "decision",
        "Rejected: --mail-type=END,FAIL in grn.sbatch, because SLURM mail goes to an old "
        "student address nobody reads.",
        [a2, u5],
        True,
    )
    c.item(
        "todo",
        "Maëlle tells Lucía by Thursday 26 Nov that the GRN rerun won't be ready before Friday.",
        [u6, a3],
    )
    c.noise += [
        "morning",
        "i'm going to get coffee",
        "Let me check the accounting record first",
        "is the standard partition max still 48h",
        "thx",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 02  latexmk / biber failure, margin correction, build procedure (en, pi)
# ---------------------------------------------------------------------------------------------
def c02() -> Conv:
    c = Conv("02-latexmk-biber-margins", "2026-11-24T13:05:00", 1, "pi", cwd=f"{THESIS}/manuscript")
    c.u("latexmk broke again, biber complains about something. fix pls")
    c.a(tools=[bash("latexmk -pdf -interaction=nonstopmode main.tex 2>&1 | tail -n 12")])
    r1 = c.r(
        "Latexmk: applying rule 'biber main'...\n"
        "Running 'biber  \"main\"'\n"
        "INFO - This is Biber 2.19\n"
        "INFO - Logfile is 'main.blg'\n"
        "ERROR - Error: Found biblatex control file version 3.11, expected version 3.10.\n"
        "This means that your biber (2.19) and biblatex (3.20) versions are incompatible.\n"
        "See compat matrix in biblatex or biber PDF documentation.\n"
        "INFO - ERRORS: 1\n"
        "Latexmk: Errors, so I did not complete making targets\n"
        "Collected error summary (may duplicate other error messages):\n"
        "  biber main: Run of rule 'biber main' gave a non-zero error code",
        exit_code=12,
    )
    c.a(
        think="biber 2.19 vs biblatex 3.20. TeX Live 2025 ships biber 2.20 with biblatex 3.20. So the biber "
        "being run is probably not TeX Live's. The conda env is active in this shell; bioconda pulls perl "
        "stuff, maybe biber too. Check which -a.",
        tools=[bash("which -a biber; biber --version; kpsewhich biblatex.sty")],
    )
    c.r(
        "/home/mortiz/miniforge3/envs/scgrn/bin/biber\n/home/mortiz/texlive/2025/bin/x86_64-linux/biber\n"
        "biber version: 2.19\n/home/mortiz/texlive/2025/texmf-dist/tex/latex/biblatex/biblatex.sty"
    )
    a1 = c.a(
        "Found it. The biber that runs is `~/miniforge3/envs/scgrn/bin/biber` (2.19), which came into the "
        "`scgrn` conda env as a dependency and shadows TeX Live's biber whenever that env is active. "
        "TeX Live 2025 has its own biber that matches biblatex 3.20.\n\n"
        "Three ways out: deactivate conda before every build; pin the TeX Live biber in a `latexmkrc` "
        "(`$biber = '/home/mortiz/texlive/2025/bin/x86_64-linux/biber %O %S';`) so it doesn't matter "
        "which env is active; or remove biber from `scgrn`, which might drag other packages with it. "
        "I'd go with the latexmkrc, but your call."
    )
    u1 = c.u("your call")
    a2 = c.a(
        "latexmkrc then, and a rebuild.",
        tools=[
            (
                "write",
                {
                    "path": "latexmkrc",
                    "content": "$pdf_mode = 1;\n$biber = '/home/mortiz/texlive/2025/bin/x86_64-linux/biber %O %S';\n",
                },
            ),
            bash("latexmk -pdf -interaction=nonstopmode main.tex 2>&1 | grep -E 'ERROR|WARN|Output' | head"),
        ],
    )
    c.r("Successfully wrote 65 bytes to latexmkrc")
    r2 = c.r(
        "ERROR - BibTeX subsystem: /tmp/biber_tmp_Qw3k/refs.bib_41877.utf8, line 412, syntax error: found "
        '"@article", expected end of entry ("}" or ")") (skipping to next "@")\n'
        "WARN - Datamodel: entry 'ferreyra2025' (refs.bib): Missing mandatory field 'journaltitle'",
        exit_code=12,
    )
    c.a(
        "Right biber now, but a different error: `refs.bib` is malformed around line 412.",
        tools=[("read", {"path": "refs.bib", "offset": 400, "limit": 14})],
    )
    c.r(
        "@article{ferreyra2025,\n  author = {Ferreyra, Lucía and Ortiz, Maëlle and Halvorsen, Teodor},\n"
        "  title = {Regulon dynamics during axolotl limb regeneration},\n"
        "  journaltitle = {Genome Systems Letters},\n  year = {2025},\n  volume = {7},\n"
        "  pages = {e1184},\n  doi = {10.5555/gsl.2025.1184},\n\n"
        "@article{kessenich2024,\n  author = {Kessenich, Jonas and Pryor, Amaal},\n"
        "  title = {Benchmarking single-cell GRN inference},\n  year = {2024},"
    )
    c.a(
        "The `ferreyra2025` entry is missing its closing brace, so biber reads the next entry as part of it. "
        "Closing it.",
        tools=[
            (
                "edit",
                {
                    "path": "refs.bib",
                    "oldText": "  doi = {10.5555/gsl.2025.1184},\n\n@article{kessenich2024,",
                    "newText": "  doi = {10.5555/gsl.2025.1184},\n}\n\n@article{kessenich2024,",
                },
            ),
            bash("latexmk -pdf -interaction=nonstopmode main.tex 2>&1 | tail -n 3"),
        ],
    )
    c.r("Successfully replaced text in refs.bib.")
    r3 = c.r(
        "Output written on main.pdf (184 pages, 9412337 bytes).\nTranscript written on main.log.\n"
        "Latexmk: All targets (main.pdf) are up-to-date"
    )
    c.a(
        "Builds again: `main.pdf`, 184 pages, no biber errors. The fix was two things: latexmk now always "
        "uses TeX Live's biber via `latexmkrc`, and `refs.bib` had an unclosed `ferreyra2025` entry "
        "(probably from the copy-paste last week)."
    )
    c.u("nice. are the margins ok for the grad school btw")
    c.a(tools=[bash("grep -n 'geometry' vgs-thesis.cls main.tex")])
    c.r(
        "vgs-thesis.cls:88:% Graduate School requirement (2022): binding margin 3 cm, others 2.5 cm\n"
        "vgs-thesis.cls:89:\\RequirePackage[a4paper,left=3cm,right=2.5cm,top=2.5cm,bottom=2.5cm]{geometry}"
    )
    a3 = c.a(
        "Yes. `vgs-thesis.cls` sets left 3 cm and 2.5 cm elsewhere, which matches the requirement "
        "written in its comment (3 cm binding margin)."
    )
    u2 = c.u(
        "no, that comment is old, they changed it this year. binding margin is 3.5cm now, rest stays 2.5. "
        "put it in the preamble of main.tex"
    )
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "main.tex",
                    "oldText": "\\documentclass{vgs-thesis}\n",
                    "newText": "\\documentclass{vgs-thesis}\n\\geometry{left=3.5cm,right=2.5cm,top=2.5cm,bottom=2.5cm}\n",
                },
            ),
            bash("latexmk -pdf -interaction=nonstopmode main.tex 2>&1 | grep 'Output written'"),
        ]
    )
    c.r("Successfully replaced text in main.tex.")
    r4 = c.r("Output written on main.pdf (186 pages, 9431980 bytes).")
    a4 = c.a(
        "Fixed: `main.tex` now sets a 3.5 cm binding margin (2.5 cm elsewhere) right after "
        "`\\documentclass`. The thesis grew from 184 to 186 pages with the narrower text block."
    )
    u3 = c.u("save the build steps somewhere, i won't remember any of this in 2 weeks")
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "BUILD.md",
                    "content": "# Building the thesis\n\n"
                    "1. `cd ~/thesis/manuscript`\n"
                    "2. `latexmk -C` (clean, only when biber acts up)\n"
                    "3. `latexmk -pdf -interaction=nonstopmode main.tex` (latexmkrc pins TeX Live's biber, "
                    "any conda env may be active)\n"
                    "4. `grep -E 'ERROR|WARN' main.blg` to check the bibliography\n"
                    "5. `pdfinfo main.pdf | grep Pages` as a sanity check\n\n"
                    "Margins are set in main.tex (binding 3.5 cm), not in vgs-thesis.cls.\n",
                },
            )
        ]
    )
    r5 = c.r("Successfully wrote 452 bytes to BUILD.md")
    c.a(
        "Saved to `BUILD.md` in the manuscript folder: clean, build with latexmk, check `main.blg`, check the "
        "page count, plus a line on where the margins live."
    )
    c.u("ty")

    c.item(
        "decision",
        "Biber version mismatch fix: pin TeX Live's biber in latexmkrc via $biber (assistant's "
        'pick after "your call"), instead of deactivating conda or removing biber from scgrn.',
        [a1, u1, a2],
        True,
    )
    c.item(
        "outcome",
        "latexmk failed: biber 2.19 from the scgrn conda env shadowed TeX Live's biber (biblatex "
        "3.20), then refs.bib had an unclosed ferreyra2025 entry (line 412); after latexmkrc and the brace "
        "fix main.pdf builds (184 pages).",
        [r1, r2, r3],
    )
    c.item(
        "fact",
        "Correction: the graduate school binding margin is now 3.5 cm (others 2.5 cm); the 3 cm in "
        "the vgs-thesis.cls comment (2022) is outdated.",
        [a3, u2],
        True,
    )
    c.item(
        "outcome",
        "main.tex preamble now sets \\geometry{left=3.5cm,right=2.5cm,top=2.5cm,bottom=2.5cm}; "
        "main.pdf rebuilt at 186 pages.",
        [r4, a4],
    )
    c.item(
        "procedure",
        "Thesis build steps saved to ~/thesis/manuscript/BUILD.md: latexmk -C (if needed), "
        "latexmk -pdf -interaction=nonstopmode main.tex, grep ERROR/WARN in main.blg, pdfinfo page "
        "count.",
        [u3, r5],
    )
    c.noise += [
        "fix pls",
        "nice",
        "ty",
        "Right biber now, but a different error",
        "are the margins ok for the grad school btw",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 03  conda env: cellrank / python conflict, reversal (fr, pi)
# ---------------------------------------------------------------------------------------------
def c03() -> Conv:
    c = Conv("03-env-conda-cellrank-fr", "2026-11-25T09:20:00", 1, "pi", cwd=f"{THESIS}/grn-pipeline")
    c.u(
        "salut. faut que j'ajoute scvelo et cellrank dans l'env scgrn mais conda mouline depuis 20 min "
        'sur "solving environment". tu peux regarder ?'
    )
    c.a(
        "Je regarde d'abord ce qu'il y a dans l'env.",
        tools=[bash("conda list -n scgrn | grep -E '^(python|numpy|anndata|scanpy) '")],
    )
    c.r(
        "anndata                   0.8.0              pyhd8ed1ab_1    conda-forge\n"
        "numpy                     1.23.5          py39h3d75532_0    conda-forge\n"
        "python                    3.9.18          h0755675_0_cpython    conda-forge\n"
        "scanpy                    1.9.3              pyhd8ed1ab_0    bioconda"
    )
    c.a(
        tools=[
            bash(
                "mamba install -n scgrn -c conda-forge -c bioconda scvelo=0.3.2 cellrank=2.0.4 "
                "--dry-run 2>&1 | tail -n 6"
            )
        ]
    )
    r1 = c.r(
        "error    libmamba Could not solve for environment specs\n"
        "    The following packages are incompatible\n"
        "    ├─ cellrank 2.0.4  is installable and it requires\n"
        "    │  └─ python >=3.10 , which can be installed;\n"
        "    └─ python 3.9.18**  is not installable because it is pinned.\n"
        "critical libmamba Could not solve for environment specs",
        exit_code=1,
    )
    a1 = c.a(
        "Ce n'est pas une question de lenteur : conda ne peut pas résoudre. cellrank 2.x exige "
        "python >= 3.10, et `scgrn` est en python 3.9.18 (épinglé). Conda cherchait en vain, mamba le dit "
        "tout de suite.\n\n"
        "Options :\n"
        "1. créer un nouvel env en 3.11 à partir de `envs/scgrn.yml` mis à jour, puis revalider tout le "
        "pipeline dessus (une bonne demi-journée) ;\n"
        "2. installer cellrank 1.5.1, la dernière version compatible 3.9, dans `scgrn` tel quel : rien "
        "d'autre ne bouge ;\n"
        "3. monter python en 3.11 dans `scgrn` directement : presque tout sera réinstallé, c'est le plus "
        "risqué.\n\n"
        "La 2 est de loin la moins chère."
    )
    c.u("la moins chère alors, j'ai pas le temps de revalider quoi que ce soit avant le 15")
    c.a(
        tools=[
            bash(
                "mamba install -n scgrn -c conda-forge -c bioconda scvelo=0.3.2 cellrank=1.5.1 -y "
                "2>&1 | tail -n 3"
            )
        ]
    )
    c.r(
        "  + cellrank   1.5.1  pyhdfd78af_0  bioconda     Cached\n"
        "  + scvelo     0.3.2  pyhdfd78af_0  bioconda     Cached\n\nTransaction finished"
    )
    c.a(
        tools=[
            bash(
                "conda run -n scgrn python -c 'import cellrank, scvelo; "
                "print(cellrank.__version__, scvelo.__version__)'"
            )
        ]
    )
    c.r("1.5.1 0.3.2")
    c.a("Installé : cellrank 1.5.1 et scvelo 0.3.2 dans `scgrn`, l'import passe.")
    u1 = c.u(
        "hmm non en fait. je viens de me rappeler que cellrank 1.5 n'a pas le CytoTRACEKernel, et "
        "Lucía l'utilise dans sa partie. on aurait des résultats pas comparables. fais plutôt un env "
        "séparé en 3.11 rien que pour cellrank, et scgrn on n'y touche pas"
    )
    a2 = c.a(
        "D'accord : un env séparé `scgrn-velo` (python 3.11, cellrank 2.0.4, scvelo 0.3.2) et `scgrn` "
        "reste comme avant. Je retire donc cellrank et scvelo que je viens d'y mettre, pour revenir "
        "exactement à l'état d'avant ?"
    )
    u2 = c.u("oui")
    c.a(
        tools=[
            bash(
                "mamba remove -n scgrn cellrank scvelo -y 2>&1 | tail -n 1 && mamba create -n scgrn-velo "
                "-c conda-forge -c bioconda python=3.11 scvelo=0.3.2 cellrank=2.0.4 scanpy=1.10.2 -y "
                "2>&1 | tail -n 3"
            )
        ]
    )
    r2 = c.r(
        "Transaction finished\n"
        "error    libmamba Could not download 'https://conda.anaconda.org/bioconda/noarch/repodata.json': "
        "HTTP 503 SERVICE UNAVAILABLE\ncritical libmamba Multi-download failed.",
        exit_code=1,
    )
    c.a(
        "Le retrait dans `scgrn` est fait ; la création a échoué sur un 503 du miroir bioconda, côté serveur. "
        "Je réessaie dans une minute.",
        tools=[
            bash(
                "sleep 60; mamba create -n scgrn-velo -c conda-forge -c bioconda python=3.11 scvelo=0.3.2 "
                "cellrank=2.0.4 scanpy=1.10.2 -y 2>&1 | tail -n 2",
                timeout=600,
            )
        ],
    )
    r3 = c.r(
        gap=190,
        output="To activate this environment, use\n\n     $ mamba activate scgrn-velo\n\nTransaction finished",
    )
    c.a(
        tools=[
            bash(
                "conda run -n scgrn-velo python -c 'import cellrank, scvelo; from cellrank.kernels import "
                "CytoTRACEKernel; print(cellrank.__version__, scvelo.__version__)'"
            )
        ]
    )
    r4 = c.r("2.0.4 0.3.2")
    c.a(
        "C'est bon : `scgrn-velo` existe (python 3.11, cellrank 2.0.4 avec CytoTRACEKernel, scvelo 0.3.2), "
        "et `scgrn` est revenu à son état initial."
    )
    u3 = c.u(
        "parfait. règle pour la suite : on épingle toujours les versions exactes dans les environment.yml, "
        "jamais de >= . exporte les deux"
    )
    c.a(
        tools=[
            bash(
                "conda env export -n scgrn --no-builds > envs/scgrn.yml && conda env export -n scgrn-velo "
                "--no-builds > envs/scgrn-velo.yml && grep -c '>=' envs/*.yml; ls -l envs/"
            )
        ]
    )
    r5 = c.r(
        "envs/scgrn.yml:0\nenvs/scgrn-velo.yml:0\ntotal 12\n"
        "-rw-r--r-- 1 mortiz halvorsen_grp 3911 Nov 25 10:28 scgrn-velo.yml\n"
        "-rw-r--r-- 1 mortiz halvorsen_grp 5127 Nov 25 10:28 scgrn.yml"
    )
    c.a(
        "Exportés dans `envs/scgrn.yml` et `envs/scgrn-velo.yml`, toutes les versions sont exactes "
        "(aucun `>=`)."
    )
    u4 = c.u(
        "merci. par contre le mamba du cluster est le même ? je sais pas si faut recréer scgrn-velo "
        "là-bas aussi"
    )
    a3 = c.a(
        "Je ne peux pas le vérifier d'ici : cette session n'a pas d'accès ssh à hekla. Il faudra "
        "regarder `mamba --version` et `conda env list` sur le login node."
    )
    u5 = c.u("je regarderai demain sur le login node")

    c.item(
        "decision",
        "cellrank : env séparé scgrn-velo (python 3.11, cellrank 2.0.4, scvelo 0.3.2, scanpy "
        "1.10.2) ; scgrn reste inchangé (cellrank 1.5.1 n'a pas le CytoTRACEKernel utilisé par Lucía).",
        [a1, u1, a2, u2],
        True,
    )
    c.item(
        "outcome",
        "scgrn-velo créé après un HTTP 503 du miroir bioconda au premier essai ; cellrank et "
        "scvelo retirés de scgrn ; import de cellrank 2.0.4 + CytoTRACEKernel OK.",
        [r2, r3, r4],
    )
    c.item(
        "fact",
        "Règle : toujours épingler les versions exactes dans les environment.yml, jamais de >=.",
        [u3],
        True,
    )
    c.item(
        "outcome",
        "Environnements exportés dans envs/scgrn.yml et envs/scgrn-velo.yml (versions exactes).",
        [r5],
    )
    c.item(
        "fact", "cellrank 2.x exige python >= 3.10 ; l'env scgrn est en python 3.9.18 (épinglé).", [r1, a1]
    )
    c.item(
        "open_question",
        "Le mamba du cluster hekla est-il le même, et faut-il recréer scgrn-velo là-bas ? "
        "À vérifier demain sur le login node.",
        [u4, a3, u5],
    )
    c.noise += [
        "salut",
        "conda mouline depuis 20 min",
        "Je regarde d'abord ce qu'il y a dans l'env",
        "parfait",
        "merci",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 04  email to the advisor, app password declined, to-dos (en, control-ui)
# ---------------------------------------------------------------------------------------------
def c04() -> Conv:
    c = Conv(
        "04-advisor-email-ch3", "2026-11-30T08:40:00", 1, "control-ui", cwd=f"{HOME}/.openclaw/workspace"
    )
    u1 = c.u(
        "hey. need to write to Teodor about the ch3 timeline, he asked on friday. draft something short? "
        "points: ch3 draft comes dec 12 instead of dec 5 because of the OOM rerun, and i want to ask if "
        "the committee meeting can move to january"
    )
    a1 = c.a(
        "Here's a first draft:\n\n"
        "---\nSubject: Chapter 3 timeline\n\nDear Teodor,\n\n"
        "Sorry for the delay in getting back to you about chapter 3. Unfortunately the GRN inference "
        "had to be rerun after the cluster job ran out of memory, and the new results only come in "
        "this week. I therefore expect to send you the full chapter 3 draft on 12 December rather than "
        "5 December.\n\n"
        "Given this, would it be possible to move the committee meeting to January? That would leave "
        "time to include your comments on chapter 3 before the committee reads it.\n\n"
        "Best regards,\nMaëlle\n---\n\n"
        "I could also attach the current chapter 3 PDF (41 pages) so he sees where it stands. Want that?"
    )
    u2 = c.u(
        "no, it still has all the red TODO boxes, he'll fixate on them. and make it shorter and less "
        'apologetic, he hates "sorry for the delay" type openings'
    )
    a2 = c.a(
        "No attachment then. Shorter version:\n\n"
        "---\nSubject: Chapter 3 timeline\n\nDear Teodor,\n\n"
        "The GRN inference for chapter 3 had to be rerun (the cluster job ran out of memory), so the full "
        "draft will reach you on 12 December instead of 5 December.\n\n"
        "Could we move the committee meeting to January, so that your comments on chapter 3 are in before "
        "the committee reads it?\n\nBest,\nMaëlle\n---"
    )
    c.u(
        "good. send it from my uni account. the app password is qhtz mvke plor wxab , remember it so i "
        "dont have to paste it every time"
    )
    c.a(
        "I'll use it for this one send, but I won't keep it in memory: the memory log is plain text and an "
        "app password gives full access to your mailbox. If you want to stop pasting it, `~/bin/unimail.py` "
        "can read it from your keyring instead (`secret-tool store --label=unimail service unimail`).",
        tools=[
            (
                "write",
                {
                    "path": "/tmp/ch3_mail.txt",
                    "content": "Dear Teodor,\n\nThe GRN inference for chapter 3 had to be rerun (the cluster job ran "
                    "out of memory), so the full draft will reach you on 12 December instead of "
                    "5 December.\n\nCould we move the committee meeting to January, so that your comments "
                    "on chapter 3 are in before the committee reads it?\n\nBest,\nMaëlle\n",
                },
            )
        ],
    )
    c.r("Successfully wrote 309 bytes to /tmp/ch3_mail.txt")
    c.a(
        tools=[
            bash(
                "MAIL_APP_PW='qhtz mvke plor wxab' python3 ~/bin/unimail.py send "
                "--from m.ortiz@stud.vardenholm.ac --to t.halvorsen@vardenholm.ac "
                "--subject 'Chapter 3 timeline' --body-file /tmp/ch3_mail.txt && rm /tmp/ch3_mail.txt"
            )
        ]
    )
    r1 = c.r(
        "connecting smtp.vardenholm.ac:587 (STARTTLS)\n250 2.0.0 Ok: queued as 4F2A91C03B\nsent: 1 message"
    )
    a3 = c.a(
        "Sent to t.halvorsen@vardenholm.ac from m.ortiz@stud.vardenholm.ac (queued as 4F2A91C03B). "
        "The temporary body file is deleted."
    )
    u4 = c.u(
        "ok. i also need to ask Lucía if she wants to be corresponding author on the compbiosys paper "
        "but not in this thread obviously. i'll ask her at the lab meeting tuesday"
    )
    a4 = c.a("Ok, that stays open until Tuesday's lab meeting.")
    u5 = c.u("and put a todo: me, send Teodor the ch3 draft by dec 12")
    a5 = c.a("Added: you send Teodor the chapter 3 draft by Saturday 12 December.")
    u6 = c.u(
        "oh and remember that Teodor is away dec 18 to jan 6. no replies from him in that window, so "
        "anything that needs his ok has to go before the 18th"
    )
    c.a(
        "Noted: Teodor is away 18 December to 6 January; anything needing his approval must reach him before "
        "18 December. That also means his comments on chapter 3 need to come back within six days of the "
        "12th."
    )
    c.u("yeah that's going to be tight. thanks anyway, rough week")
    c.a("Good luck with it. Ping me when the GRN rerun finishes and we'll get the figures in.")

    c.item(
        "decision",
        "Rejected: attaching the current chapter 3 PDF (41 pages) to the mail, because it "
        "still has the red TODO boxes.",
        [a1, u2],
        True,
    )
    c.item(
        "outcome",
        'Mail "Chapter 3 timeline" sent to t.halvorsen@vardenholm.ac from '
        "m.ortiz@stud.vardenholm.ac (queued as 4F2A91C03B): chapter 3 draft moves from 5 to 12 December "
        "because of the GRN rerun; asks to move the committee meeting to January.",
        [u1, a2, r1, a3],
    )
    c.item(
        "fact",
        'Teodor dislikes apologetic openings like "sorry for the delay"; keep mails to him short.',
        [u2],
    )
    c.item(
        "open_question",
        "Does Lucía want to be corresponding author on the CompBioSys paper? Maëlle asks "
        "her at Tuesday's lab meeting.",
        [u4, a4],
    )
    c.item("todo", "Maëlle sends Teodor the chapter 3 draft by 12 December.", [u5, a5])
    c.item(
        "fact",
        "Remember: Teodor is away 18 December to 6 January; anything needing his approval must "
        "reach him before 18 December.",
        [u6],
        True,
    )
    c.canaries += ["qhtz mvke plor wxab"]
    c.noise += [
        "he asked on friday",
        "rough week",
        "Good luck with it",
        "thanks anyway",
        "that's going to be tight",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 05  figures for chapter 4: palette, width, fonts (es, pi)
# ---------------------------------------------------------------------------------------------
def c05() -> Conv:
    c = Conv("05-figuras-paleta-es", "2026-12-01T10:15:00", 1, "pi", cwd=f"{THESIS}/grn-pipeline")
    u1 = c.u(
        "oye, las figuras del cap 4 tienen que ir a 174 mm de ancho para la revista y la paleta actual "
        "no se distingue nada en escala de grises. ideas? ah y el 174 es con o sin margenes?"
    )
    c.a(
        "Miro el script y las pautas de la revista.",
        tools=[
            bash("ls figs/ch4/ && grep -nE 'figsize|cmap|palette|font' scripts/fig_ch4.py"),
            bash("grep -iE -A1 'width|column' docs/gsl_author_guidelines.txt | head -n 6"),
        ],
    )
    c.r(
        "fig4_1.pdf  fig4_2.pdf  fig4_3.pdf  fig4_4.pdf  fig4_5.pdf  fig4_6.pdf\n"
        "14:PALETTE = sns.color_palette('tab10', 8)\n"
        "15:plt.rcParams['font.family'] = 'Source Sans 3'\n"
        "41:    fig, ax = plt.subplots(figsize=(7.5, 4.2))"
    )
    r0 = c.r(
        "Figure width: single column 84 mm, double column 174 mm.\n"
        "Widths refer to the printed figure itself; the page margins are already excluded."
    )
    c.a(
        "Sobre el ancho: según `docs/gsl_author_guidelines.txt`, 174 mm es el ancho de doble columna y ya "
        "excluye los márgenes, así que la figura entera mide 174 mm. Ahora mismo el script usa "
        "`figsize=(7.5, 4.2)` pulgadas, unos 190 mm, y la paleta `tab10`, que en grises deja "
        "rojo, verde y morado casi iguales.\n\n"
        "Para la paleta veo tres caminos. Viridis discretizado en 8 pasos se ve perfecto en grises, pero "
        "es una escala continua y sugiere un orden entre tipos celulares que no existe. Okabe-Ito tiene "
        "8 colores pensados para daltonismo y se separa bien en grises, salvo amarillo y naranja, que "
        "quedan parecidos. Y cividis es aún más robusto en grises, pero es también continuo y bastante "
        "soso. Para categorías yo iría con Okabe-Ito."
    )
    u2 = c.u("okabe-ito, pero sin el amarillo, en impresión se pierde")
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "scripts/fig_ch4.py",
                    "oldText": "PALETTE = sns.color_palette('tab10', 8)",
                    "newText": "OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#000000']\n"
                    "PALETTE = OKABE_ITO  # Okabe-Ito without yellow #F0E442",
                },
            )
        ]
    )
    c.r("Successfully replaced text in scripts/fig_ch4.py.")
    c.a(tools=[bash("conda run -n scgrn python scripts/fig_ch4.py --width-mm 174 2>&1 | tail -n 4")])
    r1 = c.r(
        "findfont: Font family 'Source Sans 3' not found.\n"
        '  File "scripts/fig_ch4.py", line 52, in plot_umap\n'
        "    raise ValueError(f'{n} categories but palette has {len(PALETTE)} colors')\n"
        "ValueError: 8 categories but palette has 7 colors",
        exit_code=1,
    )
    a1 = c.a(
        "Falla porque hay 8 tipos celulares y sin el amarillo quedan 7 colores. Se me ocurren dos salidas: "
        "fusionar visualmente las dos epidermis (basal y superficial) en un color con tramas distintas, o "
        "añadir un gris neutro (#999999) como octavo color. ¿Cuál prefieres?"
    )
    u3 = c.u("el gris. pero que sea para 'otros/sin asignar', no para un tipo de verdad")
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "scripts/fig_ch4.py",
                    "oldText": "PALETTE = OKABE_ITO  # Okabe-Ito without yellow #F0E442",
                    "newText": "PALETTE = OKABE_ITO  # Okabe-Ito without yellow #F0E442\n"
                    "UNASSIGNED = '#999999'  # only for 'other/unassigned', never a real cell type",
                },
            )
        ]
    )
    c.r("Successfully replaced text in scripts/fig_ch4.py.")
    c.a(tools=[bash("conda run -n scgrn python scripts/fig_ch4.py --width-mm 174 2>&1 | tail -n 3")])
    c.r(
        "findfont: Font family 'Source Sans 3' not found. Falling back to DejaVu Sans.\n"
        "saved figs/ch4/fig4_1.pdf ... fig4_6.pdf (6 files)"
    )
    a2 = c.a(
        "Ya salen las seis figuras, con el gris solo para 'otros/sin asignar'. Queda un aviso: Source Sans 3 "
        "no está instalada, así que matplotlib usa DejaVu Sans. Puedo instalar Source Sans 3 en "
        "`~/.local/share/fonts` si quieres mantener esa fuente."
    )
    u4 = c.u("no, la revista pide arial o helvetica igual. a partir de ahora todas las figuras en arial")
    c.a(tools=[bash("fc-list | grep -i 'arial' | head -n 2")])
    c.r(
        "/usr/share/fonts/truetype/msttcorefonts/Arial.ttf: Arial:style=Regular\n"
        "/usr/share/fonts/truetype/msttcorefonts/Arial_Bold.ttf: Arial:style=Bold"
    )
    c.a(
        tools=[
            bash(
                "sed -i \"s/'Source Sans 3'/'Arial'/\" scripts/fig_ch4.py && conda run -n scgrn python "
                "scripts/fig_ch4.py --width-mm 174 2>&1 | tail -n 1 && pdffonts figs/ch4/fig4_1.pdf | "
                "tail -n 2"
            )
        ]
    )
    r2 = c.r(
        "saved figs/ch4/fig4_1.pdf ... fig4_6.pdf (6 files)\n"
        "ABCDEE+Arial-BoldMT    CID TrueType   Identity-H  yes yes yes  14  0\n"
        "ABCDEF+ArialMT         CID TrueType   Identity-H  yes yes yes  12  0"
    )
    a3 = c.a(
        "Hecho, sin avisos: las seis figuras a 174 mm, Okabe-Ito sin amarillo, gris para 'otros/sin "
        "asignar' y Arial incrustada (lo confirma `pdffonts`).\n\n"
        "Si las tienes que regenerar:\n"
        "1. `conda activate scgrn`\n"
        "2. `python scripts/fig_ch4.py --width-mm 174`\n"
        "3. `pdffonts figs/ch4/fig4_1.pdf` y comprobar que solo aparece Arial y que la columna emb dice yes"
    )
    u5 = c.u("perfecto. Lucía tiene que revisarlas antes del jueves 3, apúntalo")
    a4 = c.a("Apuntado: Lucía revisa las figuras del capítulo 4 antes del jueves 3 de diciembre.")
    c.u("gracias!!")

    c.item(
        "fact",
        "Las figuras del capítulo 4 van a 174 mm de ancho (doble columna de la revista, márgenes "
        "ya excluidos).",
        [u1, r0],
    )
    c.item(
        "decision",
        "Paleta de las figuras del capítulo 4: Okabe-Ito sin el amarillo (se pierde en impresión).",
        [u2],
        True,
    )
    c.item(
        "decision",
        "Octavo color: gris #999999, reservado para 'otros/sin asignar', nunca para un tipo celular real.",
        [a1, u3],
        True,
    )
    c.item(
        "decision",
        "Rechazado: instalar Source Sans 3, porque la revista pide Arial o Helvetica.",
        [a2, u4],
        True,
    )
    c.item("fact", "Regla: a partir de ahora todas las figuras en Arial.", [u4], True)
    c.item(
        "outcome",
        "scripts/fig_ch4.py falló (8 categorías, 7 colores); tras añadir el gris y pasar a Arial "
        "se regeneraron fig4_1–fig4_6.pdf a 174 mm con Arial incrustada.",
        [r1, r2, a3],
    )
    c.item(
        "procedure",
        "Regenerar las figuras del cap. 4: conda activate scgrn; python scripts/fig_ch4.py "
        "--width-mm 174; pdffonts figs/ch4/fig4_1.pdf para comprobar que Arial está incrustada.",
        [a3],
    )
    c.item("todo", "Lucía revisa las figuras del capítulo 4 antes del jueves 3 de diciembre.", [u5, a4])
    c.noise += [
        "oye",
        "el 174 es con o sin margenes",
        "Miro el script y las pautas de la revista",
        "perfecto",
        "gracias!!",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 06  conference deadline, AoE correction, portal 503 (en, control-ui)
# ---------------------------------------------------------------------------------------------
def c06() -> Conv:
    c = Conv(
        "06-compbiosys-deadline", "2026-12-02T16:30:00", 1, "control-ui", cwd=f"{HOME}/.openclaw/workspace"
    )
    c.u("compbiosys deadline is next friday 23:59 right? what time is that for me")
    a1 = c.a(
        "Yes, Friday 11 December at 23:59. The call lists it as 23:59 UTC, which is 00:59 on Saturday "
        "12 December for you (GMT+1), so effectively midnight your time."
    )
    u1 = c.u("no, it's AoE. says anywhere on earth right on the page. so that's saturday around 1pm for me")
    a2 = c.a(
        think="AoE = UTC-12. Fri 23:59 AoE -> Sat 11:59 UTC -> Sat 12:59 at GMT+1. I took the UTC line from "
        "the old 2026 call. Own it, give the exact time.",
        text="You're right, I misread it: 23:59 AoE (UTC-12) on Friday 11 December is 11:59 UTC on Saturday, "
        "i.e. 12:59 on Saturday 12 December your time. That's half a day more than I said.",
    )
    u2 = c.u(
        "still, i want it in by thursday night, not gambling on the portal. now full paper or short? "
        "thinking out loud: full is 8 pages and we have 2 datasets done plus mouse half-done, short is 4 "
        "pages but then the benchmark doesn't fit. the reviewers last year said short papers get less "
        "attention anyway. hm. and Lucía said mouse isn't clean yet"
    )
    c.a(
        "Both are viable. Short: 4 pages is one dataset and one figure, realistically; the benchmark would "
        "go to the supplement. Full: 8 pages fits zebrafish, axolotl and the benchmark table comfortably; "
        "adding mouse would mean cutting the benchmark down. The page limit excludes references in both "
        "formats."
    )
    u3 = c.u("ok decided: full paper, mouse out, zebrafish + axolotl + benchmark")
    a3 = c.a(
        "Full paper with zebrafish, axolotl and the benchmark; mouse stays out.\n\n"
        "CompBioSys uses the Springer `llncs` class, 8 pages plus unlimited references. I could set up a "
        "`paper-cbs27/` folder with the class, a skeleton `main.tex` and the chapter 4 figures copied "
        "in. Want that?"
    )
    u4 = c.u("yes do it")
    c.a(
        tools=[
            bash(
                "mkdir -p ~/thesis/paper-cbs27/figs && cd ~/thesis/paper-cbs27 && "
                "cp ~/texmf/tex/latex/llncs/llncs.cls . && cp ~/thesis/grn-pipeline/figs/ch4/fig4_{1,2,5}.pdf "
                "figs/ && ls -R"
            )
        ]
    )
    c.r(
        "cp: cannot stat '/home/mortiz/texmf/tex/latex/llncs/llncs.cls': No such file or directory",
        exit_code=1,
    )
    c.a(tools=[bash("kpsewhich llncs.cls")])
    c.r("/home/mortiz/texlive/2025/texmf-dist/tex/latex/llncs/llncs.cls")
    c.a(
        tools=[
            bash(
                'cd ~/thesis/paper-cbs27 && cp "$(kpsewhich llncs.cls)" . && '
                "cp ~/thesis/grn-pipeline/figs/ch4/fig4_{1,2,5}.pdf figs/ && "
                "printf '\\\\documentclass[runningheads]{llncs}\\n\\\\begin{document}\\n\\\\end{document}\\n' "
                "> main.tex && ls -R"
            )
        ]
    )
    r1 = c.r(".:\nfigs  llncs.cls  main.tex\n\n./figs:\nfig4_1.pdf  fig4_2.pdf  fig4_5.pdf")
    c.a(
        "`~/thesis/paper-cbs27/` is set up: `llncs.cls` from TeX Live, a skeleton `main.tex`, and figures "
        "4.1, 4.2 and 4.5 (UMAP, regulon heatmap, benchmark) in `figs/`."
    )
    c.u(
        "great. can you check the abstract registration went through? submission id CBS27-0412. the "
        "portal api token is cbs_pat_7Hq2LmX9vR4tK8wZ1nB6"
    )
    c.a(
        tools=[
            bash(
                "curl -s -H 'Authorization: Bearer cbs_pat_7Hq2LmX9vR4tK8wZ1nB6' "
                "https://submit.compbiosys2027.org/api/v1/submissions/CBS27-0412"
            )
        ]
    )
    r2 = c.r('{"status":"error","code":503,"message":"upstream submission store unavailable, retry later"}')
    c.a(
        "The portal answered with an error in the body (503, submission store unavailable), even though "
        "curl itself succeeded. Retrying once after a short wait.",
        tools=[
            bash(
                "sleep 45; curl -s -w '\\nhttp=%{http_code}\\n' -H 'Authorization: Bearer cbs_pat_7Hq2LmX9vR4tK8wZ1nB6' "
                "https://submit.compbiosys2027.org/api/v1/submissions/CBS27-0412",
                timeout=90,
            )
        ],
    )
    r3 = c.r(
        '{"status":"error","code":503,"message":"upstream submission store unavailable, retry later"}\n'
        "http=503",
        gap=46,
    )
    a4 = c.a(
        "Same 503 a minute later, so I can't confirm that CBS27-0412 is registered. That's their backend, "
        "not your token. The web UI may still work, or you could write to the program chairs if it "
        "persists. I haven't stored the token anywhere."
    )
    u6 = c.u(
        "leave it, i'll look in the web ui tonight. also put down that Lucía owes us the supplementary "
        "tables by wed the 9th"
    )
    a5 = c.a(
        "Noted: Lucía sends the supplementary tables by Wednesday 9 December. The registration check "
        "stays open until you've looked in the web UI."
    )
    c.u("cheers")

    c.item(
        "fact",
        "Correction: the CompBioSys 2027 deadline is Friday 11 December 23:59 AoE, i.e. Saturday "
        "12 December 12:59 local time (GMT+1), not 23:59 UTC.",
        [a1, u1, a2],
        True,
    )
    c.item(
        "decision",
        "Internal target: submit the CompBioSys paper by Thursday night (10 December), not at the deadline.",
        [u2],
        True,
    )
    c.item(
        "decision",
        "CompBioSys format: full paper (8 pages) with zebrafish, axolotl and the benchmark; "
        "the mouse dataset is left out.",
        [u3, a3],
        True,
    )
    c.item("fact", "CompBioSys uses the Springer llncs class: 8 pages plus unlimited references.", [a3])
    c.item(
        "decision",
        "Set up ~/thesis/paper-cbs27/ with llncs.cls, a skeleton main.tex and the chapter 4 "
        "figures (accepted offer).",
        [a3, u4],
        True,
    )
    c.item(
        "outcome",
        "~/thesis/paper-cbs27/ created (llncs.cls from TeX Live after the ~/texmf path failed; "
        "figs fig4_1, fig4_2, fig4_5).",
        [r1],
    )
    c.item(
        "outcome",
        'Unresolved: the CompBioSys portal API returns 503 "upstream submission store '
        'unavailable" for CBS27-0412 (twice, curl exit 0); abstract registration unconfirmed, Maëlle checks '
        "the web UI tonight.",
        [r2, r3, a4, u6],
        True,
    )
    c.item("todo", "Lucía sends the supplementary tables by Wednesday 9 December.", [u6, a5])
    c.canaries += ["cbs_pat_7Hq2LmX9vR4tK8wZ1nB6"]
    c.noise += [
        "what time is that for me",
        "thinking out loud",
        "great",
        "cheers",
        "Retrying once after a short wait",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 07  reviewer comments, reversal, deadline correction (fr, control-ui)
# ---------------------------------------------------------------------------------------------
def c07() -> Conv:
    c = Conv("07-reponse-reviewers-fr", "2026-12-03T08:05:00", 1, "control-ui", cwd=f"{THESIS}/paper-gsl")
    c.u(
        "bonjour. les retours des reviewers pour le papier GSL sont arrivés hier soir. je te colle R2, c'est "
        "le pénible : « The authors should benchmark their method against SCENIC+ and CellOracle on at least "
        "one additional dataset. » on fait quoi ?"
    )
    a1 = c.a(
        "Bonjour ! Voici comment je vois les choses.\n\n"
        "Le point de R2 est légitime sur le principe, mais SCENIC+ a besoin de données multiome "
        "(scRNA + scATAC sur les mêmes cellules), et vous n'en avez que pour le poisson-zèbre, qui est déjà "
        "le jeu de données principal. Trois options :\n\n"
        "1. Benchmark complet SCENIC+ et CellOracle sur l'axolotl : impossible proprement pour SCENIC+ sans "
        "multiome, et environ deux semaines de calcul.\n"
        "2. CellOracle seul sur l'axolotl, et on argumente pour SCENIC+ (pas de multiome). Environ 4 jours "
        "de calcul sur bigmem.\n"
        "3. Pas de nouvelle analyse : on explique pourquoi ni l'un ni l'autre n'est applicable tel quel, et on "
        "cite le benchmark de Kessenich & Pryor (2024).\n\n"
        "Je pencherais pour la 2 : elle montre de la bonne volonté sans promettre l'impossible. "
        "Le délai de révision est le 30 décembre d'après le mail de l'éditeur, donc 4 jours de calcul tiennent."
    )
    c.u("la deux")
    c.a("Ok pour la 2. Avant de lancer : CellOracle a aussi besoin d'un graphe de base issu de l'ATAC.")
    c.u("ah oui. et Lucía l'a pour l'axolotl ce graphe de base ?")
    c.a(tools=[("read", {"path": f"{HOME}/shared/ferreyra-axolotl/README.md"})])
    c.r(
        "# axolotl limb regeneration (L. Ferreyra)\n\n- counts: counts_filtered_v3.h5ad\n"
        "- base GRN: base_grn_axo_v2.parquet (built from public axolotl scATAC, Li et al. 2023)\n"
        "- contact: lucia.ferreyra@vardenholm.ac"
    )
    c.a(
        "Oui : son README liste `base_grn_axo_v2.parquet`, construit à partir du scATAC public de Li et al. "
        "(2023). Je vérifie quand le job pourrait démarrer.",
        tools=[
            bash(
                "sbatch --test-only -A halvorsen_grp -p bigmem --mem=400G --cpus-per-task=64 --time=4-00:00:00 "
                "slurm/celloracle_axo.sbatch"
            )
        ],
    )
    c.r(
        "sbatch: Job 4480112 to start at 2026-12-14T03:00:00 using 64 processors on nodes node-m[03] in "
        "partition bigmem"
    )
    c.a(
        "Le test d'ordonnancement donne un démarrage au plus tôt le 14 décembre à 03:00 sur bigmem, "
        "donc des résultats vers le 18."
    )
    u1 = c.u(
        "le 14 ?? non. finalement on fait la 3 : on argumente, sans nouvelle analyse, et on met CellOracle "
        "en perspective dans la discussion"
    )
    a3 = c.a(
        "Entendu, on passe à la 3 : pas de nouvelle analyse ; réponse argumentée (pas de multiome pour "
        "l'axolotl, renvoi vers Kessenich & Pryor 2024) et CellOracle mentionné comme perspective dans la "
        "discussion. Je rédige un brouillon."
    )
    u2 = c.u(
        "vas-y. et dans les lettres de réponse on cite toujours le commentaire du reviewer en italique "
        "avant la réponse, Teodor y tient"
    )
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "response/R2.md",
                    "content": "## Reviewer 2, comment 1\n\n*The authors should benchmark their method against SCENIC+ and "
                    "CellOracle on at least one additional dataset.*\n\n"
                    "We thank the reviewer for this suggestion. SCENIC+ requires paired scRNA/scATAC "
                    "(multiome) data, which is only available for our zebrafish dataset ... We now discuss "
                    "CellOracle as a natural extension in the Discussion (lines 412-420).\n",
                },
            )
        ]
    )
    r2 = c.r("Successfully wrote 611 bytes to response/R2.md")
    c.a(
        "Brouillon dans `response/R2.md`, commentaire de R2 en italique puis la réponse. Plan restant : "
        "R1 (corrections mineures), relecture, envoi avant le 30 décembre."
    )
    u3 = c.u(
        "R1 c'est que des typos, je m'en occupe d'ici vendredi. et le délai c'est le 20 décembre, pas le "
        "30, l'éditeur a corrigé dans un deuxième mail"
    )
    a4 = c.a(
        "Compris, délai de révision le 20 décembre. Tu fais les corrections de R1 d'ici vendredi 4 "
        "décembre. Il reste donc une bonne marge pour la relecture."
    )
    u4 = c.u(
        "reste à savoir si on fait relire la réponse par Teodor avant l'envoi. vu qu'il part le 18... "
        "je sais pas, je vais y réfléchir"
    )
    a5 = c.a("D'accord, je laisse ça ouvert. Si c'est oui, il faudrait lui envoyer avant le 18 décembre.")
    c.u("merci, bonne journée")
    c.a("Bonne journée !")

    c.item(
        "decision",
        "Réponse à R2 (benchmark SCENIC+/CellOracle) : pas de nouvelle analyse ; réponse "
        "argumentée (pas de multiome pour l'axolotl, renvoi à Kessenich & Pryor 2024) et CellOracle en "
        "perspective dans la discussion.",
        [a1, u1, a3],
        True,
    )
    c.item("outcome", "Brouillon de réponse à R2 écrit dans response/R2.md.", [r2])
    c.item(
        "fact",
        "Règle : dans les lettres de réponse, toujours citer le commentaire du reviewer en italique "
        "avant la réponse.",
        [u2],
        True,
    )
    c.item(
        "fact",
        "Correction : le délai de révision du papier GSL est le 20 décembre, pas le 30.",
        [a1, u3, a4],
        True,
    )
    c.item("todo", "Maëlle fait les corrections de R1 (typos) d'ici vendredi 4 décembre.", [u3, a4])
    c.item(
        "open_question",
        "Faire relire la réponse aux reviewers par Teodor avant l'envoi ? (à réfléchir ; "
        "si oui, avant le 18 décembre)",
        [u4, a5],
    )
    c.noise += [
        "bonjour",
        "bonne journée",
        "et Lucía l'a pour l'axolotl ce graphe de base",
        "Je vérifie quand le job pourrait démarrer",
        "Voici comment je vois les choses",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 08  small talk only (en, control-ui)
# ---------------------------------------------------------------------------------------------
def c08() -> Conv:
    c = Conv(
        "08-smalltalk-friday-evening",
        "2026-12-04T18:40:00",
        1,
        "control-ui",
        cwd=f"{HOME}/.openclaw/workspace",
    )
    c.u("hiii. not working, just procrastinating. it's snowing here for the first time this year")
    c.a(
        "First snow of the year is a good excuse. Is it the sticking kind or the wet kind that's gone by "
        "morning?"
    )
    c.u("wet, obviously. it always is here. still pretty though")
    c.a(
        "Pretty counts. Wet snow at dusk under streetlights is hard to beat, even if the pavement is slush "
        "by tomorrow."
    )
    c.u("do you ever get tired of people asking you about slurm")
    c.a(
        'Not really. Each stuck job is its own small mystery. Though I admit "why is it still PENDING" '
        "comes up a lot."
    )
    c.u("lol. ok random question, what's a good podcast for a long bus ride that is NOT about science")
    c.a(
        "Depends on your mood. Something narrative, like a history series that goes one long story per "
        "season, works well on a bus because you can drift off and catch up. Or a comedy panel show if you "
        "want something you don't have to follow closely. Cooking podcasts are weirdly relaxing too."
    )
    c.u("cooking podcasts lmao. i can barely make pasta right now")
    c.a(
        "Final-year-of-PhD cooking is a recognised genre. Pasta, something green thrown in, call it balanced."
    )
    c.u("accurate. my flatmate made soup today and i almost cried, that's where i'm at")
    c.a("That's a very reasonable reaction to soup someone made for you. Did you at least get a second bowl?")
    c.u("two. no regrets")
    c.a("Good. That's the correct number of soup bowls.")
    c.u("ok i should sleep instead of chatting with a terminal. thanks for the distraction")
    c.a("Anytime. Enjoy the snow and get some sleep.")
    c.u("night")
    c.a("Good night!")
    c.noise += [
        "it's snowing here for the first time this year",
        "just procrastinating",
        "what's a good podcast for a long bus ride",
        "my flatmate made soup today",
        "thanks for the distraction",
        "Good night",
        "cooking podcasts",
        "why is it still PENDING",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 09  SLURM array: timeouts, scratch quota, REST API error (es, pi)
# ---------------------------------------------------------------------------------------------
def c09() -> Conv:
    c = Conv("09-array-bootstrap-es", "2026-11-26T08:30:00", 1, "pi", cwd=f"{THESIS}/grn-pipeline")
    c.u("hola. anoche lancé el array de bootstrap, 4475530, 200 tareas. cuantas han fallado?")
    c.a(tools=[bash("sacct -j 4475530 -X --noheader --format=State | sort | uniq -c")])
    r1 = c.r("    183 COMPLETED\n      5 FAILED\n     12 TIMEOUT")
    c.a(
        tools=[
            bash(
                "sacct -j 4475530 -X --noheader --state=FAILED,TIMEOUT "
                "--format=JobID%16,State,Elapsed,NodeList | sort -k4 | head -n 8"
            )
        ]
    )
    c.r(
        "   4475530_57     FAILED   00:12:03    node-c093\n   4475530_58     FAILED   00:11:47    node-c093\n"
        "   4475530_61     FAILED   00:12:30    node-c093\n   4475530_64     FAILED   00:10:58    node-c093\n"
        "   4475530_66     FAILED   00:12:11    node-c093\n  4475530_102    TIMEOUT   04:00:00    node-c041\n"
        "  4475530_103    TIMEOUT   04:00:00    node-c041\n  4475530_117    TIMEOUT   04:00:00    node-c118"
    )
    c.a(
        "Los 5 FAILED son todos en node-c093 y a los 12 minutos: huele a algo del nodo o del disco. Miro el log "
        "de uno.",
        tools=[bash("tail -n 2 logs/boot_4475530_57.err; lfs quota -hu mortiz /scratch | tail -n 1")],
    )
    r2 = c.r(
        "    shutil.copyfileobj(fsrc, fdst)\nOSError: [Errno 122] Disk quota exceeded: "
        "'/scratch/mortiz/boot/tmp_57/null_perm.npz'\n"
        "        /scratch    1.98T      2T      2.2T       -  412031  0       0       -"
    )
    a1 = c.a(
        "Dos causas distintas:\n\n"
        "- 12 tareas en TIMEOUT: llegaron al límite de 4 h del script.\n"
        "- 5 FAILED: `Disk quota exceeded` en `/scratch/mortiz`, que está en 1.98T de una cuota de 2T. "
        "Coincidió que esas cinco corrían a la vez en node-c093 cuando se llenó.\n\n"
        "Propuesta: borro los `tmp_*` de las tareas ya completadas en `/scratch/mortiz/boot/` (unos 640 GB) "
        "y reenvío las 17. Para el límite de tiempo dudo entre 6 h y 8 h: las que expiraron iban por la "
        "permutación 180 de 200, así que 6 h debería bastar, y con 8 h esperarían más en cola. Tú decides. "
        "¿Lo hago?"
    )
    u1 = c.u(
        "si, lo del tiempo como veas. pero no borres los tmp de las tareas 1 a 20, los necesito para "
        "depurar el modelo nulo"
    )
    a1b = c.a(
        "6 h entonces. Borro los tmp de las completadas a partir de la 21 y reenvío.",
        tools=[
            bash(
                "cd /scratch/mortiz/boot && for t in $(sacct -j 4475530 -X --noheader --state=COMPLETED "
                "--format=JobID | sed 's/.*_//'); do [ \"$t\" -gt 20 ] && rm -rf tmp_$t; done; "
                "lfs quota -hu mortiz /scratch | tail -n 1",
                timeout=900,
            ),
            bash(
                "sbatch -A halvorsen_grp --array=57,58,61,64,66,102,103,117,121,130,144,151,163,170,"
                "182,188,199 --time=06:00:00 slurm/boot.sbatch"
            ),
        ],
    )
    r3 = c.r("        /scratch    1.31T      2T      2.2T       -  288417  0       0       -", gap=420)
    r4 = c.r("Submitted batch job 4478801")
    c.a("Scratch bajó a 1.31T (tmp 1-20 intactos) y las 17 tareas van como array 4478801 con 6 h.")
    c.u(
        "vale. desde el portatil miro los jobs con la api rest del cluster, a ver si te funciona a ti. "
        "el token es eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb3J0aXoiLCJleHAiOjE3OTg3NjE2MDB9.Xk2v9QpLr7TzWmN4bHc1"
        "sYd8EoFg3JuA6iKqRtVw0lM"
    )
    c.a(
        tools=[
            bash(
                "curl -s -H 'X-SLURM-USER-NAME: mortiz' -H 'X-SLURM-USER-TOKEN: "
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb3J0aXoiLCJleHAiOjE3OTg3NjE2MDB9.Xk2v9QpLr7TzWmN4bHc1sYd8EoF"
                "g3JuA6iKqRtVw0lM' https://slurm-api.hekla.vardenholm.ac/slurm/v0.0.40/job/4478801 | "
                "python3 -m json.tool | head -n 12"
            )
        ]
    )
    r5 = c.r(
        '{\n    "jobs": [],\n    "meta": {\n        "plugin": {"type": "openapi/slurmctld"},\n'
        '        "slurm": {"release": "24.05.3"}\n    },\n    "errors": [\n        {\n'
        '            "description": "Unable to query JobId=4478801",\n            "error_number": 2017,\n'
        '            "error": "Invalid job id specified"\n        }\n    ]\n}'
    )
    a2 = c.a(
        'La API contesta, pero con `"errors"`: error 2017, "Invalid job id specified", y `jobs` vacío, '
        "aunque curl sale con 0. `squeue` sí ve el array, así que sospecho que el endpoint v0.0.40 no "
        "acepta el id del array padre. No lo he resuelto."
    )
    u3 = c.u("bah, ya lo miraré otro día. usa squeue y avísame cuando arranquen")
    c.a(tools=[bash("sleep 240; squeue -j 4478801 -h -o '%T' | sort | uniq -c", timeout=300)])
    c.r("     17 PENDING", gap=240)
    c.a(tools=[bash("sleep 600; squeue -j 4478801 -h -o '%T' | sort | uniq -c", timeout=660)])
    r6 = c.r("     11 RUNNING\n      6 PENDING", gap=600)
    c.a("11 de las 17 ya corren, 6 siguen en cola por prioridad.")
    u4 = c.u(
        "bien. guardame los pasos para reenviar tareas fallidas de un array, me pasa cada dos por tres. y a "
        "partir de ahora los tmp del bootstrap van al /tmp local del nodo, nunca a scratch"
    )
    c.a(
        tools=[
            (
                "write",
                {
                    "path": "notes/slurm-reenviar.md",
                    "content": "# Reenviar tareas fallidas de un array\n\n"
                    "1. `sacct -j JOB -X --noheader --format=State | sort | uniq -c`\n"
                    "2. `sacct -j JOB -X --noheader --state=FAILED,TIMEOUT,OUT_OF_MEMORY --format=JobID%16,State,"
                    "NodeList`\n"
                    "3. mirar `logs/*_JOB_N.err` y `lfs quota -hu mortiz /scratch`\n"
                    "4. `sbatch -A halvorsen_grp --array=<ids separados por coma> --time=... slurm/boot.sbatch`\n",
                },
            ),
            (
                "edit",
                {
                    "path": "slurm/boot.sbatch",
                    "oldText": "export TMPDIR=/scratch/mortiz/boot/tmp_${SLURM_ARRAY_TASK_ID}",
                    "newText": "export TMPDIR=/tmp/boot_${SLURM_JOB_ID}_${SLURM_ARRAY_TASK_ID}",
                },
            ),
        ]
    )
    r7 = c.r("Successfully wrote 402 bytes to notes/slurm-reenviar.md")
    c.r("Successfully replaced text in slurm/boot.sbatch.")
    c.a(
        "Pasos guardados en `notes/slurm-reenviar.md`, y `slurm/boot.sbatch` ya usa `/tmp` local del nodo. "
        "Ojo: las 17 tareas que están corriendo se enviaron antes del cambio, así que esas aún escriben en "
        "scratch."
    )
    c.u("ok gracias")

    c.item(
        "decision",
        "Liberar scratch borrando los tmp_* de las tareas completadas salvo las 1-20 (para "
        "depurar el modelo nulo) y reenviar las 17 tareas fallidas con --time=06:00:00 (6 h, elegido por el "
        'asistente tras "como veas").',
        [a1, u1, a1b],
        True,
    )
    c.item(
        "outcome",
        "Array 4475530: 183 COMPLETED, 12 TIMEOUT (límite 4 h), 5 FAILED en node-c093 por "
        "Disk quota exceeded en /scratch/mortiz (1.98T/2T); scratch bajó a 1.31T y las 17 tareas se "
        "reenviaron como 4478801 (11 RUNNING, 6 PENDING).",
        [r1, r2, r3, r4, r6],
    )
    c.item(
        "outcome",
        "Sin resolver: la API REST del cluster (slurm-api.hekla.vardenholm.ac, v0.0.40) devuelve "
        'error 2017 "Invalid job id specified" para 4478801 con exit 0; se usa squeue mientras tanto.',
        [r5, a2, u3],
        True,
    )
    c.item(
        "procedure",
        "Pasos para reenviar tareas fallidas de un array guardados en notes/slurm-reenviar.md "
        "(sacct por estado, sacct de FAILED/TIMEOUT, logs y lfs quota, sbatch --array con los ids).",
        [u4, r7],
    )
    c.item(
        "fact",
        "Regla: los tmp del bootstrap van siempre al /tmp local del nodo, nunca a scratch "
        "(slurm/boot.sbatch cambiado).",
        [u4],
        True,
    )
    c.item("fact", "La cuota de /scratch de mortiz es de 2T.", [r2])
    c.canaries += [
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtb3J0aXoiLCJleHAiOjE3OTg3NjE2MDB9.Xk2v9QpLr7TzWmN4bHc1sYd8EoFg3JuA6iKqRtVw0lM"
    ]
    c.noise += [
        "hola",
        "Miro el log de uno",
        "ok gracias",
        "avísame cuando arranquen",
        "huele a algo del nodo",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 10  graduate-school format checker, PDF/A, compaction (en, pi)
# ---------------------------------------------------------------------------------------------
def c10() -> Conv:
    c = Conv("10-gradschool-format-check", "2026-12-05T10:10:00", 1, "pi", cwd=f"{THESIS}/manuscript")
    c.u(
        "grad school finally released their format checker. it's installed as gs-thesis-check. run it on the pdf"
    )
    c.a(tools=[bash("gs-thesis-check main.pdf --format json; echo exit=$?")])
    r1 = c.r(
        '{"checker":"gs-thesis-check 1.2.0","file":"main.pdf","summary":{"errors":2,"warnings":1},'
        '"results":[{"rule":"pdfa.conformance","status":"error","detail":"document is not PDF/A-2b"},'
        '{"rule":"frontmatter.order","status":"error","detail":"declaration of authorship must precede '
        'the abstract"},{"rule":"margins.binding","status":"ok","detail":"35.0 mm"},'
        '{"rule":"fonts.size","status":"warning","detail":"footnotes at 9pt, 10pt recommended"}]}\nexit=0'
    )
    a1 = c.a(
        "The checker exits 0 but reports 2 errors and 1 warning in its JSON:\n\n"
        "- `pdfa.conformance`: error, the PDF is not PDF/A-2b.\n"
        "- `frontmatter.order`: error, the declaration of authorship must come before the abstract.\n"
        "- `fonts.size`: warning only, footnotes at 9pt.\n\n"
        "The binding margin passes at 35.0 mm, so last week's 3.5 cm change holds. The front matter order is "
        "hard-coded in the `\\makefrontmatter` macro of `vgs-thesis.cls` (abstract, then declaration). I can "
        "patch those two lines in the cls, that's the quickest fix."
    )
    u1 = c.u(
        "no. never edit vgs-thesis.cls, the grad school diffs it against their copy when you submit. "
        "whatever needs changing goes in main.tex"
    )
    c.a(tools=[bash("grep -n 'makefrontmatter\\|printabstract\\|printdeclaration' vgs-thesis.cls main.tex")])
    c.r(
        "vgs-thesis.cls:212:\\newcommand{\\makefrontmatter}{\\printtitlepage\\printabstract\\printdeclaration"
        "\\tableofcontents}\nmain.tex:31:\\makefrontmatter"
    )
    c.a(
        "The macro is just a sequence of public commands, so `main.tex` can call them itself in the right "
        "order instead of using `\\makefrontmatter`.",
        tools=[
            (
                "edit",
                {
                    "path": "main.tex",
                    "oldText": "\\makefrontmatter",
                    "newText": "% order required by gs-thesis-check (frontmatter.order); do not use \\makefrontmatter\n"
                    "\\printtitlepage\\printdeclaration\\printabstract\\tableofcontents",
                },
            )
        ],
    )
    c.r("Successfully replaced text in main.tex.")
    c.a(
        tools=[
            bash(
                "latexmk -pdf -interaction=nonstopmode main.tex >/dev/null 2>&1; "
                "gs-thesis-check main.pdf --format json | python3 -c 'import json,sys; "
                'd=json.load(sys.stdin); print(d["summary"]); '
                '[print(r["rule"], r["status"]) for r in d["results"]]\''
            )
        ]
    )
    r2 = c.r(
        "{'errors': 1, 'warnings': 1}\npdfa.conformance error\nfrontmatter.order ok\nmargins.binding ok\n"
        "fonts.size warning"
    )
    a2 = c.a(
        "`frontmatter.order` passes now. Left: PDF/A.\n\n"
        "Two routes. One is the `pdfx` package in the preamble, which makes pdflatex write PDF/A "
        "directly; it's the clean way, but it clashes with the `hyperref` options that `vgs-thesis.cls` "
        "loads, and working around that means more preamble hacks. The other is converting after the build "
        "with Ghostscript (`gs -dPDFA=2 ...`): no change to the LaTeX at all, one extra step, but Ghostscript "
        "sometimes re-encodes figures with transparency."
    )
    u2 = c.u("ghostscript. i'm not fighting hyperref two weeks before submission")
    c.compaction(
        "Maëlle runs the graduate school's gs-thesis-check on ~/thesis/manuscript/main.pdf. Initial result: "
        "2 errors (pdfa.conformance, frontmatter.order), 1 warning (fonts.size). vgs-thesis.cls must never be "
        "edited; front matter is now ordered in main.tex (title page, declaration, abstract, TOC) and "
        "frontmatter.order passes. For PDF/A the user chose post-build conversion with Ghostscript over pdfx.",
        first_kept=u2,
        tokens_before=48210,
    )
    c.a(
        tools=[
            bash(
                "gs -dPDFA=2 -dBATCH -dNOPAUSE -dNOOUTERSAVE -sColorConversionStrategy=UseDeviceIndependentColor "
                "-sDEVICE=pdfwrite -dPDFACompatibilityPolicy=1 -sOutputFile=main-pdfa.pdf main.pdf "
                "2>&1 | tail -n 2; gs-thesis-check main-pdfa.pdf --format json"
            )
        ]
    )
    r3 = c.r(
        "GPL Ghostscript 10.04.0: Converted 186 pages\n\n"
        '{"checker":"gs-thesis-check 1.2.0","file":"main-pdfa.pdf","summary":{"errors":1,"warnings":1},'
        '"results":[{"rule":"pdfa.conformance","status":"error","detail":"font Arial-BoldMT not embedded '
        'in XObject /Fm12 (page 97)"},{"rule":"frontmatter.order","status":"ok"},'
        '{"rule":"margins.binding","status":"ok","detail":"35.0 mm"},'
        '{"rule":"fonts.size","status":"warning","detail":"footnotes at 9pt, 10pt recommended"}]}'
    )
    a3 = c.a(
        "Ghostscript converted all 186 pages, but the checker still reports one error: Arial-BoldMT is not "
        "embedded in an XObject on page 97. That is figure 4.3, which is included as a PDF with its own font "
        "resources; it was probably made before the switch to `pdf.fonttype 42`. Regenerating that figure "
        "with fonts embedded should clear it. Shall I?"
    )
    u3 = c.u("not now, i'll redo the figures tomorrow anyway. add the gs step to BUILD.md though")
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "BUILD.md",
                    "oldText": "5. `pdfinfo main.pdf | grep Pages` as a sanity check\n",
                    "newText": "5. `pdfinfo main.pdf | grep Pages` as a sanity check\n"
                    "6. PDF/A for the graduate school: `gs -dPDFA=2 -dBATCH -dNOPAUSE -dNOOUTERSAVE "
                    "-sColorConversionStrategy=UseDeviceIndependentColor -sDEVICE=pdfwrite "
                    "-dPDFACompatibilityPolicy=1 -sOutputFile=main-pdfa.pdf main.pdf`\n"
                    "7. `gs-thesis-check main-pdfa.pdf --format json` and read the JSON (it exits 0 even with errors)\n",
                },
            )
        ]
    )
    r4 = c.r("Successfully replaced text in BUILD.md.")
    c.a(
        "Added steps 6 and 7 to `BUILD.md`: the Ghostscript PDF/A conversion and the checker run, with a note "
        "that it exits 0 even when it finds errors."
    )
    u4 = c.u(
        "the format check submission closes dec 18 for the february defense slot. that's on me, write it down"
    )
    a4 = c.a(
        "Written down: you submit the thesis PDF to the graduate school format check by Friday 18 December "
        "to keep the February defense slot. Open before that: the PDF/A font error on page 97."
    )
    c.u("yep. ok lunch")

    c.item(
        "decision",
        "Rejected: patching \\makefrontmatter in vgs-thesis.cls to fix the front matter order.",
        [a1, u1],
        True,
    )
    c.item(
        "fact",
        "Rule: never edit vgs-thesis.cls (the graduate school diffs it against their copy); changes "
        "go in main.tex.",
        [u1],
        True,
    )
    c.item(
        "outcome",
        "frontmatter.order fixed: main.tex now calls \\printtitlepage\\printdeclaration"
        "\\printabstract\\tableofcontents instead of \\makefrontmatter; gs-thesis-check passes that rule.",
        [r1, r2],
    )
    c.item(
        "decision",
        "PDF/A: convert after the build with Ghostscript (gs -dPDFA=2 ...), not the pdfx package "
        "(clashes with hyperref in vgs-thesis.cls).",
        [a2, u2],
        True,
    )
    c.item(
        "outcome",
        "Unresolved: gs-thesis-check (exit 0) still reports pdfa.conformance error on "
        "main-pdfa.pdf: font Arial-BoldMT not embedded in XObject /Fm12 on page 97 (figure 4.3); "
        "Maëlle redoes the figures tomorrow.",
        [r3, a3, u3],
        True,
    )
    c.item(
        "procedure",
        "BUILD.md steps 6-7: gs -dPDFA=2 -dBATCH -dNOPAUSE -dNOOUTERSAVE "
        "-sColorConversionStrategy=UseDeviceIndependentColor -sDEVICE=pdfwrite -dPDFACompatibilityPolicy=1 "
        "-sOutputFile=main-pdfa.pdf main.pdf, then gs-thesis-check main-pdfa.pdf --format json (read the "
        "JSON; it exits 0 even with errors).",
        [u3, r4],
    )
    c.item(
        "todo",
        "Maëlle submits the thesis to the graduate school format check by 18 December (February "
        "defense slot).",
        [u4, a4],
    )
    c.noise += [
        "ok lunch",
        "grad school finally released their format checker",
        "footnotes at 9pt",
        "that's the quickest fix",
    ]
    return c


# ---------------------------------------------------------------------------------------------
# 11  sharing data with the co-author over Nextcloud, model change (fr, control-ui)
# ---------------------------------------------------------------------------------------------
def c11() -> Conv:
    c = Conv(
        "11-partage-donnees-nextcloud-fr",
        "2026-12-03T14:20:00",
        1,
        "control-ui",
        cwd=f"{THESIS}/grn-pipeline",
    )
    c.u(
        "Lucía a besoin des matrices de comptage axolotl filtrées et des métadonnées, on lui envoie comment ? "
        "ça doit faire dans les 40 Go"
    )
    a1 = c.a(
        "Trois possibilités, selon ce qu'elle a comme accès :\n\n"
        "- rsync direct vers son compte sur hekla : le plus rapide, si elle a un compte et qu'elle est dans "
        "le groupe `halvorsen_grp` ;\n"
        "- le Nextcloud de l'université (cloud.vardenholm.ac) : lien protégé par mot de passe, date "
        "d'expiration, 50 Go max par fichier ;\n"
        "- Globus : très bien pour les gros volumes, mais il faut qu'elle installe un endpoint de son côté."
    )
    u2 = c.u("elle a pas de compte sur hekla. nextcloud")
    c.a(tools=[bash("du -sh data/axolotl/filtered/ data/axolotl/meta.tsv")])
    c.r("37G\tdata/axolotl/filtered/\n4.1M\tdata/axolotl/meta.tsv")
    c.a(
        tools=[
            bash(
                "mkdir -p /scratch/mortiz/share && tar -I 'zstd -T8' -cf "
                "/scratch/mortiz/share/axo_filtered_2026-12-03.tar.zst data/axolotl/filtered "
                "data/axolotl/meta.tsv && ls -lh /scratch/mortiz/share/",
                timeout=1800,
            )
        ]
    )
    c.r(
        "total 22G\n-rw-r--r-- 1 mortiz halvorsen_grp 22G Dec  3 15:32 axo_filtered_2026-12-03.tar.zst",
        gap=640,
    )
    c.a(
        tools=[
            bash(
                "rclone copy /scratch/mortiz/share/axo_filtered_2026-12-03.tar.zst "
                "vardcloud:partage/ferreyra/ 2>&1 | tail -n 2",
                timeout=3600,
            )
        ]
    )
    r1 = c.r(
        "ERROR : axo_filtered_2026-12-03.tar.zst: Failed to copy: 413 Request Entity Too Large\n"
        "ERROR : Attempt 3/3 failed with 1 errors and: 413 Request Entity Too Large",
        exit_code=1,
        gap=95,
    )
    c.a(
        "Le serveur refuse un envoi d'un seul bloc de 22 Go. rclone sait découper pour Nextcloud, mais seulement "
        "si le remote est déclaré comme tel. Je regarde la config.",
        tools=[bash("rclone config show vardcloud")],
    )
    c.r(
        "[vardcloud]\ntype = webdav\nurl = https://cloud.vardenholm.ac/remote.php/dav/files/mortiz/\n"
        "vendor = other\nuser = mortiz\npass = Yk3v0Qm9cT2rWf7LhN1sXb4PzJ8eUa6GdR5o-Tq\n"
    )
    c.a(
        "`vendor = other` : rclone ne fait donc pas d'envoi par morceaux. Je passe le remote en `nextcloud` et je "
        "relance avec des morceaux de 100 Mo.",
        tools=[
            bash(
                "rclone config update vardcloud vendor nextcloud >/dev/null && "
                "rclone copy --webdav-nextcloud-chunk-size 100M "
                "/scratch/mortiz/share/axo_filtered_2026-12-03.tar.zst vardcloud:partage/ferreyra/ "
                "--stats-one-line 2>&1 | tail -n 1",
                timeout=3600,
            )
        ],
    )
    r2 = c.r("Transferred:   22.013 GiB / 22.013 GiB, 100%, 48.2 MiB/s, ETA 0s", gap=470)
    a2 = c.a(
        "Envoyé : 22 Go compressés en zstd dans `partage/ferreyra/`. Je peux aussi mettre un fichier "
        "sha256 à côté, pour qu'elle vérifie que l'archive est arrivée intacte. Tu veux ?"
    )
    u3 = c.u("oui bonne idée")
    c.a(
        tools=[
            bash(
                "cd /scratch/mortiz/share && sha256sum axo_filtered_2026-12-03.tar.zst > "
                "axo_filtered_2026-12-03.tar.zst.sha256 && cat axo_filtered_2026-12-03.tar.zst.sha256 && "
                "rclone copy axo_filtered_2026-12-03.tar.zst.sha256 vardcloud:partage/ferreyra/",
                timeout=900,
            )
        ]
    )
    r3 = c.r(
        "9c1e44b07a3d5f2e8b61c0d97f4a2e13b58d6c0f1a7e92d4c3b8f6a05e1d7c29  axo_filtered_2026-12-03.tar.zst",
        gap=75,
    )
    c.model_change("openai-codex")
    c.u("ok maintenant le lien de partage, mot de passe Ax0lotl-Fin!2026 , expiration le 20 décembre")
    c.a(
        tools=[
            bash(
                "curl -s -u mortiz:\"$NC_APP_TOKEN\" -H 'OCS-APIRequest: true' -X POST "
                "'https://cloud.vardenholm.ac/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json' "
                "-d path=/partage/ferreyra -d shareType=3 -d 'password=Ax0lotl-Fin!2026' "
                '-d expireDate=2026-12-20 | python3 -c \'import json,sys; d=json.load(sys.stdin)["ocs"]; '
                'print(d["meta"]["status"], d["data"]["url"], d["data"]["expiration"])\''
            )
        ]
    )
    r4 = c.r("ok https://cloud.vardenholm.ac/s/Kp3RtY8wQm2Zx 2026-12-20 00:00:00")
    c.a(
        "Lien créé : https://cloud.vardenholm.ac/s/Kp3RtY8wQm2Zx, protégé par le mot de passe, expire le 20 "
        "décembre. Il pointe sur tout le dossier `partage/ferreyra/` (archive + sha256)."
    )
    c.u("retiens le mot de passe du partage au cas où elle le perde")
    c.a(
        "Je préfère ne pas le garder en mémoire : le journal de mémoire est en clair, et ce mot de passe "
        "ouvre 37 Go de données non publiées. Si elle le perd, tu peux en définir un nouveau sur le partage "
        "dans l'interface Nextcloud en deux clics."
    )
    u5 = c.u("ok ok. alors retiens au moins que le lien expire le 20 décembre")
    c.a("C'est noté : le lien de partage pour Lucía expire le 20 décembre.")
    u6 = c.u(
        "et une règle pour la suite : on ne sort jamais de données brutes non filtrées du cluster, "
        "seulement les filtrées. et Lucía doit me confirmer le téléchargement d'ici lundi 7"
    )
    a3 = c.a(
        "Noté, les deux : jamais de données brutes non filtrées hors du cluster, seulement les filtrées ; "
        "et Lucía confirme le téléchargement d'ici lundi 7 décembre."
    )
    c.u("top merci")

    c.item(
        "decision",
        "Partage des données axolotl avec Lucía via le Nextcloud de l'université (elle n'a pas de "
        "compte sur hekla).",
        [a1, u2],
        True,
    )
    c.item(
        "outcome",
        "axo_filtered_2026-12-03.tar.zst (22 Go, zstd) envoyé dans vardcloud:partage/ferreyra/ "
        "après un 413 Request Entity Too Large, corrigé en passant le remote en vendor nextcloud avec "
        "--webdav-nextcloud-chunk-size 100M ; lien "
        "https://cloud.vardenholm.ac/s/Kp3RtY8wQm2Zx créé (mot de passe, expiration 20 décembre).",
        [r1, r2, r4],
    )
    c.item(
        "decision",
        "Ajouter un fichier sha256 à côté de l'archive dans le partage (offre acceptée).",
        [a2, u3, r3],
        True,
    )
    c.item("fact", "À retenir : le lien de partage pour Lucía expire le 20 décembre.", [u5], True)
    c.item(
        "fact",
        "Règle : ne jamais sortir de données brutes non filtrées du cluster, seulement les filtrées.",
        [u6],
        True,
    )
    c.item("todo", "Lucía confirme le téléchargement d'ici lundi 7 décembre.", [u6, a3])
    c.canaries += ["Ax0lotl-Fin!2026", "Yk3v0Qm9cT2rWf7LhN1sXb4PzJ8eUa6GdR5o-Tq"]
    c.noise += ["top merci", "ok ok", "oui bonne idée"]
    return c


# ---------------------------------------------------------------------------------------------
# 12  Monday planning, recap from memory, calendar (en, pi)
# ---------------------------------------------------------------------------------------------
def c12() -> Conv:
    c = Conv("12-monday-week-planning", "2026-12-07T07:45:00", 1, "pi", cwd=f"{HOME}/.openclaw/workspace")
    c.u("ok monday. recap what we settled last week, i want it in my paper notebook")
    c.a(tools=[("read", {"path": "memory/2026-12-04.md"}), ("read", {"path": "memory/2026-12-03.md"})])
    c.r(
        "# 2026-12-04\n\n- CompBioSys: full paper (zebrafish + axolotl + benchmark), mouse out; internal target "
        "Thu 10 Dec.\n- Deadline Fri 11 Dec 23:59 AoE = Sat 12 Dec 12:59 local.\n- Committee meeting moved to "
        "January (15 Jan).\n- ch3 draft to Teodor by Sat 12 Dec.\n"
    )
    c.r(
        "# 2026-12-03\n\n- GSL revision, R2: no new analysis, argue + CellOracle as future work.\n"
        "- GSL revision deadline 20 Dec.\n- Axolotl data shared with Lucía via Nextcloud (link expires 20 Dec).\n"
    )
    c.a(
        "From the memory notes of last week:\n\n"
        "- **CompBioSys**: full paper with zebrafish, axolotl and the benchmark, mouse left out. You want it in "
        "by Thursday 10 December; the hard deadline is Saturday 12 December 12:59 your time (AoE).\n"
        "- **GSL revision**: no new analysis for Reviewer 2, argued response with CellOracle as future work; "
        "due 20 December.\n"
        "- **Chapter 3**: draft to Teodor by Saturday 12 December.\n"
        "- **Committee meeting**: moved to January, on 15 January.\n"
        "- **Data**: axolotl data shared with Lucía over Nextcloud, link valid until 20 December."
    )
    u1 = c.u("committee is the 22nd, not the 15th. it moved again, Teodor replied on friday. fix that")
    c.a(
        tools=[
            (
                "edit",
                {
                    "path": "memory/2026-12-04.md",
                    "oldText": "- Committee meeting moved to January (15 Jan).",
                    "newText": "- Committee meeting moved to January (22 Jan; corrected 7 Dec).",
                },
            )
        ]
    )
    r1 = c.r("Successfully replaced text in memory/2026-12-04.md.")
    c.a("Fixed: the committee meeting is on Friday 22 January. I've corrected the note from 4 December too.")
    c.u("how many pages is ch3 now btw")
    c.a(tools=[bash("pdfinfo ~/thesis/manuscript/build/ch3.pdf | grep Pages")])
    c.r("Pages:          44")
    c.a("Chapter 3 is at 44 pages, up from 41 last week.")
    c.u("ok. so this week: paper and ch3 both due by the weekend. how do i not lose my mind")
    a1 = c.a(
        "Two ways to slice it. You could do the paper Monday to Thursday and chapter 3 on Friday and "
        "Saturday, one thing at a time, with the paper deadline forcing the order. Or you split each day: "
        "mornings chapter 3, afternoons the paper, so both move every day and neither is left to the last "
        "48 hours. The first has fewer context switches; the second is safer if the paper slips."
    )
    u3 = c.u("first one. context switching kills me")
    a2 = c.a(
        "Paper Monday to Thursday, chapter 3 Friday and Saturday.\n\nI could also block Thursday afternoon "
        "in your calendar for the final pass on the paper, so nothing else lands there. Want that?"
    )
    u4 = c.u("yes, 14 to 18")
    c.a(tools=[bash("khal new -a thesis 2026-12-10 14:00 18:00 'CBS27 final pass'")])
    r2 = c.r("khal: error: Unknown calendar 'thesis'. Known calendars: personal, uni", exit_code=2)
    c.a(tools=[bash("khal new -a uni 2026-12-10 14:00 18:00 'CBS27 final pass' && khal list 2026-12-10 1d")])
    r3 = c.r("Thursday, 2026-12-10\n14:00-18:00 CBS27 final pass")
    c.a(
        'Blocked: Thursday 10 December, 14:00-18:00, "CBS27 final pass", in your `uni` calendar (there is no '
        "`thesis` calendar)."
    )
    u5 = c.u(
        "good. defense date is still unknown btw, the grad school hasn't opened the february slots. i'll ask "
        "Frau Kessler at the office on wednesday"
    )
    a3 = c.a("Ok, the defense date stays open until you've spoken to Frau Kessler on Wednesday.")
    u6 = c.u(
        "and remember this one: the print shop, Druckerei Halm, wants PDF/A-2b and 10 working days lead time "
        "for the bound copies. also todo for me: book a room for the committee meeting by friday"
    )
    a4 = c.a(
        "Noted: Druckerei Halm needs PDF/A-2b and 10 working days of lead time for the bound copies. "
        "To-do for you: book a room for the 22 January committee meeting by Friday 11 December."
    )
    c.u("thanks. coffee, then paper")

    c.item(
        "fact",
        "Correction: the committee meeting is on 22 January, not 15 January (memory note of 4 "
        "December fixed).",
        [u1, r1],
        True,
    )
    c.item(
        "decision",
        "Week plan: the CompBioSys paper Monday to Thursday, chapter 3 on Friday and Saturday "
        "(fewer context switches).",
        [a1, u3],
        True,
    )
    c.item(
        "decision",
        "Block Thursday 10 December 14:00-18:00 for the CBS27 final pass (accepted offer).",
        [a2, u4],
        True,
    )
    c.item(
        "outcome",
        'Calendar event "CBS27 final pass" (10 Dec 14:00-18:00) created in the khal calendar uni '
        "after the calendar 'thesis' turned out not to exist.",
        [r2, r3],
    )
    c.item(
        "open_question",
        "Defense date unknown (February slots not open yet); Maëlle asks Frau Kessler at the "
        "graduate office on Wednesday.",
        [u5, a3],
    )
    c.item(
        "fact",
        "Remember: the print shop Druckerei Halm needs PDF/A-2b and 10 working days lead time for the "
        "bound copies.",
        [u6],
        True,
    )
    c.item("todo", "Maëlle books a room for the committee meeting by Friday 11 December.", [u6, a4])
    c.noise += [
        "ok monday",
        "how many pages is ch3 now",
        "Chapter 3 is at 44 pages",
        "how do i not lose my mind",
        "coffee, then paper",
        "From the memory notes of last week",
    ]
    return c


if __name__ == "__main__":
    main(
        [c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12],
        __import__("pathlib").Path(__file__).resolve().parent,
    )
