import SiteGenerator
import CSV
import Foundation
import RecoverySchedule

/// Writes `ID.html` and `ID.ics` for every row of a patients CSV (`id,name,date,lang,sessions`).
///
/// The file is streamed in chunks, so memory does not grow with the number of patients; each chunk is
/// rendered on all cores. A bad row is reported as `FILE.csv:LINE: error: …` and skipped; every other
/// row is still written. Names never appear in file names or messages.
public enum PatientBatch {
    /// What a batch did.
    public struct Report: Sendable {
        /// Patients whose files were written.
        public var written: Int
        /// One error per bad row (or for the file itself).
        public var problems: [Diagnostic]
        /// What was read but may need a look (a file read as Windows-1252).
        public var warnings: [Diagnostic] = []
    }

    package static let columns = ["id", "name", "date", "lang", "sessions", "procedure"]
    /// The column names a French clinic writes, read as the English ones (accents optional, any case).
    static let frenchColumns = ["nom": "name", "langue": "lang", "séances": "sessions", "seances": "sessions",
                                "soin": "procedure", "procédure": "procedure"]
    /// Languages written out by name in a list (`Français`, `anglais`), read as their codes.
    static let languageNames = ["english": "en", "anglais": "en", "french": "fr", "français": "fr", "francais": "fr"]
    /// Every header name read, English and French.
    static let knownNames = columns + frenchColumns.keys.sorted()
    static let chunkSize = 512

