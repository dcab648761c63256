import CXXHash
import Foundation

/// What a build compares to tell whether a value changed: the 128-bit XXH3 hash of its bytes (Debian's
/// libxxhash). Two different values share a fingerprint with odds of about 2^-128 per pair, far below
/// any disk error; it is not for security (the inputs are the clinic's own files).
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The hash's high half, as XXH3 gives it.
    public let high: UInt64
    /// The hash's low half.
    public let low: UInt64

    /// The fingerprint of `bytes`.
    public init(of bytes: UnsafeRawBufferPointer) {
        let hash = XXH3_128bits(bytes.baseAddress, bytes.count)
        (high, low) = (hash.high64, hash.low64)
    }

    /// The fingerprint of `data`.
    public init(of data: Data) {
        self = data.withUnsafeBytes { Fingerprint(of: $0) }
    }

    /// The fingerprint of the UTF-8 bytes of `text`.
    public init(text: String) {
        var text = text
        self = text.withUTF8 { Fingerprint(of: UnsafeRawBufferPointer($0)) }
    }

    /// Rebuilds a fingerprint from its 32 hexadecimal digits (`description`); nil for anything else.
    public init?(hex: some StringProtocol) {
        var halves: (UInt64, UInt64) = (0, 0)
        var count = 0
        for byte in hex.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if count < 16 { halves.0 = halves.0 << 4 | UInt64(digit) } else { halves.1 = halves.1 << 4 | UInt64(digit) }
            count += 1
            if count > 32 { return nil }
        }
        guard count == 32 else { return nil }
        (high, low) = halves
    }

    /// XXH3's canonical form: the 128 bits in 32 hexadecimal digits, high half first.
    public var description: String {
        var text: [UInt8] = []
        text.reserveCapacity(32)
        for shift in stride(from: 124, through: 0, by: -4) {
            text.append(Self.digits[Int(((shift >= 64 ? high : low) >> UInt64(shift % 64)) & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
