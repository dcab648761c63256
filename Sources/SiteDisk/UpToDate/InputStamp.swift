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
            guard let walked = FileSystem.walk(below: root.appendingPathComponent(folder).path, prefix: folder + "/") else { return nil }
            files.reserveCapacity(files.count + walked.count)
            files += walked.map(File.init)
        }
        return files
    }

    /// The files' stamps combined in order, with their paths.
    static func combined(_ files: [File]) -> String {
        var hash = ContentHash.seed
        for file in files {
            hash = ContentHash.value(ofText: file.path, continuing: hash)
            hash = ContentHash.value(ofWord: file.stamp, continuing: hash)
        }
        return String(hash, radix: 16)
    }
}

extension InputStamp.File {
    /// The stamp of a walked file, from its size, times and inode.
    init(_ file: FileSystem.WalkedFile) {
        var stamp = ContentHash.value(ofWord: UInt64(bitPattern: Int64(file.size)), continuing: ContentHash.seed)
        stamp = ContentHash.value(ofWord: UInt64(bitPattern: Int64(file.modified)), continuing: stamp)
        stamp = ContentHash.value(ofWord: UInt64(bitPattern: Int64(file.changed)), continuing: stamp)
        self.init(path: file.path, stamp: ContentHash.value(ofWord: file.inode, continuing: stamp))
    }
}
