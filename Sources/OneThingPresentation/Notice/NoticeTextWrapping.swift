import OneThing

/// Breaks text into lines of a given width for drawing, without a font at hand:
/// Chinese characters are one em wide, ASCII letters and digits a little over half.
///
/// Lines break between any two Chinese characters and at spaces between ASCII words;
/// closing punctuation (`，`、`）`) never starts a line and opening punctuation (`（`)
/// never ends one (禁则).
struct NoticeTextWrapping: Sendable {
    /// The font size in pixels.
    let fontSize: Double

    /// The width of `text` in pixels.
    func width(of text: some StringProtocol) -> Double {
        text.reduce(0) { $0 + Self.ems(of: $1) } * fontSize
    }

    /// `text` in lines no wider than `width`, except a line that holds one unbreakable
    /// ASCII word or a closing punctuation mark hanging at its end. An aside in
    /// brackets (`（备案）`) that fits on a line of its own is not split.
    func lines(_ text: String, width: Double) -> [String] {
        let tokens = Self.tokens(text)
        let widths = tokens.map { self.width(of: $0) }
        // For each opening bracket, the width up to and including its closing one.
        var groupWidth: [Int: Double] = [:]
        var groupEnd: [Int: Int] = [:]
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            guard token.count == 1, let character = token.first else { continue }
            if Self.opening.contains(character) { open.append(index) }
            if Self.closing.contains(character), "）)》」』”".contains(character), let start = open.popLast() {
                groupWidth[start] = widths[start...index].reduce(0, +)
                groupEnd[start] = index
            }
        }
        var lines: [String] = []
        var start = 0
        var lineWidth = 0.0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let hangs = token.count == 1 && token.first.map(Self.closing.contains) == true
            if lineWidth + widths[index] > width, index > start, !hangs {
                var breakAt = index
                if let bracket = (start..<index).last(where: { groupWidth[$0] != nil }), bracket > start,
                    let end = groupEnd[bracket], end >= index, let group = groupWidth[bracket], group <= width
                {
                    breakAt = bracket
                } else {
                    while breakAt - 1 > start, tokens[breakAt - 1].count == 1,
                        tokens[breakAt - 1].first.map(Self.opening.contains) == true
                    {
                        breakAt -= 1
                    }
                }
                lines.append(Self.trimmed(tokens[start..<breakAt].joined()))
                start = breakAt
                while start < tokens.count, tokens[start] == " ", start < index { start += 1 }
                lineWidth = widths[start..<index].reduce(0, +)
                if token == " ", start == index {
                    start += 1
                    index += 1
                    continue
                }
            }
            lineWidth += widths[index]
            index += 1
        }
        let last = Self.trimmed(tokens[min(start, tokens.count)...].joined())
        if !last.isEmpty { lines.append(last) }
        return lines
    }

    /// The text in tokens that do not break: one Chinese character, one ASCII word, one space.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(" ")
            } else if character.isASCII {
                word.append(character)
            } else {
                if !word.isEmpty { tokens.append(word) }
                word = ""
                tokens.append(String(character))
            }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }

    /// The width of one character in ems.
    static func ems(of character: Character) -> Double {
        guard character.isASCII else { return character == "·" ? 0.5 : 1 }
        if character == " " { return 0.3 }
        if character.isUppercase || character == "m" || character == "w" { return 0.68 }
        if ".,:;!|'ilj()[]".contains(character) { return 0.32 }
        return 0.56
    }

    static func trimmed(_ text: String) -> String {
        var result = Substring(text)
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }

    /// Punctuation that may not start a line.
    static let closing: Set<Character> = [
        "，", "。", "、", "）", "》", "」", "』", "：", "；", "！", "？", "”", ",", ".", ")",
    ]
    /// Punctuation that may not end a line.
    static let opening: Set<Character> = ["（", "《", "「", "『", "“", "("]
}
