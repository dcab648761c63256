import Foundation
import SiteGenerator
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

        init(path: String, info: stat) {
            self.path = path
            size = Int(info.st_size)
            modified = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            changed = info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec
            inode = UInt64(info.st_ino)
        }
    }

    /// Whether a walk lists the file at this relative path: no part of it hidden, no editor backup.
    static func isListed(_ path: String) -> Bool {
        // On the bytes: "/" and "." and "~" are single UTF-8 bytes that never occur inside another character.
        var path = path
        return path.withUTF8 { bytes in
            var start = true
            for (index, byte) in bytes.enumerated() {
                if start && byte == UInt8(ascii: ".") { return false }
                if byte == UInt8(ascii: "~") && (index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: "/")) { return false }
                start = byte == UInt8(ascii: "/")
            }
            return true
        }
    }

    /// The regular files below `folder`, sorted by path, skipping what `files(below:)` skips (hidden names,
    /// editor backups, symbolic links: those are listed, never followed, when `links` is true); nil when `folder` is not a readable directory. `prefix` is put before
    /// every path (`content/`).
    static func walk(below folder: String, prefix: String = "", links: Bool = false) -> [WalkedFile]? {
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return nil }
        var result: [WalkedFile] = []
        walk(descriptor: top, prefix: prefix, links: links, into: &result)
        // By the bytes of the paths (the order SQLite keeps the record's rows in), compared as arrays: comparing
        // the strings' UTF-8 views element by element took most of a walk.
        let keys = result.map { Array($0.path.utf8) }
        return keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { result[$0] }
    }

    /// Walks the open folder `descriptor` (and closes it), adding its files with `prefix` before their names;
    /// the names of one folder are statted on all cores.
    private static func walk(descriptor: Int32, prefix: String, links: Bool, into result: inout [WalkedFile]) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            // A name that is not UTF-8 cannot be given a path: it is listed unreadable, as its path with U+FFFD, so a build reports it.
            guard let name = entry.pointee.name else {
                result.append(WalkedFile(path: prefix + String(decoding: entry.pointee.nameBytes, as: UTF8.self), info: stat()))
                continue
            }
            if !name.hasPrefix("."), !name.hasSuffix("~") { names.append(name) }
        }
        let found = names.parallelMap { name in statted(name, in: descriptor).map { (name, $0) } }
        for case let (name, info)? in found {
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                result.append(WalkedFile(path: prefix + name, info: info))
            case S_IFLNK where links:
                // An input that is a link: reading it fails, and the build says why (`SiteSources.load`).
                result.append(WalkedFile(path: prefix + name, info: info))
            case S_IFDIR:
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if child >= 0 { walk(descriptor: child, prefix: prefix + name + "/", links: links, into: &result) }
            default:
                break
            }
        }
    }

    /// The status of `name` in the open folder, not following a symbolic link.
    private static func statted(_ name: String, in folder: Int32) -> stat? {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }
}
