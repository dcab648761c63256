import Foundation
import Hummingbird

/// Files answered from disk in 64 KB chunks, each read only once the connection has taken the one before, so
/// a large file or many slow readers cost a chunk or two each, not the file; and one byte range
/// (`Range: bytes=…`), as video players and download managers ask.
enum FileStreaming {
    static let chunkLength = 64 * 1024

    static func response(path: String, size: Int, contentType: String, range: String?, context: BasicRequestContext) async -> Response {
        var headers: HTTPFields = [.contentType: contentType, .cacheControl: "no-store", .acceptRanges: "bytes"]
        var status = HTTPResponse.Status.ok
        var bytes = 0...(size - 1)
        if let range {
            switch ByteRange.parse(range, size: size) {
            case .whole: break
            case .part(let part):
                status = .partialContent
                bytes = part
                headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound)/\(size)"
            case .unsatisfiable:
                return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(size)", .cacheControl: "no-store"])
            }
        }
        guard size > 0, let handle = FileHandle(forReadingAtPath: path) else {
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        // Hummingbird's FileIO reads ahead (megabytes a connection with a slow reader); this reads on demand.
        let span = bytes
        let body = ResponseBody(contentLength: span.count) { writer in
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(span.lowerBound))
            var remaining = span.count
            while remaining > 0, let data = try handle.read(upToCount: min(chunkLength, remaining)), !data.isEmpty {
                remaining -= data.count
                try await writer.write(ByteBuffer(bytes: data))
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }
}

/// One range of a `Range` header (RFC 9110 §14.1.2): `bytes=first-last`, `bytes=first-` or `bytes=-suffix`.
/// Several ranges, or another unit, are answered with the whole file, as the RFC allows.
enum ByteRange: Equatable {
    case whole
    case part(ClosedRange<Int>)
    case unsatisfiable

    static func parse(_ header: String, size: Int) -> ByteRange {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .whole }
        let first = Int(parts[0]), last = Int(parts[1])
        switch (parts[0].isEmpty, parts[1].isEmpty) {
        case (true, false):
            guard let suffix = last, suffix > 0, size > 0 else { return last == nil ? .whole : .unsatisfiable }
            return .part(max(0, size - suffix)...(size - 1))
        case (false, _):
            guard let first, first >= 0, parts[1].isEmpty || (last != nil && last! >= first) else { return .whole }
            guard first < size else { return .unsatisfiable }
            return .part(first...min(last ?? (size - 1), size - 1))
        default:
            return .whole
        }
    }
}
