import Foundation
import SiteGenerator

extension SiteSources {
    /// Reads `content/` and `templates/` below `root`. Hidden files and editor backups are skipped;
    /// symbolic links are not followed, so nothing outside the site can be pulled in.
    public static func load(root: URL) throws(DiagnosticError) -> SiteSources {
        try load(root: root, listed: nil) { _ in false }
    }

    /// Reads the sources as `load(root:)` does, from the files `listed` (as `InputStamp.files` lists them; nil
    /// to list the folders now), leaving the bytes empty for the paths `skipping` names.
    static func load(root: URL, listed: [InputStamp.File]?, skipping: (String) -> Bool) throws(DiagnosticError) -> SiteSources {
        var files: [String: Data] = [:]
        for folder in inputFolders {
            let base = root.appendingPathComponent(folder).path
            let prefix = folder + "/"
            let listedHere = listed.map { files in files.filter { $0.path.hasPrefix(prefix) }.map { String($0.path.dropFirst(prefix.count)) } }
            guard let paths = listedHere ?? FileSystem.files(below: base) else { throw missing(folder, in: root) }
            let skipped = paths.map { skipping(prefix + $0) }
            let contents = zip(paths, skipped).map { $0 }.parallelMap { path, skip in skip ? Data() : FileSystem.read(base + "/" + path) }
            try add(zip(paths.lazy.map { prefix + $0 }, contents), to: &files)
        }
        return SiteSources(files: files)
    }

    /// Reads the sources as `load(root:)` does and stamps every file as `InputStamp.files` would, in one walk:
    /// each file is opened once, for both.
    static func loadStamped(root: URL) throws(DiagnosticError) -> (sources: SiteSources, stamps: [InputStamp.File]) {
        var files: [String: Data] = [:]
        var stamps: [InputStamp.File] = []
        for folder in inputFolders {
            guard let walked = FileSystem.walk(below: root.appendingPathComponent(folder).path, prefix: folder + "/", reading: true) else {
                throw missing(folder, in: root)
            }
            stamps += walked.map(InputStamp.File.init)
            try add(walked.lazy.map { ($0.path, $0.contents) }, to: &files)
        }
        return (SiteSources(files: files), stamps)
    }

    private static func missing(_ folder: String, in root: URL) -> DiagnosticError {
        DiagnosticError(Diagnostic(file: folder + "/", message: "the folder \(folder)/ is missing from \(root.path)",
                                   hint: "run clinicsite in the site's folder, or point --root at it"))
    }

    /// Adds files read (path from the site root, bytes or nil when the file could not be read) to `files`.
    private static func add(_ read: some Sequence<(String, Data?)>, to files: inout [String: Data]) throws(DiagnosticError) {
        files.reserveCapacity(files.count + read.underestimatedCount)
        for (key, data) in read {
            guard let data else {
                if key.unicodeScalars.contains("\u{FFFD}") {
                    throw DiagnosticError(Diagnostic(file: key, message: "this file's name is not UTF-8 text (\u{FFFD} stands for what is not), so it cannot be published",
                                                     hint: "rename it, with letters, digits and hyphens, such as my-page.md"))
                }
                throw DiagnosticError(Diagnostic(file: key, message: "cannot read this file", hint: "check that it is readable"))
            }
            // Swift compares strings by canonical equivalence: café.md written as NFC and as NFD are one key
            // (which keeps the spelling it was first added with). Named in byte order, whichever came first.
            if files.updateValue(data, forKey: key) != nil, let index = files.index(forKey: key) {
                let names = [files[index].key, key].sorted { $0.precedesInByteOrder($1) }
                let counts = names.map { String($0.unicodeScalars.count) }
                throw DiagnosticError(Diagnostic(file: names[1], message: "two files have this name, written with different Unicode forms (\(counts[0]) and \(counts[1]) characters)",
                                                 hint: "rename or delete one of them; they would be published as one page"))
            }
        }
    }
}
