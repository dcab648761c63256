/// Finds the shapes of a regular expression that can backtrack without bound: a group repeated without limit
/// (`*`, `+`, `{n,}`) that itself holds a repetition or a choice (`(a+)+$`, `^(\w+\s?)*$`, `(a|ab)*c`). On text
/// that almost matches, such a rule tries every way of splitting it: seconds for one paragraph, minutes for a
/// page, with no message. Rules are refused for that shape when they are read; an atomic group `(?>…)` or a
/// possessive repeat (`*+`, `++`) cannot backtrack and is accepted.
///
/// The reading follows ICU's syntax (escapes, `\Q…\E`, `\p{…}`, sets with nested sets, group openings) only
/// as far as needed to tell groups, repeats and choices apart; a pattern it cannot follow is not refused here.
enum RuleShape {
    private struct Group {
        var atomic = false
        var repeats = false
        var chooses = false
    }

    /// Why `pattern` can backtrack without bound, or nil when it cannot in that way.
    static func unboundedBacktracking(in pattern: String) -> String? {
        let characters = Array(pattern.unicodeScalars)
        var stack = [Group()]
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "\\": index = afterEscape(characters, index)
            case "[": index = afterSet(characters, index)
            case "(":
                var group = Group()
                if index < characters.count, characters[index] == "?" {
                    group.atomic = index + 1 < characters.count && characters[index + 1] == ">"
                    index = afterGroupOpening(characters, index)
                }
                stack.append(group)
            case ")":
                guard stack.count > 1 else { return nil }
                let group = stack.removeLast()
                let (unbounded, possessive, next) = repetition(characters, index)
                let quantified = next > index
                index = next
                if unbounded && !possessive && !group.atomic && (group.repeats || group.chooses) {
                    return group.repeats ? "a repeated group holds a repeat of its own, such as (a+)+"
                        : "a repeated group holds a choice, such as (a|ab)*"
                }
                if group.repeats || quantified { stack[stack.count - 1].repeats = true }
            case "|": stack[stack.count - 1].chooses = true
            case "*", "+", "?", "{":
                // A possessive repeat (a++) gives nothing back, so it cannot make its group backtrack.
                let (_, possessive, next) = repetition(characters, index - 1)
                if next > index - 1 {
                    index = next
                    if !possessive { stack[stack.count - 1].repeats = true }
                }
            default: break
            }
        }
        return nil
    }

    /// After a group's `)`: whether a repeat follows that has no upper limit, whether it is possessive, and
    /// where reading goes on.
    private static func repetition(_ characters: [Unicode.Scalar], _ start: Int) -> (unbounded: Bool, possessive: Bool, next: Int) {
        guard start < characters.count else { return (false, false, start) }
        var index = start
        var unbounded = false
        switch characters[index] {
        case "*", "+": unbounded = true; index += 1
        case "?": index += 1
        case "{":
            guard let close = characters[index...].firstIndex(of: "}") else { return (false, false, start) }
            unbounded = characters[index..<close].last == ","
            index = close + 1
        default: return (false, false, start)
        }
        let possessive = index < characters.count && characters[index] == "+"
        if index < characters.count, characters[index] == "+" || characters[index] == "?" { index += 1 }
        return (unbounded, possessive, index)
    }

    /// Past what follows `(?`: `:`, `=`, `!`, `>`, `<=`, `<!`, `<name>`, or flags up to `:` (a flag group such as
    /// `(?i)` stops before its `)`).
    private static func afterGroupOpening(_ characters: [Unicode.Scalar], _ question: Int) -> Int {
        var index = question + 1
        guard index < characters.count else { return index }
        switch characters[index] {
        case ":", "=", "!", ">": return index + 1
        case "<":
            if index + 1 < characters.count, characters[index + 1] == "=" || characters[index + 1] == "!" { return index + 2 }
            return (characters[index...].firstIndex(of: ">") ?? index) + 1
        default:
            while index < characters.count, characters[index] != ":", characters[index] != ")" { index += 1 }
            return index < characters.count && characters[index] == ":" ? index + 1 : index
        }
    }

    private static func afterEscape(_ characters: [Unicode.Scalar], _ start: Int) -> Int {
        guard start < characters.count else { return start }
        let kind = characters[start]
        if kind == "Q" {
            var index = start + 1
            while index + 1 < characters.count, !(characters[index] == "\\" && characters[index + 1] == "E") { index += 1 }
            return min(index + 2, characters.count)
        }
        if "pPNxu".unicodeScalars.contains(kind), start + 1 < characters.count, characters[start + 1] == "{",
           let close = characters[(start + 1)...].firstIndex(of: "}") {
            return close + 1
        }
        return start + 1
    }

    /// Past a set `[…]`, which may hold sets of its own and escapes; a `]` right after `[` or `[^` is a character.
    private static func afterSet(_ characters: [Unicode.Scalar], _ start: Int) -> Int {
        var index = start
        if index < characters.count, characters[index] == "^" { index += 1 }
        if index < characters.count, characters[index] == "]" { index += 1 }
        var depth = 1
        while index < characters.count {
            switch characters[index] {
            case "\\": index = afterEscape(characters, index + 1)
            case "[": depth += 1; index += 1
            case "]":
                depth -= 1
                index += 1
                if depth == 0 { return index }
            default: index += 1
            }
        }
        return index
    }
}
