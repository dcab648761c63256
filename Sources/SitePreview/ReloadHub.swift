import FlyingFox
import FlyingSocks
import Foundation

/// Tells every open browser tab that the site changed, over Server-Sent Events.
actor ReloadHub {
    private var clients: [UUID: AsyncStream<Data>.Continuation] = [:]

    /// A new event stream; it starts with a comment so the client knows it is connected.
    func connect() -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        continuation.yield(Data(": connected\n\n".utf8))
        continuation.onTermination = { _ in Task { await self.disconnect(id) } }
        clients[id] = continuation
        return stream
    }

    private func disconnect(_ id: UUID) {
        clients[id] = nil
    }

    /// Sends an event to every client.
    func send(event: String, data: String) {
        let message = Data("event: \(event)\ndata: \(data)\n\n".utf8)
        for continuation in clients.values { continuation.yield(message) }
    }

    var clientCount: Int { clients.count }
}

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
