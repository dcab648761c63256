import Foundation

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

/// One slot per index; each index is written by exactly one worker, so no two threads touch the same slot.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
