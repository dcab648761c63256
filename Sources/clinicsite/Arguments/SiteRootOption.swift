import ArgumentParser
import Foundation

/// `--root`, shared by every command that reads a site.
struct SiteRootOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's folder, holding content/ and templates/.", valueName: "dir"))
    var root: String = "."

    /// The folder as a file URL.
    var url: URL { URL(fileURLWithPath: root) }
}
