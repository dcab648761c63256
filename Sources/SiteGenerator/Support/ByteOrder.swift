import Foundation

extension String {
    /// Whether this string comes before `other` in the byte order of their UTF-8: the order the disk layer
    /// lists paths in. (Swift's `<` orders text by its canonical form, which differs for decomposed names.)
    /// Compared with `memcmp`: a cache of 10,000 files is sorted this way on every full build.
    package func precedesInByteOrder(_ other: String) -> Bool {
        var (first, second) = (self, other)
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }
}
