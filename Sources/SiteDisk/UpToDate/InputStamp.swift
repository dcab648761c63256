import SiteGenerator
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stamps of a site's input files (`content/`, `templates/`) from their metadata alone: path, size,
/// modification and change times, inode — what `git status` trusts. A stamp changes whenever a file is
/// saved, and costs one `lstat`. Used to skip unchanged builds, to find the files a rebuild must read
/// again, and to notice edits while previewing.
public enum InputStamp {
    /// One input file and its stamp; `path` is relative to the site root (`content/en/healing.md`).
    public struct File: Sendable, Equatable {
        public var path: String
        public var stamp: UInt64
    }

    /// The stamp of all inputs together, or nil when an input folder is missing or a file vanishes while it is read.
    public static func of(root: URL) -> String? {
        files(root: root).map(combined)
    }

    /// Every input file with its stamp, sorted by path within each folder; nil as for `of`.
    public static func files(root: URL) -> [File]? {
        var files: [File] = []
        for folder in SiteSources.inputFolders {
            let base = root.appendingPathComponent(folder).path
            guard let paths = FileSystem.files(below: base) else { return nil }
            // Each file's metadata is hashed on its own, on all cores.
            let stamps = paths.parallelMap { path -> UInt64? in
                var info = stat()
                guard lstat(base + "/" + path, &info) == 0 else { return nil }
                return ContentHash.value(of: [Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec,
                                              info.st_ctim.tv_sec, info.st_ctim.tv_nsec, Int(info.st_ino)])
            }
            for (path, stamp) in zip(paths, stamps) {
                guard let stamp else { return nil }
                files.append(File(path: "\(folder)/\(path)", stamp: stamp))
            }
        }
        return files
    }

    /// The files' stamps combined in order, with their paths.
    static func combined(_ files: [File]) -> String {
        var hash = ContentHash.seed
        for file in files {
            hash = ContentHash.value(ofText: "\(file.path)\u{0}\(file.stamp)\u{0}", continuing: hash)
        }
        return String(hash, radix: 16)
    }
}
