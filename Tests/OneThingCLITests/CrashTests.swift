import Foundation
import OneThing
import OneThingRuntime
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real `onething` process running many cases is killed (SIGKILL) at random points
/// and restarted on the same database until every case is delivered; nothing it
/// acknowledged may be lost, and no task may be sent twice under different keys.
struct CrashTests {
    /// One run of the process: the `ack CASEID SEQ` lines it printed before it ended
    /// or was killed, and whether it was killed.
    struct Round {
        var acks: [(caseID: String, sequence: Int)] = []
        var killed = false
        var status: Int32 = 0
    }

    /// Runs `onething` with `arguments`, killing it with SIGKILL once it has printed
    /// `killAfter` acknowledgements (never, when `nil`).
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
                if parts.count == 3, parts[0] == "ack", let sequence = Int(parts[2]) {
                    round.acks.append((String(parts[1]), sequence))
                }
            }
            if let killAfter, !round.killed, round.acks.count >= killAfter {
                kill(process.processIdentifier, SIGKILL)
                round.killed = true
            }
        }
        process.waitUntilExit()
        round.status = process.terminationStatus
        return round
    }

    @Test(.timeLimit(.minutes(3))) func killedRunsLoseNothingAndSendNothingTwice() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("crash.sqlite").path
        let journal = folder.appendingPathComponent("journal.txt").path
        // No injected errors or timeouts, so every task is sent under one key (attempt 1);
        // supplements and rejections on, so tasks are caught in every state.
        let adapters = try RuntimeCLI.write(
            "defaults: {errors: 0, timeouts: 0, supplement: 0.25, reject: 0.02}\n", to: "adapters.yaml",
            in: folder)
        let arguments = [
            "run", RuntimeCLI.restaurant, "--case", RuntimeCLI.worstCase, "--start", "2026-03-02", "--db", db,
            "--adapters", adapters, "--adapter-journal", journal, "--seed", "11", "--cases", "40", "--acks",
        ]
        var random = SplitMix64(seed: 20_260_302)
        var acknowledged: [String: Int] = [:]
        var kills = 0
        for index in 0..<6 {
            // The first kill lands while the 40 cases are being started (3 events each)
            // or soon after; the next ones anywhere; the last round runs to the end.
            let killAfter =
                index == 0 ? 60 + Int(random.next() % 200) : index < 5 ? 1 + Int(random.next() % 150) : nil
            let round = try Self.round(
                arguments + (index == 0 ? [] : ["--resume"]), in: folder, killAfter: killAfter)
            for ack in round.acks {
                acknowledged[ack.caseID] = max(acknowledged[ack.caseID] ?? 0, ack.sequence)
            }
            if round.killed {
                kills += 1
            } else {
                #expect(round.status == 0, "round \(index) ended with status \(round.status)")
            }
        }
        #expect(kills >= 3, "the process should have been killed in the middle several times")

        // Every case whose start was acknowledged is in the store, delivered, with every
        // acknowledged event (sequences are contiguous, so the count covers them).
        let list = try OneThingExecutable.run(
            ["case", "list", "--db", db, "--format", "json"], in: RuntimeCLI.root)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [String: Any])
        let cases = try #require(object["cases"] as? [[String: Any]])
        var stored: [String: (events: Int, outcome: String?)] = [:]
        for row in cases {
            stored[row["id"] as? String ?? "?"] = (row["events"] as? Int ?? 0, row["outcome"] as? String)
        }
        #expect(!acknowledged.isEmpty)
        for (id, sequence) in acknowledged {
            let entry = try #require(stored[id], "case \(id) was acknowledged but is not in the store")
            #expect(
                entry.events >= sequence,
                "case \(id): event \(sequence) was acknowledged, the store has \(entry.events)")
            #expect(entry.outcome != nil, "case \(id) is not delivered")
        }
        #expect(stored.values.allSatisfy { $0.outcome != nil })

        // The departments saw each task under one idempotency key only.
        var keysByTask: [String: Set<String>] = [:]
        for line in AdapterJournal.keys(at: journal) {
            let parts = line.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 3, stored[String(parts[0])] != nil, Int(parts.last!) != nil else { continue }
            keysByTask[parts.dropLast().joined(separator: "/"), default: []].insert(line)
        }
        #expect(!keysByTask.isEmpty)
        for (task, keys) in keysByTask {
            #expect(keys.count == 1, "\(task) was submitted under several keys: \(keys.sorted())")
            #expect(keys.allSatisfy { $0.hasSuffix("/1") })
        }
    }
}
