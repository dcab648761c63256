/// Trimming white space, as every reader of staff text needs.
extension StringProtocol {
    package var trimmingTrailingSpaces: String {
        guard let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[...last])
    }
}

extension StringProtocol {
    package var trimmingSpaces: String {
        // Most text starts and ends with a visible ASCII character: nothing to trim, no characters to walk.
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.first.map { (0x21...0x7E).contains($0) } == true && bytes.last.map { (0x21...0x7E).contains($0) } == true
        }
        if plain == true { return String(self) }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
