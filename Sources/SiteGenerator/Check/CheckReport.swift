/// Everything `clinicsite check` found.
public struct CheckReport: Sendable, Codable {
    /// One report per published page and language.
    public var pages: [PageCheck]
    /// Warnings of the build and of the checks, with their places.
    public var warnings: [Diagnostic]
    /// The placeholders left in procedures not published yet (`TODO(clinic)`), one error each.
    public var placeholders: [Diagnostic] = []
    /// Each translated page, block and interface text against its source (`clinicsite translated` records them).
    public var translations: [TranslationReport] = []
}
