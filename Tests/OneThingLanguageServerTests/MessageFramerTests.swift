import OneThing
import OneThingLanguageServer
import Testing

/// The framing of the stream: whole messages in any pieces, and hostile frames refused
/// without a crash, a hang or unbounded memory.
struct MessageFramerTests {
    @Test("a message split into single bytes comes out whole, and two in one read come out in order")
    func pieces() {
        var framer = MessageFramer()
        let one = MessageFramer.frame(Array("{\"a\":1}".utf8))
        for byte in one.dropLast() {
            framer.append([byte])
            #expect(framer.next() == nil)
        }
        framer.append([one.last ?? 0])
        #expect(framer.next() == .message(Array("{\"a\":1}".utf8)))
        framer.append(MessageFramer.frame(Array("[1]".utf8)) + MessageFramer.frame(Array("[2]".utf8)))
        #expect(framer.next() == .message(Array("[1]".utf8)))
        #expect(framer.next() == .message(Array("[2]".utf8)))
        #expect(framer.next() == nil)
    }

    @Test("a header without a number is refused, and the next message is read")
    func badHeader() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: abc\r\n\r\n{}".utf8) + MessageFramer.frame(Array("[3]".utf8)))
        #expect(framer.next() == .refused(.missingLength(header: "Content-Length: abc")))
        #expect(framer.next() == .message(Array("[3]".utf8)))
    }

    @Test("a huge length is refused and its body skipped as it arrives, never kept")
    func hugeLength() {
        var framer = MessageFramer(maximumLength: 100)
        framer.append(Array("Content-Length: 99999999999\r\n\r\n".utf8))
        #expect(framer.next() == .refused(.tooLong(length: 99_999_999_999, limit: 100)))
        var framer2 = MessageFramer(maximumLength: 10)
        framer2.append(Array("Content-Length: 20\r\n\r\n0123456789".utf8))
        #expect(framer2.next() == .refused(.tooLong(length: 20, limit: 10)))
        framer2.append(Array("0123456789".utf8) + MessageFramer.frame(Array("[4]".utf8)))
        #expect(framer2.next() == .message(Array("[4]".utf8)))
    }

    @Test("a header that never ends is refused once it passes the limit")
    func endlessHeader() {
        var framer = MessageFramer(maximumHeaderLength: 64)
        framer.append([UInt8](repeating: UInt8(ascii: "x"), count: 100))
        #expect(framer.next() == .refused(.headerTooLong))
        #expect(framer.next() == nil)
        #expect(FrameRefusal.headerTooLong.message.zh == "已拒绝一个没有结束（没有空行）的消息头，其字节被跳过")
    }
}
