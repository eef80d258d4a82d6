// libyaml's problems in plain words. libyaml speaks of tokens, scalars and indicators;
// the people who write bundles think of lines, keys, values, quotes and indentation.

/// The message and hint of an OT101 finding, translated from libyaml's problem.
struct YAMLProblemText {
    /// What is wrong.
    var message: LocalizedText
    /// How to fix it.
    var hint: LocalizedText
    /// True when the finding is better shown where libyaml's context starts (an unclosed
    /// quote is best shown at its opening quote, not at the end of the file).
    var showAtContext = false

    /// Translates libyaml's `problem` (and `context`); `character` is the character at
    /// the problem's location, `value` the code libyaml's reader reported.
    init(problem: String, context: String?, character: Unicode.Scalar?, value: Int) {
        let translated = Self.translate(problem, context: context ?? "", character: character, value: value)
        self = translated ?? Self.generic(problem, context: context)
    }

    private init(_ message: LocalizedText, _ hint: LocalizedText, showAtContext: Bool = false) {
        self.message = message
        self.hint = hint
        self.showAtContext = showAtContext
    }

    private static let quoteHintEN = "if the colon belongs to the text, put the whole value in quotes (\"…\")"
    private static let quoteHintZH = "如果冒号是文字的一部分，请把整个值用引号括起来（\"…\"）"

