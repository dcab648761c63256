import Foundation

/// A second procedure for tests only, clearly fictional (no facts exist for it, so it never goes into `content/`
/// or the starter site): its rules file and pages in English and French, kept as files in
/// `Tests/Fixtures/fictional-procedure/` (where `scripts/verify` finds them too), with days and gaps unlike skin
/// needling's, so a page or handout that took the wrong procedure's rules shows it.
public enum FictionalProcedure {
    /// The folder that holds its files as they go below a site's root.
    public static let folder = Fixture.repository.appendingPathComponent("Tests/Fixtures/fictional-procedure")

    /// Its files, by path below the site root.
    public static let files: [String: String] = {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = text
        }
        precondition(files.count == 5, "the fictional procedure's files are missing from \(folder.path)")
        return files
    }()

    /// Writes the files below `root` (a scratch copy of the shipped site).
    public static func install(in root: URL) throws {
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }
}
