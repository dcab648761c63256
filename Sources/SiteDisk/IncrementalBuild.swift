import SiteGenerator
import Foundation
import RecoverySchedule

/// The whole `clinicsite build`: read the sources, build in memory, write the output atomically.
/// The executable calls only this, so everything it does can be tested as a library.
public enum IncrementalBuild {
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
