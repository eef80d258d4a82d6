import Foundation
import GRDB
import OneThingEvents

/// Reading a column of a stored row with the type the schema gives it, as an error
/// when a damaged file holds something else (GRDB's typed subscripts would stop the
/// process instead).
struct StoredValue {
    /// The row.
    let row: Row
    /// The file, for messages.
    let file: StoreFile
    /// What the row is, for messages: `the summary of case C20260302-0001`.
    let what: String
    /// The case the row belongs to, if one.
    let caseID: CaseID?

    private func value(_ index: Int) -> DatabaseValue { row[index] as DatabaseValue }

    private func damaged(_ index: Int, _ expected: String) -> StoreError {
        StoreError.damaged(file, "column \(index + 1) of \(what) is not \(expected)", caseID: caseID)
    }

    /// The integer in column `index`.
    func integer(_ index: Int) throws(StoreError) -> Int64 {
        guard case .int64(let value) = value(index).storage else { throw damaged(index, "an integer") }
        return value
    }

    /// The integer in column `index`, or `nil` when it is NULL.
    func optionalInteger(_ index: Int) throws(StoreError) -> Int64? {
        switch value(index).storage {
        case .null: return nil
        case .int64(let value): return value
        default: throw damaged(index, "an integer or NULL")
        }
    }

    /// The integer in column `index` as an `Int`.
    func int(_ index: Int) throws(StoreError) -> Int {
        guard let value = Int(exactly: try integer(index)) else { throw damaged(index, "a count") }
        return value
    }

    /// The text in column `index`.
    func text(_ index: Int) throws(StoreError) -> String {
        guard case .string(let value) = value(index).storage else { throw damaged(index, "a text") }
        return value
    }

    /// The text in column `index`, or `nil` when it is NULL.
    func optionalText(_ index: Int) throws(StoreError) -> String? {
        switch value(index).storage {
        case .null: return nil
        case .string(let value): return value
        default: throw damaged(index, "a text or NULL")
        }
    }

    /// The bytes in column `index`.
    func bytes(_ index: Int) throws(StoreError) -> [UInt8] {
        guard case .blob(let data) = value(index).storage else { throw damaged(index, "bytes") }
        return [UInt8](data)
    }

    /// A digest kept as a 64-bit integer in column `index`.
    func digest(_ index: Int) throws(StoreError) -> UInt64 { UInt64(bitPattern: try integer(index)) }
}
