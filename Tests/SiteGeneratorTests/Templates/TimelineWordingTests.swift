import RecoverySchedule
import Testing
@testable import SiteGenerator

@Suite struct TimelineWordingTests {
    static let english = TimelineWording(language: "en", strings: ["months_range": "{from} to {to} months", "x": "{a}{b}{a} {c"])

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Self.english.filled("x", ["a": "{b}", "b": "B"]) == "{b}B{b} {c")
        #expect(Self.english.monthsRange(from: 2, to: 6) == "2 to 6 months")
    }

    /// The days a care task is always needed and the days that depend on the clinic are worded apart.
    @Test func careDaysSayWhichDependOnTheClinic() throws {
        let words = TimelineWording(language: "en", strings: ["day": "Day", "to": "to", "colon": ":", "if_needed": "only if the clinic told you to"])
        let ointment = try #require(RecoveryRules.standard.care.first)
        #expect(words.careDays(ointment) == "Day 1 to Day 3; Day 4 to Day 7: only if the clinic told you to")
        var always = ointment
        always.latestEnd = nil
        #expect(words.careDays(always) == "Day 1 to Day 3")
        let french = TimelineWording(language: "fr", strings: ["day": "jour", "to": "au", "from_range": "du", "colon": "\u{A0}:",
                                                              "if_needed": "seulement si la clinique vous l’a dit"])
        #expect(french.careDays(ointment) == "du jour 1 au jour 3; du jour 4 au jour 7\u{A0}: seulement si la clinique vous l’a dit")
    }

    /// Later sessions are described from the one before, one sentence for one or many, and none for no later session.
    @Test func laterSessionsAreOneSentence() {
        let words = TimelineWording(language: "en", strings: ["later_one": "one: {minimum}/{usual}", "later_many": "{count}: {minimum}/{usual}"])
        let procedure = CivilDate(iso: "2026-12-01")!
        #expect(words.laterSessions(Timeline(procedure: procedure, rules: .standard, sessions: 1)) == nil)
        #expect(words.laterSessions(Timeline(procedure: procedure, rules: .standard, sessions: 2)) == "one: 6/8")
        #expect(words.laterSessions(Timeline(procedure: procedure, rules: .standard, sessions: 10)) == "9: 6/8")
    }
}
