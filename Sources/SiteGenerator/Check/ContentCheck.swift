import Foundation
import RecoverySchedule

/// `clinicsite check`: every validation of a build, without writing anything, plus the quality bar of
/// patient material: reading level, long sentences, unexplained long words, and the age of the medical review.
public enum ContentCheck {
    /// Runs the checks. Build errors are thrown; everything else is in the report. The pages are those the
    /// build read (titles, review dates and prose come from the same parse).
    public static func run(sources: SiteSources, today: CivilDate) throws(DiagnosticError) -> CheckReport {
        let build = try SiteBuilder.run(sources, options: BuildOptions(today: today), keepingProse: true)
        let settings = build.settings
        // The check publishes nothing, so a missing base_url is not worth a warning here.
        var warnings = build.site.warnings.filter { $0.code != .missingBaseURL }
        let checked = build.pages.filter { !$0.page.draft }.parallelMap { loaded in
            check(loaded.page, paragraphs: loaded.markdown.prose, today: today, settings: settings)
        }
        // Overdue reviews are already among the build's warnings.
        warnings += checked.flatMap(\.warnings).filter { $0.code != .reviewOverdue }
        warnings += missingTwins(build.pages.map(\.page).filter { !$0.draft }, languages: settings.languages)
        return CheckReport(pages: checked.map(\.page), warnings: warnings.sorted(), placeholders: build.site.withheld,
                           translations: TranslationReport.all(sources, settings: settings))
    }

    /// A warning for each published page that has no page of the same name in another of the site's languages:
    /// a patient who switches language finds nothing there, and a translation nobody made falls behind unseen.
    static func missingTwins(_ pages: [Page], languages: [String]) -> [Diagnostic] {
        let present = Set(pages.map { "\($0.language)/\($0.key)" })
        return pages.compactMap { page in
            let missing = languages.filter { $0 != page.language && !present.contains("\($0)/\(page.key)") }
            guard !missing.isEmpty else { return nil }
            let paths = missing.map { "content/\($0)/\(page.key).md" }
            return .warning(file: page.source, line: 1, "this page has no twin in \(missing.joined(separator: ", ")) (\(paths.joined(separator: ", ")) is missing)",
                            hint: "translate it into \(paths.joined(separator: " and ")), or mark this page draft: true until it is", code: .missingTwin)
        }
    }

    /// One page's report, and its warnings as diagnostics.
    static func check(_ page: Page, paragraphs: [String], today: CivilDate, settings: Settings) -> (page: PageCheck, warnings: [Diagnostic]) {
        let language = page.language
        let split = paragraphs.flatMap(Readability.sentencesWithWords)
        let counts = Readability.counts(of: split, language: language)
        let grade = (Readability.grade(counts, language: language) * 10).rounded() / 10
        let sentences = split.map { PageCheck.Sentence(words: $0.words.count, text: $0.text) }
            .sorted { ($0.words, $1.text) > ($1.words, $0.text) }
        var report = PageCheck(file: page.source, language: language, title: page.title, words: counts.words, sentences: counts.sentences,
                               grade: grade, measure: language == "fr" ? "Kandel–Moles reading ease" : "Flesch–Kincaid grade",
                               ease: language == "fr" ? (Readability.kandelMolesEase(counts) * 10).rounded() / 10 : nil,
                               lix: (Readability.lix(counts) * 10).rounded() / 10,
                               longestSentences: Array(sentences.prefix(3)),
                               unexplainedWords: unexplainedLongWords(paragraphs, words: split.flatMap(\.words), language: language),
                               reviewed: page.reviewed?.iso, reviewAgeMonths: nil, warnings: [])
        var warnings: [Diagnostic] = []
        if counts.words >= Readability.wordsToGrade && grade > settings.readingGrade {
            warnings.append(.warning(file: page.source, line: 1, "the reading level is grade \(grade), above the target of \(Int(settings.readingGrade))",
                                     code: .readingLevel))
        }
        if let reviewed = page.reviewed {
            let age = ReviewAge(reviewed: reviewed, today: today)
            report.reviewAgeMonths = age.months
            let due = reviewed.adding(months: settings.reviewMonths)
            report.reviewDue = due.iso
            if age.isOverdue(after: settings.reviewMonths) {
                warnings.append(ReviewAge.warning(file: page.source, reviewed: reviewed, months: settings.reviewMonths))
            } else if let days = ReviewAge.daysLeft(until: due, today: today), days <= ReviewAge.soonDays {
                warnings.append(ReviewAge.dueSoon(file: page.source, due: due, days: days))
            }
        } else {
            warnings.append(.warning(file: page.source, line: 1, "no reviewed: date; add the date of the last medical review to the front matter",
                                     code: .reviewMissing))
        }
        report.warnings = warnings.map(\.message)
        return (report, warnings)
    }

    /// Words of more than three syllables with no explanation on the page: not followed by a bracket or a
    /// colon, not introduced by "called"/"appelé", not the subject of "is"/"means"/"est", not in brackets.
    static func unexplainedLongWords(_ paragraphs: [String], language: String) -> [String] {
        unexplainedLongWords(paragraphs, words: paragraphs.flatMap(Readability.words), language: language)
    }

    /// `unexplainedLongWords` for paragraphs whose words are already known.
    static func unexplainedLongWords(_ paragraphs: [String], words: [String], language: String) -> [String] {
        var long = Set<String>()
        // A compound (micro-needling) is long only when one of its parts is.
        for word in words where word.split(separator: "-").contains(where: { Readability.syllables(String($0), language: language) > 3 }) {
            long.insert(word.lowercased())
        }
        guard !long.isEmpty else { return [] }
        let index = WordOccurrences(paragraphs.joined(separator: "\n").lowercased())
        let text = index.bytes
        return long.filter { word in
            // Every place the word appears is looked at for an explanation around it.
            !index.places(of: word).contains { place in
                explanationsBefore.contains { text.has($0, endingAt: place.lowerBound) }
                    || explanationsAfter.contains { text.has($0, startingAt: place.upperBound) }
            }
        }.sorted()
    }

    private static let explanationsBefore: [[UInt8]] = {
        var before = ["("]
        for lead in ["called", "named", "known as", "appelé", "appelée", "appelés", "appelées", "nommé", "nommée", "dite", "dit"] {
            for article in ["", "the ", "a ", "an ", "le ", "la ", "l’", "l'", "les ", "un ", "une "] { before.append("\(lead) \(article)") }
        }
        return before.map { Array($0.utf8) }
    }()

    private static let explanationsAfter: [[UInt8]] = [" (", ": ", " is ", " means ", " are ", " est ", " sont ", " signifie ", " veut dire ", ", c'est", ", c’est", " – ", ")"]
        .map { Array($0.utf8) }
}
