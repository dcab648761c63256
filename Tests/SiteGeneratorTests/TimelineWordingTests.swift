import Testing
@testable import SiteGenerator

@Suite struct TimelineWordingTests {
    static let english = TimelineWording(language: "en", strings: ["nth_from_now": "{n} from now", "next_one": "Next session",
                                                                    "months_range": "{from} to {to} months", "x": "{a}{b}{a} {c"])

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Self.english.filled("x", ["a": "{b}", "b": "B"]) == "{b}B{b} {c")
        #expect(Self.english.monthsRange(from: 2, to: 6) == "2 to 6 months")
    }

    @Test func sessionsAreCountedInWords() {
        #expect((1...5).map(Self.english.sessionLabel) == ["Next session", "2nd from now", "3rd from now", "4th from now", "5th from now"])
        #expect([11, 12, 13, 21, 22, 23, 101].map(Self.english.ordinal) == ["11th", "12th", "13th", "21st", "22nd", "23rd", "101st"])
        let french = TimelineWording(language: "fr", strings: ["nth_from_now": "{n} à venir"])
        #expect(french.sessionLabel(2) == "2e à venir")
        #expect(french.ordinal(1) == "1re")
    }
}
