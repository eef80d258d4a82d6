import Foundation
import OneThingAccess
import Testing

/// `onething principals add|list|remove`, run as a user would: the token printed once,
/// only its hash kept, mistakes refused with a hint in both languages.
struct PrincipalsCommandTests {
    let folder: URL
    let file: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("principals-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("principals.yaml").path
    }

    /// The package's root, where `bundles/catalogue` is found by default.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func run(_ arguments: [String], lang: String = "en") throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(["principals"] + arguments + ["--lang", lang], in: Self.root)
    }

    @Test func addPrintsTheTokenOnceAndTheFileKeepsOnlyItsHash() throws {
        let added = try run([
            "add", "--file", file, "--id", "fire-system", "--name", "消防救援机构 业务系统", "--role",
            "department-system", "--department", "fire-rescue",
        ])
        #expect(added.status == 0)
        let token = added.standardOutput.trimmingCharacters(in: .newlines)
        #expect(TokenHash.isTokenShaped(token))
        #expect(added.standardError.contains("shown this once"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains(token))
        #expect(!text.contains(String(token.dropFirst(3))))
        let loaded = try PrincipalsFile.load(path: file)
        #expect(loaded.diagnostics.isEmpty)
        let principal = try #require(loaded.principals.first)
        #expect(principal.tokenHash.matches(token))
        #expect(
            PrincipalDirectory(loaded.principals).caller(authorization: "Bearer \(token)")
                == .principal(principal))
        #expect(principal.department == "fire-rescue" && principal.role == .departmentSystem)
        let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func listShowsIdsRolesDepartmentsAndNamesButNeverHashes() throws {
        _ = try run(["add", "--file", file, "--id", "window-01", "--name", "综合窗口 张敏", "--role", "window"])
        _ = try run(["add", "--file", file, "--id", "sup-01", "--name", "督查科", "--role", "supervisor"])
        let listed = try run(["list", "--file", file])
        #expect(listed.status == 0)
        let hashes = try PrincipalsFile.load(path: file).principals.map(\.tokenHash.hex)
        #expect(hashes.count == 2)
        for hash in hashes { #expect(!listed.standardOutput.contains(hash)) }
        #expect(
            listed.standardOutput == """
                id         role        department  name
                window-01  window      -           综合窗口 张敏
                sup-01     supervisor  -           督查科

                """)
    }

    @Test func removeTakesThePrincipalOutAndAnUnknownIdIsRefusedWithTheClosestOne() throws {
        _ = try run(["add", "--file", file, "--id", "window-01", "--name", "甲", "--role", "window"])
        _ = try run(["add", "--file", file, "--id", "admin-01", "--name", "乙", "--role", "admin"])
        let unknown = try run(["remove", "--file", file, "--id", "window-1"], lang: "zh")
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("没有身份“window-1”"))
        #expect(unknown.standardError.contains("window-01"))
        let removed = try run(["remove", "--file", file, "--id", "window-01"])
        #expect(removed.status == 0)
        #expect(try PrincipalsFile.load(path: file).principals.map(\.id) == ["admin-01"])
    }

    @Test func mistakesAreRefusedWithAHintAndNothingIsWritten() throws {
        _ = try run(["add", "--file", file, "--id", "window-01", "--name", "甲", "--role", "window"])
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let cases: [([String], String, String)] = [
            (["--id", "x", "--name", "乙", "--role", "officr"], "did you mean 'officer'?", "是否应为“officer”"),
            (
                ["--id", "x", "--name", "乙", "--role", "officer", "--department", "fire-rescu"],
                "did you mean 'fire-rescue'?", "部门目录中没有“fire-rescu”"
            ),
            (["--id", "x", "--name", "乙", "--role", "officer"], "needs a department", "必须写明所属部门"),
            (
                ["--id", "x", "--name", "乙", "--role", "admin", "--department", "tax"],
                "belongs to no department", "不属于某一部门"
            ),
            (["--id", "window-01", "--name", "乙", "--role", "window"], "exists already", "已存在"),
            (["--id", "Window 1", "--name", "乙", "--role", "window"], "is not a principal id", "不是有效的身份标识"),
            (["--id", "x", "--name", " ", "--role", "window"], "name is empty", "名称为空"),
            (["--id", "x", "--name", "甲\n乙", "--role", "window"], "control character", "控制字符"),
        ]
        for (arguments, english, chinese) in cases {
            let en = try run(["add", "--file", file] + arguments)
            #expect(en.status == 2, "\(arguments)")
            #expect(en.standardOutput.isEmpty, "a token was printed for \(arguments)")
            #expect(en.standardError.contains(english), "\(en.standardError)")
            #expect(en.standardError.contains("hint: "))
            let zh = try run(["add", "--file", file] + arguments, lang: "zh")
            #expect(zh.standardError.contains(chinese), "\(zh.standardError)")
            #expect(zh.standardError.contains("提示: "))
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
    }

    @Test func aFileWithErrorsIsShownWithLineAndColumnAndNotRewritten() throws {
        let broken =
            "principals:\n  window-01: {name: 甲, role: windw, token-sha256: \(String(repeating: "0", count: 64))}\n"
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let added = try run(["add", "--file", file, "--id", "sup", "--name", "乙", "--role", "supervisor"])
        #expect(added.status == 1)
        #expect(added.standardOutput.isEmpty)
        #expect(added.standardError.contains("principals.yaml:2:30"))
        #expect(added.standardError.contains("window"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == broken)
        let listed = try run(["list", "--file", file], lang: "zh")
        #expect(listed.status == 1)
        #expect(listed.standardError.contains("“windw”不是可用的角色"))
    }

    @Test func listingOrRemovingInAFileThatIsNotThereIsAnInputError() throws {
        let listed = try run(["list", "--file", folder.appendingPathComponent("missing.yaml").path])
        #expect(listed.status == 2)
        #expect(listed.standardError.contains("no principals file can be read here"))
        let removed = try run(
            ["remove", "--file", folder.appendingPathComponent("missing.yaml").path, "--id", "x"], lang: "zh")
        #expect(removed.status == 2)
        #expect(removed.standardError.contains("无法读取此身份文件"))
    }
}
