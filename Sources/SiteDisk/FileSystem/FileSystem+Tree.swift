import Foundation
import Glibc

/// Folders of files as wholes: the output's twin is made of hard links to the output's files.
extension FileSystem {
    /// Whether `path` is a symbolic link (to anything, or to nothing).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = Glibc.stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Size and modification time (nanoseconds) of a file, without following symbolic links.
    static func sizeAndTime(of path: String) -> (size: Int, modified: Int)? {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    /// Makes `target` a folder holding a hard link to every file below `source` (hidden ones too), in the
    /// same folders; false when any of it fails.
    static func linkTree(from source: String, to target: String) -> Bool {
        guard mkdir(target, 0o755) == 0, let directory = opendir(source) else { return false }
        defer { closedir(directory) }
        var ok = true
        while let entry = readdir(directory) {
            let name = String(decoding: entry.pointee.nameBytes, as: UTF8.self)
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                ok = linkTree(from: source + "/" + name, to: target + "/" + name) && ok
            } else {
                ok = link(source + "/" + name, target + "/" + name) == 0 && ok
            }
        }
        return ok
    }

    /// Creates the folders above the file `path` that are missing.
    static func makeFolders(for path: String) throws(Failure) {
        guard let slash = path.lastIndex(of: "/") else { return }
        do {
            try FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: error.localizedDescription)
        }
    }

    /// Removes the folders above `paths` (relative to `root`) that are left empty, deepest first.
    static func removeEmptyFolders(below root: String, holding paths: [String]) {
        var folders = Set<String>()
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
    }
}
