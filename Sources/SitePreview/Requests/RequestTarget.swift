import NIOCore
import NIOHTTP1

/// RFC 9112 §3.2.2: a request whose target is in absolute form (`GET http://host/path`) is for the target's
/// host, whatever its `Host` header says. The conversion to HTTP types keeps only the path of such a target,
/// so this handler, placed right after NIO's request decoder, puts the target's host in `Host` (the only one)
/// and its path and query in the target, before anything else reads the request. The host check then answers
/// a foreign host with 421, as it does for a foreign `Host`.
final class AbsoluteFormTarget: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), let (authority, rest) = Self.split(head.uri) else {
            context.fireChannelRead(data)
            return
        }
        head.uri = rest
        head.headers.remove(name: "Host")
        head.headers.add(name: "Host", value: authority)
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// `http://localhost:8000/en/a.html?x` gives `localhost:8000` and `/en/a.html?x`; nil when the target is
    /// not in absolute form.
    static func split(_ target: String) -> (authority: String, rest: String)? {
        guard let schemeEnd = target.range(of: "://"), target[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
              !target[..<schemeEnd.lowerBound].isEmpty else { return nil }
        let afterScheme = target[schemeEnd.upperBound...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let authority = String(afterScheme[..<end])
        let rest = String(afterScheme[end...])
        return (authority, rest.hasPrefix("/") ? rest : "/" + rest)
    }
}

/// Added with Hummingbird's handlers (after the HTTP types conversion), it puts the handlers that must see NIO's
/// own request parts (`AbsoluteFormTarget`, `RequestHeadTimeout`) right after NIO's request decoder, and then
/// passes everything through.
final class EarlyHandlersInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never

    let headTimeout: TimeAmount
    let waiting: WaitingConnections

    init(headTimeout: TimeAmount, waiting: WaitingConnections) {
        self.headTimeout = headTimeout
        self.waiting = waiting
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let operations = context.pipeline.syncOperations
        if let decoder = try? operations.context(handlerType: ByteToMessageHandler<HTTPRequestDecoder>.self) {
            try? operations.addHandlers([RequestHeadTimeout(timeout: headTimeout, waiting: waiting), AbsoluteFormTarget()],
                                        position: .after(decoder.handler))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }
}
