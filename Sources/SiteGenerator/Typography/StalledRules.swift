import Synchronization

/// The typography rules stopped during a build for searching one text longer than `Typography.budget`,
/// shared by every thread that typesets. Each is reported once, at its line, with the page whose text
/// stopped it, and is not tried again in that build.
final class StalledRules: Sendable {
    private let stopped = Mutex<[Int: String]>([:])

    /// Whether no rule was stopped.
    var isEmpty: Bool { stopped.withLock { $0.isEmpty } }

    /// Whether rule `index` was stopped already.
    func has(_ index: Int) -> Bool {
        stopped.withLock { $0[index] != nil }
    }

    func record(_ index: Int, text: String) {
        stopped.withLock { if $0[index] == nil { $0[index] = text } }
    }

    /// The errors of every language's stopped rules, in the order of the languages.
    static func diagnostics(_ typographies: [String: Typography], sources: SiteSources) -> [Diagnostic] {
        typographies.sorted { $0.key < $1.key }.flatMap { diagnostics($0.value, file: TypographyFile.path($0.key), sources: sources) }
    }

    /// One error per stopped rule of `typography`, read from `file`: its line, and the page (among `sources`)
    /// holding the start of the text it was stopped on, or that text itself.
    static func diagnostics(_ typography: Typography, file: String, sources: SiteSources) -> [Diagnostic] {
        typography.stalls.stopped.withLock { $0 }.sorted { $0.key < $1.key }.map { index, text in
            let rule = typography.rules[index]
            let sample = String(text.prefix(40))
            let page = sources.files.keys.sorted().first { path in
                path.hasPrefix("content/") && path.hasSuffix(".md") && (sources.files[path].map { String(decoding: $0, as: UTF8.self).contains(sample) } ?? false)
            }
            let place = page.map { "on a text of \($0)" } ?? "on the text \"\(sample)…\""
            return Diagnostic(file: file, line: rule.line, message: "the rule '\(rule.name)' took more than \(Typography.budget) \(place), so it was stopped",
                              hint: "a pattern that tries many ways to match (a repeat inside a repeat, or next to a like one) is slow on some text: simplify it")
        }
    }
}
