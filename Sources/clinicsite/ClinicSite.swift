import ArgumentParser
import Foundation
import SiteGenerator

@main
struct ClinicSite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicsite",
        abstract: "Builds a clinic's patient-information website and personal recovery timelines.",
        subcommands: [NewCommand.self, AddCommand.self, BuildCommand.self, TimelineCommand.self, ServeCommand.self, CheckCommand.self, TranslatedCommand.self, RenderMarkdownCommand.self]
    )

    /// The version of clinicsite, said once for the whole package.
    static let version = "0.1.0"

    // Handled here rather than by the configuration's `version`, so the allocator check runs only when asked.
    @Flag(name: .long, help: "Show the version and exit.")
    var version = false

    func run() async throws {
        guard version else {
            print(Self.helpMessage())
            return
        }
        let libraries = ["cmark \(Markdown.cmarkVersion)"] + (MemoryAllocator.description.map { [$0] } ?? [])
        print("\(Self.version) (\(libraries.joined(separator: ", ")))")
    }
}
