#!/usr/bin/env python3
"""Generates the benchmark corpus: N realistic Markdown pages with front matter, as a clinicsite site and
as an equivalent Hugo site (one page layout each, no taxonomies, feeds, sitemap or menus), plus a CSV of
patients. Deterministic: the same N gives the same bytes."""
import random
import sys
from pathlib import Path

WORDS = ("skin needling collagen healing redness ointment session clinic patient treatment surface layer "
         "wrinkle scar gentle device tiny day week month care rest water sun face area result follow "
         "guérison rougeur pommade séance peau crème été café naïve élastine").split()


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def page_body(rng, index, count, link):
    others = [rng.randrange(count) for _ in range(3)]
    lines = [f"# Page {index}: {sentence(rng, 4)[:-1]}", "", sentence(rng) + " " + sentence(rng, 8), ""]
    for section in range(3):
        lines += [f"## Section {section + 1} {rng.choice(WORDS)}", "",
                  f"{sentence(rng)} *{rng.choice(WORDS)}* and **{rng.choice(WORDS)}** with `code {index}`. "
                  f"See [page {others[section]}]({link(others[section])}) for more. {sentence(rng, 15)}", "",
                  f"- {sentence(rng, 6)}", f"- {sentence(rng, 7)} [next]({link((index + 1) % count)})", f"- {sentence(rng, 5)}", "",
                  f"1. {sentence(rng, 9)}", f"2. {sentence(rng, 9)}", "", f"> {sentence(rng, 10)}", ""]
    return "\n".join(lines)


def front_matter(rng, index):
    return f"---\ntitle: \"Page {index} – {rng.choice(WORDS)} {rng.choice(WORDS)}\"\ndescription: \"{sentence(rng, 10)}\"\n---\n\n"


CLINICSITE_PAGE = ('<!DOCTYPE html>\n<html lang="{{lang}}">\n<head>\n<meta charset="utf-8">\n<title>{{title}}</title>\n'
                   '<meta name="description" content="{{description}}">\n</head>\n<body>\n<main>\n{{{content}}}\n</main>\n</body>\n</html>\n')
HUGO_SINGLE = ('<!DOCTYPE html>\n<html lang="{{ .Site.LanguageCode }}">\n<head>\n<meta charset="utf-8">\n<title>{{ .Title }}</title>\n'
               '<meta name="description" content="{{ .Description }}">\n</head>\n<body>\n<main>\n{{ .Content }}\n</main>\n</body>\n</html>\n')
# The shipped interface words and typography, so the corpus always has every key the build requires.
REPOSITORY = Path(__file__).resolve().parent.parent


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main():
    count, root = int(sys.argv[1]), Path(sys.argv[2])
    # The one language of the pages (en or fr), with the repository's interface strings and typography rules for it.
    language = sys.argv[3] if len(sys.argv) > 3 else "en"
    rng = random.Random(count)
    clinic, hugo = root / "clinicsite", root / "hugo"
    write(clinic / "content/site.yml", f"clinic_name: Benchmark Clinic\nlanguages: [{language}]\ndefault_language: {language}\n"
          "base_url: https://bench.example/\n")
    write(clinic / "templates/page.mustache", CLINICSITE_PAGE)
    write(clinic / "templates/root.mustache", "<!DOCTYPE html>\n<title>{{title}}</title>\n")
    write(clinic / "templates/404.mustache", "<!DOCTYPE html>\n<title>{{title}}</title>\n")
    write(clinic / "templates/timeline-print.mustache", "<!DOCTYPE html>\n<title>{{title}}</title>\n")
    write(clinic / "templates/timeline-print.css", "body{}\n")
    for folder in ("strings", "typography"):
        write(clinic / f"templates/{folder}/{language}.yml", (REPOSITORY / f"templates/{folder}/{language}.yml").read_text(encoding="utf-8"))
    write(hugo / "hugo.toml", 'baseURL = "https://bench.example/"\nlanguageCode = "en"\ntitle = "Benchmark Clinic"\n'
          'uglyURLs = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
          '[markup.goldmark.renderer]\nunsafe = false\n')
    write(hugo / "layouts/_default/single.html", HUGO_SINGLE)
    write(hugo / "layouts/_default/list.html", "<!DOCTYPE html>\n<title>{{ .Title }}</title>\n")
    write(hugo / "layouts/index.html", "<!DOCTYPE html>\n<title>{{ .Title }}</title>\n")
    for index in range(count):
        state = rng.getstate()
        front = front_matter(rng, index)
        body_state = rng.getstate()
        write(clinic / f"content/{language}/page-{index:05d}.md", front + page_body(rng, index, count, lambda i: f"page-{i:05d}.md"))
        rng.setstate(body_state)
        write(hugo / f"content/en/page-{index:05d}.md", front + page_body(rng, index, count, lambda i: f"page-{i:05d}.html"))
        del state
    write(clinic / f"content/{language}/index.md", "# Benchmark\n\n[First page](page-00000.md)\n")
    with open(root / "patients.csv", "w", encoding="utf-8") as csv:
        csv.write("id,name,date,lang,sessions\n")
        for index in range(count):
            csv.write(f"p{index:05d},\"Patient {index}, Test\",20{26 + index % 3}-{1 + index % 12:02d}-{1 + index % 28:02d},"
                      f"{language},{1 + index % 10}\n")


if __name__ == "__main__":
    main()
