import NIOCore
import NIOHTTP1
import Synchronization

/// Closes a connection that has not sent a whole request head within `timeout` of opening, or of the answer to
/// its last request. A client that sends its head a byte at a time (slowloris), or opens connections and sends
/// nothing, then holds one of the preview's connections for seconds instead of until the idle timeout, so
/// others keep getting pages. Requests being answered (an open event stream included) are never cut.
final class RequestHeadTimeout: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let timeout: TimeAmount
    private let waiting: WaitingConnections
    private var deadline: Scheduled<Void>?
    /// Request heads received and answers finished: a head is awaited only when they are equal.
    private var heads = 0, answers = 0

    init(timeout: TimeAmount, waiting: WaitingConnections) {
        self.timeout = timeout
        self.waiting = waiting
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm(context)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm(context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            heads += 1
            disarm(context)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answers += 1
            if answers == heads { arm(context) }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        waiting.add(channel)
    }

    private func disarm(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        waiting.remove(context.channel)
    }
}

/// The connections of one server that wait for a request head, oldest first. When more than `limit` wait,
/// the oldest is closed: near the connection cap, a crowd of idle connections gives way to new ones instead
/// of keeping them out until the head timeout.
final class WaitingConnections: Sendable {
    private struct State {
        var next = 0
        var channels: [ObjectIdentifier: (order: Int, channel: any Channel)] = [:]
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func add(_ channel: any Channel) {
        let oldest = state.withLock { state -> (any Channel)? in
            state.next += 1
            state.channels[ObjectIdentifier(channel)] = (state.next, channel)
            guard state.channels.count > limit, let first = state.channels.min(by: { $0.value.order < $1.value.order }) else { return nil }
            state.channels[first.key] = nil
            return first.value.channel
        }
        oldest?.close(promise: nil)
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}
