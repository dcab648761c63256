import Foundation
import Hummingbird
import SiteGenerator

/// Answers requests from the built site folder, adding the live-reload script to pages as they are served
/// (never to the files themselves).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let siteFolder: URL
    /// Starts and ends with `/` (normalised by `PreviewServer.Options`).
    let subpath: String
    let hosts: HostCheck
    let state: PreviewState
    let hub: ReloadHub

    static let eventsPath = "__clinicsite/events"

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", extra: [.allow: "GET, HEAD"])
        }
        // The first Host header became the authority; another one left among the fields means two (RFC 9112: 400).
        if request.headers.contains(where: { $0.name.canonicalName == "host" }) {
            return text(.badRequest, "A request may name its host once.\n")
        }
        guard hosts.allows(request.head.authority) else {
            return text(.misdirectedRequest, "This preview answers only to localhost and the address it listens on.\n")
        }
        let response: Response
        switch RequestPath.resolve(request.uri.path, subpath: subpath) {
        case .refused:
            response = text(.badRequest, "Bad request\n")
        case .outsideSubpath:
            response = text(.notFound, "Not found: this preview serves the site under \(subpath)\n")
        case .file(let path) where path == Self.eventsPath:
            guard request.method == .get else { return Response(status: .ok, headers: [.contentType: "text/event-stream"]) }
            guard let stream = await hub.connect() else {
                return text(.serviceUnavailable, "\(ReloadHub.maxStreams) preview tabs are open already: this one will not reload by itself. "
                            + "Close some tabs, then reload this one.\n")
            }
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-store", .init("X-Accel-Buffering")!: "no"],
                            body: ResponseBody(asyncSequence: stream.map { ByteBuffer(bytes: $0) }))
        case .file(let path):
            response = await serve(path, requested: request.uri.path, range: request.headers[.range], context: context)
        }
        return request.method == .head ? Self.withoutBody(response) : response
    }

    private func serve(_ path: String, requested: String, range: String?, context: Context) async -> Response {
        let errors = await state.errors
        if !errors.isEmpty && path.hasSuffix(".html") {
            return html(.internalServerError, ErrorPage.html(errors))
        }
        let file = siteFolder.appendingPathComponent(path)
        // A final check that the file really is inside the site folder, symbolic links resolved.
        let folder = siteFolder.resolvingSymlinksInPath().path
        let real = file.resolvingSymlinksInPath().path
        guard real.hasPrefix(folder + "/") else { return notFound() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return notFound() }
        if isDirectory.boolValue {
            // A folder asked for without its slash: send the browser to the folder, so relative links work.
            guard FileManager.default.fileExists(atPath: real + "/index.html") else { return notFound() }
            return Response(status: .movedPermanently, headers: [.location: requested + "/", .cacheControl: "no-store"])
        }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: real))?[.size] as? Int else { return notFound() }
        // Pages get the live-reload script, so they are read whole; anything else (and a page too large to be one)
        // is streamed from disk in chunks, so memory does not grow with file sizes or slow readers.
        if path.hasSuffix(".html") && size <= Self.largestPage {
            guard let data = FileManager.default.contents(atPath: real) else { return notFound() }
            return html(.ok, String(decoding: data, as: UTF8.self))
        }
        return await FileStreaming.response(path: real, size: size, contentType: ContentTypes.forPath(path), range: range, context: context)
    }

    /// Pages larger than this are served as they are, without the live-reload script.
    static let largestPage = 4 * 1024 * 1024

    private func notFound() -> Response {
        let page = FileManager.default.contents(atPath: siteFolder.path + "/404.html") ?? Data("Not found\n".utf8)
        return html(.notFound, String(decoding: page, as: UTF8.self))
    }

    private func html(_ status: HTTPResponse.Status, _ page: String) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.inject(into: page, eventsURL: subpath + Self.eventsPath))))
    }

    private func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    /// The same head, announcing the length the body would have, with no body: a HEAD answer must not
    /// carry one, or the next request on the connection is misread.
    static func withoutBody(_ response: Response) -> Response {
        var headers = response.headers
        if let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers, body: ResponseBody())
    }
}
