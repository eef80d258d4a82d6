import ArgumentParser
import OneThingPostgres

/// The `--db` option of the commands that run or read cases.
struct CaseStoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The case database: a SQLite file (a path, or sqlite:PATH), or a PostgreSQL database"
                + " (postgres://USER:PASSWORD@HOST:PORT/DATABASE; the password may come from PGPASSWORD instead).",
            valueName: "path-or-url"))
    var path: String = CaseStore.defaultPath

    /// The database as a user may see it: a PostgreSQL URL without its password.
    var display: String {
        guard PostgresStoreAddress.isPostgresURL(path) else { return path }
        do {
            return try PostgresStoreAddress(url: path).description
        } catch {
            // A URL that cannot be read is refused before anything is printed with it.
            return "postgres://…"
        }
    }

    /// The options to repeat in a command printed for the user: empty for the default,
    /// and a PostgreSQL URL without its password.
    var repeated: [String] { path == CaseStore.defaultPath ? [] : ["--db", display] }
}
