#!/usr/bin/env python3
"""Runs the clinicsite / Hugo benchmark and prints medians. Run through scripts/bench."""
import argparse
import os
import platform
import re
import signal
import socket
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


def settle(*inputs):
    """Lets the file system finish writing back earlier runs, so one run's deletions do not slow the next; then
    reads every file below `inputs` so the timed run finds them in memory. This machine's kernel drops cached
    file pages within seconds even with most memory free (hundreds of a 10,000-page site's files in 45 s), so
    without this a run's time depended on how many of its inputs had been dropped during the wait."""
    subprocess.run(["sync"], check=False)
    time.sleep(4)
    warm(*inputs)


def warm(*inputs, statted=()):
    """Reads every regular file below `inputs` (folders or files) and stats every file below `statted` (an
    output a rebuild only stats: reading it would make the kernel update every file's access time, and write
    those 10,000 inodes back during the timed run). Then syncs, so that access times written for the inputs
    are on disk before the timed run starts."""
    for top in inputs:
        paths = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())
        for path in paths:
            with open(path, "rb") as handle:
                while handle.read(1 << 20):
                    pass
    for top in statted:
        for path in top.rglob("*"):
            path.lstat()
    subprocess.run(["sync"], check=False)


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


# The corpus's language (`--language`).
LANGUAGE = "en"


def corpus(size):
    root = WORK / (str(size) if LANGUAGE == "en" else f"{size}-{LANGUAGE}")
    if not (root / "patients.csv").exists():
        fresh(root)
        subprocess.run([sys.executable, "scripts/bench_corpus.py", str(size), str(root), LANGUAGE], check=True)
    return root


