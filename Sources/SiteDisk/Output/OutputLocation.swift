import Foundation
import SiteGenerator

/// Rules for where output may go, so that a build can never replace the sources it reads.
public enum OutputLocation {
    /// Throws when `output` is the site root, an input folder, inside one, or a folder that contains one.
    public static func check(output: URL, root: URL) throws(DiagnosticError) {
        let out = resolved(output)
        let base = resolved(root)
        func refuse(_ why: String) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: output.path, message: "refusing to use this output folder: \(why)",
                                       hint: "choose a separate folder, such as \(base)/public"))
        }
        if isInside(base, out) || out == "/" {
            throw refuse("it contains the site's own files, which the build would replace")
        }
        for folder in SiteSources.inputFolders where isInside(out, base + "/" + folder) {
            throw refuse("it is inside \(folder)/, which holds the sources")
        }
    }

    /// Throws when personal timelines would land where they could be published: inside the site output
    /// (`ROOT/public`, or any folder clinicsite built), or among the sources.
    public static func checkPrivate(output: URL, root: URL) throws(DiagnosticError) {
        let out = resolved(output)
        let base = resolved(root)
        func refuse(_ why: String) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: output.path, message: "refusing to write personal timelines here: \(why)",
                                       hint: "patient data must never be published; choose a folder outside the website, such as \(base)/timelines"))
        }
        if isInside(out, base + "/public") { throw refuse("it is inside the website folder public/") }
        for folder in SiteSources.inputFolders where isInside(out, base + "/" + folder) {
            throw refuse("it is inside \(folder)/, which is published or read by the site build")
        }
        var ancestor = URL(fileURLWithPath: out)
        while true {
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent(OutputFolder.marker).path) {
                throw refuse("\(ancestor.path) is a website built by clinicsite")
            }
            if ancestor.path == "/" { break }
            ancestor.deleteLastPathComponent()
        }
    }

    /// Whether `path` is `folder` or lies below it (both resolved, without a final `/`).
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder + "/")
    }

    /// The absolute path with symbolic links resolved, also for a folder that does not exist yet.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for part in rest { path += (path.hasSuffix("/") ? "" : "/") + part }
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
