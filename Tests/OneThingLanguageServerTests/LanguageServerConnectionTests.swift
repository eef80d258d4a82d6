import Foundation
import OneThing
import OneThingLanguageServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The server over real pipes, as `onething lsp` runs it: framed messages in, framed
/// answers out, a malformed frame logged and passed over.
struct LanguageServerConnectionTests {
    @Test(
        "a session over pipes: a malformed frame is logged, initialize and shutdown are answered, exit ends it"
    )
    func session() throws {
        let input = Pipe()
        let output = Pipe()
        let logged = LogLines()
        let connection = LanguageServerConnection(
            input: input.fileHandleForReading.fileDescriptor,
            output: output.fileHandleForWriting.fileDescriptor,
            log: { logged.append($0) })
        let status = LogLines()
        let thread = Thread { status.append("\(connection.run())") }
        thread.start()
        let writer = input.fileHandleForWriting
        writer.write(Data("Content-Length: nope\r\n\r\n".utf8))
        for message: JSONValue in [
            ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["locale": "zh-CN"]],
            ["jsonrpc": "2.0", "id": 2, "method": "shutdown"],
            ["jsonrpc": "2.0", "method": "exit"],
        ] {
            writer.write(Data(MessageFramer.frame(Array(message.serialized.utf8))))
        }
        var framer = MessageFramer()
        var answers: [JSONValue] = []
        while answers.count < 2 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            framer.append([UInt8](data))
            while case .message(let body) = framer.next() { answers.append(JSONValue.parse(body) ?? .null) }
        }
        for _ in 0..<500 where status.lines.isEmpty { usleep(10_000) }
        #expect(answers.compactMap { $0["id"]?.integer } == [1, 2])
        #expect(answers.first?["result"]?["capabilities"]?["definitionProvider"] == true)
        #expect(status.lines == ["0"])
        #expect(
            logged.lines.first?.contains("refused a message whose header has no Content-Length number")
                == true)
    }
}

/// Lines written from another thread.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
