import ArgumentParser
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// Failures of the case database or the engine while a command runs cases: printed to
/// standard error in plain words; status 1 when the case or step is not in a state
/// that allows the change, 2 for an unknown case, step or material, or a database that
/// cannot be read or written.
enum RuntimeFailure {
    /// Runs `body`, turning the engine's and the store's errors into messages and exit statuses.
    static func guarding(_ language: Language, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as StoreError {
            StandardError.writeLine("onething: " + words(for: error, language: language))
            throw ExitStatus.usageOrInputError
        } catch let error as EngineError {
            StandardError.writeLine("onething: " + words(for: error, language: language))
            switch error {
            case .caseClosed, .stepNotWaiting, .materialNotAwaited: throw ExitStatus.problemsFound
            default: throw ExitStatus.usageOrInputError
            }
        } catch let error as CaseDriver.Stuck {
            StandardError.writeLine("onething: " + error.reason)
            throw ExitStatus.usageOrInputError
        }
    }

    /// A store's error in plain words: what kind of failure, then the store's message.
    static func words(for error: StoreError, language: Language) -> String {
        error.kindText.text(in: language) + language.say(": ", "：") + PrintableText.escaped(error.description)
    }

    /// The engine's error in plain words.
    static func words(for error: EngineError, language: Language) -> String {
        switch error {
        case .unknownCase(let id):
            return language.say(
                "no case '\(PrintableText.escaped(id))' in the database",
                "案件库中没有案件“\(PrintableText.escaped(id))”")
        case .unknownStep(let id, let step, let known):
            let hint = Suggestion.hint(for: step, among: known)?.text(in: language)
            return language.say(
                "case \(id) has no step '\(PrintableText.escaped(step))'; ",
                "案件 \(id) 没有事项“\(PrintableText.escaped(step))”；")
                + (hint ?? language.say("its steps: ", "其事项：")
                    + known.joined(separator: language.say(", ", "、")))
        case .caseClosed(let id, let outcome):
            return language.say(
                "case \(id) is delivered already (\(CaseEventText.outcome(outcome, in: .en)))",
                "案件 \(id) 已办结（\(CaseEventText.outcome(outcome, in: .zh))）")
        case .stepNotWaiting(let id, let step, let status):
            return language.say(
                "step \(step) of case \(id) is \(status.rawValue), not waiting for that",
                "案件 \(id) 的事项“\(step)”当前为 \(status.rawValue)，不在待处理状态")
        case .materialNotAwaited(let id, let material):
            return language.say(
                "case \(id) does not wait for the deferred material '\(PrintableText.escaped(material))'",
                "案件 \(id) 不在等待容缺材料“\(PrintableText.escaped(material))”")
        case .documentsNotIssued(let id, let step, let documents, let outputs):
            let named = documents.map(PrintableText.escaped)
            return language.say(
                error.description,
                "案件 \(id) 的事项“\(step)”在此决定中不出具 \(named.joined(separator: "、"))；"
                    + (outputs.isEmpty ? "只有准予许可时才出具证照" : "其出具：\(outputs.joined(separator: "、"))"))
        case .results(let id, let step, let problems):
            return language.say(
                PrintableText.escaped(error.description),
                "案件 \(id) 的事项“\(PrintableText.escaped(step))”的决定无法记录办理结果："
                    + problems.map { PrintableText.escaped($0.text.zh) }.joined(separator: "；"))
        case .store(let error):
            return words(for: error, language: language)
        case .runtime(let error):
            return PrintableText.escaped(error.description)
        case .shuttingDown, .subscriberTooSlow, .reasonRequired:
            return error.description
        }
    }
}
