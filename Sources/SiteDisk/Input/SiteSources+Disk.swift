import Foundation
import SiteGenerator

extension SiteSources {
    /// Reads `content/` and `templates/` below `root`. Hidden files and editor backups are skipped; a symbolic
    /// link is an error, never followed, so nothing outside the site can be pulled in.
    public static func load(root: URL) throws(DiagnosticError) -> SiteSources {
        guard let listed = InputStamp.files(root: root) else { throw missing(root: root) }
        return try load(root: root, listed: listed, unchanged: [], removed: [])
    }

    /// Reads the files `listed` (as `InputStamp.files` lists them) but those `unchanged` since the last build,
    /// which are read only if the build asks for them.
    static func load(root: URL, listed: [InputStamp.File], unchanged: Set<String>, removed: Set<String>) throws(DiagnosticError) -> SiteSources {
        let base = root.path + "/"
        let paths = listed.map(\.path).filter { !unchanged.contains($0) }
        let contents = paths.parallelMap { FileSystem.read(base + $0) }
        var files: [String: Data] = [:]
        try add(zip(paths, contents), below: base, to: &files)
        return SiteSources(files: files, unchanged: unchanged, removed: removed) { FileSystem.read(base + $0) }
    }

    static func missing(root: URL) -> DiagnosticError {
        let folder = inputFolders.first { !FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) } ?? inputFolders[0]
        return missing(folder, in: root)
    }

    private static func missing(_ folder: String, in root: URL) -> DiagnosticError {
        DiagnosticError(Diagnostic(file: folder + "/", message: "the folder \(folder)/ is missing from \(root.path)",
                                   hint: "run clinicsite in the site's folder, or point --root at it"))
    }

    /// Adds files read (path from the site root, bytes or nil when the file could not be read) to `files`; every file
    /// that could not be read is reported at once.
    private static func add(_ read: some Sequence<(String, Data?)>, below base: String, to files: inout [String: Data]) throws(DiagnosticError) {
        files.reserveCapacity(files.count + read.underestimatedCount)
        var problems: [Diagnostic] = []
        for (key, data) in read {
            guard let data else {
                problems.append(unreadable(key, below: base))
                continue
            }
            // Swift compares strings by canonical equivalence: café.md written as NFC and as NFD are one key
            // (which keeps the spelling it was first added with). Named in byte order, whichever came first.
            if files.updateValue(data, forKey: key) != nil, let index = files.index(forKey: key) {
                let names = [files[index].key, key].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                let counts = names.map { String($0.unicodeScalars.count) }
                problems.append(Diagnostic(file: names[1], message: "two files have this name, written with different Unicode forms (\(counts[0]) and \(counts[1]) characters)",
                                           hint: "rename or delete one of them; they would be published as one page"))
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// Why the input at `key` could not be read.
    private static func unreadable(_ key: String, below base: String) -> Diagnostic {
        if key.unicodeScalars.contains("\u{FFFD}") {
            return Diagnostic(file: key, message: "this file's name is not UTF-8 text (\u{FFFD} stands for what is not), so it cannot be published",
                              hint: "rename it, with letters, digits and hyphens, such as my-page.md")
        }
        if FileSystem.isSymbolicLink(base + key) {
            return Diagnostic(file: key, message: "this is a symbolic link, which clinicsite does not follow: a link could publish files from outside the site",
                              hint: "put a copy of the file (or folder) here instead of the link")
        }
        return Diagnostic(file: key, message: "cannot read this file", hint: "check that it is readable")
    }
}
