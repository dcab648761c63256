import CQRencode

/// A QR code drawn as inline SVG, made with Debian's libqrencode: no image file, nothing fetched.
enum QRCode {
    /// The code for `text` as an `<svg>` element (one path of dark modules, with the four-module quiet zone
    /// the standard asks for), labelled for screen readers; nil if the text is too long to encode.
    static func svg(for text: String, label: String) -> String? {
        let bytes = Array(text.utf8)
        // Error correction M: a handout may be creased or smudged.
        guard let code = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let modules = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        var path = ""
        for row in 0..<width {
            var column = 0
            while column < width {
                guard modules[row * width + column] & 1 == 1 else {
                    column += 1
                    continue
                }
                let start = column
                while column < width && modules[row * width + column] & 1 == 1 { column += 1 }
                path += "M\(start + 4) \(row + 4)h\(column - start)v1h-\(column - start)z"
            }
        }
        let side = width + 8
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" role=\"img\" aria-label=\"\(XMLText.escape(label))\" "
            + "shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
