import Foundation

/// A second procedure for tests only, clearly fictional (no facts exist for it, so it never goes into `content/`
/// or the starter site): its rules file and pages in English and French, with days and gaps unlike skin needling's,
/// so a page or handout that took the wrong procedure's rules shows it.
public enum FictionalProcedure {
    public static let slug = "moonlight-facial"

    /// Its files, by path below the site root.
    public static let files: [String: String] = [
        "content/procedures/moonlight-facial.yml": """
            # A fictional procedure, for tests only.
            name:
              en: Moonlight facial (fictional)
              fr: Soin clair de lune (fictif)
            strings:
              en:
                personal_title: Your recovery after a moonlight facial (fictional)
                calendar_name: Recovery after a moonlight facial
                calendar_booking: "Call {clinic} to book your next moonlight facial"
              fr:
                personal_title: Votre récupération après le soin clair de lune (fictif)
                calendar_name: Récupération après le soin clair de lune
                calendar_booking: "Appeler {clinic} pour votre prochain soin clair de lune"
            phases:
              - id: glow
                label:
                  en: The skin glows (fictional)
                  fr: La peau brille (fictif)
                start: 1
                end: 2
              - id: calm
                label:
                  en: The glow fades (fictional)
                  fr: L'éclat s'estompe (fictif)
                start: 3
                end: 9
            care:
              - id: mist
                label:
                  en: Use the mist the clinic named (fictional)
                  fr: Utiliser la brume indiquée par la clinique (fictif)
                start: 1
                end: 5
            next_session:
              minimum_weeks: 3
              usual_weeks: 4
              span_from_months: 1
              span_to_months: 3

            """,
        "content/en/moonlight-facial/index.md": "---\ntitle: Moonlight facial\norder: 10\n---\n# Moonlight facial\n\nA fictional procedure for tests. See [healing](healing.md).\n",
        "content/en/moonlight-facial/healing.md": "---\ntitle: Healing after a moonlight facial\norder: 11\nlayout: healing\n---\n# Healing\n\nFictional.\n",
        "content/fr/moonlight-facial/index.md": "---\ntitle: Soin clair de lune\norder: 10\n---\n# Soin clair de lune\n\nUn soin fictif pour les tests. Voir la [cicatrisation](healing.md).\n",
        "content/fr/moonlight-facial/healing.md": "---\ntitle: La cicatrisation après le soin clair de lune\norder: 11\nslug: guerison\nlayout: healing\n---\n# Cicatrisation\n\nFictif.\n",
    ]

    /// Writes the files below `root` (a scratch copy of the shipped site).
    public static func install(in root: URL) throws {
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }
}
