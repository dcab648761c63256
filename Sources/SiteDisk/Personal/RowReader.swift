import SiteGenerator
import CSV

/// Rows of a CSV with the file line each starts on, counting line breaks inside quoted fields.
struct RowReader {
    struct Row {
        var fields: [String]
        var line: Int
    }

    let reader: CSVReader
    /// The line the next row starts on.
    private(set) var line = 1

    init(reader: CSVReader) {
        self.reader = reader
    }

    mutating func next() -> Row? {
        guard let fields = reader.next() else { return nil }
        let row = Row(fields: fields, line: line)
        var breaks = 1
        for field in fields {
            var previousWasCR = false
            for scalar in field.unicodeScalars {
                if scalar == "\n" { if !previousWasCR { breaks += 1 } } else if scalar == "\r" { breaks += 1 }
                previousWasCR = scalar == "\r"
            }
        }
        line += breaks
        return row
    }
}
