import Foundation
import SiteGenerator
#if canImport(Glibc)
import Glibc
#endif

extension OutputFolder {
    /// What a write left: the report, each file made with its size and time now, and the paths at which the
    /// twin now differs from the output.
    struct Written {
        var report: Report
        var made: [OutputEntry]
        var twinBehind: [String]
    }

    /// Whether a file was hard-linked from the old output (its bytes were the same), and its size and time.
    typealias Placed = (linked: Bool, entry: OutputEntry)

    /// Writes a whole site: a new folder beside the output, then exchanged with it. Files with the bytes the
    /// old output had are hard-linked from it. The old folder becomes the twin, behind at every path.
    func replace(with files: [OutputFile]) throws(DiagnosticError) -> Written {
        try SiteReplacement(self).finish(files)
    }

    /// Brings the twin up to the output plus `files` less `removed`, then exchanges the two. `behind` are the
    /// paths at which the twin differs from the output (nil when unknown: the twin is made again from the
    /// output). Files whose bytes did not change are not written.
    func update(_ files: [OutputFile], removed: [String], behind: [String]?) throws(DiagnosticError) -> Written {
        let current = output.path
        let twinKnown = behind != nil && FileManager.default.fileExists(atPath: twin + "/" + Self.marker)
        if !twinKnown {
            FileSystem.removeTree(twin)
            guard FileSystem.linkTree(from: current, to: twin) else { throw failure("cannot write the site beside \(current)") }
        }
        let changed = files.filter { file in FileSystem.read(current + "/" + file.path) != file.data }
        let removed = removed.filter { FileManager.default.fileExists(atPath: current + "/" + $0) }
        let made = Set(changed.map(\.path))
        let gone = Set(removed)
        // A twin made now from the output is behind nowhere.
        let passed = Set(twinKnown ? behind ?? [] : []).union(gone).subtracting(made)
        for path in passed {
            let target = try safePath(for: path, in: twin)
            unlink(target)
            guard !gone.contains(path), FileManager.default.fileExists(atPath: current + "/" + path) else { continue }
            try link(current + "/" + path, to: target)
        }
        for file in changed { _ = try place(file, in: twin, from: nil, isNew: false) }
        FileSystem.removeEmptyFolders(below: twin, holding: Array(passed))
        try exchange(twin)
        let report = Report(written: changed.count, unchanged: 0, removed: removed.count)
        return Written(report: report, made: try entries(files.map(\.path)), twinBehind: Array(made.union(gone)).sorted())
    }

    /// Puts `file` in `folder`: a hard link to the same file in `previous` when its bytes are the same, else a
    /// new file. A file there first (`isNew` false) is unlinked, never written through: it may be shared with
    /// the output. Returns whether it was linked, and the file's size and time.
    func place(_ file: OutputFile, in folder: String, from previous: String?, isNew: Bool) throws(DiagnosticError) -> Placed {
        let target = try safePath(for: file.path, in: folder)
        if let previous, FileSystem.read(previous + "/" + file.path) == file.data {
            try link(previous + "/" + file.path, to: target)
            if let found = FileSystem.sizeAndTime(of: target) { return (true, OutputEntry(path: file.path, size: found.size, modified: found.modified)) }
        }
        if !isNew { unlink(target) }
        let written = try write(file.data, at: target)
        return (false, OutputEntry(path: file.path, size: written.size, modified: written.modified))
    }

    /// Hard-links `source` at `target`, making the folders above it first when they are missing; false when it failed.
    @discardableResult
    func link(_ source: String, to target: String) throws(DiagnosticError) -> Bool {
        guard Glibc.link(source, target) != 0 else { return true }
        try folders(for: target)
        return Glibc.link(source, target) == 0
    }

    private func folders(for path: String) throws(DiagnosticError) {
        do {
            try FileSystem.makeFolders(for: path)
        } catch {
            throw failure(error.description)
        }
    }

    func write(_ data: Data, at path: String) throws(DiagnosticError) -> FileSystem.Written {
        do {
            do {
                return try FileSystem.write(data, to: path)
            } catch {
                try FileSystem.makeFolders(for: path)
                return try FileSystem.write(data, to: path)
            }
        } catch {
            let reason = (error as? FileSystem.Failure)?.reason ?? "\(error)"
            throw failure("cannot write \(sitePath(of: path)): \(reason)", hint: "check that the disk has free space and that this folder may be written to")
        }
    }

    /// `path` as a path of the site (`en/index.html`), for a file of the new folder beside the output or of the twin.
    private func sitePath(of path: String) -> String {
        guard path.hasPrefix(parent + "/.") else { return path }
        let inside = path.dropFirst(parent.count + 2)
        return inside.firstIndex(of: "/").map { String(inside[inside.index(after: $0)...]) } ?? path
    }

    /// Exchanges `folder` with the output (or moves it there when there is none yet).
    func exchange(_ folder: String) throws(DiagnosticError) {
        if !FileManager.default.fileExists(atPath: output.path) {
            guard rename(folder, output.path) == 0 else { throw failure("cannot put the site in place: \(String(cString: strerror(errno)))") }
            return
        }
        guard AtomicExchange.exchange(folder, output.path) else {
            throw failure("cannot put the site in place: \(String(cString: strerror(errno)))",
                          hint: "the output must be on a Linux file system that can exchange two folders (ext4, xfs, btrfs, tmpfs)")
        }
    }

    /// Each path's size and time in the output now.
    private func entries(_ paths: [String]) throws(DiagnosticError) -> [OutputEntry] {
        let found = paths.parallelMap { path in FileSystem.sizeAndTime(of: output.path + "/" + path).map { OutputEntry(path: path, size: $0.size, modified: $0.modified) } }
        guard found.allSatisfy({ $0 != nil }) else { throw failure("a file of the site vanished while it was written") }
        return found.map { $0! }
    }
}
