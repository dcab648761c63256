import Foundation
import RecoverySchedule

/// `clinicsite check`: every validation of a build, without writing anything, plus the quality bar of
/// patient material: reading level, long sentences, unexplained long words, and the age of the medical review.
public enum ContentCheck {
    /// Runs the checks. Build errors are thrown; everything else is in the report.
    public static func run(sources: SiteSources, today: CivilDate) throws(DiagnosticError) -> CheckReport {
        let site = try SiteBuilder.build(sources, options: BuildOptions(today: today))
        var log = DiagnosticLog()
        let settings = Settings.parse((try? sources.text("content/site.yml")) ?? "", file: "content/site.yml", log: &log)
        var warnings = site.warnings.filter { !$0.message.hasPrefix("no base_url") }
        let markdownFiles = sources.paths(under: "content/").filter { $0.hasSuffix(".md") && $0.split(separator: "/").count > 2 }
        let pages = markdownFiles.parallelMap { path -> PageCheck? in
            let language = String(path.split(separator: "/")[1])
            guard settings.languages.contains(language), let text = try? sources.text(path),
                  let split = try? FrontMatter.split(text, file: path), !split.frontMatter.draft else { return nil }
            let document = CmarkDocument(markdown: split.body)
            let title = split.frontMatter.title ?? document.headings.first { $0.level == 1 }?.text ?? path
            return check(path: path, language: language, title: title, paragraphs: document.paragraphs(),
                         reviewed: split.frontMatter.reviewed, today: today, settings: settings)
        }.compactMap { $0 }
        for page in pages {
            for warning in page.warnings where !warning.hasPrefix("the last medical review") {
                warnings.append(.warning(file: page.file, line: 1, warning))
            }
        }
        return CheckReport(pages: pages, warnings: warnings.sorted())
    }

    static func check(path: String, language: String, title: String, paragraphs: [String], reviewed: CivilDate?,
                      today: CivilDate, settings: Settings) -> PageCheck {
        let split = paragraphs.flatMap(Readability.sentencesWithWords)
        let counts = Readability.counts(of: split, language: language)
        let grade = (Readability.grade(counts, language: language) * 10).rounded() / 10
        let sentences = split.map { PageCheck.Sentence(words: $0.words.count, text: $0.text) }
            .sorted { ($0.words, $1.text) > ($1.words, $0.text) }
        var page = PageCheck(file: path, language: language, title: title, words: counts.words, sentences: counts.sentences,
                             grade: grade, measure: language == "fr" ? "Kandel–Moles reading ease" : "Flesch–Kincaid grade",
                             ease: language == "fr" ? (Readability.kandelMolesEase(counts) * 10).rounded() / 10 : nil,
                             lix: (Readability.lix(counts) * 10).rounded() / 10,
                             longestSentences: Array(sentences.prefix(3)),
                             unexplainedWords: unexplainedLongWords(paragraphs, words: split.flatMap(\.words), language: language),
                             reviewed: reviewed?.iso, reviewAgeMonths: nil, warnings: [])
        if counts.words > 0 && grade > settings.readingGrade {
            page.warnings.append("the reading level is grade \(grade), above the target of \(Int(settings.readingGrade))")
        }
        if let reviewed {
            var months = (today.year - reviewed.year) * 12 + today.month - reviewed.month
            if today.day < reviewed.day { months -= 1 }
            page.reviewAgeMonths = max(months, 0)
            if reviewed.adding(months: settings.reviewMonths) < today {
                page.warnings.append("the last medical review was on \(reviewed.iso), more than \(settings.reviewMonths) months ago")
            }
        } else {
            page.warnings.append("no reviewed: date; add the date of the last medical review to the front matter")
        }
        return page
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
        let text = Array(paragraphs.joined(separator: "\n").lowercased().utf8)
        return text.withUnsafeBufferPointer { text in
            long.filter { word in
                // Every place the word appears (inside longer words too) is looked at for an explanation around it.
                let bytes = Array(word.utf8)
                var start = 0
                while let found = text.firstIndex(of: bytes, from: start) {
                    let end = found + bytes.count
                    if explanationsBefore.contains(where: { text[..<found].ends(with: $0) })
                        || explanationsAfter.contains(where: { text[end...].starts(with: $0) }) {
                        return false
                    }
                    start = found + 1
                }
                return true
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
