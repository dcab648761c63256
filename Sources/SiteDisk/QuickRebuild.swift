import SiteGenerator
import Foundation

/// The rebuild after the text of a few pages changed, or pages came or went, and nothing else
/// (`SiteBuilder.relayOut` says what qualifies): only those pages and the inputs every page shares are read,
/// only their outputs (and the sitemap, when pages came or went) are written, and only their lines of the
/// cache and the manifest change. Returns nil whenever it does not apply, for the general rebuild.
struct QuickRebuild: Sendable {
    let root: URL
    let output: URL
    let options: BuildOptions
    /// Whether the output is still as the last build left it; asked just before anything is written (it may
    /// wait for the check to finish), and when not, nothing is written and the rebuild does not apply.
    let outputIsIntact: @Sendable () -> Bool

    /// Throws only when the output cannot be written in place.
    func run(listed: [InputStamp.File], stamp: String?, previous: OutputManifest, index: CacheIndex) throws(DiagnosticError) -> IncrementalBuild.Summary? {
        // The content files as the cache knows them, compared in the order both list them.
        let content = listed.lazy.filter { SiteBuilder.isContentFile($0.path) }.map { (path: $0.path, stamp: $0.stamp) }
        guard let fileChanges = index.fileChanges(Array(content)) else { return nil }
        let removed = fileChanges.removed.map(\.path)
        let paths = Set(fileChanges.changed.map(\.path) + fileChanges.added)
        let stamps = Dictionary(uniqueKeysWithValues: listed.lazy.filter { paths.contains($0.path) }.map { ($0.path, $0) })
        let stamped = fileChanges.changed.map { (file: stamps[$0.path]!, line: $0.line, state: $0.state) }
        guard !paths.isEmpty || !removed.isEmpty, (Array(paths) + removed).allSatisfy({ $0.hasSuffix(".md") }),
              !previous.warnings.contains(where: { removed.contains($0.file) }) else { return nil }
        // Pages saved again unchanged must not hide a changed template: the shared inputs are checked first.
        guard let sources = read(listed.filter { !SiteBuilder.isContentFile($0.path) || paths.contains($0.path) }),
              SiteBuilder.cacheServes(index, sources: sources, options: options) else { return nil }
        PhaseClock.mark("quick read")
        var lines: [Int: [UInt8]] = [:]
        var changed: [String] = []
        for (file, line, state) in stamped {
            let hash = ContentHash.wordValue(of: sources.files[file.path]!)
            lines[line] = CacheIndex.fileLine(path: file.path, state: .init(stamp: file.stamp, hash: hash))
            if hash != state.hash { changed.append(file.path) }
        }
        let newFiles = fileChanges.added.map { path in
            (path: path, line: CacheIndex.fileLine(path: path, state: .init(stamp: stamps[path]!.stamp, hash: ContentHash.wordValue(of: sources.files[path]!))))
        }
        let reshaped = !newFiles.isEmpty || !removed.isEmpty
        var edits = PageEdits()
        if !changed.isEmpty || reshaped {
            guard let made = SiteBuilder.relayOut(sources, changed: changed + fileChanges.added, added: Set(fileChanges.added), removed: removed,
                                                  index: index, options: options) else { return nil }
            edits = made
            lines.merge(edits.cacheLines) { $1 }
        }
        // The new lines are appended to the cache as a journal; once it has grown, or when files came or went,
        // the whole file is written again, staged under a temporary name while the output check may still run.
        let journal = CacheIndex.journal(lines)
        let appends = !reshaped && BuildCacheFile.journalFits(journal, appendedTo: index)
        let cache = appends ? nil : BuildCacheFile.stage(reshaped
            ? index.rewritten(replacing: lines, removing: Set(fileChanges.removed.map(\.line) + edits.removedLines), addingFiles: newFiles, addingPages: edits.newPageLines)
            : index.compacted(lines), for: output)
        PhaseClock.mark("quick build")
        guard outputIsIntact() else {
            cache?.discard()
            return nil
        }
        PhaseClock.mark("output check")
        let (report, pageCount) = try write(edits, cache: cache, journal: appends ? journal : nil, index: index, reshaped: reshaped,
                                            previous: previous, stamp: stamp)
        PhaseClock.mark("quick record")
        let nothing = changed.isEmpty && !reshaped
        return IncrementalBuild.Summary(pageCount: pageCount, report: report, warnings: previous.warnings, upToDate: nothing,
                                        pagesLaidOut: nothing ? nil : edits.laidOut)
    }

    /// Writes the pages laid out (and the sitemap) in place and removes the outputs of pages gone, then puts
    /// the cache in place (`cache`, staged, or `journal`, to append) and writes the manifest.
    private func write(_ edits: PageEdits, cache: BuildCacheFile.Pending?, journal: [UInt8]?, index: CacheIndex, reshaped: Bool,
                       previous: OutputManifest, stamp: String?) throws(DiagnosticError) -> (report: OutputWriter.Report, pageCount: Int) {
        let changes: InPlaceUpdate.Changes
        do {
            if reshaped {
                let before = previous.files.map(\.path)
                let after = Set(before).subtracting(edits.removedOutputs).union(edits.files.map(\.path))
                changes = try InPlaceUpdate(output: output).apply(files: edits.files, paths: after, previous: before)
            } else {
                // Only files the output has are replaced: no set of all its paths is needed.
                let written = try InPlaceUpdate(output: output).replace(edits.files)
                changes = .init(report: .init(written: written.count, unchanged: previous.files.count - written.count, removed: 0),
                                written: written, removed: [])
            }
        } catch {
            cache?.discard()
            throw error
        }
        var manifest = previous
        manifest.inputStamp = stamp ?? ""
        manifest.pageCount = previous.pageCount + edits.publishedChange
        manifest.cache = journal.map { BuildCacheFile.append($0, to: index, recorded: previous.cache, for: output) } ?? cache?.install()
        let entries = reshaped ? previous.updated(written: changes.written, removed: changes.removed, in: output) : previous.replaced(changes.written, in: output)
        if let entries {
            manifest.files = entries
            manifest.write(for: output)
        }
        return (changes.report, manifest.pageCount)
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
