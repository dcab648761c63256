/// Finds control characters (C0 other than tab and line breaks, and DEL) in text from a file.
///
/// HTML does not allow them and a terminal obeys them, yet they arrive unseen in text pasted from other
/// programs. YAML already refuses them (libyaml); Markdown is checked with this before cmark sees it.
enum ControlCharacter {
    /// The first line holding one, and the character as `U+0007`; nil when there is none.
    static func firstLine(in text: String) -> (number: Int, code: String)? {
        // Almost every page has none: a pass eight bytes at a time says so before lines are counted.
        var text = text
        text.makeContiguousUTF8()
        if !mayHoldOne(text.utf8.span) { return nil }
        var line = 1
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if XMLText.isControl(byte) {
                return (line, "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4))
            }
        }
        return nil
    }
}

extension ControlCharacter {
    /// False when no byte is below 0x20 other than a line feed, or is 0x7F; true may be wrong (a tab, a
    /// carriage return). Eight bytes at a time, with the usual bit tricks for "some byte is less than n".
    static func mayHoldOne(_ bytes: Span<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let newlines = ones &* 0x0A, deletes = ones &* 0x7F
        var offset = 0
        while offset + 8 <= bytes.count {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(bytes[offset + byte]) << UInt64(8 * byte) }
            // A byte below 0x20, once line feeds are made 0x20 (0x0A ^ 0x2A): only real controls remain.
            let lifted = word ^ (zeroBytes(word ^ newlines) >> 7 &* 0x2A)
            if (lifted &- ones &* 0x20) & ~lifted & highs != 0 || zeroBytes(word ^ deletes) != 0 { return true }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return true }
            offset += 1
        }
        return false
    }

    /// 0x80 in each byte of `word` that is zero, 0 elsewhere (exact, unlike the shorter formula).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & lows) &+ lows) | word | lows)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
