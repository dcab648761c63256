import SiteGenerator
import CSV

/// Rows of a CSV with the file line each starts on, counting line breaks inside quoted fields.
struct RowReader {
    struct Row {
        var fields: [String]
        var line: Int
        /// How many lines of the file the row covers (more than one when a quoted field holds line breaks).
        var lineCount: Int
    }

    let reader: CSVReader
    /// The line the next row starts on.
    private(set) var line = 1

    init(reader: CSVReader) {
        self.reader = reader
    }

    mutating func next() -> Row? {
        guard let fields = reader.next() else { return nil }
        var breaks = 1
        for field in fields {
            var previousWasCR = false
            for scalar in field.unicodeScalars {
                if scalar == "\n" { if !previousWasCR { breaks += 1 } } else if scalar == "\r" { breaks += 1 }
                previousWasCR = scalar == "\r"
            }
        }
        defer { line += breaks }
        return Row(fields: fields, line: line, lineCount: breaks)
    }
}
