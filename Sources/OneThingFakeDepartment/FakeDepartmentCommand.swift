import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import OneThingDepartmentHTTP
import OneThingRuntime

/// `onething-fake-department`: a department's system for tests and fault storms. It
/// takes the tasks `onething serve` pushes to `http://HOST:PORT/tasks`, checks their
/// signature, and calls back at the URL each task names, misbehaving as the flags say.
@main
struct FakeDepartmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onething-fake-department",
        abstract: "A fake department system: takes pushed tasks and calls back, with faults set by flags.",
        discussion: """
            Give the shared secret in an environment variable (--secret-env) or a file \
            (--secret-file), as the adapters file of the platform does. Every share is a \
            number from 0 to 1; the fates are drawn from --seed and each task's key. \
            Ctrl-C prints what it counted: pushes, effects, repeated keys, duplicate \
            effects, and how many misbehaving callbacks the platform accepted (must be 0).
            """)

    @Option(help: "The host to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8090
    @Option(help: "The environment variable holding the shared secret.") var secretEnv: String?
    @Option(help: "The file holding the shared secret.") var secretFile: String?
    @Option(help: "The seed the fates are drawn from.") var seed: UInt64 = 1
    @Option(help: "Share of pushes answered 503.") var errors = 0.0
    @Option(help: "Share of pushes answered only after --hang milliseconds.") var timeouts = 0.0
    @Option(help: "Share of pushes answered after --slow-delay milliseconds.") var slow = 0.0
    @Option(help: "Share of callbacks sent twice.") var duplicates = 0.0
    @Option(help: "Share of tasks called back again after the case closed.") var late = 0.0
    @Option(help: "Share of tasks with a callback for an unknown task besides.") var unknown = 0.0
    @Option(help: "Share of tasks with a wrongly signed callback besides.") var wrongSignatures = 0.0
    @Option(help: "Share of callbacks replayed with an hour-old timestamp.") var replays = 0.0
    @Option(help: "Share of tasks answered twice, the second time otherwise.") var contradictions = 0.0
    @Option(help: "Share of tasks rejected.") var rejections = 0.0
    @Option(help: "Share of e-licence requests (POST /licences) answered 404, no record.") var noRecord = 0.0
    @Option(help: "Milliseconds a timed-out push hangs.") var hang = 15_000
    @Option(help: "Milliseconds a slow push takes.") var slowDelay = 500
    @Option(help: "Milliseconds before the department answers a task.") var answerDelay = 100

    func run() async throws {
        let source: HTTPDepartmentSettings.SecretSource? =
            secretEnv.map { .environment($0) } ?? secretFile.map { .file($0) }
        let secret: DepartmentSecret
        do throws(SecretError) {
            secret = try DepartmentSecret(department: "fake", from: source)
        } catch {
            throw ValidationError(error.description)
        }
        let faults = FakeDepartment.Faults(
            errors: errors, timeouts: timeouts, slow: slow, duplicates: duplicates, late: late,
            unknown: unknown,
            wrongSignatures: wrongSignatures, replays: replays, contradictions: contradictions,
            rejections: rejections, noRecord: noRecord, hang: hang, slowDelay: slowDelay,
            answerDelay: answerDelay)
        // Its callbacks go out through a client with room for every task in flight: the
        // shared one keeps 8 connections to the platform, and a storm of thousands of
        // cases then measured that queue instead of the platform.
        let department = FakeDepartment(
            secret: secret, faults: faults, seed: seed, client: HTTPDepartmentAdapter.sharedClient)
        let application = Application(
            router: department.router(), configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                // Unbuffered: a program that started this one reads the line from a pipe.
                FileHandle.standardOutput.write(
                    Data("fake department on http://\(host):\(channel.localAddress?.port ?? 0)/tasks\n".utf8))
            })
        try await application.runService()
        FileHandle.standardOutput.write(Data((department.tally.lines.joined(separator: "\n") + "\n").utf8))
    }
}

extension FakeDepartment.Tally {
    /// The counts, one a line.
    var lines: [String] {
        [
            "pushes \(pushes)", "peak pushes in flight \(peakInFlight)", "forged pushes \(forgedPushes)",
            "mismatched keys \(mismatchedKeys)", "effects \(taken)",
            "repeated keys \(repeatedKeys)", "duplicate effects \(duplicateEffects)",
            "withdrawals \(withdrawals)", "callbacks \(callbacks)", "recorded \(recorded)",
            "duplicates answered \(duplicatesAnswered)", "misbehaving accepted \(forgedAccepted)",
            "misbehaving refused \(refused)", "undelivered \(undelivered)",
            "licence requests \(licenceRequests)", "forged licence requests \(forgedLicenceRequests)",
        ]
    }
}