    /// Runs the batch. `displayPath` names the CSV in messages; a row whose date lies outside `window` (when
    /// given) is refused as a likely typo; `progress` is called with the running count.
    public static func run(csv: URL, displayPath: String, output: URL, timelines: PersonalTimelines, window: DateWindow? = nil,
                           progress: (Int) -> Void = { _ in }) throws(DiagnosticError) -> Report {
        func fail(_ message: String, line: Int = 0, hint: String? = nil) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: displayPath, line: line, message: message, hint: hint))
        }
        let (reader, separator, converted) = try openReader(csv, displayPath: displayPath, fail: fail)
        var rows = RowReader(reader: reader)
        // The header is judged before the folder is made, so a file that cannot be used leaves nothing behind.
        let header = try columnPositions(of: rows.next(), fail: fail)
        let table = Table(position: header.position, width: header.width, separator: Character(separator), dates: timelines.patientDates,
                          window: window)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(file: output.path, message: "cannot create the output folder: \(error.localizedDescription)"))
        }
        FileSystem.removeAbandonedTemporaries(in: output.path)
        let startedEmpty = (try? FileManager.default.contentsOfDirectory(atPath: output.path))?.isEmpty ?? false
        let folder = output.path

        var report = Report(written: 0, problems: [], warnings: converted.map { [$0.warning] } ?? [])
        var seen: [String: Int] = [:]
        var chunk: [Patient] = []
        let writer = BatchWriter(folder: folder, mayExist: !startedEmpty, output: output.path, printAllParts: timelines.printAllParts)
        var queued = 0
        func flush() {
            // Rendering runs on all cores while the previous chunk is being written.
            let pages = chunk.parallelMap { ($0.id ?? "patient", timelines.render($0, as: .html), timelines.render($0, as: .ics)) }
            writer.enqueue(pages)
            queued += pages.count
            progress(queued)
            chunk.removeAll(keepingCapacity: true)
        }
        while let row = rows.next() {
            if row.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            switch patient(from: row, table: table, timelines: timelines, seen: &seen, file: displayPath) {
            case .success(let patient):
                if let closed = timelines.closedDayProblem(patient.procedure) {
                    report.warnings.append(.warning(file: displayPath, line: row.line, "the date \(closed) (id \(patient.id ?? ""))",
                                                    hint: PersonalTimelines.closedDayHint))
                }
                chunk.append(patient)
                if chunk.count == chunkSize { flush() }
            case .failure(let error):
                report.problems += error.diagnostics
            }
        }
        flush()
        let written = writer.finish()
        report.written = written.count
        report.problems += written.problems
        // CSV.swift records cannotReadFile whenever it reaches the end of a stream; only other errors matter.
        if let error = reader.error, !(error is CSVError && "\(error)" == "\(CSVError.cannotReadFile)") {
            report.problems.append(Diagnostic(file: displayPath, line: rows.line, message: "the file could not be read to the end: \(error)",
                                              hint: "save it as UTF-8 CSV"))
        }
        return report
    }

    /// A reader of the file's rows in UTF-8, the separator its header uses, and the file converted from Windows-1252 (nil when UTF-8).
    private static func openReader(_ csv: URL, displayPath: String, fail: (String, Int, String?) -> DiagnosticError)
        throws(DiagnosticError) -> (CSVReader, Unicode.Scalar, (utf8: Data, warning: Diagnostic)?) {
        let text = try CSVTextCheck.text(of: csv, displayPath: displayPath)
        let (converted, separator) = (text.converted, CSVTextCheck.separator(ofHeader: text.header[...], columns: knownNames))
        guard let stream = converted.map({ InputStream(data: $0.utf8) }) ?? InputStream(url: csv),
              FileManager.default.isReadableFile(atPath: csv.path) else {
            throw fail("cannot open this file", 0, "check the path and that the file can be read")
        }
        do {
            return (try CSVReader(stream: stream, hasHeaderRow: false, delimiter: separator), separator, converted)
        } catch {
            throw fail("cannot read this file as CSV: \(error)", 0, nil)
        }
    }

    /// What the header says of every row: where each known column is, how many fields a row has, the separator
    /// and how dates are written.
    struct Table {
        var position: [String: Int]
        var width: Int
        var separator: Character
        var dates: PatientDateFormat
        var window: DateWindow?
    }

    /// Where each known column is and how many fields a row has (empty names at the end of the header, which
    /// Excel writes for formatted empty columns, count but are not read); throws when the header is missing or wrong.
    private static func columnPositions(of header: RowReader.Row?,
                                        fail: (String, Int, String?) -> DiagnosticError) throws(DiagnosticError) -> (position: [String: Int], width: Int) {
        let expected = "the first line must be: id,name,date,lang,sessions"
        guard let header else { throw fail("the file is empty", 1, expected) }
        var names = header.fields.enumerated().map { index, name in
            let written = (index == 0 ? name.replacingOccurrences(of: "\u{FEFF}", with: "") : name).trimmingSpaces.lowercased()
            return frenchColumns[written] ?? written
        }
        while names.count > 1, names.last?.isEmpty == true { names.removeLast() }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard columns.contains(name) else {
                throw fail(name.isEmpty ? "column \(index + 1) of the header has no name" : "unknown column '\(name)'", header.line,
                           "the columns are: \(columns.joined(separator: ", ")) (id and date are required; in French: id, nom, date, langue, séances, soin)")
            }
            guard position[name] == nil else { throw fail("the column '\(name)' appears twice", header.line, nil) }
            position[name] = index
        }
        guard position["id"] != nil, position["date"] != nil else { throw fail("the columns id and date are required", header.line, expected) }
        return (position, header.fields.count)
    }

    private static func patient(from row: RowReader.Row, table: Table, timelines: PersonalTimelines,
                                seen: inout [String: Int], file: String) -> Result<Patient, DiagnosticError> {
        func value(_ column: String) -> String? {
            guard let index = table.position[column], index < row.fields.count else { return nil }
            let field = row.fields[index]
            let text = (field.utf8.contains(13) ? field.replacingOccurrences(of: "\r\n", with: "\n") : field).trimmingSpaces
            return text.isEmpty ? nil : text
        }
        func problem(_ message: String, hint: String? = nil) -> Result<Patient, DiagnosticError> {
            .failure(DiagnosticError(Diagnostic(file: file, line: row.line, message: message, hint: hint)))
        }
        if let (message, hint) = shapeProblem(of: row, table: table) { return problem(message, hint: hint) }
        guard let id = value("id") else { return problem("the id is missing") }
        guard Patient.isValidID(id) else {
            return problem("the id must be 1 to 64 letters, digits, '-' or '_'", hint: "ids name the output files, so they cannot contain spaces or slashes")
        }
        // Ids name files, and on some disks ann.html and ANN.html are one file.
        if let first = seen[id.lowercased()] {
            return problem("the id '\(id)' is already used on line \(first)", hint: "ids must differ by more than upper and lower case")
        }
        guard let dateText = value("date") else { return problem("the date is missing (id \(id))") }
        guard let date = table.dates.date(dateText) else {
            if table.dates == .iso, PatientDateFormat.looksDayOrMonthFirst(dateText) {
                return problem("'\(dateText)' could be day/month or month/day, and clinicsite cannot tell which (id \(id))",
                               hint: "add patient_dates: DD/MM/YYYY (or MM/DD/YYYY) to \(Settings.path), or write dates as YYYY-MM-DD")
            }
            return problem("'\(dateText)' is not a valid date (id \(id))",
                           hint: table.dates == .iso ? "write dates as YYYY-MM-DD, for example 2026-12-01"
                                                     : "write dates as \(table.dates.rawValue) (patient_dates in \(Settings.path)) or as YYYY-MM-DD")
        }
        guard date.isSupported else {
            return problem("the date \(dateText) is outside the supported range \(CivilDate.supportedRangeText) (id \(id))")
        }
        if let unusual = table.window?.problem(with: date) { return problem("the date \(unusual) (id \(id))", hint: DateWindow.hint) }
        let written = value("lang")?.lowercased()
        let language = written.map { languageNames[$0] ?? $0 } ?? timelines.defaultLanguage
        guard timelines.languages.contains(language) else {
            return problem("unknown language '\(language)' (id \(id))", hint: "use one of: \(timelines.languages.joined(separator: ", "))")
        }
        var sessions = 1
        if let text = value("sessions") {
            guard let number = Int(text), (1...Timeline.maximumSessions).contains(number) else {
                return problem("sessions must be a whole number from 1 to \(Timeline.maximumSessions), found '\(text)' (id \(id))")
            }
            sessions = number
        }
        let procedure: String
        switch timelines.procedure(for: value("procedure")) {
        case .success(let slug): procedure = slug
        case .failure(let reason): return problem("\(reason.message) (id \(id))", hint: reason.hint)
        }
        seen[id.lowercased()] = row.line
        return .success(Patient(id: id, name: value("name"), procedure: date, language: language, sessions: sessions, procedureName: procedure))
    }

    /// What is wrong with a row's fields as a whole: a quote left open (it swallowed the rows after it), a line
    /// break inside a closed quote, more fields than the header; nil when nothing is.
    private static func shapeProblem(of row: RowReader.Row, table: Table) -> (message: String, hint: String)? {
        let separator = table.separator == "\t" ? "tab" : "'\(table.separator)'"
        if let column = row.fields.firstIndex(where: { $0.contains(where: \.isNewline) }) {
            let field = row.fields[column]
            let last = row.line + row.lineCount - 1
            let missing = "add the missing closing quote (\") in column \(column + 1) of line \(row.line)"
            if field.last?.isNewline == true {
                return ("the quote opened on line \(row.line) is never closed, so every line from \(row.line) to the end of the file was read as one row and not used", missing)
            }
            // A quote left open takes in the rest of its row, separators and all; a name with a line break in it does not.
            let lines = field.split(whereSeparator: \.isNewline).map { $0.count(where: { $0 == table.separator }) }
            let rowsInside = lines.dropFirst().dropLast().contains { $0 >= table.width - 1 }
            if rowsInside || (column < table.width - 1 && (lines.first ?? 0) >= table.width - column - 1) {
                return ("the quote opened on line \(row.line) is not closed until line \(last), so lines \(row.line)–\(last) were read as one row and not used", missing)
            }
            return ("column \(column + 1) holds a line break inside its quotes, so this row runs from line \(row.line) to line \(last); names and the other values must each fit on one line",
                    "join the value into one line (in Excel, a line break inside a cell is typed with Alt+Enter: delete it)")
        }
        guard row.fields.count > table.width else { return nil }
        if row.fields[table.width...].allSatisfy({ $0.trimmingSpaces.isEmpty }) {
            return ("this row ends with \(row.fields.count - table.width) \(separator) more than the header has",
                    "remove the \(separator) at the end of line \(row.line), or add the same at the end of the header")
        }
        return ("this row has \(row.fields.count) fields but the header has \(table.width)",
                "put text containing \(separator == "tab" ? "a tab" : separator) in double quotes")
    }
}
