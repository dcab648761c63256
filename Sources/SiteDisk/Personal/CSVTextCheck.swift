import Foundation
import SiteGenerator

/// Reads a patients CSV once, before any row is used or any file written, and refuses it when a line is
/// not UTF-8 text.
///
/// CSV.swift stops decoding at the first invalid byte, so every later row would silently vanish; a file
/// saved in a legacy encoding (Excel's "CSV" rather than "CSV UTF-8") would also print names wrongly.
/// The file is streamed in blocks, so memory stays flat however many patients it lists.
enum CSVTextCheck {
    /// At most this many lines are named; a file in the wrong encoding usually has many.
    static let reportedLines = 5

    /// Throws one diagnostic per bad line (the first few), or nothing when the file is UTF-8 throughout.
    static func requireUTF8(_ file: URL, displayPath: String) throws(DiagnosticError) {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw DiagnosticError(Diagnostic(file: displayPath, message: "cannot open this file", hint: "check the path and that the file can be read"))
        }
        defer { try? handle.close() }
        var lines = LineSplitter()
        while let block = try? handle.read(upToCount: 1 << 16), !block.isEmpty {
            lines.feed(block)
        }
        lines.finish()
        guard !lines.badLines.isEmpty else { return }
        let hint = "save the file as \"CSV UTF-8\" (in Excel: File › Save As › CSV UTF-8); nothing was written"
        var problems = lines.badLines.prefix(reportedLines).map {
            Diagnostic(file: displayPath, line: $0, message: "this line is not UTF-8 text", hint: hint)
        }
        if lines.badLines.count > reportedLines {
            problems.append(Diagnostic(file: displayPath, line: lines.badLines[reportedLines],
                                       message: "\(lines.badLines.count - reportedLines) more lines are not UTF-8 text"))
        }
        throw DiagnosticError(problems)
    }
}

/// Splits bytes into lines the way `RowReader` counts them (CR LF, LF or CR ends a line) and validates each.
private struct LineSplitter {
    private(set) var badLines: [Int] = []
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
        if String(validating: current, as: UTF8.self) == nil { badLines.append(line) }
        current.removeAll(keepingCapacity: true)
        line += 1
    }
}
