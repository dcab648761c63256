import Foundation

/// The inputs every output may depend on: every file outside the language folders of `content/` (settings,
/// rules, templates, strings, typography, the template assets), the options and the executable. Outputs do
/// not record reading them: when their fingerprint changes, nothing of the last build is reused.
package enum SharedInputs {
    /// Format of what a build records; a new one means nothing recorded before is reused.
    static let version = "clinicsite-build-record-1"

    /// `withheld`: the procedures left out for their placeholders, when the caller has them (else found here).
    package static func fingerprint(of sources: SiteSources, options: BuildOptions, withheld: [String: [Diagnostic]]? = nil) -> Fingerprint {
        var text = "\(version)\u{0}\(options.tool)\u{0}\(options.baseURL ?? "-")\u{0}"
        text += options.outputNames + "\u{0}"
        for path in sources.files.keys.filter({ !SiteSources.isContentFile($0) }).sorted() {
            text += "\(path)\u{0}\(Fingerprint(of: sources.files[path]!))\u{0}"
        }
        // A procedure left out for its placeholders, or published once the last one went, changes what every page shows.
        text += "withheld\u{0}" + (withheld ?? Placeholders.withheld(sources)).keys.sorted().joined(separator: "\u{0}")
        return Fingerprint(text: text)
    }
}
