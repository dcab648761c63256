/// Pieces of text that every match of a regular expression contains, read from the pattern, so a rule can
/// be skipped without running the expression on text that holds none of them. `\b(Days?) (\d)` cannot
/// match without "Day"; `(\d) (weeks?|months?)` not without "week" or "month".
///
/// The reading is deliberately narrow: it understands literal characters, escaped punctuation, groups,
/// alternation, quantifiers, character classes and the common escapes, and gives up (no pieces: the rule
/// always runs) on anything else, such as inline flags (`(?i)`), `\Q…\E`, back-references or `\N{…}`.
/// Giving up only costs time; claiming a piece a match can lack would silently drop a rule.
enum RequiredText {
    /// One of these byte strings is in every match of `pattern` (as UTF-8); nil when the pattern was not
    /// understood or promises nothing.
    static func anyOf(pattern: String) -> [[UInt8]]? {
        var reader = Reader(Array(pattern.unicodeScalars))
        guard let pieces = reader.alternation(), reader.atEnd else { return nil }
        return pieces.best.map { $0.map { Array($0.utf8) } }
    }

    /// What one part of a pattern guarantees: sets of strings (`factors`), each set meaning "one of these
    /// occurs". The `run` is the literal text just read, still growing.
    private struct Pieces {
        var factors: [[String]] = []
        var run = ""

        mutating func breakRun() {
            if !run.isEmpty { factors.append([run]) }
            run = ""
        }

        /// The factor that rules out the most text: the one whose shortest string is longest.
        var best: [String]? {
            var copy = self
            copy.breakRun()
            return copy.factors.max { left, right in
                let (l, r) = (left.map(\.count).min() ?? 0, right.map(\.count).min() ?? 0)
                return l != r ? l < r : left.count > right.count
            }
        }
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index == scalars.count }
        private var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// Branches separated by `|`: a piece is required only when every branch requires one.
        mutating func alternation() -> Pieces? {
            var branches: [[String]?] = []
            while true {
                guard let branch = sequence() else { return nil }
                branches.append(branch.best)
                guard next == "|" else { break }
                index += 1
            }
            var result = Pieces()
            if branches.count == 1 {
                if let only = branches[0] { result.factors = [only] }
            } else if branches.allSatisfy({ $0 != nil }) {
                result.factors = [branches.flatMap { $0! }]
            }
            return result
        }

        /// Atoms one after another, up to `|`, `)` or the end.
        private mutating func sequence() -> Pieces? {
            var pieces = Pieces()
            while let scalar = next, scalar != "|", scalar != ")" {
                guard let atom = atom() else { return nil }
                guard let (minimum, single) = quantifier() else { return nil }
                if minimum == 0 {
                    // Optional: it promises nothing, and what follows does not continue the run.
                    pieces.breakRun()
                    continue
                }
                switch atom {
                case .character(let character) where single:
                    pieces.run.unicodeScalars.append(character)
                case .character(let character):
                    pieces.run.unicodeScalars.append(character)
                    pieces.breakRun()
                case .group(let inner):
                    pieces.breakRun()
                    pieces.factors += inner.factors
                case .other:
                    pieces.breakRun()
                }
            }
            return pieces
        }

        private enum Atom {
            case character(Unicode.Scalar)
            case group(Pieces)
            case other
        }

        private mutating func atom() -> Atom? {
            guard let scalar = next else { return nil }
            index += 1
            switch scalar {
            case "(": return group()
            case "[": return skipClass() ? .other : nil
            case "\\": return escape()
            case ".", "^", "$": return .other
            case "?", "*", "+", "{", "}", "]": return nil
            default: return .character(scalar)
            }
        }

        private mutating func group() -> Atom? {
            var lookaround = false
            if next == "?" {
                let rest = String(String.UnicodeScalarView(scalars[index...].prefix(3)))
                if rest.hasPrefix("?:") {
                    index += 2
                } else if rest.hasPrefix("?=") || rest.hasPrefix("?!") {
                    index += 2
                    lookaround = true
                } else if rest.hasPrefix("?<=") || rest.hasPrefix("?<!") {
                    index += 3
                    lookaround = true
                } else {
                    return nil
                }
            }
            guard let inner = alternation(), next == ")" else { return nil }
            index += 1
            // A lookaround consumes nothing and may look outside the match: it promises nothing here.
            return lookaround ? .other : .group(inner)
        }

        private static let simpleEscapes: Set<Unicode.Scalar> = ["d", "D", "w", "W", "s", "S", "b", "B", "h", "H", "v", "V",
                                                                  "R", "X", "t", "n", "r", "f", "a", "e", "A", "Z", "z", "G"]

        private mutating func escape() -> Atom? {
            guard let scalar = next else { return nil }
            index += 1
            if !scalar.properties.isAlphabetic && !("0"..."9").contains(scalar) { return .character(scalar) }
            if Self.simpleEscapes.contains(scalar) { return .other }
            if scalar == "p" || scalar == "P" {
                if next == "{" { return skip(past: "}") ? .other : nil }
                guard next != nil else { return nil }
                index += 1
                return .other
            }
            return nil
        }

        private mutating func skip(past end: Unicode.Scalar) -> Bool {
            while let scalar = next {
                index += 1
                if scalar == end { return true }
            }
            return false
        }

        /// Skips a character class, nested ones included; false when its end cannot be found for sure.
        private mutating func skipClass() -> Bool {
            if next == "^" { index += 1 }
            if next == "]" { return false }
            var depth = 1
            while let scalar = next {
                index += 1
                switch scalar {
                case "\\":
                    guard let escaped = next else { return false }
                    index += 1
                    if ["p", "P", "N", "x", "u"].contains(escaped) && next == "{" && !skip(past: "}") { return false }
                case "[": depth += 1
                case "]":
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        /// The least number of repeats, and whether the atom stands once; nil for a malformed count.
        private mutating func quantifier() -> (Int, Bool)? {
            var result: (Int, Bool)
            switch next {
            case "?": index += 1; result = (0, false)
            case "*": index += 1; result = (0, false)
            case "+": index += 1; result = (1, false)
            case "{":
                index += 1
                var digits = ""
                while let scalar = next, ("0"..."9").contains(scalar) { digits.unicodeScalars.append(scalar); index += 1 }
                guard let minimum = Int(digits), skip(past: "}") else { return nil }
                result = (minimum, false)
            default: return (1, true)
            }
            if next == "?" || next == "+" { index += 1 }
            return result
        }
    }
}
