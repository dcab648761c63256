import Foundation
import RecoverySchedule
import SiteGenerator

/// A page's facts as a row of the record's `pages` table, one named column per fact.
enum PageRow {
    static let columns = "source, language, key, output, title, description, ord, reviewed, layout, procedure, menu_title, body_line, draft, anchors, warnings, blocks"

    static let schema = """
        CREATE TABLE pages (source TEXT PRIMARY KEY, language TEXT NOT NULL, key TEXT NOT NULL, output TEXT NOT NULL, title TEXT NOT NULL,
            description TEXT NOT NULL, ord INTEGER, reviewed TEXT, layout TEXT NOT NULL, procedure TEXT, menu_title TEXT NOT NULL,
            body_line INTEGER NOT NULL, draft INTEGER NOT NULL, anchors TEXT NOT NULL, warnings TEXT NOT NULL, blocks TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX pages_menu ON pages (language) WHERE ord IS NOT NULL;
        CREATE INDEX pages_output ON pages (output);
        CREATE INDEX pages_reviewed ON pages (reviewed) WHERE reviewed IS NOT NULL;
        """

    /// The facts in the current row (selected with `columns`); nil for a row that does not read back.
    static func facts(_ row: SQLite.Row) -> PageFacts? {
        guard let source = row.text(0), let language = row.text(1), let key = row.text(2), let output = row.text(3), let title = row.text(4),
              let description = row.text(5), let layout = row.text(8), let menuTitle = row.text(10), let bodyLine = row.integer(11),
              let draft = row.integer(12), let anchors = row.text(13), let warnings = row.text(14), let blocks = row.text(15) else { return nil }
        let page = Page(source: source, language: language, key: key, outputPath: output, title: title, description: description,
                        order: row.integer(6), reviewed: row.text(7).flatMap(CivilDate.init(iso:)), layout: layout, procedure: row.text(9),
                        menuTitle: menuTitle, bodyLine: bodyLine, draft: draft != 0)
        return PageFacts(page: page, anchors: anchors.isEmpty ? [] : anchors.components(separatedBy: "\n"),
                         warnings: warnings.isEmpty ? [] : Self.warnings(warnings) ?? [],
                         blocks: blocks.isEmpty ? [] : blocks.components(separatedBy: "\n"))
    }

    /// The values to insert for `facts`, in the order of `columns`.
    static func values(_ facts: PageFacts) -> [SQLite.Value?] {
        let page = facts.page
        return [.text(page.source), .text(page.language), .text(page.key), .text(page.outputPath), .text(page.title), .text(page.description),
                page.order.map { .integer($0) }, page.reviewed.map { .text($0.iso) }, .text(page.layout), page.procedure.map { .text($0) },
                .text(page.menuTitle), .integer(page.bodyLine), .integer(page.draft ? 1 : 0), .text(facts.anchors.joined(separator: "\n")),
                .text(facts.warnings.isEmpty ? "" : text(facts.warnings)), .text(facts.blocks.joined(separator: "\n"))]
    }

    /// Warnings as the record keeps them (JSON).
    static func text(_ warnings: [Diagnostic]) -> String {
        (try? JSONEncoder().encode(warnings)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    static func warnings(_ text: String) -> [Diagnostic]? {
        try? JSONDecoder().decode([Diagnostic].self, from: Data(text.utf8))
    }
}

/// One output file as the record keeps it, to tell whether the output folder is still as the build left it.
struct OutputEntry: Equatable, Sendable {
    var path: String
    var size: Int
    /// Modification time in nanoseconds.
    var modified: Int
}
