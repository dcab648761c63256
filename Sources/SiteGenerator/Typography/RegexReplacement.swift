import Foundation

/// Replaces an expression's matches in a text, working on its UTF-16 code units throughout.
///
/// Foundation's own `replaceMatches` and `stringByReplacingMatches` cut the text at the match's UTF-16
/// offsets through `String` indices, and crash ("String index is out of bounds") when a match starts or
/// ends inside a character, as it does after a combining accent (`"` + U+0301 is one character, and a rule
/// can match from the accent on). Matches are found as usual; the text is then put together here from
/// code units, which any offset may split.
enum RegexReplacement {
    /// What became of a text.
    enum Outcome: Equatable {
        case unchanged
        case replaced(String)
        /// Matching took longer than the budget and was stopped; the text stays as it was.
        case stalled
    }

    /// `text` with every match of `expression` replaced by `template`, which follows ICU's syntax: `$n` (and
    /// `${n}`) for a group, `\` to take the next character as it is. Returns nil when nothing matched.
    static func replacing(_ expression: NSRegularExpression, in text: String, with template: String) -> String? {
        if case .replaced(let result) = replacing(expression, in: text, with: template, budget: nil) { return result }
        return nil
    }

    /// As above, but matching stops once it has taken `budget` (ICU calls back while it searches, so even a
    /// rule that backtracks for minutes is stopped in time).
    static func replacing(_ expression: NSRegularExpression, in text: String, with template: String, budget: Duration?) -> Outcome {
        let units = Array(text.utf16)
        var matches: [NSTextCheckingResult] = []
        var stalled = false
        let clock = ContinuousClock()
        let deadline = budget.map { clock.now.advanced(by: $0) }
        var reports = 0
        expression.enumerateMatches(in: text, options: deadline == nil ? [] : [.reportProgress],
                                    range: NSRange(location: 0, length: units.count)) { match, _, stop in
            if let match { matches.append(match) }
            // ICU reports after every position it tries, and every few thousand steps within one: reading the clock at
            // each report was 3 % of a French build's CPU (docs/benchmarks.md); every 64th is still within milliseconds.
            reports &+= 1
            if let deadline, reports % 64 == 0, clock.now > deadline {
                stalled = true
                stop.pointee = true
            }
        }
        if stalled { return .stalled }
        guard !matches.isEmpty else { return .unchanged }
        let parts = Template.parse(template, groups: expression.numberOfCaptureGroups)
        var output: [UInt16] = []
        output.reserveCapacity(units.count + 16)
        var copiedUpTo = 0
        for match in matches {
            let range = match.range
            output.append(contentsOf: units[copiedUpTo..<range.location])
            for part in parts {
                switch part {
                case .text(let literal): output.append(contentsOf: literal)
                case .group(let number):
                    guard number < match.numberOfRanges else { continue }
                    let group = match.range(at: number)
                    if group.location != NSNotFound { output.append(contentsOf: units[group.location..<group.location + group.length]) }
                }
            }
            copiedUpTo = range.location + range.length
        }
        output.append(contentsOf: units[copiedUpTo...])
        return .replaced(String(decoding: output, as: UTF16.self))
    }

    /// A replacement template taken apart into literal text and group references.
    enum Template: Equatable {
        case text([UInt16])
        case group(Int)

        /// As ICU reads it: after `$`, digits are taken while they still name one of the expression's `groups`.
        static func parse(_ template: String, groups: Int) -> [Template] {
            var parts: [Template] = []
            var literal: [UInt16] = []
            var scalars = template.unicodeScalars[...]
            func flush() {
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = []
            }
            while let scalar = scalars.popFirst() {
                if scalar == "\\", let next = scalars.popFirst() {
                    literal.append(contentsOf: String(next).utf16)
                } else if scalar == "$", let digits = groupNumber(&scalars, groups: groups) {
                    flush()
                    parts.append(.group(digits))
                } else {
                    literal.append(contentsOf: String(scalar).utf16)
                }
            }
            flush()
            return parts
        }

        /// The group number after a `$`: its digits (as many as still name a group), or digits in braces; nil
        /// (and nothing taken) otherwise.
        private static func groupNumber(_ scalars: inout Substring.UnicodeScalarView, groups: Int) -> Int? {
            func digit(_ scalar: Unicode.Scalar?) -> Int? {
                guard let scalar, scalar.isASCII, let value = scalar.properties.numericType == .decimal ? Int(String(scalar)) : nil else { return nil }
                return value
            }
            var rest = scalars
            let braced = rest.first == "{"
            if braced { rest.removeFirst() }
            guard var number = digit(rest.first) else { return nil }
            rest.removeFirst()
            while let next = digit(rest.first), braced || number * 10 + next <= groups {
                number = number * 10 + next
                rest.removeFirst()
            }
            if braced {
                guard rest.first == "}" else { return nil }
                rest.removeFirst()
            }
            scalars = rest
            return number
        }
    }
}
