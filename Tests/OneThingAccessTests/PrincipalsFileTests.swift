import Foundation
import OneThing
import OneThingAccess
import Testing

/// The principals file: what it names, and every mistake a finding at its line and
/// column with a hint in both languages.
struct PrincipalsFileTests {
    let hash = AccessFixtures.someHash

    /// The findings of `text` as `code line:column`.
    func findings(_ text: String) -> [String] {
        AccessFixtures.read(text).diagnostics.map { "\($0.code) \($0.span.start)" }
    }

    /// The one finding of `text`, which names no principal without an error.
    func finding(_ text: String) throws -> Diagnostic {
        let loaded = AccessFixtures.read(text)
        #expect(loaded.hasErrors && loaded.principals.isEmpty)
        #expect(loaded.diagnostics.count == 1, "\(loaded.diagnostics.map(\.message.en))")
        return try #require(loaded.diagnostics.first)
    }

    @Test func theExampleFileOfTheGrammarFolderReadsWithoutFindings() throws {
        let path = AccessFixtures.root.appendingPathComponent("grammar/principals.example.yaml").path
        let loaded = try PrincipalsFile.load(path: path, departments: AccessFixtures.departments)
        #expect(loaded.diagnostics.isEmpty)
        #expect(Set(loaded.principals.map(\.role)) == Set(Role.allCases))
        #expect(
            loaded.principals.allSatisfy {
                $0.department == nil || AccessFixtures.departments.contains($0.department ?? "")
            })
    }

    @Test func aWrittenFileReadsBackAsTheSamePrincipalsWhateverTheirNames() throws {
        let (window, _) = AccessFixtures.principal("window-01", .window, seed: 1)
        var (officer, _) = AccessFixtures.principal(
            "fire.officer_2", .officer, department: "fire-rescue", seed: 2)
        officer.name = "消防救援机构 \"李强\" \\ ：# not a comment — ‘引号’ 🚒"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("principals-\(UUID()).yaml")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PrincipalsFile.write([window, officer], to: path)
        let loaded = try PrincipalsFile.load(path: path, departments: AccessFixtures.departments)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.principals == [window, officer])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        // Nothing but the file itself is left in the folder by the write.
        let folder = (path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasPrefix(".\((path as NSString).lastPathComponent)")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func anUnknownKeyIsAFindingWithTheClosestKnownKey() throws {
        let unknown = try finding(
            """
            principals:
              window-01:
                name: 综合窗口
                role: window
                roles: window
                token-sha256: \(hash)
            """)
        #expect("\(unknown.code) \(unknown.span.start)" == "OT201 5:5")
        #expect(unknown.hint?.en.contains("'role'") == true)
        #expect(unknown.message.zh.contains("roles"))
        #expect(findings("princpals: {}\n") == ["OT201 1:1", "OT202 1:1"])
    }

    @Test func aPrincipalIdGivenTwiceIsADuplicateKeyAtItsSecondPlace() throws {
        let loaded = AccessFixtures.read(
            """
            principals:
              window-01: {name: 甲, role: window, token-sha256: \(hash)}
              window-01: {name: 乙, role: window, token-sha256: \(hash)}
            """)
        #expect(loaded.diagnostics.map { "\($0.code) \($0.span.start)" } == ["OT102 3:3"])
        #expect(loaded.diagnostics.first?.hint != nil)
        #expect(loaded.hasErrors)
    }

    @Test func anUnknownRoleIsAFindingThatSuggestsTheRoleMeant() throws {
        let role = try finding(
            """
            principals:
              sup-01: {name: 督办, role: supervisr, token-sha256: \(hash)}
            """)
        #expect("\(role.code) \(role.span.start)" == "OT205 2:28")
        #expect(role.hint?.en.contains("supervisor") == true)
        #expect(role.hint?.zh.contains("supervisor") == true)
    }

    @Test func aDepartmentTheCatalogueDoesNotListIsAFindingWithTheClosestOne() throws {
        let department = try finding(
            """
            principals:
              fire-01:
                name: 消防审批
                role: officer
                department: fire-rescu
                token-sha256: \(hash)
            """)
        #expect("\(department.code) \(department.span.start)" == "OT301 5:17")
        #expect(department.hint?.en.contains("fire-rescue") == true)
    }

    @Test func departmentsBelongToOfficersAndDepartmentSystemsOnly() {
        #expect(
            findings(
                """
                principals:
                  fire-system: {name: 消防系统, role: department-system, token-sha256: \(hash)}
                  sup-01: {name: 督办, role: supervisor, department: fire-rescue, token-sha256: \(hash)}
                """) == ["OT202 2:35", "OT205 3:52"])
    }

    @Test func aMalformedHashIsAFindingAndATokenInItsPlaceIsCalledOut() throws {
        let (_, token) = AccessFixtures.principal("x", .admin, seed: 9)
        let loaded = AccessFixtures.read(
            """
            principals:
              admin-01: {name: 管理员, role: admin, token-sha256: abc123}
              admin-02: {name: 管理员, role: admin, token-sha256: \(token)}
            """)
        #expect(loaded.diagnostics.map { "\($0.code) \($0.span.start)" } == ["OT205 2:52", "OT205 3:52"])
        #expect(loaded.diagnostics[0].message.en.contains("64 hexadecimal digits"))
        #expect(loaded.diagnostics[1].message.en.contains("a token, not its hash"))
        #expect(loaded.diagnostics[1].message.zh.contains("令牌本身"))
    }

    @Test func missingKeysWrongTypesAndBadIdsAreFindings() {
        #expect(
            findings(
                """
                principals:
                  Window 01: {name: 甲, role: window, token-sha256: \(hash)}
                  window-02: {role: window}
                  window-03: [a, b]
                  window-04: {name: [甲], role: window, token-sha256: \(hash)}
                """) == ["OT206 2:3", "OT202 3:3", "OT202 3:3", "OT203 4:14", "OT203 5:21"])
        #expect(findings("- a\n") == ["OT203 1:1"])
        #expect(findings("principals: [a]\n") == ["OT203 1:13"])
    }

    @Test func aNameOnMoreThanOneLineIsAFinding() throws {
        let name = try finding(
            """
            principals:
              window-01: {name: "综合窗口\\n张敏", role: window, token-sha256: \(hash)}
            """)
        #expect("\(name.code) \(name.span.start)" == "OT205 2:21")
        #expect(name.message.en.contains("control character"))
    }

    @Test func everyFindingSpeaksBothLanguagesAndGivesAHint() {
        let loaded = AccessFixtures.read(
            """
            principals:
              Bad Id: {name: " ", role: officer, department: nowhere, token-sha256: zz, extra: 1}
              admin-01: {role: root}
            """)
        #expect(loaded.diagnostics.count >= 6)
        for diagnostic in loaded.diagnostics {
            #expect(!diagnostic.message.en.isEmpty && !diagnostic.message.zh.isEmpty)
            #expect(diagnostic.message.en != diagnostic.message.zh)
            #expect(diagnostic.hint != nil, "\(diagnostic.code) at \(diagnostic.span.start) has no hint")
        }
    }

    @Test func anEmptyFileIsAWarningAndAMissingOneAnError() throws {
        let empty = AccessFixtures.read("")
        #expect(empty.diagnostics.map(\.severity) == [.warning])
        #expect(!empty.hasErrors)
        #expect(empty.principals.isEmpty)
        #expect(AccessFixtures.read("principals:\n").diagnostics.isEmpty)
        #expect(throws: PrincipalsFile.FileError.self) {
            try PrincipalsFile.load(path: "/nonexistent/principals.yaml")
        }
    }
}
