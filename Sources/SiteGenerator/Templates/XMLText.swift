/// Escaping for text placed in HTML or XML: `&`, `<`, `>`, `"` and `'` become entities, whatever follows them,
/// and control characters other than tab and line breaks are left out (HTML and XML do not allow them).
///
/// Every template value goes through this (see `Templates`), as does HTML built outside the templates.
/// It works on UTF-8 bytes rather than characters: swift-mustache's own escaper looks characters up
/// whole, so a quote followed by a combining accent (one character, `"\u{301}`) passed through unescaped
/// and could end an attribute value early.
public enum XMLText {
    /// `text` safe to place in element content or in a quoted attribute. Text with nothing to escape is
    /// returned as it is, without a copy.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 32)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                case _ where isControl(byte): continue
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || isControl(byte)
    }

    /// C0 controls except tab, line feed and carriage return, and DEL.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }
}
