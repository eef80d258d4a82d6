import Foundation
import OneThing
import OneThingRuntime
import OneThingSQLite
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real `onething` process running many cases is killed (SIGKILL) at points drawn
/// from a seed, and restarted on the same database until every case is delivered.
/// After every killed round, before the next one starts, each event the process
/// acknowledged must be in the store with the very content it acknowledged (the
/// acknowledgement carries the event's digest); no step may be sent twice under
/// different keys; and a process that does not end by its deadline fails the test.
///
/// The seed is printed; `ONETHING_CRASH_SEED=N swift test --filter CrashTests` repeats a run.
struct CrashTests {
    /// One run of the process: the acknowledgements it printed before it ended or was
    /// killed, whether it was killed, and whether it overran its deadline.
    struct Round {
        var acks: [(caseID: String, sequence: Int, digest: UInt64)] = []
        var killed = false
        var overran = false
        var status: Int32 = 0
    }

    /// How long one round may take before it is killed and the test fails.
    static let deadline: Duration = .seconds(60)

    /// Runs `onething` with `arguments`, killing it with SIGKILL once it has printed
    /// `killAfter` acknowledgements (never, when `nil`), or when it overruns the deadline.
    static func round(_ arguments: [String], in folder: URL, killAfter: Int?) throws -> Round {
        let process = Process()
        process.executableURL = OneThingExecutable.url
        process.arguments = arguments
        process.currentDirectoryURL = RuntimeCLI.root
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(
            forWritingTo: URL(
                fileURLWithPath: try RuntimeCLI.write("", to: "stderr-\(UUID()).txt", in: folder)))
        try process.run()
        // A watchdog: a process that hangs is killed, and the round says so.
        let overran = OverrunFlag()
        let pid = process.processIdentifier
        let watchdog = Task.detached {
            try await Task.sleep(for: Self.deadline)
            overran.set()
            kill(pid, SIGKILL)
        }
        defer { watchdog.cancel() }
        var round = Round()
        var pending = Data()
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                let parts = line.split(separator: " ")
                if parts.count == 4, parts[0] == "ack", let sequence = Int(parts[2]),
                    let digest = UInt64(parts[3], radix: 16)
                {
                    round.acks.append((String(parts[1]), sequence, digest))
                }
            }
            if let killAfter, !round.killed, round.acks.count >= killAfter {
                kill(process.processIdentifier, SIGKILL)
                round.killed = true
            }
        }
        process.waitUntilExit()
        round.status = process.terminationStatus
        round.overran = overran.value
        return round
    }

    /// Set once, read after: whether the watchdog fired.
    final class OverrunFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var fired = false
        func set() { lock.withLock { fired = true } }
        var value: Bool { lock.withLock { fired } }
    }

    /// Every acknowledged event is stored with the content acknowledged: the digests of
    /// the stored events (read with the store's own checks) equal the acknowledged ones.
    static func checkAcknowledged(_ acks: [String: [Int: UInt64]], in db: String, round: Int) async throws {
        let store = try SQLiteEventStore(path: db, mode: .readOnly)
        for (id, digests) in acks {
            let stored = try await store.events(of: id)
            for (sequence, digest) in digests {
                guard stored.indices.contains(sequence - 1) else {
                    Issue.record(
                        "round \(round): case \(id) event \(sequence) was acknowledged but is not stored")
                    continue
                }
                let event = stored[sequence - 1]
                #expect(
                    EventCodec.digest(of: event) == digest,
                    "round \(round): case \(id) event \(sequence) is stored with other content than acknowledged"
                )
            }
        }
    }

    @Test(.timeLimit(.minutes(5))) func killedRunsLoseNothingAcknowledgedAndSendNothingTwice() async throws {
        let seed =
            ProcessInfo.processInfo.environment["ONETHING_CRASH_SEED"].flatMap { UInt64($0) }
            ?? UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
        print("crash test seed: \(seed) (repeat with ONETHING_CRASH_SEED=\(seed))")
        var random = SeededRandom(seed: seed)
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("crash.sqlite").path
        let journal = folder.appendingPathComponent("journal.txt").path
        // No injected errors or timeouts, so every step is sent under one key (attempt 1);
        // supplements and rejections on, so steps are caught in every state.
        let adapters = try RuntimeCLI.write(
            "defaults: {errors: 0, timeouts: 0, supplement: 0.25, reject: 0.02}\n", to: "adapters.yaml",
            in: folder)
        let arguments = [
            "run", RuntimeCLI.restaurant, "--case", RuntimeCLI.worstCase, "--start", "2026-03-02", "--db", db,
            "--adapters", adapters, "--adapter-journal", journal, "--seed", "11", "--cases", "40", "--acks",
        ]
        var acknowledged: [String: [Int: UInt64]] = [:]
        var kills = 0
        for index in 0..<6 {
            // The first kill lands while the 40 cases are being started or soon after; the
            // next ones anywhere; the last round runs to the end.
            let killAfter = index == 0 ? 60 + random.below(200) : index < 5 ? 1 + random.below(150) : nil
            let round = try Self.round(
                arguments + (index == 0 ? [] : ["--resume"]), in: folder, killAfter: killAfter)
            #expect(!round.overran, "round \(index) ran past \(Self.deadline) and was killed")
            for ack in round.acks { acknowledged[ack.caseID, default: [:]][ack.sequence] = ack.digest }
            try await Self.checkAcknowledged(acknowledged, in: db, round: index)
            if round.killed {
                kills += 1
            } else {
                #expect(round.status == 0, "round \(index) ended with status \(round.status)")
            }
        }
        #expect(kills >= 3, "the process should have been killed in the middle several times")
        #expect(!acknowledged.isEmpty)

        // Every case whose start was acknowledged is stored and delivered.
        let store = try SQLiteEventStore(path: db, mode: .readOnly)
        let summaries = try await store.cases(CaseQuery())
        let stored = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in acknowledged.keys {
            let summary = try #require(stored[id], "case \(id) was acknowledged but is not in the store")
            #expect(summary.outcome != nil, "case \(id) is not delivered")
        }
        #expect(summaries.allSatisfy { $0.outcome != nil })

        // The departments saw each step under one idempotency key only.
        var keysByStep: [String: Set<String>] = [:]
        for line in AdapterJournal.keys(at: journal) {
            guard let parsed = Submission.parse(key: line), stored[parsed.caseID] != nil else { continue }
            keysByStep["\(parsed.caseID)/\(parsed.stepID)", default: []].insert(line)
        }
        #expect(!keysByStep.isEmpty)
        for (step, keys) in keysByStep {
            #expect(keys.count == 1, "\(step) was submitted under several keys: \(keys.sorted())")
            #expect(keys.allSatisfy { $0.hasSuffix("/1") })
        }
    }
}

/// SplitMix64, for the kill points: the same seed, the same points.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number from 0 below `bound`.
    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
}
