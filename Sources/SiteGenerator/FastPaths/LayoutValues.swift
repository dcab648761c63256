import Foundation

/// A page's own values on their way into a layout: as `LayoutSlots` markers, with the values kept for
/// `fill`, or (with no slots) as themselves, for rendering the page directly.
///
/// Two things a marker cannot stand in for are kept as they are and named in `shape` instead: an empty
/// value, and a final newline. Inside an indented partial, Mustache indents the token after a newline
/// unless the token renders nothing, so both change the output around the value.
struct LayoutValues {
    let slots: LayoutSlots?
    private(set) var values: [LayoutSlots.Value] = []
    /// One character per value: "0" empty, "1" a marker, "2" a marker followed by the value's final newline.
    private(set) var shape = ""

    init(slots: LayoutSlots?) {
        self.slots = slots
    }

    /// Text, escaped or not as the template prints it.
    mutating func text(_ value: String) -> String {
        slots == nil ? value : marker(for: Array(value.utf8)[...])
    }

    /// HTML made by clinicsite (a page's Markdown).
    mutating func html(_ value: [UInt8]) -> String {
        slots == nil ? String(decoding: value, as: UTF8.self) : marker(for: value[...])
    }

    /// The layout with these values put in; nil when the layout must be rendered directly instead.
    func fill(_ layout: [UInt8]) -> Data? {
        slots?.fill(layout, with: values)
    }

    private mutating func marker(for value: LayoutSlots.Value) -> String {
        guard let slots, !value.isEmpty else {
            shape += "0"
            return ""
        }
        let newline = value.last == UInt8(ascii: "\n")
        shape += newline ? "2" : "1"
        values.append(newline ? value.dropLast() : value)
        return slots.marker(values.count - 1) + (newline ? "\n" : "")
    }
}
