// The condition lexer, parser, type checker and reasoning over arbitrary text: the text
// stands as the condition of an item of a real bundle (open-restaurant.yaml), written as
// a YAML double-quoted scalar so that every character reaches the condition as it is.
import Foundation
import OneThing

let conditionTemplate: (before: String, after: String) = {
    let text = (try? String(contentsOfFile: FuzzInput.root + "/bundles/open-restaurant.yaml", encoding: .utf8)) ?? ""
    let marker = "when: not business.has_licence"
    guard let range = text.range(of: marker) else { return (text, "") }
    return (String(text[..<range.lowerBound]) + "when: ", String(text[range.upperBound...]))
}()

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
    let text = conditionTemplate.before + doubleQuoted(condition) + conditionTemplate.after
    let report = Validator().validate(bytes: Array(text.utf8), name: "fuzz.yaml", catalogue: FuzzInput.catalogue)
    FuzzInput.renderAll(report.diagnostics, sources: [report.source].compactMap { $0 })
    return 0
}
