import ArgumentParser
import Foundation
import SiteDisk
import SiteGenerator

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a clinic's own site in a new folder, from the shipped skin-needling site.",
        discussion: """
        Writes content/ (the example pages, site.yml with the clinic's name and languages, recovery.yml), \
        templates/, a .gitignore that keeps public/ and personal timelines out of version control, and a \
        README.md for staff. The new site builds and passes `clinicsite check --strict` straight away.
        """
    )

    @Argument(help: ArgumentHelp("The folder for the new site (created if missing).", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: ArgumentHelp("The site's languages, the first being the default, such as en,fr.", valueName: "codes"))
    var lang: String = "en,fr"

    @Option(name: .customLong("clinic-name"), help: ArgumentHelp("The clinic's name, shown on every page and handout.", valueName: "text"))
    var clinicName: String = "Our Clinic"

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing the starter files there.")
    var force = false

    func run() throws {
        let languages = lang.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let folder = URL(fileURLWithPath: directory)
        let written = try Terminal.run { () throws(DiagnosticError) in
            try StarterSite.write(to: folder, languages: languages, clinicName: clinicName, force: force)
        }
        print("Wrote a new site (\(written.count) files) to \(folder.path).")
        print("Next: cd \(directory) && clinicsite serve    (then edit content/site.yml and the pages in content/)")
    }
}
