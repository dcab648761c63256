import ArgumentParser
import Foundation
import SiteDisk
import SiteGenerator

/// Reads a JSON array of Markdown texts on standard input and writes a JSON array of HTML: the site's own
/// Markdown step, for the CommonMark spec check in `scripts/verify`. Not shown in help.
struct RenderMarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-markdown",
        abstract: "Render a JSON array of Markdown texts (standard input) to a JSON array of HTML.",
        shouldDisplay: false
    )

    @Flag(name: .customLong("allow-raw-html"), help: "Pass raw HTML through.")
    var allowRawHTML = false

    @Flag(name: .customLong("no-smart"), help: "Turn smart punctuation off.")
    var noSmart = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let texts = try? JSONDecoder().decode([String].self, from: input) else {
            throw ValidationError("standard input must be a JSON array of strings")
        }
        let html = texts.map { Markdown.html($0, smart: !noSmart, allowRawHTML: allowRawHTML) }
        FileHandle.standardOutput.write(try JSONEncoder().encode(html))
    }
}
