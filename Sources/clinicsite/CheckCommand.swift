import ArgumentParser
import Foundation
import SiteDisk
import SiteGenerator

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content without building: errors, reading level, long sentences and words, review dates.",
        discussion: """
        Runs every check of a build without writing anything, then reports for each page: its reading \
        level (Flesch–Kincaid grade for English; Kandel–Moles reading ease, as a grade, for French), its \
        longest sentences, words of more than three syllables it never explains, and the date of its last \
        medical review. Pages above reading_grade (default 8) or older than review_months (default 12) in \
        content/site.yml are warnings; --strict makes warnings fail the check. Then each translation against \
        its source (see `clinicsite translated`): up to date, behind (which sections, and whether a number \
        changed), or not recorded.
        """
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: ArgumentHelp("text (for people) or json (for tools).", valueName: "format"))
    var format: CheckFormat = .text

    @Flag(name: .long, help: "Exit with status 1 when there is any warning, not only on errors.")
    var strict = false

    func run() throws {
        let report = try Terminal.run { () throws(DiagnosticError) in
            try ContentCheck.run(sources: SiteSources.load(root: site.url), today: Terminal.today)
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report))
            print()
        } else {
            Terminal.printOutput(Self.text(report) + "\n")
        }
        if !report.placeholders.isEmpty {
            Terminal.printError("clinicsite: \(report.placeholders.count) placeholder\(report.placeholders.count == 1 ? "" : "s") left in procedures not published yet.")
            throw ExitCode.failure
        }
        if strict && !report.warnings.isEmpty {
            Terminal.printError("clinicsite: \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s") (--strict).")
            throw ExitCode.failure
        }
    }

    static func text(_ report: CheckReport) -> String {
        var lines: [String] = []
        for page in report.pages {
            lines.append("\(page.file) (\(page.language)): \(page.title)")
            if page.words < Readability.wordsToGrade {
                lines.append("  reading level: too short to grade (\(page.words) words; a grade needs about \(Readability.wordsToGrade))")
            } else {
                var level = "  reading level: grade \(page.grade)"
                if let ease = page.ease { level += " (Kandel–Moles reading ease \(ease))" } else { level += " (Flesch–Kincaid)" }
                lines.append(level + ", LIX \(page.lix); \(page.words) words in \(page.sentences) sentences")
            }
            for sentence in page.longestSentences.prefix(2) {
                lines.append("  long sentence (\(sentence.words) words): \(sentence.text)")
            }
            if !page.unexplainedWords.isEmpty {
                lines.append("  long words not explained on the page: \(page.unexplainedWords.joined(separator: ", "))")
            }
            if let reviewed = page.reviewed {
                lines.append("  medical review: \(reviewed) (\(page.reviewAgeMonths ?? 0) months ago)" + (page.reviewDue.map { "; next due \($0)" } ?? ""))
            }
            for warning in page.warnings { lines.append("  warning: \(warning)") }
        }
        if !report.translations.isEmpty {
            lines.append("")
            lines.append("Translations:")
            for translation in report.translations { lines.append("  " + translation.summary) }
        }
        lines.append("")
        for warning in report.warnings + report.placeholders { lines.append(warning.description) }
        lines.append("\(report.pages.count) pages checked, \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s").")
        return lines.joined(separator: "\n")
    }
}
