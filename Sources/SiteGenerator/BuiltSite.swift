/// A finished build: every output file, and the warnings found on the way.
public struct BuiltSite: Sendable {
    /// The files of `public/`, sorted by path.
    public var files: [OutputFile]
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// The number of content pages written, all languages together.
    public var pageCount: Int
}
