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
