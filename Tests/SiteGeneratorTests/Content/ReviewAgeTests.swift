import RecoverySchedule
import TestSupport
import Testing
@testable import SiteGenerator

/// The one review-age rule, at its day boundary, and the build and `check` agreeing on it.
@Suite struct ReviewAgeTests {
    func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    @Test func overdueFromTheDayAfterTheLimit() {
        let reviewed = date("2025-11-26")
        #expect(!ReviewAge(reviewed: reviewed, today: date("2026-11-26")).isOverdue(after: 12))
        #expect(ReviewAge(reviewed: reviewed, today: date("2026-11-27")).isOverdue(after: 12))
        #expect(ReviewAge(reviewed: reviewed, today: date("2026-11-26")).months == 12)
        #expect(ReviewAge(reviewed: reviewed, today: date("2026-11-25")).months == 11)
        // The end of a month: one month after 31 January is 28 February.
        let endOfMonth = date("2026-01-31")
        #expect(!ReviewAge(reviewed: endOfMonth, today: date("2026-02-28")).isOverdue(after: 1))
        #expect(ReviewAge(reviewed: endOfMonth, today: date("2026-03-01")).isOverdue(after: 1))
        #expect(ReviewAge(reviewed: date("2027-01-01"), today: date("2026-11-26")).months == 0)
    }

    @Test func buildAndCheckAgreeAtTheBoundary() throws {
        let pages = ["content/en/index.md": "---\nreviewed: 2025-11-25\n---\n# Home\n\nA short page.\n",
                     "content/fr/index.md": "---\nreviewed: 2025-11-26\n---\n# Accueil\n\nUne page courte.\n"]
        let sources = Fixture.site(pages: pages)
        let overdue = try Fixture.build(sources).warnings.filter { $0.code == .reviewOverdue }
        #expect(overdue.map(\.file) == ["content/en/index.md"])
        let report = try ContentCheck.run(sources: sources, today: Fixture.today)
        #expect(report.warnings.filter { $0.code == .reviewOverdue }.map(\.file) == ["content/en/index.md"])
        #expect(report.pages.map(\.reviewAgeMonths) == [12, 12])
        #expect(!report.warnings.contains { $0.code == .missingBaseURL })
    }
}
