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
        /// What the build did that its user should know of (metadata left out of a photo): nothing to fix.
        case note
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
    /// What kind of problem this is.
    public var code: DiagnosticCode

    /// Creates a diagnostic.
    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String, hint: String? = nil,
                code: DiagnosticCode = .general) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
        self.code = code
    }

    /// Creates a warning.
    public static func warning(file: String, line: Int = 0, column: Int = 0, _ message: String, hint: String? = nil,
                               code: DiagnosticCode = .general) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message, hint: hint, code: code)
    }

    private enum CodingKeys: String, CodingKey {
        case file, line, column, severity, message, hint, code
    }

    /// Decodes a diagnostic; one saved before codes existed gets `.general`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        line = try container.decode(Int.self, forKey: .line)
        column = try container.decode(Int.self, forKey: .column)
        severity = try container.decode(Severity.self, forKey: .severity)
        message = try container.decode(String.self, forKey: .message)
        hint = try container.decodeIfPresent(String.self, forKey: .hint)
        code = try container.decodeIfPresent(DiagnosticCode.self, forKey: .code) ?? .general
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

    /// `file:line:column: severity: message`, then the hint on its own indented line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    /// By file, line, column, then message: the order problems are reported in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}
