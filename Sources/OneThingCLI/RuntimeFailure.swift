import ArgumentParser
import OneThing
import OneThingRuntime
import OneThingSimulation

/// Failures of the case database or the engine while a command runs cases: printed
/// to standard error, status 2 (the database cannot be read or written).
enum RuntimeFailure {
    /// Runs `body`; a store error or a stuck driver ends the command with status 2.
    static func guarding(_ language: Language, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as StoreError {
            StandardError.writeLine(
                "onething: " + (language == .zh ? "案件库出错：" : "the case database failed: ") + error.message)
            throw ExitStatus.usageOrInputError
        } catch let error as CaseDriver.Stuck {
            StandardError.writeLine("onething: " + error.reason)
            throw ExitStatus.usageOrInputError
        }
    }
}
