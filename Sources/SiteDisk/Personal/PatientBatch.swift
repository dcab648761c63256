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
    }

    static let columns = ["id", "name", "date", "lang", "sessions"]
    static let chunkSize = 512

    /// Runs the batch. `displayPath` names the CSV in messages; `progress` is called with the running count.
    public static func run(csv: URL, displayPath: String, output: URL, timelines: PersonalTimelines,
                           progress: (Int) -> Void = { _ in }) throws(DiagnosticError) -> Report {
        func fail(_ message: String, line: Int = 0, hint: String? = nil) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: displayPath, line: line, message: message, hint: hint))
        }
        try CSVTextCheck.requireUTF8(csv, displayPath: displayPath)
        guard let stream = InputStream(url: csv), FileManager.default.isReadableFile(atPath: csv.path) else {
            throw fail("cannot open this file", hint: "check the path and that the file can be read")
        }
        let reader: CSVReader
        do { reader = try CSVReader(stream: stream, hasHeaderRow: false) } catch { throw fail("cannot read this file as CSV: \(error)") }
        var rows = RowReader(reader: reader)
        // The header is judged before the folder is made, so a file that cannot be used leaves nothing behind.
        let position = try columnPositions(of: rows.next(), fail: fail)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(file: output.path, message: "cannot create the output folder: \(error.localizedDescription)"))
        }
        FileSystem.removeAbandonedTemporaries(in: output.path)
        let startedEmpty = (try? FileManager.default.contentsOfDirectory(atPath: output.path))?.isEmpty ?? false
        let folder = output.path

        var report = Report(written: 0, problems: [])
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
            switch patient(from: row, position: position, timelines: timelines, seen: &seen, file: displayPath) {
            case .success(let patient):
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

    /// Where each known column is, from the header row; throws when the header is missing or wrong.
    private static func columnPositions(of header: RowReader.Row?,
                                        fail: (String, Int, String?) -> DiagnosticError) throws(DiagnosticError) -> [String: Int] {
        let expected = "the first line must be: id,name,date,lang,sessions"
        guard let header else { throw fail("the file is empty", 1, expected) }
        let names = header.fields.enumerated().map { index, name in
            (index == 0 ? name.replacingOccurrences(of: "\u{FEFF}", with: "") : name).trimmingSpaces.lowercased()
        }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard columns.contains(name) else {
                throw fail("unknown column '\(name)'", header.line, "the columns are: \(columns.joined(separator: ", ")) (id and date are required)")
            }
            guard position[name] == nil else { throw fail("the column '\(name)' appears twice", header.line, nil) }
            position[name] = index
        }
        guard position["id"] != nil, position["date"] != nil else { throw fail("the columns id and date are required", header.line, expected) }
        return position
    }

    private static func patient(from row: RowReader.Row, position: [String: Int], timelines: PersonalTimelines,
                                seen: inout [String: Int], file: String) -> Result<Patient, DiagnosticError> {
        func value(_ column: String) -> String? {
            guard let index = position[column], index < row.fields.count else { return nil }
            let field = row.fields[index]
            let text = (field.utf8.contains(13) ? field.replacingOccurrences(of: "\r\n", with: "\n") : field).trimmingSpaces
            return text.isEmpty ? nil : text
        }
        func problem(_ message: String, hint: String? = nil) -> Result<Patient, DiagnosticError> {
            .failure(DiagnosticError(Diagnostic(file: file, line: row.line, message: message, hint: hint)))
        }
        if let lineBreak = row.fields.firstIndex(where: { $0.contains(where: \.isNewline) }) {
            // Names never span lines; a field that does is a quote left open, and the rows it swallowed are lost.
            if row.fields[lineBreak].last?.isNewline == true {
                return problem("the quote opened on line \(row.line) is never closed, so every line from \(row.line) to the end of the file was read as one row and not used",
                               hint: "add the missing closing quote (\") in column \(lineBreak + 1) of line \(row.line)")
            }
            let last = row.line + row.lineCount - 1
            return problem("the quote opened on line \(row.line) is not closed until line \(last), so lines \(row.line)–\(last) were read as one row and not used",
                           hint: "add the missing closing quote (\") in column \(lineBreak + 1) of line \(row.line)")
        }
        if row.fields.count > position.count {
            return problem("this row has \(row.fields.count) fields but the header has \(position.count)", hint: "put text containing commas in double quotes")
        }
        guard let id = value("id") else { return problem("the id is missing") }
        guard Patient.isValidID(id) else {
            return problem("the id must be 1 to 64 letters, digits, '-' or '_'", hint: "ids name the output files, so they cannot contain spaces or slashes")
        }
        // Ids name files, and on some disks ann.html and ANN.html are one file.
        if let first = seen[id.lowercased()] {
            return problem("the id '\(id)' is already used on line \(first)", hint: "ids must differ by more than upper and lower case")
        }
        guard let dateText = value("date") else { return problem("the date is missing (id \(id))") }
        guard let date = CivilDate(iso: dateText) else {
            return problem("'\(dateText)' is not a valid date (id \(id))", hint: "write dates as YYYY-MM-DD, for example 2026-12-01")
        }
        guard date.isSupported else {
            return problem("the date \(dateText) is outside the supported range \(CivilDate.supportedRangeText) (id \(id))")
        }
        let language = value("lang")?.lowercased() ?? timelines.defaultLanguage
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
        seen[id.lowercased()] = row.line
        return .success(Patient(id: id, name: value("name"), procedure: date, language: language, sessions: sessions))
    }
}
