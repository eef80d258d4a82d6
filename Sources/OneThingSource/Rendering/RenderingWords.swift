/// Words that the renderers put around messages, in every language.
public enum RenderingWords {
    /// The label before a hint: `hint` or 提示.
    public static func hint(in language: Language) -> String {
        switch language {
        case .en: "hint"
        case .zh: "提示"
        }
    }

    /// The message and, when there is one, the hint on a line of its own:
    /// `message` + `\nhint: …`.
    public static func messageWithHint(_ diagnostic: Diagnostic, in language: Language) -> String {
        let message = diagnostic.message.text(in: language)
        guard let hint = diagnostic.hint else { return message }
        return "\(message)\n\(self.hint(in: language)): \(hint.text(in: language))"
    }
}