def measure(size, runs, binary):
    root = corpus(size)
    out_root = RUNS / str(size)
    out_root.mkdir(parents=True, exist_ok=True)
    print(f"\n## {size} pages ({runs} alternating runs each)", flush=True)
    results = {"clinicsite": [], "hugo": []}
    first_edits = []
    for run in range(runs):
        settle(root / "clinicsite")
        out = out_root / f"out-cs-{run}"
        build = [binary, "build", "--root", str(root / "clinicsite"), "--output", str(out)]
        results["clinicsite"].append(timed(build))
        first_edits.append(first_edit(root / "clinicsite", build))
        settle(root / "hugo")
        out = out_root / f"out-hugo-{run}"
        results["hugo"].append(timed(["hugo", "--quiet", "-d", str(out)], cwd=root / "hugo"))
    rows = {}
    for tool, measured in results.items():
        rows[tool] = (median(measured, "wall"), median(measured, "cpu"), median(measured, "mem"))

    # The floor: cmark over the same bodies in two processes (one per core), plus copying the finished output tree.
    kept = out_root / "out-cs-0"
    cmark_time, copy_time, files = floor(root, kept, out_root, runs)
    floor_time = cmark_time + copy_time

    # Rebuilds into the first clinicsite output, each after one kind of change (undone after its runs).
    settle(root / "clinicsite")
    written = [p for p in kept.rglob("*") if p.is_file()]
    before = {p: p.stat().st_mtime_ns for p in written}
    build = [binary, "build", "--root", str(root / "clinicsite"), "--output", str(kept)]
    unchanged = []
    for _ in range(runs):
        warm(root / "clinicsite", statted=[kept])
        unchanged.append(timed(build))
    rewritten = sum(1 for p in written if p.stat().st_mtime_ns != before[p])
    changes = rebuild_costs(root / "clinicsite", build, runs)
    reload = preview_reload(binary, root / "clinicsite")

    # Personal timelines from the generated CSV (one patient per page), HTML and calendar each.
    timelines = []
    for run in range(runs):
        settle(root / "clinicsite", root / "patients.csv")
        out = out_root / f"timelines-{run}"
        timelines.append(timed([binary, "timeline", "--patients", str(root / "patients.csv"), "--output", str(out), "--confirm-dates"]))

    cs, hugo = rows["clinicsite"], rows["hugo"]
    body = changes[0][1]
    print("| what | median wall (s) | median CPU (s) | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| clinicsite build | {cs[0]:.2f} | {cs[1]:.2f} | {cs[2]:.0f} |")
    print(f"| Hugo build | {hugo[0]:.2f} | {hugo[1]:.2f} | {hugo[2]:.0f} |")
    print(f"| floor: cmark in two processes {cmark_time:.2f} s + copying the output ({files} files) {copy_time:.2f} s | {floor_time:.2f} | | |")
    print(f"| clinicsite rebuild, nothing changed | {median(unchanged, 'wall'):.2f} | {median(unchanged, 'cpu'):.2f} | {median(unchanged, 'mem'):.0f} |")
    print(f"| clinicsite timeline --patients ({size} patients, HTML + ICS) | {median(timelines, 'wall'):.2f} | {median(timelines, 'cpu'):.2f} | {median(timelines, 'mem'):.0f} |")
    print()
    print("| rebuild after | pages laid out again | median wall (s) | of the full build |")
    print("| --- | ---: | ---: | ---: |")
    for name, measured, laid in changes:
        print(f"| {name} | {laid} | {median(measured, 'wall'):.3f} | {median(measured, 'wall') / cs[0]:.3f} |")
    print()
    # The targets of issue #28.
    print(f"- wall time clinicsite/Hugo: {cs[0] / hugo[0]:.2f} (target at most 0.3)")
    print(f"- wall time clinicsite/floor: {cs[0] / floor_time:.2f} (target at most 1.0)")
    print(f"- peak memory clinicsite/Hugo: {cs[2] / hugo[2]:.2f} (target at most 0.2)")
    print(f"- rebuild with nothing changed / full build: {median(unchanged, 'wall') / cs[0]:.2f} (target at most 0.06); output files rewritten: {rewritten}")
    print(f"- rebuild with one page's text changed / full build: {median(body, 'wall') / cs[0]:.3f} (target at most 0.1)")
    # The first change after a build into an empty folder: it alone would pay for making the twin.
    print(f"- one page's text changed right after each full build: {median(first_edits, 'wall'):.3f} s, "
          f"{median(first_edits, 'wall') / cs[0]:.3f} of the full build (target at most 0.1)")
    print(f"- preview, save to reload event: median {statistics.median(reload):.3f} s over {len(reload)} saves "
          f"(min {min(reload):.3f}, max {max(reload):.3f})")


