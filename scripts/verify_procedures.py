"""Section 12 of scripts/verify: a clinic with two procedures, the shipped skin needling and the fictional one the tests
keep in Tests/Fixtures/fictional-procedure (never in content/). The checks of sections 1, 2a, 2b, 3 and 4 run again on that
site, and each healing page's calculator is compared with `clinicsite timeline --procedure` for a dozen dates."""
import csv
import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

FIXTURE = Path("Tests/Fixtures/fictional-procedure")
HEALING = {("skin-needling", "en"): "en/healing.html", ("skin-needling", "fr"): "fr/guerison.html",
           ("moonlight-facial", "en"): "en/moonlight-facial/healing.html", ("moonlight-facial", "fr"): "fr/moonlight-facial/guerison.html"}
PATIENTS = [("ann", "en", "moonlight-facial"), ("bea", "fr", "moonlight-facial"), ("cid", "en", "skin-needling"), ("dee", "fr", "skin-needling")]
DATES = ["2026-12-01", "2026-12-05", "2026-12-24", "2026-12-31", "2027-01-09", "2027-02-26", "2027-02-28", "2027-03-27",
         "2027-06-30", "2027-10-31", "2027-11-06", "2027-12-18"]


def check_two_procedures(v, driver, binary, work, venv, axe_source):
    root = Path(tempfile.mkdtemp(prefix="clinicsite-verify-two-"))
    root.chmod(0o755)
    try:
        for folder in ("content", "templates"):
            shutil.copytree(folder, root / folder)
        shutil.copytree(FIXTURE / "content", root / "content", dirs_exist_ok=True)
        site, timelines = root / "public", root.parent / (root.name + "-timelines")
        built = v.run([binary, "build", "--root", str(root), "--base-url", v.BASE_URL])
        rows = io.StringIO()
        writer = csv.writer(rows, lineterminator="\n")
        writer.writerow(["id", "name", "date", "lang", "procedure"])
        for identifier, language, procedure in PATIENTS:
            writer.writerow([identifier, identifier.title(), "2026-12-01", language, procedure])
        (root / "patients.csv").write_text(rows.getvalue(), encoding="utf-8")
        made = v.run([binary, "timeline", "--root", str(root), "--patients", str(root / "patients.csv"), "--output", str(timelines),
                      "--base-url", v.BASE_URL, "--confirm-dates"])
        v.report.prefix = "12. Two procedures: "
        if built.returncode != 0 or made.returncode != 0:
            v.report.start("the site and handouts build")
            v.report.fail("build", (built.stderr + made.stderr)[-2000:])
            v.report.finish()
            return
        v.check_html_validity(venv, site, timelines)
        v.check_links_from_disk(site)
        # nginx needs its own folder: the shipped site's server is still running from the one before.
        served = work / "two-procedures"
        served.mkdir(exist_ok=True)
        nginx, root_url = v.start_nginx(served, site)
        try:
            v.check_served_links(served, site, root_url)
        finally:
            v.stop(nginx)
        pages = [(p.relative_to(site).as_posix(), p.resolve().as_uri()) for p in v.html_files(site)]
        handouts = [(f"timelines/{p.name}", p.resolve().as_uri()) for p in v.html_files(timelines) if p.name != "print-all.html"]
        axe(v, driver, axe_source, pages + handouts)
        procedure_of = {f"timelines/{identifier}.html": procedure for identifier, _, procedure in PATIENTS}
        v.check_printing(driver, work, handouts, healing_for=lambda name, language: HEALING[(procedure_of[name], language)])
        calculators(v, driver, binary, root, site)
        own_words(v, timelines)
    finally:
        v.report.prefix = ""
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(root.parent / (root.name + "-timelines"), ignore_errors=True)


def axe(v, driver, axe_source, pages):
    v.report.start("axe-core (WCAG 2.2 AA), every page and handout")
    for name, url in pages:
        driver.get(url)
        for violation in v.axe_violations(driver, axe_source):
            v.report.fail(name, f"{violation['id']}: {violation['help']} ({', '.join(violation['nodes'][:5])})")
    v.report.info(f"{len(pages)} pages checked")
    v.report.finish()


def calculators(v, driver, binary, root, site):
    """Each procedure's healing page, in each language, with each date: the calculator's next-session dates are
    those `clinicsite timeline --procedure` gives, written as the handout writes them."""
    v.report.start("each healing page's calculator gives its own procedure's dates (those of `timeline`), 12 dates, each date once")
    compared = 0
    for (procedure, language), path in HEALING.items():
        driver.get((site / path).resolve().as_uri())
        for date in DATES:
            made = subprocess.run([binary, "timeline", "--root", str(root), "--date", date, "--confirm-dates", "--procedure", procedure,
                                   "--lang", language, "--format", "json"], capture_output=True, text=True)
            if made.returncode != 0:
                v.report.fail(path, f"timeline --procedure {procedure} --date {date} failed: {made.stderr[-300:]}")
                continue
            expected = json.loads(made.stdout)["nextSession"]
            shown, lines = driver.execute_script("""
                const input = document.getElementById('cs-procedure-date');
                input.value = arguments[0];
                document.getElementById('cs-timeline-form').requestSubmit();
                return [Array.from(document.querySelectorAll('#cs-timeline-result time')).map(t => t.getAttribute('datetime')),
                        document.querySelectorAll('#cs-timeline-result ul.window li').length];""", date)
            for key in ("earliest", "usual", "spanTo"):
                if expected[key] not in shown:
                    v.report.fail(path, f"for Day 1 {date} the calculator does not show {key} {expected[key]} (it shows {shown})")
            # "Usually from" only when it is a later day than "not before" (moonlight facial's rules make them one).
            if lines != (3 if expected["usual"] > expected["earliest"] else 2):
                v.report.fail(path, f"for Day 1 {date} the calculator shows {lines} lines to book by, for {expected}")
            compared += 1
    v.report.info(f"{compared} date and page pairs compared")
    v.report.finish()


def own_words(v, timelines):
    """The fictional procedure's handouts speak of its own care and name it, never skin needling's ointment (what was
    seen on its French handout in session 15, before procedures had their own care words)."""
    v.report.start("each handout names its own procedure and care, in its language")
    for identifier, language, procedure in PATIENTS:
        text = (timelines / f"{identifier}.html").read_text(encoding="utf-8").lower()
        foreign = ["ointment", "pommade", "needling"] if procedure == "moonlight-facial" else ["fictional", "fictif", "mist", "brume"]
        for word in foreign:
            if word in text:
                v.report.fail(f"timelines/{identifier}.html", f"the {procedure} handout ({language}) says {word!r}")
        own = {"moonlight-facial": "clair de lune" if language == "fr" else "moonlight facial", "skin-needling": "needling"}[procedure]
        if own not in text:
            v.report.fail(f"timelines/{identifier}.html", f"the handout does not name its procedure ({own!r})")
    v.report.finish()
