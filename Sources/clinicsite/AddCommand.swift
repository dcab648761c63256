import ArgumentParser
import Foundation
import SiteDisk
import SiteGenerator

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a part to the site: a procedure.",
        subcommands: [AddProcedureCommand.self]
    )
}

struct AddProcedureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedure",
        abstract: "Add a procedure: its rules file and its pages in every language, to fill in.",
        discussion: """
        Writes content/procedures/SLUG.yml (its name, the words that name it on handouts and calendars, its healing \
        rules) and content/LANG/SLUG/ (what it is, what it can do, healing) for each of the site's languages. Every \
        medical statement and number is a TODO(clinic) placeholder: clinicsite has no facts for a new procedure. \
        `build` leaves the procedure out, naming each placeholder's file and line, until none is left; `check` lists them.
        """
    )

    @OptionGroup var site: SiteRootOption

    @Argument(help: ArgumentHelp("Its short name: lower-case letters, digits and dashes, such as chemical-peel. It names its folder and addresses.", valueName: "slug"))
    var slug: String

    @Option(name: .long, help: ArgumentHelp("Its name as patients read it, such as \"Chemical peel\".", valueName: "text"))
    var name: String

    func run() throws {
        let written = try Terminal.run { () throws(DiagnosticError) in try ProcedureStarter.write(root: site.url, slug: slug, name: name) }
        print("Added the procedure '\(slug)': \(written.count) files to fill in.")
        for path in written { print("  \(path)") }
        print("Replace every TODO(clinic) with the clinic's own words and numbers; `clinicsite check` lists those left.")
    }
}
