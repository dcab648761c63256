import ArgumentParser
import SiteGenerator

extension PersonalTimelines.Format: ExpressibleByArgument {}

/// How `clinicsite check` prints its report.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people.
    case text
    /// For tools.
    case json
}
