/// What changed between two versions of a source text, word by word (words are what lies between spaces, as
/// `git diff --word-diff` cuts them), and whether the change touches what a patient acts on: a number, a date,
/// a duration, a phone number or an email. Markdown emphasis around a word is not a change of the word.
struct WordDiff: Sendable, Equatable {
    /// A run of words removed and the run put in their place, with the words around them.
    struct Change: Sendable, Equatable {
        var before: [String]
        var removed: [String]
        var inserted: [String]
        var after: [String]
    }

    var changes: [Change]
    /// Whether a number, date, duration, phone number or email was removed, added or altered (one only moved
    /// within the text is not).
    var touchesNumbers: Bool

    /// Words of context shown on each side of a change, and the most words of a change shown.
    static let context = 5
    static let shownWords = 30
    /// The most words changed that are compared one by one.
    static let largest = 4_000

    init(from old: String, to new: String) {
        let (oldWords, newWords) = (Self.words(old), Self.words(new))
        let (oldKeys, newKeys) = (oldWords.map(Self.comparable), newWords.map(Self.comparable))
        var removed = Set<Int>(), inserted = Set<Int>()
        // The words both keep at the start and the end are set aside first. Swift's `difference(from:)` (Myers) takes
        // time in the words times the changes: past `largest` words changed, the middle counts as replaced whole.
        let prefix = zip(oldKeys, newKeys).prefix { $0 == $1 }.count
        let suffix = zip(oldKeys[prefix...].reversed(), newKeys[prefix...].reversed()).prefix { $0 == $1 }.count
        let (oldMiddle, newMiddle) = (oldKeys[prefix..<(oldKeys.count - suffix)], newKeys[prefix..<(newKeys.count - suffix)])
        if oldMiddle.count + newMiddle.count > Self.largest {
            (removed, inserted) = (Set(oldMiddle.indices), Set(newMiddle.indices))
        } else {
            for change in newMiddle.difference(from: oldMiddle) {
                switch change {
                case .remove(let offset, _, _): removed.insert(prefix + offset)
                case .insert(let offset, _, _): inserted.insert(prefix + offset)
                }
            }
        }
        changes = Self.hunks(old: oldWords, new: newWords, removed: removed, inserted: inserted)
        let counted = { (words: [String], offsets: Set<Int>) in
            offsets.map { Self.counted(words[$0]) }.filter(NumberWords.isSensitive).sorted()
        }
        touchesNumbers = counted(oldWords, removed) != counted(newWords, inserted)
    }

    /// The changes as one line: `…for [-7-]{+10+} days…`, at most `limit` of them.
    func shown(limit: Int = 4) -> String {
        var parts = changes.prefix(limit).map { change in
            let removed = change.removed.isEmpty ? "" : "[-" + Self.shortened(change.removed) + "-]"
            let inserted = change.inserted.isEmpty ? "" : "{+" + Self.shortened(change.inserted) + "+}"
            return "…" + (change.before + [removed + inserted] + change.after).joined(separator: " ") + "…"
        }
        if changes.count > limit { parts.append("and \(changes.count - limit) more change\(changes.count - limit == 1 ? "" : "s")") }
        return parts.joined(separator: " ")
    }

    /// Words of a change as shown: the first `shownWords`, then how many more.
    private static func shortened(_ words: [String]) -> String {
        words.count <= shownWords ? words.joined(separator: " ")
            : words.prefix(shownWords).joined(separator: " ") + " … (\(words.count - shownWords) more words)"
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// A word as compared: emphasis and code marks around it left out.
    static func comparable(_ word: String) -> String {
        let marks: Set<Character> = ["*", "`"]
        let edges: Set<Character> = ["_", "~"]
        let unmarked = word.filter { !marks.contains($0) }
        let trimmed = unmarked.drop { edges.contains($0) }.reversed().drop { edges.contains($0) }.reversed()
        return trimmed.isEmpty ? word : String(trimmed)
    }

    /// A word as counted among numbers: lower case, without the punctuation around it ("Days," is "days").
    static func counted(_ word: String) -> String {
        let lower = comparable(word).lowercased()
        let kept = { (character: Character) in character.isLetter || character.isNumber || character == "@" }
        return String(lower.drop { !kept($0) }.reversed().drop { !kept($0) }.reversed())
    }

    /// Runs of removed and inserted words, walked in step: a removed old word and an inserted new word at the
    /// same point of the text belong to one change.
    private static func hunks(old: [String], new: [String], removed: Set<Int>, inserted: Set<Int>) -> [Change] {
        var changes: [Change] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, !removed.contains(i), !inserted.contains(j) {
                (i, j) = (i + 1, j + 1)
                continue
            }
            let (startI, startJ) = (i, j)
            while i < old.count, removed.contains(i) { i += 1 }
            while j < new.count, inserted.contains(j) { j += 1 }
            if i == startI && j == startJ { (i, j) = (i + 1, j + 1); continue }
            changes.append(Change(before: Array(new[max(0, startJ - context)..<startJ]), removed: Array(old[startI..<i]),
                                  inserted: Array(new[startJ..<j]), after: Array(new[j..<min(new.count, j + context)])))
        }
        return changes
    }
}
