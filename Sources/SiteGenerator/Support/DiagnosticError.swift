/// Thrown when a step found one or more errors; carries all of them so a build reports everything at once.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, errors and warnings, sorted by file and line.
    public var diagnostics: [Diagnostic]

    /// Wraps a list of diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    /// Wraps a single diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Each problem as `file:line: severity: message`, one per line (with its hint below it).
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
