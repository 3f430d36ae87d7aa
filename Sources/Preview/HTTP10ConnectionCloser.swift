import NIOCore
import NIOHTTP1

/// Marks requests that do not ask to keep the connection (HTTP/1.0 without `keep-alive`,
/// or `Connection: close` in any spelling) with `Connection: close`, the one signal on which
/// Hummingbird ends a connection after its response. The HTTP version is gone once requests
/// become HTTP types, so this sits right after the HTTP/1 decoder; without it an HTTP/1.0
/// client waited for a close that never came.
final class HTTP10ConnectionCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        if case .head(var head) = part, !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            part = .head(head)
        }
        context.fireChannelRead(wrapInboundOut(part))
    }

    /// The handler Hummingbird's additional handlers (which come after the conversion to HTTP
    /// types) place: it puts the closer right after the HTTP/1 decoder and removes itself.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            if let decoder = try? pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self) {
                try? pipeline.addHandler(HTTP10ConnectionCloser(), position: .after(decoder))
            }
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        }
    }
}
