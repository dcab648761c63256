import Foundation
import RecoverySchedule

/// The whole `clinicsite build`: read the sources, build in memory, write the output atomically.
/// The executable calls only this, so everything it does can be tested as a library.
public enum SiteBuild {
    /// What a finished build reports to the person who ran it.
    public struct Summary: Sendable {
        /// Pages written, all languages together.
        public var pageCount: Int
        /// What happened to the files of the output folder.
        public var report: OutputWriter.Report
        /// Problems that did not stop the build.
        public var warnings: [Diagnostic]
        /// True when nothing had changed since the last build, so it stopped before reading the pages.
        public var upToDate = false

        /// A build that found nothing to do: the last build's pages and warnings, no file touched.
        static func unchanged(_ previous: OutputManifest) -> Summary {
            Summary(pageCount: previous.pageCount, report: .init(written: 0, unchanged: previous.files.count, removed: 0),
                    warnings: previous.warnings, upToDate: true)
        }
    }

    /// Builds the site below `root` into `output` (default `root/public`).
    public static func run(root: URL, output: URL?, baseURL: String?, today: CivilDate) throws(DiagnosticError) -> Summary {
        let root = root.standardizedFileURL
        let output = (output ?? root.appendingPathComponent("public")).standardizedFileURL
        try OutputLocation.check(output: output, root: root)
        let options = BuildOptions(baseURL: baseURL, today: today)
        // Nothing changed since the last build (inputs by their metadata, output untouched): stop here.
        PhaseClock.mark("start")
        let stamp = OutputManifest.inputStamp(root: root, options: options)
        PhaseClock.mark("stamp")
        let previous = OutputManifest.read(for: output)
        if let previous, let stamp, previous.inputStamp == stamp, previous.matchesDisk(at: output) {
            PhaseClock.mark("output check")
            return .unchanged(previous)
        }
        let sources = try SiteSources.load(root: root)
        PhaseClock.mark("load")
        let fingerprint = OutputManifest.fingerprint(sources: sources, options: options)
        PhaseClock.mark("fingerprint")
        // Files were touched but their bytes are the same: still nothing to do, and the new stamp is kept.
        if let previous, previous.fingerprint == fingerprint, previous.matchesDisk(at: output) {
            OutputManifest.record(for: output, inputStamp: stamp, fingerprint: fingerprint, pageCount: previous.pageCount, warnings: previous.warnings)
            return .unchanged(previous)
        }
        // The output is locked and staged first, so pages are written while later ones still render.
        let staged = try OutputWriter(output: output).begin()
        let site: BuiltSite
        do {
            site = try SiteBuilder.build(sources, options: options, output: staged.add)
        } catch {
            staged.abandon()
            throw error
        }
        PhaseClock.mark("build")
        let report = try staged.commit(paths: site.files.map(\.path))
        PhaseClock.mark("commit")
        OutputManifest.record(for: output, inputStamp: stamp, fingerprint: fingerprint, pageCount: site.pageCount, warnings: site.warnings)
        return Summary(pageCount: site.pageCount, report: report, warnings: site.warnings)
    }
}

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
        if out == base || base.hasPrefix(out + "/") || out == "/" {
            throw refuse("it contains the site's own files, which the build would replace")
        }
        for folder in SiteSources.inputFolders {
            let input = base + "/" + folder
            if out == input || out.hasPrefix(input + "/") { throw refuse("it is inside \(folder)/, which holds the sources") }
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
        let site = base + "/public"
        if out == site || out.hasPrefix(site + "/") { throw refuse("it is inside the website folder public/") }
        for folder in SiteSources.inputFolders where out == base + "/" + folder || out.hasPrefix(base + "/" + folder + "/") {
            throw refuse("it is inside \(folder)/, which is published or read by the site build")
        }
        var ancestor = URL(fileURLWithPath: out)
        while true {
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent(OutputWriter.marker).path) {
                throw refuse("\(ancestor.path) is a website built by clinicsite")
            }
            if ancestor.path == "/" { break }
            ancestor.deleteLastPathComponent()
        }
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
