import HTTPTypes
import Hummingbird
import OneThingAccess
import OneThingPresentation
import OneThingRuntime
import ServiceLifecycle

extension CaseServer {
    /// The events of case `id` as Server-Sent Events: every stored event after the one
    /// named by `Last-Event-ID` (the header, or `?lastEventId=`; from the first without),
    /// then each new one as it is acknowledged, until the case is delivered, the client
    /// goes away, or the server shuts down. Each message has the event's sequence as
    /// its `id`, its kind as its `event`, and its JSON (the shape of `events` in
    /// `grammar/case.schema.json`, with `caseId`) as `data`; a comment keeps the
    /// connection alive every ``ServerConfiguration/keepAlive``.
    ///
    /// The answers of the start event are masked (identity and phone numbers) for
    /// everyone but the applicant (`caller` with the case's access code).
    ///
    /// A delivered case with nothing after `Last-Event-ID` answers 204, which tells a
    /// browser's `EventSource` not to reconnect.
    func eventStream(of id: CaseID, request: Request, caller: Caller) async throws(Problem) -> Response {
        let whole = PersonalNumberMask.showsWhole(to: caller)
        let last = try lastEventID(request)
        // Listen first, then read the store: an event stored in between comes through
        // both, and is sent once.
        let live = await feed.watch(id)
        let (stored, blueprint) = try await desk.history(id)
        let backlog = stored.filter { $0.sequence > last }
        let closedAlready: Bool = {
            if case .delivered? = stored.last?.kind { return true }
            return false
        }()
        if closedAlready, backlog.isEmpty {
            return Response(status: .noContent)
        }
        let items = Self.streamItems(live: live, keepAlive: configuration.keepAlive)
        let body = ResponseBody { writer in
            var sent = last
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            var ended = false
            for event in backlog where event.sequence > sent {
                sent = event.sequence
                try await writer.write(
                    ByteBuffer(
                        bytes: try Self.message(
                            whole ? event : PersonalNumbers.masked(event), blueprint: blueprint)))
                if case .delivered = event.kind { ended = true }
            }
            if !ended {
                // Live events and keep-alive comments, until the case ends, the client
                // goes away, or the server begins to shut down.
                for await item in items {
                    switch item {
                    case .event(let event) where event.sequence > sent:
                        sent = event.sequence
                        try await writer.write(
                            ByteBuffer(
                                bytes: try Self.message(
                                    whole ? event : PersonalNumbers.masked(event), blueprint: blueprint)))
                        if case .delivered = event.kind { ended = true }
                    case .event:
                        continue
                    case .keepAlive:
                        try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    case .end:
                        ended = true
                    }
                    if ended { break }
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream", .cacheControl: "no-cache",
                .accelBuffering: "no",
            ],
            body: body)
    }

    /// What a stream of events sends next.
    enum StreamItem: Sendable {
        /// An acknowledged event of the case.
        case event(CaseEvent)
        /// Time for a keep-alive comment.
        case keepAlive
        /// The stream ends: the feed ended it, or the server is shutting down.
        case end
    }

    /// The case's live events, keep-alive ticks and the end at graceful shutdown, merged.
    /// The tasks behind it inherit the request's graceful-shutdown signal and stop when
    /// the stream is dropped.
    static func streamItems(live: AsyncStream<CaseEvent>, keepAlive: Duration) -> AsyncStream<StreamItem> {
        let (items, sink) = AsyncStream<StreamItem>.makeStream()
        let events = Task {
            for await event in live { sink.yield(.event(event)) }
            sink.yield(.end)
        }
        let ticks = Task {
            while true {
                do {
                    try await Task.sleep(for: keepAlive)
                } catch {
                    return
                }
                sink.yield(.keepAlive)
            }
        }
        let shutdown = Task {
            do {
                try await gracefulShutdown()
                sink.yield(.end)
            } catch {
                // Cancelled: the stream was dropped first.
            }
        }
        sink.onTermination = { _ in
            events.cancel()
            ticks.cancel()
            shutdown.cancel()
        }
        return items
    }

    /// The sequence number named by `Last-Event-ID` (or `?lastEventId=`), 0 without one.
    func lastEventID(_ request: Request) throws(Problem) -> Int {
        let header = request.headers[HTTPField.Name.lastEventID]
        let query = request.uri.queryParameters["lastEventId"].map(String.init)
        var sequences: [Int] = []
        for text in [header, query].compactMap({ $0 }) {
            // 1 to 9 digits, as the document says: a sequence, never a sign or a space.
            guard (1...9).contains(text.count), text.allSatisfy(\.isASCII), let sequence = Int(text),
                text.allSatisfy(\.isNumber)
            else {
                throw Problem(
                    .invalidParameter,
                    en: "Last-Event-ID takes the id of an event received (1 to 9 digits), not '\(text)'",
                    zh: "Last-Event-ID 应为已收到事件的编号（1 至 9 位数字），而不是“\(text)”",
                    members: ["parameter": text == header ? "Last-Event-ID" : "lastEventId"])
            }
            sequences.append(sequence)
        }
        return sequences.first ?? 0  // the header first, as a browser's EventSource sends it
    }

    /// One Server-Sent Events message: `id`, `event` and one `data` line of JSON.
    static func message(_ event: CaseEvent, blueprint: CaseBlueprint) throws -> [UInt8] {
        let json = try JSONText.bytes(CaseDocument.EventEntry(event: event, blueprint: blueprint))
        return Array("id: \(event.sequence)\nevent: \(event.kind.name.rawValue)\ndata: ".utf8) + json
            + Array("\n\n".utf8)
    }
}
