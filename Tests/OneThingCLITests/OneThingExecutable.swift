import Foundation
import Testing

/// The built `onething` binary, run as a user would run it.
enum OneThingExecutable {
    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The binary, which SwiftPM builds beside the test bundle (in `.build*/debug/`).
    static var url: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("onething")
    }

    /// Runs `onething` with `arguments` in `directory`, without colour and in English
    /// unless `environment` says otherwise.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Run {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["LC_ALL"] = "C"
        processEnvironment["NO_COLOR"] = "1"
        processEnvironment.merge(environment) { _, new in new }
        process.environment = processEnvironment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, so that a large output cannot fill the pipe and block.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
