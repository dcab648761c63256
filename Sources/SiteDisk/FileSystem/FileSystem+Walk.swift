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
        /// The file's bytes, for a walk that reads (`walk(below:prefix:reading: true)`); nil when not read or
        /// when reading failed.
        var contents: Data?

        init(path: String, info: stat, contents: Data? = nil) {
            self.path = path
            size = Int(info.st_size)
            modified = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
            changed = info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec
            inode = UInt64(info.st_ino)
            self.contents = contents
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

    /// The regular files below `folder`, in the byte order of their paths, skipping what `files(below:)` skips
    /// (hidden names, editor backups, symbolic links); nil when `folder` is not a readable directory.
    /// `prefix` is put before every path (`content/`), so callers need not make each path again.
    /// `reading` also reads every file (`WalkedFile.contents`): each is opened, then statted through its open
    /// descriptor, so reading a site and stamping it costs one `open` per file instead of an `lstat` and an
    /// `open`. A file that cannot be read is listed with nil contents.
    static func walk(below folder: String, prefix: String = "", reading: Bool = false) -> [WalkedFile]? {
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return nil }
        var result: [WalkedFile] = []
        walk(descriptor: top, prefix: prefix, reading: reading, into: &result)
        return result
    }

    /// Walks the open folder `descriptor` (and closes it), adding its files with `prefix` before their names.
    /// Names are statted (or opened and read) on other threads in chunks while the folder is still being
    /// listed, and each is given its full path and its place in path order there (`WalkOrder`), so this
    /// thread only sorts small keys.
    private static func walk(descriptor: Int32, prefix: String, reading: Bool, into result: inout [WalkedFile]) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        let work = StreamedWork<Entry>()
        var names: [String] = []
        var notUTF8: [WalkedFile] = []
        func handOut() {
            let chunk = names
            work.start {
                chunk.compactMap { name in
                    (reading ? opened(name, in: descriptor) : statted(name, in: descriptor)).map { Entry(name: name, prefix: prefix, found: $0) }
                }
            }
            names.removeAll(keepingCapacity: true)
        }
        let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name)!
        while let entry = readdir(directory) {
            // Read in place: copying `d_name` out of the entry would copy all 256 bytes.
            let pointer = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            if pointer.pointee == CChar(UInt8(ascii: ".")) { continue }
            // A name that is not UTF-8 cannot be given a path (String would replace its bytes, and nothing would
            // open it then): it is listed unreadable, as its path with U+FFFD, so a build reports it.
            guard let name = String(validatingCString: pointer) else {
                notUTF8.append(WalkedFile(path: prefix + String(cString: pointer), info: stat()))
                continue
            }
            if !name.hasSuffix("~") { names.append(name) }
            if names.count == 256 { handOut() }
        }
        if !names.isEmpty { handOut() }
        result.append(contentsOf: notUTF8)
        // Entries are looked at where they are, never copied whole: each copy of one is a retain per field.
        let found = work.results()
        result.reserveCapacity(result.count + found.reduce(0) { $0 + $1.count })
        for (piece, index) in WalkOrder.sorted(found.map { $0.map(\.order) }, name: { found[$0][$1].name }) {
            switch found[piece][index].type {
            case S_IFREG:
                result.append(found[piece][index].file)
            case S_IFDIR:
                let name = found[piece][index].name
                let child = found[piece][index].folder ?? openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                if child >= 0 { walk(descriptor: child, prefix: prefix + name + "/", reading: reading, into: &result) }
            default:
                continue
            }
        }
    }

    /// One name in a folder being walked, as found by `statted` or `opened`: the file with its full path,
    /// its type, its descriptor (a folder, when reading) and its place in path order. Only what is needed of
    /// `stat` is kept (a whole `stat` is 144 bytes).
    private struct Entry {
        var name: String
        var file: WalkedFile
        /// `S_IFREG`, `S_IFDIR`…
        var type: mode_t
        var folder: Int32?
        var order: WalkOrder

        init(name: String, prefix: String, found: Found) {
            self.name = name
            file = WalkedFile(path: prefix + name, info: found.info, contents: found.contents)
            type = found.info.st_mode & S_IFMT
            folder = found.folder
            order = WalkOrder(name: name, isFolder: type == S_IFDIR)
        }
    }

    /// What statting or opening a name gave.
    private struct Found {
        var info: stat
        var contents: Data?
        var folder: Int32?
    }

    private static func statted(_ name: String, in folder: Int32) -> Found? {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? Found(info: info) : nil
    }

    /// Opens `name` without following a symbolic link (one is skipped, as `lstat` would show it) and
    /// without waiting (a FIFO cannot hang the walk); reads it when it is a regular file.
    private static func opened(_ name: String, in folder: Int32) -> Found? {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            // Unreadable but there: listed with no contents, so the build can say which file it could not read.
            var info = stat()
            guard errno != ELOOP, fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return Found(info: info)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return Found(info: info, folder: descriptor)
        case S_IFREG:
            defer { close(descriptor) }
            return Found(info: info, contents: readContents(descriptor, size: Int(info.st_size)))
        default:
            close(descriptor)
            return Found(info: info)
        }
    }
}
