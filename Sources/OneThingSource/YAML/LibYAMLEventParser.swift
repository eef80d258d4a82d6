import CYAML

/// A libyaml event parser over a buffer of UTF-8 bytes that outlives it.
///
/// libyaml keeps a pointer to its own parser struct (the string reader reads through
/// it), so the struct lives on the heap rather than in a Swift variable that may move.
/// The current event is deleted before the next one is parsed and when the parser goes.
final class LibYAMLEventParser {
    /// The libyaml parser.
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event, valid after ``next()`` returned true.
    let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false
    private let emptyInput: UnsafeMutablePointer<UInt8>?

    /// Creates a parser reading `bytes`, which must stay valid while the parser lives.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        _ = yaml_parser_initialize(parser)
        if let base = bytes.baseAddress {
            emptyInput = nil
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            // libyaml asserts on a null input, even an empty one.
            let placeholder = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
            placeholder.initialize(to: 0)
            emptyInput = placeholder
            yaml_parser_set_input_string(parser, placeholder, 0)
        }
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        emptyInput?.deallocate()
    }

    /// Parses the next event into ``event``; false when libyaml reports an error.
    @inline(__always)
    func next() -> Bool {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) != 0 else { return false }
        holdsEvent = true
        return true
    }

    /// The error libyaml reported, after ``next()`` returned false.
    var failure: LibYAMLFailure {
        let state = parser.pointee
        return LibYAMLFailure(
            isReaderError: state.error == YAML_READER_ERROR,
            problem: state.problem.map { String(cString: $0) } ?? "unknown problem",
            problemMark: state.problem_mark,
            problemOffset: Int(state.problem_offset),
            problemValue: Int(state.problem_value),
            context: state.context.map { String(cString: $0) },
            contextMark: state.context_mark)
    }
}

/// What libyaml said when it stopped: its problem and context, and where they are.
struct LibYAMLFailure {
    /// True for an error of libyaml's reader (bad bytes), located by byte offset.
    var isReaderError: Bool
    /// libyaml's description of the problem, such as "found unexpected end of stream".
    var problem: String
    /// Where the problem is (scanner and parser errors).
    var problemMark: yaml_mark_t
    /// The byte offset of the problem (reader errors).
    var problemOffset: Int
    /// The offending value (reader errors), such as the code of a control character.
    var problemValue: Int
    /// What libyaml was reading, such as "while scanning a quoted scalar".
    var context: String?
    /// Where the construct named by ``context`` starts.
    var contextMark: yaml_mark_t
}
