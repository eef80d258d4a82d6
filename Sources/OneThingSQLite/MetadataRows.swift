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
