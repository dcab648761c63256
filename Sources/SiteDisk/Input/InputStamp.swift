import SiteGenerator
import Foundation

/// Stamps of a site's input files (`content/`, `templates/`) from their metadata alone: size, modification
/// and change times, inode (what `git status` trusts). A stamp changes whenever a file is saved, even to the
/// same size with its old modification time put back (the change time cannot be), and costs one `lstat`.
/// Used to find the files a rebuild must read again, and to notice edits while previewing.
public enum InputStamp {
    /// One input file and its stamp; `path` is relative to the site root (`content/en/healing.md`).
    public struct File: Sendable, Equatable {
        /// Relative to the site root, with `/` separators.
        public var path: String
        /// What `lstat` says of it: size, modification and status-change times (nanoseconds), inode.
        public var stamp: [Int]
    }

    /// The stamp of all inputs together, or nil when an input folder is missing.
    public static func of(root: URL) -> String? {
        files(root: root).map(combined)
    }

    /// Every input file with its stamp, in the byte order of the paths within each folder; nil when an input folder is missing.
    public static func files(root: URL) -> [File]? {
        var files: [File] = []
        for folder in SiteSources.inputFolders {
            guard let walked = FileSystem.walk(below: root.appendingPathComponent(folder).path, prefix: folder + "/", links: true) else { return nil }
            files += walked.map(File.init)
        }
        return files
    }

    /// The fingerprint of every file's path and stamp, in order.
    static func combined(_ files: [File]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.count * 80)
        for file in files {
            bytes += file.path.utf8
            bytes.append(0)
            for number in file.stamp {
                for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: number >> shift)) }
            }
        }
        return Fingerprint(of: Data(bytes)).description
    }
}

extension InputStamp.File {
    /// The stamp of a walked file.
    init(_ file: FileSystem.WalkedFile) {
        self.init(path: file.path, stamp: [file.size, file.modified, file.changed, Int(truncatingIfNeeded: file.inode)])
    }
}
