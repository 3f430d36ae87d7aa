import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny blocking HTTP/1.1 client over a socket, enough to read server-sent events in tests.
final class RawHTTPClient: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Ends the connection, as a closed tab does.
    func disconnect() { shutdown(descriptor, Int32(SHUT_RDWR)) }

    func send(_ request: String) {
        _ = request.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `text` has arrived or `seconds` passed; returns everything read.
    func read(until text: String, seconds: Double) -> String {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 8192)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 { received += buffer[..<count] }
            if count == 0 { break }
            if String(decoding: received, as: UTF8.self).contains(text) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Reads like `read(until:seconds:)` on a thread of its own, leaving Swift's
    /// cooperative threads free for the server under test.
    func read(until text: String, seconds: Double) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.read(until: text, seconds: seconds)) }
        }
    }

    /// Reads until the server closes the connection or `seconds` passed: what arrived, and
    /// whether the connection was closed.
    func readToEnd(seconds: Double) async -> (String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var received = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 8192)
                let deadline = Date().addingTimeInterval(seconds)
                while Date() < deadline {
                    let count = recv(self.descriptor, &buffer, buffer.count, 0)
                    if count == 0 { return continuation.resume(returning: (String(decoding: received, as: UTF8.self), true)) }
                    if count > 0 { received += buffer[..<count] }
                }
                continuation.resume(returning: (String(decoding: received, as: UTF8.self), false))
            }
        }
    }

    /// One complete GET: status line, headers and body.
    static func get(_ path: String, port: Int) async throws -> String {
        let client = try RawHTTPClient(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return await client.read(until: "\r\n\r\n</html>", seconds: 5)
    }
}
