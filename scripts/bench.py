#!/usr/bin/env python3
"""Runs the clinicsite / Hugo benchmark and prints medians. Run through scripts/bench."""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORK = Path(".build-bench").resolve()
# Outputs of this invocation, removed when it ends. ext4 without a journal (as on this machine) does not
# reuse an inode freed in the last minute, or the last six when its inode table block has been written
# since, and scanning past such inodes made creating files two to five times slower, for both tools, right
# after a large deletion. So no timed run may follow one: the time of the last removal is kept in
# CLEANED, and a run that starts sooner waits.
RUNS = WORK / f"runs-{os.getpid()}"
CLEANED = WORK / "last-cleanup"
QUIET_SECONDS = 400


def settle():
    """Lets the file system finish writing back earlier runs, so one run's deletions do not slow the next."""
    subprocess.run(["sync"], check=False)
    time.sleep(4)


def timed(command, cwd=None, env=None):
    """Runs a command under /usr/bin/time; returns wall seconds, CPU seconds, peak memory in MB, stdout."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + command, cwd=cwd, env=env,
                            capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr[-3000:]}")
    user, system, peak = result.stderr.strip().splitlines()[-1].split()
    return {"wall": wall, "cpu": float(user) + float(system), "mem": int(peak) / 1024, "out": result.stdout}


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def fresh(path):
    if path.exists():
        shutil.rmtree(path)
    return path


def corpus(size):
    root = WORK / str(size)
    if not (root / "patients.csv").exists():
        fresh(root)
        subprocess.run([sys.executable, "scripts/bench_corpus.py", str(size), str(root)], check=True)
    return root


def measure(size, runs, binary):
    root = corpus(size)
    out_root = RUNS / str(size)
    out_root.mkdir(parents=True, exist_ok=True)
    print(f"\n## {size} pages ({runs} alternating runs each)", flush=True)
    results = {"clinicsite": [], "hugo": []}
    for run in range(runs):
        settle()
        out = out_root / f"out-cs-{run}"
        results["clinicsite"].append(timed([binary, "build", "--root", str(root / "clinicsite"), "--output", str(out)]))
        settle()
        out = out_root / f"out-hugo-{run}"
        results["hugo"].append(timed(["hugo", "--quiet", "-d", str(out)], cwd=root / "hugo"))
    rows = {}
    for tool, measured in results.items():
        rows[tool] = (median(measured, "wall"), median(measured, "cpu"), median(measured, "mem"))

    # The floor: cmark alone over the same bytes, plus writing as many files as clinicsite writes.
    pages = sorted((root / "clinicsite/content/en").glob("*.md"))
    settle()
    started = time.perf_counter()
    subprocess.run(["cmark", "--smart"] + [str(p) for p in pages], stdout=subprocess.DEVNULL, check=True)
    cmark_time = time.perf_counter() - started
    kept = out_root / "out-cs-0"
    written = [p for p in kept.rglob("*") if p.is_file()]
    sizes = [p.stat().st_size for p in written]
    target = out_root / "floor-write"
    target.mkdir()
    settle()
    started = time.perf_counter()
    for index, length in enumerate(sizes):
        with open(target / f"f{index}.html", "wb") as handle:
            handle.write(b"x" * length)
    write_time = time.perf_counter() - started
    floor = cmark_time + write_time

    # Rebuilds into the first clinicsite output: nothing changed, then one page changed.
    settle()
    before = {p: p.stat().st_mtime_ns for p in written}
    unchanged = [timed([binary, "build", "--root", str(root / "clinicsite"), "--output", str(kept)]) for _ in range(runs)]
    rewritten = sum(1 for p in written if p.stat().st_mtime_ns != before[p])
    page = root / "clinicsite/content/en/page-00001.md"
    original = page.read_text(encoding="utf-8")
    one_changed = []
    for run in range(runs):
        page.write_text(original + f"\nOne more sentence, edit {run}.\n", encoding="utf-8")
        one_changed.append(timed([binary, "build", "--root", str(root / "clinicsite"), "--output", str(kept)]))
    page.write_text(original, encoding="utf-8")
    timed([binary, "build", "--root", str(root / "clinicsite"), "--output", str(kept)])

    # Personal timelines from the generated CSV (one patient per page), HTML and calendar each.
    timelines = []
    for run in range(runs):
        settle()
        out = out_root / f"timelines-{run}"
        timelines.append(timed([binary, "timeline", "--patients", str(root / "patients.csv"), "--output", str(out)]))

    cs, hugo = rows["clinicsite"], rows["hugo"]
    print("| what | median wall (s) | median CPU (s) | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| clinicsite build | {cs[0]:.2f} | {cs[1]:.2f} | {cs[2]:.0f} |")
    print(f"| Hugo build | {hugo[0]:.2f} | {hugo[1]:.2f} | {hugo[2]:.0f} |")
    print(f"| floor: cmark alone {cmark_time:.2f} s + writing {len(sizes)} files {write_time:.2f} s | {floor:.2f} | | |")
    print(f"| clinicsite rebuild, nothing changed | {median(unchanged, 'wall'):.2f} | {median(unchanged, 'cpu'):.2f} | {median(unchanged, 'mem'):.0f} |")
    print(f"| clinicsite rebuild, one page changed | {median(one_changed, 'wall'):.2f} | {median(one_changed, 'cpu'):.2f} | {median(one_changed, 'mem'):.0f} |")
    print(f"| clinicsite timeline --patients ({size} patients, HTML + ICS) | {median(timelines, 'wall'):.2f} | {median(timelines, 'cpu'):.2f} | {median(timelines, 'mem'):.0f} |")
    print()
    print(f"- wall time clinicsite/Hugo: {cs[0] / hugo[0]:.2f} (target at most 0.5 at 10,000 pages)")
    print(f"- wall time clinicsite/floor: {cs[0] / floor:.2f} (target at most 1.5 at 10,000 pages)")
    print(f"- peak memory clinicsite/Hugo: {cs[2] / hugo[2]:.2f} (target at most 0.25 at 10,000 pages)")
    print(f"- rebuild with nothing changed / full build: {median(unchanged, 'wall') / cs[0]:.2f} (target at most 0.1 at 10,000 pages); "
          f"output files rewritten: {rewritten}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quiet-seconds", type=int, default=QUIET_SECONDS,
                        help="how long after removing earlier outputs to wait before measuring (0: do not wait)")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    cmark = subprocess.run(["cmark", "--version"], capture_output=True, text=True).stdout.split()[1]
    print(f"# clinicsite benchmark\n\nMachine: {os.cpu_count()} cores, {platform.machine()}, Linux {platform.release()}; "
          f"Hugo {hugo}, cmark {cmark}.")
    remove_outputs(WORK.glob("runs-*"))
    waited = CLEANED.stat().st_mtime + args.quiet_seconds - time.time() if CLEANED.exists() else 0
    if waited > 0:
        print(f"(outputs of an earlier benchmark were removed recently; waiting {waited:.0f} s so the disk "
              "does not slow this one)", flush=True)
        time.sleep(waited)
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            measure(size, args.runs, args.binary)
    finally:
        remove_outputs([RUNS])


def remove_outputs(paths):
    """Removes benchmark outputs and records when, so the next benchmark knows how long to wait."""
    removed = False
    for path in paths:
        if path.exists():
            shutil.rmtree(path, ignore_errors=True)
            removed = True
    if removed:
        subprocess.run(["sync"], check=False)
        CLEANED.touch()


if __name__ == "__main__":
    main()
