import Foundation

/// The short hash in the names of published assets (`style.1a2b3c4d5e.css`) and of patients' files: the
/// first ten hexadecimal digits of 64-bit FNV-1a. It names files, so it must stay as it is (a change would
/// rename every asset); it never decides whether something changed (`Fingerprint` does).
package enum NameHash {
    /// Ten hexadecimal digits of the FNV-1a hash of `data`.
    package static func hex(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - text.count) + text).prefix(10))
    }
}
