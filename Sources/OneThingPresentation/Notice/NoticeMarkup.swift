import OneThing

/// Escaping of text taken from a bundle (or typed by a person) for the formats the
/// notice and the pages are written in.
public enum NoticeMarkup {
    /// Text for HTML and XML, in content and in quoted attributes: `<`, `>`, `&`, `"`
    /// and `'` become character references, so that no bundle text becomes markup.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Text for GitHub-flavoured Markdown, inside a line: every ASCII punctuation mark
    /// that could start markup (emphasis, links, HTML, code, tables) is escaped with a
    /// backslash, and line breaks become spaces, so that the text stays one inline run.
    static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "{", "}":
                out.append("\\")
                out.append(character)
            case "\n", "\r":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    /// Text for GitHub-flavoured Markdown that starts a block (a paragraph, a list
    /// item): as ``markdown(_:)``, and a start that would make a list item or a heading
    /// underline (`- `, `+`, `=`, `1.`) is escaped too.
    static func markdownBlock(_ text: String) -> String {
        var out = markdown(text)
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        if let end = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), end != out.startIndex,
            out[end] == "." || out[end] == ")"
        {
            out.insert("\\", at: end)
        }
        return out
    }
}
