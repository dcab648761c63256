/// Collects diagnostics while a step keeps going, so that one run reports every problem.
struct DiagnosticLog: Sendable {
    private(set) var diagnostics: [Diagnostic] = []
    /// What is already in `diagnostics`: a problem in a block several pages include is reported once.
    private var reported: Set<Diagnostic> = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    mutating func add(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    mutating func add(contentsOf other: [Diagnostic]) {
        for diagnostic in other { add(diagnostic) }
    }

    /// Runs `body`, keeping its diagnostics if it throws a `DiagnosticError`; returns nil then.
    @discardableResult
    mutating func collect<T>(_ body: () throws(DiagnosticError) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Throws every diagnostic collected so far when any of them is an error.
    func throwIfErrors() throws(DiagnosticError) {
        if hasErrors { throw failure }
    }

    /// What a build that stops reports: errors and warnings, not notes of what it did (it did nothing).
    var failure: DiagnosticError {
        DiagnosticError(diagnostics.filter { $0.severity != .note })
    }

    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning }.sorted() }
    var notes: [Diagnostic] { diagnostics.filter { $0.severity == .note }.sorted() }
}
