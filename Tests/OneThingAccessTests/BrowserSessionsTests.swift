import Foundation
import OneThing
import OneThingAccess
import Testing

/// Signed-in browsers: found by the id their cookie holds, kept only as its hash, ended
/// by time or sign-out, each with its own form token.
struct BrowserSessionsTests {
    static let officer = Principal(
        id: "amr-wang", name: "王科员", role: .officer, department: "market-regulation",
        tokenHash: TokenHash(of: "ot_unused"))
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aSessionIsFoundByItsIdAndKeptOnlyAsItsHash() {
        let sessions = BrowserSessions(lifetime: .seconds(3600))
        let opened = sessions.open(for: Self.officer, at: Self.now)
        #expect(opened.id.count == 64 && opened.session.formToken.count == 64)
        #expect(opened.id != opened.session.formToken)
        #expect(sessions.session(id: opened.id, at: Self.now)?.principal == Self.officer)
        // The hash of the id, as a cookie, finds nothing: only the id itself does.
        #expect(sessions.session(id: TokenHash(of: opened.id).hex, at: Self.now) == nil)
        #expect(
            sessions.session(id: nil, at: Self.now) == nil && sessions.session(id: "", at: Self.now) == nil)
    }

    @Test func aSessionEndsWhenItsLifetimeHasPassedOrAtSignOut() {
        let sessions = BrowserSessions(lifetime: .seconds(3600))
        let first = sessions.open(for: Self.officer, at: Self.now)
        #expect(sessions.session(id: first.id, at: Self.now.addingTimeInterval(3599)) != nil)
        #expect(sessions.session(id: first.id, at: Self.now.addingTimeInterval(3600)) == nil)
        #expect(sessions.count == 0, "an expired session is dropped when met")
        let second = sessions.open(for: Self.officer, at: Self.now)
        sessions.close(id: second.id)
        #expect(sessions.session(id: second.id, at: Self.now) == nil)
    }

    @Test func eachSessionHasItsOwnFormToken() {
        let sessions = BrowserSessions()
        let a = sessions.open(for: Self.officer)
        let b = sessions.open(for: Self.officer)
        #expect(BrowserSessions.formTokenMatches(a.session.formToken, of: a.session))
        #expect(!BrowserSessions.formTokenMatches(b.session.formToken, of: a.session))
        #expect(!BrowserSessions.formTokenMatches(nil, of: a.session))
        #expect(!BrowserSessions.formTokenMatches("", of: a.session))
        #expect(BrowserSessions.sameToken("abc", "abc") && !BrowserSessions.sameToken("", ""))
        #expect(!BrowserSessions.sameToken("abc", nil))
    }

    @Test func aMessageIsShownOnce() {
        let sessions = BrowserSessions()
        let opened = sessions.open(for: Self.officer)
        sessions.leave(BrowserSessions.Flash(LocalizedText(en: "claimed", zh: "已认领")), for: opened.id)
        #expect(sessions.takeFlash(of: opened.id)?.text.zh == "已认领")
        #expect(sessions.takeFlash(of: opened.id) == nil)
    }

    @Test(arguments: [
        (Caller.applicant(of: "C20260302-0001"), true), (.anonymous, false), (.wrongAccessCode, false),
        (.unknownToken, false), (.principal(officer), false),
    ])
    func onlyTheApplicantSeesPersonalNumbersWhole(caller: Caller, whole: Bool) {
        #expect(PersonalNumberMask.showsWhole(to: caller) == whole)
        #expect((PersonalNumberMask.mask(for: caller)("13800138000") == "13800138000") == whole)
    }
}
