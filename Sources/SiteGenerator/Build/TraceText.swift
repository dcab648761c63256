/// An output's trace as text, as the build record keeps it: a line break, then one line per key read, the key
/// (`ReadKey.text`), a tab and the fingerprint of the value it got, sorted. Found by `instr(text, "\nKEY\t")`.
package enum TraceText {
    package static func text(_ trace: Trace) -> String {
        "\n" + trace.map { $0.key.text + "\t" + $0.value.description + "\n" }.sorted().joined()
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
