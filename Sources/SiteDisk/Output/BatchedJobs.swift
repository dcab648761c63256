import Foundation

/// Jobs handed from many threads to one serial queue in batches. Waking the queue's thread for every job
/// cost more than doing some of the jobs: jobs wait in a list, and the thread is woken only when it has gone
/// idle, and for jobs that may wait (`urgent: false`) only once `batch` of them are waiting. `settle` wakes
/// it for whatever is waiting and returns when everything given so far is done.
///
/// `@unchecked Sendable`: the list is touched only under `lock`, and `perform` runs only on `queue`.
final class BatchedJobs<Job>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let batch: Int
    private let perform: (Job) -> Void
    private let lock = NSLock()
    // Touched only under `lock`.
    private var pending: [Job] = []
    private var drainScheduled = false

    /// `perform` does one job, on a serial queue of its own.
    init(label: String, batch: Int, perform: @escaping (Job) -> Void) {
        queue = DispatchQueue(label: label)
        self.batch = batch
        self.perform = perform
    }

    /// Adds a job; safe from any thread. A job that is not `urgent` may wait for others to join it.
    func add(_ job: Job, urgent: Bool) {
        let wake = lock.withLock { () -> Bool in
            pending.append(job)
            guard !drainScheduled, urgent || pending.count >= batch else { return false }
            drainScheduled = true
            return true
        }
        if wake { queue.async { self.drain() } }
    }

    /// Returns once every job added so far is done.
    func settle() {
        let wake = lock.withLock { () -> Bool in
            guard !drainScheduled, !pending.isEmpty else { return false }
            drainScheduled = true
            return true
        }
        if wake { queue.async { self.drain() } }
        queue.sync {}
    }

    /// Does waiting jobs until none are left; runs on `queue`.
    private func drain() {
        dispatchPrecondition(condition: .onQueue(queue))
        while true {
            let jobs = lock.withLock { () -> [Job] in
                if pending.isEmpty { drainScheduled = false }
                defer { pending = [] }
                return pending
            }
            if jobs.isEmpty { return }
            for job in jobs { perform(job) }
        }
    }
}
