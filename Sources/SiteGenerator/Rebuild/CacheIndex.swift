import Foundation

/// The cache file as read, with its lines found but not decoded, so a rebuild after a small edit decodes
/// only the few pages it needs (`SiteBuilder.relayOut`) and writes the file back with only their lines changed.
public struct CacheIndex: Sendable {
    let bytes: [UInt8]
    /// Every line (without its line break), the header first.
    let lines: [Range<Int>]
    /// The lines of content files (`F`), in path order.
    let fileLines: Range<Int>
    /// The `BuildCache.siteKey` it was made for.
    public let siteKey: UInt64
    /// The date its build took as today.
    public let today: String

    /// Finds the lines; nil when the file is not a cache of this format.
    public init?(_ data: Data) {
        bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 64)
        var firstPage: Int?
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count, let end = buffer[start...].firstIndex(of: 0x0A) {
                if firstPage == nil, buffer[start] == UInt8(ascii: "P") { firstPage = lines.count }
                lines.append(start..<end)
                start = end + 1
            }
        }
        guard let first = lines.first, lines.last?.upperBound == bytes.count - 1 else { return nil }
        let head = bytes.withUnsafeBufferPointer { BuildCache.fields(UnsafeBufferPointer(rebasing: $0[first])).map { BuildCache.text($0) } }
        guard head.count == 3, head[0] == BuildCache.header, let siteKey = UInt64(head[1], radix: 16) else { return nil }
        self.lines = lines
        self.siteKey = siteKey
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

    /// The pages `wanted` chooses by source, language, key and whether they are in the menu, decoded, with their line numbers.
    func pages(where wanted: (_ source: String, _ language: String, _ key: String, _ inMenu: Bool) -> Bool) -> [(line: Int, page: CachedPage)] {
        (fileLines.upperBound..<lines.count).compactMap { line -> (Int, CachedPage)? in
            let range = lines[line]
            return bytes.withUnsafeBufferPointer { buffer -> (Int, CachedPage)? in
                let fields = BuildCache.fields(UnsafeBufferPointer(rebasing: buffer[range]))
                guard fields.count == 16, wanted(BuildCache.text(fields[1]), BuildCache.text(fields[2]), BuildCache.text(fields[3]), !fields[7].isEmpty),
                      case .page(let page) = BuildCache.decode(fields, line: { bytes[range.lowerBound...range.upperBound] }) else { return nil }
                return (line, page)
            }
        }
    }

    /// The file with some lines replaced (by line number, each new line with its line break).
    public func replacing(_ replacements: [Int: [UInt8]]) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + replacements.values.reduce(0) { $0 + $1.count })
        var copied = 0
        for line in replacements.keys.sorted() {
            output += bytes[copied..<lines[line].lowerBound]
            output += replacements[line]!
            copied = lines[line].upperBound + 1
        }
        output += bytes[copied...]
        return Data(output)
    }

    /// A content file's line, as `replacing` takes it.
    public static func fileLine(path: String, state: BuildCache.FileState) -> [UInt8] {
        Array("F\t\(String(state.stamp, radix: 16))\t\(String(state.hash, radix: 16))\t".utf8) + BuildCache.escapedField(path) + [0x0A]
    }
}
