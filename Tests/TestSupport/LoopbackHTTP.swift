import Foundation

/// A tiny HTTP/1.1 client over a loopback socket, so the tests depend on nothing but the server.
public enum LoopbackHTTP {
    public struct Response: Sendable {
        public var status: Int
        public var headers: String
        public var body: String
    }

    /// `readTimeout` bounds each read; event streams use a short one so tests can poll them.
    public static func connect(port: UInt16, readTimeout: Int = 10_000) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: readTimeout / 1000, tv_usec: (readTimeout % 1000) * 1000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        return descriptor
    }

    /// A plain GET from a browser on this computer, asking the server to close the connection after it.
    static func getRequest(_ path: String) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    }

    public static func send(_ descriptor: Int32, path: String) {
        _ = getRequest(path).withCString { write(descriptor, $0, strlen($0)) }
    }

    /// Runs blocking socket work on a thread of its own. A test that blocked one of the few threads Swift's
    /// tasks run on could starve the server it is waiting for, when several tests run at once.
    public static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    public static func get(port: UInt16, _ path: String) async throws -> Response {
        parse(try await exchange(port: port, getRequest(path)))
    }

    /// Sends `request` as it is and returns everything the server sends until it closes the connection
    /// (or stays silent for `readTimeout` milliseconds).
    public static func exchange(port: UInt16, _ request: String, readTimeout: Int = 10_000) async throws -> String {
        try await offThread { try exchangeBlocking(port: port, request, readTimeout: readTimeout) }
    }

    private static func exchangeBlocking(port: UInt16, _ request: String, readTimeout: Int) throws -> String {
        let descriptor = try connect(port: port, readTimeout: readTimeout)
        defer { close(descriptor) }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + sent, bytes.count - sent) }
            if count <= 0 { break }
            sent += count
        }
        return readAll(descriptor)
    }

    /// Reads until the other side closes the connection or a read times out.
    public static func readAll(_ descriptor: Int32) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Splits one response into status, head and body.
    public static func parse(_ text: String) -> Response {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Opens the server's event stream and waits until it says it is connected.
    public static func openEvents(port: UInt16, path: String) async throws -> Int32 {
        let descriptor = try connect(port: port, readTimeout: 500)
        send(descriptor, path: path)
        guard await waitFor(": connected", on: descriptor, seconds: 5) else {
            close(descriptor)
            throw POSIXError(.ETIMEDOUT)
        }
        return descriptor
    }

    /// Reads an open event stream until `text` has arrived, or the time runs out.
    public static func waitFor(_ text: String, on descriptor: Int32, seconds: Double) async -> Bool {
        (try? await offThread { received(on: descriptor, seconds: seconds, until: text).contains(text) }) ?? false
    }

    /// Everything that arrives on `descriptor` within `seconds` (or until `text`, when given, has arrived).
    public static func received(on descriptor: Int32, seconds: Double, until text: String? = nil) -> String {
        var received = ""
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { continue }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
            if let text, received.contains(text) { break }
        }
        return received
    }
}
