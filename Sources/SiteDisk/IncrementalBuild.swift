import SiteGenerator
import Foundation
import RecoverySchedule
import Synchronization

/// The whole `clinicsite build`: stat the inputs, read those that changed since the last build's record,
/// build in memory (`SiteBuilder`, given the record), write the output and the record. The executable calls
/// only this, so everything it does can be tested as a library.
///
/// One way through: with no usable record (a first build, another executable, other settings or templates,
/// an output changed by hand) the record is simply empty and everything is made.
public enum IncrementalBuild {
    /// What a finished build reports to the person who ran it.
    public struct Summary: Sendable {
        /// Pages published, all languages together.
        public var pageCount: Int
        /// What happened to the files of the output folder.
        public var report: OutputFolder.Report
        /// Problems that did not stop the build.
        public var warnings: [Diagnostic]
        /// What the build did that its user should know of (what it left out of a photo it published).
        public var notes: [Diagnostic] = []
        /// The placeholders that kept a procedure out of the site, one error each; the rest was built.
        public var withheld: [Diagnostic] = []
        /// True when nothing had changed since the last build, so nothing was read or written.
        public var upToDate = false
        /// Pages laid out again by a build that used the last build's record; nil when everything was made.
        public var pagesLaidOut: Int?
    }

    /// Builds the site below `root` into `output` (default `root/public`).
    public static func run(root: URL, output: URL?, baseURL: String?, today: CivilDate) throws(DiagnosticError) -> Summary {
        try run(root: root, output: output, options: BuildOptions(baseURL: baseURL, today: today))
    }

    /// Builds with `options` (its `tool` is set to this executable).
    package static func run(root: URL, output: URL?, options given: BuildOptions) throws(DiagnosticError) -> Summary {
        let root = root.standardizedFileURL
        let output = (output ?? root.appendingPathComponent("public")).standardizedFileURL
        try OutputLocation.check(output: output, root: root)
        var options = given
        options.tool = BuildRecord.tool
        let (baseURL, today) = (options.baseURL, options.today)
        PhaseClock.mark("start")
        let folder = OutputFolder(output: output)
        let lock = try folder.lock()
        defer { lock.release() }
        let (found, usable, entries) = statAndCheck(root: root, output: output)
        guard let listed = found else { throw SiteSources.missing(root: root) }
        let inputs = [InputStamp.combined(listed), baseURL ?? "-", options.tool, options.outputNames].joined(separator: " ")
        let meta = usable?.meta() ?? [:]
        PhaseClock.mark("record")
        if let usable, meta["inputs"] == inputs, meta["today"] == today.iso {
            return Summary(pageCount: usable.publishedCount, report: .init(written: 0, unchanged: entries.count, removed: 0),
                           warnings: meta["warnings"].flatMap(PageRow.warnings) ?? [],
                           withheld: meta["withheld"].flatMap(PageRow.warnings) ?? [], upToDate: true)
        }
        let (sources, record, compared, prints) = try load(root: root, listed: listed, record: usable, options: options)
        PhaseClock.mark("load")
        // With nothing to reuse, the new site is written while its pages are still being made.
        let replacement = record == nil ? SiteReplacement(folder) : nil
        if let replacement { options.made = { file in replacement.add(file) } }
        let site: BuiltSite
        do {
            site = try SiteBuilder.build(sources, options: options, previous: record)
        } catch {
            replacement?.abandon()
            throw error
        }
        PhaseClock.mark("build")
        let reused = record != nil && !site.record.startsOver
        // The twin's state is known only once the output is written: until then, it is unknown ("?").
        let recording = RecordWriter(output: output, changes: site.record, inputs: listed, prints: prints, compared: compared,
                                     removed: reused ? site.removed : [],
                                     meta: ["inputs": inputs, "today": today.iso, "warnings": PageRow.text(site.warnings),
                                           "withheld": PageRow.text(site.withheld), "twin": "?"])
            .start(over: reused ? record : nil)
        let written: OutputFolder.Written
        do {
            written = try reused ? folder.update(site.files, removed: site.removed, behind: meta["twin"].flatMap(Self.paths))
                                 : (replacement ?? SiteReplacement(folder)).finish(site.files)
        } catch {
            replacement?.abandon()
            recording.abandon()
            throw error
        }
        PhaseClock.mark("write")
        var report = written.report
        if reused {
            report.unchanged = Set(entries.map(\.path)).union(site.files.map(\.path)).subtracting(site.removed).count - report.written
        }
        recording.finish(made: written.made, twin: written.twinBehind.joined(separator: "\n"))
        PhaseClock.mark("record")
        return Summary(pageCount: site.pageCount, report: report, warnings: site.warnings, notes: site.notes, withheld: site.withheld,
                       upToDate: reused && report.written == 0 && report.removed == 0 && site.laidOut == 0, pagesLaidOut: reused ? site.laidOut : nil)
    }

