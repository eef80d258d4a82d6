/// Text that came from a person or another system (a reason, a note, an answer, an id
/// typed on the command line), made safe to print: control characters, line breaks and
/// the invisible characters that reorder text (bidirectional overrides) are shown as
/// escapes, so a typed text can neither forge a line of a timeline nor move the
/// terminal's cursor.
///
/// `PrintableText.escaped("x\n 99  forged\u{1B}[2J")` is `x\n 99  forged\u{1B}[2J`
/// with the backslashes shown, on one line.
public enum PrintableText {
    /// `text` with every character that could change how the surrounding lines read
    /// replaced by a visible escape: `\n`, `\r`, `\t`, `\\`, `\u{…}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\\": result += "\\\\"
            default:
                if needsEscape(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Whether `scalar` must be shown as an escape: C0 and C1 controls, DEL, line and
    /// paragraph separators, bidirectional controls, and the backslash (so that an
    /// escape in the text cannot pass for one of ours).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x5C: true
        case 0x2028, 0x2029: true  // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true  // bidirectional controls
        default: false
        }
    }
}
