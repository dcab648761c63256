import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

@Suite struct RecoveryRulesFileTests {
    static func load(_ yaml: String, site: String = "clinic_name: C\n") -> (RecoveryRules, ClinicCalendar, [Diagnostic]) {
        let sources = SiteSources(texts: ["content/recovery.yml": yaml, "content/site.yml": site])
        var log = DiagnosticLog()
        let rules = RecoveryRulesFile.load(sources: sources, languages: ["en", "fr"], log: &log)
        let settings = Settings.parse(site, file: Settings.path, log: &log)
        return (rules, settings.calendar, log.diagnostics)
    }

    @Test func shippedRulesFileEqualsTheFactsSheetDays() throws {
        let sources = try Fixture.shippedSources()
        var log = DiagnosticLog()
        let rules = RecoveryRulesFile.load(sources: sources, languages: ["en", "fr"], log: &log)
        #expect(log.diagnostics.isEmpty)
        #expect(rules.spacing == RecoveryRules.standard.spacing)
        #expect((rules.phases + rules.care).map { [$0.start, $0.latestStart, $0.end, $0.latestEnd] }
            == (RecoveryRules.standard.phases + RecoveryRules.standard.care).map { [$0.start, $0.latestStart, $0.end, $0.latestEnd] })
    }

    @Test func missingFileMeansTheStandardRules() {
        var log = DiagnosticLog()
        let rules = RecoveryRulesFile.load(sources: SiteSources(texts: [:]), languages: ["en"], log: &log)
        #expect(rules == .standard)
        #expect(log.diagnostics.isEmpty)
    }

    /// A span between sessions that can start before the minimum gap is refused at its line: 1 month (28 days at
    /// the least) against 6 weeks would print a "usual" date the minimum forbids.
    @Test func aSpanStartingBeforeTheMinimumGapIsRefusedAtItsLine() {
        let yaml = "next_session:\n  minimum_weeks: 6\n  usual_weeks: 8\n  span_from_months: 1\n  span_to_months: 6\n"
        let (_, _, diagnostics) = Self.load(yaml)
        #expect(diagnostics.map(\.description) == [
            "content/recovery.yml:4:21: error: the span between sessions would start before the minimum gap: 1 months can be shorter "
                + "than minimum_weeks (6 weeks); make it at least 2 months",
        ])
        #expect(Self.load(yaml.replacingOccurrences(of: "span_from_months: 1", with: "span_from_months: 2")).2.isEmpty)
    }

    @Test func endBeforeStartNegativeDayAndUnknownKeyEachNameTheirLine() {
        let yaml = """
        phases:
          - id: redness
            label: {en: Red, fr: Rouge}
            start: 3
            end: 2
          - id: pink
            label: {en: Pink, fr: Rose}
            start: -1
            colour: pink
        care:
          - id: ointment
            label: {en: Ointment}
            start: 1
            end: 3
        next_session:
          minimum_weeks: 6
          usual_weeks: 4
        """
        let (_, _, diagnostics) = Self.load(yaml)
        #expect(diagnostics.sorted().map(\.description) == [
            "content/recovery.yml:5:10: error: Day 2 is before start (Day 3)",
            "content/recovery.yml:8:12: error: days are counted from Day 1, the day of the procedure; found -1",
            "content/recovery.yml:9:5: error: unknown key 'colour' in each entry of phases\n    hint: known keys are: id, label, calendar, start, latest_start, end, latest_end",
            "content/recovery.yml:12:12: error: the entry 'ointment' has no label in 'fr'\n    hint: add it under label:, for example  fr: ...",
            "content/recovery.yml:17:16: error: must not be shorter than minimum_weeks (6)",
        ])
    }

    @Test func clinicCalendarIsReadFromSettings() {
        let (_, calendar, diagnostics) = Self.load("", site: "clinic_name: C\nclosed_weekdays: [Sunday, monday]\nclosures: [2026-12-25, 2027-01-01]\n")
        #expect(calendar.closedWeekdays == [.sunday, .monday])
        #expect(calendar.closures == [CivilDate(iso: "2026-12-25")!, CivilDate(iso: "2027-01-01")!])
        #expect(diagnostics.map(\.message) == ["recovery.yml is empty"])
        let (_, _, bad) = Self.load("care: []\n", site: "clinic_name: C\nclosed_weekdays: [sundy]\nclosures: [2026-02-30]\n")
        #expect(bad.map(\.location) == ["content/site.yml:2:19", "content/site.yml:3:12"])
    }
}
