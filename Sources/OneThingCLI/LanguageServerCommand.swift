import ArgumentParser
import Foundation
import OneThingLanguageServer

/// `onething lsp`: the Language Server Protocol server over standard input and output,
/// for editors: the validator's findings as you type, hover, completion, go to
/// definition and quick fixes in bundle and catalogue files.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol over standard input and output, for editors.",
        discussion: """
            Messages and hints follow the editor's locale (initialize's 'locale': zh… for \
            Chinese); --lang sets the language until the editor names one. Refused frames \
            are logged on standard error. Exit status: 0 after 'shutdown' and 'exit', 1 when \
            the input ends first.
            """)

    @OptionGroup
    var languageOptions: LanguageOptions

    func run() throws {
        let connection = LanguageServerConnection(
            input: FileHandle.standardInput.fileDescriptor,
            output: FileHandle.standardOutput.fileDescriptor,
            log: { StandardError.writeLine($0) })
        let status = connection.run(server: LanguageServer(language: languageOptions.language))
        if status != 0 { throw ExitCode(status) }
    }
}
