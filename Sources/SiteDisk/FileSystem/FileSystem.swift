import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one place clinicsite touches files: the reads, writes, listings and status calls of a build and of
/// a batch of timelines go through here (the preview server reads the files it serves on its own).
///
/// Plain POSIX calls: Foundation's `Data.write` fsyncs every file, which made writing 10,000 pages wait on
/// the disk for most of a build (durability comes from the final rename instead), and its conveniences make
/// several system calls more per file.
enum FileSystem {
    static let processID = getpid()

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    /// A written file's size and modification time (nanoseconds), as `lstat` would give them.
    struct Written {
        var size: Int
        var modified: Int
    }

    /// Creates (or truncates) the file at `path` and writes all of `bytes`.
    @discardableResult
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o644, exclusive: Bool = false) throws -> Written {
        // Exclusive: the file must not exist yet and may not be a symbolic link, so nothing planted there is followed.
        let flags = exclusive ? O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC : O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        let descriptor = open(path, flags, mode)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        return try write(bytes, to: descriptor, path: path)
    }

    /// Writes all of `bytes` to the open, empty file `descriptor` (named `path` in errors), leaving it open.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws -> Written {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            offset += written
        }
        // Asked of the open file, so the record's sizes and times need no second pass over the output.
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        return Written(size: Int(info.st_size), modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    @discardableResult
    static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws -> Written {
        try data.withUnsafeBytes { try write($0, to: path, mode: mode) }
    }

    /// Writes beside the target and renames it into place, so no reader ever sees half a file (for a moment
    /// there may be no file at all).
    static func replace(_ url: URL, with text: String, mode: mode_t = 0o644) throws {
        try replace(path: url.path, with: text, mode: mode, mayExist: true)
    }

    /// `mayExist: false` skips removing an old file, for folders that started empty.
    static func replace(path: String, with text: String, mode: mode_t = 0o644, mayExist: Bool) throws {
        var text = text
        try text.withUTF8 { try replace(path: path, bytes: UnsafeRawBufferPointer($0), mode: mode, removingFirst: mayExist) }
    }

    /// Writes beside the target and renames it over the old file, so a reader sees the old bytes or the new,
    /// never half a file and never no file. `removingFirst` trades that last promise for speed, as `replace(path:with:mode:mayExist:)` does.
    static func replace(path: String, with data: Data, mode: mode_t = 0o644, removingFirst: Bool = false) throws {
        try data.withUnsafeBytes { try replace(path: path, bytes: $0, mode: mode, removingFirst: removingFirst) }
    }

    private static func replace(path: String, bytes: UnsafeRawBufferPointer, mode: mode_t, removingFirst: Bool) throws {
        try install(writeBeside(path, bytes: bytes, mode: mode), at: path, removingFirst: removingFirst)
    }

    /// Writes `bytes` to a new file beside `path`, under a hidden name no one can guess, created exclusively (a
    /// file or link planted in advance cannot be hit); returns its path, for `install` or `unlink`.
    static func writeBeside(_ path: String, bytes: UnsafeRawBufferPointer, mode: mode_t = 0o644) throws -> String {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        let temporary = folder + ".clinicsite-\(processID)-\(UInt64.random(in: .min ... .max)).tmp"
        do {
            try write(bytes, to: temporary, mode: mode, exclusive: true)
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// Renames a file `writeBeside` wrote over `path` (the temporary file is removed if that fails).
    static func install(_ temporary: String, at path: String, removingFirst: Bool) throws {
        // Renaming over an existing file makes ext4 flush it to disk first (auto_da_alloc), which made
        // rewriting a batch of patients several times slower; removing it first avoids that.
        if removingFirst { unlink(path) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }
}

extension dirent {
    /// The entry's name as its bytes: `d_name` is a fixed C array, holding the name up to its terminating zero.
    var nameBytes: [UInt8] {
        withUnsafeBytes(of: d_name) { Array($0.prefix { $0 != 0 }) }
    }

    /// The entry's name; nil when it is not UTF-8.
    var name: String? {
        String(validating: nameBytes, as: UTF8.self)
    }
}
