import Foundation
import OneThingSource
import Synchronization

/// The signed-in browsers of a server's pages: a principal signs in once with their
/// token, and the browser carries a session id in a cookie instead (a browser cannot
/// send a bearer header). The server keeps only the SHA-256 hash of each session id,
/// so a copy of its memory lets nobody in; sessions end after ``lifetime`` (or at
/// sign-out), and each has a form token that every form it posts must carry back
/// (the defence against cross-site request forgery).
///
/// ```swift
/// let sessions = BrowserSessions(lifetime: .seconds(8 * 3600))
/// let opened = sessions.open(for: principal, at: now)      // opened.id goes in the cookie
/// let session = sessions.session(id: cookieValue, at: now)  // nil: signed out, expired, forged
/// sessions.checkForm(token: posted, of: session)            // a forged form fails
/// ```
public final class BrowserSessions: Sendable {
    /// A signed-in browser, as the server keeps it.
    public struct Session: Sendable, Hashable {
        /// The principal signed in.
        public var principal: Principal
        /// The token every form of the session carries back (`csrf`).
        public var formToken: String
        /// When the session ends.
        public var expires: Date
        /// A message for the next page the session is shown (what a form did), once.
        public var flash: Flash?
    }

    /// What a form did, for the next page: the message, and whether it says a refusal.
    public struct Flash: Sendable, Hashable {
        /// The message.
        public var text: LocalizedText
        /// Whether what the form asked for was refused (the message says why).
        public var refused: Bool

        /// Creates a message.
        public init(_ text: LocalizedText, refused: Bool = false) {
            self.text = text
            self.refused = refused
        }
    }

    /// A session just opened: the id for the cookie (shown once, never kept) and the session.
    public struct Opened: Sendable {
        /// The session id, for the browser's cookie.
        public var id: String
        /// The session.
        public var session: Session
    }

    /// How long a session lasts from sign-in.
    public let lifetime: Duration
    private let byHash = Mutex<[TokenHash: Session]>([:])

    /// Sessions that last `lifetime` (default 8 hours, a working day).
    public init(lifetime: Duration = .seconds(8 * 3600)) {
        self.lifetime = lifetime
    }

    /// Opens a session for `principal` at `now`; expired sessions are dropped meanwhile.
    public func open(for principal: Principal, at now: Date = Date()) -> Opened {
        let id = Self.randomText()
        let session = Session(
            principal: principal, formToken: Self.randomText(),
            expires: now.addingTimeInterval(Double(lifetime.components.seconds)))
        byHash.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            sessions[TokenHash(of: id)] = session
        }
        return Opened(id: id, session: session)
    }

    /// The session whose id the browser presents, if it is open at `now`.
    public func session(id: String?, at now: Date = Date()) -> Session? {
        guard let id, !id.isEmpty else { return nil }
        let hash = TokenHash(of: id)
        return byHash.withLock { sessions in
            guard let session = sessions[hash] else { return nil }
            guard session.expires > now else {
                sessions[hash] = nil
                return nil
            }
            return session
        }
    }

    /// Ends the session with `id` (sign-out); nothing happens for an unknown id.
    public func close(id: String?) {
        guard let id else { return }
        _ = byHash.withLock { $0.removeValue(forKey: TokenHash(of: id)) }
    }

    /// Leaves `flash` for the next page the session with `id` is shown.
    public func leave(_ flash: Flash, for id: String?) {
        guard let id else { return }
        byHash.withLock { $0[TokenHash(of: id)]?.flash = flash }
    }

    /// Takes the message left for the session with `id`, if any: it is shown once.
    public func takeFlash(of id: String?) -> Flash? {
        guard let id else { return nil }
        return byHash.withLock { sessions in
            let hash = TokenHash(of: id)
            defer { sessions[hash]?.flash = nil }
            return sessions[hash]?.flash
        }
    }

    /// The number of sessions kept (open or not yet dropped).
    public var count: Int { byHash.withLock { $0.count } }

    /// Whether `posted` (a form's `csrf` field) is the form token of `session`, compared
    /// in time that does not depend on where they differ.
    public static func formTokenMatches(_ posted: String?, of session: Session) -> Bool {
        guard let posted else { return false }
        return ConstantTime.equal(Array(posted.utf8), Array(session.formToken.utf8))
    }

    /// Whether two random texts (a sign-in form's token and its cookie) are the same,
    /// compared in constant time; an empty or missing one matches nothing.
    public static func sameToken(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, !a.isEmpty else { return false }
        return ConstantTime.equal(Array(a.utf8), Array(b.utf8))
    }

    /// 32 random bytes as 64 hexadecimal digits: a session id, a form token.
    public static func randomText() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hexadecimal.text((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
