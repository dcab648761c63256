/// One problem found while building, pointing at the exact place a person must edit.
///
/// Its `description` is the `path:line:column: error: message` form that editors and terminals
/// recognise, followed by an indented hint when there is advice to give.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The build cannot produce a correct site; nothing is written.
        case error
        /// The site is still built, but somebody should look.
        case warning
    }

    /// The file, relative to the site root (for example `content/en/healing.md`).
    public var file: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// Whether this stops the build.
    public var severity: Severity
    /// What is wrong, in plain words.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// Creates a warning.
    public static func warning(file: String, line: Int = 0, column: Int = 0, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message, hint: hint)
    }

    /// The location as `file:line:column`, leaving out parts that are unknown.
    public var location: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

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

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a step keeps going, so that one run reports every problem.
struct DiagnosticLog: Sendable {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

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
}
