import RecoverySchedule
import Yams

/// What a translated page (or shared block) was translated from, written by `clinicsite translated` into
/// `content/translations/` beside the site's sources, never published: the source page's sections, each with
/// its fingerprint and its text as it was, so `check` can show what changed since without any version control.
package struct TranslationRecord: Sendable, Equatable {
    /// The translated file (`content/fr/healing.md`) and the file it translates (`content/en/healing.md`).
    var translation: String
    var source: String
    /// The day it was recorded.
    var recorded: CivilDate
    /// The fingerprints of both files when recorded: a source with the same bytes has not changed at all.
    var sourcePrint: Fingerprint
    var translationPrint: Fingerprint
    var sections: [TextSections.Section]

    /// What a record says before its sections: enough to tell that its source has not changed.
    package struct Header: Sendable, Equatable {
        package var recorded: CivilDate
        package var sourcePrint: Fingerprint
        package var translationPrint: Fingerprint
    }

    var header: Header { Header(recorded: recorded, sourcePrint: sourcePrint, translationPrint: translationPrint) }

    /// The header read from the record's first lines as `yaml` writes them, without composing any YAML: nil when
    /// they are not so (then the whole record is read). Speed only: a build reads every translation's record, and
    /// its source has mostly not changed (measured in docs/benchmarks.md; `TextSectionsTests` checks it agrees with
    /// `init(text:file:)`).
    static func header(scanning text: String) -> Header? {
        var values: [Substring: Substring] = [:]
        // Line by line over the bytes, and only up to the sections: most of the record is never looked at.
        var start = text.startIndex
        while start < text.endIndex {
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[start..<end]
            start = end < text.endIndex ? text.utf8.index(after: end) : end
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("sections:") { break }
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            var value = line[line.utf8.index(after: colon)...].drop { $0 == " " }
            if let quote = value.first, quote == "'" || quote == "\"", value.count >= 2, value.last == quote { value = value.dropFirst().dropLast() }
            values[line[..<colon]] = value
        }
        guard let date = values["recorded"].flatMap({ CivilDate(iso: String($0)) }), let source = values["source_print"].flatMap({ Fingerprint(hex: $0) }),
              let translation = values["translation_print"].flatMap({ Fingerprint(hex: $0) }) else { return nil }
        return Header(recorded: date, sourcePrint: source, translationPrint: translation)
    }

    /// The folder of every record.
    package static let folder = "content/translations/"

    /// Where the record of the translated file at `path` (`content/fr/healing.md`) lives:
    /// `content/translations/fr/healing.md.yml`.
    static func path(for translation: String) -> String {
        folder + translation.dropFirst("content/".count) + ".yml"
    }

    /// The translated file a record at `path` is about, for a record of a page or block; nil for anything else.
    package static func translation(ofRecord path: String) -> String? {
        guard path.hasPrefix(folder), path.hasSuffix(".md.yml") else { return nil }
        return "content/" + path.dropFirst(folder.count).dropLast(".yml".count)
    }

    /// Reads a record; problems name the record's file and line.
    init(text: String, file: String) throws(DiagnosticError) {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw DiagnosticError(Diagnostic(file: file, line: 1, message: "this translation record is empty",
                                             hint: "remove it, check the translation, then run clinicsite translated again"))
        }
        var fields: [String: YAMLValue] = [:]
        for (key, value) in try root.mapping(named: "a translation record", allowed: Self.keys) { fields[key] = value }
        func field(_ key: String) throws(DiagnosticError) -> YAMLValue {
            guard let value = fields[key] else { throw root.error("this translation record has no \(key)", hint: Self.rewrite) }
            return value
        }
        func fingerprint(_ key: String) throws(DiagnosticError) -> Fingerprint {
            let value = try field(key)
            guard let found = Fingerprint(hex: try value.string(named: key)) else { throw value.error("\(key) is not a fingerprint", hint: Self.rewrite) }
            return found
        }
        translation = try field("translation").string(named: "translation")
        source = try field("source").string(named: "source")
        recorded = try field("recorded").date(named: "recorded")
        sourcePrint = try fingerprint("source_print")
        translationPrint = try fingerprint("translation_print")
        sections = []
        for item in try field("sections").sequence(named: "sections") {
            var parts: [String: YAMLValue] = [:]
            for (key, value) in try item.mapping(named: "a section", allowed: ["heading", "line", "text"]) { parts[key] = value }
            guard let heading = parts["heading"], let text = parts["text"] else { throw item.error("a section needs a heading and a text", hint: Self.rewrite) }
            sections.append(TextSections.Section(heading: try heading.string(named: "heading"), text: try text.string(named: "text"),
                                                  line: try parts["line"]?.int(named: "line") ?? 1))
        }
    }

    init(translation: String, source: String, recorded: CivilDate, sourcePrint: Fingerprint, translationPrint: Fingerprint,
         sections: [TextSections.Section]) {
        (self.translation, self.source, self.recorded) = (translation, source, recorded)
        (self.sourcePrint, self.translationPrint, self.sections) = (sourcePrint, translationPrint, sections)
    }

    private static let keys = ["translation", "source", "recorded", "source_print", "translation_print", "sections"]
    private static let rewrite = "this file is written by clinicsite translated: remove it and run that command again"

    /// The record as YAML, texts as literal blocks so the file reads like the page it keeps.
    var yaml: String {
        let sectionNodes = sections.map { section in
            Node.mapping(Node.Mapping([("heading", Node(section.heading)), ("line", Node(String(section.line))),
                                       ("text", Node.scalar(Node.Scalar(section.text, .implicit, .literal)))]))
        }
        let root = Node.mapping(Node.Mapping([
            ("translation", Node(translation)), ("source", Node(source)), ("recorded", Node(recorded.iso)),
            ("source_print", Node(sourcePrint.description)), ("translation_print", Node(translationPrint.description)),
            ("sections", Node.sequence(Node.Sequence(sectionNodes))),
        ]))
        let body = (try? Yams.serialize(node: root, width: -1, allowUnicode: true)) ?? ""
        return "# What \(translation) was translated from, recorded by `clinicsite translated`: `clinicsite check` compares\n"
            + "# \(source) with it. Written by that command; not published.\n" + body
    }
}
