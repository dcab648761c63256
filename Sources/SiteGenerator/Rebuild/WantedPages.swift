import Foundation

/// Which of the cache's page lines a quick rebuild needs: those with one of a few sources, keys or addresses,
/// or in the menu of one of a few languages. Decided from five fields of the line (source, language, key,
/// address, order), found with `memchr` where they lie: it runs on every page's line of every quick rebuild,
/// so nothing is split or copied.
struct WantedPages: Sendable {
    private let sources: [[UInt8]]
    private let keys: [[UInt8]]
    private let menuLanguages: [[UInt8]]
    private let outputs: [[UInt8]]

    init(sources: Set<String>, keys: Set<String>, menuLanguages: Set<String>, outputs: Set<String> = []) {
        (self.sources, self.keys, self.menuLanguages) = (sources.map { Array($0.utf8) }, keys.map { Array($0.utf8) }, menuLanguages.map { Array($0.utf8) })
        self.outputs = outputs.map { Array($0.utf8) }
    }

    /// Whether the page line `text` (`P`, source, language, key, address, …, order as its eighth field) is wanted;
    /// false for a line with fewer than eight fields.
    func contains(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var (source, language, key, output) = (text[0..<0], text[0..<0], text[0..<0], text[0..<0])
        var start = 0
        for index in 0..<8 {
            let end: Int
            if let tab = memchr(base + start, 0x09, text.count - start) {
                end = base.distance(to: tab.assumingMemoryBound(to: UInt8.self))
            } else {
                guard index == 7 else { return false }
                end = text.count
            }
            switch index {
            case 1: source = text[start..<end]
            case 2: language = text[start..<end]
            case 3: key = text[start..<end]
            case 4: output = text[start..<end]
            case 7:
                return Self.holds(sources, source) || Self.holds(keys, key) || Self.holds(outputs, output)
                    || (end > start && Self.holds(menuLanguages, language))
            default: break
            }
            start = end + 1
        }
        return false
    }

    /// Whether `field` is byte for byte one of `values`.
    private static func holds(_ values: [[UInt8]], _ field: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        values.contains { value in value.count == field.count && value.withUnsafeBufferPointer { $0.byteOrder(UnsafeBufferPointer(rebasing: field)) == 0 } }
    }
}
