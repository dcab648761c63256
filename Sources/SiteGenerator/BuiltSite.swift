/// A finished build: every output file, and the warnings found on the way.
public struct BuiltSite: Sendable {
    /// The files made, sorted by path: all of the site's for a full build, only those that may have changed for a rebuild.
    public var files: [OutputFile]
    /// Output paths a rebuild did not make again because their bytes cannot have changed; empty for a full build.
    public var keptPaths: [String]
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// The number of content pages written, all languages together.
    public var pageCount: Int
    /// What the next build may reuse (the disk layer adds each file's stamp).
    public var cache: BuildCache
    /// The pages laid out: all published pages in a full build, fewer in a rebuild.
    public var laidOut: Int
}
