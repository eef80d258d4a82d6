import Foundation
import Testing

/// Every command the README shows works as written, and prints what the README says.
///
/// The README's `console` blocks are sessions: a line `$ onething …` is a command, the
/// lines under it are what it prints on standard output, and a line `…` stands for
/// any number of lines left out. The commands of all blocks run in order in one fresh
/// folder that has the repository's `bundles/` and `grammar/`, as a newcomer's clone
/// would. A command that should fail says so at its end: `# exits 1`.
struct ReadmeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One command of a console block and what it prints.
    struct Example: CustomStringConvertible {
        var line: Int
        var arguments: [String]
        var status: Int32
        var expected: [String]
        var description: String { "README.md:\(line): onething \(arguments.joined(separator: " "))" }
    }

    static func readme() throws -> String {
        try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The commands of the README's console blocks, in order.
    static func examples(in readme: String) throws -> [Example] {
        var examples: [Example] = []
        var inConsole = false
        for (index, raw) in readme.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("```") {
                inConsole = !inConsole && line == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                var command = String(line.dropFirst(2))
                var status: Int32 = 0
                if let range = command.range(of: "  # exits ") {
                    status = Int32(command[range.upperBound...]) ?? -1
                    command = String(command[..<range.lowerBound])
                }
                var words = try Self.words(command)
                if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
                #expect(
                    words.first == "onething", "README.md:\(index + 1): a console block runs onething only")
                examples.append(
                    Example(
                        line: index + 1, arguments: Array(words.dropFirst()), status: status, expected: []))
            } else if !examples.isEmpty {
                examples[examples.count - 1].expected.append(line)
            }
        }
        return examples
    }

    /// The words of a command as a shell splits them, with '…' and "…" quoting.
    static func words(_ command: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        #expect(quote == nil, "an unclosed quote in \(command)")
        if inWord { words.append(current) }
        return words
    }

    /// Whether `actual` is what `expected` shows, a line `…` standing for any lines.
    static func matches(_ actual: ArraySlice<String>, _ expected: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            let rest = expected.dropFirst()
            return actual.indices.map { actual[$0...] }.contains { matches($0, rest) }
                || matches(actual[actual.endIndex...], rest)
        }
        guard let line = actual.first, line == first else { return false }
        return matches(actual.dropFirst(), expected.dropFirst())
    }

    static func trimmed(_ lines: [String]) -> [String] {
        var lines = lines.map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    @Test func theReadmeShowsCommandsWithWhatTheyPrint() throws {
        let examples = try Self.examples(in: try Self.readme())
        #expect(examples.count >= 8)
    }

    @Test func everyCommandOfTheReadmePrintsWhatTheReadmeSays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-readme-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["bundles", "grammar"] {
            try FileManager.default.createSymbolicLink(
                at: folder.appendingPathComponent(name),
                withDestinationURL: Self.root.appendingPathComponent(name))
        }
        for example in try Self.examples(in: try Self.readme()) {
            let run = try OneThingExecutable.run(example.arguments, in: folder)
            #expect(run.status == example.status, "\(example): exit status\n\(run.standardError)")
            let actual = Self.trimmed(
                run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            let expected = Self.trimmed(example.expected)
            #expect(
                Self.matches(actual[...], expected[...]),
                "\(example) printed:\n\(actual.joined(separator: "\n"))\n\nthe README says:\n\(expected.joined(separator: "\n"))"
            )
        }
    }

    @Test func theReadmesFirstCommandRunsACaseToTheEnd() throws {
        // `swift run onething run bundles/open-restaurant.yaml`, in a fresh folder.
        let readme = try Self.readme()
        #expect(readme.contains("swift run onething run bundles/open-restaurant.yaml "))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onething-first-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("bundles"),
            withDestinationURL: Self.root.appendingPathComponent("bundles"))
        let run = try OneThingExecutable.run(["run", "bundles/open-restaurant.yaml"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("delivered (统一出件)"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("onething.sqlite").path))
    }

    @Test func anElisionStandsForAnyLines() {
        #expect(Self.matches(["a", "b", "c"][...], ["a", "…", "c"][...]))
        #expect(Self.matches(["a", "c"][...], ["a", "…", "c"][...]))
        #expect(Self.matches(["a", "b"][...], ["a", "…"][...]))
        #expect(!Self.matches(["a", "b", "d"][...], ["a", "…", "c"][...]))
        #expect(!Self.matches(["a", "b"][...], ["a"][...]))
    }
}
