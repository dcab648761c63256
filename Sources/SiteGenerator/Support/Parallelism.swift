import Foundation
import Synchronization

/// Whether work is spread over all cores. `CLINICSITE_THREADS=1` in the environment turns it off, so a
/// test can check that a parallel build writes exactly the bytes a serial one does.
enum Parallelism {
    static let enabled = ProcessInfo.processInfo.environment["CLINICSITE_THREADS"] != "1"
}

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input, so a parallel build writes exactly what a serial one would.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 || !Parallelism.enabled { return map(transform) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(self[index]), at: index)
        }
        return results.values
    }
}

/// One slot per index; each index is written by exactly one worker.
private final class ResultSlots<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func store(_ value: T, at index: Int) {
        slots.withLock { $0[index] = value }
    }

    /// The results in order; `concurrentPerform` has returned, so every slot is filled.
    var values: [T] { slots.withLock { $0.compactMap { $0 } } }
}
