import Foundation
import OneThing
import OneThingRuntime
import Synchronization

/// Prints `ack CASEID SEQ` to standard output, unbuffered, for every event the engine
/// acknowledges (after the store returned): what the crash test holds the store to.
final class AckPrinter: Sendable {
    private let acknowledged = Mutex<[CaseID: Int]>([:])
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// Starts printing the events of `engine` from now on.
    func start(_ engine: Engine) async {
        let stream = await engine.events()
        let printer = Task { [self] in
            for await event in stream {
                FileHandle.standardOutput.write(Data("ack \(event.caseID) \(event.sequence)\n".utf8))
                acknowledged.withLock { $0[event.caseID] = event.sequence }
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
            try await Task.sleep(nanoseconds: 1_000_000)
        }
        task.withLock { $0?.cancel() }
    }
}
