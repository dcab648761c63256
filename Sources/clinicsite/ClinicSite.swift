import ArgumentParser
import Foundation
import RecoverySchedule
import SiteDisk
import SiteGenerator

@main
struct ClinicSite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicsite",
        abstract: "Builds a clinic's patient-information website and personal recovery timelines.",
        version: "0.1.0" + (MemoryAllocator.description.map { " (\($0))" } ?? ""),
        subcommands: [BuildCommand.self, TimelineCommand.self, ServeCommand.self, CheckCommand.self, RenderMarkdownCommand.self]
    )
}
