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
        marker(for: .text(value)) ?? value
    }

    /// HTML made by clinicsite (a page's Markdown).
    mutating func html(_ value: [UInt8]) -> String {
        marker(for: .html(value[...])) ?? String(decoding: value, as: UTF8.self)
    }

    /// The layout with these values put in; nil when the layout must be rendered directly instead.
    func fill(_ layout: [UInt8]) -> Data? {
        slots?.fill(layout, with: values)
    }

    private mutating func marker(for value: LayoutSlots.Value) -> String? {
        guard let slots else { return nil }
        if value.bytes == 0 {
            shape += "0"
            return ""
        }
        if value.endsWithNewline {
            shape += "2"
            values.append(value.droppingFinalNewline)
            return slots.marker(values.count - 1) + "\n"
        }
        shape += "1"
        values.append(value)
        return slots.marker(values.count - 1)
    }
}
