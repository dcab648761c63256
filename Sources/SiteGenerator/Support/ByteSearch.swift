import Foundation

/// Searching UTF-8 bytes: the markers and placeholders filled into rendered pages, the manifest's numbers.
extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `needle` first starts at or after `start`: `memchr` finds each candidate for the needle's last
    /// byte, `memcmp` checks the rest. The markers begin with a quote, and stopping at every quote of a page
    /// cost more than the search; they end with a byte rare in HTML.
    package func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let base = baseAddress, let last = needle.last, start >= 0 else { return nil }
        let before = needle.count - 1
        var position = start + before
        while position < count {
            guard let hit = memchr(base + position, Int32(last), count - position) else { return nil }
            let found = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - before
            if memcmp(base + found, needle, before) == 0 { return found }
            position = found + before + 1
        }
        return nil
    }

    /// The decimal number whose digits start at `start`, and the index after its last digit; nil when there
    /// is no digit there or the number does not fit in an `Int`.
    package func decimalNumber(at start: Int) -> (value: Int, end: Int)? {
        var value = 0
        var end = start
        while end < count, self[end] >= UInt8(ascii: "0"), self[end] <= UInt8(ascii: "9") {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(self[end] - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
            end += 1
        }
        return end > start ? (value, end) : nil
    }
}

extension Slice where Base == UnsafeBufferPointer<UInt8> {
    /// Whether these bytes end with `suffix`.
    package func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix)
    }
}
