/// The colours of the text renderer: ANSI escape sequences when colour is on, plain
/// text when it is off.
struct TerminalStyle {
    /// Whether to colour at all.
    let isEnabled: Bool

    /// `text` in bold.
    func bold(_ text: String) -> String { styled(text, "1") }

    /// `text` in the bold colour of `severity`: red errors, yellow warnings, cyan notes.
    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: styled(text, "1;31")
        case .warning: styled(text, "1;33")
        case .note: styled(text, "1;36")
        }
    }

    /// `text` in the colour of the gutter beside quoted lines: bold blue.
    func gutter(_ text: String) -> String { styled(text, "1;34") }

    private func styled(_ text: String, _ parameters: String) -> String {
        guard isEnabled, !text.isEmpty else { return text }
        return "\u{1B}[\(parameters)m\(text)\u{1B}[0m"
    }
}
