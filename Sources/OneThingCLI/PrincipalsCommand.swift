import ArgumentParser
import Foundation
import OneThing
import OneThingAccess

/// `onething principals add|list|remove`: keeps the principals file of `onething serve
/// --principals FILE` (the format: `grammar/principals-format.md`).
///
/// `add` prints the new principal's token on standard output, once, and keeps only its
/// SHA-256 hash; `list` never prints hashes. The file is replaced atomically. Exit
/// status: 0 done, 1 the file has errors (printed with line and column; nothing is
/// written), 2 a usage error, an unknown role or department, an id that is taken or
/// not there, a file that cannot be read or written.
struct PrincipalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "principals",
        abstract: "Add, list and remove the principals (tokens and roles) of the server.",
        discussion: """
            Roles: window (create cases, act for applicants), officer and department-system \
            (their own department's tasks; need --department), supervisor (read everything, \
            escalate), admin (bundles). The file keeps only a hash of each token: a token \
            that is lost cannot be shown again; remove the principal and add it anew. \
            Exit status: 0 done, 1 the file has errors (nothing is written), 2 a usage \
            error, an unknown role or department, an id that is taken or not there, or a \
            file that cannot be read or written.
            """,
        subcommands: [Add.self, List.self, Remove.self])

    /// `onething principals add`: a new principal and its token.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a principal and print its new token, once.",
            discussion: """
                The token alone is printed on standard output (TOKEN=$(onething principals \
                add …) keeps it); what was done is said on standard error. The file is \
                created when it does not exist.
                """)

        @OptionGroup var file: PrincipalsFileOptions

        @Option(help: ArgumentHelp("The principal's id: lowercase letters, digits, -, _, .", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("The name people see, such as '综合窗口 张敏'.", valueName: "name"))
        var name: String

        @Option(
            help: ArgumentHelp(
                "The role: window, officer, department-system, supervisor or admin.", valueName: "role"))
        var role: String

        @Option(
            help: ArgumentHelp(
                "The department id (catalogue/departments.yaml) of an officer or department system.",
                valueName: "id"))
        var department: String?

        func run() throws {
            let language = file.language
            var principals = try file.principals(missingIsEmpty: true)
            guard let role = Role(rawValue: role) else {
                throw file.fail(.unknownRole(role))
            }
            let (token, hash) = TokenHash.newToken()
            let principal = Principal(id: id, name: name, role: role, department: department, tokenHash: hash)
            if let problem = principal.problems(departments: try file.departments()).first {
                throw file.fail(problem)
            }
            if principals.contains(where: { $0.id == id }) { throw file.fail(.duplicateID(id)) }
            principals.append(principal)
            try file.write(principals)
            print(token)
            StandardError.writeLine(
                language.say(
                    "onething: added \(id) (\(role.title.en)) to \(file.path). Its token is above, shown this once: hand it to its holder and keep it secret; the file keeps only its hash.",
                    "onething: 已将 \(id)（\(role.title.zh)）加入 \(file.path)。上面是其令牌，仅显示这一次：请交给持有人并妥善保密；文件中只保存其哈希。"
                ))
        }
    }

    /// `onething principals list`: who may use the server, without hashes.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the principals: id, role, department and name (never hashes).")

        @OptionGroup var file: PrincipalsFileOptions

        func run() throws {
            let language = file.language
            let principals = try file.principals(missingIsEmpty: false)
            guard !principals.isEmpty else {
                print(language.say("no principals in \(file.path)", "\(file.path) 中没有身份"))
                return
            }
            // The header is the file's own keys, and the id, role and department are ASCII
            // (the file's rules), so they align by character count; the name, which may be
            // Chinese, comes last.
            let header = ["id", "role", "department"]
            let rows = principals.map { [$0.id, $0.role.rawValue, $0.department ?? "-"] }
            let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            func line(_ cells: [String], _ name: String) -> String {
                zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
                    .joined(separator: "  ") + "  " + name
            }
            print(line(header, "name"))
            for (principal, row) in zip(principals, rows) { print(line(row, principal.name)) }
        }
    }

    /// `onething principals remove`: a principal may no longer use the server.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a principal: its token stops working when the server reloads.")

        @OptionGroup var file: PrincipalsFileOptions

        @Option(help: ArgumentHelp("The id of the principal to remove.", valueName: "id"))
        var id: String

        func run() throws {
            let language = file.language
            var principals = try file.principals(missingIsEmpty: false)
            guard let index = principals.firstIndex(where: { $0.id == id }) else {
                let hint = Suggestion.hint(for: id, among: principals.map(\.id))
                throw file.fail(
                    LocalizedText(
                        en: "\(file.path) has no principal '\(id)'", zh: "\(file.path) 中没有身份“\(id)”"),
                    hint: hint)
            }
            principals.remove(at: index)
            try file.write(principals)
            print(language.say("removed \(id) from \(file.path)", "已从 \(file.path) 删除 \(id)"))
        }
    }
}

/// The options every `onething principals` subcommand shares, and reading and writing
/// the file they name.
struct PrincipalsFileOptions: ParsableArguments {
    @Option(name: .customLong("file"), help: ArgumentHelp("The principals file.", valueName: "file"))
    var path: String

    @Option(
        help: ArgumentHelp(
            "The catalogue folder whose departments officers and department systems must name (default: bundles/catalogue, when it exists).",
            valueName: "dir"))
    var catalogue: String?

    @OptionGroup var languageOptions: LanguageOptions

    var language: Language { languageOptions.language }

    /// The department ids of the catalogue, or `nil` when there is none to check against.
    func departments() throws -> Set<String>? {
        try RuntimeInput.catalogue(catalogue, language: language).map { Set($0.departments.keys) }
    }

    /// The principals of the file; a missing file is empty when `missingIsEmpty`. A file
    /// with errors ends the command (status 1) with its findings: rewriting it would
    /// drop what could not be read.
    func principals(missingIsEmpty: Bool) throws -> [Principal] {
        if missingIsEmpty, !FileManager.default.fileExists(atPath: path) { return [] }
        let loaded: PrincipalsFile.Loaded
        do {
            loaded = try PrincipalsFile.load(path: path, departments: try departments())
        } catch let error as PrincipalsFile.FileError {
            throw fail(error.reason, subject: error.path)
        }
        let findings = loaded.diagnostics.filter { $0.code != .emptyFile }
        if !findings.isEmpty {
            PlanningInput.printDiagnostics(
                findings, sources: [loaded.source].compactMap { $0 }, language: language)
        }
        if loaded.hasErrors { throw ExitStatus.problemsFound }
        return loaded.principals
    }

    /// Replaces the file with one naming `principals`.
    func write(_ principals: [Principal]) throws {
        do {
            try PrincipalsFile.write(principals, to: path)
        } catch {
            throw fail(error.reason, subject: error.path)
        }
    }

    /// Writes `problem` and its hint to standard error; the exit status of an input error.
    func fail(_ problem: PrincipalProblem) -> ExitCode {
        fail(problem.message, hint: problem.hint)
    }

    /// Writes `message` (about `subject`, when given) and `hint` to standard error; the
    /// exit status of an input error.
    func fail(_ message: LocalizedText, hint: LocalizedText? = nil, subject: String? = nil) -> ExitCode {
        StandardError.writeLine("onething: " + (subject.map { "\($0): " } ?? "") + message.text(in: language))
        if let hint {
            StandardError.writeLine("  " + language.say("hint: ", "提示: ") + hint.text(in: language))
        }
        return ExitStatus.usageOrInputError
    }
}
