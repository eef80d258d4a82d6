import Foundation
import OneThingEvents

/// Where a PostgreSQL event store lives: the server, the user and the database, and
/// the schema (namespace) inside the database that holds the store's tables, read
/// from a URL such as `postgres://onething:secret@127.0.0.1:5432/onething?schema=county`.
///
/// Its ``description`` names the host, the port, the database and the schema, never
/// the password, so it can go into any message.
public struct PostgresStoreAddress: Sendable, Hashable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The user to log in as.
    public var username: String
    /// The password, if the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// The schema that holds the store's tables (made when missing): `onething` unless
    /// the URL's `schema` parameter names another.
    public var schema: String

    /// The schema of a URL that names none.
    public static let defaultSchema = "onething"

    /// An address.
    public init(
        host: String, port: Int = 5432, username: String, password: String? = nil, database: String,
        schema: String = PostgresStoreAddress.defaultSchema
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// Whether `text` names a PostgreSQL store (`postgres://` or `postgresql://`).
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The address in a URL: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]`
    /// (`postgresql://` too). The user defaults to `postgres`, the port to 5432, the
    /// database to the user's name; percent-escapes are decoded.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/unavailable`` naming what is
    ///   wrong with the URL (its password left out).
    public init(url text: String) throws(StoreError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw StoreError(
                .unavailable,
                "\(Self.redacted(text)) is not a PostgreSQL URL: write postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            )
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(
                .unavailable,
                "\(Self.redacted(text)): the URL names no host (postgres://USER@HOST:PORT/DATABASE)")
        }
        let username = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        let database = String(components.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        var schema = Self.defaultSchema
        for item in components.queryItems ?? [] {
            switch item.name {
            case "schema":
                guard let value = item.value, Self.isPlainName(value) else {
                    throw StoreError(
                        .unavailable,
                        "\(Self.redacted(text)): the schema must be a plain name (letters, digits, _; 63 at most)"
                    )
                }
                schema = value
            default:
                throw StoreError(
                    .unavailable,
                    "\(Self.redacted(text)): unknown URL parameter '\(item.name)' (only 'schema' is understood)"
                )
            }
        }
        self.init(
            host: host, port: components.port ?? 5432, username: username,
            password: components.password.flatMap { $0.removingPercentEncoding },
            database: database.isEmpty ? username : database,
            schema: schema)
    }

    /// Whether `name` can be used as a schema name as it is: ASCII letters, digits and
    /// `_`, not starting with a digit, 63 characters at most.
    public static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 63 else { return false }
        func letter(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
        }
        return letter(first) && name.unicodeScalars.allSatisfy { letter($0) || ($0 >= "0" && $0 <= "9") }
    }

    /// `text` with the password of its URL left out.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@")
        else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    /// `postgres://USER@HOST:PORT/DATABASE (schema NAME)`, without the password.
    public var description: String {
        let server = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(username)@\(server):\(port)/\(database)"
            + (schema == Self.defaultSchema ? "" : "?schema=\(schema)")
    }
}
