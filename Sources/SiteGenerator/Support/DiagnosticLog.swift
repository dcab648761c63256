/// Collects diagnostics while a step keeps going, so that one run reports every problem.
struct DiagnosticLog: Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    mutating func add(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

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
        if hasErrors { throw DiagnosticError(diagnostics) }
    }

    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning }.sorted() }
    var notes: [Diagnostic] { diagnostics.filter { $0.severity == .note }.sorted() }
}
