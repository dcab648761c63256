/// Finds control characters (C0 other than tab and line breaks, and DEL) in text from a file.
///
/// HTML does not allow them and a terminal obeys them, yet they arrive unseen in text pasted from other
/// programs. YAML already refuses them (libyaml); Markdown is checked with this before cmark sees it.
enum ControlCharacter {
    /// The first line holding one, and the character as `U+0007`; nil when there is none.
    static func firstLine(in text: String) -> (number: Int, code: String)? {
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
