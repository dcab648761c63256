import SiteGenerator

/// The words of a new procedure's files (`ProcedureStarter`): structure and plain instructions only; every
/// medical statement and number is a `TODO(clinic)` placeholder. French pages are in French, other languages in
/// English for the clinic to translate.
enum ProcedureStarterText {
    static let marker = "TODO(clinic)"

    static func rules(name: String, languages: [String]) -> String {
        let quoted = StarterSite.yamlQuoted(name)
        // Inside an English sentence: "after chemical peel", unless the name starts with a capitalised word ("IPL").
        let inSentence = name.dropFirst().first?.isUppercase == true ? name : name.prefix(1).lowercased() + name.dropFirst()
        func each(_ english: String, _ french: String) -> String {
            languages.map { "      \($0): \(StarterSite.yamlQuoted("\(marker): \($0 == "fr" ? french : english)"))" }.joined(separator: "\n")
        }
        let strings = languages.map { language in
            let french = language == "fr"
            let texts = french
                ? [("personal_title", "Votre récupération après : \(name)"), ("calendar_name", "Récupération : \(name)"),
                   ("calendar_booking", "Appeler {clinic} pour votre prochaine séance (\(name))"),
                   ("tick_ointment", "\(marker): Cochez la case du jour une fois … appliqué(e)"), ("ointment_to_use", "\(marker): … à utiliser :"),
                   ("ointment_how_often", "Combien de fois par jour :"), ("ointment_until", "Jusqu’au (date) :")]
                : [("personal_title", "Your recovery after \(inSentence)"), ("calendar_name", "Recovery after \(inSentence)"),
                   ("calendar_booking", "Call {clinic} to book your next session (\(name))"),
                   ("tick_ointment", "\(marker): Tick the day’s box once the … is on"), ("ointment_to_use", "\(marker): … to use:"),
                   ("ointment_how_often", "How many times a day:"), ("ointment_until", "Until (date):")]
            return "  \(language):\n" + texts.map { "    \($0.0): \(StarterSite.yamlQuoted($0.1))" }.joined(separator: "\n")
        }.joined(separator: "\n")
        return """
            # \(name): its name, the words that name it on handouts and in calendars, and how the skin heals after it.
            # Each placeholder below is to be replaced with the clinic's own facts: clinicsite publishes it once none is left.
            # Day 1 is the day of the procedure. Numbers are days (start, end) and weeks or months (next_session).
            name: \(quoted)
            strings:
            \(strings)
            phases:
              - id: first-days
                label:
            \(each("what the skin looks like first", "l'aspect de la peau au début"))
                start: \(marker)
                end: \(marker)
            care:
              - id: care
                label:
            \(each("what the patient does, and with what", "ce que fait le patient, et avec quoi"))
                start: \(marker)
                end: \(marker)
            next_session:
              minimum_weeks: \(marker)
              usual_weeks: \(marker)
              span_from_months: \(marker)
              span_to_months: \(marker)

            """
    }

    /// The pages of one language: what it is, what it can do, and healing (with the calculator).
    static func pages(name: String, language: String) -> [(file: String, text: String)] {
        let french = language == "fr"
        let title = StarterSite.yamlQuoted(name)
        let benefits = french ? "Ce que \(name) peut apporter" : "What \(name) can do"
        let healing = french ? "La cicatrisation après : \(name)" : "Healing after \(name)"
        return [
            ("index.md", """
                ---
                title: \(title)
                order: 20
                ---
                # \(name)

                \(marker): \(french ? "en deux ou trois phrases simples, ce qu'est ce soin et à quoi il sert." : "in two or three plain sentences, what it is and what it is for.")

                ## \(french ? "Le jour du soin" : "On the day")

                \(marker): \(french ? "ce qui se passe à la clinique, étape par étape." : "what happens at the clinic, step by step.")

                \(french ? "À lire aussi" : "Read next"): [\(benefits)](benefits.md), [\(healing)](healing.md).

                """),
            ("benefits.md", """
                ---
                title: \(StarterSite.yamlQuoted(benefits))
                order: 21
                ---
                # \(benefits)

                \(marker): \(french ? "ce que ce soin peut améliorer, selon les faits de la clinique." : "what it can help with, from the clinic's facts.")

                ## \(french ? "Ce qu'il ne fait pas" : "What it cannot do")

                \(marker): \(french ? "les limites, en mots simples." : "its limits, in plain words.")

                """),
            ("healing.md", """
                ---
                title: \(StarterSite.yamlQuoted(healing))
                order: 22
                layout: healing
                ---
                # \(healing)

                \(marker): \(french ? "l'aspect de la peau les premiers jours, et ce qui est normal." : "how the skin looks in the first days, and what is normal.")

                """),
        ]
    }
}
