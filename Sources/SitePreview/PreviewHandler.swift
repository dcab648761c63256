import FlyingFox
import Foundation
import SiteGenerator

/// Answers requests from the built site folder, adding the live-reload script to pages as they are served
/// (never to the files themselves).
struct PreviewHandler: HTTPHandler {
    let siteFolder: URL
    /// Starts and ends with `/` (normalised by `PreviewServer.Options`).
    let subpath: String
    let state: PreviewState
    let hub: ReloadHub

    static let eventsPath = "__clinicsite/events"

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([.init("Allow"): "GET, HEAD"]))
        }
        switch RequestPath.resolve(request.path, subpath: subpath) {
        case .refused:
            return text(.badRequest, "Bad request\n")
        case .outsideSubpath:
            return text(.notFound, "Not found: this preview serves the site under \(subpath)\n")
        case .file(let path) where path == Self.eventsPath:
            let stream = await hub.connect()
            return HTTPResponse(statusCode: .ok,
                                headers: HTTPHeaders([.contentType: "text/event-stream", .init("Cache-Control"): "no-store", .init("X-Accel-Buffering"): "no"]),
                                body: HTTPBodySequence(from: EventStreamBody(stream: stream)))
        case .file(let path):
            return await serve(path)
        }
    }

    private func serve(_ path: String) async -> HTTPResponse {
        let errors = await state.errors
        if !errors.isEmpty && (path.hasSuffix(".html")) {
            return html(.internalServerError, ErrorPage.html(errors))
        }
        let file = siteFolder.appendingPathComponent(path)
        // A final check that the file really is inside the site folder, symbolic links resolved.
        let folder = siteFolder.resolvingSymlinksInPath().path
        let real = file.resolvingSymlinksInPath().path
        guard real.hasPrefix(folder + "/"), let data = readRegularFile(real) else {
            let notFound = readRegularFile(folder + "/404.html") ?? Data("Not found\n".utf8)
            return html(.notFound, String(decoding: notFound, as: UTF8.self))
        }
        if path.hasSuffix(".html") { return html(.ok, String(decoding: data, as: UTF8.self)) }
        return HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: ContentTypes.forPath(path), .init("Cache-Control"): "no-store"]), body: data)
    }

    private func readRegularFile(_ path: String) -> Data? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return FileManager.default.contents(atPath: path)
    }

    private func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: "text/html; charset=utf-8", .init("Cache-Control"): "no-store"]),
                     body: Data(LiveReload.inject(into: page, eventsURL: subpath + Self.eventsPath).utf8))
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8"]), body: Data(message.utf8))
    }
}
