/// A finished build: the output files it made, those of the last build it removed, and the warnings.
public struct BuiltSite: Sendable {
    /// The files made, sorted by path: all of the site's when nothing was recorded, else those whose reads changed. Files
    /// given to `BuildOptions.made` as they were made are listed by path, with no bytes.
    public var files: [OutputFile]
    /// Output paths of the last build that are no longer made; empty when nothing was recorded.
    public var removed: [String]
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// What the build did that its user should know of (what it left out of a photo).
    public var notes: [Diagnostic] = []
    /// The placeholders that kept a procedure out of the site (`TODO(clinic)`), one error each; the rest was built.
    public var withheld: [Diagnostic] = []
    /// The number of content pages published, all languages together.
    public var pageCount: Int
    /// The pages laid out.
    public var laidOut: Int
    /// What the next build needs to know of this one.
    package var record: RecordChanges
}

/// What a build adds to the record of the last one (`PreviousBuild`), or the whole record when `startsOver`.
package struct RecordChanges: Sendable {
    /// Whether the last build's record was not used: everything below replaces it.
    package var startsOver: Bool
    /// The fingerprint of the inputs every output shares.
    package var shared: Fingerprint
    /// The pages read in this build, drafts included.
    package var pages: [PageFacts]
    /// Sources of pages the record must forget.
    package var removedPages: [String]
    /// What each output made read (`TraceText`) and its own warnings, in the order of the paths (rows in key order are the
    /// cheapest to add to the record's tables).
    package var traces: [(path: String, trace: String, warnings: [Diagnostic])]
    /// How many pages are published.
    package var publishedCount: Int
}
