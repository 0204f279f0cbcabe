"""fresh9: twelve hand-written conversations of a machine-learning engineer (Noor) with her agent on a
GPU box, through pi and the control UI, with their gold labels.

Written turn by turn by a helper session of 2026-12-03 that never read the extractor. Run it to rewrite
the split (``--out DIR`` writes elsewhere); the committed files are its output, byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from envelope import Conv, main  # noqa: E402

CWD = "/home/noor/.openclaw/workspace"


def bash(cmd: str) -> list[tuple[str, dict[str, object]]]:
    return [("bash", {"command": cmd})]


def exe(cmd: str) -> list[tuple[str, dict[str, object]]]:
    return [("exec", {"command": cmd})]


# --- 01 -------------------------------------------------------------------------------------------


def oom_finetune() -> Conv:
    c = Conv("01-cuda-oom-finetune", "2026-12-01T07:42:00", 1, "pi", cwd=CWD)
    c.u("morning. the sumtune-3b run died overnight, can you look? ~/work/sumtune, run r0412")
    c.a("Let me look at the log.", bash("tail -n 25 ~/work/sumtune/runs/r0412/train.log"))
    oom = c.r(
        "[rank0] step 2208/5000 loss 1.6931 lr 1.97e-04 tok/s 10412\n"
        "[rank0] step 2209/5000 loss 1.7010 lr 1.97e-04 tok/s 10388\n"
        "Traceback (most recent call last):\n"
        '  File "/home/noor/work/sumtune/train.py", line 214, in <module>\n'
        "    main()\n"
        '  File "/home/noor/work/sumtune/train.py", line 188, in main\n'
        "    loss.backward()\n"
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 0 has a total capacity "
        "of 47.53 GiB of which 1.12 GiB is free. Process 3391 has 14.02 GiB memory in use. Including "
        "non-PyTorch memory, this process has 32.37 GiB memory in use.\n"
        "[2026-12-01 03:17:44] torch.distributed.elastic.multiprocessing.errors.ChildFailedError: train.py FAILED"
    )
    c.a(
        "",
        bash(
            "nvidia-smi --query-gpu=index,name,memory.used,memory.total --format=csv; "
            "nvidia-smi --query-compute-apps=pid,used_memory,process_name --format=csv"
        ),
    )
    smi = c.r(
        "index, name, memory.used [MiB], memory.total [MiB]\n"
        "0, NVIDIA RTX A6000, 14356 MiB, 49140 MiB\n"
        "1, NVIDIA RTX A6000, 4 MiB, 49140 MiB\n"
        "2, NVIDIA RTX A6000, 4 MiB, 49140 MiB\n"
        "3, NVIDIA RTX A6000, 4 MiB, 49140 MiB\n"
        "pid, used_memory [MiB], process_name\n"
        "3391, 14352 MiB, /opt/conda/envs/lars/bin/python -m ipykernel_launcher"
    )
    opts = c.a(
        "It ran out of memory at step 2210, on rank 0 only. GPU 0 is shared: pid 3391 is a Jupyter kernel "
        "(Lars's conda env) holding 14 GiB on it, so rank 0 had ~33 GiB instead of 47. The long 4096-token "
        "batches near step 2200 tipped it over.\n\n"
        "Ways to restart:\n"
        "1. per-device batch 8 → 4 and grad accumulation 2 → 4: same effective batch of 64, about the same speed\n"
        "2. keep batch 8 and turn on gradient checkpointing: fits easily, roughly 30% slower\n"
        "3. cap max_seq_len at 2048: cheapest, but it changes what the model sees\n\n"
        "I'd do 1. Resume from checkpoint-2000 either way.",
        think="OOM on rank 0 only, GPU 0 has a foreign process. Halving micro-batch keeps the math.",
    )
    first = c.u(
        "first one. and from now on never put my jobs on GPU 0, that's the one people use for notebooks. "
        "1-3 only",
        gap=90,
    )
    accum = c.a(
        "Got it, GPUs 1-3 only from now on. With three GPUs the first option gives 3 × 4 × 4 = 48, not 64. "
        "To stay close I'd raise accumulation to 5 (effective batch 60) and leave the learning rate alone. "
        "Okay?"
    )
    yes5 = c.u("yes 5. 60 is fine")
    c.u(
        "oh and wandb complained yesterday, the team key got rotated. new one is "
        "wk_9c41f07e2ab35d8816c0e4f2a7b9d3c1e6f05a28, use that",
        gap=20,
    )
    c.a(
        "Thanks. Restarting from checkpoint-2000 as run r0413.",
        bash(
            "cd ~/work/sumtune && CUDA_VISIBLE_DEVICES=1,2,3 nohup torchrun --nproc_per_node 3 train.py "
            "--config configs/sum3b.yaml --per_device_batch 4 --grad_accum 5 "
            "--resume runs/r0412/checkpoint-2000 --run_name r0413 > runs/r0413/train.log 2>&1 &"
        ),
    )
    c.r("bash: runs/r0413/train.log: No such file or directory", exit_code=1)
    c.a(
        "The run folder doesn't exist yet, so the redirect failed. Creating it first.",
        bash(
            "cd ~/work/sumtune && mkdir -p runs/r0413 && CUDA_VISIBLE_DEVICES=1,2,3 nohup torchrun "
            "--nproc_per_node 3 train.py --config configs/sum3b.yaml --per_device_batch 4 --grad_accum 5 "
            "--resume runs/r0412/checkpoint-2000 --run_name r0413 > runs/r0413/train.log 2>&1 & echo $!"
        ),
    )
    launch = c.r("51877")
    c.a(
        "Started (pid 51877). I'll check in a few minutes.",
        bash("sleep 240; tail -n 4 ~/work/sumtune/runs/r0413/train.log"),
    )
    wb = c.r(
        "wandb: Currently logged in as: noor-h (sumtune-team)\n"
        "wandb: ERROR Error while calling W&B API: user is not authorized (<Response [401]>)\n"
        "wandb: Network error, entering retry loop. Run data will be saved locally in runs/r0413/wandb/offline-run-20261201_075603-r0413\n"
        "[rank0] step 2010/5000 loss 1.6512 lr 1.98e-04 tok/s 7933"
    )
    c.a(
        "Training is running (step 2010), but W&B is rejecting the login with a 401: the shell still had the "
        "old key. The run logs locally to runs/r0413/wandb/offline-run-20261201_075603-r0413, so nothing is "
        "lost. I can't change the environment of a running process; I'd sync that folder with your new key "
        "when the run ends. Restarting just for W&B would cost the 10 minutes it has done."
    )
    sync_ok = c.u("sync at the end is fine")
    c.a("Okay. Polling.", bash("sleep 600; tail -n 2 ~/work/sumtune/runs/r0413/train.log"))
    c.r(
        "[rank0] step 2140/5000 loss 1.6420 lr 1.97e-04 tok/s 7951\n[rank0] step 2141/5000 loss 1.6377 lr 1.97e-04 tok/s 7949"
    )
    c.a(
        "",
        bash(
            "sleep 600; tail -n 2 ~/work/sumtune/runs/r0413/train.log; nvidia-smi --query-gpu=index,memory.used --format=csv,noheader"
        ),
    )
    c.r(
        "[rank0] step 2273/5000 loss 1.6288 lr 1.96e-04 tok/s 7940\n[rank0] step 2274/5000 loss 1.6301 lr 1.96e-04 tok/s 7944\n"
        "0, 14356 MiB\n1, 39820 MiB\n2, 40112 MiB\n3, 39644 MiB"
    )
    c.a("Past step 2210, where r0412 died, with ~40 GiB per GPU and GPU 0 untouched.")
    c.u("nice. how long till it's done?")
    c.a("About 7.9k tok/s, so the remaining ~2700 steps take roughly 3h20. Around 11:40 your time.")
    todo = c.u("ok. I'll tell Lars tomorrow to stop parking kernels on GPU 0, it's the third time", gap=60)
    c.a("Sounds good. I'll keep polling.", bash("sleep 600; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 2410/5000 loss 1.6102 lr 1.94e-04 tok/s 7952")
    c.a("", bash("sleep 600; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 2545/5000 loss 1.6033 lr 1.92e-04 tok/s 7931")
    c.a("", bash("sleep 600; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 2681/5000 loss 1.5870 lr 1.90e-04 tok/s 7958")
    c.u("still alive?", gap=1800)
    c.a("Yes, step 2681, loss 1.587 and going down. Eval runs every 1000 steps; the next one is at 3000.")
    c.a(
        "", bash("sleep 900; grep -E 'eval|step 30[0-9]{2}/' ~/work/sumtune/runs/r0413/train.log | tail -n 3")
    )
    c.r(
        "[rank0] step 3000/5000 loss 1.5611 lr 1.85e-04 tok/s 7940\n[rank0] eval step 3000 rouge_l 0.352 loss 1.6014"
    )
    c.a(
        "Eval at step 3000: ROUGE-L 0.352 (r0412 had 0.341 at step 2000).",
        bash("sleep 900; tail -n 1 ~/work/sumtune/runs/r0413/train.log"),
    )
    c.r("[rank0] step 3237/5000 loss 1.5480 lr 1.81e-04 tok/s 7949")
    c.a("", bash("sleep 900; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 3474/5000 loss 1.5322 lr 1.76e-04 tok/s 7937")
    c.a("", bash("sleep 900; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 3711/5000 loss 1.5198 lr 1.70e-04 tok/s 7952")
    c.a("", bash("sleep 1200; tail -n 2 ~/work/sumtune/runs/r0413/train.log"))
    c.r(
        "[rank0] step 4000/5000 loss 1.4904 lr 1.62e-04 tok/s 7946\n[rank0] eval step 4000 rouge_l 0.364 loss 1.5720"
    )
    c.a("", bash("sleep 1200; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 4318/5000 loss 1.4711 lr 1.55e-04 tok/s 7950")
    c.a("", bash("sleep 1200; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 4633/5000 loss 1.4523 lr 1.49e-04 tok/s 7944")
    c.a("", bash("sleep 1500; tail -n 4 ~/work/sumtune/runs/r0413/train.log"))
    done = c.r(
        "[rank0] step 5000/5000 loss 1.4120 lr 1.40e-04 tok/s 7941\n"
        "[rank0] eval step 5000 rouge_l 0.371 loss 1.5433\n"
        "[rank0] saved checkpoint to runs/r0413/checkpoint-5000\n"
        "[rank0] training finished in 3:21:07"
    )
    c.a(
        "Done. Now syncing the offline W&B run with the new key.",
        bash(
            "cd ~/work/sumtune && WANDB_API_KEY=wk_9c41f07e2ab35d8816c0e4f2a7b9d3c1e6f05a28 "
            "wandb sync runs/r0413/wandb/offline-run-20261201_075603-r0413"
        ),
    )
    synced = c.r(
        "Find logs at: runs/r0413/wandb/debug-cli.noor.log\n"
        "Syncing: https://wandb.ai/sumtune-team/sumtune/runs/r0413 ... done."
    )
    c.a(
        "r0413 finished all 5000 steps on GPUs 1-3: final ROUGE-L 0.371, checkpoint in "
        "runs/r0413/checkpoint-5000. The W&B run is synced at wandb.ai/sumtune-team/sumtune/runs/r0413."
    )
    c.u("perfect, thanks")
    c.a("You're welcome.")
    c.item(
        "fact",
        "Never put the user's jobs on GPU 0 of the GPU box (used for notebooks); use GPUs 1-3 only",
        [first],
        True,
    )
    c.item(
        "decision",
        "sumtune-3b restart (r0413): per-device batch 4 with grad accumulation 5 on GPUs 1-3 (effective batch 60), "
        "resumed from r0412 checkpoint-2000",
        [opts, first, accum, yes5],
        True,
    )
    c.item("fact", "The GPU box has 4× NVIDIA RTX A6000 (48 GB each)", [smi])
    c.item(
        "outcome",
        "r0412 OOMed at step 2210 on GPU 0 (Lars's Jupyter kernel held 14 GiB); r0413 finished 5000 steps: "
        "ROUGE-L 0.371, checkpoint runs/r0413/checkpoint-5000",
        [oom, launch, done],
    )
    c.item(
        "outcome",
        "W&B returned 401 during r0413 (old key); the offline run was synced after training to "
        "wandb.ai/sumtune-team/sumtune/runs/r0413",
        [wb, sync_ok, synced],
    )
    c.item("todo", "User tells Lars on 2 December to stop leaving Jupyter kernels on GPU 0", [todo])
    c.canaries = ["wk_9c41f07e2ab35d8816c0e4f2a7b9d3c1e6f05a28"]
    c.noise = [
        "Let me look at the log",
        "how long till it's done?",
        "still alive?",
        "perfect, thanks",
        "I'll check in a few minutes",
    ]
    return c


# --- 02 -------------------------------------------------------------------------------------------


def nan_loss() -> Conv:
    c = Conv("02-nan-loss-7b-pilot", "2026-12-01T13:05:00", 1, "control-ui", cwd=CWD)
    c.u("hey, the 7B pilot went NaN around step 1180. runs/p7b-03 in ~/work/sumtune. any idea?")
    c.a(
        "I'll check the log around there.",
        exe("grep -n -E 'nan|overflow|grad_norm inf' ~/work/sumtune/runs/p7b-03/train.log | head -n 12"),
    )
    nan = c.r(
        "1166:[rank0] step 1176/8000 loss 2.0817 grad_norm 3.41 scale 8192.0\n"
        "1168:[rank0] Gradient overflow. Skipping step, loss scale reduced to 4096.0\n"
        "1169:[rank0] Gradient overflow. Skipping step, loss scale reduced to 2048.0\n"
        "1171:[rank0] step 1179/8000 loss 2.3390 grad_norm inf scale 512.0\n"
        "1172:[rank0] Gradient overflow. Skipping step, loss scale reduced to 1.0\n"
        "1173:[rank0] Gradient overflow. Skipping step, loss scale reduced to 0.0001\n"
        "1175:[rank0] step 1181/8000 loss nan grad_norm nan scale 0.0001\n"
        "1176:[rank0] step 1182/8000 loss nan grad_norm nan scale 0.0001"
    )
    c.a("", [("read", {"path": "/home/noor/work/sumtune/configs/sum7b.yaml"})])
    c.r(
        "model: sumtune/base-7b\n"
        "precision: fp16\n"
        "lr: 3.0e-4\n"
        "warmup_steps: 0\n"
        "per_device_batch: 2\n"
        "grad_accum: 8\n"
        "max_seq_len: 4096\n"
        "push_to_hub: false\n"
        "hub_token: hf_vKqT4mZr8LwYn2XcPb7JdS0aEuGi6HoFtN\n"
    )
    diag = c.a(
        "The fp16 loss scale collapsed: from step 1176 it keeps overflowing, the scaler halves down to 0.0001, "
        "and from 1181 everything is NaN. The config is fp16, lr 3.0e-4 with no warmup. The 3B runs use the "
        "same 3e-4, so I'd keep the LR and add 200 warmup steps.\n\n"
        "Separately: configs/sum7b.yaml has a Hugging Face token in plain text (hub_token). Better to read it "
        "from HF_TOKEN in the environment."
    )
    corr = c.u("no, the 3B runs are 2e-4, not 3e-4. check sum3b.yaml", gap=50)
    c.a("", [("read", {"path": "/home/noor/work/sumtune/configs/sum3b.yaml"})])
    c.r(
        "model: sumtune/base-3b\nprecision: bf16\nlr: 2.0e-4\nwarmup_steps: 500\nper_device_batch: 4\ngrad_accum: 5\nmax_seq_len: 4096\n"
    )
    ack = c.a(
        "You're right, sum3b.yaml has lr 2.0e-4, with 500 warmup steps and bf16. So the 7B pilot started hotter "
        "than the 3B, with no warmup and in fp16. I'd go to 1.5e-4 for the bigger model, with 500 warmup steps."
    )
    q = c.u("and fp16 or bf16? the A6000s do bf16, right?")
    rec = c.a(
        "Yes, they're Ampere, bf16 is supported natively. I'd switch to bf16: it has fp32's exponent range, so "
        "no loss scaling and no overflow spiral like this one. It's also what the 3B config uses."
    )
    sure = c.u(
        "sure. and lr: make it 2e-4 like the 3B, with the 500 warmup. I don't want the two configs to drift"
    )
    lr_ok = c.a(
        "Okay: bf16, lr 2.0e-4, warmup 500.",
        [
            (
                "edit",
                {
                    "path": "/home/noor/work/sumtune/configs/sum7b.yaml",
                    "oldText": "precision: fp16\nlr: 3.0e-4\nwarmup_steps: 0",
                    "newText": "precision: bf16\nlr: 2.0e-4\nwarmup_steps: 500",
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/noor/work/sumtune/configs/sum7b.yaml.")
    c.a("What about the token in that file? I can move it to HF_TOKEN now.")
    later = c.u("leave it for now, push_to_hub is off anyway. I'll rotate it next week and clean it up then")
    c.a(
        "Fine. Relaunching the pilot as p7b-04.",
        exe(
            "cd ~/work/sumtune && mkdir -p runs/p7b-04 && CUDA_VISIBLE_DEVICES=1,2,3 nohup torchrun --nproc_per_node 3 "
            "train.py --config configs/sum7b.yaml --run_name p7b-04 > runs/p7b-04/train.log 2>&1 & echo $!"
        ),
    )
    relaunch = c.r("60214")
    c.a("", exe("sleep 1800; tail -n 2 ~/work/sumtune/runs/p7b-04/train.log"))
    c.r(
        "[rank0] step 610/8000 loss 2.2704 grad_norm 1.12 lr 2.00e-04\n[rank0] step 611/8000 loss 2.2651 grad_norm 1.09 lr 2.00e-04"
    )
    c.a(
        "",
        exe(
            "sleep 2400; grep -c -E 'nan|overflow' ~/work/sumtune/runs/p7b-04/train.log; tail -n 1 ~/work/sumtune/runs/p7b-04/train.log"
        ),
    )
    ok = c.r("0\n[rank0] step 1503/8000 loss 1.9410 grad_norm 0.87 lr 1.99e-04")
    c.a(
        "p7b-04 is past step 1500 with no NaN and no overflow lines, loss 1.941 and grad norm under 1. "
        "The step-1180 blow-up is gone."
    )
    c.u("great 👍")
    c.item(
        "fact",
        "The sumtune-3b runs use lr 2e-4 (not 3e-4), 500 warmup steps, bf16 (configs/sum3b.yaml)",
        [diag, corr],
        True,
    )
    c.item(
        "decision",
        "sumtune-7b pilot precision: bf16 instead of fp16 (A6000s support it, no loss scaling)",
        [q, rec, sure],
        True,
    )
    c.item(
        "decision",
        "sumtune-7b pilot learning rate: 2e-4 with 500 warmup steps, same as the 3B, so the two configs don't drift",
        [ack, sure, lr_ok],
        True,
    )
    c.item(
        "outcome",
        "p7b-03 went NaN at step 1181 after the fp16 loss scale collapsed; relaunched as p7b-04 (bf16, lr 2e-4, "
        "warmup 500), past step 1500 with no NaN",
        [nan, relaunch, ok],
    )
    c.item(
        "todo",
        "User rotates the Hugging Face token next week and removes hub_token from configs/sum7b.yaml",
        [diag, later],
    )
    c.canaries = ["hf_vKqT4mZr8LwYn2XcPb7JdS0aEuGi6HoFtN"]
    c.noise = ["I'll check the log around there", "the A6000s do bf16, right?", "any idea?"]
    return c


SPLIT = [oom_finetune, nan_loss]

if __name__ == "__main__":
    main(SPLIT, HERE)
