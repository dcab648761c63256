import Foundation
import Synchronization

/// The fast path of template rendering: a layout rendered once per page shape, with markers where each page's
/// own values go, then filled in per page (see `LayoutSlots`). swift-mustache spends most of a page's time
/// looking names up, so rendering once per shape instead of once per page is what makes real layouts fast.
///
/// `render` is the one call; `renderDirect` beside it is the slow path it must equal byte for byte
/// (`EscapingTests.reusedLayoutsGiveTheSameBytes…` and `PersonalTimelineTests.fastPagesAreExactlyTheTemplatesOutput`).
/// Shared by the threads of a build or of a batch of timelines.
final class LayoutCache: Sendable {
    /// What a caller gives for one page: the shape of its context apart from its own values, and how to
    /// render the template once the context is built.
    struct Request {
        var shape: String
        var render: () -> String
    }

    private let slots = LayoutSlots()
    /// Each shape's layout as UTF-8 bytes, the form `LayoutSlots.fill` reads.
    private let layouts = Mutex<[String: [UInt8]]>([:])

    /// The page, rendered once per shape and filled in; `describe` takes a page's own values through the
    /// `LayoutValues` it is given (markers here, the values themselves on the slow path).
    func render(_ describe: (inout LayoutValues) -> Request) -> Data {
        var values = LayoutValues(slots: slots)
        let request = describe(&values)
        let key = request.shape + "|" + values.shape
        let layout: [UInt8]
        if let known = layouts.withLock({ $0[key] }) {
            layout = known
        } else {
            // Two threads may render the same shape at once; both get the same text.
            layout = Array(request.render().utf8)
            layouts.withLock { $0[key] = layout }
        }
        // A transform that changed a marker leaves a trace `fill` cannot account for: render directly then.
        return values.fill(layout) ?? Self.renderDirect(describe)
    }

    /// The page rendered straight through the template: the slow path, and the reference for `render`.
    static func renderDirect(_ describe: (inout LayoutValues) -> Request) -> Data {
        var values = LayoutValues(slots: nil)
        return Data(describe(&values).render().utf8)
    }
}
