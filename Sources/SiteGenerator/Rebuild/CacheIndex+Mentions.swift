import Foundation

extension CacheIndex {
    /// The pages whose line holds one of `names` (file names, as links write them) or a "%" (a link may be
    /// written percent-encoded), decoded: every page that may link to a page of one of those names, and a
    /// few more. Lines are searched as bytes, on all cores; nil when a chosen line does not decode.
    func pages(mentioningAny names: [String]) -> [CachedPage]? {
        let needles = names.map { Array($0.utf8) }
        let pageLines = fileLines.upperBound..<lines.count
        let chunks = stride(from: pageLines.lowerBound, to: pageLines.upperBound, by: 1024).map { $0..<min($0 + 1024, pageLines.upperBound) }
        let found = chunks.parallelMap { chunk in
            bytes.withUnsafeBufferPointer { buffer in
                chunk.compactMap { line -> CachedPage?? in
                    let range = lines[line]
                    let text = UnsafeBufferPointer(rebasing: buffer[range])
                    guard let base = text.baseAddress, memchr(base, Int32(UInt8(ascii: "%")), text.count) != nil
                            || needles.contains(where: { text.firstIndex(of: $0, from: 0) != nil }) else { return nil }
                    guard case .page(let page) = BuildCache.decode(BuildCache.fields(text), line: { bytes[range.lowerBound...range.upperBound] }) else {
                        return .some(nil)
                    }
                    return page
                }
            }
        }.joined()
        return found.contains { $0 == nil } ? nil : found.map { $0! }
    }
}
