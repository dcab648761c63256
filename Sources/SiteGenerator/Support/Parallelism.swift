import Foundation
import Synchronization

/// Whether work is spread over all cores. `CLINICSITE_THREADS=1` in the environment turns it off, so a
/// test can check that a parallel build writes exactly the bytes a serial one does.
enum Parallelism {
    static let enabled = ProcessInfo.processInfo.environment["CLINICSITE_THREADS"] != "1"
}

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input, so a parallel build writes exactly what a serial one would.
    /// The work is cut into a few pieces per core, each mapped on one thread, so a slow element delays only its piece.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 || !Parallelism.enabled { return map(transform) }
        let pieceCount = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount * 16)
        let pieceSize = (count + pieceCount - 1) / pieceCount
        let pieces = Mutex<[Int: [T]]>([:])
        DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
            let start = piece * pieceSize
            guard start < count else { return }
            let mapped = self[start..<Swift.min(start + pieceSize, count)].map(transform)
            pieces.withLock { $0[piece] = mapped }
        }
        return pieces.withLock { mapped in (0..<pieceCount).flatMap { mapped[$0] ?? [] } }
    }
}
