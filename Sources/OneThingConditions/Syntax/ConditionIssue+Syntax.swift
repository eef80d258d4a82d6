import OneThingSource

// The findings of the lexer and the parser: OT401 (syntax) and OT407 (limits).
// Policy staff read these: plain words, the fix spelt out, an example where it helps.

extension ConditionIssue {
    // MARK: Limits (OT407)

    /// The condition is longer than the limit; points at the first character beyond it.
    static func tooLong(length: Int, limit: Int) -> ConditionIssue {
        ConditionIssue(
            code: .conditionTooComplex, range: limit..<length,
            message: .init(
                en: "this condition is \(length) characters long; the limit is \(limit)",
                zh: "此条件长 \(length) 个字符，超过了 \(limit) 个字符的上限"),
            hint: .init(
                en: "split it: add a yes/no field to the form, or simplify the condition",
                zh: "请拆分条件：可在表单中增加一个是/否字段，或简化条件"))
    }

    /// The condition nests deeper than the limit; points at the bracket or operator
    /// that opens one level too many.
    static func tooDeep(limit: Int, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionTooComplex, range: range,
            message: .init(
                en: "this condition nests more than \(limit) levels deep",
                zh: "此条件的括号或否定嵌套超过了 \(limit) 层"),
            hint: .init(
                en: "remove brackets that are not needed, or split the condition",
                zh: "请去掉多余的括号，或拆分条件"))
    }

    // MARK: Characters and words (OT401)

    /// A lone `=`.
    static func singleEquals(range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "a single '=' is not a comparison", zh: "单个“=”不能用于比较"),
            hint: .init(
                en: "to test whether two values are equal write '==', as in kind == \"shop\"",
                zh: "判断是否相等请写两个等号“==”，例如 kind == \"shop\""))
    }

    /// An operator spelt as in another language: `<>`, `=>`, `&`.
    static func misspeltOperator(_ written: String, use: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "'\(written)' is not an operator here", zh: "“\(written)”不是可用的运算符"),
            hint: .init(en: "write '\(use)'", zh: "请写“\(use)”"))
    }

    /// A character no token starts with; with the intended character when it is a
    /// known look-alike (full-width brackets, `≥`).
    static func unexpectedCharacter(_ s: Unicode.Scalar, lookAlike: String?, at offset: Int) -> ConditionIssue
    {
        let hint: LocalizedText
        if let lookAlike {
            hint = .init(
                en: "write '\(lookAlike)' instead (conditions use half-width characters)",
                zh: "请改为半角的“\(lookAlike)”（条件中的符号须用半角/英文输入法）")
        } else if s == "." {
            hint = .init(
                en: "a number starts with a digit (0.5); a field name with a letter",
                zh: "数字须以数字开头（如 0.5），字段名须以字母或汉字开头")
        } else if s.properties.numericType != nil {
            hint = .init(
                en: "write numbers with the digits 0–9", zh: "数字请用半角阿拉伯数字 0–9 书写")
        } else {
            hint = .init(
                en: "put text values in quotes: \"…\"", zh: "文字取值请放在引号中：\"…\" 或 “…”")
        }
        return ConditionIssue(
            code: .conditionSyntax, range: offset..<offset + 1,
            message: .init(
                en: "unexpected character '\(Character(s))'", zh: "条件中不能出现字符“\(Character(s))”"),
            hint: hint)
    }

    /// A quote that is never closed.
    static func unterminatedString(
        opening: Unicode.Scalar, closing: Unicode.Scalar, at offset: Int
    ) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: offset..<offset + 1,
            message: .init(
                en: "the text that starts with \(Character(opening)) is never closed",
                zh: "以 \(Character(opening)) 开头的文字缺少结束的引号"),
            hint: .init(
                en: "end it with \(Character(closing))", zh: "请在文字末尾加上 \(Character(closing))"))
    }

    /// `12.` without digits after the point.
    static func numberEndsWithPoint(range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "a number cannot end with '.'", zh: "数字不能以小数点结尾"),
            hint: .init(
                en: "write digits after the point (12.5) or leave it out (12)",
                zh: "请在小数点后写数字（如 12.5），或去掉小数点（如 12）"))
    }

    /// `12abc`, `1.2.3`.
    static func numberFollowedByLetters(_ written: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(
                en: "'\(written)' is neither a number nor a field name", zh: "“\(written)”既不是数字也不是字段名"),
            hint: .init(
                en: "a field name cannot start with a digit; text values go in quotes: \"\(written)\"",
                zh: "字段名不能以数字开头；文字取值请加引号：\"\(written)\""))
    }

    /// A number too large to be represented.
    static func numberTooLarge(_ written: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "this number is too large", zh: "这个数字太大了"))
    }

    /// `venue.` or `venue.2nd`: a dot not followed by a name.
    static func badPathSegment(after path: String, at offset: Int) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: offset..<offset + 1,
            message: .init(
                en: "'\(path).' must be followed by a name", zh: "“\(path).”后面应接字段名的下一部分"),
            hint: .init(
                en: "each part of a field id starts with a letter or '_': venue.area_m2",
                zh: "字段编号的每一部分都须以字母、汉字或“_”开头，如 venue.area_m2"))
    }

    /// `AND`, `Not`, `TRUE`: a keyword in capitals.
    static func capitalisedKeyword(_ written: String, range: Range<Int>) -> ConditionIssue {
        let lower = written.lowercased()
        return ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(
                en: "'\(written)' is not understood: keywords are written in small letters",
                zh: "无法识别“\(written)”：关键字须用小写字母"),
            hint: .init(en: "write '\(lower)'", zh: "请写“\(lower)”"))
    }

    // MARK: Structure (OT401)

    /// Nothing but spaces.
    static func emptyCondition(at offset: Int) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: offset..<offset,
            message: .init(en: "the condition is empty", zh: "条件是空的"),
            hint: .init(
                en: "write a condition such as venue.area_m2 >= 150, or remove 'when'",
                zh: "请写出条件，如 venue.area_m2 >= 150；若事项总是办理，请删去“when”"))
    }

    /// A `)` that closes nothing.
    static func unmatchedClosing(range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "this ')' has no matching '('", zh: "这个“)”没有与之配对的“(”"),
            hint: .init(en: "remove it, or add the '(' where the group starts", zh: "请删去它，或在分组开始处补上“(”"))
    }

    /// A `(` that is never closed.
    static func unclosedParenthesis(open: Range<Int>, inside: String, at range: Range<Int>) -> ConditionIssue
    {
        let snippet = inside.count > 30 ? String(inside.prefix(30)) + "…" : inside
        return ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "a '(' is never closed", zh: "有一个“(”没有闭合"),
            hint: .init(
                en: "add ')' to close the '(' before '\(snippet)'", zh: "请补上“)”，与“\(snippet)”前的“(”配对"),
            notes: [.init(range: open, message: .init(en: "the '(' opened here", zh: "“(”在这里开始"))])
    }

    /// `()`.
    static func emptyParentheses(range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "the brackets are empty", zh: "括号里是空的"),
            hint: .init(en: "write a condition inside them, or remove them", zh: "请在括号中写条件，或删去括号"))
    }

    /// `not` after a value, as in `a not b`.
    static func misplacedNot(range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "'not' cannot follow a value here", zh: "“not”不能直接跟在值后面"),
            hint: .init(
                en: "write 'and not …', 'or not …', or 'not in [ … ]'",
                zh: "请写“and not …”“or not …”或“not in [ … ]”"))
    }

    /// Two values with nothing between them, as in `a b`.
    static func missingOperator(before found: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(
                en: "'\(found)' follows a complete condition without 'and' or 'or'",
                zh: "“\(found)”前缺少“and”或“or”"),
            hint: .init(
                en:
                    "join two conditions with 'and' (both hold) or 'or' (either holds); separate 且/或 from names with spaces",
                zh: "两个条件之间请用“and”（同时成立）或“or”（任一成立）连接；使用“且”“或”时两边须留空格"))
    }

    /// A token that cannot stand where it is.
    static func unexpectedToken(_ found: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "'\(found)' cannot stand here", zh: "“\(found)”不能出现在这里"))
    }

    /// A value or field is missing after an operator, or at the start.
    static func missingOperand(after op: String?, found: ConditionToken, range: Range<Int>) -> ConditionIssue
    {
        let message: LocalizedText
        switch (op, found.kind) {
        case (let op?, .end):
            message = .init(
                en: "the condition ends after '\(op)'; a value or field is missing",
                zh: "条件在“\(op)”之后就结束了，缺少要比较的值或字段")
        case (let op?, _):
            message = .init(
                en: "expected a value or field after '\(op)', found '\(found.text)'",
                zh: "“\(op)”之后应为值或字段，实际是“\(found.text)”")
        case (nil, _):
            message = .init(
                en: "a condition cannot start with '\(found.text)'", zh: "条件不能以“\(found.text)”开头")
        }
        return ConditionIssue(
            code: .conditionSyntax, range: range, message: message,
            hint: .init(
                en: "a condition compares a field with a value, as in venue.area_m2 >= 150",
                zh: "条件用来把字段和值作比较，例如 venue.area_m2 >= 150"))
    }

    /// `a < b < c`.
    static func chainedComparison(range: Range<Int>, first: String) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(
                en: "comparisons cannot be chained after '\(first)'", zh: "“\(first)”之后不能再接一个比较"),
            hint: .init(
                en: "write two comparisons joined by 'and': x > 1 and x < 9",
                zh: "请拆成两个比较并用“and”连接，例如 x > 1 and x < 9"))
    }

    // MARK: Lists (OT401)

    /// `in` not followed by `[`.
    static func missingList(after op: String, found: ConditionToken, at range: Range<Int>) -> ConditionIssue {
        let parenthesis = found.kind == .leftParenthesis
        return ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(
                en: "'\(op)' must be followed by a list in square brackets, or a multi-choice field",
                zh: "“\(op)”后面应为方括号括起的列表或多选字段"),
            hint: parenthesis
                ? .init(en: "use square brackets [ ] for the list", zh: "列表请用方括号 [ ]")
                : .init(en: "for example: kind in [\"a\", \"b\"]", zh: "例如：kind in [\"a\", \"b\"]"))
    }

    /// A `[` that is never closed.
    static func unclosedList(open: Range<Int>, at range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "the list is never closed with ']'", zh: "列表缺少结束的“]”"),
            hint: .init(en: "add ']' after the last value", zh: "请在最后一个值后补上“]”"),
            notes: [.init(range: open, message: .init(en: "the list starts here", zh: "列表从这里开始"))])
    }

    /// Two list values without a comma.
    static func missingComma(found: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "expected ',' or ']' before '\(found)'", zh: "“\(found)”之前应为“,”或“]”"),
            hint: .init(en: "separate the values of a list with commas", zh: "列表中的各个值请用半角逗号“,”分隔"))
    }

    /// Something other than a fixed value in a list.
    static func notAListValue(_ found: String, range: Range<Int>) -> ConditionIssue {
        let shown = found.isEmpty ? "end" : found
        return ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(
                en: "a list holds fixed values only, not '\(shown)'", zh: "列表中只能写固定的值，不能写“\(shown)”"),
            hint: .init(
                en: "write numbers, text in quotes, true or false", zh: "请写数字、加引号的文字、true 或 false"))
    }

    /// An unquoted word in a list, as in `kind in [shop, office]`.
    static func bareWordInList(_ word: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionSyntax, range: range,
            message: .init(en: "'\(word)' in a list must be in quotes", zh: "列表中的“\(word)”须加引号"),
            hint: .init(en: "write \"\(word)\"", zh: "请写成 \"\(word)\""))
    }
}
