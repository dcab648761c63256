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
    /// `print-all.html`, every handout in CSV order, built as the pages are written.
    private var printAll: AppendingFile?
    private let printAllParts: (head: String, tail: String)

    /// The name of the file that holds every handout of the batch, for printing them in one go.
    static let printAllName = "print-all.html"

    init(folder: String, mayExist: Bool, output: String, printAllParts: (head: String, tail: String)) {
        self.folder = folder
        self.mayExist = mayExist
        self.output = output
        self.printAllParts = printAllParts
        do {
            printAll = try AppendingFile(besides: "\(folder)/\(Self.printAllName)", mode: 0o600)
            try printAll?.append(printAllParts.head)
        } catch {
            printAll = nil
            problems.append(Diagnostic(file: output, message: "cannot write \(Self.printAllName): \(error)"))
        }
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
                    if let sheet = PersonalTimelines.sheet(in: html) { try self.printAll?.append(String(sheet) + "\n") }
                    self.count += 1
                } catch {
                    self.problems.append(Diagnostic(file: self.output, message: "cannot write the files for id '\(id)': \(error)"))
                }
            }
            self.slots.signal()
        }
    }

    /// Waits for every queued page, then puts `print-all.html` in place when at least one page was written;
    /// returns how many were written and what failed.
    func finish() -> (count: Int, problems: [Diagnostic]) {
        queue.sync {
            if count > 0, let printAll {
                do {
                    try printAll.append(printAllParts.tail)
                    try printAll.commit(to: "\(folder)/\(Self.printAllName)")
                } catch {
                    problems.append(Diagnostic(file: output, message: "cannot write \(Self.printAllName): \(error)"))
                }
            }
            printAll?.abandon()
            printAll = nil
            return (count, problems)
        }
    }
}