def floor(root, kept, out_root, runs):
    """Times cmark over the page bodies in two processes at once, then copying a finished output tree."""
    bodies = root / "bodies"
    if not bodies.exists():
        bodies.mkdir()
        for page in sorted((root / f"clinicsite/content/{LANGUAGE}").glob("*.md")):
            text = page.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                text = text.split("\n---\n", 1)[1]
            (bodies / page.name).write_text(text, encoding="utf-8")
    files = sorted(str(p) for p in bodies.glob("*.md"))
    halves = [files[: len(files) // 2], files[len(files) // 2:]]
    cmark_times, copy_times = [], []
    for run in range(runs):
        settle(bodies)
        started = time.perf_counter()
        processes = [subprocess.Popen(["cmark", "--smart"] + half, stdout=subprocess.DEVNULL) for half in halves]
        for process in processes:
            process.wait()
        cmark_times.append(time.perf_counter() - started)
        target = out_root / f"floor-copy-{run}"
        settle(kept)
        started = time.perf_counter()
        subprocess.run(["cp", "-r", str(kept), str(target)], check=True)
        copy_times.append(time.perf_counter() - started)
    cmark_time, copy_time = statistics.median(cmark_times), statistics.median(copy_times)
    return cmark_time, copy_time, sum(1 for p in kept.rglob("*") if p.is_file())


def first_edit(site, build):
    """One page's text changed right after a build into an empty folder, timed; then put back and built again, so
    the output is the corpus's again."""
    page = site / f"content/{LANGUAGE}/page-00001.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nOne more sentence, right after a first build.\n", encoding="utf-8")
    warm(site, statted=[Path(build[-1])])
    result = timed(build)
    page.write_text(original, encoding="utf-8")
    timed(build)
    return result


def rebuild_costs(site, build, runs):
    """Rebuilds after each kind of change; returns (name, runs, pages laid out) in a fixed order."""
    content = site / f"content/{LANGUAGE}"
    page, linked, template, settings = content / "page-00001.md", content / "page-00002.md", site / "templates/page.mustache", site / "content/site.yml"
    originals = {path: path.read_text(encoding="utf-8") for path in (page, linked, template, settings)}
    # A new page in every run: adding the same file again would only edit the page the run before added. The
    # pages added are the ones removed next (every generated page is linked to, and removing a page other
    # pages link to is an error, not a rebuild).
    def added(n):
        return content / f"added-page-{n}.md"
    edits = [
        ("one page's text", lambda n: page.write_text(originals[page] + f"\nOne more sentence, edit {n}.\n", encoding="utf-8")),
        ("one page's title", lambda n: page.write_text(originals[page].replace("title: \"Page 1", f"title: \"Page one {n}", 1), encoding="utf-8")),
        ("a heading other pages link to", lambda n: linked.write_text(originals[linked].replace("## Section 1", f"## Part {n}", 1), encoding="utf-8")),
        ("a page added", lambda n: added(n).write_text(f"# Added {n}\n\nNew words.\n", encoding="utf-8")),
        ("a page removed", lambda n: added(n).unlink()),
        ("a page put in the menu (order:)", lambda n: page.write_text(originals[page].replace("---\n", f"---\norder: {n + 1}\n", 1), encoding="utf-8")),
        ("the page template", lambda n: template.write_text(originals[template] + f"<!-- {n} -->\n", encoding="utf-8")),
        ("site.yml", lambda n: settings.write_text(originals[settings] + f"# edit {n}\n", encoding="utf-8")),
    ]
    results = []
    for name, edit in edits:
        measured, laid = [], "all"
        for run in range(runs):
            edit(run)
            warm(site, statted=[Path(build[-1])])
            result = timed(build)
            measured.append(result)
            match = re.search(r"\((\d+) laid out again", result["out"])
            laid = match.group(1) if match else "all"
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
        if name != "a page added":
            for run in range(runs):
                added(run).unlink(missing_ok=True)
        timed(build)
        results.append((name, measured, laid))
    return results


def preview_reload(binary, site, saves=7):
    """Starts `clinicsite serve`, saves one page several times and times each save to the reload event."""
    process = subprocess.Popen([binary, "serve", "--root", str(site), "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        port = None
        while port is None:
            line = process.stderr.readline()
            if not line:
                sys.exit("bench: clinicsite serve ended before serving")
            match = re.search(r"Serving on http://[^ ]+:(\d+)/", line)
            port = int(match.group(1)) if match else None
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /__clinicsite/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
        events.settimeout(20)
        page = site / f"content/{LANGUAGE}/page-00003.md"
        original = page.read_text(encoding="utf-8")
        times = []
        for save in range(saves):
            time.sleep(1.5)
            started = time.perf_counter()
            page.write_text(original + f"\nSaved again, {save}.\n", encoding="utf-8")
            received = b""
            while b"event: reload" not in received:
                received += events.recv(4096)
            times.append(time.perf_counter() - started)
        page.write_text(original, encoding="utf-8")
        events.close()
        return times
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--sizes", default="10000,30000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--language", default="en", choices=["en", "fr"],
                        help="the corpus's one language, with the shipped typography rules of that language")
    parser.add_argument("--quiet-seconds", type=int, default=QUIET_SECONDS,
                        help="how long after removing earlier outputs to wait before measuring (0: do not wait)")
    args = parser.parse_args()
    global LANGUAGE
    LANGUAGE = args.language
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
