import Foundation
import Glibc

/// A file written in pieces under a hidden name no one can guess, then renamed into place in one step, so
/// no reader sees half of it and a run that fails leaves nothing under the real name.
final class AppendingFile {
    private let temporary: String
    private var descriptor: Int32

    /// Creates the hidden file beside `path` (exclusively, never following a link) with `mode`.
    init(besides path: String, mode: mode_t) throws {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        temporary = folder + ".clinicsite-\(FileSystem.processID)-\(UInt64.random(in: .min ... .max)).tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileSystem.Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { abandon() }

    /// Adds `text` at the end.
    func append(_ text: String) throws {
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw FileSystem.Failure(path: temporary, reason: String(cString: strerror(errno))) }
                offset += written
            }
        }
    }

    /// Closes the file and renames it to `path`, replacing what was there.
    func commit(to path: String) throws {
        close(descriptor)
        descriptor = -1
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileSystem.Failure(path: path, reason: reason)
        }
    }

    /// Closes and removes the hidden file; nothing appears under the real name.
    func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporary)
    }
}
