import Foundation
import RecoverySchedule

/// The cache file: a header line, then one line per content file (`F`) and per page (`P`), fields separated
/// by tabs and escaped, lists inside a field separated by U+001F. Lines are made and read on all cores,
/// straight from bytes: JSON for 10,000 pages took longer than the rebuild it saves.
extension BuildCache {
    static let header = "clinicsite-cache 4"

    /// The cache as bytes, in a stable order.
    public func encoded() -> Data {
        encoded(stamp: { _ in nil })
    }

    /// The cache as bytes, each content file with the stamp `stamp` gives for its path (its own when nil).
    public func encoded(stamp: @Sendable (String) -> UInt64?) -> Data {
        let header = Array("\(Self.header)\t\(String(siteKey, radix: 16))\t\(today)\n".utf8)
        // Content files in the byte order of their paths, the order the disk layer lists them in, so a
        // rebuild compares the two lists line for line even where names are in decomposed Unicode.
        let fileLines = files.keys.sortedInByteOrder().parallelMap { path -> [UInt8] in
            var state = files[path]!
            state.stamp = stamp(path) ?? state.stamp
            return CacheIndex.fileLine(path: path, state: state)
        }
        let pageLines = pages.keys.sortedInByteOrder().parallelMap { source -> ArraySlice<UInt8> in
            let page = pages[source]!
            return page.line ?? Self.line(for: page)[...]
        }
        // Copied once into memory the `Data` then owns.
        let count = header.count + fileLines.reduce(0) { $0 + $1.count } + pageLines.reduce(0) { $0 + $1.count }
        guard let buffer = malloc(max(count, 1)) else { return Data() }
        var offset = 0
        func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            if let base = bytes.baseAddress { (buffer + offset).copyMemory(from: base, byteCount: bytes.count) }
            offset += bytes.count
        }
        header.withUnsafeBufferPointer(copy)
        for line in fileLines { line.withUnsafeBufferPointer(copy) }
        for line in pageLines { line.withUnsafeBufferPointer(copy) }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// Reads a cache; nil for anything malformed or of another format, which then only costs a full build.
    public static func decoded(_ data: Data) -> BuildCache? {
        CacheIndex(data).flatMap(decoded)
    }

    /// Decodes every line of an indexed cache file, on all cores.
    public static func decoded(_ index: CacheIndex) -> BuildCache? {
        let bytes = index.bytes
        // Pointers, not array slices, inside the loop: slices of one array retained from several threads
        // fight over its reference count.
        let chunkSize = 512
        let lines = index.lines
        let chunks = stride(from: 1, to: lines.count, by: chunkSize).map { lines[$0..<min($0 + chunkSize, lines.count)] }
        let decoded = chunks.parallelMap { chunk in
            bytes.withUnsafeBufferPointer { buffer in
                chunk.map { range in decode(fields(UnsafeBufferPointer(rebasing: buffer[range]))) { bytes[range.lowerBound...range.upperBound] } }
            }
        }
        var cache = BuildCache(siteKey: index.siteKey, today: index.today, files: [:], pages: [:])
        cache.files.reserveCapacity(lines.count)
        cache.pages.reserveCapacity(lines.count / 2)
        for chunk in decoded {
            for line in chunk {
                switch line {
                case .file(let path, let state): cache.files[path] = state
                case .page(let page): cache.pages[page.page.source] = page
                case nil: return nil
                }
            }
        }
        return cache
    }

    enum Line: Sendable {
        case file(String, FileState)
        case page(CachedPage)
    }

    typealias Field = UnsafeBufferPointer<UInt8>

