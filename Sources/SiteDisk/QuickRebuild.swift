import SiteGenerator
import Foundation

/// The rebuild after the text of a few pages changed and nothing else (`SiteBuilder.relayOut`): only those
/// pages and the inputs every page shares are read, only their outputs are written, and only their lines
/// of the cache and the manifest change. Returns nil whenever it does not apply, for the general rebuild.
struct QuickRebuild: Sendable {
    let root: URL
    let output: URL
    let options: BuildOptions
    /// Whether the output is still as the last build left it; asked just before anything is written (it may
    /// wait for the check to finish), and when not, nothing is written and the rebuild does not apply.
    let outputIsIntact: @Sendable () -> Bool

    /// Throws only when the output cannot be written in place.
    func run(listed: [InputStamp.File], stamp: String?, previous: OutputManifest, index: CacheIndex) throws(DiagnosticError) -> IncrementalBuild.Summary? {
        // The same content files as the cache knows, in the same order: only their stamps may differ.
        let content = listed.lazy.filter { SiteBuilder.isContentFile($0.path) }.map { (path: $0.path, stamp: $0.stamp) }
        guard let restamped = index.changedFiles(Array(content)) else { return nil }
        let paths = Set(restamped.map(\.path))
        let stamps = Dictionary(uniqueKeysWithValues: listed.lazy.filter { paths.contains($0.path) }.map { ($0.path, $0) })
        let stamped = restamped.map { (file: stamps[$0.path]!, line: $0.line, state: $0.state) }
        guard !stamped.isEmpty, stamped.allSatisfy({ $0.file.path.hasSuffix(".md") }) else { return nil }
        let wanted = Set(stamped.map(\.file.path))
        // Pages saved again unchanged must not hide a changed template: the shared inputs are checked first.
        guard let sources = read(listed.filter { !SiteBuilder.isContentFile($0.path) || wanted.contains($0.path) }),
              SiteBuilder.cacheServes(index, sources: sources, options: options) else { return nil }
        PhaseClock.mark("quick read")
        var lines: [Int: [UInt8]] = [:]
        var changed: [String] = []
        for (file, line, state) in stamped {
            let hash = ContentHash.wordValue(of: sources.files[file.path]!)
            lines[line] = CacheIndex.fileLine(path: file.path, state: .init(stamp: file.stamp, hash: hash))
            if hash != state.hash { changed.append(file.path) }
        }
        var files: [OutputFile] = []
        if !changed.isEmpty {
            guard let edits = SiteBuilder.relayOut(sources, changed: changed, index: index, options: options) else { return nil }
            files = edits.files
            lines.merge(edits.cacheLines) { $1 }
        }
        // The new lines are appended to the cache as a journal; once it has grown, the whole file is written
        // again, staged under a temporary name while the output check may still run.
        let journal = CacheIndex.journal(lines)
        let appends = BuildCacheFile.journalFits(journal, appendedTo: index)
        let cache = appends ? nil : BuildCacheFile.stage(index.compacted(lines), for: output)
        PhaseClock.mark("quick build")
        guard outputIsIntact() else {
            cache?.discard()
            return nil
        }
        PhaseClock.mark("output check")
        let written: [String]
        do {
            written = try InPlaceUpdate(output: output).replace(files)
        } catch {
            cache?.discard()
            throw error
        }
        var manifest = previous
        manifest.inputStamp = stamp ?? ""
        manifest.cache = appends ? BuildCacheFile.append(journal, to: index, recorded: previous.cache, for: output) : cache?.install()
        if let entries = previous.replaced(written, in: output) {
            manifest.files = entries
            manifest.write(for: output)
        }
        PhaseClock.mark("quick record")
        let report = OutputWriter.Report(written: written.count, unchanged: previous.files.count - written.count, removed: 0)
        return IncrementalBuild.Summary(pageCount: previous.pageCount, report: report, warnings: previous.warnings,
                                        upToDate: changed.isEmpty, pagesLaidOut: changed.isEmpty ? nil : files.count)
    }

    /// The files' bytes; nil when one cannot be read (the general rebuild then reports it).
    private func read(_ files: [InputStamp.File]) -> SiteSources? {
        let contents = files.parallelMap { FileSystem.read(root.path + "/" + $0.path) }
        var sources: [String: Data] = [:]
        for (file, data) in zip(files, contents) {
            guard let data, sources.updateValue(data, forKey: file.path) == nil else { return nil }
        }
        return SiteSources(files: sources)
    }
}
