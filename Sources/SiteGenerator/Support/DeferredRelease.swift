import Foundation
import Synchronization

/// Large values a build is done with. Freeing a big site's pages (tens of thousands of strings, arrays and
/// objects) takes tens of milliseconds of one core at the very end of a build. A long-running process (the
/// preview, the tests) frees them on another thread; a command that exits as soon as its build returns
/// never frees them and leaves that to the operating system, as compilers do (clang's `-disable-free`).
package enum DeferredRelease {
    private static let exitsAfterBuild = Atomic<Bool>(false)
    private static let kept = Mutex<[any Sendable]>([])

    /// Called by a command that exits as soon as its build returns: from then on, what it lets go of is kept.
    package static func keepUntilExit() {
        exitsAfterBuild.store(true, ordering: .relaxed)
    }

    /// Lets go of `value` without the caller waiting for it to be freed. The caller must hold no other
    /// reference (pass it with `consume`), or the caller frees it after all.
    package static func release<T: Sendable>(_ value: T) {
        if exitsAfterBuild.load(ordering: .relaxed) {
            kept.withLock { $0.append(value) }
        } else {
            DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
        }
    }
}
