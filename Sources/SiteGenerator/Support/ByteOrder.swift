import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// Negative, zero or positive as these bytes come before, equal or after `other` in byte order (a
    /// shorter run of bytes before a longer one it begins). Compared with `memcmp`.
    package func byteOrder(_ other: UnsafeBufferPointer<UInt8>) -> Int {
        let common = Swift.min(count, other.count)
        let order = common == 0 ? 0 : Int(memcmp(baseAddress!, other.baseAddress!, common))
        return order != 0 ? order : count - other.count
    }
}

extension String {
    /// Whether this string comes before `other` in the byte order of their UTF-8: the order the disk layer
    /// lists paths in. (Swift's `<` orders text by its canonical form, which differs for decomposed names.)
    /// Compared with `memcmp`: a cache of 10,000 files is sorted this way on every full build.
    package func precedesInByteOrder(_ other: String) -> Bool {
        var (first, second) = (self, other)
        return first.withUTF8 { a in second.withUTF8 { b in a.byteOrder(b) < 0 } }
    }
}

extension Collection where Element == String {
    /// These strings sorted by `precedesInByteOrder`.
    package func sortedInByteOrder() -> [String] {
        let strings = Array(self)
        return strings.byteOrder().map { strings[$0] }
    }

    /// The positions of these strings (counted from 0) in the order `precedesInByteOrder` sorts them.
    /// Every string's bytes are copied into one buffer first, so comparing two retains neither: sorting a
    /// cache's 10,000 paths took a quarter of the time.
    package func byteOrder() -> [Int] {
        var bytes: [UInt8] = []
        var spans: [(start: Int, count: Int, index: Int)] = []
        spans.reserveCapacity(count)
        for (index, string) in enumerated() {
            spans.append((bytes.count, string.utf8.count, index))
            bytes.append(contentsOf: string.utf8)
        }
        bytes.withUnsafeBufferPointer { buffer in
            spans.sort { first, second in
                UnsafeBufferPointer(rebasing: buffer[first.start..<first.start + first.count])
                    .byteOrder(UnsafeBufferPointer(rebasing: buffer[second.start..<second.start + second.count])) < 0
            }
        }
        return spans.map(\.index)
    }
}
