import Foundation

/// The file names of a few pages or files, as bytes: a link can point at one of them only if its destination
/// holds that name, or is percent-encoded (and may then spell it otherwise). A rebuild uses this to pass over
/// most links, and most of the cache's lines, without resolving anything. There is none when a name is not
/// ASCII: a link may write it in the other Unicode form, which its bytes would not show.
struct LinkNames: Sendable {
    private let names: [[UInt8]]

    /// The names of the files at `paths`; nil when one is empty or not ASCII.
    init?(of paths: some Sequence<String>) {
        let names = paths.map { Array($0.utf8.split(separator: UInt8(ascii: "/")).last ?? []) }
        guard names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 < 0x80 } }) else { return nil }
        self.names = names
    }

    /// Whether `text` (a destination, or a cache line holding destinations) may name one of the files.
    func mayBeNamed(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        return memchr(base, Int32(UInt8(ascii: "%")), text.count) != nil || names.contains { text.firstIndex(of: $0, from: 0) != nil }
    }

    /// Whether the link destination `destination` may point at one of the files.
    func mayBeNamed(by destination: String) -> Bool {
        var destination = destination
        return destination.withUTF8 { mayBeNamed(in: $0) }
    }
}
