import Foundation

/// Tells every open browser tab that the site changed, over Server-Sent Events.
actor ReloadHub {
    private var clients: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var closed = false

    /// The most event streams (open tabs) at once: each holds a connection, and the preview's connections are
    /// capped, so streams past this many are refused and pages stay answered.
    static let maxStreams = 32

    /// A new event stream, starting with a comment so the client knows it is connected; nil when `maxStreams`
    /// are open already.
    func connect() -> AsyncStream<Data>? {
        guard clients.count < Self.maxStreams else { return nil }
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        guard !closed else {
            continuation.finish()
            return stream
        }
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

    /// Ends every stream, and any opened later, so that stopping the server does not wait on open tabs.
    func close() {
        closed = true
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }
}
