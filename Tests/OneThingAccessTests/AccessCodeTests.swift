import OneThingAccess
import OneThingEvents
import OneThingSimulation
import Testing

/// Applicants' access codes: typable, kept only as a hash, checked in constant time.
struct AccessCodeTests {
    static let caseA = "C20261203-0001"
    static let caseB = "C20261203-0002"

    @Test func aCodeIsTenCharactersOfTheAlphabetPrintedInTwoGroups() {
        let code = AccessCode.generate()
        #expect(code.characters.count == 10)
        #expect(code.characters.allSatisfy { AccessCode.alphabet.contains($0) })
        #expect(code.description.count == 11 && code.description.dropFirst(5).first == "-")
        #expect(AccessCode(code.description) == code)
        #expect(!code.characters.contains { "ILOU".contains($0) })
    }

    @Test func aTypedCodeIsReadAsMeant() throws {
        let code = try #require(AccessCode("7KD2M-Q9XWA"))
        #expect(AccessCode("7kd2m q9xwa") == code)
        #expect(AccessCode("7KD2MQ9XWA") == code)
        #expect(AccessCode(" 7KD2M－Q9XWA ".replacingOccurrences(of: "－", with: "-")) == code)
        // O is read as 0, I and L as 1.
        #expect(AccessCode("OOIIL-00111") == AccessCode("00111-00111"))
        #expect(AccessCode("7KD2M-Q9XW") == nil)
        #expect(AccessCode("7KD2M-Q9XWAB") == nil)
        #expect(AccessCode("7KD2M-Q9XWU") == nil)
        #expect(AccessCode("7KD2M_Q9XWA") == nil)
    }

    @Test func onlyTheCodeOfTheCaseMatchesItsStoredHash() throws {
        let code = try #require(AccessCode("7KD2M-Q9XWA"))
        let stored = code.storedHash(for: Self.caseA)
        #expect(stored.hasPrefix("sha256:") && stored.count == 7 + 64)
        #expect(!stored.contains("7KD2M"))
        #expect(AccessCode.matches("7kd2m-q9xwa", for: Self.caseA, stored: stored))
        #expect(!AccessCode.matches("7KD2M-Q9XWB", for: Self.caseA, stored: stored))
        #expect(!AccessCode.matches("7KD2M-Q9XWA", for: Self.caseB, stored: stored))
        #expect(!AccessCode.matches("", for: Self.caseA, stored: stored))
        #expect(!AccessCode.matches("7KD2M-Q9XWA", for: Self.caseA, stored: nil))
        #expect(!AccessCode.matches("7KD2M-Q9XWA", for: Self.caseA, stored: "sha256:zz"))
        // The same code of two cases is kept as two different hashes.
        #expect(code.storedHash(for: Self.caseB) != stored)
    }

    @Test func theStoreKeepsTheHashAndTheApplicantIsKnownByTheCode() async throws {
        let store = InMemoryEventStore()
        let code = try await AccessCode.issue(for: Self.caseA, in: store)
        let kept = try await store.metadata(AccessCode.metadataKey(for: Self.caseA))
        #expect(kept == code.storedHash(for: Self.caseA))
        #expect(AccessCode.metadataKey(for: Self.caseA) == "access/C20261203-0001")
        #expect(
            try await AccessCode.caller(presenting: code.description, for: Self.caseA, in: store)
                == .applicant(of: Self.caseA))
        #expect(
            try await AccessCode.caller(presenting: code.description, for: Self.caseB, in: store)
                == .wrongAccessCode)
        #expect(
            try await AccessCode.caller(presenting: "00000-00000", for: Self.caseA, in: store)
                == .wrongAccessCode)
    }

    @Test func everyCharacterOfTheAlphabetIsAboutEquallyLikely() {
        var generator = SplitMix64(seed: 42)
        var counts: [Character: Int] = [:]
        for _ in 0..<3_200 {
            for character in AccessCode.generate(using: &generator).characters {
                counts[character, default: 0] += 1
            }
        }
        // 32,000 characters over 32: 1,000 each expected; a uniform draw stays well within ±20%.
        #expect(counts.count == 32)
        #expect(counts.values.allSatisfy { (800...1_200).contains($0) })
    }
}
