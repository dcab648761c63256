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
            guard let paths = listedHere ?? FileSystem.files(below: base) else {
                throw DiagnosticError(Diagnostic(file: folder + "/", message: "the folder \(folder)/ is missing from \(root.path)",
                                                 hint: "run clinicsite in the site's folder, or point --root at it"))
            }
            files.reserveCapacity(files.count + paths.count)
            let skipped = paths.map { skipping(prefix + $0) }
            let contents = zip(paths, skipped).map { $0 }.parallelMap { path, skip in skip ? Data() : FileSystem.read(base + "/" + path) }
            for (path, data) in zip(paths, contents) {
                guard let data else {
                    throw DiagnosticError(Diagnostic(file: "\(folder)/\(path)", message: "cannot read this file", hint: "check that it is readable"))
                }
                let key = "\(folder)/\(path)"
                // Swift compares strings by canonical equivalence: café.md written as NFC and as NFD are one key.
                if let index = files.index(forKey: key) {
                    let other = files[index].key
                    throw DiagnosticError(Diagnostic(file: key, message: "two files have this name, written with different Unicode forms (\(other.unicodeScalars.count) and \(key.unicodeScalars.count) characters)",
                                                     hint: "rename or delete one of them; they would be published as one page"))
                }
                files[key] = data
            }
        }
        return SiteSources(files: files)
    }
}
