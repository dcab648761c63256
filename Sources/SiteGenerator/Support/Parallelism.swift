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
        return results.takeValues()
    }
}

/// One slot per index; each index is written by exactly one worker, so no lock is needed, and the finished
/// results are moved out, not copied (a copy of every page's facts cost a retain per field).
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    func store(_ value: T, at index: Int) {
        (slots + index).initialize(to: value)
    }

    /// The results in order, moved out; `concurrentPerform` has returned, so every slot is filled. Called once.
    func takeValues() -> [T] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: slots, count: count)
            initialized = count
        }
    }

    deinit { slots.deallocate() }
}
