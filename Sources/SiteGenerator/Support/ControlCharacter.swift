/// Finds control characters (C0 other than tab and line breaks, and DEL) in text from a file.
///
/// HTML does not allow them and a terminal obeys them, yet they arrive unseen in text pasted from other
/// programs. YAML already refuses them (libyaml); Markdown is checked with this before cmark sees it.
enum ControlCharacter {
    /// The first line holding one, and the character as `U+0007`; nil when there is none.
    static func firstLine(in text: String) -> (number: Int, code: String)? {
        var text = text
        text.makeContiguousUTF8()
        let bytes = text.utf8.span
        var line = 1
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if XMLText.isControl(byte) {
                let code = String(byte, radix: 16, uppercase: true)
                return (line, "U+" + String(repeating: "0", count: 4 - code.count) + code)
            }
        }
        return nil
    }
}
