import Testing
@testable import SiteGenerator

/// What changed in a source text, word by word, and whether it touches what a patient acts on.
@Suite struct WordDiffTests {
    @Test func aChangedNumberIsShownInPlaceAndTouchesNumbers() {
        let diff = WordDiff(from: "The redness usually lasts 3 to 4 days: from Day 1 to Day 3.", to: "The redness usually lasts 3 to 5 days: from Day 1 to Day 3.")
        #expect(diff.shown() == "…redness usually lasts 3 to [-4-]{+5+} days: from Day 1 to…")
        #expect(diff.touchesNumbers)
    }

    @Test func numbersDatesDurationsPhonesAndEmailsTouchNumbers() {
        let cases: [(String, String)] = [
            ("Wait a week before make-up.", "Wait a month before make-up."),
            ("Apply it twice a day.", "Apply it three times a day."),
            ("Call 01 23 45 67 89.", "Call 01 23 45 67 80."),
            ("Write to care@clinic.example.", "Write to help@clinic.example."),
            ("Open on Monday.", "Open on Tuesday."),
            ("Attendez une semaine.", "Attendez deux semaines."),
            ("Jusqu’au 3 janvier.", "Jusqu’au 3 février."),
            ("", "Call us within 48 hours."),
            ("Avoid the sun for 7 days.", ""),
        ]
        for (old, new) in cases { #expect(WordDiff(from: old, to: new).touchesNumbers, "\(old) → \(new)") }
    }

    @Test func rewordingMovingOrEmphasisDoNotTouchNumbers() {
        let cases: [(String, String)] = [
            ("Right after the treatment, the skin looks red.", "Just after the treatment, the skin looks red."),
            ("For 7 days, avoid the sun.", "Avoid the sun for 7 days."),
            ("Keep it clean for **7 days**.", "Keep it clean for 7 days."),
            ("You may feel warmth.", "You might feel warmth."),
            ("Vous pouvez avoir un peu chaud.", "Vous pouvez avoir une sensation de chaleur."),
        ]
        for (old, new) in cases { #expect(!WordDiff(from: old, to: new).touchesNumbers, "\(old) → \(new)") }
        #expect(WordDiff(from: "Keep it clean for **7 days**.", to: "Keep it clean for 7 days.").changes.isEmpty)
    }

    @Test func manyChangesAreCountedBeyondTheLimit() {
        let old = (1...20).map { "word\($0)" }.joined(separator: " ")
        let new = (1...20).map { $0 % 4 == 0 ? "other\($0)" : "word\($0)" }.joined(separator: " ")
        let diff = WordDiff(from: old, to: new)
        #expect(diff.changes.count == 5)
        #expect(diff.shown(limit: 2).hasSuffix("and 3 more changes"))
        #expect(diff.touchesNumbers, "the words hold digits")
    }

    @Test func aHugeRewriteIsOneChangeShownShort() {
        let old = (0..<30_000).map { "old\($0 % 7 == 0 ? "" : "x")" }.joined(separator: " ")
        let new = "Start. " + (0..<30_000).map { "new\($0 % 5 == 0 ? "" : "y")" }.joined(separator: " ") + " End 7."
        let diff = WordDiff(from: "Keep this. " + old + " Same end.", to: "Keep this. " + new + " Same end.")
        #expect(diff.changes.count == 1 && diff.changes[0].removed.count == 30_000 && diff.changes[0].inserted.count == 30_003)
        #expect(diff.shown().contains("… (29973 more words)+}"))
        #expect(diff.touchesNumbers)
    }
}
