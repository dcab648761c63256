import ArgumentParser
import Foundation
import SiteDisk
import SiteGenerator

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the website into the output folder.",
        discussion: """
        Reads content/ (Markdown pages, site.yml) and templates/ below the root folder and writes the \
        complete site. The previous output is replaced only when the whole build succeeds; when \
        anything is wrong, every problem is listed as file:line:column and nothing is changed.
        """
    )

    @OptionGroup var site: SiteRootOption

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: ROOT/public). Must not be or contain content/ or templates/.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The address the site will be published at, such as https://clinic.example/info/. Overrides base_url in site.yml; used for the sitemap and canonical links.", valueName: "url"),
            transform: BaseURL.parse)
    var baseURL: BaseURL?

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
        let summary = try Terminal.run { () throws(DiagnosticError) in
            try IncrementalBuild.run(root: site.url, output: outputURL, baseURL: baseURL?.text, today: Terminal.today)
        }
        PhaseClock.mark("returned")
        Terminal.report(summary.notes + summary.warnings)
        let report = summary.report
        if summary.upToDate {
            print("Up to date: nothing changed since the last build (\(summary.pageCount) pages, \(report.unchanged) files).")
        } else if let laidOut = summary.pagesLaidOut {
            print("Rebuilt \(summary.pageCount) pages (\(laidOut) laid out again, the rest unchanged): "
                  + "\(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed.")
        } else {
            print("Built \(summary.pageCount) pages: \(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed.")
        }
        if !summary.withheld.isEmpty {
            Terminal.report(summary.withheld)
            let count = summary.withheld.count
            Terminal.printError("clinicsite: \(count) placeholder\(count == 1 ? "" : "s") (\("TODO(clinic)")) left: "
                                + "that procedure is not published until they are replaced; the rest of the site was built.")
            throw ExitCode.failure
        }
    }
}
