/// The two files `clinicsite new` writes for staff besides the site itself.
enum StarterText {
    static let gitignore = """
    # Built by clinicsite build: made again from content/ and templates/, never kept in version control.
    public/
    .public.*
    # Personal timelines hold patient data: they must never be committed.
    timelines/
    *.ics
    *.csv

    """

    static func readme(clinicName: String) -> String {
        """
        # \(clinicName.isEmpty ? "Our clinic" : clinicName): patient information site

        This folder holds the clinic's patient pages (`content/`) and their look (`templates/`).
        clinicsite turns them into a website in `public/`.

        - Edit the pages in `content/en/` and `content/fr/` (Markdown), and the clinic's details in `content/site.yml`:
          replace anything marked `TO FILL IN` there (phone, email, address); `clinicsite build` warns until you do.
        - While you edit: `clinicsite serve`, then open http://127.0.0.1:8000/ (it reloads when you save).
        - Before publishing: `clinicsite check` (reading level, review dates, translations behind their English pages).
        - Translating: when a French page says what its English page says, run `clinicsite translated fr/healing.md`
          (or `clinicsite translated fr` for all). If the English changes later, `build` says which section and shows the
          change; a changed number stops it until the French is updated and `clinicsite translated` is run again.
        - Publish: `clinicsite build`, then copy `public/` to the web server.
        - A patient's printed timeline: `clinicsite timeline --date 2026-12-01 --name "Ann Smith" --output ann.html`;
          a day's patients: `clinicsite timeline --patients today.csv --output timelines/`, then print `timelines/print-all.html`.
          A list saved by Excel works as it is; if its dates read like 06/12/2026, add `patient_dates: DD/MM/YYYY` to `content/site.yml`.
        - Another procedure: `clinicsite add procedure chemical-peel --name "Chemical peel"`, then replace every `TODO(clinic)`
          in the files it lists; it is published once none is left. Text several pages share: `content/blocks/en/NAME.md`,
          shown where a page has the line `<!-- include: NAME -->`.
        - Photos (JPEG, PNG) are published without their GPS position and camera details; keep them under 500 KB.

        Personal timelines hold patient data: keep them out of `public/` and out of version control (`.gitignore` does).

        """
    }
}
