import ArgumentParser
import Foundation
import SiteDisk
import SiteGenerator

struct TranslatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translated",
        abstract: "Record that translations are up to date with their source pages.",
        discussion: """
        Run it when a translation says what its source says. It keeps, in content/translations/, each section \
        of the source page as it is now; `build` and `check` then compare the source with it, section by section. \
        A source whose change touches a number, date, duration, phone number or email stops the build until the \
        translation is recorded again; a change of wording is a warning. --only-wording records without editing \
        the translation, and refuses when a number changed.
        """
    )

    @OptionGroup var site: SiteRootOption

    @Argument(help: ArgumentHelp("Pages or blocks from content/ (fr/healing.md, blocks/fr/contact.md), strings/LANG for the interface text, or a language (fr) for all of it.", valueName: "translation"))
    var targets: [String]

    @Flag(name: .long, help: "The source's change was only wording and the translation needs none: record without it changing. Refused when a number, date or contact changed.")
    var onlyWording = false

    func validate() throws {
        if targets.isEmpty { throw ValidationError("name what was translated, such as fr/healing.md, or a language, such as fr") }
    }

    func run() throws {
        let written = try Terminal.run { () throws(DiagnosticError) in
            try TranslationFiles.record(root: site.url, targets: targets, onlyWording: onlyWording, today: Terminal.today)
        }
        if written.isEmpty { print("Nothing to record: every translation named is recorded as it is.") }
        for line in written { print("Recorded \(line)") }
    }
}
