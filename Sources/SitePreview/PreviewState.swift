import Foundation
import SiteGenerator

/// What the server shows: the last good build, and the errors of the last build if it failed.
actor PreviewState {
    private(set) var errors: [Diagnostic] = []
    private(set) var generation = 0

    func succeeded() {
        errors = []
        generation += 1
    }

    func failed(_ diagnostics: [Diagnostic]) {
        errors = diagnostics
        generation += 1
    }
}
