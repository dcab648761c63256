import Foundation

/// Per-patient texts of a printed page, stood in for by placeholders while the template renders.
/// A placeholder is a private-use character, a number and another private-use character: Mustache's
/// escaping leaves it as it is, and the real text is escaped the same way when it is put back.
struct PlaceholderValues {
    private(set) var values: [String] = []
    /// When true, `slot` returns the text itself (the template then renders a page directly).
    private let direct: Bool

    init(direct: Bool = false) {
        self.direct = direct
    }

    static let open = "\u{E000}"
    static let close = "\u{E001}"

    mutating func slot(_ value: String) -> String {
        if direct { return value }
        values.append(value)
        return "\(Self.open)\(values.count - 1)\(Self.close)"
    }

    /// `skeleton` with every placeholder replaced by its text, HTML-escaped as Mustache escapes.
    func fill(_ skeleton: String) -> String {
        let source = Array(skeleton.utf8)
        let open = Array(Self.open.utf8), close = Array(Self.close.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count + 512)
        var position = 0
        while position < source.count {
            if source[position] == open[0], position + open.count <= source.count, source[position..<(position + open.count)].elementsEqual(open) {
                var end = position + open.count
                var index = 0
                while end < source.count, source[end] >= UInt8(ascii: "0"), source[end] <= UInt8(ascii: "9") {
                    index = index * 10 + Int(source[end] - UInt8(ascii: "0"))
                    end += 1
                }
                if end > position + open.count, end + close.count <= source.count, source[end..<(end + close.count)].elementsEqual(close), index < values.count {
                    output.append(contentsOf: XMLText.escape(values[index]).utf8)
                    position = end + close.count
                    continue
                }
            }
            output.append(source[position])
            position += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Rendered page skeletons by shape, shared by the threads of a batch.
final class SkeletonCache: @unchecked Sendable {
    private var skeletons: [String: String] = [:]
    private let lock = NSLock()

    func value(for key: String, render: () -> String) -> String {
        lock.lock()
        if let skeleton = skeletons[key] {
            lock.unlock()
            return skeleton
        }
        lock.unlock()
        let skeleton = render()
        lock.lock()
        skeletons[key] = skeleton
        lock.unlock()
        return skeleton
    }
}
