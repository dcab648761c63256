/// Finds control characters (C0 other than tab and line breaks, and DEL) in text from a file.
///
/// HTML does not allow them and a terminal obeys them, yet they arrive unseen in text pasted from other
/// programs. YAML already refuses them (libyaml); Markdown is checked with this before cmark sees it.
enum ControlCharacter {
    /// The first line holding one, and the character as `U+0007`; nil when there is none.
    static func firstLine(in text: String) -> (number: Int, code: String)? {
        // Almost every page has none: one tight pass over the bytes says so before lines are counted.
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 ? ($0 != 0x0A && $0 != 0x09 && $0 != 0x0D) : $0 == 0x7F }
        }
        if clean == true { return nil }
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

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
