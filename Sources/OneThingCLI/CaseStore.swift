import Foundation
import OneThing
import OneThingPostgres
import OneThingRuntime
import OneThingSQLite

/// The case database of the commands that use one, chosen by the `--db` value: a path
/// or `sqlite:PATH` is a SQLite file (by default `onething.sqlite` in the working
/// directory), `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]` a
/// PostgreSQL database shared by several instances. The one place that chooses: `run`,
/// `case …`, `migrate`, `serve` and `store check` all ask it.
enum CaseStore {
    /// The default path.
    static let defaultPath = "onething.sqlite"

    /// Where a `--db` value points.
    enum Location: Sendable, Hashable {
        /// A SQLite file.
        case sqlite(path: String)
        /// A PostgreSQL database (the password from the URL, or else from `PGPASSWORD`).
        case postgres(PostgresStoreAddress)

        /// The location as a user may see it and type it again: a PostgreSQL URL
        /// without its password (which `PGPASSWORD` gives then).
        var display: String {
            switch self {
            case .sqlite(let path): path
            case .postgres(let address): address.description
            }
        }
    }

    /// Where `value` points; a URL that cannot be read, or of a kind no store serves,
    /// ends the command with status 2 and says why, in the language asked for.
    static func location(_ value: String, language: Language) throws -> Location {
        if value.hasPrefix("sqlite:") { return .sqlite(path: String(value.dropFirst("sqlite:".count))) }
        if PostgresStoreAddress.isPostgresURL(value) {
            do {
                var address = try PostgresStoreAddress(url: value)
                if address.password == nil {
                    address.password = ProcessInfo.processInfo.environment["PGPASSWORD"]
                }
                return .postgres(address)
            } catch {
                StandardError.writeLine(
                    language.say(
                        "onething: --db: \(error.message)",
                        "onething: --db：PostgreSQL 地址无法识别，应为 postgres://用户:密码@主机:端口/数据库（\(error.message)）"))
                throw ExitStatus.usageOrInputError
            }
        }
        if let scheme = value.range(of: "://") {
            let name = value[..<scheme.lowerBound]
            StandardError.writeLine(
                language.say(
                    "onething: --db \(name)://…: no store of that kind; give a path or sqlite:PATH for SQLite,"
                        + " or postgres://USER:PASSWORD@HOST:PORT/DATABASE for PostgreSQL",
                    "onething: --db \(name)://…：不支持该类存储；SQLite 请给出路径或 sqlite:路径，"
                        + "PostgreSQL 请给出 postgres://用户:密码@主机:端口/数据库"))
            throw ExitStatus.usageOrInputError
        }
        return .sqlite(path: value)
    }

    /// Opens the store `value` names. A SQLite file that is missing is created when
    /// `create` is set, and is otherwise a usage error; with `readOnly`, nothing is
    /// written to it; a file of OneThing's first format is converted on opening for
    /// writing when the catalogue's calendar is at hand (its times were counted on it).
    /// A PostgreSQL database gets the store's tables when it has none. A store that
    /// cannot be opened (a refused connection, a bad password: within a few seconds)
    /// ends the command with status 2 and says why. `instance` names the runtime
    /// instance a PostgreSQL store handle writes for (``CaseHolding``); by default one
    /// unique to the process.
    static func open(
        _ value: String, create: Bool, readOnly: Bool = false, catalogue: Catalogue?, language: Language,
        instance: String? = nil
    ) async throws -> any EventStore {
        switch try location(value, language: language) {
        case .sqlite(let path):
            return try openSQLite(
                path, create: create, readOnly: readOnly, catalogue: catalogue, language: language)
        case .postgres(let address):
            do {
                var options = PostgresEventStore.Options()
                if let instance { options.instance = instance }
                return try await PostgresEventStore(address: address, options: options)
            } catch {
                StandardError.writeLine(error.postgresLine(address, in: language))
                throw ExitStatus.usageOrInputError
            }
        }
    }

    /// Opens the SQLite file at `path` (see ``open(_:create:readOnly:catalogue:language:)``).
    static func openSQLite(
        _ path: String, create: Bool, readOnly: Bool, catalogue: Catalogue?, language: Language
    ) throws -> any EventStore {
        if !create, !FileManager.default.fileExists(atPath: path) {
            StandardError.writeLine(
                language.say(
                    "onething: \(path): no case database here; start a case with 'onething run', or name the database with --db",
                    "onething: \(path)：案件库不存在；请先用 onething run 办理案件，或用 --db 指定案件库"))
            throw ExitStatus.usageOrInputError
        }
        let legacy = catalogue.map { catalogue in
            SQLiteEventStore.LegacyConversion(
                calendar: catalogue.calendar(region: "CN"),
                departmentNames: catalogue.departments.mapValues {
                    CaseBlueprint.DepartmentName(zh: $0.name, en: $0.englishName)
                })
        }
        do {
            return try SQLiteEventStore(
                path: path, mode: readOnly ? .readOnly : .readWrite, legacy: readOnly ? nil : legacy)
        } catch {
            StandardError.writeLine(error.line(in: language))
            throw ExitStatus.usageOrInputError
        }
    }
}
