/// An output's trace as text, as the build record keeps it: a line break, then one line per key read, the key
/// (`ReadKey.text`), a tab and the fingerprint of the value it got, sorted. Found by `instr(text, "\nKEY\t")`.
package enum TraceText {
    package static func text(_ trace: Trace) -> String {
        text(trace.map { ($0.key, $0.value) })
    }

    /// The text of keys as `Reads` asked them: in any order, a key asked twice written once.
    static func text(_ asked: [(key: ReadKey, print: Fingerprint)]) -> String {
        var text = "\n"
        text.reserveCapacity(asked.count * 80)
        var last: String?
        for (key, print) in asked.map({ ($0.key.text, $0.print) }).sorted(by: { $0.0 < $1.0 }) where key != last {
            text += key
            text += "\t"
            text += print.description
            text += "\n"
            last = key
        }
        return text
    }

    package static func trace(_ text: String) -> Trace {
        var trace: Trace = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.lastIndex(of: "\t"), let key = ReadKey(text: line[..<tab]),
                  let print = Fingerprint(hex: line[line.index(after: tab)...]) else { continue }
            trace[key] = print
        }
        return trace
    }
}
