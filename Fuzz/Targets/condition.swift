// The condition lexer, parser, type checker and reasoning over arbitrary text: the text
// stands as the condition of an item of a small bundle whose form holds the fields of the
// real bundles that it names (so that the seed conditions, taken from all of them,
// type-check and reach the reasoning), written as a YAML double-quoted scalar so that every character
// reaches the condition as it is. The small bundle keeps each execution cheap: the whole
// open-restaurant.yaml around one condition ran about 230 times a second.
import Foundation
import OneThing
import OneThingSource

/// The fields of every real bundle's form, each id once (the first bundle's, in name
/// order), with its YAML lines cut from the files' text, without `party:` and
/// `required: {when: …}` (the small bundle has no parties, and reads only the fields an
/// input names).
let everyField: [(id: String, lines: String)] = {
    let folder = FuzzInput.root + "/bundles"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    var seen: Set<String> = []
    var fields: [(id: String, lines: String)] = []
    for name in names {
        guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
        var inForm = false
        var keep = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "form:" { inForm = true; continue }
            guard inForm else { continue }
            if let first = line.first, first != " ", first != "#" { break }
            if line.hasPrefix("  "), !line.hasPrefix("   "), let colon = line.firstIndex(of: ":") {
                let id = String(line[line.index(line.startIndex, offsetBy: 2)..<colon])
                keep = seen.insert(id).inserted
                if keep { fields.append((id, "")) }
            }
            guard keep, !line.hasPrefix("    party:"), !line.hasPrefix("    required: {when") else { continue }
            fields[fields.count - 1].lines += line + "\n"
        }
    }
    return fields
}()

/// The form of the small bundle for `condition`: the fields whose id it contains (a
/// field it does not name cannot change what it means), and always one, so that the
/// form is never empty.
func form(for condition: String) -> String {
    let named = everyField.filter { condition.contains($0.id) }
    return (named.isEmpty ? Array(everyField.prefix(1)) : named).map(\.lines).joined()
}

let conditionTemplate: (before: String, after: String) = (
    """
    id: fuzz-condition
    title: 条件
    version: 1.0.0
    effective: 2025-01-01
    category: business
    lead: market-regulation
    promise: 10 workdays
    form:
    {FORM}
    materials:
      floor-plan: {name: 平面图, core: true}
    outputs:
      licence: {name: 营业执照}
    items:
      register:
        name: 登记
        department: market-regulation
        kind: registration
        basis: 中华人民共和国行政许可法
        legal: 20 workdays
        promised: 3 workdays
        needs: [id-card]
        produces: [licence]
      gated:
        name: 许可
        department: fire-rescue
        kind: permit
        basis: 中华人民共和国行政许可法
        legal: 20 workdays
        promised: 5 workdays
        needs: [licence, floor-plan]
        when:
    """ + " ",
    "\n")

/// `text` as a YAML double-quoted scalar.
func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.value == 0xFEFF || (0x2028...0x2029).contains(scalar.value)
            {
                out += "\\U" + String(repeating: "0", count: 8 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCondition(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let condition = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let before = conditionTemplate.before.replacingOccurrences(of: "{FORM}\n", with: form(for: condition))
    let text = before + doubleQuoted(condition) + conditionTemplate.after
    let report = Validator().validate(bytes: Array(text.utf8), name: "fuzz.yaml", catalogue: FuzzInput.catalogue)
    // Most fields of the form are read by no condition (OT406): those findings are the
    // template's, not the input's, and are left out of the rendering.
    let findings = report.diagnostics.filter { $0.code != .unusedField }
    FuzzInput.renderAll(findings, sources: [report.source].compactMap { $0 })
    return 0
}
