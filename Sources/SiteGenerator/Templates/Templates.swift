import Foundation
import Mustache

/// The Mustache templates of `templates/`, each parsed once, checked, and ready to render from many threads.
///
/// `{{name}}` escapes HTML; only values the generator itself produced as HTML (the rendered Markdown)
/// are inserted with `{{{name}}}`. swift-mustache renders a missing partial as nothing, so partial
/// names are checked here, where a mistake can still be reported with its line.
struct Templates: Sendable {
    private let library: MustacheLibrary
    /// Template names (file names without `.mustache`).
    let names: Set<String>
    /// Whether some template applies a transform, such as `{{lowercased(title)}}`, or names a partial by
    /// a value (`{{>*name}}`): those need the real values rather than `LayoutSlots` markers.
    let transformsValues: Bool
    /// The `id="…"` values written literally in the templates, which headings must not take.
    let reservedIDs: Set<String>

    static let folder = "templates/"

    /// Put before every template on a line of its own (a standalone tag, so it leaves no trace in the
    /// output): values are escaped by `XMLText`, byte by byte, instead of swift-mustache's default escaper.
    private static let escapingPragma: String = {
        MustacheContentTypes.register(EscapedHTML(), named: "CLINICSITE_HTML")
        return "{{% CONTENT_TYPE: CLINICSITE_HTML }}\n"
    }()
    /// Lines added before each template's own first line; subtracted from reported line numbers.
    private static let pragmaLines = 1
    /// Templates every site needs.
    static let required = ["page", "root", "404"]

    init(sources: SiteSources) throws(DiagnosticError) {
        var library = MustacheLibrary()
        var names = Set<String>()
        var log = DiagnosticLog()
        var texts: [String: String] = [:]
        for path in sources.paths(under: Self.folder) where path.hasSuffix(".mustache") {
            // Partials in templates/partials/ are named by file name alone: Mustache tag names cannot hold '/'.
            let name = String(path.split(separator: "/").last!.dropLast(".mustache".count))
            if names.contains(name) {
                log.add(Diagnostic(file: path, message: "another template is also called '\(name)'", hint: "rename one of them"))
                continue
            }
            guard let text = log.collect({ () throws(DiagnosticError) in try sources.text(path) }) else { continue }
            do {
                try library.register(Self.escapingPragma + text, named: name)
                names.insert(name)
                texts[path] = text
            } catch let error as MustacheTemplate.ParserError {
                log.add(Diagnostic(file: path, line: max(1, error.context.lineNumber - Self.pragmaLines), column: error.context.columnNumber,
                                   message: "template error: \(Self.explain(error.error))",
                                   hint: error.context.line.trimmingSpaces.isEmpty ? nil : "the line reads: \(error.context.line.trimmingSpaces)"))
            } catch {
                log.add(Diagnostic(file: path, line: 1, message: "template error: \(error)"))
            }
        }
        for name in Self.required where !names.contains(name) && !log.hasErrors {
            log.add(Diagnostic(file: "\(Self.folder)\(name).mustache", message: "this template is missing",
                               hint: "every site needs \(Self.required.map { "\($0).mustache" }.joined(separator: ", ")) in templates/"))
        }
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            for (partial, line) in Self.partialReferences(in: text) where !names.contains(partial) {
                log.add(Diagnostic(file: path, line: line, message: "the partial '\(partial)' does not exist",
                                   hint: "create templates/\(partial).mustache or correct the name"))
            }
        }
        try log.throwIfErrors()
        self.library = library
        self.names = names
        reservedIDs = Set(texts.values.flatMap { text in
            text.matches(of: /id="([A-Za-z0-9_-]+)"/).map { String($0.output.1) }
        })
        transformsValues = texts.values.contains { text in
            // Any "(" or "*" inside a tag counts; a template that sets other delimiters is not scanned, and counts too.
            text.contains("{{=") || text.split(separator: "{{", omittingEmptySubsequences: false).dropFirst().contains { tag in
                let inside = tag.prefix { $0 != "}" }
                return inside.contains("(") || inside.contains("*")
            }
        }
    }

    /// Renders template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// `{{> name}}` tags and their lines; a light scan, because swift-mustache keeps its tokens private.
    static func partialReferences(in text: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") ?? rest.range(of: "{{<") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                result.append((String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces, index + 1))
                rest = rest[close.upperBound...]
            }
        }
        return result
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with ({{#a}} ... {{/a}})"
        case .unfinishedName: return "a tag is not closed; every {{ needs a matching }}"
        case .expectedSectionEnd: return "a section is opened but never closed; add the matching {{/name}}"
        case .invalidSetDelimiter: return "the set-delimiter tag is badly formed"
        default: return "\(error)"
        }
    }
}

/// HTML escaping for template values, through `XMLText`.
private struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { XMLText.escape(text) }
}
