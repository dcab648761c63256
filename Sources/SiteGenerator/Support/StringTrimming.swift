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
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return String(self) }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
