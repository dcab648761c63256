import SiteGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A stamp of a site's input files (`content/`, `templates/`) from their metadata alone: path, size,
/// modification and change times, inode — what `git status` trusts. It changes whenever a file is added,
/// removed or saved, and costs one `lstat` per file. Used to skip unchanged builds and to notice edits
/// while previewing.
public enum InputStamp {
    /// The stamp, or nil when an input folder is missing or a file vanishes while it is read.
    public static func of(root: URL) -> String? {
        var hash = ContentHash.seed
        for folder in SiteSources.inputFolders {
            let base = root.appendingPathComponent(folder).path
            guard let paths = FileSystem.files(below: base) else { return nil }
            // Each file's metadata is hashed on its own, on all cores, and the hashes are combined in path order.
            let hashes = paths.parallelMap { path -> UInt64? in
                var info = stat()
                guard lstat(base + "/" + path, &info) == 0 else { return nil }
                let pathHash = ContentHash.value(of: Data("\(folder)/\(path)\u{0}".utf8))
                return ContentHash.value(of: [Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
                                              info.st_ctim.tv_sec, info.st_ctim.tv_nsec, Int(info.st_ino)], continuing: pathHash)
            }
            for fileHash in hashes {
                guard let fileHash else { return nil }
                hash = ContentHash.value(of: [Int(bitPattern: UInt(fileHash))], continuing: hash)
            }
        }
        return String(hash, radix: 16)
    }
}
