import Foundation

/// Searching UTF-8 bytes: the markers and placeholders filled into rendered pages, a handout's sheet.
extension Array where Element == UInt8 {
    /// Where `needle` first starts at or after `start`: libc's `memchr` finds each candidate for the needle's
    /// last byte, `memcmp` checks the rest (a loop in Swift took 15 times as long over a 20 KB page). The
    /// markers begin with a quote, and stopping at every quote of a page cost more than the search; they end
    /// with a byte rare in HTML.
    package func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let last = needle.last, start >= 0 else { return nil }
        let before = needle.count - 1
        return withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var position = start + before
            while position < count {
                guard let hit = memchr(base + position, Int32(last), count - position) else { return nil }
                let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - before
                if memcmp(base + found, needle, before) == 0 { return found }
                position = found + before + 1
            }
            return nil
        }
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

    /// Whether the bytes just before `end` are `piece`.
    package func has(_ piece: [UInt8], endingAt end: Int) -> Bool {
        end >= piece.count && end <= count && self[(end - piece.count)..<end].elementsEqual(piece)
    }

    /// Whether the bytes from `start` on begin with `piece`.
    package func has(_ piece: [UInt8], startingAt start: Int) -> Bool {
        start >= 0 && start <= count && self[start...].starts(with: piece)
    }
}

extension StringProtocol {
    /// Whether the text's UTF-8 holds `byte`, found by libc's `memchr` where the bytes lie in one piece: a page's
    /// body is asked this for `<` and `|` before anything looks for includes or tables, and Swift's loop over the
    /// UTF-8 view took 5 % of a 10,000-page build's CPU (docs/benchmarks.md). The loop is the fallback and the twin.
    package func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? utf8.contains(byte)
    }
}
