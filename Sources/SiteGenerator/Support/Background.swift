import Foundation
import Synchronization

/// Work started on another thread whose result is waited for later (`value`).
package final class Background<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    package init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            let value = work()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// The result, once the work has finished.
    package var value: T {
        done.wait()
        done.signal()
        return result.withLock { $0! }
    }
}