    private static func translate(
        _ problem: String, context: String, character: Unicode.Scalar?, value: Int
    ) -> YAMLProblemText? {
        switch problem {
        case "mapping values are not allowed in this context":
            return .init(
                .init(
                    en: "a colon followed by a space is not allowed here",
                    zh: "这里不能出现“冒号+空格”"),
                .init(
                    en: "‘: ’ starts a new key. Likely a missing space after a colon or a colon inside text: "
                        + quoteHintEN + "; otherwise check that the line above has its colon "
                        + "and that this key is indented like its neighbours",
                    zh: "“: ”表示开始一个新的键。常见原因是冒号后少了空格，或文字中含有冒号：" + quoteHintZH
                        + "；否则请检查上一行是否缺少冒号、这个键的缩进是否与同级对齐"))
        case "could not find expected ':'":
            return .init(
                .init(en: "a key is missing its colon", zh: "键后面缺少冒号"),
                .init(
                    en: "write ‘key: value’ with a space after the colon; text that continues on the "
                        + "next line must be indented more than its key",
                    zh: "请写成“键: 值”，冒号后加一个空格；换行续写的文字要比它的键缩进更多"))
        case "did not find expected key":
            return .init(
                .init(
                    en: "this line does not fit the keys around it",
                    zh: "这一行与周围的键对不上"),
                .init(
                    en: "keys at the same level must start in the same column: check the indentation of "
                        + "this line and the one above; if a value starts with a quote and goes on after "
                        + "it, put the whole value in quotes",
                    zh: "同一层的键必须从同一列开始：请检查这一行和上一行的缩进；"
                        + "如果某个值以引号开头、引号后还有文字，请把整个值用引号括起来"))
        case "did not find expected '-' indicator":
            return .init(
                .init(
                    en: "a list item (a line starting with ‘- ’) was expected here",
                    zh: "这里应该是一个列表项（以“- ”开头的行）"),
                .init(
                    en: "the items of a list all start with ‘- ’ in the same column; check the indentation",
                    zh: "同一列表的各项都以“- ”开头并从同一列开始；请检查缩进"))
        case "did not find expected node content":
            return .init(
                .init(en: "a value is missing here", zh: "这里缺少值"),
                .init(
                    en: "write a value, or put text that starts with a special character in quotes",
                    zh: "请填写值；如果文字以特殊符号开头，请用引号括起来"))
        case "did not find expected ',' or ']'":
            return .init(
                .init(
                    en: "a list in square brackets is not closed, or two items lack a comma between them",
                    zh: "方括号列表没有闭合，或两项之间缺少逗号"),
                .init(
                    en: "separate items with ‘, ’ and close the list with ‘]’",
                    zh: "请用“, ”分隔各项，并用“]”结束列表"))
        case "did not find expected ',' or '}'":
            return .init(
                .init(
                    en: "a mapping in braces is not closed, or two entries lack a comma between them",
                    zh: "花括号没有闭合，或两项之间缺少逗号"),
                .init(
                    en: "separate entries with ‘, ’ and close with ‘}’",
                    zh: "请用“, ”分隔各项，并用“}”结束"))
        case "found unexpected end of stream" where context.contains("quoted scalar"):
            return .init(
                .init(en: "this quoted text is never closed", zh: "这段引号中的文字没有结束引号"),
                .init(
                    en: "add the closing quote; inside double quotes write \\\" for a quote, inside single "
                        + "quotes write ''",
                    zh: "请补上结束引号；双引号内的引号写作 \\\"，单引号内的单引号写作 ''"),
                showAtContext: true)
        case "found unexpected end of stream":
            return .init(
                .init(en: "the file ends in the middle of a value", zh: "文件在一个值的中间意外结束"),
                .init(
                    en: "check the last lines for unclosed quotes or brackets",
                    zh: "请检查最后几行的引号或括号是否成对"))
        case "found unknown escape character":
            return .init(
                .init(
                    en: "a backslash in double-quoted text is followed by a character it cannot escape",
                    zh: "双引号文字中的反斜杠“\\”后面跟了无法转义的字符"),
                .init(
                    en: "write \\\\ for a backslash, or use single quotes ('…'), where a backslash is "
                        + "ordinary text",
                    zh: "反斜杠请写作 \\\\，或改用单引号（'…'），单引号中的反斜杠就是普通文字"))
        case "did not find expected hexdecimal number", "found invalid Unicode character escape code":
            return .init(
                .init(
                    en: "a \\x, \\u or \\U escape in double-quoted text is not a valid character code",
                    zh: "双引号文字中的 \\x、\\u 或 \\U 后面不是有效的字符编码"),
                .init(
                    en: "write the character itself, or \\\\ for a backslash",
                    zh: "请直接写出该字符，或用 \\\\ 表示反斜杠"))
        case "found character that cannot start any token":
            let shown = character.map { "‘\($0)’" } ?? "this character"
            let shownZH = character.map { "“\($0)”" } ?? "这个字符"
            return .init(
                .init(en: "a value cannot start with \(shown)", zh: "值不能以\(shownZH)开头"),
                .init(
                    en: "put the value in quotes (\"…\")", zh: "请把这个值用引号括起来（\"…\"）"))
        case "did not find expected alphabetic or numeric character":
            return .init(
                .init(
                    en: "‘&’ or ‘*’ at the start of a value must be followed by a name",
                    zh: "值开头的“&”或“*”后面必须紧跟名称"),
                .init(
                    en: "to write & or * as text, put the value in quotes (\"…\")",
                    zh: "如果 & 或 * 是文字的一部分，请把值用引号括起来（\"…\"）"))
        case "found undefined tag handle":
            return .init(
                .init(
                    en: "a value starts with ‘!’, which YAML reads as an unknown tag",
                    zh: "值以“!”开头，YAML 会把它当作未知的标签"),
                .init(
                    en: "to write ! as text, put the value in quotes (\"…\")",
                    zh: "如果“!”是文字的一部分，请把值用引号括起来（\"…\"）"))
        case "did not find expected <document start>":
            return .init(
                .init(
                    en: "this line is outside the document: it is indented less than the first line",
                    zh: "这一行在文档之外：它的缩进比第一行还少"),
                .init(
                    en: "start the top-level keys in the first column, all in the same column",
                    zh: "顶层的键请从第一列开始，并全部对齐"))
        case "block sequence entries are not allowed in this context":
            return .init(
                .init(en: "a list item (‘- ’) cannot start here", zh: "这里不能开始列表项（“- ”）"),
                .init(
                    en: "start the list on the line below its key, indented; if the dash belongs to the "
                        + "text, put the value in quotes",
                    zh: "请在键的下一行缩进后开始列表；如果“-”是文字的一部分，请把值用引号括起来"))
        case "mapping keys are not allowed in this context":
            return .init(
                .init(en: "‘? ’ cannot start a key here", zh: "这里不能用“? ”开始一个键"),
                .init(
                    en: "if the question mark belongs to the text, put the value in quotes",
                    zh: "如果问号是文字的一部分，请把值用引号括起来"))
        case "did not find expected comment or line break":
            return .init(
                .init(
                    en: "something unexpected follows on this line",
                    zh: "这一行后面有多余的内容"),
                .init(
                    en: "after ‘|’ or ‘>’ only a comment may follow on the same line; put other text "
                        + "on the lines below, indented",
                    zh: "“|”或“>”后面同一行只能写注释；文字请写在下面几行并缩进"))
        case "found unexpected document indicator":
            return .init(
                .init(
                    en: "a line starting with ‘---’ or ‘...’ inside quoted text",
                    zh: "引号中的文字里有以“---”或“...”开头的行"),
                .init(
                    en: "indent that line, or close the quotes before it",
                    zh: "请缩进这一行，或在它之前结束引号"))
        case "control characters are not allowed":
            let code = String(value, radix: 16, uppercase: true)
            return .init(
                .init(
                    en: "the file contains an invisible control character (code 0x\(code))",
                    zh: "文件中有不可见的控制字符（编码 0x\(code)）"),
                .init(
                    en: "delete it; such characters often come from text copied out of other programs",
                    zh: "请删除它；这种字符常常来自从其他软件复制的文字"))
        case let p where p.contains("%YAML") || p.contains("%TAG") || p.contains("directive"):
            return .init(
                .init(
                    en: "a line starting with ‘%’ is not a valid YAML directive",
                    zh: "以“%”开头的行不是有效的 YAML 指令"),
                .init(
                    en: "bundle files need no ‘%’ lines: delete it, or put the value in quotes",
                    zh: "一件事文件不需要以“%”开头的行：请删除，或把值用引号括起来"))
        default:
            return nil
        }
    }

