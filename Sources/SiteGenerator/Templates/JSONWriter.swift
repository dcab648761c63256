/// Compact JSON written straight to bytes, for the JSON-LD of every page. Strings are escaped as
/// `JSONEncoder` escapes them (quote, backslash, control characters), and `<`, `>` and `&` as `\u003c`,
/// `\u003e` and `\u0026`, so the text is safe inside a `<script>` element: no title can end it or open a comment.
/// Keys are written in the order given; callers give them sorted.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(512) }

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `"key":"value"`.
    mutating func field(_ key: String, _ value: String) {
        self.key(key)
        string(value)
        needsComma = true
    }

    /// `"key":{…}` with string values.
    mutating func object(_ key: String, _ fields: [(String, String)]) {
        self.key(key)
        open()
        for (name, value) in fields { field(name, value) }
        close()
    }

    private mutating func key(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied at once: most values have none.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where Self.needsEscape[Int(byte)] {
                bytes.append(contentsOf: utf8[runStart..<index])
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                default:
                    bytes += Array("\\u00".utf8)
                    bytes += [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                }
            }
            bytes.append(contentsOf: utf8[runStart...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The bytes written as an escape: control characters, quote, backslash, and the three that could close a script.
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26].contains($0) }
}
