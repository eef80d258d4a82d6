import Foundation
import OneThing
import OneThingSimulation
import OneThingTestSupport
import Testing

/// The adapters file: decoded into settings, every problem a finding at its place.
struct AdaptersFileTests {
    static func load(_ text: String, departments: Set<String>? = nil) throws -> AdaptersFile.Loaded {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("adapters-\(UUID()).yaml")
            .path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return AdaptersFile.load(path: path, departments: departments)
    }

    static let example = """
        defaults:            # every department not named below
          adapter: simulated
          latency: {min: 0.3, mode: 0.7, max: 1.1}
          reject: 0.01
          supplement: 8%
          supplement-response: {min: 0.5, mode: 1, max: 3}
          errors: 0.01
          timeouts: 0.005
        departments:
          water-drainage: {latency: {min: 0.5, mode: 0.9, max: 1.4}}
          tobacco: {latency-days: {min: 1, mode: 2, max: 5}, reject: 0}
          urban-management: {latency-hours: {min: 4, mode: 8, max: 16}}
          fire-rescue: {adapter: manual}
        deferred-arrival: {min: 0, mode: 0.5, max: 1}
        """

    @Test func aGoodFileGivesTheSettings() throws {
        let loaded = try Self.load(Self.example)
        #expect(loaded.diagnostics.isEmpty)
        let settings = loaded.settings
        let simulation = settings.simulation
        #expect(simulation.defaults.latency == Triangular(min: 0.3, mode: 0.7, max: 1.1))
        #expect(simulation.defaults.supplement == 0.08)
        #expect(simulation.defaults.timeouts == 0.005)
        #expect(simulation.department("water-drainage").latency == Triangular(min: 0.5, mode: 0.9, max: 1.4))
        // A department inherits what it does not say from the defaults.
        #expect(simulation.department("water-drainage").rejection == 0.01)
        #expect(simulation.department("tobacco").latencyDays == Triangular(min: 1, mode: 2, max: 5))
        #expect(simulation.department("tobacco").rejection == 0)
        #expect(
            simulation.department("urban-management").latencyDays == Triangular(min: 0.5, mode: 1, max: 2))
        #expect(simulation.deferredArrival == Triangular(min: 0, mode: 0.5, max: 1))
        #expect(settings.kind(of: "fire-rescue") == .manual)
        #expect(settings.kind(of: "market-regulation") == .simulated)
        #expect(settings.manualDepartments == ["fire-rescue"])
    }

    @Test func manualByDefaultLeavesTheNamedDepartmentsSimulated() throws {
        let loaded = try Self.load(
            "defaults: {adapter: manual}\ndepartments:\n  tobacco: {adapter: simulated}\n")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.settings.kind(of: "market-regulation") == .manual)
        #expect(loaded.settings.kind(of: "tobacco") == .simulated)
    }

    @Test func deferredMaterialsCanBeLeftToAPerson() throws {
        let loaded = try Self.load("deferred-arrival: manual\n")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.settings.deferredMaterials == .manual)
        #expect(try Self.load(Self.example).settings.deferredMaterials == .simulated)
    }

    @Test func anUnknownKeyIsFoundWhereItIsWithTheClosestKnownKey() throws {
        let loaded = try Self.load("defaults:\n  latency: {min: 0.3, mode: 0.7, max: 1.1}\n  rejct: 0.02\n")
        let finding = try #require(loaded.diagnostics.first)
        #expect(loaded.hasErrors)
        #expect(finding.code == .unknownKey)
        #expect(finding.span.start == SourceLocation(line: 3, column: 3))
        #expect(finding.message.en == "unknown key 'rejct' in 'defaults'")
        #expect(finding.hint?.en == "did you mean 'reject'?")
        #expect(finding.hint?.zh == "是否应为“reject”？")
    }

    @Test func anUnknownKeyInADistributionAndAtTheTopAreFoundToo() throws {
        let loaded = try Self.load(
            "default:\n  reject: 0.1\ndepartments:\n  tobacco: {latency: {min: 1, mod: 2, max: 3}}\n")
        // In file order: the top key, then the distribution without `mode` (at its
        // first key), then the key that should have been `mode`.
        #expect(loaded.diagnostics.map(\.code) == [.unknownKey, .missingKey, .unknownKey])
        #expect(loaded.diagnostics[0].hint?.en == "did you mean 'defaults'?")
        #expect(loaded.diagnostics[1].message.en == "the distribution is missing 'mode'")
        #expect(loaded.diagnostics[2].span.start == SourceLocation(line: 4, column: 31))
        #expect(loaded.diagnostics[2].hint?.en == "did you mean 'mode'?")
    }

    @Test func aValueOfTheWrongTypeIsAnError() throws {
        let loaded = try Self.load("defaults:\n  latency: 0.7\n  reject: often\n  adapter: [manual]\n")
        #expect(loaded.diagnostics.map(\.code) == [.wrongType, .wrongType, .wrongType])
        #expect(loaded.diagnostics.map(\.span.start.line) == [2, 3, 4])
        #expect(
            loaded.diagnostics[0].message.en
                == "expected a distribution {min, mode, max}, found a single value")
        #expect(loaded.diagnostics[1].message.en.hasPrefix("expected a probability from 0 to 1"))
        #expect(loaded.diagnostics[2].message.en == "expected simulated, manual or http, found a list")
    }

    @Test func valuesOutOfRangeAreErrors() throws {
        let loaded = try Self.load(
            """
            defaults:
              reject: 1.5
              latency: {min: 1, mode: 0.5, max: 2}
              errors: 0.7
              timeouts: 0.6
              adapter: manaul
            """)
        #expect(loaded.diagnostics.map(\.code) == [.badValue, .badValue, .badValue, .badValue])
        #expect(loaded.diagnostics.map(\.span.start.line) == [2, 3, 5, 6])
        #expect(loaded.diagnostics[3].hint?.en == "did you mean 'manual'?")
    }

    @Test func aDepartmentTheCatalogueDoesNotKnowIsAnError() throws {
        let loaded = try Self.load(
            "departments:\n  fire-rescu: {adapter: manual}\n", departments: ["fire-rescue", "tobacco"])
        let finding = try #require(loaded.diagnostics.first)
        #expect(finding.code == .unknownDepartment)
        #expect(finding.span.start == SourceLocation(line: 2, column: 3))
        #expect(finding.hint?.en == "did you mean 'fire-rescue'?")
    }

    @Test func theExampleInTheGrammarFolderIsClean() throws {
        let root = RuntimeFixtures.root
        let loaded = AdaptersFile.load(
            path: root.appendingPathComponent("grammar/adapters.example.yaml").path,
            departments: Set(try RuntimeFixtures.loaded("open-restaurant.yaml").catalogue.departments.keys))
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.settings.kind(of: "fire-rescue") == .manual)
    }
}
