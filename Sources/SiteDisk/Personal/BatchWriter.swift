import Foundation
import SiteGenerator

/// Writes a batch's files on one thread while the next chunk renders. Two threads creating files in one
/// folder mostly wait on the folder's lock (ext4), so writing stays serial; at most two chunks wait, so
/// memory stays bounded however long the CSV is.
///
/// `@unchecked Sendable` because the reading thread hands chunks over: the count and problems change only
/// on `queue` (checked with `dispatchPrecondition`), and `finish` reads them there.
final class BatchWriter: @unchecked Sendable {
    private let folder: String
    private let mayExist: Bool
    private let output: String
    private let queue = DispatchQueue(label: "clinicsite.batch-writer")
    private let slots = DispatchSemaphore(value: 2)
    // Touched only on `queue`.
    private var count = 0
    private var problems: [Diagnostic] = []

    init(folder: String, mayExist: Bool, output: String) {
        self.folder = folder
        self.mayExist = mayExist
        self.output = output
    }

    /// Queues pages (id, HTML, calendar) for writing; waits while two chunks are already waiting.
    func enqueue(_ pages: [(String, String, String)]) {
        slots.wait()
        queue.async {
            dispatchPrecondition(condition: .onQueue(self.queue))
            for (id, html, ics) in pages {
                do {
                    try FileSystem.replace(path: "\(self.folder)/\(id).html", with: html, mode: 0o600, mayExist: self.mayExist)
                    try FileSystem.replace(path: "\(self.folder)/\(id).ics", with: ics, mode: 0o600, mayExist: self.mayExist)
                    self.count += 1
                } catch {
                    self.problems.append(Diagnostic(file: self.output, message: "cannot write the files for id '\(id)': \(error)"))
                }
            }
            self.slots.signal()
        }
    }

    /// Waits for every queued page; returns how many were written and what failed.
    func finish() -> (count: Int, problems: [Diagnostic]) {
        queue.sync { (count, problems) }
    }
}
