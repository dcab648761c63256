/// Opening hours as one unbreakable phrase per span: "9 am", "9 h" and "17 h 30" keep their parts together
/// (no-break spaces), and "Mon–Fri", "9 h–17 h" are not broken at the dash (word joiners around it). Done here,
/// on the hours alone, rather than as typography rules: a rule with "–" would run on every text that has one,
/// which cost a tenth of the typesetting of a 10,000-page site.
enum OpeningHours {
    static func typeset(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "–" || ("0"..."9").contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil, next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "–", let previous, let next, !isSpace(previous), !isSpace(next) {
                if previous != "\u{2060}" { result.append("\u{2060}") }
                result.append(scalar)
                if next != "\u{2060}" { result.append("\u{2060}") }
            } else if scalar == " ", let previous, ("0"..."9").contains(previous), unitFollows(scalars, from: index + 1) {
                result.append("\u{A0}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace || scalar == "\u{2060}" }

    /// Whether a time unit follows at `start`: "h", "am", "pm" (any case), ending the word.
    private static func unitFollows(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        for unit in ["h", "am", "pm"] {
            let end = start + unit.unicodeScalars.count
            guard end <= scalars.count else { continue }
            let word = String(String.UnicodeScalarView(scalars[start..<end])).lowercased()
            if word == unit && (end == scalars.count || !scalars[end].properties.isAlphabetic) { return true }
        }
        return false
    }
}
