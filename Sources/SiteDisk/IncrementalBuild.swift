import SiteGenerator
import Foundation
import Synchronization
import RecoverySchedule

/// The whole `clinicsite build`: read the sources, build in memory, write the output. The executable calls
/// only this, so everything it does can be tested as a library.
///
/// Three ways through, cheapest first: nothing changed (stop after statting the inputs); a rebuild (the
/// cache beside the output says which files changed: only those are read, only the pages they affect are
/// laid out, and only files whose bytes differ are replaced in place); a full build (everything is read,
/// written to a staging folder and swapped in at once). All three leave the same bytes in the output.
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
        /// Pages laid out again by a rebuild that used the last build's cache; nil for a full build.
        public var pagesLaidOut: Int?

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
        let options = BuildOptions(baseURL: baseURL, today: today, tool: OutputManifest.tool)
        PhaseClock.mark("start")
        // With no record of a last build (a first build, a fresh clone, a new output folder) there is nothing to
        // compare the inputs with: they are stamped as they are read.
        guard OutputManifest.exists(for: output) else {
            return try fullBuild(root: root, output: output, listed: nil, stamp: nil, options: options)
        }
        // The last build's record counts only while the output is exactly as that build left it. The inputs are
        // statted first, on all cores; when they changed, the output is statted in the background while a
        // quick rebuild works out what to write, and nothing is written before it is known to be intact.
        let listed = InputStamp.files(root: root)
        let stamp = OutputManifest.inputStamp(files: listed, options: options)
        PhaseClock.mark("stamp")
        guard let previous = OutputManifest.read(for: output) else {
            return try fullBuild(root: root, output: output, listed: listed, stamp: stamp, options: options)
        }
        if let stamp, previous.inputStamp == stamp {
            if previous.matchesDisk(at: output) { return .unchanged(previous) }
            return try fullBuild(root: root, output: output, listed: listed, stamp: stamp, options: options)
        }
        let intact = Background { previous.matchesDisk(at: output) }
        if let listed, let index = BuildCacheFile.read(for: output, manifest: previous) {
            PhaseClock.mark("cache index")
            do {
                let quick = QuickRebuild(root: root, output: output, options: options) { intact.value }
                if let summary = try quick.run(listed: listed, stamp: stamp, previous: previous, index: index) {
                    return summary
                }
                if intact.value, let cache = BuildCache.decoded(index) {
                    let summary = try rebuild(root: root, output: output, listed: listed, stamp: stamp, options: options, previous: previous, cache: cache)
                    // Every page's cached facts: freed elsewhere, or by the exit, not here (as a full build's pages are).
                    DeferredRelease.release(consume cache)
                    if let summary { return summary }
                }
            } catch let error where error.isWriteFailure {
                // The output could not be changed in place (made read-only, say): a full build swaps in a new folder.
                return try fullBuild(root: root, output: output, listed: listed, stamp: stamp, options: options)
            }
        }
        PhaseClock.mark("no rebuild")
        return try fullBuild(root: root, output: output, listed: listed, stamp: stamp, options: options)
    }

    /// Reads only the changed files and replaces only the changed outputs; nil when the cache cannot serve
    /// (the templates, settings, options or executable changed), so a full build follows.
    private static func rebuild(root: URL, output: URL, listed: [InputStamp.File], stamp: String?, options: BuildOptions,
                                previous: OutputManifest, cache: BuildCache) throws(DiagnosticError) -> Summary? {
        PhaseClock.mark("cache read")
        var unchanged = Set(listed.lazy.filter {
            SiteBuilder.isContentFile($0.path) && cache.files[$0.path]?.stamp == $0.stamp && cache.canSkip($0.path)
        }.map(\.path))
        var sources = try SiteSources.load(root: root, listed: listed) { unchanged.contains($0) }
        guard SiteBuilder.siteKey(of: sources, options: options, tool: options.tool) == cache.siteKey else { return nil }
        // Saved again without a change: the bytes match the cache's hash, so the file counts as unchanged.
        for (path, data) in sources.files where SiteBuilder.isContentFile(path) && !unchanged.contains(path) && cache.canSkip(path) {
            if let state = cache.files[path], state.hash == ContentHash.wordValue(of: data) {
                unchanged.insert(path)
                sources.files[path] = Data()
            }
        }
        PhaseClock.mark("load")
        let base = root.path
        let reuse = Reuse(cache: cache, unchanged: unchanged) { FileSystem.read(base + "/" + $0) }
        let site = try SiteBuilder.rebuild(sources, options: options, reuse: reuse)
        PhaseClock.mark("build")
        let paths = Set(site.files.map(\.path) + site.keptPaths)
        let changes = try InPlaceUpdate(output: output).apply(files: site.files, paths: paths, previous: previous.files.map(\.path))
        PhaseClock.mark("write")
        var manifest = previous
        manifest.inputStamp = stamp ?? ""
        manifest.pageCount = site.pageCount
        manifest.warnings = site.warnings
        manifest.cache = BuildCacheFile.write(site.cache, stamps: listed, for: output)
        if let entries = previous.updated(written: changes.written, removed: changes.removed, in: output) {
            manifest.files = entries
            manifest.write(for: output)
        }
        PhaseClock.mark("record")
        let nothing = changes.report.written == 0 && changes.report.removed == 0 && site.laidOut == 0
        let summary = Summary(pageCount: site.pageCount, report: changes.report, warnings: site.warnings, upToDate: nothing, pagesLaidOut: site.laidOut)
        DeferredRelease.release(consume site)
        DeferredRelease.release(consume reuse)
        DeferredRelease.release(consume sources)
        return summary
    }

    /// Reads everything, writes a staging folder while pages still render, and swaps it in. The inputs are
    /// stamped while they are read when `listed` is nil.
    private static func fullBuild(root: URL, output: URL, listed: [InputStamp.File]?, stamp givenStamp: String?,
                                  options: BuildOptions) throws(DiagnosticError) -> Summary {
        let sources: SiteSources, stamps: [InputStamp.File]?, stamp: String?
        if let listed {
            (sources, stamps, stamp) = (try SiteSources.load(root: root, listed: listed) { _ in false }, listed, givenStamp)
        } else {
            let loaded = try SiteSources.loadStamped(root: root)
            (sources, stamps) = (loaded.sources, loaded.stamps)
            stamp = OutputManifest.inputStamp(files: loaded.stamps, options: options)
        }
        PhaseClock.mark("load")
        // The output is locked and staged first, so pages are written while later ones still render.
        let staged = try OutputWriter(output: output).begin()
        let site: BuiltSite
        // The cache is encoded and written under a temporary name as soon as the build has made it, while pages
        // are still laid out; it is put in place only once the build has succeeded.
        // A build that fails may do so while the cache is still being made: whichever comes second removes it.
        let pendingCache = Mutex<(cache: BuildCacheFile.Pending?, failed: Bool)>((nil, false))
        do {
            site = try SiteBuilder.build(sources, options: options, output: staged.add, expecting: staged.expect) { cache in
                let pending = BuildCacheFile.stage(BuildCacheFile.encoded(cache, stamps: stamps), for: output)
                pendingCache.withLock { state in
                    if state.failed { pending?.discard() } else { state.cache = pending }
                }
            }
        } catch {
            staged.abandon()
            pendingCache.withLock { state in
                state.failed = true
                state.cache?.discard()
            }
            throw error
        }
        PhaseClock.mark("build")
        DeferredRelease.release(consume sources)
        OutputManifest.forget(for: output)
        // With no manifest naming it yet, a build stopped from now on leaves the new cache unused.
        // `SiteBuilder.build` returns only after `cacheMade` has, so the pending cache is there.
        let pending = pendingCache.withLock { $0.cache }
        // Every file is written once the build has returned, so the manifest's list is made while the folder is swapped in.
        let entries = Background { staged.entries }
        let report: OutputWriter.Report
        do {
            report = try staged.commit(paths: site.files.map(\.path))
        } catch {
            pending?.discard()
            throw error
        }
        PhaseClock.mark("commit")
        let cache = pending?.install()
        OutputManifest(inputStamp: stamp ?? "", pageCount: site.pageCount, warnings: site.warnings, cache: cache, files: entries.value)
            .write(for: output)
        PhaseClock.mark("record")
        let summary = Summary(pageCount: site.pageCount, report: report, warnings: site.warnings)
        DeferredRelease.release(consume site)
        return summary
    }
}