    /// One line from its fields; `line` gives its bytes with the line break, kept so an unchanged page is
    /// written back as it was read.
    static func decode(_ fields: [Field], line: () -> ArraySlice<UInt8>) -> Line? {
        if fields.count == 4, fields[0].first == UInt8(ascii: "F"),
           let stamp = UInt64(text(fields[1]), radix: 16), let hash = UInt64(text(fields[2]), radix: 16) {
            return .file(text(fields[3]), FileState(stamp: stamp, hash: hash))
        }
        guard fields.count == 16, fields[0].first == UInt8(ascii: "P"), let bodyLine = Int(text(fields[12])) else { return nil }
        let order = fields[7].isEmpty ? nil : Int(text(fields[7]))
        let reviewed = fields[8].isEmpty ? nil : CivilDate(iso: text(fields[8]))
        guard (order != nil) == !fields[7].isEmpty, (reviewed != nil) == !fields[8].isEmpty else { return nil }
        let procedure = text(fields[10])
        let page = Page(source: text(fields[1]), language: text(fields[2]), key: text(fields[3]), outputPath: text(fields[4]),
                        title: text(fields[5]), description: text(fields[6]), order: order, reviewed: reviewed, layout: text(fields[9]),
                        procedure: procedure.hasPrefix("=") ? String(procedure.dropFirst()) : nil,
                        menuTitle: text(fields[11]), bodyLine: bodyLine, draft: fields[13].first == UInt8(ascii: "1"))
        return .page(CachedPage(page: page, anchors: list(fields[14]), links: list(fields[15]), line: line()))
    }

    static func line(for cached: CachedPage) -> [UInt8] {
        let page = cached.page
        // Appended field by field into one buffer sized up front: this runs for every page of a full build.
        var line: [UInt8] = []
        line.reserveCapacity(64 + page.source.utf8.count + page.outputPath.utf8.count + page.title.utf8.count
                             + page.description.utf8.count + page.menuTitle.utf8.count
                             + cached.anchors.reduce(0) { $0 + $1.utf8.count + 1 } + cached.links.reduce(0) { $0 + $1.utf8.count + 1 })
        func field(_ text: String) {
            appendEscaped(text, to: &line)
            line.append(0x09)
        }
        func number(_ value: Int) {
            line.append(contentsOf: String(value).utf8)
            line.append(0x09)
        }
        line.append(contentsOf: [UInt8(ascii: "P"), 0x09])
        field(page.source); field(page.language); field(page.key); field(page.outputPath); field(page.title); field(page.description)
        if let order = page.order { number(order) } else { line.append(0x09) }
        field(page.reviewed?.iso ?? "")
        field(page.layout)
        if let procedure = page.procedure {
            line.append(UInt8(ascii: "="))
            field(procedure)
        } else {
            line.append(contentsOf: [UInt8(ascii: "-"), 0x09])
        }
        field(page.menuTitle)
        number(page.bodyLine)
        line.append(contentsOf: [page.draft ? UInt8(ascii: "1") : UInt8(ascii: "0"), 0x09])
        for (index, list) in [cached.anchors, cached.links].enumerated() {
            for (position, item) in list.enumerated() {
                if position > 0 { line.append(0x1F) }
                appendEscaped(item, to: &line)
            }
            line.append(index == 0 ? 0x09 : 0x0A)
        }
        return line
    }

    private static func list(_ field: Field) -> [String] {
        field.isEmpty ? [] : split(field, at: 0x1F).map { text($0) }
    }

    /// Splits a line at its tabs.
    /// With `limit`, only the first `limit` fields are split off, and the rest of the line is left as it is.
    static func fields(_ line: Field, limit: Int = .max) -> [Field] {
        split(line, at: 0x09, limit: limit)
    }

    private static func split(_ bytes: Field, at separator: UInt8, limit: Int = .max) -> [Field] {
        var parts: [Field] = []
        guard let base = bytes.baseAddress else { return [bytes] }
        var start = 0
        // `memchr` finds each separator: a quick rebuild looks at every page's line.
        while let found = memchr(base + start, Int32(separator), bytes.count - start) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            parts.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            if parts.count == limit { return parts }
            start = index + 1
        }
        parts.append(UnsafeBufferPointer(rebasing: bytes[start...]))
        return parts
    }

    /// The text of an escaped field.
    static func text(_ field: Field) -> String {
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        var result: [UInt8] = []
        var escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "u"): result.append(0x1F)
                default: result.append(byte)
                }
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends a field's bytes with backslash, tab, line breaks and U+001F escaped.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        // Most fields have nothing to escape: their bytes are appended at once.
        let plain = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !buffer.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1F }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if plain == true { return }
        for byte in text.utf8 {
            switch byte {
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x1F: bytes += [0x5C, UInt8(ascii: "u")]
            default: bytes.append(byte)
            }
        }
    }
}
