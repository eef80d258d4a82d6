#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a ``LanguageServer`` over two file descriptors (standard input and output for
/// `onething lsp`): reads frames, answers each message in turn, and writes the
/// answers framed. Frames it refuses are logged, never answered with a crash.
public struct LanguageServerConnection: Sendable {
    /// The descriptor messages are read from.
    public var input: Int32
    /// The descriptor answers are written to.
    public var output: Int32
    /// Where refusals and other notes for the editor's log go (standard error).
    public var log: @Sendable (String) -> Void

    /// Creates a connection.
    public init(input: Int32, output: Int32, log: @escaping @Sendable (String) -> Void) {
        self.input = input
        self.output = output
        self.log = log
    }

    /// Serves until `exit` or the end of the input; returns the exit status: 0 after
    /// `shutdown` then `exit`, 1 when the input ends or `exit` comes without `shutdown`.
    public func run(server initial: LanguageServer = LanguageServer()) -> Int32 {
        var server = initial
        var framer = MessageFramer()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                log("onething lsp: " + server.language.say("the input ended before 'exit'", "输入在“exit”之前结束"))
                return 1
            }
            framer.append(buffer[..<count])
            while let frame = framer.next() {
                switch frame {
                case .refused(let refusal):
                    log("onething lsp: \(refusal.message.text(in: server.language))")
                case .message(let body):
                    for answer in server.handle(body: body) {
                        write(MessageFramer.frame(Array(answer.serialized.utf8)))
                    }
                    if case .exited(let code) = server.phase { return code }
                }
            }
        }
    }

    /// Writes all of `bytes` to the output.
    private func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                log("onething lsp: cannot write to the output / 无法写入输出")
                return
            }
            offset += written
        }
    }
}