    /// The inputs with their stamps (nil when an input folder is missing), and the record with the output files it
    /// lists when the output is as it left it. The output is checked on another thread while the inputs are
    /// statted: both wait mostly on the kernel, for 10,000 files each.
    private static func statAndCheck(root: URL, output: URL) -> ([InputStamp.File]?, BuildRecord?, [OutputEntry]) {
        let checked = Mutex<(BuildRecord?, [OutputEntry])>((nil, []))
        let checking = DispatchGroup()
        DispatchQueue.global().async(group: checking) { let found = Self.record(for: output); checked.withLock { $0 = found } }
        let listed = InputStamp.files(root: root)
        checking.wait()
        let (record, entries) = checked.withLock { $0 }
        return (listed, record, entries)
    }

    /// The sources, the files of the language folders whose stamps the record knows left unread; the record
    /// itself when what every output shares is what it recorded (else nil, and every file read).
    private static func load(root: URL, listed: [InputStamp.File], record given: BuildRecord?, options: BuildOptions)
        throws(DiagnosticError) -> (SiteSources, BuildRecord?, InputComparison, [String: Fingerprint]) {
        var (record, compared) = (given, given?.compare(listed) ?? InputComparison())
        // A page that includes a block that changed or went is read again, as if it had changed itself.
        let blocks = compared.changed.union(compared.removed).filter { $0.hasPrefix("content/blocks/") }
        let including = Set(blocks.flatMap { block in given?.pages(.including(block)).map(\.page.source) ?? [] })
        compared.unchanged.subtract(including)
        compared.changed.formUnion(including.intersection(listed.map(\.path)))
        var sources = try SiteSources.load(root: root, listed: listed, unchanged: compared.unchanged, removed: compared.removed)
        if let known = record, SharedInputs.fingerprint(of: sources, options: options) != known.shared {
            // What every output shares changed: nothing recorded is reused, and the files left unread are read too.
            let unread = try SiteSources.load(root: root, listed: listed.filter { compared.unchanged.contains($0.path) }, unchanged: [], removed: [])
            sources.files.merge(unread.files) { $1 }
            (sources.unchanged, sources.removed) = ([], [])
            (record, compared) = (nil, InputComparison())
        }
        let prints = Dictionary(sources.files.map { ($0.key, Fingerprint(of: $0.value)) }) { $1 }
        for (path, print) in prints where SiteSources.isContentFile(path) && !including.contains(path) && record?.print(of: path) == print {
            // Saved again without a change: as good as unread.
            sources.files[path] = nil
            sources.unchanged.insert(path)
        }
        if let record { judgeAgain(&sources, listed: listed, record: record) }
        return (sources, record, compared, prints)
    }

    /// Reads again, to be judged but not laid out (`SiteSources.judged`), each translation whose source or record
    /// changed, came or went (`TranslationTwins`): a translation is judged when its page is read.
    private static func judgeAgain(_ sources: inout SiteSources, listed: [InputStamp.File], record: BuildRecord) {
        let touched = Set(sources.files.keys.filter(SiteSources.isContentFile)).union(sources.removed)
        let twins = TranslationTwins(listed: listed).judgedAgain(after: touched)
        let pages = twins.pages.union(twins.blocks.flatMap { record.pages(.including($0)).map(\.page.source) })
        for page in pages where sources.files[page] == nil {
            guard let data = sources.read(page) else { continue }
            sources.files[page] = data
            sources.unchanged.remove(page)
            sources.judged.insert(page)
        }
    }

    /// The record beside `output` with the output files it lists, when the output is exactly as the build that
    /// wrote the record left it (else nil: the build starts over).
    private static func record(for output: URL) -> (BuildRecord?, [OutputEntry]) {
        guard let record = BuildRecord.open(for: output) else { return (nil, []) }
        let entries = record.outputEntries()
        return FileSystem.holdsExactly(entries, below: output.path) ? (record, entries) : (nil, [])
    }

    /// The twin's differing paths as recorded; nil when unknown.
    private static func paths(_ text: String) -> [String]? {
        text == "?" ? nil : text.isEmpty ? [] : text.components(separatedBy: "\n")
    }
}
