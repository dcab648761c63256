import Foundation
import Glibc

/// A folder's regular files with their metadata, in one pass: each entry is statted relative to its open
/// folder (`fstatat`), so no full path is built and looked up again for every file. Statting 10,000 files
/// this way is what a build with nothing to do, or with one page to redo, mostly costs.
extension FileSystem {
    /// One regular file: its path relative to the walked folder and what `lstat` says of it.
    struct WalkedFile {
        var path: String
        var size: Int
        /// Modification time in nanoseconds.
        var modified: Int
        /// Status change time in nanoseconds.
        var changed: Int
        var inode: UInt64
    }

    /// Whether a walk lists the file at this relative path: no part of it hidden, no editor backup.
    static func isListed(_ path: String) -> Bool {
        path.split(separator: "/").allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix("~") }
    }

    /// The regular files below `folder`, sorted by path, skipping what `files(below:)` skips (hidden names,
    /// editor backups, symbolic links); nil when `folder` is not a readable directory.
    /// `prefix` is put before every path (`content/`), so callers need not make each path again.
    static func walk(below folder: String, prefix: String = "") -> [WalkedFile]? {
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return nil }
        var result: [WalkedFile] = []
        walk(descriptor: top, prefix: prefix, into: &result)
        result.sort { $0.path < $1.path }
        return result
    }

    /// Walks the open folder `descriptor` (and closes it), adding its files with `prefix` before their names.
    /// Names are read first, then statted on all cores in chunks.
    private static func walk(descriptor: Int32, prefix: String, into result: inout [WalkedFile]) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 == CChar(UInt8(ascii: ".")) { continue }
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if !name.hasSuffix("~") { names.append(name) }
        }
        let chunks = stride(from: 0, to: names.count, by: 512).map { names[$0..<min($0 + 512, names.count)] }
        let statted = chunks.parallelMap { chunk in chunk.map { name -> (String, stat)? in
            var info = stat()
            return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? (name, info) : nil
        } }
        for case let (name, info)? in statted.joined() {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                result.append(WalkedFile(path: prefix + name, size: Int(info.st_size),
                                         modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                                         changed: info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec, inode: UInt64(info.st_ino)))
            case S_IFDIR:
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if child >= 0 { walk(descriptor: child, prefix: prefix + name + "/", into: &result) }
            default:
                continue
            }
        }
    }
}
