import Foundation

/// A short, stable fingerprint of bytes for cache-busting file names (64-bit FNV-1a; not for security).
package enum ContentHash {
    package static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `data`, continuing from `hash` so several pieces can be hashed as one.
    package static func value(of data: Data, continuing hash: UInt64 = seed) -> UInt64 {
        data.withUnsafeBytes { value(ofBytes: $0, continuing: hash) }
    }

    private static func value(ofBytes bytes: UnsafeRawBufferPointer, continuing hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A hash of `data` that reads eight bytes at a time, for telling whether a file changed (the build
    /// fingerprint): several times faster than `value` on large inputs, and not the same value.
    package static func wordValue(of data: Data) -> UInt64 {
        data.withUnsafeBytes { wordValue(ofBytes: $0) }
    }

    /// `wordValue` of bytes in memory.
    package static func wordValue(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        wordValue(ofBytes: bytes)
    }

    /// `wordValue` of bytes already in an array.
    package static func wordValue(of array: [UInt8]) -> UInt64 {
        array.withUnsafeBytes { wordValue(ofBytes: $0) }
    }

    private static func wordValue(ofBytes bytes: UnsafeRawBufferPointer) -> UInt64 {
        // Four independent lanes of eight bytes: each multiply waits only on its own lane, so the processor
        // overlaps them (a single lane made hashing every source a tenth of the cache's cost).
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var lanes = (seed ^ UInt64(bytes.count), seed &* 3, seed &* 5, seed &* 7)
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            lanes.1 = (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
            lanes.2 = (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
            lanes.3 = (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
            lanes.0 ^= lanes.0 >> 29
            lanes.1 ^= lanes.1 >> 29
            lanes.2 ^= lanes.2 >> 29
            lanes.3 ^= lanes.3 >> 29
            offset += 32
        }
        var hash = lanes.0
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* prime
            hash ^= hash >> 29
        }
        mix(finished(lanes.1))
        mix(finished(lanes.2))
        mix(finished(lanes.3))
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* prime
            offset += 1
        }
        return finished(hash)
    }

    /// Spreads every bit of `hash` over all the others (MurmurHash3's finaliser): a lane's multiplications
    /// carry a change only towards its high bits.
    private static func finished(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        return hash ^ (hash >> 33)
    }

    /// The hash of a text's UTF-8 bytes, continuing from `hash`.
    package static func value(ofText text: String, continuing hash: UInt64 = seed) -> UInt64 {
        var text = text
        return text.withUTF8 { value(ofBytes: UnsafeRawBufferPointer($0), continuing: hash) }
    }

    /// The hash of one 64-bit value's bytes, continuing from `hash`.
    package static func value(ofWord word: UInt64, continuing hash: UInt64) -> UInt64 {
        var hash = hash
        for shift in stride(from: 0, to: 64, by: 8) {
            hash ^= (word >> UInt64(shift)) & 0xFF
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The hash of some integers' bytes (such as a file's size and times), continuing from `hash`.
    package static func value(of numbers: [Int], continuing hash: UInt64 = seed) -> UInt64 {
        numbers.withUnsafeBytes { value(ofBytes: $0, continuing: hash) }
    }

    package static func hex(of data: Data) -> String {
        let text = String(value(of: data), radix: 16)
        return String(String(repeating: "0", count: 16 - text.count) + text).prefix(10).description
    }
}
