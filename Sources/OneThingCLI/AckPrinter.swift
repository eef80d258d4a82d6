import Foundation
import OneThing
import OneThingRuntime
import Synchronization

/// Prints `ack CASEID SEQ DIGEST` to standard output, unbuffered, for every event the
/// engine acknowledges (after the store returned), the digest in hexadecimal: what the
/// crash test holds the store to, event by event and byte by byte.
final class AckPrinter: Sendable {
    private let acknowledged = Mutex<[CaseID: Int]>([:])
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Starts printing the acknowledgements of `engine` from now on.
    func start(_ engine: Engine) async {
        let stream = await engine.events(buffer: 1_000_000)
        let printer = Task { [self] in
            do {
                for try await commit in stream {
                    var lines = ""
                    for acknowledgement in commit {
                        let event = acknowledgement.event
                        lines +=
                            "ack \(event.caseID) \(event.sequence) \(StableHash.hex(acknowledgement.digest))\n"
                    }
                    FileHandle.standardOutput.write(Data(lines.utf8))
                    acknowledged.withLock { printed in
                        for acknowledgement in commit {
                            printed[acknowledgement.event.caseID] = acknowledgement.event.sequence
                        }
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("onething: acknowledgements stopped: \(error)\n".utf8))
            }
        }
        task.withLock { $0 = printer }
    }

    /// Waits (a little while at most) until the events of `cases` in `store` are all printed, then stops.
    func finish(_ cases: [CaseID], store: any EventStore) async throws {
        var counts: [CaseID: Int] = [:]
        for id in cases { counts[id] = try await store.events(of: id).count }
        for _ in 0..<2_000 {
            let done = acknowledged.withLock { printed in
                counts.allSatisfy { id, count in (printed[id] ?? count) >= count }
            }
            if done { break }
            try await Task.sleep(for: .milliseconds(1))
        }
        task.withLock { $0?.cancel() }
    }
}