    private static func generic(_ problem: String, context: String?) -> YAMLProblemText {
        let detail = context.map { "\(problem) (\($0))" } ?? problem
        return .init(
            .init(en: "the file is not valid YAML: \(detail)", zh: "文件格式有误（YAML 语法错误：\(detail)）"),
            .init(
                en: "check this line and the one above it: indentation, a space after each colon, "
                    + "closed quotes and brackets",
                zh: "请检查这一行和上一行：缩进、冒号后的空格、引号和括号是否成对"))
    }

    /// What libyaml's `context` refers to, for the note at its location.
    static func contextNote(_ context: String) -> LocalizedText {
        if context.contains("quoted scalar") {
            return .init(en: "the quoted text starts here", zh: "引号中的文字从这里开始")
        } else if context.contains("block scalar") {
            return .init(en: "the block of text (‘|’ or ‘>’) starts here", zh: "文字块（“|”或“>”）从这里开始")
        } else if context.contains("flow sequence") {
            return .init(en: "the list in ‘[ ]’ starts here", zh: "方括号列表从这里开始")
        } else if context.contains("flow mapping") {
            return .init(en: "the mapping in ‘{ }’ starts here", zh: "花括号从这里开始")
        } else if context.contains("block mapping") {
            return .init(en: "the keys of this level start here", zh: "这一层的键从这里开始")
        } else if context.contains("block collection") {
            return .init(en: "the list starts here", zh: "列表从这里开始")
        } else if context.contains("simple key") {
            return .init(en: "the key starts here", zh: "键从这里开始")
        } else if context.contains("plain scalar") {
            return .init(en: "the value starts here", zh: "值从这里开始")
        }
        return .init(en: "what was being read starts here", zh: "出错时正在读取的内容从这里开始")
    }
}
