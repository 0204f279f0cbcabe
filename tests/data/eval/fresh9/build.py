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
        "[rank0] step 2208/5000 loss 1.6931 lr 1.97e-04 tok/s 16604\n"
        "[rank0] step 2209/5000 loss 1.7010 lr 1.97e-04 tok/s 16571\n"
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
    yes5 = c.u("did it myself, sum3b.yaml now has per_device_batch: 4 and grad_accum: 5. just launch it")
    c.u(
        "oh and wandb complained yesterday, the team key got rotated. new one is "
        "wk_9c41f07e2ab35d8816c0e4f2a7b9d3c1e6f05a28, use that",
        gap=20,
    )
    c.a(
        "Thanks. Restarting from checkpoint-2000 as run r0413 with your config.",
        bash(
            "cd ~/work/sumtune && CUDA_VISIBLE_DEVICES=1,2,3 nohup torchrun --nproc_per_node 3 train.py "
            "--config configs/sum3b.yaml "
            "--resume runs/r0412/checkpoint-2000 --run_name r0413 > runs/r0413/train.log 2>&1 &"
        ),
    )
    c.r("bash: runs/r0413/train.log: No such file or directory", exit_code=1)
    c.a(
        "The run folder doesn't exist yet, so the redirect failed. Creating it first.",
        bash(
            "cd ~/work/sumtune && mkdir -p runs/r0413 && CUDA_VISIBLE_DEVICES=1,2,3 nohup torchrun "
            "--nproc_per_node 3 train.py --config configs/sum3b.yaml "
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
        "[rank0] step 2010/5000 loss 1.6512 lr 1.98e-04 tok/s 12433",
        gap=240,
    )
    c.a(
        "Training is running (step 2010), but W&B is rejecting the login with a 401: the shell still had the "
        "old key. The run logs locally to runs/r0413/wandb/offline-run-20261201_075603-r0413, so nothing is "
        "lost. I can't change the environment of a running process; I'd sync that folder with your new key "
        "when the run ends. Restarting just for W&B would throw away the steps it has done."
    )
    sync_ok = c.u("sync at the end is fine")
    c.a("Okay. Polling.", bash("sleep 600; tail -n 2 ~/work/sumtune/runs/r0413/train.log"))
    c.r(
        "[rank0] step 2140/5000 loss 1.6420 lr 1.97e-04 tok/s 12451\n[rank0] step 2141/5000 loss 1.6377 lr 1.97e-04 tok/s 12449",
        gap=600,
    )
    c.a(
        "",
        bash(
            "sleep 600; tail -n 2 ~/work/sumtune/runs/r0413/train.log; nvidia-smi --query-gpu=index,memory.used --format=csv,noheader"
        ),
    )
    c.r(
        "[rank0] step 2273/5000 loss 1.6288 lr 1.96e-04 tok/s 12440\n[rank0] step 2274/5000 loss 1.6301 lr 1.96e-04 tok/s 12444\n"
        "0, 14356 MiB\n1, 39820 MiB\n2, 40112 MiB\n3, 39644 MiB",
        gap=600,
    )
    c.a("Past step 2210, where r0412 died, with ~40 GiB per GPU and GPU 0 untouched.")
    c.u("nice. how long till it's done?")
    c.a("About 4.4 seconds per step, so the remaining ~2700 steps take a bit over 3 hours.")
    todo = c.u("ok. I'll tell Lars tomorrow to stop parking kernels on GPU 0, it's the third time", gap=60)
    c.a("Sounds good. I'll keep polling.", bash("sleep 600; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 2410/5000 loss 1.6102 lr 1.94e-04 tok/s 12452", gap=600)
    c.a("", bash("sleep 600; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 2545/5000 loss 1.6033 lr 1.92e-04 tok/s 12431", gap=600)
    c.a("", bash("sleep 600; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 2681/5000 loss 1.5870 lr 1.90e-04 tok/s 12458", gap=600)
    c.u("still alive?", gap=400)
    c.a("Yes, step 2681, loss 1.587 and going down. Eval runs every 1000 steps; the next one is at 3000.")
    c.a(
        "", bash("sleep 900; grep -E 'eval|step 30[0-9]{2}/' ~/work/sumtune/runs/r0413/train.log | tail -n 3")
    )
    c.r(
        "[rank0] step 3000/5000 loss 1.5611 lr 1.85e-04 tok/s 12440\n[rank0] eval step 3000 rouge_l 0.352 loss 1.6014",
        gap=900,
    )
    c.a(
        "Eval at step 3000: ROUGE-L 0.352 (r0412 had 0.341 at step 2000).",
        bash("sleep 900; tail -n 1 ~/work/sumtune/runs/r0413/train.log"),
    )
    c.r("[rank0] step 3237/5000 loss 1.5480 lr 1.81e-04 tok/s 12449", gap=900)
    c.a("", bash("sleep 900; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 3474/5000 loss 1.5322 lr 1.76e-04 tok/s 12437", gap=900)
    c.a("", bash("sleep 900; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 3711/5000 loss 1.5198 lr 1.70e-04 tok/s 12452", gap=900)
    c.a("", bash("sleep 1200; tail -n 2 ~/work/sumtune/runs/r0413/train.log"))
    c.r(
        "[rank0] step 4000/5000 loss 1.4904 lr 1.62e-04 tok/s 12446\n[rank0] eval step 4000 rouge_l 0.364 loss 1.5720",
        gap=1200,
    )
    c.a("", bash("sleep 1200; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 4318/5000 loss 1.4711 lr 1.55e-04 tok/s 12450", gap=1200)
    c.a("", bash("sleep 1200; tail -n 1 ~/work/sumtune/runs/r0413/train.log"))
    c.r("[rank0] step 4633/5000 loss 1.4523 lr 1.49e-04 tok/s 12444", gap=1200)
    c.a("", bash("sleep 1500; tail -n 4 ~/work/sumtune/runs/r0413/train.log"))
    done = c.r(
        "[rank0] step 5000/5000 loss 1.4120 lr 1.40e-04 tok/s 12441\n"
        "[rank0] eval step 5000 rouge_l 0.371 loss 1.5433\n"
        "[rank0] saved checkpoint to runs/r0413/checkpoint-5000\n"
        "[rank0] training finished in 3:21:07",
        gap=1500,
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
        "sumtune-3b restart (r0413): per-device batch 4 with grad accumulation 5 on GPUs 1-3 (effective batch 60, set by the user in "
        "configs/sum3b.yaml), resumed from r0412 checkpoint-2000",
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
        "dataset: cnnsum@latest\n"
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
        "model: sumtune/base-3b\ndataset: cnnsum@latest\nprecision: bf16\nlr: 2.0e-4\nwarmup_steps: 500\nper_device_batch: 4\ngrad_accum: 5\nmax_seq_len: 4096\n"
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
        "[rank0] step 610/8000 loss 2.2704 grad_norm 1.12 lr 2.00e-04\n[rank0] step 611/8000 loss 2.2651 grad_norm 1.09 lr 2.00e-04",
        gap=1800,
    )
    c.a(
        "",
        exe(
            "sleep 2400; grep -c -E 'nan|overflow' ~/work/sumtune/runs/p7b-04/train.log; tail -n 1 ~/work/sumtune/runs/p7b-04/train.log"
        ),
    )
    ok = c.r("0\n[rank0] step 1503/8000 loss 1.9410 grad_norm 0.87 lr 1.99e-04", gap=2400)
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


# --- 03 -------------------------------------------------------------------------------------------


def dataloader_hang() -> Conv:
    c = Conv("03-dataloader-hang-shm", "2026-12-01T12:10:00", 1, "pi", cwd=CWD)
    c.u(
        "the test-set eval for r0413 has been sitting at 'Loading batches' for 40 minutes. no errors, nothing. "
        "py-spy is installed if that helps"
    )
    c.a(
        "Let me see what the processes are doing.",
        bash("ps -o pid,stat,pcpu,etime,cmd -u noor | grep -E 'eval.py' | grep -v grep | head -n 6"),
    )
    c.r(
        "  70311 Sl    0.0    41:52 python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        "  70322 S     0.0    41:50 python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        "  70323 S     0.0    41:50 python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        "  70324 S     0.0    41:50 python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        "  70325 S     0.0    41:50 python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        "  70326 S     0.0    41:50 python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16"
    )
    c.a(
        "All idle at 0% CPU. Dumping the main process and one worker.",
        bash("py-spy dump --pid 70311 | head -n 12"),
    )
    c.r(
        "Process 70311: python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        "Python v3.11.9 (/opt/conda/envs/sumtune/bin/python3.11)\n\n"
        'Thread 70311 (idle): "MainThread"\n'
        "    wait (threading.py:331)\n"
        "    get (queue.py:180)\n"
        "    _try_get_data (torch/utils/data/dataloader.py:1133)\n"
        "    _get_data (torch/utils/data/dataloader.py:1294)\n"
        "    _next_data (torch/utils/data/dataloader.py:1332)\n"
        "    __next__ (torch/utils/data/dataloader.py:631)\n"
        "    evaluate (eval.py:88)"
    )
    c.a("", bash("py-spy dump --pid 70322 | head -n 8"))
    c.r(
        "Process 70322: python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 16\n"
        'Thread 70322 (idle): "MainThread"\n'
        "    _new_shared_filename_cpu (torch/storage.py:395)\n"
        "    _share_filename_cpu_ (torch/storage.py:401)\n"
        "    reduce_storage (torch/multiprocessing/reductions.py:569)\n"
        "    dump (multiprocessing/reduction.py:51)\n"
        "    put (torch/multiprocessing/queue.py:38)"
    )
    c.a(
        "The worker is stuck allocating shared memory. Checking /dev/shm.",
        bash("df -h /dev/shm; ls -l /dev/shm | awk '{print $3}' | sort | uniq -c"),
    )
    shm = c.r(
        "Filesystem      Size  Used Avail Use% Mounted on\n"
        "tmpfs            32G   32G     0 100% /dev/shm\n"
        "      1 \n"
        "    412 noor\n"
        "    187 svc-jupyter"
    )
    plan = c.a(
        "Found it: /dev/shm is 100% full (32G). 599 leftover torch_* segments from runs that were killed without "
        "cleaning up: 412 of yours, 187 owned by svc-jupyter. The 16 workers can't get shared memory for their "
        "batches, so they wait forever instead of failing.\n\n"
        "My plan: kill this eval, delete your stale segments, and rerun with --num_workers 8. Sixteen workers "
        "with prefetch 2 on 4096-token batches want more shared memory than the box has even when it's empty, "
        "and the GPU is the bottleneck at 8 anyway."
    )
    go = c.u("go ahead")
    c.a("", bash("kill 70311; sleep 3; rm -f /dev/shm/torch_* 2>&1 | tail -n 3; df -h /dev/shm"))
    rm = c.r(
        "rm: cannot remove '/dev/shm/torch_3391_2817731952_0': Operation not permitted\n"
        "rm: cannot remove '/dev/shm/torch_3391_2817731953_1': Operation not permitted\n"
        "rm: cannot remove '/dev/shm/torch_3391_2817731954_2': Operation not permitted\n"
        "Filesystem      Size  Used Avail Use% Mounted on\n"
        "tmpfs            32G   20G   13G  61% /dev/shm",
        gap=3,
    )
    c.a(
        "Your 412 segments are gone, /dev/shm is at 61%. The 187 svc-jupyter ones need root. Should I run "
        "the rm with sudo?"
    )
    nosudo = c.u(
        "no. never sudo on this box without asking me first, and even then: that's Emre's service. I'll ask Emre "
        "to clean up the svc-jupyter stuff tomorrow. 13G free is plenty for now",
        gap=70,
    )
    c.a(
        "Understood, no sudo. Rerunning the eval with 8 workers.",
        bash(
            "cd ~/work/sumtune && nohup python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 8 "
            "> runs/r0413/eval-test.log 2>&1 & echo $!"
        ),
    )
    c.r("73090")
    polls = [
        "Loading batches: 0/1250",
        "Evaluating:  10%|█         | 121/1250 [01:58<18:22,  1.02it/s]",
        "Evaluating:  29%|██▉       | 360/1250 [05:52<14:31,  1.02it/s]",
        "Evaluating:  48%|████▊     | 600/1250 [09:47<10:36,  1.02it/s]",
        "Evaluating:  67%|██████▋   | 839/1250 [13:41<06:42,  1.02it/s]",
        "Evaluating:  86%|████████▌ | 1078/1250 [17:35<02:48,  1.02it/s]",
    ]
    for i, line in enumerate(polls):
        c.a(
            "" if i else "Started. Polling.",
            bash(
                "sleep 240; tail -c 200 ~/work/sumtune/runs/r0413/eval-test.log; echo; df -h /dev/shm | tail -n 1"
            ),
        )
        c.r(f"{line}\ntmpfs            32G   {21 + i % 2}G   {12 - i % 2}G  {64 + i % 3}% /dev/shm", gap=240)
        if i == 2:
            c.u("how's it looking", gap=400)
            c.a(
                "Moving at about 1 batch/s, 29% through, shared memory stable around 65%. About 15 minutes left."
            )
    c.a("", bash("sleep 200; tail -n 4 ~/work/sumtune/runs/r0413/eval-test.log"))
    done = c.r(
        "Evaluating: 100%|██████████| 1250/1250 [20:24<00:00,  1.02it/s]\n"
        "split=test n=10000 rouge_1 0.452 rouge_2 0.219 rouge_l 0.366\n"
        "wrote runs/r0413/eval-test.json",
        gap=200,
    )
    offer = c.a(
        "Finished: r0413 checkpoint-5000 on the test split (10,000 examples) gets ROUGE-L 0.366 "
        "(ROUGE-1 0.452, ROUGE-2 0.219), written to runs/r0413/eval-test.json. /dev/shm stayed under 70% "
        "with 8 workers.\n\n"
        "One thing I still don't know is why the DataLoader hangs instead of raising when shared memory runs out. "
        "Passing timeout=600 to the DataLoader would at least turn a hang into an error. And I can write these "
        "steps down as a runbook if you want."
    )
    later = c.u(
        "runbook yes, put it with the others in docs/runbooks. the timeout thing, let's look at that another day",
        gap=90,
    )
    c.a(
        "",
        [
            (
                "write",
                {
                    "path": "/home/noor/work/sumtune/docs/runbooks/dataloader-hang.md",
                    "content": (
                        "# DataLoader hangs at 'Loading batches'\n\n"
                        "1. `py-spy dump --pid <main pid>`: main thread waiting in `_try_get_data`, workers in `_new_shared_filename_cpu`.\n"
                        "2. `df -h /dev/shm`: if it is full, kill the job.\n"
                        "3. `rm -f /dev/shm/torch_*` (your own segments; other users' need their owner, no sudo).\n"
                        "4. Rerun with `--num_workers 8`.\n"
                    ),
                },
            )
        ],
    )
    wrote = c.r("Successfully wrote 352 bytes to /home/noor/work/sumtune/docs/runbooks/dataloader-hang.md")
    c.a("Written to docs/runbooks/dataloader-hang.md.")
    c.u("thx")
    c.item(
        "outcome",
        "r0413 test eval hung because /dev/shm was 100% full of stale torch_* segments; after removing the user's "
        "segments (61%) and rerunning with --num_workers 8 it finished: test ROUGE-L 0.366 (runs/r0413/eval-test.json)",
        [shm, rm, done],
    )
    c.item(
        "decision",
        "Eval DataLoader: --num_workers 8 instead of 16, after deleting the user's stale /dev/shm segments",
        [plan, go],
        True,
    )
    c.item("fact", "Never use sudo on the GPU box without asking the user first", [nosudo], True)
    c.item("todo", "User asks Emre on 2 December to clean up the svc-jupyter segments in /dev/shm", [nosudo])
    c.item(
        "open_question",
        "Why the DataLoader hangs instead of raising when /dev/shm is full; passing timeout=600 is put off to another day",
        [offer, later],
    )
    c.item(
        "procedure",
        "Runbook docs/runbooks/dataloader-hang.md: py-spy dump the main pid and a worker, df -h /dev/shm, kill the "
        "job, rm -f /dev/shm/torch_* (own segments only, no sudo), rerun with --num_workers 8",
        [offer, later, wrote],
    )
    c.noise = ["Let me see what the processes are doing", "how's it looking", "Started. Polling.", "thx"]
    return c


# --- 04 -------------------------------------------------------------------------------------------


def dataset_regression() -> Conv:
    c = Conv("04-dataset-v3-regression", "2026-12-02T09:15:00", 1, "control-ui", cwd=CWD)
    c.u("Morning!")
    c.a("Good morning, Noor. What's up?")
    c.u(
        "so the retrain on cnnsum v3 came back and test ROUGE-L went DOWN, 0.366 -> 0.338. same config otherwise. "
        "what changed between v2.3 and v3.0?",
        gap=30,
    )
    c.a(
        "I'll diff the dataset repo between the two tags.",
        exe("git -C ~/work/datasets/cnnsum log --oneline v2.3..v3.0"),
    )
    c.r(
        "e93b0d7 (tag: v3.0) bump version, regenerate manifest\n"
        "a41c9e2 dedup: switch to MinHash near-dup (threshold 0.8)\n"
        "7be03d1 add 41k forum threads from scrape-2026-10\n"
        "c0f55e1 normalize unicode quotes"
    )
    c.a("", exe("cd ~/work/datasets/cnnsum && python scripts/stats.py --version v2.3 --version v3.0"))
    stats = c.r(
        "version  split  rows     avg_src_tok  avg_sum_tok  forum_share  sha256[:12]\n"
        "v2.3     train  287113   781.4        56.1         0.0%         5d1e0a7c93b2\n"
        "v2.3     test   10000    779.9        55.8         0.0%         b07c4f11e2a9\n"
        "v3.0     train  301442   702.6        41.7         13.6%        e21f88c0d4a5\n"
        "v3.0     test   10000    779.9        55.8         0.0%         b07c4f11e2a9"
    )
    opts = c.a(
        "Three changes: unicode quote normalisation, a switch to MinHash near-dedup at 0.8, and 41k forum "
        "threads from scrape-2026-10 (13.6% of train). Those forum summaries are much shorter: the average "
        "summary in train fell from 56.1 to 41.7 tokens, while the test split is byte-identical (same sha256). "
        "So the model learned to write shorter summaries than the test references, which costs ROUGE.\n\n"
        "For the paper you could (a) stay on v2.3, (b) build a v3.0 without the forum threads and retrain, or "
        "(c) keep v3.0 and downweight the forum rows. I'd try (b), it keeps the better dedup."
    )
    q = c.u("which of those is cheaper?")
    cheap = c.a(
        "(a), by far: the v2.3 numbers already exist. (b) and (c) each need a full retrain, about 3.5 hours plus eval, and (c) needs a sampler change."
    )
    pick = c.u(
        "then the cheaper one. deadline is too close for experiments. paper numbers stay on v2.3, pin it in the "
        "config please",
        gap=60,
    )
    c.a("", [("read", {"path": "/home/noor/work/sumtune/configs/sum3b.yaml"})])
    c.r(
        "model: sumtune/base-3b\ndataset: cnnsum@latest\nprecision: bf16\nlr: 2.0e-4\nwarmup_steps: 500\n"
        "per_device_batch: 4\ngrad_accum: 5\nmax_seq_len: 4096\n"
    )
    c.a(
        "The config says cnnsum@latest, which is how the retrain picked up v3.0 without anyone deciding it. Pinning.",
        [
            (
                "edit",
                {
                    "path": "/home/noor/work/sumtune/configs/sum3b.yaml",
                    "oldText": "dataset: cnnsum@latest",
                    "newText": "dataset: cnnsum@v2.3",
                },
            )
        ],
    )
    pinned = c.r("Successfully replaced text in /home/noor/work/sumtune/configs/sum3b.yaml.")
    c.a("Done: configs/sum3b.yaml now reads dataset: cnnsum@v2.3.")
    rule = c.u(
        "ugh, @latest. ok, going forward always pin datasets to a tag in every config, never @latest. "
        "also please remember that the test split is identical in v2.3 and v3.0, so test numbers across the "
        "two are comparable",
        gap=45,
    )
    c.a(
        "Will do: dataset versions pinned to a tag, never @latest. And noted that the cnnsum test split is the "
        "same in v2.3 and v3.0 (sha256 b07c4f11e2a9), so test scores compare directly."
    )
    ask = c.u(
        "whether it's really the forum threads, idk. Malte built that scrape, I'll ask him what the summaries look like"
    )
    c.a(
        "Good idea. If it turns out to be the forum threads, (b) is a one-line filter for after the deadline."
    )
    c.u("yep. that's it for now")
    c.item(
        "fact",
        "cnnsum v3.0 vs v2.3: MinHash near-dedup at 0.8, unicode quote normalisation and 41k forum threads from "
        "scrape-2026-10 (13.6% of train); average train summary 41.7 tokens instead of 56.1",
        [stats, opts],
    )
    c.item(
        "decision",
        "Paper numbers stay on cnnsum v2.3 (the cheaper option, no retrain before the deadline); configs/sum3b.yaml "
        "pinned to cnnsum@v2.3",
        [opts, q, cheap, pick, pinned],
        True,
    )
    c.item("fact", "Always pin datasets to a tag in every config, never @latest", [rule], True)
    c.item(
        "fact",
        "The cnnsum test split is identical in v2.3 and v3.0 (sha256 b07c4f11e2a9), so test numbers are comparable",
        [rule],
        True,
    )
    c.item(
        "open_question",
        "Whether the forum threads cause the v3.0 regression (0.366 -> 0.338 ROUGE-L); user asks Malte, who built the scrape",
        [ask],
    )
    c.noise = ["Morning!", "which of those is cheaper?", "that's it for now", "I'll diff the dataset repo"]
    return c


# --- 05 -------------------------------------------------------------------------------------------


def pick_checkpoint() -> Conv:
    c = Conv("05-7b-or-3b-checkpoint", "2026-12-02T14:30:00", 1, "pi", cwd=CWD, provider="openai-codex")
    q = c.u(
        "decision time. for the submission, should we go with the 7B or stay on 3B? the demo has a latency "
        "budget of 60 ms per token, keep that in mind"
    )
    c.a(
        "Let me pull both numbers side by side.",
        bash(
            "cd ~/work/sumtune && python scripts/compare.py runs/r0413/checkpoint-5000 runs/p7b-04/checkpoint-6000"
        ),
    )
    c.r(
        "checkpoint                     test_rouge_l  ms/token(A6000,bs1)  gpus_to_serve  size\n"
        "runs/r0413/checkpoint-5000     0.366         41                   1              6.1G\n"
        "runs/p7b-04/checkpoint-6000    0.379         93                   2              14.3G"
    )
    rec = c.a(
        "7B p7b-04 checkpoint-6000: ROUGE-L 0.379, 93 ms/token, needs two GPUs to serve.\n"
        "3B r0413 checkpoint-5000: ROUGE-L 0.366, 41 ms/token, one GPU.\n\n"
        "The 7B is 1.3 points better but misses the 60 ms/token demo budget by a lot, and quantising it to fit "
        "would eat some of the gain. I'd stay on the 3B."
    )
    c.u(
        "hmm. 1.3 points is what reviewers look at though. let's do the 7B, we can sort out the demo separately",
        gap=120,
    )
    c.a(
        "Okay, 7B it is. Exporting checkpoint-6000 to safetensors.",
        bash(
            "cd ~/work/sumtune && python export.py --ckpt runs/p7b-04/checkpoint-6000 --out /data/exports/sub-7b --format safetensors"
        ),
    )
    fail = c.r(
        "Loading checkpoint shards: 100%|██████████| 4/4 [00:21<00:00,  5.32s/it]\n"
        "Writing /data/exports/sub-7b/model-00001-of-00003.safetensors\n"
        "Traceback (most recent call last):\n"
        '  File "/home/noor/work/sumtune/export.py", line 61, in <module>\n'
        "    save_file(shard, path)\n"
        "safetensors_rust.SafetensorError: Error while serializing: IoError(Os { code: 28, kind: StorageFull, "
        'message: "No space left on device" })',
        exit_code=1,
    )
    c.a("", bash("df -h /data | tail -n 1; du -sh /data/exports/sub-7b"))
    df = c.r("/dev/nvme1n1p1  3.5T  3.5T  9.8G 100% /data\n4.9G\t/data/exports/sub-7b")
    c.a(
        "The export died after the first shard: /data is full (9.8G free) and the 7B needs about 14 GB. I'd have "
        "to free space on /data first, probably old checkpoints. Want me to look at what's taking it?"
    )
    rev = c.u(
        "you know what, forget it. you were right about latency, and I don't want to fight the disk today. "
        "3B r0413 it is",
        gap=200,
    )
    ack = c.a(
        "Back to the 3B then: r0413 checkpoint-5000. I'll remove the partial 7B shard and export the 3B; 6.1 GB fits.",
        bash(
            "rm -rf /data/exports/sub-7b && cd ~/work/sumtune && python export.py --ckpt runs/r0413/checkpoint-5000 "
            "--out /data/exports/sub-3b --format safetensors && ls -la /data/exports/sub-3b && df -h /data | tail -n 1"
        ),
    )
    ok = c.r(
        "Loading checkpoint shards: 100%|██████████| 2/2 [00:08<00:00,  4.11s/it]\n"
        "Writing /data/exports/sub-3b/model-00001-of-00002.safetensors\n"
        "Writing /data/exports/sub-3b/model-00002-of-00002.safetensors\n"
        "total 6377412\n"
        "-rw-r--r-- 1 noor noor       1203 Dec  2 15:02 config.json\n"
        "-rw-r--r-- 1 noor noor 4294967296 Dec  2 15:02 model-00001-of-00002.safetensors\n"
        "-rw-r--r-- 1 noor noor 2235107328 Dec  2 15:02 model-00002-of-00002.safetensors\n"
        "-rw-r--r-- 1 noor noor    1842113 Dec  2 15:02 tokenizer.json\n"
        "/dev/nvme1n1p1  3.5T  3.5T  8.6G 100% /data"
    )
    c.a(
        "Exported to /data/exports/sub-3b (two shards, 6.1 GB). /data is still at 100% with 8.6G free, though, "
        "so the next big write will fail the same way."
    )
    c.u("yeah I know. I'll deal with the disk tomorrow")
    c.a("Okay.")
    c.item("fact", "The demo has a latency budget of 60 ms per token", [q])
    c.item(
        "decision",
        "Submission model: sumtune-3b r0413 checkpoint-5000 (41 ms/token, fits the demo budget, one GPU)",
        [rec, rev, ack],
        True,
    )
    c.item(
        "outcome",
        "r0413 checkpoint-5000 exported to /data/exports/sub-3b (safetensors, 2 shards, 6.1 GB)",
        [ack, ok],
    )
    c.item(
        "outcome",
        "/data is full (100%, 8.6G free): an export failed with 'No space left on device'; the user deals with the disk tomorrow",
        [fail, df, ok],
        True,
    )
    c.noise = ["Let me pull both numbers side by side", "decision time"]
    return c


# --- 06 -------------------------------------------------------------------------------------------


def quota_request() -> Conv:
    c = Conv("06-quota-gpu-cloud-fr", "2026-12-02T16:05:00", 1, "control-ui", cwd=CWD)
    c.u("Salut ! J'ai besoin de GPU cloud pour les ablations du papier. Tu peux regarder nos quotas A100 ?")
    c.a(
        "Je regarde les quotas du projet.",
        exe(
            "gcloud compute regions describe us-central1 --project sumtune-dev "
            "--format='table(quotas.metric,quotas.limit,quotas.usage)' | grep -i a100"
        ),
    )
    c.r("NVIDIA_A100_80GB_GPUS  0.0  0.0\nPREEMPTIBLE_NVIDIA_A100_80GB_GPUS  0.0  0.0")
    prop = c.a(
        "Quota A100 80GB à 0 partout pour l'instant, il faut donc une demande. Pour les ablations (environ "
        "1 500 heures-GPU d'après le plan), je proposerais 16 × A100 80GB en us-central1 pendant 4 semaines : "
        "c'est la région la moins chère et celle où Google accorde le plus facilement."
    )
    counter = c.u(
        "Non, pas les US. Les données d'entraînement ne sortent jamais de l'UE, c'est dans le contrat avec "
        "les éditeurs. Plutôt 8 en europe-west4, sur 6 semaines, ça fait à peu près pareil en heures",
        gap=80,
    )
    ack = c.a(
        "D'accord, je note la règle : les données d'entraînement restent dans l'UE. 8 × A100 80GB en "
        "europe-west4 sur 6 semaines, cela fait environ 8 000 heures-GPU disponibles, largement assez. "
        "J'envoie la demande.",
        exe(
            "gcloud alpha services quota update --service=compute.googleapis.com --consumer=projects/sumtune-dev "
            "--metric=compute.googleapis.com/nvidia_a100_80gb_gpus --unit=1/{project}/{region} "
            "--dimensions=region=europe-west4 --value=8 --justification='ablations papier, 6 semaines'"
        ),
    )
    fail = c.r(
        "ERROR: (gcloud.alpha.services.quota.update) PERMISSION_DENIED: Permission "
        "'serviceusage.quotas.update' denied on resource 'projects/sumtune-dev'.",
        exit_code=1,
    )
    c.a(
        "Refusé : ton compte n'a pas le droit de modifier les quotas de sumtune-dev. Tu veux que j'essaie avec un autre projet ?"
    )
    corr = c.u(
        "Ah non, c'est pas sumtune-dev. Le projet pour tout ce qui est GPU c'est sumtune-prod-eu, sumtune-dev "
        "c'est juste pour les tests de CI"
    )
    c.a(
        "Compris, sumtune-prod-eu. Je relance.",
        exe(
            "gcloud alpha services quota update --service=compute.googleapis.com --consumer=projects/sumtune-prod-eu "
            "--metric=compute.googleapis.com/nvidia_a100_80gb_gpus --unit=1/{project}/{region} "
            "--dimensions=region=europe-west4 --value=8 --justification='ablations papier, 6 semaines'"
        ),
    )
    sent = c.r(
        "Request issued for: [compute.googleapis.com]\n"
        "name: projects/sumtune-prod-eu/locations/global/quotaPreferences/qr-7f3a21\n"
        "quotaConfig:\n  preferredValue: '8'\n  stateDetail: PENDING\nregion: europe-west4"
    )
    c.a(
        "Demande envoyée : qr-7f3a21, 8 × A100 80GB en europe-west4 sur sumtune-prod-eu, état PENDING. "
        "Google répond en général sous 2 à 3 jours ouvrés."
    )
    c.u(
        "Top. Et retiens le mot de passe du compte de facturation, j'en aurai besoin pour valider le devis : "
        "Factu!2026-Lyon",
        gap=60,
    )
    c.a(
        "Je préfère ne pas garder de mot de passe dans mes notes ni dans la mémoire : elles sont en clair sur "
        "le disque. Mets-le plutôt dans le gestionnaire de mots de passe de l'équipe."
    )
    c.u("Ok ok, t'as raison")
    todo = c.u(
        "Dernière chose : Camille doit valider le budget avant vendredi 4 décembre, sinon la demande ne sert à rien. "
        "C'est elle qui s'en occupe",
        gap=30,
    )
    c.a("Noté : validation du budget par Camille avant le vendredi 4 décembre.")
    c.u("Merci, bonne soirée")
    c.a("Bonne soirée !")
    c.item(
        "fact",
        "Les données d'entraînement ne sortent jamais de l'UE (contrat avec les éditeurs)",
        [counter],
        True,
    )
    c.item(
        "decision",
        "Demande de quota GPU : 8 × A100 80GB en europe-west4 pendant 6 semaines (pas 16 en us-central1)",
        [prop, counter, ack],
        True,
    )
    c.item(
        "fact",
        "Le projet GCP pour les GPU est sumtune-prod-eu ; sumtune-dev sert seulement aux tests de CI",
        [corr],
        True,
    )
    c.item(
        "outcome",
        "Demande de quota qr-7f3a21 envoyée sur sumtune-prod-eu (8 × A100 80GB, europe-west4), état PENDING, "
        "après un PERMISSION_DENIED sur sumtune-dev",
        [fail, corr, sent],
    )
    c.item("todo", "Camille valide le budget avant le vendredi 4 décembre", [todo])
    c.canaries = ["Factu!2026-Lyon"]
    c.noise = ["Je regarde les quotas du projet", "Ok ok, t'as raison", "bonne soirée"]
    return c


# --- 07 -------------------------------------------------------------------------------------------


def deadline_de() -> Conv:
    c = Conv("07-konferenz-deadline-de", "2026-12-03T08:20:00", 1, "pi", cwd=CWD)
    c.u("Guten Morgen. Die Deadline für den ACL-Beitrag rückt näher, kannst du mir kurz sagen, wann genau?")
    c.a(
        "Ich schaue auf der Call-for-Papers-Seite nach.",
        bash("curl -s https://2027.aclweb.org/calls/main_conference/ | grep -i -A2 'submission deadline'"),
    )
    look = c.r(
        "<li><strong>Paper submission deadline:</strong> February 15, 2027 (11:59pm AoE)</li>\n"
        "<li><strong>Abstract registration:</strong> February 8, 2027 (11:59pm AoE)</li>"
    )
    c.a(
        "Abstract-Registrierung: 8. Februar 2027, Einreichung: 15. Februar 2027, jeweils 23:59 AoE "
        "(das ist bei uns am nächsten Tag um 12:59 MEZ)."
    )
    c.u("Ok. Trag mir bitte beides in den Kalender ein, und eine Erinnerung eine Woche vorher")
    cal = c.a(
        "",
        [
            (
                "calendar",
                {
                    "action": "create",
                    "title": "ACL 2027: Abstract-Registrierung",
                    "start": "2027-02-09T12:59:00+01:00",
                    "durationMinutes": 30,
                },
            ),
            (
                "calendar",
                {
                    "action": "create",
                    "title": "ACL 2027: Paper-Deadline",
                    "start": "2027-02-16T12:59:00+01:00",
                    "durationMinutes": 30,
                },
            ),
            (
                "cron",
                {
                    "action": "add",
                    "job": {
                        "name": "acl-abstract-reminder",
                        "schedule": {"kind": "at", "at": "2027-02-01T09:00:00+01:00"},
                        "payload": {
                            "kind": "systemEvent",
                            "text": "Eine Woche bis zur ACL-Abstract-Registrierung (8. Feb AoE)",
                        },
                    },
                },
            ),
        ],
    )
    c.r("Created event evt_3kq81 'ACL 2027: Abstract-Registrierung' on 2027-02-09 12:59")
    c.r("Created event evt_3kq82 'ACL 2027: Paper-Deadline' on 2027-02-16 12:59")
    rem = c.r('{"id":"job_5d20","name":"acl-abstract-reminder","nextRunAt":"2027-02-01T08:00:00.000Z"}')
    c.a(
        "Beide Termine stehen im Kalender (9. und 16. Februar, 12:59 MEZ), und am 1. Februar um 9:00 kommt "
        "die Erinnerung an die Abstract-Registrierung."
    )
    q = c.u(
        "Danke. Jetzt die eigentliche Frage: welche Experimente kommen rein? Ich hab im Kopf: Hauptergebnis "
        "3B, die Datensatz-Ablation v2.3 gegen v3.0, und die 7B-Zahlen. Alles drei?",
        gap=120,
    )
    prop = c.a(
        "Ich würde das Hauptergebnis mit dem 3B und die Datensatz-Ablation nehmen. Die 7B-Zahlen nur mit "
        "einem einzigen Seed und ohne Latenzvergleich wären angreifbar; entweder drei Seeds oder gar nicht. "
        "Drei Seeds mit dem 7B kosten aber etwa 60 GPU-Stunden, und das Quota ist noch nicht genehmigt."
    )
    counter = c.u(
        "Gegenvorschlag: 7B in den Anhang, ein Seed, klar als vorläufig markiert. Dann haben wir's drin, "
        "ohne dass es das Hauptargument trägt"
    )
    okc = c.a(
        "Das ist ein guter Kompromiss: Hauptteil 3B plus Datensatz-Ablation, 7B mit einem Seed im Anhang, als vorläufig gekennzeichnet."
    )
    fmt = c.u(
        "Genau so. Und noch was: Tabellen immer mit drei Nachkommastellen, nicht mit Prozent. Hatte Streit mit dem Koautor"
    )
    c.a("Alles klar: ROUGE-Werte in Tabellen mit drei Nachkommastellen (0.366), keine Prozentangaben.")
    todo = c.u(
        "Jonas schreibt die Related-Work-Sektion, bis 20. Januar. Und ob wir den Code gleich mit einreichen "
        "oder erst nach der Annahme veröffentlichen, das kläre ich noch mit Jonas",
        gap=60,
    )
    offer = c.a("Notiert. Soll ich für den 20. Januar auch eine Erinnerung setzen?")
    no = c.u("nee, lass mal, das macht er schon")
    c.a("Gut, dann keine Erinnerung.")
    c.u("super, danke dir")
    c.item(
        "fact",
        "ACL 2027: Abstract-Registrierung 8. Februar 2027, Einreichung 15. Februar 2027, jeweils 23:59 AoE",
        [look],
    )
    c.item(
        "outcome",
        "Kalendereinträge für den 9. und 16. Februar 2027 (12:59 MEZ) und eine Erinnerung am 1. Februar 2027 "
        "9:00 (acl-abstract-reminder) angelegt",
        [cal, rem],
    )
    c.item(
        "decision",
        "Experimente im ACL-Beitrag: Hauptteil 3B plus Datensatz-Ablation v2.3/v3.0; 7B mit einem Seed im Anhang, "
        "als vorläufig markiert",
        [q, prop, counter, okc, fmt],
        True,
    )
    c.item("fact", "Tabellen immer mit drei Nachkommastellen, keine Prozentangaben", [fmt], True)
    c.item("todo", "Jonas schreibt die Related-Work-Sektion bis 20. Januar", [todo])
    c.item(
        "open_question",
        "Code mit dem Beitrag einreichen oder erst nach der Annahme veröffentlichen: Nutzerin klärt es mit Jonas",
        [todo],
    )
    c.item(
        "decision",
        "Abgelehnt: eine Erinnerung für Jonas' Related-Work-Termin am 20. Januar",
        [offer, no],
        True,
    )
    c.noise = ["Ich schaue auf der Call-for-Papers-Seite nach", "super, danke dir", "Guten Morgen"]
    return c


# --- 08 -------------------------------------------------------------------------------------------


def disk_cleanup_de() -> Conv:
    c = Conv("08-platte-voll-aufraeumen-de", "2026-12-03T09:40:00", 1, "control-ui", cwd=CWD)
    c.u("Hi. /data ist voll, gestern ist der Export daran gescheitert. Räum bitte auf, aber vorsichtig")
    c.a(
        "Erst mal schauen, was Platz frisst.",
        exe("df -h /data | tail -n 1; du -sh /data/* 2>/dev/null | sort -h"),
    )
    c.r(
        "/dev/nvme1n1p1  3.5T  3.5T  8.6G 100% /data\n"
        "6.1G\t/data/exports\n"
        "118G\t/data/tmp\n"
        "412G\t/data/datasets\n"
        "2.9T\t/data/checkpoints"
    )
    c.a(
        "",
        exe(
            'cd /data/checkpoints && for d in */; do printf \'%s %s %s\\n\' "$(ls -d $d/checkpoint-* | wc -l)" "$(du -sh $d | cut -f1)" "$d"; done | sort -k2 -h | tail -n 6; ls -d */ | wc -l'
        ),
    )
    c.r("3 18G r0412/\n6 37G r0413/\n9 129G p7b-04/\n12 172G p7b-03/\n44 268G r0377/\n41 610G r0398/\n37")
    prop = c.a(
        "Der Platz steckt fast ganz in /data/checkpoints (2.9T, 37 Runs, viele mit 40+ Checkpoints). "
        "Vorschlag: pro Run nur die letzten 3 Checkpoints plus den besten nach Eval behalten, und /data/tmp "
        "(118G) leeren. Das sollte etwa 1.7T freimachen. Ich würde zuerst einen Trockenlauf machen."
    )
    rule = c.u(
        "ja, so machen wir das. aber an /data/datasets fasst du nie was an, auch nicht zum Aufräumen. "
        "und r0398 bleibt komplett, den brauch ich für die Lernkurven in der Ablation",
        gap=90,
    )
    c.a(
        "Verstanden: /data/datasets ist tabu, r0398 bleibt vollständig. Trockenlauf:",
        exe(
            "cd ~/work/sumtune && python scripts/prune_ckpts.py /data/checkpoints --keep-last 3 --keep-best --exclude r0398 --dry-run | tail -n 3"
        ),
    )
    c.r(
        "r0377: would delete 40 of 44 checkpoints (244G)\n...\nDRY RUN: would delete 212 checkpoints in 35 runs, 1.62T"
    )
    c.a(
        "Der Trockenlauf würde 212 Checkpoints in 35 Runs löschen, 1.62T. r0398 und r0412 (nur 3 Checkpoints) bleiben unberührt. Soll ich?"
    )
    c.u("los")
    c.a(
        "",
        exe(
            "cd ~/work/sumtune && python scripts/prune_ckpts.py /data/checkpoints --keep-last 3 --keep-best --exclude r0398 | tail -n 5"
        ),
    )
    prune = c.r(
        "deleted 209 checkpoints in 35 runs (1.58T)\n"
        "ERROR: could not delete /data/checkpoints/r0377/checkpoint-1000: [Errno 13] Permission denied\n"
        "ERROR: could not delete /data/checkpoints/r0377/checkpoint-2000: [Errno 13] Permission denied\n"
        "ERROR: could not delete /data/checkpoints/r0377/checkpoint-3000: [Errno 13] Permission denied\n"
        "done with 3 errors"
    )
    c.a(
        "",
        exe(
            "ls -ld /data/checkpoints/r0377/checkpoint-1000 /data/checkpoints/r0377/checkpoint-2000 /data/checkpoints/r0377/checkpoint-3000"
        ),
    )
    c.r(
        "drwxr-xr-x 2 root root 4096 Sep 14 11:02 /data/checkpoints/r0377/checkpoint-1000\n"
        "drwxr-xr-x 2 root root 4096 Sep 14 13:40 /data/checkpoints/r0377/checkpoint-2000\n"
        "drwxr-xr-x 2 root root 4096 Sep 14 16:19 /data/checkpoints/r0377/checkpoint-3000"
    )
    c.a(
        "209 von 212 gelöscht (1.58T). Das Skript meldet trotzdem Exit 0, aber drei Checkpoints von r0377 "
        "gehören root (vermutlich aus einem Docker-Container geschrieben) und ließen sich nicht löschen, zusammen "
        "etwa 18G. Ohne sudo komme ich da nicht ran."
    )
    c.u("die drei lass stehen, die sind egal. mach noch tmp leer")
    c.a("", exe("rm -rf /data/tmp/* && df -h /data | tail -n 1"))
    freed = c.r("/dev/nvme1n1p1  3.5T  1.8T  1.7T  51% /data")
    offer = c.a(
        "/data ist jetzt bei 51%, 1.7T frei. Soll ich das Prune-Skript (letzte 3 + bester, r0398 ausgenommen) "
        "als wöchentlichen Cronjob einrichten, damit das nicht wieder passiert?"
    )
    later = c.u("hm, erst mal nicht. vielleicht später, wenn ich weiß, wie viel die Ablationen schreiben")
    c.a("Alles klar, dann lasse ich es vorerst.")
    c.u("danke, das war schnell")
    c.item("fact", "/data/datasets wird nie angefasst, auch nicht zum Aufräumen", [rule], True)
    c.item(
        "decision",
        "Aufräumen von /data/checkpoints: pro Run die letzten 3 Checkpoints plus den besten behalten, /data/tmp leeren",
        [prop, rule],
        True,
    )
    c.item("decision", "r0398 bleibt vollständig erhalten (für die Lernkurven der Ablation)", [rule], True)
    c.item(
        "outcome",
        "209 Checkpoints in 35 Runs gelöscht (1.58T) und /data/tmp geleert: /data von 100% auf 51% (1.7T frei)",
        [prune, freed],
    )
    c.item(
        "outcome",
        "Drei root-eigene Checkpoints von r0377 (checkpoint-1000, -2000, -3000) ließen sich nicht löschen "
        "(Permission denied, Exit 0) und bleiben stehen",
        [prune],
        True,
    )
    c.item(
        "open_question",
        "Wöchentlicher Cronjob für prune_ckpts.py: aufgeschoben, bis klar ist, wie viel die Ablationen schreiben",
        [offer, later],
    )
    c.noise = ["Erst mal schauen, was Platz frisst", "danke, das war schnell", "Soll ich?"]
    return c


# --- 09 -------------------------------------------------------------------------------------------


def flaky_ci() -> Conv:
    c = Conv("09-flaky-ci-tokenizer", "2026-12-03T10:30:00", 1, "pi", cwd=CWD)
    c.u("CI on main is red again. test_tokenizer_roundtrip, third time this week. can you look")
    c.a("", bash("cd ~/work/sumtune && gh run list --branch main --limit 6"))
    c.r(
        "STATUS  TITLE                          WORKFLOW  BRANCH  EVENT  ID    ELAPSED  AGE\n"
        "X       eval: add rouge_2 to report    CI        main    push   9182  4m02s    22m\n"
        "✓       configs: pin cnnsum@v2.3       CI        main    push   9177  3m55s    1d\n"
        "X       export: safetensors shards     CI        main    push   9171  4m10s    1d\n"
        "✓       train: resume from checkpoint  CI        main    push   9160  3m48s    2d\n"
        "X       data: stats script             CI        main    push   9152  4m01s    3d\n"
        "✓       bump torch 2.5.1               CI        main    push   9149  3m51s    3d"
    )
    c.a("", bash("cd ~/work/sumtune && gh run view 9182 --log-failed | tail -n 6"))
    cifail = c.r(
        "test\tRun pytest\tFAILED tests/test_tokenizer.py::test_tokenizer_roundtrip - OSError: We couldn't connect to "
        "'https://huggingface.co' to load the files, and couldn't find them in the cached files.\n"
        "test\tRun pytest\tE   requests.exceptions.ReadTimeout: (ReadTimeoutError(\"HTTPSConnectionPool(host='huggingface.co', "
        "port=443): Read timed out. (read timeout=10)\"), '(Request ID: 2c9e1f)')\n"
        "test\tRun pytest\t==== 1 failed, 143 passed in 212.40s ====\n"
        "test\tProcess completed with exit code 1."
    )
    opts = c.a(
        "Every red run in the last three days is the same test, and it isn't the tokenizer: the test downloads "
        "sumtune/base-3b's tokenizer from the Hub on each run, and the Hub sometimes times out from the runners.\n\n"
        "1. Vendor the tokenizer into the repo as tests/fixtures/tokenizer.json (1.8 MB) and load it offline\n"
        "2. Cache ~/.cache/huggingface with actions/cache\n"
        "3. Add pytest-rerunfailures and rerun the test up to 3 times\n\n"
        "I'd go with 1: the test becomes hermetic.",
        think="Three of six runs red, all the same test, all a Hub ReadTimeout. Network, not code.",
    )
    rule = c.u(
        "not 3, and not ever: I don't want reruns hiding flaky tests, they rot. what's wrong with 2? "
        "committing binary-ish blobs feels meh",
        gap=100,
    )
    why = c.a(
        "No reruns, noted. With 2 every cache miss still goes to the Hub: the first run after a cache key "
        "change, and GitHub evicts caches not used for 7 days. So it would flake less, but still flake. "
        "tokenizer.json is text, 1.8 MB, and changes only when the base model does."
    )
    one = c.u("fine, 1")
    c.a(
        "Saving the tokenizer from the Hub.",
        bash(
            'cd ~/work/sumtune && python -c "from transformers import AutoTokenizer; '
            "AutoTokenizer.from_pretrained('sumtune/base-3b').backend_tokenizer.save('tests/fixtures/tokenizer.json')\" "
            "&& ls -la tests/fixtures/tokenizer.json"
        ),
    )
    c.r("-rw-r--r-- 1 noor noor 1842113 Dec  3 10:41 tests/fixtures/tokenizer.json")
    c.a("", [("read", {"path": "/home/noor/work/sumtune/tests/test_tokenizer.py"})])
    c.r(
        "from transformers import AutoTokenizer\n\n\n"
        "def _tok():\n"
        '    return AutoTokenizer.from_pretrained("sumtune/base-3b")\n\n\n'
        "def test_tokenizer_roundtrip():\n"
        "    tok = _tok()\n"
        '    text = "Résumé: the quick brown fox — 42 tokens"\n'
        "    assert tok.decode(tok.encode(text), skip_special_tokens=True) == text\n"
    )
    c.a(
        "",
        [
            (
                "edit",
                {
                    "path": "/home/noor/work/sumtune/tests/test_tokenizer.py",
                    "oldText": 'from transformers import AutoTokenizer\n\n\ndef _tok():\n    return AutoTokenizer.from_pretrained("sumtune/base-3b")',
                    "newText": 'from pathlib import Path\n\nfrom transformers import PreTrainedTokenizerFast\n\nFIXTURE = Path(__file__).parent / "fixtures" / "tokenizer.json"\n\n\ndef _tok():\n    return PreTrainedTokenizerFast(tokenizer_file=str(FIXTURE), pad_token="<pad>")',
                },
            )
        ],
    )
    c.r("Successfully replaced text in /home/noor/work/sumtune/tests/test_tokenizer.py.")
    c.a(
        "",
        bash(
            "cd ~/work/sumtune && HF_HUB_OFFLINE=1 python -m pytest -q tests/test_tokenizer.py tests/test_collate.py 2>&1 | tail -n 2"
        ),
    )
    c.r("..........\n10 passed in 3.12s")
    c.a(
        "Passes offline. Committing and pushing.",
        bash(
            "cd ~/work/sumtune && git add tests/fixtures/tokenizer.json tests/test_tokenizer.py && "
            "git commit -qm 'tests: load the tokenizer from a fixture, not the Hub' && git push origin main"
        ),
    )
    c.r(
        "remote: Invalid username or token. Password authentication is not supported for Git operations.\n"
        "fatal: Authentication failed for 'https://github.com/sumtune-team/sumtune.git/'",
        exit_code=128,
    )
    c.a(
        "The commit is made, but the push was refused: the credential helper has no valid token for github.com."
    )
    c.u("my PAT expired yesterday. use this one: ghp_R7uN2kXw9QeL4tVb1ZyHc8MdA0sJf5GpE3oi", gap=60)
    c.a(
        "",
        bash(
            "cd ~/work/sumtune && git push https://x-access-token:ghp_R7uN2kXw9QeL4tVb1ZyHc8MdA0sJf5GpE3oi@github.com/sumtune-team/sumtune.git main"
        ),
    )
    c.r("To https://github.com/sumtune-team/sumtune.git\n   4be91c2..d03a7f5  main -> main")
    c.a(
        "Pushed d03a7f5. Watching the CI run.",
        bash(
            "cd ~/work/sumtune && sleep 20 && gh run watch $(gh run list --branch main --limit 1 --json databaseId -q '.[0].databaseId')"
        ),
    )
    watch = c.r(
        "X main CI · 9190\n"
        "Triggered via push about 4 minutes ago\n\n"
        "JOBS\n"
        "X test in 3m58s (ID 25117349)\n"
        "  ✓ Set up job\n  ✓ Install\n  X Run pytest\n\n"
        "ANNOTATIONS\n"
        "X Process completed with exit code 1.\n"
        "  test: .github#1",
        gap=260,
    )
    c.a(
        "gh run watch exited 0, but the run failed. Looking at the log.",
        bash("cd ~/work/sumtune && gh run view 9190 --log-failed | grep -E 'FAILED|assert' | head -n 4"),
    )
    pad = c.r(
        "test\tRun pytest\tFAILED tests/test_collate.py::test_collate_padding - AssertionError: expected pad id 0, got 151643\n"
        "test\tRun pytest\tE   assert 151643 == 0"
    )
    c.a(
        "", bash("cd ~/work/sumtune && grep -n 'revision' configs/sum3b.yaml src/sumtune/data.py | head -n 3")
    )
    rev = c.r('src/sumtune/data.py:17:TOKENIZER_REVISION = "r2026-09"  # pad id 0; main has 151643')
    c.a(
        "The tokenizer test passes now, but test_collate_padding fails: I saved the fixture from the Hub's main "
        "revision, which has a different pad id (151643), while the code pins revision r2026-09 (pad id 0). "
        "Locally it passed because test_collate still loads from the local HF cache, which has r2026-09. "
        "Re-saving the fixture from r2026-09.",
        bash(
            'cd ~/work/sumtune && python -c "from transformers import AutoTokenizer; '
            "AutoTokenizer.from_pretrained('sumtune/base-3b', revision='r2026-09').backend_tokenizer.save('tests/fixtures/tokenizer.json')\" "
            "&& git commit -qam 'tests: tokenizer fixture from the pinned revision r2026-09' && "
            "git push https://x-access-token:ghp_R7uN2kXw9QeL4tVb1ZyHc8MdA0sJf5GpE3oi@github.com/sumtune-team/sumtune.git main"
        ),
    )
    fix = c.r("To https://github.com/sumtune-team/sumtune.git\n   d03a7f5..7e2c48a  main -> main")
    for status in ("queued", "in_progress", "in_progress", "in_progress"):
        c.a(
            "",
            bash(
                "cd ~/work/sumtune && sleep 60; gh run view 9191 --json status,conclusion -q '.status+\" \"+.conclusion'"
            ),
        )
        c.r(f"{status} ", gap=60)
    c.a(
        "",
        bash(
            "cd ~/work/sumtune && sleep 60; gh run view 9191 --json status,conclusion -q '.status+\" \"+.conclusion'"
        ),
    )
    green = c.r("completed success", gap=60)
    c.a(
        "CI run 9191 on 7e2c48a is green: the tokenizer now comes from tests/fixtures/tokenizer.json, saved from "
        "the pinned revision r2026-09, and the tests no longer touch the Hub.\n\n"
        "Side note: the eval smoke test took 9m40s of its 10-minute timeout in that run. It will start timing "
        "out soon. Want me to look at it?"
    )
    later = c.u("yeah that one's been creeping up. not today though")
    c.a("Okay, leaving it.")
    c.item("fact", "Never use reruns (pytest-rerunfailures or similar) to hide flaky tests", [rule], True)
    c.item(
        "decision",
        "Flaky test_tokenizer_roundtrip: vendor the tokenizer as tests/fixtures/tokenizer.json and load it offline "
        "(option 1), not an actions/cache of the Hub cache",
        [opts, rule, why, one],
        True,
    )
    c.item(
        "outcome",
        "CI on main green again (run 9191, 7e2c48a): the Hub ReadTimeout in test_tokenizer_roundtrip is gone, and the "
        "fixture was re-saved from revision r2026-09 after test_collate_padding failed on pad id 151643",
        [cifail, watch, pad, fix, green],
    )
    c.item(
        "fact",
        "sumtune pins tokenizer revision r2026-09 (pad id 0) in src/sumtune/data.py; the Hub's main revision has pad id 151643",
        [rev],
    )
    c.item(
        "open_question",
        "The eval smoke test takes 9m40s of its 10-minute CI timeout; put off, not today",
        [green, later],
    )
    c.canaries = ["ghp_R7uN2kXw9QeL4tVb1ZyHc8MdA0sJf5GpE3oi"]
    c.noise = ["Committing and pushing", "Watching the CI run", "can you look", "Okay, leaving it"]
    return c


# --- 10 -------------------------------------------------------------------------------------------


def model_card_fr() -> Conv:
    c = Conv("10-fiche-modele-fr", "2026-12-03T11:20:00", 1, "pi", cwd=CWD, provider="google")
    c.u(
        "Bonjour. Il faut une fiche modèle pour sumtune-3b avant la soumission. Tu peux la rédiger dans "
        "/data/exports/sub-3b/README.md ? Prends les chiffres de l'éval test de r0413"
    )
    c.a(
        "Je lis les résultats et la config.",
        [("read", {"path": "/home/noor/work/sumtune/runs/r0413/eval-test.json"})],
    )
    c.r(
        '{"split": "test", "n": 10000, "rouge_1": 0.452, "rouge_2": 0.219, "rouge_l": 0.366, "checkpoint": "runs/r0413/checkpoint-5000"}'
    )
    lic_q = c.a(
        "J'ai les chiffres. Une question avant d'écrire : quelle licence ? Apache-2.0 ou CC-BY-NC-4.0 pour "
        "rester prudent sur l'usage commercial ?"
    )
    c.u("La même que le modèle de base. Tu peux vérifier ?")
    c.a("", bash("head -n 3 ~/.cache/huggingface/hub/models--sumtune--base-3b/snapshots/*/LICENSE"))
    lic = c.r(
        "                                 Apache License\n                           Version 2.0, January 2004\n                        http://www.apache.org/licenses/"
    )
    lic_p = c.a("Le modèle de base est sous Apache-2.0. Je mets donc Apache-2.0 ?")
    lic_ok = c.u("oui")
    c.a(
        "",
        [
            (
                "write",
                {
                    "path": "/data/exports/sub-3b/README.md",
                    "content": (
                        "---\nlicense: apache-2.0\nbase_model: sumtune/base-3b\n---\n\n# sumtune-3b\n\n"
                        "Résumé abstractif d'articles de presse, affiné depuis sumtune/base-3b.\n\n"
                        "## Résultats (test, 10 000 exemples)\n\n| ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|\n"
                        "| 0.452 | 0.219 | 0.336 |\n\n## Entraînement\n\n5 000 pas, bf16, lr 2e-4, 3 × RTX A6000.\n"
                    ),
                },
            )
        ],
    )
    c.r("Successfully wrote 388 bytes to /data/exports/sub-3b/README.md")
    prop = c.a(
        "Première version écrite : licence, résultats, entraînement. Je propose d'ajouter une section « Données » "
        "qui liste les sources du corpus avec le nom de chaque éditeur, les reviewers aiment ça."
    )
    rej = c.u(
        "Non, on ne nomme pas les éditeurs, le contrat l'interdit. Et tu as écrit 0.336 pour le ROUGE-L, c'est 0.366",
        gap=90,
    )
    c.a(
        "Pardon pour la coquille. Je corrige le ROUGE-L, et pas de noms d'éditeurs.",
        [
            (
                "edit",
                {
                    "path": "/data/exports/sub-3b/README.md",
                    "oldText": "| 0.452 | 0.219 | 0.336 |",
                    "newText": "| 0.452 | 0.219 | 0.366 |",
                },
            )
        ],
    )
    fixed = c.r("Successfully replaced text in /data/exports/sub-3b/README.md.")
    rem = c.u(
        "Merci. Et retiens ça pour toutes les fiches : la version du dataset doit toujours y figurer, ici cnnsum v2.3",
        gap=40,
    )
    c.a(
        "C'est noté : chaque fiche modèle mentionne la version du dataset.",
        [
            (
                "edit",
                {
                    "path": "/data/exports/sub-3b/README.md",
                    "oldText": "## Entraînement\n\n",
                    "newText": "## Entraînement\n\nDonnées : cnnsum v2.3 (version épinglée).\n",
                },
            )
        ],
    )
    data = c.r("Successfully replaced text in /data/exports/sub-3b/README.md.")
    c.a(
        "La fiche est à jour : ROUGE-L 0.366, licence Apache-2.0, données cnnsum v2.3, aucun éditeur nommé. Il manque seulement un contact."
    )
    q = c.u(
        "Pour le contact, mon adresse ou celle de l'équipe ? Je ne sais pas, je demanderai à Camille lundi"
    )
    c.a("D'accord, je laisse le champ contact vide en attendant.")
    c.u("Parfait, merci !")
    c.item(
        "decision",
        "Licence de la fiche modèle sumtune-3b : Apache-2.0, comme le modèle de base",
        [lic_q, lic, lic_p, lic_ok],
        True,
    )
    c.item(
        "decision",
        "Refusé : nommer les éditeurs des données dans la fiche modèle (interdit par le contrat)",
        [prop, rej],
        True,
    )
    c.item("fact", "Correction : le ROUGE-L test de r0413 est 0.366, pas 0.336", [rej, fixed], True)
    c.item(
        "fact",
        "Chaque fiche modèle doit toujours mentionner la version du dataset (ici cnnsum v2.3)",
        [rem],
        True,
    )
    c.item(
        "outcome",
        "Fiche modèle écrite dans /data/exports/sub-3b/README.md : ROUGE-1 0.452, ROUGE-2 0.219, ROUGE-L 0.366, "
        "Apache-2.0, données cnnsum v2.3",
        [fixed, data],
    )
    c.item(
        "open_question",
        "Contact de la fiche modèle : adresse de Noor ou de l'équipe ; elle demande à Camille lundi",
        [q],
    )
    c.noise = ["Je lis les résultats et la config", "Parfait, merci !", "Tu peux vérifier ?"]
    return c


# --- 11 -------------------------------------------------------------------------------------------


def coffee_chat() -> Conv:
    c = Conv("11-coffee-break-chat", "2026-12-03T13:05:00", 1, "control-ui", cwd=CWD)
    c.u("ok I need a break from the paper. talk to me about something that isn't ROUGE")
    c.a("Gladly. Coffee, weather, or the state of the field?")
    c.u(
        "ha. the field. did you see the thread about state space models beating transformers at summarisation again?"
    )
    c.a(
        "I saw the claims. It's usually long-document benchmarks where attention gets expensive, and the "
        "comparisons tend to use a smaller transformer baseline. Interesting, but I'd wait for someone to "
        "reproduce it at matched compute."
    )
    c.u(
        "that's what I thought. btw what's the actual difference between bf16 and fp16 again? I always mix them up"
    )
    c.a(
        "Both are 16 bits. fp16 has 5 exponent bits and 10 mantissa bits: more precision, small range (max about "
        "65504), so training needs loss scaling. bf16 has 8 exponent bits like fp32 and only 7 mantissa bits: "
        "less precision, the same range as fp32, so no loss scaling."
    )
    c.u("right, range vs precision. got it")
    c.u("how hot are the GPUs right now, just curious", gap=90)
    c.a("", exe("nvidia-smi --query-gpu=index,temperature.gpu,utilization.gpu --format=csv,noheader"))
    c.r("0, 41, 3 %\n1, 38, 0 %\n2, 37, 0 %\n3, 38, 0 %")
    c.a("Cool and idle: 37 to 41 °C, nothing running on 1-3, a little load on 0.")
    c.u("nice and quiet for once. it's snowing here btw, first time this year")
    c.a("Nice! Good weather for staying inside and writing a related-work section.")
    c.u("don't remind me 😅 ok back to work")
    c.a("Good luck with it.")
    c.noise = [
        "talk to me about something that isn't ROUGE",
        "what's the actual difference between bf16 and fp16",
        "range vs precision",
        "how hot are the GPUs right now",
        "it's snowing here",
        "ok back to work",
    ]
    return c


# --- 12 -------------------------------------------------------------------------------------------


def eval_bisect() -> Conv:
    c = Conv("12-eval-regression-bisect", "2026-12-03T14:10:00", 1, "control-ui", cwd=CWD)
    c.u(
        "something's off with the eval harness. I reran r0413 checkpoint-5000 on main and got ROUGE-L 0.341. "
        "on tuesday the same checkpoint gave 0.366. the checkpoint didn't change, so it's the code"
    )
    c.a(
        "Let me confirm on a 500-example slice first.",
        exe(
            "cd ~/work/sumtune && git log --oneline -1 && python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --limit 500 --num_workers 8 2>&1 | tail -n 1"
        ),
    )
    c.r("c81f02d eval: add rouge_2 to report\nsplit=test n=500 rouge_1 0.431 rouge_2 0.207 rouge_l 0.342")
    c.a(
        "",
        exe(
            "cd ~/work/sumtune && git checkout -q v0.4.0 && python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --limit 500 --num_workers 8 2>&1 | tail -n 1; git checkout -q main"
        ),
    )
    c.r("split=test n=500 rouge_1 0.449 rouge_2 0.218 rouge_l 0.367")
    c.a(
        "Reproduced on the slice: v0.4.0 (the tag Tuesday's eval ran on) gives 0.367, main gives 0.342. There are 9 commits "
        "between them. Bisecting, with 0.36 as the line between good and bad.",
        exe(
            "cd ~/work/sumtune && git bisect start main v0.4.0 -- eval.py src/sumtune/metrics.py src/sumtune/data.py"
        ),
    )
    c.r("Bisecting: 4 revisions left to test after this (roughly 2 steps)\n[5e0d2b4] data: stats script")
    steps = [
        (
            "5e0d2b4",
            "0.366",
            "good",
            "Bisecting: 2 revisions left to test after this (roughly 1 step)\n[a7c3e19] eval: strip newlines before scoring",
        ),
        (
            "a7c3e19",
            "0.341",
            "bad",
            "Bisecting: 0 revisions left to test after this (roughly 0 steps)\n[91d4f60] metrics: vectorise rouge",
        ),
        (
            "91d4f60",
            "0.367",
            "good",
            "a7c3e19 is the first bad commit\ncommit a7c3e19\nAuthor: Jonas Brandt <jonas@sumtune.dev>\nDate:   Tue Dec 1 17:02:11 2026 +0100\n\n"
            "    eval: strip newlines before scoring\n\n src/sumtune/metrics.py | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)",
        ),
    ]
    for i, (sha, score, verdict, out) in enumerate(steps):
        c.a(
            "" if i else "Testing each step on the slice.",
            exe(
                "cd ~/work/sumtune && python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --limit 500 --num_workers 8 2>&1 | tail -n 1"
            ),
        )
        r1 = "rouge_1 0.449 rouge_2 0.218" if verdict == "good" else "rouge_1 0.431 rouge_2 0.207"
        c.r(f"split=test n=500 {r1} rouge_l {score}", gap=180)
        c.a(f"{sha}: {score}, {verdict}.", exe(f"cd ~/work/sumtune && git bisect {verdict}"))
        last = c.r(out)
    c.a(
        "",
        exe("cd ~/work/sumtune && git show a7c3e19 -- src/sumtune/metrics.py | tail -n 6; git bisect reset"),
    )
    culprit = c.r(
        "@@ -40,7 +40,8 @@ def rouge(preds, refs):\n"
        "-    scores = scorer.score_batch(refs, preds, split_sentences=True)\n"
        '+    preds = [p.replace("\\n", " ") for p in preds]\n'
        "+    scores = scorer.score_batch(refs, preds, split_sentences=True)\n"
        "Previous HEAD position was 91d4f60 metrics: vectorise rouge\nSwitched to branch 'main'"
    )
    opts = c.a(
        "Found it: a7c3e19 (Jonas, Tuesday) replaces newlines in the predictions with spaces before scoring. "
        "ROUGE-Lsum splits on newlines, so every prediction became one long sentence while the references "
        "kept theirs. That costs about 2.5 points; the model is fine.\n\n"
        "Revert a7c3e19, or fix forward by stripping newlines only for the plain ROUGE-L and leaving Lsum "
        "alone? I'd fix forward, Jonas presumably had a reason.",
        think="rouge_score's Lsum splits on newlines; joining the predictions into one line penalises LCS-sum.",
    )
    c.u("what was his reason, does the commit say?")
    c.a('Only the subject line, "eval: strip newlines before scoring". No issue linked, no description.')
    rev = c.u(
        "then revert. I'm not touching metric code 10 weeks before a deadline without knowing why. Jonas can "
        "redo it properly after the deadline",
        gap=60,
    )
    revert = c.a(
        "Reverting.", exe("cd ~/work/sumtune && git revert --no-edit a7c3e19 && git log --oneline -1")
    )
    c.r(
        '[main 3f6a9d2] Revert "eval: strip newlines before scoring"\n 1 file changed, 1 insertion(+), 2 deletions(-)\n3f6a9d2 Revert "eval: strip newlines before scoring"'
    )
    c.a(
        "",
        exe(
            "cd ~/work/sumtune && python eval.py --ckpt runs/r0413/checkpoint-5000 --split test --num_workers 8 2>&1 | tail -n 1"
        ),
    )
    full = c.r("split=test n=10000 rouge_1 0.452 rouge_2 0.219 rouge_l 0.366", gap=1230)
    c.a("Back to 0.366 on the full test split with the revert (3f6a9d2). Not pushed yet.")
    push = c.u(
        "push it. and while you're at it, can you kick off the LLM-judge eval too? it needs the key from .env",
        gap=50,
    )
    c.a("", exe("cd ~/work/sumtune && git push -q origin main && echo pushed"))
    c.r("pushed")
    c.a("", [("read", {"path": "/home/noor/work/sumtune/.env"})])
    c.r(
        "# judge eval\nOPENAI_API_KEY=sk-proj-Tq3vZ8nW1xLk5RcY7bPe2MhJ0aGs9DfU4oIt6NyQ\nJUDGE_MODEL=gpt-4.1-mini\n"
    )
    c.a(
        "Pushed. Starting the judge eval in the background.",
        exe(
            "cd ~/work/sumtune && set -a && . ./.env && set +a && mkdir -p runs/r0413/judge && "
            "nohup python judge_eval.py --ckpt runs/r0413/checkpoint-5000 --split test --limit 500 "
            "--out runs/r0413/judge > runs/r0413/judge/log.txt 2>&1 & echo $!"
        ),
    )
    c.r("88412")
    c.a("", exe("sleep 120; tail -n 2 ~/work/sumtune/runs/r0413/judge/log.txt"))
    c.r("generating summaries: 120/500\n[judge] queued 0", gap=120)
    for done in (260, 410, 500):
        c.a("", exe("sleep 120; tail -n 2 ~/work/sumtune/runs/r0413/judge/log.txt"))
        c.r(f"generating summaries: {done}/500\n[judge] queued 0", gap=120)
    c.u("how far?", gap=200)
    c.a(
        "Summaries are done (500/500), the judging step is starting now.",
        exe("sleep 180; tail -n 5 ~/work/sumtune/runs/r0413/judge/log.txt"),
    )
    judge = c.r(
        "[judge] scoring 500 pairs with gpt-4.1-mini\n"
        "[judge] openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, "
        "please check your plan and billing details.', 'type': 'insufficient_quota'}}\n"
        "[judge] 0/500 scored, 500 failed\n"
        "wrote runs/r0413/judge/results.json\n"
        "judge_eval finished (exit code 0)",
        gap=180,
    )
    c.a(
        'The job says "done" and exits 0, but it judged nothing: every request got 429 insufficient_quota, '
        "0 of 500 scored. The OpenAI account behind that key is out of credit. results.json only holds failures; "
        "I wouldn't use it."
    )
    left = c.u("ugh. finance has to top that up, I'll ping them. leave it for today", gap=70)
    c.a("Okay. The summaries are cached in runs/r0413/judge, so a rerun will only redo the judging.")
    c.u("good. thanks for the bisect, that would've cost me the afternoon")
    c.a("Happy to help.")
    c.item(
        "outcome",
        "Eval regression found by git bisect: a7c3e19 (eval: strip newlines before scoring) dropped ROUGE-L for "
        "r0413 checkpoint-5000 from 0.366 to 0.341",
        [last, culprit],
    )
    c.item(
        "decision",
        "Eval regression: revert a7c3e19 (commit 3f6a9d2, pushed to main), not fix forward; Jonas redoes it properly after the deadline",
        [opts, rev, revert, push],
        True,
    )
    c.item(
        "outcome",
        "With the revert, r0413 checkpoint-5000 scores ROUGE-L 0.366 again on the full test split",
        [full],
    )
    c.item(
        "outcome",
        "LLM-judge eval (judge_eval.py, gpt-4.1-mini) exited 0 but scored 0/500: 429 insufficient_quota on the "
        "OpenAI account; unresolved, the user asks finance to top it up",
        [judge, left],
        True,
    )
    c.item("todo", "Jonas redoes the newline handling of a7c3e19 properly after the deadline", [rev])
    c.canaries = ["sk-proj-Tq3vZ8nW1xLk5RcY7bPe2MhJ0aGs9DfU4oIt6NyQ"]
    c.noise = [
        "Let me confirm on a 500-example slice first",
        "what was his reason, does the commit say?",
        "how far?",
        "Happy to help",
    ]
    return c


SPLIT = [
    oom_finetune,
    nan_loss,
    dataloader_hang,
    dataset_regression,
    pick_checkpoint,
    quota_request,
    deadline_de,
    disk_cleanup_de,
    flaky_ci,
    model_card_fr,
    coffee_chat,
    eval_bisect,
]

if __name__ == "__main__":
    main(SPLIT, HERE)
