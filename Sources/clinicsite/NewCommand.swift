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
        README.md for staff. The clinic's phone, email and address come from --phone, --email and --address, or \
        are asked for when run in a terminal; a detail not given is written as a marked placeholder, which \
        `build` warns about and `check --strict` refuses until it is replaced. The example clinic's details are never written.
        """
    )

    @Argument(help: ArgumentHelp("The folder for the new site (created if missing).", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: ArgumentHelp("The site's languages, the first being the default, such as en,fr.", valueName: "codes"))
    var lang: String = "en,fr"

    @Option(name: .customLong("clinic-name"), help: ArgumentHelp("The clinic's name, shown on every page and handout.", valueName: "text"))
    var clinicName: String = "Our Clinic"

    @Option(name: .long, help: ArgumentHelp("The clinic's phone number, as patients dial it.", valueName: "text"))
    var phone: String?

    @Option(name: .long, help: ArgumentHelp("The clinic's email address.", valueName: "text"))
    var email: String?

    @Option(name: .long, help: ArgumentHelp("The clinic's postal address, on one line.", valueName: "text"))
    var address: String?

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing the starter files there (each one is listed).")
    var force = false

    func run() throws {
        let languages = lang.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let folder = URL(fileURLWithPath: directory)
        let clinic = StarterSite.Clinic(name: clinicName, phone: phone ?? Self.ask("phone number"), email: email ?? Self.ask("email address"),
                                        address: address ?? Self.ask("postal address (one line)"))
        let (written, replaced) = try Terminal.run { () throws(DiagnosticError) in
            try StarterSite.write(to: folder, languages: languages, clinic: clinic, force: force, today: Terminal.today)
        }
        print("Wrote a new site (\(written.count) files) to \(folder.path).")
        if !replaced.isEmpty {
            print("Replaced \(replaced.count) file\(replaced.count == 1 ? "" : "s") that were there:")
            for path in replaced { print("  \(path)") }
        }
        let missing = [("phone", clinic.phone), ("email", clinic.email), ("address", clinic.address)].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            print("Before publishing, write the clinic's \(missing.joined(separator: ", ")) in content/site.yml (marked TO FILL IN).")
        }
        print("Next: cd \(directory) && clinicsite serve    (then edit content/site.yml and the pages in content/)")
    }

    /// Asks for a detail when a person is at the terminal; nil when input is not a terminal or the answer is empty.
    private static func ask(_ what: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        print("The clinic's \(what) (Enter to fill it in later): ", terminator: "")
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces), !answer.isEmpty else { return nil }
        return answer
    }
}
