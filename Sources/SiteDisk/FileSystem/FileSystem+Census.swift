import Foundation
import Glibc

/// Checks a folder against a list of files without listing it the way `walk` does: no path is made, nothing
/// is sorted. A build that finds the output as it left it asks only this, so it costs one `fstatat` per file
/// and one directory read per folder.
extension FileSystem {
    /// Whether the folder at `folder` holds exactly `expected` as `walk(below:)` would list it (same paths,
    /// sizes and modification times; hidden names, backups and symbolic links are not counted), in any order.
    /// Each path must appear once in `expected`.
    static func holdsExactly(_ expected: [OutputEntry], below folder: String) -> Bool {
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return false }
        defer { close(top) }
        // Every listed file is still a regular file as it was. Relative paths are looked up from the open
        // folder; one through a symbolic link to a folder passes here but is not counted below.
        let chunks = stride(from: 0, to: expected.count, by: 1024).map { expected[$0..<min($0 + 1024, expected.count)] }
        let unchanged = chunks.parallelMap { chunk in
            chunk.allSatisfy { file in
                var info = stat()
                return fstatat(top, file.path, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG
                    && Int(info.st_size) == file.size && info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec == file.modified
            }
        }
        // And nothing else: as many listed files as expected, all of them distinct paths that exist.
        guard unchanged.allSatisfy({ $0 }), let count = listedFileCount(in: dup(top)) else { return false }
        return count == expected.count
    }

    /// How many files `walk` would list below the open folder `descriptor` (closed here); nil when a folder
    /// cannot be read.
    private static func listedFileCount(in descriptor: Int32) -> Int? {
        guard descriptor >= 0, let directory = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return nil
        }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let name = entry.pointee.nameBytes
            guard let first = name.first, first != UInt8(ascii: "."), name.last != UInt8(ascii: "~") else { continue }
            var type = Int32(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                // Some file systems do not say; ask as `walk` does.
                var info = stat()
                guard fstatat(dirfd(directory), &entry.pointee.d_name.0, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                type = Int32(info.st_mode & S_IFMT == S_IFREG ? DT_REG : info.st_mode & S_IFMT == S_IFDIR ? DT_DIR : DT_UNKNOWN)
            }
            if type == DT_REG {
                count += 1
            } else if type == DT_DIR {
                let child = openat(dirfd(directory), &entry.pointee.d_name.0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                guard let inside = listedFileCount(in: child) else { return nil }
                count += inside
            }
        }
        return count
    }
}
