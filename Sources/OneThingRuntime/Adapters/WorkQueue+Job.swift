extension WorkQueue {
    /// A step waiting at a department, as its work queue holds it (made by the queue only): waiting to be
    /// claimed, claimed by a worker until its lease ends, or waiting for the applicant's
    /// supplement after the department asked for one.
    public struct Job: Sendable, Hashable {
        /// Where the job stands: waiting, claimed by a worker until a moment (then it
        /// returns to the queue), or awaiting the applicant's supplement (补正). The same
        /// as a job's on a shared board.
        public typealias Status = PostedJob.Status

        /// The step as the engine sent it (case, step, department, due moment, key).
        public var submission: Submission
        /// When the job entered the queue: when the step was sent, if known. The queue
        /// gives out the oldest first.
        public var queuedAt: Timestamp
        /// Where the job stands.
        public var status: Status

        /// The idempotency key, `case/step/attempt`: what a worker decides the job by.
        public var key: String { submission.key }
        /// The department.
        public var department: String { submission.department }
    }

    /// A decision a worker made on a job and the engine took (made by the queue only).
    public struct Decision: Sendable, Hashable {
        /// The job's key.
        public var key: String
        /// The worker who decided.
        public var worker: String
        /// What was decided.
        public var outcome: AdapterOutcome
        /// What an approval issued: output id (of the step's outputs) → the document's
        /// number or reference, such as a licence number; empty for any other outcome.
        public var outputs: [String: String]
        /// When.
        public var decidedAt: Timestamp
        /// What an approval decided of the results produced in the case: output id → value
        /// id; empty for any other outcome, or a step that decides none.
        public var results: [String: String] = [:]

        /// Whether `other` (its worker, outcome, outputs and results) repeats this decision.
        func repeats(_ other: Decision) -> Bool {
            worker == other.worker && outcome == other.outcome && outputs == other.outputs
                && results == other.results
        }
    }
}
