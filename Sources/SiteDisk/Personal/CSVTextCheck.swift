import Foundation
import SiteGenerator

/// Reads a patients CSV once, before any row is used or any file written, to learn its encoding: UTF-8,
/// or Windows-1252 (what Excel's plain "CSV" writes in Western Europe), read with a warning. A file that is
/// neither (bytes Windows-1252 leaves undefined, or UTF-8 accents beside bytes that are not) is refused,
/// naming its lines.
///
/// CSV.swift stops decoding at the first invalid byte, so every later row would silently vanish. A UTF-8
/// file is streamed in blocks here and again by the reader, so memory stays flat however many patients it
/// lists; a Windows-1252 one is turned into UTF-8 in memory (a list of 10,000 patients is about half a megabyte).
package enum CSVTextCheck {
    /// At most this many lines are named; a file in the wrong encoding usually has many.
    static let reportedLines = 5

    /// What the one pass over the file learnt: its first line (the header, whose separator decides how rows are
    /// split), and the file in UTF-8 with a warning when it was Windows-1252 (nil when UTF-8: read it from the file).
    struct Text {
        var header: String
        var converted: (utf8: Data, warning: Diagnostic)?
    }

    static func text(of file: URL, displayPath: String) throws(DiagnosticError) -> Text {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw DiagnosticError(Diagnostic(file: displayPath, message: "cannot open this file", hint: "check the path and that the file can be read"))
        }
        defer { try? handle.close() }
        var lines = LineSplitter()
        var first = true
        while let block = try? handle.read(upToCount: 1 << 16), !block.isEmpty {
            defer { first = false }
            if first, let kind = workbook(startingWith: block) {
                throw DiagnosticError(Diagnostic(file: displayPath, message: "this is \(kind), not a CSV file",
                                                 hint: "open it and save it as CSV (in Excel: File › Save As › CSV UTF-8; in LibreOffice: "
                                                     + "File › Save As › Text CSV), then give that file; nothing was written"))
            }
            lines.feed(block)
        }
        lines.finish()
        // The header's names and separators are ASCII in either encoding.
        let header = String(decoding: lines.firstLine, as: UTF8.self)
        guard let firstBad = lines.badLines.first else { return Text(header: header) }
        if !lines.sawUTF8Accent, let bytes = try? Data(contentsOf: file), let text = String(data: bytes, encoding: .windowsCP1252) {
            let warning = Diagnostic.warning(file: displayPath, line: firstBad,
                                             "this file is not UTF-8, so it was read as Windows-1252 (the Western European encoding Excel uses for plain \"CSV\")",
                                             hint: "check the accented names on the handouts; saving as \"CSV UTF-8\" in Excel avoids the guess")
            return Text(header: header, converted: (Data(text.utf8), warning))
        }
        let hint = "save the file as \"CSV UTF-8\" (in Excel: File › Save As › CSV UTF-8); nothing was written"
        var problems = lines.badLines.prefix(reportedLines).map {
            Diagnostic(file: displayPath, line: $0, message: "this line is neither UTF-8 nor Windows-1252 text", hint: hint)
        }
        if lines.badLines.count > reportedLines {
            problems.append(Diagnostic(file: displayPath, line: lines.badLines[reportedLines],
                                       message: "\(lines.badLines.count - reportedLines) more lines are not UTF-8 text"))
        }
        throw DiagnosticError(problems)
    }

    /// What kind of document a file starting with `bytes` is, when it is a spreadsheet's own file rather than text.
    private static func workbook(startingWith bytes: Data) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a spreadsheet workbook (Excel .xlsx or LibreOffice .ods)" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return "an Excel workbook (.xls)" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF document" }
        return nil
    }

    /// The separator of a CSV whose first line is `header`: the one of `,` `;` and tab that splits it into
    /// known column names; else the one it holds most of (French Excel writes `;`, since `,` is its decimal mark).
    package static func separator(ofHeader header: Substring, columns: [String]) -> Unicode.Scalar {
        let candidates: [Unicode.Scalar] = [",", ";", "\t"]
        for candidate in candidates {
            let names = header.split(separator: Character(candidate), omittingEmptySubsequences: false)
                .map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespaces).lowercased() }
            if names.count > 1, names.allSatisfy({ columns.contains($0) || $0.isEmpty }) { return candidate }
        }
        return candidates.max { a, b in header.count(where: { $0 == Character(a) }) < header.count(where: { $0 == Character(b) }) } ?? ","
    }
}

/// Splits bytes into lines the way `RowReader` counts them (CR LF, LF or CR ends a line) and validates each.
private struct LineSplitter {
    private(set) var badLines: [Int] = []
    /// Whether a line held valid UTF-8 beyond ASCII: then bytes that are not UTF-8 are damage, not another encoding.
    private(set) var sawUTF8Accent = false
    /// The bytes of line 1.
    private(set) var firstLine: [UInt8] = []
    private var line = 1
    private var current: [UInt8] = []
    private var previousWasCR = false

    mutating func feed(_ block: Data) {
        for byte in block {
            if byte == UInt8(ascii: "\n"), previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { endLine() } else { current.append(byte) }
        }
    }

    mutating func finish() {
        if !current.isEmpty { endLine() }
    }

    private mutating func endLine() {
        if line == 1 { firstLine = current }
        if String(validating: current, as: UTF8.self) == nil { badLines.append(line) }
        if current.contains(where: { $0 >= 0x80 }),
           String(decoding: current, as: UTF8.self).unicodeScalars.contains(where: { $0.value >= 0x80 && $0 != "\u{FFFD}" }) {
            sawUTF8Accent = true
        }
        current.removeAll(keepingCapacity: true)
        line += 1
    }
}
