import Foundation
import OneThing
import OneThingRuntime
import OneThingSimulation
import Testing

/// The adapters file's `e-licence` entry: the service that provides fetched materials,
/// simulated or over HTTP, and each mistake a finding at its place; the simulated
/// service itself.
struct AdaptersFileELicenceTests {
    @Test func noEntryMeansNoService() throws {
        let loaded = try AdaptersFileTests.load("defaults: {reject: 0}\n")
        #expect(loaded.settings.materialService == nil)
        #expect(loaded.settings.simulatedMaterialService(seed: 1) == nil)
    }

    @Test func aSimulatedServiceGivesItsProbability() throws {
        let loaded = try AdaptersFileTests.load("e-licence:\n  adapter: simulated\n  unavailable: 25%\n")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.settings.materialService == .simulated(unavailable: 0.25))
        let empty = try AdaptersFileTests.load("e-licence: {}\n")
        #expect(empty.diagnostics.isEmpty)
        #expect(empty.settings.materialService == .simulated(unavailable: 0))
    }

    @Test func anHTTPServiceTakesTheKeysOfAnHTTPDepartment() throws {
        let loaded = try AdaptersFileTests.load(
            """
            e-licence:
              adapter: http
              url: https://licences.example.gov.cn/fetch
              secret-file: /run/licence.secret
              timeout: 3
              retries: 1
            """)
        #expect(loaded.diagnostics.isEmpty)
        #expect(
            loaded.settings.materialService
                == .http(
                    HTTPDepartmentSettings(
                        url: "https://licences.example.gov.cn/fetch", secret: .file("/run/licence.secret"),
                        timeout: 3_000, retries: 1)))
        // On a virtual clock the HTTP service is simulated, always available.
        #expect(loaded.settings.simulatedMaterialService(seed: 7)?.unavailable == 0)
    }

    @Test func aMisspeltKeyIsFoundAtItsLineWithTheKnownOne() throws {
        let loaded = try AdaptersFileTests.load("e-licence:\n  adapter: simulated\n  unavailabel: 0.1\n")
        let unknown = try #require(loaded.diagnostics.first { $0.code == .unknownKey })
        #expect(unknown.span.start == SourceLocation(line: 3, column: 3))
        #expect(unknown.hint?.en == "did you mean 'unavailable'?")
        #expect(unknown.message.zh.contains("电子证照"))
        #expect(loaded.hasErrors)
    }

    @Test func eachMistakeOfTheEntryIsAFindingAtItsPlace() throws {
        let cases: [(String, DiagnosticCode, Int, String)] = [
            ("e-licence:\n  adapter: manual\n", .badValue, 2, "cannot be manual"),
            ("e-licence:\n  adapter: htp\n", .badValue, 2, "htp"),
            ("e-licence:\n  unavailable: 1.5\n", .badValue, 2, "1.5"),
            ("e-licence:\n  url: https://licences.example.gov.cn/fetch\n", .badValue, 2, "url"),
            ("e-licence:\n  adapter: http\n  url: https://x.example.cn/f\n", .missingKey, 2, "secret-env"),
            (
                "e-licence:\n  adapter: http\n  url: https://x.example.cn/f\n  secret-env: S\n  unavailable: 0.1\n",
                .badValue, 5, "unavailable"
            ),
        ]
        for (text, code, line, mention) in cases {
            let loaded = try AdaptersFileTests.load(text)
            let finding = try #require(loaded.diagnostics.first, "\(text)")
            #expect(finding.code == code, "\(text)")
            #expect(finding.span.start.line == line, "\(text)")
            #expect(finding.message.en.contains(mention), "\(text): \(finding.message.en)")
            #expect(!finding.message.zh.isEmpty && finding.hint != nil, "\(text)")
            #expect(loaded.hasErrors)
        }
    }

    @Test func theSimulatedServiceDrawsFromTheSeedTheCaseAndTheMaterialAlone() async {
        let request = MaterialRequest(
            caseID: "C20261203-0001", material: "id-card", name: "居民身份证", source: .eLicence, answers: [:])
        let always = SimulatedMaterialService(unavailable: 0, seed: 3)
        guard case .fetched(let reference) = await always.fetch(request) else {
            Issue.record("a service that never fails failed")
            return
        }
        #expect(reference.hasPrefix("SIM-"))
        #expect(await always.fetch(request) == .fetched(reference: reference))
        let never = SimulatedMaterialService(unavailable: 1, seed: 3)
        #expect(
            await never.fetch(request) == .unavailable(reason: SimulatedMaterialService.unavailableReason))
        // About the share asked for, over many cases.
        let half = SimulatedMaterialService(unavailable: 0.5, seed: 3)
        var unavailable = 0
        for number in 0..<400 {
            var one = request
            one.caseID = "C20261203-\(number)"
            if case .unavailable = await half.fetch(one) { unavailable += 1 }
        }
        #expect((150...250).contains(unavailable), "\(unavailable) of 400")
    }
}
