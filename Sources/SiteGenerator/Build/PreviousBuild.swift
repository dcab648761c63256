import RecoverySchedule

/// What a page is to the rest of the site: its front matter and address, and the ids of its headings.
/// A class: the facts of thousands of pages are handed between threads and asked many times, and copying a
/// struct of a dozen strings retained each of them every time.
package final class PageFacts: Sendable, Equatable {
    package let page: Page
    package let anchors: [String]
    /// What reading the page found that did not stop it (raw HTML left out), kept so a rebuild that does not read
    /// the page again still reports it.
    package let warnings: [Diagnostic]
    /// The block files it includes (`BlockIncludes`): when one changes, the page is read again.
    package let blocks: [String]
    /// The fingerprint of what a link needs of the page (`ReadKey.address`): its address and whether it is a draft.
    let addressPrint: Fingerprint

    package init(page: Page, anchors: [String], warnings: [Diagnostic] = [], blocks: [String] = []) {
        self.page = page
        self.anchors = anchors
        self.warnings = warnings
        self.blocks = blocks
        addressPrint = Fingerprint(text: page.outputPath + (page.draft ? "\u{0}draft" : "\u{0}published"))
    }

    package static func == (a: PageFacts, b: PageFacts) -> Bool {
        a.page == b.page && a.anchors == b.anchors
    }
}

/// What the last successful build recorded, asked by the next one (`SiteBuilder.build`). The disk layer keeps
/// it in a database beside the output (`BuildRecord` in SiteDisk), so a rebuild looks up only what its changes
/// touch. Each answer may hold more than asked (the build filters and sorts in Swift), never less.
package protocol PreviousBuild: Sendable {
    /// The fingerprint of the inputs every output shares (`SharedInputs`) when it was made.
    var shared: Fingerprint { get }
    /// How many pages it published.
    var publishedCount: Int { get }
    /// At least the pages `query` asks for.
    func pages(_ query: PageQuery) -> [PageFacts]
    /// The warnings recorded with each output that had some of its own (a picture's size).
    func outputWarnings() -> [(path: String, warnings: [Diagnostic])]
    /// The trace of every output that read one of `keys` (at least), by output path.
    func outputs(reading keys: Set<ReadKey>) -> [String: Trace]
}

extension PreviousBuild {
    /// The page read from `source`, drafts included.
    func page(_ source: String) -> PageFacts? {
        pages(.source(source)).first
    }
}

/// The questions a build asks of the last build's pages.
package enum PageQuery: Sendable {
    /// The page read from a source, drafts included.
    case source(String)
    /// The pages of a language that have a menu position.
    case menu(String)
    /// Every page.
    case all
    /// The pages whose address is this output path.
    case writing(String)
    /// The pages that include this block file.
    case including(String)
    /// The pages that have warnings of their own.
    case warned
    /// The pages whose review date is after this day.
    case reviewedAfter(CivilDate)
    /// The pages whose review, `months` after its date, is due before this day.
    case reviewDue(CivilDate, months: Int)
}

/// What one output read while it was made, and the fingerprint of each value it got.
package typealias Trace = [ReadKey: Fingerprint]
