import GRDB
import OneThingEvents

extension SQLiteEventStore {
    /// The full check of the store at `path`, reading it only (nothing is written):
    /// SQLite's `PRAGMA integrity_check` of every page and index, every event against
    /// its digest, every case's events without a gap, every case folding
    /// (``CaseState/check(_:)``) and its summary equal to the fold of its events, the
    /// department table equal to the summaries, every blueprint against its fingerprint,
    /// and every case number and metadata value against its digest.
    ///
    /// It reads the whole file: seconds for a county's years of cases. `onething store
    /// check --db PATH` runs it and prints the report.
    ///
    /// - Returns: The report; damage is a problem in it, not an error.
    /// - Throws: ``StoreError`` when the file cannot be opened at all (a missing file or
    ///   folder, no permission).
    public static func check(path: String) throws(StoreError) -> StoreCheckReport {
        let file = StoreFile(path: path, busyTimeout: 10)
        var report = StoreCheckReport(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "OneThing event store check"
        configuration.busyMode = .timeout(10)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(
                path: file.readOnlyURI(writingNothing: true), configuration: configuration)
        } catch {
            let failure = StoreError.database(error, file: file, doing: "opening the store to check it")
            guard failure.kind == .corrupt else { throw failure }
            report.add(.init(.file, failure.message))
            return report
        }
        do {
            try queue.read { db in try StoreCheck(file: file, db: db).run(into: &report) }
        } catch {
            let failure = StoreError.database(error, file: file, doing: "checking the store")
            guard failure.kind == .corrupt || failure.kind == .incompatible else { throw failure }
            report.add(.init(failure.kind == .corrupt ? .file : .format, failure.message))
        }
        return report
    }
}
