import GRDB
import OneThingEvents

/// The `metadata` table: small values under keys, each checked against its digest
/// when read.
enum MetadataRows {
    /// The value under `key`, if any.
    static func value(_ key: String, in db: Database, file: StoreFile) throws -> String? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT value, digest FROM metadata WHERE key = ?"), arguments: [key])
        else { return nil }
        let stored = StoredValue(row: row, file: file, what: "the metadata value of '\(key)'", caseID: nil)
        let value = try stored.text(0)
        guard RowDigest.metadata(key: key, value: value) == (try stored.digest(1)) else {
            throw StoreError.damaged(file, "the metadata value of '\(key)' does not match its digest")
        }
        return value
    }

    /// Every key and value, each row checked against its digest as it is stored (a key
    /// damaged so that a lookup would miss it is found too).
    static func all(in db: Database, file: StoreFile) throws -> [String: String] {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value, digest FROM metadata") {
            let stored = StoredValue(row: row, file: file, what: "a metadata row", caseID: nil)
            let (key, value) = (try stored.text(0), try stored.text(1))
            guard RowDigest.metadata(key: key, value: value) == (try stored.digest(2)) else {
                throw StoreError.damaged(file, "the metadata value of '\(key)' does not match its digest")
            }
            values[key] = value
        }
        return values
    }

    /// Keeps `value` under `key`, replacing what was there.
    static func set(_ value: String, for key: String, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO metadata (key, value, digest) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, digest = excluded.digest
                """
        ).execute(arguments: [key, value, Int64(bitPattern: RowDigest.metadata(key: key, value: value))])
    }
}
