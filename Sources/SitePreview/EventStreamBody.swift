import FlyingFox
import FlyingSocks
import Foundation

/// An event stream as the byte sequence FlyingFox sends as a chunked body; each event goes out as it comes.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(iterator: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var iterator: AsyncStream<Data>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let data = await iterator.next() else { return nil }
                pending = Array(data)
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            guard let data = await iterator.next() else { return nil }
            return Array(data)
        }
    }
}
