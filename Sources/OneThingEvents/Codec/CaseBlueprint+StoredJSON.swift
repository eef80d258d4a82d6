import Foundation

/// How every store keeps a blueprint: as JSON with sorted keys (so one blueprint is
/// always the same text), under its fingerprint, checked against it when read back.
extension CaseBlueprint {
    /// The JSON a store keeps the blueprint as.
    public func storedJSON() throws(EventCodec.Damaged) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            throw EventCodec.Damaged(reason: "blueprint \(fingerprint) cannot be written as JSON: \(error)")
        }
    }

    /// The blueprint a store kept as `json` under `fingerprint`.
    ///
    /// - Throws: ``EventCodec/Damaged`` when it cannot be read, or does not have the
    ///   fingerprint it is kept under.
    public init(storedJSON json: String, fingerprint: String) throws(EventCodec.Damaged) {
        let blueprint: CaseBlueprint
        do {
            blueprint = try JSONDecoder().decode(CaseBlueprint.self, from: Data(json.utf8))
        } catch {
            throw EventCodec.Damaged(reason: "blueprint \(fingerprint) cannot be read back")
        }
        guard blueprint.fingerprint == fingerprint else {
            throw EventCodec.Damaged(
                reason:
                    "blueprint \(fingerprint) does not match its fingerprint (it reads as \(blueprint.fingerprint))"
            )
        }
        self = blueprint
    }
}
