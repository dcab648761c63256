import ArgumentParser

/// How `clinicsite check` prints its report.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people.
    case text
    /// For tools.
    case json
}
