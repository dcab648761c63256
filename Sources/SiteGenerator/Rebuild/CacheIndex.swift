import Foundation

/// The cache file as read, with its lines found but not decoded, so a rebuild after a small edit decodes
/// only the few pages it needs (`SiteBuilder.relayOut`) and changes only their lines.
///
/// A quick rebuild does not write the file again: it appends its new lines as a journal
/// (`J<TAB>line number<TAB>the new line`), which this index applies as it reads; a rebuild that finds the
/// journal grown rewrites the file whole (`compacted`).
public struct CacheIndex: Sendable {
    package let bytes: [UInt8]
    /// Every line (without its line break), the header first; a line the journal replaced is its last
    /// journal entry's text.
    let lines: [Range<Int>]
    /// Where the journal begins (the file's length when it has none).
    public let journalStart: Int
    /// The lines of content files (`F`), in path order.
    let fileLines: Range<Int>
    /// The `BuildCache.siteKey` it was made for.
    public let siteKey: UInt64
    /// The date its build took as today.
    public let today: String

    /// Finds the lines; nil when the file is not a cache of this format.
    public init?(_ data: Data) {
        self.init(bytes: [UInt8](data))
    }

    /// Finds the lines of a cache file read straight into an array; nil as for `init(_:)`.
    public init?(bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 64)
        var firstPage: Int?
        var journalStart: Int?
        let intact = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            var start = 0
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[start] == UInt8(ascii: "J") || journalStart != nil {
                    // J <line> <text>: the text replaces that line; only lines of the file proper, not the header.
                    journalStart = journalStart ?? start
                    guard end - start > 2, buffer[start] == UInt8(ascii: "J"), buffer[start + 1] == 0x09,
                          let (line, tab) = buffer.decimalNumber(at: start + 2), tab < end, buffer[tab] == 0x09,
                          line >= 1, line < lines.count, tab + 1 < end else { return false }
                    lines[line] = (tab + 1)..<end
                } else {
                    if firstPage == nil, buffer[start] == UInt8(ascii: "P") { firstPage = lines.count }
                    lines.append(start..<end)
                }
                start = end + 1
            }
            return start == buffer.count
        }
        guard intact, let first = lines.first else { return nil }
        let head = bytes.withUnsafeBufferPointer { BuildCache.fields(UnsafeBufferPointer(rebasing: $0[first])).map { BuildCache.text($0) } }
        guard head.count == 3, head[0] == BuildCache.header, let siteKey = UInt64(head[1], radix: 16) else { return nil }
        self.lines = lines
        self.siteKey = siteKey
        self.journalStart = journalStart ?? bytes.count
        today = head[2]
        fileLines = 1..<(firstPage ?? lines.count)
    }

    /// The content files' lines, in order: path, stamp and hash.
    public var files: [(line: Int, path: String, state: BuildCache.FileState)] {
        bytes.withUnsafeBufferPointer { buffer in
            fileLines.compactMap { line in
                let fields = BuildCache.fields(UnsafeBufferPointer(rebasing: buffer[lines[line]]))
                guard fields.count == 4, let stamp = UInt64(BuildCache.text(fields[1]), radix: 16),
                      let hash = UInt64(BuildCache.text(fields[2]), radix: 16) else { return nil }
                return (line, BuildCache.text(fields[3]), BuildCache.FileState(stamp: stamp, hash: hash))
            }
        }
    }

    static func hex(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }

    /// The pages with one of `sources`, `keys` or `outputs` (addresses), or in the menu (an `order`) of one
    /// of `menuLanguages`, decoded, with their line numbers. The sets are small: the deciding fields of every
    /// page's line are compared as bytes where they lie (on all cores), and only the pages chosen are decoded.
    func pages(sources: Set<String>, keys: Set<String>, menuLanguages: Set<String>, outputs: Set<String> = []) -> [(line: Int, page: CachedPage)] {
        let wanted = WantedPages(sources: sources, keys: keys, menuLanguages: menuLanguages, outputs: outputs)
        return readPageLines { line, text -> PageLineResult<(line: Int, page: CachedPage)> in
            guard wanted.contains(text), case .page(let page)? = decodedLine(line, text) else { return .skipped }
            return .found((line, page))
        } ?? []
    }

    /// What a page line gives `readPageLines`: nothing, a value, or the news that it does not read.
    enum PageLineResult<T: Sendable>: Sendable {
        case skipped, found(T), unreadable
    }

    /// The values `transform` finds in the page lines (each line's number and bytes), on all cores, in line
    /// order; nil when a line is `unreadable`. Values are gathered where they are found: carrying an empty
    /// result for each of 10,000 lines into one array took a quick rebuild longer than finding the few it wants.
    func readPageLines<T: Sendable>(_ transform: @Sendable (Int, UnsafeBufferPointer<UInt8>) -> PageLineResult<T>) -> [T]? {
        let pageLines = fileLines.upperBound..<lines.count
        let chunks = stride(from: pageLines.lowerBound, to: pageLines.upperBound, by: 1024).map { $0..<min($0 + 1024, pageLines.upperBound) }
        let found = chunks.parallelMap { chunk -> [T]? in
            bytes.withUnsafeBufferPointer { buffer in
                var values: [T] = []
                for line in chunk {
                    switch transform(line, UnsafeBufferPointer(rebasing: buffer[lines[line]])) {
                    case .skipped: continue
                    case .found(let value): values.append(value)
                    case .unreadable: return nil
                    }
                }
                return values
            }
        }
        var all: [T] = []
        for part in found {
            guard let part else { return nil }
            all.append(contentsOf: part)
        }
        return all
    }

    /// The line numbered `line` (its bytes `text`) decoded; nil when it does not read.
    func decodedLine(_ line: Int, _ text: UnsafeBufferPointer<UInt8>) -> BuildCache.Line? {
        let range = lines[line]
        return BuildCache.decode(BuildCache.fields(text)) { bytes[range.lowerBound...range.upperBound] }
    }

    /// The whole file with some lines replaced (by line number, each new line with its line break) and no
    /// journal: every line as it now stands, in order.
    public func compacted(_ replacements: [Int: [UInt8]]) -> Data {
        rewritten(replacing: replacements)
    }

    /// The journal entries that replace these lines (by line number, each new line with its line break), to
    /// append to the file.
    public static func journal(_ replacements: [Int: [UInt8]]) -> [UInt8] {
        var record: [UInt8] = []
        for line in replacements.keys.sorted() {
            record += Array("J\t\(line)\t".utf8)
            record += replacements[line]!
        }
        return record
    }

    /// A content file's line, as `compacted` and `journal` take it.
    public static func fileLine(path: String, state: BuildCache.FileState) -> [UInt8] {
        var line: [UInt8] = [UInt8(ascii: "F"), 0x09]
        line.reserveCapacity(40 + path.utf8.count)
        appendHex(state.stamp, to: &line)
        line.append(0x09)
        appendHex(state.hash, to: &line)
        line.append(0x09)
        BuildCache.appendEscaped(path, to: &line)
        line.append(0x0A)
        return line
    }

    /// Appends `value` in lower-case hexadecimal without leading zeros, as `String(value, radix: 16)` writes it.
    static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
        var shift = max(0, (63 - value.leadingZeroBitCount) / 4 * 4)
        while shift >= 0 {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit)
            shift -= 4
        }
    }
}

private extension Array {
    /// The first three elements, for destructuring.
    var triple: (Element, Element, Element) { (self[0], self[1], self[2]) }
}
