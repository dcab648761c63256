import Testing
@testable import RecoverySchedule

@Suite struct CivilDateTests {
    func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test func parsesOnlyRealDates() {
        #expect(CivilDate(iso: "2028-02-29") != nil)
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "1900-02-29") == nil)
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "2026-1-01") == nil)
        #expect(CivilDate(iso: "26-01-01") == nil)
        #expect(CivilDate(iso: "2026-01-01T00:00") == nil)
        #expect(CivilDate(iso: "２０２６-01-01") == nil)
    }

    @Test func addsDaysAcrossMonthsYearsAndLeapDays() {
        #expect(date("2026-12-31").adding(days: 1) == date("2027-01-01"))
        #expect(date("2028-02-28").adding(days: 1) == date("2028-02-29"))
        #expect(date("2027-02-28").adding(days: 1) == date("2027-03-01"))
        #expect(date("2026-12-01").adding(days: 41) == date("2027-01-11"))
        #expect(date("2027-01-01").adding(days: -1) == date("2026-12-31"))
        #expect(date("2026-12-01").days(until: date("2027-01-26")) == 56)
    }

    @Test func roundTripsEveryDayOverFourCenturies() {
        var expected = date("1900-01-01")
        for offset in stride(from: date("1900-01-01").daysSinceEpoch, through: date("2300-12-31").daysSinceEpoch, by: 1) {
            let day = CivilDate(daysSinceEpoch: offset)
            #expect(day == expected)
            if day != expected { break }
            expected = nextDay(expected)
        }
    }

    /// Counts forward the slow, obvious way, to check the fast arithmetic.
    func nextDay(_ day: CivilDate) -> CivilDate {
        if let next = CivilDate(year: day.year, month: day.month, day: day.day + 1) { return next }
        if let next = CivilDate(year: day.year, month: day.month + 1, day: 1) { return next }
        return CivilDate(year: day.year + 1, month: 1, day: 1)!
    }

    @Test func addsMonthsClampingToTheLastDay() {
        #expect(date("2026-12-01").adding(months: 2) == date("2027-02-01"))
        #expect(date("2026-12-01").adding(months: 6) == date("2027-06-01"))
        #expect(date("2027-01-31").adding(months: 1) == date("2027-02-28"))
        #expect(date("2028-01-31").adding(months: 1) == date("2028-02-29"))
        #expect(date("2026-08-31").adding(months: 6) == date("2027-02-28"))
        #expect(date("2026-11-15").adding(months: 14) == date("2028-01-15"))
    }

    @Test func weekdays() {
        #expect(date("2026-12-01").weekday == .tuesday)
        #expect(date("1970-01-01").weekday == .thursday)
        #expect(date("2000-02-29").weekday == .tuesday)
        #expect(date("1969-12-31").weekday == .wednesday)
    }

    @Test func writtenInThePatientsLanguage() {
        #expect(date("2026-12-01").written(in: "en") == "Tuesday, December 1, 2026")
        #expect(date("2026-12-01").written(in: "fr") == "mardi 1er décembre 2026")
        #expect(date("2027-01-12").writtenShort(in: "fr") == "12 janvier 2027")
        // The handout's short forms: the year only when it is not the treatment's; French "1er", and whole words, since
        // the short weekday "mar." reads as the month "mars".
        #expect(date("2026-12-01").writtenBrief(in: "en", sayingYearUnless: 2026) == "Tue, Dec 1")
        #expect(date("2027-01-12").writtenBrief(in: "en", sayingYearUnless: 2026) == "Tue, Jan 12, 2027")
        #expect(date("2026-12-01").writtenBrief(in: "fr", sayingYearUnless: 2026) == "mardi 1er décembre")
        #expect(date("2027-02-01").writtenBrief(in: "fr", sayingYearUnless: 2026) == "lundi 1er février 2027")
        #expect(date("2026-12-11").writtenBrief(in: "fr", sayingYearUnless: 2026) == "vendredi 11 décembre")
        #expect(date("2026-12-01").writtenWeekday(in: "fr") == "mardi")
        #expect(date("2026-12-01").writtenDayMonth(in: "fr") == "1er déc.")
        #expect(date("2026-12-21").writtenDayMonth(in: "fr") == "21 déc.")
    }

    /// A date's words, remembered after the first time, are what formatting the date again gives: every style in both
    /// languages, over the supported years and on the first of every month of three years ("1er").
    @Test func rememberedWordsAreWhatFormattingGives() {
        let start = date("1900-01-01")
        let days = stride(from: 0, to: 400_000, by: 97).map { start.adding(days: $0) } + (0..<36).map { date("2026-01-01").adding(months: $0) }
        for day in days where day.isSupported {
            for language in ["en", "fr"] {
                for style in DateWords.Style.allCases {
                    let formatted = DateWords.shared.formatted(day, language: language, style: style)
                    #expect(DateWords.shared.text(day, language: language, style: style) == formatted, "\(day.iso) \(language) \(style)")
                    #expect(DateWords.shared.text(day, language: language, style: style) == formatted, "\(day.iso) \(language) \(style), remembered")
                }
            }
        }
    }
}
