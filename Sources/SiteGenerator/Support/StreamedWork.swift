import Foundation
import Synchronization

/// Work handed to other threads piece by piece while the thread that finds it is still finding more (a
/// folder's files, statted while the folder is still being listed), with the results gathered in the order
/// the pieces were handed out. The finding thread joins in once it is done (`results`): it may itself be
/// one of the few threads the pool has. `CLINICSITE_THREADS=1` does each piece at once, on the calling thread.
package final class StreamedWork<T: Sendable>: Sendable {
    private struct State {
        /// Pieces not yet taken by a thread, oldest first, with the slot their results go to.
        var waiting: [(slot: Int, work: @Sendable () -> [T])] = []
        var taken = 0
        var results: [[T]?] = []
    }

    private let state = Mutex(State())
    private let group = DispatchGroup()

    package init() {}

    /// Starts one piece; its results come after those of every piece started before it.
    package func start(_ work: @escaping @Sendable () -> [T]) {
        state.withLock { state in
            state.waiting.append((state.results.count, work))
            state.results.append(nil)
        }
        guard Parallelism.enabled else {
            runOldest()
            return
        }
        DispatchQueue.global().async(group: group) { self.runOldest() }
    }

    /// Each piece's results, in the order the pieces were started, once all have finished: pieces no thread
    /// has taken yet are done on this one. Kept apart (not joined here) so the caller's joining is compiled
    /// for its own type.
    package func results() -> [[T]] {
        while runOldest() {}
        group.wait()
        return state.withLock { state in state.results.map { $0! } }
    }

    /// Runs the oldest piece no thread has taken; false when there is none.
    @discardableResult
    private func runOldest() -> Bool {
        let piece = state.withLock { state -> (slot: Int, work: @Sendable () -> [T])? in
            guard state.taken < state.waiting.count else { return nil }
            defer { state.taken += 1 }
            return state.waiting[state.taken]
        }
        guard let piece else { return false }
        let done = piece.work()
        state.withLock { $0.results[piece.slot] = done }
        return true
    }
}
