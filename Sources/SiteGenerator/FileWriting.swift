import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX file writes. Foundation's `Data.write` fsyncs every file, which made writing 10,000 pages
/// wait on the disk for most of a build; durability comes from the final rename instead.
enum FileWriting {
    private static let processID = getpid()

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    /// Creates (or truncates) the file at `path` and writes all of `bytes`.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o644) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            offset += written
        }
    }

    static func write(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        try data.withUnsafeBytes { try write($0, to: path, mode: mode) }
    }

    /// Writes beside the target and renames it into place, so no reader ever sees half a file (for a moment
    /// there may be no file at all).
    static func replace(_ url: URL, with text: String, mode: mode_t = 0o644) throws {
        try replace(path: url.path, with: text, mode: mode, mayExist: true)
    }

    /// `mayExist: false` skips removing an old file, for folders that started empty.
    static func replace(path: String, with text: String, mode: mode_t = 0o644, mayExist: Bool) throws {
        let temporary = path + ".\(processID).tmp"
        var text = text
        do {
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: temporary, mode: mode) }
        } catch {
            unlink(temporary)
            throw error
        }
        // Renaming over an existing file makes ext4 flush it to disk first (auto_da_alloc), which made
        // rewriting a batch of patients several times slower; removing it first avoids that.
        if mayExist { unlink(path) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }
}

/// Plain POSIX reads and directory walks: one `open`, `fstat` and `read` per file, where Foundation's
/// conveniences make several system calls more (and look up user names) for every file of a large site.
enum FileReading {
    /// Regular files below `folder`, as paths relative to it, sorted. Hidden entries (starting with `.`)
    /// and editor backups (ending in `~`) are skipped; symbolic links are not followed, so nothing outside
    /// the folder can be pulled in. Returns nil when `folder` is not a readable directory.
    static func files(below folder: String) -> [String]? {
        guard let top = opendir(folder) else { return nil }
        closedir(top)
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(folder + "/" + child, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? UInt8(DT_REG) : 0
                }
                if type == UInt8(DT_DIR) { pending.append(child) } else if type == UInt8(DT_REG) { result.append(child) }
            }
        }
        return result.sorted()
    }

    /// The whole file, or nil when it cannot be opened or read.
    static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return count == 0 }
                total += count
            }
            return true
        }
        guard complete else { return nil }
        if total < data.count { data.removeSubrange(total...) }
        return data
    }
}
